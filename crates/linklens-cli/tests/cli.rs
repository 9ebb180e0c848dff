//! The CLI as users and CI pipelines run it: output shape, JSON, stdin,
//! and the documented exit statuses.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

mod support;

use support::{archive, fixture};

fn linklens(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_linklens"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn human_output_names_cause_and_command() {
    let p = fixture("lookuphost-default-go1.26");
    let (code, out, _) = linklens(&[p.to_str().unwrap()]);
    assert_eq!(code, 0);
    let first = out.lines().next().unwrap();
    assert!(
        first.ends_with("ELF 64-bit LSB x86-64 executable, dynamically linked (glibc), Go 1.26.8"),
        "{first}"
    );
    assert!(out.contains("cause dns:"), "{out}");
    assert!(out.contains("net._C2func_getaddrinfo"), "{out}");
    assert!(
        out.contains("$ CGO_ENABLED=0 go build ./cmd/lookuphost"),
        "{out}"
    );
}

#[test]
fn require_static_sets_the_exit_status() {
    let stat = fixture("hello-default-go1.26");
    let dynamic = fixture("userlookup-default-go1.26");
    assert_eq!(linklens(&["--require-static", stat.to_str().unwrap()]).0, 0);
    assert_eq!(
        linklens(&[
            "--require-static",
            stat.to_str().unwrap(),
            dynamic.to_str().unwrap()
        ])
        .0,
        1
    );
    // Without the flag a dynamic file is not an error.
    assert_eq!(linklens(&[dynamic.to_str().unwrap()]).0, 0);
}

#[test]
fn unreadable_inputs_exit_2_and_the_others_are_still_reported() {
    let stat = fixture("hello-default-go1.26");
    let text = std::env::temp_dir().join(format!("linklens-notes-{}.txt", std::process::id()));
    std::fs::write(&text, "just notes\n").unwrap();
    let (code, out, _) = linklens(&[
        "--json",
        stat.to_str().unwrap(),
        "/nonexistent/file",
        text.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 3);
    assert_eq!(arr[0]["facts"]["linkage"], "static");
    assert_eq!(arr[0]["schema"], linklens::SCHEMA_VERSION);
    assert!(arr[0]["explanation"]["headline"]
        .as_str()
        .is_some_and(|h| !h.is_empty()));
    assert_eq!(arr[0]["path"], stat.to_str().unwrap());
    assert_eq!(arr[1]["error"]["code"], "io");
    // A file named on the command line is always reported, binary or not.
    assert_eq!(arr[2]["error"]["code"], "not-object");
}

#[test]
fn a_directory_is_walked_for_binaries_without_following_links() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../target/cli-test/tree-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("usr/bin")).unwrap();
    std::fs::copy(fixture("hello-default-go1.26"), dir.join("usr/bin/hello")).unwrap();
    std::fs::copy(
        fixture("lookuphost-default-go1.26"),
        dir.join("usr/bin/lookup"),
    )
    .unwrap();
    std::fs::write(dir.join("usr/bin/script.sh"), "#!/bin/sh\necho hi\n").unwrap();
    std::fs::write(dir.join("README"), "not a binary").unwrap();
    std::os::unix::fs::symlink(dir.join("usr/bin/hello"), dir.join("usr/bin/hello-link")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("usr/loop")).unwrap();
    let (code, out, err) = linklens(&["--json", "--require-static", dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    let dir_s = dir.to_str().unwrap();
    assert_eq!(
        paths,
        vec![
            format!("{dir_s}/usr/bin/hello"),
            format!("{dir_s}/usr/bin/lookup")
        ],
        "{err}"
    );
    assert_eq!(v[1]["facts"]["linkage"], "dynamic");
    assert_eq!(code, 1, "--require-static applies to every file found");
    // An empty array for a tree with no binary, still valid JSON.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, out, _) = linklens(&["--json", empty.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, "[]\n"));
}

#[test]
fn many_files_stream_in_order_on_all_cores() {
    // The same files many times over: the output keeps the argument order
    // and is one valid JSON array, whatever order the workers finish in.
    let names = [
        "hello-default-go1.26",
        "sqlite-default-go1.26",
        "lookuphost-default-go1.26",
        "c-dynamic",
    ];
    let paths: Vec<String> = names
        .iter()
        .map(|n| fixture(n).to_str().unwrap().to_string())
        .collect();
    let args: Vec<&str> = std::iter::once("--json")
        .chain((0..25).flat_map(|_| paths.iter().map(String::as_str)))
        .collect();
    let (code, out, _) = linklens(&args);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(got, args[1..].to_vec());
    // Text mode: one blank line between reports, none at the end.
    let (_, text, _) = linklens(&["--no-color", &paths[0], &paths[3]]);
    assert!(!text.ends_with("\n\n"), "{text}");
    assert!(
        text.starts_with(&format!("{}: ", paths[0]))
            && text.contains(&format!("\n\n{}: ", paths[3])),
        "{text}"
    );
}

#[test]
fn reads_standard_input_and_rejects_non_binaries() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_linklens"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"#!/bin/sh\necho hi\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("-: error: this is not an executable or library (a script)"));

    let p = fixture("cstdio-musl-go1.26");
    let data = std::fs::read(&p).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_linklens"))
        .args(["--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&data).unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["path"], "-");
    assert_eq!(v[0]["facts"]["libc"]["name"], "musl");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(linklens(&[]).0, 2);
    assert_eq!(linklens(&["--bogus", "x"]).0, 2);
    let (code, out, _) = linklens(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("exit status"));
}

/// Runs linklens on a pseudo-terminal (util-linux `script`), where colour
/// is on by default.
fn on_terminal(args: &str, env_no_color: bool) -> String {
    let mut cmd = Command::new("script");
    cmd.args([
        "-qec",
        &format!("{} {args}", env!("CARGO_BIN_EXE_linklens")),
        "/dev/null",
    ]);
    if env_no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.output().expect("script(1) from util-linux");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    let p = fixture("lookuphost-default-go1.26");
    let p = p.to_str().unwrap();
    let coloured = on_terminal(p, false);
    assert!(
        coloured.contains("\x1b[1;31mDYNAMIC\x1b[0m"),
        "a terminal gets colour: {coloured:?}"
    );
    for plain in [
        on_terminal(&format!("--no-color {p}"), false),
        on_terminal(p, true),
    ] {
        assert!(!plain.contains('\x1b'), "{plain:?}");
        assert!(plain.contains("DYNAMIC Dynamic because of"), "{plain:?}");
    }
}

#[test]
fn text_and_markdown_say_the_same_sections() {
    // The CLI's text and the page's Markdown export come from one renderer:
    // the same report yields the same sections in the same order.
    let p = fixture("sqlite-default-go1.26");
    let (_, text, _) = linklens(&["--no-color", p.to_str().unwrap()]);
    let (_, json, _) = linklens(&["--json", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let report: linklens_explain::Report = serde_json::from_value(v[0].clone()).unwrap();
    assert_eq!(
        text,
        linklens_explain::render::text(p.to_str().unwrap(), &report, Default::default())
    );
    let md = linklens_explain::render::markdown("app", &report);
    for (t, m) in [
        ("cause cgo-dep:", "- cause `cgo-dep`:"),
        ("recommended:", "**Recommended:"),
        ("alternatives:", "**Alternatives**"),
        ("verify:", "**Verify**"),
    ] {
        assert!(
            text.contains(t) && md.contains(m),
            "{t} / {m}\n{text}\n{md}"
        );
    }
}

#[test]
fn target_gates_on_where_the_file_runs() {
    // Built on this Debian 12 machine (glibc 2.36): needs GLIBC_2.34.
    let host = fixture("lookuphost-default-go1.26");
    let (code, out, _) = linklens(&["--target", "debian-11", host.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("✘ debian-11"), "{out}");
    assert!(out.contains("Needs GLIBC_2.34; glibc 2.31 there."), "{out}");
    assert!(
        out.contains("version `GLIBC_2.34' not found (required by /app)"),
        "{out}"
    );
    // Only the named target's row; the compact line stays.
    assert!(!out.contains("✘ rhel-7 "), "{out}");
    assert!(out.contains("runs on"), "{out}");

    // The same program linked against zig's glibc 2.17 stubs runs there.
    let old = fixture("lookuphost-zig-glibc2.17-go1.26");
    let (code, out, _) = linklens(&["--target", "debian-11,rhel-7", old.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✔ rhel-7"), "{out}");
    // One failing file among several fails the gate; a repeated flag adds targets.
    let (code, _, _) = linklens(&[
        "--target",
        "rhel-7",
        "--target",
        "debian-12",
        old.to_str().unwrap(),
        host.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    // Static runs on scratch; a dynamic file does not.
    let stat = fixture("hello-default-go1.26");
    assert_eq!(
        linklens(&["--target", "scratch", stat.to_str().unwrap()]).0,
        0
    );
    assert_eq!(
        linklens(&["--target", "scratch", old.to_str().unwrap()]).0,
        1
    );
    // A glibc binary on Alpine fails as shipped; the remedy is printed.
    let (code, out, _) = linklens(&["--target", "alpine", old.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("remedy") && out.contains("RUN apk add gcompat"),
        "{out}"
    );
    // "starts, but" fails the gate only when asked: a static program that
    // verifies TLS certificates, in Debian's slim image (no CA bundle).
    let needs = fixture("needs-cgo0-go1.26");
    let (code, out, _) = linklens(&["--target", "debian-12", needs.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    // It looks host names up: what the runtime mounts is said, not lacked.
    assert!(
        out.contains("which Docker, Podman and Kubernetes mount into every container")
            && out.contains("lookup localhost on [::1]:53: …")
            && !out.contains("resolver's files"),
        "{out}"
    );
    assert!(
        out.contains("◐ debian-12")
            && out.contains("x509: certificate signed by unknown authority"),
        "{out}"
    );
    assert!(
        out.contains("RUN apt-get update && apt-get install -y ca-certificates"),
        "{out}"
    );
    assert_eq!(
        linklens(&[
            "--target",
            "debian-12",
            "--fail-on",
            "starts-but",
            needs.to_str().unwrap()
        ])
        .0,
        1
    );
    assert_eq!(
        linklens(&[
            "--target",
            "distroless-static",
            "--fail-on",
            "starts-but",
            needs.to_str().unwrap()
        ])
        .0,
        0
    );
    let (code, _, err) = linklens(&[
        "--target",
        "debian-12",
        "--fail-on",
        "works",
        needs.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("runs, starts-but, fails, maybe"), "{err}");
    // A file for another system runs on none of them.
    let mac = fixture("hello-darwin-arm64-go1.26");
    let (code, out, _) = linklens(&["--target", "debian-12", mac.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("this file is for macOS"), "{out}");
    // JSON keeps the status too.
    assert_eq!(
        linklens(&["--json", "--target", "debian-11", host.to_str().unwrap()]).0,
        1
    );
    // An unknown id is a usage error that lists the ids.
    let (code, _, err) = linklens(&["--target", "debian-9", host.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("debian-10, debian-11"), "{err}");
}

#[test]
fn targets_prints_every_row_with_its_reason() {
    let host = fixture("lookuphost-default-go1.26");
    let (code, out, _) = linklens(&["--targets", host.to_str().unwrap()]);
    assert_eq!(code, 0);
    for id in [
        "scratch",
        "distroless-static",
        "alpine",
        "debian-10",
        "ubuntu-24.04",
        "rhel-10",
        "amazonlinux-2023",
    ] {
        assert!(
            out.lines().any(|l| l.split_whitespace().nth(1) == Some(id)),
            "{id} row missing:\n{out}"
        );
    }
    assert!(
        out.contains("✘ scratch") && out.contains("exec /app: no such file or directory"),
        "{out}"
    );
    assert!(out.contains("✘ alpine"), "{out}");
    assert!(out.contains("✔ debian-12"), "{out}");
    // Without the flag: the compact line and a hint, no rows.
    let (_, out, _) = linklens(&[host.to_str().unwrap()]);
    assert!(out.contains("runs on      ✔ distroless-base-debian12, distroless-cc-debian12, busybox-glibc, debian-12–13"), "{out}");
    assert!(out.contains("--targets for every target"), "{out}");
    assert!(!out.contains("✘ scratch "), "{out}");
}

#[test]
fn archives_are_read_as_they_are_each_member_named_inside() {
    let tgz = archive("release.tar.gz");
    let t = tgz.to_str().unwrap();
    let (code, out, _) = linklens(&["--json", t]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 3, "the archive, then one entry per binary");
    assert_eq!(entries[0]["archive"]["facts"]["format"], "gzip");
    assert_eq!(
        entries[0]["archive"]["facts"]["chain"],
        serde_json::json!(["gzip", "tar"])
    );
    assert_eq!(
        (
            entries[0]["archive"]["facts"]["files"].as_u64(),
            entries[0]["archive"]["facts"]["elf"].as_u64()
        ),
        (Some(3), Some(2))
    );
    assert_eq!(entries[1]["path"], format!("{t}!/usr/bin/c-dynamic"));
    assert_eq!(entries[1]["facts"]["linkage"], "dynamic");
    assert_eq!(entries[2]["path"], format!("{t}!/usr/bin/hello-static"));
    // --require-static and --target apply to every member.
    assert_eq!(linklens(&["-q", "--require-static", t]).0, 1);
    let (code, out, _) = linklens(&["-q", t]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(&format!(
            "{t}: tar archive, gzip-compressed, files: 3, ELF: 2, Go: 0, dynamic: 1\n"
        )),
        "{out}"
    );
    assert!(out.contains(&format!("{t}!/usr/bin/c-dynamic: ELF 64-bit LSB x86-64 pie executable, dynamically linked (glibc)")), "{out}");
    assert_eq!(
        linklens(&["-q", "--target", "scratch", t]).0,
        1,
        "the dynamic member fails on scratch"
    );
}

#[test]
fn an_image_says_whether_it_starts() {
    let img = archive("scratch-cgo.docker.tar");
    let i = img.to_str().unwrap();
    let (code, out, _) = linklens(&["--json", i]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let image = &v[0]["archive"]["facts"]["images"][0];
    assert_eq!(image["verdict"], "fails");
    assert_eq!(image["reason_id"], "no-loader");
    assert_eq!(
        v[0]["archive"]["explanation"]["images"][0]["error"],
        "exec /app: no such file or directory"
    );
    assert_eq!(image["entrypoint"], serde_json::json!(["/app"]));
    assert_eq!(image["platform"], "linux/amd64");
    assert_eq!(
        image["binaries"][0]["missing"],
        serde_json::json!(["/lib64/ld-linux-x86-64.so.2", "libc.so.6"])
    );
    assert_eq!(v[1]["path"], format!("{i}!/app"));
    let (_, text, _) = linklens(&[i]);
    assert!(text.contains("✘ fails"), "{text}");
    assert!(
        text.contains("you would see  exec /app: no such file or directory"),
        "{text}"
    );
    assert!(
        text.contains("$ CGO_ENABLED=0 go build ./cmd/lookuphost"),
        "the member's rebuild command: {text}"
    );
}

#[test]
fn a_hostile_archive_exits_2_with_its_message() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/cli-test");
    std::fs::create_dir_all(&dir).unwrap();
    let cut = dir.join("cut.tar.gz");
    let whole = std::fs::read(archive("release.tar.gz")).unwrap();
    std::fs::write(&cut, &whole[..whole.len() / 3]).unwrap();
    let (code, out, _) = linklens(&["-q", cut.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("ends early: the file is cut short: the gzip decoder says \u{201c}"), "{out}");
}

#[test]
fn completions_load_in_bash_and_the_man_page_renders() {
    let (code, script, _) = linklens(&["--generate", "complete-bash"]);
    assert_eq!(code, 0);
    let out = Command::new("bash")
        .args(["-c", "source /dev/stdin; complete -p linklens; echo loaded"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(script.as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("-F _linklens linklens") && said.contains("loaded"),
        "{said}"
    );
    let (code, man, _) = linklens(&["--generate", "man"]);
    assert_eq!(code, 0);
    assert!(
        man.contains(".TH linklens 1") && man.contains("\\-\\-require\\-static"),
        "{man}"
    );
    // Hidden from --help: it is for packagers.
    assert!(!linklens(&["--help"]).1.contains("--generate"));
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    // A pipe or a CI log gets no bar: standard error stays empty.
    let tar = archive("release.tar.gz");
    let (code, out, err) = linklens(&["--json", tar.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(err, "", "stderr must stay clean without a terminal");
}

/// GOWASM is the one setting Go records only in a WebAssembly module: such
/// a module links nothing at run time, `go version -m` cannot read it, and
/// linklens declines it by name (the settings table's `WasmOnly` row).
#[test]
fn a_webassembly_module_is_declined_as_go_version_declines_it() {
    let go_here = Command::new("go").arg("version").output().is_ok_and(|o| o.status.success());
    if !go_here {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "go is missing under CI=true");
        eprintln!("SKIPPED: go is not installed");
        return;
    }
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/src");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hello-gowasm.wasm");
    let build = Command::new("go")
        .args(["build", "-o"])
        .arg(&out)
        .arg("./cmd/hello")
        .current_dir(src)
        .envs([("GOOS", "wasip1"), ("GOARCH", "wasm"), ("GOWASM", "satconv,signext"), ("GOTOOLCHAIN", "local"), ("GOFLAGS", "-mod=mod")])
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let (code, stdout, _) = linklens(&[out.to_str().unwrap()]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.contains("error: this is not an executable or library (a WebAssembly module)"), "{stdout}");
    let version = Command::new("go").args(["version", "-m"]).arg(&out).output().unwrap();
    let said = String::from_utf8_lossy(&version.stderr).into_owned() + &String::from_utf8_lossy(&version.stdout);
    assert!(said.contains("unrecognized file format"), "go version -m read it: {said}");
}
