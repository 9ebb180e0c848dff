//! The vocabulary: a typed id for everything a person reads about a binary
//! (causes, warnings, fixes, fix notes, targets, reasons, errors), and the
//! one way every enum in the [`Facts`](crate::Facts) becomes a string. The
//! words for each id live in `linklens-explain`'s catalogue.

/// Declares a closed set of ids: the enum, `ALL` in declaration order,
/// `as_str` (the JSON spelling, kebab-case), `parse`, and serde by that
/// spelling. This is the only enum-to-string path in the project (the
/// other crates' ids use it as `linklens::vocabulary!`).
#[macro_export]
#[doc(hidden)]
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable spelling, as in the JSON report.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value spelled `s`, if any.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    <D::Error as ::serde::de::Error>::unknown_variant(&s, &[$($text,)*])
                })
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// Why a Go binary links C code (and so, usually, why it is dynamic).
    pub enum CauseId {
        /// The net package's cgo DNS resolver.
        Dns = "dns",
        /// os/user's cgo lookups.
        OsUser = "osuser",
        /// A package of the main module imports "C".
        CgoOwn = "cgo-own",
        /// A dependency imports "C".
        CgoDep = "cgo-dep",
        /// `-buildmode=pie` linked by Go itself: interpreter, no libraries.
        PieInterp = "pie-interp",
        /// The plugin package (dlopen).
        Plugin = "plugin",
        /// Not a Go binary at all.
        NonGo = "non-go",
        /// Built with the race detector (`-race`), whose runtime is C.
        Race = "race",
        /// Linked by the external linker with no cgo package
        /// (`-ldflags=-linkmode=external`).
        ExternalLink = "external-link",
        /// Built by gccgo, which links libgo and libc dynamically.
        Gccgo = "gccgo",
        /// purego: the program loads C libraries at run time without cgo
        /// (`//go:cgo_import_dynamic` asks the loader for libc and dlopen).
        Purego = "purego",
        /// Built with `-asan` or `-msan`: the sanitizer's runtime is a C
        /// library, linked dynamically, and needs cgo.
        Sanitizer = "sanitizer",
    }
}

vocabulary! {
    /// Something true of the file that is worth knowing but is not a cause.
    pub enum WarningId {
        /// The file is shorter than its headers say.
        Truncated = "truncated",
        /// glibc linked statically with NSS functions inside.
        GlibcStaticNss = "glibc-static-nss",
        /// musl interpreter with `NEEDED libc.so`.
        MuslDynamic = "musl-dynamic",
        /// The build info says `-buildmode=pie`, the file is `ET_EXEC`.
        BuildmodeMismatch = "buildmode-mismatch",
        /// The build info's GOARCH is not the file's machine.
        GoarchMismatch = "goarch-mismatch",
        /// The build info says `CGO_ENABLED=0`, the file needs libraries.
        CgoDisabledDynamic = "cgo-disabled-dynamic",
        /// A Go binary identified by its pclntab alone.
        NoBuildinfo = "no-buildinfo",
        /// `CGO_ENABLED=1` recorded, yet static with no cgo component.
        CgoEnabledStatic = "cgo-enabled-static",
        /// The build info header is there but cannot be read.
        BuildinfoDamaged = "buildinfo-damaged",
        /// A dynamic-table string (`DT_NEEDED`, rpath) points outside the string table.
        DynamicStringUnreadable = "dynamic-string-unreadable",
        /// A Mach-O file links dylibs from outside the system paths.
        MacosNonSystemDylib = "macos-non-system-dylib",
        /// A PE file needs MinGW runtime DLLs.
        MingwRuntime = "mingw-runtime",
        /// Packed with UPX: the headers are the packer's stub.
        UpxPacked = "upx-packed",
    }
}

vocabulary! {
    /// Which part of the Go build info could not be read.
    pub enum BuildinfoPart {
        /// The Go version string.
        Version = "version",
        /// The module info string (path, mod, dep, build lines).
        ModuleInfo = "module-info",
        /// The pointer size byte of the pre-1.18 header.
        PointerSize = "pointer-size",
    }
}

vocabulary! {
    /// What is wrong with a part of the Go build info.
    pub enum BuildinfoProblem {
        /// Its length prefix is not a valid varint.
        BadVarint = "bad-varint",
        /// Its length (the warning's `value`) runs past its segment.
        PastSegment = "past-segment",
        /// Its bytes are not all in the file.
        CutShort = "cut-short",
        /// The pointer size (the warning's `value`) is neither 4 nor 8.
        BadPointerSize = "bad-pointer-size",
    }
}

vocabulary! {
    /// A way to rebuild a binary static (or to stop needing to).
    pub enum FixId {
        /// `CGO_ENABLED=0`.
        CgoOff = "cgo-off",
        /// `-tags netgo,osusergo`.
        PureGoTags = "pure-go-tags",
        /// musl-gcc and an external static link.
        MuslGcc = "musl-gcc",
        /// zig cc for a musl target.
        ZigMusl = "zig-musl",
        /// Replace the cgo dependency by a pure-Go one.
        PureGoDriver = "pure-go-driver",
        /// A plain executable instead of a PIE.
        DropPie = "drop-pie",
        /// A real static-pie.
        StaticPie = "static-pie",
        /// Extensions as processes instead of Go plugins.
        PluginRpc = "plugin-rpc",
        /// A C program linked with `-static`.
        CStatic = "c-static",
        /// A C++ program linked with `-static`.
        CxxStatic = "cxx-static",
        /// A Rust program built for a musl target.
        RustMusl = "rust-musl",
        /// A Windows Go program with the MinGW runtime linked in.
        WindowsStatic = "windows-static",
        /// Stay dynamic, link against an old glibc with zig's stubs.
        ZigGlibc = "zig-glibc",
        /// Stay dynamic, build in an image with an older glibc.
        OlderGlibcImage = "older-glibc-image",
        /// gccgo with `-gccgoflags -static`.
        GccgoStatic = "gccgo-static",
    }
}

vocabulary! {
    /// What compiles and links the C side of a Go build.
    pub enum BuildTool {
        /// No C at all: Go alone (`CGO_ENABLED=0`, or nothing that needs C).
        Go = "go",
        /// The system's gcc and C library (glibc on most build machines).
        Gcc = "gcc",
        /// musl-gcc, musl's wrapper around gcc.
        MuslGcc = "musl-gcc",
        /// zig cc, for a musl or a pinned glibc target.
        Zig = "zig",
    }
}

vocabulary! {
    /// A form a rebuild takes: the shell command, or the same change in a
    /// file people keep in their repository.
    pub enum RecipeKind {
        /// The command line.
        Shell = "shell",
        /// A multi-stage Dockerfile.
        Dockerfile = "dockerfile",
        /// A `.goreleaser.yaml` `builds:` entry.
        Goreleaser = "goreleaser",
        /// A GitHub Actions workflow.
        GithubActions = "github-actions",
        /// A Makefile target.
        Makefile = "makefile",
    }
}

vocabulary! {
    /// Why a share link could not be opened.
    pub enum ShareErrorId {
        /// Nothing after `#/r/`.
        Empty = "empty",
        /// Longer than any link linklens makes.
        TooLong = "too-long",
        /// Not base64url.
        NotBase64 = "not-base64",
        /// Not a deflate stream, or one cut short.
        Damaged = "damaged",
        /// Inflates past the limit.
        TooLarge = "too-large",
        /// Not a shared report.
        NotAReport = "not-a-report",
        /// A report of another schema version.
        OtherVersion = "other-version",
    }
}

vocabulary! {
    /// A list a shortened share link left out.
    pub enum OmittedId {
        /// The undefined dynamic symbols.
        Imports = "imports",
        /// The module's dependencies.
        Deps = "deps",
        /// The recorded build settings (the typed ones stay).
        Settings = "settings",
        /// The symbols behind each versioned requirement.
        RequiredSymbols = "required-symbols",
        /// Evidence beyond the first few of a cause or warning.
        Evidence = "evidence",
        /// The GNU and Go build ids.
        BuildIds = "build-ids",
    }
}

vocabulary! {
    /// A remark on how a rebuild command was derived from this binary.
    pub enum NoteId {
        /// GOOS/GOARCH were added.
        CrossTarget = "cross-target",
        /// No build info: flags unknown.
        FlagsUnknown = "flags-unknown",
        /// `-trimpath` hides `-ldflags`.
        TrimpathLdflags = "trimpath-ldflags",
        /// The main package path is not recorded.
        PackageUnknown = "package-unknown",
        /// Built from files named on the command line.
        CommandLineFiles = "command-line-files",
        /// Run the command inside the module or GOPATH tree.
        RunInTree = "run-in-tree",
        /// `-buildmode=pie` was dropped.
        PieDropped = "pie-dropped",
        /// An external static link was kept.
        KeepsStaticLink = "keeps-static-link",
        /// Tags were added to the recorded ones.
        TagsAdded = "tags-added",
        /// `-linkmode external` was added for zig.
        ZigExternalLink = "zig-external-link",
        /// The import and driver name must change first.
        ReplaceImport = "replace-import",
        /// Dynamic with no cgo package found.
        /// The non-Go recipe's file names are placeholders.
        AdaptFileNames = "adapt-file-names",
        /// Serve each extension as its own static binary.
        ServeExtensions = "serve-extensions",
        /// The glibc floor the recipe links for.
        GlibcFloor = "glibc-floor",
        /// `-race` was dropped: a race-detector build needs cgo.
        RaceDropped = "race-dropped",
        /// `-linkmode external` was dropped: with no C, Go links itself.
        LinkmodeDropped = "linkmode-dropped",
        /// A GOPATH-mode build outside GOPATH: run in its directory.
        RunInDirectory = "run-in-directory",
        /// C++ in a cgo package: CXX is set too.
        CxxToo = "cxx-too",
        /// `-tags libsqlite3` dropped for go-sqlite3's bundled SQLite.
        BundledSqlite = "bundled-sqlite",
        /// A test binary, rebuilt with `go test -c`.
        TestBinary = "test-binary",
        /// The standard gc compiler instead of gccgo.
        GcInsteadOfGccgo = "gc-instead-of-gccgo",
        /// `-msan`/`-asan` were dropped: the sanitizers need cgo and link their runtimes dynamically.
        SanitizerDropped = "sanitizer-dropped",
        /// `CGO_CFLAGS`… were dropped with cgo.
        CgoFlagsDropped = "cgo-flags-dropped",
        /// `GOEXPERIMENT=boringcrypto` with cgo off: BoringCrypto is left out.
        BoringcryptoDropped = "boringcrypto-dropped",
        /// go-sqlite3 replaced by a copy that links the system's libsqlite3:
        /// the replace is dropped.
        ReplaceDropped = "replace-dropped",
    }
}

vocabulary! {
    /// A place a Linux binary is shipped to: a container base image or a
    /// distribution release. The table of what each has is
    /// `portability::targets`; the words are in the catalogue.
    pub enum TargetId {
        /// `FROM scratch`: an empty file system.
        Scratch = "scratch",
        /// `gcr.io/distroless/static-debian12`.
        DistrolessStatic = "distroless-static",
        /// `gcr.io/distroless/base-debian12`.
        DistrolessBaseDebian12 = "distroless-base-debian12",
        /// `gcr.io/distroless/cc-debian12`.
        DistrolessCcDebian12 = "distroless-cc-debian12",
        /// `busybox:musl`.
        BusyboxMusl = "busybox-musl",
        /// `busybox:glibc`.
        BusyboxGlibc = "busybox-glibc",
        /// `alpine`.
        Alpine = "alpine",
        /// Debian 10 (buster).
        Debian10 = "debian-10",
        /// Debian 11 (bullseye).
        Debian11 = "debian-11",
        /// Debian 12 (bookworm).
        Debian12 = "debian-12",
        /// Debian 13 (trixie).
        Debian13 = "debian-13",
        /// Ubuntu 18.04.
        Ubuntu1804 = "ubuntu-18.04",
        /// Ubuntu 20.04.
        Ubuntu2004 = "ubuntu-20.04",
        /// Ubuntu 22.04.
        Ubuntu2204 = "ubuntu-22.04",
        /// Ubuntu 24.04.
        Ubuntu2404 = "ubuntu-24.04",
        /// RHEL 7 and its rebuilds.
        Rhel7 = "rhel-7",
        /// RHEL 8 and its rebuilds.
        Rhel8 = "rhel-8",
        /// RHEL 9 and its rebuilds.
        Rhel9 = "rhel-9",
        /// RHEL 10 and its rebuilds.
        Rhel10 = "rhel-10",
        /// Amazon Linux 2.
        AmazonLinux2 = "amazonlinux-2",
        /// Amazon Linux 2023.
        AmazonLinux2023 = "amazonlinux-2023",
    }
}

vocabulary! {
    /// The fact that decides whether a binary runs on a target.
    pub enum ReasonId {
        /// Static or static-pie: needs nothing from the target.
        Static = "static",
        /// The target publishes no image for the binary's architecture.
        ArchUnpublished = "arch-unpublished",
        /// The target has no dynamic loader at all.
        NoLoader = "no-loader",
        /// A glibc binary on a musl target.
        GlibcOnMusl = "glibc-on-musl",
        /// A musl binary on a glibc target.
        MuslOnGlibc = "musl-on-glibc",
        /// A musl binary on a musl image without musl's loader.
        MuslLoaderMissing = "musl-loader-missing",
        /// A needed library is not in the image and cannot be installed there.
        LibraryMissing = "library-missing",
        /// A needed library is not in the base image but its package can be installed.
        LibraryInstallable = "library-installable",
        /// A needed glibc version is newer than the target's.
        GlibcTooOld = "glibc-too-old",
        /// Only weak references need a newer glibc.
        GlibcWeakTooOld = "glibc-weak-too-old",
        /// A needed libstdc++ (`GLIBCXX_`/`CXXABI_`) version is newer than the target's.
        CxxTooOld = "cxx-too-old",
        /// A glibc binary whose needs the target's glibc meets.
        GlibcOk = "glibc-ok",
        /// A musl binary on a musl target.
        MuslOk = "musl-ok",
        /// The C library could not be told: cannot judge.
        LibcUnknown = "libc-unknown",
        /// It starts; the image has no CA bundle for crypto/x509.
        NoCaBundle = "no-ca-bundle",
        /// It starts; the image has no zoneinfo for `time.LoadLocation`.
        NoZoneinfo = "no-zoneinfo",
        /// It starts; the image has no `/etc/passwd` for os/user.
        NoAccounts = "no-accounts",
    }
}

vocabulary! {
    /// What makes a binary start, or work, in an image as it is, without
    /// rebuilding it.
    pub enum RemedyId {
        /// Install the package that ships the missing library.
        InstallPackage = "install-package",
        /// Alpine's glibc compatibility shim.
        Gcompat = "gcompat",
        /// Install the distribution's CA bundle.
        InstallCaCertificates = "install-ca-certificates",
        /// Copy a CA bundle in from a build stage.
        CopyCaBundle = "copy-ca-bundle",
        /// Install zoneinfo.
        InstallTzdata = "install-tzdata",
        /// Link zoneinfo into the program (`-tags timetzdata`).
        EmbedTzdata = "embed-tzdata",
        /// Copy `/etc/passwd` and `/etc/group` in.
        CopyAccounts = "copy-accounts",
    }
}

vocabulary! {
    /// A container format linklens opens (always told by its first bytes).
    pub enum ArchiveFormat {
        /// A tar archive.
        Tar = "tar",
        /// A gzip stream (`.gz`, `.tgz`).
        Gzip = "gzip",
        /// An xz stream.
        Xz = "xz",
        /// A zstd stream.
        Zstd = "zstd",
        /// A zip archive (also `.whl`, `.jar`).
        Zip = "zip",
        /// A Debian package: an `ar` archive around `data.tar.*`.
        Deb = "deb",
        /// An `ar` archive that is not a Debian package.
        Ar = "ar",
        /// `docker save` output: `manifest.json` and layer tars.
        DockerArchive = "docker-archive",
        /// An OCI image layout in a tar: `oci-layout`, `index.json`, `blobs/`.
        OciLayout = "oci-layout",
    }
}

vocabulary! {
    /// Why an archive, or one of its members, was not (fully) read.
    pub enum ArchiveErrorId {
        /// More decompressed bytes than the limit in total.
        TooBig = "too-big",
        /// Expands far more than real data does: a decompression bomb.
        Bomb = "bomb",
        /// More members than the limit.
        TooManyMembers = "too-many-members",
        /// A member's path is longer than the limit.
        PathTooLong = "path-too-long",
        /// Archives nested deeper than the limit.
        TooDeep = "too-deep",
        /// A path with `..` that would leave the archive.
        Traversal = "traversal",
        /// An absolute path.
        AbsolutePath = "absolute-path",
        /// Symbolic links that lead back to themselves.
        SymlinkLoop = "symlink-loop",
        /// An encrypted zip member.
        Encrypted = "encrypted",
        /// The stream ends early.
        Truncated = "truncated",
        /// One binary bigger than the limit for a compressed member.
        MemberTooBig = "member-too-big",
        /// The container is damaged or not what its first bytes say.
        Corrupt = "corrupt",
        /// A compression method or feature not supported.
        Unsupported = "unsupported",
        /// An image's manifest or config could not be read (the JSON reader's
        /// own words in the detail).
        ImageManifest = "image-manifest",
        /// A file the image names (a manifest, a config, a layer) is not there.
        ImageMissing = "image-missing",
        /// An image's JSON file is bigger than the limit.
        ImageJsonTooBig = "image-json-too-big",
        /// Image indexes nested deeper than the limit.
        ImageIndexTooDeep = "image-index-too-deep",
        /// More manifests and indexes than the limit.
        ImageTooManyManifests = "image-too-many-manifests",
        /// A digest that is not an algorithm and a hex digest.
        ImageBadDigest = "image-bad-digest",
        /// `manifest.json` is not a list of images.
        ImageNotAList = "image-not-a-list",
        /// An image names no config.
        ImageNoConfig = "image-no-config",
        /// The binary inside could not be analysed.
        Analysis = "analysis",
    }
}

vocabulary! {
    /// Whose words an archive error's detail is: the reader that refused
    /// the bytes (a decoder's error reaches the walk through the container
    /// reader around it, and is still the decoder's).
    pub enum Reader {
        /// The file itself could not be read (the system or the browser).
        File = "file",
        /// The gzip decoder.
        Gzip = "gzip",
        /// The xz decoder.
        Xz = "xz",
        /// The zstd decoder.
        Zstd = "zstd",
        /// The tar reader.
        Tar = "tar",
        /// The zip reader.
        Zip = "zip",
        /// The `ar` reader.
        Ar = "ar",
        /// The JSON reader (an image's manifest, index or config).
        Json = "json",
    }
}

vocabulary! {
    /// Will a container image's entrypoint start?
    pub enum ImageVerdict {
        /// It starts (as far as linking goes).
        Starts = "starts",
        /// It starts, but a file it reads at run time is not in the image.
        StartsBut = "starts-but",
        /// It fails before `main`.
        Fails = "fails",
        /// Cannot be told (no entrypoint, or a script).
        Unknown = "unknown",
    }
}

vocabulary! {
    /// The fact that decides an image's verdict.
    pub enum ImageReasonId {
        /// The entrypoint is a static binary.
        Static = "static",
        /// The loader and every needed library are in the image.
        AllFound = "all-found",
        /// The config names neither an entrypoint nor a command.
        NoEntrypoint = "no-entrypoint",
        /// The entrypoint is a script.
        Script = "script",
        /// The entrypoint's path is not in the image.
        EntrypointMissing = "entrypoint-missing",
        /// A bare command name found in no `$PATH` directory.
        NotInPath = "not-in-path",
        /// The entrypoint is not a binary for Linux.
        NotElf = "not-elf",
        /// The binary is for another architecture than the image's platform.
        WrongArch = "wrong-arch",
        /// The binary's loader (`PT_INTERP`) is not in the image.
        NoLoader = "no-loader",
        /// A needed library is not in the image.
        MissingLibrary = "missing-library",
        /// The image's glibc is older than the binary needs.
        GlibcTooOld = "glibc-too-old",
        /// The path leads through a symbolic link loop.
        SymlinkLoop = "symlink-loop",
        /// It starts; the image has no CA bundle where crypto/x509 looks.
        NoCaBundle = "no-ca-bundle",
        /// It starts; the image has no zoneinfo.
        NoZoneinfo = "no-zoneinfo",
        /// It starts; the image has no `/etc/passwd`.
        NoAccounts = "no-accounts",
    }
}

vocabulary! {
    /// A file a started Go program reads from the system it runs on.
    pub enum NeedId {
        /// The CA bundle: crypto/x509 loads the system's roots to verify
        /// TLS certificates (`/etc/ssl/certs/ca-certificates.crt` and the
        /// other paths Go tries).
        CaBundle = "ca-bundle",
        /// zoneinfo: `time.LoadLocation` reads `/usr/share/zoneinfo`
        /// unless `time/tzdata` is linked in.
        Zoneinfo = "zoneinfo",
        /// `/etc/passwd` and `/etc/group`: os/user's lookups.
        Accounts = "accounts",
        /// `/etc/resolv.conf` and `/etc/hosts` (and `/etc/nsswitch.conf`):
        /// net's resolver, once the program looks a host name up. Container
        /// runtimes mount the first two into every container.
        Hosts = "hosts",
    }
}

vocabulary! {
    /// Will it run there?
    pub enum Verdict {
        /// It starts.
        Runs = "runs",
        /// It starts, but a file it reads at run time is missing there.
        StartsBut = "starts-but",
        /// It does not start.
        Fails = "fails",
        /// It depends on something the file cannot tell (a package installed, a weak symbol used).
        Maybe = "maybe",
    }
}
