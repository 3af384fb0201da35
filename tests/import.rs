#![cfg(not(target_arch = "wasm32"))]
//! Opening files: every input type, every encoding, and every way a file
//! can be wrong (each named, with its reason, while the others open).

mod common;

use common::Rng;
use std::path::PathBuf;

use sorot::core::export::{zip, Format};
use sorot::core::import::{self, FileError, MAX_FILE_BYTES};
use sorot::core::state::{Action, IncomingFile, NoticeKind, Workspace};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Opens one file and returns its single document's text and notes.
fn check(name: &str, bytes: &[u8]) -> (String, Vec<String>) {
    let mut got = import::read(name, bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.len(), 1, "{name}: one document");
    let o = got.remove(0);
    assert!(!o.doc.doc.text.is_empty());
    (o.doc.doc.text.to_string(), o.notes)
}

fn error(name: &str, bytes: &[u8]) -> String {
    let e = import::read(name, bytes).expect_err("should not open");
    let message = e.to_string();
    assert!(message.starts_with(&format!("“{name}” was not opened: ")), "{message}");
    message
}

#[test]
fn text_files_in_every_encoding() {
    assert_eq!(check("a.txt", b"\xEF\xBB\xBFhalo\r\ndunia\rlagi").0, "halo\r\ndunia\rlagi");
    let (t, notes) = check("utf16le.txt", &fixture("utf16le.txt"));
    assert_eq!(t, "Sanae Takaichi 😀\r\nberkata.");
    assert!(notes.is_empty());
    let be: Vec<u8> =
        [0xFE, 0xFF].into_iter().chain("hé 😀".encode_utf16().flat_map(u16::to_be_bytes)).collect();
    assert_eq!(check("b.txt", &be).0, "hé 😀");
    let (t, notes) = check("latin1.txt", &fixture("latin1.txt"));
    assert_eq!(t, "Café “naïve” — José di São Paulo.\r\n");
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("latin1.txt") && notes[0].contains("Windows-1252"), "{notes:?}");
}

#[test]
fn markdown_loses_its_markup() {
    let (t, _) = check("berita.md", &fixture("berita.md"));
    assert_eq!(
        t,
        "Takaichi Kunjungi Jakarta\n\nOleh Redaksi — Senin, 1 Desember 2025\n\n\
         Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin (1/12).\n\
         Ia disambut Presiden Prabowo Subianto di Istana Merdeka.\n\n\
         “Kami akan bekerja sama untuk kawasan Indo-Pasifik yang damai,” kata Takaichi.\n\n\
         energi\npertahanan_nasional\n\n\n\nFoto Takaichi Sumber: *arsip*.\n\n\n"
    );
}

#[test]
fn a_saved_news_page_gives_its_title_and_paragraphs() {
    let (t, _) = check("berita.html", &fixture("berita.html"));
    assert_eq!(
        t,
        "Takaichi Kunjungi Jakarta\n\n\
         Oleh Redaksi — Senin, 1 Desember 2025\n\n\
         Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin (1/12). Ia disambut Presiden Prabowo Subianto di Istana Merdeka.\n\n\
         “Kami akan bekerja sama untuk kawasan Indo-Pasifik yang damai,” kata Takaichi.\n\
         Kunjungan ini berlangsung dua hari & membahas energi dan pertahanan.\n\n\
         Harga “kopi” naik €5 <img src=x onerror=alert(1)> café."
    );
    // Without <article> or <h1>: the <title> comes first, the body after.
    let page = "<html><head><title>Judul &amp; Lain</title></head><body><nav>Menu</nav><p>Isi satu.</p><script>x()</script><p>Isi<br>dua.</p></body></html>";
    assert_eq!(check("p.htm", page.as_bytes()).0, "Judul & Lain\n\nIsi satu.\n\nIsi\ndua.");
    assert!(error("kosong.html", b"<html><body><script>only()</script></body></html>")
        .contains("no article text"));
}

#[test]
fn word_documents_give_their_paragraphs() {
    let (t, _) = check("berita.docx", &fixture("berita.docx"));
    assert_eq!(
        t,
        "Takaichi Kunjungi Jakarta\n\nPerdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin (1/12).\n\n\
         “Kami akan bekerja sama & damai,” kata Takaichi.\t<script>alert(1)</script>"
    );
    assert!(error("rusak.docx", b"PK\x03\x04 this is not really a zip archive at all")
        .contains("damaged"));
    assert!(error("teks.docx", b"just text").contains("not a Word"));
    let no_body = zip::write(&[("word/other.xml", b"<x/>")]);
    assert!(error("kosong.docx", &no_body).contains("word/document.xml"));
}

#[test]
fn a_zip_opens_every_file_in_it_and_reports_the_rest() {
    let got = import::read_files(&[("arsip.zip", &fixture("arsip.zip"))]);
    let ok: Vec<(String, String)> = got
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|o| (o.doc.doc.name.clone(), o.doc.doc.text.to_string()))
        .collect();
    assert_eq!(
        ok,
        [
            ("satu.txt".to_string(), "Ali pergi ke Jakarta pada 1 Desember 2025.\n".to_string()),
            ("dua.md".to_string(), "Dua\n\nBudi tinggal di Bandung.\n".to_string())
        ]
    );
    let errors: Vec<String> =
        got.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("“arsip.zip/gambar.png” was not opened: Sorot opens"),
        "{errors:?}"
    );

    let full = fixture("arsip.zip");
    assert!(error("potong.zip", &full[..full.len() / 2]).contains("damaged or incomplete"));
    assert!(error("palsu.zip", b"hello").contains("not a zip"));
    // A bomb: one entry that claims to be small but inflates past the limit.
    let big = vec![b'a'; MAX_FILE_BYTES + 10];
    let deflated = miniz_oxide::deflate::compress_to_vec(&big, 6);
    assert!(deflated.len() < 100_000);
    let mut bomb = zip::write(&[("bom.txt", &deflated)]);
    // Mark both headers as deflated (method 8 at offset 8 local, 10 central).
    bomb[8] = 8;
    let cd = bomb.windows(4).position(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
    bomb[cd + 10] = 8;
    let got = import::read_files(&[("bom.zip", &bomb)]);
    let message = got[0].as_ref().unwrap_err().to_string();
    assert!(message.contains("bom.zip/bom.txt") && message.contains("limit"), "{message}");
}

#[test]
fn annotation_files_reopen_with_their_annotations() {
    let doc = sorot::core::recognize::annotate(
        "berita.txt",
        "Sanae Takaichi tiba di Jakarta pada Senin (1/12).",
    );
    for f in [Format::Sorot, Format::W3c] {
        let out = f.write(&doc);
        let got = import::read(&out[0].name, &out[0].bytes).unwrap();
        assert_eq!(got[0].doc, doc, "{f:?}");
    }
    let brat = Format::Brat.write(&doc);
    let alone = import::read(&brat[1].name, &brat[1].bytes).unwrap_err().to_string();
    assert!(alone.contains("berita.txt") && alone.contains("together"), "{alone}");
    let zip = sorot::core::export::write_zip(Format::Brat, &[&doc]);
    let got = import::read("brat.zip", &zip).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].doc.annotations, doc.annotations);
}

#[test]
fn broken_and_unsupported_files_say_why() {
    let m = error("rusak.json", b"{\"format\": ");
    assert!(m.contains("not valid JSON (line 1, column 11)"), "{m}");
    let m = error("lain.json", b"{\"a\": 1}");
    assert!(m.contains("neither a Sorot annotations file nor W3C"), "{m}");
    let m = error("salah.sorot.json", br#"{"format":"sorot.annotations","version":9}"#);
    assert!(m.contains("version 9 is not supported"), "{m}");
    let m = error("biner.txt", b"\x00\x01\x02\x03PNG");
    assert!(m.contains("binary"), "{m}");
    let m = error("gambar.png", b"\x89PNG");
    assert!(m.contains(".txt") && m.contains(".docx") && m.contains(".zip"), "{m}");
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let m = error("besar.txt", &big);
    assert!(m.contains("20.0 MB, and the limit is 20 MB"), "{m}");
    assert_eq!(import::read("kosong.txt", b" \n").unwrap_err().error, FileError::Empty);
}

#[test]
fn the_workspace_opens_good_files_and_tells_about_the_rest() {
    let mut ws = Workspace::default();
    ws.apply(Action::Paste("Teks lama.".into()));
    let file = |name: &str, bytes: Vec<u8>| IncomingFile { name: name.into(), bytes };
    ws.apply(Action::OpenFiles(vec![
        file("latin1.txt", fixture("latin1.txt")),
        file("rusak.json", b"{".to_vec()),
        file("berita.html", fixture("berita.html")),
        file("arsip.zip", fixture("arsip.zip")),
    ]));
    let names: Vec<&str> = ws.docs.iter().map(|d| d.doc.name.as_str()).collect();
    assert_eq!(names, ["pasted-article", "latin1.txt", "berita.html", "satu.txt", "dua.md"]);
    assert_eq!(ws.current, Some(1));
    let kinds: Vec<(NoticeKind, bool)> =
        ws.notices.iter().map(|n| (n.kind, n.message.contains("latin1.txt"))).collect();
    assert_eq!(kinds[0], (NoticeKind::Info, true));
    assert_eq!(ws.notices.iter().filter(|n| n.kind == NoticeKind::Error).count(), 2);
    // The imported HTML was annotated by the recognizer.
    assert!(ws.docs[2].annotations.iter().any(|a| ws.docs[2].text_of(a) == "Jakarta"));
}

/// Every importer on random bytes and on damaged copies of every fixture
/// (bytes flipped, cut short, spliced): an error or a document, never a
/// panic, and every document's annotations lie inside its text.
#[test]
fn importers_survive_damaged_and_random_input() {
    let names =
        ["x.txt", "x.md", "x.html", "x.docx", "x.zip", "x.json", "x.w3c.json", "x.jsonl", "x.ann"];
    let doc = sorot::core::recognize::annotate("b.txt", "Sanae Takaichi tiba di Jakarta 😀.");
    let mut seeds: Vec<Vec<u8>> =
        ["berita.html", "berita.md", "berita.docx", "arsip.zip", "latin1.txt", "utf16le.txt"]
            .iter()
            .map(|n| fixture(n))
            .collect();
    for f in [Format::Sorot, Format::W3c, Format::Brat] {
        seeds.extend(f.write(&doc).into_iter().map(|o| o.bytes));
    }
    seeds.push(sorot::core::export::write_zip(Format::Brat, &[&doc]));
    let mut rng = Rng(0xdead_beef_1234_5678);
    let mut runs = 0;
    for round in 0..3000 {
        let mut bytes = if round % 4 == 0 {
            (0..rng.below(300)).map(|_| rng.next() as u8).collect()
        } else {
            seeds[rng.below(seeds.len())].clone()
        };
        for _ in 0..1 + rng.below(4) {
            if bytes.is_empty() {
                break;
            }
            match rng.below(3) {
                0 => {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
                1 => bytes.truncate(rng.below(bytes.len())),
                _ => {
                    let i = rng.below(bytes.len());
                    let b = *bytes.get(rng.below(bytes.len())).unwrap_or(&0);
                    bytes.insert(i, b);
                }
            }
        }
        let name = names[rng.below(names.len())];
        let pair = doc.doc.text.as_bytes();
        for result in import::read_files(&[(name, &bytes), ("x.txt", pair)]) {
            runs += 1;
            if let Ok(o) = result {
                let n = o.doc.doc.text.chars().count();
                assert!(o.doc.annotations.iter().all(|a| a.start < a.end && a.end <= n));
            }
        }
    }
    assert!(runs >= 3000);
}
