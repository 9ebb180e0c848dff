//! The terminal printer: what `linklens FILE` prints.

use std::fmt::Write;

use super::{fold_targets, labels, sections, Block, SectionId};
use crate::explanation::Report;
use linklens::{Linkage, TargetId, Verdict};

/// A set of targets (`--target debian-11,alpine`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TargetSet(u64);

impl TargetSet {
    /// The set with `id` added.
    pub fn with(self, id: TargetId) -> TargetSet {
        TargetSet(self.0 | 1 << (id as u32))
    }
    /// Whether `id` is in it.
    pub fn contains(self, id: TargetId) -> bool {
        self.0 & 1 << (id as u32) != 0
    }
    /// Whether it is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// How much of the target table the text shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TargetView {
    /// One line: the targets grouped by verdict.
    #[default]
    Compact,
    /// Every row, with its reason and error (`--targets`).
    All,
    /// The compact line, then these rows (`--target`).
    Only(TargetSet),
}

/// How the text looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// ANSI colours and bold (the CLI turns them off for pipes, `NO_COLOR`
    /// and `--no-color`).
    pub color: bool,
    /// Only the first line.
    pub quiet: bool,
    /// How much of the target table to show.
    pub targets: TargetView,
}

impl TextOptions {
    pub(super) fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn mark(&self, v: Verdict) -> String {
        let code = match v {
            Verdict::Runs => "32",
            Verdict::StartsBut => "33",
            Verdict::Fails => "31",
            Verdict::Maybe => "33",
        };
        self.paint(code, labels::verdict_mark(v))
    }
    fn verdict(&self, l: Linkage) -> String {
        self.paint(
            if l.is_static() { "1;32" } else { "1;31" },
            &l.as_str().to_uppercase(),
        )
    }
}

/// The report of the file called `name` as terminal text, ending in a newline.
pub fn text(name: &str, r: &Report, o: TextOptions) -> String {
    let mut out = String::new();
    for section in sections(r) {
        if o.quiet && section.id != SectionId::Summary {
            break;
        }
        match section.id {
            SectionId::Summary | SectionId::Causes | SectionId::Warnings => {}
            SectionId::Alternatives => {
                let _ = writeln!(out, "  {}:", labels::ALTERNATIVES.to_lowercase());
            }
            SectionId::Verify => {
                let _ = writeln!(out, "  {}:", labels::VERIFY.to_lowercase());
            }
            SectionId::Portability => {
                let _ = writeln!(out, "\n  {}:", labels::WHERE_IT_RUNS.to_lowercase());
            }
            SectionId::Loader | SectionId::Fix => out.push('\n'),
        }
        let indent = if section.id == SectionId::Alternatives {
            "      "
        } else {
            "    "
        };
        for block in &section.blocks {
            let _ = match block {
                Block::Verdict {
                    linkage,
                    summary,
                    headline,
                } => {
                    let _ = writeln!(out, "{name}: {summary}");
                    if o.quiet {
                        break;
                    }
                    writeln!(out, "  {} {headline}", o.verdict(*linkage))
                }
                Block::Field { label, value } if section.id == SectionId::Portability => {
                    writeln!(out, "    {label:<12} {value}")
                }
                Block::Field { label, value } => writeln!(out, "  {label:<12} {value}"),
                Block::Entry {
                    label,
                    id,
                    title,
                    scope,
                    makes_dynamic,
                } => match section.id {
                    SectionId::Causes => {
                        let detail = super::entry_detail(scope, *makes_dynamic)
                            .map(|d| format!("  ({d})"))
                            .unwrap_or_default();
                        writeln!(
                            out,
                            "\n  {} {title}{detail}",
                            o.bold(&format!("{label} {id}:"))
                        )
                    }
                    SectionId::Warnings => writeln!(
                        out,
                        "\n  {} {title}",
                        o.paint("1;33", &format!("{label} {id}:"))
                    ),
                    SectionId::Alternatives => writeln!(out, "    {title} [{id}]"),
                    _ => writeln!(
                        out,
                        "  {} {title}",
                        o.bold(&format!("{}:", label.to_lowercase()))
                    ),
                },
                Block::Sentence(s) | Block::Folded { text: s, .. } => writeln!(out, "    {s}"),
                Block::Evidence { label, value } => {
                    writeln!(out, "    {} {value}", o.dim(&format!("{label:<11}")))
                }
                Block::Command(c) if section.id == SectionId::Fix => {
                    writeln!(out, "{indent}$ {}", o.bold(c))
                }
                Block::Command(c) => writeln!(out, "{indent}$ {c}"),
                // An alternative's notes and trade-offs, and a cause at
                // length, are for the page; `linklens explain` prints them.
                Block::Note { .. } | Block::Caveat(_) if section.id == SectionId::Alternatives => Ok(()),
                Block::Explain(_) => Ok(()),
                Block::Note { text, .. } => writeln!(out, "    {}: {text}", labels::NOTE),
                Block::Caveat(c) => writeln!(out, "    - {c}"),
                Block::RunsOn(groups) if o.targets != TargetView::All => {
                    let parts: Vec<String> = groups
                        .iter()
                        .map(|(v, ids)| format!("{} {}", o.mark(*v), fold_targets(ids)))
                        .collect();
                    let _ = writeln!(out, "    {:<12} {}", labels::RUNS_ON, parts.join("  "));
                    match o.targets {
                        TargetView::Compact if groups.iter().any(|(v, _)| *v != Verdict::Runs) => {
                            writeln!(out, "    {:<12} {}", "", o.dim(labels::ALL_TARGETS_HINT))
                        }
                        _ => Ok(()),
                    }
                }
                Block::RunsOn(_) => Ok(()),
                Block::Target(t) => {
                    let shown = match o.targets {
                        TargetView::All => true,
                        TargetView::Only(set) => set.contains(t.id),
                        TargetView::Compact => false,
                    };
                    if shown {
                        let _ = writeln!(
                            out,
                            "    {} {:<24} {}",
                            o.mark(t.verdict),
                            t.id.as_str(),
                            t.reason
                        );
                        if let Some(e) = &t.error {
                            for (i, line) in e.lines().enumerate() {
                                let _ = writeln!(
                                    out,
                                    "      {:<24} {}",
                                    if i == 0 { labels::ERROR_SEEN } else { "" },
                                    o.dim(line)
                                );
                            }
                        }
                        for r in &t.remedies {
                            let _ = writeln!(out, "      {:<24} {}", labels::REMEDY, r.command);
                            let _ = writeln!(out, "      {:<24} {}", "", o.dim(&r.caveat));
                        }
                    }
                    Ok(())
                }
            };
        }
    }
    out
}
