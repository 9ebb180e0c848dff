//! A structure-aware archive generator for fuzzing: `arbitrary` picks a
//! tree of containers — tar (ustar, GNU, PAX, v7), zip (local and central
//! directories, data descriptors, ZIP64, encryption), `ar` and `.deb`, OCI
//! layouts and `docker save` tars, each optionally inside gzip, xz or zstd,
//! honest or cut — and [`Spec::build`] writes it byte by byte, so the fields
//! a byte-flipper of compressed streams never reaches (a name with a
//! multi-byte character across byte 64, a size in base-256 near the top, a
//! long-name entry that lies, a manifest that names itself as a layer) come
//! up constantly. The writing crates refuse to write most of this, so
//! nothing here uses them but the compressors.

use std::io::Write;

use arbitrary::Arbitrary;

/// The limits the fuzz targets and the allocation test walk with: small
/// enough that a run stays fast and its inputs cross them often (a run
/// with 64 and 16 MiB slowed from 2,500 to 450 runs a second as its inputs
/// grew), the same so a finding replays as found.
pub fn limits() -> crate::Limits {
    crate::Limits {
        max_total: 16 << 20,
        max_ratio: 100,
        ratio_floor: 64 << 10,
        max_members: 1000,
        max_member: 4 << 20,
        max_json: 1 << 20,
        ..crate::Limits::default()
    }
}

/// The page's walk of a `.tar.gz` (the browser inflates, the tar is walked
/// in place by [`crate::open_decoded`]) against the CLI's ([`crate::open`])
/// on `gz`: `Err` with both reports when they differ in what linklens says,
/// `Ok(true)` when both walked it and agree.
/// The stream is inflated as a browser's `DecompressionStream` does (all of
/// it, every member, or nothing), up to `limits.max_total`; `Ok(false)` when the
/// page would not use its own decoding (the stream is refused, or
/// `open_decoded` declines). Compared as [`agree`] says.
pub fn decoded_agrees(gz: &[u8], limits: &crate::Limits) -> Result<bool, String> {
    use std::io::{Cursor, Read};
    let mut decoded = Vec::new();
    let inflated = flate2::read::MultiGzDecoder::new(gz).take(limits.max_total.saturating_add(1)).read_to_end(&mut decoded);
    if inflated.is_err() || decoded.len() as u64 > limits.max_total {
        return Ok(false);
    }
    let Some(native) = crate::open_decoded(linklens::archive::ArchiveFormat::Gzip, &mut Cursor::new(&decoded), decoded.len() as u64, gz.len() as u64, limits, None) else {
        return Ok(false);
    };
    let Some(walked) = crate::open(&mut Cursor::new(gz), gz.len() as u64, limits, None) else {
        return Err("the walk did not take a gzip stream as an archive".into());
    };
    agree("decoded by the caller", &native, &walked)
}

/// The page's walk of a `.tar.gz` fed as the browser decodes it ([`crate::Feed`],
/// pieces of every size from one byte to 64 KiB, the compressed count
/// lagging the decoder's reads as the page's does) against the CLI's
/// ([`crate::open`]): `Err` when they differ in what linklens says (as
/// [`decoded_agrees`] compares them) or when the feed declines an image
/// after it has let go of what it was fed; `Ok(false)` when the page would
/// walk the file another way.
pub fn fed_agrees(gz: &[u8], limits: &crate::Limits) -> Result<bool, String> {
    use std::io::Read;
    /// Piece sizes, in turn: the block boundaries and either side of them.
    const PIECES: [usize; 9] = [1, 513, 7, 4096, 511, 65536, 2, 1024, 3000];
    /// The decoder reads its input through a buffer this big: its count of
    /// the file less this is what it has surely consumed.
    const READ_AHEAD: usize = 8 << 10;
    let consumed = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let input = crate::source::Counted::new(gz, consumed.clone());
    let mut decoder = flate2::bufread::MultiGzDecoder::new(std::io::BufReader::with_capacity(READ_AHEAD, input));
    let Some(mut feed) = crate::Feed::new(linklens::archive::ArchiveFormat::Gzip, limits, None) else {
        return Err("a feed refused gzip".into());
    };
    let mut buf = vec![0u8; 65536];
    let (mut turn, mut decoded) = (gz.len() % PIECES.len(), 0u64);
    loop {
        let want = PIECES[turn % PIECES.len()];
        turn += 1;
        let n = match decoder.read(&mut buf[..want]) {
            Ok(0) => break,
            Ok(n) => n,
            Err(_) => return Ok(false),
        };
        decoded += n as u64;
        if decoded > limits.max_total {
            return Ok(false);
        }
        let deciding = feed.deciding();
        match feed.push(consumed.get().saturating_sub(READ_AHEAD as u64), &buf[..n]) {
            crate::Fed::More => {}
            crate::Fed::Declined(crate::Decline::Image) if !deciding => return Err("an image declined after the feed kept bytes for itself".into()),
            crate::Fed::Declined(_) => return Ok(false),
        }
    }
    let Some(fed) = feed.finish(gz.len() as u64) else { return Ok(false) };
    let Some(walked) = crate::open(&mut std::io::Cursor::new(gz), gz.len() as u64, limits, None) else {
        return Err("the walk did not take a gzip stream as an archive".into());
    };
    agree("fed", &fed, &walked)
}

/// Whether `page`'s report says what `walked` says: they may differ in
/// `bytes_scanned` (the page decodes to the end, never less), in an error's
/// `detail` (the `tar` crate's words for damage, seeking or streaming) and
/// in the errors' order (a walk in place names refused paths while
/// indexing).
fn agree(how: &str, page: &linklens::archive::ArchiveReport, walked: &linklens::archive::ArchiveReport) -> Result<bool, String> {
    if page.bytes_scanned < walked.bytes_scanned {
        return Err(format!("scanned {} {how}, {} walked", page.bytes_scanned, walked.bytes_scanned));
    }
    let said = |r: &linklens::archive::ArchiveReport| {
        let mut r = linklens::archive::ArchiveReport { bytes_scanned: 0, ..r.clone() };
        for e in &mut r.errors {
            e.detail = None;
        }
        r.errors.sort_by_key(|e| (e.path.clone(), e.id));
        r
    };
    if said(page) != said(walked) {
        return Err(format!("{how}:\n{page:#?}\nwalked:\n{walked:#?}"));
    }
    Ok(true)
}

/// `data` as the page would take it from a `.tar.gz`: a gzip stream as it
/// is, a tar gzipped here (fast), anything else not at all.
pub fn as_tar_gz(data: &[u8]) -> Option<Vec<u8>> {
    if data.starts_with(&[0x1f, 0x8b]) {
        return Some(data.to_vec());
    }
    if crate::format(data) != Some(linklens::archive::ArchiveFormat::Tar) {
        return None;
    }
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(data).ok()?;
    z.finish().ok()
}

/// The root of a generated file.
#[derive(Arbitrary, Debug)]
pub struct Spec {
    pub root: Node,
}

impl Spec {
    /// The file's bytes.
    pub fn build(&self) -> Vec<u8> {
        self.root.build(0)
    }
}

/// Containers nest at most this deep here; the walker's own limit is 3.
const MAX_DEPTH: u32 = 6;

/// One container, stream or leaf.
#[derive(Arbitrary, Debug)]
pub enum Node {
    Tar(Vec<TarEntry>, TarEnd),
    Zip(Vec<ZipEntry>, ZipEnd),
    Ar(Vec<ArMember>, ArNames),
    /// A Debian package: `debian-binary`, control and data members.
    Deb { data_name: DebData, data: Box<Node>, control: Box<Node>, version: Text },
    Oci(Oci),
    DockerSave(DockerSave),
    Compressed(Codec, Box<Node>, Cut),
    /// The same stream twice (gzip and xz allow concatenation).
    Twice(Codec, Box<Node>),
    Body(Body),
}

impl Node {
    pub fn build(&self, depth: u32) -> Vec<u8> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let d = depth + 1;
        match self {
            Node::Tar(entries, end) => tar(entries.iter().map(|e| e.bytes(d)).collect(), *end),
            Node::Zip(entries, end) => zip(entries, end, d),
            Node::Ar(members, names) => ar(&members.iter().map(|m| (m.name.bytes(), m.size, m.body.build(d))).collect::<Vec<_>>(), *names),
            Node::Deb { data_name, data, control, version } => {
                let mut v = version.bytes();
                if v.is_empty() {
                    v = b"2.0\n".to_vec();
                }
                let members = vec![
                    (b"debian-binary".to_vec(), Size::Honest, v),
                    (b"control.tar.gz".to_vec(), Size::Honest, control.build(d)),
                    (data_name.name().to_vec(), Size::Honest, data.build(d)),
                ];
                ar(&members, ArNames::Gnu)
            }
            Node::Oci(o) => o.build(d),
            Node::DockerSave(s) => s.build(d),
            Node::Compressed(codec, inner, cut) => cut.apply(codec.compress(&inner.build(d))),
            Node::Twice(codec, inner) => {
                let one = codec.compress(&inner.build(d));
                [one.clone(), one].concat()
            }
            Node::Body(b) => b.build(d),
        }
    }
}

/// What a file holds.
#[derive(Arbitrary, Debug)]
pub enum Body {
    Empty,
    /// A generated ELF file (the core's own structure-aware generator).
    Elf(Box<linklens::fuzzing::elf::Spec>),
    /// A 64-byte ELF header: enough to be called a binary.
    ElfHead(u8),
    Node(Box<Node>),
    Json(Json),
    /// Text such as `/etc/os-release` or `ld.so.conf` lines.
    Text(Vec<Text>),
    Bytes(Vec<u8>),
    /// `2 n` KiB of zeros (a bomb's payload once compressed: up to 510
    /// KiB, past the fuzz targets' 64 KiB ratio floor; small enough that
    /// compressing it does not slow every run).
    Zeros(u8),
}

impl Body {
    fn build(&self, depth: u32) -> Vec<u8> {
        match self {
            Body::Empty => Vec::new(),
            Body::Elf(spec) => spec.build(),
            Body::ElfHead(class) => {
                let mut v = b"\x7fELF".to_vec();
                v.extend_from_slice(&[1 + (class & 1), 1 + ((class >> 1) & 1), 1, 0]);
                v.resize(64, 0);
                v
            }
            Body::Node(n) => n.build(depth),
            Body::Json(j) => j.build(0),
            Body::Text(lines) => lines.iter().flat_map(|t| t.bytes().into_iter().chain([b'\n'])).collect(),
            Body::Bytes(b) => b.clone(),
            Body::Zeros(k) => vec![0; usize::from(*k) * 2 * 1024],
        }
    }
}

/// A name or a string: any bytes, built from pieces so that multi-byte
/// characters land on every boundary (63 ASCII bytes then `é` crosses 64).
#[derive(Arbitrary, Debug, Clone)]
pub struct Text(pub Vec<Piece>);

#[derive(Arbitrary, Debug, Clone)]
pub enum Piece {
    Known(Known),
    /// `n` copies of one ASCII byte (a hex digit or a letter).
    Run(u8, AsciiFill),
    Char(char),
    /// ASCII up to one byte before a boundary of the formats, then a
    /// multi-byte character across it.
    Across(Boundary, char),
    Byte(u8),
    Slash,
    /// 64 hex digits: a `docker save` layer directory or a digest.
    Hex64,
    /// The name of the `i`-th blob of an OCI layout.
    Blob(u8),
}

/// Where the formats cut a name: ar's 16 bytes, tar's 32-byte user name,
/// a layer id's 64 digits, tar's 100-byte name, its 155-byte prefix, and
/// 255/256 (the largest a length byte says).
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Boundary {
    B16,
    B32,
    B64,
    B100,
    B155,
    B255,
    B256,
}

impl Boundary {
    fn at(self) -> usize {
        match self {
            Boundary::B16 => 16,
            Boundary::B32 => 32,
            Boundary::B64 => 64,
            Boundary::B100 => 100,
            Boundary::B155 => 155,
            Boundary::B255 => 255,
            Boundary::B256 => 256,
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum AsciiFill {
    Hex,
    Letter,
    Dot,
    Space,
}

/// Names the walker and the image reader look for.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Known {
    Manifest,
    Index,
    OciLayout,
    Repositories,
    Blobs,
    LayerTar,
    Dot,
    DotDot,
    Root,
    App,
    Bin,
    UsrBin,
    Lib,
    Lib64,
    LdLinux,
    LdMusl,
    LibcSo,
    OsRelease,
    LdSoConf,
    Passwd,
    Whiteout,
    Opaque,
}

impl Known {
    fn bytes(self) -> &'static [u8] {
        match self {
            Known::Manifest => b"manifest.json",
            Known::Index => b"index.json",
            Known::OciLayout => b"oci-layout",
            Known::Repositories => b"repositories",
            Known::Blobs => b"blobs/sha256/",
            Known::LayerTar => b"layer.tar",
            Known::Dot => b"./",
            Known::DotDot => b"../",
            Known::Root => b"/",
            Known::App => b"app",
            Known::Bin => b"bin/",
            Known::UsrBin => b"usr/bin/",
            Known::Lib => b"lib/",
            Known::Lib64 => b"lib64/",
            Known::LdLinux => b"lib64/ld-linux-x86-64.so.2",
            Known::LdMusl => b"lib/ld-musl-x86_64.so.1",
            Known::LibcSo => b"lib/x86_64-linux-gnu/libc.so.6",
            Known::OsRelease => b"etc/os-release",
            Known::LdSoConf => b"etc/ld.so.conf",
            Known::Passwd => b"etc/passwd",
            Known::Whiteout => b".wh.",
            Known::Opaque => b".wh..wh..opq",
        }
    }
}

impl Text {
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for p in &self.0 {
            match p {
                Piece::Known(k) => out.extend_from_slice(k.bytes()),
                Piece::Run(n, fill) => {
                    let b = match fill {
                        AsciiFill::Hex => b'a',
                        AsciiFill::Letter => b'x',
                        AsciiFill::Dot => b'.',
                        AsciiFill::Space => b' ',
                    };
                    out.extend(std::iter::repeat_n(b, usize::from(*n)));
                }
                Piece::Char(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                Piece::Across(b, c) => {
                    let c = if c.is_ascii() { 'é' } else { *c };
                    out.resize(out.len().max(b.at() - 1), b'a');
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                Piece::Byte(b) => out.push(*b),
                Piece::Slash => out.push(b'/'),
                Piece::Hex64 => out.extend_from_slice(&[b'f'; 64]),
                Piece::Blob(i) => out.extend_from_slice(format!("b{i}").as_bytes()),
            }
        }
        out
    }
}

/// A size, count or offset field: the true value, or a lie.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Size {
    Honest,
    /// The true value plus or minus a little.
    Off(i16),
    Zero,
    /// The field's largest value (or `u64::MAX - k` in base-256).
    Max(u8),
    Raw(u64),
}

impl Size {
    fn of(self, honest: u64) -> u64 {
        match self {
            Size::Honest => honest,
            Size::Off(d) => honest.wrapping_add_signed(i64::from(d)),
            Size::Zero => 0,
            Size::Max(k) => u64::MAX - u64::from(k),
            Size::Raw(v) => v,
        }
    }
}

// ---------------------------------------------------------------- tar

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum TarFormat {
    Ustar,
    Gnu,
    V7,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum TarType {
    Regular,
    OldRegular,
    Dir,
    Symlink,
    Hardlink,
    Char,
    Fifo,
    Contiguous,
    Sparse,
    Other(u8),
}

impl TarType {
    fn flag(self) -> u8 {
        match self {
            TarType::Regular => b'0',
            TarType::OldRegular => 0,
            TarType::Dir => b'5',
            TarType::Symlink => b'2',
            TarType::Hardlink => b'1',
            TarType::Char => b'3',
            TarType::Fifo => b'6',
            TarType::Contiguous => b'7',
            TarType::Sparse => b'S',
            TarType::Other(b) => b,
        }
    }
}

/// How the size field is written.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum SizeEncoding {
    Octal,
    /// GNU's base-256: 0x80, then the value big-endian.
    Base256,
    /// Octal without its terminator, spaces, or junk.
    Garbled(u8),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Checksum {
    Right,
    Wrong(u16),
    /// Computed over signed bytes (old tars did).
    Signed,
}

/// One member of a tar, with the extended headers that may precede it.
#[derive(Arbitrary, Debug)]
pub struct TarEntry {
    pub format: TarFormat,
    pub kind: TarType,
    pub name: Text,
    /// ustar's prefix field (joined to the name with `/`).
    pub prefix: Option<Text>,
    pub link: Option<Text>,
    pub mode: u16,
    pub size: Size,
    pub encoding: SizeEncoding,
    pub checksum: Checksum,
    /// A GNU `L` / `K` long-name entry before this one.
    pub long_name: Option<LongName>,
    /// PAX records before this one (`x`, or `g` for global).
    pub pax: Option<Pax>,
    pub body: Body,
}

#[derive(Arbitrary, Debug)]
pub struct LongName {
    pub link: bool,
    pub name: Text,
    /// The size it claims for the name.
    pub size: Size,
    pub nul: bool,
}

#[derive(Arbitrary, Debug)]
pub struct Pax {
    pub global: bool,
    pub records: Vec<PaxRecord>,
}

#[derive(Arbitrary, Debug)]
pub struct PaxRecord {
    pub key: PaxKey,
    pub value: Text,
    /// The record's own length field: right, or a lie.
    pub length: Size,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum PaxKey {
    Path,
    Linkpath,
    Size,
    Other,
}

/// How a tar ends.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum TarEnd {
    TwoZeroBlocks,
    OneZeroBlock,
    Nothing,
    /// Cut inside the last block.
    CutBy(u16),
}

fn put(field: &mut [u8], bytes: &[u8]) {
    let n = field.len().min(bytes.len());
    field[..n].copy_from_slice(&bytes[..n]);
}

fn octal(field: &mut [u8], v: u64) {
    let digits = field.len() - 1;
    let s = format!("{v:0digits$o}");
    put(field, s.as_bytes());
    if s.len() <= digits {
        field[digits] = 0;
    }
}

fn header(format: TarFormat, flag: u8, name: &[u8], link: &[u8], prefix: &[u8], mode: u16, size: u64, enc: SizeEncoding, sum: Checksum) -> [u8; 512] {
    let mut h = [0u8; 512];
    put(&mut h[..100], name);
    octal(&mut h[100..108], u64::from(mode));
    octal(&mut h[108..116], 0);
    octal(&mut h[116..124], 0);
    match enc {
        SizeEncoding::Octal => octal(&mut h[124..136], size),
        SizeEncoding::Base256 => {
            h[124] = 0x80;
            h[128..136].copy_from_slice(&size.to_be_bytes());
        }
        SizeEncoding::Garbled(b) => {
            octal(&mut h[124..136], size);
            h[124 + usize::from(b % 12)] = match b >> 4 {
                0 => b' ',
                1 => b'9',
                2 => 0,
                _ => b,
            };
        }
    }
    octal(&mut h[136..148], 0);
    h[156] = flag;
    put(&mut h[157..257], link);
    match format {
        TarFormat::Ustar => {
            h[257..263].copy_from_slice(b"ustar\0");
            h[263..265].copy_from_slice(b"00");
            put(&mut h[345..500], prefix);
        }
        TarFormat::Gnu => h[257..265].copy_from_slice(b"ustar  \0"),
        TarFormat::V7 => {}
    }
    h[148..156].copy_from_slice(b"        ");
    let sum = match sum {
        Checksum::Right => h.iter().map(|b| u64::from(*b)).sum::<u64>(),
        Checksum::Wrong(k) => h.iter().map(|b| u64::from(*b)).sum::<u64>() ^ u64::from(k.max(1)),
        Checksum::Signed => h.iter().map(|b| i64::from(*b as i8)).sum::<i64>() as u64,
    };
    octal(&mut h[148..155], sum & 0o777777);
    h[155] = b' ';
    h
}

fn pad512(out: &mut Vec<u8>) {
    let rem = out.len() % 512;
    if rem != 0 {
        out.resize(out.len() + 512 - rem, 0);
    }
}

impl TarEntry {
    fn bytes(&self, depth: u32) -> Vec<u8> {
        let mut out = Vec::new();
        if let Some(l) = &self.long_name {
            let mut data = l.name.bytes();
            if l.nul {
                data.push(0);
            }
            let flag = if l.link { b'K' } else { b'L' };
            out.extend_from_slice(&header(TarFormat::Gnu, flag, b"././@LongLink", b"", b"", 0o644, l.size.of(data.len() as u64), SizeEncoding::Octal, Checksum::Right));
            out.extend_from_slice(&data);
            pad512(&mut out);
        }
        if let Some(p) = &self.pax {
            let mut data = Vec::new();
            for r in &p.records {
                let key: &[u8] = match r.key {
                    PaxKey::Path => b"path",
                    PaxKey::Linkpath => b"linkpath",
                    PaxKey::Size => b"size",
                    PaxKey::Other => b"SCHILY.xattr.user.x",
                };
                let value = r.value.bytes();
                // The length counts itself: find the fixed point.
                let body = key.len() + value.len() + 3;
                let mut len = body + 1;
                while len != body + len.to_string().len() {
                    len = body + len.to_string().len();
                }
                data.extend_from_slice(r.length.of(len as u64).to_string().as_bytes());
                data.push(b' ');
                data.extend_from_slice(key);
                data.push(b'=');
                data.extend_from_slice(&value);
                data.push(b'\n');
            }
            let flag = if p.global { b'g' } else { b'x' };
            out.extend_from_slice(&header(TarFormat::Ustar, flag, b"PaxHeaders/x", b"", b"", 0o644, data.len() as u64, SizeEncoding::Octal, Checksum::Right));
            out.extend_from_slice(&data);
            pad512(&mut out);
        }
        let body = self.body.build(depth);
        let name = self.name.bytes();
        let link = self.link.as_ref().map(Text::bytes).unwrap_or_default();
        let prefix = self.prefix.as_ref().map(Text::bytes).unwrap_or_default();
        let size = self.size.of(body.len() as u64);
        out.extend_from_slice(&header(self.format, self.kind.flag(), &name, &link, &prefix, self.mode, size, self.encoding, self.checksum));
        out.extend_from_slice(&body);
        pad512(&mut out);
        out
    }
}

fn tar(entries: Vec<Vec<u8>>, end: TarEnd) -> Vec<u8> {
    let mut out = entries.concat();
    match end {
        TarEnd::TwoZeroBlocks => out.extend_from_slice(&[0; 1024]),
        TarEnd::OneZeroBlock => out.extend_from_slice(&[0; 512]),
        TarEnd::Nothing => {}
        TarEnd::CutBy(n) => out.truncate(out.len().saturating_sub(usize::from(n % 1024))),
    }
    out
}

// ---------------------------------------------------------------- zip

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum ZipMethod {
    Stored,
    Deflated,
    /// A method the reader may not know (bzip2, lzma, zstd, …).
    Other(u16),
}

/// One member: its local header, data and central directory record, each
/// field honest or not.
#[derive(Arbitrary, Debug)]
pub struct ZipEntry {
    pub name: Text,
    /// The central directory's name, if it differs from the local one.
    pub central_name: Option<Text>,
    pub method: ZipMethod,
    pub encrypted: bool,
    pub descriptor: bool,
    pub zip64: bool,
    pub crc: Size,
    pub compressed: Size,
    pub uncompressed: Size,
    pub offset: Size,
    pub external_attr: u32,
    pub body: Body,
}

#[derive(Arbitrary, Debug)]
pub struct ZipEnd {
    pub count: Size,
    pub cd_size: Size,
    pub cd_offset: Size,
    pub zip64_end: bool,
    pub comment: Vec<u8>,
    /// Bytes before the first member (a self-extractor's stub).
    pub prefix: Vec<u8>,
    pub cut: Cut,
}

fn u16le(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&(v as u16).to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&(v as u32).to_le_bytes());
}

fn zip(entries: &[ZipEntry], end: &ZipEnd, depth: u32) -> Vec<u8> {
    let mut out = end.prefix.clone();
    let mut central = Vec::new();
    for e in entries {
        let raw = e.body.build(depth);
        let mut crc = flate2::Crc::new();
        crc.update(&raw);
        let (method, data) = match e.method {
            ZipMethod::Stored => (0, raw.clone()),
            ZipMethod::Deflated => {
                let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
                let _ = z.write_all(&raw);
                (8, z.finish().unwrap_or_default())
            }
            ZipMethod::Other(m) => (m, raw.clone()),
        };
        let name = e.name.bytes();
        let offset = e.offset.of(out.len() as u64);
        let (crc, csize, usize_) = (e.crc.of(u64::from(crc.sum())), e.compressed.of(data.len() as u64), e.uncompressed.of(raw.len() as u64));
        let flags = u64::from(e.encrypted) | (u64::from(e.descriptor) << 3) | 0x800;
        let mut extra = Vec::new();
        if e.zip64 {
            u16le(&mut extra, 1);
            u16le(&mut extra, 24);
            extra.extend_from_slice(&usize_.to_le_bytes());
            extra.extend_from_slice(&csize.to_le_bytes());
            extra.extend_from_slice(&offset.to_le_bytes());
        }
        let small = |v: u64| if e.zip64 { 0xffff_ffff } else { v };
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, if e.zip64 { 45 } else { 20 });
        u16le(&mut out, flags);
        u16le(&mut out, u64::from(method));
        u32le(&mut out, 0);
        let (lcrc, lc, lu) = if e.descriptor { (0, 0, 0) } else { (crc, small(csize), small(usize_)) };
        u32le(&mut out, lcrc);
        u32le(&mut out, lc);
        u32le(&mut out, lu);
        u16le(&mut out, name.len() as u64);
        u16le(&mut out, extra.len() as u64);
        out.extend_from_slice(&name);
        out.extend_from_slice(&extra);
        out.extend_from_slice(&data);
        if e.descriptor {
            u32le(&mut out, 0x0807_4b50);
            u32le(&mut out, crc);
            u32le(&mut out, csize);
            u32le(&mut out, usize_);
        }
        let cname = e.central_name.as_ref().map(Text::bytes).unwrap_or(name);
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 0x031e);
        u16le(&mut central, if e.zip64 { 45 } else { 20 });
        u16le(&mut central, flags);
        u16le(&mut central, u64::from(method));
        u32le(&mut central, 0);
        u32le(&mut central, crc);
        u32le(&mut central, small(csize));
        u32le(&mut central, small(usize_));
        u16le(&mut central, cname.len() as u64);
        u16le(&mut central, extra.len() as u64);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u32le(&mut central, u64::from(e.external_attr));
        u32le(&mut central, small(offset));
        central.extend_from_slice(&cname);
        central.extend_from_slice(&extra);
    }
    let cd_offset = end.cd_offset.of(out.len() as u64);
    let cd_size = end.cd_size.of(central.len() as u64);
    let count = end.count.of(entries.len() as u64);
    out.extend_from_slice(&central);
    if end.zip64_end {
        let at = out.len() as u64;
        u32le(&mut out, 0x0606_4b50);
        out.extend_from_slice(&44u64.to_le_bytes());
        u16le(&mut out, 45);
        u16le(&mut out, 45);
        u32le(&mut out, 0);
        u32le(&mut out, 0);
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&cd_size.to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        u32le(&mut out, 0x0706_4b50);
        u32le(&mut out, 0);
        out.extend_from_slice(&at.to_le_bytes());
        u32le(&mut out, 1);
    }
    let small = |v: u64, max: u64| if end.zip64_end { max } else { v };
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, small(count, 0xffff));
    u16le(&mut out, small(count, 0xffff));
    u32le(&mut out, small(cd_size, 0xffff_ffff));
    u32le(&mut out, small(cd_offset, 0xffff_ffff));
    u16le(&mut out, end.comment.len() as u64);
    out.extend_from_slice(&end.comment);
    end.cut.apply(out)
}

// ---------------------------------------------------------------- ar

#[derive(Arbitrary, Debug)]
pub struct ArMember {
    pub name: Text,
    pub size: Size,
    pub body: Node,
}

/// How long names are written.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum ArNames {
    /// `name/` in the header, a `//` table for long ones.
    Gnu,
    /// `#1/len`, the name before the data.
    Bsd,
    /// Whatever fits in 16 bytes.
    Plain,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum DebData {
    Tar,
    Gz,
    Xz,
    Zst,
    Other,
}

impl DebData {
    fn name(self) -> &'static [u8] {
        match self {
            DebData::Tar => b"data.tar",
            DebData::Gz => b"data.tar.gz",
            DebData::Xz => b"data.tar.xz",
            DebData::Zst => b"data.tar.zst",
            DebData::Other => b"data.tar.bz2",
        }
    }
}

fn ar_header(out: &mut Vec<u8>, name: &[u8], size: u64) {
    let mut h = [b' '; 60];
    put(&mut h[..16], name);
    put(&mut h[16..28], b"0");
    put(&mut h[28..34], b"0");
    put(&mut h[34..40], b"0");
    put(&mut h[40..48], b"100644");
    put(&mut h[48..58], size.to_string().as_bytes());
    h[58..60].copy_from_slice(b"`\n");
    out.extend_from_slice(&h);
}

fn ar(members: &[(Vec<u8>, Size, Vec<u8>)], names: ArNames) -> Vec<u8> {
    let mut out = b"!<arch>\n".to_vec();
    let mut table = Vec::new();
    let mut refs = Vec::new();
    for (name, _, _) in members {
        if matches!(names, ArNames::Gnu) && name.len() > 15 {
            refs.push(Some(table.len()));
            table.extend_from_slice(name);
            table.extend_from_slice(b"/\n");
        } else {
            refs.push(None);
        }
    }
    if !table.is_empty() {
        ar_header(&mut out, b"//", table.len() as u64);
        out.extend_from_slice(&table);
        if out.len() % 2 == 1 {
            out.push(b'\n');
        }
    }
    for ((name, size, data), at) in members.iter().zip(refs) {
        match (names, at) {
            (_, Some(at)) => {
                ar_header(&mut out, format!("/{at}").as_bytes(), size.of(data.len() as u64));
                out.extend_from_slice(data);
            }
            (ArNames::Bsd, None) => {
                ar_header(&mut out, format!("#1/{}", name.len()).as_bytes(), size.of((name.len() + data.len()) as u64));
                out.extend_from_slice(name);
                out.extend_from_slice(data);
            }
            (ArNames::Gnu, None) => {
                ar_header(&mut out, &[&name[..], b"/"].concat(), size.of(data.len() as u64));
                out.extend_from_slice(data);
            }
            (ArNames::Plain, None) => {
                ar_header(&mut out, name, size.of(data.len() as u64));
                out.extend_from_slice(data);
            }
        }
        if out.len() % 2 == 1 {
            out.push(b'\n');
        }
    }
    out
}

// ---------------------------------------------------------------- compression

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Codec {
    Gzip,
    Xz,
    Zstd,
}

impl Codec {
    fn compress(self, data: &[u8]) -> Vec<u8> {
        match self {
            Codec::Gzip => {
                let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                let _ = z.write_all(data);
                z.finish().unwrap_or_default()
            }
            // LZMA's encoder costs hundreds of milliseconds on a few MiB
            // (most of a run): big payloads go in stored LZMA2 chunks.
            Codec::Xz if data.len() > 64 << 10 => xz_stored(data),
            Codec::Xz => {
                let Ok(mut w) = lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::with_preset(0)) else { return Vec::new() };
                let _ = w.write_all(data);
                w.finish().unwrap_or_default()
            }
            // Raw blocks: ruzstd's matcher set up a large table every run, most of
            // the fuzz target's time; the frames, block headers and the walker's
            // bookkeeping are what matter here.
            Codec::Zstd => ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Uncompressed),
        }
    }
}

fn crc32(bytes: &[u8]) -> [u8; 4] {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum().to_le_bytes()
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn pad4(out: &mut Vec<u8>) {
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

/// An honest `.xz` stream whose one block holds `data` in stored LZMA2
/// chunks (no check): the container a decoder walks, without LZMA's cost.
fn xz_stored(data: &[u8]) -> Vec<u8> {
    let mut out = b"\xfd7zXZ\0".to_vec();
    let flags = [0u8, 0];
    out.extend_from_slice(&flags);
    out.extend_from_slice(&crc32(&flags));
    // Block header: its size, no optional sizes, one filter (LZMA2 with a
    // 4 KiB dictionary), padded, then its CRC32.
    let mut header = vec![0u8, 0x00, 0x21, 0x01, 0x00];
    pad4(&mut header);
    header[0] = ((header.len() + 4) / 4 - 1) as u8;
    let header = [header.clone(), crc32(&header).to_vec()].concat();
    let mut body = Vec::new();
    for (i, chunk) in data.chunks(64 << 10).enumerate() {
        body.push(if i == 0 { 0x01 } else { 0x02 });
        body.extend_from_slice(&((chunk.len() - 1) as u16).to_be_bytes());
        body.extend_from_slice(chunk);
    }
    body.push(0x00);
    let unpadded = (header.len() + body.len()) as u64;
    out.extend_from_slice(&header);
    out.extend_from_slice(&body);
    pad4(&mut out);
    let mut index = vec![0u8];
    varint(&mut index, 1);
    varint(&mut index, unpadded);
    varint(&mut index, data.len() as u64);
    pad4(&mut index);
    let index = [index.clone(), crc32(&index).to_vec()].concat();
    out.extend_from_slice(&index);
    let mut footer = ((index.len() / 4 - 1) as u32).to_le_bytes().to_vec();
    footer.extend_from_slice(&flags);
    out.extend_from_slice(&crc32(&footer));
    out.extend_from_slice(&footer);
    out.extend_from_slice(b"YZ");
    out
}

/// What is done to a finished stream.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Cut {
    Whole,
    /// The last `n` bytes dropped.
    Short(u16),
    /// One byte changed at `at` (modulo the length).
    Flip(u16, u8),
    /// Junk after the end.
    Trailing(u8),
}

impl Cut {
    fn apply(self, mut v: Vec<u8>) -> Vec<u8> {
        match self {
            Cut::Whole => {}
            Cut::Short(n) => v.truncate(v.len().saturating_sub(usize::from(n))),
            Cut::Flip(at, x) => {
                if !v.is_empty() {
                    let i = usize::from(at) % v.len();
                    v[i] ^= x.max(1);
                }
            }
            Cut::Trailing(b) => v.extend_from_slice(&[b; 37]),
        }
        v
    }
}

// ---------------------------------------------------------------- images

/// JSON written by hand, so strings may hold any bytes and the shapes may
/// be wrong.
#[derive(Arbitrary, Debug)]
pub enum Json {
    /// `docker save`'s list of images.
    DockerManifest(Vec<DockerImage>),
    /// An OCI index (also `index.json`).
    Index(Vec<Descriptor>),
    /// An OCI image manifest.
    Manifest { config: Ref, layers: Vec<Ref> },
    Config(Config),
    Layout,
    /// `[[[[…]]]]`, `n` deep (past serde_json's recursion limit).
    Deep(u16),
    /// A number, a string or `null` where an object is expected.
    Scalar(u8),
    Raw(Text),
}

#[derive(Arbitrary, Debug, Clone)]
pub struct DockerImage {
    pub config: Option<Ref>,
    pub tags: Vec<Text>,
    pub layers: Vec<Ref>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct Descriptor {
    pub digest: Option<Ref>,
    pub platform: Option<(Text, Text, Option<Text>)>,
    pub attestation: bool,
    pub name: Option<Text>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct Config {
    pub os: Option<Text>,
    pub arch: Option<Text>,
    pub variant: Option<Text>,
    pub entrypoint: Option<Vec<Text>>,
    pub cmd: Option<Vec<Text>>,
    pub env: Vec<Text>,
    pub workdir: Option<Text>,
    /// A field of the wrong type (`"Entrypoint": 7`).
    pub wrong: bool,
}

/// Where a manifest points: the `i`-th blob (or file), or any text.
#[derive(Arbitrary, Debug, Clone)]
pub enum Ref {
    Blob(u8),
    Text(Text),
}

impl Ref {
    /// The blob it names among `n` (so that most references resolve).
    fn index(i: u8, n: usize) -> usize {
        usize::from(i) % n.max(1)
    }

    /// As a digest (`sha256:b3`) in an OCI layout of `n` blobs.
    fn digest(&self, n: usize) -> Vec<u8> {
        match self {
            Ref::Blob(i) => format!("sha256:b{}", Ref::index(*i, n)).into_bytes(),
            Ref::Text(t) => t.bytes(),
        }
    }

    /// As a path (`f3`) in a `docker save` tar of `n` files.
    fn path(&self, n: usize) -> Vec<u8> {
        match self {
            Ref::Blob(i) => format!("f{}", Ref::index(*i, n)).into_bytes(),
            Ref::Text(t) => t.bytes(),
        }
    }
}

/// A JSON string with any bytes in it (only `"` and `\` escaped).
fn jstr(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for &b in s {
        if b == b'"' || b == b'\\' {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b'"');
}

fn jlist<T>(out: &mut Vec<u8>, items: &[T], mut each: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

impl Json {
    /// The document, its references resolved among `n` blobs or files.
    fn build(&self, n: usize) -> Vec<u8> {
        let mut o = Vec::new();
        match self {
            Json::DockerManifest(images) => jlist(&mut o, images, |o, im| {
                o.extend_from_slice(b"{");
                if let Some(c) = &im.config {
                    o.extend_from_slice(b"\"Config\":");
                    jstr(o, &c.path(n));
                    o.push(b',');
                }
                o.extend_from_slice(b"\"RepoTags\":");
                jlist(o, &im.tags, |o, t| jstr(o, &t.bytes()));
                o.extend_from_slice(b",\"Layers\":");
                jlist(o, &im.layers, |o, l| jstr(o, &l.path(n)));
                o.push(b'}');
            }),
            Json::Index(descriptors) => {
                o.extend_from_slice(b"{\"schemaVersion\":2,\"manifests\":");
                jlist(&mut o, descriptors, |o, d| {
                    o.extend_from_slice(b"{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"");
                    if let Some(r) = &d.digest {
                        o.extend_from_slice(b",\"digest\":");
                        jstr(o, &r.digest(n));
                    }
                    if let Some((os, arch, variant)) = &d.platform {
                        o.extend_from_slice(b",\"platform\":{\"os\":");
                        jstr(o, &os.bytes());
                        o.extend_from_slice(b",\"architecture\":");
                        jstr(o, &arch.bytes());
                        if let Some(v) = variant {
                            o.extend_from_slice(b",\"variant\":");
                            jstr(o, &v.bytes());
                        }
                        o.push(b'}');
                    }
                    o.extend_from_slice(b",\"annotations\":{");
                    if d.attestation {
                        o.extend_from_slice(b"\"vnd.docker.reference.type\":\"attestation-manifest\",");
                    }
                    o.extend_from_slice(b"\"io.containerd.image.name\":");
                    jstr(o, &d.name.as_ref().map(Text::bytes).unwrap_or_default());
                    o.extend_from_slice(b"}}");
                });
                o.push(b'}');
            }
            Json::Manifest { config, layers } => {
                o.extend_from_slice(b"{\"schemaVersion\":2,\"config\":{\"digest\":");
                jstr(&mut o, &config.digest(n));
                o.extend_from_slice(b"},\"layers\":");
                jlist(&mut o, layers, |o, l| {
                    o.extend_from_slice(b"{\"digest\":");
                    jstr(o, &l.digest(n));
                    o.push(b'}');
                });
                o.push(b'}');
            }
            Json::Config(c) => {
                o.extend_from_slice(b"{\"config\":{");
                if c.wrong {
                    o.extend_from_slice(b"\"Entrypoint\":7,\"Env\":{},");
                }
                for (key, list) in [(&b"Entrypoint"[..], &c.entrypoint), (b"Cmd", &c.cmd)] {
                    if let Some(list) = list {
                        o.push(b'"');
                        o.extend_from_slice(key);
                        o.extend_from_slice(b"\":");
                        jlist(&mut o, list, |o, t| jstr(o, &t.bytes()));
                        o.push(b',');
                    }
                }
                if let Some(w) = &c.workdir {
                    o.extend_from_slice(b"\"WorkingDir\":");
                    jstr(&mut o, &w.bytes());
                    o.push(b',');
                }
                o.extend_from_slice(b"\"Env\":");
                jlist(&mut o, &c.env, |o, t| jstr(o, &t.bytes()));
                o.push(b'}');
                for (key, v) in [(&b"os"[..], &c.os), (b"architecture", &c.arch), (b"variant", &c.variant)] {
                    if let Some(v) = v {
                        o.extend_from_slice(b",\"");
                        o.extend_from_slice(key);
                        o.extend_from_slice(b"\":");
                        jstr(&mut o, &v.bytes());
                    }
                }
                o.push(b'}');
            }
            Json::Layout => o.extend_from_slice(b"{\"imageLayoutVersion\":\"1.0.0\"}"),
            Json::Deep(n) => {
                let n = usize::from(*n);
                o.extend(std::iter::repeat_n(b'[', n));
                o.extend(std::iter::repeat_n(b']', n));
            }
            Json::Scalar(k) => o.extend_from_slice(match k % 4 {
                0 => &b"7"[..],
                1 => b"\"x\"",
                2 => b"null",
                _ => b"{}",
            }),
            Json::Raw(t) => o.extend_from_slice(&t.bytes()),
        }
        o
    }
}

/// A blob of an image: JSON or a layer.
#[derive(Arbitrary, Debug)]
pub enum Blob {
    Manifest { config: Ref, layers: Vec<Ref> },
    Config(Config),
    Layer(Node),
    Json(Json),
}

/// An OCI layout: `oci-layout`, `index.json` and `blobs/sha256/b<i>`.
#[derive(Arbitrary, Debug)]
pub struct Oci {
    pub layout: bool,
    /// The index's descriptors…
    pub index: Vec<Descriptor>,
    /// …or any document at all in its place.
    pub index_instead: Option<Json>,
    pub blobs: Vec<Blob>,
    /// Entries put around the layout's (duplicates, links, junk).
    pub extra: Vec<TarEntry>,
    pub end: TarEnd,
}

fn regular(name: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = header(TarFormat::Ustar, b'0', name, b"", b"", 0o644, body.len() as u64, SizeEncoding::Octal, Checksum::Right).to_vec();
    out.extend_from_slice(body);
    pad512(&mut out);
    out
}

fn blob(b: &Blob, n: usize, depth: u32) -> Vec<u8> {
    match b {
        Blob::Manifest { config, layers } => Json::Manifest { config: config.clone(), layers: layers.clone() }.build(n),
        Blob::Config(c) => Json::Config(c.clone()).build(n),
        Blob::Json(j) => j.build(n),
        Blob::Layer(n) => n.build(depth),
    }
}

/// An image's top document: the one generated in its place, or the
/// well-formed one; references resolved among `n` blobs.
fn document(instead: &Option<Json>, usual: impl FnOnce() -> Json, n: usize) -> Vec<u8> {
    match instead {
        Some(j) => j.build(n),
        None => usual().build(n),
    }
}

/// The blobs as files `{prefix}{i}`, their references resolved among them.
fn push_blobs(entries: &mut Vec<Vec<u8>>, prefix: &str, blobs: &[Blob], depth: u32) {
    for (i, b) in blobs.iter().enumerate() {
        entries.push(regular(format!("{prefix}{i}").as_bytes(), &blob(b, blobs.len(), depth)));
    }
}

impl Oci {
    fn build(&self, depth: u32) -> Vec<u8> {
        let mut entries = Vec::new();
        if self.layout {
            entries.push(regular(b"oci-layout", &Json::Layout.build(0)));
        }
        let index = document(&self.index_instead, || Json::Index(self.index.clone()), self.blobs.len());
        entries.push(regular(b"index.json", &index));
        push_blobs(&mut entries, "blobs/sha256/b", &self.blobs, depth);
        entries.extend(self.extra.iter().map(|e| e.bytes(depth)));
        tar(entries, self.end)
    }
}

/// A `docker save` tar: `manifest.json`, and files `f<i>` (configs and
/// layers) that the manifest names, or not.
#[derive(Arbitrary, Debug)]
pub struct DockerSave {
    pub manifest: Vec<DockerImage>,
    /// Any document at all in the manifest's place.
    pub manifest_instead: Option<Json>,
    pub files: Vec<Blob>,
    /// Files under a 64-digit layer directory (`<id>/layer.tar`).
    pub layer_dirs: Vec<Node>,
    pub extra: Vec<TarEntry>,
    pub end: TarEnd,
}

impl DockerSave {
    fn build(&self, depth: u32) -> Vec<u8> {
        let mut entries = Vec::new();
        for (i, l) in self.layer_dirs.iter().enumerate() {
            entries.push(regular(format!("{i:064x}/layer.tar").as_bytes(), &l.build(depth)));
        }
        let manifest = document(&self.manifest_instead, || Json::DockerManifest(self.manifest.clone()), self.files.len());
        entries.push(regular(b"manifest.json", &manifest));
        push_blobs(&mut entries, "f", &self.files, depth);
        entries.extend(self.extra.iter().map(|e| e.bytes(depth)));
        tar(entries, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_read_back_with_the_tar_crate() {
        let name: Vec<u8> = [vec![b'a'; 63], "é".as_bytes().to_vec()].concat();
        let h = header(TarFormat::Ustar, b'0', &name, b"", b"", 0o755, 5, SizeEncoding::Octal, Checksum::Right);
        let parsed = tar::Header::from_byte_slice(&h);
        assert_eq!(parsed.path_bytes().as_ref(), &name[..]);
        assert_eq!(parsed.size().unwrap(), 5);
        assert_eq!(parsed.cksum().unwrap(), parsed.as_old().cksum.iter().take_while(|b| **b != 0).fold(0, |a, b| a * 8 + u32::from(b - b'0')));
        let big = header(TarFormat::Gnu, b'0', b"x", b"", b"", 0o755, 1 << 40, SizeEncoding::Base256, Checksum::Right);
        assert_eq!(tar::Header::from_byte_slice(&big).size().unwrap(), 1 << 40);
    }

    #[test]
    fn an_honest_zip_reads_back_with_the_zip_crate() {
        let entry = |name: &str, method| ZipEntry {
            name: Text(name.bytes().map(Piece::Byte).collect()),
            central_name: None,
            method,
            encrypted: false,
            descriptor: false,
            zip64: false,
            crc: Size::Honest,
            compressed: Size::Honest,
            uncompressed: Size::Honest,
            offset: Size::Honest,
            external_attr: 0,
            body: Body::Bytes(b"hello hello hello".to_vec()),
        };
        let end = ZipEnd { count: Size::Honest, cd_size: Size::Honest, cd_offset: Size::Honest, zip64_end: false, comment: Vec::new(), prefix: Vec::new(), cut: Cut::Whole };
        let bytes = zip(&[entry("a", ZipMethod::Stored), entry("dir/b", ZipMethod::Deflated)], &end, 0);
        let mut z = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(z.len(), 2);
        let mut out = String::new();
        std::io::Read::read_to_string(&mut z.by_name("dir/b").unwrap(), &mut out).unwrap();
        assert_eq!(out, "hello hello hello");
    }

    #[test]
    fn stored_xz_reads_back_with_the_xz_reader() {
        use std::io::Read;
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let xz = xz_stored(&data);
        let mut back = Vec::new();
        lzma_rust2::XzReader::new(&xz[..], false).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);
        let mut empty = Vec::new();
        lzma_rust2::XzReader::new(&xz_stored(&[])[..], false).read_to_end(&mut empty).unwrap_or_default();
        assert!(empty.is_empty());
    }

    #[test]
    fn an_honest_deb_reads_back_with_object() {
        let members = vec![(b"debian-binary".to_vec(), Size::Honest, b"2.0\n".to_vec()), (b"a-name-longer-than-sixteen".to_vec(), Size::Honest, b"x".to_vec())];
        let bytes = ar(&members, ArNames::Gnu);
        let archive = object::read::archive::ArchiveFile::parse(&bytes[..]).unwrap();
        let names: Vec<Vec<u8>> = archive.members().map(|m| m.unwrap().name().to_vec()).collect();
        assert_eq!(names, [b"debian-binary".to_vec(), b"a-name-longer-than-sixteen".to_vec()]);
    }
}
