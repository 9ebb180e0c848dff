//! Two reports side by side (before and after a rebuild): what changed.

use linklens_explain::catalogue::{fill, page};
use linklens::{CauseId, Linkage};
use linklens_explain::Report;

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
    /// The glibc floor (`portability.glibc_min`) of each.
    pub glibc_before: Option<String>,
    pub glibc_after: Option<String>,
    /// How many targets each runs on.
    pub runs_before: usize,
    pub runs_after: usize,
}

impl Comparison {
    /// One sentence for the top of the comparison.
    pub fn sentence(&self) -> String {
        let mut parts = vec![if self.before == self.after {
            fill(page::COMPARE_SAME, &[("verdict", self.before.as_str())])
        } else {
            fill(page::COMPARE_CHANGED, &[("before", self.before.as_str()), ("after", self.after.as_str())])
        }];
        let ids = |v: &[CauseId]| v.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ");
        for (template, list) in [(page::COMPARE_GONE, &self.causes_gone), (page::COMPARE_NOW_STATIC, &self.causes_now_static), (page::COMPARE_NEW, &self.causes_new)] {
            if !list.is_empty() {
                parts.push(fill(template, &[("ids", &ids(list))]));
            }
        }
        for (template, list) in [(page::COMPARE_LIBS_GONE, &self.libraries_gone), (page::COMPARE_LIBS_NEW, &self.libraries_new)] {
            if !list.is_empty() {
                parts.push(fill(template, &[("libs", &list.join(", "))]));
            }
        }
        if self.interpreter_before != self.interpreter_after {
            let name = |i: &Option<String>| i.clone().unwrap_or_else(|| linklens_explain::render::labels::NONE.to_string());
            parts.push(fill(page::COMPARE_INTERPRETER, &[("before", &name(&self.interpreter_before)), ("after", &name(&self.interpreter_after))]));
        }
        let none = || linklens_explain::render::labels::NONE.to_string();
        if self.glibc_before != self.glibc_after {
            let (b, a) = (self.glibc_before.clone().unwrap_or_else(none), self.glibc_after.clone().unwrap_or_else(none));
            parts.push(fill(page::COMPARE_GLIBC, &[("before", &b), ("after", &a)]));
        }
        if self.runs_before != self.runs_after {
            let (b, a) = (self.runs_before.to_string(), self.runs_after.to_string());
            parts.push(fill(page::COMPARE_TARGETS, &[("before", &b), ("after", &a)]));
        }
        parts.join(" ")
    }
}

pub fn compare(before: &Report, after: &Report) -> Comparison {
    let ids = |r: &Report| {
        let mut v: Vec<CauseId> = r.facts.causes.iter().map(|c| c.id).collect();
        v.sort();
        v.dedup();
        v
    };
    let (b, a) = (ids(before), ids(after));
    let dynamic_ids = |r: &Report| r.facts.causes.iter().filter(|c| c.makes_dynamic).map(|c| c.id).collect::<Vec<_>>();
    let (bd, ad) = (dynamic_ids(before), dynamic_ids(after));
    Comparison {
        before: before.facts.linkage,
        after: after.facts.linkage,
        causes_gone: b.iter().copied().filter(|c| !a.contains(c)).collect(),
        causes_new: a.iter().copied().filter(|c| !b.contains(c)).collect(),
        causes_now_static: a.iter().copied().filter(|c| bd.contains(c) && !ad.contains(c)).collect(),
        libraries_gone: before.facts.dynamic.needed.iter().filter(|l| !after.facts.dynamic.needed.contains(l)).cloned().collect(),
        libraries_new: after.facts.dynamic.needed.iter().filter(|l| !before.facts.dynamic.needed.contains(l)).cloned().collect(),
        interpreter_before: before.facts.dynamic.interpreter.clone(),
        interpreter_after: after.facts.dynamic.interpreter.clone(),
        glibc_before: before.facts.portability.glibc_min.clone(),
        glibc_after: after.facts.portability.glibc_min.clone(),
        runs_before: runs(before),
        runs_after: runs(after),
    }
}

fn runs(r: &Report) -> usize {
    r.explanation.targets.iter().filter(|t| t.verdict == linklens::Verdict::Runs).count()
}
