//! Entry points for the fuzz targets (`fuzz/`): the Go parsers on raw
//! bytes, without an object file around them, and (with the `fuzzing`
//! feature) a structure-aware ELF generator. Not a stable API.

/// Builders of facts for unit tests.
pub mod support;

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
            let mut n = t.name_table(&image).map_or(0, <[u8]>::len);
            t.for_each_go12_name(&image, |name| n += name.len());
        }
    }
}

/// Fill `buf` from a deterministic pseudo-random stream (xorshift64*),
/// `state` carried from call to call: the bytes the tests feed the
/// structure-aware generators, so a quick run of the fuzzers' search is
/// the same on every machine.
pub fn noise(state: &mut u64, buf: &mut [u8]) {
    for b in buf.iter_mut() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        *b = (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8;
    }
}
