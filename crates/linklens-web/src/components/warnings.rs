use linklens::Warning;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub warnings: Vec<Warning>,
}

#[function_component(Warnings)]
pub fn warnings(props: &Props) -> Html {
    if props.warnings.is_empty() {
        return html! {};
    }
    html! {
        <section class="warnings" aria-label="Warnings">
            { for props.warnings.iter().map(|w| html! {
                <div class="warning" data-testid="warning" data-warning-id={w.id.clone()}>
                    <p><strong>{"Warning: "}</strong>{&w.message}
                        if linklens::catalogue::topic(&w.id).is_some() {
                            {" "}<a href={crate::route::Route::Cause(w.id.clone()).href()}>{"More about this"}</a>
                        }
                    </p>
                    if !w.evidence.is_empty() {
                        <ul class="evidence">
                            { for w.evidence.iter().map(|e| html! { <li><code>{&e.value}</code></li> }) }
                        </ul>
                    }
                </div>
            }) }
        </section>
    }
}
