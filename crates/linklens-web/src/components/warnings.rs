use linklens::Warning;
use linklens_explain::render::labels;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub warnings: Vec<Warning>,
    /// Their words, in the same order.
    pub words: Vec<String>,
}

#[function_component(Warnings)]
pub fn warnings(props: &Props) -> Html {
    if props.warnings.is_empty() {
        return html! {};
    }
    html! {
        <section class="warnings" aria-label={labels::WARNINGS}>
            { for props.warnings.iter().zip(&props.words).map(|(w, words)| html! {
                <div class="warning" data-testid="warning" data-warning-id={w.id.as_str()}>
                    <p><strong>{labels::WARNING_PREFIX}{": "}</strong>{words}
                        {" "}<a href={crate::route::Route::Cause(w.id.as_str().into()).href()} data-testid="warning-page-link">{labels::MORE_ABOUT_THIS}</a>
                    </p>
                    if !w.evidence.is_empty() {
                        <ul class="evidence">
                            { for w.evidence.iter().map(|e| super::cause_card::evidence(e, None)) }
                        </ul>
                    }
                </div>
            }) }
        </section>
    }
}
