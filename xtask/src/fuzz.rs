//! `cargo xtask fuzz [TARGET|all] [SECONDS]`: coverage-guided fuzzing with
//! cargo-fuzz (libFuzzer, nightly Rust), seeded with the fixtures.
//!
//! Crashes land in fuzz/artifacts/<target>/ (not committed: they are often
//! megabytes). Once fixed, rebuild the smallest file that shows the bug in
//! crates/linklens/tests/hostile.rs, which `cargo xtask test` runs.

use std::path::Path;
use std::process::Command;

use crate::{project_root, run, Result};

const TARGETS: [&str; 7] = ["analyze", "buildinfo", "pclntab", "elf_structured", "archive", "archive_structured", "share"];

pub fn fuzz(target: Option<&str>, seconds: Option<&str>) -> Result<()> {
    let root = project_root();
    let seconds: u64 = seconds.map(str::parse).transpose()?.unwrap_or(60);
    let targets: Vec<&str> = match target {
        None | Some("all") => TARGETS.to_vec(),
        Some(t) if TARGETS.contains(&t) => vec![t],
        Some(t) => return Err(format!("unknown fuzz target {t}; one of {TARGETS:?} or all").into()),
    };
    toolchain()?;
    seed(&root)?;
    for t in targets {
        eprintln!("fuzzing {t} for {seconds} s");
        let corpus = root.join("fuzz/corpus").join(t);
        std::fs::create_dir_all(&corpus)?;
        run(Command::new("cargo")
            // No sanitizer: the core forbids unsafe code, so panics and
            // hangs are what there is to find, and ASan costs 10x speed.
            // -a: debug assertions and overflow checks, so an unchecked
            // `+` on a file value is a finding, not a silent wrap.
            .args(["+nightly", "fuzz", "run", "-a", "--sanitizer", "none", t])
            .arg(&corpus)
            .args(["--", &format!("-max_total_time={seconds}"), "-timeout=10", "-rss_limit_mb=4096", "-max_len=2097152", "-print_final_stats=1"])
            .current_dir(root.join("fuzz")))?;
    }
    Ok(())
}

fn toolchain() -> Result<()> {
    let has_nightly = Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.starts_with("nightly")))
        .unwrap_or(false);
    if !has_nightly {
        run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    if !crate::have("cargo-fuzz") {
        run(Command::new("cargo").args(["install", "cargo-fuzz"]))?;
    }
    Ok(())
}

/// Seed each corpus from the fixtures: whole binaries for `analyze`, the
/// build-info blob and the pclntab head (where the golden report says they
/// are) for the parser targets.
fn seed(root: &Path) -> Result<()> {
    let bin = root.join("fixtures/bin");
    for t in TARGETS {
        std::fs::create_dir_all(root.join("fuzz/corpus").join(t))?;
    }
    // The archive fixtures, as they are (they are stored gzipped).
    for entry in std::fs::read_dir(root.join("fixtures/archives"))? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".gz")) else { continue };
        let raw = Command::new("gzip").arg("-dc").arg(&path).output()?.stdout;
        if raw.len() < 2 << 20 {
            std::fs::write(root.join("fuzz/corpus/archive").join(name), &raw)?;
        }
    }
    for entry in std::fs::read_dir(&bin)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".gz")) else { continue };
        let raw = Command::new("gzip").arg("-dc").arg(&path).output()?.stdout;
        let golden: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(bin.join(format!("{name}.json")))?)?;
        std::fs::write(root.join("fuzz/corpus/analyze").join(name), &raw)?;
        // A share link's JSON (mode byte 2: parsed and filled in).
        if let Ok(report) = linklens::analyze(&raw[..]) {
            let mut seed = vec![2u8];
            seed.extend(linklens_explain::fuzzing::share_json(&report));
            std::fs::write(root.join("fuzz/corpus/share").join(name), seed)?;
        }
        let slice = |off: u64, len: usize| {
            let off = usize::try_from(off).unwrap_or(usize::MAX).min(raw.len());
            &raw[off..raw.len().min(off.saturating_add(len))]
        };
        if let Some(off) = golden["go"]["buildinfo_offset"].as_u64() {
            std::fs::write(root.join("fuzz/corpus/buildinfo").join(name), slice(off, 16384))?;
        }
        if let Some(off) = golden["go"]["pclntab"]["offset"].as_u64() {
            std::fs::write(root.join("fuzz/corpus/pclntab").join(name), slice(off, 262144))?;
        }
    }
    Ok(())
}
