//! The Markdown printer: a report for an issue or a pull-request comment.

use std::fmt::Write;

use super::{fold_targets, labels, sections, Block, SectionId};
use crate::catalogue::sentences;
use crate::explanation::Report;

/// Inline code that survives backticks in the value.
fn code(s: &str) -> String {
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

/// A table cell: pipes escaped, so a reason cannot break the table.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// A fenced block whose fence is longer than any backtick run inside.
fn fenced(lang: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{lang}\n{body}\n{fence}\n")
}

/// The report of the file called `name` as Markdown, ending in a newline.
pub fn markdown(name: &str, r: &Report) -> String {
    let mut md = String::new();
    for section in sections(r) {
        let heading = match section.id {
            SectionId::Summary => None,
            SectionId::Loader => Some(labels::LOADER.to_string()),
            SectionId::Causes => Some(labels::CAUSES.to_string()),
            SectionId::Warnings => Some(labels::WARNINGS.to_string()),
            SectionId::Portability => Some(labels::WHERE_IT_RUNS.to_string()),
            SectionId::Fix => None,
            SectionId::Alternatives => Some(labels::ALTERNATIVES.to_string()),
            SectionId::Verify => Some(labels::VERIFY.to_string()),
        };
        if let Some(h) = heading {
            let _ = writeln!(md, "**{h}**\n");
        }
        let mut commands = Vec::new();
        for block in &section.blocks {
            if !matches!(block, Block::Command(_)) && !commands.is_empty() {
                md.push_str(&fenced("sh", &commands.join("\n")));
                md.push('\n');
                commands.clear();
            }
            let _ = match block {
                Block::Verdict {
                    linkage,
                    summary,
                    headline,
                } => {
                    writeln!(
                        md,
                        "### {}: **{}**\n\n{summary}\n\n{headline}\n",
                        code(name),
                        linkage.as_str()
                    )
                }
                Block::Field { label, value } => writeln!(md, "- {label}: {}", code(value)),
                Block::Entry {
                    label,
                    id,
                    title,
                    scope,
                    makes_dynamic,
                } => match section.id {
                    SectionId::Fix => {
                        writeln!(md, "**{label}: {title}** ({})\n", code(id.as_str()))
                    }
                    SectionId::Alternatives => writeln!(md, "- {title} ({})\n", code(id.as_str())),
                    _ => {
                        let detail = super::entry_detail(scope, *makes_dynamic)
                            .map(|d| format!(" — {d}"))
                            .unwrap_or_default();
                        writeln!(md, "- {} {}: {title}{detail}", label, code(id.as_str()))
                    }
                },
                Block::Sentence(s) | Block::Folded { text: s, .. } => writeln!(md, "  - {s}"),
                Block::Evidence { label, value } => writeln!(md, "  - {label} {}", code(value)),
                Block::Command(c) => {
                    commands.push(c.clone());
                    Ok(())
                }
                // As in the terminal: the page unfolds these.
                Block::Note { .. } | Block::Caveat(_) if section.id == SectionId::Alternatives => Ok(()),
                Block::Explain(_) => Ok(()),
                Block::Note { text, .. } => writeln!(md, "- {}: {text}", labels::NOTE),
                Block::Caveat(c) => writeln!(md, "- {c}"),
                Block::RunsOn(groups) => {
                    let parts: Vec<String> = groups
                        .iter()
                        .map(|(v, ids)| {
                            format!("{} {}", labels::verdict_mark(*v), fold_targets(ids))
                        })
                        .collect();
                    writeln!(
                        md,
                        "- {}: {}\n\n| {} | {} | {} |\n|---|---|---|",
                        labels::RUNS_ON,
                        parts.join(" · "),
                        labels::TARGET,
                        labels::VERDICT,
                        labels::REASON
                    )
                }
                Block::Target(t) => {
                    let error: String = t
                        .error
                        .iter()
                        .map(|e| {
                            format!(
                                "<br>{}: {}",
                                labels::ERROR_SEEN,
                                e.lines().map(code).collect::<Vec<_>>().join("<br>")
                            )
                        })
                        .collect();
                    let remedies: String = t
                        .remedies
                        .iter()
                        .map(|r| {
                            format!(
                                "<br>{}: {} ({})",
                                labels::REMEDY,
                                code(&r.command),
                                cell(&r.caveat)
                            )
                        })
                        .collect();
                    writeln!(
                        md,
                        "| {} | {} {} | {}{error}{remedies} |",
                        t.name,
                        labels::verdict_mark(t.verdict),
                        labels::verdict_word(t.verdict),
                        cell(&t.reason)
                    )
                }
            };
        }
        if !commands.is_empty() {
            md.push_str(&fenced("sh", &commands.join("\n")));
        }
        if !md.ends_with("\n\n") {
            md.push('\n');
        }
    }
    let _ = writeln!(md, "<sub>{}</sub>", sentences::EXPORT_FOOTER);
    md
}
