//! The containers, one file each: `tar.rs`, `zip.rs`, `ar.rs` (also
//! `.deb`). Each adds its reading to the [`Walker`](crate::walk::Walker).

mod ar;
pub(crate) mod tar;
mod zip;
