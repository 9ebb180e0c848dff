//! linklens-archive: archives and container images for linklens.
//!
//! [`open`] takes a seekable source (a file, a memory map, a browser
//! `Blob`), tells its format from its first bytes, walks it (nested
//! archives included, every limit of [`Limits`] enforced) and returns an
//! [`ArchiveReport`]: a `linklens::Report` per ELF member and, for a
//! container image, an [`ImageReport`](linklens::archive::ImageReport) per
//! platform saying whether its entrypoint starts. This crate never learns
//! what a cause is; the core never learns what an archive is.

#![forbid(unsafe_code)]

mod fs;
mod image;
mod limits;
mod oci;
mod sniff;
mod source;
mod walk;

use linklens::archive::{ArchiveFormat, ArchiveReport};

pub use limits::Limits;
pub use sniff::{sniff, Kind, HEAD};
pub use source::{ReadSeek, Window};
pub use walk::Progress;

/// The container format of a file, if it is one linklens opens.
pub fn format(head: &[u8]) -> Option<ArchiveFormat> {
    match sniff(head) {
        Kind::Archive(f) => Some(f),
        _ => None,
    }
}

/// Walk the archive in `src` (`len` bytes). `None` when it is not an
/// archive (analyse it as a binary instead).
pub fn open<'a>(src: &mut dyn ReadSeek, len: u64, limits: &'a Limits, progress: Option<&'a mut dyn FnMut(Progress)>) -> Option<ArchiveReport> {
    let mut head = [0u8; HEAD];
    src.seek(std::io::SeekFrom::Start(0)).ok()?;
    let n = source::read_head(src, &mut head).ok()?;
    let format = format(&head[..n])?;
    let mut walker = walk::Walker::new(limits, format, progress);
    if format == ArchiveFormat::Tar && image::walk_image(&mut walker, src, len) {
        return Some(walker.report);
    }
    walker.seekable(src, len, "", "", 0, &mut walk::Sink::Plain);
    if oci::looks_like_image(&walker.report) {
        walker.fail(limits::error(linklens::archive::ArchiveErrorId::ImageCompressed, None, "", ""));
    }
    Some(walker.report)
}
