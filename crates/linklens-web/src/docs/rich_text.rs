use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
}

/// Catalogue and guide prose: `backticks` mark inline code.
#[function_component(RichText)]
pub fn rich_text(props: &Props) -> Html {
    html! {
        <>
            { for props.text.split('`').enumerate().map(|(i, part)| {
                if i % 2 == 1 { html! { <code>{part.to_string()}</code> } } else { html! { {part.to_string()} } }
            }) }
        </>
    }
}
