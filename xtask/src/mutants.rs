//! `cargo xtask mutants [FILE...]`: mutation testing of the core with
//! cargo-mutants (installed at a pinned version if missing), using the fast
//! tests (the truncation/mutation robustness tests only catch panics, a
//! weaker kill than an asserted answer). Prints the score per file and the
//! mutants left alive. Too slow for every CI run; see ARCHITECTURE.md.

use std::collections::BTreeMap;
use std::process::Command;

use crate::{project_root, run, Result};

const VERSION: &str = "27.1.0";

/// The core's decision and parser modules the score is kept on.
const DEFAULT: &[&str] = &[
    "crates/linklens/src/cause.rs",
    "crates/linklens/src/fix/*.rs",
    "crates/linklens/src/warning.rs",
    "crates/linklens/src/libc.rs",
    "crates/linklens/src/elf/*.rs",
    "crates/linklens/src/go/*.rs",
    "crates/linklens/src/image.rs",
    "crates/linklens/src/arch.rs",
    "crates/linklens/src/offset.rs",
];

pub fn mutants(files: &[String]) -> Result<()> {
    let root = project_root();
    let have = Command::new("cargo").args(["mutants", "--version"]).output().map(|o| String::from_utf8_lossy(&o.stdout).contains(VERSION)).unwrap_or(false);
    if !have {
        eprintln!("installing cargo-mutants {VERSION}");
        run(Command::new("cargo").args(["install", "--locked", "cargo-mutants", "--version", VERSION]))?;
    }
    let files: Vec<String> = if files.is_empty() { DEFAULT.iter().map(|s| s.to_string()).collect() } else { files.to_vec() };
    let out = root.join("target/mutants");
    let mut cmd = Command::new("cargo");
    cmd.args(["mutants", "--package", "linklens", "--jobs", "2", "--output"]).arg(&out);
    for f in &files {
        cmd.args(["--file", f]);
    }
    // The fuzz generator is test scaffolding, not a decision.
    cmd.args(["--exclude", "crates/linklens/src/fuzzing/**"]);
    // After cargo-mutants' `--`: cargo test's arguments; after the second,
    // the test binaries'.
    // The slow robustness tests, and the one that runs `go build` (it
    // proves the commands, not the decisions, and takes seconds a mutant).
    cmd.args([
        "--",
        "--",
        "--skip",
        "truncated_fixtures_give_a_report_or_an_error",
        "--skip",
        "mutated_fixtures_give_a_report_or_an_error",
        "--skip",
        "go_only_commands_build_what_they_promise",
    ]);
    // Exit 2 means some mutants were missed: report, not fail.
    let status = cmd.current_dir(&root).status()?;
    if !matches!(status.code(), Some(0 | 2 | 3)) {
        return Err(format!("cargo mutants failed: {status}").into());
    }
    report(&out.join("mutants.out"))
}

/// Caught / missed / unviable per file, and every missed mutant.
fn report(dir: &std::path::Path) -> Result<()> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let mut per_file: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for (i, name) in ["caught.txt", "missed.txt", "unviable.txt"].iter().enumerate() {
        for line in read(name).lines() {
            let file = line.split(':').next().unwrap_or("").to_string();
            per_file.entry(file).or_default()[i] += 1;
        }
    }
    let (mut caught, mut missed) = (0, 0);
    println!("\n| file | caught | missed | unviable | score |\n|---|---|---|---|---|");
    for (file, [c, m, u]) in &per_file {
        caught += c;
        missed += m;
        let score = if c + m == 0 { 100.0 } else { 100.0 * *c as f64 / (*c + *m) as f64 };
        println!("| {file} | {c} | {m} | {u} | {score:.0}% |");
    }
    let total = caught + missed;
    println!("\ncaught {caught} of {total} viable mutants: {:.1}%", if total == 0 { 100.0 } else { 100.0 * caught as f64 / total as f64 });
    let missed_list = read("missed.txt");
    if !missed_list.is_empty() {
        println!("\nmissed:\n{missed_list}");
    }
    let timeouts = read("timeout.txt");
    if !timeouts.is_empty() {
        println!("timed out:\n{timeouts}");
    }
    Ok(())
}
