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

pub mod archive;
pub mod catalogue;
pub mod error;
mod explanation;
mod fix;
pub use fix::settings;
pub mod guide;
pub mod render;
pub mod share;
mod summary;
mod targets;
#[cfg(test)]
mod test_support;

pub use explanation::{Explanation, Fix, GoBuild, Note, Remedy, Report, TargetResult};
pub use linklens::{Facts, Verdict};
pub use targets::{glibc_of, oldest_with_glibc};

use linklens::Format;

/// What `facts` mean: the words, fixes and target verdicts, from the facts
/// alone.
pub fn explain(facts: &Facts) -> Explanation {
    let fixes = fixes(facts);
    let (targets, targets_note) = targets::judge(facts, &fixes);
    let resolver = targets::resolver(facts, targets_note.is_none());
    let warnings = facts.warnings.iter().map(warning_words).collect();
    Explanation {
        summary: summary::line(facts),
        headline: summary::headline(facts, fixes.iter().any(|f| f.expect != linklens::Linkage::Dynamic)),
        warnings,
        fixes,
        targets,
        targets_note,
        resolver,
    }
}

/// A warning's message, filled from its values; the values that are ids
/// (a damaged build info's part and problem) in the catalogue's words.
fn warning_words(w: &linklens::Warning) -> String {
    use catalogue::errors::{buildinfo_part, buildinfo_problem};
    use linklens::vocab::{BuildinfoPart, BuildinfoProblem};
    let value = w.value("value").unwrap_or_default();
    let worded: Vec<(&str, String)> = w
        .values
        .iter()
        .map(|(k, v)| {
            let damage = w.id == linklens::WarningId::BuildinfoDamaged;
            let words = match k.as_str() {
                "part" if damage => BuildinfoPart::parse(v).map(|p| buildinfo_part(p).to_string()),
                "problem" if damage => BuildinfoProblem::parse(v)
                    .map(|p| catalogue::fill(buildinfo_problem(p), &[("value", value)])),
                _ => None,
            };
            (k.as_str(), words.unwrap_or_else(|| v.clone()))
        })
        .collect();
    let values: Vec<(&str, &str)> = worded.iter().map(|(k, v)| (*k, v.as_str())).collect();
    catalogue::fill(
        catalogue::warning(w.id).message.unwrap_or_default(),
        &values,
    )
}

/// The rebuild recipes for a file with these facts, recommended first.
fn fixes(facts: &Facts) -> Vec<Fix> {
    // A packed file's headers are the packer's: nothing about the program
    // inside is known, so no command.
    if facts
        .warnings
        .iter()
        .any(|w| w.id == linklens::WarningId::UpxPacked)
    {
        return Vec::new();
    }
    match facts.format {
        Format::Elf => match &facts.go {
            Some(go) if facts.toolchain.language == Some(linklens::Language::Gccgo) => fix::for_gccgo(facts, go),
            Some(go) => fix::for_go(facts, go),
            None => fix::for_non_go(facts),
        },
        Format::Pe => fix::for_pe(
            &facts.warnings,
            facts.go.as_ref(),
            facts.arch.goarch.as_deref(),
        ),
        Format::Macho => Vec::new(),
    }
}

/// Entry points for the fuzz targets (`fuzz/`). Not a stable API.
#[doc(hidden)]
pub mod fuzzing;

/// A printed command, run: the fixtures' proofs (xtask and the tests).
/// Not a stable API.
#[doc(hidden)]
pub mod proof;

#[cfg(test)]
mod tests {
    use linklens::{Evidence, EvidenceKind, Format, Linkage, Warning, WarningId};

    use super::*;

    fn warning(id: WarningId, values: &[(&str, &str)]) -> Warning {
        let values = values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Warning {
            id,
            values,
            evidence: vec![Evidence::new(EvidenceKind::Offset, "0xe8")],
        }
    }

    #[test]
    fn a_warning_is_worded_from_its_values() {
        let mut f = Facts::new(Format::Elf, "x86-64".into(), Some("amd64"), 64, false, 100);
        f.warnings = vec![
            warning(
                WarningId::GoarchMismatch,
                &[("recorded", "arm64"), ("actual", "amd64")],
            ),
            warning(WarningId::Truncated, &[("have", "100"), ("want", "4096")]),
        ];
        let e = explain(&f);
        assert_eq!(
            e.warnings[0],
            "The build info says GOARCH=arm64, but the file is for amd64."
        );
        assert_eq!(e.warnings[1], "The file is 100 bytes long but its headers describe 4096: it was cut short, and parts of this report may be missing.");
        f.warnings = vec![warning(
            WarningId::BuildinfoDamaged,
            &[
                ("offset", "0x2000"),
                ("part", "module-info"),
                ("problem", "past-segment"),
                ("value", "99"),
            ],
        )];
        assert_eq!(explain(&f).warnings[0], "The Go build info at file offset 0x2000 could not be read: its module info length 99 runs past its segment.");
    }

    #[test]
    fn a_packed_file_gets_its_headline_and_no_command() {
        let mut f = Facts::new(Format::Elf, "x86-64".into(), Some("amd64"), 64, false, 100);
        f.linkage = Linkage::Dynamic;
        f.dynamic.needed = vec!["libc.so.6".into()];
        f.warnings = vec![warning(WarningId::UpxPacked, &[("offset", "0xe8")])];
        let e = explain(&f);
        assert!(e.headline.starts_with("Packed with UPX"), "{}", e.headline);
        assert!(
            e.warnings[0].contains("upx -d") && e.warnings[0].contains("0xe8"),
            "{}",
            e.warnings[0]
        );
        assert!(
            e.fixes.is_empty(),
            "nothing is known about the program inside"
        );
        f.warnings.clear();
        assert!(
            !explain(&f).fixes.is_empty(),
            "the same file unpacked gets a command"
        );
    }

    #[test]
    fn a_cause_no_recipe_reaches_is_said_in_the_headline() {
        let mut f = crate::test_support::fixture("cstdio-default-go1.26").facts;
        let e = explain(&f);
        assert!(!e.fixes.is_empty() && !e.headline.contains("No rebuild command"), "{}", e.headline);
        // The same program for a MIPS: no C toolchain for musl is known there.
        f.arch.goarch = Some("mips64le".into());
        if let Some(go) = f.go.as_mut() {
            go.build.goarch = Some("mips64le".into());
        }
        let e = explain(&f);
        assert!(e.fixes.iter().all(|x| x.expect != Linkage::Static), "{:?}", e.fixes.iter().map(|x| x.id).collect::<Vec<_>>());
        assert!(e.headline.starts_with("Dynamic because of") && e.headline.contains("No rebuild command is given for mips64le"), "{}", e.headline);
    }

    #[test]
    fn the_same_facts_give_the_same_words() {
        let f = crate::test_support::fixture("sqlite-default-go1.26");
        assert_eq!(explain(&f.facts), f.explanation);
        assert_eq!(f.explanation.warnings.len(), f.facts.warnings.len());
    }
}
