//! Label Studio tasks (JSON import format) for a labelling config with a
//! `Text` object named `text` and a `Labels` control named `label`:
//!
//! ```xml
//! <View>
//!   <Labels name="label" toName="text">
//!     <Label value="PERSON"/><Label value="ORG"/><Label value="LOC"/>
//!     <Label value="DATE"/><Label value="QUOTE"/>
//!   </Labels>
//!   <Relations><Relation value="speaker"/></Relations>
//!   <Text name="text" value="$text"/>
//! </View>
//! ```
//!
//! The file is a JSON array with one task per document:
//!
//! ```json
//! [{ "data": { "text": "…", "name": "article.txt" },
//!    "predictions": [{ "model_version": "sorot 0.1.0", "result": [
//!      { "id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
//!        "value": { "start": 0, "end": 14, "text": "Sanae Takaichi", "labels": ["PERSON"] } },
//!      { "type": "relation", "from_id": "a4", "to_id": "a1", "direction": "right", "labels": ["speaker"] }
//!    ] }] }]
//! ```
//!
//! `start`/`end` count code points (Label Studio stores code points since
//! its fix for emoji offsets). If every annotation came from the
//! recognizer the result is a **prediction** (to review); once the user
//! made or confirmed any, the whole set is an **annotation** instead.
//! A quote's speaker is a `relation` from the quote to its speaker.

use serde::Serialize;

use crate::core::model::{AnnotatedDocument, Source};

#[derive(Serialize)]
struct Task<'a> {
    data: Data<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    predictions: Vec<Prediction<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    annotations: Vec<Completion<'a>>,
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Prediction<'a> {
    model_version: &'static str,
    result: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Completion<'a> {
    result: Vec<Item<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Span {
        id: &'a str,
        from_name: &'static str,
        to_name: &'static str,
        #[serde(rename = "type")]
        ty: &'static str,
        value: Value<'a>,
    },
    Relation {
        #[serde(rename = "type")]
        ty: &'static str,
        from_id: &'a str,
        to_id: &'a str,
        direction: &'static str,
        labels: [&'static str; 1],
    },
}

#[derive(Serialize)]
struct Value<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [&'a str; 1],
}

fn task(doc: &AnnotatedDocument) -> Task<'_> {
    let mut result: Vec<Item> = doc
        .annotations
        .iter()
        .map(|a| Item::Span {
            id: &a.id,
            from_name: "label",
            to_name: "text",
            ty: "labels",
            value: Value { start: a.start, end: a.end, text: doc.text_of(a), labels: [&a.label] },
        })
        .collect();
    let ids = doc.by_id();
    for a in &doc.annotations {
        if let Some(s) = a.speaker.as_deref().filter(|s| ids.contains_key(s)) {
            result.push(Item::Relation {
                ty: "relation",
                from_id: &a.id,
                to_id: s,
                direction: "right",
                labels: ["speaker"],
            });
        }
    }
    let reviewed = doc.annotations.iter().any(|a| a.source == Source::User);
    let data = Data { text: &doc.doc.text, name: &doc.doc.name };
    if reviewed {
        Task { data, predictions: Vec::new(), annotations: vec![Completion { result }] }
    } else {
        Task {
            data,
            predictions: vec![Prediction { model_version: super::sorot_json::GENERATOR, result }],
            annotations: Vec::new(),
        }
    }
}

/// The tasks of the documents, pretty-printed, with a newline.
pub fn to_json(docs: &[&AnnotatedDocument]) -> String {
    let tasks: Vec<Task> = docs.iter().map(|d| task(d)).collect();
    let mut s = super::json::to_string(&tasks, true).expect("JSON serialises");
    s.push('\n');
    s
}
