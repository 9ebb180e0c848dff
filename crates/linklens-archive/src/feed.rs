//! A compressed tar fed front to back in pieces, as the caller decodes it
//! (the page's decoder runs in another worker): each member is judged as
//! soon as its headers and first bytes arrive, and only what the walk
//! needs is kept — a binary or a nested archive whole, of any other member
//! nothing past its first bytes. The decoded tar is never gathered, and
//! the walk goes on while the next piece is decoded.
//!
//! The report is the one [`crate::open`] gives for the compressed file, or
//! the feed declines and says how the caller should walk it instead. The
//! `tar` crate reads every header: it is started afresh at each entry's
//! first header over the bytes kept, and a read past them says "not yet".

use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::ops::Range;

use linklens::archive::{ArchiveErrorId, ArchiveFormat, ArchiveReport};

use crate::limits::{error, Limits};
use crate::sniff::{Kind, HEAD};
use crate::source::{seek_target, ReadSeek};
use crate::walk::{compression, join, Found, Sink, Walker};

/// Tar data comes in blocks of this.
const BLOCK: u64 = 512;

/// Where a feed stands after a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fed {
    /// Give it the next piece.
    More,
    /// It will not give `open`'s report: walk the file another way.
    Declined(Decline),
}

/// How to walk a file the feed declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decline {
    /// A container image (its layers are read in its manifest's order):
    /// gather the decoded content and use [`crate::open_decoded`]; every
    /// piece pushed so far is needed again (the feed declines this before
    /// it has kept anything for itself, see [`Feed::deciding`]).
    Image,
    /// Anything else — not a tar, damaged or cut short, a limit passed or
    /// perhaps passed, a member too big to hold, a compressed stream
    /// inside: walk the compressed file with [`crate::open`].
    Walk,
}

/// Where the feed holds a member while its bytes arrive, and reads it
/// from once they all have: the memory of this process, or — in the page —
/// the browser's, so that a 150 MB binary never sits in the worker's wasm
/// (whose memory never shrinks) and is never copied into it whole; the
/// analysis reads the parts it needs. A holder is the member's source,
/// from offset 0.
pub trait Holder: Read + Seek {
    /// A piece of the decoded stream as the caller has it.
    type Piece: ?Sized;
    fn len(piece: &Self::Piece) -> usize;
    /// `piece[range]` appended to `out`: the headers and first bytes the
    /// feed keeps itself.
    fn copy(piece: &Self::Piece, range: Range<usize>, out: &mut Vec<u8>);
    /// Let go of the last member and begin one of `len` bytes, of which
    /// `first` are here already.
    fn begin(&mut self, len: u64, first: &[u8]);
    /// `piece[range]`: the next bytes of the member.
    fn keep(&mut self, piece: &Self::Piece, range: Range<usize>);
}

/// A member held in this process's memory, in one buffer as big as the
/// biggest member yet.
#[derive(Default)]
pub struct InMemory(Cursor<Vec<u8>>);

impl Holder for InMemory {
    type Piece = [u8];
    fn len(piece: &[u8]) -> usize {
        piece.len()
    }
    fn copy(piece: &[u8], range: Range<usize>, out: &mut Vec<u8>) {
        out.extend_from_slice(piece.get(range).unwrap_or_default());
    }
    fn begin(&mut self, len: u64, first: &[u8]) {
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        let held = self.0.get_mut();
        held.clear();
        if held.capacity() < len {
            // The old buffer freed first: never both at once.
            *held = Vec::new();
            held.reserve_exact(len);
        }
        held.extend_from_slice(first);
        self.0.set_position(0);
    }
    fn keep(&mut self, piece: &[u8], range: Range<usize>) {
        self.0.get_mut().extend_from_slice(piece.get(range).unwrap_or_default());
    }
}

impl Read for InMemory {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl Seek for InMemory {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.0.seek(pos)
    }
}

enum State {
    /// The first block has not arrived: not yet known to be a tar.
    Start,
    /// `kept` starts at an entry's first header.
    Index,
    /// Holding `found` whole: `got` of its bytes are in the holder, the
    /// rest go there as they come (the next entry's start is already
    /// `base`).
    Hold { found: Found, got: u64 },
    /// The tar's end was read: the rest of the stream is only counted.
    End,
    Declined(Decline),
}

/// One step of the walk over the bytes kept.
enum Step {
    Again,
    Wait,
}

/// A tar inside a compressed stream, walked as its decoded bytes are
/// pushed.
pub struct Feed<'a, H: Holder = InMemory> {
    walker: Walker<'a>,
    holder: H,
    outer: ArchiveFormat,
    state: State,
    /// Bytes kept: `kept[at..]` is the stream from offset `base` on.
    kept: Vec<u8>,
    at: usize,
    base: u64,
    /// Bytes of the stream still to drop before keeping again: the rest of
    /// a member nothing reads.
    skip: u64,
    /// Decoded bytes pushed so far.
    fed: u64,
    /// The stream has ended: a read past the bytes kept is the end.
    ended: bool,
    /// Headers not all here when this many bytes were kept: not read
    /// again before twice as many are (a long-name record of 100 MB read
    /// afresh at every piece would take hours).
    tried: usize,
}

impl<'a> Feed<'a> {
    /// A feed for the content of an `outer` stream (gzip, xz or zstd),
    /// holding members in this process's memory; `None` for any other
    /// format.
    pub fn new(outer: ArchiveFormat, limits: &'a Limits, progress: Option<&'a mut dyn FnMut(crate::Progress)>) -> Option<Feed<'a>> {
        Feed::with_holder(outer, limits, progress, InMemory::default())
    }
}

impl<'a, H: Holder> Feed<'a, H> {
    /// A feed holding members in `holder`.
    pub fn with_holder(outer: ArchiveFormat, limits: &'a Limits, progress: Option<&'a mut dyn FnMut(crate::Progress)>, holder: H) -> Option<Feed<'a, H>> {
        compression(outer).then(|| Feed {
            walker: Walker::new(limits, outer, progress),
            holder,
            outer,
            state: State::Start,
            kept: Vec::new(),
            at: 0,
            base: 0,
            skip: 0,
            fed: 0,
            ended: false,
            tried: 0,
        })
    }

    /// The feed has not yet told whether it walks this file: a caller that
    /// may have to gather the content (an image) keeps the pieces until
    /// then.
    pub fn deciding(&self) -> bool {
        matches!(self.state, State::Start)
    }

    /// The next `piece` of the decoded stream; `consumed` is a lower bound
    /// of the compressed bytes decoded to produce everything pushed so far
    /// (the ratio limit is checked against it, as the walk checks it).
    pub fn push(&mut self, consumed: u64, piece: &H::Piece) -> Fed {
        if let State::Declined(d) = self.state {
            return Fed::Declined(d);
        }
        let len = H::len(piece);
        self.fed = self.fed.saturating_add(len as u64);
        self.walker.decoded(len as u64);
        if !self.walker.limits.decoded_within(consumed, self.fed, self.fed) {
            return self.decline(Decline::Walk);
        }
        let mut at = 0;
        if let State::Hold { found, got } = &mut self.state {
            // The held member's bytes, counted in `skip` (see `index`).
            let want = usize::try_from(found.len.saturating_sub(*got)).unwrap_or(usize::MAX).min(len);
            self.holder.keep(piece, 0..want);
            *got += want as u64;
            at = want;
            self.skip = self.skip.saturating_sub(want as u64);
        }
        let drop = usize::try_from(self.skip).unwrap_or(usize::MAX).min(len - at);
        self.skip -= drop as u64;
        at += drop;
        if !matches!(self.state, State::End) && at < len {
            // Bytes before `at` are done with: moved out once per piece,
            // not once per member.
            if self.at > 0 {
                self.kept.drain(..self.at);
                self.at = 0;
            }
            H::copy(piece, at..len, &mut self.kept);
        }
        let fed = self.run();
        self.walker.tick(0);
        fed
    }

    /// The stream has ended after `compressed` bytes of the file: the
    /// report, or `None` when the feed declined (walk the file with
    /// [`crate::open`], or gather it if [`Feed::push`] said so).
    pub fn finish(mut self, compressed: u64) -> Option<ArchiveReport> {
        self.ended = true;
        // A member's data not all there: the tar is cut short.
        if self.skip > 0 || self.run() != Fed::More || !matches!(self.state, State::End) {
            return None;
        }
        if !self.walker.limits.decoded_within(compressed, self.fed, self.fed) {
            return None;
        }
        self.walker.tick(0);
        Some(self.walker.report)
    }

    fn decline(&mut self, d: Decline) -> Fed {
        self.state = State::Declined(d);
        self.kept = Vec::new();
        self.at = 0;
        Fed::Declined(d)
    }

    /// Walk as far as the bytes kept go.
    fn run(&mut self) -> Fed {
        loop {
            let step = match std::mem::replace(&mut self.state, State::End) {
                State::Start => self.start(),
                State::Index => self.index(),
                State::Hold { found, got } => self.hold(found, got),
                State::End => Ok(Step::Wait),
                State::Declined(d) => Err(d),
            };
            match step {
                Ok(Step::Again) => {}
                Ok(Step::Wait) => return Fed::More,
                Err(d) => return self.decline(d),
            }
        }
    }

    /// The first block: a tar (not an image's) or declined.
    fn start(&mut self) -> Result<Step, Decline> {
        let have = &self.kept[self.at..];
        if have.len() < HEAD && !self.ended {
            self.state = State::Start;
            return Ok(Step::Wait);
        }
        let head = &have[..have.len().min(HEAD)];
        if crate::format(head) != Some(ArchiveFormat::Tar) {
            return Err(Decline::Walk);
        }
        if crate::image_head(head) {
            return Err(Decline::Image);
        }
        self.walker.note_chain(0, self.outer);
        self.walker.note_chain(0, ArchiveFormat::Tar);
        self.state = State::Index;
        Ok(Step::Again)
    }

    /// The entry whose first header starts the bytes kept: judged once its
    /// first bytes are here, then skipped or held.
    fn index(&mut self) -> Result<Step, Decline> {
        self.state = State::Index;
        let have = self.kept.len() - self.at;
        if have < self.tried.saturating_mul(2) && !self.ended {
            return Ok(Step::Wait);
        }
        let (found, next) = {
            let have = &self.kept[self.at..];
            let mut view = Kept { bytes: have, pos: 0, ended: self.ended };
            let mut archive = ::tar::Archive::new(&mut view);
            let mut entries = archive.entries_with_seek().map_err(|_| Decline::Walk)?;
            let mut entry = match entries.next() {
                None => {
                    self.state = State::End;
                    return Ok(Step::Wait);
                }
                // Headers bigger than a member may be: nothing a tool wrote.
                Some(Err(e)) if NotYet::is(&e) && have.len() as u64 > self.walker.limits.max_member => return Err(Decline::Walk),
                Some(Err(e)) if NotYet::is(&e) => {
                    self.tried = have.len();
                    return Ok(Step::Wait);
                }
                // Damage is said by the stream walk, in its words.
                Some(Err(_)) => return Err(Decline::Walk),
                Some(Ok(entry)) => entry,
            };
            // A sparse member's data is laid out apart from its size: left
            // to the stream walk.
            if entry.header().entry_type().is_gnu_sparse() {
                return Err(Decline::Walk);
            }
            let (start, size) = (entry.raw_file_position(), entry.size());
            let next = start.checked_add(size).and_then(|end| end.checked_next_multiple_of(BLOCK)).ok_or(Decline::Walk)?;
            let have = have.len() as u64;
            if self.ended && next > have {
                // Cut short: the stream walk says where.
                return Err(Decline::Walk);
            }
            if start.saturating_add(size.min(HEAD as u64)) > have {
                // Judged once, with its first bytes: not before they are here.
                self.tried = have as usize;
                return Ok(Step::Wait);
            }
            (self.walker.tar_index("", &mut entry, &mut Sink::Plain), next)
        };
        if self.walker.stopped {
            return Err(Decline::Walk);
        }
        let next = self.base.checked_add(next).ok_or(Decline::Walk)?;
        let Some(mut found) = found else {
            self.advance(next);
            return Ok(Step::Again);
        };
        found.start = self.base.checked_add(found.start).ok_or(Decline::Walk)?;
        if matches!(found.kind, Kind::Archive(f) if compression(f)) {
            // A stream inside: its ratio is checked as its decoder reads,
            // which only the stream walk does as `open` does.
            return Err(Decline::Walk);
        }
        if found.len > self.walker.limits.max_member {
            match found.kind {
                // What the stream walk does with a member it cannot hold:
                // an archive too deep is that, first.
                Kind::Archive(f @ (ArchiveFormat::Zip | ArchiveFormat::Ar)) if self.walker.too_deep(f, 1, "", &found.path) => {
                    self.advance(next);
                    return Ok(Step::Again);
                }
                Kind::Elf | Kind::Archive(ArchiveFormat::Zip | ArchiveFormat::Ar) => {
                    let limit = self.walker.limits.max_member;
                    self.walker.fail(error(ArchiveErrorId::MemberTooBig, Some(&join("", &found.path)), Some(limit), ""));
                    self.advance(next);
                    return Ok(Step::Again);
                }
                // It reads a tar or a stream without holding it; so cannot this.
                _ => return Err(Decline::Walk),
            }
        }
        let from = found.start.checked_sub(self.base).and_then(|f| usize::try_from(f).ok()).ok_or(Decline::Walk)?;
        let len = usize::try_from(found.len).map_err(|_| Decline::Walk)?;
        let have = &self.kept[self.at..];
        let first = have.get(from..).map_or(&[][..], |rest| &rest[..rest.len().min(len)]);
        self.holder.begin(found.len, first);
        let got = first.len() as u64;
        // What is not here yet comes through `skip`, which `push` hands to
        // the holder first.
        self.advance(next);
        self.state = State::Hold { found, got };
        Ok(Step::Again)
    }

    /// A member held whole once all of it is here: analysed, or walked as
    /// the archive it is, where the holder keeps it.
    fn hold(&mut self, found: Found, got: u64) -> Result<Step, Decline> {
        if got < found.len {
            if self.ended {
                return Err(Decline::Walk);
            }
            self.state = State::Hold { found, got };
            return Ok(Step::Wait);
        }
        let src: &mut dyn ReadSeek = &mut self.holder;
        match found.kind {
            Kind::Elf => self.walker.analyse_range(src, join("", &found.path), 0, found.len, &mut Sink::Plain),
            _ => self.walker.seekable(src, found.len, "", &found.path, 1, &mut Sink::Plain),
        }
        self.holder.begin(0, &[]);
        // As `open_decoded` did: past the members limit, or with a
        // compressed stream inside, only the stream walk gives its report.
        if self.walker.stopped || self.walker.streams > 0 {
            return Err(Decline::Walk);
        }
        self.state = State::Index;
        self.walker.tick(0);
        Ok(Step::Again)
    }

    /// The next entry starts at stream offset `to`: drop what is before.
    fn advance(&mut self, to: u64) {
        let end = self.base.saturating_add((self.kept.len() - self.at) as u64);
        if to <= end {
            self.at += usize::try_from(to - self.base).unwrap_or(usize::MAX).min(self.kept.len() - self.at);
        } else {
            self.skip = to - end;
            self.at = self.kept.len();
        }
        self.base = to;
        self.tried = 0;
        self.state = State::Index;
    }
}

/// The error a read past the bytes kept gives before the stream has ended.
#[derive(Debug)]
struct NotYet;

impl std::fmt::Display for NotYet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not yet decoded")
    }
}

impl std::error::Error for NotYet {}

impl NotYet {
    fn error() -> io::Error {
        io::Error::new(io::ErrorKind::WouldBlock, NotYet)
    }
    fn is(e: &io::Error) -> bool {
        e.get_ref().is_some_and(|inner| inner.is::<NotYet>())
    }
}

/// The bytes kept, as a source the `tar` crate reads from offset 0.
struct Kept<'b> {
    bytes: &'b [u8],
    pos: u64,
    ended: bool,
}

impl Read for Kept<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let at = usize::try_from(self.pos).unwrap_or(usize::MAX);
        let left = self.bytes.get(at..).unwrap_or_default();
        if left.is_empty() && !buf.is_empty() && !self.ended {
            return Err(NotYet::error());
        }
        let n = left.len().min(buf.len());
        buf[..n].copy_from_slice(&left[..n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Kept<'_> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        if matches!(pos, SeekFrom::End(_)) && !self.ended {
            return Err(NotYet::error());
        }
        self.pos = seek_target(pos, self.bytes.len() as u64, self.pos)?;
        Ok(self.pos)
    }
}
