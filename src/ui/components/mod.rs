//! The app's components, one per file.

pub mod doc_tabs;
pub mod document_view;
pub mod edit_bar;
pub mod export_menu;
pub mod input_panel;
pub mod lang_select;
pub mod legend;
pub mod notices;
pub mod review_panel;
pub mod search_box;

/// The CSS modifier class of a label: `mark--person` for `PERSON`; labels
/// the stylesheet does not know share `mark--custom`.
pub fn label_class(label: &str) -> &'static str {
    match label {
        "PERSON" => "mark--person",
        "ORG" => "mark--org",
        "LOC" => "mark--loc",
        "DATE" => "mark--date",
        "QUOTE" => "mark--quote",
        _ => "mark--custom",
    }
}

/// The first `n` characters of `s`, with `…` if there were more.
pub fn excerpt(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}
