//! Shortening a report that does not fit a link: lists become counts, the
//! longest and least needed first, until it fits. What is left out is
//! recorded, so the receiver's banner can say so.

use super::{Omitted, Shared};
use crate::vocab::OmittedId;

/// What each step leaves out, in order.
pub(super) const LEVELS: &[&[OmittedId]] = &[
    &[OmittedId::Settings],
    &[OmittedId::Imports, OmittedId::Deps],
    // Only now: while the imports travel, these come back from them.
    &[OmittedId::RequiredSymbols],
    &[OmittedId::Evidence],
    &[OmittedId::BuildIds],
    &[OmittedId::Alternatives],
];

/// Evidence kept per cause or warning when evidence is shortened.
const EVIDENCE_KEPT: usize = 1;

/// Leave out the lists of one level.
pub(super) fn apply(shared: &mut Shared, level: &[OmittedId]) {
    let r = &mut shared.report;
    for &id in level {
        let count = match id {
            OmittedId::Imports => std::mem::take(&mut r.imports).len(),
            OmittedId::Deps => r.go.as_mut().map_or(0, |g| std::mem::take(&mut g.deps).len()),
            OmittedId::Settings => r.go.as_mut().map_or(0, |g| std::mem::take(&mut g.settings).len()),
            OmittedId::RequiredSymbols => r.portability.requires.iter_mut().map(|q| std::mem::take(&mut q.symbols).len()).sum(),
            OmittedId::Evidence => {
                let lists = r.causes.iter_mut().map(|c| &mut c.evidence).chain(r.warnings.iter_mut().map(|w| &mut w.evidence));
                let cut: usize = lists.map(|e| e.drain(e.len().min(EVIDENCE_KEPT)..).count()).sum();
                let functions: usize = r.go.iter_mut().flat_map(|g| g.cgo_packages.iter_mut()).map(|p| p.functions.drain(p.functions.len().min(1)..).count()).sum();
                cut + functions
            }
            OmittedId::BuildIds => [r.toolchain.gnu_build_id.take(), r.toolchain.go_build_id.take()].iter().flatten().count(),
            OmittedId::Alternatives => r.fixes.drain(r.fixes.len().min(1)..).count(),
        };
        if count > 0 {
            shared.omitted.push(Omitted { id, count: count as u64 });
        }
    }
}
