//! Human-readable output: a `file`-style first line, the headline, the
//! causes with their evidence, warnings, then the recommended command and
//! the alternatives. All words come from the `Report` and its catalogue.

use std::io::{self, IsTerminal, Write};

use linklens::catalogue;
use linklens::{Linkage, Report};

#[derive(Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect() -> Style {
        let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Style { color }
    }
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn verdict(&self, l: Linkage, s: &str) -> String {
        self.paint(if l.is_static() { "1;32" } else { "1;31" }, s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

pub fn report(out: &mut impl Write, path: &str, r: &Report, quiet: bool, st: Style) -> io::Result<()> {
    writeln!(out, "{path}: {}", r.summary)?;
    if quiet {
        return Ok(());
    }
    writeln!(out, "  {} {}", st.verdict(r.linkage, &r.linkage.as_str().to_uppercase()), r.headline)?;

    let d = &r.dynamic;
    if d.interpreter.is_some() || !d.needed.is_empty() {
        writeln!(out)?;
        if let Some(i) = &d.interpreter {
            writeln!(out, "  interpreter  {i}")?;
        }
        if !d.needed.is_empty() {
            writeln!(out, "  needs        {}", d.needed.join(", "))?;
        }
        for (label, v) in [("rpath", &d.rpath), ("runpath", &d.runpath)] {
            if !v.is_empty() {
                writeln!(out, "  {label:<12} {}", v.join(":"))?;
            }
        }
    }

    for c in &r.causes {
        writeln!(out)?;
        let mut what = String::new();
        if let Some(m) = &c.module {
            what = format!("  ({m}{})", c.version.as_deref().map(|v| format!(" {v}")).unwrap_or_default());
        } else if let Some(p) = &c.package {
            what = format!("  (package {p})");
        }
        let effect = if c.makes_dynamic { "" } else { " — linked statically here" };
        writeln!(out, "  {} {}{what}{effect}", st.bold(&format!("cause {}:", c.id.as_str())), c.title)?;
        if let Some(t) = catalogue::topic(c.id.as_str()) {
            writeln!(out, "    {}", t.summary)?;
        }
        for e in &c.evidence {
            let kind = serde_json::to_value(e.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            writeln!(out, "    {} {}", st.dim(&format!("{kind:<11}")), e.value)?;
        }
    }

    for w in &r.warnings {
        writeln!(out)?;
        writeln!(out, "  {} {}", st.paint("1;33", &format!("warning {}:", w.id)), w.message)?;
        for e in &w.evidence {
            writeln!(out, "    {}", e.value)?;
        }
    }

    if let Some((first, rest)) = r.fixes.split_first() {
        writeln!(out)?;
        writeln!(out, "  {} {}", st.bold("recommended:"), first.title)?;
        writeln!(out, "    $ {}", st.bold(&first.command))?;
        for n in &first.notes {
            writeln!(out, "    note: {n}")?;
        }
        for c in &first.caveats {
            writeln!(out, "    - {c}")?;
        }
        if !rest.is_empty() {
            writeln!(out, "  alternatives:")?;
            for f in rest {
                writeln!(out, "    {} [{}]", f.title, f.id)?;
                writeln!(out, "      $ {}", f.command)?;
            }
        }
        writeln!(out, "  verify:")?;
        for v in &first.verify {
            writeln!(out, "    $ {v}")?;
        }
    }
    Ok(())
}
