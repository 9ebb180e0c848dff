//! Every rebuild command linklens prints for a fixture, run: in a scratch
//! copy of the fixture's source, through `sh -c`, exactly as printed, with
//! only the output path added (`go build -o OUT …`; C recipes name their
//! output `app` themselves). The result is analysed and recorded in the
//! manifest beside what the fix promised, so a test can fail on any
//! command that does not build or does not give what it says.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;

pub use linklens_explain::proof::{Outcome, Proof, Readelf};

/// Run readelf on `path` and read its three views.
pub fn readelf(path: &Path) -> Result<Readelf> {
    let out = Command::new("readelf").args(["-lW", "-dW", "-VW"]).arg(path).output()?;
    if !out.status.success() {
        return Err(format!("readelf {}: {}", path.display(), String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(Readelf::parse(&String::from_utf8_lossy(&out.stdout)))
}

/// How a fixture's source is laid out for its commands.
pub enum Source<'a> {
    /// A Go package in the fixtures module, in `dir` (`cmd/<program>`).
    Go { module: &'a Path, dir: &'a str },
    /// One C or C++ file, copied alone (the recipes build `*.c`/`*.cpp`).
    File(&'a Path),
    /// A Go program alone in a directory, outside any module (GOPATH mode).
    Dir(&'a Path),
    /// A module in a git checkout, copied with its `.git` so that the
    /// rebuild records the same `vcs.*` settings.
    Checkout(&'a Path),
}

/// Why a command is not run here, if it is not.
fn not_run_here(fix: &linklens_explain::Fix) -> Option<&'static str> {
    let c = &fix.command;
    if c.contains("docker ") {
        Some("needs Docker, which fixture builds do not use")
    } else if c.contains("rustup ") {
        Some("needs rustup and a download of the musl target")
    } else if fix.build.as_ref().is_some_and(|b| b.go_get.is_some()) {
        Some("needs the source changed first, as its note says")
    } else {
        None
    }
}

/// Run every fix of `report` against `source`; `scratch` is emptied first.
pub fn prove(report: &linklens_explain::Report, source: Source, scratch: &Path, path_env: &str) -> Result<Vec<Proof>> {
    let mut out = Vec::new();
    for (i, fix) in report.explanation.fixes.iter().enumerate() {
        let dir = scratch.join(format!("{i}-{}", fix.id));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let mut proof = Proof {
            fix: fix.id,
            command: fix.command.clone(),
            cwd: ".".into(),
            outcome: Outcome::Skipped,
            expect: fix.expect,
            libc: None,
            glibc_min: None,
            settings: Vec::new(),
            file: None,
            readelf: None,
            detail: None,
            clean: None,
            boringcrypto_symbols: None,
        };
        if let Some(why) = not_run_here(fix) {
            proof.detail = Some(why.into());
            out.push(proof);
            continue;
        }
        let output = dir.join("out");
        let cwd = match &source {
            Source::Go { module, dir: package_dir } => {
                copy_module(module, &dir.join("src"))?;
                // Built from files named on the command line, or with no
                // package recorded: the note says to run it where they are.
                let in_program_dir =
                    fix.notes.iter().any(|n| matches!(n.id, linklens::NoteId::CommandLineFiles | linklens::NoteId::PackageUnknown));
                if in_program_dir { package_dir.to_string() } else { ".".into() }
            }
            Source::File(file) => {
                std::fs::create_dir_all(dir.join("src"))?;
                std::fs::copy(file, dir.join("src").join(file.file_name().ok_or("file name")?))?;
                ".".into()
            }
            Source::Dir(from) => {
                crate::run(Command::new("cp").arg("-r").arg(from).arg(dir.join("src")))?;
                ".".into()
            }
            Source::Checkout(from) => {
                crate::run(Command::new("cp").arg("-a").arg(from).arg(dir.join("src")))?;
                ".".into()
            }
        };
        // Go commands get `-o OUT`; the C recipes name their output themselves.
        let command = match &source {
            Source::File(_) => Some(fix.command.clone()),
            Source::Go { .. } | Source::Dir(_) | Source::Checkout(_) => with_output(&fix.command, &output),
        };
        let Some(command) = command else {
            proof.outcome = Outcome::Failed;
            proof.detail = Some("no `go build` in the command to add the output path to".into());
            out.push(proof);
            continue;
        };
        let built = match &source {
            Source::Go { .. } | Source::Dir(_) | Source::Checkout(_) => output.clone(),
            Source::File(_) => dir.join("src/app"),
        };
        let in_module = matches!(source, Source::Go { .. } | Source::Checkout(_));
        proof.cwd = cwd.clone();
        let mut sh = Command::new("sh");
        sh.arg("-c").arg(&command).current_dir(dir.join("src").join(&cwd)).env("PATH", path_env);
        let result = linklens_explain::proof::go_env(&mut sh, in_module)
            .env_remove("GOOS")
            .env_remove("GOARCH")
            .output()?;
        if !result.status.success() {
            let err = String::from_utf8_lossy(&result.stderr);
            let tail: Vec<&str> = err.lines().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
            proof.outcome = Outcome::Failed;
            proof.detail = Some(tail.join("\n"));
        } else {
            let bytes = std::fs::read(&built).map_err(|e| format!("{}: {command}: no output at {}: {e}", fix.id, built.display()))?;
            let file = Command::new("file").arg("-b").arg(&built).output()?;
            proof.file = Some(String::from_utf8_lossy(&file.stdout).trim().to_string());
            proof.readelf = Some(readelf(&built)?);
            if command.contains("boringcrypto") {
                let nm = Command::new("go").args(["tool", "nm"]).arg(&built).env("GOTOOLCHAIN", "local").output()?;
                proof.boringcrypto_symbols = Some(String::from_utf8_lossy(&nm.stdout).lines().filter(|l| l.contains("_goboringcrypto_")).count());
            }
            match linklens::analyze(&bytes[..]) {
                Ok(r) => {
                    proof.outcome = Outcome::of(r.linkage);
                    proof.libc = Some(r.libc.name);
                    proof.glibc_min = r.portability.glibc_min.clone().filter(|_| !r.linkage.is_static());
                    proof.settings = r.go.iter().flat_map(|g| g.settings.iter().map(|s| (s.key.clone(), s.value.clone()))).collect();
                }
                Err(e) => {
                    proof.outcome = Outcome::Failed;
                    proof.detail = Some(format!("the output is not readable: {e}"));
                }
            }
        }
        if !matches!(proof.outcome, Outcome::Failed | Outcome::Skipped) {
            proof.clean = Some(clean_run(&command, &dir.join("src").join(&cwd), &built, in_module, path_env)?);
        }
        eprintln!("  proved {} {} (clean: {:?}): {}", fix.id, proof.outcome, proof.clean, fix.command);
        out.push(proof);
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(out)
}

/// The C and C++ compilers a shell may have: a clean run has none of them
/// unless the command names one.
const C_COMPILERS: &[&str] = &["cc", "gcc", "c++", "g++", "clang", "clang++", "c89", "c99", "tcc"];

/// Whether a command needs a C compiler by what it says: it names one
/// (`CC=…`, a C recipe) or links externally.
fn names_c_compiler(command: &str) -> bool {
    command.contains("CC=")
        || command.contains("-linkmode external")
        || command.contains("-linkmode=external")
        || ["gcc ", "g++ ", "musl-gcc ", "zig cc ", "zig c++ "].iter().any(|c| command.starts_with(c))
}

/// A directory of links to every program on `path_env` but the C
/// compilers (the first of a name wins, as in a shell), made once.
fn path_without_c_compilers(path_env: &str, dir: &Path) -> Result<String> {
    if !dir.exists() {
        let fresh = dir.with_extension("partial");
        let _ = std::fs::remove_dir_all(&fresh);
        std::fs::create_dir_all(&fresh)?;
        for entry_dir in std::env::split_paths(path_env) {
            let Ok(entries) = std::fs::read_dir(&entry_dir) else { continue };
            for e in entries.flatten() {
                let name = e.file_name();
                let n = name.to_string_lossy();
                let compiler = C_COMPILERS.contains(&n.as_ref())
                    || n.starts_with("gcc-")
                    || n.starts_with("g++-")
                    || n.starts_with("clang-")
                    || n.starts_with("x86_64-linux-gnu-gcc")
                    || n.starts_with("x86_64-linux-gnu-g++");
                let link = fresh.join(&name);
                if !compiler && !link.exists() {
                    std::os::unix::fs::symlink(e.path(), &link)?;
                }
            }
        }
        std::fs::rename(&fresh, dir)?;
    }
    Ok(dir.display().to_string())
}

/// Run `command` again in a clean environment and say what it built. The
/// first run's output is removed first, so this run's is the one judged.
fn clean_run(command: &str, cwd: &Path, built: &Path, in_module: bool, path_env: &str) -> Result<Outcome> {
    std::fs::remove_file(built)?;
    let path = if names_c_compiler(command) {
        path_env.to_string()
    } else {
        path_without_c_compilers(path_env, &crate::project_root().join("fixtures/.build/no-cc-bin"))?
    };
    let mut sh = Command::new("sh");
    sh.arg("-c").arg(command).current_dir(cwd).env_clear().env("PATH", path);
    if let Some(home) = std::env::var_os("HOME") {
        sh.env("HOME", home);
    }
    let result = linklens_explain::proof::go_env(&mut sh, in_module).output()?;
    if !result.status.success() {
        let err = String::from_utf8_lossy(&result.stderr);
        eprintln!("  clean run failed: {command}
{err}");
        return Ok(Outcome::Failed);
    }
    let bytes = std::fs::read(built)?;
    Ok(match linklens::analyze(&bytes[..]) {
        Ok(r) => Outcome::of(r.linkage),
        Err(_) => Outcome::Failed,
    })
}

/// The command with `-o OUT` after its `go build` (or `go test -c`).
fn with_output(command: &str, output: &Path) -> Option<String> {
    let at = ["go build", "go test -c"].iter().find_map(|verb| command.find(verb).map(|at| at + verb.len()))?;
    let (head, tail) = command.split_at_checked(at)?;
    Some(format!("{head} -o {}{tail}", output.display()))
}

/// The fixtures module without the non-Go sources and build products.
pub fn copy_module(module: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(module)? {
        let path: PathBuf = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "nongo" || name.starts_with('.') {
            continue;
        }
        crate::run(Command::new("cp").arg("-r").arg(&path).arg(to))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readelf_views_are_read() {
        let text = "\
Program Headers:
  INTERP         0x000318 0x0000000000000318 0x0000000000000318 0x00001c 0x00001c R   0x1
      [Requesting program interpreter: /lib64/ld-linux-x86-64.so.2]
Dynamic section at offset 0x2dc8 contains 27 entries:
  Tag        Type                         Name/Value
 0x0000000000000001 (NEEDED)             Shared library: [libresolv.so.2]
 0x0000000000000001 (NEEDED)             Shared library: [libc.so.6]
Version symbols section '.gnu.version' contains 7 entries:
 Addr: 0x0000000000000530  Offset: 0x000530  Link: 6 (.dynsym)
  000:   0 (*local*)       2 (GLIBC_2.34)
Version needs section '.gnu.version_r' contains 1 entry:
 Addr: 0x0000000000000540  Offset: 0x000540  Link: 7 (.dynstr)
  000000: Version: 1  File: libc.so.6  Cnt: 2
  0x0010:   Name: GLIBC_2.2.5  Flags: none  Version: 3
  0x0020:   Name: GLIBC_2.34  Flags: none  Version: 2
";
        let v = Readelf::parse(text);
        assert_eq!(v.interpreter.as_deref(), Some("/lib64/ld-linux-x86-64.so.2"));
        assert_eq!(v.needed, ["libresolv.so.2", "libc.so.6"]);
        assert_eq!(v.versions, ["GLIBC_2.2.5", "GLIBC_2.34"]);
        let none = Readelf::parse("There is no dynamic section in this file.\n");
        assert!(none.interpreter.is_none() && none.needed.is_empty() && none.versions.is_empty());
    }

    #[test]
    fn the_output_path_goes_right_after_go_build() {
        let out = Path::new("/tmp/x/out");
        assert_eq!(
            with_output("CGO_ENABLED=0 go build -tags netgo ./cmd/a", out).unwrap(),
            "CGO_ENABLED=0 go build -o /tmp/x/out -tags netgo ./cmd/a"
        );
        assert_eq!(with_output("CGO_ENABLED=0 go test -c ./nettest", out).unwrap(), "CGO_ENABLED=0 go test -c -o /tmp/x/out ./nettest");
        assert_eq!(with_output("musl-gcc -O2 -static -o app *.c", out), None);
    }
}
