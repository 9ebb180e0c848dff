//! Labels: the short words that name a field or a section, shared by the
//! text, the Markdown and the page. Sentences are not labels: they live in
//! the catalogue.

use linklens::{Kind, Language, Linkage};

/// `file`'s word for the kind of file.
pub fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Executable => "executable",
        Kind::PieExecutable => "pie executable",
        Kind::SharedObject => "shared object",
        Kind::Relocatable => "relocatable",
        Kind::Core => "core file",
        Kind::Other => "file",
    }
}

/// A language's name, as people write it.
pub fn language(l: Language) -> &'static str {
    match l {
        Language::Go => "Go",
        Language::Gccgo => "Go (gccgo)",
        Language::Rust => "Rust",
        Language::Cxx => "C++",
        Language::C => "C",
    }
}

/// `file`'s words for the verdict.
pub fn linkage_phrase(l: Linkage) -> &'static str {
    match l {
        Linkage::Static => "statically linked",
        Linkage::StaticPie => "static-pie linked",
        Linkage::Dynamic => "dynamically linked",
    }
}

/// After "dynamically linked" when only the interpreter is asked for.
pub const INTERPRETER_ONLY: &str = "interpreter only, no libraries";
/// A Go binary known by its pclntab alone; `{layout}` is the table layout.
pub const NO_BUILDINFO_LAYOUT: &str = "{layout} pclntab, no build info";

/// The `PT_INTERP` field.
pub const INTERPRETER: &str = "interpreter";
/// The `DT_NEEDED` field.
pub const NEEDS: &str = "needs";
/// The `DT_RPATH` field.
pub const RPATH: &str = "rpath";
/// The `DT_RUNPATH` field.
pub const RUNPATH: &str = "runpath";
/// Before a cause's id.
pub const CAUSE: &str = "cause";
/// Before a warning's id.
pub const WARNING: &str = "warning";
/// A cgo dependency's module.
pub const MODULE: &str = "module";
/// A cause's package.
pub const PACKAGE: &str = "package";
/// A cause whose C code was linked statically in this file.
pub const LINKED_STATICALLY: &str = "linked statically here";
/// A cause that made this file dynamic.
pub const MAKES_DYNAMIC: &str = "makes it dynamic";
/// The recommended fix.
pub const RECOMMENDED: &str = "Recommended";
/// The other fixes.
pub const ALTERNATIVES: &str = "Alternatives";
/// How to check the rebuilt file.
pub const VERIFY: &str = "Verify";
/// A note on a fix.
pub const NOTE: &str = "note";
/// The causes section.
pub const CAUSES: &str = "Causes";
/// The causes section of a static file.
pub const INSIDE: &str = "What is inside";
/// The causes section of a dynamic file.
pub const WHY: &str = "Why";
/// The warnings section.
pub const WARNINGS: &str = "Warnings";
/// The libraries section.
pub const LOADER: &str = "Loader";
/// Before the recommended fix on the page.
pub const REBUILD_STATIC: &str = "Rebuild it static";
/// The recipe tabs' accessible name.
pub const RECIPES: &str = "The same fix as";
/// Before the file a recipe goes in; `{file}`: its path.
pub const RECIPE_FILE: &str = "In {file}.";
/// The trade-offs of a fix.
pub const TRADEOFFS: &str = "Trade-offs";
/// How to verify, on the page.
pub const HOW_TO_VERIFY: &str = "How to verify";
/// The evidence list of a cause.
pub const EVIDENCE: &str = "Evidence in this file";
/// A link to a topic's page.
pub const MORE_ABOUT_THIS: &str = "More about this";
/// The explanation of a cause, folded.
pub const WHY_AND_CHECK: &str = "Why this makes a binary dynamic, and how to check it yourself";
/// A topic page's sections.
pub const WHAT_HAPPENS: &str = "What happens";
/// See [`WHAT_HAPPENS`].
pub const WHY_DYNAMIC: &str = "Why it makes the binary dynamic";
/// See [`WHAT_HAPPENS`]: a warning's page.
pub const WHY_IT_MATTERS: &str = "Why it matters";
/// See [`WHAT_HAPPENS`].
pub const SEE_IT_YOURSELF: &str = "See it yourself";
/// See [`WHAT_HAPPENS`].
pub const FIXES: &str = "Fixes";
/// See [`WHAT_HAPPENS`].
pub const READ_MORE: &str = "Read more";
/// The details section.
pub const DETAILS: &str = "Details";
/// Nothing there.
pub const NONE: &str = "none";
/// The headline's prefix for a warning on the page.
pub const WARNING_PREFIX: &str = "Warning";
/// `go version -m`'s first line when the file has no build info.
pub const NO_BUILDINFO: &str = "(no build info)";
/// The first line of gccgo's build info, which records no Go version.
pub const GCCGO_BUILDINFO: &str = "(gccgo: no Go version recorded)";
/// Before a cause's title, where it is named alone (an ARIA label).
pub const CAUSE_PREFIX: &str = "Cause";
/// Imports not explained by any cause.
pub const OTHER_IMPORTS: &str = "other";
/// The pclntab found by its section name.
pub const PCLNTAB_IN_SECTION: &str = "section {section}";
/// The pclntab found by scanning.
pub const PCLNTAB_SCANNED: &str = "found by scanning, at file offset {offset}";
/// The details' file line.
pub const FILE: &str = "File";
/// Both search paths.
pub const RPATH_RUNPATH: &str = "rpath / runpath";
/// The C library.
pub const C_LIBRARY: &str = "C library";
/// Before the libc evidence.
pub const FROM: &str = "from";
/// The imports, with their count.
pub const IMPORTED_SYMBOLS: &str = "Imported symbols ({count})";
/// The build info block.
pub const GO_BUILDINFO: &str = "Go build info (as go version -m prints it)";
/// The pclntab line.
pub const PCLNTAB_LINE: &str = "pclntab: {layout} layout, {nfunc} functions, {where}";
/// The cgo packages.
pub const CGO_PACKAGES: &str = "Packages with cgo functions";
/// One cgo package's count, before its examples.
pub const CGO_PACKAGE_LINE: &str = " — {count} functions, e.g. ";
/// The toolchain block.
pub const TOOLCHAIN: &str = "Toolchain";
/// The language.
pub const LANGUAGE: &str = "language";
/// glibc's ABI tag.
pub const ABI_TAG: &str = "ABI tag";
/// Go's build ID.
pub const GO_BUILD_ID: &str = "Go build ID";
/// The GNU build ID.
pub const GNU_BUILD_ID: &str = "GNU build ID";
/// runtime/cgo present.
pub const RUNTIME_CGO_LINKED: &str = "runtime/cgo is linked";
/// runtime/cgo absent.
pub const RUNTIME_CGO_NOT_LINKED: &str = "runtime/cgo is not linked";
/// A guide answer's pointers.
pub const SEE: &str = "See";
/// The samples menu.
pub const TRY_AN_EXAMPLE: &str = "Try an example";
/// The check page.
pub const CHECK_A_BINARY: &str = "Check a binary";
/// The comparison.
pub const COMPARE: &str = "Compare";
/// An address with no page.
pub const PAGE_NOT_FOUND: &str = "Page not found";
/// A documentation page that could not be fetched.
pub const PAGE_UNAVAILABLE: &str = "Page unavailable";

/// The portability section.
pub const WHERE_IT_RUNS: &str = "Where it runs";
/// The compact line of target verdicts.
pub const RUNS_ON: &str = "runs on";
/// The glibc floor.
pub const GLIBC_FLOOR: &str = "glibc ≥";
/// The glibc floor counting weak references.
pub const GLIBC_FLOOR_WEAK: &str = "with weak";
/// libstdc++'s floor.
pub const LIBSTDCXX_FLOOR: &str = "libstdc++ ≥";
/// A musl-dynamic file.
pub const MUSL_LOADER: &str = "needs musl's loader";
/// Folded line: the resolver's files come from the container runtime.
pub const RESOLVER_FILES: &str = "resolver files: from the container runtime";
/// Table column: the target.
pub const TARGET: &str = "Target";
/// Table column: the verdict.
pub const VERDICT: &str = "Verdict";
/// Table column: why.
pub const REASON: &str = "Why";
/// Table column / label: what the user would see.
pub const ERROR_SEEN: &str = "you would see";
/// Table column / label: the fix.
pub const FIX: &str = "fix";
/// The `--targets` hint after the compact line.
pub const ALL_TARGETS_HINT: &str = "(--targets for every target, with reasons)";

/// Label: a remedy for the image as it is.
pub const REMEDY: &str = "remedy";

/// The mark of a verdict: ✔ runs, ◐ starts but, ✘ fails, ? maybe.
pub fn verdict_mark(v: linklens::Verdict) -> &'static str {
    match v {
        linklens::Verdict::Runs => "✔",
        linklens::Verdict::StartsBut => "◐",
        linklens::Verdict::Fails => "✘",
        linklens::Verdict::Maybe => "?",
    }
}

/// The word of a verdict.
pub fn verdict_word(v: linklens::Verdict) -> &'static str {
    match v {
        linklens::Verdict::Runs => "runs",
        linklens::Verdict::StartsBut => "starts, but",
        linklens::Verdict::Fails => "fails",
        linklens::Verdict::Maybe => "maybe",
    }
}

/// The word of an image's verdict.
pub fn image_verdict_word(v: linklens::vocab::ImageVerdict) -> &'static str {
    match v {
        linklens::vocab::ImageVerdict::Starts => "starts",
        linklens::vocab::ImageVerdict::StartsBut => "starts, but",
        linklens::vocab::ImageVerdict::Fails => "fails",
        linklens::vocab::ImageVerdict::Unknown => "unknown",
    }
}

/// After the kind, for an ELF file for another system than Linux.
pub const FOR_OS: &str = " for {os}";

/// `file`'s words for the byte order.
pub fn byte_order(e: linklens::Endian) -> &'static str {
    match e {
        linklens::Endian::Little => "LSB",
        linklens::Endian::Big => "MSB",
    }
}

/// The C library of a system other than Linux, in the first line.
pub const SYSTEM_LIBC: &str = " ({os} libc)";
/// An archive's counts.
pub const ARCHIVE_COUNTS: &str = "files: {files}, ELF: {elf}, Go: {go}, dynamic: {dynamic}";
/// Before an image's name and platform.
pub const IMAGE: &str = "image";
/// An image without a name.
pub const UNNAMED_IMAGE: &str = "unnamed";
/// How many layers an image has.
pub const LAYERS: &str = "layers: {count}";
/// The config's entrypoint and command.
pub const ENTRYPOINT: &str = "entrypoint";
/// The image's own C library.
pub const IMAGE_LIBC: &str = "its libc";
/// What a binary needs that the image lacks.
pub const MISSING: &str = "missing";
/// A base image to use instead.
pub const OR_BASE: &str = "or base it on";
/// Before an archive's error.
pub const ERROR: &str = "error";
/// Between an archive's name and a member's path.
pub const MEMBER_SEPARATOR: &str = "!/";
/// Between formats, inside out: `tar archive, gzip-compressed`.
pub const FORMAT_SEPARATOR: &str = ", ";
/// The exports under a result.
pub const EXPORT_REPORT: &str = "Export the report";
/// Export buttons.
pub const COPY_JSON: &str = "Copy JSON";
/// Export buttons.
pub const DOWNLOAD_JSON: &str = "Download JSON";
/// Export buttons.
pub const COPY_MARKDOWN: &str = "Copy Markdown";
/// Export buttons.
pub const DOWNLOAD_MARKDOWN: &str = "Download Markdown";

/// `1 GiB`, `64 MiB`, `512 bytes`: a size as people write it.
pub fn size(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if n >= unit && n % unit == 0 {
            return format!("{} {name}", n / unit);
        }
    }
    format!("{n} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(1 << 30), "1 GiB");
        assert_eq!(size(16 << 30), "16 GiB");
        assert_eq!(size(64 << 20), "64 MiB");
        assert_eq!(size(4096), "4 KiB");
        assert_eq!(size(4097), "4097 bytes");
    }
}
