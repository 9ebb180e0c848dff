//! zip: the central directory indexed, stored members read in place,
//! deflated ones decoded (within the limits); encrypted members and
//! unknown methods named.

use std::cell::Cell;
use std::io::SeekFrom;
use std::rc::Rc;

use linklens::archive::{ArchiveErrorId, Reader};

use crate::limits::{error, refused};
use crate::sniff::Kind;
use crate::source::{Bounded, Marked, ReadSeek, Window};
use crate::walk::{corrupt, join, label, Found, Sink, Walker};

impl Walker<'_> {
    /// A zip archive in place: stored members are read where they lie,
    /// deflated ones decoded.
    pub(crate) fn zip(&mut self, src: &mut dyn ReadSeek, prefix: &str, depth: u32) {
        let label = label(prefix).to_string();
        let _ = src.seek(SeekFrom::Start(0));
        let mut archive = match ::zip::ZipArchive::new(&mut *src) {
            Ok(a) => a,
            Err(e) => return self.fail(corrupt(&label, &e, Reader::Zip)),
        };
        let mut found = Vec::new();
        for i in 0..archive.len() {
            if self.stopped {
                break;
            }
            let raw = match archive.by_index_raw(i) {
                Ok(f) => f,
                Err(e) => {
                    self.fail(corrupt(&label, &e, Reader::Zip));
                    continue;
                }
            };
            if raw.is_dir() || raw.is_symlink() {
                continue;
            }
            let name = raw.name_raw().to_vec();
            let (encrypted, method, data_start, size, csize) = (raw.encrypted(), raw.compression(), raw.data_start(), raw.size(), raw.compressed_size());
            drop(raw);
            let Some(path) = self.check_path(prefix, &name) else { continue };
            if !self.count_file() {
                break;
            }
            if encrypted {
                self.fail(error(ArchiveErrorId::Encrypted, Some(&join(prefix, &path)), None, ""));
                continue;
            }
            match (method, data_start) {
                (::zip::CompressionMethod::Stored, Some(start)) if csize == size => found.push(Found { path, kind: Kind::Other, start, len: size }),
                _ => {
                    let member = join(prefix, &path);
                    match archive.by_index(i) {
                        Ok(file) => {
                            // The compressed size is known: the ratio counts from the start.
                            let consumed = Rc::new(Cell::new(csize.max(1)));
                            let overrun = Rc::new(Cell::new(None));
                            // Its inflater's errors are the zip reader's.
                            let mut bounded = Bounded::new(Marked::new(file, Reader::Zip), consumed, self.total.clone(), self.limits, overrun.clone());
                            self.stream(&mut bounded, prefix, &path, depth, 0, &mut Sink::Plain);
                            self.overran(overrun.get(), &member);
                        }
                        Err(e @ ::zip::result::ZipError::UnsupportedArchive(_)) => {
                            self.fail(refused(ArchiveErrorId::Unsupported, &member, &e, Reader::Zip));
                        }
                        Err(e) => self.fail(corrupt(&member, &e, Reader::Zip)),
                    }
                }
            }
        }
        drop(archive);
        for f in found {
            if self.stopped {
                break;
            }
            let mut window = Window::new(src, f.start, f.len);
            self.seekable(&mut window, f.len, prefix, &f.path, depth, &mut Sink::Plain);
        }
    }
}
