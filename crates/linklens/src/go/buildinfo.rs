//! Go build info (`go version -m`): the blob the linker writes at the start
//! of the data segment, found by its magic. Layout from Go's
//! src/debug/buildinfo/buildinfo.go; line format from runtime/debug/mod.go.

use object::read::ReadRef;

use super::quoted;
use crate::image::{Image, Region};
use crate::offset::{Addr, Len};
use crate::facts::{BuildSettings, Module, Setting};
use crate::vocab::{BuildinfoPart, BuildinfoProblem};
use crate::warning::BuildinfoDamage;

const MAGIC: &[u8; 14] = b"\xff Go buildinf:";
const HEADER_SIZE: usize = 32;
const ALIGN: usize = 16;
const FLAG_BIG_ENDIAN: u8 = 1;
const FLAG_INLINE: u8 = 2;
/// Longer strings than any real build info; a hostile length stops here.
const MAX_STRING: u64 = 16 << 20;
const SEARCH_LIMIT: u64 = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BuildInfo {
    pub version: String,
    pub path: Option<String>,
    pub main: Option<Module>,
    pub deps: Vec<Module>,
    pub settings: Vec<Setting>,
    /// The section it was found in, if it has a name.
    pub section: Option<String>,
    /// File offset of the header.
    pub offset: u64,
}

/// Find and parse the build info. `Ok(None)`: there is none (not Go, or a
/// plugin, c-shared library or a binary built without it). `Err`: the
/// header was found but is damaged.
pub(crate) fn find<'data, R: ReadRef<'data>>(image: &Image<'data, R>, search: super::Search) -> Result<Option<BuildInfo>, BuildinfoDamage> {
    let Some((region, window, at)) = locate(image, search) else { return Ok(None) };
    let header = &window[at..];
    let ptr_size = header[14];
    let flags = header[15];
    let Some(offset) = region.offset.checked_add(Len::new(at as u64)) else { return Ok(None) };
    let (version, modinfo) = if flags & FLAG_INLINE != 0 {
        // Read the two strings by their lengths, not the segment after them.
        let end = region.offset.checked_add(image.avail(region)).unwrap_or(offset);
        let mut pos = offset.checked_add(Len::new(HEADER_SIZE as u64)).unwrap_or(end);
        let damage = |part, problem, value| BuildinfoDamage { offset: offset.get(), part, problem, value };
        let mut next = |what: BuildinfoPart| -> Result<Vec<u8>, BuildinfoDamage> {
            let room = pos.len_to(end).unwrap_or(Len::ZERO);
            let head = image.bytes(pos, room.min(Len::new(10))).unwrap_or(&[]);
            let mut rest = head;
            let n = read_uvarint(&mut rest).ok_or_else(|| damage(what, BuildinfoProblem::BadVarint, 0))?;
            let varint_len = Len::new((head.len() - rest.len()) as u64);
            let past = || damage(what, BuildinfoProblem::PastSegment, n);
            let start = pos.checked_add(varint_len).ok_or_else(past)?;
            let stop = start.checked_add(Len::new(n)).ok_or_else(past)?;
            if n > MAX_STRING || stop > end {
                return Err(past());
            }
            let s = image.bytes(start, Len::new(n)).ok_or_else(|| damage(what, BuildinfoProblem::CutShort, n))?.to_vec();
            pos = stop;
            Ok(s)
        };
        (next(BuildinfoPart::Version)?, next(BuildinfoPart::ModuleInfo)?)
    } else {
        if ptr_size != 4 && ptr_size != 8 {
            return Err(BuildinfoDamage { offset: offset.get(), part: BuildinfoPart::PointerSize, problem: BuildinfoProblem::BadPointerSize, value: ptr_size.into() });
        }
        let big = flags & FLAG_BIG_ENDIAN != 0;
        let version = read_string_pointer(image, header, 16, ptr_size, big);
        let modinfo = read_string_pointer(image, header, 16 + ptr_size as usize, ptr_size, big);
        // PIE builds before Go 1.18 keep these pointers zero until relocated.
        (version.unwrap_or_default(), modinfo.unwrap_or_default())
    };
    let version = String::from_utf8_lossy(&version).into_owned();
    if version.is_empty() {
        return Ok(None);
    }
    let mut info = parse_modinfo(&String::from_utf8_lossy(strip_sentinels(&modinfo)));
    info.version = version;
    info.section = Some(region.name.clone()).filter(|n| !n.is_empty());
    info.offset = offset.get();
    Ok(Some(info))
}

/// cmd/go's frame around the module info (modload's infoStart, infoEnd).
const INFO_START: [u8; 16] = *b"\x30\x77\xaf\x0c\x92\x74\x08\x02\x41\xe1\xc1\x07\xe6\xd6\x18\xe6";
const INFO_END: [u8; 16] = *b"\xf9\x32\x43\x31\x86\x18\x20\x72\x00\x82\x42\x10\x41\x16\xd8\xf2";

/// gccgo's build info: `go build -compiler gccgo` hands the framed module
/// info to the program as a string constant (an init function passes it
/// to runtime.setmodinfo), so it lies in `.rodata` with no header and no
/// version; `go version -m` does not read it. Found near the start of
/// `.rodata` in the fixtures; 1 MiB bounds the search, as for gc.
pub(crate) fn find_gccgo<'data, R: ReadRef<'data>>(image: &Image<'data, R>) -> Option<BuildInfo> {
    let region = image.section(".rodata")?;
    let bytes = image.bytes(region.offset, image.avail(region).min(Len::new(SEARCH_LIMIT)))?;
    let (at, mut info) = gccgo_modinfo(bytes)?;
    info.section = Some(region.name.clone());
    info.offset = region.offset.checked_add(Len::new(at as u64))?.get();
    Some(info)
}

/// The framed module info in `bytes`, and where it starts.
fn gccgo_modinfo(bytes: &[u8]) -> Option<(usize, BuildInfo)> {
    let at = memchr::memmem::find(bytes, &INFO_START)?;
    let body = bytes.get(at + INFO_START.len()..)?;
    let text = body.get(..memchr::memmem::find(body, &INFO_END)?)?;
    // The frame holds lines; a stray match of the 16 bytes would not.
    if !text.ends_with(b"\n") {
        return None;
    }
    let info = parse_modinfo(&String::from_utf8_lossy(text));
    (info.path.is_some() || !info.settings.is_empty()).then_some((at, info))
}

/// Where the linker puts it: its own section; else (no section headers)
/// the start of a writable, non-executable segment — PIE files have two,
/// RELRO data first; else `.data` (PE).
fn locate<'a, 'data, R: ReadRef<'data>>(image: &'a Image<'data, R>, search: super::Search) -> Option<(&'a Region, &'data [u8], usize)> {
    let named = [".go.buildinfo", "__go_buildinfo"].into_iter().filter_map(|n| image.section(n));
    let scan = search == super::Search::Scan;
    let writable = image.segments.iter().filter(move |s| scan && s.writable && !s.executable && s.file_size > Len::ZERO);
    let data = image.section(".data").filter(|_| scan);
    named.chain(writable).chain(data).find_map(|region| {
        // The linker puts it first; 1 MiB bounds the search (and what a
        // lazy reader must fetch) without relying on that.
        let bytes = image.bytes(region.offset, image.avail(region).min(Len::new(SEARCH_LIMIT)))?;
        Some((region, bytes, find_magic(bytes)?))
    })
}

fn find_magic(bytes: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(bytes, MAGIC).find(|&i| i % ALIGN == 0 && bytes.len() - i >= HEADER_SIZE)
}

fn read_uvarint(b: &mut &[u8]) -> Option<u64> {
    let mut v: u64 = 0;
    for (i, &byte) in b.iter().enumerate().take(10) {
        v |= u64::from(byte & 0x7f).checked_shl(7 * i as u32)?;
        if byte < 0x80 {
            *b = &b[i + 1..];
            return Some(v);
        }
    }
    None
}

/// Old format: a pointer to a Go string header {data pointer, length}.
fn read_string_pointer<'data, R: ReadRef<'data>>(
    image: &Image<'data, R>,
    header: &[u8],
    at: usize,
    ptr_size: u8,
    big: bool,
) -> Option<Vec<u8>> {
    let read = |b: &[u8]| crate::image::read_uint(b, ptr_size, big);
    let addr = read(header.get(at..)?)?;
    let (off, avail) = image.addr_to_offset(Addr::new(addr))?;
    let hdr = image.bytes(off, Len::new(2 * u64::from(ptr_size)).min(avail))?;
    let data_addr = read(hdr)?;
    let len = read(hdr.get(ptr_size as usize..)?)?;
    if len > MAX_STRING {
        return None;
    }
    let (off, avail) = image.addr_to_offset(Addr::new(data_addr))?;
    Some(image.bytes(off, Len::new(len).min(avail))?.to_vec())
}

/// The module info is framed by 16 bytes on each side.
fn strip_sentinels(m: &[u8]) -> &[u8] {
    if m.len() >= 33 && m[m.len() - 17] == b'\n' {
        &m[16..m.len() - 16]
    } else {
        &[]
    }
}

fn parse_module(fields: &[&str]) -> Module {
    Module {
        path: fields.first().unwrap_or(&"").to_string(),
        version: fields.get(1).unwrap_or(&"").to_string(),
        sum: fields.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string()),
        replace: None,
    }
}

/// Parse the tab-separated lines of the module info. Unknown lines are
/// skipped: newer Go versions may add some.
pub(crate) fn parse_modinfo(text: &str) -> BuildInfo {
    let mut info = BuildInfo {
        version: String::new(),
        path: None,
        main: None,
        deps: Vec::new(),
        settings: Vec::new(),
        section: None,
        offset: 0,
    };
    // Which module a `=>` line replaces: the main module or the last dep.
    let mut last_is_main = false;
    for line in text.lines() {
        let Some((key, rest)) = line.split_once('\t') else { continue };
        let fields: Vec<&str> = rest.split('\t').collect();
        match key {
            "path" => info.path = Some(rest.to_string()),
            "mod" => {
                info.main = Some(parse_module(&fields));
                last_is_main = true;
            }
            "dep" => {
                info.deps.push(parse_module(&fields));
                last_is_main = false;
            }
            "=>" => {
                let target = if last_is_main { info.main.as_mut() } else { info.deps.last_mut() };
                if let Some(m) = target {
                    m.replace = Some(Box::new(parse_module(&fields)));
                }
            }
            "build" => {
                if let Some(s) = parse_setting(rest) {
                    info.settings.push(s);
                }
            }
            _ => {}
        }
    }
    info
}

/// `KEY=VALUE`, where either side may be quoted by Go's strconv rules.
fn parse_setting(s: &str) -> Option<Setting> {
    let (key, value) = if s.starts_with('"') {
        // A quoted key ends at the first unescaped quote.
        let bytes = s.as_bytes();
        let mut i = 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        let key = quoted::unquote(s.get(..=i)?)?;
        (key, s.get(i + 1..)?.strip_prefix('=')?)
    } else {
        let (k, v) = s.split_once('=')?;
        (k.to_string(), v)
    };
    let value = if value.starts_with('"') { quoted::unquote(value)? } else { value.to_string() };
    Some(Setting { key, value })
}

/// The typed view of the settings that matter for linking.
pub(crate) fn typed_settings(settings: &[Setting]) -> BuildSettings {
    let mut b = BuildSettings::default();
    for s in settings {
        let v = s.value.as_str();
        match s.key.as_str() {
            "CGO_ENABLED" => b.cgo_enabled = Some(v == "1"),
            "-tags" => b.tags = v.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect(),
            "-ldflags" => b.ldflags = Some(v.to_string()),
            "-trimpath" => b.trimpath = v == "true",
            "-buildmode" => b.buildmode = Some(v.to_string()),
            "-compiler" => b.compiler = Some(v.to_string()),
            "GOOS" => b.goos = Some(v.to_string()),
            "GOARCH" => b.goarch = Some(v.to_string()),
            "GOAMD64" | "GOARM" | "GOARM64" | "GO386" | "GOMIPS" | "GOMIPS64" | "GOPPC64" | "GORISCV64" => {
                b.arch_level = Some(s.clone())
            }
            _ => {}
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_module_lines() {
        let text = "path\texample.com/app/cmd/x\nmod\texample.com/app\t(devel)\t\n\
                    dep\tgithub.com/mattn/go-sqlite3\tv1.14.22\th1:abc=\n\
                    dep\texample.com/c\tv0.0.0\t\n=>\t./c\t\t\n\
                    build\t-ldflags=\"-s -w -X 'main.v=1 2'\"\nbuild\tCGO_ENABLED=1\n\
                    build\t\"we=ird\"=x\nbuild\t-tags=netgo,osusergo\nbuild\tGOAMD64=v3\n";
        let info = parse_modinfo(text);
        assert_eq!(info.path.as_deref(), Some("example.com/app/cmd/x"));
        assert_eq!(info.main.as_ref().unwrap().version, "(devel)");
        assert_eq!(info.deps.len(), 2);
        assert_eq!(info.deps[0].sum.as_deref(), Some("h1:abc="));
        assert_eq!(info.deps[1].replace.as_ref().unwrap().path, "./c");
        assert_eq!(info.settings[0].value, "-s -w -X 'main.v=1 2'");
        assert_eq!(info.settings[2].key, "we=ird");
        let b = typed_settings(&info.settings);
        assert_eq!(b.cgo_enabled, Some(true));
        assert_eq!(b.tags, ["netgo", "osusergo"]);
        assert_eq!(b.arch_level.unwrap().value, "v3");
    }

    const MODINFO: &[u8] = b"0w\xaf\x0c\x92t\x08\x02A\xe1\xc1\x07\xe6\xd6\x18\xe6path\texample.com/old\nmod\texample.com/old\t(devel)\t\n\xf92C1\x86\x18 r\x00\x82B\x10A\x16\xd8\xf2";

    /// The build info of Go 1.13–1.17: pointers to Go string headers, all
    /// addresses equal to offsets (one region at address 0).
    fn pointer_format(ptr: u8, big: bool, version: &[u8]) -> Vec<u8> {
        let w = usize::from(ptr);
        let mut b = vec![0u8; 256];
        b[..14].copy_from_slice(MAGIC);
        b[14] = ptr;
        b[15] = if big { FLAG_BIG_ENDIAN } else { 0 };
        let put = |b: &mut Vec<u8>, at: usize, v: u64| {
            let bytes = if big { v.to_be_bytes() } else { v.to_le_bytes() };
            let bytes = if big { &bytes[8 - w..] } else { &bytes[..w] };
            b[at..at + w].copy_from_slice(bytes);
        };
        // Pointers at 16 and 16+w; string headers at 64 and 96; data at 128 and 160.
        put(&mut b, 16, 64);
        put(&mut b, 16 + w, 96);
        put(&mut b, 64, 128);
        put(&mut b, 64 + w, version.len() as u64);
        put(&mut b, 96, 160);
        put(&mut b, 96 + w, MODINFO.len() as u64);
        b[128..128 + version.len()].copy_from_slice(version);
        b.truncate(160);
        b.extend_from_slice(MODINFO);
        b
    }

    fn find_in(bytes: &[u8], writable: bool, big: bool, ptr: u8, search: super::super::Search) -> Result<Option<BuildInfo>, BuildinfoDamage> {
        let image = Image::raw(bytes, writable, big, ptr);
        find(&image, search)
    }

    #[test]
    fn the_pointer_format_of_go_1_17_and_older() {
        use super::super::Search::{NamedOnly, Scan};
        for (ptr, big) in [(8, false), (8, true), (4, false), (4, true)] {
            let b = pointer_format(ptr, big, b"go1.17.13");
            let info = find_in(&b, true, big, ptr, Scan).unwrap().unwrap_or_else(|| panic!("{ptr} {big}"));
            assert_eq!(info.version, "go1.17.13", "{ptr} {big}");
            assert_eq!(info.path.as_deref(), Some("example.com/old"));
            assert_eq!(info.offset, 0);
        }
        let b = pointer_format(8, false, b"go1.17.13");
        // Only where something says Go, and only in writable data.
        assert!(find_in(&b, true, false, 8, NamedOnly).unwrap().is_none());
        assert!(find_in(&b, false, false, 8, Scan).unwrap().is_none());
        // A pointer size that is neither 4 nor 8 is damage, named.
        let mut bad = b.clone();
        bad[14] = 3;
        let e = find_in(&bad, true, false, 8, Scan).unwrap_err();
        assert_eq!((e.part, e.problem, e.value), (BuildinfoPart::PointerSize, BuildinfoProblem::BadPointerSize, 3));
        // A string longer than any real one is not read; nor is an empty version.
        let mut long = b.clone();
        long[72..80].copy_from_slice(&(MAX_STRING + 1).to_le_bytes());
        assert!(find_in(&long, true, false, 8, Scan).unwrap().is_none());
        let mut at_max = pointer_format(8, false, b"go1.17.13");
        at_max[72..80].copy_from_slice(&MAX_STRING.to_le_bytes());
        // MAX_STRING itself is allowed: read what the file holds.
        assert!(find_in(&at_max, true, false, 8, Scan).unwrap().is_some_and(|i| i.version.starts_with("go1.17.13")));
    }

    #[test]
    fn the_magic_must_be_aligned_and_whole() {
        use super::super::Search::Scan;
        // A stray magic at an odd offset comes first; the real one at 64.
        let real = pointer_format(8, false, b"go1.17.13");
        let mut b = vec![0u8; 64];
        b[1..15].copy_from_slice(MAGIC);
        let shift = |v: &[u8]| {
            // Move every address by 64: rebuild at the new base.
            let mut out = v.to_vec();
            for at in [16usize, 24, 64, 96] {
                let x = u64::from_le_bytes(out[at..at + 8].try_into().unwrap()) + 64;
                out[at..at + 8].copy_from_slice(&x.to_le_bytes());
            }
            out
        };
        b.extend_from_slice(&shift(&real));
        let info = find_in(&b, true, false, 8, Scan).unwrap().expect("the aligned one");
        assert_eq!(info.offset, 64);
        // A magic whose header would run past the end is not one.
        let mut cut = vec![0u8; 48];
        cut[32..46].copy_from_slice(MAGIC);
        assert!(find_in(&cut, true, false, 8, Scan).unwrap().is_none());
    }

    #[test]
    fn inline_strings_may_end_at_the_segment_end() {
        use super::super::Search::Scan;
        let mut b = vec![0u8; 32];
        b[..14].copy_from_slice(MAGIC);
        b[14] = 8;
        b[15] = FLAG_INLINE;
        b.push(9);
        b.extend_from_slice(b"go1.26.8x");
        b.truncate(b.len() - 1);
        b.push(b'8');
        b.push(MODINFO.len() as u8);
        b.extend_from_slice(MODINFO);
        let info = find_in(&b, true, false, 8, Scan).unwrap().expect("build info");
        assert_eq!(info.version, "go1.26.88");
        assert_eq!(info.path.as_deref(), Some("example.com/old"));
        // One byte short: named damage.
        b.pop();
        let e = find_in(&b, true, false, 8, Scan).unwrap_err();
        assert_eq!((e.part, e.problem), (BuildinfoPart::ModuleInfo, BuildinfoProblem::PastSegment));
    }

    #[test]
    fn inline_strings_are_bounded_even_inside_their_segment() {
        use super::super::Search::Scan;
        // A version string of exactly MAX_STRING bytes is read; one more is
        // refused as running past, even though the segment holds it.
        let build = |n: u64| {
            let mut b = vec![0u8; 32];
            b[..14].copy_from_slice(MAGIC);
            b[14] = 8;
            b[15] = FLAG_INLINE;
            let mut v = n;
            while v >= 0x80 {
                b.push((v as u8) | 0x80);
                v >>= 7;
            }
            b.push(v as u8);
            b.resize(b.len() + n as usize, b'g');
            b.push(MODINFO.len() as u8);
            b.extend_from_slice(MODINFO);
            b
        };
        let at_max = find_in(&build(MAX_STRING), true, false, 8, Scan).unwrap().expect("build info");
        assert_eq!(at_max.version.len() as u64, MAX_STRING);
        let e = find_in(&build(MAX_STRING + 1), true, false, 8, Scan).unwrap_err();
        assert_eq!((e.problem, e.value), (BuildinfoProblem::PastSegment, MAX_STRING + 1));
    }

    #[test]
    fn quoted_setting_keys() {
        let s = parse_setting(r#""a\"b=c"=d"#).unwrap();
        assert_eq!((s.key.as_str(), s.value.as_str()), ("a\"b=c", "d"));
        assert_eq!(parse_setting(r#""unterminated=x"#), None);
        assert_eq!(parse_setting(r#""ends with \"#), None);
    }

    #[test]
    fn varints_are_bounded() {
        let mut b: &[u8] = &[0xff; 12];
        assert_eq!(read_uvarint(&mut b), None);
        let mut b: &[u8] = &[0x96, 0x01, 9];
        assert_eq!(read_uvarint(&mut b), Some(150));
        assert_eq!(b, &[9]);
    }

    #[test]
    fn gccgo_module_info_is_read_between_its_frames_only() {
        let framed = |body: &[u8]| [b"junk".as_slice(), &INFO_START, body, &INFO_END, b"tail"].concat();
        let (at, info) = gccgo_modinfo(&framed(b"path\tex.com/x\nbuild\t-compiler=gccgo\n")).expect("read");
        assert_eq!((at, info.path.as_deref(), info.settings.len()), (4, Some("ex.com/x"), 1));
        assert!(gccgo_modinfo(&framed(b"path\tex.com/x")).is_none(), "not lines");
        assert!(gccgo_modinfo(&framed(b"\n")).is_none(), "nothing in it");
        let cut = framed(b"path\tex.com/x\n");
        assert!(gccgo_modinfo(&cut[..cut.len() - 10]).is_none(), "no end frame");
        assert!(gccgo_modinfo(&INFO_START).is_none());
    }

    #[test]
    fn sentinels_need_a_newline() {
        let framed = [&[b'x'; 16][..], b"path\tp\n", &[b'y'; 16][..]].concat();
        assert_eq!(strip_sentinels(&framed), b"path\tp\n");
        assert_eq!(strip_sentinels(b"short"), b"");
    }
}
