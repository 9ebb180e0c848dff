//! `cargo xtask fixtures`: build the fixture matrix from `fixtures/src`,
//! write `fixtures/manifest.json` (what each binary must be, by
//! construction), then bless the golden reports.
//!
//! Expected verdicts, causes and fixes come from what each program links and
//! how it was built, never from linklens' own output.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;

use crate::archives;
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
    ("cxxdep", &["cgo-dep"]),
    ("nettest", &["dns"]),
    ("export", &["cgo-own"]),
    ("puregoputs", &["purego"]),
    ("hash", &[]),
    ("sqlitedebian", &["cgo-dep"]),
    // lookuphost with a default.pgo beside it: Go records -pgo.
    ("pgohost", &["dns"]),
    // What a static program reads once started; net's and os/user's
    // lookups through libc when cgo is on.
    ("needs", &["dns", "osuser"]),
];

/// Programs whose C code is C++: Debian's musl-gcc has no C++ compiler,
/// so zig (CC and CXX) is the static recipe.
const CXX_PROGRAMS: &[&str] = &["cxxdep"];

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
            Go::V119 => (
                "/usr/lib/go-1.19/bin/go".into(),
                vec![("GOTOOLCHAIN", "local")],
            ),
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
    /// OpenBSD, Solaris, illumos: Go always calls the system's libc.
    PlatformDynamic,
    /// `-race`: the race runtime needs cgo and libc.
    Race,
    /// `-linkmode=external` with no cgo package: gcc adds libc.
    ExternalNoCgo,
    /// `-buildmode=c-shared`: a shared object by design.
    CShared,
    /// gccgo's default: libgo.so and glibc, dynamic; not gc's tables.
    Gccgo,
    /// gccgo with `-static`.
    GccgoStatic,
    /// Android: Go links a PIE for the system's linker64, always.
    AndroidPie,
    /// `-asan`: libasan and libc.
    Sanitizer,
    /// `GOEXPERIMENT=boringcrypto`: BoringSSL through cgo.
    Boringcrypto,
}

struct Variant {
    name: &'static str,
    env: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
    /// Build tags that remove components.
    removes: &'static [&'static str],
    link: Link,
    /// What `go build` is given.
    from: From,
}

/// What `go build` is given.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum From {
    /// The package, `./cmd/x`, in the fixtures module.
    Package,
    /// The file path (`go build cmd/x/main.go`), as the article does.
    File,
    /// `.` in a copy of the program's directory outside any module and
    /// GOPATH, with modules off (Go 1.19): the build info records `_/dir`.
    Gopath,
    /// `go test -c ./<program>`: a library's test binary.
    Test,
    /// `.` in `fixtures/src/<program>`, a module of its own.
    Module,
    /// `./cmd/<program>` in a git checkout of the fixtures module, made
    /// with fixed names and dates: Go records `vcs.*` (the same revision
    /// and time on every run).
    Git,
}

const ZIG_AMD64: &str = "zig cc -target x86_64-linux-musl";
const ZIG_GLIBC_217: &str = "zig cc -target x86_64-linux-gnu.2.17";
const ZIG_GLIBC_228: &str = "zig cc -target x86_64-linux-gnu.2.28";
const ZIG_GLIBC_231: &str = "zig cc -target x86_64-linux-gnu.2.31";
const ZIG_ARM64_GLIBC_217: &str = "zig cc -target aarch64-linux-gnu.2.17";
const ZIG_ARM64: &str = "zig cc -target aarch64-linux-musl";
const ZIG_ARMV7_GLIBC_217: &str = "zig cc -target arm-linux-gnueabihf.2.17";
const ZIG_X86_GLIBC_217: &str = "zig cc -target x86-linux-gnu.2.17";
const ZIG_RISCV64_GLIBC_234: &str = "zig cc -target riscv64-linux-gnu.2.34";
const ZIG_MIPSLE_GLIBC_217: &str = "zig cc -target mipsel-linux-gnueabi.2.17";
const ZIG_MIPS64LE_GLIBC_217: &str = "zig cc -target mips64el-linux-gnuabi64.2.17";
const ZIG_PPC64LE_GLIBC_234: &str = "zig cc -target powerpc64le-linux-gnu.2.34";
const STATIC_LD: &str = "-linkmode external -extldflags \"-static\"";

const VARIANTS: &[Variant] = &[
    Variant {
        name: "default",
        env: &[],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "netgo",
        env: &[],
        args: &["-tags", "netgo"],
        removes: &["dns"],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "osusergo",
        env: &[],
        args: &["-tags", "osusergo"],
        removes: &["osuser"],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "netgo-osusergo",
        env: &[],
        args: &["-tags", "netgo,osusergo"],
        removes: &["dns", "osuser"],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "cgo0",
        env: &[("CGO_ENABLED", "0")],
        args: &[],
        removes: &["dns", "osuser", "plugin"],
        link: Link::NoCgo,
        from: From::Package,
    },
    Variant {
        name: "sw",
        env: &[],
        args: &["-ldflags", "-s -w"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "flags",
        env: &[],
        args: &[
            "-tags",
            "timetzdata",
            "-ldflags",
            "-s -w -X main.version=1.0 -extldflags=-Wl,--as-needed",
        ],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "pie",
        env: &[("CGO_ENABLED", "0")],
        args: &["-buildmode=pie"],
        removes: &["dns", "osuser"],
        link: Link::PieNoCgo,
        from: From::Package,
    },
    Variant {
        name: "pie-cgo",
        env: &[],
        args: &["-buildmode=pie"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "musl",
        env: &[("CC", "musl-gcc")],
        args: &["-ldflags", STATIC_LD],
        removes: &[],
        link: Link::MuslStatic,
        from: From::Package,
    },
    Variant {
        name: "musl-dynamic",
        env: &[("CC", "musl-gcc")],
        args: &[],
        removes: &[],
        link: Link::MuslDynamic,
        from: From::Package,
    },
    Variant {
        name: "zig",
        env: &[("CC", ZIG_AMD64)],
        args: &[],
        removes: &[],
        link: Link::MuslStatic,
        from: From::Package,
    },
    Variant {
        name: "zig-external",
        env: &[("CC", ZIG_AMD64)],
        args: &["-ldflags", "-linkmode external"],
        removes: &[],
        link: Link::MuslStatic,
        from: From::Package,
    },
    Variant {
        name: "glibc-static",
        env: &[],
        args: &["-ldflags", STATIC_LD],
        removes: &[],
        link: Link::GlibcStatic,
        from: From::Package,
    },
    Variant {
        name: "static-pie",
        env: &[],
        args: &[
            "-buildmode=pie",
            "-ldflags",
            "-linkmode external -extldflags \"-static-pie\"",
        ],
        removes: &[],
        link: Link::StaticPie,
        from: From::Package,
    },
    Variant {
        name: "arm64-cgo0",
        env: &[("GOARCH", "arm64"), ("CGO_ENABLED", "0")],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::NoCgo,
        from: From::Package,
    },
    Variant {
        name: "arm64-zig",
        env: &[("GOARCH", "arm64"), ("CGO_ENABLED", "1"), ("CC", ZIG_ARM64)],
        args: &[],
        removes: &[],
        link: Link::MuslStatic,
        from: From::Package,
    },
    // Cross builds turn cgo off silently, and record CGO_ENABLED=0.
    Variant {
        name: "386",
        env: &[("GOARCH", "386")],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::NoCgo,
        from: From::Package,
    },
    Variant {
        name: "s390x",
        env: &[("GOARCH", "s390x"), ("CGO_ENABLED", "0")],
        args: &[],
        removes: &[],
        link: Link::NoCgo,
        from: From::Package,
    },
    Variant {
        name: "darwin-arm64",
        env: &[
            ("GOOS", "darwin"),
            ("GOARCH", "arm64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &[],
        link: Link::Darwin,
        from: From::Package,
    },
    Variant {
        name: "windows-amd64",
        env: &[
            ("GOOS", "windows"),
            ("GOARCH", "amd64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &[],
        link: Link::Windows,
        from: From::Package,
    },
    Variant {
        name: "plugin",
        env: &[],
        args: &["-buildmode=plugin"],
        removes: &[],
        link: Link::Plugin,
        from: From::Package,
    },
    Variant {
        name: "freebsd-amd64",
        env: &[
            ("GOOS", "freebsd"),
            ("GOARCH", "amd64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::NoCgo,
        from: From::Package,
    },
    Variant {
        name: "netbsd-amd64",
        env: &[
            ("GOOS", "netbsd"),
            ("GOARCH", "amd64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::NoCgo,
        from: From::Package,
    },
    Variant {
        name: "illumos-amd64",
        env: &[
            ("GOOS", "illumos"),
            ("GOARCH", "amd64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::PlatformDynamic,
        from: From::Package,
    },
    Variant {
        name: "solaris-amd64",
        env: &[
            ("GOOS", "solaris"),
            ("GOARCH", "amd64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::PlatformDynamic,
        from: From::Package,
    },
    Variant {
        name: "libsqlite3",
        env: &[],
        args: &["-tags", "libsqlite3"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "test",
        env: &[],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Test,
    },
    Variant {
        name: "c-shared",
        env: &[],
        args: &["-buildmode=c-shared"],
        removes: &[],
        link: Link::CShared,
        from: From::Package,
    },
    Variant {
        name: "gccgo",
        env: &[],
        args: &["-compiler", "gccgo"],
        removes: &[],
        link: Link::Gccgo,
        from: From::Package,
    },
    Variant {
        name: "gccgo-static-libgo",
        env: &[],
        args: &["-compiler", "gccgo", "-gccgoflags", "-static-libgo"],
        removes: &[],
        link: Link::Gccgo,
        from: From::Package,
    },
    Variant {
        name: "gccgo-static",
        env: &[],
        args: &["-compiler", "gccgo", "-gccgoflags", "-static"],
        removes: &[],
        link: Link::GccgoStatic,
        from: From::Package,
    },
    Variant {
        name: "android-arm64",
        env: &[
            ("GOOS", "android"),
            ("GOARCH", "arm64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::AndroidPie,
        from: From::Package,
    },
    Variant {
        name: "race",
        env: &[],
        args: &["-race"],
        removes: &[],
        link: Link::Race,
        from: From::Package,
    },
    Variant {
        name: "extlink",
        env: &[],
        args: &["-ldflags", "-linkmode=external"],
        removes: &[],
        link: Link::ExternalNoCgo,
        from: From::Package,
    },
    Variant {
        name: "gopath",
        env: &[("GO111MODULE", "off")],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Gopath,
    },
    Variant {
        name: "openbsd-amd64",
        env: &[
            ("GOOS", "openbsd"),
            ("GOARCH", "amd64"),
            ("CGO_ENABLED", "0"),
        ],
        args: &[],
        removes: &["dns", "osuser"],
        link: Link::PlatformDynamic,
        from: From::Package,
    },
    // Dynamic, linked against zig's stubs of an old glibc: the floor is by construction.
    Variant {
        name: "zig-glibc2.17",
        env: &[("CC", ZIG_GLIBC_217)],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "zig-glibc2.28",
        env: &[("CC", ZIG_GLIBC_228)],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "zig-glibc2.31",
        env: &[("CC", ZIG_GLIBC_231)],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    // 32-bit x86 and RISC-V with cgo: GO386 and GORISCV64 kept by every fix.
    Variant {
        name: "x86-zig-glibc2.17",
        env: &[
            ("GOARCH", "386"),
            ("GO386", "sse2"),
            ("CGO_ENABLED", "1"),
            ("CC", ZIG_X86_GLIBC_217),
        ],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "riscv64-zig-glibc2.34",
        env: &[
            ("GOARCH", "riscv64"),
            ("GORISCV64", "rva20u64"),
            ("CGO_ENABLED", "1"),
            ("CC", ZIG_RISCV64_GLIBC_234),
        ],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    // MIPS and POWER with cgo, whose levels Go records (GOMIPS, GOMIPS64,
    // GOPPC64): every fix keeps them. zig builds MIPS only softfloat and
    // without DWARF (-w), and ppc64le only from glibc 2.32 (observed).
    Variant {
        name: "mipsle-zig-glibc2.17",
        env: &[
            ("GOARCH", "mipsle"),
            ("GOMIPS", "softfloat"),
            ("CGO_ENABLED", "1"),
            ("CC", ZIG_MIPSLE_GLIBC_217),
        ],
        args: &["-ldflags", "-w"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "mips64le-zig-glibc2.17",
        env: &[
            ("GOARCH", "mips64le"),
            ("GOMIPS64", "softfloat"),
            ("CGO_ENABLED", "1"),
            ("CC", ZIG_MIPS64LE_GLIBC_217),
        ],
        args: &["-ldflags", "-w"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "ppc64le-zig-glibc2.34",
        env: &[
            ("GOARCH", "ppc64le"),
            ("GOPPC64", "power9"),
            ("CGO_ENABLED", "1"),
            ("CC", ZIG_PPC64LE_GLIBC_234),
        ],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    // 32-bit ARM, whose GOARM Go records: every fix keeps it.
    Variant {
        name: "armv7-zig-glibc2.17",
        env: &[
            ("GOARCH", "arm"),
            ("GOARM", "7"),
            ("CGO_ENABLED", "1"),
            ("CC", ZIG_ARMV7_GLIBC_217),
        ],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "arm64-zig-glibc2.17",
        env: &[
            ("GOARCH", "arm64"),
            ("CGO_ENABLED", "1"),
            ("CC", ZIG_ARM64_GLIBC_217),
        ],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "file",
        env: &[],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::File,
    },
    // Build settings every fix must keep, or drop with a note.
    Variant {
        name: "cover",
        env: &[],
        args: &["-cover"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    // -trimpath: Go then records neither -ldflags nor cgo's flags.
    Variant {
        name: "trimpath",
        env: &[],
        args: &["-trimpath", "-ldflags", "-s -w"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "gcflags-v3",
        env: &[("GOAMD64", "v3")],
        args: &["-gcflags=all=-l"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "asmflags",
        env: &[],
        args: &["-asmflags=-D=LINKLENS"],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "fips",
        env: &[("GOFIPS140", "latest")],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "cflags",
        env: &[("CGO_CFLAGS", "-O2 -DLINKLENS=1")],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "asan",
        env: &[],
        args: &["-asan"],
        removes: &[],
        link: Link::Sanitizer,
        from: From::Package,
    },
    // The memory sanitizer: clang only (its runtime is clang's).
    Variant {
        name: "msan",
        env: &[("CC", "clang"), ("CXX", "clang++")],
        args: &["-msan"],
        removes: &[],
        link: Link::Sanitizer,
        from: From::Package,
    },
    // The other cgo flags Go records, beside CGO_CFLAGS (cflags).
    Variant {
        name: "cgoflags",
        env: &[
            ("CGO_CPPFLAGS", "-DLINKLENS_CPP=1"),
            ("CGO_CXXFLAGS", "-O2 -DLINKLENS_CXX=1"),
            ("CGO_LDFLAGS", "-lm"),
        ],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Package,
    },
    Variant {
        name: "boringcrypto",
        env: &[("GOEXPERIMENT", "boringcrypto")],
        args: &[],
        removes: &[],
        link: Link::Boringcrypto,
        from: From::Package,
    },
    // Zoneinfo linked in: time.LoadLocation needs no /usr/share/zoneinfo.
    Variant {
        name: "tzdata-cgo0",
        env: &[("CGO_ENABLED", "0")],
        args: &["-tags", "timetzdata"],
        removes: &["dns", "osuser", "plugin"],
        link: Link::NoCgo,
        from: From::Package,
    },
    // Built in a git checkout: vcs, vcs.revision, vcs.time, vcs.modified.
    Variant {
        name: "git",
        env: &[],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Git,
    },
    // A module of its own that replaces go-sqlite3 with Debian's (no bundled SQLite).
    Variant {
        name: "debian",
        env: &[],
        args: &[],
        removes: &[],
        link: Link::Glibc,
        from: From::Module,
    },
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
    // net without cgo, as a PIE: dropping -buildmode=pie must keep cgo off.
    ("lookuphost", "pie", Go::V126),
    // purego: dynamic by design, cgo on or off.
    ("puregoputs", "default", Go::V126),
    ("puregoputs", "cgo0", Go::V126),
    ("lookuphost", "cover", Go::V126),
    ("lookuphost", "trimpath", Go::V126),
    ("lookuphost", "gcflags-v3", Go::V126),
    ("lookuphost", "asmflags", Go::V126),
    ("lookuphost", "fips", Go::V126),
    ("cstdio", "cflags", Go::V126),
    ("hello", "asan", Go::V126),
    ("hello", "msan", Go::V126),
    ("cxxdep", "cgoflags", Go::V126),
    ("hash", "boringcrypto", Go::V126),
    ("sqlitedebian", "debian", Go::V126),
    // The CA bundle, zoneinfo and /etc/passwd, read once started.
    ("needs", "cgo0", Go::V126),
    ("needs", "tzdata-cgo0", Go::V126),
    // os/user through libc (cgo, glibc linked statically): with no
    // /etc/passwd it says "unknown userid", not "open /etc/passwd".
    ("needs", "glibc-static", Go::V126),
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
    ("hello", "freebsd-amd64", Go::V126),
    ("lookuphost", "openbsd-amd64", Go::V126),
    ("hello", "netbsd-amd64", Go::V126),
    ("hello", "illumos-amd64", Go::V126),
    ("hello", "solaris-amd64", Go::V126),
    ("hello", "race", Go::V119),
    ("hello", "extlink", Go::V119),
    ("lookuphost", "gopath", Go::V119),
    ("cxxdep", "default", Go::V126),
    ("sqlite", "libsqlite3", Go::V126),
    ("nettest", "test", Go::V126),
    ("nettest", "test", Go::V119),
    ("export", "c-shared", Go::V126),
    ("hello", "android-arm64", Go::V126),
    ("hello", "gccgo", Go::V126),
    ("hello", "gccgo-static-libgo", Go::V126),
    ("hello", "gccgo-static", Go::V126),
    ("cstdio", "zig-glibc2.17", Go::V126),
    ("lookuphost", "zig-glibc2.17", Go::V126),
    ("cstdio", "zig-glibc2.28", Go::V126),
    ("lookuphost", "zig-glibc2.31", Go::V126),
    ("cstdio", "arm64-zig-glibc2.17", Go::V126),
    ("cstdio", "armv7-zig-glibc2.17", Go::V126),
    ("cstdio", "x86-zig-glibc2.17", Go::V126),
    ("cstdio", "riscv64-zig-glibc2.34", Go::V126),
    ("lookuphost", "mipsle-zig-glibc2.17", Go::V126),
    ("lookuphost", "mips64le-zig-glibc2.17", Go::V126),
    ("lookuphost", "ppc64le-zig-glibc2.34", Go::V126),
    ("cstdio", "mipsle-zig-glibc2.17", Go::V126),
    ("lookuphost", "git", Go::V126),
    ("pgohost", "default", Go::V126),
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
    fixtures: Vec<serde_json::Value>,
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
    /// For a glibc-dynamic file: the glibc it was linked against (zig's
    /// stubs, or the build machine's), so its floor can be no higher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glibc_linked_for: Option<String>,
    /// Versions marked weak by construction (patched after the link).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weak_versions: Vec<&'static str>,
    /// Dynamic against musl (needs musl's loader).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub musl_dynamic: bool,
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
    /// Every fix linklens prints for it, run (`prove.rs`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    proofs: Vec<crate::prove::Proof>,
}

fn expect(program: &str, v: &Variant) -> Expect {
    let components: Vec<&'static str> = PROGRAMS
        .iter()
        .find(|(p, _)| *p == program)
        .map(|(_, c)| c.to_vec())
        .unwrap_or_default();
    let remaining: Vec<&'static str> = components
        .iter()
        .copied()
        .filter(|c| !v.removes.contains(c))
        .collect();
    let needs_c = remaining.iter().any(|c| *c == "cgo-own" || *c == "cgo-dep");
    let std_only = !remaining.is_empty() && !needs_c && !remaining.contains(&"plugin");
    let goarch = v
        .env
        .iter()
        .find(|(k, _)| *k == "GOARCH")
        .map(|(_, a)| *a)
        .or(Some("amd64"));
    let recommended_dynamic = || {
        if remaining.contains(&"plugin") {
            // A plugin host cannot be static and still load plugins: no command.
            None
        } else if needs_c {
            // musl-gcc builds for the machine it runs on, and only C; zig
            // cross-compiles, C++ too.
            Some(
                if goarch == Some("amd64") && !CXX_PROGRAMS.contains(&program) {
                    "musl-gcc"
                } else {
                    "zig-musl"
                },
            )
        } else if std_only {
            Some("cgo-off")
        } else {
            None
        }
    };
    let (linkage, causes, fix, format) = match v.link {
        // purego: dynamic cgo on or off; with cgo on, only the glibc floor moves.
        _ if remaining.contains(&"purego") => (
            "dynamic",
            vec!["purego"],
            (v.link == Link::Glibc).then_some("zig-glibc"),
            "elf",
        ),
        Link::Glibc if remaining.is_empty() => ("static", vec![], None, "elf"),
        Link::Glibc => ("dynamic", remaining.clone(), recommended_dynamic(), "elf"),
        Link::NoCgo => ("static", vec![], None, "elf"),
        Link::PieNoCgo => ("dynamic", vec!["pie-interp"], Some("drop-pie"), "elf"),
        Link::MuslStatic => ("static", remaining.clone(), None, "elf"),
        Link::MuslDynamic => ("dynamic", remaining.clone(), recommended_dynamic(), "elf"),
        Link::GlibcStatic => {
            let nss = remaining.iter().any(|c| *c == "dns" || *c == "osuser");
            (
                "static",
                remaining.clone(),
                nss.then_some("pure-go-tags"),
                "elf",
            )
        }
        Link::StaticPie => ("static-pie", remaining.clone(), None, "elf"),
        Link::Plugin => ("dynamic", vec![], None, "elf"),
        Link::Darwin => ("dynamic", vec![], None, "macho"),
        Link::Windows => ("dynamic", vec![], None, "pe"),
        // No rebuild makes it static: linklens must say so and print no command.
        Link::PlatformDynamic => ("dynamic", vec![], None, "elf"),
        // Only a build without -race / without the external link is static.
        Link::Race => ("dynamic", vec!["race"], Some("cgo-off"), "elf"),
        Link::ExternalNoCgo => ("dynamic", vec!["external-link"], Some("cgo-off"), "elf"),
        // Loaded by a C program: dynamic by design, its cgo named, no command.
        Link::CShared => ("dynamic", remaining.clone(), None, "elf"),
        Link::Gccgo => ("dynamic", vec!["gccgo"], Some("gccgo-static"), "elf"),
        Link::GccgoStatic => ("static", vec![], None, "elf"),
        // The PIE is Go's choice for Android, not the user's: no command.
        Link::AndroidPie => ("dynamic", vec!["pie-interp"], None, "elf"),
        // libasan and libc, no cgo package: a build without cgo (and so
        // without -asan, noted) is static.
        Link::Sanitizer => ("dynamic", vec!["sanitizer"], Some("cgo-off"), "elf"),
        // BoringCrypto is C (crypto/internal/boring): linked statically with
        // musl, it stays a BoringCrypto build.
        Link::Boringcrypto => ("dynamic", vec!["cgo-dep"], Some("musl-gcc"), "elf"),
    };
    let glibc_linked_for = (linkage == "dynamic" && matches!(v.link, Link::Glibc)).then(|| {
        let zig = v
            .env
            .iter()
            .find_map(|(k, cc)| (*k == "CC").then_some(*cc))
            // `-target x86_64-linux-gnu.2.17`, `arm-linux-gnueabihf.2.17`.
            .and_then(|cc| cc.split_whitespace().last()?.split_once('.'))
            .map(|(_, ver)| ver.to_string());
        zig.unwrap_or_else(host_glibc)
    });
    let musl_dynamic = matches!(v.link, Link::MuslDynamic);
    // Every build by the go command records its build info: gc's in its
    // own section, gccgo's as a string in .rodata.
    let go = true;
    Expect {
        linkage,
        causes,
        fix,
        format,
        goarch,
        go,
        glibc_linked_for,
        weak_versions: vec![],
        musl_dynamic,
    }
}

/// The build machine's glibc (`getconf GNU_LIBC_VERSION` → `glibc 2.36`).
fn host_glibc() -> String {
    Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .nth(1)
                .map(str::to_string)
        })
        .unwrap_or_else(|| "unknown".into())
}

/// A `zig` on PATH that runs the ziglang package from PyPI (installed
/// into the project's Python), and that Python as `python3`.
fn zig_shim(build: &Path) -> Result<PathBuf> {
    let python = crate::setup::fixture_tools()?;
    let bin = build.join("bin");
    std::fs::create_dir_all(&bin)?;
    let shim = bin.join("zig");
    std::fs::write(
        &shim,
        format!("#!/bin/sh\nexec '{}' -m ziglang \"$@\"\n", python.display()),
    )?;
    let link = bin.join("python3");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&python, &link)?;
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
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./=,:".contains(c))
    {
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
    let path = format!(
        "{}:{}",
        shim.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // The proofs' clean PATH is made afresh from this one (prove.rs).
    let _ = std::fs::remove_dir_all(build.join("no-cc-bin"));
    let mut entries: Vec<serde_json::Value> = Vec::new();
    let previous: Vec<serde_json::Value> =
        std::fs::read_to_string(root.join("fixtures/manifest.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .and_then(|m| m["fixtures"].as_array().cloned())
            .unwrap_or_default();

    for &(program, variant, go) in MATRIX {
        let v = VARIANTS
            .iter()
            .find(|v| v.name == variant)
            .expect("variant in VARIANTS");
        let name = format!("{program}-{variant}-{}", go.label());
        let (gocmd, toolchain_env) = go.command();
        // Native builds say CGO_ENABLED=1 explicitly; cross builds keep Go's
        // default (off), which is what the 386 fixture is about.
        let cross = v.env.iter().any(|(k, _)| *k == "GOARCH" || *k == "GOOS");
        let mut env: Vec<(String, String)> = if cross {
            vec![]
        } else {
            vec![("CGO_ENABLED".into(), "1".into())]
        };
        for (k, val) in v.env {
            env.retain(|(ek, _)| ek != k);
            env.push((k.to_string(), val.to_string()));
        }
        let gopath_dir = build.join("gopath").join(program);
        let git_dir = build.join("git").join(&name);
        let (target, output, cwd) = match v.from {
            From::Package => (
                format!("./cmd/{program}"),
                format!("../bin/{name}"),
                src.clone(),
            ),
            From::File => (
                format!("cmd/{program}/main.go"),
                format!("../bin/{name}"),
                src.clone(),
            ),
            From::Test => (
                format!("./{program}"),
                format!("../bin/{name}"),
                src.clone(),
            ),
            From::Module => (".".into(), format!("../../bin/{name}"), src.join(program)),
            From::Git => {
                if selected(only, &name) {
                    checkout(&src, &git_dir)?;
                }
                (format!("./cmd/{program}"), format!("../../../bin/{name}"), git_dir.clone())
            }
            From::Gopath => {
                let _ = std::fs::remove_dir_all(&gopath_dir);
                std::fs::create_dir_all(&gopath_dir)?;
                for f in std::fs::read_dir(src.join("cmd").join(program))? {
                    let f = f?.path();
                    if f.extension().is_some_and(|e| e == "go")
                        && !f.to_string_lossy().ends_with("_test.go")
                    {
                        std::fs::copy(&f, gopath_dir.join(f.file_name().ok_or("name")?))?;
                    }
                }
                (
                    ".".into(),
                    out_dir.join(&name).display().to_string(),
                    gopath_dir.clone(),
                )
            }
        };
        let verb: &[&str] = if v.from == From::Test {
            &["test", "-c"]
        } else {
            &["build"]
        };
        let mut args: Vec<String> = verb.iter().map(|s| s.to_string()).collect();
        if v.from != From::Git {
            args.push("-buildvcs=false".into());
        }
        args.extend(["-o".into(), output]);
        args.extend(v.args.iter().map(|s| s.to_string()));
        args.push(target);
        let shown_env: Vec<String> = toolchain_env
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .chain(env.iter().map(|(k, v)| format!("{k}={}", shell_word(v))))
            .collect();
        let cd = match v.from {
            From::Gopath => format!(
                "cd {} && ",
                gopath_dir
                    .strip_prefix(&root)
                    .unwrap_or(&gopath_dir)
                    .display()
            ),
            From::Module => format!("cd {program} && "),
            From::Git => format!("cd {} && ", git_dir.strip_prefix(&root).unwrap_or(&git_dir).display()),
            _ => String::new(),
        };
        let command = format!(
            "{cd}{} {} {}",
            shown_env.join(" "),
            if go == Go::V119 {
                "/usr/lib/go-1.19/bin/go"
            } else {
                "go"
            },
            args.iter()
                .map(|a| shell_word(a))
                .collect::<Vec<_>>()
                .join(" ")
        );
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
            proofs: Vec::new(),
        };
        if !selected(only, &name) {
            // Keep the existing build as recorded (a failed build keeps its
            // error); what is expected of it is by construction, so fresh.
            if let Some(old) = previous.iter().find(|e| e["name"] == name.as_str()) {
                let mut old = old.clone();
                old["expect"] = serde_json::to_value(&entry.expect)?;
                entries.push(old);
            }
            continue;
        }
        eprintln!("building {name}");
        let output = Command::new(&gocmd)
            .args(&args)
            .envs(
                toolchain_env
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string())),
            )
            .envs(env.iter().cloned())
            .env("PATH", &path)
            .env(
                "GOFLAGS",
                if v.from == From::Gopath {
                    ""
                } else {
                    "-mod=mod"
                },
            )
            .current_dir(&cwd)
            .output()?;
        if !output.status.success() {
            let err = String::from_utf8_lossy(&output.stderr);
            let tail: Vec<&str> = err
                .lines()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            eprintln!("  failed (recorded): {}", tail.join(" | "));
            entry.status = "failed";
            entry.error = Some(tail.join("\n"));
            let _ = std::fs::remove_file(out_dir.join(&name));
            let _ = std::fs::remove_file(out_dir.join(format!("{name}.gz")));
            entries.push(serde_json::to_value(&entry)?);
            continue;
        }
        if let Some(post) = post_step(v, go) {
            run(Command::new("sh")
                .arg("-c")
                .arg(&post)
                .current_dir(&out_dir)
                .env("F", &name))?;
            entry.post = Some(post);
        }
        let package_dir = if v.from == From::Test {
            program.to_string()
        } else {
            format!("cmd/{program}")
        };
        let module_dir = src.join(program);
        let source = match v.from {
            From::Gopath => crate::prove::Source::Dir(&gopath_dir),
            From::Git => crate::prove::Source::Checkout(&git_dir),
            From::Module => crate::prove::Source::Go {
                module: &module_dir,
                dir: ".",
            },
            _ => crate::prove::Source::Go {
                module: &src,
                dir: &package_dir,
            },
        };
        entry.proofs = prove_file(
            &out_dir.join(&name),
            source,
            &build.join("prove").join(&name),
            &path,
        )?;
        compress(&out_dir, &name)?;
        entry.file = Some(format!("bin/{name}.gz"));
        entries.push(serde_json::to_value(&entry)?);
    }
    for e in non_go(&root, &out_dir)? {
        entries.push(serde_json::to_value(&e)?);
    }
    let manifest = Manifest {
        comment: "Written by `cargo xtask fixtures`. `expect` is by construction (what each program links and how it was built), not linklens output.",
        fixtures: entries,
    };
    std::fs::write(
        root.join("fixtures/manifest.json"),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )?;
    let total: u64 = std::fs::read_dir(&out_dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".gz"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    eprintln!(
        "fixtures: {} entries, {:.1} MB compressed in fixtures/bin",
        manifest.fixtures.len(),
        total as f64 / 1e6
    );
    archives::build(&root, &out_dir)?;
    crate::thirdparty::record()?;
    // Where each fixture runs, observed in real roots (cached outside the repository).
    crate::roots::record()?;
    eprintln!("blessing golden reports");
    run(Command::new("cargo")
        .args([
            "test",
            "-q",
            "-p",
            "linklens-explain",
            "--test",
            "fixtures",
            "reports_match_golden_files",
        ])
        .env("LINKLENS_BLESS", "1")
        .current_dir(&root))?;
    Ok(())
}

/// Run the fixes linklens prints for the file at `binary` (ELF only: the
/// Mach-O and PE recipes need their platforms' toolchains).
fn prove_file(
    binary: &Path,
    source: crate::prove::Source,
    scratch: &Path,
    path: &str,
) -> Result<Vec<crate::prove::Proof>> {
    let bytes = std::fs::read(binary)?;
    let facts = linklens::analyze(&bytes[..]).map_err(|e| format!("{}: {e}", binary.display()))?;
    if facts.format != linklens::Format::Elf {
        return Ok(Vec::new());
    }
    let proofs = crate::prove::prove(&linklens_explain::Report::new(facts), source, scratch, path)?;
    let _ = std::fs::remove_dir_all(scratch);
    Ok(proofs)
}

/// Binaries are committed gzip-compressed (`-n`: no name or time inside,
/// so rebuilding an identical binary changes nothing): the full matrix is
/// about 110 MB raw and 45 MB compressed. Tests and tools decompress them
/// into target/fixtures.
/// Whether `name` is built: no filter, or it contains one of the
/// filter's comma-separated parts.
fn selected(only: Option<&str>, name: &str) -> bool {
    only.is_none_or(|o| o.split(',').any(|part| name.contains(part)))
}

/// A git checkout of the fixtures module in `to`, one commit whose names
/// and dates are fixed, so its revision is the same on every run.
fn checkout(module: &Path, to: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(to);
    crate::prove::copy_module(module, to)?;
    let git = |args: &[&str]| {
        let mut c = Command::new("git");
        c.args(args)
            .current_dir(to)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "linklens fixtures")
            .env("GIT_AUTHOR_EMAIL", "fixtures@linklens.invalid")
            .env("GIT_AUTHOR_DATE", "2026-01-02T03:04:05Z")
            .env("GIT_COMMITTER_NAME", "linklens fixtures")
            .env("GIT_COMMITTER_EMAIL", "fixtures@linklens.invalid")
            .env("GIT_COMMITTER_DATE", "2026-01-02T03:04:05Z");
        run(&mut c)
    };
    git(&["init", "-q", "-b", "main"])?;
    git(&["add", "-A"])?;
    git(&["commit", "-q", "-m", "fixtures"])
}

fn compress(dir: &Path, name: &str) -> Result<()> {
    run(Command::new("gzip")
        .args(["-9", "-n", "-f", name])
        .current_dir(dir))
}

/// Strip DWARF (not the symbol table) from x86-64 ELF files, whatever
/// system they are for, to keep the repository small; other architectures
/// would need their own binutils and are small enough as they are.
fn post_step(v: &Variant, _go: Go) -> Option<String> {
    // The host's strip reads any x86-64 ELF, whatever system it is for.
    let amd64 = v.env.iter().all(|(k, a)| *k != "GOARCH" || *a == "amd64");
    let elf = v
        .env
        .iter()
        .all(|(k, os)| *k != "GOOS" || !matches!(*os, "darwin" | "windows"));
    let native_elf = amd64 && elf;
    (native_elf && v.name != "sw" && v.name != "flags")
        .then(|| "strip --strip-debug \"$F\"".to_string())
}

/// C, C++ and Rust programs: the non-Go cases.
fn non_go(root: &Path, out_dir: &Path) -> Result<Vec<Entry>> {
    let src = root.join("fixtures/src/nongo");
    let host = host_glibc();
    // (name, command, linkage, tool, recommended fix, glibc linked for);
    // the source file is the command's last word.
    #[allow(clippy::type_complexity)]
    let cases: &[(&str, &str, &str, &str, Option<&str>, Option<&str>)] = &[
        (
            "c-dynamic",
            "gcc -O2 -o ../../bin/c-dynamic hello.c",
            "dynamic",
            "gcc",
            Some("c-static"),
            Some(&host),
        ),
        (
            "c-static",
            "gcc -O2 -static -o ../../bin/c-static hello.c",
            "static",
            "gcc",
            None,
            None,
        ),
        (
            "cxx-dynamic",
            "g++ -O2 -o ../../bin/cxx-dynamic hello.cpp",
            "dynamic",
            "g++",
            Some("cxx-static"),
            Some(&host),
        ),
        (
            "rust-dynamic",
            "rustc -O -C strip=symbols -o ../../bin/rust-dynamic hello.rs",
            "dynamic",
            "rustc",
            Some("rust-musl"),
            Some(&host),
        ),
        (
            "c-zig-glibc2.17",
            "zig cc -target x86_64-linux-gnu.2.17 -O2 -o ../../bin/c-zig-glibc2.17 hello.c",
            "dynamic",
            "zig",
            Some("c-static"),
            Some("2.17"),
        ),
        // A weak reference to a function newer than the rest: its version
        // is then marked VER_FLG_WEAK after the link, since neither GNU ld
        // 2.40 nor lld marks it.
        (
            "c-weak-newer",
            "gcc -O2 -o ../../bin/c-weak-newer weak.c",
            "dynamic",
            "gcc",
            Some("c-static"),
            Some(&host),
        ),
    ];
    let mut out = Vec::new();
    for &(name, cmd, linkage, tool, fix, glibc) in cases {
        eprintln!("building {name}");
        let shim = zig_shim(&root.join("fixtures/.build"))?;
        let path = format!(
            "{}:{}",
            shim.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let ok = Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .env("PATH", &path)
            .current_dir(&src)
            .status()?
            .success();
        let mut weak_versions = vec![];
        if ok && name == "c-weak-newer" {
            mark_weak(&out_dir.join(name), WEAK_VERSION)?;
            weak_versions.push(WEAK_VERSION);
        }
        let file = src.join(cmd.rsplit(' ').next().unwrap_or_default());
        let proofs = if ok {
            prove_file(
                &out_dir.join(name),
                crate::prove::Source::File(&file),
                &root.join("fixtures/.build/prove").join(name),
                &path,
            )?
        } else {
            Vec::new()
        };
        let version = Command::new(if tool == "zig" {
            shim.join("python3")
        } else {
            PathBuf::from(tool)
        })
        .args(if tool == "zig" {
            &["-m", "ziglang", "version"][..]
        } else {
            &["--version"][..]
        })
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .map(str::to_string)
        })
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
            proofs,
            expect: Expect {
                linkage,
                causes: if linkage == "dynamic" {
                    vec!["non-go"]
                } else {
                    vec![]
                },
                fix,
                format: "elf",
                goarch: Some("amd64"),
                go: false,
                glibc_linked_for: glibc.map(str::to_string),
                weak_versions,
                musl_dynamic: false,
            },
        });
    }
    Ok(out)
}

/// The version `c-weak-newer` references weakly: newer than the
/// `GLIBC_2.34` every glibc ≥ 2.34 link needs (`__libc_start_main`).
const WEAK_VERSION: &str = "GLIBC_2.36";

/// Set `VER_FLG_WEAK` on the `.gnu.version_r` entry named `version` of a
/// little-endian ELF64 file, as a linker that marks weak-only versions would.
fn mark_weak(path: &Path, version: &str) -> Result<()> {
    let mut b = std::fs::read(path)?;
    let u16_at = |b: &[u8], o: usize| u16::from_le_bytes([b[o], b[o + 1]]) as usize;
    let u32_at = |b: &[u8], o: usize| u32::from_le_bytes(b[o..o + 4].try_into().unwrap()) as usize;
    let u64_at = |b: &[u8], o: usize| u64::from_le_bytes(b[o..o + 8].try_into().unwrap()) as usize;
    let (shoff, shentsize, shnum) = (u64_at(&b, 0x28), u16_at(&b, 0x3a), u16_at(&b, 0x3c));
    let section = |i: usize| shoff + i * shentsize;
    const SHT_GNU_VERNEED: usize = 0x6fff_fffe;
    let verneed = (0..shnum)
        .map(section)
        .find(|&s| u32_at(&b, s + 4) == SHT_GNU_VERNEED)
        .ok_or("no .gnu.version_r")?;
    let (offset, link) = (u64_at(&b, verneed + 0x18), u32_at(&b, verneed + 0x28));
    let strtab = u64_at(&b, section(link) + 0x18);
    let name_at = |b: &[u8], o: usize| {
        let start = strtab + o;
        let end = b[start..]
            .iter()
            .position(|&c| c == 0)
            .map_or(start, |n| start + n);
        String::from_utf8_lossy(&b[start..end]).into_owned()
    };
    let mut file = offset;
    loop {
        let (count, mut aux) = (u16_at(&b, file + 2), file + u32_at(&b, file + 8));
        for _ in 0..count {
            if name_at(&b, u32_at(&b, aux + 8)) == version {
                let flags = u16_at(&b, aux + 4) | 2;
                b[aux + 4..aux + 6].copy_from_slice(&(flags as u16).to_le_bytes());
                std::fs::write(path, &b)?;
                return Ok(());
            }
            aux += u32_at(&b, aux + 12);
        }
        match u32_at(&b, file + 12) {
            0 => return Err(format!("{version} not in .gnu.version_r").into()),
            next => file += next,
        }
    }
}
