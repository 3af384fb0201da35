//! `Notices`: messages for the user (files that could not be opened, …).

use yew::prelude::*;

use crate::core::state::{Notice, NoticeKind};
use crate::ui::i18n::use_tr;

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
                        <button type="button" class="notice__dismiss" aria-label={tr.t("notice.dismiss")}
                            onclick={Callback::from(move |_| on_dismiss.emit(i))}>{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
