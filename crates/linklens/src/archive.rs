//! The facts of an archive or container image. The core never opens an
//! archive (that is `linklens-archive`'s job); these are the types that
//! crate fills and the explainer words, so an archive's ids live in the
//! same vocabulary as a binary's. No sentence here either.

use serde::{Deserialize, Serialize};

use crate::facts::Facts;
pub use crate::vocab::{ArchiveErrorId, ArchiveFormat, ImageReasonId, ImageVerdict, Reader};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// Everything found in one archive: counts, a result per binary, the
/// images it holds, and what could not be read.
pub struct ArchiveReport {
    /// The outermost format; for a container image, its kind
    /// (`docker-archive`, `oci-layout`), compressed or not.
    pub format: ArchiveFormat,
    /// Formats from the outside in (`gzip`, `tar`).
    pub chain: Vec<ArchiveFormat>,
    /// Regular files seen, nested archives' members included.
    pub files: u64,
    /// ELF members among them.
    pub elf: u64,
    /// Go binaries among the ELF members.
    pub go: u64,
    /// Dynamically linked ELF members.
    pub dynamic: u64,
    /// How far the walk went: the bytes decompressed, or for a container
    /// read in place, the furthest offset indexed (its members' bytes are
    /// read only where the analysis asks).
    pub bytes_scanned: u64,
    /// Container images (one per platform of a multi-platform index).
    pub images: Vec<ImageReport>,
    /// What could not be read, each with the path it concerns.
    pub errors: Vec<ArchiveError>,
    /// One result per binary, in archive order (for an image: its final
    /// file system, in path order).
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// One binary inside an archive.
pub struct Member {
    /// Its path inside, nested archives joined by `!/` (`data.tar.xz!/usr/bin/app`).
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its facts, when it could be analysed.
    pub facts: Option<Facts>,
    /// Why not, when it could not.
    pub error: Option<ArchiveError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A limit hit, a damaged stream, a path refused.
pub struct ArchiveError {
    /// Stable id.
    pub id: ArchiveErrorId,
    /// The member or nested archive concerned, if any.
    pub path: Option<String>,
    /// The limit passed (bytes, members, levels or links, as the id says).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// The reader that refused the bytes, when one did: `detail` is its
    /// words (none when the refusal is linklens's own, such as a zstd frame
    /// cut short).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_by: Option<Reader>,
    /// The reader's words, as it said them; for `image-bad-digest`, the
    /// digest as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Why the analysis could not read the member (`analysis` errors). Not
    /// read back from JSON: the page receives it worded by the worker.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<crate::Error>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// Will this image's entrypoint start?
pub struct ImageReport {
    /// `repo:tag`, when the archive names one.
    pub name: Option<String>,
    /// `os/arch[/variant]` of the manifest judged.
    pub platform: String,
    /// The manifest's digest.
    pub manifest: Option<String>,
    /// Number of layers applied.
    pub layers: u32,
    /// The config's `Entrypoint`.
    pub entrypoint: Vec<String>,
    /// The config's `Cmd`.
    pub cmd: Vec<String>,
    /// The file the container starts, resolved in the image.
    pub program: Option<String>,
    /// The image's own C library.
    pub libc: Option<ImageLibc>,
    /// The verdict.
    pub verdict: ImageVerdict,
    /// The deciding fact, by id.
    pub reason_id: ImageReasonId,
    /// The values its sentence names, as (name, value) pairs (`program`,
    /// `loader`, `library`…).
    pub values: Vec<(String, String)>,
    /// Every ELF in the final file system that needs something: its loader
    /// and libraries, and which of them are missing.
    pub binaries: Vec<ImageBinary>,
    /// The run-time files the entrypoint reads that the image lacks
    /// (verdict `starts-but`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lacks: Vec<crate::NeedId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// The C library found in an image.
pub struct ImageLibc {
    /// `glibc` or `musl`.
    pub name: String,
    /// Its version, when it could be read (`2.36`).
    pub version: Option<String>,
    /// Where it is.
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A dynamic binary in an image and what it needs from it.
pub struct ImageBinary {
    /// Its path in the image.
    pub path: String,
    /// Its loader (`PT_INTERP`).
    pub loader: Option<String>,
    /// The libraries it needs, directly or through another library.
    pub needed: Vec<String>,
    /// The loader and libraries not in the image.
    pub missing: Vec<String>,
}
