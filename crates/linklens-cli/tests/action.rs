//! The GitHub Action (`action.yml` → `crates/linklens-cli/action/gate.sh`) as a runner runs it:
//! the inputs as `INPUT_*`, the runner's files (`GITHUB_STEP_SUMMARY`,
//! `GITHUB_OUTPUT`, `RUNNER_TEMP`) pointing at temporary files, the CLI
//! built by this test run. Exit codes, the job summary and the outputs.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{archive, fixture};

/// What one run of the gate left.
struct Run {
    status: i32,
    stdout: String,
    summary: String,
    outputs: Vec<(String, String)>,
}

impl Run {
    fn output(&self, key: &str) -> Option<&str> {
        self.outputs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Run the gate in a directory of its own with these inputs.
fn gate(name: &str, inputs: &[(&str, &str)], cwd: &Path) -> Run {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let runner = root.join("target/action-test").join(name);
    let _ = std::fs::remove_dir_all(&runner);
    std::fs::create_dir_all(&runner).unwrap();
    let (summary, output) = (runner.join("summary.md"), runner.join("output"));
    let mut cmd = Command::new("bash");
    cmd.arg(root.join("crates/linklens-cli/action/gate.sh"))
        .current_dir(cwd)
        .env("LINKLENS", env!("CARGO_BIN_EXE_linklens"))
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &output)
        .env("RUNNER_TEMP", &runner);
    for (k, v) in inputs {
        cmd.env(format!("INPUT_{}", k.to_uppercase().replace('-', "_")), v);
    }
    let out = cmd.output().unwrap();
    let outputs = std::fs::read_to_string(&output)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect();
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        summary: std::fs::read_to_string(&summary).unwrap_or_default(),
        outputs,
    }
}

/// A release folder with the named fixtures in it, as a job would have built.
fn dist(name: &str, fixtures: &[&str]) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("target/action-test").join(format!("{name}-work"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("dist/linux")).unwrap();
    for f in fixtures {
        std::fs::copy(fixture(f), dir.join("dist/linux").join(f)).unwrap();
    }
    dir
}

fn json_entries(run: &Run) -> Vec<serde_json::Value> {
    let path = run.output("json").expect("the json output");
    serde_json::from_str::<Vec<serde_json::Value>>(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_static_release_passes_and_the_summary_says_so() {
    let cwd = dist("static", &["hello-default-go1.26", "lookuphost-netgo-go1.26"]);
    let run = gate("static", &[("files", "dist/**/*"), ("require-static", "true")], &cwd);
    assert_eq!(run.status, 0, "{}\n{}", run.stdout, run.summary);
    assert_eq!(run.output("status"), Some("0"));
    assert!(run.summary.contains("### `dist/linux/hello-default-go1.26`: **static**"), "{}", run.summary);
    assert!(run.summary.contains("### `dist/linux/lookuphost-netgo-go1.26`: **static**"), "{}", run.summary);
    let entries = json_entries(&run);
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e["facts"]["linkage"] == "static"));
}

#[test]
fn a_dynamic_file_fails_require_static_with_its_cause_and_command_in_the_summary() {
    let cwd = dist("dynamic", &["hello-default-go1.26", "lookuphost-default-go1.26"]);
    let run = gate("dynamic", &[("files", "dist/linux/hello-default-go1.26\ndist/linux/lookuphost-default-go1.26"), ("require-static", "true")], &cwd);
    assert_eq!(run.status, 1, "{}", run.summary);
    assert_eq!(run.output("status"), Some("1"));
    assert!(run.stdout.contains("::error title=linklens::"), "{}", run.stdout);
    assert!(run.summary.contains("**dynamic**") && run.summary.contains("cause `dns`"), "{}", run.summary);
    assert!(run.summary.contains("CGO_ENABLED=0 go build"), "the rebuild command: {}", run.summary);
    // Without the gate the same files pass: the report is written either way.
    let run = gate("dynamic-report", &[("files", "dist/linux/*")], &cwd);
    assert_eq!(run.status, 0);
    assert_eq!(json_entries(&run).len(), 2);
}

#[test]
fn targets_and_fail_on_starts_but() {
    let cwd = dist("targets", &["needs-cgo0-go1.26", "lookuphost-default-go1.26"]);
    // glibc 2.34 needed, Debian 11 has 2.31: the loader's own line in the summary.
    let run = gate("targets-glibc", &[("files", "dist/linux/lookuphost-default-go1.26"), ("targets", "debian-11")], &cwd);
    assert_eq!(run.status, 1);
    assert!(run.summary.contains("/app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app)"), "{}", run.summary);
    // A static program that verifies certificates starts on Debian 12 but has no CA bundle there.
    let needs = [("files", "dist/linux/needs-cgo0-go1.26"), ("targets", "debian-12")];
    assert_eq!(gate("starts-but-passes", &needs, &cwd).status, 0);
    let run = gate("starts-but-fails", &[needs[0], needs[1], ("fail-on", "starts, but")], &cwd);
    assert_eq!(run.status, 1, "{}", run.summary);
    assert!(run.summary.contains("starts, but") && run.summary.contains("x509: certificate signed by unknown authority"), "{}", run.summary);
    let ok = gate("starts-but-distroless", &[needs[0], ("targets", "distroless-static"), ("fail-on", "starts-but")], &cwd);
    assert_eq!(ok.status, 0, "{}", ok.summary);
}

#[test]
fn an_image_is_checked_as_it_is() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let image = archive("scratch-cgo.docker.tar");
    let run = gate("image", &[("files", image.to_str().unwrap()), ("require-static", "true")], &root);
    assert_eq!(run.status, 1);
    assert!(run.summary.contains("```text\n") && run.summary.contains("✘ fails"), "{}", run.summary);
    assert!(run.summary.contains("exec /app: no such file or directory"), "{}", run.summary);
}

#[test]
fn inputs_that_match_nothing_or_mean_nothing_are_errors() {
    let cwd = dist("none", &["hello-default-go1.26"]);
    let run = gate("no-match", &[("files", "dist/linux/hello-default-go1.26 build/*.bin")], &cwd);
    assert_eq!(run.status, 2);
    assert!(run.stdout.contains("::error title=linklens::no file matches build/*.bin"), "{}", run.stdout);
    assert!(run.summary.contains("No file matches: `build/*.bin`"), "{}", run.summary);
    assert_eq!(run.output("status"), Some("2"));
    let run = gate("bad-flag", &[("files", "dist/linux/*"), ("require-static", "maybe")], &cwd);
    assert_eq!(run.status, 2);
    // An unknown target id is linklens's usage error, and fails the step.
    let run = gate("bad-target", &[("files", "dist/linux/*"), ("targets", "debian-9")], &cwd);
    assert_eq!(run.status, 2);
}
