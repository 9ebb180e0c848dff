use linklens::catalogue::{self, TopicKind};
use yew::prelude::*;

use crate::route::Route;

/// Every page in the catalogue: causes, then warnings.
#[function_component(CausesIndex)]
pub fn causes_index() -> Html {
    let list = |kind: TopicKind| html! {
        <ul class="topics">
            { for catalogue::topics().iter().filter(|t| t.kind == kind).map(|t| html! {
                <li><a href={Route::Cause(t.id.into()).href()} data-testid="topic-link" data-topic-id={t.id}>{t.title}</a>
                    {" — "}{t.summary}</li>
            }) }
        </ul>
    };
    html! {
        <article class="doc" data-testid="causes-index" aria-labelledby="causes-title">
            <h2 id="causes-title">{"Why Go binaries end up dynamic"}</h2>
            <h3>{"Causes"}</h3>
            {list(TopicKind::Cause)}
            <h3>{"Warnings"}</h3>
            {list(TopicKind::Warning)}
        </article>
    }
}
