//! A report as Markdown, for an issue or a pull-request comment.

use std::fmt::Write;

use linklens::Report;

use crate::format;

/// Inline code that survives backticks in the value.
fn code(s: &str) -> String {
    if s.contains('`') { format!("`` {s} ``") } else { format!("`{s}`") }
}

pub fn report(name: &str, r: &Report) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "### {}: **{}**\n", code(name), r.linkage.as_str());
    let _ = writeln!(md, "{}\n", r.summary);
    let _ = writeln!(md, "{}\n", r.headline);
    let d = &r.dynamic;
    if d.interpreter.is_some() || !d.needed.is_empty() {
        let _ = writeln!(md, "| | |\n|---|---|");
        if let Some(i) = &d.interpreter {
            let _ = writeln!(md, "| interpreter | {} |", code(i));
        }
        if !d.needed.is_empty() {
            let libs: Vec<String> = d.needed.iter().map(|l| code(l)).collect();
            let _ = writeln!(md, "| needs | {} |", libs.join(", "));
        }
        md.push('\n');
    }
    if !r.causes.is_empty() {
        let _ = writeln!(md, "**Causes**\n");
        for c in &r.causes {
            let mut what = String::new();
            if let Some(m) = &c.module {
                what = format!(" — module {}{}", code(m), c.version.as_deref().map(|v| format!(" {v}")).unwrap_or_default());
            } else if let Some(p) = &c.package {
                what = format!(" — package {}", code(p));
            }
            let linked = if c.makes_dynamic { "" } else { " (linked statically here)" };
            let _ = writeln!(md, "- **{}**: {}{what}{linked}", c.id.as_str(), c.title);
            for e in &c.evidence {
                let _ = writeln!(md, "  - {} {}", format::evidence_kind(e.kind), code(&e.value));
            }
        }
        md.push('\n');
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(md, "**Warnings**\n");
        for w in &r.warnings {
            let _ = writeln!(md, "- **{}**: {}", w.id, w.message);
        }
        md.push('\n');
    }
    if let Some((first, rest)) = r.fixes.split_first() {
        let _ = writeln!(md, "**Recommended: {}**\n\n```sh\n{}\n```\n", first.title, first.command);
        for c in &first.caveats {
            let _ = writeln!(md, "- {c}");
        }
        if !first.caveats.is_empty() {
            md.push('\n');
        }
        if !rest.is_empty() {
            let _ = writeln!(md, "Alternatives:\n");
            for f in rest {
                let _ = writeln!(md, "- {}: {}", f.title, code(&f.command));
            }
            md.push('\n');
        }
    }
    let _ = writeln!(md, "<sub>Analysed in the browser by linklens; nothing was uploaded.</sub>");
    md
}
