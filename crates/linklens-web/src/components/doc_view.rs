use linklens_explain::catalogue::{fill, page};
use linklens_explain::render::labels;
use yew::prelude::*;

use crate::docs::DocPage;
use crate::hooks::{use_doc, Doc};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub page: DocPage,
    /// The guide question to scroll to (`#/guide/<id>`).
    pub focus: Option<AttrValue>,
}

/// A documentation page, as `cargo xtask` rendered it from the components
/// in `docs/`: fetched when first opened (same origin, our own markup) and
/// inserted as it is.
#[function_component(DocView)]
pub fn doc_view(props: &Props) -> Html {
    let doc = use_doc(props.page.file());
    let ready = matches!(doc, Doc::Ready(_));
    use_effect_with((props.focus.clone(), ready), |(focus, ready)| {
        if let (Some(id), true) = (focus, ready) {
            if let Some(el) = crate::dom::document().get_element_by_id(&format!("q-{id}")) {
                el.scroll_into_view();
            }
        }
    });
    match doc {
        Doc::Loading => html! { <p class="progress-line" data-testid="doc-loading">{page::DOC_LOADING}</p> },
        Doc::Ready(html) => Html::from_html_unchecked(html),
        Doc::Failed(reason) => html! {
            <article class="doc" data-testid="doc-error" role="alert">
                <h2>{labels::PAGE_UNAVAILABLE}</h2>
                <p>{fill(page::DOC_FAILED, &[("reason", &reason)])}{" "}<a href="#/">{labels::CHECK_A_BINARY}</a></p>
            </article>
        },
    }
}
