//! Installing what the commands need, only when it is missing, at pinned
//! versions. Trunk itself never downloads anything: it finds these tools on
//! PATH (see Trunk.toml).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{have, project_root, run, Result};

pub const TRUNK_VERSION: &str = "0.22.1";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false)
}

/// Install Debian packages for the tools that are missing (as root, which
/// CI and the development machines are; otherwise say what to install).
pub fn apt(tools: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = tools
        .iter()
        .filter(|(tool, _)| if tool.starts_with('/') { !Path::new(tool).exists() } else { !have(tool) })
        .map(|(_, pkg)| *pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!("missing {missing:?}; install them with: sudo apt-get install {}", missing.join(" ")).into());
    }
    eprintln!("installing {}", missing.join(" "));
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get").args(["install", "-y", "-qq"]).args(&missing).env("DEBIAN_FRONTEND", "noninteractive"))
}

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// The wasm target, Trunk, wasm-bindgen-cli and npm packages (binaryen's
/// wasm-opt, playwright-core, axe-core). Returns the PATH to build with.
pub fn web_toolchain() -> Result<String> {
    let root = project_root();
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if output("trunk", &["--version"]).as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        eprintln!("installing trunk {TRUNK_VERSION} (once; about 15 minutes on 2 cores)");
        // 0.22.1 declares a newer rust-version than it needs.
        run(Command::new("cargo").args(["install", "--locked", "--ignore-rust-version", "trunk", "--version", TRUNK_VERSION]))?;
    }
    let wbg = wasm_bindgen_version()?;
    if output("wasm-bindgen", &["--version"]).as_deref() != Some(&format!("wasm-bindgen {wbg}")) {
        eprintln!("installing wasm-bindgen-cli {wbg} (once; a few minutes)");
        // Not --locked: its lockfile wants a crate version the registry here lacks.
        run(Command::new("cargo").args(["install", "--force", "wasm-bindgen-cli", "--version", &wbg]))?;
    }
    npm_install(&root.join("web"))?;
    let bin = root.join("web/node_modules/.bin");
    Ok(format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default()))
}

fn npm_install(dir: &Path) -> Result<()> {
    if !have("npm") {
        return Err("npm is needed for the browser tests and wasm-opt (Node.js 20 or newer)".into());
    }
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified()? >= l.modified()?,
        _ => false,
    };
    if !fresh {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    }
    Ok(())
}

/// `trunk build --release` into dist/, offline (dependencies fetched first).
pub fn build_dist(path: &str) -> Result<PathBuf> {
    let root = project_root();
    run(Command::new("cargo").args(["fetch", "--locked"]).current_dir(&root))?;
    crate::generated()?;
    run(Command::new("trunk").args(["build", "--release", "--offline"]).env("PATH", path).current_dir(&root))?;
    let dist = root.join("dist");
    precompress(&dist)?;
    cli_docs(&dist.join("cli"))?;
    Ok(dist)
}

/// The CLI's man page and completions, generated from its clap
/// definitions (`linklens --generate`), shipped beside the site.
fn cli_docs(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for (kind, file) in [("man", "linklens.1"), ("complete-bash", "linklens.bash"), ("complete-zsh", "_linklens"), ("complete-fish", "linklens.fish")] {
        let out = Command::new("cargo")
            .args(["run", "-q", "--locked", "-p", "linklens-cli", "--", "--generate", kind])
            .current_dir(project_root())
            .output()?;
        if !out.status.success() || out.stdout.is_empty() {
            return Err(format!("linklens --generate {kind}: {}", String::from_utf8_lossy(&out.stderr)).into());
        }
        std::fs::write(dir.join(file), out.stdout)?;
    }
    Ok(())
}

/// What a static host may serve precompressed: text and wasm, not images
/// or samples (already gzip files).
const COMPRESSIBLE: &[&str] = &["html", "js", "css", "wasm", "svg", "json", "webmanifest"];

/// Write `<asset>.gz` (gzip -9) and `<asset>.br` (brotli 11) beside every
/// compressible asset of `dist`, and check that each decompresses to the
/// asset byte for byte.
pub fn precompress(dist: &Path) -> Result<()> {
    use std::io::{Read, Write};
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !COMPRESSIBLE.contains(&ext) {
                continue;
            }
            let raw = std::fs::read(&path)?;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&raw)?;
            let gz = gz.finish()?;
            let mut br = Vec::new();
            brotli::BrotliCompress(&mut &raw[..], &mut br, &brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() })?;
            let mut back = Vec::new();
            flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut back)?;
            let mut back_br = Vec::new();
            brotli::BrotliDecompress(&mut &br[..], &mut back_br)?;
            if back != raw || back_br != raw {
                return Err(format!("{}: a precompressed copy does not decompress to it", path.display()).into());
            }
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            std::fs::write(path.with_file_name(format!("{name}.gz")), gz)?;
            std::fs::write(path.with_file_name(format!("{name}.br")), br)?;
        }
    }
    Ok(())
}

/// actionlint, pinned: the recipe tests lint every GitHub Actions recipe.
pub const ACTIONLINT: &str = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12";
/// The `dockerfile` package wraps BuildKit's own Dockerfile parser.
pub const DOCKERFILE_PARSER: &str = "dockerfile==3.4.0";

/// A Python of the project's own, `target/tools/venv`, with pip: Debian
/// 12 and newer refuse `pip install` into the system's Python (PEP 668)
/// and ship it without pip. Made with the system's `python3 -m venv`
/// (Debian's `python3-venv` installed first if that is missing). Returns
/// the venv's `bin` directory, for PATH.
pub fn python() -> Result<PathBuf> {
    let venv = project_root().join("target/tools/venv");
    let bin = venv.join("bin");
    let has_pip = |bin: &Path| Command::new(bin.join("python3")).args(["-m", "pip", "--version"]).output().is_ok_and(|o| o.status.success());
    if has_pip(&bin) {
        return Ok(bin);
    }
    let _ = std::fs::remove_dir_all(&venv);
    let make = || Command::new("python3").args(["-m", "venv"]).arg(&venv).output().is_ok_and(|o| o.status.success());
    if !make() || !has_pip(&bin) {
        // Debian's python3 has venv's module but not ensurepip without this.
        apt(&[("/usr/share/doc/python3-venv", "python3-venv")])?;
        let _ = std::fs::remove_dir_all(&venv);
        if !make() || !has_pip(&bin) {
            return Err("python3 -m venv made no Python with pip (Python 3 with its venv module is needed)".into());
        }
    }
    Ok(bin)
}

/// PATH with the project's Python first.
pub fn python_path() -> Result<String> {
    Ok(format!("{}:{}", python()?.display(), std::env::var("PATH").unwrap_or_default()))
}

/// What the recipe tests run: make and musl-gcc (apt), BuildKit's
/// Dockerfile parser (PyPI, into the project's Python), actionlint (built
/// through the Go module proxy into `target/tools/bin`). Returns that
/// directory, for PATH; the project's `python3` is started from there.
pub fn recipe_tools() -> Result<PathBuf> {
    apt(&[("make", "make"), ("musl-gcc", "musl-tools")])?;
    let python = python()?.join("python3");
    let parser = Command::new(&python).args(["-c", "import dockerfile"]).output().is_ok_and(|o| o.status.success());
    if !parser {
        eprintln!("installing {DOCKERFILE_PARSER} (BuildKit's Dockerfile parser)");
        run(Command::new(&python).args(["-m", "pip", "install", "-q", DOCKERFILE_PARSER]))?;
    }
    let bin = project_root().join("target/tools/bin");
    std::fs::create_dir_all(&bin)?;
    // A script, not a symlink: Python finds its venv (pyvenv.cfg) beside
    // the path it was started by, so a link from elsewhere is the bare
    // interpreter without the parser (observed with pyenv's Python).
    let wrapper = bin.join("python3");
    let script = format!("#!/bin/sh\nexec '{}' \"$@\"\n", python.display());
    if std::fs::read_to_string(&wrapper).ok().as_deref() != Some(script.as_str()) {
        let _ = std::fs::remove_file(&wrapper);
        std::fs::write(&wrapper, &script)?;
        std::fs::set_permissions(&wrapper, std::os::unix::fs::PermissionsExt::from_mode(0o755))?;
    }
    let version = ACTIONLINT.rsplit('@').next().unwrap_or_default().trim_start_matches('v');
    let have = Command::new(bin.join("actionlint")).arg("-version").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with(version));
    if !have {
        eprintln!("installing actionlint {version} (through the Go module proxy)");
        run(Command::new("go").args(["install", ACTIONLINT]).env("GOBIN", &bin).env("GOTOOLCHAIN", "local").env("GOFLAGS", "-mod=mod"))?;
    }
    Ok(bin)
}

/// zig, pinned: the fixtures' zig builds (`zig cc`, also for an old glibc).
pub const ZIGLANG: &str = "ziglang==0.17.1";

/// What `cargo xtask fixtures` builds with besides Go 1.26 and gcc: Go
/// 1.19, musl-gcc, g++, gccgo, clang and the archive tools (apt), zig (PyPI, in
/// the project's Python). Returns
/// the project's Python, whose `python3 -m ziglang` is zig.
pub fn fixture_tools() -> Result<PathBuf> {
    apt(&[
        ("/usr/lib/go-1.19/bin/go", "golang-1.19-go"),
        ("musl-gcc", "musl-tools"),
        ("g++", "g++"),
        ("gccgo", "gccgo"),
        // -msan builds with clang only, and its runtime is clang's.
        ("clang", "clang"),
        ("/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.msan-x86_64.a", "libclang-rt-14-dev"),
        ("file", "file"),
        ("readelf", "binutils"),
        // The archive and image fixtures (xtask/src/archives.rs).
        ("xz", "xz-utils"),
        ("zstd", "zstd"),
        ("zip", "zip"),
        ("umoci", "umoci"),
        ("skopeo", "skopeo"),
    ])?;
    let python = python()?.join("python3");
    let version = ZIGLANG.rsplit('=').next().unwrap_or_default();
    let have = Command::new(&python).args(["-m", "ziglang", "version"]).output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == version);
    if !have {
        eprintln!("installing {ZIGLANG} (zig cc)");
        run(Command::new(&python).args(["-m", "pip", "install", "-q", ZIGLANG]))?;
    }
    Ok(python)
}
