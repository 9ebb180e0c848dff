//! Real root file systems, made from Debian's packages and cached outside
//! the repository, and what happens when each fixture is started in each:
//! `unshare -n chroot ROOT /app`, recorded in `fixtures/observations.json`.
//! The target verdicts are held against these observations by
//! `crates/linklens-explain/tests/observed.rs`; `cargo xtask test`
//! re-observes the empty root and one Debian root on every run, so the
//! record cannot go stale.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::{project_root, run, setup, Result};

/// How a root is made.
#[derive(Clone, Copy)]
enum Made {
    /// Nothing at all: `FROM scratch`.
    Empty,
    /// `debootstrap --variant=minbase SUITE`, as Debian's slim images are.
    Debootstrap(&'static str),
    /// Files from Debian packages (`apt-get download`, `dpkg-deb -x`), and
    /// the account files an image of this kind ships.
    Packages {
        packages: &'static [&'static str],
        accounts: bool,
    },
}

/// A root and the target whose image it stands for.
pub struct Root {
    pub name: &'static str,
    pub target: &'static str,
    made: Made,
    /// What it is, for the record.
    what: &'static str,
}

/// Every root, as the observations name them.
pub const ROOTS: &[Root] = &[
    Root { name: "scratch", target: "scratch", made: Made::Empty, what: "an empty directory" },
    Root {
        name: "distroless-static",
        target: "distroless-static",
        made: Made::Packages { packages: &["ca-certificates", "tzdata"], accounts: true },
        what: "the CA bundle and zoneinfo from Debian's packages, /etc/passwd, /etc/group, /etc/nsswitch.conf; no C library",
    },
    Root {
        name: "busybox",
        target: "busybox-musl",
        made: Made::Packages { packages: &["busybox-static"], accounts: true },
        what: "Debian's busybox-static (one static binary) and the account files; no loader",
    },
    Root {
        name: "musl",
        target: "alpine",
        made: Made::Packages { packages: &["musl", "ca-certificates"], accounts: true },
        what: "Debian's musl (/lib/ld-musl-x86_64.so.1) with the CA bundle and account files Alpine ships; no zoneinfo",
    },
    Root { name: "debian-11", target: "debian-11", made: Made::Debootstrap("bullseye"), what: "debootstrap --variant=minbase bullseye (glibc 2.31)" },
    Root { name: "debian-12", target: "debian-12", made: Made::Debootstrap("bookworm"), what: "debootstrap --variant=minbase bookworm (glibc 2.36)" },
    Root { name: "debian-13", target: "debian-13", made: Made::Debootstrap("trixie"), what: "debootstrap --variant=minbase trixie (glibc 2.41)" },
];

/// The roots `cargo xtask test` re-observes on every run.
pub const EVERY_RUN: &[&str] = &["scratch", "debian-12"];

const MIRROR: &str = "http://deb.debian.org/debian";
/// Bumped when a root's recipe changes, so cached roots are remade.
const RECIPE: &str = "2";

/// Where roots are cached: `$LINKLENS_CACHE/roots`, else `~/.cache/linklens/roots`.
fn cache() -> PathBuf {
    let base = std::env::var_os("LINKLENS_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("/root"));
            home.join(".cache/linklens")
        });
    base.join("roots")
}

/// The root, made if it is not cached yet.
pub fn ensure(root: &Root) -> Result<PathBuf> {
    let dir = cache().join(root.name);
    let stamp = dir.join(".linklens-root");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == RECIPE) {
        return Ok(dir);
    }
    let partial = cache().join(format!("{}.partial", root.name));
    let _ = std::fs::remove_dir_all(&partial);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&partial)?;
    eprintln!("making root {} ({})", root.name, root.what);
    match root.made {
        Made::Empty => {}
        Made::Debootstrap(suite) => {
            setup::apt(&[("debootstrap", "debootstrap")])?;
            let out = Command::new("debootstrap")
                .args(["--variant=minbase", suite])
                .arg(&partial)
                .arg(MIRROR)
                .output()?;
            if !out.status.success() {
                let log = String::from_utf8_lossy(&out.stdout);
                let tail: Vec<&str> = log.lines().rev().take(5).collect();
                return Err(format!("debootstrap {suite} failed: {}", tail.join(" | ")).into());
            }
            // Only the file system is wanted: debootstrap's caches are not,
            // nor the build machine's resolv.conf it copies in (Debian's
            // images ship none: the container runtime mounts one).
            let _ = std::fs::remove_dir_all(partial.join("var/cache/apt/archives"));
            match std::fs::remove_file(partial.join("etc/resolv.conf")) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
        Made::Packages { packages, accounts } => {
            extract_packages(packages, &partial)?;
            if packages.contains(&"ca-certificates") {
                write_ca_bundle(&partial)?;
            }
            if accounts {
                write_accounts(&partial)?;
            }
        }
    }
    std::fs::write(partial.join(".linklens-root"), RECIPE)?;
    std::fs::rename(&partial, &dir)?;
    Ok(dir)
}

/// `apt-get download` the packages and unpack them into `dir`.
fn extract_packages(packages: &[&str], dir: &Path) -> Result<()> {
    let debs = cache().join("debs");
    std::fs::create_dir_all(&debs)?;
    // The mirror's lists may be missing on a fresh machine: fetch them once, then again.
    let download = |quiet: bool| {
        Command::new("apt-get")
            .arg("download")
            .args(packages)
            .current_dir(&debs)
            .stderr(if quiet { Stdio::null() } else { Stdio::inherit() })
            .status()
    };
    if !download(true)?.success() {
        run(Command::new("apt-get").args(["update", "-qq"]))?;
        if !download(false)?.success() {
            return Err(format!("apt-get download {}: failed", packages.join(" ")).into());
        }
    }
    for package in packages {
        let deb = std::fs::read_dir(&debs)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{package}_")))
            })
            .max()
            .ok_or_else(|| format!("apt-get download {package}: no .deb"))?;
        run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(dir))?;
    }
    Ok(())
}

/// What `update-ca-certificates` makes: every Mozilla certificate the
/// package ships, in one file where Go, OpenSSL and Alpine look first.
fn write_ca_bundle(dir: &Path) -> Result<()> {
    let mut certs: Vec<PathBuf> = std::fs::read_dir(dir.join("usr/share/ca-certificates/mozilla"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    certs.sort();
    let mut bundle = String::new();
    for c in certs {
        bundle.push_str(std::fs::read_to_string(c)?.trim_end());
        bundle.push('\n');
    }
    std::fs::create_dir_all(dir.join("etc/ssl/certs"))?;
    std::fs::write(dir.join("etc/ssl/certs/ca-certificates.crt"), bundle)?;
    Ok(())
}

/// The account files distroless, busybox and Alpine images ship.
fn write_accounts(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir.join("etc"))?;
    std::fs::write(dir.join("etc/passwd"), "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n")?;
    std::fs::write(
        dir.join("etc/group"),
        "root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n",
    )?;
    std::fs::write(
        dir.join("etc/nsswitch.conf"),
        "hosts: files dns\npasswd: files\ngroup: files\n",
    )?;
    Ok(())
}

/// What happened when a file was started in a root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// The program ran: its exit status (none when it was still running
    /// after the timeout) and the first line it printed.
    Started {
        status: Option<i32>,
        said: Option<String>,
    },
    /// The kernel refused to start it (`execve` failed): chroot's report of
    /// the error (`No such file or directory` for a missing loader).
    ExecFailed { error: String },
    /// The dynamic loader stopped it: every line it printed, in order.
    Loader {
        status: Option<i32>,
        lines: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub fixture: String,
    pub root: String,
    /// Arguments given after `/app` (the runtime-need checks).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// Started as a container runtime would start it: with the
    /// `/etc/hosts` and `/etc/resolv.conf` it mounts into every container.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub runtime: bool,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Serialize, Deserialize)]
struct Record {
    comment: String,
    roots: Vec<RootRecord>,
    observations: Vec<Observation>,
}

#[derive(Serialize, Deserialize)]
struct RootRecord {
    name: String,
    target: String,
    made: String,
}

/// Programs that hold a socket open or wait: still running after this, they started.
const TIMEOUT: Duration = Duration::from_secs(3);

/// Start `app` as `/app` in `root` without a network; what happened.
pub fn observe(root: &Path, app: &[u8], args: &[String]) -> Result<Outcome> {
    let target = root.join("app");
    std::fs::write(&target, app)?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o755))?;
    let mut child = Command::new("unshare")
        .args(["-n", "/usr/sbin/chroot"])
        .arg(root)
        .arg("/app")
        .args(args)
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break Some(s);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let out = child.wait_with_output()?;
    let _ = std::fs::remove_file(&target);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let code = status.and_then(|s| s.code());
    if stderr.starts_with("unshare: ") {
        // The harness failed, not the program: nothing was observed.
        return Err(format!("unshare -n chroot {}: {}", root.display(), stderr.trim()).into());
    }
    Ok(classify(code, &stdout, &stderr))
}

/// Tell the loader's words and chroot's exec failure from a started program.
fn classify(code: Option<i32>, stdout: &str, stderr: &str) -> Outcome {
    if let Some(rest) = stderr
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("/usr/sbin/chroot: failed to run command '/app': "))
    {
        return Outcome::ExecFailed {
            error: rest.to_string(),
        };
    }
    let loader_line = |l: &str| {
        // glibc's ld.so, and musl's (which names the file it was loading).
        (l.starts_with("/app: ")
            && [
                "error while loading shared libraries",
                "not found (required by",
                "symbol lookup error",
            ]
            .iter()
            .any(|p| l.contains(p)))
            || l.starts_with("Error loading shared library")
            || l.starts_with("Error relocating")
    };
    let lines: Vec<String> = stderr
        .lines()
        .filter(|l| loader_line(l))
        .map(str::to_string)
        .collect();
    if !lines.is_empty() && stderr.lines().next().is_some_and(loader_line) {
        return Outcome::Loader {
            status: code,
            lines,
        };
    }
    let said = stdout
        .lines()
        .chain(stderr.lines())
        .next()
        .map(|l| l.chars().take(200).collect());
    Outcome::Started { status: code, said }
}

/// The runtime-need checks of the `needs` fixtures (`needs tls|tz|user|dns`).
const NEED_CHECKS: &[&str] = &["tls", "tz", "user", "dns"];

/// What Docker writes into a container's `/etc/hosts`; its
/// `/etc/resolv.conf` names the host's servers (here one that cannot
/// answer: the lookup must come from the file).
const RUNTIME_HOSTS: &str = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
const RUNTIME_RESOLV_CONF: &str = "nameserver 192.0.2.53\n";

/// Observe in `root` with the files a container runtime mounts, written
/// where the root has none and taken away afterwards.
fn observe_as_mounted(root: &Path, app: &[u8], args: &[String]) -> Result<Outcome> {
    let mut written = Vec::new();
    let etc = root.join("etc");
    let made_etc = !etc.exists();
    std::fs::create_dir_all(&etc)?;
    for (path, text) in [("etc/hosts", RUNTIME_HOSTS), ("etc/resolv.conf", RUNTIME_RESOLV_CONF)] {
        let file = root.join(path);
        // symlink_metadata: a dangling resolv.conf link is still the root's own.
        if std::fs::symlink_metadata(&file).is_err() {
            std::fs::write(&file, text)?;
            written.push(file);
        }
    }
    let outcome = observe(root, app, args);
    for file in written {
        std::fs::remove_file(file)?;
    }
    if made_etc {
        std::fs::remove_dir(&etc)?;
    }
    outcome
}

/// The Linux x86-64 executables among the fixtures, with their bytes.
fn executables(root: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        root.join("fixtures/manifest.json"),
    )?)?;
    let mut out = Vec::new();
    for f in manifest["fixtures"]
        .as_array()
        .ok_or("manifest: no fixtures")?
    {
        let (Some(name), Some(file)) = (f["name"].as_str(), f["file"].as_str()) else {
            continue;
        };
        let mut bytes = Vec::new();
        use std::io::Read;
        flate2::read::GzDecoder::new(std::fs::File::open(root.join("fixtures").join(file))?)
            .read_to_end(&mut bytes)?;
        // Which files to start is read from the file; what happens is not.
        let Ok(facts) = linklens::analyze(&bytes[..]) else {
            continue;
        };
        let executable = matches!(
            facts.kind,
            linklens::Kind::Executable | linklens::Kind::PieExecutable
        );
        if facts.format == linklens::Format::Elf
            && facts.os.name == linklens::Os::Linux
            && facts.arch.goarch.as_deref() == Some("amd64")
            && executable
        {
            out.push((name.to_string(), bytes));
        }
    }
    Ok(out)
}

/// Observe every fixture in the named roots (all when `only` is empty).
fn observe_all(only: &[&str]) -> Result<Vec<Observation>> {
    let project = project_root();
    let files = executables(&project)?;
    let mut observations = Vec::new();
    for root in ROOTS
        .iter()
        .filter(|r| only.is_empty() || only.contains(&r.name))
    {
        let dir = ensure(root)?;
        for (name, bytes) in &files {
            let mut runs: Vec<(Vec<String>, bool)> = vec![(vec![], false)];
            if name.starts_with("needs-") {
                runs.extend(NEED_CHECKS.iter().map(|c| (vec![c.to_string()], false)));
                // The resolver's files come from the runtime: both ways.
                runs.push((vec!["dns".to_string()], true));
            }
            for (args, runtime) in runs {
                let mut outcome = if runtime {
                    observe_as_mounted(&dir, bytes, &args)?
                } else {
                    observe(&dir, bytes, &args)?
                };
                // What a program says when merely started varies (log's
                // timestamps): only the checks' answers are recorded.
                if let (true, Outcome::Started { said, .. }) = (args.is_empty(), &mut outcome) {
                    *said = None;
                }
                observations.push(Observation {
                    fixture: name.clone(),
                    root: root.name.into(),
                    args,
                    runtime,
                    outcome,
                });
            }
        }
        eprintln!("observed {} files in {}", files.len(), root.name);
    }
    Ok(observations)
}

const RECORD: &str = "fixtures/observations.json";

/// `cargo xtask observe`: make every root, start every fixture in each,
/// and write the record.
pub fn record() -> Result<()> {
    let observations = observe_all(&[])?;
    let record = Record {
        comment: "Written by `cargo xtask observe`: each Linux x86-64 fixture started as /app in each root (unshare -n chroot ROOT /app), and what happened. Observed, not derived from linklens.".into(),
        roots: ROOTS.iter().map(|r| RootRecord { name: r.name.into(), target: r.target.into(), made: r.what.into() }).collect(),
        observations,
    };
    std::fs::write(
        project_root().join(RECORD),
        serde_json::to_string_pretty(&record)? + "\n",
    )?;
    eprintln!("{}: {} observations", RECORD, record.observations.len());
    Ok(())
}

/// Re-observe the roots `cargo xtask test` checks on every run and fail
/// where the record says otherwise.
pub fn check() -> Result<()> {
    let record: Record =
        serde_json::from_str(&std::fs::read_to_string(project_root().join(RECORD))?)?;
    let fresh = observe_all(EVERY_RUN)?;
    let mut stale = Vec::new();
    for o in &fresh {
        let recorded = record
            .observations
            .iter()
            .find(|r| r.fixture == o.fixture && r.root == o.root && r.args == o.args && r.runtime == o.runtime);
        // A program that started may say something else each run (a
        // timeout, an address): only the kind of outcome must hold for it.
        let same = match (recorded.map(|r| &r.outcome), &o.outcome) {
            (Some(Outcome::Started { .. }), Outcome::Started { .. }) if o.args.is_empty() => true,
            (Some(r), o) => r == o,
            (None, _) => false,
        };
        if !same {
            stale.push(format!(
                "{} in {} {:?}: recorded {:?}, now {:?}",
                o.fixture,
                o.root,
                o.args,
                recorded.map(|r| &r.outcome),
                o.outcome
            ));
        }
    }
    let expected = record
        .observations
        .iter()
        .filter(|r| EVERY_RUN.contains(&r.root.as_str()))
        .count();
    if fresh.len() != expected {
        stale.push(format!(
            "{} observations now in {:?}, {} recorded (cargo xtask observe)",
            fresh.len(),
            EVERY_RUN,
            expected
        ));
    }
    if !stale.is_empty() {
        return Err(format!(
            "the recorded observations are stale (cargo xtask observe):\n  {}",
            stale.join("\n  ")
        )
        .into());
    }
    eprintln!(
        "observations: {} re-observed in {:?}, as recorded",
        fresh.len(),
        EVERY_RUN
    );
    Ok(())
}
