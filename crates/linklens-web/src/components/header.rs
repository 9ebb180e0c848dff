use linklens_explain::catalogue::page;
use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="site-header">
            <h1><span class="logo" aria-hidden="true">{"⌁"}</span>{" linklens"}</h1>
            <p class="tagline">{page::TAGLINE}</p>
            <p class="privacy" data-testid="privacy">
                {page::PRIVACY}
            </p>
        </header>
    }
}
