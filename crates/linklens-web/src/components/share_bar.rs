use linklens_explain::catalogue::share as words;
use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::state::Share;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub share: Share,
    /// Ask for the link: the worker hashes the file first.
    pub on_share: Callback<()>,
}

/// "Share link": the worker computes the file's SHA-256 (only now, so the
/// analysis stays lazy) and encodes the report, then the link appears — an `<a>` whose `href` is
/// the report in the fragment, with a copy button.
#[function_component(ShareBar)]
pub fn share_bar(props: &Props) -> Html {
    let ask = {
        let cb = props.on_share.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let body = match &props.share {
        Share::None => html! {
            <button type="button" data-testid="make-share-link" onclick={ask}>{words::MAKE_LINK}</button>
        },
        Share::Hashing => html! { <p class="progress-line" data-testid="share-hashing">{words::HASHING}</p> },
        Share::Failed { message } => html! {
            <p class="error" role="alert" data-testid="share-error">{message}{" "}
                <button type="button" data-testid="make-share-link" onclick={ask}>{words::MAKE_LINK}</button></p>
        },
        Share::Ready { sha256, fragment } => {
            // The page's own address: on the page itself, or where the
            // embedded checker's files are.
            let link = crate::dom::asset(&format!("./{fragment}"));
            let absolute = crate::dom::absolute_url(&link);
            html! {
                <>
                    <p class="share-link">
                        <a href={link} data-testid="share-link" data-sha256={sha256.clone()} target="_blank" rel="noopener">{words::LINK_LABEL}</a>
                        {" "}
                        <CopyButton text={absolute} label={AttrValue::from(words::COPY_LINK)} testid={Some(AttrValue::from("copy-share-link"))} />
                    </p>
                    <p class="share-note">{words::LINK_NOTE}</p>
                </>
            }
        }
    };
    html! { <div class="share" role="group" aria-label={words::MAKE_LINK}>{body}</div> }
}
