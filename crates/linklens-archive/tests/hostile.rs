//! Hostile archives: every limit gives its own error, never a panic, a
//! hang or an allocation the size of a lie. Built here, byte by byte where
//! the writing crates refuse to write something so wrong.

use std::io::{Cursor, Write};

use linklens::archive::{ArchiveErrorId, ArchiveFormat, ArchiveReport, ImageReasonId, ImageVerdict};
use linklens_archive::Limits;

fn open_with(bytes: &[u8], limits: &Limits) -> ArchiveReport {
    linklens_archive::open(&mut Cursor::new(bytes), bytes.len() as u64, limits, None).expect("an archive")
}

fn open(bytes: &[u8]) -> ArchiveReport {
    open_with(bytes, &Limits::default())
}

/// Leave a hostile archive and what the walker made of it (default
/// limits, as the CLI and the page's worker use) in
/// target/hostile-archives/, where the browser tests drop them all into
/// the page: the worker must give the same answer (web/tests/app.test.mjs).
fn keep(slug: &str, bytes: &[u8]) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/hostile-archives");
    std::fs::create_dir_all(&dir).unwrap();
    let Some(r) = linklens_archive::open(&mut Cursor::new(bytes), bytes.len() as u64, &Limits::default(), None) else { return };
    let words = linklens_explain::archive::explain_archive(&r);
    let outcome = serde_json::json!({
        "format": r.format.as_str(),
        "members": r.members.len(),
        "images": r.images.len(),
        "errors": r.errors.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        // The words too: the page must say what the CLI says.
        "error_messages": words.errors,
        "image_reasons": words.images.iter().map(|w| &w.reason).collect::<Vec<_>>(),
    });
    std::fs::write(dir.join(format!("{slug}.bin")), bytes).unwrap();
    std::fs::write(dir.join(format!("{slug}.json")), outcome.to_string()).unwrap();
}

fn ids(r: &ArchiveReport) -> Vec<ArchiveErrorId> {
    r.errors.iter().map(|e| e.id).collect()
}

/// A tiny ELF header: enough for the walker to call it a binary.
fn elf() -> Vec<u8> {
    let mut v = b"\x7fELF\x02\x01\x01\0".to_vec();
    v.resize(64, 0);
    v
}

fn tar(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (path, data) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o755);
        h.set_entry_type(tar::EntryType::Regular);
        b.append_data(&mut h, path, *data).unwrap();
    }
    b.into_inner().unwrap()
}

/// A tar entry whose name is written raw (the builder refuses `..`).
fn raw_tar(names: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for name in names {
        let mut h = tar::Header::new_ustar();
        h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        h.set_size(64);
        h.set_mode(0o755);
        h.set_entry_type(tar::EntryType::Regular);
        h.set_cksum();
        out.extend_from_slice(h.as_bytes());
        let mut data = elf();
        data.resize(512, 0);
        out.extend_from_slice(&data);
    }
    out.extend_from_slice(&[0; 1024]);
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn xz(data: &[u8]) -> Vec<u8> {
    let mut w = lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::with_preset(1)).unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap()
}

fn zstd(data: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
}

fn zip_stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}


/// An error's sentence, as the CLI and the page word it.
fn message(e: &linklens::archive::ArchiveError) -> String {
    linklens_explain::archive::error_message(e)
}

#[test]
fn a_gzip_bomb_stops_at_the_ratio() {
    // 128 MiB of zeros in a tar, about 130 KiB compressed: over 1000:1.
    let zeros = vec![0u8; 128 << 20];
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(&tar(&[("zeros", &zeros)])).unwrap();
    let bomb = e.finish().unwrap();
    assert!(bomb.len() < 1 << 20);
    let r = open(&bomb);
    assert!(ids(&r).contains(&ArchiveErrorId::Bomb), "{:?}", r.errors);
    assert!(r.bytes_scanned < 100 << 20, "stopped early: {}", r.bytes_scanned);
}

#[test]
fn the_total_decompressed_is_capped() {
    let limits = Limits { max_total: 1 << 20, ..Limits::default() };
    let data = vec![7u8; 3 << 20];
    let r = open_with(&gzip(&tar(&[("a", &data), ("b", &elf())])), &limits);
    assert_eq!(ids(&r), [ArchiveErrorId::TooBig], "{:?}", r.errors);
    assert!(message(&r.errors[0]).contains("1 MiB"), "{}", message(&r.errors[0]));
    assert!(r.members.is_empty(), "nothing after the limit");
}

#[test]
fn members_are_counted_and_capped() {
    let names: Vec<String> = (0..50).map(|i| format!("f{i}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let limits = Limits { max_members: 10, ..Limits::default() };
    let r = open_with(&tar(&entries), &limits);
    assert_eq!(ids(&r), [ArchiveErrorId::TooManyMembers]);
    assert_eq!(r.files, 11, "stops at the first one past the limit");
}

#[test]
fn traversal_and_absolute_paths_are_named_not_followed() {
    let r = open(&raw_tar(&["../../etc/cron.d/x", "/usr/bin/abs", "ok/bin"]));
    assert_eq!(ids(&r), [ArchiveErrorId::Traversal, ArchiveErrorId::AbsolutePath]);
    assert!(message(&r.errors[0]).contains("../../etc/cron.d/x"), "{}", message(&r.errors[0]));
    let paths: Vec<&str> = r.members.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(paths, ["ok/bin"]);
    // The same through a compressed stream.
    let r = open(&gzip(&raw_tar(&["a/../../b"])));
    assert_eq!(ids(&r), [ArchiveErrorId::Traversal]);
}

#[test]
fn errors_are_one_per_id_and_path_and_a_thousand_at_most() {
    // The same refusal twice is said once; the same id at two paths, twice.
    let r = open(&raw_tar(&["/a", "/a", "/b"]));
    let said: Vec<(ArchiveErrorId, Option<&str>)> = r.errors.iter().map(|e| (e.id, e.path.as_deref())).collect();
    assert_eq!(said, [(ArchiveErrorId::AbsolutePath, Some("/a")), (ArchiveErrorId::AbsolutePath, Some("/b"))]);
    // A bomb of refused paths does not become as many errors.
    let names: Vec<String> = (0..1001).map(|i| format!("/p{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let r = open(&raw_tar(&refs));
    assert_eq!(r.errors.len(), 1000);
    assert_eq!(r.errors.last().and_then(|e| e.path.as_deref()), Some("/p999"));
}

#[test]
fn a_nested_archive_s_damage_is_named_at_its_path() {
    let r = open(&tar(&[("inner.zip", b"PK\x03\x04not a zip at all"), ("inner.tar.gz", b"\x1f\x8b\x08\0garbage-garbage")]));
    let mut at: Vec<(ArchiveErrorId, Option<&str>)> = r.errors.iter().map(|e| (e.id, e.path.as_deref())).collect();
    at.sort();
    assert_eq!(at, [(ArchiveErrorId::Corrupt, Some("inner.tar.gz")), (ArchiveErrorId::Corrupt, Some("inner.zip"))], "{:?}", r.errors);
}

#[test]
fn long_paths_are_refused() {
    let long = "d/".repeat(3000) + "bin";
    let r = open(&tar(&[(&long, &elf())]));
    assert_eq!(ids(&r), [ArchiveErrorId::PathTooLong]);
    assert!(message(&r.errors[0]).len() < 400, "the path is shortened in the message");
}

#[test]
fn nesting_stops_at_the_depth_limit() {
    let mut inner = zip_stored(&[("bin", &elf())]);
    for i in 0..4 {
        inner = zip_stored(&[(&format!("z{i}.zip"), &inner)]);
    }
    let r = open(&inner);
    assert_eq!(ids(&r), [ArchiveErrorId::TooDeep], "{:?}", r.errors);
    assert!(r.members.is_empty());
    // Three levels are read.
    let three = zip_stored(&[("a.zip", &zip_stored(&[("b.tar", &tar(&[("bin", &elf())]))]))]);
    let r = open(&three);
    assert_eq!(r.members.len(), 1, "{:?}", r.errors);
    assert_eq!(r.members[0].path, "a.zip!/b.tar!/bin");
}

/// An `ar` archive (System V, as `ar rc` writes it).
fn ar(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = b"!<arch>\n".to_vec();
    for (name, data) in members {
        out.extend_from_slice(format!("{:<16}{:<12}{:<6}{:<6}{:<8}{:<10}`\n", format!("{name}/"), 0, 0, 0, 644, data.len()).as_bytes());
        out.extend_from_slice(data);
        if data.len() % 2 == 1 {
            out.push(b'\n');
        }
    }
    out
}

#[test]
fn nesting_is_counted_in_every_container_and_every_walk() {
    // Three levels deep is read; the fourth container is not opened.
    let nest = |wrap: &dyn Fn(&str, &[u8]) -> Vec<u8>| {
        let mut inner = elf();
        for name in ["bin", "c", "b", "a"] {
            inner = wrap(name, &inner);
        }
        inner
    };
    let tars = nest(&|name, data| tar(&[(name, data)]));
    let ars = nest(&|name, data| ar(&[(name, data)]));
    // The outermost tar cut short is read front to back: the same depths.
    let mut cut = tars.clone();
    cut.truncate(cut.len() - 1024);
    let mut h = tar::Header::new_gnu();
    h.set_path("cut").unwrap();
    h.set_size(10_000);
    h.set_cksum();
    cut.extend_from_slice(h.as_bytes());
    cut.extend_from_slice(&[1; 100]);
    for (what, bytes) in [("tar", tars.clone()), ("gzipped tar", gzip(&tars)), ("ar", ars), ("cut tar", cut)] {
        let r = open(&bytes);
        let deep: Vec<(ArchiveErrorId, Option<&str>)> = r.errors.iter().filter(|e| e.id == ArchiveErrorId::TooDeep).map(|e| (e.id, e.path.as_deref())).collect();
        assert_eq!(deep, [(ArchiveErrorId::TooDeep, Some("a!/b!/c"))], "{what}: {:?}", r.errors);
        assert!(r.members.is_empty(), "{what}");
    }
    // One level less: the binary is read.
    let mut three = elf();
    for name in ["bin", "c", "b"] {
        three = ar(&[(name, &three)]);
    }
    assert_eq!(open(&three).members.iter().map(|m| m.path.as_str()).collect::<Vec<_>>(), ["b!/c!/bin"]);
}

#[test]
fn the_chain_names_four_formats_at_most() {
    let limits = Limits { max_compressions: 8, ..Limits::default() };
    let mut deep = tar(&[("bin", &elf())]);
    for _ in 0..5 {
        deep = gzip(&deep);
    }
    let r = open_with(&deep, &limits);
    assert_eq!(r.chain, [ArchiveFormat::Gzip; 4]);
    assert_eq!(r.members.len(), 1);
}

#[test]
fn a_path_of_the_longest_length_allowed_is_read() {
    let limits = Limits { max_path: 12, ..Limits::default() };
    let r = open_with(&tar(&[("abcdefgh/bin", &elf()), ("abcdefgh/bin2", &elf())]), &limits);
    assert_eq!(r.members.iter().map(|m| m.path.as_str()).collect::<Vec<_>>(), ["abcdefgh/bin"]);
    assert_eq!(ids(&r), [ArchiveErrorId::PathTooLong]);
}

#[test]
fn members_are_counted_by_kind_and_a_refused_binary_keeps_its_reason() {
    let go = {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/bin/hello-default-go1.26.gz");
        let mut raw = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&std::fs::read(path).unwrap()[..]), &mut raw).unwrap();
        raw
    };
    let mut progress = Vec::new();
    let t = tar(&[("go", &go), ("go2", &go), ("short", &go[..100]), ("text", b"hello")]);
    let mut record = |p: linklens_archive::Progress| progress.push(p);
    let r = linklens_archive::open(&mut Cursor::new(&t), t.len() as u64, &Limits::default(), Some(&mut record)).unwrap();
    assert_eq!((r.files, r.elf, r.go, r.dynamic), (4, 3, 2, 0));
    // A binary cut after 100 bytes: a member with the analysis's own error.
    let short = r.members.iter().find(|m| m.path == "short").unwrap();
    assert!(short.error.as_ref().is_some_and(|e| e.id == ArchiveErrorId::Analysis && e.analysis.is_some()), "{short:?}");
    assert!(message(short.error.as_ref().unwrap()).starts_with("short: "), "{}", message(short.error.as_ref().unwrap()));
    // Progress is told as the walk goes, and ends where the report does.
    assert!(progress.len() >= 3, "{progress:?}");
    let last = progress.last().unwrap();
    assert_eq!((last.elf, last.files, last.bytes), (3, 4, r.bytes_scanned));
    assert!(r.bytes_scanned > go.len() as u64, "{}", r.bytes_scanned);
}

#[test]
fn a_tar_without_its_end_blocks_is_whole_and_read_in_place() {
    // GNU tar writes two zero blocks at the end; some writers do not. The
    // last member's padded data ends at the file's end: nothing is missing.
    let mut t = tar(&[("a", &elf()), ("b", &elf())]);
    while t.ends_with(&[0; 512]) && t.len() > 512 * 4 {
        t.truncate(t.len() - 512);
    }
    assert_eq!(t.len(), 4 * 512);
    let r = open(&t);
    assert!(r.errors.is_empty() && r.members.len() == 2, "{r:?}");
    let gz = gzip(&t);
    let limits = Limits::default();
    let mut feed = linklens_archive::Feed::new(ArchiveFormat::Gzip, &limits, None).unwrap();
    assert_eq!(feed.push(gz.len() as u64, &t), linklens_archive::Fed::More);
    let fed = feed.finish(gz.len() as u64);
    assert!(fed.is_some_and(|d| d.members.len() == 2), "walked as decoded by the page");
}

#[test]
fn a_stored_zip_member_that_lies_about_its_size_is_not_read_in_place() {
    // Stored members are read where they lie when both sizes agree; a
    // member whose compressed size says less goes through the zip reader,
    // which refuses it.
    let mut z = zip_stored(&[("bin", &elf())]);
    let central = z.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    z[central + 20..central + 24].copy_from_slice(&32u32.to_le_bytes());
    let at = z.windows(4).position(|w| w == b"PK\x03\x04").unwrap();
    z[at + 18..at + 22].copy_from_slice(&32u32.to_le_bytes());
    let r = open(&z);
    assert!(r.members.is_empty(), "{:?}", r.members);
    assert!(!r.errors.is_empty());
}

#[test]
fn compression_inside_compression_is_capped() {
    let twice = gzip(&gzip(&elf()));
    assert_eq!(open(&twice).members.len(), 1);
    let thrice = gzip(&gzip(&gzip(&elf())));
    let r = open(&thrice);
    assert_eq!(ids(&r), [ArchiveErrorId::TooDeep]);
}

#[test]
fn encrypted_zip_members_are_named() {
    let mut z = zip_stored(&[("secret", &elf())]);
    // Set "encrypted" (general purpose bit 0) in the local and central headers.
    for sig in [&b"PK\x03\x04"[..], b"PK\x01\x02"] {
        let at = z.windows(4).position(|w| w == sig).unwrap();
        let flags = if sig[2] == 3 { at + 6 } else { at + 8 };
        z[flags] |= 1;
    }
    let r = open(&z);
    assert_eq!(ids(&r), [ArchiveErrorId::Encrypted], "{:?}", r.errors);
}

#[test]
fn truncated_and_damaged_streams_say_so() {
    let whole = gzip(&tar(&[("a", &elf()), ("b", &vec![1u8; 200_000])]));
    let r = open(&whole[..whole.len() / 2]);
    assert!(ids(&r).contains(&ArchiveErrorId::Truncated), "{:?}", r.errors);
    assert_eq!(r.members.len(), 1, "what came before the cut is kept");
    for junk in [&b"\x1f\x8b\x08\0garbage-garbage-garbage"[..], b"PK\x03\x04not a zip at all", b"\xfd7zXZ\0\0\x01junk", b"(\xb5/\xfdjunkjunk", b"!<arch>\ndebian-binary   x"] {
        let r = open(junk);
        assert!(!r.errors.is_empty(), "{junk:?}");
        assert!(r.errors.iter().all(|e| matches!(e.id, ArchiveErrorId::Corrupt | ArchiveErrorId::Truncated)), "{:?}", r.errors);
    }
}

/// An error quotes a reader's words, and says whose: the reader that
/// refused the bytes, even when its error reached the walk through the
/// reader around it (a gzip member of a tar, a tar inside gzip).
#[test]
fn whose_words_an_error_quotes_is_named() {
    use linklens::archive::Reader;
    let said = |r: &ArchiveReport| r.errors.iter().map(|e| (e.id, e.said_by, e.detail.is_some())).collect::<Vec<_>>();
    let body = tar(&[("a", &elf()), ("b", &vec![1u8; 200_000])]);
    let gz = gzip(&body);
    assert_eq!(said(&open(&gz[..gz.len() / 2])), [(ArchiveErrorId::Truncated, Some(Reader::Gzip), true)]);
    let x = xz(&body);
    assert_eq!(said(&open(&x[..x.len() / 2])), [(ArchiveErrorId::Truncated, Some(Reader::Xz), true)]);
    // A second zstd frame cut inside its magic (after a binary, read to
    // its end): linklens's own refusal, no words.
    let mut z = zstd(&elf());
    z.extend_from_slice(&[0x28, 0xb5]);
    assert_eq!(said(&open(&z)), [(ArchiveErrorId::Truncated, Some(Reader::Zstd), false)]);
    // A tar whose second header is damaged: the tar reader's words, read
    // in place or inside gzip (the gzip stream itself is whole).
    let mut damaged = body.clone();
    damaged[512 + elf().len().div_ceil(512) * 512 + 10] ^= 0x55;
    for bytes in [damaged.clone(), gzip(&damaged)] {
        let r = open(&bytes);
        assert_eq!(said(&r), [(ArchiveErrorId::Corrupt, Some(Reader::Tar), true)]);
        assert!(message(&r.errors[0]).contains("the tar reader says \u{201c}"), "{}", message(&r.errors[0]));
    }
    // A cut gzip member of a tar: the member's decoder, named at its path.
    let inner = gzip(&elf());
    let r = open(&tar(&[("inner.gz", &inner[..inner.len() / 2])]));
    assert_eq!(said(&r), [(ArchiveErrorId::Truncated, Some(Reader::Gzip), true)]);
    assert_eq!(r.errors[0].path.as_deref(), Some("inner.gz"));
    // The zip and ar readers; the JSON parser of an image's config.
    assert_eq!(said(&open(b"PK\x03\x04not a zip at all")), [(ArchiveErrorId::Corrupt, Some(Reader::Zip), true)]);
    assert_eq!(said(&open(b"!<arch>\ndebian-binary   x")), [(ArchiveErrorId::Corrupt, Some(Reader::Ar), true)]);
    let r = open(&tar(&[("manifest.json", br#"[{"Config":"config.json","Layers":[]}]"#), ("config.json", b"not json")]));
    assert_eq!(said(&r), [(ArchiveErrorId::ImageManifest, Some(Reader::Json), true)]);
    assert!(message(&r.errors[0]).contains("the JSON parser says"), "{}", message(&r.errors[0]));
    // Limits and refused paths are linklens's own findings: no reader named.
    let r = open(&raw_tar(&["/etc/passwd"]));
    assert!(r.errors.iter().all(|e| e.said_by.is_none() && e.detail.is_none()), "{:?}", r.errors);
}

/// A skippable zstd frame (`0x184D2A5?`, a length, that many bytes).
fn skippable(len: u32, have: usize) -> Vec<u8> {
    let mut f = vec![0x53, 0x2a, 0x4d, 0x18];
    f.extend_from_slice(&len.to_le_bytes());
    f.extend(std::iter::repeat_n(0u8, have));
    f
}

#[test]
fn zstd_frames_are_read_in_turn_and_skippable_ones_skipped() {
    // A tar split over two frames with a skippable frame between them,
    // as `zstd` writes metadata (and `cat a.zst b.zst` is one stream).
    let t = tar(&[("a", &elf()), ("b", &elf())]);
    let (first, second) = t.split_at(t.len() / 2);
    let mut z = zstd(first);
    z.extend(skippable(16, 16));
    z.extend(zstd(second));
    let r = open(&z);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.members.len(), 2);
    // Bytes that are no frame after one: the zstd decoder's refusal, in its words.
    let mut junk = zstd(&elf());
    junk.extend_from_slice(b"PK\x03\x04 no frame at all");
    let r = open(&junk);
    assert_eq!(r.errors.iter().map(|e| (e.id, e.said_by, e.detail.is_some())).collect::<Vec<_>>(), [(ArchiveErrorId::Corrupt, Some(linklens::archive::Reader::Zstd), true)]);
    // A skippable frame cut short: linklens's own refusal.
    let mut cut = zstd(&elf());
    cut.extend(skippable(100, 10));
    let r = open(&cut);
    assert_eq!(r.errors.iter().map(|e| (e.id, e.said_by, e.detail.is_some())).collect::<Vec<_>>(), [(ArchiveErrorId::Truncated, Some(linklens::archive::Reader::Zstd), false)]);
}

/// A `docker save` tar built by hand: one layer, a config.
fn image(layer: &[u8], config: &str) -> Vec<u8> {
    let manifest = r#"[{"Config":"config.json","RepoTags":["evil:1"],"Layers":["layer.tar"]}]"#;
    tar(&[("manifest.json", manifest.as_bytes()), ("config.json", config.as_bytes()), ("layer.tar", layer)])
}

fn layer_with_links(links: &[(&str, &str)]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (path, target) in links {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::Symlink);
        h.set_size(0);
        b.append_link(&mut h, path, target).unwrap();
    }
    b.into_inner().unwrap()
}

#[test]
fn image_symlink_loops_end() {
    let layer = layer_with_links(&[("app", "b"), ("b", "/c"), ("c", "app")]);
    let r = open(&image(&layer, r#"{"architecture":"amd64","os":"linux","config":{"Entrypoint":["/app"]}}"#));
    assert_eq!(r.images.len(), 1, "{:?}", r.errors);
    assert_eq!(r.images[0].verdict, ImageVerdict::Fails);
    assert_eq!(r.images[0].reason_id, ImageReasonId::SymlinkLoop);
    assert!(linklens_explain::archive::explain_archive(&r).images[0].error.as_deref().unwrap().contains("too many levels of symbolic links"));
}

#[test]
fn hostile_manifests_give_an_error() {
    for (manifest, config, id) in [
        (r#"{"not":"a list"}"#, "{}", ArchiveErrorId::ImageNotAList),
        (r#"[{"Layers":[]}]"#, "{}", ArchiveErrorId::ImageNoConfig),
        (r#"[{"Config":"missing.json","Layers":[]}]"#, "{}", ArchiveErrorId::ImageMissing),
        (r#"[{"Config":"config.json","Layers":[]}]"#, "not json", ArchiveErrorId::ImageManifest),
    ] {
        let t = tar(&[("manifest.json", manifest.as_bytes()), ("config.json", config.as_bytes())]);
        let r = open(&t);
        assert_eq!(ids(&r), [id], "{manifest}");
        assert!(!message(&r.errors[0]).contains('{'), "{}", message(&r.errors[0]));
    }
    // A layer the manifest names but the tar lacks; a digest that is a path.
    let t = tar(&[("manifest.json", br#"[{"Config":"c.json","Layers":["nope.tar"]}]"#), ("c.json", b"{}")]);
    assert_eq!(ids(&open(&t)), [ArchiveErrorId::ImageMissing]);
    let index = br#"{"manifests":[{"digest":"sha256:../../../etc/passwd"}]}"#;
    let t = tar(&[("oci-layout", b"{}"), ("index.json", index)]);
    assert_eq!(ids(&open(&t)), [ArchiveErrorId::ImageBadDigest]);
    // An index that lists itself.
    let selfish = br#"{"manifests":[{"digest":"sha256:aa"},{"digest":"sha256:aa"}]}"#;
    let t = tar(&[("oci-layout", b"{}"), ("index.json", selfish), ("blobs/sha256/aa", selfish)]);
    assert_eq!(ids(&open(&t)), [ArchiveErrorId::ImageIndexTooDeep]);
    // An image with no entrypoint is unknown, not an error.
    let r = open(&image(&tar(&[]), r#"{"architecture":"amd64","os":"linux","config":{}}"#));
    assert_eq!(r.images[0].verdict, ImageVerdict::Unknown);
    assert_eq!(r.images[0].reason_id, ImageReasonId::NoEntrypoint);
}

#[test]
fn json_bigger_than_the_limit_is_not_read() {
    let big = format!("[{}]", " ".repeat(2 << 20));
    let t = tar(&[("manifest.json", big.as_bytes())]);
    let r = open_with(&t, &Limits { max_json: 1 << 20, ..Limits::default() });
    assert_eq!(ids(&r), [ArchiveErrorId::ImageJsonTooBig]);
    assert!(message(&r.errors[0]).contains("1 MiB"), "{}", message(&r.errors[0]));
}

#[test]
fn a_big_stream_member_is_refused_not_held() {
    let mut big = elf();
    big.resize(3 << 20, 0);
    let limits = Limits { max_member: 1 << 20, ..Limits::default() };
    let r = open_with(&gzip(&tar(&[("big", &big), ("small", &elf())])), &limits);
    assert_eq!(ids(&r), [ArchiveErrorId::MemberTooBig]);
    assert_eq!(r.members.len(), 1, "the next member is still read");
}

/// A raw ustar header with `name` written as bytes, no data.
fn raw_header(name: &[u8]) -> Vec<u8> {
    let mut h = tar::Header::new_ustar();
    h.as_old_mut().name[..name.len()].copy_from_slice(name);
    h.set_size(0);
    h.set_mode(0o644);
    h.set_entry_type(tar::EntryType::Regular);
    h.set_cksum();
    let mut out = h.as_bytes().to_vec();
    out.extend_from_slice(&[0; 1024]);
    out
}

#[test]
fn a_multibyte_character_across_the_layer_id_is_not_a_panic() {
    // 63 hex digits then a two-byte character: byte 64 falls inside it
    // (found by hand in a 108-byte .tar.gz; the same through xz and zstd).
    let mut name = vec![b'a'; 63];
    name.extend_from_slice("é".as_bytes());
    for (codec, compressed) in [("gz", gzip(&raw_header(&name))), ("xz", xz(&raw_header(&name))), ("zst", zstd(&raw_header(&name)))] {
        let r = open(&compressed);
        assert_eq!(r.elf, 0);
        assert!(r.images.is_empty());
        keep(&format!("multibyte-at-64-{codec}"), &compressed);
    }
    // Any bytes in a name: an invalid UTF-8 sequence at the same place.
    let mut name = vec![b'f'; 63];
    name.extend_from_slice(&[0xe2, 0x82]);
    open(&gzip(&raw_header(&name)));
}

/// Braces in a name are the name's: a catalogue sentence is filled once,
/// so an entrypoint or a path spelled like a placeholder is shown as it is
/// and never filled in turn (found by `archive_structured`, whose own check
/// took an input's brace for an unfilled placeholder).
#[test]
fn a_name_spelled_like_a_placeholder_is_shown_as_it_is() {
    let config = r#"{"architecture":"amd64","os":"linux","config":{"Entrypoint":["/app{program}{loader}{"]}}"#;
    let bytes = image(&tar(&[("other", b"x")]), config);
    let r = open(&bytes);
    assert_eq!(r.images.len(), 1, "{:?}", r.errors);
    assert_eq!(r.images[0].reason_id, ImageReasonId::EntrypointMissing);
    let words = linklens_explain::archive::explain_archive(&r);
    assert_eq!(words.images[0].reason, "/app{program}{loader}{ is not in the image.");
    keep("placeholder-in-entrypoint", &bytes);
    let r = open(&raw_tar(&["../{path}/{limit}"]));
    assert_eq!(ids(&r), [ArchiveErrorId::Traversal]);
    let said = message(&r.errors[0]);
    assert_eq!(said.matches("../{path}/{limit}").count(), 1, "{said}");
    assert!(said.starts_with("../{path}/{limit} climbs out"), "{said}");
}

/// The structure-aware generator the `archive_structured` fuzz target uses,
/// driven by a fixed pseudo-random stream: a quick run of the same search
/// on every `cargo xtask test`, and proof that it makes archives the walker
/// reads (members found, images judged, errors of several kinds), else the
/// fuzzer would only test rejection.
#[test]
fn structured_archives_from_the_generator() {
    use arbitrary::{Arbitrary, Unstructured};
    use linklens_archive::fuzzing::Spec;
    let limits = Limits { max_total: 64 << 20, max_ratio: 100, ratio_floor: 64 << 10, max_members: 1000, max_member: 16 << 20, max_json: 1 << 20, ..Limits::default() };
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut noise = vec![0u8; 8192];
    let (mut archives, mut members, mut images) = (0, 0, 0);
    let mut kinds = std::collections::BTreeSet::new();
    let runs = 1000;
    for i in 0..runs {
        linklens::fuzzing::noise(&mut state, &mut noise);
        let Ok(spec) = Spec::arbitrary(&mut Unstructured::new(&noise)) else { continue };
        let bytes = spec.build();
        let Some(r) = linklens_archive::open(&mut Cursor::new(&bytes), bytes.len() as u64, &limits, None) else { continue };
        // Some of them for the page's worker too (small ones: the browser
        // test drops them all at once).
        if i % 25 == 0 && bytes.len() < 1 << 20 {
            keep(&format!("generated-{i:04}"), &bytes);
        }
        archives += 1;
        members += usize::from(r.files > 0);
        images += usize::from(matches!(r.format, ArchiveFormat::OciLayout | ArchiveFormat::DockerArchive));
        for e in &r.errors {
            let m = message(e);
            assert!(!m.is_empty() && !["{path}", "{limit}", "{detail}"].iter().any(|p| m.contains(p)), "generated archive {i}: {e:?}");
            kinds.insert(e.id);
        }
    }
    eprintln!("{runs} generated: {archives} archives, {members} with members, {images} images, error kinds {kinds:?}");
    assert!(archives > runs / 3 && members > runs / 10 && images > runs / 50, "{archives} archives, {members} with members, {images} images");
    assert!(kinds.len() >= 4, "{kinds:?}");
}

/// The generator's image shapes are ones the image reader follows to the
/// end: an OCI layout whose index names a manifest, its config and a layer
/// holding the entrypoint, judged.
#[test]
fn a_generated_oci_layout_is_judged() {
    use linklens_archive::fuzzing::*;
    let text = |s: &str| Text(s.bytes().map(Piece::Byte).collect());
    let app = TarEntry {
        format: TarFormat::Ustar,
        kind: TarType::Regular,
        name: text("app"),
        prefix: None,
        link: None,
        mode: 0o755,
        size: Size::Honest,
        encoding: SizeEncoding::Octal,
        checksum: Checksum::Right,
        long_name: None,
        pax: None,
        body: Body::ElfHead(3),
    };
    let config = Config { os: Some(text("linux")), arch: Some(text("amd64")), variant: None, entrypoint: Some(vec![text("/app")]), cmd: None, env: vec![], workdir: None, wrong: false };
    let spec = Spec {
        root: Node::Compressed(
            Codec::Gzip,
            Box::new(Node::Oci(Oci {
                layout: true,
                index: vec![Descriptor { digest: Some(Ref::Blob(0)), platform: None, attestation: false, name: Some(text("app:1")) }],
                index_instead: None,
                blobs: vec![Blob::Manifest { config: Ref::Blob(1), layers: vec![Ref::Blob(2)] }, Blob::Config(config), Blob::Layer(Node::Tar(vec![app], TarEnd::TwoZeroBlocks))],
                extra: vec![],
                end: TarEnd::TwoZeroBlocks,
            })),
            Cut::Whole,
        ),
    };
    let r = open(&spec.build());
    assert_eq!(r.format, ArchiveFormat::OciLayout, "{r:?}");
    assert_eq!(r.images.len(), 1, "{r:?}");
    assert_eq!(r.images[0].name.as_deref(), Some("app:1"));
    assert_eq!(r.elf, 1);
}
