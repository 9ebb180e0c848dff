//! linklens-explain: what a binary's facts mean, in words.
//!
//! [`explain`] takes the [`Facts`] `linklens::analyze` read from a file and
//! returns its [`Explanation`]: the summary and headline, each cause's title
//! and warning's message, the rebuild commands, and a verdict per target.
//! Every sentence comes from the [`catalogue`]; the [`render`] module prints
//! a report as text, Markdown or pipeline recipes through one model of
//! sections; [`share`] carries facts in a link. Pure and deterministic, like
//! the analysis: the same facts always give the same words.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod catalogue;
mod explanation;
mod fix;
pub mod guide;
pub mod render;
pub mod share;
mod summary;
mod targets;
#[cfg(test)]
mod test_support;

pub use explanation::{CauseWords, Explanation, Fix, GoBuild, Note, Report, TargetResult, WarningWords};
pub use targets::{glibc_of, oldest_with_glibc};
pub use linklens::{Facts, Verdict};

use linklens::Format;

/// What `facts` mean: the words, fixes and target verdicts, from the facts
/// alone.
pub fn explain(facts: &Facts) -> Explanation {
    let fixes = fixes(facts);
    let (targets, targets_note) = targets::judge(facts, &fixes);
    let causes = facts.causes.iter().map(|c| CauseWords { id: c.id, title: catalogue::cause(c.id).title.to_string() }).collect();
    let warnings = facts
        .warnings
        .iter()
        .map(|w| {
            let values: Vec<(&str, &str)> = w.values.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            WarningWords { id: w.id, message: catalogue::fill(catalogue::warning(w.id).message.unwrap_or_default(), &values) }
        })
        .collect();
    Explanation { summary: summary::line(facts), headline: summary::headline(facts), causes, warnings, fixes, targets, targets_note }
}

/// The rebuild recipes for a file with these facts, recommended first.
fn fixes(facts: &Facts) -> Vec<Fix> {
    // A packed file's headers are the packer's: nothing about the program
    // inside is known, so no command.
    if facts.warnings.iter().any(|w| w.id == linklens::WarningId::UpxPacked) {
        return Vec::new();
    }
    match facts.format {
        Format::Elf => match &facts.go {
            Some(go) => fix::for_go(facts, go),
            None => fix::for_non_go(facts),
        },
        Format::Pe => fix::for_pe(&facts.warnings, facts.go.as_ref(), facts.arch.goarch.as_deref()),
        Format::Macho => Vec::new(),
    }
}

/// Entry points for the fuzz targets (`fuzz/`). Not a stable API.
#[doc(hidden)]
pub mod fuzzing;
