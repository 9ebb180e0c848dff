use linklens_explain::render::{entries, labels, sections, SectionId};
use linklens_explain::Report;
use yew::prelude::*;

use super::cause_card::cause_card;
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
    // The same sections the CLI and Markdown print, laid out by the panels;
    // made once per report.
    let all = (*use_memo(report.clone(), |r| Received::new(sections(r)))).clone();
    let causes = all.iter().find(|s| s.id == SectionId::Causes);
    html! {
        <>
            <Verdict sections={all.clone()} />
            if let Some(causes) = causes {
                <section class="causes" aria-label={labels::CAUSES}>
                    <h3>{ if report.facts.linkage.is_static() { labels::INSIDE } else { labels::WHY } }</h3>
                    { for entries(&causes.blocks).into_iter().map(|(entry, about)| cause_card(entry, about)) }
                </section>
            }
            <Warnings sections={all.clone()} />
            <FixPanel sections={all.clone()} report={report.clone()} rendered={props.rendered.clone()} result_id={props.result_id} />
            <Targets report={report.clone()} sections={all} />
            <Details report={report.clone()} />
            <ExportBar name={props.name.clone()} rendered={props.rendered.clone()} />
        </>
    }
}
