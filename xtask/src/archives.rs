//! Archive and image fixtures, built by real tools around small fixture
//! binaries: `tar`, `gzip`, `xz`, `zstd`, `zip`, `dpkg-deb`, and for images
//! `umoci` (OCI layouts, layers with whiteouts) and `skopeo` (`docker save`
//! format, zstd layers). What each must give is recorded by construction
//! in `fixtures/archives/manifest.json`: the members put in, and for each
//! image the verdict its contents imply. Every file is stored gzipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::{run, Result};

fn sh(cwd: &Path, script: &str) -> Result<()> {
    run(Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(cwd))
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stub shared library whose version definitions stop at `top` (the
/// glibc of a made-up base image), built with a version script.
fn stub_libc(dir: &Path, name: &str, soname: &str, versions: &[&str]) -> Result<PathBuf> {
    let mut script = String::new();
    let mut c = String::new();
    let mut prev: Option<String> = None;
    for (i, v) in versions.iter().enumerate() {
        script.push_str(&format!(
            "{v} {{ global: stub_{i}; }}{};\n",
            prev.as_deref().map(|p| format!(" {p}")).unwrap_or_default()
        ));
        c.push_str(&format!("int stub_{i}(void) {{ return {i}; }}\n"));
        prev = Some(v.to_string());
    }
    std::fs::write(dir.join(format!("{name}.map")), script)?;
    std::fs::write(dir.join(format!("{name}.c")), c)?;
    let out = dir.join(name);
    run(Command::new("gcc")
        .args(["-shared", "-nostdlib", "-fPIC", "-O2", "-s"])
        .arg(format!("-Wl,--version-script={name}.map"))
        .arg(format!("-Wl,-soname,{soname}"))
        .args(["-o", name, &format!("{name}.c")])
        .current_dir(dir))?;
    Ok(out)
}

const SLIM: &str = "mkdir -p lib/x86_64-linux-gnu lib64 etc && cp $B/libc-2.36.so lib/x86_64-linux-gnu/libc.so.6 && cp $B/ld-stub.so lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 && ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 lib64/ld-linux-x86-64.so.2 && printf 'ID=debian\\nVERSION_ID=\"12\"\\n' > etc/os-release";

const GLIBC_236: &[&str] = &[
    "GLIBC_2.2.5",
    "GLIBC_2.3",
    "GLIBC_2.17",
    "GLIBC_2.28",
    "GLIBC_2.31",
    "GLIBC_2.34",
    "GLIBC_2.35",
    "GLIBC_2.36",
];
const GLIBC_231: &[&str] = &[
    "GLIBC_2.2.5",
    "GLIBC_2.3",
    "GLIBC_2.17",
    "GLIBC_2.28",
    "GLIBC_2.31",
];

/// One image to build with umoci: layers as shell steps run in the
/// unpacked root, then the config.
struct ImageSpec {
    name: &'static str,
    arch: &'static str,
    layers: &'static [&'static str],
    entrypoint: &'static str,
    expect: Value,
}

pub fn build(root: &Path, bins: &Path) -> Result<()> {
    let out = root.join("fixtures/archives");
    let work = root.join("fixtures/.build/archives");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    std::fs::create_dir_all(&out)?;
    for f in std::fs::read_dir(&out)? {
        let _ = std::fs::remove_file(f?.path());
    }
    // The binaries put inside, from the binary fixtures.
    let gunzip = |name: &str, to: &Path| -> Result<()> {
        let bytes = std::fs::read(bins.join(format!("{name}.gz")))?;
        let mut raw = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut raw)?;
        std::fs::write(to, raw)?;
        Ok(())
    };
    let b = work.join("bin");
    std::fs::create_dir_all(&b)?;
    for name in [
        "c-dynamic",
        "c-static",
        "lookuphost-default-go1.26",
        "lookuphost-netgo-go1.26",
        "needs-cgo0-go1.26",
    ] {
        gunzip(name, &b.join(name))?;
    }
    std::fs::write(
        b.join("hello.c"),
        "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n",
    )?;
    let python = crate::setup::fixture_tools()?;
    run(Command::new(&python)
        .args([
            "-m",
            "ziglang",
            "cc",
            "-target",
            "aarch64-linux-musl",
            "-static",
            "-Os",
            "-s",
            "-o",
            "hello-arm64",
            "hello.c",
        ])
        .current_dir(&b))?;
    run(Command::new(&python)
        .args([
            "-m",
            "ziglang",
            "cc",
            "-target",
            "x86_64-linux-musl",
            "-static",
            "-Os",
            "-s",
            "-o",
            "hello-amd64",
            "hello.c",
        ])
        .current_dir(&b))?;
    stub_libc(&b, "libc-2.36.so", "libc.so.6", GLIBC_236)?;
    stub_libc(&b, "libc-2.31.so", "libc.so.6", GLIBC_231)?;
    stub_libc(&b, "ld-stub.so", "ld-linux-x86-64.so.2", &["GLIBC_2.3"])?;
    stub_libc(&b, "musl-stub.so", "libc.musl-x86_64.so.1", &["MUSL"])?;

    let mut manifest: Vec<Value> = Vec::new();
    let members = |v: &[(&str, &str)]| -> Value {
        Value::Array(
            v.iter()
                .map(|(p, l)| json!({"path": p, "linkage": l}))
                .collect(),
        )
    };

    // Release archives: two C binaries and a README, in every format.
    let rel = work.join("release");
    std::fs::create_dir_all(rel.join("usr/bin"))?;
    std::fs::copy(b.join("c-dynamic"), rel.join("usr/bin/c-dynamic"))?;
    std::fs::copy(b.join("hello-amd64"), rel.join("usr/bin/hello-static"))?;
    std::fs::write(rel.join("README.md"), "# release\n")?;
    let release_members = members(&[
        ("usr/bin/c-dynamic", "dynamic"),
        ("usr/bin/hello-static", "static"),
    ]);
    sh(
        &rel,
        &format!(
            "tar --sort=name --owner=0 --group=0 --mtime=@0 -cf {w}/release.tar README.md usr
         gzip -n9c {w}/release.tar > {w}/release.tar.gz
         xz -9c {w}/release.tar > {w}/release.tar.xz
         zstd -q19c {w}/release.tar > {w}/release.tar.zst
         rm -f {w}/release.zip {w}/release-stored.zip
         zip -qrX {w}/release.zip README.md usr
         zip -qrX0 {w}/release-stored.zip README.md usr
         gzip -n9c usr/bin/c-dynamic > {w}/c-dynamic.gz
         xz -9c usr/bin/c-dynamic > {w}/c-dynamic.xz
         zstd -q19c usr/bin/c-dynamic > {w}/c-dynamic.zst
         cd {w} && rm -f nested.zip && zip -qX0 nested.zip release.tar.gz",
            w = work.display()
        ),
    )?;
    for (name, format, chain) in [
        ("release.tar", "tar", vec!["tar"]),
        ("release.tar.gz", "gzip", vec!["gzip", "tar"]),
        ("release.tar.xz", "xz", vec!["xz", "tar"]),
        ("release.tar.zst", "zstd", vec!["zstd", "tar"]),
        ("release.zip", "zip", vec!["zip"]),
        ("release-stored.zip", "zip", vec!["zip"]),
    ] {
        manifest.push(json!({"name": name, "format": format, "chain": chain, "files": 3, "members": release_members, "images": []}));
    }
    for (name, format) in [
        ("c-dynamic.gz", "gzip"),
        ("c-dynamic.xz", "xz"),
        ("c-dynamic.zst", "zstd"),
    ] {
        manifest.push(json!({"name": name, "format": format, "chain": [format], "files": 1, "members": members(&[("", "dynamic")]), "images": []}));
    }
    manifest.push(json!({"name": "nested.zip", "format": "zip", "chain": ["zip"], "files": 4,
        "members": members(&[("release.tar.gz!/usr/bin/c-dynamic", "dynamic"), ("release.tar.gz!/usr/bin/hello-static", "static")]), "images": []}));

    // A Debian package, built by dpkg-deb.
    let deb = work.join("deb");
    std::fs::create_dir_all(deb.join("DEBIAN"))?;
    std::fs::create_dir_all(deb.join("usr/bin"))?;
    std::fs::copy(b.join("c-dynamic"), deb.join("usr/bin/hello"))?;
    std::fs::write(deb.join("DEBIAN/control"), "Package: hello\nVersion: 1.0\nArchitecture: amd64\nMaintainer: linklens <fixtures@example.invalid>\nDescription: a fixture\n")?;
    sh(
        &work,
        "dpkg-deb -Zxz --root-owner-group --build deb hello_1.0_amd64.deb >/dev/null",
    )?;
    manifest.push(
        json!({"name": "hello_1.0_amd64.deb", "format": "deb", "chain": ["deb"], "files": 5,
        "members": members(&[("data.tar.xz!/usr/bin/hello", "dynamic")]), "images": []}),
    );

    // Images.
    let images = [
        ImageSpec { name: "scratch-c", arch: "amd64", layers: &["cp $B/c-dynamic app"], entrypoint: "/app",
            expect: json!({"verdict": "fails", "reason_id": "no-loader", "program": "/app", "missing": ["/lib64/ld-linux-x86-64.so.2", "libc.so.6"]}) },
        ImageSpec { name: "scratch-cgo", arch: "amd64", layers: &["cp $B/lookuphost-default-go1.26 app"], entrypoint: "/app",
            expect: json!({"verdict": "fails", "reason_id": "no-loader", "program": "/app", "missing": ["/lib64/ld-linux-x86-64.so.2", "libc.so.6"]}) },
        ImageSpec { name: "scratch-static", arch: "amd64", layers: &["cp $B/lookuphost-netgo-go1.26 app"], entrypoint: "/app",
            expect: json!({"verdict": "starts", "reason_id": "static", "program": "/app", "missing": []}) },
        // A static program that verifies TLS certificates, loads a zone and
        // looks up a user: in scratch it starts, but nothing it reads is there.
        ImageSpec { name: "scratch-tls", arch: "amd64", layers: &["cp $B/needs-cgo0-go1.26 app"], entrypoint: "/app",
            expect: json!({"verdict": "starts-but", "reason_id": "no-ca-bundle", "program": "/app", "missing": [], "lacks": ["ca-bundle", "zoneinfo", "accounts"]}) },
        // The same with what it reads: a CA bundle (one root), one zone, /etc/passwd.
        ImageSpec { name: "scratch-tls-files", arch: "amd64",
            layers: &["mkdir -p etc/ssl/certs usr/share/zoneinfo/America && cp $S/cmd/needs/root.pem etc/ssl/certs/ca-certificates.crt \
                       && cp /usr/share/zoneinfo/America/New_York usr/share/zoneinfo/America/ && printf 'root:x:0:0:root:/root:/sbin/nologin\\n' > etc/passwd \
                       && cp $B/needs-cgo0-go1.26 app"],
            entrypoint: "/app", expect: json!({"verdict": "starts", "reason_id": "static", "program": "/app", "missing": []}) },
        ImageSpec { name: "slim-dynamic", arch: "amd64", layers: &[SLIM, "mkdir -p usr/local/bin && cp $B/c-dynamic usr/local/bin/app"], entrypoint: "app",
            expect: json!({"verdict": "starts", "reason_id": "all-found", "program": "/usr/local/bin/app", "missing": [], "libc": "2.36"}) },
        ImageSpec { name: "slim-old-glibc", arch: "amd64",
            layers: &["mkdir -p lib/x86_64-linux-gnu lib64 && cp $B/libc-2.31.so lib/x86_64-linux-gnu/libc.so.6 && cp $B/ld-stub.so lib64/ld-linux-x86-64.so.2", "cp $B/c-dynamic app"],
            entrypoint: "/app", expect: json!({"verdict": "fails", "reason_id": "glibc-too-old", "program": "/app", "missing": [], "libc": "2.31"}) },
        ImageSpec { name: "slim-no-libc", arch: "amd64", layers: &["mkdir -p lib64 && cp $B/ld-stub.so lib64/ld-linux-x86-64.so.2 && cp $B/c-dynamic app"], entrypoint: "/app",
            expect: json!({"verdict": "fails", "reason_id": "missing-library", "program": "/app", "missing": ["libc.so.6"]}) },
        ImageSpec { name: "alpine-glibc", arch: "amd64",
            layers: &["mkdir -p lib etc && cp $B/musl-stub.so lib/ld-musl-x86_64.so.1 && printf 'ID=alpine\\n' > etc/os-release", "cp $B/c-dynamic app"],
            entrypoint: "/app", expect: json!({"verdict": "fails", "reason_id": "no-loader", "program": "/app", "missing": ["/lib64/ld-linux-x86-64.so.2", "libc.so.6"]}) },
        ImageSpec { name: "whiteout-loader", arch: "amd64", layers: &[SLIM, "cp $B/c-dynamic app && rm lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"], entrypoint: "/app",
            expect: json!({"verdict": "fails", "reason_id": "no-loader", "program": "/app", "missing": ["/lib64/ld-linux-x86-64.so.2"]}) },
        ImageSpec { name: "script", arch: "amd64", layers: &["printf '#!/bin/sh\\necho hi\\n' > start.sh && chmod +x start.sh && cp $B/hello-amd64 tool"], entrypoint: "/start.sh",
            expect: json!({"verdict": "unknown", "reason_id": "script", "program": "/start.sh", "missing": []}) },
        ImageSpec { name: "multi-amd64", arch: "amd64", layers: &["cp $B/hello-amd64 hello"], entrypoint: "/hello", expect: Value::Null },
        ImageSpec { name: "multi-arm64", arch: "arm64", layers: &["cp $B/hello-arm64 hello"], entrypoint: "/hello", expect: Value::Null },
    ];
    let layout = work.join("oci");
    sh(&work, "umoci init --layout oci")?;
    for img in &images {
        let bundle = work.join(format!("bundle-{}", img.name));
        let tag = img.name;
        sh(
            &work,
            &format!(
                "umoci new --image oci:{tag} && umoci unpack --rootless --image oci:{tag} {}",
                bundle.display()
            ),
        )?;
        for step in img.layers {
            sh(
                &bundle.join("rootfs"),
                &format!(
                    "B={} ; S={} ; {step}",
                    b.display(),
                    root.join("fixtures/src").display()
                ),
            )?;
            sh(
                &work,
                &format!(
                    "umoci repack --refresh-bundle --image oci:{tag} {}",
                    bundle.display()
                ),
            )?;
        }
        sh(&work, &format!("umoci config --image oci:{tag} --architecture {} --os linux --config.entrypoint {}", img.arch, img.entrypoint))?;
    }
    sh(&work, "umoci gc --layout oci")?;
    // One layout per image (the tar a user would have), in both formats.
    for img in images.iter().filter(|i| !i.expect.is_null()) {
        let name = img.name;
        sh(&work, &format!(
            "rm -rf one && skopeo copy -q oci:oci:{name} oci:one:{name} && tar --sort=name --owner=0 --group=0 --mtime=@0 -C one -cf {name}.oci.tar . \
             && rm -f {name}.docker.tar && skopeo copy -q oci:oci:{name} docker-archive:{name}.docker.tar:linklens/{name}:latest"
        ))?;
        // The Go binaries are the size of the fixtures: one format each.
        let formats: &[(String, &str)] = match name {
            "scratch-cgo" | "scratch-static" | "scratch-tls-files" => {
                &[(format!("{name}.docker.tar"), "docker-archive")]
            }
            "scratch-tls" => &[(format!("{name}.oci.tar"), "oci-layout")],
            "scratch-c" => &[(format!("{name}.oci.tar"), "oci-layout")],
            _ => &[
                (format!("{name}.oci.tar"), "oci-layout"),
                (format!("{name}.docker.tar"), "docker-archive"),
            ],
        };
        for (file, format) in formats {
            let mut e = img.expect.clone();
            e["platform"] = json!(format!("linux/{}", img.arch));
            manifest
                .push(json!({"name": file, "format": format, "chain": [format], "images": [e]}));
        }
    }
    // zstd layers, converted by skopeo.
    sh(&work, "rm -rf z && skopeo copy -q --dest-compress-format zstd --dest-compress oci:oci:slim-dynamic oci:z:slim-dynamic && tar --sort=name --owner=0 --group=0 --mtime=@0 -C z -cf slim-dynamic-zstd.oci.tar .")?;
    let mut e = images
        .iter()
        .find(|i| i.name == "slim-dynamic")
        .ok_or("slim-dynamic")?
        .expect
        .clone();
    e["platform"] = json!("linux/amd64");
    manifest.push(json!({"name": "slim-dynamic-zstd.oci.tar", "format": "oci-layout", "chain": ["oci-layout"], "layers_compression": "zstd", "images": [e]}));
    // A multi-platform index over the two hello images.
    multi_platform(&layout, &work)?;
    manifest.push(json!({"name": "multi.oci.tar", "format": "oci-layout", "chain": ["oci-layout"], "images": [
        {"platform": "linux/amd64", "verdict": "starts", "reason_id": "static", "program": "/hello", "missing": []},
        {"platform": "linux/arm64", "verdict": "starts", "reason_id": "static", "program": "/hello", "missing": []},
    ]}));

    // Store each one gzipped (the tests gunzip them), and the manifest.
    for entry in &manifest {
        let name = entry["name"].as_str().ok_or("name")?;
        let bytes = std::fs::read(work.join(name))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &bytes)?;
        std::fs::write(out.join(format!("{name}.gz")), gz.finish()?)?;
    }
    let total: u64 = std::fs::read_dir(&out)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let doc = json!({
        "comment": "Written by `cargo xtask fixtures` (xtask/src/archives.rs). What each archive must give is by construction: the members put in and the verdict their images' contents imply. Each file is stored gzipped.",
        "archives": manifest,
    });
    std::fs::write(
        out.join("manifest.json"),
        serde_json::to_string_pretty(&doc)? + "\n",
    )?;
    eprintln!(
        "archives: {} fixtures, {:.1} MB compressed in fixtures/archives",
        doc["archives"].as_array().map_or(0, Vec::len),
        total as f64 / 1e6
    );
    Ok(())
}

/// Write an image index listing the amd64 and arm64 manifests, as a
/// multi-platform build pushes, and make it the layout's one entry.
fn multi_platform(layout: &Path, work: &Path) -> Result<()> {
    let index: Value = serde_json::from_str(&std::fs::read_to_string(layout.join("index.json"))?)?;
    let find = |tag: &str| -> Result<Value> {
        index["manifests"]
            .as_array()
            .and_then(|m| {
                m.iter()
                    .find(|d| d["annotations"]["org.opencontainers.image.ref.name"] == tag)
            })
            .cloned()
            .ok_or_else(|| format!("no {tag} in the layout").into())
    };
    let mut list = Vec::new();
    for (tag, arch) in [("multi-amd64", "amd64"), ("multi-arm64", "arm64")] {
        let mut d = find(tag)?;
        d.as_object_mut().ok_or("descriptor")?.remove("annotations");
        d["platform"] = json!({"architecture": arch, "os": "linux"});
        list.push(d);
    }
    // The attestation manifest buildx adds: skipped by readers.
    let mut att = list[0].clone();
    att["platform"] = json!({"architecture": "unknown", "os": "unknown"});
    att["annotations"] = json!({"vnd.docker.reference.type": "attestation-manifest"});
    list.push(att);
    let blob = serde_json::to_vec(
        &json!({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": list}),
    )?;
    let digest = sha256(&blob);
    let multi = work.join("multi");
    let _ = std::fs::remove_dir_all(&multi);
    sh(work, "skopeo copy -q oci:oci:multi-amd64 oci:multi:a && skopeo copy -q oci:oci:multi-arm64 oci:multi:b")?;
    std::fs::write(multi.join(format!("blobs/sha256/{digest}")), &blob)?;
    let top = json!({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.index.v1+json", "digest": format!("sha256:{digest}"), "size": blob.len(),
        "annotations": {"org.opencontainers.image.ref.name": "multi"}}]});
    std::fs::write(multi.join("index.json"), serde_json::to_vec(&top)?)?;
    sh(
        work,
        "tar --sort=name --owner=0 --group=0 --mtime=@0 -C multi -cf multi.oci.tar .",
    )
}
