//! The limits against hostile archives, in one place. Each one passed
//! becomes an [`ArchiveError`] with its id and the limit in its sentence;
//! none is a panic, a hang or an allocation the size of a lie.

use linklens::archive::{ArchiveError, ArchiveErrorId};
use linklens::catalogue::{archive_error, fill, THE_ARCHIVE};

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

/// `1 GiB`, `64 MiB`, `512 bytes`.
pub fn size(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if n >= unit && n % unit == 0 {
            return format!("{} {name}", n / unit);
        }
    }
    format!("{n} bytes")
}

/// An error with its catalogue sentence filled in.
pub fn error(id: ArchiveErrorId, path: Option<&str>, limit: &str, detail: &str) -> ArchiveError {
    let shown = path.filter(|p| !p.is_empty()).unwrap_or(THE_ARCHIVE);
    let message = fill(archive_error(id), &[("path", shown), ("limit", limit), ("detail", detail)]);
    ArchiveError { id, path: path.map(str::to_string), message }
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

    #[test]
    fn every_error_sentence_is_filled() {
        for &id in ArchiveErrorId::ALL {
            let e = error(id, Some("a/b"), "3", "why");
            assert!(!e.message.contains('{'), "{id}: {}", e.message);
        }
        assert!(error(ArchiveErrorId::Truncated, None, "", "eof").message.starts_with("the archive ends early"));
    }
}
