//! A GitHub Actions workflow: check out, set up the binary's Go release,
//! install the C toolchain the fix needs (musl-tools, zig), build with the
//! fix's environment, check the result (with the linklens action when its
//! published name is known, else with `file` and `readelf`), upload it.

use super::yaml::{block, scalar};
use super::{comments, words, Ctx};
use crate::catalogue;
use linklens::BuildTool;

/// Pinned to major versions, as GitHub's own starter workflows do.
const CHECKOUT: &str = "actions/checkout@v4";
const SETUP_GO: &str = "actions/setup-go@v5";
const SETUP_ZIG: &str = "mlugg/setup-zig@v2";
const UPLOAD: &str = "actions/upload-artifact@v4";

pub(super) fn render(r: &Ctx) -> String {
    let b = r.b;
    let tool = b.toolchain();
    let mut out = comments(&r.header(), "# ");
    out += &format!("name: {}\n\n", scalar(words::WORKFLOW));
    out += "on:\n  push:\n  pull_request:\n  workflow_dispatch:\n\npermissions:\n  contents: read\n\n";
    // A gcc build for arm64 runs on GitHub's arm64 runner; everything else
    // cross-compiles (or needs no C) on the default one.
    let runner = if tool == BuildTool::Gcc && b.image.is_none() && b.goarch == "arm64" { "ubuntu-24.04-arm" } else { "ubuntu-latest" };
    out += &format!("jobs:\n  build:\n    runs-on: {runner}\n    steps:\n");
    out += &format!("      - uses: {CHECKOUT}\n");
    out += &format!("      - uses: {SETUP_GO}\n        with:\n");
    match b.go_version.as_deref().and_then(|v| v.strip_prefix("go")) {
        Some(v) => out += &format!("          go-version: {}\n", scalar(v)),
        None => out += "          go-version-file: go.mod\n",
    }
    match tool {
        BuildTool::MuslGcc => {
            out += &format!("      - name: {}\n        run: sudo apt-get update && sudo apt-get install -y musl-tools\n", scalar(words::STEP_MUSL));
        }
        BuildTool::Zig => out += &format!("      - uses: {SETUP_ZIG}\n"),
        _ => {}
    }
    if let Some(image) = &b.image {
        out += &comments(&[catalogue::fill(words::INSIDE_IMAGE, &[("image", image)])], "      # ");
    }
    let path = format!("./{}", r.out);
    out += &format!("      - name: {}\n", scalar(&catalogue::fill(words::STEP_BUILD, &[("output", &r.out)])));
    // The environment as the step's own (docker run carries it inside).
    if b.image.is_none() && !b.env.is_empty() {
        out += "        env:\n";
        for s in &b.env {
            out += &format!("          {}: {}\n", s.key, scalar_string(&s.value));
        }
    }
    let build = if b.image.is_some() {
        b.command_to(Some(&path))
    } else {
        let mut words = Vec::new();
        words.extend(b.before_build().into_iter().map(|s| format!("{s} &&")));
        words.extend(b.go_args(Some(&path)));
        words.join(" ")
    };
    out += &format!("        run: {}", block(&build, 10));
    out += &format!("      - name: {}\n", scalar(&catalogue::fill(words::STEP_VERIFY, &[("output", &r.out)])));
    match (r.action, r.action_check()) {
        (Some(action), Some((input, value))) => {
            out += &comments(&[r.check_comment()], "        # ");
            out += &format!("        uses: {}\n        with:\n", scalar(action));
            out += &format!("          files: {}\n          {input}: {}\n", scalar(&path), scalar(value));
        }
        _ => {
            let mut checks = vec![format!("# {}", r.check_comment()), format!("file {path}")];
            checks.extend(r.checks(&path));
            out += &format!("        run: {}", block(&checks.join("\n"), 10));
        }
    }
    out += &format!("      - uses: {UPLOAD}\n        with:\n          name: {}\n          path: {}\n", scalar(&r.out), scalar(&path));
    out
}

/// An environment value: always a quoted string, even `0` or `1`.
fn scalar_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}
