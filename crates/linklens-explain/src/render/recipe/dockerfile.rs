//! The Dockerfile: a build stage that compiles and checks the binary, and
//! an image holding it alone. Pure Go cross-compiles on the build machine
//! and ships on distroless/static (CA certificates and a nonroot user
//! included); a static cgo build links against musl on Alpine (its gcc is
//! musl's) or with zig, and ships on scratch (with the CA certificates
//! copied when the program speaks TLS, zoneinfo when it loads zones by name,
//! account files when it looks accounts up); a build that stays dynamic ships
//! on distroless/base, whose glibc (2.36) is at or above its floor.

use super::{comments, words, Ctx};
use crate::catalogue;
use linklens::{BuildTool, Linkage};

/// Where the build stage writes the binary.
const OUT_DIR: &str = "/out";
/// Images: the ones each case ships on.
const STATIC_BASE: &str = "gcr.io/distroless/static-debian12:nonroot";
const GLIBC_BASE: &str = "gcr.io/distroless/base-debian12:nonroot";
/// distroless' nonroot user, for scratch too.
const NONROOT: &str = "65532:65532";
/// Where both Debian's and Alpine's golang images keep the CA bundle.
const CA_BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";
/// zoneinfo: in Debian's golang images; Alpine's get it from `tzdata`.
const ZONEINFO: &str = "/usr/share/zoneinfo";
/// The account files a scratch image gets, as distroless writes them: root
/// and the nonroot user it runs as.
const PASSWD: &str = "root:x:0:0:root:/root:/sbin/nologin\\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\\n";
const GROUP: &str = "root:x:0:\\nnonroot:x:65532:\\n";

pub(super) fn render(r: &Ctx) -> String {
    let b = r.b;
    let tool = b.toolchain();
    let go = r.go_minor.as_deref().unwrap_or("1");
    let platform = format!("linux/{}", b.goarch);
    let mut out = String::from("# syntax=docker/dockerfile:1\n");
    out += &comments(&r.header(), "# ");

    // The build stage. A pure-Go or zig build cross-compiles on the build
    // machine's own platform; gcc builds run on the target's.
    let mut skip_env: Vec<&str> = vec!["GOOS", "GOARCH"];
    if let Some(level) = &b.arch_level {
        skip_env.push(level.key.as_str());
    }
    let scratch = r.fix.expect != Linkage::Dynamic && tool != BuildTool::Go;
    // Alpine's golang images have no zoneinfo: its package, for scratch to copy.
    let tzdata = if scratch && r.zoneinfo.is_some() { " tzdata" } else { "" };
    let (from, setup): (String, Option<String>) = match (&b.image, tool) {
        (Some(image), _) => (format!("--platform={platform} {image}"), None),
        (None, BuildTool::Go) => (format!("--platform=$BUILDPLATFORM golang:{go}"), None),
        (None, BuildTool::Zig) => (format!("--platform=$BUILDPLATFORM golang:{go}-alpine"), Some(format!("apk add --no-cache zig binutils coreutils{tzdata}"))),
        (None, BuildTool::MuslGcc) => {
            skip_env.extend(["CC", "CXX"]);
            (format!("--platform={platform} golang:{go}-alpine"), Some(format!("apk add --no-cache build-base{tzdata}")))
        }
        (None, BuildTool::Gcc) => (format!("--platform={platform} golang:{go}"), None),
    };
    out += &format!("FROM {from} AS build\nWORKDIR /src\n");
    if tool == BuildTool::MuslGcc {
        out += &comments(&[words::ALPINE_MUSL.to_string()], "# ");
    }
    if let Some(setup) = setup {
        out += &format!("RUN {setup}\n");
    }
    let modules = b.env_value("GO111MODULE") != Some("off");
    if modules {
        out += "COPY go.* ./\n";
        // A replace to a directory of the build machine goes before the download.
        if let Some(m) = &b.drop_replace {
            out += &format!("RUN go mod edit -dropreplace={} && go get {}@{}\n", m.key, m.key, m.value);
        }
        out += "RUN go mod download\n";
    }
    out += "COPY . .\n";
    if let Some(module) = &b.go_get {
        out += &format!("RUN go get {module}\n");
    }
    let target = target_env(r);
    let path = format!("{OUT_DIR}/{}", r.out);
    let build = b.go_command(Some(&path), &skip_env);
    out += &format!("RUN {target}{build}\n");
    out += &comments(&[r.check_comment()], "# ");
    out += &format!("RUN {}\n", r.checks(&path).join(" && "));
    let accounts = r.accounts.filter(|_| scratch);
    if accounts.is_some() {
        out += &format!("RUN printf '{PASSWD}' > {OUT_DIR}/passwd && printf '{GROUP}' > {OUT_DIR}/group\n");
    }
    out += "\n";

    // The image.
    let base = match (r.fix.expect, scratch) {
        (Linkage::Dynamic, _) => GLIBC_BASE,
        (_, true) => "scratch",
        (_, false) => STATIC_BASE,
    };
    out += &format!("FROM --platform={platform} {base}\n");
    if scratch {
        // The roots it loads, else the TLS it speaks (roots it embeds need no bundle).
        let ca = match (r.ca_bundle, r.tls) {
            (Some(function), _) => Some((words::CA_ROOTS_COPIED, function)),
            (None, Some(function)) => Some((words::CA_CERTIFICATES, function)),
            (None, None) => None,
        };
        if let Some((why, function)) = ca {
            out += &comments(&[catalogue::fill(why, &[("function", function)])], "# ");
            out += &format!("COPY --from=build {CA_BUNDLE} {CA_BUNDLE}\n");
        }
        if let Some(function) = r.zoneinfo {
            out += &comments(&[catalogue::fill(words::ZONEINFO_COPIED, &[("function", function)])], "# ");
            out += &format!("COPY --from=build {ZONEINFO} {ZONEINFO}\n");
        }
        if let Some(function) = accounts {
            out += &comments(&[catalogue::fill(words::ACCOUNTS_WRITTEN, &[("function", function)])], "# ");
            out += &format!("COPY --from=build {OUT_DIR}/passwd {OUT_DIR}/group /etc/\n");
        }
        out += &format!("USER {NONROOT}\n");
    }
    let exe = format!("/{}", r.out);
    out += &format!("COPY --from=build {path} {exe}\n");
    out += &format!("ENTRYPOINT [{}]\n", serde_json::to_string(&exe).unwrap_or_default());
    out
}

/// `GOOS=… GOARCH=… ` (and the level) before the build: always named, since
/// the stage may run on another platform than the target.
fn target_env(r: &Ctx) -> String {
    let b = r.b;
    let mut words = format!("GOOS={} GOARCH={} ", b.goos, b.goarch);
    if let Some(level) = &b.arch_level {
        words += &format!("{}={} ", level.key, crate::fix::command::shell_quote(&level.value));
    }
    words
}
