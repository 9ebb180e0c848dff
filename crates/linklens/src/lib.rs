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
pub mod archive;
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
mod offset;
mod os;
mod pe;
mod portability;
pub mod render;
pub mod report;
pub mod share;
mod sniff;
mod summary;
#[cfg(test)]
mod test_support;
mod vocab;
mod warning;

pub use analyze::analyze;
pub use error::Error;
pub use object::read::ReadRef;
pub use report::*;

/// Entry points for the fuzz targets (`fuzz/`) and the hostile-file tests.
/// Not a stable API.
#[doc(hidden)]
pub mod fuzzing;
