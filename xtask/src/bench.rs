//! `cargo xtask bench`: the CLI against `file`, `readelf` and
//! `go version -m`, on the largest fixture and on generated Go binaries
//! with a large `//go:embed` (200 MB and 1 GB). Warm page cache, several
//! runs each, medians and ratios printed as a table.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{have, project_root, run, Result};

const RUNS: usize = 9;

pub fn bench() -> Result<()> {
    let root = project_root();
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir)?;
    run(Command::new("cargo").args(["build", "--release", "-q", "-p", "linklens-cli"]).current_dir(&root))?;
    let cli = root.join("target/release/linklens");

    let mut inputs = vec![largest_fixture(&root, &dir)?];
    let mut browser_inputs = vec![small_fixture(&root, &dir)?, embed_binary(&dir, 10)?, embed_binary(&dir, 100)?];
    for mb in [200u64, 1024] {
        match embed_binary(&dir, mb) {
            Ok(p) => {
                inputs.push(p.clone());
                browser_inputs.push(p);
            }
            Err(e) => eprintln!("note: no {mb} MB binary ({e}); skipped"),
        }
    }

    let mut table = String::new();
    table.push_str("| input | size | linklens | linklens --json | file | readelf -d | readelf -d -l --dyn-syms | go version -m |\n");
    table.push_str("|---|---|---|---|---|---|---|---|\n");
    for input in &inputs {
        let size = std::fs::metadata(input)?.len();
        let p = input.to_str().ok_or("path")?;
        let tools: Vec<(&str, Vec<&str>)> = vec![
            ("linklens", vec![cli.to_str().unwrap(), p]),
            ("linklens --json", vec![cli.to_str().unwrap(), "--json", p]),
            ("file", vec!["file", p]),
            ("readelf -d", vec!["readelf", "-d", p]),
            ("readelf -d -l --dyn-syms", vec!["readelf", "-d", "-l", "--dyn-syms", p]),
            ("go version -m", vec!["go", "version", "-m", p]),
        ];
        let base = median(&tools[0].1)?;
        let mut row = format!("| {} | {:.1} MB |", input.file_name().unwrap().to_string_lossy(), size as f64 / 1e6);
        for (name, argv) in &tools {
            if !have(argv[0]) && !argv[0].contains('/') {
                row.push_str(" n/a |");
                continue;
            }
            let m = median(argv)?;
            let ratio = m.as_secs_f64() / base.as_secs_f64();
            eprintln!("{:<28} {:<26} median {:>8.2} ms  ({ratio:.2}x linklens)", input.file_name().unwrap().to_string_lossy(), name, ms(m));
            if *name == "linklens" {
                row.push_str(&format!(" {:.2} ms |", ms(m)));
            } else {
                row.push_str(&format!(" {:.2} ms ({ratio:.1}×) |", ms(m)));
            }
        }
        table.push_str(&row);
        table.push('\n');
    }
    println!("\nmedian of {RUNS} runs, warm page cache; ratio = tool time / linklens time\n");
    println!("{table}");
    std::fs::write(dir.join("results.md"), &table)?;
    eprintln!("written to target/bench/results.md");

    // The same analysis in the browser: the built page in headless Chromium.
    let path = crate::setup::web_toolchain()?;
    crate::setup::build_dist(&path)?;
    println!("\nbrowser (headless Chromium, median of 5): choose file → rendered verdict\n");
    run(Command::new("node")
        .arg("bench/browser.mjs")
        .arg(dir.join("browser.json"))
        .args(&browser_inputs)
        .env("PATH", &path)
        .current_dir(root.join("web")))?;
    eprintln!("written to target/bench/browser.json");
    Ok(())
}

/// The smallest real Go binary (about 1 MB): the baseline for "grows with size".
fn small_fixture(root: &Path, dir: &Path) -> Result<PathBuf> {
    let out = dir.join("hello-default-go1.19");
    let raw = Command::new("gzip").arg("-dc").arg(root.join("fixtures/bin/hello-default-go1.19.gz")).output()?;
    std::fs::write(&out, raw.stdout)?;
    Ok(out)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median wall time of running argv, output discarded (after one warm-up).
fn median(argv: &[&str]) -> Result<Duration> {
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..=RUNS {
        let start = Instant::now();
        let status = Command::new(argv[0]).args(&argv[1..]).stdout(Stdio::null()).stderr(Stdio::null()).status()?;
        let took = start.elapsed();
        if !status.success() && status.code() != Some(1) {
            return Err(format!("{argv:?} failed: {status}").into());
        }
        if i > 0 {
            times.push(took);
        }
    }
    times.sort();
    Ok(times[times.len() / 2])
}

fn largest_fixture(root: &Path, dir: &Path) -> Result<PathBuf> {
    let bin = root.join("fixtures/bin");
    let largest = std::fs::read_dir(&bin)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".gz"))
        .max_by_key(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .ok_or("no fixtures; run cargo xtask fixtures")?;
    let name = largest.file_name().to_string_lossy().trim_end_matches(".gz").to_string();
    let out = dir.join(&name);
    let raw = Command::new("gzip").arg("-dc").arg(largest.path()).output()?;
    std::fs::write(&out, raw.stdout)?;
    Ok(out)
}

/// A Go program (net DNS, so dynamic) embedding `mb` MB of pseudo-random
/// bytes. Built once and reused.
fn embed_binary(dir: &Path, mb: u64) -> Result<PathBuf> {
    let out = dir.join(format!("embed-{mb}mb"));
    if out.exists() {
        return Ok(out);
    }
    if !have("go") {
        return Err("go is not installed".into());
    }
    let src = dir.join(format!("embed-{mb}-src"));
    std::fs::create_dir_all(&src)?;
    std::fs::write(src.join("go.mod"), "module linklens.test/embed\n\ngo 1.19\n")?;
    std::fs::write(
        src.join("main.go"),
        "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n\t\"net\"\n)\n\n//go:embed blob.bin\nvar blob []byte\n\nfunc main() {\n\tfmt.Println(len(blob))\n\tfmt.Println(net.LookupHost(\"localhost\"))\n}\n",
    )?;
    let mut f = std::io::BufWriter::new(std::fs::File::create(src.join("blob.bin"))?);
    let mut x: u64 = 0x243f_6a88_85a3_08d3;
    let mut buf = vec![0u8; 1 << 20];
    for _ in 0..mb {
        for chunk in buf.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        f.write_all(&buf)?;
    }
    f.flush()?;
    drop(f);
    eprintln!("building a {mb} MB Go binary (go:embed)");
    run(Command::new("go").args(["build", "-buildvcs=false", "-o"]).arg(&out).arg(".").current_dir(&src).env("GOTOOLCHAIN", "local"))?;
    std::fs::remove_file(src.join("blob.bin"))?;
    Ok(out)
}
