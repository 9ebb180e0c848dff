//! linklens: is this binary statically linked, and if not, why?
//!
//! [`analyze`] takes the bytes of a file (anything implementing `object`'s
//! [`ReadRef`], so a lazy reader can stand in for a slice) and returns its
//! [`Facts`]: the format, the linkage by `file`'s rule, what the loader is
//! asked for, the Go build info and function table, the causes of dynamic
//! linking with their evidence, the warnings, the versions the loader will
//! check. It is pure and deterministic: no I/O, no clock, no globals, and no
//! sentence: the words, fixes and target verdicts are `linklens-explain`'s,
//! derived from the facts alone.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod analyze;
pub mod arch;
pub mod archive;
mod cause;
mod elf;
mod error;
pub mod facts;
pub mod go;
mod image;
mod libc;
mod macho;
mod offset;
mod os;
mod pe;
pub mod portability;
mod sniff;
pub mod version;
pub mod vocab;
mod warning;

pub use analyze::analyze;
pub use elf::is_cxx_runtime;
pub use error::{Error, ObjectFormat, Problem};
pub use sniff::Sniffed;
pub use facts::*;
pub use object::read::ReadRef;

/// Entry points for the fuzz targets (`fuzz/`) and the hostile-file tests.
/// Not a stable API.
#[doc(hidden)]
pub mod fuzzing;
