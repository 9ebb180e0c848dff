use linklens_explain::catalogue::{self, TopicKind};
use linklens_explain::render::labels;
use yew::prelude::*;

use crate::route::Route;

/// Every page in the catalogue: causes, then warnings.
#[function_component(CausesIndex)]
pub fn causes_index() -> Html {
    let list = |kind: TopicKind| html! {
        <ul class="topics">
            { for catalogue::topics().filter(|t| t.id.kind() == kind).map(|t| html! {
                <li><a href={Route::Cause(t.id.as_str().into()).href()} data-testid="topic-link" data-topic-id={t.id.as_str()}>{t.title}</a>
                    {" — "}{t.summary}</li>
            }) }
        </ul>
    };
    html! {
        <article class="doc" data-testid="causes-index" aria-labelledby="causes-title">
            <h2 id="causes-title">{catalogue::page::CAUSES_TITLE}</h2>
            <h3>{labels::CAUSES}</h3>
            {list(TopicKind::Cause)}
            <h3>{labels::WARNINGS}</h3>
            {list(TopicKind::Warning)}
        </article>
    }
}
