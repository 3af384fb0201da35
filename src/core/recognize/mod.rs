//! The recognizer: finds entities, dates and quotations in a text.
//!
//! [`analyze`] returns [`Span`]s in **byte** offsets; [`annotate`] turns a
//! named text into an [`AnnotatedDocument`] (code-point offsets, ids).
//!
//! It is a small rule-based system, in stages that each read the tokens of
//! the text once:
//!
//! * `tokens` splits the text into words, numbers and marks, and notes
//!   sentence starts, sentence ends, line breaks and paragraphs;
//! * `dates` finds DATE spans (`Senin (1/12)`, `1 Desember 2025`,
//!   `December 1, 2025`, a year after `sejak`/`since`, …);
//! * `entities` labels runs of capitalised words as PERSON, ORG or LOC,
//!   using titles, organisation and place words and the gazetteer;
//! * `quotes` pairs quotation marks into QUOTE spans and links each to its
//!   speaker;
//! * `lexicon` holds every word list, `gazetteer` the known places,
//!   organisations and titles compiled from `data/gazetteer/`; `lang`
//!   guesses the language;
//! * `merge` keeps one consistent set of entity and DATE spans.
//!
//! # Which source wins
//!
//! Entity and DATE candidates come from several sources, and overlapping
//! candidates are settled by one precedence rule (`merge::merge`), from
//! strongest to weakest:
//!
//! 1. DATE patterns (`Senin (1/12)`, `1 Desember 2025`);
//! 2. exact gazetteer hits of two words or more (`Amerika Serikat`,
//!    `Bank Indonesia`, `Perserikatan Bangsa-Bangsa`);
//! 3. rules with lexical evidence: organisation head words (`Kementerian
//!    Luar Negeri Jepang`), place head and suffix words (`Provinsi`,
//!    `Street`), a title before a name, one-word gazetteer hits;
//! 4. capitalisation heuristics (a run of capitalised words as a name, a
//!    lone known given name, a capitalised word after `di`/`in` as a
//!    place, a lone acronym).
//!
//! With a learned tagger for the language ([`install_model`], the
//! `tagger` module), the tagger takes the place of the entity rules: their
//! reading of every token is one of its features, and the candidates are
//! the DATE patterns, then the tagger's spans (a rule's span is kept where
//! the two agree exactly, for a PERSON's `title`; in English, a rule's ORG
//! ending with a word for an institution, `Foreign Ministry`, also replaces
//! the tagger's LOC over exactly the same words and the tagger's ORG over
//! its last words (`Commerce [Ministry]`); a gazetteer phrase's ORG
//! or LOC replaces the tagger's PERSON over exactly the same words,
//! `Goldman Sachs`, and in an English dateline a gazetteer place replaces
//! the tagger's ORG (`BUSAN, South Korea (Reuters)`); and a rule PERSON
//! after a title holding a police or
//! military rank replaces the tagger's PERSON that starts inside that
//! title and ends with it, `Kapolda Metro Jaya Irjen Karyoto`). For
//! English, whose model learned from 84 documents, the rules of rank 2
//! and 3 also enter, ranked below the tagger, so they only fill what it
//! leaves (on GUM dev
//! this gains about 0.6 F1, and 6.6 on its news documents; in Indonesian
//! it costs 4 F1 on idner2k dev, so there the tagger stands alone).
//! In both languages, a rule PERSON standing right next to a verb of
//! saying also enters below the tagger, so a quotation's speaker slot is
//! filled where the tagger proposes nothing there. After the merge, a
//! PERSON on a title-case headline keeps only the words the article gives
//! a person on an ordinary line (`trim_headline_names`); in Indonesian, a
//! PERSON whose title starts with a place word alone is the place named
//! after that person (`Jalan Jenderal Gatot Subroto`, `namesake_places`);
//! the names of a credit line (`Reporting by …; Editing by …`, `Pewarta:
//! …`, a `By …` byline) are PERSONs, over any other reading of exactly
//! their words (`credits`); and a one-word LOC no
//! list knows as a place whose word is the last word of a full PERSON
//! name in the text is that person (`surnames_are_persons`: `Erna
//! Solberg`, then `signed in Solberg's office`); in English,
//! `speech_names` then adds the names standing where a speaker stands
//! (an ORG where a word for an organisation introduces the name: `the
//! farmers' union Melkvast`, `Zentrik, a battery maker,`, also over a
//! PERSON or LOC reading of it). Last, `backfill_names` carries names to
//! their other capitalised mentions: without a tagger, the first and
//! last words of every full name (with one, the tagger's document votes
//! do that job); with or without one, the words of the full names
//! `speech_names` added, and in English every one-word PERSON (`said
//! Okafor` makes the `Okafor` of an earlier sentence a PERSON too, for
//! the `she said` after it) and every ORG `speech_names` found.
//!
//! At equal rank the longer span wins, then the one that starts first. A
//! losing candidate is dropped whole, never trimmed. Dates are also found
//! first and their tokens withheld from the entity rules, so the rules
//! never propose a name across a date.
//!
//! Guarantees, for any input: no panic; every span has `start < end`, lies
//! within the text and starts and ends on character boundaries; entity and
//! DATE spans never overlap one another, and none crosses a line break
//! (every source ends a name at one: the rules join words on one line
//! only, the tagger decodes each line on its own); a QUOTE never overlaps another
//! QUOTE and may contain entity and DATE spans; a QUOTE's `speaker` is the
//! index of a PERSON or ORG span in the same list. The returned spans are
//! sorted by start, then by end descending (a QUOTE before what it
//! contains). Time and memory are linear in the length of the text.

mod credits;
mod cues;
mod dates;
mod entities;
mod gazetteer;
mod lang;
mod lexicon;
mod merge;
mod quotes;
pub mod tagger;
mod tokens;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::model::{AnnotatedDocument, Document, Span};
use merge::{Candidate, Source};
pub use tagger::{ModelError, Tagger};
use tokens::{Doc, Lang};

/// Guesses the language of `text`: `"id"` (Indonesian) or `"en"`
/// (English). A text with no evidence either way is `"en"`.
pub fn detect_lang(text: &str) -> &'static str {
    lang::detect(text)
}

/// Finds the spans of `text`, written in language `lang` (a BCP 47 tag:
/// `"id"`, `"en"`; any other tag applies the rules of both languages),
/// with the learned tagger installed for that language ([`install_model`])
/// if there is one.
pub fn analyze(text: &str, lang: &str) -> Vec<Span> {
    analyze_with(text, lang, model(lang))
}

/// [`analyze`] with a given tagger, or with the rules alone (`None`).
pub fn analyze_with(text: &str, lang: &str, tagger: Option<&Tagger>) -> Vec<Span> {
    let doc = Doc::new(text, Lang::from_tag(lang));
    let (dates, used, rules) = rule_pass(&doc);
    let mut cands: Vec<Candidate> =
        dates.into_iter().map(|span| Candidate { span, source: Source::DatePattern }).collect();
    match tagger {
        None => cands.extend(rules),
        Some(t) => {
            let mut feats = tagger::Features::new(&doc, &used, tagger::rule_tags(&doc, &rules));
            let tags = t.tag(&mut feats);
            // The rule's span carries more (a PERSON's title) when the two
            // agree.
            let same: HashMap<(usize, usize, &str), &Span> =
                rules.iter().map(|r| ((r.span.start, r.span.end, r.span.label), &r.span)).collect();
            // The rules' gazetteer phrases by their bytes, and their
            // PERSONs with a title by where they end (for the two
            // replacements below).
            let phrases: HashMap<(usize, usize), &Span> = rules
                .iter()
                .filter(|r| r.source == Source::GazetteerPhrase)
                .map(|r| ((r.span.start, r.span.end), &r.span))
                .collect();
            // In English, the rules' ORGs that end with a word for an
            // institution, by where they end.
            let institutions: HashMap<usize, &Span> = rules
                .iter()
                .filter(|r| doc.lang == Lang::En && r.span.label == super::model::labels::ORG)
                .filter(|r| institution(doc.low(doc.tok_at(r.span.end).saturating_sub(1))))
                .map(|r| (r.span.end, &r.span))
                .collect();
            // The tokens inside the rules' places (a place read inside a
            // title: `Kapolsek [Tebet]`; not an organisation, which may be
            // a name's initials: `Jaksa Agung ST Burhanuddin`).
            let mut in_place = vec![false; doc.toks.len()];
            for r in rules.iter().filter(|r| r.span.label == super::model::labels::LOC) {
                for slot in &mut in_place[doc.tok_at(r.span.start)..doc.tok_at(r.span.end)] {
                    *slot = true;
                }
            }
            // The rules' PERSONs by where they end (they do not overlap).
            let persons_by_end: HashMap<usize, &Span> = rules
                .iter()
                .filter(|r| r.span.label == super::model::labels::PERSON)
                .map(|r| (r.span.end, &r.span))
                .collect();
            for span in tagger::spans(&doc, &tags) {
                // In English, where the tagger reads as a place exactly the
                // words that end with a word for an institution (not a
                // building: `Center`, `Museum` are places) and so make an
                // ORG for the rules (`Foreign Ministry`), the word wins.
                // So does the rules' ORG where the tagger reads only its
                // last words (`China's [Commerce Ministry]` against the
                // tagger's `Ministry`).
                let org = institutions.get(&span.end).copied().filter(|r| {
                    (span.label == super::model::labels::LOC && r.start == span.start)
                        || (span.label == super::model::labels::ORG && r.start < span.start)
                });
                // A PERSON the tagger starts inside a title the rules read
                // before the same name, with a police or military rank
                // among its extra words (`Jaya Irjen [Karyoto]` after
                // `Kapolda Metro`, `Pol Karyoto`), a place the rules read
                // there (`Kapolsek Tebet`, `Ketua DPRD DKI`) or a
                // minister's abbreviated office (`Menpora`), is
                // the rules' name. (Not for other titles: the tagger
                // learned that `Gus Dur`, `Ir. Soprijanto`, `Pangeran
                // Singa Brata` are written with theirs.)
                let person = span.label == super::model::labels::PERSON;
                // The rules' PERSON with a title that ends where this span
                // does, if any (for the three readings below).
                let by_end = persons_by_end.get(&span.end).copied().filter(|r| r.title.is_some());
                let titled = by_end.filter(|r| {
                    person
                        && r.start > span.start
                        && r.title.is_some_and(|(a, b)| a <= span.start && b > span.start)
                        && (doc.tok_at(span.start)..doc.tok_at(r.start)).any(|k| {
                            // (Or a minister's abbreviated office, `Menpora`,
                            // `Wamenkeu`; not a noble title the tagger learned
                            // to keep, `Pangeran Singa Brata`.)
                            let w = doc.low(k);
                            let office = doc.toks[k].flags & lexicon::flags::TITLE != 0
                                && (w.starts_with("men") || w.starts_with("wamen"))
                                && doc.lang == Lang::Id;
                            doc.is_word(k)
                                && (entities::rank(w) || w == "pol" || in_place[k] || office)
                        })
                });
                // A PERSON the tagger reads where a gazetteer phrase names
                // an organisation or a place, word for word (`Goldman
                // Sachs`, `Morgan Stanley`, `San Jose`), is that: no
                // listed phrase is a person's name.
                // In an English dateline, an ORG the tagger reads where a
                // gazetteer phrase names a place is that place (`BUSAN,
                // [South Korea] (Reuters) -`; elsewhere a country may be
                // an actor: GUM's `North Korea is an example of a
                // totalitarian government`).
                let listed = phrases.get(&(span.start, span.end)).copied().filter(|r| {
                    person
                        || (span.label == super::model::labels::ORG
                            && r.label == super::model::labels::LOC
                            && doc.lang == Lang::En
                            && dateline_place(&doc, doc.tok_at(span.start)))
                });
                // A place or an organisation the tagger reads where the
                // rules read a person with a title, word for word (`the
                // Rev. [Al Sharpton]`), is that person: a title is made
                // for a person's name (not over a word for a place or an
                // organisation: `The Emperor [Norton Bridge]`).
                let holder = by_end.filter(|r| {
                    !person
                        && r.start == span.start
                        && !place_or_org_word(&doc, span.start, span.end)
                });
                // A PERSON the tagger reads without the given names the
                // rules read before it is the rules' fuller name
                // (`Brentford boss Thomas [Frank]`).
                let fuller = persons_by_end.get(&span.end).copied().filter(|r| {
                    person
                        && r.start < span.start
                        && (doc.tok_at(r.start)..doc.tok_at(span.start))
                            .all(|k| doc.is_word(k) && doc.toks[k].more & lexicon::more::GIVEN != 0)
                });
                let span = match org.or(titled).or(listed).or(holder).or(fuller) {
                    Some(r) => r.clone(),
                    None => match same.get(&(span.start, span.end, span.label)) {
                        Some(&r) => r.clone(),
                        None if person => title_from_rules(&doc, span, by_end),
                        None => span,
                    },
                };
                cands.push(Candidate { span, source: Source::Tagger });
            }
            // A name the rules see right before or after a verb of saying
            // ("Harding, 45, told", "kata Rutte") fills a gap the tagger
            // leaves: that is where a quotation looks for its speaker.
            let speaking = rules.iter().filter(|r| {
                r.span.label == super::model::labels::PERSON && next_to_speech(&doc, &r.span)
            });
            cands.extend(
                speaking.map(|r| Candidate { span: r.span.clone(), source: Source::Heuristic }),
            );
            if doc.lang == Lang::En {
                // The English model learned from 84 documents; where it
                // proposes nothing, a rule with lexical evidence may still
                // (ranked below the tagger, so it only fills gaps).
                let fill = rules.iter().filter(|r| r.source >= Source::Rule || after_role(&doc, r));
                cands.extend(
                    fill.map(|r| Candidate { span: r.span.clone(), source: Source::Heuristic }),
                );
            }
        }
    }
    let mut spans = merge::merge(cands);
    trim_headline_names(&doc, &mut spans);
    dateline_parts(&doc, &mut spans);
    defined_short_names(&doc, &mut spans);
    namesake_places(&doc, &mut spans);
    credits::names(&doc, &mut spans);
    let family = surnames_are_persons(&doc, &mut spans);
    organisations_first_words(&doc, &mut spans, &family);
    named_places(&doc, &mut spans);
    turn_labels(&doc, &mut spans);
    regnal_names(&doc, &mut spans);
    comma_titles(&doc, &mut spans);
    aged_names(&doc, &mut spans);
    spans.retain(|s| !nationality_word(&doc, s));
    let heard = speech_names(&doc, &mut spans);
    // The names found next to a verb of saying, and lone names, carried
    // to their other mentions (with or without a tagger: its votes never
    // saw the names `speech_names` adds); without a tagger, and with the
    // English one, the parts of every full name too (the Indonesian
    // tagger's document votes do that job; the English model, trained on
    // a corpus that spans a name with its role, leaves a family name
    // alone at a sentence start out: `Wrona plans …`).
    let carry = if tagger.is_none() || doc.lang == Lang::En { Carry::All } else { Carry::Heard };
    backfill_names(&doc, &mut spans, carry, &heard);
    let quotes = quotes::find(&doc, &spans);
    spans.extend(quotes);
    in_order(spans)
}

/// Whether `w` (lower case) is an English adjective of nationality: one of
/// them alone is never a person's name.
fn nationality_adjective(w: &str) -> bool {
    matches!(
        w,
        "welsh"
            | "scottish"
            | "irish"
            | "english"
            | "british"
            | "danish"
            | "finnish"
            | "swiss"
            | "dutch"
            | "french"
            | "german"
            | "spanish"
            | "italian"
            | "polish"
            | "swedish"
            | "norwegian"
            | "greek"
            | "turkish"
            | "portuguese"
            | "japanese"
            | "chinese"
            | "korean"
            | "indian"
            | "russian"
            | "ukrainian"
            | "american"
            | "canadian"
            | "australian"
            | "mexican"
            | "brazilian"
            | "nigerian"
            | "kenyan"
            | "israeli"
            | "iranian"
            | "iraqi"
            | "syrian"
            | "egyptian"
            | "saudi"
            | "thai"
            | "vietnamese"
            | "indonesian"
            | "malaysian"
            | "filipino"
            | "pakistani"
            | "afghan"
            | "belgian"
            | "austrian"
            | "czech"
            | "hungarian"
            | "romanian"
            | "serbian"
            | "croatian"
            | "icelandic"
            | "estonian"
            | "latvian"
            | "lithuanian"
    )
}

/// Whether `s` is a PERSON of one word that names a nationality, not a
/// person: a word for a person after `the` (`the Dane said`, `the
/// Australian added`: whoever it stands for is named elsewhere), or in
/// English an adjective of nationality (`Welsh`).
fn nationality_word(doc: &Doc, s: &Span) -> bool {
    if s.label != super::model::labels::PERSON {
        return false;
    }
    let k = doc.tok_at(s.start);
    let Some(t) = doc.toks.get(k).filter(|t| t.end() == s.end && t.kind == tokens::Kind::Word)
    else {
        return false;
    };
    // (Nor is a nationality adjective a PERSON, whatever came before it:
    // `A former Welsh transport minister`.)
    if doc.lang == Lang::En && nationality_adjective(doc.low(k)) {
        return true;
    }
    s.title.is_none()
        && t.cue & cues::cue::PERSON_NOUN != 0
        && k > 0
        && doc.is_word(k - 1)
        && doc.low(k - 1) == "the"
}

/// Adds as a PERSON one to three capitalised words no span covers that an
/// age follows, in brackets (`Aminah (41) mengatakan`, `Wartini (41),
/// warga Desa Sukamaju,`) or set off by commas in Indonesian (`Aminah, 41
/// tahun,`): news gives residents and victims an age, and a name the
/// lists do not know was otherwise left out, with the quotation after it
/// given to nobody. The words must be no word the lexicon knows as
/// something else, nor written in lower case anywhere in the text.
fn aged_names(doc: &Doc, spans: &mut Vec<Span>) {
    let number = |k: usize| {
        doc.toks.get(k).is_some_and(|t| t.kind == tokens::Kind::Number && t.end() - t.start() <= 3)
    };
    let mut ages: Vec<usize> = Vec::new();
    for (k, t) in doc.toks.iter().enumerate().skip(1) {
        // (Most tokens are no bracket and no comma: one test each.)
        if t.kind != tokens::Kind::Punct || !matches!(t.ch, '(' | ',') {
            continue;
        }
        let bracket = t.ch == '(' && number(k + 1) && doc.is(k + 2, ')');
        let tahun = doc.lang == Lang::Id
            && doc.is(k, ',')
            && number(k + 1)
            && doc.is_word(k + 2)
            && doc.low(k + 2) == "tahun"
            && doc.is(k + 3, ',');
        if (bracket || tahun) && doc.is_word(k - 1) {
            ages.push(k);
        }
    }
    if ages.is_empty() {
        return;
    }
    let mut add = Vec::new();
    for k in ages {
        let covered = |j: usize| {
            let b = doc.toks[j].start();
            let at = spans.partition_point(|s| s.end <= b);
            spans.get(at).is_some_and(|s| s.start <= b)
        };
        let namely = |j: usize| {
            let t = &doc.toks[j];
            doc.is_word(j)
                && t.upper
                && !t.caps
                && t.flags & NOT_A_NAME == 0
                && t.cue == 0
                && !doc.seen_lower(j)
                && !covered(j)
        };
        let b = k - 1;
        if !namely(b) {
            continue;
        }
        let mut a = b;
        while a > 0 && b - a < 2 && doc.toks[a].gap == tokens::Gap::Space && namely(a - 1) {
            a -= 1;
        }
        add.push(Span::new(super::model::labels::PERSON, doc.toks[a].start(), doc.toks[b].end()));
    }
    add_in_order(spans, add);
}

/// Whether a rule's span is a PERSON right after a lower-case word for a
/// person's role (`the cellist Nino Beridze`, `the French astronomer
/// Jérôme Lalande`): the English model, trained on little text, leaves
/// some such names out.
fn after_role(doc: &Doc, r: &merge::Candidate) -> bool {
    r.span.label == super::model::labels::PERSON && role_before(doc, r.span.start)
}

/// Whether the span starting at byte `start` follows a lower-case word
/// for a person's role, or an agent noun after a determiner ([`after_role`]).
fn role_before(doc: &Doc, start: usize) -> bool {
    let a = doc.tok_at(start);
    if a == 0
        || doc.toks[a].gap != tokens::Gap::Space
        || !doc.is_word(a - 1)
        || doc.toks[a - 1].upper
    {
        return false;
    }
    if doc.toks[a - 1].cue & cues::cue::PERSON_NOUN != 0 {
        return true;
    }
    // An agent noun (`astronomer`, `cellist`, `historian`) after `the`,
    // `a` or a possessive, with at most one word between (`the French
    // astronomer`).
    let agent = is_agent_noun(doc.low(a - 1));
    agent
        && (a.saturating_sub(3)..a - 1)
            .rev()
            .take_while(|&j| doc.is_word(j))
            .any(|j| matches!(doc.low(j), "the" | "a" | "an" | "his" | "her" | "their" | "its"))
}

/// Whether a lower-case word reads as an agent noun for a person
/// (`astronomer`, `cellist`, `historian`, `academician`): `-er`, `-or`,
/// `-ist` or `-ian`, not one of the everyday words so ending.
pub(crate) fn is_agent_noun(w: &str) -> bool {
    ["er", "or", "ist", "ian"].iter().any(|x| w.len() > x.len() + 3 && w.ends_with(x))
        && !matches!(
            w,
            "another"
                | "whether"
                | "neither"
                | "however"
                | "together"
                | "rather"
                | "former"
                | "latter"
                | "whatever"
                | "whoever"
                | "whenever"
                | "wherever"
                | "earlier"
                | "later"
                | "after"
                | "other"
                | "under"
                | "never"
                | "either"
                | "whichever"
        )
}

/// Whether token `k` follows the place a line starts with and a comma,
/// as the second part of a dateline does (`KYIV, Ukraine`, `SAN JOSE,
/// Costa Rica`).
fn dateline_place(doc: &Doc, k: usize) -> bool {
    k >= 2
        && doc.is(k - 1, ',')
        && (k.saturating_sub(4)..k - 1).rev().any(|j| {
            doc.is_word(j) && doc.toks[j].upper && (j == 0 || doc.toks[j].gap >= tokens::Gap::Line)
        })
}

/// A PERSON the tagger reads where the rules read a titled PERSON that
/// ends with it (`titled`) keeps the rules' title, up to the word before the
/// tagger's name: run on over the words between when the rules' name was
/// longer (`Ekonom [Core Indonesia Mohammad Faisal]` against the tagger's
/// ORG `Core Indonesia` and PERSON `Mohammad Faisal`: `Ekonom Core
/// Indonesia`), cut where the tagger's name takes in words the rules gave
/// the title (`Jaksa Agung ST [Burhanuddin]` against the tagger's `ST
/// Burhanuddin`: `Jaksa Agung`).
fn title_from_rules(doc: &Doc, mut span: Span, titled: Option<&Span>) -> Span {
    let Some(r) = titled else { return span };
    let Some((a, _)) = r.title else { return span };
    let first = doc.tok_at(span.start);
    if first > 0 && r.start != span.start && doc.toks[first - 1].end() > a {
        span.title = Some((a, doc.toks[first - 1].end()));
    }
    span
}

/// Whether the tokens of bytes `start..end` hold a word or phrase that
/// the lexicon knows as a place, an organisation, or a word of one
/// (`Bridge`, `Street`, `Ministry`, `Inc`).
fn place_or_org_word(doc: &Doc, start: usize, end: usize) -> bool {
    use lexicon::flags::{ORG_HEAD, ORG_NAME, ORG_SUFFIX};
    let (a, b) = (doc.tok_at(start), doc.tok_at(end));
    !unlisted_place(doc, a, b)
        || doc.toks[a..b]
            .iter()
            .any(|t| (t.flags | t.multi) & (ORG_HEAD | ORG_NAME | ORG_SUFFIX) != 0)
}

/// Whether a lower-case word is a word for an institution that heads or
/// ends an organisation's name (`ministry`, `agency`, `party`), never a
/// building or a site.
fn institution(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "department"
            | "agency"
            | "commission"
            | "committee"
            | "party"
            | "union"
            | "company"
            | "corporation"
            | "association"
            | "federation"
            | "foundation"
            | "institute"
            | "authority"
            | "bureau"
            | "government"
            | "administration"
            | "parliament"
            | "senate"
            | "congress"
            | "police"
            | "army"
            | "navy"
    )
}

/// The rule stages before the merge: the DATE spans, which tokens they
/// took, and the entity rules' candidates (which never use those tokens).
/// Training the tagger reads its features from exactly this.
pub(crate) fn rule_pass(doc: &Doc) -> (Vec<Span>, Vec<bool>, Vec<Candidate>) {
    let mut used = vec![false; doc.toks.len()];
    let dates = dates::find(doc, &mut used);
    let rules = entities::find(doc, &used);
    (dates, used, rules)
}

/// The taggers installed so far, by language.
static MODELS: std::sync::RwLock<Vec<(Lang, &'static Tagger)>> = std::sync::RwLock::new(Vec::new());

/// Installs a learned tagger for its language ([`Tagger::lang`]); later
/// calls of [`analyze`] for that language use it. Installing another model
/// for the same language replaces it.
pub fn install_model(tagger: Tagger) {
    let lang = Lang::from_tag(&tagger.lang);
    let leaked: &'static Tagger = Box::leak(Box::new(tagger));
    if let Ok(mut m) = MODELS.write() {
        m.retain(|(l, _)| *l != lang);
        m.push((lang, leaked));
    }
}

/// The tagger installed for `lang`, if any.
pub fn model(lang: &str) -> Option<&'static Tagger> {
    let lang = Lang::from_tag(lang);
    MODELS.read().ok()?.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t)
}

/// Installs the models built into the native binary (`models/*.tagger`),
/// once; later calls do nothing. The wasm build has none built in: the
/// app fetches them after the page is interactive.
#[cfg(not(target_arch = "wasm32"))]
pub fn install_builtin_models() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for bytes in tagger::BUILTIN {
            if let Ok(t) = Tagger::from_bytes(bytes) {
                install_model(t);
            }
        }
    });
}

/// The language a BCP 47 tag is analysed as, if it has rules and a
/// tagger of its own: `"id"` for `id`, `in`, `id-ID`; `"en"` for `en`,
/// `en-GB`; `None` for any other.
pub fn model_lang(tag: &str) -> Option<&'static str> {
    Lang::from_tag(tag).code()
}

/// Whether a tagger is installed for `lang`.
pub fn has_model(lang: &str) -> bool {
    model(lang).is_some()
}

/// Lexicon classes of words that are not names (a title such as
/// `General`, an organisation or place word, a month, a function word):
/// the name passes below leave them out.
const NOT_A_NAME: u32 = {
    use lexicon::flags::{
        COMMON, DEMONYM, FUNC_EN, FUNC_ID, LOC, MONTH, ORG_HEAD, ORG_NAME, PLACE_HEAD, STOP, TITLE,
        WEEKDAY,
    };
    TITLE
        | ORG_HEAD
        | ORG_NAME
        | PLACE_HEAD
        | LOC
        | STOP
        | DEMONYM
        | MONTH
        | WEEKDAY
        | FUNC_ID
        | FUNC_EN
        | COMMON
};

/// What [`speech_names`] found, as byte ranges.
#[derive(Default)]
struct Heard {
    /// The PERSONs it added.
    persons: Vec<(usize, usize)>,
    /// The ORGs it added, or made of a PERSON.
    orgs: Vec<(usize, usize)>,
}

/// Which names [`backfill_names`] carries to a text's other mentions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Carry {
    /// [`Carry::Heard`], and the first and last words of every PERSON
    /// of two or more words.
    All,
    /// The first and last words of the PERSONs of two or more words that
    /// [`speech_names`] added, and, in English, the word of every one-word
    /// PERSON and of every one-word ORG that `speech_names` found.
    Heard,
}

/// Adds one-word mentions of people the text names elsewhere, also before
/// the naming mention (a headline "Takaichi dan Prabowo …" above "Perdana
/// Menteri Sanae Takaichi"; "Okafor" above "…, said Okafor").
///
/// A word qualifies when it is the first or last word of a PERSON of two
/// or more words (with [`Carry::All`] any such PERSON, with
/// [`Carry::Heard`] one that `speech_names` added, `heard`), or, in
/// English, when it stands alone as a PERSON somewhere (the rules' or
/// `speech_names`' lone surname or given name: `Okafor said`, then
/// `Okafor` in a sentence before, for whom a later `she said` stands).
/// Before that, the ORGs that `speech_names` found (`the farmers' union
/// Melkvast`) relabel as ORG every PERSON with no title and every LOC no
/// list knows as a place that have the same text; a one-word one is then
/// added as an ORG where it stands alone, like a lone name.
///
/// Every word so added must start with a capital, be covered by no other
/// span, and not be a word the lexicon knows as something else (a title
/// such as `General`, an organisation or place word, a month, a function
/// word). A part of a full name must never occur in lower case in the
/// text unless the rules found it alone as a PERSON elsewhere. A lone name
/// carried on must never occur in lower case at all, must not be written
/// in capitals throughout or be a verb of saying, must not stand next to
/// another capitalised word no span covers (part of a longer name the
/// rules did not find), and opening a sentence it must also be written
/// with a capital inside a sentence somewhere or be a known given or
/// family name. Keeps `spans` sorted by start, then end descending.
fn backfill_names(doc: &Doc, spans: &mut Vec<Span>, carry: Carry, heard: &Heard) {
    use super::model::labels::{LOC, ORG, PERSON};
    // The organisations `speech_names` found: the same name elsewhere is
    // the same organisation, not a person (nor, when no list knows it as
    // a place, a place).
    let orgs: HashSet<&str> = heard.orgs.iter().map(|&(a, b)| &doc.text[a..b]).collect();
    if !orgs.is_empty() {
        for s in spans.iter_mut() {
            let relabel = match s.label {
                PERSON => s.title.is_none(),
                LOC => {
                    let (a, b) = (doc.tok_at(s.start), doc.tok_at(s.end));
                    b > a && unlisted_place(doc, a, b)
                }
                _ => false,
            };
            if relabel && orgs.contains(&doc.text[s.start..s.end]) {
                s.label = ORG;
            }
        }
    }
    let heard: HashSet<(usize, usize)> = heard.persons.iter().copied().collect();
    let mut parts: HashSet<&str> = HashSet::default();
    // One-word PERSON spans: such a word is a name even where the text
    // also writes it in lower case (`Santorum` and the neologism
    // `santorum`), and in English it is carried on itself.
    let mut alone: HashSet<&str> = HashSet::default();
    // The full names whose parts are carried: where the parts stand
    // together again, uncovered, the full name is added once.
    let mut fulls: HashSet<&str> = HashSet::default();
    for s in spans.iter().filter(|s| s.label == PERSON) {
        let name = &doc.text[s.start..s.end];
        if let (Some(first), Some(last)) = (name.split(' ').next(), name.rsplit(' ').next()) {
            if first.len() < name.len() {
                if carry == Carry::All || heard.contains(&(s.start, s.end)) {
                    parts.insert(first);
                    parts.insert(last);
                    fulls.insert(name);
                }
            } else {
                alone.insert(name);
            }
        }
    }
    let carry_alone = doc.lang == Lang::En && !(alone.is_empty() && orgs.is_empty());
    if parts.is_empty() && !carry_alone {
        return;
    }
    let mut covered = vec![false; doc.toks.len()];
    for s in spans.iter() {
        let mut k = doc.tok_at(s.start);
        while k < doc.toks.len() && doc.toks[k].start() < s.end {
            covered[k] = true;
            k += 1;
        }
    }
    // An uncovered capitalised word right next to token `k`: `k` would be
    // one word of a longer name.
    let loose = |j: usize| {
        let t = &doc.toks[j];
        doc.is_word(j) && t.upper && !covered[j]
    };
    let in_longer = |k: usize| {
        let n = doc.toks.len();
        (k + 1 < n && doc.toks[k + 1].gap == tokens::Gap::Space && loose(k + 1))
            || (k > 0
                && doc.toks[k].gap == tokens::Gap::Space
                && loose(k - 1)
                && !doc.toks[k - 1].initial)
    };
    // A part right next to another uncovered part: the two would split a
    // name (`Jenna Marbles` where the text named `Jenna Mourey` and
    // `Julie Marbles`).
    let next_to_part = |k: usize| {
        let part_at = |j: usize| loose(j) && parts.contains(doc.text_of(j));
        (k + 1 < doc.toks.len() && doc.toks[k + 1].gap == tokens::Gap::Space && part_at(k + 1))
            || (k > 0 && doc.toks[k].gap == tokens::Gap::Space && part_at(k - 1))
    };
    let before = spans.len();
    let mut skip_to = 0;
    for (k, t) in doc.toks.iter().enumerate() {
        if k < skip_to || covered[k] || !t.upper || !doc.is_word(k) || t.flags & NOT_A_NAME != 0 {
            continue;
        }
        let word = doc.text_of(k);
        // A full name again (`- Matthew Ingram` after `Matthew Ingram`
        // was named), where its words are not covered.
        let full = (!fulls.is_empty() && parts.contains(word))
            .then(|| {
                (k + 1..doc.toks.len().min(k + 3)).find(|&e| {
                    (k + 1..=e).all(|j| {
                        !covered[j] && doc.is_word(j) && doc.toks[j].gap == tokens::Gap::Space
                    }) && fulls.contains(&doc.text[t.start()..doc.toks[e].end()])
                })
            })
            .flatten();
        if let Some(e) = full {
            spans.push(Span::new(PERSON, t.start(), doc.toks[e].end()));
            skip_to = e + 1;
            continue;
        }
        // (Empty sets are not asked: a text has few such words.)
        let part = !parts.is_empty()
            && parts.contains(word)
            && (!doc.seen_lower(k) || alone.contains(word))
            && !next_to_part(k);
        let org = !part && !orgs.is_empty() && orgs.contains(word);
        let lone = carry_alone
            && !part
            && (org || alone.contains(word))
            && !t.caps
            && t.cue == 0
            && !doc.seen_lower(k)
            && (!t.initial
                || doc.capital_inside(k)
                || t.more & (lexicon::more::GIVEN | lexicon::more::FAMILY) != 0)
            && !in_longer(k);
        if part || lone {
            spans.push(Span::new(if org { ORG } else { PERSON }, t.start(), t.end()));
        }
    }
    if spans.len() > before {
        crate::core::sort::sort_by(spans, |a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    }
}

/// In English, adds as a PERSON a capitalised name no span covers in the
/// places where a speaker stands: right before a verb of saying (`Galois
/// wrote`, also behind an auxiliary or adverb: `Padalecki has described`,
/// `Bernoulli later wrote`), before it behind a short aside set off by
/// commas (`Bernoulli, then 80, told`), right after it when the verb
/// follows a quotation or a comma (`," said Galois`), or owning a reply or
/// a letter (`Bernoulli's reply was:`). A name set off by an appositive
/// headed by a word for a company or an organisation (`Voltaro, a San
/// Francisco electric scooter maker,`) is added as an ORG, for `it` and
/// `the company` to point to, and so is a name right after a word for an
/// organisation that follows `the`, `its`, `their` or a possessive (`the
/// farmers' union Melkvast`, `The retailer Brannock said`), unless more
/// of a name follows it, or set off by commas after such a word (`The
/// growers' association, Fenmark Produce, said`). Where the other rules
/// or the tagger made such a name a PERSON (no title, no known given
/// name) or a place no list knows, it becomes the ORG (`org_of_span`).
/// An ORG found here wins over a PERSON reading of the same words. One to
/// three capitalised words set off by commas after a word for a relative,
/// a companion or a person that follows a determiner or a possessive (`Her
/// brother, Kofi,`, `The driver, Toomas,`, `His lawyer, Sofia Marin,`)
/// are a PERSON, also (one word) where the rules made it a place no list
/// knows. The name is
/// one to three capitalised words, none of them a word the lexicon knows
/// as something else, none written in lower case anywhere in the text,
/// not in capitals throughout; a name
/// opening a sentence must also be written with a capital somewhere
/// inside a sentence, or be a known given or family name (so `Officials
/// said`, `Critics say` stay unnamed). Keeps `spans` sorted by start, then
/// end descending, and returns what it added or relabelled.
fn speech_names(doc: &Doc, spans: &mut Vec<Span>) -> Heard {
    use cues::cue::{PRON, VERB};
    let mut added = Heard::default();
    if doc.lang != Lang::En {
        return added;
    }
    let n = doc.toks.len();
    // One pass: the verbs of saying, and the `s` of each possessive `'s`.
    let mut verbs: Vec<usize> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    // Commas before `a`/`an`: "Voltaro, a San Francisco scooter maker,".
    let mut appositives: Vec<usize> = Vec::new();
    // Lower-case words for an organisation right before a capitalised
    // word: "the farmers' union Melkvast".
    let mut heads: Vec<usize> = Vec::new();
    // One capitalised word set off by commas after a word for a person:
    // "Her brother, Kofi, studies", "The driver, Toomas, knows" (first
    // and last word).
    let mut kin: Vec<(usize, usize)> = Vec::new();
    for (k, t) in doc.toks.iter().enumerate() {
        if t.kind != tokens::Kind::Word {
            if t.ch == ',' && k > 0 {
                appositives.push(k);
                if doc.is_word(k - 1)
                    && (doc.toks[k - 1].cue & cues::cue::PERSON_NOUN != 0 || is_kin(doc.low(k - 1)))
                    && doc.is_word(k + 1)
                    && doc.toks[k + 1].gap == tokens::Gap::Space
                {
                    // One to three words, the next after a space each
                    // ("His lawyer, Sofia Marin, said"), then a comma.
                    let mut b = k + 1;
                    while b < k + 3
                        && doc.is_word(b + 1)
                        && doc.toks[b + 1].gap == tokens::Gap::Space
                        && doc.toks[b + 1].upper
                    {
                        b += 1;
                    }
                    if doc.is(b + 1, ',') {
                        kin.push((k + 1, b));
                    }
                }
            }
            continue;
        }
        // (Or before a comma and one: "The operators' association,
        // Deltaport Employers, said".)
        let name_at = if doc.is(k + 1, ',') { k + 2 } else { k + 1 };
        if !t.upper
            && name_at < n
            && doc.toks[name_at].upper
            && doc.toks[name_at].gap == tokens::Gap::Space
            && org_noun(doc.low(k)) == OrgNoun::BeforeName
        {
            heads.push(k);
        }
        if t.cue & VERB != 0 && t.cue & PRON == 0 {
            verbs.push(k);
        } else if t.ch == 's' && t.end() - t.start() == 1 && t.gap == tokens::Gap::None && k >= 2 {
            owners.push(k);
        }
    }
    appositives.retain(|&k| doc.is_word(k + 1) && matches!(doc.low(k + 1), "a" | "an"));
    if verbs.is_empty()
        && owners.is_empty()
        && appositives.is_empty()
        && heads.is_empty()
        && kin.is_empty()
    {
        return added;
    }
    let mut covered = vec![false; n];
    for s in spans.iter() {
        let mut k = doc.tok_at(s.start);
        while k < n && doc.toks[k].start() < s.end {
            covered[k] = true;
            k += 1;
        }
    }
    let namely = |k: usize| {
        let t = &doc.toks[k];
        doc.is_word(k)
            && t.upper
            && !t.caps
            && !covered[k]
            && t.flags & NOT_A_NAME == 0
            && t.cue == 0
            && !doc.seen_lower(k)
            // (`Opponents said`, `Residents say`: nobody named.)
            && !cues::plural_person_noun(doc.low(k))
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for &c in &verbs {
        // Before the verb: the name's last word.
        let mut last = None;
        // (One or two lower-case words may come between: `Padalecki has
        // described`, `Bernoulli later wrote`.)
        let mut v = c;
        while v > 0
            && c - v < 2
            && doc.is_word(v - 1)
            && matches!(
                doc.low(v - 1),
                "has"
                    | "had"
                    | "have"
                    | "later"
                    | "also"
                    | "once"
                    | "then"
                    | "again"
                    | "often"
                    | "reportedly"
                    | "famously"
                    | "simply"
                    | "publicly"
                    | "would"
            )
        {
            v -= 1;
        }
        if c > 0 && doc.toks[v].gap == tokens::Gap::Space && v > 0 && namely(v - 1) {
            last = Some(v - 1);
        } else if c >= 3 && doc.is(c - 1, ',') {
            // ", then 80, told": an aside of one to five tokens with no
            // capital, opened by a comma right after the name.
            let open = (c.saturating_sub(7)..c - 1).rev().find(|&k| doc.is(k, ','));
            if let Some(o) = open {
                let plain = (o + 1..c - 1).all(|k| !doc.toks[k].upper && !doc.toks[k].term);
                if plain && o > 0 && namely(o - 1) {
                    last = Some(o - 1);
                }
            }
        }
        if let Some(b) = last {
            let mut a = b;
            while a > 0 && b - a < 2 && doc.toks[a].gap == tokens::Gap::Space && namely(a - 1) {
                a -= 1;
            }
            found.push((a, b));
            continue;
        }
        // After the verb, when it follows a quotation or a comma.
        let after_quote = c > 0
            && doc.toks[c - 1].kind == tokens::Kind::Punct
            && (doc.is(c - 1, ',') || quotes::is_mark(doc.toks[c - 1].ch));
        if after_quote && c + 1 < n && doc.toks[c + 1].gap == tokens::Gap::Space && namely(c + 1) {
            let mut b = c + 1;
            while b + 1 < n
                && b - c < 3
                && doc.toks[b + 1].gap == tokens::Gap::Space
                && namely(b + 1)
            {
                b += 1;
            }
            found.push((c + 1, b));
        }
    }
    // "Bernoulli's reply was blunt:": a name owning a message (the
    // possessive `'s` is a mark and an `s` of their own).
    for s in owners {
        let k = s + 1;
        let possessive = k >= 3
            && k < n
            && doc.toks[k - 2].gap == tokens::Gap::None
            && matches!(doc.toks[k - 2].ch, '\'' | '\u{2019}');
        if possessive
            && doc.is_word(k)
            && matches!(
                doc.low(k),
                "reply"
                    | "response"
                    | "answer"
                    | "letter"
                    | "message"
                    | "statement"
                    | "words"
                    | "remarks"
                    | "comment"
                    | "comments"
                    | "speech"
                    | "diary"
                    | "memoir"
            )
            && namely(k - 3)
        {
            let mut a = k - 3;
            while a > 0 && k - 3 - a < 2 && doc.toks[a].gap == tokens::Gap::Space && namely(a - 1) {
                a -= 1;
            }
            found.push((a, k - 3));
        }
    }
    // "Voltaro, a San Francisco electric scooter maker, is recalling": a
    // name set off by an appositive whose head is a word for a company or
    // an organisation is an ORG.
    let orgs_from = found.len();
    // "the FDA said", "said the FBI": an acronym after `the` right before
    // or after a verb of saying is an organisation (the tagger may leave
    // it). "the White House said": a place after `the` that speaks is the
    // institution seated there.
    let acronym = |k: usize| {
        let t = &doc.toks[k];
        doc.is_word(k) && t.caps && (2..=6).contains(&(t.end() - t.start())) && !covered[k]
    };
    let the = |k: usize| doc.is_word(k) && doc.low(k) == "the";
    // (Or after a quotation's closing mark: `,” RIA said`.)
    let after_mark = |k: usize| {
        k > 0 && doc.toks[k - 1].kind == tokens::Kind::Punct && quotes::is_mark(doc.toks[k - 1].ch)
    };
    // The LOC after `the` that starts (`starts`) or ends at token `k`, by
    // its index in `spans`.
    let seat = |spans: &[Span], k: usize, starts: bool| {
        let t = &doc.toks[k];
        let at = spans.partition_point(|s| s.start <= t.start()).checked_sub(1)?;
        let s = &spans[at];
        let fits = if starts { s.start == t.start() } else { s.end == t.end() };
        let a = doc.tok_at(s.start);
        (s.label == super::model::labels::LOC && fits && a > 0 && the(a - 1)).then_some(at)
    };
    for &c in &verbs {
        let spaced = doc.toks[c].gap == tokens::Gap::Space;
        let acronym_before = c >= 2 && acronym(c - 1) && (the(c - 2) || after_mark(c - 1));
        if acronym_before && spaced {
            found.push((c - 1, c - 1));
        } else if c + 2 < n
            && the(c + 1)
            && acronym(c + 2)
            && doc.toks.get(c + 3).is_none_or(|t| t.kind == tokens::Kind::Punct)
        {
            found.push((c + 2, c + 2));
        }
        // (Looked up only after a capitalised word, or before `the` and
        // one.)
        let place_before = c >= 2 && spaced && doc.toks[c - 1].upper;
        let place_after = c + 2 < n && the(c + 1) && doc.toks[c + 2].upper;
        let place = if place_before { seat(spans, c - 1, false) } else { None }.or_else(|| {
            if place_after {
                seat(spans, c + 2, true)
            } else {
                None
            }
        });
        if let Some(at) = place {
            let s = &mut spans[at];
            s.label = super::model::labels::ORG;
            added.orgs.push((s.start, s.end));
        }
    }
    for c in appositives {
        let head = (c + 2..(c + 9).min(n)).find(|&k| !doc.is_word(k)).filter(|&k| doc.is(k, ','));
        let Some(end) = head else { continue };
        let org = org_noun(doc.low(end - 1)) != OrgNoun::No;
        if org && covered[c - 1] {
            // A PERSON (or an unlisted place) the other rules or the
            // tagger made of the name is the organisation.
            if let Some(r) = org_of_span(doc, spans, None, doc.toks[c - 1].end()) {
                added.orgs.push(r);
            }
        } else if org && namely(c - 1) {
            let mut a = c - 1;
            while a > 0 && c - 1 - a < 2 && doc.toks[a].gap == tokens::Gap::Space && namely(a - 1) {
                a -= 1;
            }
            found.push((a, c - 1));
        }
    }
    // "The Dutch farmers' union Melkvast welcomed": a name right
    // after a word for an organisation, itself after a determiner or a
    // possessive, is that organisation, unless more of a name follows
    // (`the group Friends of the Earth` is not `Friends`); so is a name
    // set off by commas right after such a word (`The operators'
    // association, Deltaport Employers, said`).
    for k in heads {
        let comma = doc.is(k + 1, ',');
        let first = if comma { k + 2 } else { k + 1 };
        let determined = (k.saturating_sub(4)..k).any(|j| {
            (doc.is_word(j) && matches!(doc.low(j), "the" | "its" | "their"))
                || (doc.toks[j].kind == tokens::Kind::Punct
                    && matches!(doc.toks[j].ch, '\'' | '\u{2019}'))
        });
        if !determined {
            continue;
        }
        // Whether the name may end at token `b`: with a comma after it
        // when one comes before it, with no more of a name otherwise.
        let ends = |b: usize| {
            if comma {
                return doc.is(b + 1, ',');
            }
            !(b + 1 < n
                && doc.is_word(b + 1)
                && (doc.toks[b + 1].upper
                    || matches!(doc.low(b + 1), "of" | "for" | "and" | "de")
                    || doc.is(b + 1, '&')))
        };
        if covered[first] {
            // A PERSON (or an unlisted place) the other rules or the
            // tagger made of it is the organisation.
            let start = doc.toks[first].start();
            let at = spans.partition_point(|s| s.start < start);
            let end = spans.get(at).filter(|s| s.start == start).map(|s| s.end);
            let last = end.map(|e| doc.tok_at(e).saturating_sub(1));
            if let (Some(end), Some(b)) = (end, last) {
                if b >= first && b - first < 3 && ends(b) {
                    if let Some(r) = org_of_span(doc, spans, Some(start), end) {
                        added.orgs.push(r);
                    }
                }
            }
            continue;
        }
        if !namely(first) {
            continue;
        }
        let mut b = first;
        while b + 1 < n
            && b - first < 2
            && doc.toks[b + 1].gap == tokens::Gap::Space
            && namely(b + 1)
        {
            b += 1;
        }
        if ends(b) {
            found.push((first, b));
        }
    }
    // (The organisations first: `The retailer Brannock said` is one.)
    let (persons, orgs) = found.split_at(orgs_from);
    let orgs = orgs.iter().map(|&r| (r, super::model::labels::ORG));
    let mut new = Vec::new();
    for ((a, b), label) in orgs.chain(persons.iter().map(|&r| (r, super::model::labels::PERSON))) {
        let known =
            (a..=b).any(|k| doc.toks[k].more & (lexicon::more::GIVEN | lexicon::more::FAMILY) != 0);
        if doc.toks[a].initial && !known && !doc.capital_inside(a) {
            continue;
        }
        if (a..=b).any(|k| covered[k]) {
            continue;
        }
        for slot in &mut covered[a..=b] {
            *slot = true;
        }
        let (start, end) = (doc.toks[a].start(), doc.toks[b].end());
        new.push(Span::new(label, start, end));
        if label == super::model::labels::PERSON {
            added.persons.push((start, end));
        } else {
            added.orgs.push((start, end));
        }
    }
    add_in_order(spans, std::mem::take(&mut new));
    // "Her brother, Kofi,", "His lawyer, Sofia Marin,": the word for a
    // person after a determiner or a possessive, the name one to three
    // capitalised words that are no other word the lexicon knows; a place
    // or an organisation read over exactly such words is the person.
    for (k, last) in kin {
        let noun = k - 2;
        let determined = noun > 0
            && ((doc.is_word(noun - 1)
                && matches!(
                    doc.low(noun - 1),
                    "her" | "his" | "my" | "your" | "their" | "our" | "the" | "one"
                ))
                || (noun >= 2
                    && doc.toks[noun - 1].ch == 's'
                    && matches!(doc.toks[noun - 2].ch, '\'' | '\u{2019}')));
        // (A place's name that is a known given or family name too may be
        // part of it: `Sofia`, `Florence`.)
        let name = |j: usize| {
            let t = &doc.toks[j];
            let personal = t.more
                & (lexicon::more::GIVEN
                    | lexicon::more::FAMILY
                    | lexicon::more::FEMALE
                    | lexicon::more::MALE)
                != 0;
            let not_a_name = if personal { NOT_A_NAME & !lexicon::flags::LOC } else { NOT_A_NAME };
            t.upper && !t.caps && t.flags & not_a_name == 0 && t.cue == 0 && !doc.seen_lower(j)
        };
        if !determined || !(k..=last).all(name) {
            continue;
        }
        let (start, end) = (doc.toks[k].start(), doc.toks[last].end());
        if (k..=last).any(|j| covered[j]) {
            // A place or an organisation over exactly the name's words is
            // the person (`Sofia Marin`: a city's name is a given name too;
            // the tagger's ORG `Tunde` in "Her husband, Tunde, a retired
            // engineer,").
            let at = spans.partition_point(|s| s.start < start);
            if let Some(s) = spans.get_mut(at).filter(|s| {
                s.start == start
                    && s.end == end
                    && matches!(s.label, super::model::labels::LOC | super::model::labels::ORG)
            }) {
                s.label = super::model::labels::PERSON;
                added.persons.push((start, end));
            }
            continue;
        }
        for slot in &mut covered[k..=last] {
            *slot = true;
        }
        new.push(Span::new(super::model::labels::PERSON, start, end));
        added.persons.push((start, end));
    }
    add_in_order(spans, new);
    added
}

/// Whether a lower-case word names a relative or a companion (`brother`,
/// `wife`, `girl`): before a name set off by commas it makes the name a
/// person's ([`speech_names`]).
fn is_kin(w: &str) -> bool {
    matches!(
        w,
        "brother"
            | "sister"
            | "wife"
            | "husband"
            | "son"
            | "daughter"
            | "girl"
            | "boy"
            | "friend"
            | "uncle"
            | "aunt"
            | "cousin"
            | "nephew"
            | "niece"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "partner"
            | "colleague"
            | "widow"
            | "widower"
            | "boyfriend"
            | "girlfriend"
            | "fiancé"
            | "fiancée"
    )
}

/// Relabels as an ORG the entity span of `spans` that ends at byte `end`
/// (and starts at byte `start`, if given) when it is a PERSON with no
/// title and no known given name, of three words at most, or a LOC of at
/// most three words that no list knows as a place; returns its byte range
/// if so.
fn org_of_span(
    doc: &Doc,
    spans: &mut [Span],
    start: Option<usize>,
    end: usize,
) -> Option<(usize, usize)> {
    use super::model::labels::{LOC, ORG, PERSON};
    let at = spans.partition_point(|s| s.start < end).checked_sub(1)?;
    let s = spans.get_mut(at).filter(|s| s.end == end && start.is_none_or(|a| s.start == a))?;
    let (a, b) = (doc.tok_at(s.start), doc.tok_at(s.end));
    let ok = match s.label {
        PERSON => {
            s.title.is_none()
                && b > a
                && b - a <= 3
                && (a..b).all(|k| doc.toks[k].more & lexicon::more::GIVEN == 0)
        }
        LOC => b > a && b - a <= 3 && unlisted_place(doc, a, b),
        _ => false,
    };
    if !ok {
        return None;
    }
    s.label = ORG;
    Some((s.start, s.end))
}

/// In English, relabels as a PERSON a LOC no list knows right after a
/// word for a person's role (`the landscape painter Hendrik Moll`). Then
/// relabels as a PERSON each one-word LOC whose word is the last word of
/// a PERSON of two or more words in the same text and that no list knows
/// as a place: the tagger reads a surname as a place in some contexts
/// (`in Solberg`), where the text has named the person in full (`Erna
/// Solberg`). A listed place keeps its label (`Washington` after `George
/// Washington`). In the same way a month name read as a DATE is the
/// PERSON when a verb of saying follows it (`"…," May said` after
/// `Theresa May`). Returns the last words of the PERSONs of two or more
/// words (family names, for [`organisations_first_words`]).
fn surnames_are_persons<'a>(doc: &Doc<'a>, spans: &mut Vec<Span>) -> HashSet<&'a str> {
    use super::model::labels::{DATE, LOC, PERSON};
    // A place no list knows right after a word for a person's role is the
    // person (`the landscape painter Hendrik Moll`, read as a place by
    // the English tagger).
    if doc.lang == Lang::En {
        for s in spans.iter_mut().filter(|s| s.label == LOC) {
            let (a, b) = (doc.tok_at(s.start), doc.tok_at(s.end));
            if unlisted_place(doc, a, b) && role_before(doc, s.start) {
                s.label = PERSON;
            }
        }
    }
    let mut last: HashSet<&str> = HashSet::default();
    for s in spans.iter().filter(|s| s.label == PERSON) {
        let name = &doc.text[s.start..s.end];
        if let Some((_, w)) = name.rsplit_once(' ') {
            last.insert(w);
        }
    }
    if last.is_empty() {
        return last;
    }
    for s in spans.iter_mut().filter(|s| s.label == LOC) {
        let (a, b) = (doc.tok_at(s.start), doc.tok_at(s.end));
        if b == a + 1 && unlisted_place(doc, a, b) && last.contains(&doc.text[s.start..s.end]) {
            s.label = PERSON;
        }
    }
    // A month name read as a DATE, or one no span holds (the date rules
    // leave `May said` alone): looked for only when a full name ends with
    // a month's name.
    if !last.iter().any(|w| lexicon::is_month(w)) {
        return last;
    }
    let speaks =
        |j: usize| doc.toks.get(j).is_some_and(|t| t.flags & lexicon::flags::CUE != 0 && !t.upper);
    for s in spans.iter_mut().filter(|s| s.label == DATE) {
        let (a, b) = (doc.tok_at(s.start), doc.tok_at(s.end));
        if b == a + 1
            && doc.toks[a].flags & lexicon::flags::MONTH != 0
            && speaks(b)
            && last.contains(&doc.text[s.start..s.end])
        {
            s.label = PERSON;
            s.value = None;
        }
    }
    let months: Vec<usize> = (0..doc.toks.len())
        .filter(|&k| {
            let t = &doc.toks[k];
            t.upper
                && t.flags & lexicon::flags::MONTH != 0
                && speaks(k + 1)
                && last.contains(doc.text_of(k))
        })
        .collect();
    let add: Vec<Span> = months
        .into_iter()
        .map(|k| (doc.toks[k].start(), doc.toks[k].end()))
        .filter(|&(a, b)| free_at(spans, a, b))
        .map(|(a, b)| Span::new(PERSON, a, b))
        .collect();
    add_in_order(spans, add);
    last
}

/// English: a one-word PERSON that is the first word of an organisation's
/// name of several words in the same text, a word no list knows and no
/// person's family name there (`family`), is that organisation (`Tidewater Freight
/// Lines` … `A former Tidewater dispatcher`, where the rules read a person
/// titled `former`).
fn organisations_first_words(doc: &Doc, spans: &mut [Span], family: &HashSet<&str>) {
    use super::model::labels::{ORG, PERSON};
    if doc.lang != Lang::En {
        return;
    }
    let mut firsts: HashSet<&str> = HashSet::default();
    for s in spans.iter().filter(|s| s.label == ORG) {
        let a = doc.tok_at(s.start);
        let t = &doc.toks[a];
        if doc.tok_at(s.end) > a + 1
            && doc.is_word(a)
            && t.upper
            && !t.caps
            && t.flags == 0
            && t.more == 0
        {
            firsts.insert(doc.text_of(a));
        }
    }
    firsts.retain(|w| !family.contains(w));
    if firsts.is_empty() {
        return;
    }
    for s in spans.iter_mut().filter(|s| s.label == PERSON) {
        if firsts.contains(&doc.text[s.start..s.end]) {
            s.label = ORG;
            s.title = None;
        }
    }
}

/// The abbreviations of the states of the United States written after a
/// town's name in American news (`Millbrook Ferry, Pa.`), without their
/// full stops.
const US_STATE_ABBRS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "vt", "va", "wash", "wis", "wyo",
];

/// English: a PERSON that the text calls a place is one: after `the town
/// of`, `the village of` … (`near the town of Garnet Ford`), or before a
/// comma and a state's abbreviation (`Garnet Ford, Md.`).
fn named_places(doc: &Doc, spans: &mut [Span]) {
    use super::model::labels::{LOC, PERSON};
    if doc.lang != Lang::En {
        return;
    }
    for s in spans.iter_mut().filter(|s| s.label == PERSON && s.title.is_none()) {
        let (a, b) = (doc.tok_at(s.start), doc.tok_at(s.end));
        let town_of = a >= 2
            && doc.is_word(a - 1)
            && doc.low(a - 1) == "of"
            && doc.is_word(a - 2)
            && matches!(
                doc.low(a - 2),
                "town"
                    | "city"
                    | "village"
                    | "hamlet"
                    | "suburb"
                    | "borough"
                    | "township"
                    | "county"
                    | "parish"
                    | "province"
                    | "island"
            );
        let state = doc.is(b, ',')
            && doc.is_word(b + 1)
            && doc.toks[b + 1].upper
            && doc.is(b + 2, '.')
            && US_STATE_ABBRS.contains(&doc.low(b + 1));
        if town_of || state {
            s.label = LOC;
        }
    }
}

/// Whether no span of `spans` (sorted by start, not overlapping) overlaps
/// bytes `a..b`.
fn free_at(spans: &[Span], a: usize, b: usize) -> bool {
    let at = spans.partition_point(|s| s.start < a);
    spans.get(at).is_none_or(|s| s.start >= b) && (at == 0 || spans[at - 1].end <= a)
}

/// Adds `add` (free places, not overlapping one another) to `spans`,
/// keeping them sorted by start, then end descending: one sort for all,
/// not one insertion each (an insertion moves the whole list's tail).
fn add_in_order(spans: &mut Vec<Span>, mut add: Vec<Span>) {
    if add.is_empty() {
        return;
    }
    crate::core::sort::sort_by(&mut add, |a, b| a.start.cmp(&b.start));
    let old = std::mem::take(spans);
    spans.reserve(old.len() + add.len());
    let mut add = add.into_iter().peekable();
    for s in old {
        while let Some(x) = add.next_if(|x| x.start < s.start) {
            spans.push(x);
        }
        spans.push(s);
    }
    spans.extend(add);
}

/// English: a name with a regnal number (`Radomir III`, `Louis XV`,
/// `Frederick William III`; `Charles I` only before a comma, a bracket,
/// `of`, `'s` or a line end) is a PERSON where nothing covers it, and a
/// PERSON that stops right before its number takes it in. The rules read
/// the numeral as an acronym, and a name of one word with no other
/// evidence is no entity; the number of a thing (`World War II`, `Title
/// IV`, `Apollo XI`) is left alone. A title right before the name (`King`)
/// is kept as its title. Done after the merge, so the rules' reading the
/// tagger learned from stays as it is. `spans` stay sorted by start.
fn regnal_names(doc: &Doc, spans: &mut Vec<Span>) {
    use super::model::labels::PERSON;
    use lexicon::flags::{MONTH, STOP, TITLE, WEEKDAY};
    if doc.lang != Lang::En {
        return;
    }
    // Whether word `k` (after a space, as the loop below has checked) is a
    // numeral; one letter only before a comma, a bracket, `of` or `'s`, or
    // at the end of a line: `Charles I of England`, `Peter I (1672 -
    // 1725)`; not `In London I met`.
    let roman = |k: usize| {
        let one = doc.toks[k].end() - doc.toks[k].start() == 1;
        let closed = || {
            let t = doc.toks.get(k + 1);
            t.is_none_or(|t| t.gap >= tokens::Gap::Line)
                || doc.is(k + 1, ',')
                || doc.is(k + 1, '(')
                || doc.is_word(k + 1) && doc.low(k + 1) == "of"
                || (doc.is(k + 1, '\'') || doc.is(k + 1, '\u{2019}'))
                    && doc.toks[k + 1].gap == tokens::Gap::None
                    && doc.is_word(k + 2)
                    && doc.low(k + 2) == "s"
        };
        doc.text_of(k).bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) && (!one || closed())
    };
    let name = |k: usize| {
        let t = &doc.toks[k];
        doc.is_word(k) && t.upper && !t.caps && t.flags & (STOP | MONTH | WEEKDAY | TITLE) == 0
    };
    let mut add = Vec::new();
    let bytes = doc.text.as_bytes();
    for (r, t) in doc.toks.iter().enumerate().skip(1) {
        // (The token's own fields and first byte first: most tokens stop
        // there.)
        let candidate = t.upper
            && t.kind == tokens::Kind::Word
            && t.gap == tokens::Gap::Space
            && matches!(bytes[t.start()], b'I' | b'V' | b'X');
        if !candidate || !roman(r) || !name(r - 1) {
            continue;
        }
        let last = doc.low(r - 1);
        if numbered_thing(last) || lexicon::is_event_head(last) {
            continue;
        }
        let (num_start, num_end) = (doc.toks[r].start(), doc.toks[r].end());
        // (Not a numeral that goes on as a name word: `II Corps`.)
        if doc.is_word(r + 1) && doc.toks[r + 1].gap == tokens::Gap::Space && doc.toks[r + 1].upper
        {
            continue;
        }
        let at = spans.partition_point(|s| s.start < num_end);
        if at > 0 && spans[at - 1].end > num_start {
            continue; // the numeral is covered
        }
        // A PERSON ending right before the numeral takes it in.
        if at > 0 && spans[at - 1].label == PERSON && spans[at - 1].end == doc.toks[r - 1].end() {
            spans[at - 1].end = num_end;
            continue;
        }
        let mut a = r - 1;
        while a > 0 && r - a < 3 && doc.toks[a].gap == tokens::Gap::Space && name(a - 1) {
            a -= 1;
        }
        let start = doc.toks[a].start();
        if !free_at(spans, start, num_end) {
            continue;
        }
        let mut span = Span::new(PERSON, start, num_end);
        if a > 0
            && doc.toks[a].gap == tokens::Gap::Space
            && doc.is_word(a - 1)
            && doc.toks[a - 1].upper
            && doc.toks[a - 1].flags & TITLE != 0
        {
            span.title = Some((doc.toks[a - 1].start(), doc.toks[a - 1].end()));
        }
        add.push(span);
    }
    add_in_order(spans, add);
}

/// A title set off by a comma before a PERSON that has none (`Menteri
/// Keuangan, Sri Mulyani Indrawati, mengatakan`, `Juru bicara Kementerian
/// Luar Negeri, Rolliansyah Soemirat, menyampaikan`, `The Finance
/// Minister, Jane Doe, said`) is that person's title, as it is when no
/// comma stands between: it opens its clause with a title word and holds
/// only capitalised words (places and organisations included), title
/// words and connectors, and the name is closed by a comma or followed by
/// a lower-case word.
fn comma_titles(doc: &Doc, spans: &mut [Span]) {
    use super::model::labels::PERSON;
    use lexicon::flags::{CONNECTOR, PORTFOLIO, TITLE};
    let n = doc.toks.len();
    for s in spans.iter_mut() {
        if s.label != PERSON || s.title.is_some() {
            continue;
        }
        let a = doc.tok_at(s.start);
        if a < 3 || !doc.is(a - 1, ',') || doc.toks[a].gap != tokens::Gap::Space {
            continue;
        }
        let after = doc.tok_at(s.end);
        let closed = after < n
            && (doc.is(after, ',')
                || doc.is_word(after)
                    && !doc.toks[after].upper
                    && doc.toks[after].gap == tokens::Gap::Space);
        if !closed {
            continue;
        }
        // Back from the comma to the clause's start (at most eight tokens).
        let end = a - 1;
        let mut b = end;
        while b > 0 && end - b < 8 {
            let t = &doc.toks[b - 1];
            if t.kind != tokens::Kind::Word || doc.toks[b].gap >= tokens::Gap::Line {
                break;
            }
            b -= 1;
        }
        let opens = b == 0
            || doc.toks[b].gap >= tokens::Gap::Line
            || doc.toks[b - 1].term
            || matches!(doc.toks[b - 1].ch, ',' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(')
                && doc.toks[b - 1].kind == tokens::Kind::Punct;
        if !opens || b >= end {
            continue;
        }
        // (An English `The` before the title is not part of it.)
        let mut t0 = b;
        if doc.lang == Lang::En && doc.low(t0) == "the" {
            t0 += 1;
        }
        if t0 >= end || doc.longest(t0, TITLE, lexicon::MAX_WORDS).is_none() || !doc.toks[t0].upper
        {
            continue;
        }
        let fits = (t0..end).all(|k| {
            let t = &doc.toks[k];
            t.upper
                || (t.flags | t.multi) & (TITLE | PORTFOLIO | CONNECTOR) != 0
                || t.more & lexicon::more::INNER != 0
        });
        if fits {
            s.title = Some((doc.toks[t0].start(), doc.toks[end - 1].end()));
        }
    }
}

/// Words that a Roman numeral numbers as a thing, not a ruler (`World War
/// II`, `Title IX`, `Article III`, `Apollo XI`, `Vatican II`).
fn numbered_thing(w: &str) -> bool {
    matches!(
        w,
        "war"
            | "title"
            | "article"
            | "part"
            | "chapter"
            | "phase"
            | "type"
            | "class"
            | "stage"
            | "level"
            | "grade"
            | "volume"
            | "vol"
            | "book"
            | "act"
            | "scene"
            | "section"
            | "schedule"
            | "annex"
            | "appendix"
            | "division"
            | "league"
            | "bowl"
            | "apollo"
            | "vatican"
            | "gemini"
            | "episode"
            | "season"
            | "series"
            | "mark"
            | "model"
            | "fighters"
            | "fighter"
            | "unit"
            | "zone"
            | "category"
            | "tier"
            | "round"
            | "version"
            | "pillar"
            | "basel"
            | "corps"
            | "council"
            | "dynasty"
    )
}

/// Makes a PERSON of each interview turn label that names a person the
/// text names elsewhere: one to three capitalised words opening a line,
/// then a colon (`Adeyemi: …` after `Samuel Adeyemi`), whose words are a
/// PERSON of the text or its last word. The learned tagger reads such a
/// label without context and often leaves it, and the quotations the
/// answer reports (`I told him, "…"`) are the labelled person's.
fn turn_labels(doc: &Doc, spans: &mut Vec<Span>) {
    use super::model::labels::PERSON;
    let n = doc.toks.len();
    // The labels first (most texts have none; found from the colons),
    // then the names.
    let mut found = Vec::new();
    for (at, _) in doc.text.match_indices(':') {
        let e = doc.tok_at(at);
        if e == 0 || e >= n || !doc.is(e, ':') || doc.toks[e].gap != tokens::Gap::None {
            continue;
        }
        // One to three capitalised words, the first opening its line.
        let mut k = e;
        while k > 0 && e - k < 3 && doc.is_word(k - 1) && doc.toks[k - 1].upper {
            k -= 1;
            if k == 0 || doc.toks[k].gap >= tokens::Gap::Line {
                found.push((doc.toks[k].start(), doc.toks[e - 1].end()));
                break;
            }
            if doc.toks[k].gap != tokens::Gap::Space {
                break;
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let mut names: HashSet<&str> = HashSet::default();
    for s in spans.iter().filter(|s| s.label == PERSON) {
        let name = &doc.text[s.start..s.end];
        names.insert(name);
        if let Some((_, w)) = name.rsplit_once(' ') {
            names.insert(w);
        }
    }
    found.retain(|&(a, b)| names.contains(&doc.text[a..b]));
    let mut add = Vec::new();
    for (a, b) in found {
        let at = spans.partition_point(|s| s.start < a);
        match spans.get(at) {
            Some(s) if s.start == a && s.end == b => {
                let (x, y) = (doc.tok_at(a), doc.tok_at(b));
                if s.label != PERSON && !place_or_org_word(doc, a, b) && unlisted_place(doc, x, y) {
                    spans[at].label = PERSON;
                }
            }
            _ if free_at(spans, a, b) => add.push(Span::new(PERSON, a, b)),
            _ => {}
        }
    }
    add_in_order(spans, add);
}

/// Whether tokens `a..b` hold no word or phrase that the lexicon knows as
/// a place or a place word (`Rotterdam`, `Port`, `Street`): a LOC of
/// such words is only the capitalisation rules' or the tagger's guess.
fn unlisted_place(doc: &Doc, a: usize, b: usize) -> bool {
    use lexicon::flags::{LOC, LOC_ACRO, PLACE_HEAD, PLACE_SUFFIX};
    let place = LOC | LOC_ACRO | PLACE_HEAD | PLACE_SUFFIX;
    doc.toks[a..b].iter().all(|t| (t.flags | t.multi) & place == 0)
}

/// What a lower-case word says of the name next to it ([`org_noun`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum OrgNoun {
    /// Not a word for an organisation.
    No,
    /// A word for an organisation that may also name a person's trade
    /// (`producer`, `publisher`): it makes an ORG only as the head of an
    /// appositive (`Voltaro, a scooter maker,`).
    Appositive,
    /// A word for an organisation alone, also before its name (`the
    /// union Melkvast`).
    BeforeName,
}

/// Whether a lower-case word is a word for a company or an organisation
/// (`company`, `firm`, `union`, `charity`), for `speech_names`.
fn org_noun(w: &str) -> OrgNoun {
    if !(4..=12).contains(&w.len()) {
        return OrgNoun::No;
    }
    match w {
        "company" | "manufacturer" | "firm" | "startup" | "start-up" | "retailer" | "carrier"
        | "airline" | "charity" | "organisation" | "organization" | "association" | "union"
        | "supplier" | "chain" | "insurer" | "lender" | "conglomerate" | "subsidiary" | "group"
        | "nonprofit" | "non-profit" | "newspaper" | "broadcaster" | "party" | "carmaker"
        | "automaker" | "bank" | "think-tank" => OrgNoun::BeforeName,
        "maker" | "publisher" | "developer" | "producer" | "operator" | "broker" => {
            OrgNoun::Appositive
        }
        _ => OrgNoun::No,
    }
}

/// Whether a verb of saying stands right before `span` or right after it,
/// or after it behind a comma-enclosed aside ("Harding, 45, told").
fn next_to_speech(doc: &Doc, span: &Span) -> bool {
    use cues::cue::{PASSIVE, PRON, VERB};
    let verb =
        |k: usize| doc.is_word(k) && doc.toks[k].cue & VERB != 0 && doc.toks[k].cue & PRON == 0;
    let first = doc.tok_at(span.start);
    let mut after = doc.tok_at(span.end);
    if first > 0 && verb(first - 1) {
        return true;
    }
    // "disampaikan (oleh) Menteri Luar Negeri Sugiono": a passive verb of
    // saying before the name's title (a name of capitalised words only,
    // not `… Badan Pengatur [Hilir Minyak dan Gas Bumi]`).
    let capitals = || (first..after).all(|k| !doc.is_word(k) || doc.toks[k].upper);
    if let Some((a, _)) = span.title.filter(|_| capitals()) {
        let mut b = doc.tok_at(a);
        if b > 0 && doc.is_word(b - 1) && doc.low(b - 1) == "oleh" {
            b -= 1;
        }
        if b > 0 && (verb(b - 1) || doc.is_word(b - 1) && doc.toks[b - 1].cue & PASSIVE != 0) {
            return true;
        }
    }
    if doc.is(after, ',') {
        // "Harding, 45, told": skip a short aside closed by a comma.
        let close = (after + 1..(after + 5).min(doc.toks.len())).find(|&k| doc.is(k, ','));
        if let Some(c) = close {
            if verb(c + 1) {
                return true;
            }
        }
        after += 1;
    }
    verb(after)
}

/// On a title-case line (a headline such as "Prabowo Sepakati Kerja Sama
/// Pertahanan", where every longer word has a capital), a capital is no
/// evidence of a name, so a PERSON there keeps only its longest run of
/// words that are part of a PERSON on an ordinary line and that the text
/// never writes in lower case ("Prabowo", named in the article below;
/// not "Makan Bergizi Gratis", a programme the article writes with
/// capitals); a PERSON with no such word is dropped, and one that loses
/// its first words loses its title.
/// A line is title-case when it stands alone (the text's first line, or a
/// paragraph of one line), has three or more words of four letters or
/// more, four in five of them capitalised, at most one comma, is not in
/// capitals throughout, and does not end with a sentence mark or a colon. Keeps
/// `spans` sorted.
fn trim_headline_names(doc: &Doc, spans: &mut Vec<Span>) {
    use super::model::labels::PERSON;
    let n = doc.toks.len();
    // Title-case lines, as token ranges.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && doc.toks[b].gap < tokens::Gap::Line {
            b += 1;
        }
        // A headline stands alone: the text's first line or a paragraph of
        // one line. (A line of names and titles, "Senator Hatfield, Mr.
        // Chief Justice, …", lists them with commas.) The cheap tests come
        // first; an ordinary paragraph ends with a sentence mark.
        let alone = a == 0
            || (doc.toks[a].gap >= tokens::Gap::Para
                && (b == n || doc.toks[b].gap >= tokens::Gap::Para));
        let ends_well = !doc.toks[b - 1].term && !doc.is(b - 1, ':');
        let mut title = alone && ends_well && !doc.toks[a].shouty;
        if title {
            let (mut long, mut caps, mut commas) = (0, 0, 0);
            let mut prose = false;
            for k in a..b {
                // Four letters or more (bytes, near enough).
                if doc.is_word(k) && doc.toks[k].end() - doc.toks[k].start() >= 4 {
                    long += 1;
                    caps += usize::from(doc.toks[k].upper);
                    if long - caps > 10 {
                        prose = true; // far too many lower-case words
                        break;
                    }
                }
                commas += usize::from(doc.is(k, ','));
            }
            title = !prose && commas <= 1 && long >= 3 && caps * 5 >= long * 4;
        }
        if title {
            lines.push((a, b));
        }
        a = b;
    }
    if lines.is_empty() || !spans.iter().any(|s| s.label == PERSON) {
        return;
    }
    // Words written with a capital on an ordinary line, by word id.
    let mut on_title = vec![false; n];
    for &(a, b) in &lines {
        on_title[a..b].iter_mut().for_each(|x| *x = true);
    }
    let ids = doc
        .toks
        .iter()
        .map(|t| t.id)
        .filter(|&i| i != tokens::NO_WORD)
        .max()
        .map_or(0, |m| m as usize + 1);
    // The words of the PERSONs found on ordinary lines, by word id.
    let mut named = vec![false; ids];
    for s in spans.iter().filter(|s| s.label == PERSON) {
        let mut k = doc.tok_at(s.start);
        while k < n && doc.toks[k].start() < s.end && !on_title[k] {
            let t = &doc.toks[k];
            if doc.is_word(k) && t.upper && (t.id as usize) < ids {
                named[t.id as usize] = true;
            }
            k += 1;
        }
    }
    let name_word = |k: usize| {
        let id = doc.toks[k].id as usize;
        id < ids && named[id] && !doc.seen_lower(k)
    };
    let mut drop = false;
    for s in spans.iter_mut().filter(|s| s.label == PERSON) {
        let first = doc.tok_at(s.start);
        if !on_title.get(first).copied().unwrap_or(false) {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        let mut k = first;
        while k < n && doc.toks[k].start() < s.end {
            if doc.is_word(k) && name_word(k) {
                let from = k;
                while k + 1 < n
                    && doc.toks[k + 1].start() < s.end
                    && (!doc.is_word(k + 1) || name_word(k + 1))
                {
                    k += 1;
                }
                while k > from && !doc.is_word(k) {
                    k -= 1;
                }
                if best.is_none_or(|(x, y)| k - from > y - x) {
                    best = Some((from, k));
                }
            }
            k += 1;
        }
        match best {
            Some((x, y)) => {
                if doc.toks[x].start() != s.start {
                    // The words before the name were the headline's.
                    s.title = None;
                }
                s.start = doc.toks[x].start();
                s.end = doc.toks[y].end();
            }
            None => {
                s.start = s.end;
                drop = true;
            }
        }
    }
    if drop {
        spans.retain(|s| s.start < s.end);
    }
}

/// Splits what a dateline joins: a name never runs over a dash with a
/// space on each side (`KOMPAS.com - Badan Pangan Nasional (Bapanas)`
/// after `JAKARTA,` is two organisations), and a place opening a line with
/// an agency in brackets and a dash after it (`Jakarta (ANTARA) -`) is the
/// place and the agency, not one place. The learned tagger joined both.
/// `spans` (entities only, not overlapping) stay sorted by start.
fn dateline_parts(doc: &Doc, spans: &mut Vec<Span>) {
    use super::model::labels::{LOC, ORG, PERSON};
    use tokens::Gap;
    let spaced_dash = |j: usize| {
        doc.toks[j].kind == tokens::Kind::Punct
            && matches!(doc.toks[j].ch, '-' | '\u{2013}' | '\u{2014}')
            && doc.toks[j].gap == Gap::Space
            && doc.toks.get(j + 1).is_some_and(|t| t.gap == Gap::Space)
    };
    // The spans to split, with their parts (few: datelines only).
    let mut splits: Vec<(usize, Vec<Span>)> = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        let a = doc.tok_at(s.start);
        // Only in a dateline: the span starts within the line's first
        // three tokens.
        if !matches!(s.label, ORG | LOC | PERSON)
            || !(a.saturating_sub(2)..=a).any(|j| j == 0 || doc.toks[j].gap >= Gap::Line)
        {
            continue;
        }
        let b = doc.tok_at(s.end);
        // The outlet: one word, in capitals or with a dot (`KOMPAS.com`,
        // `TEMPO.CO`), then the dash. (Elsewhere a spaced dash may be a
        // hyphen of a text whose tokens were joined with spaces, as the
        // evaluation corpora are: `Cleveland - Marshall College of Law`.)
        let outlet = b > a + 2
            && spaced_dash(a + 1)
            && doc.toks[a].end() - doc.toks[a].start() >= 3
            && (doc.toks[a].caps || doc.text_of(a).contains('.'));
        // `Jakarta (ANTARA) -` at a line start.
        let bracket = !outlet
            && s.label == LOC
            && (a == 0 || doc.toks[a].gap >= Gap::Line)
            && b >= a + 4
            && doc.is(b - 1, ')')
            && doc.is(b - 3, '(')
            && doc.toks[b - 2].caps
            && b < doc.toks.len()
            && spaced_dash(b);
        if bracket {
            let place = Span::new(LOC, s.start, doc.toks[b - 4].end());
            let agency = Span::new(ORG, doc.toks[b - 2].start(), doc.toks[b - 2].end());
            splits.push((i, vec![place, agency]));
        } else if outlet {
            let mut rest = Span::new(s.label, doc.toks[a + 2].start(), s.end);
            if s.title.is_some_and(|(_, e)| e <= rest.start) {
                rest.title = s.title;
            }
            splits.push((i, vec![Span::new(s.label, s.start, doc.toks[a].end()), rest]));
        }
    }
    if splits.is_empty() {
        return;
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len() + splits.len());
    let mut next = splits.into_iter().peekable();
    for (i, s) in spans.drain(..).enumerate() {
        match next.next_if(|(j, _)| *j == i) {
            Some((_, parts)) => out.extend(parts),
            None => out.push(s),
        }
    }
    *spans = out;
}

/// A short name an organisation is given in brackets right after it
/// (`Badan Pangan Nasional (Bapanas)`, written with a capital, not in
/// capitals) names that organisation wherever it stands alone: a PERSON
/// or a place no list knows of just that word is the ORG, and a titled
/// PERSON that starts with it gives it to the title (`Kepala [Bapanas]
/// Arief Prasetyo Adi`: the title `Kepala Bapanas`). The rules read such
/// a word as a name. `spans` (entities only, not overlapping) stay sorted
/// by start.
fn defined_short_names(doc: &Doc, spans: &mut Vec<Span>) {
    use super::model::labels::{LOC, ORG, PERSON};
    let mut short: Vec<&str> = Vec::new();
    for s in spans.iter() {
        if s.label != ORG {
            continue;
        }
        let b = doc.tok_at(s.end);
        // `ORG (Word)` or `ORG(Word)` as one span or as two.
        let (open, word) = if b >= 3 && doc.is(b - 1, ')') && doc.is(b - 3, '(') {
            (b - 3, b - 2)
        } else if doc.is(b, '(') && doc.is(b + 2, ')') {
            (b, b + 1)
        } else {
            continue;
        };
        let t = &doc.toks[word];
        if open > doc.tok_at(s.start)
            && t.kind == tokens::Kind::Word
            && t.upper
            && !t.caps
            && t.gap == tokens::Gap::None
            && !short.contains(&doc.text_of(word))
        {
            short.push(doc.text_of(word));
        }
    }
    if short.is_empty() {
        return;
    }
    let mut absorbed: Vec<usize> = Vec::new();
    for i in 0..spans.len() {
        let s = &spans[i];
        // (The text is compared first: the tokens are looked up only for
        // a span that starts with a short name.)
        if !matches!(s.label, PERSON | LOC)
            || !short.iter().any(|w| doc.text[s.start..s.end].starts_with(w))
        {
            continue;
        }
        let a = doc.tok_at(s.start);
        if !short.contains(&doc.text_of(a)) {
            continue;
        }
        let b = doc.tok_at(s.end);
        // A name split after its first word, the title run on over the
        // first part (`Kepala [Bapanas Arief] [Prasetyo Adi]`, the second
        // titled `Kepala Bapanas Arief`): one name, `Arief Prasetyo Adi`,
        // titled `Kepala Bapanas`.
        if s.label == PERSON && s.title.is_none() && b > a + 1 {
            let next = spans.get(i + 1).filter(|n| {
                n.label == PERSON
                    && doc.tok_at(n.start) == b
                    && doc.toks[b].gap == tokens::Gap::Space
                    && n.title.is_some_and(|(x, y)| x <= s.start && y >= s.end)
            });
            if let Some(x) = next.and_then(|n| n.title).map(|(x, _)| x) {
                let (start, end) = (doc.toks[a + 1].start(), doc.toks[a].end());
                let n = &mut spans[i + 1];
                n.start = start;
                n.title = Some((x, end));
                absorbed.push(i);
                continue;
            }
        }
        let s = &mut spans[i];
        if b == a + 1 && (s.label == PERSON || (s.label == LOC && unlisted_place(doc, a, b))) {
            s.label = ORG;
            s.title = None;
        } else if s.label == PERSON && b > a + 1 {
            if let Some((x, _)) = s.title {
                s.title = Some((x, doc.toks[a].end()));
                s.start = doc.toks[a + 1].start();
            }
        }
    }
    if !absorbed.is_empty() {
        let mut i = 0;
        spans.retain(|_| {
            i += 1;
            !absorbed.contains(&(i - 1))
        });
    }
}

/// Indonesian: a place word alone, a title and a name after it are a
/// place named after the person (`Jalan Jenderal Gatot Subroto`, `Stadion
/// King Abdullah Sports City`), where the rules (and the tagger after them)
/// read a PERSON whose title starts with the place word. Done after the
/// merge, so the rules' reading the tagger learned from stays as it is.
/// `spans` (entities only, not overlapping) stay sorted by start.
fn namesake_places(doc: &Doc, spans: &mut Vec<Span>) {
    use super::model::labels::{LOC, PERSON};
    if doc.lang != Lang::Id {
        return;
    }
    let mut places: Vec<(usize, usize)> = Vec::new();
    for s in spans.iter().filter(|s| s.label == PERSON) {
        let Some((a, _)) = s.title else { continue };
        let k = doc.tok_at(a);
        let head = doc.is_word(k)
            && doc.toks[k].upper
            && doc.toks[k].flags & lexicon::flags::PLACE_HEAD != 0
            && doc.is_word(k + 1)
            && doc.toks[k + 1].gap == tokens::Gap::Space
            && (doc.toks[k + 1].flags | doc.toks[k + 1].multi) & lexicon::flags::TITLE != 0;
        if head {
            places.push((a, s.end));
        }
    }
    if places.is_empty() {
        return;
    }
    spans.retain(|s| !places.iter().any(|&(a, b)| s.start < b && s.end > a));
    add_in_order(spans, places.into_iter().map(|(a, b)| Span::new(LOC, a, b)).collect());
}

/// Sorts spans by start, then end descending, rewriting speaker indices.
fn in_order(spans: Vec<Span>) -> Vec<Span> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    crate::core::sort::sort_indices(&mut order, &mut |a, b| {
        spans[a].start.cmp(&spans[b].start).then(spans[b].end.cmp(&spans[a].end))
    });
    let mut new_index = vec![0; spans.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    order
        .iter()
        .map(|&old| {
            let s = &spans[old];
            Span { speaker: s.speaker.and_then(|k| new_index.get(k).copied()), ..s.clone() }
        })
        .collect()
}

/// The alias group of a lower-case place or organisation name in the
/// gazetteer: aliases (`amerika serikat`, `as`, `united states`) share it.
pub(crate) fn gazetteer_group(phrase: &str) -> Option<u16> {
    gazetteer::group(phrase)
}

/// Whether a lower-case phrase names a place in the gazetteer.
pub(crate) fn gazetteer_place(phrase: &str) -> bool {
    gazetteer::is_place(phrase)
}

/// Detects the language, analyses the text and returns the annotated
/// document.
pub fn annotate(name: &str, text: &str) -> AnnotatedDocument {
    annotate_as(name, text, None)
}

/// Analyses the text as language `lang` (a BCP 47 tag), or as the detected
/// language when `lang` is `None`, and returns the annotated document.
pub fn annotate_as(name: &str, text: &str, lang: Option<&str>) -> AnnotatedDocument {
    let lang = lang.unwrap_or_else(|| detect_lang(text));
    let spans = analyze(text, lang);
    let doc = Document { name: name.to_string(), lang: lang.to_string(), text: text.into() };
    AnnotatedDocument::from_spans(doc, &spans)
}

/// Runs the recognizer again over `doc` as language `lang` (`None`:
/// detect it), replacing its automatic annotations and keeping every
/// annotation the user made or confirmed
/// ([`AnnotatedDocument::refreshed`]).
pub fn reannotate(doc: &AnnotatedDocument, lang: Option<&str>) -> AnnotatedDocument {
    doc.refreshed(annotate_as(&doc.doc.name, &doc.doc.text, lang))
}
