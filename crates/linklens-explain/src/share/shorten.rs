//! Shortening facts that do not fit a link: lists become counts, the
//! longest and least needed first, until it fits. What is left out is
//! recorded, so the receiver's banner can say so.

use linklens::vocab::OmittedId;
use linklens::{Facts, FixId, Linkage, ReasonId, TargetId, Verdict};

use super::Omitted;

/// What each step leaves out, in order.
pub(super) const LEVELS: &[&[OmittedId]] = &[
    &[OmittedId::Settings],
    &[OmittedId::Imports, OmittedId::Deps],
    // Only now: while the imports travel, these come back from them.
    &[OmittedId::RequiredSymbols],
    &[OmittedId::Evidence],
    &[OmittedId::BuildIds],
];

/// What the receiver's view leads with: a shortening must leave it as the
/// whole facts explain it.
#[derive(PartialEq)]
pub(super) struct Leads {
    linkage: Linkage,
    headline: String,
    fixes: Vec<(FixId, String)>,
    targets: Vec<(TargetId, Verdict, ReasonId)>,
}

impl Leads {
    pub(super) fn of(facts: &Facts) -> Leads {
        let e = crate::explain(facts);
        Leads {
            linkage: facts.linkage,
            headline: e.headline,
            fixes: e.fixes.into_iter().map(|f| (f.id, f.command)).collect(),
            targets: e.targets.into_iter().map(|t| (t.id, t.verdict, t.reason_id)).collect(),
        }
    }
}

/// Evidence kept per cause or warning when evidence is shortened.
const EVIDENCE_KEPT: usize = 1;

/// Leave out the lists of one level.
pub(super) fn apply(r: &mut Facts, omitted: &mut Vec<Omitted>, level: &[OmittedId]) {
    for &id in level {
        let count = match id {
            OmittedId::Imports => std::mem::take(&mut r.imports).len(),
            // The modules a cause names stay: a command reads their replace.
            OmittedId::Deps => {
                let named: Vec<String> = r.causes.iter().filter_map(|c| c.module.clone()).collect();
                r.go.as_mut().map_or(0, |g| {
                    let before = g.deps.len();
                    g.deps.retain(|m| named.contains(&m.path));
                    before - g.deps.len()
                })
            }
            // The settings a command reads stay: the rest are typed or derived.
            OmittedId::Settings => r.go.as_mut().map_or(0, |g| {
                let before = g.settings.len();
                g.settings.retain(|s| !s.value.is_empty() && crate::fix::command::READ_FROM_SETTINGS.contains(&s.key.as_str()));
                before - g.settings.len()
            }),
            OmittedId::RequiredSymbols => r.portability.requires.iter_mut().map(|q| std::mem::take(&mut q.symbols).len()).sum(),
            OmittedId::Evidence => {
                let lists = r.causes.iter_mut().map(|c| &mut c.evidence).chain(r.warnings.iter_mut().map(|w| &mut w.evidence));
                let cut: usize = lists.map(|e| e.drain(e.len().min(EVIDENCE_KEPT)..).count()).sum();
                let functions: usize = r.go.iter_mut().flat_map(|g| g.cgo_packages.iter_mut()).map(|p| p.functions.drain(p.functions.len().min(1)..).count()).sum();
                cut + functions
            }
            OmittedId::BuildIds => [r.toolchain.gnu_build_id.take(), r.toolchain.go_build_id.take()].iter().flatten().count(),
        };
        if count > 0 {
            omitted.push(Omitted { id, count: count as u64 });
        }
    }
}
