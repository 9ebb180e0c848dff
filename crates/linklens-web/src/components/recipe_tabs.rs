use linklens_explain::catalogue;
use linklens_explain::render::labels;
use linklens::RecipeKind;
use linklens_explain::{Fix, Report};
use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::protocol::Rendered;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
    /// Every fix's recipes, as the worker rendered them.
    pub rendered: Received<Rendered>,
    /// Which of the report's fixes.
    pub index: usize,
    /// Unique on the page: the tabs' element ids derive from it.
    pub id: AttrValue,
    /// The first fix's command keeps its test id (`fix-command`).
    #[prop_or_default]
    pub recommended: bool,
}

/// One fix as every recipe it has: the shell command first, then the
/// Dockerfile, GoReleaser, GitHub Actions and Makefile forms, as ARIA tabs
/// (arrow keys move between them), each panel with its copy button.
#[function_component(RecipeTabs)]
pub fn recipe_tabs(props: &Props) -> Html {
    let selected = use_state(|| RecipeKind::Shell);
    let Some(fix) = props.report.explanation.fixes.get(props.index) else { return html! {} };
    let Some(all) = props.rendered.recipes.get(props.index) else { return html! {} };
    let kinds: Vec<RecipeKind> = all.iter().map(|r| r.kind).collect();
    let tab_id = |k: RecipeKind| format!("{}-tab-{}", props.id, k.as_str());
    let panel_id = |k: RecipeKind| format!("{}-panel-{}", props.id, k.as_str());
    let onkeydown = {
        let selected = selected.clone();
        let kinds = kinds.clone();
        let id = props.id.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(at) = kinds.iter().position(|k| *k == *selected) else { return };
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % kinds.len(),
                "ArrowLeft" => (at + kinds.len() - 1) % kinds.len(),
                "Home" => 0,
                "End" => kinds.len() - 1,
                _ => return,
            };
            e.prevent_default();
            selected.set(kinds[next]);
            crate::dom::focus(&format!("{id}-tab-{}", kinds[next].as_str()));
        })
    };
    html! {
        <div class="recipes">
            if all.len() > 1 {
                <div class="recipe-tabs" role="tablist" aria-label={format!("{}: {}", labels::RECIPES, fix.title)} onkeydown={onkeydown}>
                    { for all.iter().map(|r| {
                        let k = r.kind;
                        let on = k == *selected;
                        let onclick = { let selected = selected.clone(); Callback::from(move |_| selected.set(k)) };
                        html! {
                            <button type="button" role="tab" id={tab_id(k)} aria-controls={panel_id(k)} aria-selected={on.to_string()}
                                tabindex={if on { "0" } else { "-1" }} data-testid="recipe-tab" data-recipe-kind={k.as_str()} {onclick}>
                                {catalogue::recipe(k).label}
                            </button>
                        }
                    }) }
                </div>
            }
            { for all.iter().map(|r| panel(props, fix, r.kind, &r.text, r.kind == *selected, &tab_id(r.kind), &panel_id(r.kind))) }
        </div>
    }
}

fn panel(props: &Props, fix: &Fix, kind: RecipeKind, text: &str, shown: bool, tab: &str, id: &str) -> Html {
    let words = catalogue::recipe(kind);
    // The shell tab shows the command alone; its checks are under "How to verify".
    let body = if kind == RecipeKind::Shell { fix.command.clone() } else { text.to_string() };
    let code_testid = (props.recommended && kind == RecipeKind::Shell).then_some("fix-command");
    let describe = format!("{} — {}", words.label, fix.title);
    html! {
        <div role="tabpanel" id={id.to_string()} aria-labelledby={tab.to_string()} hidden={!shown}
            data-testid="recipe" data-recipe-kind={kind.as_str()} class="recipe">
            if !words.file.is_empty() {
                <p class="recipe-how">{catalogue::fill(labels::RECIPE_FILE, &[("file", words.file)])}{" "}{words.how}</p>
            }
            <div class="command">
                <pre tabindex="0"><code data-testid={code_testid}>{body.clone()}</code></pre>
                <CopyButton text={body} describe={Some(AttrValue::from(describe))}
                    testid={if props.recommended && kind == RecipeKind::Shell { Some(AttrValue::from("copy-fix")) } else { None }} />
            </div>
        </div>
    }
}
