//! Speech cues: the words that say someone said something.
//!
//! The central noun is the **cue form**: one lower-case word (or a short
//! phrase) with its [`cue`] flags. The forms are not listed one by one;
//! they are generated once, by rule, from roots:
//!
//! * **Indonesian** verbs from their root and the affixes the root takes
//!   (the shape bits, `BARE`, `NYA`, `MEN_KAN`, …): the bare root (`kata`, `ujar`, `tegas`), the root with
//!   `-nya` that carries its own pronoun (`ujarnya` "he/she said"), the
//!   active `meN-` verb with `-kan`, `-i` or no suffix, whose prefix takes
//!   the shape the first sound of the root asks for ([`men_prefix`]:
//!   `kata` → `mengatakan`, `tegas` → `menegaskan`, `sampai` →
//!   `menyampaikan`, `bantah` → `membantah`, `pesan` → `memesan`, `lapor` →
//!   `melaporkan`, `aku` → `mengakui`), the passive `di-` (`dikatakan`) and
//!   the intransitive `ber-` (`berkata`, `bertanya`). A root takes only the
//!   affixes listed with it, because many roots are everyday words in other
//!   shapes (`jelas` "clear", `nilai` "value", `diduga` "allegedly").
//! * **English** verbs from their base and their irregular past, with the
//!   regular inflections (`-s`, `-ed`, `-ing`) made by the spelling rules
//!   (`deny` → `denies`, `denied`; `admit` → `admitted`; `note` →
//!   `noted`, `noting`). Base forms are left out on purpose (`state`,
//!   `note`, `claim` are nouns too), except `say`.
//! * a few closed classes: pronouns that can stand for a speaker, the
//!   determiners and closing words of a nominal speaker ("said *the*
//!   minister", "kata menteri *itu*"), nouns for a written statement
//!   (`pernyataan`, `statement`), and words that announce a name or a
//!   title rather than speech (`named`, `so-called`, `disebut`, `bertajuk`).
//!
//! [`lookup`] answers for one lower-case word; [`lexicon_entries`] gives the
//! forms the shared lexicon flags as `CUE`, `CUE_PRON`, `PRONOUN`,
//! `DETERMINER` and `ANAPHOR_END`, so the entity rules ("kata Rutte" makes
//! `Rutte` a name) see the same verbs as the quotation rules.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The classes a cue form can belong to, as bits of a `u16`.
pub(crate) mod cue {
    /// A verb of saying, finite: its speaker is its subject, before it
    /// ("Rutte said") or, inverted, after it ("kata Rutte", "said Rutte").
    pub const VERB: u16 = 1 << 0;
    /// A verb of saying that carries its own pronoun (`ujarnya`,
    /// `menurutnya`): its speaker is the person spoken of.
    pub const PRON: u16 = 1 << 1;
    /// `menurut`, `according to`: its speaker follows it.
    pub const ACCORDING: u16 = 1 << 2;
    /// A participle (`saying`, `adding`): its speaker is the subject of
    /// the clause it hangs on.
    pub const PARTICIPLE: u16 = 1 << 3;
    /// A passive (`dikatakan`, `disampaikan`): its speaker follows, after
    /// an optional `oleh`.
    pub const PASSIVE: u16 = 1 << 4;
    /// A noun for a statement (`pernyataan`, `statement`): "demikian
    /// pernyataan kementerian", "in a statement".
    pub const NOUN: u16 = 1 << 5;
    /// A pronoun for a person (`dia`, `ia`, `beliau`, `he`, `she`).
    pub const PERSON_PRONOUN: u16 = 1 << 6;
    /// A pronoun for an organisation (`it`, `pihaknya`).
    pub const ORG_PRONOUN: u16 = 1 << 7;
    /// A determiner before a nominal speaker (`the`, `sang`).
    pub const DETERMINER: u16 = 1 << 8;
    /// A word closing a nominal speaker (`itu`, `tersebut`).
    pub const ANAPHOR_END: u16 = 1 << 9;
    /// A word that announces a name or a term, not speech (`named`,
    /// `so-called`, `disebut`, `berjudul`).
    pub const NAMING: u16 = 1 << 10;
    /// A word that introduces reported content (`bahwa`, `that`): it may
    /// stand between a verb of saying and its quotation.
    pub const THAT: u16 = 1 << 11;
    /// A common noun for an institution (`kementerian`, `ministry`): as a
    /// nominal speaker it points back to an organisation.
    pub const INSTITUTION: u16 = 1 << 12;
    /// A coordinating word (`and`, `dan`): a verb after it continues the
    /// clause before.
    pub const AND: u16 = 1 << 13;
    /// A noun for a person (`pria`, `perempuan`, `official`): as a nominal
    /// speaker ("kata pria itu") it acts as a person pronoun.
    pub const PERSON_NOUN: u16 = 1 << 14;
    /// A verb that also means "to call, to name" (`sebut`, `menyebut`,
    /// `call`): right before a short quotation it names a term.
    pub const CALLS: u16 = 1 << 15;
}

use cue::*;

// The affixed shapes an Indonesian root takes as a verb of saying.
/// The bare root (`kata Rutte`, `tegas Prabowo`).
const BARE: u16 = 1 << 0;
/// Root + `-nya` (`katanya`, `ujarnya`).
const NYA: u16 = 1 << 1;
/// `meN-` + root (`menulis`, `meminta`, `mengaku`).
const MEN: u16 = 1 << 2;
/// `meN-` + root + `-kan` (`mengatakan`, `menyampaikan`).
const MEN_KAN: u16 = 1 << 3;
/// `meN-` + root + `-i` (`mengakui`, `menimpali`).
const MEN_I: u16 = 1 << 4;
/// `di-` + root + `-kan` (`dikatakan`, `disampaikan`).
const DI_KAN: u16 = 1 << 5;
/// `ber-` + root (`berkata`, `bertanya`, `berharap`).
const BER: u16 = 1 << 6;
/// `di-` + root (`dilaporkan` is `DI_KAN`; this is `ditulis`-like forms).
const DI: u16 = 1 << 7;

/// Indonesian roots of saying and the shapes each takes.
#[rustfmt::skip]
const ID_ROOTS: &[(&str, u16)] = &[
    ("kata", BARE | NYA | MEN_KAN | DI_KAN | BER),
    ("ujar", BARE | NYA | BER),
    ("tutur", BARE | NYA | MEN_KAN | BER),
    ("imbuh", BARE | NYA),
    ("tegas", BARE | NYA | MEN_KAN | DI_KAN),
    ("jelas", BARE | NYA | MEN_KAN | DI_KAN),
    ("ungkap", BARE | NYA | MEN_KAN | DI_KAN),
    ("sampai", MEN_KAN | DI_KAN),
    ("nyata", MEN_KAN | DI_KAN),
    ("tambah", BARE | NYA | MEN_KAN | DI_KAN),
    ("sebut", BARE | NYA | MEN | MEN_KAN | DI_KAN),
    ("aku", NYA | MEN | MEN_I | DI),
    ("klaim", MEN),
    ("bantah", BARE | NYA | MEN),
    ("tanya", BARE | NYA | MEN_KAN | DI_KAN | BER),
    ("minta", MEN),
    ("pinta", NYA),
    ("pesan", NYA | BER),
    ("harap", NYA | MEN_KAN | BER),
    ("seru", NYA | MEN_KAN | BER),
    ("tulis", BARE | NYA | MEN),
    ("umum", MEN_KAN | DI_KAN),
    ("lapor", MEN_KAN | DI_KAN),
    ("duga", MEN),
    ("nilai", MEN),
    ("ucap", BARE | NYA | BER),
    ("terang", BARE | NYA | MEN_KAN),
    ("papar", BARE | NYA | MEN_KAN | DI_KAN),
    ("lanjut", BARE | NYA),
    ("pungkas", BARE | NYA),
    ("kilah", BARE | NYA | BER),
    ("bilang", BARE),
    ("jawab", BARE | NYA | MEN),
    ("timpal", BARE | NYA | MEN_I),
    ("sindir", BARE | NYA | MEN),
    ("keluh", BARE | NYA | MEN_KAN),
    ("tandas", BARE | NYA | MEN_KAN),
    ("beber", BARE | NYA | MEN_KAN),
    ("urai", BARE | NYA | MEN_KAN),
    ("sambung", BARE | NYA),
    ("tukas", BARE | NYA),
    ("cetus", BARE | NYA),
    ("seloroh", NYA | BER),
    ("imbau", NYA | MEN),
    ("desak", MEN),
    ("ingat", MEN_KAN),
    ("cerita", MEN_KAN | BER),
    ("tanggap", MEN_I),
    ("janji", BER),
    ("kritik", MEN),
    ("puji", MEN),
    ("tuduh", MEN),
    ("tolak", MEN),
    ("kecam", MEN),
    ("tuntut", MEN),
    ("tuding", MEN),
    ("yakin", MEN_KAN),
];

/// Other Indonesian cue words, as they are.
#[rustfmt::skip]
const ID_WORDS: &[(&str, u16)] = &[
    ("menurut", ACCORDING),
    ("menurutnya", PRON),
    ("kata dia", VERB | PRON),
    ("ujar dia", VERB | PRON),
    ("ungkap dia", VERB | PRON),
    ("tegas dia", VERB | PRON),
    ("jelas dia", VERB | PRON),
    ("tambah dia", VERB | PRON),
    ("pernyataan", NOUN),
    ("pernyataannya", NOUN),
    ("keterangan", NOUN),
    ("keterangannya", NOUN),
    ("siaran", NOUN),
    ("dia", PERSON_PRONOUN),
    ("ia", PERSON_PRONOUN),
    ("beliau", PERSON_PRONOUN),
    ("pihaknya", ORG_PRONOUN),
    ("sang", DETERMINER),
    ("si", DETERMINER),
    ("itu", ANAPHOR_END),
    ("tersebut", ANAPHOR_END),
    ("ini", ANAPHOR_END),
    ("bahwa", THAT),
    ("disebut", NAMING),
    ("disebutnya", NAMING),
    ("bernama", NAMING),
    ("berjudul", NAMING),
    ("bertajuk", NAMING),
    ("dijuluki", NAMING),
    ("julukan", NAMING),
    ("istilah", NAMING),
    ("dinamai", NAMING),
    ("dinamakan", NAMING),
    ("slogan", NAMING),
    ("tagar", NAMING),
    ("pepatah", NAMING),
    ("peribahasa", NAMING),
    ("semboyan", NAMING),
    ("moto", NAMING),
    ("ungkapan", NAMING),
    ("kementerian", INSTITUTION),
    ("kepolisian", INSTITUTION),
    ("polisi", INSTITUTION),
    ("pemerintah", INSTITUTION),
    ("perusahaan", INSTITUTION),
    ("badan", INSTITUTION),
    ("lembaga", INSTITUTION),
    ("komisi", INSTITUTION),
    ("partai", INSTITUTION),
    ("organisasi", INSTITUTION),
    ("federasi", INSTITUTION),
    ("klub", INSTITUTION),
    ("dewan", INSTITUTION),
    ("universitas", INSTITUTION),
    ("kantor", INSTITUTION),
    ("bank", INSTITUTION),
    ("dan", AND),
    ("lalu", AND),
    ("serta", AND),
    ("sebut", CALLS),
    ("menyebut", CALLS),
    ("menyebutnya", CALLS),
    ("menamai", CALLS),
    ("menjuluki", CALLS),
];

/// Nouns for a person, in both languages: the head of a nominal speaker
/// ("kata pria yang sudah 20 tahun berdagang itu", "said the official").
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "pria", "perempuan", "wanita", "lelaki", "laki-laki", "pemuda", "pemudi", "gadis", "remaja",
    "perwira", "pejabat", "politikus", "politisi", "pengusaha", "warga", "mahasiswa",
    "mahasiswi", "siswa", "siswi", "kakek", "nenek", "tokoh", "aktivis", "dokter", "guru",
    "petani", "nelayan", "pedagang", "sopir", "buruh", "karyawan", "pegawai", "polisi",
    "jenderal", "legislator", "anggota", "pemilik", "ayah", "ibu", "bapak", "sosok", "pakar",
    "peneliti", "ilmuwan", "pengamat", "analis", "ekonom", "dosen", "akademisi", "pengacara",
    "advokat", "atlet", "pemain", "pelatih", "penyanyi", "aktor", "aktris", "artis", "seniman",
    "penulis", "wartawan", "jurnalis", "ulama", "ustaz", "budayawan", "sejarawan", "suporter",
    "relawan", "penonton", "pendukung", "penumpang", "pengunjung", "tetangga", "korban", "saksi",
    "pengungsi", "pekerja", "pengemudi", "petugas", "penambang", "pembeli", "pemudik", "man", "woman", "official", "officer", "lawmaker", "spokesman",
    "spokeswoman", "spokesperson", "resident", "expert", "researcher", "scientist", "owner",
    "student", "teacher", "doctor", "farmer", "activist", "politician", "businessman",
    "businesswoman", "veteran", "author", "writer", "lawyer", "attorney", "victim", "witness",
    "manager", "negotiator", "economist", "executive", "director", "chief", "leader", "captain",
    "player", "midfielder", "striker", "defender", "goalkeeper", "engineer", "nurse", "worker",
    "supervisor", "diplomat", "prosecutor", "plaintiff", "defendant", "professor", "historian",
    "novelist", "campaigner", "protester", "survivor", "neighbour", "neighbor", "mother",
    "father", "driver", "pilot", "soldier", "fisherman", "shopkeeper", "candidate", "chairman",
    "chairwoman", "chairperson", "founder", "employee", "customer", "passenger", "patient",
    "parent", "mp", "senator", "congressman", "congresswoman", "envoy", "poet", "composer",
    "critic", "artist", "painter", "sculptor", "singer", "musician", "conductor", "architect",
    "actor", "actress", "playwright", "biographer", "journalist", "editor", "publisher",
    "philosopher", "mathematician", "physicist", "chemist", "scholar", "designer",
    "opponent", "supporter", "reporter", "volunteer", "member", "rival", "fan", "voter",
    "observer", "colleague", "friend", "spectator", "visitor", "tourist", "commuter",
    // A nationality as a noun, for a person named before: `the Dane said`.
    "dane", "swede", "briton", "brit", "scot", "frenchman", "frenchwoman", "englishman",
    "englishwoman", "irishman", "welshman", "dutchman", "spaniard", "pole", "finn", "norwegian",
    "german", "italian", "argentine", "argentinian", "brazilian", "australian", "american",
    "canadian", "belgian", "croatian", "serbian", "nigerian", "ghanaian", "kenyan", "mexican",
    "colombian", "uruguayan", "russian", "ukrainian", "egyptian", "moroccan", "senegalese",
    "austrian", "portuguese", "japanese", "korean", "indonesian",
];

/// English verbs of saying: base form and irregular past (empty when
/// regular). The base form itself is a cue only for `say`.
#[rustfmt::skip]
const EN_VERBS: &[(&str, &str)] = &[
    ("say", "said"), ("tell", "told"), ("write", "wrote"), ("speak", "spoke"),
    ("add", ""), ("ask", ""), ("state", ""), ("explain", ""), ("warn", ""), ("insist", ""),
    ("note", ""), ("argue", ""), ("claim", ""), ("announce", ""), ("declare", ""),
    ("reply", ""), ("respond", ""), ("recall", ""), ("acknowledge", ""), ("admit", ""),
    ("deny", ""), ("urge", ""), ("stress", ""), ("emphasise", ""), ("emphasize", ""),
    ("continue", ""), ("comment", ""), ("remark", ""), ("conclude", ""), ("assert", ""),
    ("confirm", ""), ("complain", ""), ("describe", ""), ("characterize", ""),
    ("characterise", ""), ("predict", ""), ("tweet", ""), ("report", ""),
    ("testify", ""), ("promise", ""), ("observe", ""),
    ("shout", ""), ("exclaim", ""), ("whisper", ""), ("joke", ""), ("quip", ""),
    ("concede", ""), ("reiterate", ""), ("counter", ""), ("suggest", ""), ("reason", ""),
];

/// More English verbs of saying, for the quotation rules only: they are
/// left out of the shared lexicon ([`lexicon_entries`]), whose `CUE` flag
/// is one of the learned tagger's features, so the committed models stay
/// what training makes.
#[rustfmt::skip]
const EN_VERBS_QUOTES: &[(&str, &str)] = &[
    ("mention", ""), ("reveal", ""), ("recount", ""), ("allege", ""), ("answer", ""),
    ("retort", ""), ("plead", ""), ("vow", ""), ("pledge", ""), ("caution", ""),
    ("clarify", ""), ("assure", ""), ("lament", ""), ("proclaim", ""), ("remind", ""),
    ("boast", ""), ("yell", ""), ("scream", ""), ("mutter", ""), ("murmur", ""),
    ("dismiss", ""), ("maintain", ""), ("muse", ""), ("agree", ""), ("interject", ""),
    ("wonder", ""), ("confess", ""), ("remember", ""), ("post", ""),
    ("cry", ""), ("demand", ""), ("laugh", ""), ("sigh", ""), ("smile", ""), ("shrug", ""),
    ("grin", ""), ("inform", ""), ("chuckle", ""), ("snap", ""), ("gasp", ""), ("groan", ""), ("sob", ""),
    ("fume", ""), ("scoff", ""), ("text", ""),
];

/// English verbs of saying whose `-s` form is mostly a plural noun; only
/// their past and participle are cues.
#[rustfmt::skip]
const EN_NOUNISH: &[&str] = &[
    "comment", "report", "claim", "state", "remark", "tweet", "promise", "reply",
    "counter", "reason", "stress", "quip", "joke", "whisper", "shout", "post", "respond",
    "mention", "answer", "retort", "vow", "pledge", "caution", "boast", "yell", "scream",
    "mutter", "murmur", "muse", "cry", "demand", "laugh", "sigh", "smile", "shrug", "grin",
    "chuckle", "snap", "gasp", "groan", "sob", "text",
];

/// Other English cue words, as they are.
#[rustfmt::skip]
const EN_WORDS: &[(&str, u16)] = &[
    ("according to", ACCORDING),
    ("statement", NOUN),
    ("he", PERSON_PRONOUN),
    ("she", PERSON_PRONOUN),
    ("it", ORG_PRONOUN),
    ("the", DETERMINER),
    ("that", THAT),
    ("named", NAMING),
    ("called", NAMING),
    ("so-called", NAMING),
    ("dubbed", NAMING),
    ("titled", NAMING),
    ("entitled", NAMING),
    ("labelled", NAMING),
    ("labeled", NAMING),
    ("nicknamed", NAMING),
    ("term", NAMING),
    ("word", NAMING),
    ("slogan", NAMING),
    ("hashtag", NAMING),
    ("adage", NAMING),
    ("motto", NAMING),
    ("proverb", NAMING),
    ("phrase", NAMING),
    ("headline", NAMING),
    ("ministry", INSTITUTION),
    ("department", INSTITUTION),
    ("agency", INSTITUTION),
    ("company", INSTITUTION),
    ("commission", INSTITUTION),
    ("police", INSTITUTION),
    ("party", INSTITUTION),
    ("government", INSTITUTION),
    ("organization", INSTITUTION),
    ("organisation", INSTITUTION),
    ("federation", INSTITUTION),
    ("club", INSTITUTION),
    ("council", INSTITUTION),
    ("university", INSTITUTION),
    ("office", INSTITUTION),
    ("bank", INSTITUTION),
    ("firm", INSTITUTION),
    ("group", INSTITUTION),
    ("army", INSTITUTION),
    ("court", INSTITUTION),
    ("city", INSTITUTION),
    ("municipality", INSTITUTION),
    ("association", INSTITUTION),
    ("union", INSTITUTION),
    ("authority", INSTITUTION),
    ("trust", INSTITUTION),
    ("board", INSTITUTION),
    ("committee", INSTITUTION),
    ("institute", INSTITUTION),
    ("foundation", INSTITUTION),
    ("utility", INSTITUTION),
    ("regulator", INSTITUTION),
    ("watchdog", INSTITUTION),
    ("charity", INSTITUTION),
    ("alliance", INSTITUTION),
    ("coalition", INSTITUTION),
    ("league", INSTITUTION),
    ("embassy", INSTITUTION),
    ("administration", INSTITUTION),
    ("bureau", INSTITUTION),
    ("tribunal", INSTITUTION),
    ("airline", INSTITUTION),
    ("carrier", INSTITUTION),
    ("broadcaster", INSTITUTION),
    ("newspaper", INSTITUTION),
    ("team", INSTITUTION),
    ("manufacturer", INSTITUTION),
    ("maker", INSTITUTION),
    ("carmaker", INSTITUTION),
    ("retailer", INSTITUTION),
    ("insurer", INSTITUTION),
    ("lender", INSTITUTION),
    ("startup", INSTITUTION),
    ("start-up", INSTITUTION),
    ("school", INSTITUTION),
    ("hospital", INSTITUTION),
    ("society", INSTITUTION),
    ("label", INSTITUTION),
    ("operator", INSTITUTION),
    ("and", AND),
    ("but", AND),
    ("then", AND),
];

/// The shape of `meN-` before `root`, and the root as it is left after
/// the prefix (an initial voiceless `k`, `t`, `s`, `p` melts into the nasal
/// when a vowel follows).
pub(crate) fn men_prefix(root: &str) -> (&'static str, &str) {
    let b = root.as_bytes();
    let first = b.first().copied().unwrap_or(b'a');
    let second_vowel = b.get(1).is_some_and(|c| b"aiueo".contains(c));
    let rest = |n: usize| root.get(n..).unwrap_or("");
    match first {
        b'a' | b'i' | b'u' | b'e' | b'o' | b'g' | b'h' => ("meng", root),
        b'k' if second_vowel => ("meng", rest(1)),
        b'k' => ("meng", root),
        b't' if second_vowel => ("men", rest(1)),
        b'd' | b'c' | b'j' | b'z' | b't' => ("men", root),
        b's' if second_vowel => ("meny", rest(1)),
        b's' => ("men", root),
        b'p' if second_vowel => ("mem", rest(1)),
        b'b' | b'f' | b'v' | b'p' => ("mem", root),
        _ => ("me", root), // l, m, n, r, w, y, ny, ng
    }
}

/// The English `-s`, `-ed` and `-ing` forms of a regular `base`.
fn en_inflections(base: &str) -> [String; 3] {
    let b = base.as_bytes();
    let last = b.last().copied().unwrap_or(b'x');
    let before = b.len().checked_sub(2).and_then(|i| b.get(i)).copied().unwrap_or(b'a');
    let vowel = |c: u8| b"aeiou".contains(&c);
    let s = if base.ends_with('s') || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else if last == b'y' && !vowel(before) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    // A short stressed last syllable doubles its consonant; the few verbs
    // here that do it are named rather than guessed.
    let double =
        matches!(base, "admit" | "quip" | "commit" | "regret" | "grin" | "snap" | "sob" | "shrug");
    let ed = if last == b'e' {
        format!("{base}d")
    } else if last == b'y' && !vowel(before) {
        format!("{}ied", &base[..base.len() - 1])
    } else if double {
        format!("{base}{}ed", last as char)
    } else {
        format!("{base}ed")
    };
    let ing = if last == b'e' && !base.ends_with("ee") {
        format!("{}ing", &base[..base.len() - 1])
    } else if double {
        format!("{base}{}ing", last as char)
    } else {
        format!("{base}ing")
    };
    [s, ed, ing]
}

/// Every cue form with its flags, built once.
fn forms() -> &'static HashMap<String, u16> {
    static FORMS: OnceLock<HashMap<String, u16>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut map: HashMap<String, u16> =
            HashMap::with_capacity_and_hasher(1024, Default::default());
        let mut add = |w: String, f: u16| *map.entry(w).or_insert(0) |= f;
        for &(root, shapes) in ID_ROOTS {
            let has = |s: u16| shapes & s != 0;
            let (pre, stem) = men_prefix(root);
            if has(BARE) {
                add(root.to_string(), VERB);
            }
            if has(NYA) {
                add(format!("{root}nya"), VERB | PRON);
            }
            if has(MEN) {
                add(format!("{pre}{stem}"), VERB);
            }
            if has(MEN_KAN) {
                add(format!("{pre}{stem}kan"), VERB);
            }
            if has(MEN_I) {
                add(format!("{pre}{stem}i"), VERB);
            }
            if has(DI_KAN) {
                add(format!("di{root}kan"), PASSIVE);
            }
            if has(DI) {
                add(format!("di{root}i"), PASSIVE);
            }
            if has(BER) {
                // `ber-` loses its r before a root starting with r.
                let pre = if root.starts_with('r') { "be" } else { "ber" };
                add(format!("{pre}{root}"), VERB);
            }
        }
        for &(w, f) in ID_WORDS.iter().chain(EN_WORDS) {
            add(w.to_string(), f);
        }
        for &w in PERSON_NOUNS {
            add(w.to_string(), PERSON_NOUN);
        }
        add("call".to_string(), CALLS);
        add("calls".to_string(), CALLS);
        for &(base, past) in EN_VERBS.iter().chain(EN_VERBS_QUOTES) {
            let [s, ed, ing] = en_inflections(base);
            // `comments`, `reports`, `claims` are nouns far more often.
            if !EN_NOUNISH.contains(&base) {
                add(s, VERB);
            }
            add(ing, PARTICIPLE);
            if past.is_empty() {
                add(ed, VERB);
            } else {
                add(past.to_string(), VERB);
            }
        }
        add("say".to_string(), VERB);
        map
    })
}

/// The cue flags of a lower-case word or phrase; `0` when it is no cue.
/// (The recognizer reads a word's flags from its token, `Token::cue`;
/// this is for a form the text does not hold, such as a plural's
/// singular.)
pub(crate) fn lookup(phrase: &str) -> u16 {
    forms().get(phrase).copied().unwrap_or(0)
}

/// Whether a lower-case word is the plural of a word for a person
/// (`residents`, `officials`, `witnesses`): a name of nobody.
pub(crate) fn plural_person_noun(w: &str) -> bool {
    let person_noun = |s: &str| lookup(s) & cue::PERSON_NOUN != 0;
    w.strip_suffix('s').is_some_and(person_noun) || w.strip_suffix("es").is_some_and(person_noun)
}

/// Every cue form (word or phrase) with its flags.
pub(crate) fn all() -> impl Iterator<Item = (&'static str, u16)> {
    forms().iter().map(|(w, &f)| (w.as_str(), f))
}

/// The roles the shared lexicon gives cue forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A verb of saying (`CUE`).
    Cue,
    /// A verb of saying with its own pronoun (`CUE | CUE_PRON`).
    CuePron,
    /// A person pronoun (`PRONOUN`).
    Pronoun,
    /// A determiner before a nominal speaker (`DETERMINER`).
    Determiner,
    /// A word closing a nominal speaker (`ANAPHOR_END`).
    AnaphorEnd,
}

/// The forms the shared lexicon flags, with their role: every finite verb
/// of saying, `menurut` and `according to`, and the pronoun, determiner and
/// closing-word classes.
pub(crate) fn lexicon_entries() -> impl Iterator<Item = (&'static str, Role)> {
    static QUOTES_ONLY: OnceLock<Vec<String>> = OnceLock::new();
    let quotes_only = QUOTES_ONLY.get_or_init(|| {
        EN_VERBS_QUOTES
            .iter()
            .flat_map(|&(base, _)| {
                let [s, ed, ing] = en_inflections(base);
                [s, ed, ing]
            })
            .collect()
    });
    forms().iter().filter_map(|(w, &f)| {
        if quotes_only.iter().any(|q| q == w) {
            return None;
        }
        let role = if f & PRON != 0 {
            Role::CuePron
        } else if f & (VERB | ACCORDING) != 0 {
            Role::Cue
        } else if f & PERSON_PRONOUN != 0 {
            Role::Pronoun
        } else if f & DETERMINER != 0 {
            Role::Determiner
        } else if f & ANAPHOR_END != 0 {
            Role::AnaphorEnd
        } else {
            return None;
        };
        Some((w.as_str(), role))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_morphology() {
        for w in [
            "mengatakan",
            "menyampaikan",
            "menegaskan",
            "menjelaskan",
            "mengungkapkan",
            "menyatakan",
            "menambahkan",
            "menyebut",
            "menyebutkan",
            "mengakui",
            "mengaku",
            "membantah",
            "menanyakan",
            "meminta",
            "menulis",
            "mengumumkan",
            "melaporkan",
            "menilai",
            "menduga",
            "mengklaim",
            "berkata",
            "bertanya",
            "berharap",
            "berujar",
            "memaparkan",
            "menuturkan",
            "menerangkan",
            "mengimbau",
        ] {
            assert_eq!(lookup(w) & VERB, VERB, "{w}");
        }
        for w in ["katanya", "ujarnya", "tuturnya", "imbuhnya", "tegasnya", "jelasnya", "ungkapnya"]
        {
            assert_eq!(lookup(w) & (VERB | PRON), VERB | PRON, "{w}");
        }
        for w in ["dikatakan", "disampaikan", "ditegaskan"] {
            assert_eq!(lookup(w), PASSIVE, "{w}");
        }
        // Everyday words that are no cue in these shapes.
        for w in ["sampai", "nyata", "nilai", "diduga", "dinilai", "nyatanya", "aku", "umum"] {
            assert_eq!(lookup(w) & (VERB | PRON | PASSIVE), 0, "{w}");
        }
    }

    #[test]
    fn english_inflections() {
        for w in [
            "said",
            "says",
            "told",
            "added",
            "asked",
            "stated",
            "explained",
            "warned",
            "insisted",
            "noted",
            "argued",
            "claimed",
            "wrote",
            "announced",
            "declared",
            "replied",
            "responded",
            "recalled",
            "acknowledged",
            "admitted",
            "denied",
            "urged",
            "stressed",
            "emphasised",
            "emphasized",
            "denies",
            "warns",
            "say",
        ] {
            assert_eq!(lookup(w) & VERB, VERB, "{w}");
        }
        for w in ["saying", "adding", "noting", "admitting", "denying", "writing"] {
            assert_eq!(lookup(w), PARTICIPLE, "{w}");
        }
        for w in
            ["state", "note", "claim", "sayed", "telled", "comments", "reports", "claims", "states"]
        {
            assert_eq!(lookup(w) & VERB, 0, "{w}");
        }
    }

    #[test]
    fn lexicon_roles() {
        let roles: HashMap<&str, Role> = lexicon_entries().collect();
        assert_eq!(roles.get("ujarnya"), Some(&Role::CuePron));
        assert_eq!(roles.get("mengatakan"), Some(&Role::Cue));
        assert_eq!(roles.get("according to"), Some(&Role::Cue));
        assert_eq!(roles.get("dia"), Some(&Role::Pronoun));
        assert_eq!(roles.get("tersebut"), Some(&Role::AnaphorEnd));
        assert_eq!(roles.get("saying"), None);
    }
}
