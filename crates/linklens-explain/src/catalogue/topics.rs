//! Causes and warnings: one topic each, in id order (the lookups in
//! `mod.rs` index these arrays by id).

use super::{Check, FixId, Link, Topic, TopicId};
use linklens::vocab::{CauseId, WarningId};

const NET_DOCS: Link = Link { title: "net package: Name Resolution", url: "https://pkg.go.dev/net#hdr-Name_Resolution" };
const USER_DOCS: Link = Link { title: "os/user package", url: "https://pkg.go.dev/os/user" };
const CGO_DOCS: Link = Link { title: "cgo command", url: "https://pkg.go.dev/cmd/cgo" };
const LINK_DOCS: Link = Link { title: "go tool link: -linkmode and -extldflags", url: "https://pkg.go.dev/cmd/link" };
const BUILDMODE_DOCS: Link =
    Link { title: "go help buildmode", url: "https://pkg.go.dev/cmd/go#hdr-Build_modes" };
const STATIC_PROPOSAL: Link =
    Link { title: "Proposal: a -static flag for go build (golang/go#26492)", url: "https://github.com/golang/go/issues/26492" };
const GO120: Link = Link { title: "Go 1.20 release notes: cgo", url: "https://go.dev/doc/go1.20#cgo" };
const MUSL: Link = Link { title: "musl libc", url: "https://musl.libc.org/" };
const FILE_CHECK: Check = Check {
    command: "file ./app",
    shows: "\"dynamically linked, interpreter …\" for a dynamic file; \"statically linked\" or \"static-pie linked\" otherwise",
};
const READELF_NEEDED: Check = Check {
    command: "readelf -d ./app | grep NEEDED",
    shows: "the shared libraries the loader must find",
};
const GO_VERSION_M: Check = Check {
    command: "go version -m ./app",
    shows: "build settings such as CGO_ENABLED=1 and -tags; CGO_ENABLED=1 means cgo was available, not that it was used",
};

pub(super) static CAUSES: [Topic; CauseId::ALL.len()] = [
    Topic {
        id: TopicId::Cause(CauseId::Dns),
        title: "The net package's cgo DNS resolver",
        summary: "net links libc's getaddrinfo for name lookups whenever cgo is enabled",
        what_happens: "When cgo is enabled and the netgo build tag is not set, the net package compiles in a second resolver that calls the C library's getaddrinfo and getnameinfo. This happens for any program that imports net, even one that only listens on an IP address and never resolves a name. At run time Go usually prefers its own resolver, but the C one is linked either way.",
        why_dynamic: "getaddrinfo lives in libc, and with glibc it must be linked dynamically: glibc's resolver loads NSS modules (files, dns, mdns, sss…) at run time. So the binary gets an interpreter and a DT_NEEDED entry for libc.so.6.",
        confirm: &[
            FILE_CHECK,
            Check { command: "nm -D --undefined-only ./app | grep -E 'getaddrinfo|getnameinfo'", shows: "the libc resolver functions the binary imports" },
            Check { command: "go tool nm ./app | grep 'net._C'", shows: "the cgo wrappers (net._C2func_getaddrinfo…); present even in stripped binaries via the pclntab, which linklens reads" },
            GO_VERSION_M,
        ],
        fixes: &[FixId::CgoOff, FixId::PureGoTags, FixId::MuslGcc, FixId::ZigMusl],
        message: None,
        links: &[NET_DOCS, GO120, STATIC_PROPOSAL],
    },
    Topic {
        id: TopicId::Cause(CauseId::OsUser),
        title: "os/user's cgo lookups",
        summary: "os/user asks libc (getpwnam_r, getgrgid_r…) for users and groups whenever cgo is enabled",
        what_happens: "With cgo enabled and without the osusergo build tag, user.Lookup, user.Current, LookupGroup and friends call the C library's getpwnam_r, getpwuid_r, getgrnam_r, getgrgid_r and getgrouplist.",
        why_dynamic: "Those functions go through glibc's NSS, which loads modules at run time, so glibc is linked dynamically and the binary needs libc.so.6.",
        confirm: &[
            FILE_CHECK,
            Check { command: "nm -D --undefined-only ./app | grep -E 'getpw|getgr'", shows: "the libc user and group functions the binary imports" },
            Check { command: "go tool nm ./app | grep 'os/user._C'", shows: "the cgo wrappers (os/user._Cfunc_mygetpwuid_r…)" },
            GO_VERSION_M,
        ],
        fixes: &[FixId::CgoOff, FixId::PureGoTags, FixId::MuslGcc, FixId::ZigMusl],
        message: None,
        links: &[USER_DOCS, STATIC_PROPOSAL],
    },
    Topic {
        id: TopicId::Cause(CauseId::CgoOwn),
        title: "The program's own C code (cgo)",
        summary: "a package of this module imports \"C\", so C code and a libc are linked in",
        what_happens: "A package in the main module uses cgo (import \"C\"). Its C code calls the C library, and cgo's generated glue does too. Such programs are always linked by the external linker (gcc or clang), which links libc the usual way: dynamically.",
        why_dynamic: "The system C toolchain links glibc dynamically by default, and glibc is not meant to be linked statically. CGO_ENABLED=0 is not an option: the program's own code needs cgo.",
        confirm: &[
            FILE_CHECK,
            READELF_NEEDED,
            Check { command: "go tool nm ./app | grep '_Cfunc_'", shows: "main._Cfunc_… (or another package of this module) — the Go side of the C calls" },
        ],
        fixes: &[FixId::MuslGcc, FixId::ZigMusl],
        message: None,
        links: &[CGO_DOCS, LINK_DOCS, MUSL],
    },
    Topic {
        id: TopicId::Cause(CauseId::CgoDep),
        title: "A dependency that uses cgo",
        summary: "a module this program depends on contains C code (e.g. github.com/mattn/go-sqlite3)",
        what_happens: "A package from another module imports \"C\". go-sqlite3, for example, compiles the whole SQLite C library into the binary. Any such package forces external linking with the system C toolchain.",
        why_dynamic: "The external linker links glibc dynamically by default; some dependencies also add their own shared libraries (libsqlite3.so, libseccomp.so…) when built against the system copy.",
        confirm: &[
            FILE_CHECK,
            READELF_NEEDED,
            Check { command: "go tool nm ./app | grep '_Cfunc_' | cut -d. -f1 | sort -u", shows: "which packages have cgo wrappers" },
            Check { command: "go version -m ./app", shows: "the dep lines, to map a package to its module and version" },
        ],
        fixes: &[FixId::MuslGcc, FixId::ZigMusl, FixId::PureGoDriver],
        message: None,
        links: &[CGO_DOCS, LINK_DOCS, MUSL, Link { title: "modernc.org/sqlite (SQLite without cgo)", url: "https://pkg.go.dev/modernc.org/sqlite" }],
    },
    Topic {
        id: TopicId::Cause(CauseId::PieInterp),
        title: "A position-independent executable linked by Go itself",
        summary: "-buildmode=pie with Go's internal linker: no libraries, but the dynamic loader relocates the program",
        what_happens: "With -buildmode=pie and no cgo, Go's own linker writes a PIE that needs no shared library at all, yet asks for the dynamic loader (ld-linux) to apply its relocations at start-up. Distributions often build this way for address-space randomisation.",
        why_dynamic: "The file has a PT_INTERP program header, so the kernel starts the dynamic loader first: it will not run where that loader is missing (a scratch container, a different libc). `file` calls it dynamically linked; ldd says \"statically linked\" because nothing is needed.",
        confirm: &[
            FILE_CHECK,
            Check { command: "readelf -l ./app | grep -A1 INTERP", shows: "the interpreter the file asks for" },
            Check { command: "readelf -d ./app | grep -c NEEDED", shows: "0: no shared library is needed" },
            GO_VERSION_M,
        ],
        fixes: &[FixId::DropPie, FixId::StaticPie],
        message: None,
        links: &[BUILDMODE_DOCS, LINK_DOCS],
    },
    Topic {
        id: TopicId::Cause(CauseId::Plugin),
        title: "The plugin package",
        summary: "plugin.Open loads Go plugins with dlopen, through cgo",
        what_happens: "The plugin package calls dlopen and dlsym through cgo to load .so files built with -buildmode=plugin.",
        why_dynamic: "Loading shared objects needs the dynamic loader, so a plugin host is dynamic by design. Without cgo the package still compiles, but plugin.Open always fails.",
        confirm: &[
            FILE_CHECK,
            Check { command: "nm -D --undefined-only ./app | grep dl", shows: "dlopen, dlsym" },
            Check { command: "go tool nm ./app | grep 'plugin._Cfunc'", shows: "plugin._Cfunc_pluginOpen and friends" },
        ],
        fixes: &[FixId::PluginRpc, FixId::CgoOff],
        message: None,
        links: &[Link { title: "plugin package (see its warnings)", url: "https://pkg.go.dev/plugin" }, BUILDMODE_DOCS],
    },
    Topic {
        id: TopicId::Cause(CauseId::NonGo),
        title: "A dynamically linked C, C++ or Rust program",
        summary: "not a Go binary: its toolchain linked the C library dynamically, as toolchains do by default",
        what_happens: "The file is not Go. C, C++ and Rust toolchains on Linux link the C library (and for C++, libstdc++) dynamically unless told otherwise.",
        why_dynamic: "Dynamic linking is the default of gcc, clang and rustc's gnu targets; static linking needs a flag or a musl target.",
        confirm: &[FILE_CHECK, READELF_NEEDED],
        fixes: &[FixId::CStatic, FixId::CxxStatic, FixId::RustMusl],
        message: None,
        links: &[MUSL],
    },
    Topic {
        id: TopicId::Cause(CauseId::Race),
        title: "The race detector (-race)",
        summary: "-race links ThreadSanitizer's C runtime, which needs cgo and libc",
        what_happens: "go build -race instruments every memory access and links the race runtime (ThreadSanitizer, written in C++ and shipped as a precompiled object). The build needs cgo, so the C library comes with it.",
        why_dynamic: "The race runtime calls libc, and a -race build cannot turn cgo off (\"-race requires cgo\"). A race build is a test build, several times slower and larger: ship a build without -race, which can be static.",
        confirm: &[
            FILE_CHECK,
            Check { command: "go version -m ./app | grep -- -race", shows: "build -race=true" },
            Check { command: "go tool nm ./app | grep -c __tsan_", shows: "the race runtime's functions" },
        ],
        fixes: &[FixId::CgoOff],
        message: None,
        links: &[Link { title: "Data Race Detector", url: "https://go.dev/doc/articles/race_detector" }],
    },
    Topic {
        id: TopicId::Cause(CauseId::ExternalLink),
        title: "External linking with no C code (-linkmode external)",
        summary: "-ldflags=-linkmode=external hands the link to gcc, which adds runtime/cgo and libc even for pure Go",
        what_happens: "With -linkmode external Go writes an object file and runs the C linker (gcc) to make the executable; cgo's runtime part comes along, and gcc links the C library dynamically unless told -static.",
        why_dynamic: "Nothing in the program needs C: the external link alone makes it dynamic. Go links pure-Go programs itself, statically, when the flag is dropped.",
        confirm: &[
            FILE_CHECK,
            Check { command: "go version -m ./app | grep -- -ldflags", shows: "-linkmode=external (or -linkmode external) in the recorded flags" },
            READELF_NEEDED,
        ],
        fixes: &[FixId::CgoOff],
        message: None,
        links: &[LINK_DOCS],
    },
    Topic {
        id: TopicId::Cause(CauseId::Gccgo),
        title: "gccgo (GCC's Go compiler)",
        summary: "gccgo links Go's runtime (libgo.so) and the C library dynamically by default",
        what_happens: "gccgo, the GCC front end for Go, compiles Go to native code and links it like C: the Go runtime comes from libgo.so, and glibc and libgcc_s are shared libraries. Its files have no Go build info and no pclntab; a .go_export section and GCC's .comment remain.",
        why_dynamic: "It is GCC's default for every language. gccgo can link statically (-static, or -static-libgo for the runtime alone); gc, the standard Go compiler, links pure-Go programs statically by itself.",
        confirm: &[
            FILE_CHECK,
            READELF_NEEDED,
            Check { command: "readelf -S ./app | grep go_export", shows: "the .go_export section gccgo leaves" },
        ],
        fixes: &[FixId::GccgoStatic, FixId::CgoOff],
        message: None,
        links: &[Link { title: "Setting up and using gccgo", url: "https://go.dev/doc/install/gccgo" }],
    },
];

pub(super) static WARNINGS: [Topic; WarningId::ALL.len()] = [
Topic {
        id: TopicId::Warning(WarningId::Truncated),
        title: "A file cut short",
        summary: "the file ends before the parts its headers describe: a partial download or copy",
        what_happens: "The ELF headers describe segments or sections that reach past the end of the file. The usual reasons are an interrupted download, a copy that ran out of space, or a file cut on purpose.",
        why_dynamic: "The verdict comes from the headers, which are intact, but the tables further on (symbols, build info, pclntab) may be missing, so causes and settings can be incomplete. The kernel would refuse to run the file.",
        confirm: &[
            Check { command: "ls -l ./app", shows: "the file's size in bytes" },
            Check { command: "readelf -lS ./app", shows: "the offsets and sizes the headers claim; readelf also complains about the parts it cannot read" },
            Check { command: "sha256sum ./app", shows: "a checksum to compare with the one published beside the download" },
        ],
        fixes: &[],
        links: &[Link { title: "ELF format (program and section headers)", url: "https://man7.org/linux/man-pages/man5/elf.5.html" }],
        message: Some("The file is {have} bytes long but its headers describe {want}: it was cut short, and parts of this report may be missing."),
    },
    Topic {
        id: TopicId::Warning(WarningId::GlibcStaticNss),
        title: "glibc linked statically, with NSS functions inside",
        summary: "static on paper, but getaddrinfo or getpwnam_r will load glibc's NSS modules at run time",
        what_happens: "The binary was linked with -extldflags \"-static\" against glibc and contains functions such as getaddrinfo, getpwnam_r or getgrouplist. The linker warned: \"Using 'getaddrinfo' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking\".",
        why_dynamic: "`file` says statically linked, yet at run time glibc dlopens libnss_*.so from the system. On a machine without them, or with another glibc version, lookups fail or the program crashes.",
        confirm: &[
            FILE_CHECK,
            Check { command: "nm ./app | grep -E ' T (getaddrinfo|getpwnam_r|getgrouplist)$'", shows: "the NSS-dependent functions compiled in (needs an unstripped binary)" },
            Check { command: "readelf -n ./app | grep -A2 ABI", shows: "glibc's ABI tag note: this is glibc, not musl" },
        ],
        fixes: &[FixId::PureGoTags, FixId::MuslGcc, FixId::ZigMusl],
        message: Some("Static on paper, but glibc is linked statically with functions that load NSS modules (libnss_*.so) at run time: user and host lookups can fail or crash on a system with another glibc."),
        links: &[NET_DOCS, USER_DOCS, MUSL],
    },
    Topic {
        id: TopicId::Warning(WarningId::MuslDynamic),
        title: "musl interpreter with NEEDED libc.so",
        summary: "built with CC=musl-gcc but without -linkmode external: dynamic against musl",
        what_happens: "Setting CC=musl-gcc compiles the C parts with musl, but when the only cgo users are net or os/user, Go's internal linker still links the program, and -extldflags is ignored. The result asks for /lib/ld-musl-<arch>.so.1 and libc.so.",
        why_dynamic: "It runs only where musl is installed (Alpine); elsewhere it fails with \"no such file or directory\" or a bad ELF interpreter. glibc's ldd cannot read it.",
        confirm: &[
            Check { command: "readelf -l ./app | grep interpreter", shows: "/lib/ld-musl-x86_64.so.1 (or another arch)" },
            Check { command: "readelf -d ./app | grep NEEDED", shows: "libc.so" },
        ],
        fixes: &[FixId::MuslGcc, FixId::CgoOff],
        message: Some("Linked dynamically against musl: it runs only where musl is installed (Alpine). Probably CC=musl-gcc without -ldflags '-linkmode external -extldflags \"-static\"'."),
        links: &[LINK_DOCS, MUSL],
    },
    Topic {
        id: TopicId::Warning(WarningId::BuildmodeMismatch),
        title: "Build info that contradicts the file",
        summary: "the recorded build settings say one thing, the ELF headers another",
        what_happens: "The build info records settings (such as -buildmode=pie or CGO_ENABLED=0) that the file's own headers do not bear out. Some toolchains and linkers (seen with lld on Alpine) rewrite the result after Go recorded its intent.",
        why_dynamic: "linklens trusts the headers, as the kernel and `file` do, and reports the file as it is.",
        confirm: &[FILE_CHECK, GO_VERSION_M],
        fixes: &[],
        message: Some("The build info says -buildmode=pie, but the file is not position-independent (ET_EXEC). Reported as the file is."),
        links: &[BUILDMODE_DOCS],
    },
    Topic {
        id: TopicId::Warning(WarningId::GoarchMismatch),
        title: "Build info for another architecture",
        summary: "the GOARCH recorded in the build info is not the machine in the ELF header",
        what_happens: "Go records the target it compiled for (GOARCH=arm64…) in the build info, and the linker writes the machine into the ELF header. They disagree only when the file was altered after the build or stitched together from parts.",
        why_dynamic: "The kernel and the loader go by the ELF header, so linklens does too; the rebuild commands use the header's architecture.",
        confirm: &[
            FILE_CHECK,
            Check { command: "go version -m ./app | grep GOARCH", shows: "the architecture Go recorded" },
            Check { command: "readelf -h ./app | grep Machine", shows: "the architecture in the ELF header" },
        ],
        fixes: &[],
        links: &[Link { title: "go help environment (GOARCH)", url: "https://pkg.go.dev/cmd/go#hdr-Environment_variables" }],
        message: Some("The build info says GOARCH={recorded}, but the file is for {actual}."),
    },
    Topic {
        id: TopicId::Warning(WarningId::CgoDisabledDynamic),
        title: "CGO_ENABLED=0, yet shared libraries are needed",
        summary: "the build info says cgo was off, but the file asks the loader for libraries",
        what_happens: "With CGO_ENABLED=0 Go's own linker never adds DT_NEEDED entries on Linux. A file that has them was changed after the build (patchelf, a packaging step) or its build info was copied from another build.",
        why_dynamic: "The file needs what its dynamic table lists, whatever the build info says; linklens reports the file as it is.",
        confirm: &[
            GO_VERSION_M,
            READELF_NEEDED,
        ],
        fixes: &[FixId::CgoOff],
        links: &[Link { title: "cgo: CGO_ENABLED", url: "https://pkg.go.dev/cmd/cgo" }],
        message: Some("The build info says CGO_ENABLED=0, yet the file needs shared libraries."),
    },
    Topic {
        id: TopicId::Warning(WarningId::NoBuildinfo),
        title: "A Go binary without build info",
        summary: "recognised as Go by its function table alone; the original build flags are unknown",
        what_happens: "Go has written the build info (the text `go version -m` prints) into every main program since Go 1.13, but plugins, c-shared libraries, binaries built before 1.13 and some release pipelines that rewrite the file do not carry it. The pclntab, Go's table of function names, is still there.",
        why_dynamic: "The causes still come from the function names, but the rebuild commands cannot keep the original tags, ldflags or package path: add yours.",
        confirm: &[
            Check { command: "go version -m ./app", shows: "nothing, or \"could not read Go build info\"" },
            Check { command: "go tool nm ./app | head", shows: "Go function names (runtime.main…), from the symbol table when it is not stripped" },
        ],
        fixes: &[],
        links: &[Link { title: "runtime/debug.BuildInfo", url: "https://pkg.go.dev/runtime/debug#BuildInfo" }],
        message: Some("Go binary without build info (a plugin, a c-shared library, or a build that dropped it): identified by its pclntab; the rebuild commands cannot reuse the original flags."),
    },
    Topic {
        id: TopicId::Warning(WarningId::CgoEnabledStatic),
        title: "CGO_ENABLED=1 in a static binary",
        summary: "cgo was available to the build, but no package used it",
        what_happens: "CGO_ENABLED=1 is recorded whenever cgo was available, which is the default when a C compiler is found. If no linked package imports \"C\" (or netgo/osusergo removed the ones that would), Go links the program itself, statically.",
        why_dynamic: "Nothing to fix: the setting records what was possible, not what happened. Setting CGO_ENABLED=0 explicitly makes the build reproducible on machines with a C compiler.",
        confirm: &[
            FILE_CHECK,
            GO_VERSION_M,
        ],
        fixes: &[],
        links: &[Link { title: "cgo: CGO_ENABLED", url: "https://pkg.go.dev/cmd/cgo" }],
        message: Some("CGO_ENABLED=1 is recorded, yet the file is static: the setting means cgo was available, not that any package used it."),
    },
    Topic {
        id: TopicId::Warning(WarningId::BuildinfoDamaged),
        title: "Damaged Go build info",
        summary: "the build-info header is there, but what follows it cannot be read",
        what_happens: "The build info starts with the magic \"\\xff Go buildinf:\" and two length-prefixed strings (or, before Go 1.18, two pointers). Here a length or a pointer does not fit the file: it was damaged, truncated or crafted.",
        why_dynamic: "Versions, settings and dependencies are unknown, so the causes rest on the function names and imports, and the rebuild commands start from defaults.",
        confirm: &[
            Check { command: "go version -m ./app", shows: "an error such as \"could not read Go build info\"" },
            Check { command: "grep -c $'\\xff Go buildinf:' ./app", shows: "that the header itself is present" },
        ],
        fixes: &[],
        links: &[Link { title: "debug/buildinfo", url: "https://pkg.go.dev/debug/buildinfo" }],
        message: Some("The Go build info at file offset {offset} could not be read: its {part} {problem}."),
    },
    Topic {
        id: TopicId::Warning(WarningId::DynamicStringUnreadable),
        title: "A library name outside the string table",
        summary: "a DT_NEEDED, DT_RPATH or DT_RUNPATH entry points outside the dynamic string table",
        what_happens: "Each library name in the dynamic table is an offset into the dynamic string table (DT_STRTAB). Here an offset lands outside it, or the table itself lies outside the file: the file is damaged or crafted.",
        why_dynamic: "The loader would fail on this file. linklens lists the entry by its offset instead of inventing a name.",
        confirm: &[
            Check { command: "readelf -d ./app", shows: "the dynamic entries; readelf prints <corrupt: …> or an offset for the unreadable ones" },
        ],
        fixes: &[],
        links: &[Link { title: "ELF dynamic section", url: "https://man7.org/linux/man-pages/man5/elf.5.html" }],
        message: Some("The dynamic table's {tag} entry points to offset {offset}, outside the string table: the file is damaged or crafted."),
    },
    Topic {
        id: TopicId::Warning(WarningId::MacosNonSystemDylib),
        title: "macOS libraries from outside the system",
        summary: "links dylibs that are not under /usr/lib or /System/Library",
        what_happens: "Every macOS program links libSystem dynamically; that is normal. Libraries from elsewhere (Homebrew's /opt/homebrew, /usr/local, @rpath) must be shipped with the program or installed on every Mac that runs it.",
        why_dynamic: "macOS does not support fully static executables, so the goal is to depend on system libraries only.",
        confirm: &[
            Check { command: "otool -L ./app", shows: "every dylib the program loads" },
        ],
        fixes: &[],
        links: &[Link { title: "Apple: Technical Q&A QA1118, static linking", url: "https://developer.apple.com/library/archive/qa/qa1118/_index.html" }],
        message: Some("Links libraries from outside /usr/lib and /System/Library: they must be shipped alongside or installed on every Mac."),
    },
    Topic {
        id: TopicId::Warning(WarningId::MingwRuntime),
        title: "MinGW runtime DLLs",
        summary: "needs libwinpthread, libgcc or libstdc++ DLLs that Windows does not ship",
        what_happens: "A Windows program built with cgo and MinGW-w64 links the MinGW runtime dynamically by default. System DLLs such as kernel32.dll are always present; the MinGW ones are not.",
        why_dynamic: "The program fails to start with \"The code execution cannot proceed because libwinpthread-1.dll was not found\" where the DLLs are missing.",
        confirm: &[
            Check { command: "objdump -p app.exe | grep 'DLL Name'", shows: "every DLL the program imports" },
        ],
        fixes: &[FixId::WindowsStatic],
        links: &[LINK_DOCS],
        message: Some("Needs MinGW runtime DLLs, which Windows does not ship: the program fails to start where they are missing."),
    },
    Topic {
        id: TopicId::Warning(WarningId::UpxPacked),
        title: "Packed with UPX",
        summary: "the file is UPX's self-extracting stub; the program is compressed inside it",
        what_happens: "UPX compresses an executable and prepends a small stub that unpacks it in memory at start-up. The headers linklens, file and readelf read are the stub's; the program's own sections, build info and function table are compressed.",
        why_dynamic: "The verdict describes the stub: a packed dynamic program can look static, and its causes and build settings cannot be read. Unpack a copy first and check that.",
        confirm: &[
            Check { command: "upx -t ./app", shows: "whether the file is packed and intact" },
            Check { command: "cp ./app /tmp/app && upx -d /tmp/app && file /tmp/app", shows: "the unpacked program, which linklens can then read" },
        ],
        fixes: &[],
        links: &[Link { title: "UPX", url: "https://upx.github.io/" }],
        message: Some("Packed with UPX (marker at offset {offset}): what is read is the packer's stub, not the program. Unpack a copy with upx -d and check that."),
    },
];
