//! linklens: is this binary statically linked, and if not, why, and how to
//! rebuild it static?
//!
//! [`analyze`] takes the bytes of a file (anything implementing `object`'s
//! [`ReadRef`], so a lazy reader can stand in for a slice) and returns a
//! [`Report`]. It is pure and deterministic: no I/O, no clock, no globals.
//! Every conclusion in the report carries the evidence that led to it.

#![forbid(unsafe_code)]

mod analyze;
pub mod catalogue;
mod cause;
mod elf;
mod error;
mod fix;
pub mod go;
mod image;
mod libc;
mod macho;
mod pe;
pub mod report;
mod sniff;
mod summary;
mod warning;

pub use analyze::analyze;
pub use error::Error;
pub use object::read::ReadRef;
pub use report::*;

/// `analyze` over a byte slice.
pub fn analyze_bytes(data: &[u8]) -> Result<Report, Error> {
    analyze(data)
}
