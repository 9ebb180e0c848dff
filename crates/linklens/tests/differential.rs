//! Differential tests: linklens must agree with `file` (verdict), `readelf`
//! (interpreter and NEEDED, in order) and `go version -m` (Go version and
//! build settings) on every fixture. A missing tool skips with a printed
//! reason on a developer's machine; under `CI=true` it is a failure, since
//! CI installs them all and a silent skip would prove nothing.

mod common;

use std::process::Command;

use common::fixtures;

fn tool(name: &str, probe: &[&str]) -> bool {
    let ok = Command::new(name).args(probe).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{name} is missing under CI=true: the differential test cannot run");
        eprintln!("SKIPPED: {name} is not installed; the differential test that uses it did not run");
    }
    ok
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("tool runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Run `tool args… FILE` on every ELF fixture, with linklens' report.
fn each_elf(tool: &str, args: &[&str], mut f: impl FnMut(&common::Fixture, &linklens::Report, &str)) {
    for fx in fixtures() {
        let r = fx.report();
        if r.format != linklens::Format::Elf {
            continue;
        }
        let out = stdout(Command::new(tool).args(args).arg(fx.raw_path()));
        f(&fx, &r, &out);
    }
}

#[test]
fn verdict_agrees_with_file() {
    if !tool("file", &["--version"]) {
        return;
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    each_elf("file", &["-b"], |f, r, out| {
        let theirs = if out.contains("static-pie linked") {
            "static-pie"
        } else if out.contains("statically linked") {
            "static"
        } else if out.contains("dynamically linked") {
            "dynamic"
        } else {
            failures.push(format!("{}: file gave no verdict: {out}", f.name));
            return;
        };
        checked += 1;
        if theirs != r.linkage.as_str() {
            failures.push(format!("{}: file says {theirs}, linklens {}", f.name, r.linkage.as_str()));
        }
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 30, "only {checked} ELF fixtures compared");
}

#[test]
fn interpreter_and_needed_agree_with_readelf() {
    if !tool("readelf", &["--version"]) {
        return;
    }
    let mut failures = Vec::new();
    each_elf("readelf", &["-d", "-l", "-W"], |f, r, out| {
        let needed: Vec<String> = out
            .lines()
            .filter(|l| l.contains("(NEEDED)"))
            .filter_map(|l| Some(l.split_once('[')?.1.trim_end_matches(']').to_string()))
            .collect();
        let interp = out
            .lines()
            .find_map(|l| l.trim().strip_prefix("[Requesting program interpreter: "))
            .map(|s| s.trim_end_matches(']').to_string());
        if needed != r.dynamic.needed {
            failures.push(format!("{}: readelf NEEDED {needed:?}, linklens {:?}", f.name, r.dynamic.needed));
        }
        if interp != r.dynamic.interpreter {
            failures.push(format!("{}: readelf interpreter {interp:?}, linklens {:?}", f.name, r.dynamic.interpreter));
        }
        let flags_pie = out.lines().any(|l| l.contains("(FLAGS_1)") && l.contains("PIE"));
        if flags_pie != r.dynamic.pie_flag {
            failures.push(format!("{}: readelf DF_1_PIE {flags_pie}, linklens {}", f.name, r.dynamic.pie_flag));
        }
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn undefined_symbols_agree_with_readelf_dyn_syms() {
    if !tool("readelf", &["--version"]) {
        return;
    }
    let mut failures = Vec::new();
    each_elf("readelf", &["--dyn-syms", "-W"], |f, r, out| {
        let mut theirs: Vec<String> = out
            .lines()
            .filter_map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                // Num: Value Size Type Bind Vis Ndx Name
                (cols.len() >= 8 && cols[6] == "UND").then(|| cols[7].split('@').next().unwrap_or("").to_string())
            })
            .filter(|n| !n.is_empty())
            .collect();
        let mut ours: Vec<String> = r.imports.iter().map(|i| i.name.clone()).collect();
        theirs.sort();
        ours.sort();
        if theirs != ours {
            failures.push(format!("{}: readelf UND {theirs:?}\n  linklens {ours:?}", f.name));
        }
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn go_version_and_settings_agree_with_go_version_m() {
    if !tool("go", &["version"]) {
        return;
    }
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in fixtures() {
        let r = f.report();
        let out = Command::new("go").args(["version", "-m"]).arg(f.raw_path()).env("GOTOOLCHAIN", "local").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let Some(go) = &r.go else {
            if out.status.success() && !text.trim().is_empty() {
                failures.push(format!("{}: go version -m reads it, linklens found no Go", f.name));
            }
            continue;
        };
        if !out.status.success() || text.trim().is_empty() {
            // No build info: plugins, c-shared. linklens must agree.
            if go.version.is_some() {
                failures.push(format!("{}: go version -m found no build info, linklens found {:?}", f.name, go.version));
            }
            continue;
        }
        checked += 1;
        let first = text.lines().next().unwrap_or("");
        let version = first.rsplit(": ").next().unwrap_or("").trim();
        if go.version.as_deref() != Some(version) {
            failures.push(format!("{}: go version -m says {version}, linklens {:?}", f.name, go.version));
        }
        let theirs: Vec<(String, String)> = text
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("build\t"))
            .filter_map(|s| {
                let (k, v) = s.split_once('=')?;
                let v = if v.starts_with('"') { linklens::go::quoted::unquote(v)? } else { v.to_string() };
                Some((k.to_string(), v))
            })
            .collect();
        let ours: Vec<(String, String)> = go.settings.iter().map(|s| (s.key.clone(), s.value.clone())).collect();
        if theirs != ours {
            failures.push(format!("{}: settings differ\n  go:       {theirs:?}\n  linklens: {ours:?}", f.name));
        }
        let deps: Vec<&str> = text.lines().filter_map(|l| l.trim_start().strip_prefix("dep\t")).filter_map(|s| s.split('\t').next()).collect();
        let our_deps: Vec<&str> = go.deps.iter().map(|d| d.path.as_str()).collect();
        if deps != our_deps {
            failures.push(format!("{}: deps differ: go {deps:?}, linklens {our_deps:?}", f.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 30, "only {checked} Go fixtures compared");
}
