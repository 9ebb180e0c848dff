use linklens_explain::render::labels;
use linklens_explain::Report;
use yew::prelude::*;

use super::cause_card::CauseCard;
use super::details::Details;
use super::export_bar::ExportBar;
use super::fix_panel::FixPanel;
use super::targets::Targets;
use super::verdict::Verdict;
use super::warnings::Warnings;
use crate::protocol::Rendered;
use crate::state::Received;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Received<Report>,
    /// Its recipes and exports, rendered by the worker.
    pub rendered: Received<Rendered>,
    /// Unique on the page: the fix panel's element ids derive from it.
    pub result_id: u32,
    pub name: AttrValue,
}

/// One binary's result — verdict, causes, warnings, the fix, where it
/// runs, details and export — for a dropped file or an archive's member.
#[function_component(ReportView)]
pub fn report_view(props: &Props) -> Html {
    let report = &props.report;
    html! {
        <>
            <Verdict report={report.clone()} />
            if !report.facts.causes.is_empty() {
                <section class="causes" aria-label={labels::CAUSES}>
                    <h3>{ if report.facts.linkage.is_static() { labels::INSIDE } else { labels::WHY } }</h3>
                    { for report.facts.causes.iter().map(|c| html! { <CauseCard cause={c.clone()} /> }) }
                </section>
            }
            <Warnings warnings={report.facts.warnings.clone()} words={report.explanation.warnings.clone()} />
            <FixPanel report={report.clone()} rendered={props.rendered.clone()} result_id={props.result_id} />
            <Targets report={report.clone()} />
            <Details report={report.clone()} />
            <ExportBar name={props.name.clone()} rendered={props.rendered.clone()} />
        </>
    }
}
