//! Container images: read the image tar's manifests, walk each layer once,
//! apply the layers per platform, and judge whether the entrypoint starts —
//! the loader and every library looked up in the image's own file system
//! the way the kernel and `ld.so` would, the image's glibc against the
//! binary's floor.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use linklens::archive::{
    ArchiveError, ArchiveErrorId, ArchiveFormat, ImageBinary, ImageLibc, ImageReasonId, ImageReport,
    ImageVerdict, Member, Reader,
};
use linklens::version::Version;
use linklens::{Facts, NeedId};
use serde_json::Value;

use crate::fs::{Fs, Layer, Lookup, Node};
use crate::limits::error;
use crate::oci::{self, Plan, Problem};
use crate::source::{ReadSeek, Window};
use crate::walk::{Sink, Walker};

/// The highest `GLIBC_2.x` a C library defines: its version.
pub fn glibc_version(bytes: &[u8]) -> Option<String> {
    let mut best: Option<(Version, String)> = None;
    for at in memchr::memmem::find_iter(bytes, b"GLIBC_2.") {
        let rest = &bytes[at + 6..];
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b'.'))
            .unwrap_or(rest.len());
        let v = std::str::from_utf8(&rest[..end])
            .unwrap_or("")
            .trim_end_matches('.');
        if let Some(parts) = Version::parse(v).filter(|_| v.contains('.')) {
            if best.as_ref().is_none_or(|(b, _)| parts > *b) {
                best = Some((parts, v.to_string()));
            }
        }
    }
    best.map(|(_, v)| v)
}

/// The error for a file of the image that could not be used.
fn image_error(path: &str, problem: Problem) -> ArchiveError {
    let path = Some(path);
    match problem {
        Problem::Missing => error(ArchiveErrorId::ImageMissing, path, None, ""),
        Problem::TooBig(limit) => error(ArchiveErrorId::ImageJsonTooBig, path, Some(limit), ""),
        Problem::Unreadable(by, words) => ArchiveError { said_by: Some(by), detail: words, ..error(ArchiveErrorId::ImageManifest, path, None, "") },
        Problem::TooDeep(limit) => error(ArchiveErrorId::ImageIndexTooDeep, path, Some(limit), ""),
        Problem::TooMany(limit) => {
            error(ArchiveErrorId::ImageTooManyManifests, path, Some(limit), "")
        }
        Problem::BadDigest(digest) => error(ArchiveErrorId::ImageBadDigest, path, None, &digest),
        Problem::NotAList => error(ArchiveErrorId::ImageNotAList, path, None, ""),
        Problem::NoConfig => error(ArchiveErrorId::ImageNoConfig, path, None, ""),
    }
}

/// A verdict, its deciding fact, and the values its sentence names.
type Judged = (ImageVerdict, ImageReasonId, Vec<(String, String)>);

/// Walk `src` as an image if its tar has a `manifest.json` or an OCI
/// layout; false when it is a plain tar.
pub fn walk_image(walker: &mut Walker, src: &mut dyn ReadSeek, len: u64) -> bool {
    let mut index: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    {
        let mut archive = tar::Archive::new(Window::new(src, 0, len));
        let Ok(entries) = archive.entries_with_seek() else {
            return false;
        };
        for entry in entries.take(crate::limits::IMAGE_TAR_ENTRIES) {
            let Ok(entry) = entry else { break };
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let path: Vec<String> =
                crate::fs::components(&String::from_utf8_lossy(&entry.path_bytes()))
                    .map(str::to_string)
                    .collect();
            index.insert(path.join("/"), (entry.raw_file_position(), entry.size()));
        }
    }
    let docker = index.contains_key("manifest.json");
    let oci = index.contains_key("index.json") && index.contains_key("oci-layout");
    if !docker && !oci {
        return false;
    }
    walker.report.format = if docker {
        ArchiveFormat::DockerArchive
    } else {
        ArchiveFormat::OciLayout
    };
    walker.report.chain = vec![walker.report.format];
    let max_json = walker.limits.max_json;
    let has = |p: &str| index.contains_key(p);
    let mut read = |p: &str| -> Result<Value, Problem> {
        let &(start, size_) = index.get(p).ok_or(Problem::Missing)?;
        if size_ > max_json {
            return Err(Problem::TooBig(max_json));
        }
        let mut bytes = Vec::new();
        let mut w = Window::new(src, start, size_);
        w.read_to_end(&mut bytes).map_err(|e| {
            let (by, words) = crate::source::Said::who(&e, Reader::File);
            Problem::Unreadable(by, words)
        })?;
        serde_json::from_slice(&bytes).map_err(|e| Problem::Unreadable(Reader::Json, Some(e.to_string())))
    };
    let plans = match oci::plans(&has, &mut read) {
        Ok(p) => p,
        Err((path, problem)) => {
            walker.fail(image_error(&path, problem));
            return true;
        }
    };
    // Each layer once, even when platforms share it.
    let mut layers: BTreeMap<String, Layer> = BTreeMap::new();
    for path in plans.iter().flat_map(|p| p.layers.iter()) {
        if layers.contains_key(path) || walker.stopped {
            continue;
        }
        let Some(&(start, size_)) = index.get(path) else {
            walker.fail(image_error(path, Problem::Missing));
            continue;
        };
        let mut layer = Layer::default();
        let mut window = Window::new(src, start, size_);
        walker.seekable(
            &mut window,
            size_,
            "",
            path,
            1,
            &mut Sink::Layer(&mut layer),
        );
        layers.insert(path.clone(), layer);
    }
    let many = plans.len() > 1;
    let (mut files, mut elf, mut go, mut dynamic) = (0, 0, 0, 0);
    let mut members = Vec::new();
    for plan in &plans {
        let stack: Vec<&Layer> = plan.layers.iter().filter_map(|p| layers.get(p)).collect();
        let mut fs = Fs::default();
        for (i, layer) in stack.iter().enumerate() {
            fs.apply(i, layer);
        }
        let image = Image {
            plan,
            fs: &fs,
            layers: &stack,
            max_links: walker.limits.max_symlinks,
        };
        for (path, entry) in &fs.entries {
            if let Node::File { elf: found, .. } = entry.node {
                files += 1;
                if let Some(m) = found.and_then(|i| stack[entry.layer].elves.get(i)) {
                    elf += 1;
                    go += u64::from(m.facts.as_ref().is_some_and(|r| r.go.is_some()));
                    dynamic += u64::from(m.facts.as_ref().is_some_and(|r| !r.linkage.is_static()));
                    let shown = if many {
                        format!("{}!/{path}", plan.platform())
                    } else {
                        path.clone()
                    };
                    members.push(Member {
                        path: shown,
                        ..m.clone()
                    });
                }
            }
        }
        walker.report.images.push(image.judge(stack.len()));
    }
    walker.report.files = files;
    walker.report.elf = elf;
    walker.report.go = go;
    walker.report.dynamic = dynamic;
    walker.report.members = members;
    true
}

/// One platform's image, its layers applied.
struct Image<'a> {
    plan: &'a Plan,
    fs: &'a Fs,
    layers: &'a [&'a Layer],
    max_links: u32,
}


const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

impl Image<'_> {
    fn env(&self, key: &str) -> Option<&str> {
        self.plan
            .env
            .iter()
            .rev()
            .find_map(|e| e.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
    }

    fn member(&self, path: &str) -> Option<&Member> {
        let entry = self.fs.entries.get(path)?;
        match entry.node {
            Node::File { elf: Some(i), .. } => self.layers.get(entry.layer)?.elves.get(i),
            _ => None,
        }
    }

    fn script(&self, path: &str) -> Option<&str> {
        let entry = self.fs.entries.get(path)?;
        self.layers
            .get(entry.layer)?
            .texts
            .get(&format!("#!{path}"))
            .map(String::as_str)
    }

    /// `/etc/ld.so.conf` and the files it includes: directories, in order.
    fn ld_so_conf(&self) -> Vec<String> {
        let text = |p: &str| -> Option<String> {
            let Lookup::Found(real) = self.fs.lookup(p, self.max_links) else {
                return None;
            };
            let entry = self.fs.entries.get(&real)?;
            self.layers
                .get(entry.layer)?
                .texts
                .get(&real)
                .or_else(|| self.layers.get(entry.layer)?.texts.get(p))
                .cloned()
        };
        let mut dirs = Vec::new();
        let mut files = vec!["etc/ld.so.conf".to_string()];
        let mut seen = BTreeSet::new();
        while let Some(f) = files.pop() {
            if !seen.insert(f.clone()) || seen.len() > 64 {
                continue;
            }
            let Some(body) = text(&f) else { continue };
            for line in body
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
            {
                if let Some(pattern) = line.strip_prefix("include ") {
                    // Only the usual `dir/*.conf` form: the files of that directory.
                    let pattern = pattern.trim().trim_start_matches('/');
                    let (dir, suffix) = pattern.rsplit_once("/*").unwrap_or((pattern, ""));
                    let prefix = format!("{dir}/");
                    let mut included: Vec<String> = self
                        .fs
                        .entries
                        .keys()
                        .filter(|k| {
                            k.strip_prefix(&prefix)
                                .is_some_and(|name| name.ends_with(suffix) && !name.contains('/'))
                        })
                        .cloned()
                        .collect();
                    included.sort();
                    files.extend(included.into_iter().rev());
                } else {
                    dirs.push(line.to_string());
                }
            }
        }
        dirs
    }

    /// Where `ld.so` looks for `library` needed by the binary at `from`.
    fn find_library(
        &self,
        library: &str,
        from: &Facts,
        from_path: &str,
        conf: &[String],
    ) -> Result<Option<String>, ()> {
        if library.contains('/') {
            return self
                .fs
                .file(library, self.max_links)
                .map(|f| f.map(|(p, _)| p));
        }
        let origin = from_path.rsplit_once('/').map_or("", |(d, _)| d);
        let expand = |d: &str| {
            d.replace("$ORIGIN", &format!("/{origin}"))
                .replace("${ORIGIN}", &format!("/{origin}"))
        };
        let mut dirs: Vec<String> = Vec::new();
        if from.dynamic.runpath.is_empty() {
            dirs.extend(
                from.dynamic
                    .rpath
                    .iter()
                    .flat_map(|r| r.split(':'))
                    .map(expand),
            );
        }
        if let Some(p) = self.env("LD_LIBRARY_PATH") {
            dirs.extend(p.split(':').map(str::to_string));
        }
        dirs.extend(
            from.dynamic
                .runpath
                .iter()
                .flat_map(|r| r.split(':'))
                .map(expand),
        );
        dirs.extend(conf.iter().cloned());
        if let Some(t) = from.arch.goarch.as_deref().and_then(linklens::arch::debian_multiarch) {
            dirs.push(format!("/lib/{t}"));
            dirs.push(format!("/usr/lib/{t}"));
        }
        dirs.extend(
            ["/lib64", "/usr/lib64", "/lib", "/usr/local/lib", "/usr/lib"].map(str::to_string),
        );
        for d in dirs.iter().filter(|d| !d.is_empty()) {
            if let Some((p, _)) = self.fs.file(&format!("{d}/{library}"), self.max_links)? {
                return Ok(Some(p));
            }
        }
        Ok(None)
    }

    /// The loader, the libraries (transitively) and which are missing.
    fn needs(&self, path: &str, report: &Facts, conf: &[String]) -> (ImageBinary, Option<String>) {
        let mut missing = Vec::new();
        let mut needed = Vec::new();
        let loader = report.dynamic.interpreter.clone();
        if let Some(l) = &loader {
            if !matches!(self.fs.file(l, self.max_links), Ok(Some(_))) {
                missing.push(l.clone());
            }
        }
        let mut libc = None;
        let mut queue: Vec<(String, String)> = report
            .dynamic
            .needed
            .iter()
            .rev()
            .map(|n| (n.clone(), path.to_string()))
            .collect();
        let mut seen = BTreeSet::new();
        while let Some((lib, by)) = queue.pop() {
            if !seen.insert(lib.clone()) || seen.len() > 256 {
                continue;
            }
            needed.push(lib.clone());
            // The program is a member too: its facts are `report`.
            let Some(by_report) = self.member(&by).and_then(|m| m.facts.as_ref()) else { continue };
            match self.find_library(&lib, by_report, &by, conf) {
                Ok(Some(found)) => {
                    if lib == "libc.so.6" {
                        libc.get_or_insert_with(|| found.clone());
                    }
                    if let Some(r) = self.member(&found).and_then(|m| m.facts.as_ref()) {
                        queue.extend(
                            r.dynamic
                                .needed
                                .iter()
                                .rev()
                                .map(|n| (n.clone(), found.clone())),
                        );
                    }
                }
                _ => missing.push(lib.clone()),
            }
        }
        (
            ImageBinary {
                path: format!("/{path}"),
                loader,
                needed,
                missing,
            },
            libc,
        )
    }

    fn libc_version(&self, path: &str) -> Option<String> {
        let entry = self.fs.entries.get(path)?;
        self.layers
            .get(entry.layer)?
            .libc_versions
            .get(path)
            .cloned()
    }

    /// The image's C library: glibc's `libc.so.6` or musl's loader.
    fn libc(&self, arch: &str, conf: &[String]) -> Option<ImageLibc> {
        let t = linklens::arch::debian_multiarch(arch).unwrap_or("x86_64-linux-gnu");
        let mut dirs: Vec<String> = conf.to_vec();
        dirs.extend([
            format!("lib/{t}"),
            format!("usr/lib/{t}"),
            "lib64".into(),
            "lib".into(),
            "usr/lib".into(),
        ]);
        for d in &dirs {
            if let Ok(Some((p, _))) = self.fs.file(&format!("{d}/libc.so.6"), self.max_links) {
                return Some(ImageLibc {
                    name: "glibc".into(),
                    version: self.libc_version(&p),
                    path: format!("/{p}"),
                });
            }
        }
        let musl = self
            .fs
            .entries
            .keys()
            .find(|k| k.starts_with("lib/ld-musl-") && k.ends_with(".so.1"))?;
        Some(ImageLibc {
            name: "musl".into(),
            version: None,
            path: format!("/{musl}"),
        })
    }

    fn verdict(
        &self,
        verdict: ImageVerdict,
        reason: ImageReasonId,
        args: &[(&str, &str)],
    ) -> Judged {
        (
            verdict,
            reason,
            args.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// Will the entrypoint start?
    fn judge(&self, layers: usize) -> ImageReport {
        let conf = self.ld_so_conf();
        let arch = self.plan.arch.as_str();
        let mut binaries = Vec::new();
        for (path, entry) in &self.fs.entries {
            if let (Node::File { elf: Some(_), .. }, Some(Member { facts: Some(r), .. })) =
                (&entry.node, self.member(path))
            {
                if !r.linkage.is_static() && r.dynamic.interpreter.is_some() {
                    binaries.push(self.needs(path, r, &conf).0);
                }
            }
        }
        let mut out = ImageReport {
            name: self.plan.name.clone(),
            platform: self.plan.platform(),
            manifest: self.plan.manifest.clone(),
            layers: u32::try_from(layers).unwrap_or(u32::MAX),
            entrypoint: self.plan.entrypoint.clone(),
            cmd: self.plan.cmd.clone(),
            program: None,
            libc: self.libc(arch, &conf),
            verdict: ImageVerdict::Unknown,
            reason_id: ImageReasonId::NoEntrypoint,
            values: Vec::new(),
            binaries,
            lacks: Vec::new(),
        };
        let argv: Vec<&String> = self
            .plan
            .entrypoint
            .iter()
            .chain(self.plan.cmd.iter())
            .collect();
        let (verdict, reason, values) = match argv.first() {
            None => self.verdict(ImageVerdict::Unknown, ImageReasonId::NoEntrypoint, &[]),
            Some(program) => self.judge_program(program, &conf, &mut out),
        };
        out.verdict = verdict;
        out.reason_id = reason;
        out.values = values;
        if verdict == ImageVerdict::Starts {
            self.starts_but(&mut out);
        }
        out
    }

    /// A program that starts may still miss a file it reads: the CA bundle,
    /// zoneinfo, /etc/passwd, where Go looks for them (crypto/x509's
    /// root_linux.go, time's zoneinfo_unix.go, os/user's lookup_unix.go).
    fn starts_but(&self, out: &mut ImageReport) {
        let Some(facts) = out
            .program
            .as_deref()
            .and_then(|p| self.member(p.trim_start_matches('/')))
            .and_then(|m| m.facts.as_ref())
        else {
            return;
        };
        let Some(go) = &facts.go else { return };
        let present = |paths: &[&str]| {
            paths
                .iter()
                .any(|p| matches!(self.fs.lookup(p, self.max_links), Lookup::Found(_)))
        };
        // The reason the image gets for each need it does not meet.
        let lacks = |n: &linklens::Need| match n.id {
            NeedId::CaBundle => (self.env("SSL_CERT_FILE").is_none()
                && self.env("SSL_CERT_DIR").is_none()
                && !present(CA_PATHS))
            .then_some(ImageReasonId::NoCaBundle),
            NeedId::Zoneinfo => (self.env("ZONEINFO").is_none() && !present(ZONEINFO_PATHS))
                .then_some(ImageReasonId::NoZoneinfo),
            NeedId::Accounts => (!present(&["etc/passwd"])).then_some(ImageReasonId::NoAccounts),
            // The container runtime mounts /etc/resolv.conf and /etc/hosts.
            NeedId::Hosts => None,
        };
        let lacking: Vec<(&linklens::Need, ImageReasonId)> =
            go.needs.iter().filter_map(|n| Some((n, lacks(n)?))).collect();
        let Some((first, reason)) = lacking.first() else { return };
        out.verdict = ImageVerdict::StartsBut;
        out.reason_id = *reason;
        out.values
            .push(("function".into(), first.evidence.value.clone()));
        out.lacks = lacking.iter().map(|(n, _)| n.id).collect();
    }

    fn judge_program(&self, program: &str, conf: &[String], out: &mut ImageReport) -> Judged {
        let shown = program.to_string();
        let found = if program.contains('/') {
            let full = if program.starts_with('/') {
                program.to_string()
            } else {
                format!("{}/{program}", self.plan.workdir)
            };
            match self.fs.file(&full, self.max_links) {
                Err(()) => {
                    return self.verdict(
                        ImageVerdict::Fails,
                        ImageReasonId::SymlinkLoop,
                        &[("program", &shown)],
                    )
                }
                Ok(None) => {
                    return self.verdict(
                        ImageVerdict::Fails,
                        ImageReasonId::EntrypointMissing,
                        &[("program", &shown)],
                    )
                }
                Ok(Some((p, _))) => p,
            }
        } else {
            let path = self.env("PATH").unwrap_or(DEFAULT_PATH);
            let hit = path.split(':').filter(|d| !d.is_empty()).find_map(|d| {
                self.fs
                    .file(&format!("{d}/{program}"), self.max_links)
                    .ok()
                    .flatten()
            });
            match hit {
                Some((p, _)) => p,
                None => {
                    return self.verdict(
                        ImageVerdict::Fails,
                        ImageReasonId::NotInPath,
                        &[("program", &shown), ("path", path)],
                    )
                }
            }
        };
        out.program = Some(format!("/{found}"));
        let shown = format!("/{found}");
        if let Some(interpreter) = self.script(&found) {
            return self.verdict(
                ImageVerdict::Unknown,
                ImageReasonId::Script,
                &[("program", &shown), ("interpreter", interpreter)],
            );
        }
        let member = self.member(&found);
        let report = match member {
            Some(Member { facts: Some(r), .. }) => r,
            // Not an ELF file, or one the analysis refused (every member's
            // error is the analysis's): worded by the explainer, from the member.
            _ => {
                return self.verdict(
                    ImageVerdict::Fails,
                    ImageReasonId::NotElf,
                    &[("program", &shown)],
                )
            }
        };
        let arch = report
            .arch
            .goarch
            .clone()
            .unwrap_or_else(|| report.arch.machine.clone());
        if !self.plan.arch.is_empty() && arch != self.plan.arch {
            return self.verdict(
                ImageVerdict::Fails,
                ImageReasonId::WrongArch,
                &[
                    ("program", &shown),
                    ("arch", &arch),
                    ("platform", &out.platform),
                ],
            );
        }
        if report.linkage.is_static() {
            return self.verdict(
                ImageVerdict::Starts,
                ImageReasonId::Static,
                &[("program", &shown)],
            );
        }
        let (needs, libc) = self.needs(&found, report, conf);
        let loader = needs.loader.clone().unwrap_or_default();
        if needs.missing.first() == Some(&loader) && !loader.is_empty() {
            return self.verdict(
                ImageVerdict::Fails,
                ImageReasonId::NoLoader,
                &[("program", &shown), ("loader", &loader)],
            );
        }
        if let Some(library) = needs.missing.first() {
            return self.verdict(
                ImageVerdict::Fails,
                ImageReasonId::MissingLibrary,
                &[("program", &shown), ("library", library)],
            );
        }
        if let (Some(need), Some(libc)) = (&report.portability.glibc_min, &libc) {
            if let Some(have) = self.libc_version(libc) {
                if Version::parse(need) > Version::parse(&have) {
                    let at = format!("/{libc}");
                    return self.verdict(
                        ImageVerdict::Fails,
                        ImageReasonId::GlibcTooOld,
                        &[
                            ("program", &shown),
                            ("need", need),
                            ("have", &have),
                            ("libc", &at),
                        ],
                    );
                }
            }
        }
        let libraries = needs.needed.join(", ");
        self.verdict(
            ImageVerdict::Starts,
            ImageReasonId::AllFound,
            &[
                ("program", &shown),
                ("loader", &loader),
                ("libraries", &libraries),
            ],
        )
    }
}

/// Where crypto/x509 looks for the system's roots on Linux: the bundles,
/// then the directories.
const CA_PATHS: &[&str] = &[
    "etc/ssl/certs/ca-certificates.crt",
    "etc/pki/tls/certs/ca-bundle.crt",
    "etc/ssl/ca-bundle.pem",
    "etc/pki/tls/cacert.pem",
    "etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "etc/ssl/cert.pem",
    "etc/ssl/certs",
    "etc/pki/tls/certs",
];
/// Where time looks for zoneinfo.
const ZONEINFO_PATHS: &[&str] = &[
    "usr/share/zoneinfo",
    "usr/share/lib/zoneinfo",
    "usr/lib/locale/TZ",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glibc_version_is_the_highest_defined() {
        assert_eq!(
            glibc_version(b"\0GLIBC_2.2.5\0GLIBC_2.34\0GLIBC_2.4\0GLIBC_PRIVATE\0GLIBC_2.36\0")
                .as_deref(),
            Some("2.36")
        );
        assert_eq!(
            glibc_version(b"GLIBC_2.17\0GLIBC_2.3.4\0").as_deref(),
            Some("2.17")
        );
        assert_eq!(glibc_version(b"GLIBC_PRIVATE GLIBC_2.x"), None);
        assert_eq!(glibc_version(b""), None);
    }
}
