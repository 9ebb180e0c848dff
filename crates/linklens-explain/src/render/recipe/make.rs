//! A Makefile: `make` builds, `make verify` checks with `file`,
//! `go version -m`, `readelf` and linklens. Make reads `$` itself, so every
//! `$` of the command is doubled.

use super::{comments, Ctx};
use linklens::Linkage;

/// Stands for `$(BIN)` while the command's own `$` are doubled.
const BIN_MARK: &str = "@BIN@";

pub(super) fn render(r: &Ctx) -> String {
    let target = if r.fix.expect == Linkage::Dynamic { "build" } else { "static" };
    let mut out = comments(&r.header(), "# ");
    out += &format!("BIN := {}\n\n", r.out.replace('$', "$$"));
    out += &format!(".PHONY: {target} verify\n\n");
    let build = escape(&r.b.command_to(Some(BIN_MARK)));
    out += &format!("{target}:\n\t{build}\n\n");
    out += &format!("# {}\n", r.check_comment());
    out += &format!("verify: {target}\n");
    let mut checks = vec!["file $(BIN)".to_string()];
    checks.extend(r.checks(BIN_MARK).iter().map(|c| escape(c)));
    checks.push(escape(&r.linklens_check(BIN_MARK)));
    for c in checks {
        out += &format!("\t{c}\n");
    }
    out
}

/// `$` doubled for make, then the binary's name as make's variable.
fn escape(line: &str) -> String {
    line.replace('$', "$$").replace(BIN_MARK, "$(BIN)")
}
