use super::*;
use crate::test_support::fixture;
use linklens::{Evidence, EvidenceKind};


fn fix(r: &Report, id: FixId) -> &Fix {
    r.explanation.fixes.iter().find(|f| f.id == id).unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn each_build_gets_the_image_it_needs() {
    let mut r = fixture("sqlite-default-go1.26");
    let docker = |r: &Report, id| recipe(r, fix(r, id), RecipeKind::Dockerfile).unwrap();
    // musl-gcc: Alpine's gcc, CC left out, scratch as nonroot.
    let musl = docker(&r, FixId::MuslGcc);
    assert!(musl.contains("FROM --platform=linux/amd64 golang:1.26-alpine AS build\n"), "{musl}");
    // go-sqlite3 loads its `_loc` zone by name: Alpine's tzdata, copied.
    assert!(musl.contains("RUN apk add --no-cache build-base tzdata\n") && !musl.contains("CC=musl-gcc"), "{musl}");
    assert!(musl.contains("FROM --platform=linux/amd64 scratch\n# The program loads time zones by name (time.LoadLocation)"), "{musl}");
    assert!(musl.contains("COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo\nUSER 65532:65532\n"), "{musl}");
    assert!(!musl.contains("ca-certificates"), "no TLS, no certificates");
    // zig: cross-compiles on the build machine, the command as printed.
    let zig = docker(&r, FixId::ZigMusl);
    assert!(zig.contains("FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS build\n"), "{zig}");
    assert!(zig.contains("RUN apk add --no-cache zig binutils coreutils tzdata\n") && zig.contains("CC='zig cc -target x86_64-linux-musl'"), "{zig}");
    // The program speaks TLS: scratch gets the CA bundle, and says why.
    r.facts.go.as_mut().unwrap().tls = Some(Evidence::new(EvidenceKind::Function, "crypto/tls.(*Conn).Handshake"));
    let tls = docker(&r, FixId::MuslGcc);
    assert!(tls.contains("COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt\n"), "{tls}");
    assert!(tls.contains("# The program speaks TLS (crypto/tls.(*Conn).Handshake)"), "{tls}");
    // What a started program reads, where the image is scratch: the roots
    // it loads, zoneinfo (Alpine's from tzdata), the account files.
    let needs = fixture("needs-glibc-static-go1.26");
    let musl = docker(&needs, FixId::MuslGcc);
    assert!(musl.contains("RUN apk add --no-cache build-base tzdata\n"), "{musl}");
    for line in [
        "# The program verifies certificates against the system's roots (crypto/x509.loadSystemRoots)",
        "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt\n",
        "# The program loads time zones by name (time.LoadLocation)",
        "COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo\n",
        "RUN printf 'root:x:0:0:root:/root:/sbin/nologin\\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\\n' > /out/passwd",
        "COPY --from=build /out/passwd /out/group /etc/\nUSER 65532:65532\n",
    ] {
        assert!(musl.contains(line), "{line}\n{musl}");
    }
    // distroless/static has all three: nothing is copied.
    let mut pure = fixture("lookuphost-default-go1.26");
    pure.facts.go.as_mut().unwrap().needs = needs.facts.go.as_ref().unwrap().needs.clone();
    let distroless = docker(&pure, FixId::CgoOff);
    assert!(distroless.contains("gcr.io/distroless/static-debian12:nonroot") && !distroless.contains("zoneinfo") && !distroless.contains("passwd"), "{distroless}");
    // The driver swap says to change the import first, and adds the module.
    let swap = docker(&r, FixId::PureGoDriver);
    assert!(swap.contains("# First replace the import of github.com/mattn/go-sqlite3") && swap.contains("RUN go get modernc.org/sqlite\n"), "{swap}");
    assert!(swap.contains("FROM --platform=linux/amd64 gcr.io/distroless/static-debian12:nonroot\n"), "{swap}");
    // A build that stays dynamic ships on distroless/base and checks its floor.
    let r = fixture("lookuphost-default-go1.26");
    let floor = docker(&r, FixId::ZigGlibc);
    assert!(floor.contains("gcr.io/distroless/base-debian12:nonroot") && floor.contains("GLIBC_2.17 | sort -V -C"), "{floor}");
    let make = recipe(&r, fix(&r, FixId::ZigGlibc), RecipeKind::Makefile).unwrap();
    assert!(make.contains(".PHONY: build verify") && make.contains("linklens --target rhel-7 $(BIN)"), "{make}");
    assert!(make.contains("$$(readelf -V"), "make's $ doubled: {make}");
}

#[test]
fn what_a_recipe_cannot_carry_is_left_to_the_shell() {
    let mut r = fixture("lookuphost-default-go1.26");
    // Not Linux: no image runs it.
    let mut f = fix(&r, FixId::CgoOff).clone();
    f.build.as_mut().unwrap().goos = "windows".into();
    assert_eq!(recipe(&r, &f, RecipeKind::Dockerfile), Err(words::NOT_LINUX));
    assert!(recipe(&r, &f, RecipeKind::Goreleaser).is_ok());
    // A line break in a setting: no Dockerfile, no Makefile; YAML keeps it.
    let mut f = fix(&r, FixId::CgoOff).clone();
    f.build.as_mut().unwrap().ldflags = vec!["-X".into(), "main.v=a\nb".into()];
    for kind in [RecipeKind::Dockerfile, RecipeKind::Makefile] {
        assert_eq!(recipe(&r, &f, kind), Err(words::UNSAFE_SETTING), "{kind}");
    }
    assert!(recipe(&r, &f, RecipeKind::GithubActions).is_ok());
    // A template marker: GoReleaser and Actions would expand it.
    let mut f = fix(&r, FixId::CgoOff).clone();
    f.build.as_mut().unwrap().ldflags = vec!["-X".into(), "main.v={{.Version}}".into()];
    for kind in [RecipeKind::Goreleaser, RecipeKind::GithubActions] {
        assert_eq!(recipe(&r, &f, kind), Err(words::UNSAFE_SETTING), "{kind}");
    }
    assert!(recipe(&r, &f, RecipeKind::Makefile).is_ok());
    // An output name make or a Dockerfile would read otherwise.
    let mut f = fix(&r, FixId::CgoOff).clone();
    f.build.as_mut().unwrap().output = "a#b".into();
    assert_eq!(recipe(&r, &f, RecipeKind::Makefile), Err(words::UNSAFE_SETTING));
    // Not a Go build: the shell command only.
    r.explanation.fixes[0].build = None;
    assert_eq!(recipe(&r, &r.explanation.fixes[0], RecipeKind::Dockerfile), Err(words::SHELL_ONLY));
    assert_eq!(recipes(&r, &r.explanation.fixes[0]).iter().map(|x| x.kind).collect::<Vec<_>>(), [RecipeKind::Shell]);
    assert!(recipe(&r, &r.explanation.fixes[0], RecipeKind::Shell).unwrap().starts_with(&r.explanation.fixes[0].command));
}

#[test]
fn a_workflow_checks_with_the_action_when_its_name_is_known() {
    let r = fixture("lookuphost-default-go1.26");
    let with = |id, action| recipe_with(&r, fix(&r, id), RecipeKind::GithubActions, Options { action }).unwrap();
    // Static: the action's gate, instead of file and readelf.
    let gate = with(FixId::CgoOff, Some("acme/linklens@v0"));
    assert!(gate.contains("        uses: acme/linklens@v0\n        with:\n          files: ./lookuphost\n          require-static: \"true\"\n"), "{gate}");
    assert!(!gate.contains("readelf") && !gate.contains("file ./"), "{gate}");
    // Dynamic with a glibc floor: the oldest target that floor reaches.
    let floor = with(FixId::ZigGlibc, Some("acme/linklens@v0"));
    assert!(floor.contains("          targets: rhel-7\n") && !floor.contains("require-static"), "{floor}");
    // No name (this repository publishes none): file and readelf, as before.
    let plain = with(FixId::CgoOff, None);
    assert!(plain.contains("file ./lookuphost") && plain.contains("readelf -l -d ./lookuphost") && !plain.contains("uses: acme"), "{plain}");
    assert_eq!(ACTION, None, "this build was given no action name");
    assert_eq!(recipe(&r, fix(&r, FixId::CgoOff), RecipeKind::GithubActions).unwrap(), plain);
}
