use super::*;
use linklens::portability::{requirements, Needed};
use linklens::Format;
use linklens::{FixId, Import, TargetId as T};

fn needed(library: &str, version: &str, weak: bool) -> Needed {
    Needed {
        library: library.into(),
        version: version.into(),
        weak,
    }
}

fn import(name: &str, library: &str, version: &str) -> Import {
    Import {
        name: name.into(),
        version: Some(version.into()),
        library: Some(library.into()),
        weak: false,
        cause: None,
    }
}

struct File {
    linkage: Linkage,
    libc: LibcName,
    goarch: &'static str,
    interpreter: Option<&'static str>,
    needs: Vec<&'static str>,
    versions: Vec<Needed>,
    imports: Vec<Import>,
    os: Os,
}

fn glibc_file(versions: Vec<Needed>, imports: Vec<Import>) -> File {
    File {
        linkage: Linkage::Dynamic,
        libc: LibcName::Glibc,
        goarch: "amd64",
        interpreter: Some("/lib64/ld-linux-x86-64.so.2"),
        needs: vec!["libc.so.6"],
        versions,
        imports,
        os: Os::Linux,
    }
}

/// The facts' floors, and the targets judged from them.
struct Judged {
    floors: Portability,
    targets: Vec<TargetResult>,
    note: Option<String>,
}

fn judged(f: &File) -> Judged {
    let mut facts = Facts::new(Format::Elf, "x".into(), Some(f.goarch), 64, false, 0);
    facts.linkage = f.linkage;
    facts.libc.name = f.libc;
    facts.os.name = f.os;
    facts.dynamic = Dynamic {
        interpreter: f.interpreter.map(str::to_string),
        needed: f.needs.iter().map(|s| s.to_string()).collect(),
        ..Dynamic::default()
    };
    facts.portability = requirements(&f.versions, &f.imports, f.libc, f.linkage);
    let (targets, note) = judge(&facts, &[]);
    Judged {
        floors: facts.portability,
        targets,
        note,
    }
}

fn row(p: &Judged, id: T) -> &TargetResult {
    p.targets
        .iter()
        .find(|t| t.id == id)
        .expect("every target has a row")
}

fn verdicts(p: &Judged) -> Vec<(T, Verdict, ReasonId)> {
    p.targets
        .iter()
        .map(|t| (t.id, t.verdict, t.reason_id))
        .collect()
}

#[test]
fn static_runs_wherever_its_architecture_is_published() {
    let mut f = glibc_file(vec![], vec![]);
    f.linkage = Linkage::Static;
    f.interpreter = None;
    f.needs.clear();
    let p = judged(&f);
    assert_eq!(p.targets.len(), T::ALL.len());
    assert!(p.targets.iter().all(|t| t.verdict == Verdict::Runs
        && t.reason_id == ReasonId::Static
        && t.error.is_none()));
    f.goarch = "s390x";
    let p = judged(&f);
    let al2 = row(&p, T::AmazonLinux2);
    assert_eq!(
        (al2.verdict, al2.reason_id),
        (Verdict::Fails, ReasonId::ArchUnpublished)
    );
    assert_eq!(al2.error.as_deref(), Some("exec /app: exec format error"));
    assert!(
        al2.reason.contains("Amazon Linux 2") && al2.reason.contains("s390x"),
        "{}",
        al2.reason
    );
    assert_eq!(row(&p, T::Scratch).verdict, Verdict::Runs);
    assert_eq!(row(&p, T::Debian12).verdict, Verdict::Runs);
    // RHEL 7 has no arm64 image; Ubuntu 20.04 no 386.
    f.goarch = "arm64";
    assert_eq!(
        row(&judged(&f), T::Rhel7).reason_id,
        ReasonId::ArchUnpublished
    );
    f.goarch = "386";
    assert_eq!(
        row(&judged(&f), T::Ubuntu2004).reason_id,
        ReasonId::ArchUnpublished
    );
    assert_eq!(row(&judged(&f), T::Ubuntu1804).verdict, Verdict::Runs);
}

#[test]
fn the_glibc_floor_names_the_symbols_that_raise_it() {
    let f = glibc_file(
        vec![
            needed("libc.so.6", "GLIBC_2.2.5", false),
            needed("libc.so.6", "GLIBC_2.34", false),
            needed("libc.so.6", "GLIBC_2.32", false),
        ],
        vec![
            import("pthread_create", "libc.so.6", "GLIBC_2.34"),
            import("__libc_start_main", "libc.so.6", "GLIBC_2.34"),
            import("malloc", "libc.so.6", "GLIBC_2.2.5"),
            import("pthread_sigmask", "libc.so.6", "GLIBC_2.32"),
        ],
    );
    let p = judged(&f);
    assert_eq!(p.floors.glibc_min.as_deref(), Some("2.34"));
    assert_eq!(p.floors.glibc_min_weak, None);
    assert_eq!(
        p.floors.requires[1].symbols,
        ["__libc_start_main", "pthread_create"]
    );
    let d11 = row(&p, T::Debian11);
    assert_eq!(
        (d11.verdict, d11.reason_id),
        (Verdict::Fails, ReasonId::GlibcTooOld)
    );
    assert_eq!(d11.reason, "Needs GLIBC_2.34; glibc 2.31 there.");
    // The loader's lines: the path it resolved, every missing version in the file's order.
    assert_eq!(
        d11.error.as_deref(),
        Some("/app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app)\n/app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.32' not found (required by /app)")
    );
    // Red Hat's and Amazon's libraries are in /lib64; only what is missing there is printed.
    assert_eq!(row(&p, T::Rhel8).error.as_deref(), Some("/app: /lib64/libc.so.6: version `GLIBC_2.34' not found (required by /app)\n/app: /lib64/libc.so.6: version `GLIBC_2.32' not found (required by /app)"));
    let mut arm = f;
    arm.goarch = "arm64";
    assert!(row(&judged(&arm), T::Debian11)
        .error
        .as_deref()
        .unwrap()
        .starts_with("/app: /lib/aarch64-linux-gnu/libc.so.6: version `GLIBC_2.34'"));
    // 2.34 is exactly RHEL 9's: it runs there, as on every newer glibc.
    for id in [
        T::Rhel9,
        T::AmazonLinux2023,
        T::Ubuntu2204,
        T::Debian12,
        T::Debian13,
        T::DistrolessBaseDebian12,
        T::BusyboxGlibc,
    ] {
        assert_eq!(row(&p, id).verdict, Verdict::Runs, "{id}");
    }
    for id in [
        T::Debian10,
        T::Ubuntu1804,
        T::Ubuntu2004,
        T::Rhel7,
        T::Rhel8,
        T::AmazonLinux2,
    ] {
        assert_eq!(row(&p, id).reason_id, ReasonId::GlibcTooOld, "{id}");
    }
    for id in [T::Scratch, T::DistrolessStatic, T::BusyboxMusl] {
        let r = row(&p, id);
        assert_eq!(
            (r.verdict, r.reason_id),
            (Verdict::Fails, ReasonId::NoLoader),
            "{id}"
        );
        assert!(r.reason.contains("/lib64/ld-linux-x86-64.so.2"));
        assert_eq!(
            r.error.as_deref(),
            Some("exec /app: no such file or directory")
        );
    }
    // Alpine as shipped has no glibc loader: it fails, and gcompat is the remedy.
    let alpine = row(&p, T::Alpine);
    assert_eq!(
        (alpine.verdict, alpine.reason_id),
        (Verdict::Fails, ReasonId::GlibcOnMusl)
    );
    assert_eq!(
        alpine
            .remedies
            .iter()
            .map(|r| (r.id, r.command.as_str()))
            .collect::<Vec<_>>(),
        [(RemedyId::Gcompat, "RUN apk add gcompat")]
    );
}

#[test]
fn weak_only_requirements_are_reported_apart() {
    let f = glibc_file(
        vec![
            needed("libc.so.6", "GLIBC_2.34", false),
            needed("libc.so.6", "GLIBC_2.39", true),
        ],
        vec![
            import("pidfd_spawnp", "libc.so.6", "GLIBC_2.39"),
            import("__libc_start_main", "libc.so.6", "GLIBC_2.34"),
        ],
    );
    let p = judged(&f);
    assert_eq!(
        (
            p.floors.glibc_min.as_deref(),
            p.floors.glibc_min_weak.as_deref()
        ),
        (Some("2.34"), Some("2.39"))
    );
    let d12 = row(&p, T::Debian12);
    assert_eq!(
        (d12.verdict, d12.reason_id),
        (Verdict::Maybe, ReasonId::GlibcWeakTooOld)
    );
    assert!(d12
        .error
        .as_deref()
        .unwrap()
        .contains("undefined symbol: pidfd_spawnp, version GLIBC_2.39"));
    assert_eq!(row(&p, T::Ubuntu2404).verdict, Verdict::Runs);
    // Below the strong floor, the strong requirement decides.
    assert_eq!(row(&p, T::Debian11).reason_id, ReasonId::GlibcTooOld);
}

#[test]
fn glibc_abi_dt_relr_counts_as_2_36() {
    let f = glibc_file(
        vec![
            needed("libc.so.6", "GLIBC_ABI_DT_RELR", false),
            needed("libc.so.6", "GLIBC_2.2.5", false),
        ],
        vec![],
    );
    let p = judged(&f);
    assert_eq!(p.floors.glibc_min.as_deref(), Some("2.36"));
    assert_eq!(row(&p, T::Ubuntu2204).reason_id, ReasonId::GlibcTooOld);
    assert_eq!(
        row(&p, T::Ubuntu2204).error.as_deref(),
        Some("/app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_ABI_DT_RELR' not found (required by /app)")
    );
}

#[test]
fn musl_dynamic_needs_musls_loader() {
    let f = File {
        libc: LibcName::Musl,
        interpreter: Some("/lib/ld-musl-x86_64.so.1"),
        needs: vec!["libc.so"],
        ..glibc_file(vec![], vec![])
    };
    let p = judged(&f);
    assert!(p.floors.musl);
    assert_eq!(row(&p, T::Alpine).reason_id, ReasonId::MuslOk);
    assert_eq!(row(&p, T::Alpine).verdict, Verdict::Runs);
    assert_eq!(row(&p, T::Debian12).reason_id, ReasonId::MuslOnGlibc);
    assert_eq!(
        row(&p, T::BusyboxMusl).reason_id,
        ReasonId::MuslLoaderMissing
    );
    assert_eq!(row(&p, T::Scratch).reason_id, ReasonId::NoLoader);
}

#[test]
fn libraries_beyond_libc_are_missing_or_installable() {
    let mut f = glibc_file(vec![needed("libc.so.6", "GLIBC_2.2.5", false)], vec![]);
    f.needs.push("libsqlite3.so.0");
    let p = judged(&f);
    let base = row(&p, T::DistrolessBaseDebian12);
    assert_eq!(
        (base.verdict, base.reason_id),
        (Verdict::Fails, ReasonId::LibraryMissing)
    );
    assert!(base
        .error
        .as_deref()
        .unwrap()
        .contains("error while loading shared libraries: libsqlite3.so.0"));
    let d12 = row(&p, T::Debian12);
    // Not in the image as shipped: it fails; installing the package is the remedy.
    assert_eq!(
        (d12.verdict, d12.reason_id),
        (Verdict::Fails, ReasonId::LibraryInstallable)
    );
    assert_eq!(
        d12.remedies[0].command,
        "RUN apt-get update && apt-get install -y libsqlite3-0"
    );
    assert_eq!(
        row(&p, T::Rhel9).remedies[0].command,
        "RUN dnf install -y sqlite-libs"
    );
    assert_eq!(
        row(&p, T::Debian13).verdict,
        Verdict::Runs,
        "trixie's slim image has libsqlite3"
    );
    // A library no package table row names: the reason, no remedy.
    f.needs = vec!["libc.so.6", "libfoo.so.1"];
    assert!(row(&judged(&f), T::Debian12).remedies.is_empty());
    // distroless base has OpenSSL 3.
    f.needs = vec!["libc.so.6", "libssl.so.3"];
    assert_eq!(
        row(&judged(&f), T::DistrolessBaseDebian12).verdict,
        Verdict::Runs
    );
    assert_eq!(
        row(&judged(&f), T::BusyboxGlibc).reason_id,
        ReasonId::LibraryMissing
    );
}

#[test]
fn cxx_runtime_and_its_versions() {
    let mut f = glibc_file(
        vec![
            needed("libc.so.6", "GLIBC_2.34", false),
            needed("libstdc++.so.6", "GLIBCXX_3.4.30", false),
            needed("libstdc++.so.6", "CXXABI_1.3.9", false),
        ],
        vec![import("_ZSt4cout", "libstdc++.so.6", "GLIBCXX_3.4.30")],
    );
    f.needs = vec!["libstdc++.so.6", "libgcc_s.so.1", "libc.so.6"];
    let p = judged(&f);
    assert_eq!(
        (
            p.floors.glibcxx_min.as_deref(),
            p.floors.cxxabi_min.as_deref()
        ),
        (Some("3.4.30"), Some("1.3.9"))
    );
    assert_eq!(
        row(&p, T::DistrolessBaseDebian12).reason_id,
        ReasonId::LibraryMissing
    );
    assert_eq!(row(&p, T::DistrolessCcDebian12).verdict, Verdict::Runs);
    let rhel9 = row(&p, T::Rhel9);
    assert_eq!(
        (rhel9.verdict, rhel9.reason_id),
        (Verdict::Fails, ReasonId::CxxTooOld)
    );
    assert!(
        rhel9.reason == "Needs GLIBCXX_3.4.30; libstdc++ 3.4.29 there.",
        "{}",
        rhel9.reason
    );
    assert_eq!(
        rhel9.error.as_deref(),
        Some("/app: /lib64/libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by /app)")
    );
    assert_eq!(row(&p, T::Debian12).verdict, Verdict::Runs);
}

#[test]
fn other_systems_get_a_sentence_not_targets() {
    let mut f = glibc_file(vec![], vec![]);
    f.os = Os::Openbsd;
    let p = judged(&f);
    assert!(p.targets.is_empty());
    assert_eq!(
        p.note.as_deref(),
        Some("Targets are Linux images and distributions; this file is for OpenBSD.")
    );
}

#[test]
fn an_unknown_libc_cannot_be_judged_but_a_missing_loader_can() {
    let mut f = glibc_file(vec![], vec![]);
    f.libc = LibcName::Unknown;
    f.interpreter = Some("/lib/ld-weird.so");
    let p = judged(&f);
    assert_eq!(row(&p, T::Debian12).reason_id, ReasonId::LibcUnknown);
    assert_eq!(row(&p, T::Debian12).verdict, Verdict::Maybe);
    assert_eq!(row(&p, T::Scratch).reason_id, ReasonId::NoLoader);
}

#[test]
fn every_row_is_in_table_order_with_its_catalogue_name() {
    let p = judged(&glibc_file(vec![], vec![]));
    let ids: Vec<T> = p.targets.iter().map(|t| t.id).collect();
    assert_eq!(ids, T::ALL);
    for t in &p.targets {
        assert_eq!(t.name, crate::catalogue::target(t.id).name);
        assert!(
            !t.reason.contains('{'),
            "{}: unfilled placeholder in {}",
            t.id,
            t.reason
        );
    }
    assert!(verdicts(&p).iter().any(|v| v.1 == Verdict::Runs));
}

#[test]
fn oldest_glibc_target_at_or_above_a_floor() {
    assert_eq!(oldest_with_glibc("2.17"), Some(T::Rhel7));
    assert_eq!(oldest_with_glibc("2.36"), Some(T::DistrolessBaseDebian12));
    assert_eq!(oldest_with_glibc("2.29"), Some(T::Debian11));
    assert_eq!(oldest_with_glibc("2.42"), None);
}

#[test]
fn the_fix_of_a_failing_row_is_the_recommended_one() {
    let f = glibc_file(vec![needed("libc.so.6", "GLIBC_2.34", false)], vec![]);
    let mut facts = Facts::new(Format::Elf, "x".into(), Some("amd64"), 64, false, 0);
    facts.linkage = f.linkage;
    facts.libc.name = f.libc;
    facts.dynamic = Dynamic {
        interpreter: f.interpreter.map(str::to_string),
        needed: vec!["libc.so.6".into()],
        ..Dynamic::default()
    };
    facts.portability = requirements(&f.versions, &f.imports, f.libc, f.linkage);
    let fix = crate::fix::fix(
        FixId::CgoOff,
        "CGO_ENABLED=0 go build .".into(),
        vec![],
        &[],
        "app",
        Linkage::Static,
    );
    let (targets, _) = judge(&facts, &[fix]);
    let p = Judged {
        floors: facts.portability,
        targets,
        note: None,
    };
    assert_eq!(row(&p, T::Debian11).fix, Some(FixId::CgoOff));
    assert_eq!(row(&p, T::Debian12).fix, None);
}

#[test]
fn a_library_is_judged_by_the_libraries_it_needs() {
    let mut f = glibc_file(vec![needed("libc.so.6", "GLIBC_2.34", false)], vec![]);
    f.interpreter = None;
    let p = judged(&f);
    let scratch = row(&p, T::Scratch);
    assert_eq!(
        (scratch.verdict, scratch.reason_id),
        (Verdict::Fails, ReasonId::LibraryMissing)
    );
    assert!(scratch.reason.contains("libc.so.6"), "{}", scratch.reason);
    assert_eq!(row(&p, T::Debian12).verdict, Verdict::Runs);
    assert_eq!(row(&p, T::Debian11).reason_id, ReasonId::GlibcTooOld);
}

#[test]
fn glibc_s_loader_and_nss_modules_come_with_glibc() {
    // gccgo names the loader in NEEDED; a program may name an NSS module.
    for lib in [
        "ld-linux-x86-64.so.2",
        "libnss_files.so.2",
        "libresolv.so.2",
    ] {
        let mut f = glibc_file(vec![], vec![]);
        f.needs.push(lib);
        let p = judged(&f);
        assert_eq!(row(&p, T::Debian12).verdict, Verdict::Runs, "{lib}");
        assert_eq!(
            row(&p, T::DistrolessBaseDebian12).verdict,
            Verdict::Runs,
            "{lib}"
        );
    }
}

#[test]
fn musl_s_library_names_are_musl_s() {
    // Alpine's own binaries name libc.musl-<arch>.so.1; some name the loader.
    for lib in ["libc.so", "libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1"] {
        let f = File {
            libc: LibcName::Musl,
            interpreter: Some("/lib/ld-musl-x86_64.so.1"),
            needs: vec![lib],
            ..glibc_file(vec![], vec![])
        };
        let p = judged(&f);
        assert_eq!(
            (row(&p, T::Alpine).verdict, row(&p, T::Alpine).reason_id),
            (Verdict::Runs, ReasonId::MuslOk),
            "{lib}"
        );
    }
}
