//! The one renderer: a [`Report`] becomes a list of [`Section`]s (what is
//! said, in which order, in whose words), and two printers format those
//! sections as terminal text ([`text`]) or Markdown ([`markdown`]). The CLI
//! and the page's export are thin callers; the page's components take their
//! labels from [`labels`]. A renderer formats; words come from the catalogue.

mod archive;
mod buildinfo;
mod details;
mod groups;
pub mod labels;
mod markdown;
pub mod recipe;
mod text;

pub use archive::{archive_text, counts, format_chain, image_title, member_name};
pub use buildinfo::go_version_m;
pub use details::{details, Details, Line};
pub use groups::{target_groups, TargetGroup};
pub use markdown::markdown;
pub use text::{text, TargetSet, TargetView, TextOptions};

use crate::catalogue;
use crate::explanation::{Explanation, Fix, Report, TargetResult};
use linklens::{
    Cause, CauseId, Evidence, FixId, Linkage, NoteId, Portability, TargetId, Verdict, WarningId,
};

/// The sections of a rendered report, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionId {
    /// The `file`-style line, the verdict and the headline.
    Summary,
    /// Interpreter, needed libraries, rpath and runpath.
    Loader,
    /// Each cause with its evidence.
    Causes,
    /// Each warning with its evidence.
    Warnings,
    /// The versions it needs and where it runs.
    Portability,
    /// The recommended rebuild command, its notes and trade-offs.
    Fix,
    /// The other fixes.
    Alternatives,
    /// How to check the rebuilt file.
    Verify,
}

/// One section: its id and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Which section.
    pub id: SectionId,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// The id of an entry: a cause's, a warning's or a fix's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryId {
    /// A cause.
    Cause(CauseId),
    /// A warning.
    Warning(WarningId),
    /// A fix.
    Fix(FixId),
}

impl EntryId {
    /// Its spelling, as in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryId::Cause(id) => id.as_str(),
            EntryId::Warning(id) => id.as_str(),
            EntryId::Fix(id) => id.as_str(),
        }
    }
}

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a section is made of. Printers decide only how each looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The verdict and the two sentences that open a report.
    Verdict {
        /// The verdict.
        linkage: Linkage,
        /// The `file`-style line.
        summary: String,
        /// Why the verdict is what it is.
        headline: String,
    },
    /// A labelled value (`interpreter  /lib64/ld-linux-x86-64.so.2`).
    Field {
        /// The label.
        label: &'static str,
        /// The value.
        value: String,
    },
    /// A cause, a warning or a fix: its id, title and scope. The blocks
    /// after it, up to the next entry, are about it ([`entries`]).
    Entry {
        /// `cause`, `warning`, `recommended`…
        label: &'static str,
        /// The id.
        id: EntryId,
        /// The catalogue's title or message.
        title: String,
        /// A cause's module or package ([`cause_scope`]).
        scope: Option<(&'static str, String)>,
        /// For a cause: whether it made the file dynamic.
        makes_dynamic: Option<bool>,
    },
    /// A catalogue sentence under an entry.
    Sentence(String),
    /// A sentence the page folds under its one-line summary; the terminal
    /// and Markdown print the sentence.
    Folded {
        /// The line shown folded.
        summary: &'static str,
        /// The sentence.
        text: String,
    },
    /// The catalogue at length on a cause: what happens, why, how to see it
    /// and where to read more. The page shows it folded; the terminal and
    /// Markdown leave it to `linklens explain` and the cause's page.
    Explain(&'static catalogue::Topic),
    /// A fact found in the file.
    Evidence {
        /// The column it is listed under ([`evidence`]).
        label: &'static str,
        /// The fact, in words where it is an absence or a number.
        value: String,
    },
    /// A shell command.
    Command(String),
    /// A note on how a command was derived.
    Note {
        /// Which remark.
        id: NoteId,
        /// Its words.
        text: String,
    },
    /// A trade-off.
    Caveat(String),
    /// The targets grouped by verdict, for one compact line.
    RunsOn(Vec<(Verdict, Vec<TargetId>)>),
    /// One target's verdict, reason and error.
    Target(TargetResult),
}

/// A piece of evidence as people read it: its column and its words. The
/// package is the cause's, for evidence that counts its functions.
pub fn evidence(e: &Evidence, package: Option<&str>) -> (&'static str, String) {
    let words = match catalogue::evidence::sentence(e.kind) {
        Some(s) => catalogue::fill(
            s,
            &[
                ("value", &e.value),
                ("package", package.unwrap_or_default()),
            ],
        ),
        None => e.value.clone(),
    };
    (catalogue::evidence::label(e.kind), words)
}

/// What an entry is about and what it did, for the line after its title:
/// `module github.com/mattn/go-sqlite3 v1.14.22 — linked statically here`.
pub fn entry_detail(
    scope: &Option<(&'static str, String)>,
    makes_dynamic: Option<bool>,
) -> Option<String> {
    let scope = scope
        .as_ref()
        .map(|(label, value)| format!("{label} {value}"));
    let effect = (makes_dynamic == Some(false)).then_some(labels::LINKED_STATICALLY);
    match (scope, effect) {
        (Some(s), Some(e)) => Some(format!("{s} — {e}")),
        (Some(s), None) => Some(s),
        (None, Some(e)) => Some(e.to_string()),
        (None, None) => None,
    }
}

/// What a cause is about: `("module", "github.com/mattn/go-sqlite3 v1.14.22")`
/// or `("package", "net")`.
pub fn cause_scope(c: &Cause) -> Option<(&'static str, String)> {
    match (&c.module, &c.package) {
        (Some(m), _) => Some((
            labels::MODULE,
            format!(
                "{m}{}",
                c.version
                    .as_deref()
                    .map(|v| format!(" {v}"))
                    .unwrap_or_default()
            ),
        )),
        (None, Some(p)) => Some((labels::PACKAGE, p.clone())),
        _ => None,
    }
}

/// The sections of a report, in the order every printer uses. Empty
/// sections are left out.
pub fn sections(report: &Report) -> Vec<Section> {
    let (r, e) = (&report.facts, &report.explanation);
    let mut out = vec![Section {
        id: SectionId::Summary,
        blocks: vec![Block::Verdict {
            linkage: r.linkage,
            summary: e.summary.clone(),
            headline: e.headline.clone(),
        }],
    }];

    let d = &r.dynamic;
    let mut loader = Vec::new();
    if let Some(i) = &d.interpreter {
        loader.push(Block::Field {
            label: labels::INTERPRETER,
            value: i.clone(),
        });
    }
    if !d.needed.is_empty() {
        loader.push(Block::Field {
            label: labels::NEEDS,
            value: d.needed.join(", "),
        });
    }
    for (label, v) in [(labels::RPATH, &d.rpath), (labels::RUNPATH, &d.runpath)] {
        if !v.is_empty() {
            loader.push(Block::Field {
                label,
                value: v.join(":"),
            });
        }
    }
    push(&mut out, SectionId::Loader, loader);

    let mut causes = Vec::new();
    for c in &r.causes {
        let topic = catalogue::cause(c.id);
        causes.push(Block::Entry {
            label: labels::CAUSE,
            id: EntryId::Cause(c.id),
            title: topic.title.to_string(),
            scope: cause_scope(c),
            makes_dynamic: Some(c.makes_dynamic),
        });
        causes.push(Block::Sentence(topic.summary.to_string()));
        causes.extend(
            c.evidence
                .iter()
                .map(|e| evidence_block(e, c.package.as_deref())),
        );
        causes.push(Block::Explain(topic));
    }
    push(&mut out, SectionId::Causes, causes);

    let mut warnings = Vec::new();
    for (w, message) in r.warnings.iter().zip(&e.warnings) {
        warnings.push(Block::Entry {
            label: labels::WARNING,
            id: EntryId::Warning(w.id),
            title: message.clone(),
            scope: None,
            makes_dynamic: None,
        });
        warnings.extend(w.evidence.iter().map(|e| evidence_block(e, None)));
    }
    push(&mut out, SectionId::Warnings, warnings);
    push(
        &mut out,
        SectionId::Portability,
        portability(&r.portability, e),
    );

    if let Some((first, rest)) = e.fixes.split_first() {
        push(&mut out, SectionId::Fix, fix_blocks(labels::RECOMMENDED, first));
        let alternatives = rest
            .iter()
            .flat_map(|f| fix_blocks(labels::ALTERNATIVES, f))
            .collect();
        push(&mut out, SectionId::Alternatives, alternatives);
        push(
            &mut out,
            SectionId::Verify,
            first
                .verify
                .iter()
                .map(|v| Block::Command(v.clone()))
                .collect(),
        );
    }
    out
}

/// The floors with the symbols that set them, the compact line, and a row
/// per target; or the sentence saying why there are no targets.
fn portability(p: &Portability, e: &Explanation) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(note) = &e.targets_note {
        out.push(Block::Sentence(note.clone()));
        return out;
    }
    let with_symbols = |prefix: &str, floor: &str, weak: bool| {
        let wanted = format!("{prefix}{floor}");
        let all: Vec<&str> = p
            .requires
            .iter()
            .filter(|r| r.version == wanted && (weak || !r.weak))
            .flat_map(|r| r.symbols.iter().map(String::as_str))
            .collect();
        let mut symbols: Vec<&str> = all.iter().copied().take(SYMBOLS_SHOWN).collect();
        if all.len() > SYMBOLS_SHOWN {
            symbols.push("…");
        }
        if symbols.is_empty() {
            floor.to_string()
        } else {
            format!("{floor} ({wanted}: {})", symbols.join(", "))
        }
    };
    if let Some(g) = &p.glibc_min {
        out.push(Block::Field {
            label: labels::GLIBC_FLOOR,
            value: with_symbols("GLIBC_", g, false),
        });
    }
    if let Some(g) = &p.glibc_min_weak {
        out.push(Block::Field {
            label: labels::GLIBC_FLOOR_WEAK,
            value: with_symbols("GLIBC_", g, true),
        });
    }
    if let Some(g) = &p.glibcxx_min {
        out.push(Block::Field {
            label: labels::LIBSTDCXX_FLOOR,
            value: with_symbols("GLIBCXX_", g, true),
        });
    }
    if p.musl {
        out.push(Block::Sentence(labels::MUSL_LOADER.to_string()));
    }
    if let Some(resolver) = &e.resolver {
        out.push(Block::Folded {
            summary: labels::RESOLVER_FILES,
            text: resolver.clone(),
        });
    }
    let groups: Vec<(Verdict, Vec<TargetId>)> = Verdict::ALL
        .iter()
        .map(|v| {
            (
                *v,
                e.targets
                    .iter()
                    .filter(|t| t.verdict == *v)
                    .map(|t| t.id)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect();
    if !groups.is_empty() {
        out.push(Block::RunsOn(groups));
    }
    out.extend(e.targets.iter().cloned().map(Block::Target));
    out
}

/// Symbols named after a floor; the JSON lists them all.
const SYMBOLS_SHOWN: usize = 4;

/// Target ids of one verdict, with runs of the same family folded:
/// `debian-10–12, ubuntu-18.04–20.04, scratch`.
pub fn fold_targets(ids: &[TargetId]) -> String {
    let release = |id: TargetId| {
        crate::targets::TARGETS
            .get(id as usize)
            .and_then(|t| t.release)
    };
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let mut j = i;
        if let Some(first) = release(ids[i]) {
            // Consecutive in the table and in the same family.
            while j + 1 < ids.len()
                && release(ids[j + 1]).is_some_and(|r| r.family == first.family)
                && (ids[j + 1] as usize) == (ids[j] as usize) + 1
            {
                j += 1;
            }
        }
        match (j > i, release(ids[j])) {
            (true, Some(last)) => parts.push(format!("{}–{}", ids[i].as_str(), last.release)),
            _ => parts.push(ids[i].as_str().to_string()),
        }
        i = j + 1;
    }
    parts.join(", ")
}

/// A fix: its entry, its command, how the command was derived and what it
/// costs. The terminal and Markdown print an alternative's title and
/// command only; the page unfolds the rest.
fn fix_blocks(label: &'static str, f: &Fix) -> Vec<Block> {
    let mut out = vec![
        Block::Entry {
            label,
            id: EntryId::Fix(f.id),
            title: f.title.clone(),
            scope: None,
            makes_dynamic: None,
        },
        Block::Command(f.command.clone()),
    ];
    out.extend(f.notes.iter().map(|n| Block::Note {
        id: n.id,
        text: n.text.clone(),
    }));
    out.extend(f.caveats.iter().map(|c| Block::Caveat(c.clone())));
    out
}

/// A section's blocks cut at each [`Block::Entry`]: the entry and the
/// blocks about it. Blocks before the first entry are left out.
pub fn entries(blocks: &[Block]) -> Vec<(&Block, &[Block])> {
    let starts: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Entry { .. }))
        .map(|(i, _)| i)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let end = starts.get(k + 1).copied().unwrap_or(blocks.len());
            (&blocks[i], blocks.get(i + 1..end).unwrap_or_default())
        })
        .collect()
}

fn evidence_block(e: &Evidence, package: Option<&str>) -> Block {
    let (label, value) = evidence(e, package);
    Block::Evidence { label, value }
}

fn push(out: &mut Vec<Section>, id: SectionId, blocks: Vec<Block>) {
    if !blocks.is_empty() {
        out.push(Section { id, blocks });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page lays its panels out from these blocks: each cause carries
    /// its summary, evidence and the catalogue at length, each fix its
    /// notes (with their ids) and trade-offs, alternatives included.
    #[test]
    fn entries_carry_what_the_panels_show() {
        let r = crate::test_support::fixture("sqlite-default-go1.26");
        let all = sections(&r);
        let causes = all.iter().find(|s| s.id == SectionId::Causes).unwrap();
        let cards = entries(&causes.blocks);
        assert_eq!(cards.len(), r.facts.causes.len());
        for ((entry, about), cause) in cards.iter().zip(&r.facts.causes) {
            let Block::Entry { id, scope, makes_dynamic, .. } = entry else { panic!("{entry:?}") };
            assert_eq!(*id, EntryId::Cause(cause.id));
            assert_eq!(*scope, cause_scope(cause));
            assert_eq!(*makes_dynamic, Some(cause.makes_dynamic));
            let evidence = about.iter().filter(|b| matches!(b, Block::Evidence { .. })).count();
            assert_eq!(evidence, cause.evidence.len());
            assert!(about.contains(&Block::Explain(catalogue::cause(cause.id))));
            assert!(!about.iter().any(|b| matches!(b, Block::Entry { .. })));
        }

        let fixes: Vec<(&Block, &[Block])> = [SectionId::Fix, SectionId::Alternatives]
            .iter()
            .filter_map(|id| all.iter().find(|s| s.id == *id))
            .flat_map(|s| entries(&s.blocks))
            .collect();
        assert_eq!(fixes.len(), r.explanation.fixes.len());
        assert!(fixes.len() > 1, "the fixture has alternatives");
        for ((entry, about), fix) in fixes.iter().zip(&r.explanation.fixes) {
            assert!(matches!(entry, Block::Entry { id: EntryId::Fix(id), .. } if *id == fix.id));
            let notes: Vec<_> = about
                .iter()
                .filter_map(|b| match b {
                    Block::Note { id, .. } => Some(*id),
                    _ => None,
                })
                .collect();
            assert_eq!(notes, fix.notes.iter().map(|n| n.id).collect::<Vec<_>>());
            let caveats = about.iter().filter(|b| matches!(b, Block::Caveat(_))).count();
            assert_eq!(caveats, fix.caveats.len());
        }
        // The terminal prints neither the catalogue at length nor an
        // alternative's trade-offs.
        let text = text("app", &r, TextOptions::default());
        let topic = catalogue::cause(r.facts.causes[0].id);
        assert!(!text.contains(topic.what_happens));
        if let Some(c) = r.explanation.fixes.get(1).and_then(|f| f.caveats.first()) {
            if !r.explanation.fixes[0].caveats.contains(c) {
                assert!(!text.contains(c.as_str()));
            }
        }
    }

    #[test]
    fn entries_cut_at_each_entry() {
        assert!(entries(&[]).is_empty());
        let lone = [Block::Sentence("before".into())];
        assert!(entries(&lone).is_empty());
        let entry = |n: &str| Block::Entry {
            label: "cause",
            id: EntryId::Fix(FixId::CgoOff),
            title: n.into(),
            scope: None,
            makes_dynamic: None,
        };
        let blocks = [
            Block::Sentence("before".into()),
            entry("a"),
            Block::Sentence("a1".into()),
            entry("b"),
            entry("c"),
            Block::Command("c1".into()),
        ];
        let cut = entries(&blocks);
        assert_eq!(cut.len(), 3);
        assert_eq!(cut[0].1, &blocks[2..3]);
        assert!(cut[1].1.is_empty());
        assert_eq!(cut[2].1, &blocks[5..]);
    }
}
