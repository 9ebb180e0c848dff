use linklens_explain::catalogue::page;
use linklens_explain::Report;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::compare::compare;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// (id, file name, report) of every analysed file.
    pub reports: Vec<(u32, AttrValue, Received<Report>)>,
}

/// Two results side by side — typically before and after a rebuild.
#[function_component(CompareView)]
pub fn compare_view(props: &Props) -> Html {
    let ids: Vec<u32> = props.reports.iter().map(|(id, _, _)| *id).collect();
    let before = use_state(|| None::<u32>);
    let after = use_state(|| None::<u32>);
    if props.reports.len() < 2 {
        return html! {};
    }
    // Default: the first two files, in the order they were dropped.
    let b = before.filter(|id| ids.contains(id)).unwrap_or(ids[0]);
    let a = after.filter(|id| ids.contains(id)).unwrap_or(ids[1]);
    let find = |id: u32| props.reports.iter().find(|(i, _, _)| *i == id).cloned();
    let (Some((_, bname, brep)), Some((_, aname, arep))) = (find(b), find(a)) else { return html! {} };
    let cmp = compare(&brep, &arep);
    let select = |state: UseStateHandle<Option<u32>>, current: u32, label: &'static str, testid: &'static str| {
        let onchange = Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            state.set(s.value().parse().ok());
        });
        html! {
            <label>{label}{" "}
                <select {onchange} data-testid={testid}>
                    { for props.reports.iter().map(|(id, name, _)| html! {
                        <option value={id.to_string()} selected={*id == current}>{name.clone()}</option>
                    }) }
                </select>
            </label>
        }
    };
    let column = |name: &AttrValue, r: &Report| html! {
        <div class="compare-col">
            <p class="compare-name"><code>{name.clone()}</code></p>
            <p class={classes!("verdict", "small", r.facts.linkage.as_str())}>{r.facts.linkage.as_str()}</p>
            <p>{ if r.facts.causes.is_empty() { page::NO_CGO_COMPONENT.to_string() } else { r.facts.causes.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ") } }</p>
            <p>{ if r.facts.dynamic.needed.is_empty() { page::NO_LIBRARIES.to_string() } else { r.facts.dynamic.needed.join(", ") } }</p>
        </div>
    };
    html! {
        <section class="compare" data-testid="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{linklens_explain::render::labels::COMPARE}</h2>
            <div class="compare-pick">{select(before.clone(), b, "Before", "compare-before")}{select(after.clone(), a, "After", "compare-after")}</div>
            <p class="compare-sentence" data-testid="compare-sentence">{cmp.sentence()}</p>
            <div class="compare-cols">{column(&bname, &brep)}{column(&aname, &arep)}</div>
        </section>
    }
}
