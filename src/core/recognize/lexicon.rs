//! The lexicon: every word list the recognizer consults, in one table.
//!
//! Each entry is a lower-case phrase of one to [`MAX_WORDS`] words joined by
//! single spaces (`"perdana menteri"`), mapped to a set of [`flags`] saying
//! what the phrase can be (a title, a country, a month, a speech verb, …). A
//! phrase may carry several flags (`"di"` is both a stop word and a locative
//! preposition); they are OR-ed together when the table is built.
//!
//! Keys are compared with the text lower-cased by ASCII rules only, so byte
//! offsets never move (see [`super::tokens::Doc`]); every entry is therefore
//! plain ASCII (`’` apostrophes are the one exception, spelled out).
//!
//! The lists here are the recognizer's grammar knowledge: function words,
//! organisation and place head words, portfolios, months, cues. The
//! gazetteer of known places, organisations and titles is compiled from
//! `data/gazetteer/` (see [`super::gazetteer`]) and merged into the same
//! table. Grow the lists there or here, never in the rules.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::gazetteer;

/// The longest phrase, in words, that the table holds.
pub(crate) const MAX_WORDS: usize = 4;

/// The classes a lexicon phrase can belong to, as bits of a `u32`.
pub(crate) mod flags {
    /// A title or role before a name (`presiden`, `prime minister`).
    pub const TITLE: u32 = 1 << 0;
    /// A title that counts only when capitalised (`Pak`, `Ibu`, `Mr.`).
    pub const TITLE_CAP: u32 = 1 << 1;
    /// An abbreviation whose following `.` is not a sentence end.
    pub const ABBR: u32 = 1 << 2;
    /// A word that continues a title (`Luar Negeri`, `Foreign`).
    pub const PORTFOLIO: u32 = 1 << 3;
    /// A word that makes a capitalised run an organisation.
    pub const ORG_HEAD: u32 = 1 << 4;
    /// A known organisation name.
    pub const ORG_NAME: u32 = 1 << 5;
    /// A word that starts a place name (`Provinsi`, `Gunung`).
    pub const PLACE_HEAD: u32 = 1 << 6;
    /// A known place (the gazetteer).
    pub const LOC: u32 = 1 << 7;
    /// A known place written as an all-capitals acronym (`AS`, `UK`); it
    /// counts only when the text writes it in capitals.
    pub const LOC_ACRO: u32 = 1 << 8;
    /// A compass word that may follow or precede a place (`Selatan`).
    pub const DIRECTION: u32 = 1 << 9;
    /// A capitalised word that is never part of a name.
    pub const STOP: u32 = 1 << 10;
    /// A nationality adjective (`German`): not an entity, not a name.
    pub const DEMONYM: u32 = 1 << 11;
    /// A lower-case particle inside personal names (`bin`, `van`).
    pub const CONNECTOR: u32 = 1 << 12;
    /// A lower-case word inside organisation names (`of`, `dan`).
    pub const ORG_CONNECTOR: u32 = 1 << 13;
    /// A full month name.
    pub const MONTH: u32 = 1 << 14;
    /// A month abbreviation (`Des`, `Dec`), optionally followed by `.`.
    pub const MONTH_ABBR: u32 = 1 << 15;
    /// A weekday name.
    pub const WEEKDAY: u32 = 1 << 16;
    /// A word after which a bare year is a date (`sejak`, `since`).
    pub const YEAR_CUE: u32 = 1 << 17;
    /// A verb or phrase of saying (`kata`, `said`, `according to`).
    pub const CUE: u32 = 1 << 18;
    /// A verb of saying that carries its own pronoun (`ujarnya`).
    pub const CUE_PRON: u32 = 1 << 19;
    /// A third-person singular pronoun (`dia`, `she`).
    pub const PRONOUN: u32 = 1 << 20;
    /// A common Indonesian function word (language detection).
    pub const FUNC_ID: u32 = 1 << 21;
    /// A common English function word (language detection).
    pub const FUNC_EN: u32 = 1 << 22;
    /// An Indonesian locative preposition (`di`, `ke`, `dari`).
    pub const PREP_ID: u32 = 1 << 23;
    /// An English locative preposition (`in`, `at`).
    pub const PREP_EN: u32 = 1 << 24;
    /// A locative preposition strong enough for multi-word places.
    pub const PREP_STRONG: u32 = 1 << 25;
    /// A word ending an organisation name (`Tbk`, `Inc`).
    pub const ORG_SUFFIX: u32 = 1 << 26;
    /// A word ending a place name (`Street`, `County`).
    pub const PLACE_SUFFIX: u32 = 1 << 27;
    /// A word that closes a nominal subject (`itu`, `tersebut`).
    pub const ANAPHOR_END: u32 = 1 << 28;
    /// A determiner before a nominal speaker (`the`, `sang`).
    pub const DETERMINER: u32 = 1 << 29;
    /// A suffix of personal names (`Jr`, `Sr`).
    pub const NAME_SUFFIX: u32 = 1 << 30;
    /// A common noun written as an acronym (`BBM`, `PHK`, `TV`): never an
    /// organisation on its own.
    pub const COMMON: u32 = 1 << 31;
}

use flags::*;

/// Abbreviations whose following full stop is not a sentence end (among
/// them the police, military and civil ranks written before a name:
/// `Det.`, `Sgt.`, `Lt.`, `Supt.`, `Adm.`, `Atty.`).
#[rustfmt::skip]
const ABBRS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "ir", "h", "hj", "drs", "dra", "kh", "gen", "sen", "rep",
    "gov", "col", "lt", "capt", "sgt", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs",
    "jl", "mt", "ft", "bros", "plt", "ny", "sdr", "nn", "det", "cpl", "pvt", "maj", "brig",
    "cmdr", "cdr", "adm", "insp", "supt", "atty", "rev",
];

/// Words that continue a title towards the name ("Menteri *Luar Negeri*").
#[rustfmt::skip]
const PORTFOLIOS: &[&str] = &[
    "luar negeri", "dalam negeri", "keuangan", "pertahanan", "perdagangan", "perindustrian",
    "kesehatan", "pendidikan", "kebudayaan", "agama", "hukum", "ham", "sosial", "koordinator",
    "bidang", "politik", "keamanan", "perekonomian", "utama", "umum", "energi", "pertanian",
    "kelautan", "perikanan", "pariwisata", "perhubungan", "pemuda", "olahraga", "investasi", "bumn",
    "negara", "sekretaris negara", "kabinet", "komunikasi", "informatika", "digital",
    "lingkungan hidup", "kehutanan", "ketenagakerjaan", "tenaga kerja", "desa", "agraria",
    "tata ruang", "pekerjaan umum", "perumahan", "rakyat", "riset", "teknologi", "dasar",
    "menengah", "tinggi", "humas", "eksekutif", "harian", "republik", "pembangunan", "perencanaan",
    "nasional", "daerah", "hubungan", "masyarakat", "pemberdayaan", "perempuan", "anak", "sains",
    "kebijakan", "strategis", "hak asasi manusia", "staf", "kepresidenan", "staf kepresidenan",
    "militer", "operasi", "gizi", "pangan", "foreign", "defence", "defense", "finance", "home",
    "interior", "trade", "health", "education", "justice", "energy", "treasury", "state", "affairs",
    "foreign affairs", "general", "executive", "senior", "national", "security", "economy",
    "commerce", "agriculture", "transport", "labor", "labour", "environment", "culture",
    "development", "planning", "public", "works", "minority", "majority", "muda", "pidana",
    "khusus", "intelijen", "pembinaan", "polhukam", "kemaritiman", "marves", "pmk",
    "angkatan darat", "angkatan laut", "angkatan udara", "udara", "pol", "purn",
    "terpilih", "besar", "niaga", "pemasaran", "produksi", "operasional", "infrastruktur",
    "imigrasi", "reserse", "kriminal", "narkoba", "lalu lintas", "sumber daya manusia", "teknik",
    "pengembangan", "bisnis", "elect", "designate", "emeritus", "adjunct", "associate", "assistant",
    // Police units and the corps written after a military rank (`Letkol
    // *Inf* Whisnu`, `Kanit *Reskrim*`).
    "reskrim", "intelkam", "samapta", "sabhara", "binmas", "propam", "inf", "kav",
    "czi", "cba", "chb", "ckm", "cpm", "caj", "ctp", "chk", "cku", "arh", "pnb", "psk",
];

/// Words that make a run of capitalised words an organisation.
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "kementerian", "kementrian", "kemenko", "partai", "bank", "universitas", "komisi", "dewan",
    "badan", "majelis", "mahkamah", "pengadilan", "polri", "kepolisian", "polda", "polres",
    "polsek", "tni", "pt", "tbk", "institut", "lembaga", "asosiasi", "yayasan", "persatuan",
    "perhimpunan", "ikatan", "himpunan", "kejaksaan", "kejari", "kejati", "kantor", "direktorat",
    "sekretariat", "kedutaan", "kedubes", "konsulat", "pemprov", "pemkot", "pemkab", "dinas",
    "biro", "otoritas", "akademi", "sekolah", "fakultas", "rumah sakit", "rs", "rsud", "koperasi",
    "federasi", "liga", "klub", "gerakan", "aliansi", "koalisi", "forum", "grup", "perum",
    "perusahaan umum", "kodam", "korem", "kodim", "polisi", "timnas", "komite", "kamar dagang",
    "satgas", "satuan tugas", "pasukan", "kelompok kerja", "bursa", "ombudsman", "inspektorat",
    "kantor berita", "televisi", "ministry", "department", "party", "university", "college",
    "school", "council", "commission", "agency", "association", "institute", "institution", "court",
    "parliament", "congress", "senate", "assembly", "committee", "foundation", "federation",
    "union", "organization", "organisation", "corporation", "company", "authority", "bureau",
    "office", "police", "army", "navy", "forces", "fund", "board", "club", "league", "network",
    "press", "times", "post", "news", "airlines", "airways", "motors", "group", "holdings",
    "partners", "securities", "media", "service", "services", "guard", "command", "directorate",
    "secretariat", "embassy", "consulate", "watch", "international", "bankers", "labs",
    "technologies", "systems", "industries", "telegraph", "journal", "tribune", "herald", "gazette",
    "reserve", "treasury", "cabinet", "government", "administration", "brigade", "battalion",
    "coalition", "alliance", "front", "movement", "society", "center", "centre", "museum",
    "hospital", "academy", "orchestra", "festival", "serikat", "perguruan tinggi",
    "pondok pesantren", "ponpes", "pesantren", "sma", "smp", "smk", "sd", "mts", "sman", "smpn",
    "smkn", "library", "perpustakaan", "fc", "ac", "sv", "division", "faculty", "laboratory",
    "laboratorium", "fraksi", "kwartir", "pengurus", "pimpinan pusat", "dpp", "dpw", "dpc",
    "therapeutics", "pharmaceuticals", "biosciences", "semiconductor", "semiconductors",
    "rovers", "wanderers", "hotspur", "albion", "athletic", "united", "rail", "railway",
    "railways", "records", "brothers", "lines", "logistics", "freight", "shipping",
];

/// Words that end an organisation name; they may take a `.`.
#[rustfmt::skip]
const ORG_SUFFIXES: &[&str] = &[
    "tbk", "inc", "corp", "ltd", "llc", "plc", "co", "gmbh", "ag", "bhd", "persero",
];

/// Suffixes of personal names; they may take a `.`.
#[rustfmt::skip]
const NAME_SUFFIXES: &[&str] = &[
    "jr", "sr",
];

/// Words that start a place name.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "provinsi", "kabupaten", "kota", "pulau", "gunung", "sungai", "laut", "selat", "jalan", "jl",
    "desa", "kecamatan", "kelurahan", "teluk", "danau", "tanjung", "kepulauan", "semenanjung",
    "samudra", "samudera", "bandara", "pelabuhan", "stasiun", "istana", "masjid", "gereja", "candi",
    "taman", "lapangan", "stadion", "gedung", "monumen", "pantai", "kampung", "dusun", "distrik",
    "ibu kota", "benteng", "terminal", "alun-alun", "kompleks", "pasar", "lembah", "bukit", "hutan",
    "jembatan", "tol", "jalur", "blok", "kawasan", "wilayah", "negara bagian", "mount", "mt",
    "lake", "river", "gulf", "bay", "sea", "ocean", "island", "islands", "cape", "port", "fort",
    "republic", "kingdom", "province", "county", "strait", "valley", "desert", "plaza", "dataran",
    "dataran tinggi", "prefektur", "tugu", "menara", "gua", "goa", "air terjun", "waduk",
    "bendungan", "kebun raya", "hotel", "apartemen", "prefecture", "bandar udara", "bundaran",
];

/// Words that end a place name.
#[rustfmt::skip]
const PLACE_SUFFIXES: &[&str] = &[
    "street", "avenue", "road", "boulevard", "county", "city", "province", "island", "islands",
    "river", "lake", "valley", "bay", "beach", "square", "bridge", "airport", "station", "park",
    "hills", "mountains", "peninsula", "strait", "sea", "ocean", "regency", "district", "utara",
    "selatan", "barat", "timur", "tengah", "raya", "tower", "palace", "cathedral", "church", "temple",
    "mosque", "castle", "hall", "tunnel", "mansion", "trail", "harbour", "harbor", "canal",
    "falls", "heights", "gardens", "prefecture",
];

/// Place words that belong to the name they precede even in lower case
/// ("kota Semarang", "desa Kramas"), unlike generic ones ("wilayah Gaza").
#[rustfmt::skip]
const NAMING_PLACE_HEADS: &[&str] = &[
    "kota", "desa", "kecamatan", "kabupaten", "provinsi", "kelurahan", "dusun", "distrik",
    "pulau", "danau", "gunung", "sungai", "jalan", "teluk", "selat", "kampung", "bukit", "pantai",
    "stasiun", "bandara", "pelabuhan", "candi", "masjid", "gereja", "tanjung",
];

/// Whether a lower-case place word is part of the name it precedes even
/// when written in lower case (`kota`, `desa`, `jalan`).
pub(crate) fn is_naming_place_head(word: &str) -> bool {
    NAMING_PLACE_HEADS.contains(&word)
}

/// Words that head the name of an event or a work rather than of a
/// person, organisation or place ("Perang Dunia", "Piala Suratin"); a run
/// they start is not an entity.
#[rustfmt::skip]
const EVENT_HEADS: &[&str] = &[
    "perang", "pertempuran", "piala", "lomba", "kejuaraan", "turnamen", "operasi", "konferensi",
    "krisis", "tragedi", "peristiwa", "revolusi", "reformasi", "sumpah",
    "war", "battle", "cup", "championship", "tournament", "operation", "crisis", "revolution",
    "treaty", "act", "award", "awards", "prize",
];

/// Common nouns written as acronyms: never an organisation alone.
#[rustfmt::skip]
const COMMONS: &[&str] = &[
    "bbm", "spbu", "phk", "apbn", "apbd", "pdb", "gdp", "ppn", "pph", "umkm", "ktp", "nik", "sim",
    "hp", "tv", "sh", "mh", "se", "mm", "mba", "phd", "pns", "asn", "rt", "rw", "pilkada",
    "pilpres", "pemilu", "dpt", "tps", "wib", "wita", "wit", "utc", "gmt", "km", "kg", "rp", "usd",
    "idr", "ok", "pdf", "ai", "hiv", "aids", "dbd", "uu", "ruu", "pp", "perppu", "perpu", "perpres",
    "permen", "perda", "ham", "ceo", "cv", "pt", "tbk", "dll", "dsb", "sdm", "sda", "ekspor",
    "impor", "lpg", "kur", "sbn", "ihsg", "ott", "nkri", "kuhp", "kuhap", "uud", "uupa", "npwp",
    "stnk", "sim", "bpkb", "pasal", "bc", "bce", "ad", "ce", "ps", "iq", "pc", "dj", "mc", "vip",
    "faq", "usb", "gps", "dna", "rna", "pm", "am", "fyi", "aka", "etc", "lol",
];

/// Compass words that can extend a place ("Jakarta *Selatan*").
#[rustfmt::skip]
const DIRECTIONS: &[&str] = &[
    "utara", "selatan", "barat", "timur", "tengah", "pusat", "raya", "barat daya", "barat laut",
    "tenggara", "timur laut", "north", "south", "east", "west", "central", "northern", "southern",
    "eastern", "western", "greater", "new", "upper", "lower",
];

/// Nationality adjectives and group nouns: capitalised, but not entities.
#[rustfmt::skip]
const DEMONYMS: &[&str] = &[
    "german", "japanese", "indonesian", "american", "chinese", "french", "british", "russian",
    "ukrainian", "dutch", "australian", "korean", "indian", "malaysian", "singaporean", "thai",
    "vietnamese", "filipino", "philippine", "european", "asian", "african", "israeli",
    "palestinian", "iranian", "iraqi", "syrian", "turkish", "egyptian", "canadian", "mexican",
    "brazilian", "italian", "spanish", "polish", "swedish", "norwegian", "muslim", "muslims",
    "christian", "christians", "catholic", "islamic", "jewish", "democrats", "republicans",
    "democrat", "republican", "english", "belgian", "greek", "lebanese", "pakistani", "afghan",
    "burmese", "cambodian", "taiwanese", "asia-pacific", "americans", "indonesians", "tionghoa",
    "instagram", "twitter", "youtube", "tiktok", "whatsapp", "covid-19", "covid", "corona",
    "ramadan", "ramadhan", "lebaran", "natal", "imlek", "idul fitri", "idul adha", "christmas",
    "easter", "internet", "rupiah", "dolar", "dollar", "euro", "yen", "yuan", "ringgit", "bitcoin",
    "islam", "kristen", "katolik", "hindu", "allah", "tuhan",
];

/// Capitalised words that never start or continue a name: English
/// function words, pronouns and common sentence openers, and the page
/// furniture of news sites in either language.
#[rustfmt::skip]
const STOPS: &[&str] = &[
    // English
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "this", "that",
    "these", "those", "but", "and", "or", "so", "if", "when", "while", "after", "before", "as",
    "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your",
    "there", "here", "what", "who", "why", "how", "where", "which", "yes", "no", "not", "all",
    "some", "many", "most", "more", "also", "however", "meanwhile", "although", "though", "because",
    "since", "until", "during", "despite", "last", "next", "every", "each", "both", "one", "two",
    "three", "according", "earlier", "later", "now", "then", "today", "yesterday", "tomorrow",
    "tonight", "such", "other", "another", "only", "even", "just", "still", "over", "under",
    "about", "among", "between", "against", "through", "without", "within", "into", "is", "was",
    "are", "were", "be", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
    "should", "must", "let", "please", "thank", "thanks", "dear", "him", "them", "us", "me",
    "whose", "whom", "once", "instead", "indeed", "asked", "said", "says", "told", "added",
    "speaking", "several", "few", "any", "nor", "yet", "unlike", "like", "following", "amid",
    "across", "around", "near", "upon", "per", "via", "hello", "hi", "ok", "okay", "oh", "well",
    "first", "second", "third", "finally", "overall", "perhaps", "maybe", "here's", "there's",
    "it's", "that's",
    // News sites' page furniture, in either language
    "baca", "video", "foto", "live", "breaking", "update", "advertisement", "scroll",
];

/// The same for Indonesian: its function words, pronouns and common
/// sentence openers. In an English text they are ordinary words, so they
/// do not stop a name there (`Dan`, `Ada`: [`more::ID_STOP`]).
#[rustfmt::skip]
const STOPS_ID: &[&str] = &[
    "dia", "ia", "ini", "itu", "pada", "dalam", "namun", "menurut", "menurutnya", "saat",
    "sementara", "selain", "di", "ke", "dari", "kami", "kita", "mereka", "hal", "sebelumnya",
    "kemudian", "yang", "dan", "atau", "tetapi", "tapi", "karena", "sebab", "jika", "kalau",
    "bila", "ketika", "setelah", "sebelum", "sesudah", "usai", "sejak", "hingga", "sampai",
    "untuk", "bagi", "dengan", "oleh", "tentang", "terkait", "soal", "adapun", "sedangkan",
    "padahal", "meski", "meskipun", "walaupun", "walau", "bahkan", "apalagi", "lalu", "lantas",
    "akhirnya", "selanjutnya", "sebagai", "sebagaimana", "seperti", "para", "sejumlah", "sebanyak",
    "beberapa", "banyak", "semua", "seluruh", "setiap", "tiap", "kini", "sekarang", "kemarin",
    "besok", "hari", "tahun", "bulan", "pekan", "berdasarkan", "adalah", "merupakan", "juga",
    "pun", "masih", "sudah", "telah", "belum", "akan", "sedang", "tidak", "bukan", "jangan", "ada",
    "tak", "apa", "siapa", "mengapa", "kenapa", "bagaimana", "kapan", "dimana", "berikut",
    "demikian", "begitu", "maka", "sehingga", "agar", "supaya", "selama", "antara", "bersama",
    "kepada", "terhadap", "melalui", "atas", "serta", "saya", "aku", "anda", "kamu", "beliau",
    "kalian", "salah", "sebuah", "seorang", "satu", "dua", "tiga", "pihaknya", "dirinya",
    "sendiri", "tersebut", "baik", "kata", "ujar", "sekitar", "hampir", "lebih", "sangat",
    "paling", "pertama", "kedua", "ya", "wah", "selamat", "terima", "mohon", "silakan", "bahwa",
    "yakni", "yaitu", "setidaknya", "sekalipun", "mantan", "kala", "tentu", "jadi", "tanpa", "nah",
    "mari", "ayo", "sama", "semoga", "pukul", "jam", "hari ini", "sebagian", "kendati", "sejauh",
    "hanya", "tetap", "justru", "misalnya", "contohnya", "diketahui", "dikatakan", "termasuk",
    "pemerintah", "warga", "sebut", "disebutkan", "seusai", "undang-undang", "peraturan",
];

/// Full month names, Indonesian then English.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
    "september", "oktober", "november", "desember", "january", "february", "march", "may", "june",
    "july", "august", "october", "december",
];

/// Month abbreviations (each may be followed by `.`).
#[rustfmt::skip]
const MONTH_ABBRS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "aug", "sep", "sept", "okt",
    "oct", "nov", "des", "dec",
];

/// Weekday names. `Minggu` is also "week"; it only counts capitalised.
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum\u{2019}at", "sabtu", "minggu",
    "ahad", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Words after which a bare year (1900–2099) is a date.
#[rustfmt::skip]
const YEAR_CUES: &[&str] = &[
    "pada", "tahun", "sejak", "hingga", "sampai", "awal", "akhir", "pertengahan", "medio", "in",
    "since", "by", "until", "of", "early", "late", "mid", "during", "before", "after", "sebelum",
    "setelah", "selama", "periode", "year",
];

// Verbs of saying, the pronouns, determiners and closing words of a
// speaker: generated with their morphology in `super::cues` and added to
// the table by `table()`.

/// Lower-case particles inside personal names.
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "bin", "binti", "van", "von", "de", "der", "den", "da", "del", "della", "dos", "du", "la", "le",
    "al", "el", "ibn", "ter", "zu", "bt",
];

/// Lower-case words inside organisation and place names.
#[rustfmt::skip]
const ORG_CONNECTORS: &[&str] = &[
    "of", "for", "and", "dan", "&", "the", "on", "untuk",
];

/// Indonesian function words, counted by [`super::lang::detect`].
#[rustfmt::skip]
pub(super) const FUNC_ID_WORDS: &[&str] = &[
    "yang", "dan", "di", "itu", "dengan", "untuk", "tidak", "ini", "dari", "dalam", "akan", "pada",
    "juga", "ke", "karena", "kata", "ada", "oleh", "adalah", "bahwa", "atau", "telah", "sudah",
    "saat", "mereka", "kami", "kita", "ia", "dia", "tersebut", "bisa", "lebih", "para", "serta",
    "masih", "hingga", "sebagai", "menjadi", "namun", "setelah", "belum", "bagi", "tak", "agar",
    "antara", "sejak", "seperti", "bukan", "kepada", "atas", "ujar", "ujarnya", "katanya",
    "mengatakan", "tahun", "sebuah", "seorang", "yakni", "yaitu", "sangat", "lalu",
];

/// English function words, counted by [`super::lang::detect`].
#[rustfmt::skip]
pub(super) const FUNC_EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "that", "was", "for", "said", "on", "with", "as", "are",
    "it", "he", "she", "by", "at", "from", "his", "her", "have", "has", "had", "be", "were", "this",
    "an", "not", "but", "they", "which", "would", "will", "been", "who", "their", "or", "its",
    "says", "told", "after", "about", "more", "than", "there", "we",
];

/// Indonesian locative prepositions; `di` is strong enough for multi-word
/// places.
#[rustfmt::skip]
const PREPS_ID: &[&str] = &[
    "di", "ke", "dari",
];

/// English locative prepositions (both strong).
#[rustfmt::skip]
const PREPS_EN: &[&str] = &[
    "in", "at",
];

/// The prepositions that may mark a multi-word place.
#[rustfmt::skip]
const PREPS_STRONG: &[&str] = &[
    "di", "in", "at",
];

/// Every list with the flags its entries get.
const TABLE: &[(&[&str], u32)] = &[
    (ABBRS, ABBR),
    (PORTFOLIOS, PORTFOLIO),
    (ORG_HEADS, ORG_HEAD),
    (ORG_SUFFIXES, ORG_SUFFIX | ORG_HEAD | ABBR),
    (NAME_SUFFIXES, NAME_SUFFIX | ABBR),
    (PLACE_HEADS, PLACE_HEAD),
    (PLACE_SUFFIXES, PLACE_SUFFIX),
    (DIRECTIONS, DIRECTION),
    (COMMONS, COMMON),
    (DEMONYMS, DEMONYM),
    (STOPS, STOP),
    (STOPS_ID, STOP),
    (MONTHS, MONTH),
    (MONTH_ABBRS, MONTH_ABBR | ABBR),
    (WEEKDAYS, WEEKDAY),
    (YEAR_CUES, YEAR_CUE),
    (CONNECTORS, CONNECTOR),
    (ORG_CONNECTORS, ORG_CONNECTOR),
    (FUNC_ID_WORDS, FUNC_ID),
    (FUNC_EN_WORDS, FUNC_EN),
    (PREPS_ID, PREP_ID),
    (PREPS_EN, PREP_EN),
    (PREPS_STRONG, PREP_STRONG),
];

/// The built table (made once per process, by [`words`]).
fn table() -> HashMap<&'static str, u32> {
    let mut map: HashMap<&'static str, u32> =
        HashMap::with_capacity_and_hasher(2048, Default::default());
    for (words, flag) in TABLE {
        for w in *words {
            *map.entry(w).or_insert(0) |= flag;
        }
    }
    for (w, role) in super::cues::lexicon_entries() {
        let flag = match role {
            super::cues::Role::Cue => CUE,
            super::cues::Role::CuePron => CUE | CUE_PRON,
            super::cues::Role::Pronoun => PRONOUN,
            super::cues::Role::Determiner => DETERMINER,
            super::cues::Role::AnaphorEnd => ANAPHOR_END,
        };
        *map.entry(w).or_insert(0) |= flag;
    }
    for (phrase, kind) in gazetteer::entries() {
        if kind.flags() != 0 {
            *map.entry(phrase).or_insert(0) |= kind.flags();
        }
    }
    map
}

/// Whether a lower-case word heads the name of an event or a work
/// (`perang`, `piala`, `award`).
pub(crate) fn is_event_head(word: &str) -> bool {
    EVENT_HEADS.contains(&word)
}

/// Whether a word, in any case, is a full month name (the words that
/// carry [`flags::MONTH`]).
pub(crate) fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// The flags of a lower-case phrase (words joined by single spaces); `0`
/// when the lexicon does not know it.
pub(crate) fn lookup(phrase: &str) -> u32 {
    words().get(phrase).map_or(0, |w| w.flags)
}

/// More classes of a single word, as bits of a `u8` ([`Word::more`]):
/// what the later stages would otherwise ask of the word's text.
pub(crate) mod more {
    /// The word occurs after the first word of a lexicon phrase of two
    /// words or more: a phrase can only go on through such words.
    pub const INNER: u8 = 1 << 0;
    /// The word may start a date expression (`Desember`, `kemarin`,
    /// `last`; see `dates::forms`).
    pub const DATE_START: u8 = 1 << 1;
    /// A known given name (`gazetteer::person_name_kinds` bit 0).
    pub const GIVEN: u8 = 1 << 2;
    /// A known family name (`gazetteer::person_name_kinds` bit 1).
    pub const FAMILY: u8 = 1 << 3;
    /// A given name of women only (the gazetteer's `given-f`; it is
    /// `GIVEN` too), or a common word that is one when it opens a name
    /// (`gender-f`: `Rose`; not `GIVEN`).
    pub const FEMALE: u8 = 1 << 4;
    /// A given name of men only (the gazetteer's `given-m`; it is `GIVEN`
    /// too), or a common word that is one when it opens a name
    /// (`gender-m`: `John`, `Will`; not `GIVEN`).
    pub const MALE: u8 = 1 << 5;
    /// A word that opens a credit line (`Reporting` by, `Pewarta`:; see
    /// `credits::WORDS`).
    pub const CREDIT: u8 = 1 << 6;
    /// A word that is a stop word only in Indonesian (`dan`, `ada`; see
    /// `STOPS_ID`): `tokens::Doc` drops its `STOP` flag in an English
    /// text, where `Dan` and `Ada` are names.
    pub const ID_STOP: u8 = 1 << 7;
}

/// What the lexicon knows of one lower-case word, looked up once per
/// distinct word of a text when it is tokenised.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Word {
    /// Its [`flags`] as a one-word phrase.
    pub flags: u32,
    /// The most words of any lexicon phrase that starts with it (0 when
    /// none of two words or more does): longer keys are never built or
    /// looked up.
    pub phrase_words: u8,
    /// Its [`more`] bits.
    pub more: u8,
    /// Its cue flags (`cues::lookup`).
    pub cue: u16,
}

/// For one lower-case word: its flags, the most words of any phrase in
/// the lexicon that starts with it, and the other classes the recognizer
/// asks about. Tokenising asks this once per distinct word, so that
/// multi-word lookups are only made where a phrase can start and later
/// stages read the classes from the token.
pub(crate) fn lookup_word(word: &str) -> Word {
    words().get(word).copied().unwrap_or_default()
}

/// [`table`], [`phrase_starts`], the [`more`] classes and the cue flags in
/// one map, so that a word is hashed and looked up once (phrase starts
/// and words the table does not know have flags 0).
fn words() -> &'static HashMap<&'static str, Word> {
    static WORDS: OnceLock<HashMap<&'static str, Word>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let table = table();
        let starts = phrase_starts(&table);
        let mut map: HashMap<&'static str, Word> =
            table.iter().map(|(&k, &flags)| (k, Word { flags, ..Word::default() })).collect();
        for (&w, &n) in &starts {
            map.entry(w).or_default().phrase_words = n;
        }
        for &phrase in table.keys() {
            for w in phrase.split(' ').skip(1) {
                map.entry(w).or_default().more |= more::INNER;
            }
        }
        for w in super::dates::starter_words() {
            map.entry(w).or_default().more |= more::DATE_START;
        }
        for &w in STOPS_ID {
            if !STOPS.contains(&w) {
                map.entry(w).or_default().more |= more::ID_STOP;
            }
        }
        for &w in super::credits::WORDS {
            map.entry(w).or_default().more |= more::CREDIT;
        }
        for (w, f) in super::cues::all() {
            map.entry(w).or_default().cue |= f;
        }
        for (w, kind) in gazetteer::entries() {
            let bit = match kind {
                gazetteer::Kind::Given => more::GIVEN,
                gazetteer::Kind::GivenFemale => more::GIVEN | more::FEMALE,
                gazetteer::Kind::GivenMale => more::GIVEN | more::MALE,
                gazetteer::Kind::Family => more::FAMILY,
                gazetteer::Kind::GenderFemale => more::FEMALE,
                gazetteer::Kind::GenderMale => more::MALE,
                _ => continue,
            };
            map.entry(w).or_default().more |= bit;
        }
        map
    })
}

fn phrase_starts(table: &HashMap<&'static str, u32>) -> HashMap<&'static str, u8> {
    let mut map: HashMap<&'static str, u8> = HashMap::default();
    for &phrase in table.keys() {
        let n = phrase.split(' ').count();
        if let (true, Some(first)) = (n > 1, phrase.split(' ').next()) {
            let e = map.entry(first).or_insert(0);
            *e = (*e).max(n.min(usize::from(u8::MAX)) as u8);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_lower_case_and_short() {
        for (words, _) in TABLE {
            for w in *words {
                assert_eq!(w.to_ascii_lowercase(), *w, "{w}");
                assert!(w.split(' ').count() <= MAX_WORDS, "{w}");
                assert!(!w.contains("  ") && !w.starts_with(' '), "{w}");
            }
        }
    }

    #[test]
    fn flags_combine() {
        assert_ne!(lookup("di") & STOP, 0);
        assert_ne!(lookup("di") & PREP_ID, 0);
        assert_ne!(lookup("perdana menteri") & TITLE, 0);
        assert_eq!(lookup("as") & LOC, 0);
        assert_eq!(lookup("zzz"), 0);
    }
}
