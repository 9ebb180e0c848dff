//! `ar` and `.deb`: members read in place through `object`'s archive
//! reader.

use object::read::ReadCache;

use linklens::archive::Reader;

use crate::sniff::Kind;
use crate::source::{ReadSeek, Window};
use crate::walk::{corrupt, label, Found, Sink, Walker};

impl Walker<'_> {
    /// An `ar` archive (a `.deb`) in place, read with `object`'s archive reader.
    pub(crate) fn ar(&mut self, src: &mut dyn ReadSeek, len: u64, prefix: &str, depth: u32) {
        let label = label(prefix).to_string();
        let mut found = Vec::new();
        {
            let cache = ReadCache::new(Window::new(src, 0, len));
            let archive = match object::read::archive::ArchiveFile::parse(&cache) {
                Ok(a) => a,
                Err(e) => return self.fail(corrupt(&label, &e, Reader::Ar)),
            };
            for member in archive.members() {
                let member = match member {
                    Ok(m) => m,
                    Err(e) => {
                        self.fail(corrupt(&label, &e, Reader::Ar));
                        break;
                    }
                };
                let Some(path) = self.check_path(prefix, member.name()) else { continue };
                if !self.count_file() {
                    break;
                }
                let (start, size) = member.file_range();
                found.push(Found { path, kind: Kind::Other, start, len: size });
            }
        }
        for f in found {
            if self.stopped {
                break;
            }
            let mut window = Window::new(src, f.start, f.len);
            self.seekable(&mut window, f.len, prefix, &f.path, depth, &mut Sink::Plain);
        }
    }
}
