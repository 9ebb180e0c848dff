//! The page inflates a `.tar.gz` with the browser's own gzip decoder and
//! walks the tar as it is decoded (`Feed`), or, for an image, gathers it
//! and walks it in place (`open_decoded`); the CLI decodes it in the walk
//! (`open`). Each must give the same report, member for member and error
//! for error, or decline — on every archive fixture gzipped, and on
//! archives from the structure-aware generator.

use std::io::{Cursor, Read, Write};

use linklens::archive::{ArchiveFormat, ArchiveReport};
use linklens_archive::{Decline, Fed, Feed, Limits};

mod fixtures_dir {
    use std::path::PathBuf;
    pub fn dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/archives")
    }
}

fn gunzip_stored(path: &std::path::Path) -> Vec<u8> {
    let gz = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e} (run cargo xtask fixtures)", path.display()));
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut raw).expect("gunzip");
    raw
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

/// What a browser's `DecompressionStream("gzip")` gives: every member of
/// the stream decoded, or nothing when the stream is damaged (the page
/// then walks the compressed file as the CLI does).
fn inflate(gz: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(gz).read_to_end(&mut out).ok()?;
    Some(out)
}

/// An image gathered and walked in place, and walked by the CLI.
fn both(gz: &[u8], limits: &Limits) -> Option<(ArchiveReport, ArchiveReport)> {
    let decoded = inflate(gz)?;
    let native = linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut Cursor::new(&decoded), decoded.len() as u64, gz.len() as u64, limits, None)?;
    let walked = linklens_archive::open(&mut Cursor::new(gz), gz.len() as u64, limits, None).expect("a gzip stream is an archive");
    Some((native, walked))
}

/// Compared by the fuzzing module's rule (the one the fuzz target uses),
/// both of the page's ways.
fn same(what: &str, gz: &[u8], limits: &Limits) {
    if let Err(diff) = linklens_archive::fuzzing::decoded_agrees(gz, limits) {
        panic!("{what}: {diff}");
    }
    if let Err(diff) = linklens_archive::fuzzing::fed_agrees(gz, limits) {
        panic!("{what}, fed: {diff}");
    }
}

#[test]
fn every_fixture_tar_gzipped_gives_the_same_report_in_the_page() {
    let limits = Limits::default();
    let (mut compared, mut fed) = (Vec::new(), Vec::new());
    for entry in std::fs::read_dir(fixtures_dir::dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stored) = name.strip_suffix(".gz") else { continue };
        let raw = gunzip_stored(&path);
        // A gzip fixture as it is; a tar gzipped here; the rest left out.
        let Some(gz) = linklens_archive::fuzzing::as_tar_gz(&raw) else { continue };
        // Walked both ways once; declined ones are left out of the count.
        match linklens_archive::fuzzing::decoded_agrees(&gz, &limits) {
            Ok(true) => compared.push(stored.to_string()),
            Ok(false) => {}
            Err(diff) => panic!("{stored}: {diff}"),
        }
        match linklens_archive::fuzzing::fed_agrees(&gz, &limits) {
            Ok(true) => fed.push(stored.to_string()),
            Ok(false) => {}
            Err(diff) => panic!("{stored}, fed: {diff}"),
        }
    }
    // Images are gathered, not fed; every plain tar is fed.
    assert!(!fed.iter().any(|c| c.contains("docker") || c.contains("oci")), "images are not fed: {fed:?}");
    for must in ["release.tar.gz", "release.tar"] {
        assert!(fed.iter().any(|c| c == must), "{must} not fed: {fed:?}");
    }
    // Docker-save images are gathered and walked in place; OCI layouts
    // (their layers are compressed streams) are declined and left to the
    // walk.
    assert!(compared.len() >= 8, "compared {compared:?}");
    assert!(compared.iter().all(|c| c.ends_with(".docker.tar")), "only images are gathered: {compared:?}");
    assert!(compared.iter().any(|c| c == "slim-dynamic.docker.tar"), "{compared:?}");
}

#[test]
fn what_is_not_a_tar_or_passes_a_limit_is_left_to_the_walk() {
    let limits = Limits::default();
    // A gzipped ELF, a gzipped zip: not a tar.
    let elf = gunzip_stored(&fixtures_dir::dir().join("c-dynamic.gz.gz"));
    let decoded = inflate(&elf).unwrap();
    assert!(linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut Cursor::new(&decoded), decoded.len() as u64, elf.len() as u64, &limits, None).is_none());
    // A tar past the ratio: the walk reports the bomb, the caller's decode is not used.
    let tar = gunzip_stored(&fixtures_dir::dir().join("release.tar.gz"));
    let tight = Limits { max_ratio: 2, ratio_floor: 1024, ..Limits::default() };
    let mut padded = tar.clone();
    padded.resize(tar.len() * 8, 0);
    let gz = gzip(&padded);
    assert!(linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut Cursor::new(&padded), padded.len() as u64, gz.len() as u64, &tight, None).is_none());
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &tight, None).unwrap();
    assert!(walked.errors.iter().any(|e| e.id == linklens::archive::ArchiveErrorId::Bomb), "{:?}", walked.errors);
    // Past the total.
    let small = Limits { max_total: 1024, ..Limits::default() };
    assert!(linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut Cursor::new(&tar), tar.len() as u64, gz.len() as u64, &small, None).is_none());
}

/// A gzipped `docker save` tar bigger than `max_member` (found by the
/// fuzzer): the CLI's walk holds a compressed image whole to read its
/// layers in order and says it is too big; the page's walk must not read
/// it in place and say nothing, so it leaves the image to that walk.
#[test]
fn a_compressed_image_past_the_member_limit_is_too_big_in_both_walks() {
    let image = gunzip_stored(&fixtures_dir::dir().join("scratch-static.docker.tar.gz"));
    let gz = gzip(&image);
    let len = image.len() as u64;
    let tight = Limits { max_member: len - 1, ..Limits::default() };
    assert!(linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut Cursor::new(&image), len, gz.len() as u64, &tight, None).is_none());
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &tight, None).unwrap();
    assert_eq!(walked.errors.iter().map(|e| e.id).collect::<Vec<_>>(), [linklens::archive::ArchiveErrorId::MemberTooBig], "{:?}", walked.errors);
    assert!(walked.images.is_empty());
    same("image one byte past the member limit", &gz, &tight);
    // One byte more of room and both read the image.
    let room = Limits { max_member: len, ..Limits::default() };
    let (native, walked) = both(&gz, &room).expect("read in place");
    assert_eq!(native.images.len(), 1);
    assert_eq!(walked.images.len(), 1);
    same("image at the member limit", &gz, &room);
}

/// Tars made here around real binaries, in the shapes release tarballs
/// and hostile ones take: GNU and PAX long names, names with multi-byte
/// characters across the 100-byte field, links, paths refused (absolute,
/// `..`, too long), empty files, a nested `.tar.gz` and a nested zip, and
/// limits passed (members, depth).
#[test]
fn shaped_tars_give_the_same_report_fed() {
    let release = gunzip_stored(&fixtures_dir::dir().join("release.tar.gz"));
    let mut elves = Vec::new();
    let mut archive = tar::Archive::new(&release[..]);
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if bytes.starts_with(b"\x7fELF") {
            elves.push(bytes);
        }
    }
    assert!(elves.len() >= 2, "release.tar holds binaries");
    let nested = gzip(&release);
    let zip = gunzip_stored(&fixtures_dir::dir().join("release.zip.gz"));
    let file = |b: &mut tar::Builder<Vec<u8>>, name: &[u8], data: &[u8], gnu: bool| {
        let mut h = if gnu { tar::Header::new_gnu() } else { tar::Header::new_ustar() };
        h.set_size(data.len() as u64);
        h.set_mode(0o755);
        h.set_entry_type(tar::EntryType::Regular);
        // Long names through the builder's own GNU or PAX records.
        let name = std::path::Path::new(std::str::from_utf8(name).unwrap());
        if gnu {
            b.append_data(&mut h, name, data).unwrap();
        } else {
            let long = name.as_os_str().len() > 99;
            if long {
                b.append_pax_extensions([("path", name.as_os_str().as_encoded_bytes())]).unwrap();
                h.set_path("short").unwrap();
            } else {
                h.set_path(name).unwrap();
            }
            h.set_cksum();
            b.append(&h, data).unwrap();
        }
    };
    let nested_refused = {
        let mut b = tar::Builder::new(Vec::new());
        file(&mut b, b"ok/app", &elves[0], true);
        let mut h = tar::Header::new_old();
        h.set_size(3);
        h.as_old_mut().name[..10].copy_from_slice(b"../../in/\0");
        h.set_cksum();
        b.append(&h, &b"abc"[..]).unwrap();
        gzip(&b.into_inner().unwrap())
    };
    let multibyte = format!("{}é/app", "a".repeat(98));
    let long = format!("bin/{}/app", "long-directory-name".repeat(8));
    let too_long = "x".repeat(5000);
    let shapes: Vec<(&str, Box<dyn Fn(&mut tar::Builder<Vec<u8>>)>)> = vec![
        ("gnu long names", Box::new(|b| {
            file(b, long.as_bytes(), &elves[0], true);
            file(b, multibyte.as_bytes(), &elves[1], true);
        })),
        ("pax long names", Box::new(|b| {
            file(b, long.as_bytes(), &elves[1], false);
            file(b, multibyte.as_bytes(), &elves[0], false);
        })),
        ("links and empty files", Box::new(|b| {
            file(b, b"bin/app", &elves[0], true);
            file(b, b"bin/empty", b"", true);
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(tar::EntryType::Symlink);
            h.set_size(0);
            b.append_link(&mut h, "bin/link", "app").unwrap();
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(tar::EntryType::Link);
            h.set_size(0);
            b.append_link(&mut h, "bin/hard", "bin/app").unwrap();
        })),
        ("refused paths", Box::new(|b| {
            // First a ustar entry: a tar is told by its first header's magic.
            file(b, b"ok/app", &elves[1], true);
            let mut h = tar::Header::new_old();
            h.set_size(elves[0].len() as u64);
            h.as_old_mut().name[..7].copy_from_slice(b"/etc/x\0");
            h.set_cksum();
            b.append(&h, &elves[0][..]).unwrap();
            let mut h = tar::Header::new_old();
            h.set_size(3);
            h.as_old_mut().name[..9].copy_from_slice(b"../../up\0");
            h.set_cksum();
            b.append(&h, &b"abc"[..]).unwrap();
            file(b, too_long.as_bytes(), &elves[1], true);
        })),
        ("refused paths inside and out", Box::new(|b| {
            file(b, b"inner/release.tar.gz", &nested_refused, true);
            let mut h = tar::Header::new_old();
            h.set_size(3);
            h.as_old_mut().name[..9].copy_from_slice(b"../../up\0");
            h.set_cksum();
            b.append(&h, &b"abc"[..]).unwrap();
        })),
        ("nested archives", Box::new(|b| {
            file(b, b"inner/release.tar.gz", &nested, true);
            file(b, b"inner/release.zip", &zip, true);
            file(b, b"inner/release.tar", &release, true);
        })),
    ];
    let limits = Limits::default();
    let tight = Limits { max_members: 2, max_depth: 1, ..Limits::default() };
    let (mut ids, mut elf) = (std::collections::BTreeSet::new(), 0);
    for (what, build) in &shapes {
        let mut b = tar::Builder::new(Vec::new());
        build(&mut b);
        let tar = b.into_inner().unwrap();
        let gz = gzip(&tar);
        for limits in [&limits, &tight] {
            if *what == "nested archives" || what.contains("inside") {
                // A compressed stream inside, or past the members limit:
                // the page walks it as the CLI does.
                let decoded = inflate(&gz).unwrap();
                assert!(linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut Cursor::new(&decoded), decoded.len() as u64, gz.len() as u64, limits, None).is_none());
                assert_eq!(linklens_archive::fuzzing::fed_agrees(&gz, limits), Ok(false), "{what}: fed");
                continue;
            }
            let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, limits, None).unwrap();
            let (_, native) = feed(&inflate(&gz).unwrap(), &[4096], gz.len() as u64, limits);
            let native = native.unwrap_or_else(|| panic!("{what}: declined; walked: {:?}", walked.errors));
            assert!(walked.files > 0, "{what}: {walked:?}");
            assert_eq!(native.members.len(), walked.members.len());
            same(what, &gz, limits);
            ids.extend(walked.errors.iter().map(|e| e.id));
            elf += walked.elf;
        }
    }
    use linklens::archive::ArchiveErrorId as Id;
    for id in [Id::AbsolutePath, Id::Traversal, Id::PathTooLong] {
        assert!(ids.contains(&id), "no shape gave {id:?}: {ids:?}");
    }
    assert!(elf >= 10, "{elf} binaries compared");
}

/// What the fuzz target found, replayed: each file of `tests/hostile/`
/// gives the same report either way (a tar cut inside the padding of its
/// last member: the walk in place called it whole, the stream's walk
/// damaged; a member that is a compressed stream at the ratio limit's
/// edge: a bomb to one walk, not to the other, now declined; a tar inside
/// a tar whose member's size runs past its end: the walk in place sought
/// past the cut and said nothing, the stream's walk called it damaged —
/// now a nested tar that is not whole is read front to back too).
#[test]
fn hostile_archives_found_by_the_fuzzer_agree() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Some(gz) = linklens_archive::fuzzing::as_tar_gz(&bytes) else { continue };
        for limits in [Limits::default(), linklens_archive::fuzzing::limits()] {
            if let Err(diff) = linklens_archive::fuzzing::decoded_agrees(&gz, &limits) {
                panic!("{}: {diff}", path.display());
            }
            if let Err(diff) = linklens_archive::fuzzing::fed_agrees(&gz, &limits) {
                panic!("{}, fed: {diff}", path.display());
            }
        }
        replayed += 1;
    }
    assert!(replayed >= 1, "the tar cut in its padding is there");
}

/// Every piece of `decoded` pushed in turn (sizes `pieces`, cycled), the
/// compressed count taken as the whole file: what each push said, and the
/// report.
fn feed(decoded: &[u8], pieces: &[usize], compressed: u64, limits: &Limits) -> (Vec<Fed>, Option<ArchiveReport>) {
    let mut feed = Feed::new(ArchiveFormat::Gzip, limits, None).unwrap();
    let (mut said, mut at, mut turn) = (Vec::new(), 0, 0);
    while at < decoded.len() {
        let end = decoded.len().min(at + pieces[turn % pieces.len()]);
        said.push(feed.push(compressed, &decoded[at..end]));
        (at, turn) = (end, turn + 1);
    }
    (said, feed.finish(compressed))
}

#[test]
fn the_feed_gives_open_s_report_in_pieces_of_any_size_or_declines_as_it_must() {
    let limits = Limits::default();
    let gz = gunzip_stored(&fixtures_dir::dir().join("release.tar.gz.gz"));
    let tar = inflate(&gz).unwrap();
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
    assert!(walked.elf >= 2 && walked.errors.is_empty(), "{walked:?}");
    for pieces in [&[1][..], &[511, 2], &[512], &[4096], &[65536], &[tar.len()], &[3, 70_000, 9]] {
        let (said, report) = feed(&tar, pieces, gz.len() as u64, &limits);
        assert!(said.iter().all(|s| *s == Fed::More), "{pieces:?}: {said:?}");
        let report = report.unwrap_or_else(|| panic!("{pieces:?}: declined"));
        assert_eq!(without_bytes_scanned(report.clone()), without_bytes_scanned(walked.clone()), "{pieces:?}");
        assert_eq!(report.bytes_scanned, tar.len() as u64);
    }
    // Cut short inside the last member (`usr/bin/hello-static`, 6,392
    // bytes from 19,456), or inside its padding: the stream walk says
    // where; the feed declines.
    for cut in [19_456 + 3000, 19_456 + 6392 + 10] {
        let (_, report) = feed(&tar[..cut], &[4096], gz.len() as u64, &limits);
        assert!(report.is_none(), "cut at {cut} of {}", tar.len());
    }
    // Not a tar: a gzipped ELF.
    let elf = inflate(&gunzip_stored(&fixtures_dir::dir().join("c-dynamic.gz.gz"))).unwrap();
    let (said, report) = feed(&elf, &[4096], 1 << 20, &limits);
    assert_eq!(said[0], Fed::Declined(Decline::Walk));
    assert!(report.is_none());
    // An image, told at its first block, before the feed kept anything.
    let image = gunzip_stored(&fixtures_dir::dir().join("slim-dynamic.docker.tar.gz"));
    let mut f = Feed::new(ArchiveFormat::Gzip, &limits, None).unwrap();
    assert!(f.deciding());
    assert_eq!(f.push(1 << 30, &image[..100]), Fed::More);
    assert!(f.deciding(), "a tenth of a block tells nothing");
    assert_eq!(f.push(1 << 30, &image[100..4096]), Fed::Declined(Decline::Image));
    // Past the ratio midway: declined at once (the walk reports the bomb).
    let tight = Limits { max_ratio: 2, ratio_floor: 1024, ..Limits::default() };
    let (said, report) = feed(&tar, &[4096], 1024, &tight);
    assert!(said.contains(&Fed::Declined(Decline::Walk)) && report.is_none());
    // Past the members limit.
    let few = Limits { max_members: 1, ..Limits::default() };
    let (said, report) = feed(&tar, &[4096], gz.len() as u64, &few);
    assert!(said.contains(&Fed::Declined(Decline::Walk)) && report.is_none());
}

/// A binary bigger than the member limit: the stream walk says so and goes
/// on; so does the feed, without holding it.
#[test]
fn a_binary_past_the_member_limit_is_too_big_fed_as_walked() {
    let gz = gunzip_stored(&fixtures_dir::dir().join("release.tar.gz.gz"));
    let tar = inflate(&gz).unwrap();
    // `usr/bin/c-dynamic` is 15,960 bytes, `usr/bin/hello-static` 6,392.
    let tight = Limits { max_member: 10_000, ..Limits::default() };
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &tight, None).unwrap();
    assert!(walked.errors.iter().any(|e| e.id == linklens::archive::ArchiveErrorId::MemberTooBig), "{:?}", walked.errors);
    let (_, fed) = feed(&tar, &[65536], gz.len() as u64, &tight);
    assert_eq!(without_bytes_scanned(fed.unwrap()), without_bytes_scanned(walked));
    same("binaries past the member limit", &gz, &tight);
    // A zip past the limit: too big — or, nested past the depth limit,
    // too deep first, as the stream walk says.
    let zip = gunzip_stored(&fixtures_dir::dir().join("release.zip.gz"));
    let gz = gzip(&tar_of(&[("dist/release.zip", &zip)], true));
    use linklens::archive::ArchiveErrorId as Id;
    for (max_depth, id) in [(3, Id::MemberTooBig), (1, Id::TooDeep)] {
        let limits = Limits { max_member: zip.len() as u64 - 1, max_depth, ..Limits::default() };
        let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
        assert_eq!(walked.errors.iter().map(|e| e.id).collect::<Vec<_>>(), [id], "{:?}", walked.errors);
        assert_eq!(linklens_archive::fuzzing::fed_agrees(&gz, &limits), Ok(true), "depth {max_depth}");
    }
}

/// A tar of `members` (name, bytes), with its two end blocks or without.
fn tar_of(members: &[(&str, &[u8])], end_blocks: bool) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, bytes) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(bytes.len() as u64);
        h.set_mode(0o755);
        h.set_cksum();
        b.append_data(&mut h, name, *bytes).unwrap();
    }
    let mut tar = b.into_inner().unwrap();
    if !end_blocks {
        tar.truncate(tar.len() - 1024);
    }
    tar
}

fn member(tar: &[u8], suffix: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in tar::Archive::new(tar).entries().unwrap() {
        let mut entry = entry.unwrap();
        if entry.path().unwrap().to_string_lossy().ends_with(suffix) {
            entry.read_to_end(&mut out).unwrap();
        }
    }
    assert!(!out.is_empty(), "{suffix}");
    out
}

/// Where each entry's header starts.
fn headers(tar: &[u8]) -> Vec<usize> {
    tar::Archive::new(tar).entries().unwrap().map(|e| e.unwrap().raw_header_position() as usize).collect()
}

fn without_bytes_scanned(r: ArchiveReport) -> ArchiveReport {
    ArchiveReport { bytes_scanned: 0, ..r }
}

#[test]
fn the_feed_decides_at_the_first_block_and_declines_damage_as_it_arrives() {
    let limits = Limits::default();
    let tar = inflate(&gunzip_stored(&fixtures_dir::dir().join("release.tar.gz.gz"))).unwrap();
    // A plain tar is told by its first block alone: the page stops
    // keeping pieces for an image there.
    let mut f = Feed::new(ArchiveFormat::Gzip, &limits, None).unwrap();
    assert_eq!(f.push(1 << 30, &tar[..linklens_archive::HEAD]), Fed::More);
    assert!(!f.deciding(), "a tar's first block is all it takes");
    // A header whose checksum is wrong: declined by the push that brings
    // it (the stream walk says the damage), not at the end.
    let at = headers(&tar)[1];
    let mut damaged = tar.clone();
    damaged[at + 148] ^= 0x01;
    let (said, report) = feed(&damaged, &[512], 1 << 30, &limits);
    assert_eq!(said.get(at / 512), Some(&Fed::Declined(Decline::Walk)), "the piece that brings the damaged header: {:?}", &said[..said.len().min(at / 512 + 2)]);
    assert!(report.is_none());
}

#[test]
fn a_tar_without_its_end_blocks_is_walked_as_open_walks_it() {
    let limits = Limits::default();
    let release = inflate(&gunzip_stored(&fixtures_dir::dir().join("release.tar.gz.gz"))).unwrap();
    let elf = member(&release, "hello-static");
    // The last member's data ends the stream: 512 bytes (its first bytes
    // are all of it), or nothing at all.
    for last in [&[b'x'; 512][..], &[]] {
        let tar = tar_of(&[("bin/hello-static", &elf), ("etc/notes.txt", last)], false);
        let gz = gzip(&tar);
        let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
        assert!(walked.elf == 1 && walked.files == 2 && walked.errors.is_empty(), "{walked:?}");
        let last_header = headers(&tar)[1];
        // In any pieces, and with the last header's final byte alone
        // (the feed then judges the entry when the stream ends).
        let pieces: [&[usize]; 4] = [&[512], &[tar.len()], &[1], &[last_header + 511, 1]];
        for pieces in pieces {
            let (said, report) = feed(&tar, pieces, gz.len() as u64, &limits);
            assert!(said.iter().all(|s| *s == Fed::More), "{} bytes last, {pieces:?}: {said:?}", last.len());
            let report = report.unwrap_or_else(|| panic!("{} bytes last, {pieces:?}: declined", last.len()));
            assert_eq!(without_bytes_scanned(report), without_bytes_scanned(walked.clone()), "{pieces:?}");
        }
    }
}

#[test]
fn a_binary_as_big_as_the_member_limit_is_analysed_fed_as_walked() {
    let gz = gunzip_stored(&fixtures_dir::dir().join("release.tar.gz.gz"));
    let tar = inflate(&gz).unwrap();
    let biggest = member(&tar, "c-dynamic").len() as u64;
    let limits = Limits { max_member: biggest, ..Limits::default() };
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
    assert!(walked.errors.is_empty() && walked.elf >= 2, "{walked:?}");
    let (_, fed) = feed(&tar, &[4096], gz.len() as u64, &limits);
    assert_eq!(without_bytes_scanned(fed.expect("walked")), without_bytes_scanned(walked));
}

/// A member the feed holds and walks as an archive, but whose walk decodes
/// a compressed stream (a `.deb`'s `data.tar.*`) or passes the members
/// limit: only the stream walk gives `open`'s report, so the feed
/// declines — even when it is the last member.
#[test]
fn a_held_archive_that_decodes_a_stream_or_passes_the_members_limit_is_declined() {
    let deb = gunzip_stored(&fixtures_dir::dir().join("hello_1.0_amd64.deb.gz"));
    let zip = gunzip_stored(&fixtures_dir::dir().join("release.zip.gz"));
    let limits = Limits::default();
    let tar = tar_of(&[("notes.txt", b"hello"), ("pool/hello_1.0_amd64.deb", &deb)], true);
    let gz = gzip(&tar);
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
    assert!(walked.elf >= 1 && walked.errors.is_empty(), "{walked:?}");
    let (said, report) = feed(&tar, &[4096], gz.len() as u64, &limits);
    assert!(said.contains(&Fed::Declined(Decline::Walk)) && report.is_none(), "{said:?}");

    let tar = tar_of(&[("notes.txt", b"hello"), ("dist/release.zip", &zip)], true);
    let gz = gzip(&tar);
    let few = Limits { max_members: 3, ..Limits::default() };
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &few, None).unwrap();
    assert!(walked.errors.iter().any(|e| e.id == linklens::archive::ArchiveErrorId::TooManyMembers), "{walked:?}");
    let (said, report) = feed(&tar, &[4096], gz.len() as u64, &few);
    assert!(said.contains(&Fed::Declined(Decline::Walk)) && report.is_none(), "{said:?}");
    // Within the limit, the same tar is walked by the feed.
    let (_, report) = feed(&tar, &[4096], gz.len() as u64, &limits);
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
    assert_eq!(without_bytes_scanned(report.expect("walked")), without_bytes_scanned(walked));
}

/// A GNU long-name record as big as a member may be: headers that long are
/// nothing a tool writes, and the feed would keep them all waiting for the
/// end; it declines once it has kept more than a member, and the stream
/// walk reads it.
#[test]
fn headers_longer_than_a_member_are_declined_while_they_arrive() {
    let limits = Limits { max_member: 50_000, ..Limits::default() };
    let name = format!("{}/app", "d".repeat(200_000));
    let tar = tar_of(&[(&name, b"hello")], true);
    let (said, report) = feed(&tar, &[4096], 1 << 30, &limits);
    let first = said.iter().position(|s| *s == Fed::Declined(Decline::Walk));
    assert!(first.is_some_and(|i| i * 4096 < 50_000 * 2), "declined at piece {first:?} of {}", said.len());
    assert!(report.is_none());
}

/// Headers not all here are read again only once twice as many bytes are
/// kept: a 32 MiB long-name record fed 4 KiB at a time is read about
/// fifteen times, not eight thousand (minutes of copying).
#[test]
fn a_long_name_record_fed_in_small_pieces_is_not_read_at_every_piece() {
    let name = format!("{}/app", "d".repeat(32 << 20));
    let tar = tar_of(&[(&name, b"hello"), ("bin/x", b"x")], true);
    let gz = gzip(&tar);
    let limits = Limits::default();
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (said, report) = feed(&tar, &[4096], gz.len() as u64, &Limits::default());
        let _ = tx.send((said.iter().all(|s| *s == Fed::More), report.map(without_bytes_scanned)));
    });
    let got = rx.recv_timeout(std::time::Duration::from_secs(8)).expect("fed within 8 s (it takes well under one)");
    assert_eq!(got, (true, Some(without_bytes_scanned(walked))));
}

/// `open_decoded` takes the content of a compressed stream only, and only
/// within the stream limits: anything else is left to `open`.
#[test]
fn open_decoded_takes_a_stream_s_content_within_its_limits_only() {
    let path = fixtures_dir::dir().join("slim-dynamic.docker.tar.gz");
    let compressed = std::fs::metadata(&path).unwrap().len();
    let image = gunzip_stored(&path);
    let len = image.len() as u64;
    let with = |outer, limits: &Limits| linklens_archive::open_decoded(outer, &mut Cursor::new(&image), len, compressed, limits, None);
    let limits = Limits::default();
    assert!(with(ArchiveFormat::Gzip, &limits).is_some_and(|r| r.images.len() == 1));
    for outer in [ArchiveFormat::Tar, ArchiveFormat::Zip] {
        assert!(with(outer, &limits).is_none(), "{outer:?}");
    }
    assert!(len > compressed, "the image is compressed at all");
    let tight = Limits { max_ratio: 1, ratio_floor: 0, ..Limits::default() };
    assert!(with(ArchiveFormat::Gzip, &tight).is_none(), "past the ratio");
    // Without its end blocks (the last member's padded data ends the
    // file), the image is still whole, and walked in place as `open`
    // walks it compressed.
    let last = tar::Archive::new(&image[..]).entries().unwrap().map(|e| e.unwrap()).map(|e| e.raw_file_position() + e.size()).max().unwrap();
    let cut = &image[..usize::try_from(last.next_multiple_of(512)).unwrap()];
    assert!(cut.len() < image.len());
    let gz = gzip(cut);
    let walked = linklens_archive::open(&mut Cursor::new(&gz), gz.len() as u64, &limits, None).unwrap();
    assert!(walked.errors.is_empty() && walked.images.len() == 1, "{walked:?}");
    let in_place = linklens_archive::open_decoded(ArchiveFormat::Gzip, &mut Cursor::new(cut), cut.len() as u64, gz.len() as u64, &limits, None);
    assert_eq!(in_place.map(without_bytes_scanned), Some(without_bytes_scanned(walked)));
}
