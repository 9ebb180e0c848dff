//! Fixes, in id order, with their costs and how to verify the result; and
//! the notes a rebuild command can carry.

use super::{FixEntry, Tradeoff};
use linklens::vocab::{CauseId, FixId, NoteId};

const fn always(text: &'static str) -> Tradeoff {
    Tradeoff { when: None, text }
}

const fn when(cause: CauseId, text: &'static str) -> Tradeoff {
    Tradeoff { when: Some(cause), text }
}

/// `{output}`: the file `go build` writes; `{expect}`: what `file` says of it.
const GO_VERIFY: &[&str] = &[
    "file ./{output}   # expect: {expect}",
    "go version -m ./{output} | grep -E 'CGO_ENABLED|-tags|-ldflags'",
    "linklens --require-static ./{output}   # or drop it on the linklens page",
];
const C_VERIFY: &[&str] = &["file ./{output}   # expect: {expect}", "linklens --require-static ./{output}"];
/// `{floor}`: the glibc version the recipe links for; `{target}`: the oldest target id it reaches.
const FLOOR_VERIFY: &[&str] = &[
    "file ./{output}   # expect: {expect}",
    "objdump -T ./{output} | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1   # expect: GLIBC_{floor} or older",
    "linklens --target {target} ./{output}",
];
const WINDOWS_VERIFY: &[&str] = &["objdump -p {output} | grep 'DLL Name'   # expect: system DLLs only"];

pub(super) static FIXES: [FixEntry; FixId::ALL.len()] = [
    FixEntry {
        id: FixId::CgoOff,
        title: "Build without cgo (CGO_ENABLED=0)",
        how: "Turns cgo off for the whole build: net and os/user use their pure-Go implementations and no C library is linked.",
        tradeoffs: &[
            when(CauseId::Dns, "DNS: Go's resolver reads /etc/resolv.conf and /etc/hosts itself; NSS sources such as mDNS (.local), LDAP, SSSD or systemd-resolved's extra features are not consulted."),
            when(CauseId::OsUser, "Users and groups: only /etc/passwd and /etc/group are read; accounts from LDAP, SSSD or systemd-homed are not found."),
            always("Any package that really needs C will fail to build."),
            when(CauseId::Sanitizer, "The rebuilt file has no sanitizer checks: keep the sanitizer build for testing, ship the other."),
            when(CauseId::Plugin, "plugin.Open then always fails with \"plugin: not implemented\": only if plugins are optional."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::PureGoTags,
        title: "Keep cgo, use the pure-Go net and os/user (-tags netgo,osusergo)",
        how: "The netgo and osusergo build tags drop the cgo resolver and the cgo user lookups while leaving cgo available for other packages.",
        tradeoffs: &[
            always("Same behaviour as CGO_ENABLED=0 for DNS and user lookups: no NSS modules."),
            always("If another package still uses cgo, the binary stays dynamic unless you also link statically (musl)."),
            when(CauseId::Dns, "GODEBUG=netdns=go only changes the choice at run time; it does not remove the libc dependency."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::MuslGcc,
        title: "Link the C parts statically with musl (musl-gcc)",
        how: "Compiles the C code against musl and has the external linker produce a fully static binary. -linkmode external matters: without it Go's internal linker ignores -extldflags.",
        tradeoffs: &[
            always("Needs musl-gcc (Debian/Ubuntu: apt install musl-tools; Alpine: the default gcc)."),
            always("musl's resolver and user lookups read /etc files directly: no NSS modules."),
            always("C libraries the code links against (-lfoo) must be available as static musl builds."),
            always("musl-gcc from musl-tools only targets the machine it runs on; cross-compile with zig or a cross musl toolchain."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::ZigMusl,
        title: "Cross-compile the C parts with zig cc and musl",
        how: "zig ships clang, a linker and musl for many targets, and links statically for *-linux-musl targets.",
        tradeoffs: &[
            always("Needs zig (e.g. pip install ziglang, then use `python3 -m ziglang cc` if zig is not on PATH)."),
            always("When cgo comes only from net or os/user, Go links internally and zig's objects fail to link (\"relocation target getaddrinfo not defined\"): -linkmode external avoids that."),
            always("musl's resolver has no NSS support."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::PureGoDriver,
        title: "Replace the cgo dependency with a pure-Go one",
        how: "Some cgo packages have pure-Go alternatives; with none left, CGO_ENABLED=0 gives a static binary.",
        tradeoffs: &[
            always("Code changes: import path and driver name change (go-sqlite3's \"sqlite3\" is \"sqlite\" in modernc.org/sqlite)."),
            always("Performance and feature set differ; test before switching."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::DropPie,
        title: "Build a plain (non-PIE) executable",
        how: "Without -buildmode=pie, Go's linker writes a static executable with no interpreter.",
        tradeoffs: &[
            always("Loses load-address randomisation of the executable itself (the reason distributions ask for PIE)."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::StaticPie,
        title: "Build a real static-pie",
        how: "Links with the C toolchain's -static-pie: position-independent, self-relocating, no interpreter.",
        tradeoffs: &[
            always("Needs a C toolchain whose libc supports static-pie (glibc 2.27+ with gcc 8+, or musl-gcc)."),
            always("With glibc, lookups through NSS keep the glibc-static caveats: add -tags netgo,osusergo."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::PluginRpc,
        title: "Run extensions as separate processes instead of Go plugins",
        how: "A plugin host needs the dynamic loader. Processes talking over RPC (for example with hashicorp/go-plugin) let the host and each extension be static.",
        tradeoffs: &[
            always("An architectural change, not a build flag."),
            always("Calls cross a process boundary."),
        ],
        verify: GO_VERIFY,
    },
    FixEntry {
        id: FixId::CStatic,
        title: "Link the C program statically",
        how: "Pass -static to the linker; with musl-gcc the result has no NSS caveats.",
        tradeoffs: &[
            always("With glibc, NSS functions (getaddrinfo, getpwnam…) still load modules at run time."),
        ],
        verify: C_VERIFY,
    },
    FixEntry {
        id: FixId::CxxStatic,
        title: "Link the C++ program statically",
        how: "-static links libstdc++, libgcc and libc into the executable.",
        tradeoffs: &[
            always("Same glibc NSS caveat as for C; -static-libstdc++ -static-libgcc alone keeps libc dynamic but removes the C++ runtime dependency."),
        ],
        verify: C_VERIFY,
    },
    FixEntry {
        id: FixId::RustMusl,
        title: "Build the Rust program for a musl target",
        how: "Rust's *-unknown-linux-musl targets link statically by default.",
        tradeoffs: &[
            always("C dependencies (via build.rs or -sys crates) must build for musl too."),
            always("musl's allocator is slower than glibc's under heavy multi-threaded allocation."),
        ],
        verify: C_VERIFY,
    },
    FixEntry {
        id: FixId::WindowsStatic,
        title: "Link the MinGW runtime statically",
        how: "-extldflags \"-static\" makes the MinGW linker embed libwinpthread and libgcc instead of requiring their DLLs.",
        tradeoffs: &[
            always("Needs the static MinGW libraries installed; system DLLs (kernel32…) stay imports, as they must."),
        ],
        verify: WINDOWS_VERIFY,
    },
    FixEntry {
        id: FixId::ZigGlibc,
        title: "Stay dynamic, but link against an old glibc with zig cc",
        how: "The glibc a binary needs is the one it was linked against. zig cc links against stubs of the glibc version named in its target (x86_64-linux-gnu.2.17), so the binary starts on every system with that glibc or newer.",
        tradeoffs: &[
            always("Needs zig (e.g. pip install ziglang, then use `python3 -m ziglang cc` if zig is not on PATH)."),
            always("Still dynamic: the target needs glibc's loader and every library in NEEDED; scratch, distroless static and Alpine still fail."),
            always("C code that calls functions newer than that glibc no longer compiles: that is the point."),
        ],
        verify: FLOOR_VERIFY,
    },
    FixEntry {
        id: FixId::OlderGlibcImage,
        title: "Stay dynamic, but build in an image with an older glibc",
        how: "Linking on a system with an older glibc keeps the binary's floor at that version: golang's bookworm images have glibc 2.36, where this binary was linked against a newer one.",
        tradeoffs: &[
            always("Needs Docker (or Podman); the golang image of the Go version the binary was built with."),
            always("Still dynamic: the target needs glibc's loader and every library in NEEDED."),
            always("No maintained golang image has a glibc older than 2.36; for an older floor use zig cc."),
        ],
        verify: FLOOR_VERIFY,
    },
    FixEntry {
        id: FixId::GccgoStatic,
        title: "Link statically with gccgo (-gccgoflags -static)",
        how: "Passes -static to gccgo's link: libgo, libgcc and glibc are linked into the executable. (-static-libgo alone removes only libgo.so.)",
        tradeoffs: &[
            always("glibc linked statically: NSS functions (getaddrinfo, getpwnam…) still load shared modules at run time; gc with CGO_ENABLED=0 avoids that."),
            always("Needs the static archives: libgo.a (gccgo's package) and libc.a (libc6-dev)."),
        ],
        verify: C_VERIFY,
    },
];

/// The notes, in `NoteId` order.
pub(super) static NOTES: [&str; NoteId::ALL.len()] = [
    // cross-target
    "GOOS/GOARCH set to this binary's target, so the command works from any build machine.",
    // flags-unknown
    "This binary carries no Go build info: its original flags are unknown, add yours.",
    // trimpath-ldflags
    "Built with -trimpath, which does not record -ldflags: add your own -ldflags (e.g. -X version) if you used any.",
    // package-unknown
    "The main package is not recorded: run the command in its directory (or name it).",
    // command-line-files
    "Built from files named on the command line (go build main.go): name those files instead of '.'.",
    // run-in-tree
    "Run from the module or GOPATH tree that contains {package}.",
    // pie-dropped
    "-buildmode=pie dropped: a PIE linked by Go itself always asks for the dynamic loader.",
    // keeps-static-link
    "Keeps your external static link; the tags only remove the NSS-dependent lookups.",
    // tags-added
    "Adds {tags} to the tags this binary was built with.",
    // zig-external-link
    "-linkmode external: with cgo only in net/os/user, Go would link internally and fail on zig's objects.",
    // replace-import
    "First replace the import github.com/mattn/go-sqlite3 with modernc.org/sqlite and sql.Open(\"sqlite3\", …) with sql.Open(\"sqlite\", …).",
    // adapt-file-names
    "Adapt the file names to your build; with make, pass the flag via LDFLAGS.",
    // serve-extensions
    "Then serve each extension as its own static binary and connect to it over RPC.",
    // glibc-floor
    "Links for glibc {floor}: it starts where glibc is {floor} or newer ({oldest} and up), where this binary needs {need}.",
    // race-dropped
    "-race dropped: the race detector needs cgo and its C runtime; a race build is a test build, so ship one without -race.",
    // linkmode-dropped
    "-linkmode external dropped: with no C code left, Go links the program itself, and an external link would pull in libc.",
    // run-in-directory
    "Built in GOPATH mode outside any GOPATH (recorded as _{dir}): run it in {dir}, with modules off as the command says.",
    // cxx-too
    "CXX too: a cgo package here is C++ (the file needs {library}), and Go links with $CXX when one is; Debian's musl-gcc has no C++ compiler.",
    // bundled-sqlite
    "Drops -tags libsqlite3: the system's libsqlite3 is built for glibc and cannot be linked here; go-sqlite3 compiles its bundled SQLite instead.",
    // test-binary
    "A test binary (go test -c): the command rebuilds the tests of its package the same way.",
    // gc-instead-of-gccgo
    "Built with gc, Go's standard compiler, instead of gccgo: gc links pure-Go programs statically by itself.",
    // sanitizer-dropped
    "-msan and -asan dropped: the sanitizers need cgo, and the C compiler links them against the shared C library.",
    // cgo-flags-dropped
    "CGO_CFLAGS, CGO_CPPFLAGS, CGO_CXXFLAGS and CGO_LDFLAGS dropped: with cgo off nothing reads them.",
    // boringcrypto-dropped
    "GOEXPERIMENT=boringcrypto needs cgo: with cgo off, Go quietly uses its own crypto and the file is no longer a BoringCrypto build. For a FIPS 140-3 build without cgo, set GOFIPS140=latest (Go 1.24 and later) instead; to keep BoringCrypto, keep cgo and link statically (musl-gcc or zig).",
    // replace-dropped
    "Drops the replace of {module} ({path}): that copy links the system's libsqlite3, built for glibc, whose headers no musl or zig sysroot has; the upstream module ({version}) compiles its bundled SQLite. go mod edit changes go.mod: commit it, or run it in the build only.",
];
