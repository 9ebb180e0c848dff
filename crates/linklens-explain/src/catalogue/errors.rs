//! The words for a file that could not be analysed: what it looks like
//! instead, and what is wrong with it. The facts are `linklens::Error`.

use linklens::vocab::{BuildinfoPart, BuildinfoProblem};
use linklens::{ObjectFormat, Problem, Sniffed};

/// What a non-object file is, as people say it.
pub fn sniffed(s: Sniffed) -> &'static str {
    match s {
        Sniffed::Png => "a PNG image",
        Sniffed::Jpeg => "a JPEG image",
        Sniffed::Gif => "a GIF image",
        Sniffed::Riff => "a RIFF container (WebP image, WAV audio…)",
        Sniffed::Pdf => "a PDF document",
        Sniffed::Zip => "a ZIP archive (or a jar, docx…)",
        Sniffed::Gzip => "a gzip-compressed file: decompress it first",
        Sniffed::Xz => "an xz-compressed file: decompress it first",
        Sniffed::Zstd => "a zstd-compressed file: decompress it first",
        Sniffed::Bzip2 => "a bzip2-compressed file: decompress it first",
        Sniffed::Wasm => "a WebAssembly module",
        Sniffed::Ar => "an ar archive (a static library, .a or .deb)",
        Sniffed::Script => "a script",
        Sniffed::JavaClass => "a Java class file",
        Sniffed::Tar => "a tar archive: extract the binary first",
        Sniffed::Text => "a text file",
        Sniffed::Unknown => "unrecognised data",
        Sniffed::Unreadable => "unreadable data",
    }
}

/// A zero-byte file.
pub const EMPTY: &str = "the file is empty (0 bytes): nothing to analyse";
/// Not an object file; `{what}`: [`sniffed`].
pub const NOT_OBJECT: &str = "this is not an executable or library ({what}); linklens reads ELF, Mach-O and PE files";
/// See [`NOT_OBJECT`]: a DOS "MZ" start without a PE file after it.
pub const NOT_OBJECT_MZ: &str = "this is not an executable or library ({what} starting with \"MZ\"); linklens reads ELF, Mach-O and PE files";
/// Cut short; `{format}`, `{problem}`: [`problem`].
pub const TRUNCATED: &str = "this {format} file is cut short ({problem}); was the download or copy complete?";
/// A variant not read.
pub const UNSUPPORTED: &str = "this {format} file is of a kind linklens does not read: {problem}";
/// Headers that contradict themselves.
pub const MALFORMED: &str = "this {format} file is damaged or hostile: {problem}";

/// What exactly is wrong, with `{len}`, `{header}`, `{reach}` and `{said}`
/// placeholders.
pub fn problem(p: &Problem, format: ObjectFormat) -> &'static str {
    match (p, format) {
        (Problem::ShorterThanHeader { .. }, ObjectFormat::Pe) => "only {len} bytes",
        (Problem::ShorterThanHeader { .. }, _) => "{len} bytes, shorter than the {header}-byte {format} header",
        (Problem::TablesPastEnd { .. }, _) => "the file is {len} bytes, but its header tables reach byte {reach}",
        (Problem::FatMachO, _) => "a universal (fat) binary; extract one architecture first (lipo -thin arm64 …)",
        (Problem::UnknownElfClass, _) => "unknown ELF class or byte order",
        (Problem::NotAnExecutable, _) => "only executables and libraries for Linux, macOS and Windows are read",
        (Problem::Parser { .. }, _) => "{said}",
    }
}

/// A part of the Go build info, as the damage warning names it.
pub fn buildinfo_part(p: BuildinfoPart) -> &'static str {
    match p {
        BuildinfoPart::Version => "version",
        BuildinfoPart::ModuleInfo => "module info",
        BuildinfoPart::PointerSize => "pointer size",
    }
}

/// What is wrong with it, with a `{value}` placeholder.
pub fn buildinfo_problem(p: BuildinfoProblem) -> &'static str {
    match p {
        BuildinfoProblem::BadVarint => "length is not a valid varint",
        BuildinfoProblem::PastSegment => "length {value} runs past its segment",
        BuildinfoProblem::CutShort => "is cut short",
        BuildinfoProblem::BadPointerSize => "is {value}, not 4 or 8",
    }
}
