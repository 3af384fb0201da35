//! `DocumentView`: the article text with its highlights.
//!
//! Every highlight is a `<mark>` with `data-label`, `data-start` and
//! `data-end` (code points), `data-id`, and for a QUOTE with a speaker
//! `data-speaker` (the speaker annotation's id) and `data-speaker-name`
//! (shown by CSS after the quote, so it never enters the text content).
//! Text is always inserted as text nodes, never as HTML.

use std::rc::Rc;

use yew::prelude::*;

use super::label_class;
use crate::core::layout::{layout, Node};
use crate::core::model::AnnotatedDocument;

/// Properties of [`DocumentView`].
#[derive(Properties, Clone)]
pub struct DocumentViewProps {
    /// The document to show.
    pub doc: Rc<AnnotatedDocument>,
}

impl PartialEq for DocumentViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
    }
}

/// The annotated text of one document.
#[function_component(DocumentView)]
pub fn document_view(props: &DocumentViewProps) -> Html {
    let doc = &props.doc;
    let nodes = layout(doc);
    html! {
        <article class="document-view" data-testid="document-view" lang={doc.doc.lang.clone()}
            aria-label={format!("Annotated text of {}", doc.doc.name)}>
            { render(doc, &nodes) }
        </article>
    }
}

fn render(doc: &AnnotatedDocument, nodes: &[Node]) -> Html {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text { start, end } => Html::from(&doc.doc.text[*start..*end]),
            Node::Mark { ann, part, children } => {
                let a = &doc.annotations[*ann];
                let speaker = a.speaker.as_deref().and_then(|id| doc.get(id));
                let speaker_name = speaker.map(|s| doc.text_of(s).to_string());
                let title = match &speaker_name {
                    Some(name) => format!("{} — said by {name}", a.label),
                    None => a.label.clone(),
                };
                html! {
                    <mark class={classes!("mark", label_class(&a.label), a.label.eq("QUOTE").then_some("mark--block"))}
                        data-label={a.label.clone()}
                        data-start={a.start.to_string()}
                        data-end={a.end.to_string()}
                        data-id={a.id.clone()}
                        data-part={part.then_some("true")}
                        data-speaker={a.speaker.clone()}
                        data-speaker-name={speaker_name}
                        title={title}>
                        { render(doc, children) }
                    </mark>
                }
            }
        })
        .collect()
}
