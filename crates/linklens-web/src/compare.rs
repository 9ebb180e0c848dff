//! Two reports side by side (before and after a rebuild): what changed.

use linklens::{CauseId, Linkage, Report};

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: Linkage,
    pub after: Linkage,
    pub causes_gone: Vec<CauseId>,
    pub causes_new: Vec<CauseId>,
    /// Still linked, but now statically (e.g. rebuilt with musl).
    pub causes_now_static: Vec<CauseId>,
    pub libraries_gone: Vec<String>,
    pub libraries_new: Vec<String>,
    pub interpreter_before: Option<String>,
    pub interpreter_after: Option<String>,
}

impl Comparison {
    /// One sentence for the top of the comparison.
    pub fn sentence(&self) -> String {
        let verdict = if self.before == self.after {
            format!("Still {}.", self.before.as_str())
        } else {
            format!("{} → {}.", self.before.as_str(), self.after.as_str())
        };
        let mut parts = vec![verdict];
        let ids = |v: &[CauseId]| v.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
        if !self.causes_gone.is_empty() {
            parts.push(format!("Gone: {}.", ids(&self.causes_gone)));
        }
        if !self.causes_now_static.is_empty() {
            parts.push(format!("Now linked statically: {}.", ids(&self.causes_now_static)));
        }
        if !self.causes_new.is_empty() {
            parts.push(format!("New: {}.", ids(&self.causes_new)));
        }
        if !self.libraries_gone.is_empty() {
            parts.push(format!("No longer needs {}.", self.libraries_gone.join(", ")));
        }
        if !self.libraries_new.is_empty() {
            parts.push(format!("Now needs {}.", self.libraries_new.join(", ")));
        }
        parts.join(" ")
    }
}

pub fn compare(before: &Report, after: &Report) -> Comparison {
    let ids = |r: &Report| {
        let mut v: Vec<CauseId> = r.causes.iter().map(|c| c.id).collect();
        v.sort();
        v.dedup();
        v
    };
    let (b, a) = (ids(before), ids(after));
    let dynamic_ids = |r: &Report| r.causes.iter().filter(|c| c.makes_dynamic).map(|c| c.id).collect::<Vec<_>>();
    let (bd, ad) = (dynamic_ids(before), dynamic_ids(after));
    Comparison {
        before: before.linkage,
        after: after.linkage,
        causes_gone: b.iter().copied().filter(|c| !a.contains(c)).collect(),
        causes_new: a.iter().copied().filter(|c| !b.contains(c)).collect(),
        causes_now_static: a.iter().copied().filter(|c| bd.contains(c) && !ad.contains(c)).collect(),
        libraries_gone: before.dynamic.needed.iter().filter(|l| !after.dynamic.needed.contains(l)).cloned().collect(),
        libraries_new: after.dynamic.needed.iter().filter(|l| !before.dynamic.needed.contains(l)).cloned().collect(),
        interpreter_before: before.dynamic.interpreter.clone(),
        interpreter_after: after.dynamic.interpreter.clone(),
    }
}
