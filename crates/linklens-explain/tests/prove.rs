//! The rebuild commands that need nothing but `go`, run on this machine's
//! Go on every test run (not only when `cargo xtask fixtures` recorded its
//! proofs): for one fixture of each cause the pure-Go recipes fix, the
//! command linklens prints today is run in a scratch copy of the fixture's
//! source, through `sh -c`, with only `-o OUT` added, and the result must
//! be what the fix promises. Go missing is a skip on a developer's machine
//! and a failure under `CI=true`.

mod support;

use support as common;
use support::Explained;

use std::path::{Path, PathBuf};
use std::process::Command;

use linklens::FixId;

/// One fixture per cause the go-only recipes fix.
const CASES: &[&str] = &[
    "lookuphost-default-go1.26",  // dns
    "userlookup-default-go1.26",  // osuser
    "netuser-default-go1.26",     // both
    "lookuphost-flags-go1.26",    // with the binary's own tags and ldflags
    "hello-pie-go1.26",           // pie-interp
    "hello-race-go1.19",          // race: -race dropped
    "hello-extlink-go1.19",       // external-link: the external link dropped
    "nettest-test-go1.26",        // a test binary: go test -c
];

/// Recipes that need only `go`.
const GO_ONLY: &[FixId] = &[FixId::CgoOff, FixId::PureGoTags, FixId::DropPie];

fn copy_module(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "nongo" || name.starts_with('.') {
            continue;
        }
        let ok = Command::new("cp").arg("-r").arg(&path).arg(to).status().unwrap().success();
        assert!(ok, "copy {name}");
    }
}

#[test]
fn go_only_commands_build_what_they_promise() {
    let go = Command::new("go").arg("version").env("GOTOOLCHAIN", "local").output().is_ok_and(|o| o.status.success());
    if !go {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "go is missing under CI=true: the printed commands cannot be proven");
        eprintln!("SKIPPED: go is not installed; the printed go commands were not run");
        return;
    }
    let root = common::root();
    let scratch = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/prove");
    let _ = std::fs::remove_dir_all(&scratch);
    let src = scratch.join("src");
    copy_module(&root.join("src"), &src);
    let all = common::fixtures();
    let mut failures = Vec::new();
    let mut run = 0;
    for name in CASES {
        let f = all.iter().find(|f| f.name == *name).unwrap_or_else(|| panic!("{name} is in the manifest"));
        let r = f.report();
        for fix in r.explanation.fixes.iter().filter(|x| GO_ONLY.contains(&x.id)) {
            let out = scratch.join(format!("{name}-{}", fix.id));
            let at = ["go build", "go test -c"]
                .iter()
                .find_map(|verb| fix.command.find(verb).map(|at| at + verb.len()))
                .expect("a go build or go test -c command");
            let command = format!("{} -o {}{}", &fix.command[..at], out.display(), &fix.command[at..]);
            let mut sh = Command::new("sh");
            sh.arg("-c").arg(&command).current_dir(&src);
            let result = linklens_explain::proof::go_env(&mut sh, true).output().unwrap();
            run += 1;
            if !result.status.success() {
                failures.push(format!("{name}: {} did not build: {}\n{}", fix.id, fix.command, String::from_utf8_lossy(&result.stderr)));
                continue;
            }
            let bytes = std::fs::read(&out).unwrap();
            let rebuilt = linklens::analyze(&bytes[..]).unwrap();
            if rebuilt.linkage != fix.expect {
                failures.push(format!("{name}: {} gave {}, it promises {}: {}", fix.id, rebuilt.linkage, fix.expect, fix.command));
            }
            // What the binary was built with is kept: its tags (the fix may
            // add some) and its ldflags (the go-only recipes change none but
            // the external link they drop, and say so).
            if let (Some(b), Some(a)) = (r.facts.go.as_ref().map(|g| &g.build), rebuilt.go.as_ref().map(|g| &g.build)) {
                let linkmode_dropped = fix.notes.iter().any(|n| n.id == linklens::NoteId::LinkmodeDropped);
                if !b.tags.iter().all(|t| a.tags.contains(t)) || (b.ldflags != a.ldflags && !linkmode_dropped) {
                    failures.push(format!("{name}: {} dropped what the binary chose: {:?} {:?} → {:?} {:?}", fix.id, b.tags, b.ldflags, a.tags, a.ldflags));
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(run >= 13, "only {run} commands were run");
}
