//! The sentences that are not about one cause, warning or fix: the
//! headline a report opens with, and the few sentences the page and the
//! export say about linklens itself. `{placeholders}` are filled by
//! [`fill`](super::fill).

/// macOS: dynamic by design.
pub const HEADLINE_MACHO: &str = "Dynamic, as every macOS program is: libSystem is always required, and fully static executables are not supported on macOS.";
/// Windows, with MinGW runtime DLLs.
pub const HEADLINE_PE_MINGW: &str = "Needs MinGW runtime DLLs that are not part of Windows: link them statically.";
/// Windows, system DLLs only.
pub const HEADLINE_PE_SYSTEM: &str = "Imports only Windows system DLLs, as every Windows program does: nothing to fix.";
/// Static (or static-pie) with glibc's NSS inside; `{what}` is "Static" or "Static-pie".
pub const HEADLINE_STATIC_NSS: &str = "{what} on paper, but glibc's NSS lookups inside will load shared libraries at run time.";
/// Static with no C code.
pub const HEADLINE_STATIC_CLEAN: &str = "{what}: no C library and no interpreter; it runs on any {os} kernel for its architecture.";
/// Static with C code linked in.
pub const HEADLINE_STATIC_WITH: &str = "{what}, with {causes} linked statically with {libc}.";
/// The two words `{what}` takes.
pub const STATIC: &str = "Static";
/// See [`STATIC`].
pub const STATIC_PIE: &str = "Static-pie";
/// A Go plugin or c-shared library.
pub const HEADLINE_SHARED_OBJECT: &str = "Dynamic by design: a Go plugin or c-shared library is a shared object, loaded by a dynamic program.";
/// A file for a system where Go always calls libc; `{os}` its name.
pub const HEADLINE_PLATFORM_DYNAMIC: &str = "Dynamic by platform design: on {os}, Go programs always call the system's C library, so no rebuild makes them static.";
/// A file for Android.
pub const HEADLINE_ANDROID: &str = "Dynamic by platform design: Android runs only position-independent executables, so Go links every Android program as a PIE that asks for /system/bin/linker64. Nothing to fix.";
/// A UPX-packed file; `{verdict}` is what its stub is.
pub const HEADLINE_UPX: &str = "Packed with UPX: \"{verdict}\" describes the packer's stub, not your program. Unpack a copy with upx -d and check that.";
/// A program that loads Go plugins.
pub const HEADLINE_PLUGIN_HOST: &str = "Dynamic by design: it loads Go plugins with the dynamic loader, so no rebuild can make it static and still load them. To ship static binaries, run the extensions as separate processes.";
/// A program that loads C libraries at run time through purego.
pub const HEADLINE_PUREGO: &str = "Dynamic by design: it loads C libraries at run time through purego, so it needs the C library's loader whether cgo is on or off. No rebuild makes it static and keeps that working; ship it on a base with glibc.";
/// A non-Go program; `{lang}` C, C++ or Rust, `{libc}` the C library.
pub const HEADLINE_NON_GO: &str = "Dynamic: a {lang} program whose toolchain linked {libc} dynamically.";
/// What `{libc}` says when the C library is unknown.
pub const THE_C_LIBRARY: &str = "the C library";
/// A Go PIE linked internally.
pub const HEADLINE_PIE_ONLY: &str = "Dynamic only because of -buildmode=pie: it asks for the dynamic loader, but needs no shared library.";
/// Dynamic with no cgo component found.
pub const HEADLINE_NO_CAUSE: &str = "Dynamic, and linklens could not tell why: no cgo package, build setting or loader use it knows explains it. The interpreter and libraries it asks for are listed with the verdict; no command is given, because none is known to make it static.";
/// Dynamic because of the named causes.
pub const HEADLINE_BECAUSE: &str = "Dynamic because of {causes}.";
/// After the causes, when no recipe reaches this architecture: the C parts
/// need a C toolchain for musl on it, and neither recipe has one.
pub const NO_RECIPE_FOR_ARCH: &str = " No rebuild command is given for {goarch}: keeping the C parts and linking them statically needs a C toolchain for musl on {goarch}, and linklens knows none that builds this file there (musl-gcc builds for this machine's architecture only; zig cc 0.17 links 32-bit MIPS only when built with GOMIPS=softfloat and -ldflags=-w, and 64-bit MIPS not at all).";
/// A cgo dependency named by its module.
pub const CAUSE_MODULE: &str = "the cgo dependency {module}";
/// A cgo dependency known only by its package.
pub const CAUSE_PACKAGE: &str = "the cgo package {package}";
/// The program's own cgo outside package main.
pub const CAUSE_OWN_PACKAGE: &str = "the program's own C code (package {package})";
/// Joins the last two items of a list of causes.
pub const AND: &str = " and ";

/// Why `ldd` is not used, said once.
pub const LDD_RUNS_PROGRAM: &str = "Avoid ldd on files you do not trust: it may run the program to find its libraries. file, readelf and linklens only read it.";
/// The page's footer.
pub const ABOUT: &str = "linklens reads ELF, Mach-O and PE headers, Go build info and the pclntab. It never runs your binary (ldd can). Works offline once loaded.";
/// The last line of an exported report.
pub const EXPORT_FOOTER: &str = "Analysed by linklens, which reads the file and never runs it; nothing was uploaded.";
/// The CLI's description in `--help`.
pub const CLI_ABOUT: &str = "Tells whether each Linux binary is statically linked; if not, why (which cgo component, with the evidence), and the command that rebuilds it static. linklens only reads the files: it never runs them.";
/// The CLI's exit statuses, after the options in `--help`.
pub const CLI_EXIT_STATUS: &str = "exit status: 0 all analysed (and static, with --require-static; running on every --target);
             1 --require-static and some file is dynamic, or some file will not run on a --target;
             2 some file could not be read or parsed (the others are still reported),
               or, with --recipe, some file has no such recipe (said on standard error)";

/// `--recipe` on a file with no fix; `{linkage}`: its linkage phrase.
pub const CLI_NO_FIX: &str = "no rebuild to render: it is {linkage} and needs no fix";
/// `--fix` names a fix the file does not have; `{fixes}`: the ones it has.
pub const CLI_NO_SUCH_FIX: &str = "no {fix} fix for this file (its fixes: {fixes})";
/// `--recipe` for a fix that cannot take that form; `{why}`: the catalogue's reason.
pub const CLI_NO_RECIPE: &str = "no {recipe} recipe: {why}";

/// A value the CLI does not know; `{what}` is the kind (`recipe`, `fix`,
/// `target`) and `{ids}` the ones it knows.
pub const CLI_UNKNOWN_ID: &str = "unknown {what}; the {what} ids are: {ids}";

/// A file the CLI could not read; `{detail}` is the system's own words.
pub const CLI_CANNOT_READ: &str = "cannot read {path}: {detail}";

/// A directory named where a file was expected (standard input aside).
pub const CLI_IS_A_DIRECTORY: &str = "{path} is a directory, not a file";

/// A symbolic link to a directory on the command line.
pub const CLI_LINK_NOT_FOLLOWED: &str = "{path}: a symbolic link to a directory, not followed";

/// A file that gave no report, in the text output.
pub const CLI_FILE_ERROR: &str = "{path}: error: {message}";
/// The CLI's progress on an archive, after the bytes read.
pub const CLI_PROGRESS: &str = "files: {files}, ELF: {elf}";

/// Why a report has no target verdicts; `{os}` is the system's name.
pub const TARGETS_NOT_LINUX: &str = "Targets are Linux images and distributions; this file is for {os}.";

/// A program that looks host names up, on Linux: which of the resolver's
/// files a container runtime provides (`{function}` is the evidence,
/// `{error}` the start of what a lookup prints without them).
pub const RESOLVER_FILES: &str = "It looks host names up ({function}): Go's resolver reads /etc/resolv.conf and /etc/hosts, which Docker, Podman and Kubernetes mount into every container; no image has to ship them. /etc/nsswitch.conf is not mounted, and without it Go reads /etc/hosts first. Outside a container runtime (a chroot, a machine image made from the root) without those two files, even localhost does not resolve: {error}…";

/// What Go's resolver prints for "localhost" without /etc/hosts and
/// /etc/resolv.conf: it asks the default servers, 127.0.0.1:53 and
/// [::1]:53 (net/dnsconfig_unix.go), and names the last; what follows
/// depends on the network.
pub const RESOLVER_ERROR: &str = "lookup localhost on [::1]:53: ";


/// A floor when no version is needed (only the loader).
pub const NO_VERSION: &str = "no versioned symbol";

/// The symbols list when no symbol is bound to a version.
pub const NO_SYMBOLS: &str = "no symbol named";

/// What an image's program is when no reader recognised it.
pub const NOT_AN_ELF_FILE: &str = "not an ELF file";
