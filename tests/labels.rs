//! The editable label set: the workspace's label actions (add, rename with
//! undo, recolour, hide, reorder), labels kept through a reload (persist)
//! and carried by Sorot JSON, and old files without labels still read.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use sorot::core::edit::Edit;
use sorot::core::export::sorot_json;
use sorot::core::labels::{contrast, Colour, LabelSet, Palette, AA, DARK_TEXT, LIGHT_TEXT};
use sorot::core::model::{labels, AnnotatedDocument, Annotation, Document, Source};
use sorot::core::persist;
use sorot::core::state::{Action, IncomingFile, NoticeKind, Workspace};

fn ann(id: &str, label: &str, start: usize, end: usize) -> Annotation {
    Annotation::new(id, label, start, end)
}

const TEXT: &str = "Menteri Luar Negeri Jepang bertemu Rutte di Tokyo.";

fn doc(name: &str, anns: Vec<Annotation>) -> Rc<AnnotatedDocument> {
    let d = Document { name: name.into(), lang: "id".into(), text: TEXT.into() };
    Rc::new(AnnotatedDocument::new(d, anns))
}

/// Two documents, both with a PERSON; the second has no LOC.
fn ws() -> Workspace {
    let mut ws = Workspace::default();
    ws.docs.push(doc("satu.txt", vec![ann("a1", "LOC", 20, 26), ann("a2", "PERSON", 35, 40)]));
    ws.docs.push(doc("dua.txt", vec![ann("a1", "PERSON", 35, 40), ann("a2", "ORG", 44, 49)]));
    ws.current = Some(0);
    ws
}

fn names(ws: &Workspace) -> Vec<&str> {
    ws.labels.defs().iter().map(|d| d.name.as_str()).collect()
}

fn labels_of(ws: &Workspace, i: usize) -> Vec<&str> {
    ws.docs[i].annotations.iter().map(|a| a.label.as_str()).collect()
}

fn colour(s: &str) -> Colour {
    Colour::parse(s).unwrap()
}

fn add(ws: &mut Workspace, name: &str) {
    ws.apply(Action::AddLabel { name: name.into(), colour: None });
}

#[test]
fn the_default_set_is_the_built_in_labels() {
    let ws = Workspace::default();
    assert_eq!(names(&ws), labels::ALL);
    assert!(ws.labels.defs().iter().all(|d| !d.hidden));
}

#[test]
fn add_label_appends_it_and_bad_names_get_a_notice() {
    let mut ws = ws();
    add(&mut ws, "  Topik ");
    assert_eq!(names(&ws), ["PERSON", "ORG", "LOC", "DATE", "QUOTE", "Topik"]);
    assert_eq!(ws.labels.key_label(6), Some("Topik"));
    ws.apply(Action::AddLabel { name: "Tema".into(), colour: Some(colour("#ff0000")) });
    assert_eq!(ws.labels.get("Tema").unwrap().colour, colour("#ff0000"));
    assert!(ws.notices.is_empty());

    let long = "x".repeat(41);
    for bad in ["", "   ", "topik", "person", "a\nb", "tab\there", long.as_str()] {
        let before = ws.labels.clone();
        add(&mut ws, bad);
        assert_eq!(ws.labels, before, "{bad:?} was added");
        let n = ws.notices.pop().expect("a notice");
        assert_eq!(n.kind, NoticeKind::Error);
        assert!(n.message.contains("was not added"), "{}", n.message);
    }
    // Exactly 40 characters is fine.
    add(&mut ws, &"é".repeat(40));
    assert!(ws.notices.is_empty());
}

#[test]
fn rename_label_renames_every_annotation_of_every_document_one_undo_step_each() {
    let mut ws = ws();
    ws.apply(Action::RecolourLabel { name: "PERSON".into(), colour: colour("#00ff00") });
    ws.apply(Action::RenameLabel { from: "PERSON".into(), to: "Tokoh".into() });
    assert!(ws.notices.is_empty(), "{:?}", ws.notices);
    assert_eq!(names(&ws), ["Tokoh", "ORG", "LOC", "DATE", "QUOTE"]);
    assert_eq!(ws.labels.get("Tokoh").unwrap().colour, colour("#00ff00"), "keeps its colour");
    assert_eq!(labels_of(&ws, 0), ["LOC", "Tokoh"]);
    assert_eq!(labels_of(&ws, 1), ["Tokoh", "ORG"]);
    for i in 0..2 {
        assert_eq!(ws.history(i).unwrap().next_undo(), Some("rename PERSON to Tokoh"));
    }
    // Other fields stay (the annotation is the same one, renamed).
    assert_eq!(ws.docs[0].get("a2").unwrap().source, Source::Auto);

    // Undo in the first document: its annotation is PERSON again, and
    // PERSON comes back to the set with the colour it had.
    ws.apply(Action::Undo(0));
    assert_eq!(labels_of(&ws, 0), ["LOC", "PERSON"]);
    assert_eq!(labels_of(&ws, 1), ["Tokoh", "ORG"]);
    assert_eq!(names(&ws), ["Tokoh", "ORG", "LOC", "DATE", "QUOTE", "PERSON"]);
    assert_eq!(ws.labels.get("PERSON").unwrap().colour, colour("#00ff00"));
    ws.apply(Action::Redo(0));
    assert_eq!(labels_of(&ws, 0), ["LOC", "Tokoh"]);

    // A case-only rename is allowed; a taken name, an empty one or an
    // unknown label is not, with a notice.
    ws.apply(Action::RenameLabel { from: "Tokoh".into(), to: "TOKOH".into() });
    assert_eq!(labels_of(&ws, 1), ["TOKOH", "ORG"]);
    let before = (ws.labels.clone(), ws.docs.clone());
    for (from, to) in [("TOKOH", "org"), ("TOKOH", " "), ("nope", "X"), ("ORG", "a\u{0}b")] {
        ws.apply(Action::RenameLabel { from: from.into(), to: to.into() });
        assert_eq!((ws.labels.clone(), ws.docs.clone()), before, "{from} → {to}");
        assert!(ws.notices.pop().unwrap().message.contains("was not renamed"));
    }
    // The same name again changes nothing and records nothing.
    let undo = ws.history(1).unwrap().next_undo().map(str::to_string);
    ws.apply(Action::RenameLabel { from: "ORG".into(), to: "ORG".into() });
    assert_eq!(ws.history(1).unwrap().next_undo().map(str::to_string), undo);
    assert!(ws.notices.is_empty());
}

#[test]
fn renaming_a_label_no_document_uses_records_no_step() {
    let mut ws = ws();
    ws.apply(Action::RenameLabel { from: "DATE".into(), to: "Waktu".into() });
    assert_eq!(ws.labels.key_label(4), Some("Waktu"));
    assert_eq!(ws.history(0).unwrap().next_undo(), None);
    assert_eq!(ws.history(1).unwrap().next_undo(), None);
}

#[test]
fn recolour_hide_and_move() {
    let mut ws = ws();
    ws.apply(Action::RecolourLabel { name: "LOC".into(), colour: colour("#123456") });
    assert_eq!(ws.labels.get("LOC").unwrap().colour, colour("#123456"));
    ws.apply(Action::SetLabelHidden { name: "ORG".into(), hidden: true });
    assert!(ws.labels.get("ORG").unwrap().hidden);
    ws.apply(Action::SetLabelHidden { name: "ORG".into(), hidden: false });
    assert!(!ws.labels.get("ORG").unwrap().hidden);
    ws.apply(Action::MoveLabel { name: "QUOTE".into(), to: 0 });
    assert_eq!(names(&ws), ["QUOTE", "PERSON", "ORG", "LOC", "DATE"]);
    ws.apply(Action::MoveLabel { name: "QUOTE".into(), to: 99 });
    assert_eq!(names(&ws), ["PERSON", "ORG", "LOC", "DATE", "QUOTE"]);
    // Unknown labels are ignored.
    let before = ws.labels.clone();
    ws.apply(Action::MoveLabel { name: "nope".into(), to: 0 });
    ws.apply(Action::RecolourLabel { name: "nope".into(), colour: colour("#000") });
    ws.apply(Action::SetLabelHidden { name: "nope".into(), hidden: true });
    assert_eq!(ws.labels, before);
    // The recoloured label's highlights keep AA contrast in both themes.
    let p = Palette::of(colour("#123456"));
    assert!(contrast(LIGHT_TEXT, p.light_bg) >= AA && contrast(DARK_TEXT, p.dark_bg) >= AA);
}

#[test]
fn labels_on_annotations_join_the_set() {
    let mut ws = ws();
    ws.apply(Action::Edit {
        index: 0,
        edit: Edit::Add { label: "Jabatan".into(), start: 0, end: 7 },
    });
    assert_eq!(names(&ws).last(), Some(&"Jabatan"));
    // An opened Sorot JSON file brings its labels (with its colours) and any
    // its annotations use.
    let mut set = LabelSet::default();
    set.add("Topik", Some(colour("#abcdef"))).unwrap();
    set.set_hidden("Topik", true);
    let file = doc("tiga.txt", vec![ann("a1", "Topik", 0, 7), ann("a2", "Lain", 8, 12)]);
    let json = sorot_json::to_json_with_labels(&file, &set);
    ws.apply(Action::OpenFiles(vec![IncomingFile {
        name: "tiga.sorot.json".into(),
        bytes: json.into_bytes(),
    }]));
    assert!(ws.notices.is_empty(), "{:?}", ws.notices);
    let topik = ws.labels.get("Topik").unwrap();
    assert_eq!((topik.colour, topik.hidden), (colour("#abcdef"), true));
    assert!(ws.labels.get("Lain").is_some());
    assert_eq!(&names(&ws)[..6], ["PERSON", "ORG", "LOC", "DATE", "QUOTE", "Jabatan"]);
}

#[test]
fn every_one_of_many_labels_on_annotations_joins_the_set() {
    // More distinct labels than are compared one by one (the rest are
    // kept in a set), in a document opened from a file.
    let text = "x ".repeat(40);
    let anns: Vec<Annotation> = (0..40)
        .map(|i| ann(&format!("a{i}"), &format!("Kode{}", i % 30), 2 * i, 2 * i + 1))
        .collect();
    let d = Document { name: "kode.txt".into(), lang: "id".into(), text: text.as_str().into() };
    let file = AnnotatedDocument::new(d, anns);
    let json = sorot_json::to_json_with_labels(&file, &LabelSet::default());
    let mut ws = ws();
    ws.apply(Action::OpenFiles(vec![IncomingFile {
        name: "kode.sorot.json".into(),
        bytes: json.into_bytes(),
    }]));
    assert!(ws.notices.is_empty(), "{:?}", ws.notices);
    for i in 0..30 {
        assert!(ws.labels.get(&format!("Kode{i}")).is_some(), "Kode{i}");
    }
}

#[test]
fn clear_all_gives_back_the_built_in_set() {
    let mut ws = ws();
    add(&mut ws, "Topik");
    ws.apply(Action::ClearAll);
    assert_eq!(ws.labels, LabelSet::default());
}

#[test]
fn the_label_set_survives_a_reload() {
    let mut ws = ws();
    add(&mut ws, "Topik");
    ws.apply(Action::RecolourLabel { name: "Topik".into(), colour: colour("#ff8800") });
    ws.apply(Action::SetLabelHidden { name: "LOC".into(), hidden: true });
    ws.apply(Action::MoveLabel { name: "Topik".into(), to: 1 });
    ws.apply(Action::RenameLabel { from: "ORG".into(), to: "Lembaga \"x\"".into() });
    let saved = persist::save(&ws);
    assert!(saved.lines().next().unwrap().contains("\"labels\""));
    let back = persist::load(&saved).unwrap();
    assert_eq!(back.labels, ws.labels);
    assert_eq!(back.docs, ws.docs);
    assert_eq!(labels_of(&back, 1), ["PERSON", "Lembaga \"x\""]);
}

#[test]
fn a_workspace_saved_without_labels_gets_the_built_in_set_plus_used_labels() {
    let mut ws = ws();
    ws.apply(Action::Edit {
        index: 1,
        edit: Edit::Add { label: "Topik".into(), start: 0, end: 7 },
    });
    let saved = persist::save(&ws);
    // The header as saved before labels could be edited.
    let mut lines: Vec<String> = saved.lines().map(str::to_string).collect();
    let mut header: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    header.as_object_mut().unwrap().remove("labels");
    lines[0] = header.to_string();
    let back = persist::load(&lines.join("\n")).unwrap();
    assert_eq!(names(&back), ["PERSON", "ORG", "LOC", "DATE", "QUOTE", "Topik"]);
    // A damaged label list is an error, not a panic.
    header["labels"] = serde_json::json!([{ "name": "A", "colour": "blue" }]);
    lines[0] = header.to_string();
    assert!(persist::load(&lines.join("\n")).unwrap_err().contains("labels"));
}

#[test]
fn sorot_json_carries_the_label_set() {
    let d = doc("satu.txt", vec![ann("a1", "LOC", 20, 26), ann("a2", "Topik", 35, 40)]);
    let mut set = LabelSet::default();
    set.add("Topik", Some(colour("#0f766e"))).unwrap();
    set.move_to("Topik", 0);
    set.set_hidden("DATE", true);
    let json = sorot_json::to_json_with_labels(&d, &set);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["labels"][0],
        serde_json::json!({ "name": "Topik", "colour": "#0f766e", "hidden": false })
    );
    assert_eq!(v["labels"][4]["hidden"], true);
    let (back, labels) = sorot_json::from_json_with_labels(&json).unwrap();
    assert_eq!(&back, &*d);
    assert_eq!(labels, set);
    // Without labels: to_json writes none, and reading gives the built-in
    // set plus the labels the annotations use.
    let plain = sorot_json::to_json(&d);
    assert!(!plain.contains("\"labels\""));
    let (_, labels) = sorot_json::from_json_with_labels(&plain).unwrap();
    let names: Vec<&str> = labels.defs().iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["PERSON", "ORG", "LOC", "DATE", "QUOTE", "Topik"]);
    assert_eq!(sorot_json::labels_in(plain.as_bytes()), None);
    assert_eq!(sorot_json::labels_in(json.as_bytes()), Some(set));
}

#[test]
fn an_old_file_without_labels_still_reads() {
    let old = r#"{"format":"sorot.annotations","version":1,"document":{"name":"a.txt","lang":"id","text":"Rutte di Tokyo."},
        "annotations":[{"id":"a1","label":"PERSON","start":0,"end":5,"text":"Rutte","source":"auto"},
                       {"id":"a2","label":"LOC","start":9,"end":14,"text":"Tokyo","source":"user"}]}"#;
    let (d, labels) = sorot_json::from_json_with_labels(old).unwrap();
    assert_eq!(d.annotations.len(), 2);
    assert_eq!(labels, LabelSet::default());
    assert_eq!(sorot_json::from_json(old).unwrap(), d);
}

#[test]
fn a_bad_labels_list_is_a_clear_error() {
    let base = sorot_json::to_json(&doc("a.txt", vec![]));
    let mut v: serde_json::Value = serde_json::from_str(&base).unwrap();
    for (labels, why) in [
        (serde_json::json!([{ "name": "A", "colour": "red" }]), "colour"),
        (serde_json::json!([{ "name": "", "colour": "#000000" }]), "empty"),
        (
            serde_json::json!([{ "name": "A", "colour": "#000000" }, { "name": "A", "colour": "#ffffff" }]),
            "twice",
        ),
    ] {
        v["labels"] = labels;
        let e = sorot_json::from_json(&v.to_string()).unwrap_err();
        assert!(matches!(e, sorot_json::ImportError::BadLabel { .. }), "{e:?}");
        assert!(e.to_string().contains(why), "{e}");
    }
    v["labels"] = serde_json::json!("nope");
    assert!(sorot_json::from_json(&v.to_string()).is_err());
}
