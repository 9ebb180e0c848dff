//! The limits against hostile archives, in one place: the ones a caller
//! sets ([`Limits`]) and the fixed bounds on an image's structure and on
//! what is held to read it (the constants below). A limit passed becomes
//! an [`ArchiveError`] with its id and the limit; a bound ends a walk or a
//! read early. None is a panic, a hang or an allocation the size of a lie.

use linklens::archive::{ArchiveError, ArchiveErrorId, Reader};

use crate::source::Said;

/// What one archive may cost.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Decompressed bytes over all streams of the archive.
    pub max_total: u64,
    /// Decompressed / compressed, per stream, once past `ratio_floor`.
    pub max_ratio: u64,
    /// A stream may expand to this much before the ratio counts (small
    /// files of zeros are not bombs).
    pub ratio_floor: u64,
    /// Regular files, nested ones included.
    pub max_members: u64,
    /// Bytes in one member's path.
    pub max_path: usize,
    /// Containers (tar, zip, ar) nested in one another.
    pub max_depth: u32,
    /// Compression layers directly around one another (a gzip quine).
    pub max_compressions: u32,
    /// One binary inside a compressed stream, held in memory to analyse.
    pub max_member: u64,
    /// One manifest, index or config of an image.
    pub max_json: u64,
    /// Symbolic links followed while resolving one path (Linux's ELOOP limit).
    pub max_symlinks: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_total: 16 << 30,
            max_ratio: 1000,
            ratio_floor: 64 << 20,
            max_members: 1_000_000,
            max_path: 4096,
            max_depth: 3,
            max_compressions: 2,
            max_member: 1 << 30,
            max_json: 16 << 20,
            max_symlinks: 40,
        }
    }
}

impl Limits {
    /// A stream that has produced `decoded` bytes from `consumed` compressed
    /// ones, with `total` decoded over the whole archive, is within the
    /// total and the ratio.
    pub fn decoded_within(&self, consumed: u64, decoded: u64, total: u64) -> bool {
        total <= self.max_total && (decoded <= self.ratio_floor || decoded / self.max_ratio <= consumed)
    }
}

/// Image indexes nested in one another, at most.
pub const IMAGE_INDEX_DEPTH: u32 = 4;
/// Manifests and indexes visited in one image, at most (indexes that list
/// one another many times over).
pub const IMAGE_VISITS: u32 = 256;
/// Entries read of one list of an image (`manifest.json`, an index).
pub const IMAGE_LIST_ENTRIES: usize = 64;
/// Members of an image tar indexed, at most.
pub const IMAGE_TAR_ENTRIES: usize = 100_000;
/// Steps of one path lookup in an image's file system, at most: a bound
/// besides the links' count, so a wrong count cannot hang a lookup.
pub const LOOKUP_STEPS: u32 = 1 << 16;
/// The memory an xz stream's decoder may ask for, in KiB (its header can
/// ask for gigabytes).
pub const XZ_MEMORY_KIB: u32 = 256 * 1024;
/// Bytes reserved up front for a member held from a stream, at most (the
/// size its container declares may lie).
pub const HELD_RESERVE: u64 = 256 << 20;
/// Bytes of a layer's configuration file kept (`/etc/ld.so.conf`…).
pub const LAYER_CONF_BYTES: u64 = 64 * 1024;
/// Bytes of any other layer file kept, to see a script's first line.
pub const LAYER_HEAD_BYTES: u64 = 256;
/// A C library bigger than this is not read for its version.
pub const LIBC_BYTES: u64 = 64 << 20;

/// An error: its id, the path concerned, the limit passed, and a value
/// found in the input (a digest as written).
pub fn error(id: ArchiveErrorId, path: Option<&str>, limit: Option<u64>, detail: &str) -> ArchiveError {
    let detail = Some(detail).filter(|d| !d.is_empty()).map(str::to_string);
    ArchiveError { id, path: path.map(str::to_string), limit, said_by: None, detail, analysis: None }
}

/// An error a reader raised: the reader that marked it inside (a decoder
/// under the container reader), else `by`, the reader that returned it;
/// and its words, unless the refusal was linklens's own.
pub fn refused(id: ArchiveErrorId, path: &str, e: &(dyn std::error::Error + 'static), by: Reader) -> ArchiveError {
    let (by, words) = Said::who(e, by);
    ArchiveError { said_by: Some(by), detail: words, ..error(id, Some(path), None, "") }
}
