//! Entry points for the fuzz targets (`fuzz/`): the Go parsers on raw
//! bytes, without an object file around them, and (with the `fuzzing`
//! feature) a structure-aware ELF generator. Not a stable API.

/// The structure-aware ELF generator (needs the `fuzzing` feature).
#[cfg(feature = "fuzzing")]
pub mod elf;

use crate::image::Image;

/// Search `data` for a build-info blob and parse it.
pub fn buildinfo(data: &[u8]) {
    for big in [false, true] {
        let image = Image::raw(data, true, big, 8);
        let _ = crate::go::buildinfo::find(&image, crate::go::Search::Scan);
    }
    let _ = crate::go::buildinfo::parse_modinfo(&String::from_utf8_lossy(data));
}

/// Search `data` for a pclntab header and walk its names.
pub fn pclntab(data: &[u8]) {
    for (big, ptr) in [(false, 8), (false, 4), (true, 8)] {
        let image = Image::raw(data, false, big, ptr);
        if let Some(t) = crate::go::pclntab::find(&image, crate::go::Search::Scan) {
            let mut n = 0usize;
            t.for_each_name(&image, |name| n += name.len());
        }
    }
}
