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

use linklens::archive::{ArchiveErrorId, ArchiveFormat, ArchiveReport};

use crate::limits::{error, Limits};
use crate::sniff::{Kind, HEAD};
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

enum State {
    /// The first block has not arrived: not yet known to be a tar.
    Start,
    /// `kept` starts at an entry's first header.
    Index,
    /// Holding `found` whole; the next entry starts at `next`.
    Hold { found: Found, next: u64 },
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
pub struct Feed<'a> {
    walker: Walker<'a>,
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
    /// A feed for the content of an `outer` stream (gzip, xz or zstd);
    /// `None` for any other format.
    pub fn new(outer: ArchiveFormat, limits: &'a Limits, progress: Option<&'a mut dyn FnMut(crate::Progress)>) -> Option<Feed<'a>> {
        compression(outer).then(|| Feed {
            walker: Walker::new(limits, outer, progress),
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
    pub fn push(&mut self, consumed: u64, piece: &[u8]) -> Fed {
        if let State::Declined(d) = self.state {
            return Fed::Declined(d);
        }
        self.fed = self.fed.saturating_add(piece.len() as u64);
        self.walker.decoded(piece.len() as u64);
        if !self.walker.limits.decoded_within(consumed, self.fed, self.fed) {
            return self.decline(Decline::Walk);
        }
        let drop = usize::try_from(self.skip).unwrap_or(usize::MAX).min(piece.len());
        self.skip -= drop as u64;
        if !matches!(self.state, State::End) {
            // Bytes before `at` are done with: moved out once per piece,
            // not once per member.
            if self.at > 0 {
                self.kept.drain(..self.at);
                self.at = 0;
            }
            self.kept.extend_from_slice(&piece[drop..]);
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
                State::Hold { found, next } => self.hold(found, next),
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
                // What the stream walk does with a member it cannot hold.
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
        self.state = State::Hold { found, next };
        Ok(Step::Again)
    }

    /// A member held whole once all of it is here: analysed, or walked as
    /// the archive it is.
    fn hold(&mut self, found: Found, next: u64) -> Result<Step, Decline> {
        let from = found.start.checked_sub(self.base).ok_or(Decline::Walk)?;
        let to = from.checked_add(found.len).ok_or(Decline::Walk)?;
        let have = &self.kept[self.at..];
        if to > have.len() as u64 {
            if self.ended {
                return Err(Decline::Walk);
            }
            self.state = State::Hold { found, next };
            return Ok(Step::Wait);
        }
        let (from, to) = (usize::try_from(from).map_err(|_| Decline::Walk)?, usize::try_from(to).map_err(|_| Decline::Walk)?);
        let bytes = &have[from..to];
        match found.kind {
            Kind::Elf => self.walker.analysed(join("", &found.path), found.len, linklens::analyze(bytes), &mut Sink::Plain),
            _ => self.walker.seekable(&mut Cursor::new(bytes), found.len, "", &found.path, 1, &mut Sink::Plain),
        }
        // As `open_decoded`: past the members limit, or with a compressed
        // stream inside, only the stream walk gives its report.
        if self.walker.stopped || self.walker.streams > 0 {
            return Err(Decline::Walk);
        }
        self.advance(next);
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
        let target = match pos {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(_) if !self.ended => return Err(NotYet::error()),
            SeekFrom::End(d) => (self.bytes.len() as u64).checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        Ok(self.pos)
    }
}
