//! The walker: one pass over an archive, nested archives opened as they
//! come, every ELF analysed where it lies. Uncompressed containers over a
//! seekable source are indexed first and each member is then read in place
//! through a [`Window`]; compressed streams are decoded once, front to
//! back, keeping only ELF members. Every limit is checked here.

use std::cell::Cell;
use std::io::{self, Cursor, Read, SeekFrom};
use std::rc::Rc;

use linklens::archive::{ArchiveError, ArchiveErrorId, ArchiveFormat, ArchiveReport, Member};
use object::read::ReadCache;

use crate::fs::{Layer, Node};
use crate::limits::{error, Limits};
use crate::sniff::{sniff, Kind, HEAD};
use crate::source::{read_head, rejoin, Bounded, Counted, LimitPassed, Overrun, ReadSeek, Window};

/// Where the members of a tar go: listed, or into an image layer.
pub enum Sink<'l> {
    Plain,
    Layer(&'l mut Layer),
}

/// Progress for a long walk: bytes read or decompressed, members seen.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub bytes: u64,
    pub files: u64,
    pub elf: u64,
}

pub struct Walker<'a> {
    pub limits: &'a Limits,
    pub report: ArchiveReport,
    /// Decompressed bytes over every stream.
    total: Rc<Cell<u64>>,
    /// A whole-archive limit was passed: stop everything.
    pub stopped: bool,
    /// The size the container declares for the member about to be held.
    size_hint: Option<u64>,
    progress: Option<&'a mut dyn FnMut(Progress)>,
}

/// A member found while indexing a seekable container, read after.
struct Found {
    path: String,
    kind: Kind,
    start: u64,
    len: u64,
}

fn compression(f: ArchiveFormat) -> bool {
    matches!(f, ArchiveFormat::Gzip | ArchiveFormat::Xz | ArchiveFormat::Zstd)
}

fn corrupt(path: &str, e: impl std::fmt::Display) -> ArchiveError {
    error(ArchiveErrorId::Corrupt, Some(path), None, &e.to_string())
}

/// A container's own name, from the prefix of its members.
fn label(prefix: &str) -> &str {
    prefix.trim_end_matches("!/")
}

/// `prefix` + `name`, the way members are shown (`data.tar.xz!/usr/bin/app`).
fn join(prefix: &str, name: &str) -> String {
    format!("{prefix}{name}")
}

impl<'a> Walker<'a> {
    pub fn new(limits: &'a Limits, format: ArchiveFormat, progress: Option<&'a mut dyn FnMut(Progress)>) -> Walker<'a> {
        let report = ArchiveReport {
            format,
            chain: Vec::new(),
            files: 0,
            elf: 0,
            go: 0,
            dynamic: 0,
            bytes_scanned: 0,
            images: Vec::new(),
            errors: Vec::new(),
            members: Vec::new(),
        };
        Walker { limits, report, total: Rc::new(Cell::new(0)), stopped: false, size_hint: None, progress }
    }

    pub fn fail(&mut self, e: ArchiveError) {
        // One sentence per id and path is enough: a bomb of a million
        // traversal paths does not become a million errors.
        if self.report.errors.len() < 1000 && !self.report.errors.iter().any(|x| x.id == e.id && x.path == e.path) {
            self.report.errors.push(e);
        }
    }

    /// The outermost formats, down to the first container (`gzip`, `tar`).
    fn note_chain(&mut self, _depth: u32, f: ArchiveFormat) {
        let chain = &mut self.report.chain;
        if chain.last().is_none_or(|l| compression(*l)) && chain.len() < 4 {
            chain.push(f);
        }
    }

    fn tick(&mut self, scanned: u64) {
        self.report.bytes_scanned = self.report.bytes_scanned.max(scanned).max(self.total.get());
        if let Some(p) = self.progress.as_mut() {
            p(Progress { bytes: self.report.bytes_scanned, files: self.report.files, elf: self.report.elf });
        }
    }

    /// A regular file counted; false (and the walk stopped) past the limit.
    fn count_file(&mut self) -> bool {
        self.report.files += 1;
        if self.report.files > self.limits.max_members {
            self.fail(error(ArchiveErrorId::TooManyMembers, None, Some(self.limits.max_members), ""));
            self.stopped = true;
            return false;
        }
        true
    }

    /// A member's path as stored, or the reason it is refused.
    fn check_path(&mut self, prefix: &str, raw: &[u8]) -> Option<String> {
        let name = String::from_utf8_lossy(raw);
        if raw.len() > self.limits.max_path {
            let shown: String = name.chars().take(80).collect();
            let limit = u64::try_from(self.limits.max_path).unwrap_or(u64::MAX);
            self.fail(error(ArchiveErrorId::PathTooLong, Some(&join(prefix, &format!("{shown}…"))), Some(limit), ""));
            return None;
        }
        if name.starts_with('/') {
            self.fail(error(ArchiveErrorId::AbsolutePath, Some(&join(prefix, &name)), None, ""));
            return None;
        }
        if name.split(['/', '\\']).any(|c| c == "..") {
            self.fail(error(ArchiveErrorId::Traversal, Some(&join(prefix, &name)), None, ""));
            return None;
        }
        let clean: Vec<&str> = crate::fs::components(&name).collect();
        Some(clean.join("/"))
    }

    /// Record one analysed binary (or why it could not be).
    fn analysed(&mut self, path: String, len: u64, result: Result<linklens::Facts, linklens::Error>, sink: &mut Sink) {
        self.report.elf += 1;
        let member = match result {
            Ok(r) => {
                if r.go.is_some() {
                    self.report.go += 1;
                }
                if !r.linkage.is_static() {
                    self.report.dynamic += 1;
                }
                Member { path, size: len, facts: Some(r), error: None }
            }
            Err(e) => {
                let err = error(ArchiveErrorId::Analysis, Some(&path), None, &e.to_string());
                Member { path, size: len, facts: None, error: Some(err) }
            }
        };
        match sink {
            Sink::Plain => self.report.members.push(member),
            Sink::Layer(layer) => layer.elves.push(member),
        }
        self.tick(0);
    }

    /// Analyse the ELF at `[start, start + len)` of `src` in place.
    fn analyse_range(&mut self, src: &mut dyn ReadSeek, path: String, start: u64, len: u64, sink: &mut Sink) {
        let cache = ReadCache::new(Window::new(src, start, len));
        let result = linklens::analyze(&cache);
        self.analysed(path, len, result, sink);
    }

    /// Walk a seekable source of `len` bytes.
    pub fn seekable(&mut self, src: &mut dyn ReadSeek, len: u64, prefix: &str, name: &str, depth: u32, sink: &mut Sink) {
        let mut head = [0u8; HEAD];
        let n = match src.seek(SeekFrom::Start(0)).and_then(|_| read_head(src, &mut head)) {
            Ok(n) => n,
            Err(e) => return self.fail(corrupt(&join(prefix, name), e)),
        };
        match sniff(&head[..n]) {
            Kind::Elf => self.analyse_range(src, join(prefix, name), 0, len, sink),
            Kind::Other => {}
            Kind::Archive(f) if self.too_deep(f, depth, prefix, name) => {}
            Kind::Archive(f @ (ArchiveFormat::Gzip | ArchiveFormat::Xz | ArchiveFormat::Zstd)) => {
                self.note_chain(depth, f);
                if src.seek(SeekFrom::Start(0)).is_ok() {
                    self.decompress(f, src, prefix, name, depth, 0, sink);
                }
            }
            Kind::Archive(f) => {
                self.note_chain(depth, f);
                let inner = if name.is_empty() { prefix.to_string() } else { format!("{prefix}{name}!/") };
                match f {
                    ArchiveFormat::Tar => self.tar_seekable(src, len, &inner, depth + 1, sink),
                    ArchiveFormat::Zip => self.zip(src, &inner, depth + 1),
                    _ => self.ar(src, len, &inner, depth + 1),
                }
            }
        }
    }

    fn too_deep(&mut self, f: ArchiveFormat, depth: u32, prefix: &str, name: &str) -> bool {
        if !compression(f) && depth >= self.limits.max_depth {
            self.fail(error(ArchiveErrorId::TooDeep, Some(&join(prefix, name)), Some(u64::from(self.limits.max_depth)), ""));
            return true;
        }
        false
    }

    /// Decode a compressed stream and walk what comes out.
    #[allow(clippy::too_many_arguments)]
    fn decompress(&mut self, f: ArchiveFormat, input: &mut dyn Read, prefix: &str, name: &str, depth: u32, compressions: u32, sink: &mut Sink) {
        let path = join(prefix, name);
        if compressions >= self.limits.max_compressions {
            return self.fail(error(ArchiveErrorId::TooDeep, Some(&path), Some(u64::from(self.limits.max_compressions)), ""));
        }
        self.bounded(f, input, &path, |w, stream| w.stream(stream, prefix, name, depth, compressions + 1, sink));
        self.tick(0);
    }

    /// A whole compressed stream decoded into memory (bounded by the member
    /// limit, the ratio and the total): for an image tar that was
    /// compressed, whose layers must be read in the manifest's order.
    pub fn inflate(&mut self, f: ArchiveFormat, input: &mut dyn Read, name: &str) -> Option<Vec<u8>> {
        self.bounded(f, input, name, |w, stream| w.hold(stream, name)).flatten()
    }

    /// Run `body` over the decoded stream, counted against the limits;
    /// `None` (and the limit reported) when the stream passed one.
    fn bounded<T>(&mut self, f: ArchiveFormat, input: &mut dyn Read, path: &str, body: impl FnOnce(&mut Self, &mut dyn Read) -> T) -> Option<T> {
        let consumed = Rc::new(Cell::new(0));
        let overrun = Rc::new(Cell::new(None));
        let mut stream = Bounded::new(decoder(f, Counted::new(input, consumed.clone())), consumed, self.total.clone(), self.limits, overrun.clone());
        let out = body(self, &mut stream);
        (!self.overran(overrun.get(), path)).then_some(out)
    }

    /// Report a limit a decoded stream passed; true if it passed one.
    fn overran(&mut self, overrun: Option<Overrun>, path: &str) -> bool {
        match overrun {
            Some(Overrun::Total) => {
                self.fail(error(ArchiveErrorId::TooBig, None, Some(self.limits.max_total), ""));
                self.stopped = true;
                true
            }
            Some(Overrun::Ratio) => {
                self.fail(error(ArchiveErrorId::Bomb, Some(path), Some(self.limits.max_ratio), ""));
                true
            }
            None => false,
        }
    }

    /// An I/O error inside a stream: a limit (reported by `decompress`),
    /// the stream cut short, or damage.
    fn stream_error(&mut self, path: &str, e: &io::Error) {
        if LimitPassed::is(e) {
            return;
        }
        let id = if e.kind() == io::ErrorKind::UnexpectedEof {
            ArchiveErrorId::Truncated
        } else {
            ArchiveErrorId::Corrupt
        };
        self.fail(error(id, Some(path), None, &e.to_string()));
    }

    /// Walk a stream read front to back once.
    fn stream(&mut self, r: &mut dyn Read, prefix: &str, name: &str, depth: u32, compressions: u32, sink: &mut Sink) {
        let path = join(prefix, name);
        let mut head = [0u8; HEAD];
        let n = match read_head(r, &mut head) {
            Ok(n) => n,
            Err(e) => return self.stream_error(&path, &e),
        };
        let head = &head[..n];
        match sniff(head) {
            Kind::Other => {}
            Kind::Elf => {
                // A compressed file that is one binary: that binary is its one file.
                if name.is_empty() && prefix.is_empty() && !self.count_file() {
                    return;
                }
                if let Some(bytes) = self.hold(&mut rejoin(head, r), &path) {
                    let len = bytes.len() as u64;
                    self.analysed(path, len, linklens::analyze(&bytes[..]), sink);
                }
            }
            Kind::Archive(f) if self.too_deep(f, depth, prefix, name) => {}
            Kind::Archive(f @ (ArchiveFormat::Gzip | ArchiveFormat::Xz | ArchiveFormat::Zstd)) => {
                self.note_chain(depth, f);
                self.decompress(f, &mut rejoin(head, r), prefix, name, depth, compressions, sink);
            }
            Kind::Archive(ArchiveFormat::Tar) => {
                self.note_chain(depth, ArchiveFormat::Tar);
                let inner = if name.is_empty() { prefix.to_string() } else { format!("{prefix}{name}!/") };
                self.tar_stream(&mut rejoin(head, r), &inner, depth + 1, sink);
            }
            Kind::Archive(f) => {
                // Zip and ar need to seek: hold the container, then walk it in place.
                self.note_chain(depth, f);
                if let Some(bytes) = self.hold(&mut rejoin(head, r), &path) {
                    let len = bytes.len() as u64;
                    self.seekable(&mut Cursor::new(bytes), len, prefix, name, depth, sink);
                }
            }
        }
    }

    /// Read a stream member into memory, up to the member limit.
    fn hold(&mut self, r: &mut dyn Read, path: &str) -> Option<Vec<u8>> {
        // The declared size, when there is one, saves the doubling growth
        // (a 150 MB member would peak at 384 MB); believed only up to
        // 256 MiB, so a lying header cannot make a big allocation alone.
        let hint = self.size_hint.take().unwrap_or(0).min(self.limits.max_member).min(256 << 20);
        let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0).saturating_add(1));
        match r.take(self.limits.max_member.saturating_add(1)).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > self.limits.max_member => {
                self.fail(error(ArchiveErrorId::MemberTooBig, Some(path), Some(self.limits.max_member), ""));
                // Drain it so the stream goes on to the next member.
                let _ = io::copy(r, &mut io::sink());
                None
            }
            Ok(_) => Some(bytes),
            Err(e) => {
                self.stream_error(path, &e);
                None
            }
        }
    }

    /// Index a tar in place: each member's offset and first bytes, then
    /// analyse or open each one where it lies.
    fn tar_seekable(&mut self, src: &mut dyn ReadSeek, len: u64, prefix: &str, depth: u32, sink: &mut Sink) {
        let mut found = Vec::new();
        {
            let window = Window::new(src, 0, len);
            let mut archive = tar::Archive::new(window);
            let mut entries = match archive.entries_with_seek() {
                Ok(e) => e,
                Err(e) => return self.fail(corrupt(label(prefix), e)),
            };
            while let Some(mut entry) = self.tar_next(prefix, entries.next()) {
                let Some(path) = self.tar_entry(prefix, &entry, sink) else { continue };
                let start = entry.raw_file_position();
                let size = entry.size();
                let mut head = [0u8; HEAD];
                let n = read_head(&mut entry, &mut head).unwrap_or(0);
                let kind = sniff(&head[..n]);
                if let Sink::Layer(_) = sink {
                    if kind != Kind::Elf {
                        self.layer_text(&path, &mut rejoin(&head[..n], &mut entry), size, sink);
                        continue;
                    }
                }
                if kind != Kind::Other {
                    found.push(Found { path, kind, start, len: size });
                }
                self.tick(start);
            }
        }
        for f in found {
            if self.stopped {
                break;
            }
            match f.kind {
                Kind::Elf => {
                    let before = self.layer_elves(sink);
                    self.analyse_range(src, join(prefix, &f.path), f.start, f.len, sink);
                    self.layer_file(&f.path, f.len, before, sink);
                    self.layer_libc(&f.path, &mut Window::new(src, f.start, f.len), f.len, sink);
                }
                _ => self.seekable(&mut Window::new(src, f.start, f.len), f.len, prefix, &f.path, depth, sink),
            }
        }
    }

    /// Walk a tar read front to back.
    fn tar_stream(&mut self, r: &mut dyn Read, prefix: &str, depth: u32, sink: &mut Sink) {
        let mut archive = tar::Archive::new(r);
        let mut entries = match archive.entries() {
            Ok(e) => e,
            Err(e) => return self.stream_error(label(prefix), &e),
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
                    let before = self.layer_elves(sink);
                    let len = bytes.len() as u64;
                    self.analysed(join(prefix, &path), len, linklens::analyze(&bytes[..]), sink);
                    self.layer_file(&path, size, before, sink);
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
    fn tar_next<'e, R: Read>(&mut self, prefix: &str, next: Option<io::Result<tar::Entry<'e, R>>>) -> Option<tar::Entry<'e, R>> {
        if self.stopped {
            return None;
        }
        match next? {
            Ok(e) => Some(e),
            Err(e) => {
                self.stream_error(label(prefix), &e);
                None
            }
        }
    }

    /// The path of a regular file to look into, after recording links,
    /// directories and whiteouts of an image layer; `None` for the rest.
    fn tar_entry<R: Read>(&mut self, prefix: &str, entry: &tar::Entry<R>, sink: &mut Sink) -> Option<String> {
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
                tar::EntryType::Directory => layer.entries.push((path.clone(), Node::Dir)),
                tar::EntryType::Symlink => layer.entries.push((path.clone(), Node::Symlink(link()))),
                tar::EntryType::Link => {
                    let target = link();
                    let target: Vec<&str> = crate::fs::components(&target).collect();
                    layer.entries.push((path.clone(), Node::Hardlink(target.join("/"))));
                }
                _ => {}
            }
        }
        if !(kind.is_file() || kind == tar::EntryType::Continuous) || path.is_empty() {
            return None;
        }
        if !self.count_file() {
            return None;
        }
        Some(path)
    }

    fn layer_elves(&self, sink: &Sink) -> usize {
        match sink {
            Sink::Layer(l) => l.elves.len(),
            Sink::Plain => 0,
        }
    }

    /// A regular file of a layer; `before` tells whether an analysis was added.
    fn layer_file(&mut self, path: &str, size: u64, before: usize, sink: &mut Sink) {
        if let Sink::Layer(layer) = sink {
            let elf = (layer.elves.len() > before).then(|| layer.elves.len() - 1);
            layer.entries.push((path.to_string(), Node::File { size, elf }));
        }
    }

    /// A non-ELF file of a layer: recorded; kept when the loader reads it;
    /// for a script, its interpreter line (as `#!path`).
    fn layer_text(&mut self, path: &str, r: &mut dyn Read, size: u64, sink: &mut Sink) {
        if let Sink::Layer(layer) = sink {
            layer.entries.push((path.to_string(), Node::File { size, elf: None }));
            let wanted = path == "etc/ld.so.conf" || path == "etc/os-release" || path == "usr/lib/os-release" || (path.starts_with("etc/ld.so.conf.d/") && path.ends_with(".conf"));
            let mut head = Vec::new();
            let keep = if wanted { 64 * 1024 } else { 256 };
            if r.take(keep).read_to_end(&mut head).is_err() {
                return;
            }
            if let Some(line) = head.strip_prefix(b"#!") {
                let line = line.split(|b| *b == b'\n').next().unwrap_or(b"");
                layer.texts.insert(format!("#!{path}"), String::from_utf8_lossy(line).trim().to_string());
            }
            if wanted && size <= 64 * 1024 {
                layer.texts.insert(path.to_string(), String::from_utf8_lossy(&head).into_owned());
            }
        }
    }

    /// The version of a C library in a layer (`libc.so.6`, `ld-musl-*.so.1`).
    fn layer_libc(&mut self, path: &str, r: &mut dyn ReadSeek, len: u64, sink: &mut Sink) {
        let Sink::Layer(layer) = sink else { return };
        let base = path.rsplit('/').next().unwrap_or(path);
        let glibc = base == "libc.so.6" || (base.starts_with("libc-2.") && base.ends_with(".so"));
        if !glibc || len > 64 << 20 {
            return;
        }
        let mut bytes = Vec::new();
        if r.seek(SeekFrom::Start(0)).is_ok() && r.take(len).read_to_end(&mut bytes).is_ok() {
            if let Some(v) = crate::image::glibc_version(&bytes) {
                layer.libc_versions.insert(path.to_string(), v);
            }
        }
    }

    /// A zip archive in place: stored members are read where they lie,
    /// deflated ones decoded.
    fn zip(&mut self, src: &mut dyn ReadSeek, prefix: &str, depth: u32) {
        let label = label(prefix).to_string();
        let _ = src.seek(SeekFrom::Start(0));
        let mut archive = match zip::ZipArchive::new(&mut *src) {
            Ok(a) => a,
            Err(e) => return self.fail(corrupt(&label, e)),
        };
        let mut found = Vec::new();
        for i in 0..archive.len() {
            if self.stopped {
                break;
            }
            let raw = match archive.by_index_raw(i) {
                Ok(f) => f,
                Err(e) => {
                    self.fail(corrupt(&label, e));
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
                (zip::CompressionMethod::Stored, Some(start)) if csize == size => found.push(Found { path, kind: Kind::Other, start, len: size }),
                _ => {
                    let member = join(prefix, &path);
                    match archive.by_index(i) {
                        Ok(file) => {
                            // The compressed size is known: the ratio counts from the start.
                            let consumed = Rc::new(Cell::new(csize.max(1)));
                            let overrun = Rc::new(Cell::new(None));
                            let mut bounded = Bounded::new(file, consumed, self.total.clone(), self.limits, overrun.clone());
                            self.stream(&mut bounded, prefix, &path, depth, 0, &mut Sink::Plain);
                            self.overran(overrun.get(), &member);
                        }
                        Err(zip::result::ZipError::UnsupportedArchive(what)) => {
                            self.fail(error(ArchiveErrorId::Unsupported, Some(&member), None, what));
                        }
                        Err(e) => self.fail(corrupt(&member, e)),
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

    /// An `ar` archive (a `.deb`) in place, read with `object`'s archive reader.
    fn ar(&mut self, src: &mut dyn ReadSeek, len: u64, prefix: &str, depth: u32) {
        let label = label(prefix).to_string();
        let mut found = Vec::new();
        {
            let cache = ReadCache::new(Window::new(src, 0, len));
            let archive = match object::read::archive::ArchiveFile::parse(&cache) {
                Ok(a) => a,
                Err(e) => return self.fail(corrupt(&label, e)),
            };
            for member in archive.members() {
                let member = match member {
                    Ok(m) => m,
                    Err(e) => {
                        self.fail(corrupt(&label, e));
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

/// Every frame of a zstd stream, one after another (`cat a.zst b.zst` is
/// a valid stream); skippable frames are skipped.
struct ZstdFrames<'r> {
    inner: Option<Peeked<'r>>,
    frame: Option<ruzstd::decoding::StreamingDecoder<Peeked<'r>, ruzstd::decoding::FrameDecoder>>,
}

/// A reader with up to four bytes put back in front (the next frame's
/// magic): one struct reused for every frame, so many frames never nest.
struct Peeked<'r> {
    head: [u8; 4],
    at: usize,
    inner: Box<dyn Read + 'r>,
}

impl Read for Peeked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at < self.head.len() {
            let n = (self.head.len() - self.at).min(buf.len());
            buf[..n].copy_from_slice(&self.head[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

/// The decoder of a compression format (a container format has none: it
/// reads as it is).
pub fn decoder<'r>(f: ArchiveFormat, input: impl Read + 'r) -> Box<dyn Read + 'r> {
    match f {
        ArchiveFormat::Gzip => Box::new(flate2::read::MultiGzDecoder::new(input)),
        // A header may ask for a dictionary of gigabytes: cap it.
        ArchiveFormat::Xz => Box::new(lzma_rust2::XzReader::new_mem_limit(input, true, 256 * 1024)),
        ArchiveFormat::Zstd => Box::new(ZstdFrames::new(input)),
        _ => Box::new(input),
    }
}

impl<'r> ZstdFrames<'r> {
    fn new(inner: impl Read + 'r) -> ZstdFrames<'r> {
        ZstdFrames { inner: Some(Peeked { head: [0; 4], at: 4, inner: Box::new(inner) }), frame: None }
    }
}

impl Read for ZstdFrames<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(frame) = self.frame.as_mut() {
                let n = frame.read(buf)?;
                if n > 0 || buf.is_empty() {
                    return Ok(n);
                }
                self.inner = self.frame.take().map(|f| f.into_inner());
            }
            let Some(mut inner) = self.inner.take() else { return Ok(0) };
            let mut magic = [0u8; 4];
            let n = read_head(&mut inner, &mut magic)?;
            if n == 0 {
                return Ok(0);
            }
            if n < 4 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "zstd frame cut short"));
            }
            if magic[0] & 0xf0 == 0x50 && magic[1..] == [0x2a, 0x4d, 0x18] {
                let mut size = [0u8; 4];
                inner.read_exact(&mut size)?;
                let skip = u64::from(u32::from_le_bytes(size));
                if io::copy(&mut (&mut inner).take(skip), &mut io::sink())? < skip {
                    return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "zstd skippable frame cut short"));
                }
                self.inner = Some(inner);
                continue;
            }
            inner.head = magic;
            inner.at = 0;
            let decoder = ruzstd::decoding::StreamingDecoder::new(inner).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
            self.frame = Some(decoder);
        }
    }
}
