//! The pipeline recipes, proven: every recipe of every fixture's every fix
//! is read by the tool that will read it — GoReleaser's and the workflow's
//! YAML by a YAML parser (GoReleaser's fields typed, unknown ones refused),
//! the workflows by actionlint, the Dockerfiles by BuildKit's own parser,
//! the Makefiles by make — and, for the pure-Go, netgo/osusergo and musl
//! fixes, the build inside each recipe is run on the fixture's source and
//! its result analysed: it must be what the fix promises, and the recipe's
//! own check must pass. A missing tool is a skip on a developer's machine
//! and a failure under `CI=true`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use linklens::{BuildTool, FixId, RecipeKind};
use linklens_explain::render::recipe::{recipe, recipe_with, recipes, Options};
use linklens_explain::{Fix, Report};
use serde::Deserialize;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every fixture in the manifest that was built, analysed.
fn fixtures() -> Vec<(String, Report)> {
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(root().join("fixtures/manifest.json")).unwrap()).unwrap();
    let mut out = Vec::new();
    for f in manifest["fixtures"].as_array().unwrap() {
        let (Some(name), Some(file)) = (f["name"].as_str(), f["file"].as_str()) else { continue };
        let Ok(gz) = std::fs::read(root().join("fixtures").join(file)) else { continue };
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut raw).unwrap();
        if let Ok(r) = linklens::analyze(&raw[..]) {
            out.push((name.to_string(), Report::new(r)));
        }
    }
    assert!(out.len() > 50, "only {} fixtures", out.len());
    out
}

/// Whether `tool` runs; if not, a skip here and a failure under CI.
fn have(tool: &str, args: &[&str]) -> bool {
    let ok = Command::new(tool).args(args).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{tool} is missing under CI=true (cargo xtask test installs it)");
        eprintln!("SKIPPED: {tool} is not installed");
    }
    ok
}

fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/recipe-test").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// GoReleaser's `builds:` entry: the fields a recipe writes, typed as
/// GoReleaser reads them; anything else is refused.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Goreleaser {
    version: u32,
    before: Option<GoreleaserBefore>,
    builds: Vec<GoreleaserBuild>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct GoreleaserBefore {
    hooks: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct GoreleaserBuild {
    id: String,
    main: String,
    binary: String,
    command: Option<String>,
    #[serde(default)]
    env: Vec<String>,
    #[serde(default)]
    flags: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    ldflags: Vec<String>,
    #[serde(default)]
    gcflags: Vec<String>,
    #[serde(default)]
    asmflags: Vec<String>,
    goos: Vec<String>,
    goarch: Vec<String>,
    goamd64: Option<Vec<String>>,
    goarm64: Option<Vec<String>>,
    goarm: Option<Vec<String>>,
    go386: Option<Vec<String>>,
    gomips: Option<Vec<String>>,
    goppc64: Option<Vec<String>>,
    goriscv64: Option<Vec<String>>,
    hooks: Hooks,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Hooks {
    post: Vec<Hook>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Hook {
    cmd: String,
}

/// A GitHub Actions workflow, as far as the recipe tests read it.
#[derive(Deserialize, Debug)]
struct Workflow {
    jobs: BTreeMap<String, Job>,
}

#[derive(Deserialize, Debug)]
struct Job {
    steps: Vec<Step>,
}

#[derive(Deserialize, Debug)]
struct Step {
    name: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    run: Option<String>,
}

/// Dockerfiles parsed by BuildKit's parser (the `dockerfile` package):
/// for each file, its instructions as `[instruction, value…]`.
fn parse_dockerfiles(paths: &[PathBuf]) -> Vec<Vec<Vec<String>>> {
    let script = "import dockerfile, json, sys\n\
                  print(json.dumps([[[c.cmd] + list(c.value) for c in dockerfile.parse_file(p)] for p in sys.argv[1:]]))";
    let out = Command::new("python3").arg("-c").arg(script).args(paths).output().unwrap();
    assert!(out.status.success(), "BuildKit's parser refused a Dockerfile: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The build stage's `RUN`s: the build, then the check.
fn dockerfile_runs(instructions: &[Vec<String>]) -> (String, String) {
    let runs: Vec<&String> = instructions.iter().filter(|i| i[0] == "RUN").map(|i| &i[1]).collect();
    let build = runs.iter().find(|r| r.contains("go build") || r.contains("go test -c")).expect("a RUN that builds");
    let check = runs.iter().find(|r| r.contains("readelf")).expect("a RUN that checks");
    (build.to_string(), check.to_string())
}

#[test]
fn every_recipe_of_every_fixture_is_read_by_its_tool() {
    let dir = scratch("lint");
    let (mut dockerfiles, mut workflows, mut makefiles) = (Vec::new(), Vec::new(), Vec::new());
    let mut kinds = BTreeMap::<RecipeKind, usize>::new();
    let mut gated_checks = 0;
    for (name, r) in fixtures() {
        for fix in &r.explanation.fixes {
            for rc in recipes(&r, fix) {
                *kinds.entry(rc.kind).or_default() += 1;
                let path = dir.join(format!("{name}.{}.{}", fix.id, rc.kind));
                std::fs::write(&path, &rc.text).unwrap();
                let Some(b) = &fix.build else { continue };
                match rc.kind {
                    RecipeKind::Goreleaser => {
                        let g: Goreleaser = serde_yaml_ng::from_str(&rc.text).unwrap_or_else(|e| panic!("{name} {}: {e}\n{}", fix.id, rc.text));
                        assert_eq!(g.version, 2);
                        // What runs before the build (a replace dropped, a driver added) is GoReleaser's before hooks.
                        assert_eq!(g.before.map(|b| b.hooks).unwrap_or_default(), b.before_build(), "{name} {}", fix.id);
                        let build = &g.builds[0];
                        assert_eq!((build.id.as_str(), build.binary.as_str(), build.main.as_str()), (b.output.as_str(), b.output.as_str(), b.package.as_str()));
                        assert_eq!(build.tags, b.tags, "{name} {}", fix.id);
                        assert_eq!(build.goos, std::slice::from_ref(&b.goos));
                        assert_eq!(build.goarch, std::slice::from_ref(&b.goarch));
                        assert_eq!(build.command.as_deref(), b.test.then_some("test"));
                        // The ldflags, split as go splits them, are the build's.
                        let ld = build.ldflags.join(" ");
                        assert_eq!(linklens::go::quoted::split(&ld), b.ldflags, "{name} {}", fix.id);
                        for e in &b.env {
                            let kept = build.env.contains(&format!("{}={}", e.key, e.value));
                            // GoReleaser sets the target's own variables from goos, goarch and the levels.
                            let target = ["GOOS", "GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64"].contains(&e.key.as_str());
                            assert!(kept || target, "{name} {}: {} lost", fix.id, e.key);
                        }
                        // -gcflags and -asmflags in their own fields, -pgo among the flags.
                        for s in &b.tool_flags {
                            let found = match s.key.as_str() {
                                "-gcflags" => build.gcflags.contains(&s.value),
                                "-asmflags" => build.asmflags.contains(&s.value),
                                _ => build.flags.contains(&format!("{}={}", s.key, s.value)),
                            };
                            assert!(found, "{name} {}: {} lost", fix.id, s.key);
                        }
                        assert!(build.hooks.post.iter().any(|h| h.cmd.starts_with("linklens ")), "{name}: a linklens check");
                        // The architecture level in GoReleaser's field for it
                        // (`gomips` carries GOMIPS64 too).
                        if let Some(level) = &b.arch_level {
                            let field = match level.key.as_str() {
                                "GOAMD64" => &build.goamd64,
                                "GOARM64" => &build.goarm64,
                                "GOARM" => &build.goarm,
                                "GO386" => &build.go386,
                                "GOMIPS" | "GOMIPS64" => &build.gomips,
                                "GOPPC64" => &build.goppc64,
                                "GORISCV64" => &build.goriscv64,
                                other => panic!("{name} {}: {other} has no GoReleaser field", fix.id),
                            };
                            assert_eq!(field.as_deref(), Some(std::slice::from_ref(&level.value)), "{name} {}: {}", fix.id, level.key);
                        }
                    }
                    RecipeKind::GithubActions => {
                        let w: Workflow = serde_yaml_ng::from_str(&rc.text).unwrap_or_else(|e| panic!("{name} {}: {e}\n{}", fix.id, rc.text));
                        let steps = &w.jobs["build"].steps;
                        let build = steps.iter().filter_map(|s| s.run.as_deref()).find(|r| r.contains(&b.package)).expect("a build step");
                        assert!(build.contains(&format!("-o ./{}", b.output)), "{build}");
                        workflows.push(path);
                        // With the action's name known, the check is the action's,
                        // its inputs held to action.yml by actionlint (`./` is
                        // this repository's action).
                        let gated = recipe_with(&r, fix, rc.kind, Options { action: Some("./") }).unwrap();
                        // Every static build is checked by it; a dynamic one, by a target.
                        let by_action = gated.contains("        uses: ./\n");
                        assert!(by_action || fix.expect == linklens::Linkage::Dynamic, "{name} {}: {gated}", fix.id);
                        gated_checks += usize::from(by_action);
                        let gated_path = dir.join(format!("{name}.{}.action.{}", fix.id, rc.kind));
                        std::fs::write(&gated_path, &gated).unwrap();
                        workflows.push(gated_path);
                    }
                    RecipeKind::Dockerfile => dockerfiles.push(path),
                    RecipeKind::Makefile => makefiles.push(path),
                    RecipeKind::Shell => assert!(rc.text.starts_with(&fix.command)),
                }
            }
        }
    }
    // Every kind, many times over.
    for kind in RecipeKind::ALL {
        assert!(kinds.get(kind).copied().unwrap_or(0) >= 20, "{kind}: {kinds:?}");
    }
    assert!(gated_checks >= 20, "workflows checked by the action: {gated_checks}");
    if have("actionlint", &["-version"]) {
        let out = Command::new("actionlint").args(&workflows).output().unwrap();
        assert!(out.status.success(), "actionlint:\n{}", String::from_utf8_lossy(&out.stdout));
    }
    if have("python3", &["-c", "import dockerfile"]) {
        for (path, instructions) in dockerfiles.iter().zip(parse_dockerfiles(&dockerfiles)) {
            let froms: Vec<&Vec<String>> = instructions.iter().filter(|i| i[0] == "FROM").collect();
            assert_eq!(froms.len(), 2, "{}: a build stage and an image", path.display());
            assert_eq!(froms[0].last().map(String::as_str), Some("build"), "{}", path.display());
            assert_eq!(instructions.last().map(|i| i[0].as_str()), Some("ENTRYPOINT"), "{}", path.display());
            dockerfile_runs(&instructions);
        }
    }
    if have("make", &["--version"]) {
        for path in &makefiles {
            let out = Command::new("make").arg("-n").arg("-f").arg(path).arg("verify").current_dir(&dir).output().unwrap();
            assert!(out.status.success(), "make -n refused {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// One fixture of each cause the pure-Go, netgo/osusergo and musl fixes
/// mend, and one built with its own tags and ldflags.
const BUILD_CASES: &[&str] = &["lookuphost-default-go1.26", "userlookup-default-go1.26", "netuser-default-go1.26", "lookuphost-flags-go1.26", "sqlite-default-go1.26"];
const BUILT_FIXES: &[FixId] = &[FixId::CgoOff, FixId::PureGoTags, FixId::MuslGcc];

/// A copy of the fixtures' Go module to build in.
fn module_copy(to: &Path) -> PathBuf {
    let src = to.join("src");
    std::fs::create_dir_all(&src).unwrap();
    for entry in std::fs::read_dir(root().join("fixtures/src")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name != "nongo" && !name.starts_with('.') {
            assert!(Command::new("cp").arg("-r").arg(&path).arg(&src).status().unwrap().success());
        }
    }
    src
}

/// A shell in the module copy, with the machine's Go and nothing of the
/// caller's target settings; the CLI's own directory first on PATH, so
/// `linklens` is this build's.
fn sh(src: &Path, script: &str, env: &[(&str, &str)]) -> Result<(), String> {
    let cli = PathBuf::from(env!("CARGO_BIN_EXE_linklens"));
    let path = format!("{}:{}", cli.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let mut sh = Command::new("sh");
    sh.arg("-c").arg(script).current_dir(src).env("PATH", path);
    let out = linklens_explain::proof::go_env(&mut sh, true)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("{script}\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    }
}

/// The file must be what the fix promises.
fn judge(path: &Path, fix: &Fix, what: &str, failures: &mut Vec<String>) {
    match std::fs::read(path).map_err(|e| e.to_string()).and_then(|b| linklens::analyze(&b[..]).map_err(|e| e.to_string())) {
        Ok(r) if r.linkage == fix.expect => {}
        Ok(r) => failures.push(format!("{what}: {} gave {}, it promises {}", fix.id, r.linkage, fix.expect)),
        Err(e) => failures.push(format!("{what}: {} wrote nothing readable: {e}", fix.id)),
    }
}

#[test]
fn the_build_inside_each_recipe_gives_what_the_fix_promises() {
    let tools = [("go", &["version"][..]), ("python3", &["-c", "import dockerfile"]), ("make", &["--version"]), ("musl-gcc", &["--version"]), ("readelf", &["--version"]), ("file", &["--version"])];
    if !tools.iter().all(|(t, a)| have(t, a)) {
        return;
    }
    let dir = scratch("build");
    let src = module_copy(&dir);
    let all = fixtures();
    let (mut failures, mut built) = (Vec::new(), 0);
    for name in BUILD_CASES {
        let (_, r) = all.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is a fixture"));
        for fix in r.explanation.fixes.iter().filter(|f| BUILT_FIXES.contains(&f.id)) {
            let b = fix.build.as_ref().expect("a Go fix has its build");
            let what = |kind: RecipeKind| format!("{name} {} {kind}", fix.id);
            let out = |kind: RecipeKind| dir.join(format!("{name}-{}-{kind}", fix.id));
            // Alpine's gcc is musl's: on this Debian machine musl-gcc stands in for it.
            let alpine: &[(&str, &str)] = if b.toolchain() == BuildTool::MuslGcc { &[("CC", "musl-gcc")] } else { &[] };

            // Dockerfile: the build stage's RUN lines, with /out/ here.
            let kind = RecipeKind::Dockerfile;
            let text = recipe(r, fix, kind).unwrap();
            let file = dir.join(format!("{name}.{}.Dockerfile", fix.id));
            std::fs::write(&file, &text).unwrap();
            let (build, check) = dockerfile_runs(&parse_dockerfiles(&[file])[0]);
            let here = format!("{}/", out(kind).display());
            std::fs::create_dir_all(out(kind)).unwrap();
            let exe = out(kind).join(&b.output);
            match sh(&src, &build.replace("/out/", &here), alpine) {
                Ok(()) => {
                    judge(&exe, fix, &what(kind), &mut failures);
                    if let Err(e) = sh(&src, &check.replace("/out/", &here), &[]) {
                        failures.push(format!("{}: its check failed: {e}", what(kind)));
                    }
                }
                Err(e) => failures.push(format!("{}: {e}", what(kind))),
            }

            // Makefile: make verify builds, then runs file, go version -m,
            // readelf and this linklens.
            let kind = RecipeKind::Makefile;
            let file = dir.join(format!("{name}.{}.mk", fix.id));
            std::fs::write(&file, recipe(r, fix, kind).unwrap()).unwrap();
            let exe = out(kind);
            match sh(&src, &format!("make -f {} verify BIN={}", file.display(), exe.display()), &[]) {
                Ok(()) => judge(&exe, fix, &what(kind), &mut failures),
                Err(e) => failures.push(format!("{}: {e}", what(kind))),
            }

            // GitHub Actions: the build step's env and run, then the verify step.
            let kind = RecipeKind::GithubActions;
            let w: Workflow = serde_yaml_ng::from_str(&recipe(r, fix, kind).unwrap()).unwrap();
            let steps = &w.jobs["build"].steps;
            let step = |prefix: &str| steps.iter().find(|s| s.name.as_deref().is_some_and(|n| n.starts_with(prefix))).expect("a named step");
            let (build, verify) = (step("Build"), step("Verify"));
            let env: Vec<(&str, &str)> = build.env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let local = format!("./{}", b.output);
            let exe = out(kind);
            let relocate = |run: &str| run.replace(&local, &exe.display().to_string());
            match sh(&src, &relocate(build.run.as_deref().unwrap()), &env) {
                Ok(()) => {
                    judge(&exe, fix, &what(kind), &mut failures);
                    if let Err(e) = sh(&src, &relocate(verify.run.as_deref().unwrap()), &[]) {
                        failures.push(format!("{}: its verify step failed: {e}", what(kind)));
                    }
                }
                Err(e) => failures.push(format!("{}: {e}", what(kind))),
            }

            // GoReleaser: go build as GoReleaser calls it — no shell: the
            // env, flags, tags, one -ldflags argument, -o, the main package.
            let kind = RecipeKind::Goreleaser;
            let g: Goreleaser = serde_yaml_ng::from_str(&recipe(r, fix, kind).unwrap()).unwrap();
            let gb = &g.builds[0];
            let exe = out(kind);
            let mut go = Command::new("go");
            go.arg(gb.command.as_deref().unwrap_or("build")).args(&gb.flags);
            if !gb.tags.is_empty() {
                go.arg(format!("-tags={}", gb.tags.join(",")));
            }
            if !gb.ldflags.is_empty() {
                go.arg(format!("-ldflags={}", gb.ldflags.join(" ")));
            }
            go.arg("-o").arg(&exe).arg(&gb.main).current_dir(&src).env("GOTOOLCHAIN", "local").env("GOFLAGS", "-mod=mod");
            go.env("GOOS", &gb.goos[0]).env("GOARCH", &gb.goarch[0]).env_remove("CGO_ENABLED").env_remove("CC");
            for e in &gb.env {
                let (k, v) = e.split_once('=').unwrap();
                go.env(k, v);
            }
            let result = go.output().unwrap();
            if result.status.success() {
                judge(&exe, fix, &what(kind), &mut failures);
            } else {
                failures.push(format!("{}: {}", what(kind), String::from_utf8_lossy(&result.stderr)));
            }
            built += 4;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(built >= 40, "only {built} recipe builds ran");
}

#[test]
fn the_cli_prints_a_recipe_or_says_why_not() {
    let dir = scratch("cli");
    let unpack = |name: &str| {
        let gz = std::fs::read(root().join(format!("fixtures/bin/{name}.gz"))).unwrap();
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut raw).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, raw).unwrap();
        path
    };
    let run = |args: &[&str], file: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_linklens")).args(args).arg(file).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let dns = unpack("lookuphost-default-go1.26");
    let (code, out, _) = run(&["--recipe", "dockerfile"], &dns);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("# syntax=docker/dockerfile:1\n# linklens: Build without cgo"), "{out}");
    assert!(out.contains("CGO_ENABLED=0 go build -o /out/lookuphost ./cmd/lookuphost"), "{out}");
    let (_, out, _) = run(&["--recipe", "makefile", "--fix", "pure-go-tags"], &dns);
    assert!(out.contains("go build -tags netgo -o $(BIN) ./cmd/lookuphost"), "{out}");
    // A static file has no fix: nothing on stdout, the reason on stderr, status 2.
    let hello = unpack("hello-default-go1.26");
    let (code, out, err) = run(&["--recipe", "goreleaser"], &hello);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.contains("no rebuild to render: it is statically linked"), "{err}");
    // A fix the file does not have.
    let (code, _, err) = run(&["--recipe", "shell", "--fix", "static-pie"], &dns);
    assert_eq!(code, Some(2));
    assert!(err.contains("no static-pie fix for this file (its fixes: cgo-off, pure-go-tags, musl-gcc, zig-musl, zig-glibc)"), "{err}");
    // Not a Linux binary: no Dockerfile, and why.
    let windows = unpack("hello-windows-amd64-go1.26");
    let (code, _, err) = run(&["--recipe", "dockerfile"], &windows);
    assert_eq!(code, Some(2), "{err}");
    // Usage errors list the kinds.
    let (code, _, err) = run(&["--recipe", "helm"], &dns);
    assert_eq!(code, Some(2));
    assert!(err.contains("shell, dockerfile, goreleaser, github-actions, makefile"), "{err}");
    let (code, _, _) = run(&["--recipe", "shell", "--json"], &dns);
    assert_eq!(code, Some(2), "--recipe and --json exclude each other");
}

/// A scratch image as its Dockerfile makes it, started: the build stage's
/// RUN lines here (this Debian machine stands in for the golang image, its
/// musl-gcc for Alpine's gcc), the final stage's COPY lines into an empty
/// root, then the program's own checks run in it as the image's user
/// (`unshare -n chroot --userspec`). Every file the program reads must be
/// there: the CA bundle, zoneinfo, the account files.
#[test]
fn a_scratch_image_from_the_dockerfile_has_what_the_program_reads() {
    let tools = [("go", &["version"][..]), ("python3", &["-c", "import dockerfile"]), ("musl-gcc", &["--version"]), ("unshare", &["--version"])];
    if !tools.iter().all(|(t, a)| have(t, a)) {
        return;
    }
    let dir = scratch("image");
    let src = module_copy(&dir);
    let name = "needs-glibc-static-go1.26";
    let all = fixtures();
    let (_, r) = all.iter().find(|(n, _)| n == name).expect("the needs fixture");
    let mut images = 0;
    for fix in r.explanation.fixes.iter().filter(|f| [FixId::PureGoTags, FixId::MuslGcc].contains(&f.id)) {
        let b = fix.build.as_ref().expect("a Go fix has its build");
        let text = recipe(r, fix, RecipeKind::Dockerfile).unwrap();
        let file = dir.join(format!("{}.Dockerfile", fix.id));
        std::fs::write(&file, &text).unwrap();
        let steps = &parse_dockerfiles(&[file])[0];
        let last_from = steps.iter().rposition(|i| i[0] == "FROM").unwrap();
        assert!(steps[last_from][1..].iter().any(|v| v == "scratch"), "{} ships on scratch:\n{text}", fix.id);
        let out = dir.join(format!("out-{}", fix.id));
        let here = format!("{}/", out.display());
        std::fs::create_dir_all(&out).unwrap();
        let alpine: &[(&str, &str)] = if b.toolchain() == BuildTool::MuslGcc { &[("CC", "musl-gcc")] } else { &[] };
        // The build, and what the build stage writes for the image (not its checks).
        for run in steps[..last_from].iter().filter(|i| i[0] == "RUN" && (i[1].contains("go build") || i[1].contains("/out/passwd"))) {
            sh(&src, &run[1].replace("/out/", &here), alpine).unwrap_or_else(|e| panic!("{}: {e}", fix.id));
        }
        let root = dir.join(format!("root-{}", fix.id));
        std::fs::create_dir_all(&root).unwrap();
        let mut user = None;
        for step in &steps[last_from + 1..] {
            match step[0].as_str() {
                "COPY" => {
                    let (dest, sources) = step[1..].split_last().unwrap();
                    let into = root.join(dest.trim_start_matches('/'));
                    let into_dir = if dest.ends_with('/') { into.clone() } else { into.parent().unwrap().to_path_buf() };
                    std::fs::create_dir_all(&into_dir).unwrap();
                    for s in sources {
                        let from = s.replacen("/out/", &here, 1);
                        let to = if dest.ends_with('/') { into.join(Path::new(s).file_name().unwrap()) } else { into.clone() };
                        let status = Command::new("cp").arg("-a").arg(&from).arg(&to).status().unwrap();
                        assert!(status.success(), "{}: COPY {from} {}", fix.id, to.display());
                    }
                }
                "USER" => user = Some(step[1].clone()),
                _ => {}
            }
        }
        let entry = format!("/{}", b.output);
        for check in ["tls", "tz", "user"] {
            let mut cmd = Command::new("unshare");
            cmd.args(["-n", "/usr/sbin/chroot"]);
            if let Some(u) = &user {
                cmd.arg(format!("--userspec={u}"));
            }
            let run = cmd.arg(&root).arg(&entry).arg(check).env_clear().output().unwrap();
            let said = String::from_utf8_lossy(&run.stdout).trim().to_string();
            assert_eq!(said, "ok", "{} `{check}` in the image its Dockerfile makes: {said} {}\n{text}", fix.id, String::from_utf8_lossy(&run.stderr));
        }
        images += 1;
    }
    assert_eq!(images, 2, "pure-go-tags and musl-gcc both ship on scratch");
}
