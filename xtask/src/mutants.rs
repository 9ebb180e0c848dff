//! `cargo xtask mutants [FILE...]`: mutation testing with cargo-mutants
//! (installed at a pinned version if missing), using the fast tests (the
//! robustness tests that only catch panics, a weaker kill than an asserted
//! answer, are skipped). Prints the score per file and per group and every
//! mutant left alive, and **fails when a group scores below the kept
//! score**; a mutant that times out counts as missed. Too slow for every
//! CI run; see ARCHITECTURE.md.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::{project_root, run, Result};

const VERSION: &str = "27.1.0";

/// Caught of viable (caught + missed + timed out), per group.
pub const KEPT: f64 = 95.0;

/// The modules whose decisions a user reads, by group: (group, package,
/// files). A file given on the command line runs in its package alone.
const GROUPS: &[(&str, &str, &[&str])] = &[
    (
        "decisions",
        "linklens",
        &[
            "crates/linklens/src/cause.rs",
            "crates/linklens/src/warning.rs",
            "crates/linklens/src/libc.rs",
            "crates/linklens/src/arch.rs",
            "crates/linklens/src/os.rs",
            "crates/linklens/src/portability.rs",
            "crates/linklens/src/version.rs",
        ],
    ),
    (
        "explanation",
        "linklens-explain",
        &[
            "crates/linklens-explain/src/lib.rs",
            "crates/linklens-explain/src/fix/*.rs",
            "crates/linklens-explain/src/targets/*.rs",
            "crates/linklens-explain/src/archive.rs",
        ],
    ),
    ("elf", "linklens", &["crates/linklens/src/elf/*.rs"]),
    ("go", "linklens", &["crates/linklens/src/go/*.rs"]),
    ("image", "linklens", &["crates/linklens/src/image.rs", "crates/linklens/src/offset.rs"]),
    (
        "archive",
        "linklens-archive",
        &[
            "crates/linklens-archive/src/lib.rs",
            "crates/linklens-archive/src/sniff.rs",
            "crates/linklens-archive/src/limits.rs",
            "crates/linklens-archive/src/source.rs",
            "crates/linklens-archive/src/walk.rs",
            // The page's `.tar.gz`: what it reports, or that it declines.
            "crates/linklens-archive/src/feed.rs",
            "crates/linklens-archive/src/container/*.rs",
            "crates/linklens-archive/src/decode.rs",
            "crates/linklens-archive/src/layer.rs",
            "crates/linklens-archive/src/fs.rs",
            "crates/linklens-archive/src/oci.rs",
            "crates/linklens-archive/src/image.rs",
        ],
    ),
];

/// Tests that catch panics only, or prove commands rather than decisions
/// (seconds a mutant, and no asserted answer).
const SLOW: &[&str] = &[
    "truncated_fixtures_give_a_report_or_an_error",
    "mutated_fixtures_give_a_report_or_an_error",
    "go_only_commands_build_what_they_promise",
    "structured_archives_from_the_generator",
    "structured_files_from_the_generator",
];

pub fn mutants(files: &[String]) -> Result<()> {
    let root = project_root();
    let have = Command::new("cargo").args(["mutants", "--version"]).output().map(|o| String::from_utf8_lossy(&o.stdout).contains(VERSION)).unwrap_or(false);
    if !have {
        eprintln!("installing cargo-mutants {VERSION}");
        run(Command::new("cargo").args(["install", "--locked", "cargo-mutants", "--version", VERSION]))?;
    }
    // (group, package, files) to run: the groups, or the files named.
    let runs: Vec<(String, String, Vec<String>)> = if files.is_empty() {
        GROUPS.iter().map(|(g, p, f)| (g.to_string(), p.to_string(), f.iter().map(|s| s.to_string()).collect())).collect()
    } else {
        let mut by_package: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for f in files {
            let package = if f.starts_with("crates/linklens-archive/") { "linklens-archive" } else { "linklens" };
            by_package.entry(package.into()).or_default().push(f.clone());
        }
        by_package.into_iter().map(|(p, f)| (format!("named ({p})"), p, f)).collect()
    };
    let mut below = Vec::new();
    for (group, package, files) in &runs {
        let out = root.join("target/mutants").join(group.replace(' ', "-").replace(['(', ')'], ""));
        std::fs::create_dir_all(&out)?;
        let mut cmd = Command::new("cargo");
        cmd.args(["mutants", "--package", package, "--jobs", "2", "--output"]).arg(&out);
        for f in files {
            cmd.args(["--file", f]);
        }
        // The fuzz generators are test scaffolding, not decisions.
        cmd.args(["--exclude", "crates/linklens/src/fuzzing/**", "--exclude", "crates/linklens-archive/src/fuzzing.rs", "--exclude", "crates/linklens-explain/src/fuzzing.rs"]);
        // After cargo-mutants' `--`: cargo test's arguments; after the
        // second, the test binaries'.
        cmd.args(["--", "--"]);
        for t in SLOW {
            cmd.args(["--skip", t]);
        }
        // 0 all caught, 2 some missed, 3 some timed out: judged below.
        let status = cmd.current_dir(&root).status()?;
        if !matches!(status.code(), Some(0 | 2 | 3)) {
            return Err(format!("cargo mutants failed on {group}: {status}").into());
        }
        let score = report(group, &out.join("mutants.out"));
        if score < KEPT {
            below.push(format!("{group}: {score:.1}%"));
        }
    }
    if !below.is_empty() {
        return Err(format!("below the kept score of {KEPT}%: {}", below.join(", ")).into());
    }
    println!("\nevery group at or above the kept score of {KEPT}%");
    Ok(())
}

/// The outcome files of cargo-mutants, one mutant per line.
const OUTCOMES: [&str; 4] = ["caught.txt", "missed.txt", "timeout.txt", "unviable.txt"];

/// Caught / missed / timed out / unviable per file, every mutant left
/// alive, and the group's score: caught of viable, timeouts counted missed.
fn report(group: &str, dir: &Path) -> f64 {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let mut per_file: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for (i, name) in OUTCOMES.iter().enumerate() {
        for line in read(name).lines() {
            let file = line.split(':').next().unwrap_or("").to_string();
            per_file.entry(file).or_default()[i] += 1;
        }
    }
    let [mut caught, mut alive] = [0, 0];
    println!("\n{group}\n| file | caught | missed | timed out | unviable | score |\n|---|---|---|---|---|---|");
    for (file, [c, m, t, u]) in &per_file {
        caught += c;
        alive += m + t;
        println!("| {file} | {c} | {m} | {t} | {u} | {:.1}% |", score(*c, m + t));
    }
    let total = caught + alive;
    let s = score(caught, alive);
    println!("\n{group}: caught {caught} of {total} viable mutants: {s:.1}% (kept: {KEPT}%)");
    for name in ["missed.txt", "timeout.txt"] {
        let list = read(name);
        if !list.is_empty() {
            println!("\n{}:\n{list}", name.trim_end_matches(".txt"));
        }
    }
    s
}

fn score(caught: usize, alive: usize) -> f64 {
    if caught + alive == 0 {
        100.0
    } else {
        100.0 * caught as f64 / (caught + alive) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_count_as_missed_and_the_kept_score_is_a_floor() {
        let dir = std::env::temp_dir().join(format!("linklens-mutants-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lines = |n: usize| (0..n).map(|i| format!("crates/a.rs:{i}:1: replace x with y\n")).collect::<String>();
        std::fs::write(dir.join("caught.txt"), lines(19)).unwrap();
        std::fs::write(dir.join("missed.txt"), "").unwrap();
        std::fs::write(dir.join("timeout.txt"), lines(1)).unwrap();
        std::fs::write(dir.join("unviable.txt"), lines(7)).unwrap();
        assert_eq!(report("t", &dir), 95.0);
        std::fs::write(dir.join("timeout.txt"), lines(2)).unwrap();
        assert!(report("t", &dir) < KEPT);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
