//! The workspace reducer: pasting, opening files (good and bad), switching
//! and closing documents. These are the user's flows without the browser.
#![cfg(not(target_arch = "wasm32"))]

use sorot::core::edit::Edit;
use sorot::core::model::Source;
use sorot::core::state::{
    decode_text_file, Action, FileError, IncomingFile, NoticeKind, Workspace, MAX_FILE_BYTES,
    PASTED_NAME, UNDETERMINED,
};
use sorot::core::wire;

fn file(name: &str, bytes: &[u8]) -> IncomingFile {
    IncomingFile { name: name.into(), bytes: bytes.to_vec() }
}

fn names(ws: &Workspace) -> Vec<&str> {
    ws.docs.iter().map(|d| d.doc.name.as_str()).collect()
}

#[test]
fn paste_creates_then_updates_one_pasted_document() {
    let mut ws = Workspace::default();
    ws.apply(Action::Paste("Ali pergi ke Jakarta.".into()));
    ws.apply(Action::Paste("Ali pergi ke Bandung.".into()));
    assert_eq!(names(&ws), [PASTED_NAME]);
    assert_eq!(&*ws.current_doc().unwrap().doc.text, "Ali pergi ke Bandung.");
    assert_eq!(&*ws.pasted, "Ali pergi ke Bandung.");
}

#[test]
fn bad_files_get_a_notice_and_good_ones_still_open() {
    let mut ws = Workspace::default();
    ws.apply(Action::Paste("Teks lama.".into()));
    ws.apply(Action::OpenFiles(vec![
        file("rusak.txt", &[0xFF, 0x00, 0xC3, 0x28, 0x9F]),
        file("berita.txt", "Berita\r\nbaru 😀".as_bytes()),
        file("gambar.png", b"\x89PNG"),
    ]));
    assert_eq!(names(&ws), [PASTED_NAME, "berita.txt"]);
    assert_eq!(ws.current_doc().unwrap().doc.name, "berita.txt");
    assert_eq!(&*ws.current_doc().unwrap().doc.text, "Berita\r\nbaru 😀", "line endings are kept");
    assert_eq!(ws.notices.len(), 2);
    assert!(ws.notices.iter().all(|n| n.kind == NoticeKind::Error));
    assert!(
        ws.notices[0].message.contains("rusak.txt") && ws.notices[0].message.contains("not UTF-8")
    );
    assert!(ws.notices[1].message.contains("gambar.png") && ws.notices[1].message.contains(".txt"));
    ws.apply(Action::Dismiss(0));
    assert_eq!(ws.notices.len(), 1);
}

#[test]
fn rejected_before_reading_is_reported_with_its_size() {
    let mut ws = Workspace::default();
    ws.apply(Action::FileRejected {
        name: "besar.txt".into(),
        reason: FileError::TooLarge(30 * 1_048_576),
    });
    assert!(ws.notices[0].message.contains("besar.txt"));
    assert!(ws.notices[0].message.contains("30.0 MB"), "{}", ws.notices[0].message);
}

#[test]
fn select_and_close_keep_a_valid_current_document() {
    let mut ws = Workspace::default();
    ws.apply(Action::OpenFiles(vec![
        file("a.txt", b"A"),
        file("b.txt", b"B"),
        file("c.txt", b"C"),
    ]));
    assert_eq!(ws.current, Some(0));
    ws.apply(Action::Select(2));
    ws.apply(Action::Select(9));
    assert_eq!(ws.current, Some(2));
    ws.apply(Action::Close(0));
    assert_eq!(names(&ws), ["b.txt", "c.txt"]);
    assert_eq!(ws.current_doc().unwrap().doc.name, "c.txt");
    ws.apply(Action::Close(1));
    assert_eq!(ws.current_doc().unwrap().doc.name, "b.txt");
    ws.apply(Action::Close(0));
    assert_eq!(ws.current, None);
}

#[test]
fn closing_the_pasted_document_empties_the_paste_box() {
    let mut ws = Workspace::default();
    ws.apply(Action::OpenFiles(vec![file("a.txt", b"Ali pergi ke Bandung.")]));
    ws.apply(Action::Paste("Rutte tiba di Tokyo.".into()));
    assert_eq!(names(&ws), ["a.txt", "pasted-article"]);
    // Another document closed leaves the box as it is.
    ws.apply(Action::Close(0));
    assert_eq!(&*ws.pasted, "Rutte tiba di Tokyo.");
    // Before, the box kept the text: a paste into it landed next to the
    // old text, and a long text's placeholder spoke of a closed article.
    ws.apply(Action::Close(0));
    assert_eq!(&*ws.pasted, "");
    ws.apply(Action::Paste("Sugiono tiba di Jakarta.".into()));
    assert_eq!(names(&ws), ["pasted-article"]);
    assert_eq!(&*ws.docs[0].doc.text, "Sugiono tiba di Jakarta.");
}

#[test]
fn decoding_handles_boms_and_utf16() {
    assert_eq!(decode_text_file("a.txt", b"\xEF\xBB\xBFhalo").unwrap(), "halo");
    let le: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("hé😀".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_eq!(decode_text_file("a.TXT", &le).unwrap(), "hé😀");
    let be: Vec<u8> =
        [0xFE, 0xFF].into_iter().chain("hé".encode_utf16().flat_map(u16::to_be_bytes)).collect();
    assert_eq!(decode_text_file("a.txt", &be).unwrap(), "hé");
    assert_eq!(decode_text_file("a.txt", b"  \n"), Err(FileError::Empty));
    assert_eq!(decode_text_file("a.txt", b"a\0b"), Err(FileError::NotText));
    assert_eq!(decode_text_file("a.docx", b"x"), Err(FileError::Unsupported));
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(decode_text_file("a.txt", &big), Err(FileError::TooLarge(MAX_FILE_BYTES + 1)));
}

#[test]
fn choosing_the_language_reanalyses_and_holds_for_later_pastes() {
    let mut ws = Workspace::default();
    let text = "Presiden Prabowo Subianto said the talks in Jakarta went well.";
    ws.apply(Action::Paste(text.into()));
    let detected = ws.current_doc().unwrap().doc.lang.clone();
    let other = if detected == "id" { "en" } else { "id" };
    ws.apply(Action::SetLang { index: 0, lang: Some(other.into()) });
    assert_eq!(ws.current_doc().unwrap().doc.lang, other);
    ws.apply(Action::Paste(format!("{text} More text.").into()));
    assert_eq!(ws.current_doc().unwrap().doc.lang, other, "the choice holds for the next paste");
    ws.apply(Action::SetLang { index: 0, lang: None });
    assert_eq!(ws.current_doc().unwrap().doc.lang, detected, "detect again");
    ws.apply(Action::SetLang { index: 7, lang: Some("en".into()) }); // no such document: no-op
}

#[test]
fn reanalysing_keeps_the_users_own_annotations() {
    use sorot::core::model::{Annotation, Source};
    use sorot::core::recognize::{annotate, reannotate};
    let auto = annotate("a.txt", "Menteri Luar Negeri Sugiono tiba di Tokyo pada Senin (1/12).");
    let mut anns = auto.annotations.clone();
    anns.push(Annotation {
        id: "a1".into(), // clashes with an automatic id
        label: "EVENT".into(),
        start: 0,
        end: 7,
        source: Source::User,
        speaker: None,
        value: None,
        title: None,
    });
    anns.retain(|a| a.source == Source::User);
    let doc = sorot::core::model::AnnotatedDocument::new(auto.doc.clone(), anns);
    let again = reannotate(&doc, Some("en"));
    assert_eq!(again.doc.lang, "en");
    let user: Vec<_> = again.annotations.iter().filter(|a| a.source == Source::User).collect();
    assert_eq!(user.len(), 1);
    assert_eq!((user[0].id.as_str(), user[0].label.as_str()), ("a1", "EVENT"));
    let mut ids: Vec<&str> = again.annotations.iter().map(|a| a.id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids stay unique");
    assert!(again
        .annotations
        .iter()
        .any(|a| a.source == Source::Auto && again.text_of(a) == "Tokyo"));
}

/// A real Indonesian article where the learned tagger and the rules
/// disagree (the model finds `Persatuan Sepak Bola Seluruh Indonesia
/// (PSSI)` whole).
fn timnas() -> String {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/quotes/id/tuned/timnas.json")).unwrap();
    json["text"].as_str().unwrap().to_string()
}

#[test]
fn models_to_load_names_each_document_language_once_until_asked_for() {
    use sorot::core::state::ModelStatus;
    let mut ws = Workspace::default();
    assert!(ws.models_to_load().is_empty(), "no document, no model");
    ws.apply(Action::Paste("Presiden Prabowo Subianto tiba di Jakarta pada Senin (1/12).".into()));
    assert_eq!(ws.models_to_load(), ["id"]);
    ws.apply(Action::OpenFiles(vec![
        file("a.txt", b"The minister said the talks in London went well."),
        file("b.txt", b"The president arrived in Paris on Monday."),
    ]));
    assert_eq!(ws.models_to_load(), ["id", "en"], "one entry per language");
    ws.apply(Action::ModelLoading { lang: "id".into() });
    assert_eq!(ws.model_status("id"), Some(ModelStatus::Loading));
    assert_eq!(ws.models_to_load(), ["en"], "a model being loaded is not asked for again");
    ws.apply(Action::ModelFailed { lang: "en".into(), reason: "HTTP 404".into() });
    assert_eq!(ws.model_status("en"), Some(ModelStatus::Failed));
    assert!(ws.models_to_load().is_empty(), "a model that failed is not asked for again");
    assert_eq!(ws.notices.len(), 1);
    assert_eq!(ws.notices[0].kind, NoticeKind::Info, "the failure is not an error of the user's");
    assert!(
        ws.notices[0].message.contains("English") && ws.notices[0].message.contains("HTTP 404")
    );
    ws.apply(Action::ModelFailed { lang: "en".into(), reason: "HTTP 404".into() });
    assert_eq!(ws.notices.len(), 1, "one notice per language");
    // The documents were not touched by the failure.
    assert_eq!(names(&ws), [PASTED_NAME, "a.txt", "b.txt"]);
}

#[test]
fn model_lang_reads_the_primary_subtag() {
    use sorot::core::state::model_lang;
    assert_eq!(model_lang("id"), Some("id"));
    assert_eq!(model_lang("in"), Some("id"));
    assert_eq!(model_lang("id-ID"), Some("id"));
    assert_eq!(model_lang("EN_gb"), Some("en"));
    assert_eq!(model_lang("fr"), None);
    assert_eq!(model_lang(""), None);
}

#[test]
fn model_ready_reanalyses_that_language_keeping_user_work_selection_and_paste_box() {
    use sorot::core::model::{AnnotatedDocument, Annotation, Document, Source};
    use sorot::core::recognize::{analyze_with, install_model, Tagger};
    use sorot::core::state::ModelStatus;
    use std::rc::Rc;

    let _lock = model_lock();
    let text = timnas();
    let expected = |tagger: Option<&Tagger>| {
        let doc =
            Document { name: PASTED_NAME.into(), lang: "id".into(), text: text.as_str().into() };
        AnnotatedDocument::from_spans(doc, &analyze_with(&text, "id", tagger)).annotations
    };
    let mut ws = Workspace::default();
    ws.apply(Action::Paste(text.as_str().into()));
    ws.apply(Action::OpenFiles(vec![file(
        "en.txt",
        b"The minister said the talks in London went well.",
    )]));
    ws.apply(Action::Select(0));
    let rules = expected(None);
    assert_eq!(ws.docs[0].doc.lang, "id");
    assert_eq!(ws.docs[0].annotations, rules, "before the model: the rules alone");
    // The user's own annotation on the pasted document.
    let mut anns = ws.docs[0].annotations.clone();
    anns.push(Annotation {
        id: "u1".into(),
        label: "EVENT".into(),
        start: 0,
        end: 5,
        source: Source::User,
        speaker: None,
        value: None,
        title: None,
    });
    ws.docs[0] = Rc::new(AnnotatedDocument::new(ws.docs[0].doc.clone(), anns));
    let english = ws.docs[1].clone();

    let tagger = Tagger::from_bytes(include_bytes!("../models/id.tagger")).unwrap();
    let with_model = expected(Some(&tagger));
    assert_ne!(rules, with_model, "pick a text where the model and the rules differ");
    install_model(tagger);
    ws.apply(Action::ModelLoading { lang: "id".into() });
    ws.apply(Action::ModelReady { lang: "id".into() });

    assert_eq!(ws.model_status("id"), Some(ModelStatus::Ready));
    let doc = &ws.docs[0];
    let user: Vec<_> = doc.annotations.iter().filter(|a| a.source == Source::User).collect();
    assert_eq!(user.len(), 1, "the user's annotation is kept");
    assert_eq!((user[0].id.as_str(), user[0].label.as_str()), ("u1", "EVENT"));
    let auto: Vec<_> = doc
        .annotations
        .iter()
        .filter(|a| a.source != Source::User)
        .map(|a| (a.label.clone(), a.start, a.end))
        .collect();
    // The user's annotation wins over one of the model's that overlaps it.
    let want: Vec<_> = with_model
        .iter()
        .filter(|a| a.start >= 5)
        .map(|a| (a.label.clone(), a.start, a.end))
        .collect();
    assert_eq!(auto, want, "after the model: the model's annotations, the user's winning");
    assert!(Rc::ptr_eq(&ws.docs[1], &english), "a document of another language is not touched");
    assert_eq!(ws.current, Some(0), "the document shown stays shown");
    assert_eq!(*ws.pasted, *text, "the paste box is kept");
    assert_eq!(names(&ws), [PASTED_NAME, "en.txt"]);

    // A later paste uses the model straight away (the same text again only
    // shows it, keeping the user's work, so paste another first).
    ws.apply(Action::Paste(text.as_str().into()));
    assert_eq!(ws.docs[0].annotations.iter().filter(|a| a.source == Source::User).count(), 1);
    ws.apply(Action::Paste("Lain.".into()));
    ws.apply(Action::Paste(text.as_str().into()));
    assert_eq!(ws.docs[0].annotations, with_model);
}

#[test]
fn damaged_model_bytes_are_an_error_not_a_panic() {
    use sorot::core::recognize::Tagger;
    let good = include_bytes!("../models/en.tagger");
    assert!(Tagger::from_bytes(b"").is_err());
    assert!(Tagger::from_bytes(b"<!doctype html><title>404</title>").is_err());
    for cut in [1, 7, 16, 64, good.len() / 2, good.len() - 1] {
        assert!(Tagger::from_bytes(&good[..cut]).is_err(), "cut at {cut}");
    }
    let mut flipped = good.to_vec();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x5A;
    assert!(Tagger::from_bytes(&flipped).is_err(), "a flipped byte is caught (checksum)");
}

#[test]
fn a_model_arriving_leaves_documents_from_annotation_files_as_the_file_has_them() {
    // A brat pair made by hand elsewhere: its one annotation is all the
    // user wants to see; the analysis would find many more.
    let text = timnas();
    let first = text.split_whitespace().next().unwrap().to_string();
    let ann = format!("T1\tPERSON 0 {}\t{first}\n", first.len());
    let mut ws = Workspace::default();
    ws.apply(Action::OpenFiles(vec![
        file("laporan.txt", text.as_bytes()),
        file("laporan.ann", ann.as_bytes()),
        file("teks.txt", text.as_bytes()),
    ]));
    assert_eq!(names(&ws), ["laporan.txt", "teks.txt"]);
    assert_eq!(ws.docs[0].doc.lang, "id");
    let from_file = ws.docs[0].annotations.clone();
    assert_eq!(from_file.len(), 1);
    assert!(ws.docs[1].annotations.len() > 5, "analysis finds many more");

    // (Which model is installed does not matter here: before the fix, the
    // re-analysis replaced the file's one annotation with the analysis.)
    ws.apply(Action::ModelReady { lang: "id".into() });
    assert_eq!(ws.docs[0].annotations, from_file, "the brat document keeps its annotations");

    // Closing keeps the marks in step with the documents.
    ws.apply(Action::Close(0));
    assert_eq!(ws.meta.iter().map(|m| m.from_annotation_file).collect::<Vec<_>>(), [false]);
}

#[test]
fn the_paste_box_text_is_saved_once_and_comes_back_shared_with_its_document() {
    use sorot::core::persist;
    let text = "Menteri Luar Negeri Sugiono tiba di Tokyo pada Senin (1/12). ".repeat(50);
    let mut ws = Workspace::default();
    ws.apply(Action::OpenFiles(vec![file("b.txt", b"Ali pergi ke Bandung.")]));
    ws.apply(Action::Paste(text.as_str().into()));
    let saved = persist::save(&ws);
    assert_eq!(saved.matches("tiba di Tokyo").count(), 50, "the text once, in its document's line");
    assert!(saved.lines().next().unwrap().contains("\"pasted_doc\":1"), "{}", &saved[..200]);
    let back = persist::load(&saved).unwrap();
    assert_eq!(&*back.pasted, text.as_str());
    assert!(
        std::rc::Rc::ptr_eq(&back.pasted, &back.docs[1].doc.text),
        "shared, as after the paste"
    );
    // A paste box that holds no open document's text keeps its own.
    let mut ws = Workspace::default();
    ws.apply(Action::Paste("Ali pergi ke Jakarta.".into()));
    ws.pasted = "Teks lain.".into();
    let back = persist::load(&persist::save(&ws)).unwrap();
    assert_eq!(&*back.pasted, "Teks lain.");
    // An empty one stays empty (a document of empty text is never made).
    let mut ws = Workspace::default();
    ws.apply(Action::OpenFiles(vec![file("b.txt", b"Ali pergi ke Bandung.")]));
    let back = persist::load(&persist::save(&ws)).unwrap();
    assert_eq!(&*back.pasted, "");
    // A header of an earlier save, with the text itself and no
    // `pasted_doc`, still reads.
    let old = persist::save(&ws).replacen("\"pasted\":\"\",", "\"pasted\":\"Dulu.\",", 1).replacen(
        "\"pasted_doc\":null,",
        "",
        1,
    );
    assert_eq!(&*persist::load(&old).unwrap().pasted, "Dulu.");
}

#[test]
fn restore_puts_back_a_newer_saved_workspace_keeping_notices_and_taggers() {
    use sorot::core::persist;
    use sorot::core::state::ModelStatus;

    let mut saved = Workspace::default();
    saved.apply(Action::Paste(
        "Menteri Luar Negeri Sugiono tiba di Tokyo pada Senin (1/12).".into(),
    ));
    saved.apply(Action::OpenFiles(vec![file("b.txt", b"Ali pergi ke Bandung.")]));
    let back = persist::load(&persist::save(&saved)).expect("the saved form reads back");

    let mut ws = Workspace::default();
    ws.apply(Action::OpenFiles(vec![file("program.exe", &[0x4d, 0x5a, 0x90, 0x00])]));
    ws.apply(Action::ModelLoading { lang: "en".into() });
    let notices = ws.notices.clone();
    assert_eq!(notices.len(), 1);
    ws.apply(Action::Restore(Box::new(back)));
    assert_eq!(names(&ws), [PASTED_NAME, "b.txt"]);
    assert_eq!(ws.pasted, saved.pasted);
    assert_eq!(ws.current, saved.current);
    for (a, b) in ws.docs.iter().zip(&saved.docs) {
        assert_eq!(a.annotations, b.annotations);
    }
    assert_eq!(ws.notices, notices, "the notices shown so far stay");
    assert_eq!(ws.model_status("en"), Some(ModelStatus::Loading), "the taggers' status stays");
}

// The page's flow: `update` asks for analysis (`jobs`), the worker answers
// with `Action::Analysed`. `answer` plays the worker natively.

fn answer(ws: &mut Workspace, job: &sorot::core::state::Job) {
    let text = job.text();
    let lang = job.lang.clone().unwrap_or_else(|| sorot::core::recognize::detect_lang(text).into());
    let (nums, strings) = wire::encode(&sorot::core::recognize::analyze(text, &lang));
    ws.update(Action::Analysed { job: job.id, lang, nums, strings });
}

/// Held by the test that installs the Indonesian tagger, and by the tests
/// that compare two analyses of the same Indonesian text: the tests of a
/// binary share one process, and a tagger installed between the two
/// analyses would read the second one differently.
fn model_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

const TAKAICHI: &str = "Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin (1/12).";

#[test]
fn a_paste_shows_its_text_at_once_and_its_highlights_when_the_analysis_answers() {
    let mut ws = Workspace::default();
    ws.update(Action::Paste(TAKAICHI.into()));
    let doc = ws.current_doc().unwrap().clone();
    assert_eq!(&*doc.doc.text, TAKAICHI);
    assert!(doc.annotations.is_empty());
    assert_eq!(doc.doc.lang, UNDETERMINED);
    assert!(ws.analysing(0));
    let jobs = ws.take_jobs();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].lang, None, "the worker detects the language");
    assert!(ws.take_jobs().is_empty(), "each job is handed out once");
    answer(&mut ws, &jobs[0]);
    let mut inline = Workspace::default();
    inline.apply(Action::Paste(TAKAICHI.into()));
    assert_eq!(ws.docs, inline.docs, "the same document as analysing at once");
    assert_eq!(ws.current_doc().unwrap().doc.lang, "id");
    assert!(!ws.analysing(0));
    assert!(ws.history(0).unwrap().next_undo().is_none(), "a first analysis is no undo step");
}

#[test]
fn an_answer_for_an_older_text_or_a_closed_document_is_ignored() {
    let mut ws = Workspace::default();
    ws.update(Action::Paste("Ali tiba di Jakarta.".into()));
    let old = ws.take_jobs();
    ws.update(Action::Paste(TAKAICHI.into()));
    let new = ws.take_jobs();
    answer(&mut ws, &new[0]);
    let done = ws.docs.clone();
    answer(&mut ws, &old[0]);
    assert_eq!(ws.docs, done, "the older text's answer came late and changed nothing");
    ws.update(Action::SetLang { index: 0, lang: Some("en".into()) });
    let job = ws.take_jobs();
    ws.update(Action::Close(0));
    answer(&mut ws, &job[0]);
    assert!(ws.docs.is_empty());
}

/// Applies the actions the workspace puts off to a task of their own, one
/// task at a time, until none is left; `between` is called before each
/// task. Returns how many tasks there were.
fn run_later(ws: &mut Workspace, mut between: impl FnMut(&Workspace)) -> usize {
    let mut tasks = 0;
    loop {
        let later = ws.take_later();
        if later.is_empty() {
            return tasks;
        }
        for a in later {
            between(ws);
            tasks += 1;
            ws.update(a);
        }
    }
}

/// A text of `n` lines, each a sentence and a quotation, pasted into a
/// new workspace: the text, the workspace and the analysis it asks for.
fn pasted_quotes(n: usize) -> (String, Workspace, Vec<sorot::core::state::Job>) {
    let text = format!("{TAKAICHI} “Kami siap,” kata Takaichi.\n").repeat(n);
    let mut ws = Workspace::default();
    ws.update(Action::Paste(text.as_str().into()));
    // The analysis of the whole text (the preview asked for before it is
    // left unanswered: the preview's own test is below).
    let jobs = ws.take_jobs().into_iter().filter(|j| j.upto == j.doc.doc.text.len()).collect();
    (text, ws, jobs)
}

#[test]
fn a_long_paste_is_previewed_from_its_start_until_the_whole_analysis_takes_its_place() {
    use sorot::core::state::{PREVIEW_BYTES, PREVIEW_FROM};
    let text = format!("{TAKAICHI} “Kami siap,” kata Takaichi.\n").repeat(4_000);
    assert!(text.len() > PREVIEW_FROM);
    let mut ws = Workspace::default();
    ws.update(Action::Paste(text.as_str().into()));
    let jobs = ws.take_jobs();
    assert_eq!(jobs.len(), 2, "the preview, then the whole text");
    let (preview, whole) = (&jobs[0], &jobs[1]);
    assert!(preview.upto <= PREVIEW_BYTES && preview.text().ends_with('\n'), "cut at a line break");
    assert_eq!(whole.text(), text);
    answer(&mut ws, preview);
    assert!(ws.analysing(0), "the whole text is still waited for");
    let shown = ws.current_doc().unwrap().clone();
    let limit = preview.text().chars().count();
    assert!(shown.annotations.len() > 100);
    assert!(shown.annotations.iter().all(|a| a.end <= limit), "all in the start");
    let first = shown.annotations.iter().find(|a| shown.text_of(a) == "Sanae Takaichi").unwrap();
    assert_eq!(first.label.as_str(), "PERSON");
    answer(&mut ws, whole);
    run_later(&mut ws, |_| ());
    assert!(!ws.analysing(0));
    let mut inline = Workspace::default();
    inline.apply(Action::Paste(text.as_str().into()));
    let (got, want) = (ws.current_doc().unwrap(), inline.current_doc().unwrap());
    let spans = |d: &sorot::core::model::AnnotatedDocument| -> Vec<(String, usize, usize)> {
        d.annotations.iter().map(|a| (a.label.to_string(), a.start, a.end)).collect()
    };
    assert_eq!(spans(got), spans(want), "the whole analysis, as if there had been no preview");
    assert!(got.get(&first.id).is_some_and(|a| a.start == first.start), "the preview's ids kept");
    assert!(ws.history(0).unwrap().next_undo_msg().is_none(), "no undo step");

    // An annotation made before the preview answers: the preview is not
    // shown over it; nor is a preview for an older text.
    let mut ws = Workspace::default();
    ws.update(Action::Paste(text.as_str().into()));
    let jobs = ws.take_jobs();
    ws.update(Action::Edit { index: 0, edit: Edit::Add { label: "ORG".into(), start: 0, end: 7 } });
    answer(&mut ws, &jobs[0]);
    assert_eq!(ws.current_doc().unwrap().annotations.len(), 1);
    let mut ws = Workspace::default();
    ws.update(Action::Paste(text.as_str().into()));
    let jobs = ws.take_jobs();
    ws.update(Action::Paste(format!("{text}Selesai.").into()));
    answer(&mut ws, &jobs[0]);
    assert!(ws.current_doc().unwrap().annotations.is_empty());
}

#[test]
fn a_long_documents_answer_is_taken_a_part_at_a_time_with_the_same_result() {
    use sorot::core::model::{AnnotatedDocument, Document};
    use sorot::core::state::{LATER_FROM, NUMBER_PER_TASK};
    // Over LATER_FROM annotations: the answer is numbered a part at a time
    // and merged after (each a task of the page), still waited for between.
    let (text, mut ws, jobs) = pasted_quotes(12_000);
    // (Analysed once here: another test may install a tagger meanwhile.)
    let (nums, strings) = wire::encode(&sorot::core::recognize::analyze(&text, "id"));
    let spans = wire::decode(&nums, &strings, &text).unwrap();
    ws.update(Action::Analysed { job: jobs[0].id, lang: "id".into(), nums, strings });
    let tasks = run_later(&mut ws, |ws| {
        assert!(ws.analysing(0), "still analysing between the parts");
        assert!(ws.current_doc().unwrap().annotations.is_empty());
    });
    assert!(!ws.analysing(0));
    let doc = Document { name: PASTED_NAME.into(), lang: "id".into(), text: text.as_str().into() };
    let want = AnnotatedDocument::from_spans(doc, &spans);
    assert!(
        want.annotations.len() > NUMBER_PER_TASK.max(LATER_FROM),
        "numbered in two parts or more"
    );
    let parts = want.annotations.len().div_ceil(NUMBER_PER_TASK);
    assert_eq!(tasks, 1 + parts + 1 + 2, "prepared, numbered, made, merged, then in its place");
    assert_eq!(*ws.docs[0], want, "the same document as taking the answer at once");
    // A new text pasted between the parts: the older answer's later parts
    // change nothing.
    ws.update(Action::SetLang { index: 0, lang: Some("en".into()) });
    let jobs = ws.take_jobs();
    answer(&mut ws, &jobs[0]);
    let later = ws.take_later();
    assert_eq!(later.len(), 1);
    for a in later {
        ws.update(a);
    }
    ws.update(Action::Paste(TAKAICHI.into()));
    let pasted = ws.docs.clone();
    assert_eq!(run_later(&mut ws, |_| ()), 1, "the next part, which stops there");
    assert_eq!(ws.docs, pasted, "the later parts of an answer for an older text are ignored");
}

#[test]
fn an_edit_made_while_a_long_answer_is_merged_is_kept() {
    // The user adds an annotation between the task that merges a long
    // analysis with the document and the one that puts it in its place.
    let (text, mut ws, jobs) = pasted_quotes(5_000);
    answer(&mut ws, &jobs[0]);
    loop {
        let later = ws.take_later();
        assert_eq!(later.len(), 1);
        let last = matches!(later[0], Action::Merged { .. });
        if last {
            // "Kami" in the first quotation, as an organisation.
            let start = text.find("Kami").map(|b| text[..b].chars().count()).unwrap();
            let edit = Edit::Add { label: "ORG".into(), start, end: start + 4 };
            ws.update(Action::Edit { index: 0, edit });
        }
        for a in later {
            ws.update(a);
        }
        if last {
            break;
        }
    }
    assert!(!ws.analysing(0));
    let d = ws.current_doc().unwrap();
    let start = text.find("Kami").map(|b| text[..b].chars().count()).unwrap();
    let user: Vec<_> = d.annotations.iter().filter(|a| a.source == Source::User).collect();
    assert_eq!(user.len(), 1, "the user's annotation is kept");
    assert_eq!((user[0].label.as_str(), user[0].start), ("ORG", start));
    let auto = d.annotations.iter().filter(|a| a.source == Source::Auto).count();
    assert!(auto > sorot::core::state::LATER_FROM, "and the analysis: {auto}");
    assert!(ws.history(0).unwrap().next_undo().is_some(), "the edit is still undoable");
}

/// The chars offset of the `n`-th "Kami" in `text`.
fn nth_kami(text: &str, n: usize) -> usize {
    let b = text.match_indices("Kami").nth(n).map(|(b, _)| b).unwrap();
    text[..b].chars().count()
}

#[test]
fn a_long_documents_next_answer_is_merged_over_two_tasks_keeping_edits_made_between() {
    // A long document the user has annotated, analysed again: the merge
    // gives the analysis its ids in one task and finishes in the next
    // (each half of a 10 MB article's merge is a task of the page), then
    // takes the document's place. Edits made between the tasks are kept.
    for edit_before in ["Paired", "Merged", ""] {
        let (text, mut ws, jobs) = pasted_quotes(5_000);
        answer(&mut ws, &jobs[0]);
        run_later(&mut ws, |_| ());
        let name = {
            let b = text.match_indices("Sanae Takaichi").nth(1).map(|(b, _)| b).unwrap();
            text[..b].chars().count()
        };
        let takaichi = Edit::Add { label: "ORG".into(), start: name, end: name + 14 };
        let add = |n: usize| Edit::Add {
            label: "ORG".into(),
            start: nth_kami(&text, n),
            end: nth_kami(&text, n) + 4,
        };
        ws.update(Action::Edit { index: 0, edit: add(0) });
        ws.update(Action::SetLang { index: 0, lang: Some("en".into()) });
        let jobs = ws.take_jobs();
        let once = {
            let t = &jobs[0].doc.doc.text;
            let spans = sorot::core::recognize::analyze(t, "en");
            let fresh =
                sorot::core::model::AnnotatedDocument::from_spans(jobs[0].doc.doc.clone(), &spans);
            ws.docs[0].refreshed(fresh)
        };
        answer(&mut ws, &jobs[0]);
        let mut seen = Vec::new();
        loop {
            let later = ws.take_later();
            if later.is_empty() {
                break;
            }
            for a in later {
                let kind = match &a {
                    Action::Paired { .. } => "Paired",
                    Action::Merged { .. } => "Merged",
                    _ => "other",
                };
                if kind == edit_before {
                    // Over a name the analysis finds: its PERSON must stay away.
                    ws.update(Action::Edit { index: 0, edit: takaichi.clone() });
                }
                seen.push(kind);
                ws.update(a);
            }
        }
        assert!(!ws.analysing(0));
        let at = seen.iter().position(|&k| k == "Paired").expect("merged in two tasks");
        assert_eq!(&seen[at..], ["Paired", "Merged"], "{seen:?}");
        let d = ws.current_doc().unwrap();
        let user: Vec<_> =
            d.annotations.iter().filter(|a| a.source == Source::User).map(|a| a.start).collect();
        if edit_before.is_empty() {
            let diff = d.annotations.iter().zip(&once.annotations).position(|(a, b)| a != b);
            assert_eq!(
                (d.annotations.len(), diff.map(|k| (&d.annotations[k], &once.annotations[k]))),
                (once.annotations.len(), None),
                "the same annotations as merging at once"
            );
        } else {
            let mut want = vec![nth_kami(&text, 0), name];
            want.sort_unstable();
            assert_eq!(user, want, "edit before {edit_before}: both kept");
            let clash = d.annotations.iter().find(|a| {
                a.source == Source::Auto
                    && a.label != "QUOTE"
                    && a.start < name + 14
                    && name < a.end
            });
            assert_eq!(
                clash, None,
                "edit before {edit_before}: the analysis stays away from the user's"
            );
            let auto = d.annotations.iter().filter(|a| a.source == Source::Auto).count();
            assert!(auto > sorot::core::state::LATER_FROM, "and the analysis: {auto}");
        }
    }
}

#[test]
fn a_long_text_file_opens_after_its_batch_numbered_a_part_at_a_time() {
    let text = format!("{TAKAICHI} “Kami siap,” kata Takaichi.\n").repeat(8_000);
    let files: Vec<(&str, &[u8])> =
        vec![("panjang.txt", text.as_bytes()), ("pendek.txt", TAKAICHI.as_bytes())];
    // (Analysed once here: another test may install a tagger meanwhile,
    // and a second analysis would then read the text with it.)
    let _lock = model_lock();
    let opened = wire::open_files(&files);
    let whole = wire::decode_opened(opened[0].clone()).unwrap();
    let mut ws = Workspace::default();
    ws.update(Action::FilesOpened(opened));
    assert_eq!(ws.docs.len(), 1, "the short file opens at once");
    assert_eq!(ws.docs[0].doc.name, "pendek.txt");
    assert_eq!(ws.current, Some(0));
    let tasks = run_later(&mut ws, |ws| assert!(ws.busy() > 0, "still opening"));
    assert!(tasks >= 1);
    assert_eq!(ws.busy(), 0);
    assert_eq!(ws.docs.len(), 2);
    assert_eq!(ws.current, Some(1), "the first file of the batch is shown when it opens");
    assert!(whole.doc.annotations.len() > sorot::core::state::LATER_FROM);
    assert_eq!(*ws.docs[1], whole.doc, "the same document as opening it at once");
}

#[test]
fn work_done_while_waiting_is_kept_when_the_analysis_answers() {
    let mut ws = Workspace::default();
    ws.update(Action::Paste(TAKAICHI.into()));
    let jobs = ws.take_jobs();
    // The user marks "Jakarta" as an organisation before the answer comes.
    let start = TAKAICHI.chars().count() - "Jakarta pada Senin (1/12).".chars().count();
    ws.update(Action::Edit {
        index: 0,
        edit: Edit::Add { label: "ORG".into(), start, end: start + 7 },
    });
    answer(&mut ws, &jobs[0]);
    let d = ws.current_doc().unwrap();
    let jakarta: Vec<_> = d.annotations.iter().filter(|a| a.start == start).collect();
    assert_eq!(jakarta.len(), 1, "{:?}", d.annotations);
    assert_eq!((jakarta[0].label.as_str(), jakarta[0].source), ("ORG", Source::User));
    assert!(d.annotations.iter().any(|a| a.label == "PERSON"), "{:?}", d.annotations);
    assert!(ws.history(0).unwrap().next_undo().is_some(), "the user's edit is still undoable");
}

#[test]
fn typing_keeps_the_highlights_away_from_the_change_until_the_answer() {
    let mut ws = Workspace::default();
    ws.apply(Action::Paste(TAKAICHI.into()));
    let before = ws.current_doc().unwrap().annotations.clone();
    assert!(before.len() >= 3, "{before:?}");
    // A word typed in the middle, after "Takaichi".
    let at = TAKAICHI.find(" tiba").unwrap();
    let typed = format!("{} kemarin{}", &TAKAICHI[..at], &TAKAICHI[at..]);
    ws.update(Action::Paste(typed.as_str().into()));
    let interim = ws.current_doc().unwrap();
    let shown: Vec<(&str, &str)> =
        interim.annotations.iter().map(|a| (a.label.as_str(), interim.text_of(a))).collect();
    assert!(shown.contains(&("PERSON", "Sanae Takaichi")), "{shown:?}");
    assert!(shown.contains(&("LOC", "Jakarta")), "moved with the text after the change: {shown:?}");
    assert!(shown.contains(&("DATE", "Senin (1/12)")), "{shown:?}");
    let jobs = ws.take_jobs();
    answer(&mut ws, &jobs[0]);
    let mut inline = Workspace::default();
    inline.apply(Action::Paste(typed.into()));
    assert_eq!(without_ids(&ws.docs[0]), without_ids(&inline.docs[0]));
    // The annotations found again keep their ids: Takaichi's and the date's
    // before the change, and Jakarta's after it.
    let id_of = |d: &sorot::core::model::AnnotatedDocument, text: &str| {
        d.annotations.iter().find(|a| d.text_of(a) == text).map(|a| a.id.clone())
    };
    for name in ["Sanae Takaichi", "Jakarta", "Senin (1/12)"] {
        let old = before.iter().find(|a| {
            TAKAICHI.chars().skip(a.start).take(a.end - a.start).collect::<String>() == name
        });
        assert_eq!(id_of(&ws.docs[0], name), old.map(|a| a.id.clone()), "{name}");
    }
}

/// An annotation without its id: label, span, the span of its speaker,
/// value and title.
type NoId = (
    sorot::core::model::Label,
    usize,
    usize,
    Option<(usize, usize)>,
    Option<String>,
    Option<String>,
);

/// A document's annotations with each speaker link as the span it points
/// to, and no ids.
fn without_ids(d: &sorot::core::model::AnnotatedDocument) -> Vec<NoId> {
    d.annotations
        .iter()
        .map(|a| {
            let speaker = a.speaker.as_deref().and_then(|s| d.get(s)).map(|s| (s.start, s.end));
            (a.label.clone(), a.start, a.end, speaker, a.value.clone(), a.title.clone())
        })
        .collect()
}

#[test]
fn a_damaged_answer_or_a_failed_worker_is_reported_and_loses_nothing() {
    let mut ws = Workspace::default();
    ws.update(Action::Paste(TAKAICHI.into()));
    let job = ws.take_jobs().remove(0);
    ws.update(Action::Analysed {
        job: job.id,
        lang: "id".into(),
        nums: vec![0, 0, 999, 0, 0, 0, 0],
        strings: String::new(),
    });
    assert_eq!(ws.notices.len(), 1);
    assert!(ws.notices[0].message.contains("damaged"), "{}", ws.notices[0].message);
    assert_eq!(&*ws.current_doc().unwrap().doc.text, TAKAICHI);
    ws.update(Action::SetLang { index: 0, lang: Some("id".into()) });
    ws.update(Action::OpenFiles(vec![file("b.txt", b"Teks kedua.")]));
    assert_eq!(ws.busy(), 2);
    ws.update(Action::AnalysisFailed { reason: "no worker".into() });
    ws.update(Action::AnalysisFailed { reason: "no worker".into() });
    assert_eq!(ws.notices.len(), 2, "said once");
    assert!(ws.notices[1].message.contains("no worker"), "{}", ws.notices[1].message);
    assert_eq!(names(&ws), [PASTED_NAME], "what was open stays");
    assert_eq!(&*ws.current_doc().unwrap().doc.text, TAKAICHI);
    assert_eq!(ws.busy(), 0);
    // Files dropped later that the (again) failing worker could not read
    // are reported too.
    ws.update(Action::OpenFiles(vec![file("c.txt", b"Teks ketiga.")]));
    ws.update(Action::AnalysisFailed { reason: "no worker".into() });
    assert_eq!(ws.notices.len(), 3);
    assert_eq!(names(&ws), [PASTED_NAME]);
}

#[test]
fn a_document_saved_before_its_analysis_came_back_is_analysed_after_a_reload() {
    let mut ws = Workspace::default();
    ws.update(Action::Paste(TAKAICHI.into()));
    let saved = sorot::core::persist::save(&ws);
    let mut back = sorot::core::persist::load(&saved).unwrap();
    back.resume();
    let jobs = back.take_jobs();
    assert_eq!(jobs.len(), 1);
    answer(&mut back, &jobs[0]);
    assert!(back.docs[0].annotations.iter().any(|a| a.label == "PERSON"));
    // Restore does the same.
    let mut page = Workspace::default();
    page.update(Action::Restore(Box::new(sorot::core::persist::load(&saved).unwrap())));
    assert_eq!(page.take_jobs().len(), 1);
}

#[test]
fn files_are_read_by_the_worker_and_open_when_it_answers() {
    // (The files are analysed twice, here and by `inline` below.)
    let _lock = model_lock();
    let files = vec![
        file("a.txt", TAKAICHI.as_bytes()),
        file("gambar.png", b"\x89PNG"),
        file("b.md", b"# Judul\n\nRutte tiba di Den Haag."),
    ];
    let mut ws = Workspace::default();
    ws.update(Action::Paste("Teks lama.".into()));
    ws.take_jobs();
    ws.update(Action::OpenFiles(files.clone()));
    assert_eq!(names(&ws), [PASTED_NAME], "nothing opens before the answer");
    assert_eq!(ws.busy(), 2, "the paste's analysis and the batch");
    let batches = ws.take_file_jobs();
    assert_eq!(batches, vec![files.clone()]);
    let batch: Vec<(&str, &[u8])> =
        batches[0].iter().map(|f| (f.name.as_str(), f.bytes.as_slice())).collect();
    ws.update(Action::FilesOpened(wire::open_files(&batch)));
    assert_eq!(names(&ws), [PASTED_NAME, "a.txt", "b.md"]);
    assert_eq!(ws.current, Some(1), "the first file opened is shown");
    assert_eq!(ws.notices.len(), 1);
    assert!(ws.notices[0].message.contains("gambar.png"), "{}", ws.notices[0].message);
    let mut inline = Workspace::default();
    inline.apply(Action::OpenFiles(files));
    assert_eq!(ws.docs[1..], inline.docs[..], "as opened at once");
    assert_eq!(ws.docs[1].doc.lang, "id");
    assert!(ws.docs[1].annotations.iter().any(|a| a.label == "PERSON"));
}
