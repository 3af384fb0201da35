//! `Notices`: messages for the user (files that could not be opened, …).

use yew::prelude::*;

use crate::core::state::{Notice, NoticeAction, NoticeKind};
use crate::ui::i18n::use_tr;
use crate::ui::{download, storage};

/// Properties of [`Notices`].
#[derive(Properties, Clone, PartialEq)]
pub struct NoticesProps {
    /// The notices, oldest first.
    pub notices: Vec<Notice>,
    /// Called with a notice's position when the user dismisses it.
    pub on_dismiss: Callback<usize>,
}

/// The list of notices, each with a dismiss button.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let tr = use_tr();
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <ul class="notices" role="alert" aria-live="assertive">
            { for props.notices.iter().enumerate().map(|(i, n)| {
                let on_dismiss = props.on_dismiss.clone();
                let kind = match n.kind { NoticeKind::Error => "notice--error", NoticeKind::Info => "notice--info" };
                html! {
                    <li class={classes!("notice", kind)} data-testid="notice">
                        <span class="notice__text">{ tr.notice(n) }</span>
                        { match n.action {
                            Some(NoticeAction::DownloadSetAside) => html! {
                                <button type="button" class="button notice__action" data-testid="notice-download"
                                    onclick={Callback::from(|_| download_set_aside())}>{ tr.t("notice.download-aside") }</button>
                            },
                            None => html! {},
                        } }
                        <button type="button" class="notice__dismiss" aria-label={tr.t("notice.dismiss")}
                            onclick={Callback::from(move |_| on_dismiss.emit(i))}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// Downloads the saved work that could not be read, as it was saved.
fn download_set_aside() {
    wasm_bindgen_futures::spawn_local(async {
        if let Some(text) = storage::set_aside().await {
            // The object URL lives as long as the page (one small download).
            if let Ok(d) = download::save("sorot-saved-work-unreadable.txt", "text/plain", &text) {
                std::mem::forget(d);
            }
        }
    });
}
