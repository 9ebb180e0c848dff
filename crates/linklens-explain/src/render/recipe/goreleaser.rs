//! The GoReleaser `builds:` entry (configuration version 2): the binary's
//! own flags, tags, ldflags and target, the fix's environment (zig's `CC`
//! and `CXX` for cgo, as GoReleaser's cgo guidance suggests), and post
//! hooks that check every build.

use super::yaml::scalar;
use super::{comments, words, Ctx};
use crate::catalogue;

/// Environment GoReleaser sets itself from `goos`/`goarch` and the levels.
const TARGET_ENV: &[&str] = &["GOOS", "GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64"];

pub(super) fn render(r: &Ctx) -> String {
    let b = r.b;
    let mut out = comments(&r.header(), "# ");
    if let Some(image) = &b.image {
        out += &comments(&[catalogue::fill(words::INSIDE_IMAGE, &[("image", image)])], "# ");
    }
    out += "version: 2\n\n";
    let before = b.before_build();
    if !before.is_empty() {
        out += "before:\n  hooks:\n";
        for step in &before {
            out += &format!("    - {}\n", scalar(step));
        }
        out += "\n";
    }
    out += "builds:\n";
    out += &format!("  - id: {}\n", scalar(&r.out));
    out += &format!("    main: {}\n", scalar(&b.package));
    out += &format!("    binary: {}\n", scalar(&r.out));
    let mut flags: Vec<String> = Vec::new();
    if b.test {
        out += "    command: test\n";
        flags.push("-c".into());
    }
    let env: Vec<String> = b.env.iter().filter(|s| !TARGET_ENV.contains(&s.key.as_str())).map(|s| format!("{}={}", s.key, s.value)).collect();
    list(&mut out, "env", &env);
    flags.extend(b.switches());
    // GoReleaser has fields for -gcflags and -asmflags; -pgo, -compiler
    // and -gccgoflags go with the flags.
    flags.extend(b.tool_flags.iter().filter(|s| !matches!(s.key.as_str(), "-gcflags" | "-asmflags")).map(|s| format!("{}={}", s.key, s.value)));
    list(&mut out, "flags", &flags);
    list(&mut out, "tags", &b.tags);
    for key in ["gcflags", "asmflags"] {
        let values: Vec<String> = b.tool_flags.iter().filter(|s| s.key.strip_prefix('-') == Some(key)).map(|s| s.value.clone()).collect();
        list(&mut out, key, &values);
    }
    if !b.ldflags.is_empty() {
        list(&mut out, "ldflags", &[b.ldflags_value()]);
    }
    list(&mut out, "goos", std::slice::from_ref(&b.goos));
    list(&mut out, "goarch", std::slice::from_ref(&b.goarch));
    if let Some(level) = &b.arch_level {
        // GoReleaser's `gomips` sets GOMIPS64 too (for mips64 and mips64le).
        let key = if level.key == "GOMIPS64" { "gomips".to_string() } else { level.key.to_ascii_lowercase() };
        if TARGET_ENV.contains(&level.key.as_str()) {
            list(&mut out, &key, std::slice::from_ref(&level.value));
        }
    }
    // Hooks run without a shell, so no pipes: linklens is the check that fails.
    out += "    hooks:\n      post:\n";
    let path = "\"{{ .Path }}\"";
    for hook in [format!("file {path}"), format!("go version -m {path}"), r.linklens_check(path)] {
        out += &format!("        - cmd: {}\n", scalar(&hook));
    }
    out
}

/// `key:` and its items, or nothing for an empty list.
fn list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    *out += &format!("    {key}:\n");
    for item in items {
        *out += &format!("      - {}\n", scalar(item));
    }
}
