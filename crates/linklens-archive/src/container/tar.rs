//! tar: a seekable tar indexed and read in place, or a tar stream read
//! front to back (inside a compressed stream); each entry's path checked
//! and its kind told by its first bytes.

use std::io::{self, Cursor, Read};

use linklens::archive::Reader;

use crate::sniff::{sniff, Kind, HEAD};
use crate::fs::Node;
use crate::source::{read_head, rejoin, ReadSeek, Window};
use crate::walk::{corrupt, join, label, Found, Sink, Walker};

/// Whether a tar of `len` bytes reads to its end: every header parses and
/// every member's data, padded to its block, lies inside. A tar cut short or damaged is told
/// apart by the stream walk in its own words, so a caller that decoded the
/// stream itself leaves such a tar to that walk.
pub(crate) fn whole(src: &mut dyn ReadSeek, len: u64) -> bool {
    let mut archive = ::tar::Archive::new(Window::new(src, 0, len));
    let Ok(entries) = archive.entries_with_seek() else { return false };
    for entry in entries {
        let Ok(entry) = entry else { return false };
        // The data's padding to a whole block must be there too: a stream
        // skips it and calls a tar cut inside it damaged.
        let padded = entry.raw_file_position().checked_add(entry.size()).and_then(|end| end.checked_next_multiple_of(512));
        if padded.is_none_or(|end| end > len) {
            return false;
        }
    }
    true
}

impl Walker<'_> {
    /// Index a tar in place: each member's offset and first bytes, then
    /// analyse or open each one where it lies.
    pub(crate) fn tar_seekable(&mut self, src: &mut dyn ReadSeek, len: u64, prefix: &str, depth: u32, sink: &mut Sink) {
        let mut found = Vec::new();
        {
            let window = Window::new(src, 0, len);
            let mut archive = ::tar::Archive::new(window);
            let mut entries = match archive.entries_with_seek() {
                Ok(e) => e,
                Err(e) => return self.fail(corrupt(label(prefix), &e, Reader::Tar)),
            };
            while let Some(mut entry) = self.tar_next(prefix, entries.next()) {
                if let Some(f) = self.tar_index(prefix, &mut entry, sink) {
                    found.push(f);
                }
            }
        }
        for f in found {
            if self.stopped {
                break;
            }
            match f.kind {
                Kind::Elf => {
                    self.analyse_range(src, join(prefix, &f.path), f.start, f.len, sink);
                    self.layer_file(&f.path, f.len, sink);
                    self.layer_libc(&f.path, &mut Window::new(src, f.start, f.len), f.len, sink);
                }
                _ => self.seekable(&mut Window::new(src, f.start, f.len), f.len, prefix, &f.path, depth, sink),
            }
        }
    }
    /// One entry of a tar indexed in place: its path checked, its kind told
    /// by its first bytes; the member to open after, if it is one.
    pub(crate) fn tar_index<R: Read>(&mut self, prefix: &str, entry: &mut ::tar::Entry<R>, sink: &mut Sink) -> Option<Found> {
        let path = self.tar_entry(prefix, entry, sink)?;
        let start = entry.raw_file_position();
        let size = entry.size();
        let mut head = [0u8; HEAD];
        let n = read_head(entry, &mut head).unwrap_or(0);
        let kind = sniff(&head[..n]);
        if let Sink::Layer(_) = sink {
            if kind != Kind::Elf {
                self.layer_text(&path, &mut rejoin(&head[..n], entry), size, sink);
                return None;
            }
        }
        self.tick(start);
        (kind != Kind::Other).then_some(Found { path, kind, start, len: size })
    }
    /// Walk a tar read front to back.
    pub(crate) fn tar_stream(&mut self, r: &mut dyn Read, prefix: &str, depth: u32, sink: &mut Sink) {
        let mut archive = ::tar::Archive::new(r);
        let mut entries = match archive.entries() {
            Ok(e) => e,
            Err(e) => return self.stream_error(label(prefix), &e, Reader::Tar),
        };
        while let Some(mut entry) = self.tar_next(prefix, entries.next()) {
            let Some(path) = self.tar_entry(prefix, &entry, sink) else { continue };
            let size = entry.size();
            if let Sink::Layer(_) = sink {
                let mut head = [0u8; 4];
                let n = read_head(&mut entry, &mut head).unwrap_or(0);
                if sniff(&head[..n]) == Kind::Elf {
                    self.size_hint = Some(size);
                    let Some(bytes) = self.hold(&mut rejoin(&head[..n], &mut entry), &join(prefix, &path)) else { continue };
                    let len = bytes.len() as u64;
                    self.analysed(join(prefix, &path), len, linklens::analyze(&bytes[..]), sink);
                    self.layer_file(&path, size, sink);
                    self.layer_libc(&path, &mut Cursor::new(&bytes[..]), len, sink);
                } else {
                    self.layer_text(&path, &mut rejoin(&head[..n], &mut entry), size, sink);
                }
            } else {
                self.size_hint = Some(size);
                self.stream(&mut entry, prefix, &path, depth, 0, sink);
                self.size_hint = None;
            }
            self.tick(0);
        }
    }
    /// The next tar entry, or `None` when the walk stops there: the end,
    /// a limit passed, or damage (reported).
    fn tar_next<'e, R: Read>(&mut self, prefix: &str, next: Option<io::Result<::tar::Entry<'e, R>>>) -> Option<::tar::Entry<'e, R>> {
        if self.stopped {
            return None;
        }
        match next? {
            Ok(e) => Some(e),
            Err(e) => {
                self.stream_error(label(prefix), &e, Reader::Tar);
                None
            }
        }
    }
    /// The path of a regular file to look into, after recording links,
    /// directories and whiteouts of an image layer; `None` for the rest.
    fn tar_entry<R: Read>(&mut self, prefix: &str, entry: &::tar::Entry<R>, sink: &mut Sink) -> Option<String> {
        let kind = entry.header().entry_type();
        let path = self.check_path(prefix, &entry.path_bytes())?;
        let link = || entry.link_name_bytes().map(|l| String::from_utf8_lossy(&l).into_owned()).unwrap_or_default();
        if let Sink::Layer(layer) = sink {
            let (dir, base) = path.rsplit_once('/').unwrap_or(("", &path));
            if base == ".wh..wh..opq" {
                layer.opaque.push(dir.to_string());
                return None;
            }
            if let Some(gone) = base.strip_prefix(".wh.") {
                layer.whiteouts.push(if dir.is_empty() { gone.to_string() } else { format!("{dir}/{gone}") });
                return None;
            }
            match kind {
                ::tar::EntryType::Directory => layer.entries.push((path.clone(), Node::Dir)),
                ::tar::EntryType::Symlink => layer.entries.push((path.clone(), Node::Symlink(link()))),
                ::tar::EntryType::Link => {
                    let target = link();
                    let target: Vec<&str> = crate::fs::components(&target).collect();
                    layer.entries.push((path.clone(), Node::Hardlink(target.join("/"))));
                }
                _ => {}
            }
        }
        if !(kind.is_file() || kind == ::tar::EntryType::Continuous) || path.is_empty() {
            return None;
        }
        if !self.count_file() {
            return None;
        }
        Some(path)
    }
}
