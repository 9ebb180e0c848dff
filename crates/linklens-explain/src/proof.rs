//! A printed command, run: what `cargo xtask fixtures` records for each
//! fix of each fixture (the manifest's `proofs`), read back by the tests;
//! and the one environment a printed command runs in. Shared by xtask and
//! the tests so that both mean the same by a proof. Not a stable API.

use std::process::Command;

use linklens::{FixId, LibcName, Linkage};
use serde::{Deserialize, Serialize};

linklens::vocabulary! {
    /// What running a command gave.
    pub enum Outcome {
        /// A statically linked file.
        Static = "static",
        /// A static-pie file.
        StaticPie = "static-pie",
        /// A dynamically linked file.
        Dynamic = "dynamic",
        /// It did not build, or its output is not readable (see `detail`).
        Failed = "failed",
        /// Not run here (see `detail`).
        Skipped = "skipped",
    }
}

impl Outcome {
    /// The outcome of a file with this linkage.
    pub fn of(l: Linkage) -> Outcome {
        match l {
            Linkage::Static => Outcome::Static,
            Linkage::StaticPie => Outcome::StaticPie,
            Linkage::Dynamic => Outcome::Dynamic,
        }
    }

    /// The rebuilt file's linkage, when there is a file.
    pub fn linkage(self) -> Option<Linkage> {
        match self {
            Outcome::Static => Some(Linkage::Static),
            Outcome::StaticPie => Some(Linkage::StaticPie),
            Outcome::Dynamic => Some(Linkage::Dynamic),
            Outcome::Failed | Outcome::Skipped => None,
        }
    }
}

/// One command, run.
#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Proof {
    /// The fix.
    pub fix: FixId,
    /// The command as linklens prints it.
    pub command: String,
    /// Where it was run, inside the scratch copy (`.`, or the program's
    /// directory when the fix's note says to run it there).
    pub cwd: String,
    /// What the rebuilt file is, or that it failed or was skipped.
    pub outcome: Outcome,
    /// What the fix promised.
    pub expect: Linkage,
    /// The rebuilt file's C library, so a recipe that promises musl is
    /// held to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub libc: Option<LibcName>,
    /// The rebuilt file's glibc floor, for the recipes that stay dynamic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glibc_min: Option<String>,
    /// The rebuilt file's build settings as `go version -m` records them,
    /// to check that the fix kept what the binary chose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<(String, String)>,
    /// What `file -b` says of the rebuilt file: the proof's linkage judged
    /// by a tool users trust, not by linklens alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// What `readelf` says of the rebuilt file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readelf: Option<Readelf>,
    /// The build's last lines when it failed; why it was not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The same command's outcome in a clean environment: nothing
    /// inherited but `HOME` (Go's caches and settings), a `PATH` without a
    /// C compiler unless the command names one (a Go toolchain image such
    /// as `golang:alpine`, where cgo is off by default), so a command that
    /// leans on the shell's defaults shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clean: Option<Outcome>,
    /// For a BoringCrypto build: how many `_goboringcrypto_` symbols
    /// `go tool nm` lists in the result (0: BoringCrypto was left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boringcrypto_symbols: Option<usize>,
}

/// A rebuilt file as `readelf -lW -dW -VW` shows it.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Readelf {
    /// `[Requesting program interpreter: …]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpreter: Option<String>,
    /// `(NEEDED) Shared library: […]`, in order.
    pub needed: Vec<String>,
    /// The version names required (`GLIBC_2.34`…), from `.gnu.version_r`.
    pub versions: Vec<String>,
}

impl Readelf {
    /// The three views of `readelf -lW -dW -VW`'s output.
    pub fn parse(text: &str) -> Readelf {
        let bracketed = |line: &str, marker: &str| {
            let (_, rest) = line.split_once(marker)?;
            Some(rest.split_once(']')?.0.to_string())
        };
        let mut view = Readelf::default();
        let mut in_needs = false;
        for line in text.lines() {
            if let Some(interp) = bracketed(line, "[Requesting program interpreter: ") {
                view.interpreter = Some(interp);
            } else if line.contains("(NEEDED)") {
                view.needed.extend(bracketed(line, "Shared library: ["));
            } else if line.starts_with("Version needs section") {
                in_needs = true;
            } else if line.starts_with("Version ") {
                in_needs = false;
            } else if in_needs {
                // `  0x0010:   Name: GLIBC_2.34  Flags: none  Version: 2`
                if let Some((_, rest)) = line.split_once("Name: ").filter(|_| line.contains("Flags:")) {
                    let name = rest.split_whitespace().next().unwrap_or_default().to_string();
                    if !view.versions.contains(&name) {
                        view.versions.push(name);
                    }
                }
            }
        }
        view
    }
}

/// The environment a printed command runs in, for every proof: this
/// machine's Go (`GOTOOLCHAIN=local`), modules resolved as `go` would in
/// the fixtures' module (`-mod=mod`; none for a GOPATH build), and none of
/// the caller's settings that the command itself must carry (`CGO_ENABLED`,
/// `GOOS`, `GOARCH`, `CC`, `GO111MODULE`).
pub fn go_env(cmd: &mut Command, in_module: bool) -> &mut Command {
    cmd.env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", if in_module { "-mod=mod" } else { "" })
        .env_remove("GO111MODULE")
        .env_remove("CGO_ENABLED")
        .env_remove("GOOS")
        .env_remove("GOARCH")
        .env_remove("CC")
}
