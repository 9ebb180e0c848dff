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

mod container;
mod decode;
mod feed;
mod fs;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod image;
mod layer;
mod limits;
mod oci;
mod sniff;
mod source;
mod walk;

use linklens::archive::{ArchiveFormat, ArchiveReport};

pub use feed::{Decline, Fed, Feed, Holder, InMemory};
pub use limits::Limits;
pub use sniff::{sniff, Kind, HEAD};
pub use source::{seek_target, ReadSeek, Said, Window};
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
    // `docker save | gzip`: an image's layers must be read in its
    // manifest's order, so the image tar is decompressed into memory first.
    if compressed_image(format, src) {
        src.seek(std::io::SeekFrom::Start(0)).ok()?;
        if let Some(bytes) = walker.inflate(format, src, "") {
            let inner = bytes.len() as u64;
            let mut cursor = std::io::Cursor::new(bytes);
            if image::walk_image(&mut walker, &mut cursor, inner) {
                walker.report.chain.insert(0, format);
                return Some(walker.report);
            }
        }
        return Some(walker.report);
    }
    walker.seekable(src, len, "", "", 0, &mut walk::Sink::Plain);
    Some(walker.report)
}

/// Walk a compressed image whose outermost stream the caller has already
/// decoded (the page inflates gzip with the browser's own decoder):
/// `decoded` is the stream's content (`len` bytes, from `compressed`
/// bytes of `outer`), a `docker save` tar or an OCI layout. The report is
/// the one [`open`] gives for the compressed file, by the same walk over
/// the content in place. `None` when that cannot be promised — the content
/// is not an image's tar, the stream passed a limit of [`Limits`], the tar
/// is cut short or damaged, or the image is bigger than `max_member` — and
/// the caller then walks the compressed file with [`open`], which reports
/// it as always. A plain tar is walked as it is decoded, by a [`Feed`].
pub fn open_decoded<'a>(
    outer: ArchiveFormat,
    decoded: &mut dyn ReadSeek,
    len: u64,
    compressed: u64,
    limits: &'a Limits,
    progress: Option<&'a mut dyn FnMut(Progress)>,
) -> Option<ArchiveReport> {
    if !walk::compression(outer) || !limits.decoded_within(compressed, len, len) {
        return None;
    }
    let mut head = [0u8; HEAD];
    decoded.seek(std::io::SeekFrom::Start(0)).ok()?;
    let n = source::read_head(decoded, &mut head).ok()?;
    // `open` holds a compressed image whole, up to `max_member`, to read
    // its layers in the manifest's order; past that it says the image is
    // too big, and so must this walk (found by the fuzzer).
    if !image_head(&head[..n]) || !container::tar::whole(decoded, len) || len > limits.max_member {
        return None;
    }
    let mut walker = walk::Walker::new(limits, outer, progress);
    walker.decoded(len);
    if image::walk_image(&mut walker, decoded, len) {
        walker.report.chain.insert(0, outer);
    }
    Some(walker.report)
}

/// A compressed stream whose first tar entry is an image's.
fn compressed_image(format: ArchiveFormat, src: &mut dyn ReadSeek) -> bool {
    if src.seek(std::io::SeekFrom::Start(0)).is_err() {
        return false;
    }
    if !matches!(format, ArchiveFormat::Gzip | ArchiveFormat::Xz | ArchiveFormat::Zstd) {
        return false;
    }
    let mut decoder = decode::decoder(format, &mut *src);
    let mut head = [0u8; HEAD];
    let Ok(n) = source::read_head(&mut decoder, &mut head) else { return false };
    image_head(&head[..n])
}

/// A tar whose first entry is an image's: `blobs/`, `oci-layout`,
/// `index.json`, `manifest.json`, `repositories` or a layer directory
/// named by its 64-digit id.
pub(crate) fn image_head(head: &[u8]) -> bool {
    if sniff(head) != Kind::Archive(ArchiveFormat::Tar) {
        return false;
    }
    // The name is any bytes: it is judged as bytes, never sliced as text.
    let field = head.get(..100).unwrap_or(head);
    let mut name = &field[..memchr::memchr(0, field).unwrap_or(field.len())];
    while let Some(rest) = name.strip_prefix(b"./") {
        name = rest;
    }
    let first = name.split(|b| *b == b'/').next().unwrap_or_default();
    matches!(first, b"blobs" | b"oci-layout" | b"index.json" | b"manifest.json" | b"repositories") || is_layer_dir(first)
}

/// A `docker save` layer directory: 64 hex digits (more may follow).
fn is_layer_dir(name: &[u8]) -> bool {
    name.get(..64).is_some_and(|id| id.iter().all(u8::is_ascii_hexdigit))
}
