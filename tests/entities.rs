#![cfg(not(target_arch = "wasm32"))]
//! Entities: the gazetteer (places, organisations and titles in Indonesian
//! and English), titles exported beside PERSON mentions, the rule that
//! settles overlapping candidates, and the grouping of mentions into
//! entities.
//!
//! Recognizer fixtures are inline markup: `[[LABEL:text]]` marks an
//! expected entity or DATE span, and `[[PERSON^Perdana Menteri Jepang:Sanae
//! Takaichi]]` also expects the PERSON's title. [`check`] compares the
//! **whole** set of entity and DATE spans (quotations are the quotes
//! tests' business), so a fixture also says what must not be found.
//! Grouping fixtures ([`check_groups`]) build the document from the markup
//! alone, as a user's edits would, and list the expected entities.

mod common;

use sorot::core::entities::group;
use sorot::core::export::sorot_json::to_json;
use sorot::core::model::{AnnotatedDocument, Annotation, Document, Short, Source, Span};
use sorot::core::recognize::{analyze, annotate};

/// One expected or found span: byte range, label, text and title (speaker
/// and value stay `None`: they are not compared here).
type Got = common::Mark;

/// Asserts what every result must keep: the shared invariants (valid,
/// sorted, non-overlapping entity spans on character boundaries, titles
/// inside the text), and that a title ends before its PERSON starts.
fn assert_valid(text: &str, spans: &[Span]) {
    common::assert_span_invariants(text, spans);
    for s in spans {
        if let Some((_, b)) = s.title {
            assert!(b <= s.start, "title ending at {b} after the start of {s:?}");
        }
    }
}

/// Runs the recognizer on the markup's text in language `lang` and
/// compares every entity and DATE span, with titles, to the markup.
fn check(lang: &str, markup: &str) {
    let (text, expected) = common::parse(markup);
    let spans = analyze(&text, lang);
    assert_valid(&text, &spans);
    let mut got: Vec<Got> = spans
        .iter()
        .filter(|s| s.label != "QUOTE")
        .map(|s| Got {
            start: s.start,
            end: s.end,
            label: s.label.to_string(),
            text: text[s.start..s.end].to_string(),
            speaker: None,
            title: s.title.map(|(a, b)| text[a..b].to_string()),
            value: None,
        })
        .collect();
    got.sort();
    common::assert_same_marks(&text, &expected, &got);
}

/// A document made from the markup alone, annotations numbered `a1`, `a2`,
/// … in document order.
fn doc_of(markup: &str) -> AnnotatedDocument {
    let (text, spans) = common::parse(markup);
    let annotations = spans
        .iter()
        .enumerate()
        .map(|(n, g)| Annotation {
            id: format!("a{}", n + 1).into(),
            label: g.label.as_str().into(),
            start: text[..g.start].chars().count(),
            end: text[..g.end].chars().count(),
            source: Source::User,
            speaker: None,
            value: None,
            title: None,
        })
        .collect();
    AnnotatedDocument::new(
        Document { name: "t.txt".into(), lang: "id".into(), text: text.into() },
        annotations,
    )
}

/// Groups the markup's annotations and compares the entities, each written
/// as `"LABEL name: mention | mention"` in order of first mention.
fn check_groups(markup: &str, expected: &[&str]) {
    let doc = doc_of(markup);
    let got: Vec<String> = group(&doc)
        .iter()
        .enumerate()
        .map(|(n, e)| {
            assert_eq!(e.id, format!("e{}", n + 1));
            let texts: Vec<&str> = e
                .mentions
                .iter()
                .map(|id| doc.text_of(doc.get(id).expect("mention exists")))
                .collect();
            format!("{} {}: {}", e.label, e.name, texts.join(" | "))
        })
        .collect();
    assert_eq!(got, expected, "entities of {markup:?}");
}

// ------------------------------------------------------------- gazetteer

#[test]
fn countries_and_cities_in_both_languages() {
    check(
        "id",
        "Delegasi dari [[LOC:Selandia Baru]], [[LOC:Pantai Gading]] dan [[LOC:Korea Selatan]] \
         tiba di [[LOC:Nairobi]] sebelum terbang ke [[LOC:Ulan Bator]].",
    );
    check(
        "en",
        "Talks between [[LOC:Ivory Coast]] and [[LOC:New Zealand]] moved from [[LOC:Lagos]] \
         to [[LOC:Montevideo]].",
    );
}

#[test]
fn indonesian_provinces_and_cities() {
    check(
        "id",
        "Banjir melanda [[LOC:Kalimantan Selatan]] dan [[LOC:Sulawesi Tenggara]], juga \
         [[LOC:Tasikmalaya]] serta [[LOC:Papua Pegunungan]].",
    );
}

#[test]
fn organisations_by_name_and_acronym() {
    check(
        "id",
        "[[ORG:PBB]] dan [[ORG:Dana Moneter Internasional]] memuji [[ORG:ASEAN]], sedangkan \
         [[ORG:Uni Eropa]] menunggu [[ORG:Bank Dunia]].",
    );
    check(
        "en",
        "The [[ORG:United Nations]], the [[ORG:IMF]] and the [[ORG:World Health Organization]] \
         met [[ORG:NATO]] officials.",
    );
}

#[test]
fn place_words_events_and_lone_given_names() {
    // A lower-case place word is part of the Indonesian place name; a
    // generic one is not.
    check(
        "id",
        "Warga [[LOC:desa Kramas]] di [[LOC:kota Semarang]] mengungsi dari wilayah \
         [[LOC:Gaza]].",
    );
    // A building named after an organisation is a place; an event is
    // nothing.
    check("id", "Rapat di [[LOC:Gedung DPR]] membahas Perang Dunia dan Piala Suratin.");
    check("en", "She won the Nobel Prize before the Civil War.");
    // A known given name alone is a person; a function word in capitals
    // is not an organisation.
    check("en", "Then [[PERSON:Melanie]] left, OR so they say.");
}

// ---------------------------------------------------------------- titles

#[test]
fn titles_are_kept_beside_the_person() {
    check(
        "id",
        "Perdana Menteri [[LOC:Jepang]] [[PERSON^Perdana Menteri Jepang:Sanae Takaichi]] \
         bertemu Menteri Luar Negeri [[PERSON^Menteri Luar Negeri:Sugiono]] dan mantan \
         Presiden [[PERSON^mantan Presiden:Joko Widodo]].",
    );
    check(
        "en",
        "German Chancellor [[PERSON^German Chancellor:Friedrich Merz]] called \
         [[ORG:NATO]] Secretary General [[PERSON^NATO Secretary General:Mark Rutte]].",
    );
    check(
        "id",
        "Sekjen [[ORG:PBB]] [[PERSON^Sekjen PBB:Antonio Guterres]] dan Gubernur \
         [[LOC:Jawa Barat]] [[PERSON^Gubernur Jawa Barat:Dedi Mulyadi]] hadir.",
    );
    // A rank after a title and its unit is the title's.
    check(
        "id",
        "Kapolda Metro Jaya Irjen [[PERSON^Kapolda Metro Jaya Irjen:Karyoto]] mengatakan pelaku \
         sudah ditangkap.",
    );
    check(
        "id",
        "Kapolresta [[LOC:Malang]] Kota Kombes \
         [[PERSON^Kapolresta Malang Kota Kombes:Nanang Haryono]] \
         meninjau lokasi banjir.",
    );
    // Think tanks and watchdogs news quotes through their researchers.
    check(
        "id",
        "Direktur Eksekutif [[ORG:Indef]] [[PERSON^Direktur Eksekutif Indef:Tauhid Ahmad]] \
         menilai pertumbuhan melambat, sementara peneliti [[ORG:ICW]] \
         [[PERSON^peneliti ICW:Kurnia Ramadhana]] mengkritik putusan itu.",
    );
    // The number of a body or a unit keeps the title open.
    check(
        "id",
        "Ketua Komisi I [[ORG:DPR]] [[PERSON^Ketua Komisi I DPR:Utut Adianto]] mengatakan rapat \
         digelar.",
    );
    check(
        "id",
        "Danlantamal III [[LOC:Jakarta]] Laksma \
         [[PERSON^Danlantamal III Jakarta Laksma:Ariantyo Condrowibowo]] membuka latihan.",
    );
    check("id", "Wakil Presiden ke-13 [[PERSON^Wakil Presiden ke-13:Ma'ruf Amin]] hadir.");
    // Regional military commanders and their ranks.
    check(
        "id",
        "Pangdam Jaya Mayjen [[PERSON^Pangdam Jaya Mayjen:Rafael Granada Baay]] meninjau \
         lokasi, didampingi Danlanud Halim Perdanakusuma Marsma \
         [[PERSON^Danlanud Halim Perdanakusuma Marsma:Destianto Nugroho]].",
    );
    // A body whose name is known itself takes no person's name into it.
    check(
        "id",
        "Wakil Ketua [[ORG:Komisi III DPR]] [[PERSON^Wakil Ketua Komisi III DPR:Habiburokhman]] \
         menyoroti kasus itu.",
    );
    // English writes the place before the title, so a place word right
    // after one opens a two-word name.
    check(
        "en",
        "Rep. [[PERSON^Rep.:Alexandria Ocasio-Cortez]] and Rep. [[PERSON^Rep.:Virginia Foxx]] \
         voted against the bill.",
    );
    // A month name after a known given name is a family name.
    check(
        "en",
        "Former Prime Minister [[PERSON^Former Prime Minister:Theresa May]] met \
         [[PERSON:Brian May]] in [[DATE:May]].",
    );
    // Titles of local government.
    check(
        "en",
        "Councilwoman [[PERSON^Councilwoman:Diane Ruiz]] and Assemblyman \
         [[PERSON^Assemblyman:Tom Burke]] voted against the budget that night.",
    );
}

#[test]
fn titles_are_exported() {
    let doc = annotate(
        "t.txt",
        "Perdana Menteri Jepang Sanae Takaichi tiba di Jakarta pada Senin. Ia disambut \
         Presiden Prabowo Subianto.",
    );
    let json: serde_json::Value = serde_json::from_str(&to_json(&doc)).expect("JSON");
    let titled: Vec<(&str, &str)> = json["annotations"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| Some((a["text"].as_str()?, a.get("title")?.as_str()?)))
        .collect();
    assert_eq!(
        titled,
        [("Sanae Takaichi", "Perdana Menteri Jepang"), ("Prabowo Subianto", "Presiden")]
    );
}

// ------------------------------------------------------------ merge rule

#[test]
fn dates_win_over_names_and_gazetteer_phrases_over_heuristics() {
    // "Kamis" would start a capitalised run; the DATE pattern wins.
    check(
        "id",
        "[[DATE:Kamis (20/4/2017)]] [[PERSON:Budi Santoso]] tiba di [[LOC:Amerika Serikat]].",
    );
    // A known two-word place is one LOC, not a two-word PERSON.
    check("en", "Officials from [[LOC:Sri Lanka]] and [[LOC:Costa Rica]] spoke.");
}

// -------------------------------------------------------------- grouping

#[test]
fn a_person_and_the_parts_of_their_name() {
    check_groups(
        "[[PERSON:Sanae Takaichi]] tiba. Perdana Menteri [[PERSON:Takaichi]] berkata \
         [[PERSON:Sanae]] siap. [[PERSON:Prabowo]] menyambut [[PERSON:Takaichi]].",
        &[
            "PERSON Sanae Takaichi: Sanae Takaichi | Takaichi | Sanae | Takaichi",
            "PERSON Prabowo: Prabowo",
        ],
    );
    // A short mention first, the full name later.
    check_groups(
        "[[PERSON:Rutte]] tiba. [[PERSON:Mark Rutte]] berkata.",
        &["PERSON Mark Rutte: Rutte | Mark Rutte"],
    );
}

#[test]
fn a_one_word_name_with_an_age_is_someone_new() {
    // A vox pop: `Budi (45)` is a resident, not the spokesman Budi
    // Prasetyo; a later `Budi` is the resident.
    check_groups(
        "Juru bicara [[PERSON:Budi Prasetyo]] hadir. [[PERSON:Budi]] menjelaskan. Kata seorang \
         warga, [[PERSON:Budi]] (45). [[PERSON:Budi]] tinggal di sana.",
        &["PERSON Budi Prasetyo: Budi Prasetyo | Budi", "PERSON Budi: Budi | Budi"],
    );
}

#[test]
fn places_by_their_aliases_in_both_languages() {
    check_groups(
        "[[LOC:Amerika Serikat]] dan [[LOC:Jepang]]. [[LOC:AS]] menolak. The [[LOC:United \
         States]] and the [[LOC:US]] and [[LOC:U.S.]] agreed with [[LOC:Japan]].",
        &[
            "LOC Amerika Serikat: Amerika Serikat | AS | United States | US | U.S.",
            "LOC Jepang: Jepang | Japan",
        ],
    );
}

#[test]
fn organisations_by_short_name_acronym_and_country() {
    check_groups(
        "[[ORG:Kementerian Luar Negeri Jepang]] menulis. [[ORG:Kemlu Jepang]] dan \
         [[ORG:Kemlu]] menambahkan. [[ORG:PBB]] dan [[ORG:Perserikatan Bangsa-Bangsa]].",
        &[
            "ORG Kementerian Luar Negeri Jepang: Kementerian Luar Negeri Jepang | Kemlu Jepang \
             | Kemlu",
            "ORG Perserikatan Bangsa-Bangsa: PBB | Perserikatan Bangsa-Bangsa",
        ],
    );
}

#[test]
fn acronyms_defined_in_the_text() {
    check_groups(
        "Putusan [[ORG:Mahkamah Konstitusi]] ([[ORG:MK]]) final. [[ORG:MK]] menolak. \
         [[ORG:BRG]] ([[ORG:Badan Restorasi Gambut]]) bekerja. Lalu [[ORG:BRG]].",
        &[
            "ORG Mahkamah Konstitusi: Mahkamah Konstitusi | MK | MK",
            "ORG Badan Restorasi Gambut: BRG | Badan Restorasi Gambut | BRG",
        ],
    );
    // A no-break space (or several spaces) before the bracket; a bracket
    // right after the name; an emoji before it all.
    check_groups(
        // (None of these acronyms spells its name's initials: only the
        // bracket can join them.)
        "😀 [[ORG:Polisi Militer]]\u{a0}([[ORG:POM]]) datang; [[ORG:POM]] menolak. \
         [[ORG:Badan Reserse Kriminal]]  \u{a0}([[ORG:BARESKRIM]]). [[ORG:BARESKRIM]] dan \
         [[ORG:Komando Pasukan Khusus]](KOPASSUS) lalu [[ORG:KOPASSUS]].",
        &[
            "ORG Polisi Militer: Polisi Militer | POM | POM",
            "ORG Badan Reserse Kriminal: Badan Reserse Kriminal | BARESKRIM | BARESKRIM",
            "ORG Komando Pasukan Khusus: Komando Pasukan Khusus | KOPASSUS",
        ],
    );
    // Initials without a definition.
    check_groups(
        "[[ORG:Komisi Pengawas Persaingan Usaha]] memanggil [[ORG:Grab]]. [[ORG:KPPU]] \
         menunda.",
        &[
            "ORG Komisi Pengawas Persaingan Usaha: Komisi Pengawas Persaingan Usaha | KPPU",
            "ORG Grab: Grab",
        ],
    );
}

#[test]
fn labels_are_never_mixed_and_other_labels_are_not_grouped() {
    check_groups(
        "[[LOC:Jakarta]] dan [[ORG:Jakarta]] pada [[DATE:Senin]]; [[LOC:Jakarta Selatan]] dan \
         [[LOC:Jakarta]]; [[TOPIK:Jakarta]].",
        &[
            "LOC Jakarta: Jakarta | Jakarta",
            "ORG Jakarta: Jakarta",
            "LOC Jakarta Selatan: Jakarta Selatan",
        ],
    );
}

#[test]
fn grouping_follows_the_annotations_after_edits() {
    let mut doc = doc_of("[[PERSON:Sanae Takaichi]] dan [[PERSON:Takaichi]].");
    assert_eq!(group(&doc).len(), 1);
    doc.annotations.retain(|a| a.id != "a1");
    let groups = group(&doc);
    assert_eq!(groups.len(), 1);
    assert_eq!(
        (groups[0].name.as_str(), groups[0].mentions.as_slice()),
        ("Takaichi", &[Short::from("a2")][..])
    );
}

#[test]
fn every_person_org_and_loc_is_in_exactly_one_entity_of_a_recognized_text() {
    let text = "JAKARTA, KOMPAS.com — Presiden Prabowo Subianto menerima Perdana Menteri \
                Jepang Sanae Takaichi di Istana Merdeka, Jakarta. Kementerian Luar Negeri \
                Jepang menyebut kunjungan itu penting. Takaichi bertemu Sekjen PBB di New \
                York, Amerika Serikat. Prabowo lalu terbang ke AS.";
    let doc = annotate("a.txt", text);
    let entities = group(&doc);
    let mut seen: Vec<&str> =
        entities.iter().flat_map(|e| e.mentions.iter().map(|m| m.as_str())).collect();
    seen.sort_unstable();
    let mut want: Vec<&str> = doc
        .annotations
        .iter()
        .filter(|a| ["PERSON", "ORG", "LOC"].contains(&a.label.as_str()))
        .map(|a| a.id.as_str())
        .collect();
    want.sort_unstable();
    assert_eq!(seen, want);
    let names: Vec<(&str, usize)> =
        entities.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
    assert!(names.contains(&("Sanae Takaichi", 2)), "{names:?}");
    assert!(names.contains(&("Prabowo Subianto", 2)), "{names:?}");
    assert!(names.contains(&("Amerika Serikat", 2)), "{names:?}");
}

// ------------------------------------------------------------ robustness

#[test]
fn odd_input_keeps_spans_valid_and_groups_whole() {
    let odd: Vec<String> = vec![
        String::new(),
        "(".into(),
        "Mahkamah Konstitusi (".into(),
        "KPK ()".into(),
        "Perdana Menteri".into(),
        "Perdana Menteri Jepang".into(),
        "Presiden Presiden Presiden".into(),
        "AS AS AS U.S. U.S".into(),
        "Amerika Serikat Amerika Serikat Amerika".into(),
        "Kemlu (Kemlu) Kemlu (".into(),
        "😀 Perdana Menteri 🇯🇵 Sanae Takaichi (ST) 😀".into(),
        "İSTANBUL Köln Zürich São Paulo Côte d’Ivoire".into(),
        "Sekretaris Jenderal Perserikatan Bangsa-Bangsa António Guterres".into(),
        "Mr. Dr. Prof. H. Ir. Budi".into(),
        "Presiden Jokowi ".repeat(500),
        "Sanae Takaichi (ST) ".repeat(300),
    ];
    for text in &odd {
        for lang in ["id", "en", "xx"] {
            assert_valid(text, &analyze(text, lang));
        }
        let doc = annotate("o.txt", text);
        let entities = group(&doc);
        let grouped: usize = entities.iter().map(|e| e.mentions.len()).sum();
        let named = doc
            .annotations
            .iter()
            .filter(|a| ["PERSON", "ORG", "LOC"].contains(&a.label.as_str()))
            .count();
        assert_eq!(grouped, named, "{text:?}");
        assert!(entities.iter().all(|e| !e.mentions.is_empty()));
    }
}

/// A long document's entities are grouped a part at a time in the page
/// ([`Grouping`]): whatever the size of the parts, the last gives exactly
/// what [`group`] gives at once, and the document keeps it.
#[test]
fn grouping_a_part_at_a_time_gives_the_same_entities() {
    use sorot::core::entities::Grouping;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let mut texts = Vec::new();
    for lang in ["en", "id"] {
        for split in ["tuned", "heldout"] {
            let mut files: Vec<_> = std::fs::read_dir(dir.join(lang).join(split))
                .expect("fixtures")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            for f in files {
                let json: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&f).expect("read"))
                        .expect("json");
                // A document, or a list of them.
                let docs = json.as_array().cloned().unwrap_or_else(|| vec![json]);
                for d in docs {
                    texts.push((lang, d["text"].as_str().expect("text").to_string()));
                }
            }
        }
    }
    // Each language's articles as one long document too, and one with no
    // annotation at all.
    for lang in ["en", "id"] {
        let all: Vec<&str> =
            texts.iter().filter(|(l, _)| *l == lang).map(|(_, t)| t.as_str()).collect();
        texts.push((lang, all.join("\n\n")));
    }
    texts.push(("en", "nothing to see here".to_string()));
    let mut grouped = 0;
    for (lang, text) in &texts {
        let whole = group(&annotate(&format!("t.{lang}"), text));
        grouped += whole.len();
        for budget in [0, 1, 7, 100, 5000] {
            let doc = annotate(&format!("t.{lang}"), text);
            let mut g = Grouping::default();
            let mut steps = 0;
            while !doc.group_step(&mut g, budget) {
                steps += 1;
                assert!(steps <= 2 * doc.annotations.len() + 2, "the grouping ends");
            }
            assert!(doc.entities_known());
            assert_eq!(
                doc.entities(),
                &whole[..],
                "budget {budget}: {:?}",
                &text[..text.len().min(60)]
            );
        }
    }
    assert!(grouped > 1000, "the fixtures name {grouped} entities");
}

/// The entities are made from every mention at once, so a step that has
/// just grouped the last part leaves them to the next step unless its
/// budget covers them too (a long article's last part and its entities
/// were one long task in the page).
#[test]
fn the_entities_wait_for_a_step_of_their_own_when_the_last_part_used_the_budget() {
    use sorot::core::entities::Grouping;
    let text =
        "Sanae Takaichi met Mark Rutte in Tokyo. Takaichi said Rutte had come from The Hague.";
    let doc = annotate("t.en", text);
    let n = doc.annotations.len();
    let mentions = doc
        .annotations
        .iter()
        .filter(|a| matches!(a.label.as_str(), "PERSON" | "ORG" | "LOC"))
        .count();
    assert!(mentions >= 4, "{:?}", doc.annotations);
    // Enough to prepare and group every mention, not to make the entities.
    let mut g = Grouping::default();
    assert!(!doc.group_step(&mut g, n + mentions), "the entities wait");
    assert!(doc.group_step(&mut g, 1), "and come at the next step");
    assert_eq!(doc.entities(), &group(&annotate("t.en", text))[..]);
    // Enough for the entities too: one step.
    let doc = annotate("t.en", text);
    let mut g = Grouping::default();
    assert!(doc.group_step(&mut g, n + 2 * mentions), "one step");
}
