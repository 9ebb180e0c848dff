//! The catalogue: what each cause and warning means, how to see it with the
//! usual tools, which fixes apply and what they cost. It is data, in one
//! place, so the CLI, the result view and the documentation pages say the
//! same thing. Commands tailored to a binary are built in `fix`; the prose
//! here never depends on a binary.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    Cause,
    Warning,
}

/// A way to see the cause yourself with a standard tool.
#[derive(Debug, Serialize)]
pub struct Check {
    pub command: &'static str,
    pub shows: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub title: &'static str,
    pub url: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Topic {
    /// A cause id (`dns`, …) or a warning id (`glibc-static-nss`, …).
    pub id: &'static str,
    pub kind: TopicKind,
    pub title: &'static str,
    /// One line, for lists and the CLI.
    pub summary: &'static str,
    pub what_happens: &'static str,
    pub why_dynamic: &'static str,
    pub confirm: &'static [Check],
    /// Fix ids, in the order they are usually preferred.
    pub fixes: &'static [&'static str],
    pub links: &'static [Link],
}

#[derive(Debug, Serialize)]
pub struct FixEntry {
    pub id: &'static str,
    pub title: &'static str,
    /// What the fix does, in one or two sentences.
    pub how: &'static str,
    /// What you give up or must have.
    pub tradeoffs: &'static [Tradeoff],
}

#[derive(Debug, Serialize)]
pub struct Tradeoff {
    /// The cause this applies to; `None` for every use of the fix.
    pub when: Option<&'static str>,
    pub text: &'static str,
}

const fn always(text: &'static str) -> Tradeoff {
    Tradeoff { when: None, text }
}

const fn when(cause: &'static str, text: &'static str) -> Tradeoff {
    Tradeoff { when: Some(cause), text }
}

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
const README_LDD: Check = Check {
    command: "readelf -d ./app | grep NEEDED",
    shows: "the shared libraries the loader must find (ldd shows the same, but may execute the file: avoid it on untrusted binaries)",
};
const GO_VERSION_M: Check = Check {
    command: "go version -m ./app",
    shows: "build settings such as CGO_ENABLED=1 and -tags; CGO_ENABLED=1 means cgo was available, not that it was used",
};

static TOPICS: &[Topic] = &[
    Topic {
        id: "dns",
        kind: TopicKind::Cause,
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
        fixes: &["cgo-off", "pure-go-tags", "musl-gcc", "zig-musl"],
        links: &[NET_DOCS, GO120, STATIC_PROPOSAL],
    },
    Topic {
        id: "osuser",
        kind: TopicKind::Cause,
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
        fixes: &["cgo-off", "pure-go-tags", "musl-gcc", "zig-musl"],
        links: &[USER_DOCS, STATIC_PROPOSAL],
    },
    Topic {
        id: "cgo-own",
        kind: TopicKind::Cause,
        title: "The program's own C code (cgo)",
        summary: "a package of this module imports \"C\", so C code and a libc are linked in",
        what_happens: "A package in the main module uses cgo (import \"C\"). Its C code calls the C library, and cgo's generated glue does too. Such programs are always linked by the external linker (gcc or clang), which links libc the usual way: dynamically.",
        why_dynamic: "The system C toolchain links glibc dynamically by default, and glibc is not meant to be linked statically. CGO_ENABLED=0 is not an option: the program's own code needs cgo.",
        confirm: &[
            FILE_CHECK,
            README_LDD,
            Check { command: "go tool nm ./app | grep '_Cfunc_'", shows: "main._Cfunc_… (or another package of this module) — the Go side of the C calls" },
        ],
        fixes: &["musl-gcc", "zig-musl"],
        links: &[CGO_DOCS, LINK_DOCS, MUSL],
    },
    Topic {
        id: "cgo-dep",
        kind: TopicKind::Cause,
        title: "A dependency that uses cgo",
        summary: "a module this program depends on contains C code (e.g. github.com/mattn/go-sqlite3)",
        what_happens: "A package from another module imports \"C\". go-sqlite3, for example, compiles the whole SQLite C library into the binary. Any such package forces external linking with the system C toolchain.",
        why_dynamic: "The external linker links glibc dynamically by default; some dependencies also add their own shared libraries (libsqlite3.so, libseccomp.so…) when built against the system copy.",
        confirm: &[
            FILE_CHECK,
            README_LDD,
            Check { command: "go tool nm ./app | grep '_Cfunc_' | cut -d. -f1 | sort -u", shows: "which packages have cgo wrappers" },
            Check { command: "go version -m ./app", shows: "the dep lines, to map a package to its module and version" },
        ],
        fixes: &["musl-gcc", "zig-musl", "pure-go-driver"],
        links: &[CGO_DOCS, LINK_DOCS, MUSL, Link { title: "modernc.org/sqlite (SQLite without cgo)", url: "https://pkg.go.dev/modernc.org/sqlite" }],
    },
    Topic {
        id: "pie-interp",
        kind: TopicKind::Cause,
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
        fixes: &["drop-pie", "static-pie"],
        links: &[BUILDMODE_DOCS, LINK_DOCS],
    },
    Topic {
        id: "plugin",
        kind: TopicKind::Cause,
        title: "The plugin package",
        summary: "plugin.Open loads Go plugins with dlopen, through cgo",
        what_happens: "The plugin package calls dlopen and dlsym through cgo to load .so files built with -buildmode=plugin.",
        why_dynamic: "Loading shared objects needs the dynamic loader, so a plugin host is dynamic by design. Without cgo the package still compiles, but plugin.Open always fails.",
        confirm: &[
            FILE_CHECK,
            Check { command: "nm -D --undefined-only ./app | grep dl", shows: "dlopen, dlsym" },
            Check { command: "go tool nm ./app | grep 'plugin._Cfunc'", shows: "plugin._Cfunc_pluginOpen and friends" },
        ],
        fixes: &["plugin-rpc", "cgo-off"],
        links: &[Link { title: "plugin package (see its warnings)", url: "https://pkg.go.dev/plugin" }, BUILDMODE_DOCS],
    },
    Topic {
        id: "non-go",
        kind: TopicKind::Cause,
        title: "A dynamically linked C, C++ or Rust program",
        summary: "not a Go binary: its toolchain linked the C library dynamically, as toolchains do by default",
        what_happens: "The file is not Go. C, C++ and Rust toolchains on Linux link the C library (and for C++, libstdc++) dynamically unless told otherwise.",
        why_dynamic: "Dynamic linking is the default of gcc, clang and rustc's gnu targets; static linking needs a flag or a musl target.",
        confirm: &[FILE_CHECK, README_LDD],
        fixes: &["c-static", "cxx-static", "rust-musl"],
        links: &[MUSL],
    },
    Topic {
        id: "glibc-static-nss",
        kind: TopicKind::Warning,
        title: "glibc linked statically, with NSS functions inside",
        summary: "static on paper, but getaddrinfo or getpwnam_r will load glibc's NSS modules at run time",
        what_happens: "The binary was linked with -extldflags \"-static\" against glibc and contains functions such as getaddrinfo, getpwnam_r or getgrouplist. The linker warned: \"Using 'getaddrinfo' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking\".",
        why_dynamic: "`file` says statically linked, yet at run time glibc dlopens libnss_*.so from the system. On a machine without them, or with another glibc version, lookups fail or the program crashes.",
        confirm: &[
            FILE_CHECK,
            Check { command: "nm ./app | grep -E ' T (getaddrinfo|getpwnam_r|getgrouplist)$'", shows: "the NSS-dependent functions compiled in (needs an unstripped binary)" },
            Check { command: "readelf -n ./app | grep -A2 ABI", shows: "glibc's ABI tag note: this is glibc, not musl" },
        ],
        fixes: &["pure-go-tags", "musl-gcc", "zig-musl"],
        links: &[NET_DOCS, USER_DOCS, MUSL],
    },
    Topic {
        id: "musl-dynamic",
        kind: TopicKind::Warning,
        title: "musl interpreter with NEEDED libc.so",
        summary: "built with CC=musl-gcc but without -linkmode external: dynamic against musl",
        what_happens: "Setting CC=musl-gcc compiles the C parts with musl, but when the only cgo users are net or os/user, Go's internal linker still links the program, and -extldflags is ignored. The result asks for /lib/ld-musl-<arch>.so.1 and libc.so.",
        why_dynamic: "It runs only where musl is installed (Alpine); elsewhere it fails with \"no such file or directory\" or a bad ELF interpreter. glibc's ldd cannot read it.",
        confirm: &[
            Check { command: "readelf -l ./app | grep interpreter", shows: "/lib/ld-musl-x86_64.so.1 (or another arch)" },
            Check { command: "readelf -d ./app | grep NEEDED", shows: "libc.so" },
        ],
        fixes: &["musl-gcc", "cgo-off"],
        links: &[LINK_DOCS, MUSL],
    },
    Topic {
        id: "buildmode-mismatch",
        kind: TopicKind::Warning,
        title: "Build info that contradicts the file",
        summary: "the recorded build settings say one thing, the ELF headers another",
        what_happens: "The build info records settings (such as -buildmode=pie or CGO_ENABLED=0) that the file's own headers do not bear out. Some toolchains and linkers (seen with lld on Alpine) rewrite the result after Go recorded its intent.",
        why_dynamic: "linklens trusts the headers, as the kernel and `file` do, and reports the file as it is.",
        confirm: &[FILE_CHECK, GO_VERSION_M],
        fixes: &[],
        links: &[BUILDMODE_DOCS],
    },
];

static FIXES: &[FixEntry] = &[
    FixEntry {
        id: "cgo-off",
        title: "Build without cgo (CGO_ENABLED=0)",
        how: "Turns cgo off for the whole build: net and os/user use their pure-Go implementations and no C library is linked.",
        tradeoffs: &[
            when("dns", "DNS: Go's resolver reads /etc/resolv.conf and /etc/hosts itself; NSS sources such as mDNS (.local), LDAP, SSSD or systemd-resolved's extra features are not consulted."),
            when("osuser", "Users and groups: only /etc/passwd and /etc/group are read; accounts from LDAP, SSSD or systemd-homed are not found."),
            always("Any package that really needs C will fail to build."),
        ],
    },
    FixEntry {
        id: "pure-go-tags",
        title: "Keep cgo, use the pure-Go net and os/user (-tags netgo,osusergo)",
        how: "The netgo and osusergo build tags drop the cgo resolver and the cgo user lookups while leaving cgo available for other packages.",
        tradeoffs: &[
            always("Same behaviour as CGO_ENABLED=0 for DNS and user lookups: no NSS modules."),
            always("If another package still uses cgo, the binary stays dynamic unless you also link statically (musl)."),
            when("dns", "GODEBUG=netdns=go only changes the choice at run time; it does not remove the libc dependency."),
        ],
    },
    FixEntry {
        id: "musl-gcc",
        title: "Link the C parts statically with musl (musl-gcc)",
        how: "Compiles the C code against musl and has the external linker produce a fully static binary. -linkmode external matters: without it Go's internal linker ignores -extldflags.",
        tradeoffs: &[
            always("Needs musl-gcc (Debian/Ubuntu: apt install musl-tools; Alpine: the default gcc)."),
            always("musl's resolver and user lookups read /etc files directly: no NSS modules."),
            always("C libraries the code links against (-lfoo) must be available as static musl builds."),
            always("musl-gcc from musl-tools only targets the machine it runs on; cross-compile with zig or a cross musl toolchain."),
        ],
    },
    FixEntry {
        id: "zig-musl",
        title: "Cross-compile the C parts with zig cc and musl",
        how: "zig ships clang, a linker and musl for many targets, and links statically for *-linux-musl targets.",
        tradeoffs: &[
            always("Needs zig (e.g. pip install ziglang, then use `python3 -m ziglang cc` if zig is not on PATH)."),
            always("When cgo comes only from net or os/user, Go links internally and zig's objects fail to link (\"relocation target getaddrinfo not defined\"): -linkmode external avoids that."),
            always("musl's resolver has no NSS support."),
        ],
    },
    FixEntry {
        id: "pure-go-driver",
        title: "Replace the cgo dependency with a pure-Go one",
        how: "Some cgo packages have pure-Go alternatives; with none left, CGO_ENABLED=0 gives a static binary.",
        tradeoffs: &[
            always("Code changes: import path and driver name change (go-sqlite3's \"sqlite3\" is \"sqlite\" in modernc.org/sqlite)."),
            always("Performance and feature set differ; test before switching."),
        ],
    },
    FixEntry {
        id: "drop-pie",
        title: "Build a plain (non-PIE) executable",
        how: "Without -buildmode=pie, Go's linker writes a static executable with no interpreter.",
        tradeoffs: &[
            always("Loses load-address randomisation of the executable itself (the reason distributions ask for PIE)."),
        ],
    },
    FixEntry {
        id: "static-pie",
        title: "Build a real static-pie",
        how: "Links with the C toolchain's -static-pie: position-independent, self-relocating, no interpreter.",
        tradeoffs: &[
            always("Needs a C toolchain whose libc supports static-pie (glibc 2.27+ with gcc 8+, or musl-gcc)."),
            always("With glibc, lookups through NSS keep the glibc-static caveats: add -tags netgo,osusergo."),
        ],
    },
    FixEntry {
        id: "plugin-rpc",
        title: "Run extensions as separate processes instead of Go plugins",
        how: "A plugin host needs the dynamic loader. Processes talking over RPC (for example with hashicorp/go-plugin) let the host and each extension be static.",
        tradeoffs: &[
            always("An architectural change, not a build flag."),
            always("Calls cross a process boundary."),
        ],
    },
    FixEntry {
        id: "c-static",
        title: "Link the C program statically",
        how: "Pass -static to the linker; with musl-gcc the result has no NSS caveats.",
        tradeoffs: &[
            always("With glibc, NSS functions (getaddrinfo, getpwnam…) still load modules at run time."),
        ],
    },
    FixEntry {
        id: "cxx-static",
        title: "Link the C++ program statically",
        how: "-static links libstdc++, libgcc and libc into the executable.",
        tradeoffs: &[
            always("Same glibc NSS caveat as for C; -static-libstdc++ -static-libgcc alone keeps libc dynamic but removes the C++ runtime dependency."),
        ],
    },
    FixEntry {
        id: "rust-musl",
        title: "Build the Rust program for a musl target",
        how: "Rust's *-unknown-linux-musl targets link statically by default.",
        tradeoffs: &[
            always("C dependencies (via build.rs or -sys crates) must build for musl too."),
            always("musl's allocator is slower than glibc's under heavy multi-threaded allocation."),
        ],
    },
    FixEntry {
        id: "windows-static",
        title: "Link the MinGW runtime statically",
        how: "-extldflags \"-static\" makes the MinGW linker embed libwinpthread and libgcc instead of requiring their DLLs.",
        tradeoffs: &[
            always("Needs the static MinGW libraries installed; system DLLs (kernel32…) stay imports, as they must."),
        ],
    },
];

/// Every topic, causes first, in a stable order.
pub fn topics() -> &'static [Topic] {
    TOPICS
}

pub fn topic(id: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.id == id)
}

pub fn fixes() -> &'static [FixEntry] {
    FIXES
}

pub fn fix(id: &str) -> Option<&'static FixEntry> {
    FIXES.iter().find(|f| f.id == id)
}

impl FixEntry {
    /// The trade-offs that apply when the binary has these causes.
    pub fn tradeoffs_for(&self, causes: &[&str]) -> Vec<String> {
        self.tradeoffs
            .iter()
            .filter(|t| t.when.is_none_or(|c| causes.contains(&c)))
            .map(|t| t.text.to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::CauseId;

    #[test]
    fn every_cause_has_a_topic_and_every_fix_id_exists() {
        for id in CauseId::ALL {
            let t = topic(id.as_str()).unwrap_or_else(|| panic!("no topic for {}", id.as_str()));
            assert_eq!(t.kind, TopicKind::Cause);
        }
        for t in topics() {
            for f in t.fixes {
                assert!(fix(f).is_some(), "topic {} names unknown fix {f}", t.id);
            }
            if t.kind == TopicKind::Cause {
                assert!(CauseId::parse(t.id).is_some(), "cause topic {} is not a CauseId", t.id);
            }
        }
        let mut ids: Vec<_> = topics().iter().map(|t| t.id).chain(fixes().iter().map(|f| f.id)).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids in the catalogue");
    }
}
