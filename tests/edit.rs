//! Correcting annotations: every edit, undo and redo, what re-analysis
//! keeps, and where a selection lands. The user's flows without the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use sorot::core::edit::{occurrences, snap, Edit};
use sorot::core::model::{AnnotatedDocument, Annotation, Document, Source};
use sorot::core::state::{Action, Workspace};

fn ann(id: &str, label: &str, start: usize, end: usize, source: Source) -> Annotation {
    Annotation {
        id: id.into(),
        label: label.into(),
        start,
        end,
        source,
        speaker: None,
        value: None,
        title: None,
    }
}

/// A workspace showing one document with these annotations.
fn ws_with(text: &str, anns: Vec<Annotation>) -> Workspace {
    let doc = Document { name: "berita.txt".into(), lang: "id".into(), text: text.into() };
    let mut ws = Workspace::default();
    ws.docs.push(Rc::new(AnnotatedDocument::new(doc, anns)));
    ws.current = Some(0);
    ws
}

fn edit(ws: &mut Workspace, e: Edit) {
    ws.apply(Action::Edit { index: 0, edit: e });
}

fn spans(ws: &Workspace) -> Vec<(String, String, Source)> {
    let d = &ws.docs[0];
    d.annotations
        .iter()
        .map(|a| (a.label.to_string(), d.text_of(a).to_string(), a.source))
        .collect()
}

const TEXT: &str = "Menteri Luar Negeri Jepang bertemu Rutte di Tokyo. “Kami siap,” kata Rutte.";

fn quote_doc() -> Workspace {
    // a1 Jepang LOC (auto), a2 Rutte PERSON, a3 Tokyo LOC, a4 quote said by a5 Rutte.
    let mut q = ann("a4", "QUOTE", 51, 62, Source::Auto);
    q.speaker = Some("a5".into());
    ws_with(
        TEXT,
        vec![
            ann("a1", "LOC", 20, 26, Source::Auto),
            ann("a2", "PERSON", 35, 40, Source::Auto),
            ann("a3", "LOC", 44, 49, Source::Auto),
            q,
            ann("a5", "PERSON", 69, 74, Source::Auto),
        ],
    )
}

#[test]
fn add_labels_a_span_as_the_users_and_focuses_it() {
    let mut ws = quote_doc();
    edit(&mut ws, Edit::Add { label: "ORG".into(), start: 0, end: 26 });
    let d = &ws.docs[0];
    let a = d.annotations.iter().find(|a| a.label == "ORG").unwrap();
    assert_eq!(d.text_of(a), "Menteri Luar Negeri Jepang");
    assert_eq!(a.source, Source::User);
    assert_eq!(a.id, "a6", "a fresh id above every a<n>");
    assert_eq!(ws.focus.as_deref(), Some("a6"));
    // Nested annotations stay: Jepang is still a place inside the ORG.
    assert!(d.annotations.iter().any(|a| a.label == "LOC" && d.text_of(a) == "Jepang"));
    // The same label on the same span confirms it instead of doubling it.
    edit(&mut ws, Edit::Add { label: "LOC".into(), start: 44, end: 49 });
    let tokyo: Vec<_> = spans(&ws).into_iter().filter(|s| s.1 == "Tokyo").collect();
    assert_eq!(tokyo, [("LOC".to_string(), "Tokyo".to_string(), Source::User)]);
    assert_eq!(ws.focus.as_deref(), Some("a3"));
}

#[test]
fn edits_that_cannot_apply_change_nothing_and_record_nothing() {
    let mut ws = quote_doc();
    let before = ws.docs[0].clone();
    for e in [
        Edit::Add { label: "ORG".into(), start: 5, end: 5 },
        Edit::Add { label: "ORG".into(), start: 70, end: 500 },
        Edit::Add { label: String::new().into(), start: 0, end: 3 },
        Edit::Relabel { id: "a99".into(), label: "ORG".into() },
        Edit::Relabel { id: "a1".into(), label: "LOC".into() },
        Edit::Delete { id: "zz".into() },
        Edit::SetSpeaker { id: "a1".into(), speaker: Some("a2".into()) },
        Edit::SetSpeaker { id: "a4".into(), speaker: Some("a4".into()) },
        Edit::SetSpeaker { id: "a4".into(), speaker: Some("nope".into()) },
        Edit::Resize { id: "a1".into(), start: 20, end: 26 },
        Edit::Resize { id: "a1".into(), start: 30, end: 10 },
    ] {
        edit(&mut ws, e.clone());
        assert_eq!(ws.docs[0], before, "{e:?} changed the document");
    }
    assert_eq!(ws.history(0).unwrap().next_undo(), None);
    ws.apply(Action::Edit { index: 7, edit: Edit::Delete { id: "a1".into() } });
    assert_eq!(ws.docs[0], before);
}

#[test]
fn relabel_resize_accept_make_the_annotation_the_users() {
    let mut ws = quote_doc();
    edit(&mut ws, Edit::Relabel { id: "a1".into(), label: "ORG".into() });
    edit(&mut ws, Edit::Resize { id: "a1".into(), start: 0, end: 26 });
    edit(&mut ws, Edit::Accept { id: "a3".into() });
    let s = spans(&ws);
    assert!(s.contains(&("ORG".into(), "Menteri Luar Negeri Jepang".into(), Source::User)));
    assert!(s.contains(&("LOC".into(), "Tokyo".into(), Source::User)));
    assert_eq!(ws.history(0).unwrap().next_undo(), Some("accept"));
    // Relabelling a quote to something else drops its speaker.
    edit(&mut ws, Edit::Relabel { id: "a4".into(), label: "DATE".into() });
    assert_eq!(ws.docs[0].get("a4").unwrap().speaker, None);
}

#[test]
fn delete_removes_the_speaker_link_of_quotes_and_undo_restores_both() {
    let mut ws = quote_doc();
    let before = ws.docs[0].clone();
    ws.apply(Action::Focus(Some("a5".into())));
    edit(&mut ws, Edit::Delete { id: "a5".into() });
    assert!(ws.docs[0].get("a5").is_none());
    assert_eq!(ws.docs[0].get("a4").unwrap().speaker, None, "no dangling speaker");
    assert_eq!(ws.focus, None);
    ws.apply(Action::Undo(0));
    assert_eq!(ws.docs[0], before);
    ws.apply(Action::Redo(0));
    assert!(ws.docs[0].get("a5").is_none());
}

#[test]
fn set_speaker_links_a_quote_to_any_entity() {
    let mut ws = quote_doc();
    edit(&mut ws, Edit::SetSpeaker { id: "a4".into(), speaker: Some("a2".into()) });
    let q = ws.docs[0].get("a4").unwrap();
    assert_eq!((q.speaker.as_deref(), q.source), (Some("a2"), Source::User));
    edit(&mut ws, Edit::SetSpeaker { id: "a4".into(), speaker: None });
    assert_eq!(ws.docs[0].get("a4").unwrap().speaker, None);
    ws.apply(Action::Undo(0));
    assert_eq!(ws.docs[0].get("a4").unwrap().speaker.as_deref(), Some("a2"));
}

#[test]
fn label_all_labels_every_whole_word_occurrence_in_one_step() {
    let text = "Rutte tiba. Ruttes bukan nama. Kata Rutte: ya. NoRutte. Rutte!";
    let mut ws = ws_with(text, vec![ann("a1", "PERSON", 36, 41, Source::Auto)]);
    edit(&mut ws, Edit::LabelAll { label: "PERSON".into(), start: 0, end: 5 });
    let d = &ws.docs[0];
    let got: Vec<(usize, usize, Source)> =
        d.annotations.iter().map(|a| (a.start, a.end, a.source)).collect();
    assert_eq!(
        got,
        [(0, 5, Source::User), (36, 41, Source::User), (56, 61, Source::User)],
        "not inside Ruttes or NoRutte; the one already labelled is confirmed, not doubled"
    );
    assert_eq!(ws.focus.as_deref(), Some("a2"));
    ws.apply(Action::Undo(0));
    assert_eq!(ws.docs[0].annotations.len(), 1, "one undo step for the whole batch");
    ws.apply(Action::Undo(0));
    assert_eq!(ws.docs[0].annotations.len(), 1, "nothing more to undo");
}

#[test]
fn occurrences_count_code_points_past_emoji() {
    let text = "😀 Bali, 🇮🇩 Bali dan Balik";
    let ws = ws_with(text, vec![]);
    let d = &ws.docs[0];
    let occ = occurrences(d, 2, 6);
    assert_eq!(occ.len(), 2);
    for (s, e) in occ {
        assert_eq!(d.index().slice(text, s, e), "Bali");
    }
}

#[test]
fn undo_and_redo_walk_a_long_sequence_exactly() {
    let mut ws = quote_doc();
    let mut states = vec![ws.docs[0].clone()];
    let edits = [
        Edit::Add { label: "ORG".into(), start: 0, end: 26 },
        Edit::Relabel { id: "a3".into(), label: "ORG".into() },
        Edit::Delete { id: "a2".into() },
        Edit::LabelAll { label: "PERSON".into(), start: 69, end: 74 },
        Edit::Resize { id: "a4".into(), start: 51, end: 61 },
        Edit::SetSpeaker { id: "a4".into(), speaker: Some("a6".into()) },
        Edit::Accept { id: "a1".into() },
    ];
    for e in edits {
        edit(&mut ws, e);
        states.push(ws.docs[0].clone());
    }
    for want in states.iter().rev().skip(1) {
        ws.apply(Action::Undo(0));
        assert_eq!(&ws.docs[0], want);
    }
    ws.apply(Action::Undo(0));
    assert_eq!(&ws.docs[0], &states[0], "undo past the first step does nothing");
    for want in states.iter().skip(1) {
        ws.apply(Action::Redo(0));
        assert_eq!(&ws.docs[0], want);
    }
    // A new edit after undo drops the redo branch.
    ws.apply(Action::Undo(0));
    edit(&mut ws, Edit::Delete { id: "a1".into() });
    assert_eq!(ws.history(0).unwrap().next_redo(), None);
}

#[test]
fn reanalysis_is_an_undo_step_and_keeps_out_what_the_user_rejected() {
    let text = "Presiden Joko Widodo tiba di Jakarta pada Senin (1/12). Widodo disambut Gubernur.";
    let mut ws = Workspace::default();
    ws.apply(Action::Paste(text.into()));
    let d = ws.docs[0].clone();
    let jakarta = d.annotations.iter().find(|a| d.text_of(a) == "Jakarta").unwrap().clone();
    let widodo = d.annotations.iter().find(|a| d.text_of(a) == "Joko Widodo").unwrap().clone();
    ws.apply(Action::Edit { index: 0, edit: Edit::Delete { id: jakarta.id.to_string() } });
    ws.apply(Action::Edit { index: 0, edit: Edit::Accept { id: widodo.id.to_string() } });
    let edited = ws.docs[0].clone();

    ws.apply(Action::SetLang { index: 0, lang: Some("en".into()) });
    let d = &ws.docs[0];
    assert_eq!(d.doc.lang, "en");
    assert!(!d.annotations.iter().any(|a| d.text_of(a) == "Jakarta"), "rejected stays away");
    let joko: Vec<_> = d.annotations.iter().filter(|a| d.text_of(a) == "Joko Widodo").collect();
    assert_eq!(joko.len(), 1, "the user's annotation is not doubled by the analysis");
    assert_eq!(joko[0].source, Source::User);
    assert_eq!(ws.history(0).unwrap().next_undo(), Some("analyse as en"));

    ws.apply(Action::Undo(0));
    assert_eq!(ws.docs[0], edited, "undo of the re-analysis, language included");
    ws.apply(Action::Undo(0));
    ws.apply(Action::Undo(0));
    assert!(ws.docs[0].annotations.iter().any(|a| a.id == jakarta.id));
    // With the deletion undone, Jakarta is not rejected any more.
    ws.apply(Action::SetLang { index: 0, lang: Some("id".into()) });
    let d = &ws.docs[0];
    assert!(d.annotations.iter().any(|a| d.text_of(a) == "Jakarta"));
}

#[test]
fn a_fresh_analysis_keeps_the_ids_of_what_it_finds_again() {
    // The old analysis: the recognizer's, with Tokyo lost and the other ids
    // changed (as after earlier analyses and edits).
    let d = sorot::core::recognize::annotate("berita.txt", TEXT);
    let first = d.annotations.iter().position(|a| d.text_of(a) == "Tokyo").unwrap();
    let renamed = |id: &str| format!("x{}", &id[1..]);
    let old: Vec<Annotation> = d
        .annotations
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != first)
        .map(|(_, a)| Annotation {
            id: renamed(&a.id).into(),
            speaker: a.speaker.as_deref().map(|s| renamed(s).into()),
            ..a.clone()
        })
        .collect();
    let old = d.with_annotations(old);
    let fresh = old.refreshed(sorot::core::recognize::annotate("berita.txt", TEXT));
    assert_eq!(fresh.annotations.len(), d.annotations.len());
    for a in &fresh.annotations {
        match old
            .annotations
            .iter()
            .find(|o| (&o.label, o.start, o.end) == (&a.label, a.start, a.end))
        {
            Some(o) => assert_eq!(a.id, o.id, "{a:?}"),
            None => {
                assert_eq!(fresh.text_of(a), "Tokyo");
                assert!(old.get(&a.id).is_none(), "a new id: {a:?}");
            }
        }
        if let Some(s) = &a.speaker {
            assert!(fresh.get(s).is_some(), "the speaker link points into the document: {a:?}");
        }
    }
    // An id never comes back for another span: Tokyo found as an
    // organisation before is a new place now.
    let org = fresh.with_annotations(
        fresh
            .annotations
            .iter()
            .map(|a| Annotation {
                label: if fresh.text_of(a) == "Tokyo" { "ORG".into() } else { a.label.clone() },
                ..a.clone()
            })
            .collect(),
    );
    let again = org.refreshed(sorot::core::recognize::annotate("berita.txt", TEXT));
    let id = |d: &AnnotatedDocument| {
        d.annotations.iter().find(|a| d.text_of(a) == "Tokyo").map(|a| a.id.clone()).unwrap()
    };
    assert_ne!(id(&again), id(&org));
    assert!(org.get(&id(&again)).is_none());
    // So a re-analysis that finds one more mention is an undo step of that one.
    let step = sorot::core::edit::Step::between(
        sorot::core::i18n::Msg::new("step.analyse-again"),
        &old,
        &fresh,
        Vec::new(),
    )
    .unwrap();
    let back = step.undo(&fresh);
    assert_eq!(back, old);
    assert_eq!(step.redo(&back), fresh);
    assert_eq!(step.size(), (0, 1));
}

#[test]
fn a_model_arriving_keeps_edits_and_rejections() {
    let text = "Menurut Sri Mulyani, anggaran naik. “Kami siap,” kata Sri Mulyani di Bandung.";
    let mut ws = Workspace::default();
    ws.apply(Action::Paste(text.into()));
    let d = ws.docs[0].clone();
    let bandung = d.annotations.iter().find(|a| d.text_of(a) == "Bandung").unwrap().clone();
    ws.apply(Action::Edit {
        index: 0,
        edit: Edit::Relabel { id: bandung.id.to_string(), label: "ORG".into() },
    });
    ws.apply(Action::ModelReady { lang: "id".into() });
    let d = &ws.docs[0];
    let at: Vec<_> = d.annotations.iter().filter(|a| d.text_of(a) == "Bandung").collect();
    assert_eq!(at.len(), 1);
    assert_eq!((at[0].label.as_str(), at[0].source), ("ORG", Source::User));
}

#[test]
fn a_new_paste_starts_a_new_history_and_the_same_text_keeps_the_edits() {
    let mut ws = Workspace::default();
    ws.apply(Action::Paste("Rutte tiba di Tokyo.".into()));
    ws.apply(Action::Edit {
        index: 0,
        edit: Edit::Add { label: "ORG".into(), start: 14, end: 19 },
    });
    let edited = ws.docs[0].clone();
    ws.apply(Action::Paste("Rutte tiba di Tokyo.".into()));
    assert_eq!(ws.docs[0], edited, "an input event with the same text loses nothing");
    ws.apply(Action::Paste("Rutte tiba di Osaka.".into()));
    assert_eq!(ws.history(0).unwrap().next_undo(), None);
}

#[test]
fn focus_follows_the_shown_document() {
    let mut ws = quote_doc();
    ws.apply(Action::Focus(Some("a3".into())));
    assert_eq!(ws.focus.as_deref(), Some("a3"));
    ws.apply(Action::Focus(Some("missing".into())));
    assert_eq!(ws.focus, None);
    ws.apply(Action::Focus(Some("a3".into())));
    ws.apply(Action::Paste("Teks lain.".into()));
    assert_eq!(ws.focus, None);
}

fn snapped(text: &str, start: usize, end: usize, words: bool) -> Option<String> {
    let ws = ws_with(text, vec![]);
    let d = &ws.docs[0];
    snap(d, start, end, words).map(|(s, e)| d.index().slice(text, s, e).to_string())
}

#[test]
fn selections_snap_to_words_and_never_split_a_character() {
    let t = "Perdana Menteri Sanae Takaichi, pasif-defensif.";
    assert_eq!(snapped(t, 10, 19, true).as_deref(), Some("Menteri Sanae"));
    assert_eq!(snapped(t, 10, 19, false).as_deref(), Some("nteri San"));
    assert_eq!(snapped(t, 33, 36, true).as_deref(), Some("pasif-defensif"));
    assert_eq!(
        snapped(t, 29, 32, true).as_deref(),
        Some("Takaichi,"),
        "punctuation kept when selected"
    );
    assert_eq!(snapped(t, 7, 8, true), None, "only white space");
    // A family emoji joined by ZWJ, a flag, a skin tone, an accent.
    let e = "Hai 👨‍👩‍👧 dan 🇮🇩🇯🇵 👍🏽 Jose\u{301} ok";
    let chars: Vec<char> = e.chars().collect();
    let fam = chars.iter().position(|&c| c == '👩').unwrap();
    assert_eq!(snapped(e, fam, fam + 1, false).as_deref(), Some("👨‍👩‍👧"));
    let jp = chars.iter().position(|&c| c == '\u{1F1EF}').unwrap();
    assert_eq!(snapped(e, jp + 1, jp + 2, false).as_deref(), Some("🇯🇵"));
    assert_eq!(snapped(e, jp - 1, jp, false).as_deref(), Some("🇮🇩"));
    let thumb = chars.iter().position(|&c| c == '👍').unwrap();
    assert_eq!(snapped(e, thumb, thumb + 1, false).as_deref(), Some("👍🏽"));
    let jo = chars.iter().position(|&c| c == 'J').unwrap();
    assert_eq!(snapped(e, jo, jo + 4, false).as_deref(), Some("Jose\u{301}"));
    assert_eq!(snapped(e, jo + 1, jo + 2, true).as_deref(), Some("Jose\u{301}"));
    // Reversed and out-of-range selections are clamped, not a panic.
    assert_eq!(snapped(t, 19, 10, true).as_deref(), Some("Menteri Sanae"));
    assert_eq!(snapped(t, 40, 4000, true).as_deref(), Some("pasif-defensif."));
}

#[test]
fn the_saved_workspace_reads_back_with_edits_rejections_and_place() {
    use sorot::core::persist::{load, save};
    let mut ws = Workspace::default();
    ws.apply(Action::Paste("Rutte tiba di Tokyo 😀 pada Senin (1/12). “Siap,” kata Rutte.".into()));
    ws.apply(Action::OpenFiles(vec![sorot::core::state::IncomingFile {
        name: "b.txt".into(),
        bytes: "Joko Widodo di Jakarta.".as_bytes().to_vec(),
    }]));
    let d = ws.docs[1].clone();
    let jakarta = d.annotations.iter().find(|a| d.text_of(a) == "Jakarta").unwrap().id.clone();
    ws.apply(Action::Edit { index: 1, edit: Edit::Delete { id: jakarta.to_string() } });
    ws.apply(Action::Edit { index: 1, edit: Edit::Add { label: "ORG".into(), start: 0, end: 4 } });
    ws.apply(Action::Focus(Some("a3".into())));
    let saved = save(&ws);
    let back = load(&saved).unwrap();
    assert_eq!(back.docs, ws.docs);
    assert_eq!((back.current, &back.focus, &back.pasted), (ws.current, &ws.focus, &ws.pasted));
    assert_eq!(back.history(1).unwrap().rejected, ws.history(1).unwrap().rejected);
    assert_eq!(save(&back), saved, "saving what was read gives the same text");
    // A model arriving after the reload keeps the rejection.
    let mut back = back;
    back.apply(Action::ModelReady { lang: "id".into() });
    let d = &back.docs[1];
    assert!(!d.annotations.iter().any(|a| d.text_of(a) == "Jakarta"));
    assert!(d.annotations.iter().any(|a| a.label == "ORG" && d.text_of(a) == "Joko"));

    for bad in
        ["", "{", "{\"sorot_workspace\":9,\"current\":null,\"docs\":[]}", &saved[..saved.len() - 5]]
    {
        assert!(load(bad).is_err(), "{bad:?}");
    }
    assert_eq!(load(&save(&Workspace::default())).unwrap().docs.len(), 0);
}

#[test]
fn nudging_an_edge_moves_it_by_one_word() {
    use sorot::core::edit::{nudge, Edge};
    let t = "Kementerian Luar Negeri Jepang, kata dia.";
    let ws = ws_with(t, vec![]);
    let d = &ws.docs[0];
    let s = |r: Option<(usize, usize)>| r.map(|(a, b)| d.index().slice(t, a, b).to_string());
    assert_eq!(s(nudge(d, 12, 23, Edge::End, true)).as_deref(), Some("Luar Negeri Jepang"));
    assert_eq!(s(nudge(d, 12, 23, Edge::Start, true)).as_deref(), Some("Kementerian Luar Negeri"));
    assert_eq!(s(nudge(d, 12, 23, Edge::End, false)).as_deref(), Some("Luar"));
    assert_eq!(s(nudge(d, 12, 23, Edge::Start, false)).as_deref(), Some("Negeri"));
    assert_eq!(nudge(d, 12, 16, Edge::End, false), None, "never empty");
    assert_eq!(nudge(d, 0, 11, Edge::Start, true), None, "nothing before the first word");
    assert_eq!(s(nudge(d, 24, 30, Edge::End, true)).as_deref(), Some("Jepang, kata"));
}

#[test]
fn clear_all_closes_everything_but_keeps_the_taggers() {
    let mut ws = quote_doc();
    ws.apply(Action::ModelReady { lang: "en".into() });
    ws.apply(Action::Paste("Teks.".into()));
    ws.apply(Action::ClearAll);
    assert!(ws.docs.is_empty() && ws.meta.is_empty() && ws.pasted.is_empty());
    assert_eq!(ws.current, None);
    assert_eq!(ws.model_status("en"), Some(sorot::core::state::ModelStatus::Ready));
}

#[test]
fn search_finds_every_hit_ignoring_case_in_code_points() {
    use sorot::core::edit::find_text;
    let t = "Rutte 😀 bertemu RUTTE; rutte-rutte. İstanbul";
    let ws = ws_with(t, vec![]);
    let d = &ws.docs[0];
    let hits = find_text(d, "rutte");
    assert_eq!(hits.len(), 4);
    for (s, e) in &hits {
        assert_eq!(d.index().slice(t, *s, *e).to_lowercase(), "rutte");
    }
    assert_eq!(find_text(d, "  "), []);
    assert_eq!(find_text(d, "zzz"), []);
    assert_eq!(find_text(d, "i̇stanbul").len(), 1, "İ lowers to two characters");
    assert_eq!(find_text(d, "😀 BER"), [(6, 11)]);
}

#[test]
fn search_reads_the_text_in_place_as_the_char_by_char_search_did() {
    use sorot::core::edit::find_text;
    // The search as it was: the text as characters, each lower-cased.
    fn by_chars(t: &str, query: &str) -> Vec<(usize, usize)> {
        let q: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
        if query.trim().is_empty() {
            return Vec::new();
        }
        let text: Vec<char> = t.chars().collect();
        let (mut out, mut i) = (Vec::new(), 0);
        'outer: while i < text.len() {
            let (mut k, mut j) = (0, i);
            while k < q.len() {
                let Some(&c) = text.get(j) else { break 'outer };
                for l in c.to_lowercase() {
                    if q.get(k) != Some(&l) {
                        i += 1;
                        continue 'outer;
                    }
                    k += 1;
                }
                j += 1;
            }
            out.push((i, j));
            i = j;
        }
        out
    }
    // The Kelvin sign lowers to ASCII `k`; `İ` to `i` and a combining dot;
    // `ẞ` to `ß`; an emoji is two UTF-16 units and four bytes.
    let t = "Kota \u{212A}ediri, KEDIRI kediri. İzmir İİ i̇zmir 😀😀 ẞtraße aaa a";
    let ws = ws_with(t, vec![]);
    let d = &ws.docs[0];
    for q in [
        "k", "kediri", "KEDIRI", "i", "i̇", "i̇zmir", "😀", "😀😀", "ß", "ẞtr", "aa", "a", "e", " a",
        "zz", "ri. i̇",
    ] {
        assert_eq!(find_text(d, q), by_chars(t, q), "{q:?}");
    }
}
