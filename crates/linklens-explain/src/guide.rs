//! The guide: "Why is my Go binary dynamic?" — the questions Go developers
//! keep asking, answered once, for the documentation pages (and anything
//! else that wants them). Facts follow the fixtures where they differ from
//! received wisdom. Inline `code` is marked with backticks.

use serde::Serialize;

use crate::catalogue::TopicId;
use linklens::vocab::{CauseId, WarningId};

#[derive(Debug, Serialize)]
/// One question of the guide.
pub struct Question {
    /// The anchor: `#/guide/<id>`.
    pub id: &'static str,
    /// The question, as people ask it.
    pub question: &'static str,
    /// Paragraphs.
    pub answer: &'static [&'static str],
    /// Catalogue topics (cause or warning pages) to read next.
    pub see: &'static [TopicId],
}

static GUIDE: &[Question] = &[
    Question {
        id: "didnt-use-cgo",
        question: "I didn't use cgo; why is my binary dynamic?",
        answer: &[
            "Because the standard library did. With cgo enabled (the default for native builds when a C compiler is installed), the `net` package links libc's `getaddrinfo` resolver and `os/user` links `getpwnam_r` and friends, whether or not your code ever resolves a name or looks up a user. Even `net.Listen(\"tcp\", \"127.0.0.1:0\")` is enough.",
            "The `plugin` package and `-buildmode=pie` are the other usual suspects: the first always needs the dynamic loader, the second asks for it to relocate the program.",
            "Drop the binary on linklens: it names the package, shows the functions and imports that prove it, and gives the command (usually `CGO_ENABLED=0 go build …`).",
        ],
        see: &[TopicId::Cause(CauseId::Dns), TopicId::Cause(CauseId::OsUser), TopicId::Cause(CauseId::PieInterp), TopicId::Cause(CauseId::Plugin)],
    },
    Question {
        id: "ldd-messages",
        question: "ldd says \"not a dynamic executable\" / \"statically linked\" / \"Not a valid dynamic program\" — which is it?",
        answer: &[
            "\"not a dynamic executable\": the file has no interpreter and no dynamic section, so it is static — but glibc's `ldd` also says this about dynamic binaries for another architecture (an arm64 binary on an x86-64 machine).",
            "\"statically linked\": printed for static-pie files, and for Go's internally linked PIEs that have an interpreter but need no library; `file` calls the latter dynamically linked, and they do need the loader at `/lib64/ld-linux-x86-64.so.2`.",
            "\"Not a valid dynamic program\": glibc's `ldd` cannot read the file, typically a binary linked dynamically against musl (built on Alpine).",
            "`ldd` may run the program it inspects, so never use it on a file you do not trust. `file`, `readelf -l -d` and linklens only read the file.",
        ],
        see: &[TopicId::Cause(CauseId::PieInterp), TopicId::Warning(WarningId::MuslDynamic)],
    },
    Question {
        id: "static-pie",
        question: "file says static-pie — is that static?",
        answer: &[
            "Yes. A static-pie has no interpreter and needs no shared library; it relocates itself at start-up, so it runs anywhere the kernel runs its architecture, with address randomisation. `file` before version 5.40 called such files \"dynamically linked\".",
            "Go writes one with `-buildmode=pie -ldflags '-linkmode external -extldflags \"-static-pie\"'` and a C toolchain that supports it.",
        ],
        see: &[TopicId::Cause(CauseId::PieInterp)],
    },
    Question {
        id: "cgo-enabled-vs-tags",
        question: "CGO_ENABLED=0 vs -tags netgo vs osusergo?",
        answer: &[
            "`CGO_ENABLED=0` turns cgo off for the whole build: `net` and `os/user` use their pure-Go code, and any package that needs C fails to build.",
            "`-tags netgo` replaces only the DNS resolver, `-tags osusergo` only the user and group lookups; cgo stays available to other packages. With both tags a build with `CGO_ENABLED=1` is static when nothing else uses C (the fixtures `netuser-netgo-osusergo` show it).",
            "If your own code or a dependency uses cgo, neither helps on its own: link the C parts statically (musl-gcc or zig).",
        ],
        see: &[TopicId::Cause(CauseId::Dns), TopicId::Cause(CauseId::OsUser), TopicId::Cause(CauseId::CgoDep)],
    },
    Question {
        id: "installsuffix",
        question: "Do I still need -a -installsuffix?",
        answer: &[
            "No. `-a -installsuffix netgo` and `go install -tags netgo std` forced a rebuild of the standard library with the tag, which mattered up to Go 1.9. Since the build cache (Go 1.10), `go build -tags netgo` rebuilds what the tag changes by itself.",
        ],
        see: &[TopicId::Cause(CauseId::Dns)],
    },
    Question {
        id: "extldflags-ignored",
        question: "Why did -extldflags -static do nothing?",
        answer: &[
            "Because the external linker was never called. When cgo is used only by `net`, `os/user` and `runtime/cgo`, Go links the binary itself (internal linking) and silently ignores `-extldflags`. Add `-linkmode external`: `-ldflags '-linkmode external -extldflags \"-static\"'`.",
            "With a C library of your own or a cgo dependency, Go always links externally and `-extldflags` is honoured.",
        ],
        see: &[TopicId::Warning(WarningId::MuslDynamic), TopicId::Warning(WarningId::GlibcStaticNss)],
    },
    Question {
        id: "getaddrinfo-warning",
        question: "What does the getaddrinfo static-link warning mean?",
        answer: &[
            "\"Using 'getaddrinfo' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking.\" glibc resolves names and users through NSS modules (`libnss_files.so`, `libnss_dns.so`, …) that it loads at run time, even from a static binary.",
            "The binary is static on paper, but lookups fail or crash on a machine without the same glibc. Prefer `-tags netgo,osusergo` (or `CGO_ENABLED=0`), or link against musl, which has no NSS. linklens warns about such binaries.",
        ],
        see: &[TopicId::Warning(WarningId::GlibcStaticNss)],
    },
    Question {
        id: "go-sqlite3",
        question: "How do I build go-sqlite3 statically?",
        answer: &[
            "Link its bundled SQLite against musl: `CC=musl-gcc go build -ldflags '-linkmode external -extldflags \"-static\"'` (Debian: `apt install musl-tools`), or cross-compile with `CC=\"zig cc -target x86_64-linux-musl\" go build`.",
            "With glibc instead, add `-tags sqlite_omit_load_extension` to drop the `dlopen` call, and accept the NSS caveats. Or switch to a pure-Go driver such as `modernc.org/sqlite` and build with `CGO_ENABLED=0`.",
        ],
        see: &[TopicId::Cause(CauseId::CgoDep)],
    },
    Question {
        id: "zig",
        question: "zig cc for cgo?",
        answer: &[
            "`CC=\"zig cc -target x86_64-linux-musl\" go build` compiles and links the C parts against zig's bundled musl, statically, and cross-compiles too: the target is zig's name for the architecture (`aarch64-linux-musl` for arm64, `x86-linux-musl` for 386, `arm-linux-musleabihf` for arm…).",
            "It fails when cgo comes only from `net` or `os/user`: Go then links internally and cannot use zig's objects (\"relocation target getaddrinfo not defined\"). Adding `-ldflags '-linkmode external'` makes it link, static — the fixtures `lookuphost-zig` and `lookuphost-zig-external` record both outcomes.",
        ],
        see: &[TopicId::Cause(CauseId::CgoOwn), TopicId::Cause(CauseId::CgoDep)],
    },
    Question {
        id: "alpine",
        question: "Built on Alpine, fails elsewhere (bad ELF interpreter)?",
        answer: &[
            "On Alpine, gcc is musl's, so a default cgo build is linked dynamically against musl: its interpreter is `/lib/ld-musl-x86_64.so.1`, which glibc systems do not have, and the shell reports \"no such file or directory\" for a file that plainly exists.",
            "Link statically (`-ldflags '-linkmode external -extldflags \"-static\"'`) or turn cgo off. The same happens with `CC=musl-gcc` but without `-linkmode external`.",
        ],
        see: &[TopicId::Warning(WarningId::MuslDynamic)],
    },
    Question {
        id: "static-and-pie",
        question: "Static and PIE at once?",
        answer: &[
            "`-buildmode=pie` alone gives, with Go's internal linker, a PIE that still asks for the dynamic loader (linklens cause `pie-interp`). For a position-independent file with no loader at all, link externally with `-static-pie`: `CGO_ENABLED=1 go build -buildmode=pie -ldflags '-linkmode external -extldflags \"-static-pie\"'`, with a C toolchain that supports static-pie.",
        ],
        see: &[TopicId::Cause(CauseId::PieInterp)],
    },
    Question {
        id: "cgo-enabled-1",
        question: "go version -m says CGO_ENABLED=1 — is it dynamic?",
        answer: &[
            "Not necessarily. The setting records that cgo was available, not that any package used it: hello world built with `CGO_ENABLED=1` is static, and so is a program with `-tags netgo,osusergo`. Cross builds silently record `CGO_ENABLED=0`.",
            "What decides is whether cgo code was linked in and how it was linked; linklens reads that from the binary itself.",
        ],
        see: &[TopicId::Cause(CauseId::Dns), TopicId::Cause(CauseId::OsUser)],
    },
    Question {
        id: "which-dependency",
        question: "Which dependency uses cgo?",
        answer: &[
            "Every package that calls C has wrapper functions named `<package>._Cfunc_…` (or `_C2func_`, `_C_`) in the binary's function table. linklens lists those packages and maps each to its module and version through the build info's `dep` lines, e.g. `github.com/mattn/go-sqlite3 v1.14.22`.",
            "From the source tree, `go list -deps -f '{{if .CgoFiles}}{{.ImportPath}}{{end}}' ./...` gives the same list.",
        ],
        see: &[TopicId::Cause(CauseId::CgoDep)],
    },
    Question {
        id: "godebug-netdns",
        question: "Does GODEBUG=netdns=go make it static?",
        answer: &[
            "No. It tells the program at run time to prefer the Go resolver, but the cgo resolver is still compiled in and libc is still linked. Only `-tags netgo` or `CGO_ENABLED=0` remove it from the binary.",
        ],
        see: &[TopicId::Cause(CauseId::Dns)],
    },
    Question {
        id: "what-changes",
        question: "What changes if I use netgo/osusergo?",
        answer: &[
            "Name resolution: Go reads `/etc/resolv.conf` and `/etc/hosts` and talks DNS itself; NSS sources such as mDNS (`.local` names), LDAP or SSSD host lookups and some resolver options are not consulted.",
            "Users and groups: only `/etc/passwd` and `/etc/group` are read; accounts that come from LDAP, SSSD or systemd-homed are not found. In a container or on a plain server this is usually exactly what you want.",
        ],
        see: &[TopicId::Cause(CauseId::Dns), TopicId::Cause(CauseId::OsUser)],
    },
    Question {
        id: "macos-windows",
        question: "macOS / Windows?",
        answer: &[
            "macOS: every program links `libSystem`, and Apple does not support fully static executables; that is normal. Only libraries outside `/usr/lib` and `/System/Library` are a portability problem, and linklens lists them.",
            "Windows: importing `kernel32.dll` and other system DLLs is normal for every Go binary. cgo builds with MinGW may need `libwinpthread-1.dll` or `libgcc_s_seh-1.dll`, which Windows does not ship: link them statically with `-ldflags '-linkmode external -extldflags \"-static\"'`, or build with `CGO_ENABLED=0`.",
        ],
        see: &[],
    },
    Question {
        id: "stripped",
        question: "Can a stripped binary still be checked?",
        answer: &[
            "Yes. `-ldflags '-s -w'` and `strip` remove the symbol table and debug information, but not the pclntab, which the Go runtime needs for stack traces: the cgo wrapper names stay, and so does the build info. The fixture `userlookup-sw` is built with `-s -w`, and linklens still names its cause.",
        ],
        see: &[TopicId::Cause(CauseId::OsUser)],
    },
    Question {
        id: "glibc-not-found",
        question: "version `GLIBC_2.34' not found (required by ./app) — why, and how do I fix it?",
        answer: &[
            "A dynamic binary needs the glibc versions it was linked against: the highest `GLIBC_x.y` in its version-needed table (`readelf -V`, or `objdump -T` per symbol) is the oldest glibc it starts on. Linked on a glibc 2.34+ system, even a Go program whose only C is `net`'s resolver needs `GLIBC_2.34` (`pthread_create`, `__libc_start_main` moved into libc in 2.34), so it fails on Debian 11 (2.31), Ubuntu 20.04, RHEL 8 or Amazon Linux 2.",
            "Since Go 1.20 the standard library is no longer shipped precompiled: `net` and `os/user` are compiled with cgo against the build machine's glibc, so upgrading the build image raises the floor of every cgo build.",
            "Fixes, best first: build static (`CGO_ENABLED=0`, or musl), and the question goes away; or stay dynamic and link against an older glibc: `CC='zig cc -target x86_64-linux-gnu.2.17'` reaches RHEL 7 and newer, a build in `golang:1.x-bookworm` reaches glibc 2.36. linklens shows the floor, the symbols that raise it and a verdict per distribution.",
        ],
        see: &[TopicId::Cause(CauseId::Dns), TopicId::Cause(CauseId::CgoDep)],
    },
    Question {
        id: "scratch-no-such-file",
        question: "exec /app: no such file or directory — but the file is right there in my scratch image?",
        answer: &[
            "The missing file is the dynamic loader the binary names in `PT_INTERP` (`/lib64/ld-linux-x86-64.so.2` for glibc, `/lib/ld-musl-x86_64.so.1` for musl): `scratch` and distroless `static` have none, busybox:musl has no musl loader for other programs, and Alpine has no glibc loader. bash says `cannot execute: required file not found`, busybox sh just `not found`.",
            "A static or static-pie binary needs no loader and runs in all of them. If it must stay dynamic, ship it on an image with its C library: distroless `base` for glibc (add `cc` for libstdc++), Alpine for musl.",
        ],
        see: &[TopicId::Cause(CauseId::Dns), TopicId::Warning(WarningId::MuslDynamic)],
    },
];

/// The guide's questions, in reading order.
pub fn guide() -> &'static [Question] {
    GUIDE
}

#[cfg(test)]
mod tests {
    #[test]
    fn anchors_are_unique() {
        let mut ids: Vec<_> = super::guide().iter().map(|q| q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), super::guide().len());
    }
}
