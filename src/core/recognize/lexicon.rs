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
//! The lists are deliberately small: a few hundred places, titles and
//! organisation words common in Indonesian and English news. They are the
//! recognizer's knowledge; grow them here, never in the rules.

use std::collections::HashMap;
use std::sync::OnceLock;

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

/// Titles and roles. Titles in `TITLES_CAP` count only when capitalised,
/// because they are also everyday words (`ibu` "mother", `pak`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    // Indonesian
    "presiden", "wakil presiden", "wapres", "perdana menteri", "menteri", "wakil menteri", "wamen",
    "menteri koordinator", "menko", "gubernur", "wakil gubernur", "wagub", "bupati", "wakil bupati",
    "wali kota", "walikota", "wakil wali kota", "ketua", "wakil ketua", "ketua umum", "ketum",
    "direktur", "direktur utama", "dirut", "direktur jenderal", "dirjen", "kepala", "sekretaris",
    "sekretaris jenderal", "sekjen", "jenderal", "letnan jenderal", "mayor jenderal",
    "brigadir jenderal", "laksamana", "marsekal", "kolonel", "komisaris", "kapolri", "wakapolri",
    "kapolda", "kapolres", "kapolsek", "panglima", "kasad", "kasal", "kasau", "juru bicara",
    "jubir", "senator", "duta besar", "dubes", "hakim", "jaksa", "jaksa agung", "kanselir",
    "pelatih", "raja", "ratu", "pangeran", "sultan", "paus", "uskup", "mantan", "wakil", "plt",
    "anggota", "pengamat", "ekonom", "analis", "ustaz", "ustadz", "habib", "kyai", "kiai", "rektor",
    "dekan", "camat", "lurah", "kades", "komandan", "danjen", "kabareskrim", "kapuspen",
    "kadiv humas", "karo penmas", "pimpinan", "bendahara", "menteri luar negeri", "menlu", "nabi",
    "menkeu", "menhan", "mendagri", "menkes", "mensesneg",
    // English
    "president", "vice president", "president-elect", "prime minister", "deputy prime minister",
    "minister", "foreign minister", "defence minister", "defense minister", "finance minister",
    "secretary", "secretary of state", "secretary-general", "secretary general", "sen", "rep",
    "representative", "governor", "gov", "mayor", "chancellor", "ceo", "chief executive",
    "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman", "spokesperson",
    "professor", "king", "queen", "prince", "princess", "pope", "judge", "chief justice",
    "ambassador", "premier", "commissioner", "coach", "chief", "deputy", "vice", "acting", "former",
    "gen", "col", "lt", "capt", "sgt", "sheikh", "attorney general", "speaker", "lawmaker",
    "leader", "founder", "economist", "analyst",
    // ranks and honorifics
    "komjen", "irjen", "brigjen", "kombes", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu",
    "bripka", "brigadir", "letjen", "mayjen", "letkol", "kapten", "lettu", "letda", "laksda",
    "laksdya", "marsda", "marsdya", "komodor", "komodor udara", "haji", "hajah", "emperor",
    "empress", "duke", "duchess", "earl", "baron", "kaisar",
];

/// Titles that count only when capitalised.
#[rustfmt::skip]
const TITLES_CAP: &[&str] = &[
    "pak", "bu", "bapak", "ibu", "mr", "mrs", "ms", "miss", "dr", "prof", "ir", "h", "hj", "drs",
    "dra", "kh", "sir", "dame", "lord", "lady", "saint", "mbak", "mas", "bung", "gus", "cak",
    "tuan", "nyonya", "ki", "nyai", "raden", "teuku", "tengku",
];

/// Abbreviations whose following full stop is not a sentence end.
#[rustfmt::skip]
const ABBRS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "ir", "h", "hj", "drs", "dra", "kh", "gen", "sen", "rep",
    "gov", "col", "lt", "capt", "sgt", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs",
    "jl", "mt", "ft", "bros", "plt",
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
    "laboratorium",
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

/// Known organisations, in full or as their usual short name.
#[rustfmt::skip]
const ORG_NAMES: &[&str] = &[
    "polri", "kemlu", "kemenlu", "kemenkeu", "kemendagri", "kemenhan", "kemenkes", "kemendikbud",
    "kemendikdasmen", "kemenag", "kemenkumham", "kemensos", "kemenpora", "kemenparekraf", "kominfo",
    "kemkominfo", "komdigi", "kemenperin", "kemendag", "kementan", "kemenhub", "bappenas", "bulog",
    "pertamina", "telkom", "telkomsel", "indosat", "gojek", "tokopedia", "grab", "shopee",
    "traveloka", "bukalapak", "garuda indonesia", "lion air", "gerindra", "golkar", "nasdem",
    "demokrat", "pdi perjuangan", "pdip", "pdi-p", "perindo", "hanura", "muhammadiyah",
    "nahdlatul ulama", "bawaslu", "basarnas", "kejagung", "kejaksaan agung", "mahkamah konstitusi",
    "mahkamah agung", "dewan perwakilan rakyat", "majelis permusyawaratan rakyat",
    "dewan perwakilan daerah", "komisi pemberantasan korupsi", "komisi pemilihan umum",
    "badan pusat statistik", "bank indonesia", "bank dunia", "world bank", "united nations",
    "perserikatan bangsa-bangsa", "uni eropa", "european union", "asean", "nato", "interpol",
    "unesco", "unicef", "unhcr", "reuters", "antara", "kompas", "tempo", "detik", "detikcom",
    "kumparan", "cnn", "bbc", "al jazeera", "afp", "bloomberg", "xinhua", "kyodo", "google",
    "apple", "microsoft", "meta", "facebook", "amazon", "tesla", "nvidia", "openai", "toyota",
    "honda", "samsung", "huawei", "alibaba", "tencent", "boeing", "airbus", "pentagon", "kremlin",
    "gedung putih", "white house", "hamas", "hizbullah", "hezbollah", "taliban", "isis", "al-qaeda",
    "fifa", "pssi", "uefa", "kadin", "apindo", "walhi", "greenpeace", "amnesty international",
    "human rights watch", "palang merah", "palang merah indonesia", "red cross", "danantara",
    "universitas indonesia", "universitas gadjah mada", "institut teknologi bandung", "ugm", "itb",
    "ipb", "kontras", "ylbhi", "brin", "bmkg", "bnpb", "ojk", "bpjs", "bpjs kesehatan", "lps",
    "pln", "kai", "mui", "nu", "federal reserve", "wall street journal", "new york times",
    "washington post", "associated press", "the guardian", "guardian", "nikkei", "tass",
    "ria novosti", "opec", "g20", "g7", "brics", "apec", "wto", "who", "imf", "icc", "icj", "kpk",
    "kpu", "dpr", "mpr", "dpd", "bpk", "bpom", "bssn", "bin", "bais", "bnn", "bnpt", "lpsk",
    "komnas ham", "ombudsman ri", "antara news", "tvri", "rri", "metro tv", "kompas tv",
    "tribunnews", "liputan6", "cnbc", "cnbc indonesia", "cnn indonesia", "bisnis indonesia",
    "jakarta post", "the jakarta post", "jakarta globe", "tempo.co", "kompas.com", "detik.com",
    "tni", "tni ad", "tni al", "tni au",
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
    "dataran tinggi",
];

/// Words that end a place name.
#[rustfmt::skip]
const PLACE_SUFFIXES: &[&str] = &[
    "street", "avenue", "road", "boulevard", "county", "city", "province", "island", "islands",
    "river", "lake", "valley", "bay", "beach", "square", "bridge", "airport", "station", "park",
    "hills", "mountains", "peninsula", "strait", "sea", "ocean", "regency", "district", "utara",
    "selatan", "barat", "timur", "tengah",
];

/// The gazetteer: countries, regions, provinces and cities, in Indonesian
/// and English.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    // Indonesia: the country, its provinces, islands and major cities
    "indonesia", "republik indonesia", "nusantara", "aceh", "sumatera utara", "sumatera barat",
    "sumatera selatan", "sumut", "sumbar", "sumsel", "riau", "kepulauan riau", "kepri", "jambi",
    "bengkulu", "bangka belitung", "babel", "lampung", "banten", "dki jakarta", "jakarta",
    "jawa barat", "jabar", "jawa tengah", "jateng", "jawa timur", "jatim", "yogyakarta",
    "di yogyakarta", "jogja", "jogjakarta", "bali", "nusa tenggara barat", "nusa tenggara timur",
    "kalimantan barat", "kalimantan tengah", "kalimantan selatan", "kalimantan timur",
    "kalimantan utara", "kalbar", "kalteng", "kalsel", "kaltim", "kaltara", "sulawesi utara",
    "sulawesi tengah", "sulawesi barat", "sulawesi selatan", "sulawesi tenggara", "sulut",
    "sulteng", "sulbar", "sulsel", "sultra", "gorontalo", "maluku", "maluku utara", "papua",
    "papua barat", "papua barat daya", "papua tengah", "papua pegunungan", "papua selatan", "jawa",
    "java", "sumatera", "sumatra", "kalimantan", "borneo", "sulawesi", "lombok", "flores", "madura",
    "bangka", "belitung", "batam", "bintan", "nias", "timor", "halmahera", "ambon", "ternate",
    "natuna", "komodo", "labuan bajo", "surabaya", "bandung", "medan", "semarang", "makassar",
    "palembang", "tangerang", "tangerang selatan", "tangsel", "depok", "bekasi", "bogor",
    "pekanbaru", "padang", "malang", "solo", "surakarta", "denpasar", "balikpapan", "samarinda",
    "banjarmasin", "pontianak", "manado", "kupang", "mataram", "jayapura", "kendari", "palu",
    "serang", "cirebon", "tasikmalaya", "sukabumi", "cilegon", "kediri", "madiun", "magelang",
    "pekalongan", "tegal", "purwokerto", "banyuwangi", "jember", "sidoarjo", "gresik", "mojokerto",
    "blitar", "probolinggo", "pasuruan", "cimahi", "garut", "karawang", "purwakarta", "sleman",
    "bantul", "klaten", "boyolali", "kudus", "jepara", "tuban", "lamongan", "bojonegoro",
    "ponorogo", "banda aceh", "lhokseumawe", "sabang", "pematangsiantar", "bukittinggi", "dumai",
    "tanjungpinang", "pangkalpinang", "bandar lampung", "palangka raya", "tarakan", "bontang",
    "mamuju", "sorong", "manokwari", "merauke", "timika", "nabire", "wamena", "jabodetabek",
    "jabotabek", "kuta", "ubud", "senayan", "menteng", "kemayoran", "cengkareng", "tanjung priok",
    "kebayoran baru", "mandalika", "morowali", "raja ampat", "toba", "rempang", "sentul",
    "cikarang", "puncak", "cianjur", "sumedang", "indramayu", "subang", "lebak", "pandeglang",
    // Countries and territories
    "jepang", "japan", "tiongkok", "china", "cina", "amerika serikat", "united states",
    "united states of america", "america", "amerika", "belanda", "netherlands", "holland",
    "inggris", "britain", "great britain", "england", "united kingdom", "inggris raya", "prancis",
    "perancis", "france", "jerman", "germany", "italia", "italy", "spanyol", "spain", "portugal",
    "rusia", "russia", "ukraina", "ukraine", "belarus", "polandia", "poland", "swedia", "sweden",
    "norwegia", "norway", "denmark", "finlandia", "finland", "swiss", "switzerland", "austria",
    "belgia", "belgium", "yunani", "greece", "turki", "turkey", "turkiye", "iran", "irak", "iraq",
    "suriah", "syria", "lebanon", "libanon", "israel", "palestina", "palestine", "yordania",
    "jordan", "mesir", "egypt", "arab saudi", "saudi arabia", "uni emirat arab",
    "united arab emirates", "qatar", "kuwait", "yaman", "yemen", "oman", "bahrain", "afganistan",
    "afghanistan", "pakistan", "india", "bangladesh", "nepal", "sri lanka", "myanmar", "burma",
    "thailand", "laos", "vietnam", "kamboja", "cambodia", "malaysia", "singapura", "singapore",
    "brunei", "brunei darussalam", "filipina", "philippines", "timor leste", "timor-leste",
    "east timor", "papua nugini", "papua new guinea", "australia", "selandia baru", "new zealand",
    "korea selatan", "south korea", "korsel", "korea utara", "north korea", "korut", "korea",
    "taiwan", "mongolia", "kazakhstan", "uzbekistan", "kanada", "canada", "meksiko", "mexico",
    "brasil", "brazil", "argentina", "chile", "cile", "peru", "kolombia", "colombia", "venezuela",
    "kuba", "cuba", "afrika selatan", "south africa", "nigeria", "kenya", "ethiopia", "etiopia",
    "sudan", "sudan selatan", "south sudan", "libya", "tunisia", "aljazair", "algeria", "maroko",
    "morocco", "somalia", "kongo", "congo", "ghana", "irlandia", "ireland", "skotlandia",
    "scotland", "wales", "islandia", "iceland", "hungaria", "hungary", "ceko", "czech republic",
    "czechia", "slovakia", "rumania", "romania", "bulgaria", "serbia", "kroasia", "croatia",
    "bosnia", "georgia", "armenia", "azerbaijan", "fiji", "vatikan", "vatican", "gaza",
    "jalur gaza", "gaza strip", "tepi barat", "west bank", "krimea", "crimea", "hong kong", "makau",
    "macau", "kashmir", "tibet", "xinjiang", "greenland", "uni soviet", "soviet union", "rafah",
    "khan younis", "donbas", "donetsk", "luhansk", "kharkiv", "odesa", "mariupol", "zaporizhzhia",
    // Regions
    "asia", "eropa", "europe", "afrika", "africa", "amerika latin", "latin america", "timur tengah",
    "middle east", "asia tenggara", "southeast asia", "asia pasifik", "asia pacific",
    "indo-pasifik", "indo-pacific", "arktik", "arctic", "antartika", "antarctica", "balkan",
    "skandinavia", "scandinavia", "kaukasus", "oseania", "oceania", "amerika utara",
    "north america", "amerika selatan", "south america", "asia timur", "east asia", "asia selatan",
    "south asia", "eropa timur", "eastern europe", "eropa barat", "western europe",
    "laut china selatan", "laut cina selatan", "south china sea", "pasifik", "pacific", "atlantik",
    "atlantic",
    // World cities
    "tokyo", "osaka", "kyoto", "hiroshima", "nagasaki", "okinawa", "hokkaido", "beijing",
    "shanghai", "shenzhen", "guangzhou", "wuhan", "taipei", "seoul", "pyongyang", "washington",
    "washington dc", "new york", "new york city", "los angeles", "chicago", "san francisco",
    "boston", "miami", "houston", "london", "paris", "berlin", "brussels", "brussel", "amsterdam",
    "den haag", "the hague", "rotterdam", "roma", "rome", "madrid", "barcelona", "lisbon",
    "lisabon", "wina", "vienna", "jenewa", "geneva", "zurich", "davos", "moskow", "moscow", "kyiv",
    "kiev", "warsawa", "warsaw", "praha", "prague", "budapest", "athena", "athens", "istanbul",
    "ankara", "teheran", "tehran", "bagdad", "baghdad", "damaskus", "damascus", "beirut",
    "yerusalem", "jerusalem", "tel aviv", "kairo", "cairo", "riyadh", "jeddah", "mekkah", "makkah",
    "mecca", "madinah", "medina", "dubai", "abu dhabi", "doha", "kabul", "islamabad", "new delhi",
    "delhi", "mumbai", "dhaka", "bangkok", "hanoi", "ho chi minh", "ho chi minh city", "phnom penh",
    "vientiane", "yangon", "naypyidaw", "kuala lumpur", "putrajaya", "manila", "dili", "canberra",
    "sydney", "melbourne", "perth", "darwin", "wellington", "auckland", "ottawa", "toronto",
    "vancouver", "mexico city", "brasilia", "sao paulo", "rio de janeiro", "buenos aires",
    "johannesburg", "nairobi", "lagos", "strasbourg", "frankfurt", "munich", "muenchen", "hamburg",
    "milan", "milano", "napoli", "venice", "dublin", "edinburgh", "manchester", "liverpool", "oslo",
    "stockholm", "helsinki", "copenhagen", "kopenhagen", "minsk", "tbilisi", "baku", "tashkent",
    "astana", "karachi", "lahore", "kolkata", "chennai", "bangalore", "colombo", "kathmandu",
    "macao", "hawaii", "alaska", "california", "texas", "florida", "virginia", "michigan", "ohio",
    "pennsylvania", "arizona", "nevada", "silicon valley", "wall street", "gaza city",
];

/// Places written as capital-letter acronyms; they count only in capitals.
#[rustfmt::skip]
const PLACE_ACRONYMS: &[&str] = &[
    "as", "us", "usa", "uk", "uea", "uae", "ri", "rrt", "rrc", "ntb", "ntt", "diy", "dki", "ikn",
    "u.s.", "u.k.", "u.s.a.",
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
    "stnk", "sim", "bpkb", "pasal",
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

/// Capitalised words that never start or continue a name: function words,
/// pronouns and common sentence openers, in both languages.
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
    // Indonesian
    "dia", "ia", "ini", "itu", "pada", "dalam", "namun", "menurut", "menurutnya", "saat",
    "sementara", "selain", "di", "ke", "dari", "kami", "kita", "mereka", "hal", "sebelumnya",
    "kemudian", "yang", "dan", "atau", "tetapi", "tapi", "karena", "sebab", "jika", "kalau", "bila",
    "ketika", "setelah", "sebelum", "sesudah", "usai", "sejak", "hingga", "sampai", "untuk", "bagi",
    "dengan", "oleh", "tentang", "terkait", "soal", "adapun", "sedangkan", "padahal", "meski",
    "meskipun", "walaupun", "walau", "bahkan", "apalagi", "lalu", "lantas", "akhirnya",
    "selanjutnya", "sebagai", "sebagaimana", "seperti", "para", "sejumlah", "sebanyak", "beberapa",
    "banyak", "semua", "seluruh", "setiap", "tiap", "kini", "sekarang", "kemarin", "besok", "hari",
    "tahun", "bulan", "pekan", "berdasarkan", "adalah", "merupakan", "juga", "pun", "masih",
    "sudah", "telah", "belum", "akan", "sedang", "tidak", "bukan", "jangan", "ada", "tak", "apa",
    "siapa", "mengapa", "kenapa", "bagaimana", "kapan", "dimana", "berikut", "demikian", "begitu",
    "maka", "sehingga", "agar", "supaya", "selama", "antara", "bersama", "kepada", "terhadap",
    "melalui", "atas", "serta", "saya", "aku", "anda", "kamu", "beliau", "kalian", "salah",
    "sebuah", "seorang", "satu", "dua", "tiga", "pihaknya", "dirinya", "sendiri", "tersebut",
    "baik", "kata", "ujar", "sekitar", "hampir", "lebih", "sangat", "paling", "pertama", "kedua",
    "ya", "wah", "selamat", "terima", "mohon", "silakan", "bahwa", "yakni", "yaitu", "setidaknya",
    "sekalipun", "mantan", "kala", "tentu", "jadi", "tanpa", "nah", "mari", "ayo", "sama", "semoga",
    "pukul", "jam", "hari ini", "sebagian", "kendati", "sejauh", "hanya", "tetap", "justru",
    "misalnya", "contohnya", "diketahui", "dikatakan", "termasuk", "baca", "video", "foto", "live",
    "breaking", "update", "advertisement", "scroll", "pemerintah", "warga", "sebut", "disebutkan",
    "seusai", "undang-undang", "peraturan",
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

/// Verbs and phrases of saying.
#[rustfmt::skip]
const CUES: &[&str] = &[
    "kata", "ujar", "tutur", "imbuh", "jelas", "ungkap", "tegas", "mengatakan", "menyatakan",
    "menegaskan", "menjelaskan", "menyampaikan", "menambahkan", "menurut", "ucap", "terang",
    "sebut", "bilang", "tambah", "lanjut", "papar", "tulis", "kata dia", "mengungkapkan",
    "menuturkan", "mengaku", "bertanya", "menyebut", "menyebutkan", "memaparkan", "menerangkan",
    "mengingatkan", "berkata", "berujar", "menulis", "menilai", "tanya", "said", "says", "say",
    "told", "tells", "added", "adds", "asked", "asks", "stated", "states", "explained",
    "according to", "noted", "wrote", "insisted", "warned", "declared", "replied", "argued",
    "claimed", "announced", "remarked", "responded", "continued",
];

/// Verbs of saying that carry a pronoun (`ujarnya` "he/she said").
#[rustfmt::skip]
const CUES_PRON: &[&str] = &[
    "ujarnya", "katanya", "tuturnya", "imbuhnya", "jelasnya", "ungkapnya", "tegasnya", "ucapnya",
    "terangnya", "sebutnya", "tambahnya", "lanjutnya", "paparnya", "tulisnya", "pungkasnya",
    "kilahnya", "akunya", "tanyanya", "serunya", "harapnya", "ungkap dia",
];

/// Third-person singular pronouns that point back to a speaker.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "dia", "ia", "beliau",
];

/// Determiners before a nominal speaker ("said *the* minister").
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "sang", "si",
];

/// Words that close a nominal subject ("kata menteri *itu*").
#[rustfmt::skip]
const ANAPHOR_ENDS: &[&str] = &[
    "itu", "tersebut", "ini",
];

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
const FUNC_ID_WORDS: &[&str] = &[
    "yang", "dan", "di", "itu", "dengan", "untuk", "tidak", "ini", "dari", "dalam", "akan", "pada",
    "juga", "ke", "karena", "kata", "ada", "oleh", "adalah", "bahwa", "atau", "telah", "sudah",
    "saat", "mereka", "kami", "kita", "ia", "dia", "tersebut", "bisa", "lebih", "para", "serta",
    "masih", "hingga", "sebagai", "menjadi", "namun", "setelah", "belum", "bagi", "tak", "agar",
    "antara", "sejak", "seperti", "bukan", "kepada", "atas", "ujar", "ujarnya", "katanya",
    "mengatakan", "tahun", "sebuah", "seorang", "yakni", "yaitu", "sangat", "lalu",
];

/// English function words, counted by [`super::lang::detect`].
#[rustfmt::skip]
const FUNC_EN_WORDS: &[&str] = &[
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
    (TITLES, TITLE),
    (TITLES_CAP, TITLE | TITLE_CAP),
    (ABBRS, ABBR),
    (PORTFOLIOS, PORTFOLIO),
    (ORG_HEADS, ORG_HEAD),
    (ORG_SUFFIXES, ORG_SUFFIX | ORG_HEAD | ABBR),
    (NAME_SUFFIXES, NAME_SUFFIX | ABBR),
    (ORG_NAMES, ORG_NAME),
    (PLACE_HEADS, PLACE_HEAD),
    (PLACE_SUFFIXES, PLACE_SUFFIX),
    (PLACES, LOC),
    (PLACE_ACRONYMS, LOC_ACRO),
    (DIRECTIONS, DIRECTION),
    (COMMONS, COMMON),
    (DEMONYMS, DEMONYM),
    (STOPS, STOP),
    (MONTHS, MONTH),
    (MONTH_ABBRS, MONTH_ABBR | ABBR),
    (WEEKDAYS, WEEKDAY),
    (YEAR_CUES, YEAR_CUE),
    (CUES, CUE),
    (CUES_PRON, CUE | CUE_PRON),
    (PRONOUNS, PRONOUN),
    (DETERMINERS, DETERMINER),
    (ANAPHOR_ENDS, ANAPHOR_END),
    (CONNECTORS, CONNECTOR),
    (ORG_CONNECTORS, ORG_CONNECTOR),
    (FUNC_ID_WORDS, FUNC_ID),
    (FUNC_EN_WORDS, FUNC_EN),
    (PREPS_ID, PREP_ID),
    (PREPS_EN, PREP_EN),
    (PREPS_STRONG, PREP_STRONG),
];

/// The built table, made once per process.
fn table() -> &'static HashMap<&'static str, u32> {
    static TABLE_MAP: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| {
        let mut map: HashMap<&'static str, u32> = HashMap::with_capacity(2048);
        for (words, flag) in TABLE {
            for w in *words {
                *map.entry(w).or_insert(0) |= flag;
            }
        }
        map
    })
}

/// The flags of a lower-case phrase (words joined by single spaces); `0`
/// when the lexicon does not know it.
pub(crate) fn lookup(phrase: &str) -> u32 {
    table().get(phrase).copied().unwrap_or(0)
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
