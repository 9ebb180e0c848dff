//! The words for targets, for the facts that decide a verdict, and for
//! operating systems. The facts about each target are in
//! `portability::targets`.

use linklens::{NeedId, Os, ReasonId, RemedyId, TargetId};

/// A target's words.
#[derive(Debug, serde::Serialize)]
pub struct TargetWords {
    /// Its id.
    pub id: TargetId,
    /// How people name it.
    pub name: &'static str,
    /// What it is, in one line.
    pub summary: &'static str,
}

/// The words of a deciding fact.
#[derive(Debug, serde::Serialize)]
pub struct ReasonWords {
    /// Its id.
    pub id: ReasonId,
    /// The fact, with `{placeholders}`.
    pub reason: &'static str,
    /// What the user sees there, with `{placeholders}`; `None` when it runs.
    pub error: Option<&'static str>,
}

const fn t(id: TargetId, name: &'static str, summary: &'static str) -> TargetWords {
    TargetWords { id, name, summary }
}

pub(super) static TARGETS: [TargetWords; TargetId::ALL.len()] = [
    t(TargetId::Scratch, "scratch", "FROM scratch: an empty file system, no C library, no loader."),
    t(TargetId::DistrolessStatic, "distroless static", "gcr.io/distroless/static-debian12: CA certificates, tzdata and /etc/passwd, but no C library."),
    t(TargetId::DistrolessBaseDebian12, "distroless base (Debian 12)", "gcr.io/distroless/base-debian12: glibc 2.36 and OpenSSL, no libgcc or libstdc++."),
    t(TargetId::DistrolessCcDebian12, "distroless cc (Debian 12)", "gcr.io/distroless/cc-debian12: base plus libgcc and libstdc++."),
    t(TargetId::BusyboxMusl, "busybox:musl", "One static busybox built with musl; no musl loader for other programs."),
    t(TargetId::BusyboxGlibc, "busybox:glibc", "busybox with Debian 12's glibc 2.36 libraries, nothing else."),
    t(TargetId::Alpine, "Alpine", "musl libc; no glibc loader (the gcompat package adds a shim)."),
    t(TargetId::Debian10, "Debian 10 (buster)", "glibc 2.28, libstdc++ GLIBCXX_3.4.25."),
    t(TargetId::Debian11, "Debian 11 (bullseye)", "glibc 2.31, libstdc++ GLIBCXX_3.4.28."),
    t(TargetId::Debian12, "Debian 12 (bookworm)", "glibc 2.36, libstdc++ GLIBCXX_3.4.30."),
    t(TargetId::Debian13, "Debian 13 (trixie)", "glibc 2.41, libstdc++ GLIBCXX_3.4.33."),
    t(TargetId::Ubuntu1804, "Ubuntu 18.04", "glibc 2.27, libstdc++ GLIBCXX_3.4.25."),
    t(TargetId::Ubuntu2004, "Ubuntu 20.04", "glibc 2.31, libstdc++ GLIBCXX_3.4.28."),
    t(TargetId::Ubuntu2204, "Ubuntu 22.04", "glibc 2.35, libstdc++ GLIBCXX_3.4.30."),
    t(TargetId::Ubuntu2404, "Ubuntu 24.04", "glibc 2.39, libstdc++ GLIBCXX_3.4.33."),
    t(TargetId::Rhel7, "RHEL 7 / CentOS 7", "glibc 2.17, libstdc++ GLIBCXX_3.4.19."),
    t(TargetId::Rhel8, "RHEL 8 / UBI 8 / Rocky 8", "glibc 2.28, libstdc++ GLIBCXX_3.4.25."),
    t(TargetId::Rhel9, "RHEL 9 / UBI 9 / Rocky 9", "glibc 2.34, libstdc++ GLIBCXX_3.4.29."),
    t(TargetId::Rhel10, "RHEL 10 / UBI 10 / Rocky 10", "glibc 2.39, libstdc++ GLIBCXX_3.4.33."),
    t(TargetId::AmazonLinux2, "Amazon Linux 2", "glibc 2.26, libstdc++ GLIBCXX_3.4.24."),
    t(TargetId::AmazonLinux2023, "Amazon Linux 2023", "glibc 2.34, libstdc++ GLIBCXX_3.4.33."),
];

/// What a container runtime prints when the kernel cannot start the file
/// (its loader is missing): `execve`'s ENOENT, in runc's words.
const NO_SUCH_FILE: &str = "exec /app: no such file or directory";

/// glibc's loader, word for word (`elf/dl-load.c`, `elf/dl-version.c`;
/// the same in glibc 2.17 to 2.41): a missing library stops it before any
/// version is checked; then one line per missing version, in the order
/// the file lists them, weak ones included.
/// A needed library not found.
pub const LOADER_MISSING_LIBRARY: &str = "/app: error while loading shared libraries: {library}: cannot open shared object file: No such file or directory";
/// A needed version not defined by the library found.
pub const LOADER_VERSION: &str = "/app: {path}: version `{version}' not found (required by /app)";
/// A weak version not defined (printed beside a missing one).
pub const LOADER_WEAK_VERSION: &str =
    "/app: {path}: weak version `{version}' not found (required by /app)";

const fn r(id: ReasonId, reason: &'static str, error: Option<&'static str>) -> ReasonWords {
    ReasonWords { id, reason, error }
}

pub(super) static REASONS: [ReasonWords; ReasonId::ALL.len()] = [
    r(ReasonId::Static, "Static: needs nothing from the image.", None),
    r(ReasonId::ArchUnpublished, "{target} publishes no image for {arch}.", Some("exec /app: exec format error")),
    r(ReasonId::NoLoader, "The image has no dynamic loader: {interpreter} is missing.", Some(NO_SUCH_FILE)),
    r(ReasonId::GlibcOnMusl, "A glibc binary on musl: glibc's loader {interpreter} is not in the image as shipped.", Some(NO_SUCH_FILE)),
    r(ReasonId::MuslOnGlibc, "A musl binary on a glibc system: musl's loader {interpreter} is missing.", Some(NO_SUCH_FILE)),
    r(ReasonId::MuslLoaderMissing, "busybox:musl has no musl loader for other programs: {interpreter} is missing.", Some(NO_SUCH_FILE)),
    r(ReasonId::LibraryMissing, "{library} is not in the image, which has no package manager to add it.", Some(LOADER_MISSING_LIBRARY)),
    r(ReasonId::LibraryInstallable, "{library} is not in the image as shipped: it starts once its package is installed.", Some(LOADER_MISSING_LIBRARY)),
    // The symbols behind a version are in the floor line above the rows.
    r(ReasonId::GlibcTooOld, "Needs {version}; glibc {have} there.", Some(LOADER_VERSION)),
    r(
        ReasonId::GlibcWeakTooOld,
        "Only weak references need {version} > glibc {have} ({symbols}): it starts, and fails if they are called.",
        Some("/app: symbol lookup error: /app: undefined symbol: {symbol}, version {version}"),
    ),
    r(ReasonId::CxxTooOld, "Needs {version}; libstdc++ {have} there.", Some(LOADER_VERSION)),
    r(ReasonId::GlibcOk, "glibc {have} there; it needs {need}.", None),
    r(ReasonId::MuslOk, "musl and its loader are there.", None),
    r(ReasonId::LibcUnknown, "Which C library it needs could not be told, so neither can whether it starts.", None),
    r(ReasonId::NoCaBundle, "It starts, but the image has no CA bundle: every TLS certificate check fails ({function}).", Some(CA_ERROR)),
    r(ReasonId::NoZoneinfo, "It starts, but the image has no zoneinfo: loading a time zone by name fails ({function}).", Some(ZONE_ERROR)),
    r(ReasonId::NoAccounts, "It starts, but the image has no /etc/passwd: user lookups fail ({function}).", Some(ACCOUNTS_ERROR)),
];

/// After a `starts-but` reason, the other files the image lacks.
pub const ALSO_LACKS: &str = " It lacks {files} too.";

/// What a pure-Go program prints where each file is missing, as the
/// `needs` fixture prints it in an empty root.
const CA_ERROR: &str = "x509: certificate signed by unknown authority";
const ZONE_ERROR: &str = "unknown time zone America/New_York";
const ACCOUNTS_ERROR: &str = "open /etc/passwd: no such file or directory";

/// What os/user returns where the account files are missing, for the
/// lookup `function` a program links (its evidence). Go's own reader
/// (`osusergo`, or cgo off) fails to open the file; through libc (cgo,
/// `getpwuid_r` and friends) the lookup finds no entry, and the error
/// names what the program asked for, which the file does not say: it is
/// shown as `<uid>`, `<name>`… As `needs user` prints it in an empty root
/// (`LookupId`, both ways); the others are Go's error types
/// (`UnknownUserError`…, os/user/lookup.go). `None` where nothing fails:
/// `GroupIds` through libc answers with the primary group alone.
pub fn accounts_error(function: &str, via_libc: bool) -> Option<&'static str> {
    let group = function.starts_with("os/user.LookupGroup") || function.ends_with("GroupIds");
    Some(match (via_libc, function) {
        (false, _) if group => "open /etc/group: no such file or directory",
        (false, _) => ACCOUNTS_ERROR,
        (true, "os/user.Lookup") => "user: unknown user <name>",
        (true, "os/user.LookupId") => "user: unknown userid <uid>",
        (true, "os/user.LookupGroup") => "group: unknown group <name>",
        (true, "os/user.LookupGroupId") => "group: unknown groupid <gid>",
        (true, _) => return None,
    })
}

/// The words of a file a program reads at run time.
#[derive(Debug, serde::Serialize)]
pub struct NeedWords {
    /// Its id.
    pub id: NeedId,
    /// What it is, as a noun phrase.
    pub name: &'static str,
    /// The paths Go reads.
    pub paths: &'static str,
    /// The reason a target gets when it lacks the file; none when a
    /// container runtime provides it, so that no target lacks it.
    pub reason: Option<ReasonId>,
}

pub(super) static NEEDS: [NeedWords; NeedId::ALL.len()] = [
    NeedWords {
        id: NeedId::CaBundle,
        name: "the CA bundle",
        paths: "/etc/ssl/certs/ca-certificates.crt (and the other paths crypto/x509 tries)",
        reason: Some(ReasonId::NoCaBundle),
    },
    NeedWords {
        id: NeedId::Zoneinfo,
        name: "zoneinfo",
        paths: "/usr/share/zoneinfo",
        reason: Some(ReasonId::NoZoneinfo),
    },
    NeedWords {
        id: NeedId::Accounts,
        name: "the account files",
        paths: "/etc/passwd, /etc/group",
        reason: Some(ReasonId::NoAccounts),
    },
    NeedWords {
        id: NeedId::Hosts,
        name: "the resolver's files",
        paths: "/etc/resolv.conf, /etc/hosts, /etc/nsswitch.conf",
        reason: None,
    },
];

/// The words of a remedy: a command and what to know about it.
#[derive(Debug, serde::Serialize)]
pub struct RemedyWords {
    /// Its id.
    pub id: RemedyId,
    /// The command or Dockerfile line, with `{placeholders}`.
    pub command: &'static str,
    /// Its caveat.
    pub caveat: &'static str,
}

const fn m(id: RemedyId, command: &'static str, caveat: &'static str) -> RemedyWords {
    RemedyWords {
        id,
        command,
        caveat,
    }
}

pub(super) static REMEDIES: [RemedyWords; RemedyId::ALL.len()] = [
    m(RemedyId::InstallPackage, "RUN {install} {package}", "In the image's Dockerfile; the package's {library} must define every version the binary needs."),
    m(
        RemedyId::Gcompat,
        "RUN apk add gcompat",
        "gcompat maps glibc's loader onto musl: programs that use glibc-only symbols or newer versions than it covers still fail. A static build needs none of it.",
    ),
    m(RemedyId::InstallCaCertificates, "RUN {install} ca-certificates", "In the image's Dockerfile; the distribution keeps the bundle up to date."),
    m(
        RemedyId::CopyCaBundle,
        "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/",
        "From a build stage that has the bundle (apt-get install ca-certificates there); or link roots into the program: import _ \"golang.org/x/crypto/x509roots/fallback\".",
    ),
    m(RemedyId::InstallTzdata, "RUN {install} tzdata", "Or link zoneinfo into the program: build with -tags timetzdata (about 450 KB)."),
    m(RemedyId::EmbedTzdata, "go build -tags timetzdata", "Links zoneinfo into the program (about 450 KB); the same as import _ \"time/tzdata\" in package main."),
    m(RemedyId::CopyAccounts, "COPY --from=build /etc/passwd /etc/group /etc/", "From a build stage with the accounts the program looks up (root, nobody, the user it runs as)."),
];

/// How people name an operating system.
pub fn os_name(os: Os) -> &'static str {
    match os {
        Os::Linux => "Linux",
        Os::Android => "Android",
        Os::Freebsd => "FreeBSD",
        Os::Netbsd => "NetBSD",
        Os::Openbsd => "OpenBSD",
        Os::Dragonfly => "DragonFly BSD",
        Os::Solaris => "Solaris",
        Os::Illumos => "illumos",
        Os::Hurd => "GNU/Hurd",
        Os::Macos => "macOS",
        Os::Windows => "Windows",
    }
}
