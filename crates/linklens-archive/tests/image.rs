//! The image judge on images made here from real binaries: where the
//! loader looks (`/etc/ld.so.conf` and what it includes, the config's
//! `LD_LIBRARY_PATH`), how the entrypoint is found (the config's `PATH`),
//! libraries needed by libraries, the counts of an image's files, and a
//! layer two platforms share read once. Each case is the smallest image
//! that shows the decision, with what `ld.so` and `docker run` do written
//! beside it.

use std::io::{Cursor, Read};

use linklens::archive::{ArchiveErrorId, ArchiveFormat, ArchiveReport, ImageReasonId, ImageReport, ImageVerdict};
use linklens_archive::{Limits, Progress};
use serde_json::{json, Value};

fn bin(name: &str) -> Vec<u8> {
    let path = format!("{}/../../fixtures/bin/{name}.gz", env!("CARGO_MANIFEST_DIR"));
    let gz = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (run cargo xtask fixtures)"));
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut raw).unwrap();
    raw
}

/// A layer: regular files (mode 0755), in the order given.
fn layer(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (path, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o755);
        b.append_data(&mut h, path, *data).unwrap();
    }
    b.into_inner().unwrap()
}

/// A `docker save` tar of `layers` (bottom first) with `config`'s
/// `config` section (Entrypoint, Env…) for linux/amd64.
fn docker(layers: &[Vec<u8>], config: Value) -> Vec<u8> {
    let names: Vec<String> = (0..layers.len()).map(|i| format!("l{i}.tar")).collect();
    let manifest = json!([{"Config": "config.json", "RepoTags": ["made:here"], "Layers": names}]);
    let config = json!({"architecture": "amd64", "os": "linux", "config": config});
    let mut files: Vec<(String, Vec<u8>)> = vec![("manifest.json".into(), manifest.to_string().into_bytes()), ("config.json".into(), config.to_string().into_bytes())];
    files.extend(names.into_iter().zip(layers.iter().cloned()));
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, d)| (p.as_str(), d.as_slice())).collect();
    layer(&refs)
}

fn open_with(bytes: &[u8], limits: &Limits) -> ArchiveReport {
    linklens_archive::open(&mut Cursor::new(bytes), bytes.len() as u64, limits, None).expect("an archive")
}

fn open(bytes: &[u8]) -> ArchiveReport {
    open_with(bytes, &Limits::default())
}

/// [`open`], failing (not hanging) when the walk does not end in time:
/// for the images whose files lead back to themselves.
fn open_in_time(bytes: &[u8]) -> ArchiveReport {
    let bytes = bytes.to_vec();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(open(&bytes)));
    rx.recv_timeout(std::time::Duration::from_secs(10)).expect("the walk ends")
}

fn only(r: &ArchiveReport) -> &ImageReport {
    assert_eq!(r.images.len(), 1, "{:?}", r.errors);
    &r.images[0]
}

/// `/app` (C, needs `libc.so.6` through `/lib64/ld-linux-x86-64.so.2`), its
/// loader, and a `libc.so.6` in `/opt/mylib`, where `ld.so` does not look
/// unless told; then `extra` files.
fn app_with_libc_in_opt(extra: &[(&str, &[u8])]) -> Vec<u8> {
    let (app, lib) = (bin("c-dynamic"), bin("c-static"));
    let mut files: Vec<(&str, &[u8])> = vec![("app", &app), ("lib64/ld-linux-x86-64.so.2", &lib), ("opt/mylib/libc.so.6", &lib)];
    files.extend_from_slice(extra);
    docker(&[layer(&files)], json!({"Entrypoint": ["/app"]}))
}

fn starts(image: &ImageReport) -> bool {
    image.verdict == ImageVerdict::Starts && image.reason_id == ImageReasonId::AllFound
}

fn lacks_libc(image: &ImageReport) -> bool {
    image.verdict == ImageVerdict::Fails && image.reason_id == ImageReasonId::MissingLibrary && image.binaries[0].missing == ["libc.so.6"]
}

#[test]
fn the_loader_searches_what_ld_so_conf_lists_and_includes() {
    // Not told: ld.so does not find it ("error while loading shared libraries").
    let r = open(&app_with_libc_in_opt(&[]));
    assert!(lacks_libc(only(&r)), "{:?}", only(&r));
    // Listed through an include of `*.conf`, beside a comment.
    let include = b"include /etc/ld.so.conf.d/*.conf\n".as_slice();
    let r = open(&app_with_libc_in_opt(&[("etc/ld.so.conf", include), ("etc/ld.so.conf.d/opt.conf", b"# the vendor's\n/opt/mylib # here\n")]));
    assert!(starts(only(&r)), "{:?}", only(&r));
    assert_eq!(only(&r).libc.as_ref().map(|l| l.path.as_str()), Some("/opt/mylib/libc.so.6"));
    // Listed in ld.so.conf itself.
    let r = open(&app_with_libc_in_opt(&[("etc/ld.so.conf", b"/opt/mylib\n")]));
    assert!(starts(only(&r)), "{:?}", only(&r));
    // ldconfig's glob takes neither another suffix nor a subdirectory.
    for (conf, _) in [("etc/ld.so.conf.d/opt.txt", ()), ("etc/ld.so.conf.d/sub/opt.conf", ())] {
        let r = open(&app_with_libc_in_opt(&[("etc/ld.so.conf", include), (conf, b"/opt/mylib\n")]));
        assert!(lacks_libc(only(&r)), "{conf}: {:?}", only(&r));
    }
    // A file that includes itself is read once, and the walk ends.
    let r = open_in_time(&app_with_libc_in_opt(&[("etc/ld.so.conf", include), ("etc/ld.so.conf.d/a.conf", b"include /etc/ld.so.conf.d/*.conf\n/opt/mylib\n")]));
    assert!(starts(only(&r)), "{:?}", only(&r));
}

#[test]
fn ld_so_conf_is_read_up_to_64_files() {
    // ld.so.conf and 63 included files: the last one is read; one more, not.
    for (count, found) in [(63, true), (64, false)] {
        let names: Vec<String> = (0..count).map(|i| format!("etc/ld.so.conf.d/{i:03}.conf")).collect();
        let mut extra: Vec<(&str, &[u8])> = vec![("etc/ld.so.conf", b"include /etc/ld.so.conf.d/*.conf\n")];
        for (i, n) in names.iter().enumerate() {
            extra.push((n, if i + 1 == count { b"/opt/mylib\n" } else { b"/nowhere\n" }));
        }
        let r = open(&app_with_libc_in_opt(&extra));
        assert_eq!(starts(only(&r)), found, "{count} files: {:?}", only(&r));
    }
}

#[test]
fn the_config_sets_ld_library_path_and_path() {
    let (app, lib) = (bin("c-dynamic"), bin("c-static"));
    let files = layer(&[("opt/bin/app", &app), ("lib64/ld-linux-x86-64.so.2", &lib), ("opt/mylib/libc.so.6", &lib)]);
    // The later of two settings wins, as in a Dockerfile's ENV.
    let r = open(&docker(std::slice::from_ref(&files), json!({"Entrypoint": ["app"], "Env": ["PATH=/nowhere", "PATH=/opt/bin", "LD_LIBRARY_PATH=/opt/mylib"]})));
    assert!(starts(only(&r)), "{:?}", only(&r));
    assert_eq!(only(&r).program.as_deref(), Some("/opt/bin/app"));
    // Without LD_LIBRARY_PATH, the library is not found.
    let r = open(&docker(std::slice::from_ref(&files), json!({"Entrypoint": ["app"], "Env": ["PATH=/opt/bin"]})));
    assert!(lacks_libc(only(&r)), "{:?}", only(&r));
    // Without PATH, Docker's default, which has no /opt/bin.
    let r = open(&docker(&[files], json!({"Entrypoint": ["app"], "Env": ["LD_LIBRARY_PATH=/opt/mylib"]})));
    assert_eq!(only(&r).reason_id, ImageReasonId::NotInPath, "{:?}", only(&r));
}

#[test]
fn libraries_needed_by_libraries_are_looked_for_too() {
    // The libc.so.6 found is a C++ program's build: it needs libstdc++,
    // libm and libgcc_s, which the image lacks.
    let (app, loader, cxx) = (bin("c-dynamic"), bin("c-static"), bin("cxx-dynamic"));
    // It needs libc.so.6 too, which is itself: looked for once.
    let r = open_in_time(&docker(&[layer(&[("app", &app), ("lib64/ld-linux-x86-64.so.2", &loader), ("usr/lib/x86_64-linux-gnu/libc.so.6", &cxx)])], json!({"Entrypoint": ["/app"]})));
    let image = only(&r);
    assert_eq!(image.reason_id, ImageReasonId::MissingLibrary, "{image:?}");
    let missing = &image.binaries[0].missing;
    assert!(missing.iter().any(|m| m.starts_with("libstdc++.so")), "{missing:?}");
    assert!(!missing.contains(&"libc.so.6".to_string()), "{missing:?}");
    assert!(image.binaries[0].needed.len() > 1, "{:?}", image.binaries[0].needed);
}

#[test]
fn an_image_counts_the_files_of_its_file_system() {
    // Two layers; the second replaces one file and adds a Go program.
    let (c, go) = (bin("c-dynamic"), bin("hello-default-go1.26"));
    let lower = layer(&[("app", &c), ("README", b"text"), ("old", &c), ("tool", &c)]);
    let upper = layer(&[("old", b"now text"), ("hello", &go)]);
    let r = open(&docker(&[lower, upper], json!({"Entrypoint": ["/hello"]})));
    assert_eq!((r.files, r.elf, r.go, r.dynamic), (5, 3, 1, 2), "{:?}", r.members.iter().map(|m| &m.path).collect::<Vec<_>>());
    assert_eq!(r.members.iter().map(|m| m.path.as_str()).collect::<Vec<_>>(), ["app", "hello", "tool"]);
    assert_eq!((only(&r).verdict, only(&r).reason_id), (ImageVerdict::Starts, ImageReasonId::Static));
}

/// An OCI layout of two platforms that share their one layer.
fn two_platforms_one_layer() -> Vec<u8> {
    let go = bin("hello-default-go1.26");
    let shared = layer(&[("hello", &go)]);
    let digest = |n: u8| format!("{:064x}", n);
    let mut blobs: Vec<(String, Vec<u8>)> = vec![(digest(1), shared)];
    let mut manifests = Vec::new();
    for (i, arch) in [(2u8, "amd64"), (4, "arm64")] {
        let config = json!({"architecture": arch, "os": "linux", "config": {"Entrypoint": ["/hello"]}});
        let manifest = json!({"schemaVersion": 2, "config": {"digest": format!("sha256:{}", digest(i))}, "layers": [{"digest": format!("sha256:{}", digest(1))}]});
        blobs.push((digest(i), config.to_string().into_bytes()));
        blobs.push((digest(i + 1), manifest.to_string().into_bytes()));
        manifests.push(json!({"digest": format!("sha256:{}", digest(i + 1)), "platform": {"os": "linux", "architecture": arch}}));
    }
    let index = json!({"schemaVersion": 2, "manifests": manifests}).to_string();
    let mut files: Vec<(String, Vec<u8>)> = vec![("oci-layout".into(), br#"{"imageLayoutVersion":"1.0.0"}"#.to_vec()), ("index.json".into(), index.into_bytes())];
    files.extend(blobs.into_iter().map(|(d, b)| (format!("blobs/sha256/{d}"), b)));
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, d)| (p.as_str(), d.as_slice())).collect();
    layer(&refs)
}

#[test]
fn a_layer_two_platforms_share_is_read_once_and_members_name_their_platform() {
    let bytes = two_platforms_one_layer();
    let mut most = 0;
    let mut progress = |p: Progress| most = most.max(p.elf);
    let r = linklens_archive::open(&mut Cursor::new(&bytes), bytes.len() as u64, &Limits::default(), Some(&mut progress)).unwrap();
    assert_eq!(r.format, ArchiveFormat::OciLayout);
    assert_eq!(r.images.len(), 2, "{:?}", r.errors);
    assert_eq!(most, 1, "one binary analysed, in the one layer");
    let paths: Vec<&str> = r.members.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(paths, ["linux/amd64!/hello", "linux/arm64!/hello"]);
    // The amd64 program on arm64: the wrong architecture there.
    assert_eq!(r.images[0].verdict, ImageVerdict::Starts);
    assert_eq!((r.images[1].verdict, r.images[1].reason_id), (ImageVerdict::Fails, ImageReasonId::WrongArch));
}

#[test]
fn an_index_without_an_oci_layout_file_is_a_plain_tar() {
    let t = layer(&[("index.json", br#"{"manifests":[]}"#), ("app", &bin("c-static"))]);
    let r = open(&t);
    assert_eq!(r.format, ArchiveFormat::Tar);
    assert!(r.images.is_empty() && r.errors.is_empty(), "{r:?}");
    assert_eq!(r.members.len(), 1);
}

#[test]
fn json_at_the_limit_is_read_one_byte_over_is_not() {
    let image = docker(&[layer(&[("app", &bin("c-static"))])], json!({"Entrypoint": ["/app"]}));
    // The size of the bigger of its JSON files.
    let mut entries = tar::Archive::new(&image[..]);
    let biggest = entries.entries().unwrap().map(|e| e.unwrap()).filter(|e| e.path().unwrap().extension().is_some_and(|x| x == "json")).map(|e| e.size()).max().unwrap();
    let r = open_with(&image, &Limits { max_json: biggest, ..Limits::default() });
    assert_eq!(only(&r).verdict, ImageVerdict::Starts, "{:?}", r.errors);
    let r = open_with(&image, &Limits { max_json: biggest - 1, ..Limits::default() });
    assert_eq!(r.errors.iter().map(|e| e.id).collect::<Vec<_>>(), [ArchiveErrorId::ImageJsonTooBig]);
}

#[test]
fn ld_so_conf_is_kept_up_to_64_kib() {
    // ldconfig reads any size; linklens keeps a conf file of 64 KiB at most
    // (a bound against a hostile layer): the directory on its last line.
    for (size, found) in [(64 * 1024, true), (64 * 1024 + 1, false)] {
        let mut conf = vec![b'#'; size - "\n/opt/mylib\n".len()];
        conf.extend_from_slice(b"\n/opt/mylib\n");
        let r = open(&app_with_libc_in_opt(&[("etc/ld.so.conf", &conf)]));
        assert_eq!(starts(only(&r)), found, "{size} bytes: {:?}", only(&r));
    }
}

/// A stand-in C library: a real ELF file whose bytes name glibc's symbol
/// versions up to `version` (what the image's libc version is read from).
fn libc_of(version: &str) -> Vec<u8> {
    let mut lib = bin("c-static");
    lib.extend_from_slice(format!("\0GLIBC_2.2.5\0GLIBC_{version}\0GLIBC_PRIVATE\0").as_bytes());
    lib
}

#[test]
fn the_image_s_glibc_must_be_as_new_as_the_program_asks() {
    // c-dynamic asks for GLIBC_2.34 at most.
    let (app, loader) = (bin("c-dynamic"), bin("c-static"));
    for (have, verdict) in [("2.34", ImageVerdict::Starts), ("2.33", ImageVerdict::Fails)] {
        let lib = libc_of(have);
        let r = open(&docker(&[layer(&[("app", &app), ("lib64/ld-linux-x86-64.so.2", &loader), ("lib/x86_64-linux-gnu/libc.so.6", &lib)])], json!({"Entrypoint": ["/app"]})));
        let image = only(&r);
        assert_eq!(image.verdict, verdict, "glibc {have}: {image:?}");
        assert_eq!(image.libc.as_ref().and_then(|l| l.version.as_deref()), Some(have));
        if verdict == ImageVerdict::Fails {
            assert_eq!(image.reason_id, ImageReasonId::GlibcTooOld);
        }
    }
}

#[test]
fn an_older_debian_s_libc_file_name_is_read_through_its_link() {
    // Before glibc 2.34, Debian's libc.so.6 is a link to libc-2.31.so.
    let mut b = tar::Builder::new(Vec::new());
    let (app, loader, lib) = (bin("c-dynamic"), bin("c-static"), libc_of("2.31"));
    for (path, data) in [("app", &app), ("lib64/ld-linux-x86-64.so.2", &loader), ("lib/x86_64-linux-gnu/libc-2.31.so", &lib)] {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o755);
        b.append_data(&mut h, path, &data[..]).unwrap();
    }
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Symlink);
    h.set_size(0);
    b.append_link(&mut h, "lib/x86_64-linux-gnu/libc.so.6", "libc-2.31.so").unwrap();
    let r = open(&docker(&[b.into_inner().unwrap()], json!({"Entrypoint": ["/app"]})));
    let image = only(&r);
    assert_eq!(image.libc.as_ref().map(|l| (l.name.as_str(), l.version.as_deref())), Some(("glibc", Some("2.31"))), "{image:?}");
    assert_eq!(image.reason_id, ImageReasonId::GlibcTooOld, "{image:?}");
}

#[test]
fn musl_is_its_loader_not_any_library() {
    let go = bin("hello-default-go1.26");
    let r = open(&docker(&[layer(&[("hello", &go), ("lib/libz.so.1", b"not musl")])], json!({"Entrypoint": ["/hello"]})));
    assert_eq!(only(&r).libc, None);
    let r = open(&docker(&[layer(&[("hello", &go), ("lib/ld-musl-x86_64.so.1", b"musl")])], json!({"Entrypoint": ["/hello"]})));
    assert_eq!(only(&r).libc.as_ref().map(|l| (l.name.as_str(), l.path.as_str())), Some(("musl", "/lib/ld-musl-x86_64.so.1")));
}

#[test]
fn every_program_that_needs_a_loader_is_listed_and_only_those() {
    // A dynamic program, a static one, a shared library (no loader of its own).
    let (c, go, lib) = (bin("c-dynamic"), bin("hello-default-go1.26"), bin("export-c-shared-go1.26"));
    let r = open(&docker(&[layer(&[("app", &c), ("hello", &go), ("libexport.so", &lib)])], json!({"Entrypoint": ["/hello"]})));
    let listed: Vec<&str> = only(&r).binaries.iter().map(|b| b.path.as_str()).collect();
    assert_eq!(listed, ["/app"]);
    assert_eq!(only(&r).binaries[0].missing, ["/lib64/ld-linux-x86-64.so.2", "libc.so.6"]);
}

fn entry(b: &mut tar::Builder<Vec<u8>>, path: &str, kind: tar::EntryType, link: Option<&str>, data: &[u8]) {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_size(data.len() as u64);
    h.set_mode(0o755);
    match link {
        Some(target) => b.append_link(&mut h, path, target).unwrap(),
        None => b.append_data(&mut h, path, data).unwrap(),
    }
}

#[test]
fn a_file_over_a_lower_layer_s_directory_replaces_all_of_it() {
    let (app, loader, lib) = (bin("c-dynamic"), bin("c-static"), bin("c-static"));
    let mut lower = tar::Builder::new(Vec::new());
    entry(&mut lower, "app", tar::EntryType::Regular, None, &app);
    entry(&mut lower, "lib64/", tar::EntryType::Directory, None, b"");
    entry(&mut lower, "lib64/ld-linux-x86-64.so.2", tar::EntryType::Regular, None, &loader);
    entry(&mut lower, "lib/x86_64-linux-gnu/libc.so.6", tar::EntryType::Regular, None, &lib);
    let lower = lower.into_inner().unwrap();
    let r = open(&docker(std::slice::from_ref(&lower), json!({"Entrypoint": ["/app"]})));
    assert!(starts(only(&r)), "{:?}", only(&r));
    // An upper layer puts a file where the directory was: the loader is gone.
    let upper = layer(&[("lib64", b"a file now")]);
    let r = open(&docker(&[lower, upper], json!({"Entrypoint": ["/app"]})));
    assert_eq!(only(&r).reason_id, ImageReasonId::NoLoader, "{:?}", only(&r));
    // What was in it is gone from the image's files too.
    assert_eq!((r.files, r.elf), (3, 2), "{:?}", r.members.iter().map(|m| &m.path).collect::<Vec<_>>());
}

#[test]
fn a_hard_link_is_the_file_it_names() {
    let go = bin("hello-default-go1.26");
    let mut b = tar::Builder::new(Vec::new());
    entry(&mut b, "usr/bin/hello", tar::EntryType::Regular, None, &go);
    entry(&mut b, "app", tar::EntryType::Link, Some("usr/bin/hello"), b"");
    let r = open(&docker(&[b.into_inner().unwrap()], json!({"Entrypoint": ["/app"]})));
    assert_eq!((only(&r).verdict, only(&r).reason_id), (ImageVerdict::Starts, ImageReasonId::Static), "{:?}", only(&r));
}

#[test]
fn a_script_s_interpreter_is_its_first_line() {
    let r = open(&docker(&[layer(&[("run.sh", b"#!/bin/sh -e\necho hi\n")])], json!({"Entrypoint": ["/run.sh"]})));
    let image = only(&r);
    assert_eq!((image.verdict, image.reason_id), (ImageVerdict::Unknown, ImageReasonId::Script));
    assert!(image.values.contains(&("interpreter".to_string(), "/bin/sh -e".to_string())), "{:?}", image.values);
}
