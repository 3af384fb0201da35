//! Entities: groups of annotations that name the same person, organisation
//! or place.
//!
//! An [`Entity`] is derived from a document's *current* annotations every
//! time it is asked for ([`group`]), never stored, so it stays right after
//! the user adds, deletes or relabels a span. Only PERSON, ORG and LOC
//! annotations are grouped, and each belongs to exactly one entity (a
//! mention with no partner is an entity of its own). Two mentions join
//! only when they have the same label, by the first rule that fits, in
//! document order:
//!
//! 1. **Acronym defined in the text.** A mention followed by a bracketed
//!    acronym, `Mahkamah Konstitusi (MK)`, or an acronym followed by its
//!    bracketed expansion, `MK (Mahkamah Konstitusi)`, defines it; every
//!    later mention written as that acronym joins the expansion.
//! 2. **Same name.** Mentions are compared by their words, lower-cased,
//!    with every gazetteer alias replaced by its alias group, so `Amerika
//!    Serikat`, `AS`, `United States` and `US` are the same name, and so
//!    are `Kementerian Luar Negeri Jepang` and `Kemlu Jepang`.
//! 3. **Part of a person's name.** A PERSON whose words are all words of
//!    an earlier PERSON (`Takaichi`, `Sanae`, after `Sanae Takaichi`) joins
//!    the most recent such person; a fuller name joins an earlier short one
//!    in the same way (`Takaichi` … `Sanae Takaichi`). Titles are not part
//!    of the span, so `Perdana Menteri Takaichi` is the mention `Takaichi`.
//!    (Not a one-word name with an age after it, `Budi (45)`: that brings
//!    in someone new, who is what later mentions of the name join; rules 1
//!    and 2 do not apply to it either.)
//! 4. **An organisation without its country.** An ORG whose name is
//!    another ORG's name less trailing place names (`Kemlu` and `Kemlu
//!    Jepang`) joins it.
//! 5. **Initials.** An ORG written as an acronym that spells the initials
//!    of the capitalised words of an earlier ORG (`KPK` after `Komisi
//!    Pemberantasan Korupsi`) joins it.
//!
//! Entities are numbered `e1`, `e2`, … in order of their first mention; an
//! entity's `name` is the text of its longest mention (the first of equal
//! length). Time is linear in the number of mentions, apart from a bounded
//! look-back over recent candidates for rules 3–5.

use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use super::model::{labels, AnnotatedDocument, Short};
use super::recognize::{gazetteer_group, gazetteer_place};

/// How many earlier candidates rules 3–5 look at, most recent first.
const LOOK_BACK: usize = 64;

/// The longest gazetteer phrase, in words, that names are matched against.
const MAX_ALIAS_WORDS: usize = 4;

/// One entity: every annotation that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Identifier, `e1`, `e2`, … in order of first mention.
    pub id: String,
    /// The label its mentions share: `PERSON`, `ORG` or `LOC`.
    pub label: String,
    /// The text of its fullest (longest) mention.
    pub name: String,
    /// The ids of its annotations, in document order.
    pub mentions: Vec<Short>,
}

/// A group under construction.
struct Group {
    /// Index into [`GROUPED`].
    label: usize,
    /// Index into `mentions` of the longest mention.
    name: usize,
    /// How many mentions it has.
    count: usize,
}

/// The labels that are grouped; a mention's label is an index into it.
const GROUPED: [&str; 3] = [labels::PERSON, labels::ORG, labels::LOC];

/// One distinct mention text, prepared once for all its mentions.
struct Text {
    /// Where it is first written (bytes of the document's text).
    at: (usize, usize),
    /// Its words, lower-cased, gazetteer aliases replaced by `#group`.
    key: Rc<[String]>,
    /// Whether each element of `key` is a place alias.
    place: Rc<[bool]>,
    /// A number for `key`, the same for every text with an equal key.
    key_id: usize,
    /// Its length in code points.
    chars: usize,
    /// The mention (index into `mentions`) whose bracketed acronym or
    /// expansion defines this text, if the text defines one (rule 1).
    defined_by: Option<usize>,
    /// If the text is an acronym (two letters or more, all capitals, no
    /// space), its letters (rule 5).
    acronym: Option<Box<str>>,
    /// The initials of its capitalised words, if there are two or more.
    initials: Option<Box<str>>,
}

/// One mention, prepared for comparison.
struct Mention {
    /// Index into the document's annotations.
    ann: usize,
    /// Index into [`GROUPED`].
    label: usize,
    /// The byte its text starts at in the document's.
    start: usize,
    /// The byte just past its text in the document's.
    end: usize,
    /// Index of its text's [`Text`] (its key and places).
    text_id: usize,
    /// A one-word PERSON with an age after it (`Budi (45)`): someone new.
    aged: bool,
}

impl Mention {
    fn text<'a>(&self, doc: &'a AnnotatedDocument) -> &'a str {
        &doc.doc.text[self.start..self.end]
    }
}

/// Groups the PERSON, ORG and LOC annotations of `doc` into entities.
pub fn group(doc: &AnnotatedDocument) -> Vec<Entity> {
    Grouping::default().step(doc, usize::MAX).unwrap_or_default()
}

/// [`group`] a part at a time, so a long document's grouping can be spread
/// over several tasks: each [`step`](Grouping::step) takes about as long
/// as its budget of mentions, and the last gives the same entities as
/// [`group`]. Every step must be given the same document.
#[derive(Default)]
pub struct Grouping {
    /// Whether the mentions are all prepared and being grouped.
    grouping: bool,
    /// The next annotation to prepare, or mention to group.
    at: usize,
    /// A long article names the same things again and again: each
    /// distinct text is prepared once, and the grouping compares numbers.
    /// Its texts by hash and length (the next hash on a clash: the text is
    /// compared too), so no text is copied.
    text_ids: HashMap<(usize, usize), usize>,
    key_ids: HashMap<Rc<[String]>, usize>,
    texts: Vec<Text>,
    mentions: Vec<Mention>,
    groups: Vec<Group>,
    group_of: Vec<usize>,
    /// The first group of each (label, key).
    by_key: HashMap<(usize, usize), usize>,
    /// Recent groups per label, most recent last, for the look-back rules.
    recent: [Vec<usize>; 3],
}

impl Grouping {
    /// Prepares or groups up to `budget` more mentions of `doc`; the
    /// entities once all are grouped, else `None`.
    pub fn step(&mut self, doc: &AnnotatedDocument, budget: usize) -> Option<Vec<Entity>> {
        let mut left = budget.max(1);
        if !self.grouping {
            let n = doc.annotations.len();
            let to = self.at.saturating_add(left).min(n);
            left -= to - self.at;
            for i in self.at..to {
                self.prepare(doc, i);
            }
            self.at = to;
            if to < n {
                return None;
            }
            // An acronym defined in brackets but never annotated is never
            // looked up.
            for (text, m) in defined_acronyms(doc, &self.mentions) {
                if let Ok(t) = self.text_id(doc, text) {
                    self.texts[t].defined_by = Some(m);
                }
            }
            self.grouping = true;
            self.at = 0;
            self.group_of.reserve_exact(self.mentions.len());
            if left == 0 {
                return None;
            }
        }
        let n = self.mentions.len();
        let to = self.at.saturating_add(left).min(n);
        for m in self.at..to {
            self.assign(m);
        }
        let done = to - self.at;
        self.at = to;
        // The entities are made from every mention at once: in this step
        // if what is left of its budget covers them, else in the next (a
        // long article's last part and its entities would be one long
        // task).
        (to == n && (done == 0 || left - done >= n)).then(|| self.entities(doc))
    }

    /// Prepares annotation `i` as a mention, if its label is grouped.
    fn prepare(&mut self, doc: &AnnotatedDocument, i: usize) {
        let a = &doc.annotations[i];
        let Some(label) = GROUPED.iter().position(|&l| l == a.label) else { return };
        let bytes = doc.bytes_of(a);
        let (start, end) = (bytes.start, bytes.end);
        let text = &doc.doc.text[bytes];
        let text_id = match self.text_id(doc, text) {
            Ok(t) => t,
            Err(slot) => {
                let (key, place) = key_of(text);
                let key: Rc<[String]> = key.into();
                let next = self.key_ids.len();
                let key_id = *self.key_ids.entry(key.clone()).or_insert(next);
                let chars = text.chars().count();
                let (acronym, initials) = (acronym_letters(text), initials_of(text));
                self.texts.push(Text {
                    at: (start, end),
                    key,
                    place: place.into(),
                    key_id,
                    chars,
                    defined_by: None,
                    acronym,
                    initials,
                });
                self.text_ids.insert(slot, self.texts.len() - 1);
                self.texts.len() - 1
            }
        };
        let aged = a.label == labels::PERSON
            && age_follows(&doc.doc.text[end..])
            && !text.contains(char::is_whitespace);
        self.mentions.push(Mention { ann: i, label, start, end, text_id, aged });
    }

    /// The [`Text`] of `text`, or where a new one goes in `text_ids`.
    fn text_id(&self, doc: &AnnotatedDocument, text: &str) -> Result<usize, (usize, usize)> {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        text.hash(&mut h);
        let mut key = (h.finish() as usize, text.len());
        loop {
            match self.text_ids.get(&key) {
                Some(&t)
                    if doc.doc.text.get(self.texts[t].at.0..self.texts[t].at.1) == Some(text) =>
                {
                    return Ok(t)
                }
                Some(_) => key.0 = key.0.wrapping_add(1),
                None => return Err(key),
            }
        }
    }

    /// Puts mention `m` in a group: an earlier one it names too, or a new
    /// one.
    fn assign(&mut self, m: usize) {
        let (mentions, texts, groups) = (&self.mentions, &self.texts, &mut self.groups);
        let mention = &mentions[m];
        let text = &texts[mention.text_id];
        let found = (!mention.aged)
            .then(|| {
                text.defined_by
                    .and_then(|d| (d < m).then(|| self.group_of[d]))
                    .filter(|&g| groups[g].label == mention.label)
                    .or_else(|| self.by_key.get(&(mention.label, text.key_id)).copied())
                    .or_else(|| {
                        self.recent[mention.label].iter().rev().take(LOOK_BACK).copied().find(
                            |&g| {
                                let other = &mentions[groups[g].name];
                                related(mention, other, texts)
                            },
                        )
                    })
            })
            .flatten();
        let g = match found {
            Some(g) => g,
            None => {
                groups.push(Group { label: mention.label, name: m, count: 0 });
                groups.len() - 1
            }
        };
        let grp = &mut groups[g];
        grp.count += 1;
        if text.chars > texts[mentions[grp.name].text_id].chars {
            grp.name = m;
        }
        self.group_of.push(g);
        if mention.aged {
            // Later mentions of the name are the newcomer's.
            self.by_key.insert((mention.label, text.key_id), g);
        } else {
            self.by_key.entry((mention.label, text.key_id)).or_insert(g);
        }
        let rec = &mut self.recent[mention.label];
        if rec.last() != Some(&g) {
            // Move `g` to the end; an entry further back than the look-back
            // window is left where it is (it is never read again).
            let window = rec.len().saturating_sub(LOOK_BACK);
            if let Some(pos) = rec[window..].iter().rposition(|&x| x == g) {
                rec.remove(window + pos);
            }
            rec.push(g);
        }
    }

    /// The groups as entities.
    fn entities(&self, doc: &AnnotatedDocument) -> Vec<Entity> {
        // Each group's mentions, in document order: one list for them all,
        // cut by the groups' counts (no list growing for each group).
        let (groups, mentions) = (&self.groups, &self.mentions);
        let mut first: Vec<usize> = Vec::with_capacity(groups.len() + 1);
        let mut at = 0;
        for g in groups {
            first.push(at);
            at += g.count;
        }
        first.push(at);
        // The ids are read in document order (the annotations one after
        // another: a long article's are megabytes, and read group by group
        // nearly every read would miss the cache) into their group's place.
        let mut ids = vec![Short::default(); mentions.len()];
        let mut next = first.clone();
        for (m, &g) in self.group_of.iter().enumerate() {
            ids[next[g]] = doc.annotations[mentions[m].ann].id.clone();
            next[g] += 1;
        }
        groups
            .iter()
            .enumerate()
            .map(|(n, g)| Entity {
                id: format!("e{}", n + 1),
                label: GROUPED[g.label].to_string(),
                name: mentions[g.name].text(doc).to_string(),
                mentions: ids[first[n]..first[n + 1]].iter_mut().map(std::mem::take).collect(),
            })
            .collect()
    }
}

/// The comparison key of a mention's text: its words lower-cased, with the
/// longest gazetteer aliases replaced by their group; and which elements
/// are places.
fn key_of(text: &str) -> (Vec<String>, Vec<bool>) {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.' | '&')))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let mut key = Vec::with_capacity(words.len());
    let mut place = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let hit = (1..=MAX_ALIAS_WORDS.min(words.len() - i)).rev().find_map(|n| {
            let phrase = words[i..i + n].join(" ");
            let g = gazetteer_group(&phrase).or_else(|| {
                // Dotted capitals are listed with their dots (`u.s.`).
                (n == 1 && text.contains('.')).then(|| gazetteer_group(&format!("{phrase}.")))?
            })?;
            Some((n, g))
        });
        match hit {
            Some((n, g)) => {
                key.push(format!("#{g}"));
                place.push(is_place_group(&words[i..i + n].join(" ")));
                i += n;
            }
            None => {
                key.push(words[i].clone());
                place.push(false);
                i += 1;
            }
        }
    }
    (key, place)
}

/// Whether `rest` (the text after a name) opens with an age in brackets:
/// ` (45)`, `(7)`. A one-word name with an age after it brings in someone
/// new (`kata seorang warga, Budi (45).`), not a namesake named before.
pub(crate) fn age_follows(rest: &str) -> bool {
    let rest = rest.strip_prefix(' ').unwrap_or(rest).as_bytes();
    let digits = rest.iter().skip(1).take_while(|b| b.is_ascii_digit()).count();
    rest.first() == Some(&b'(') && (1..=3).contains(&digits) && rest.get(1 + digits) == Some(&b')')
}

/// Whether a gazetteer phrase names a place (rather than an organisation).
fn is_place_group(phrase: &str) -> bool {
    gazetteer_place(phrase) || gazetteer_place(&format!("{phrase}."))
}

/// Rules 3 to 5: whether `m` names the same entity as `other`, an earlier
/// mention with the same label.
fn related(m: &Mention, other: &Mention, texts: &[Text]) -> bool {
    let (mt, ot) = (&texts[m.text_id], &texts[other.text_id]);
    if m.label != other.label || mt.key.is_empty() || ot.key.is_empty() {
        return false;
    }
    match GROUPED[m.label] {
        l if l == labels::PERSON => {
            let (short, long) = if mt.key.len() <= ot.key.len() { (mt, ot) } else { (ot, mt) };
            short.key.iter().all(|w| long.key.contains(w))
        }
        l if l == labels::ORG => {
            let (short, long) = if mt.key.len() <= ot.key.len() { (mt, ot) } else { (ot, mt) };
            let n = short.key.len();
            let less_places = long.key.len() > n
                && long.key[..n] == short.key[..]
                && long.place[n..].iter().all(|&p| p);
            let spells = |a: &Text, name: &Text| a.acronym.is_some() && a.acronym == name.initials;
            less_places || spells(mt, ot) || spells(ot, mt)
        }
        _ => false,
    }
}

/// The letters of `text` if it is an acronym: two letters or more, all
/// capitals, no space (`KPK`, `U.S.`).
fn acronym_letters(text: &str) -> Option<Box<str>> {
    let caps = text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
    (caps && !text.contains(' ') && letters.chars().count() >= 2).then(|| letters.into())
}

/// The initials of the capitalised words of `name`, if there are two or
/// more (`KPK` of `Komisi Pemberantasan Korupsi`).
fn initials_of(name: &str) -> Option<Box<str>> {
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (initials.chars().count() >= 2).then(|| initials.into())
}

/// Acronyms the text defines in brackets, mapped to the index (into
/// `mentions`) of the mention they abbreviate.
fn defined_acronyms<'a>(
    doc: &'a AnnotatedDocument,
    mentions: &[Mention],
) -> HashMap<&'a str, usize> {
    let mut defs = HashMap::default();
    let text = &*doc.doc.text;
    for (m, mention) in mentions.iter().enumerate() {
        // Spaces (a no-break one too) and `(`: bytes, not characters.
        let rest = &text.as_bytes()[mention.end..];
        let mut k = 0;
        loop {
            match rest.get(k) {
                Some(b' ') => k += 1,
                Some(0xc2) if rest.get(k + 1) == Some(&0xa0) => k += 2,
                _ => break,
            }
        }
        if rest.get(k) != Some(&b'(') {
            continue;
        }
        let inner = &text[mention.end + k + 1..];
        // Bounded, so a bracket that never closes costs nothing.
        let Some((close, _)) = inner.char_indices().take(64).find(|&(_, c)| c == ')') else {
            continue;
        };
        let inside = inner[..close].trim();
        if inside.is_empty() || inside.chars().count() > 60 {
            continue;
        }
        // `Mahkamah Konstitusi (MK)`: the bracket holds the acronym.
        if is_acronym(inside) && !is_acronym(mention.text(doc)) {
            defs.entry(inside).or_insert(m);
            continue;
        }
        // `MK (Mahkamah Konstitusi)`: the bracket holds the expansion,
        // annotated as the next mention, which joins the acronym.
        if is_acronym(mention.text(doc)) {
            if let Some(next) = mentions.get(m + 1) {
                if next.text(doc) == inside && next.label == mention.label {
                    defs.entry(next.text(doc)).or_insert(m);
                }
            }
        }
    }
    defs
}

/// Whether a word is an acronym: two to ten letters, all capitals, no
/// spaces (`MK`, `PDI-P`).
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=10).contains(&letters)
        && !s.contains(char::is_whitespace)
        && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Document, Span};

    /// Two texts whose keys clash in `text_ids` stay two texts.
    #[test]
    fn a_hash_clash_is_told_apart_by_the_text() {
        let text = "Rutte met Takaichi. Rutte said so.";
        let spans = [
            Span::new(labels::PERSON, 0, 5),
            Span::new(labels::PERSON, 10, 18),
            Span::new(labels::PERSON, 20, 25),
        ];
        let doc = Document { name: "t".into(), lang: "en".into(), text: text.into() };
        let doc = AnnotatedDocument::from_spans(doc, &spans);
        let mut g = Grouping::default();
        g.step(&doc, 1);
        assert_eq!(g.texts.len(), 1, "Rutte prepared");
        // Takaichi's own key taken by Rutte's text, as a clash would.
        let Err(key) = g.text_id(&doc, "Takaichi") else { panic!("not prepared yet") };
        g.text_ids.insert(key, 0);
        let Err(next) = g.text_id(&doc, "Takaichi") else { panic!("Rutte is not Takaichi") };
        assert_eq!(next, (key.0.wrapping_add(1), key.1));
        let entities = g.step(&doc, usize::MAX).expect("grouped");
        let names: Vec<_> = entities.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
        assert_eq!(names, [("Rutte", 2), ("Takaichi", 1)]);
        assert_eq!(g.text_id(&doc, "Rutte"), Ok(0));
    }
}
