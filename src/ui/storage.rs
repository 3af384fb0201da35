//! The browser's storage: the autosaved workspace, the chosen theme and
//! the chosen interface language.
//!
//! The workspace is saved in `localStorage` under [`KEY`] in the core's
//! saved form ([`crate::core::persist`]) a moment after every change, and
//! at once when the page is hidden. If the saved text cannot be read on
//! load it is moved to [`DAMAGED_KEY`] (never deleted: it is the user's
//! work) and the page starts empty with a notice.

use crate::core::i18n::{self, Msg};
use crate::core::persist;
use crate::core::state::{Notice, NoticeKind, Workspace};

/// Where the workspace is saved.
pub const KEY: &str = "sorot.workspace";
/// Where a saved workspace that could not be read is kept.
pub const DAMAGED_KEY: &str = "sorot.workspace.damaged";
/// Where the chosen theme is kept (`light`, `dark`; absent: the system's).
pub const THEME_KEY: &str = "sorot.theme";
/// Where the chosen interface language is kept (a catalogue's code;
/// absent: the browser's language).
pub const UI_LANG_KEY: &str = "sorot.ui-lang";
/// Where the reader's place (the page's scroll position) is kept.
pub const PLACE_KEY: &str = "sorot.place";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The workspace saved by an earlier visit (empty if there is none), and a
/// notice if one could not be read.
pub fn restore() -> Workspace {
    let Some(s) = storage() else { return Workspace::default() };
    let Ok(Some(saved)) = s.get_item(KEY) else { return Workspace::default() };
    match persist::load(&saved) {
        Ok(ws) => ws,
        Err(e) => {
            let _ = s.set_item(DAMAGED_KEY, &saved);
            let _ = s.remove_item(KEY);
            let mut ws = Workspace::default();
            let msg = Msg::new("notice.restore-failed")
                .text("reason", e.to_string())
                .text("key", DAMAGED_KEY);
            ws.notices.push(Notice::keyed(NoticeKind::Error, msg));
            ws
        }
    }
}

/// Saves the workspace; the error says why it could not be (storage full
/// or turned off). Nothing saved before is changed by a failed save.
pub fn save(ws: &Workspace) -> Result<(), Msg> {
    let s = storage().ok_or_else(|| Msg::new("save.no-storage"))?;
    if ws.docs.is_empty() && ws.pasted.is_empty() && ws.labels == Default::default() {
        return s.remove_item(KEY).map_err(|_| Msg::new("save.unchangeable"));
    }
    let text = persist::save(ws);
    s.set_item(KEY, &text).map_err(|_| {
        // One decimal, rounded to nearest (ties to even) with integers:
        // float formatting costs several KB of wasm.
        let (tenths, rest) = (text.len() / 100_000, text.len() % 100_000);
        let tenths = tenths + usize::from(rest > 50_000 || (rest == 50_000 && tenths % 2 == 1));
        Msg::new("save.full").text("size", format!("{}.{}", tenths / 10, tenths % 10))
    })
}

/// Removes everything Sorot saved in this browser.
pub fn clear() {
    if let Some(s) = storage() {
        for key in [KEY, DAMAGED_KEY, THEME_KEY, UI_LANG_KEY, PLACE_KEY] {
            let _ = s.remove_item(key);
        }
    }
}

/// The chosen theme: `"light"`, `"dark"`, or `"system"`.
pub fn theme() -> String {
    storage()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
        .filter(|t| t == "light" || t == "dark")
        .unwrap_or_else(|| "system".into())
}

/// Chooses a theme (`"system"` follows the system setting) and applies it.
pub fn set_theme(theme: &str) {
    if let Some(s) = storage() {
        let _ = match theme {
            "light" | "dark" => s.set_item(THEME_KEY, theme),
            _ => s.remove_item(THEME_KEY),
        };
    }
    apply_theme(theme);
}

/// Sets `data-theme` on the root element (the stylesheet reads it).
pub fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match theme {
            "light" | "dark" => root.set_attribute("data-theme", theme),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

/// The interface language: the one chosen in the header, else the
/// browser's (`navigator.language`; English if Sorot has no catalogue for
/// it).
pub fn ui_lang() -> String {
    let chosen = storage().and_then(|s| s.get_item(UI_LANG_KEY).ok().flatten());
    match chosen.filter(|c| i18n::catalogues().iter().any(|k| k.code == c)) {
        Some(code) => code,
        None => {
            let tag = gloo::utils::window().navigator().language().unwrap_or_default();
            i18n::for_locale(&tag).to_string()
        }
    }
}

/// Chooses the interface language (kept for later visits) and applies it.
pub fn set_ui_lang(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(UI_LANG_KEY, code);
    }
    apply_ui_lang(code);
}

/// Sets `lang` on the root element and the page's title in that language.
pub fn apply_ui_lang(code: &str) {
    let cat = i18n::catalogue(code);
    let doc = gloo::utils::document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", cat.code);
    }
    doc.set_title(cat.get("app.page-title"));
}

/// Keeps the reader's place (the page's vertical scroll position) for the
/// next visit.
pub fn save_place() {
    let y = gloo::utils::window().scroll_y().unwrap_or(0.0).max(0.0) as u64;
    if let Some(s) = storage() {
        let _ = s.set_item(PLACE_KEY, &y.to_string());
    }
}

/// Scrolls back to the place kept by [`save_place`], if any.
pub fn restore_place() {
    let y = storage()
        .and_then(|s| s.get_item(PLACE_KEY).ok().flatten())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(y) = y {
        gloo::utils::window().scroll_to_with_x_and_y(0.0, y as f64);
    }
}
