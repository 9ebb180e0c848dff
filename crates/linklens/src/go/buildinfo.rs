//! Go build info (`go version -m`): the blob the linker writes at the start
//! of the data segment, found by its magic. Layout from Go's
//! src/debug/buildinfo/buildinfo.go; line format from runtime/debug/mod.go.

use object::read::ReadRef;

use super::quoted;
use crate::image::{Image, Region};
use crate::offset::{Addr, Len};
use crate::report::{BuildSettings, Module, Setting};
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
        let damage = |part: &'static str, problem: String| BuildinfoDamage { offset: offset.get(), part, problem };
        let mut next = |what: &'static str| -> Result<Vec<u8>, BuildinfoDamage> {
            let room = pos.len_to(end).unwrap_or(Len::ZERO);
            let head = image.bytes(pos, room.min(Len::new(10))).unwrap_or(&[]);
            let mut rest = head;
            let n = read_uvarint(&mut rest).ok_or_else(|| damage(what, "length is not a valid varint".into()))?;
            let varint_len = Len::new((head.len() - rest.len()) as u64);
            let past = || damage(what, format!("length {n} runs past its segment"));
            let start = pos.checked_add(varint_len).ok_or_else(past)?;
            let stop = start.checked_add(Len::new(n)).ok_or_else(past)?;
            if n > MAX_STRING || stop > end {
                return Err(past());
            }
            let s = image.bytes(start, Len::new(n)).ok_or_else(|| damage(what, "is cut short".into()))?.to_vec();
            pos = stop;
            Ok(s)
        };
        (next("version")?, next("module info")?)
    } else {
        if ptr_size != 4 && ptr_size != 8 {
            return Err(BuildinfoDamage { offset: offset.get(), part: "pointer size", problem: format!("is {ptr_size}, not 4 or 8") });
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

    #[test]
    fn varints_are_bounded() {
        let mut b: &[u8] = &[0xff; 12];
        assert_eq!(read_uvarint(&mut b), None);
        let mut b: &[u8] = &[0x96, 0x01, 9];
        assert_eq!(read_uvarint(&mut b), Some(150));
        assert_eq!(b, &[9]);
    }

    #[test]
    fn sentinels_need_a_newline() {
        let framed = [&[b'x'; 16][..], b"path\tp\n", &[b'y'; 16][..]].concat();
        assert_eq!(strip_sentinels(&framed), b"path\tp\n");
        assert_eq!(strip_sentinels(b"short"), b"");
    }
}
