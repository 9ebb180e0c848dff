//! What a link carries: the report without what the receiver derives again
//! exactly — the catalogue's words (cause titles, fix titles, trade-offs
//! and verify steps), the target verdicts, the summary and headline — so
//! a typical report fits a link. `into_shared` fills them in again with
//! the same functions `analyze` uses; the tests check that a whole report
//! comes back field for field.

use serde::{Deserialize, Serialize};

use super::{Omitted, Shared};
use crate::catalogue;
use crate::report::{Fix, Report};

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Slim {
    pub name: String,
    pub size: u64,
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
    /// The symbols behind each version floor were left out: they are the
    /// imports bound to that version, found again from the imports.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub symbols_from_imports: bool,
    /// The fixes were left out: `analyze`'s own decision gives them again
    /// from the facts (checked when the link was made).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fixes_from_facts: bool,
    pub report: Report,
}

impl From<&Shared> for Slim {
    fn from(s: &Shared) -> Slim {
        let mut r = s.report.clone();
        let fixes_from_facts = crate::analyze::fixes_of(&r) == r.fixes;
        if fixes_from_facts {
            r.fixes.clear();
        }
        r.summary.clear();
        r.headline.clear();
        r.portability.targets.clear();
        r.portability.note = None;
        for c in &mut r.causes {
            c.title.clear();
        }
        for f in &mut r.fixes {
            f.title.clear();
            f.caveats.clear();
            // A Go fix's command and verify steps follow from its build;
            // other fixes keep theirs.
            if f.build.is_some() {
                f.verify.clear();
                f.command.clear();
            }
        }
        let symbols_from_imports = !r.imports.is_empty();
        if symbols_from_imports {
            for q in &mut r.portability.requires {
                q.symbols.clear();
            }
        }
        Slim { name: s.name.clone(), size: s.size, sha256: s.sha256.clone(), omitted: s.omitted.clone(), symbols_from_imports, fixes_from_facts, report: r }
    }
}

impl Slim {
    /// The shared report with every derivable field filled in again.
    pub fn into_shared(self) -> Shared {
        let mut r = self.report;
        if self.fixes_from_facts {
            r.fixes = crate::analyze::fixes_of(&r);
        }
        let causes: Vec<_> = r.causes.iter().map(|c| c.id).collect();
        for c in &mut r.causes {
            c.title = catalogue::cause(c.id).title.to_string();
        }
        if !self.fixes_from_facts {
            for f in &mut r.fixes {
                refill(f, &causes);
            }
        }
        if self.symbols_from_imports {
            for q in &mut r.portability.requires {
                q.symbols = crate::portability::bound_to(&r.imports, &q.library, &q.version);
            }
        }
        crate::analyze::rejudge(&mut r);
        Shared { name: self.name, size: self.size, sha256: self.sha256, omitted: self.omitted, report: r }
    }
}

/// A fix's catalogue words and, for a Go fix, its command and verify
/// steps, as `fix::fix` wrote them.
fn refill(f: &mut Fix, causes: &[crate::report::CauseId]) {
    crate::fix::words(f, causes);
    if let Some(b) = &f.build {
        f.command = b.command();
        f.verify = crate::fix::verify(f.id, &b.output, f.expect);
    }
}
