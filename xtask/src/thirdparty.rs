//! Real packages from the registries this machine reaches, as users get
//! them: a Debian `.deb` of a Go program, PyPI wheels that bundle a Go
//! binary and a C++ one, an npm platform package with a Go binary. Pinned
//! by version and SHA-256, fetched into `fixtures/.cache/third-party/` (not
//! committed: the repository stays light) by `cargo xtask fixtures` and
//! `cargo xtask test`. What each holds is recorded in
//! `fixtures/third-party.json` from the tools users trust on the extracted
//! files: `file` for the linkage, `go version -m` for the Go version.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::{project_root, run, Result};

pub struct Package {
    pub kind: &'static str,
    pub file: &'static str,
    /// The command that fetches `file` into the current directory.
    pub fetch: &'static str,
    /// How to unpack it into `x/` with the usual tools.
    pub extract: &'static str,
}

pub const PACKAGES: &[Package] = &[
    Package {
        kind: "deb",
        file: "shfmt_3.6.0-1+b2_amd64.deb",
        fetch: "apt-get download shfmt=3.6.0-1+b2",
        extract: "dpkg-deb -x shfmt_3.6.0-1+b2_amd64.deb x",
    },
    Package {
        kind: "wheel",
        file: "go_task_bin-3.54.0-py3-none-manylinux_2_28_x86_64.musllinux_1_2_x86_64.whl",
        fetch: "python3 -m pip download -q --no-deps --only-binary=:all: --platform manylinux_2_28_x86_64 --python-version 3.11 go-task-bin==3.54.0 -d .",
        extract: "python3 -m zipfile -e go_task_bin-3.54.0-py3-none-manylinux_2_28_x86_64.musllinux_1_2_x86_64.whl x",
    },
    Package {
        kind: "wheel",
        file: "ninja-1.13.2-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
        fetch: "python3 -m pip download -q --no-deps --only-binary=:all: --platform manylinux_2_17_x86_64 --python-version 3.11 ninja==1.13.2 -d .",
        extract: "python3 -m zipfile -e ninja-1.13.2-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl x",
    },
    Package {
        kind: "npm",
        file: "esbuild-linux-x64-0.28.2.tgz",
        fetch: "npm pack -q @esbuild/linux-x64@0.28.2",
        extract: "mkdir -p x && tar -C x -xzf esbuild-linux-x64-0.28.2.tgz",
    },
];

pub fn cache() -> PathBuf {
    project_root().join("fixtures/.cache/third-party")
}

fn sha256(path: &Path) -> Result<String> {
    use sha2::Digest;
    let d = sha2::Sha256::digest(std::fs::read(path)?);
    Ok(d.iter().map(|b| format!("{b:02x}")).collect())
}

/// Fetch what is missing (or changed) into the cache, checking the
/// recorded SHA-256 when there is one.
pub fn fetch() -> Result<()> {
    let dir = cache();
    std::fs::create_dir_all(&dir)?;
    let recorded: Value = std::fs::read_to_string(project_root().join("fixtures/third-party.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    // `pip download` runs in the project's Python (Debian's refuses pip).
    let path_env = crate::setup::python_path()?;
    for p in PACKAGES {
        let path = dir.join(p.file);
        let want = recorded["packages"].as_array().and_then(|a| a.iter().find(|e| e["file"] == p.file)).and_then(|e| e["sha256"].as_str());
        if path.exists() && want.is_none_or(|w| sha256(&path).is_ok_and(|h| h == w)) {
            continue;
        }
        eprintln!("fetching {}", p.file);
        let _ = std::fs::remove_file(&path);
        if run(Command::new("sh").arg("-c").arg(p.fetch).env("PATH", &path_env).current_dir(&dir)).is_err() && p.kind == "deb" {
            // A fresh machine may not have read the package lists yet.
            run(Command::new("apt-get").args(["update", "-qq"]))?;
            run(Command::new("sh").arg("-c").arg(p.fetch).env("PATH", &path_env).current_dir(&dir))?;
        }
        if let Some(w) = want {
            let got = sha256(&path)?;
            if got != w {
                return Err(format!("{}: SHA-256 {got}, recorded {w}", p.file).into());
            }
        }
    }
    Ok(())
}

/// Unpack each package with the usual tools and record its ELF files with
/// what `file` and `go version -m` say of them.
pub fn record() -> Result<()> {
    fetch()?;
    let dir = cache();
    let mut packages = Vec::new();
    for p in PACKAGES {
        let work = dir.join("x");
        let _ = std::fs::remove_dir_all(&work);
        run(Command::new("sh").arg("-c").arg(p.extract).current_dir(&dir))?;
        let mut elves = Vec::new();
        let listing = Command::new("find").arg("x").args(["-type", "f"]).current_dir(&dir).output()?;
        let mut paths: Vec<String> = String::from_utf8_lossy(&listing.stdout).lines().map(str::to_string).collect();
        paths.sort();
        for path in paths {
            let file = Command::new("file").arg("-b").arg(&path).current_dir(&dir).output()?;
            let file = String::from_utf8_lossy(&file.stdout).trim().to_string();
            if !file.starts_with("ELF") {
                continue;
            }
            let go = Command::new("go").args(["version", "-m"]).arg(&path).current_dir(&dir).output()?;
            let go = String::from_utf8_lossy(&go.stdout).lines().next().and_then(|l| l.split_once(": ")).map(|(_, v)| v.trim().to_string());
            let linkage = if file.contains("statically linked") || file.contains("static-pie linked") { "static" } else { "dynamic" };
            elves.push(json!({"path": path.trim_start_matches("x/"), "file": file, "linkage": linkage, "go": go}));
        }
        packages.push(json!({"kind": p.kind, "file": p.file, "sha256": sha256(&dir.join(p.file))?, "fetch": p.fetch, "elf": elves}));
        let _ = std::fs::remove_dir_all(&work);
    }
    let doc = json!({
        "comment": "Written by `cargo xtask fixtures` (xtask/src/thirdparty.rs): real packages, pinned, fetched into fixtures/.cache/third-party; each ELF inside as `file -b` and `go version -m` describe it after unpacking with dpkg-deb, zipfile or tar.",
        "packages": packages,
    });
    std::fs::write(project_root().join("fixtures/third-party.json"), serde_json::to_string_pretty(&doc)? + "\n")?;
    Ok(())
}
