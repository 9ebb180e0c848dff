//! `cargo xtask fixtures`: build the fixture matrix from `fixtures/src`,
//! write `fixtures/manifest.json` (what each binary must be, by
//! construction), then bless the golden reports.
//!
//! Expected verdicts, causes and fixes come from what each program links and
//! how it was built, never from linklens' own output.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use crate::{project_root, run, Result};

/// The cgo components each program links when cgo is on and nothing removes them.
const PROGRAMS: &[(&str, &[&str])] = &[
    ("hello", &[]),
    ("lookuphost", &["dns"]),
    ("userlookup", &["osuser"]),
    ("cstdio", &["cgo-own"]),
    ("sqlite", &["cgo-dep"]),
    ("netuser", &["dns", "osuser"]),
    ("listen", &["dns"]),
    ("localcgo", &["cgo-dep"]),
    ("pluginhost", &["plugin"]),
    ("plugin", &[]),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Go {
    V119,
    V126,
    V127,
}

impl Go {
    fn label(self) -> &'static str {
        match self {
            Go::V119 => "go1.19",
            Go::V126 => "go1.26",
            Go::V127 => "go1.27",
        }
    }
    fn command(self) -> (String, Vec<(&'static str, &'static str)>) {
        match self {
            Go::V119 => ("/usr/lib/go-1.19/bin/go".into(), vec![("GOTOOLCHAIN", "local")]),
            Go::V126 => ("go".into(), vec![("GOTOOLCHAIN", "local")]),
            Go::V127 => ("go".into(), vec![("GOTOOLCHAIN", "go1.27.3")]),
        }
    }
}

/// How a variant links, which decides the expected verdict.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Link {
    /// cgo on, system gcc and glibc: dynamic if any cgo component remains.
    Glibc,
    /// No cgo at all (CGO_ENABLED=0, or a cross build that turns it off).
    NoCgo,
    /// -buildmode=pie without cgo: interpreter, no libraries.
    PieNoCgo,
    /// musl or zig, -extldflags -static: static whatever is inside.
    MuslStatic,
    /// CC=musl-gcc without -linkmode external.
    MuslDynamic,
    /// gcc -static against glibc.
    GlibcStatic,
    /// -buildmode=pie -extldflags -static-pie.
    StaticPie,
    /// -buildmode=plugin: a shared object.
    Plugin,
    Darwin,
    Windows,
}

struct Variant {
    name: &'static str,
    env: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
    /// Build tags that remove components.
    removes: &'static [&'static str],
    link: Link,
    /// Build from the file path (`go build cmd/x/main.go`), as the article does.
    by_file: bool,
}

const ZIG_AMD64: &str = "zig cc -target x86_64-linux-musl";
const ZIG_ARM64: &str = "zig cc -target aarch64-linux-musl";
const STATIC_LD: &str = "-linkmode external -extldflags \"-static\"";

const VARIANTS: &[Variant] = &[
    Variant { name: "default", env: &[], args: &[], removes: &[], link: Link::Glibc, by_file: false },
    Variant { name: "netgo", env: &[], args: &["-tags", "netgo"], removes: &["dns"], link: Link::Glibc, by_file: false },
    Variant { name: "osusergo", env: &[], args: &["-tags", "osusergo"], removes: &["osuser"], link: Link::Glibc, by_file: false },
    Variant { name: "netgo-osusergo", env: &[], args: &["-tags", "netgo,osusergo"], removes: &["dns", "osuser"], link: Link::Glibc, by_file: false },
    Variant { name: "cgo0", env: &[("CGO_ENABLED", "0")], args: &[], removes: &["dns", "osuser", "plugin"], link: Link::NoCgo, by_file: false },
    Variant { name: "sw", env: &[], args: &["-ldflags", "-s -w"], removes: &[], link: Link::Glibc, by_file: false },
    Variant {
        name: "flags",
        env: &[],
        args: &["-tags", "timetzdata", "-ldflags", "-s -w -X main.version=1.0 -extldflags=-Wl,--as-needed"],
        removes: &[],
        link: Link::Glibc,
        by_file: false,
    },
    Variant { name: "pie", env: &[("CGO_ENABLED", "0")], args: &["-buildmode=pie"], removes: &["dns", "osuser"], link: Link::PieNoCgo, by_file: false },
    Variant { name: "pie-cgo", env: &[], args: &["-buildmode=pie"], removes: &[], link: Link::Glibc, by_file: false },
    Variant { name: "musl", env: &[("CC", "musl-gcc")], args: &["-ldflags", STATIC_LD], removes: &[], link: Link::MuslStatic, by_file: false },
    Variant { name: "musl-dynamic", env: &[("CC", "musl-gcc")], args: &[], removes: &[], link: Link::MuslDynamic, by_file: false },
    Variant { name: "zig", env: &[("CC", ZIG_AMD64)], args: &[], removes: &[], link: Link::MuslStatic, by_file: false },
    Variant { name: "zig-external", env: &[("CC", ZIG_AMD64)], args: &["-ldflags", "-linkmode external"], removes: &[], link: Link::MuslStatic, by_file: false },
    Variant { name: "glibc-static", env: &[], args: &["-ldflags", STATIC_LD], removes: &[], link: Link::GlibcStatic, by_file: false },
    Variant {
        name: "static-pie",
        env: &[],
        args: &["-buildmode=pie", "-ldflags", "-linkmode external -extldflags \"-static-pie\""],
        removes: &[],
        link: Link::StaticPie,
        by_file: false,
    },
    Variant { name: "arm64-cgo0", env: &[("GOARCH", "arm64"), ("CGO_ENABLED", "0")], args: &[], removes: &["dns", "osuser"], link: Link::NoCgo, by_file: false },
    Variant { name: "arm64-zig", env: &[("GOARCH", "arm64"), ("CGO_ENABLED", "1"), ("CC", ZIG_ARM64)], args: &[], removes: &[], link: Link::MuslStatic, by_file: false },
    // Cross builds turn cgo off silently, and record CGO_ENABLED=0.
    Variant { name: "386", env: &[("GOARCH", "386")], args: &[], removes: &["dns", "osuser"], link: Link::NoCgo, by_file: false },
    Variant { name: "s390x", env: &[("GOARCH", "s390x"), ("CGO_ENABLED", "0")], args: &[], removes: &[], link: Link::NoCgo, by_file: false },
    Variant { name: "darwin-arm64", env: &[("GOOS", "darwin"), ("GOARCH", "arm64"), ("CGO_ENABLED", "0")], args: &[], removes: &[], link: Link::Darwin, by_file: false },
    Variant { name: "windows-amd64", env: &[("GOOS", "windows"), ("GOARCH", "amd64"), ("CGO_ENABLED", "0")], args: &[], removes: &[], link: Link::Windows, by_file: false },
    Variant { name: "plugin", env: &[], args: &["-buildmode=plugin"], removes: &[], link: Link::Plugin, by_file: false },
    Variant { name: "file", env: &[], args: &[], removes: &[], link: Link::Glibc, by_file: true },
];

/// (program, variant, Go): the matrix. Kept to what each variant proves, so
/// the committed binaries stay well under 80 MB.
const MATRIX: &[(&str, &str, Go)] = &[
    ("hello", "default", Go::V126),
    ("lookuphost", "default", Go::V126),
    ("userlookup", "default", Go::V126),
    ("cstdio", "default", Go::V126),
    ("sqlite", "default", Go::V126),
    ("netuser", "default", Go::V126),
    ("listen", "default", Go::V126),
    ("localcgo", "default", Go::V126),
    ("pluginhost", "default", Go::V126),
    ("plugin", "plugin", Go::V126),
    ("lookuphost", "netgo", Go::V126),
    ("userlookup", "osusergo", Go::V126),
    ("netuser", "netgo-osusergo", Go::V126),
    ("netuser", "cgo0", Go::V126),
    ("cstdio", "cgo0", Go::V126),
    ("userlookup", "sw", Go::V126),
    ("lookuphost", "flags", Go::V126),
    ("hello", "pie", Go::V126),
    ("lookuphost", "pie-cgo", Go::V126),
    ("lookuphost", "musl", Go::V126),
    ("cstdio", "musl", Go::V126),
    ("sqlite", "musl", Go::V126),
    ("localcgo", "musl", Go::V126),
    ("lookuphost", "musl-dynamic", Go::V126),
    ("cstdio", "zig", Go::V126),
    ("lookuphost", "zig", Go::V126),
    ("lookuphost", "zig-external", Go::V126),
    ("lookuphost", "glibc-static", Go::V126),
    ("userlookup", "glibc-static", Go::V126),
    ("hello", "static-pie", Go::V126),
    ("hello", "arm64-cgo0", Go::V126),
    ("cstdio", "arm64-zig", Go::V126),
    ("lookuphost", "386", Go::V126),
    ("hello", "s390x", Go::V126),
    ("hello", "darwin-arm64", Go::V126),
    ("hello", "windows-amd64", Go::V126),
    ("hello", "default", Go::V119),
    ("lookuphost", "file", Go::V119),
    ("userlookup", "default", Go::V119),
    ("cstdio", "default", Go::V119),
    ("hello", "pie", Go::V119),
    ("hello", "default", Go::V127),
    ("lookuphost", "default", Go::V127),
    ("userlookup", "default", Go::V127),
    ("cstdio", "default", Go::V127),
];

#[derive(Serialize)]
struct Manifest {
    comment: &'static str,
    fixtures: Vec<Entry>,
}

#[derive(Serialize)]
pub struct Expect {
    pub linkage: &'static str,
    pub causes: Vec<&'static str>,
    /// The recommended fix id, or null when nothing needs fixing.
    pub fix: Option<&'static str>,
    pub format: &'static str,
    pub goarch: Option<&'static str>,
    pub go: bool,
}

#[derive(Serialize)]
struct Entry {
    name: String,
    program: String,
    variant: String,
    toolchain: String,
    /// `go version` of the toolchain that built it (or the C/Rust compiler).
    toolchain_version: String,
    /// The exact command, runnable from fixtures/src.
    command: String,
    /// `built`, or `failed` with the compiler's last lines in `error`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    post: Option<String>,
    expect: Expect,
}

fn expect(program: &str, v: &Variant) -> Expect {
    let components: Vec<&'static str> =
        PROGRAMS.iter().find(|(p, _)| *p == program).map(|(_, c)| c.to_vec()).unwrap_or_default();
    let remaining: Vec<&'static str> = components.iter().copied().filter(|c| !v.removes.contains(c)).collect();
    let needs_c = remaining.iter().any(|c| *c == "cgo-own" || *c == "cgo-dep");
    let std_only = !remaining.is_empty() && !needs_c && !remaining.contains(&"plugin");
    let recommended_dynamic = || {
        if remaining.contains(&"plugin") {
            Some("plugin-rpc")
        } else if needs_c {
            Some("musl-gcc")
        } else if std_only {
            Some("cgo-off")
        } else {
            None
        }
    };
    let goarch = v.env.iter().find(|(k, _)| *k == "GOARCH").map(|(_, a)| *a).or(Some("amd64"));
    let (linkage, causes, fix, format) = match v.link {
        Link::Glibc if remaining.is_empty() => ("static", vec![], None, "elf"),
        Link::Glibc => ("dynamic", remaining.clone(), recommended_dynamic(), "elf"),
        Link::NoCgo => ("static", vec![], None, "elf"),
        Link::PieNoCgo => ("dynamic", vec!["pie-interp"], Some("drop-pie"), "elf"),
        Link::MuslStatic => ("static", remaining.clone(), None, "elf"),
        Link::MuslDynamic => ("dynamic", remaining.clone(), recommended_dynamic(), "elf"),
        Link::GlibcStatic => {
            let nss = remaining.iter().any(|c| *c == "dns" || *c == "osuser");
            ("static", remaining.clone(), nss.then_some("pure-go-tags"), "elf")
        }
        Link::StaticPie => ("static-pie", remaining.clone(), None, "elf"),
        Link::Plugin => ("dynamic", vec![], None, "elf"),
        Link::Darwin => ("dynamic", vec![], None, "macho"),
        Link::Windows => ("dynamic", vec![], None, "pe"),
    };
    Expect { linkage, causes, fix, format, goarch, go: true }
}

/// A `zig` on PATH that runs the ziglang package from PyPI.
fn zig_shim(build: &Path) -> Result<PathBuf> {
    let bin = build.join("bin");
    std::fs::create_dir_all(&bin)?;
    let shim = bin.join("zig");
    std::fs::write(&shim, "#!/bin/sh\nexec python3 -m ziglang \"$@\"\n")?;
    run(Command::new("chmod").arg("+x").arg(&shim))?;
    Ok(bin)
}

fn go_version(go: Go, src: &Path) -> String {
    let (cmd, env) = go.command();
    Command::new(cmd)
        .arg("version")
        .envs(env)
        .current_dir(src)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unavailable".into())
}

fn shell_word(s: &str) -> String {
    if s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=,:".contains(c)) {
        s.to_string()
    } else {
        format!("'{s}'")
    }
}

pub fn build(only: Option<&str>) -> Result<()> {
    let root = project_root();
    let src = root.join("fixtures/src");
    let out_dir = root.join("fixtures/bin");
    let build = root.join("fixtures/.build");
    std::fs::create_dir_all(&out_dir)?;
    let shim = zig_shim(&build)?;
    let path = format!("{}:{}", shim.display(), std::env::var("PATH").unwrap_or_default());
    let mut entries = Vec::new();

    for &(program, variant, go) in MATRIX {
        let v = VARIANTS.iter().find(|v| v.name == variant).expect("variant in VARIANTS");
        let name = format!("{program}-{variant}-{}", go.label());
        let (gocmd, toolchain_env) = go.command();
        // Native builds say CGO_ENABLED=1 explicitly; cross builds keep Go's
        // default (off), which is what the 386 fixture is about.
        let cross = v.env.iter().any(|(k, _)| *k == "GOARCH" || *k == "GOOS");
        let mut env: Vec<(String, String)> = if cross { vec![] } else { vec![("CGO_ENABLED".into(), "1".into())] };
        for (k, val) in v.env {
            env.retain(|(ek, _)| ek != k);
            env.push((k.to_string(), val.to_string()));
        }
        let target = if v.by_file { format!("cmd/{program}/main.go") } else { format!("./cmd/{program}") };
        let mut args: Vec<String> = vec!["build".into(), "-buildvcs=false".into(), "-o".into(), format!("../bin/{name}")];
        args.extend(v.args.iter().map(|s| s.to_string()));
        args.push(target);
        let shown_env: Vec<String> = toolchain_env
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .chain(env.iter().map(|(k, v)| format!("{k}={}", shell_word(v))))
            .collect();
        let command = format!("{} {} {}", shown_env.join(" "), if go == Go::V119 { "/usr/lib/go-1.19/bin/go" } else { "go" }, args.iter().map(|a| shell_word(a)).collect::<Vec<_>>().join(" "));
        let mut entry = Entry {
            name: name.clone(),
            program: program.into(),
            variant: variant.into(),
            toolchain: go.label().into(),
            toolchain_version: go_version(go, &src),
            command,
            status: "built",
            error: None,
            file: None,
            post: None,
            expect: expect(program, v),
        };
        if only.is_some_and(|o| !name.contains(o)) {
            // Keep the entry from the existing binary, rebuilt or not.
            if out_dir.join(format!("{name}.gz")).exists() {
                entry.file = Some(format!("bin/{name}.gz"));
                entry.post = post_step(v, go);
                entries.push(entry);
            }
            continue;
        }
        eprintln!("building {name}");
        let output = Command::new(&gocmd)
            .args(&args)
            .envs(toolchain_env.iter().map(|(k, v)| (k.to_string(), v.to_string())))
            .envs(env.iter().cloned())
            .env("PATH", &path)
            .env("GOFLAGS", "-mod=mod")
            .current_dir(&src)
            .output()?;
        if !output.status.success() {
            let err = String::from_utf8_lossy(&output.stderr);
            let tail: Vec<&str> = err.lines().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
            eprintln!("  failed (recorded): {}", tail.join(" | "));
            entry.status = "failed";
            entry.error = Some(tail.join("\n"));
            let _ = std::fs::remove_file(out_dir.join(&name));
            let _ = std::fs::remove_file(out_dir.join(format!("{name}.gz")));
            entries.push(entry);
            continue;
        }
        if let Some(post) = post_step(v, go) {
            run(Command::new("sh").arg("-c").arg(&post).current_dir(&out_dir).env("F", &name))?;
            entry.post = Some(post);
        }
        compress(&out_dir, &name)?;
        entry.file = Some(format!("bin/{name}.gz"));
        entries.push(entry);
    }
    entries.extend(non_go(&root, &out_dir)?);
    let manifest = Manifest {
        comment: "Written by `cargo xtask fixtures`. `expect` is by construction (what each program links and how it was built), not linklens output.",
        fixtures: entries,
    };
    std::fs::write(root.join("fixtures/manifest.json"), serde_json::to_string_pretty(&manifest)? + "\n")?;
    let total: u64 = std::fs::read_dir(&out_dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".gz"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    eprintln!("fixtures: {} entries, {:.1} MB compressed in fixtures/bin", manifest.fixtures.len(), total as f64 / 1e6);
    eprintln!("blessing golden reports");
    run(Command::new("cargo")
        .args(["test", "-q", "-p", "linklens", "--test", "fixtures"])
        .env("LINKLENS_BLESS", "1")
        .current_dir(&root))?;
    Ok(())
}

/// Binaries are committed gzip-compressed (`-n`: no name or time inside,
/// so rebuilding an identical binary changes nothing): the full matrix is
/// about 110 MB raw and 45 MB compressed. Tests and tools decompress them
/// into target/fixtures.
fn compress(dir: &Path, name: &str) -> Result<()> {
    run(Command::new("gzip").args(["-9", "-n", "-f", name]).current_dir(dir))
}

/// Strip DWARF (not the symbol table) from native ELF files to keep the
/// repository small; cross-architecture files go through `-s -w`-free
/// builds and are small enough as they are.
fn post_step(v: &Variant, _go: Go) -> Option<String> {
    let native_elf = !v.env.iter().any(|(k, _)| *k == "GOARCH" || *k == "GOOS");
    (native_elf && v.name != "sw" && v.name != "flags").then(|| "strip --strip-debug \"$F\"".to_string())
}

/// C, C++ and Rust programs: the non-Go cases.
fn non_go(root: &Path, out_dir: &Path) -> Result<Vec<Entry>> {
    let src = root.join("fixtures/src/nongo");
    let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
        ("c-dynamic", "gcc -O2 -o ../../bin/c-dynamic hello.c", "dynamic", "gcc", Some("c-static")),
        ("c-static", "gcc -O2 -static -o ../../bin/c-static hello.c", "static", "gcc", None),
        ("cxx-dynamic", "g++ -O2 -o ../../bin/cxx-dynamic hello.cpp", "dynamic", "g++", Some("cxx-static")),
        ("rust-dynamic", "rustc -O -C strip=symbols -o ../../bin/rust-dynamic hello.rs", "dynamic", "rustc", Some("rust-musl")),
    ];
    let mut out = Vec::new();
    for &(name, cmd, linkage, tool, fix) in cases {
        eprintln!("building {name}");
        let ok = Command::new("sh").arg("-c").arg(cmd).current_dir(&src).status()?.success();
        let version = Command::new(tool)
            .arg("--version")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).lines().next().map(str::to_string))
            .unwrap_or_default();
        out.push(Entry {
            name: name.into(),
            program: name.split('-').next().unwrap_or(name).into(),
            variant: linkage.into(),
            toolchain: tool.into(),
            toolchain_version: version,
            command: cmd.into(),
            status: if ok { "built" } else { "failed" },
            error: (!ok).then(|| "compiler failed".to_string()),
            file: if ok && out_dir.join(name).exists() {
                compress(out_dir, name)?;
                Some(format!("bin/{name}.gz"))
            } else {
                None
            },
            post: None,
            expect: Expect {
                linkage,
                causes: if linkage == "dynamic" { vec!["non-go"] } else { vec![] },
                fix,
                format: "elf",
                goarch: Some("amd64"),
                go: false,
            },
        });
    }
    Ok(out)
}
