//! The words for archives and container images: format names, why a
//! member could not be read, and why an image starts or not. The facts
//! are found by `linklens-archive`; sentences are only here.

use linklens::vocab::{ArchiveErrorId, ArchiveFormat, ImageReasonId, Reader};

/// How people name a container format.
pub fn format_name(f: ArchiveFormat) -> &'static str {
    match f {
        ArchiveFormat::Tar => "tar archive",
        ArchiveFormat::Gzip => "gzip-compressed",
        ArchiveFormat::Xz => "xz-compressed",
        ArchiveFormat::Zstd => "zstd-compressed",
        ArchiveFormat::Zip => "zip archive",
        ArchiveFormat::Deb => "Debian package",
        ArchiveFormat::Ar => "ar archive",
        ArchiveFormat::DockerArchive => "docker save image",
        ArchiveFormat::OciLayout => "OCI image layout",
    }
}

/// Who refused an archive's bytes, as a noun.
pub fn reader_name(r: Reader) -> &'static str {
    match r {
        Reader::File => "file reader",
        Reader::Gzip => "gzip decoder",
        Reader::Xz => "xz decoder",
        Reader::Zstd => "zstd decoder",
        Reader::Tar => "tar reader",
        Reader::Zip => "zip reader",
        Reader::Ar => "ar reader",
        Reader::Json => "JSON parser",
    }
}

/// The `{said}` of an error: who refused the bytes and in what words
/// (quoted: they are the reader's, not linklens's).
pub const SAID_WORDS: &str = ": the {reader} says \u{201c}{words}\u{201d}";
/// The `{said}` of a refusal with no words of its own: who found it.
pub const SAID_BY: &str = " (found by the {reader})";

/// Why a member or an archive could not be read, with `{path}`, `{limit}`,
/// `{detail}` (an analysis's reason, a digest as written) and `{said}`
/// placeholders.
pub fn archive_error(id: ArchiveErrorId) -> &'static str {
    match id {
        ArchiveErrorId::TooBig => "Stopped after {limit} of decompressed data: more than linklens reads from one archive. Extract the binaries and drop them.",
        ArchiveErrorId::Bomb => "{path} expands more than {limit} times its compressed size: a decompression bomb, not read further.",
        ArchiveErrorId::TooManyMembers => "Stopped after {limit} members: more than linklens reads from one archive.",
        ArchiveErrorId::PathTooLong => "A member's path is longer than {limit} bytes: skipped.",
        ArchiveErrorId::TooDeep => "{path} is an archive nested more than {limit} deep: not opened.",
        ArchiveErrorId::Traversal => "{path} climbs out of the archive with \"..\": named, not followed.",
        ArchiveErrorId::AbsolutePath => "{path} is an absolute path: named, not followed.",
        ArchiveErrorId::SymlinkLoop => "{path} leads through more than {limit} symbolic links (a loop).",
        ArchiveErrorId::Encrypted => "{path} is encrypted: linklens does not ask for passwords. Extract it and drop it.",
        ArchiveErrorId::Truncated => "{path} ends early: the file is cut short{said}.",
        ArchiveErrorId::MemberTooBig => "{path} is bigger than {limit} inside a compressed stream: extract it and drop it.",
        ArchiveErrorId::Corrupt => "{path} could not be read{said}.",
        ArchiveErrorId::Unsupported => "{path} uses something linklens cannot read{said}.",
        ArchiveErrorId::ImageManifest => "The image's {path} could not be read{said}.",
        ArchiveErrorId::ImageMissing => "The image names {path}, which is not in the archive.",
        ArchiveErrorId::ImageJsonTooBig => "The image's {path} is bigger than {limit}: not read.",
        ArchiveErrorId::ImageIndexTooDeep => "The image's {path} nests indexes more than {limit} deep: not followed further.",
        ArchiveErrorId::ImageTooManyManifests => "The image's {path} leads to more than {limit} manifests and indexes: not followed further.",
        ArchiveErrorId::ImageBadDigest => "The image's {path} names a digest that is not one: {detail}.",
        ArchiveErrorId::ImageNotAList => "The image's {path} is not a list of images.",
        ArchiveErrorId::ImageNoConfig => "The image's {path} names an image without a config.",
        ArchiveErrorId::Analysis => "{path}: {detail}",
    }
}

/// The words of an image's deciding fact.
#[derive(Debug, serde::Serialize)]
pub struct ImageReasonWords {
    /// Its id.
    pub id: ImageReasonId,
    /// The fact, with `{placeholders}`.
    pub reason: &'static str,
    /// What `docker run` prints, with `{placeholders}`; `None` when it starts or cannot be told.
    pub error: Option<&'static str>,
}

const fn r(
    id: ImageReasonId,
    reason: &'static str,
    error: Option<&'static str>,
) -> ImageReasonWords {
    ImageReasonWords { id, reason, error }
}

pub(super) static IMAGE_REASONS: [ImageReasonWords; ImageReasonId::ALL.len()] = [
    r(ImageReasonId::Static, "{program} is statically linked: it needs nothing from the image.", None),
    r(ImageReasonId::AllFound, "{program}'s loader {loader} and its libraries ({libraries}) are all in the image.", None),
    r(ImageReasonId::NoEntrypoint, "The image's config names no Entrypoint and no Cmd: what starts depends on the docker run command.", None),
    r(ImageReasonId::Script, "{program} is a script for {interpreter}: linklens judges binaries, not what a script runs.", None),
    r(ImageReasonId::EntrypointMissing, "{program} is not in the image.", Some("exec {program}: no such file or directory")),
    r(
        ImageReasonId::NotInPath,
        "{program} is in none of the $PATH directories ({path}).",
        Some("exec: \"{program}\": executable file not found in $PATH"),
    ),
    r(ImageReasonId::NotElf, "{program} is not a Linux binary ({detail}).", Some("exec {program}: exec format error")),
    r(
        ImageReasonId::WrongArch,
        "{program} is built for {arch}, the image is for {platform}.",
        Some("exec {program}: exec format error"),
    ),
    r(
        ImageReasonId::NoLoader,
        "{program} is dynamically linked and its loader {loader} is not in the image: the kernel cannot start it.",
        Some("exec {program}: no such file or directory"),
    ),
    r(
        ImageReasonId::MissingLibrary,
        "{program} needs {library}, which is not in the image's library directories.",
        Some("{program}: error while loading shared libraries: {library}: cannot open shared object file: No such file or directory"),
    ),
    r(
        ImageReasonId::GlibcTooOld,
        "{program} needs GLIBC_{need}; the image's glibc at {libc} is {have}.",
        Some("{program}: {libc}: version `GLIBC_{need}' not found (required by {program})"),
    ),
    r(
        ImageReasonId::SymlinkLoop,
        "{program} leads through a loop of symbolic links.",
        Some("exec {program}: too many levels of symbolic links"),
    ),
    r(
        ImageReasonId::NoCaBundle,
        "{program} starts, but the image has no CA bundle where crypto/x509 looks ({function}): every TLS certificate check fails. Add one: COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/",
        Some("x509: certificate signed by unknown authority"),
    ),
    r(
        ImageReasonId::NoZoneinfo,
        "{program} starts, but the image has no zoneinfo ({function}): loading a time zone by name fails. Build with -tags timetzdata, or add /usr/share/zoneinfo.",
        Some("unknown time zone America/New_York"),
    ),
    r(
        ImageReasonId::NoAccounts,
        "{program} starts, but the image has no /etc/passwd ({function}): user lookups fail. Add one: COPY --from=build /etc/passwd /etc/group /etc/",
        Some("open /etc/passwd: no such file or directory"),
    ),
];

/// Stands for `{path}` when an error concerns the whole archive.
pub const THE_ARCHIVE: &str = "the archive";
