use linklens_explain::catalogue::page;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub code: crate::protocol::FailureId,
    pub message: AttrValue,
}

#[function_component(ErrorView)]
pub fn error_view(props: &Props) -> Html {
    html! {
        <div class="error" role="alert" data-testid="error" data-error-code={props.code.as_str()}>
            <strong>{page::CANNOT_ANALYSE}{" "}</strong>
            {props.message.clone()}
        </div>
    }
}
