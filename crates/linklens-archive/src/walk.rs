//! The walker: one pass over an archive, nested archives opened as they
//! come, every ELF analysed where it lies. Uncompressed containers over a
//! seekable source are indexed first and each member is then read in place
//! through a [`Window`]; compressed streams are decoded once, front to
//! back, keeping only ELF members. The walk's own limits (members, paths,
//! depth, the total and the ratio) are checked here; each container is
//! read in its own file (`tar.rs`, `zip.rs`, `ar.rs`), the decoders are in
//! `decode.rs`, and an image layer's bookkeeping in `layer.rs`.

use std::cell::Cell;
use std::io::{self, Cursor, Read, SeekFrom};
use std::rc::Rc;

use linklens::archive::{ArchiveError, ArchiveErrorId, ArchiveFormat, ArchiveReport, Member, Reader};
use object::read::ReadCache;

use crate::fs::Layer;
use crate::limits::{error, refused, Limits};
use crate::sniff::{sniff, Kind, HEAD};
use crate::decode::decoder;
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
    pub(crate) total: Rc<Cell<u64>>,
    /// A whole-archive limit was passed: stop everything.
    pub stopped: bool,
    /// The size the container declares for the member about to be held.
    pub(crate) size_hint: Option<u64>,
    /// Compressed streams decoded by this walk (`open_decoded` declines a
    /// tar with one inside: their ratio check depends on read sizes).
    pub(crate) streams: u32,
    progress: Option<&'a mut dyn FnMut(Progress)>,
}

/// A member found while indexing a seekable container, read after.
pub(crate) struct Found {
    pub path: String,
    pub kind: Kind,
    pub start: u64,
    pub len: u64,
}

pub(crate) fn compression(f: ArchiveFormat) -> bool {
    matches!(f, ArchiveFormat::Gzip | ArchiveFormat::Xz | ArchiveFormat::Zstd)
}

/// `path` is damaged: `by` (or a reader under it) refused it.
pub(crate) fn corrupt(path: &str, e: &(dyn std::error::Error + 'static), by: Reader) -> ArchiveError {
    refused(ArchiveErrorId::Corrupt, path, e, by)
}

/// A container's own name, from the prefix of its members.
pub(crate) fn label(prefix: &str) -> &str {
    prefix.trim_end_matches("!/")
}

/// `prefix` + `name`, the way members are shown (`data.tar.xz!/usr/bin/app`).
pub(crate) fn join(prefix: &str, name: &str) -> String {
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
        Walker { limits, report, total: Rc::new(Cell::new(0)), stopped: false, size_hint: None, streams: 0, progress }
    }
    pub fn fail(&mut self, e: ArchiveError) {
        // One sentence per id and path is enough: a bomb of a million
        // traversal paths does not become a million errors.
        if self.report.errors.len() < 1000 && !self.report.errors.iter().any(|x| x.id == e.id && x.path == e.path) {
            self.report.errors.push(e);
        }
    }
    /// The outermost formats, down to the first container (`gzip`, `tar`).
    pub(crate) fn note_chain(&mut self, _depth: u32, f: ArchiveFormat) {
        let chain = &mut self.report.chain;
        if chain.last().is_none_or(|l| compression(*l)) && chain.len() < 4 {
            chain.push(f);
        }
    }
    pub(crate) fn tick(&mut self, scanned: u64) {
        self.report.bytes_scanned = self.report.bytes_scanned.max(scanned).max(self.total.get());
        if let Some(p) = self.progress.as_mut() {
            p(Progress { bytes: self.report.bytes_scanned, files: self.report.files, elf: self.report.elf });
        }
    }
    /// A regular file counted; false (and the walk stopped) past the limit.
    pub(crate) fn count_file(&mut self) -> bool {
        self.report.files += 1;
        if self.report.files > self.limits.max_members {
            self.fail(error(ArchiveErrorId::TooManyMembers, None, Some(self.limits.max_members), ""));
            self.stopped = true;
            return false;
        }
        true
    }
    /// A member's path as stored, or the reason it is refused.
    pub(crate) fn check_path(&mut self, prefix: &str, raw: &[u8]) -> Option<String> {
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
    pub(crate) fn analysed(&mut self, path: String, len: u64, result: Result<linklens::Facts, linklens::Error>, sink: &mut Sink) {
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
                let err = ArchiveError { analysis: Some(e), ..error(ArchiveErrorId::Analysis, Some(&path), None, "") };
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
    pub(crate) fn analyse_range(&mut self, src: &mut dyn ReadSeek, path: String, start: u64, len: u64, sink: &mut Sink) {
        let cache = ReadCache::new(Window::new(src, start, len));
        let result = linklens::analyze(&cache);
        self.analysed(path, len, result, sink);
    }
    /// The outermost stream was decoded by the caller: its `len` bytes
    /// count towards the total as if decoded here.
    pub(crate) fn decoded(&mut self, len: u64) {
        self.total.set(self.total.get().saturating_add(len));
    }
    /// Walk a seekable source of `len` bytes.
    pub fn seekable(&mut self, src: &mut dyn ReadSeek, len: u64, prefix: &str, name: &str, depth: u32, sink: &mut Sink) {
        let mut head = [0u8; HEAD];
        let n = match src.seek(SeekFrom::Start(0)).and_then(|_| read_head(src, &mut head)) {
            Ok(n) => n,
            Err(e) => return self.fail(corrupt(&join(prefix, name), &e, Reader::File)),
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
                    // A tar cut short or damaged is read front to back, so
                    // that its damage is found and said as the stream walk
                    // finds and says it (indexing would seek past the cut).
                    ArchiveFormat::Tar if !crate::container::tar::whole(src, len) => {
                        if src.seek(SeekFrom::Start(0)).is_ok() {
                            self.tar_stream(src, &inner, depth + 1, sink);
                        }
                    }
                    ArchiveFormat::Tar => self.tar_seekable(src, len, &inner, depth + 1, sink),
                    ArchiveFormat::Zip => self.zip(src, &inner, depth + 1),
                    _ => self.ar(src, len, &inner, depth + 1),
                }
            }
        }
    }
    pub(crate) fn too_deep(&mut self, f: ArchiveFormat, depth: u32, prefix: &str, name: &str) -> bool {
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
        self.streams = self.streams.saturating_add(1);
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
    pub(crate) fn bounded<T>(&mut self, f: ArchiveFormat, input: &mut dyn Read, path: &str, body: impl FnOnce(&mut Self, &mut dyn Read) -> T) -> Option<T> {
        let consumed = Rc::new(Cell::new(0));
        let overrun = Rc::new(Cell::new(None));
        let mut stream = Bounded::new(decoder(f, Counted::new(input, consumed.clone())), consumed, self.total.clone(), self.limits, overrun.clone());
        let out = body(self, &mut stream);
        (!self.overran(overrun.get(), path)).then_some(out)
    }
    /// Report a limit a decoded stream passed; true if it passed one.
    pub(crate) fn overran(&mut self, overrun: Option<Overrun>, path: &str) -> bool {
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
    /// the stream cut short, or damage, said by `by` unless a reader under
    /// it marked the error.
    pub(crate) fn stream_error(&mut self, path: &str, e: &io::Error, by: Reader) {
        if LimitPassed::is(e) {
            return;
        }
        let id = if e.kind() == io::ErrorKind::UnexpectedEof {
            ArchiveErrorId::Truncated
        } else {
            ArchiveErrorId::Corrupt
        };
        self.fail(refused(id, path, e, by));
    }
    /// Walk a stream read front to back once.
    pub(crate) fn stream(&mut self, r: &mut dyn Read, prefix: &str, name: &str, depth: u32, compressions: u32, sink: &mut Sink) {
        let path = join(prefix, name);
        let mut head = [0u8; HEAD];
        let n = match read_head(r, &mut head) {
            Ok(n) => n,
            Err(e) => return self.stream_error(&path, &e, Reader::File),
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
    pub(crate) fn hold(&mut self, r: &mut dyn Read, path: &str) -> Option<Vec<u8>> {
        // The declared size, when there is one, saves the doubling growth
        // (a 150 MB member would peak at 384 MB); believed only up to
        // 256 MiB, so a lying header cannot make a big allocation alone.
        let hint = self.size_hint.take().unwrap_or(0).min(self.limits.max_member).min(crate::limits::HELD_RESERVE);
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
                self.stream_error(path, &e, Reader::File);
                None
            }
        }
    }
}
