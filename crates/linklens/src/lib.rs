//! linklens: is this binary statically linked, and if not, why, and how to
//! rebuild it static?
//!
//! [`analyze`] takes the bytes of a file (anything implementing `object`'s
//! [`ReadRef`], so a lazy reader can stand in for a slice) and returns a
//! [`Report`]. It is pure and deterministic: no I/O, no clock, no globals.
//! Every conclusion in the report carries the evidence that led to it.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analyze;
mod arch;
pub mod catalogue;
mod cause;
mod elf;
mod error;
mod fix;
pub mod guide;
pub mod go;
mod image;
mod libc;
mod macho;
mod pe;
pub mod render;
pub mod report;
mod sniff;
mod summary;
mod vocab;
mod warning;

pub use analyze::analyze;
pub use error::Error;
pub use object::read::ReadRef;
pub use report::*;

/// Entry points for the fuzz targets (`fuzz/`): the Go parsers on raw
/// bytes, without an object file around them. Not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    use crate::image::Image;

    /// Search `data` for a build-info blob and parse it.
    pub fn buildinfo(data: &[u8]) {
        for big in [false, true] {
            let image = Image::raw(data, true, big, 8);
            let _ = crate::go::buildinfo::find(&image);
        }
        let _ = crate::go::buildinfo::parse_modinfo(&String::from_utf8_lossy(data));
    }

    /// Search `data` for a pclntab header and walk its names.
    pub fn pclntab(data: &[u8]) {
        for (big, ptr) in [(false, 8), (false, 4), (true, 8)] {
            let image = Image::raw(data, false, big, ptr);
            if let Some(t) = crate::go::pclntab::find(&image) {
                let mut n = 0usize;
                t.for_each_name(&image, |name| n += name.len());
            }
        }
    }
}
