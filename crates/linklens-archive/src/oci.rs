//! Which images an image tar holds: `docker save`'s `manifest.json`, or an
//! OCI layout's `index.json` (nested indexes followed, attestation
//! manifests skipped, one plan per platform). Media types are not trusted:
//! a descriptor is an index if its JSON has `manifests`, a manifest if it
//! has `layers`; a layer is whatever its first bytes say. The JSON is read
//! into the types of `json` first; the walk reads only those.

use serde_json::Value;

use crate::limits::{IMAGE_INDEX_DEPTH, IMAGE_LIST_ENTRIES, IMAGE_VISITS};

/// One image to judge: its layers in order and its config.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub name: Option<String>,
    pub os: String,
    pub arch: String,
    pub variant: Option<String>,
    pub manifest: Option<String>,
    pub entrypoint: Vec<String>,
    pub cmd: Vec<String>,
    pub env: Vec<String>,
    pub workdir: String,
    /// Paths of the layer blobs inside the tar, bottom first.
    pub layers: Vec<String>,
}

impl Plan {
    pub fn platform(&self) -> String {
        match &self.variant {
            Some(v) => format!("{}/{}/{v}", self.os, self.arch),
            None => format!("{}/{}", self.os, self.arch),
        }
    }
}

/// Why a file of the image could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It is not in the archive.
    Missing,
    /// It is bigger than the limit for JSON (the limit).
    TooBig(u64),
    /// A reader or the JSON parser refused it (which one), in its own
    /// words (none when the refusal is linklens's own).
    Unreadable(linklens::archive::Reader, Option<String>),
    /// Indexes nest deeper than the limit.
    TooDeep(u64),
    /// More manifests and indexes than the limit.
    TooMany(u64),
    /// A digest that is not one, as found.
    BadDigest(String),
    /// `manifest.json` is not a list of images.
    NotAList,
    /// An image names no config.
    NoConfig,
}

/// A file of the image could not be used: which, and why.
pub type Failure = (String, Problem);


/// `sha256:abc…` → `blobs/sha256/abc…`, refusing anything that is not a
/// plain algorithm and hex digest (a digest is never a path).
pub fn blob_path(digest: &str) -> Option<String> {
    let (alg, hex) = digest.split_once(':')?;
    let ok = |s: &str, extra: &str| !s.is_empty() && s.len() <= 128 && s.chars().all(|c| c.is_ascii_alphanumeric() || extra.contains(c));
    (ok(alg, "+._-") && ok(hex, "=_-")).then(|| format!("blobs/{alg}/{hex}"))
}

/// The JSON an image is made of, read into types. Hostile JSON is read
/// leniently, as `docker` would: a field of the wrong type counts as
/// absent, a list keeps the strings it has.
mod json {
    use serde_json::Value;

    fn strings(v: Option<&Value>) -> Vec<String> {
        v.and_then(Value::as_array).map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
    }

    fn text(v: Option<&Value>, key: &str) -> Option<String> {
        v?.get(key).and_then(Value::as_str).map(str::to_string)
    }

    /// An image config: the platform and what starts.
    #[derive(Debug, Default)]
    pub struct Config {
        pub os: Option<String>,
        pub architecture: Option<String>,
        pub variant: Option<String>,
        pub entrypoint: Vec<String>,
        pub cmd: Vec<String>,
        pub env: Vec<String>,
        pub working_dir: Option<String>,
    }

    impl From<&Value> for Config {
        fn from(v: &Value) -> Config {
            let c = v.get("config");
            Config {
                os: text(Some(v), "os"),
                architecture: text(Some(v), "architecture"),
                variant: text(Some(v), "variant"),
                entrypoint: strings(c.and_then(|c| c.get("Entrypoint"))),
                cmd: strings(c.and_then(|c| c.get("Cmd"))),
                env: strings(c.and_then(|c| c.get("Env"))),
                working_dir: text(c, "WorkingDir"),
            }
        }
    }

    /// One image of `docker save`'s `manifest.json`.
    #[derive(Debug)]
    pub struct DockerImage {
        pub config: Option<String>,
        pub repo_tags: Vec<String>,
        pub layers: Vec<String>,
    }

    /// `manifest.json`: a list of images, or `None` when it is not a list.
    pub fn docker_manifest(v: &Value) -> Option<Vec<DockerImage>> {
        let list = v.as_array()?;
        Some(
            list.iter()
                .map(|e| DockerImage { config: text(Some(e), "Config"), repo_tags: strings(e.get("RepoTags")), layers: strings(e.get("Layers")) })
                .collect(),
        )
    }

    /// A descriptor in an index's `manifests`.
    #[derive(Debug)]
    pub struct Descriptor {
        pub digest: Option<String>,
        /// `platform.os`.
        pub os: Option<String>,
        /// `vnd.docker.reference.type`: `attestation-manifest` for BuildKit's.
        pub reference_type: Option<String>,
        /// The image's name, from containerd's or the OCI annotation.
        pub name: Option<String>,
    }

    /// What a blob of an OCI layout is, by its shape (media types are not
    /// trusted).
    #[derive(Debug)]
    pub enum Blob {
        /// An index: more descriptors.
        Index(Vec<Descriptor>),
        /// A manifest: its config's digest and its layers' digests.
        Manifest { config: Option<String>, layers: Vec<Option<String>> },
        /// Anything else.
        Other,
    }

    fn descriptors(v: &Value) -> Vec<Descriptor> {
        let list = v.get("manifests").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        list.iter()
            .map(|d| {
                let a = d.get("annotations");
                Descriptor {
                    digest: text(Some(d), "digest"),
                    os: text(d.get("platform"), "os"),
                    reference_type: text(a, "vnd.docker.reference.type"),
                    name: text(a, "io.containerd.image.name").or_else(|| text(a, "org.opencontainers.image.ref.name")),
                }
            })
            .collect()
    }

    impl From<&Value> for Blob {
        fn from(v: &Value) -> Blob {
            if v.get("manifests").is_some() {
                Blob::Index(descriptors(v))
            } else if let Some(layers) = v.get("layers") {
                let layers = layers.as_array().map(Vec::as_slice).unwrap_or_default();
                Blob::Manifest { config: text(v.get("config"), "digest"), layers: layers.iter().map(|l| text(Some(l), "digest")).collect() }
            } else {
                Blob::Other
            }
        }
    }
}

/// The parts of an image config that decide what starts.
fn apply_config(plan: &mut Plan, config: json::Config) {
    plan.os = config.os.unwrap_or_else(|| "linux".into());
    plan.arch = config.architecture.unwrap_or_default();
    plan.variant = config.variant;
    plan.entrypoint = config.entrypoint;
    plan.cmd = config.cmd;
    plan.env = config.env;
    plan.workdir = config.working_dir.unwrap_or_default();
}

/// Find the images. `read` returns a JSON file of the tar by path.
pub fn plans(has: &dyn Fn(&str) -> bool, read: &mut dyn FnMut(&str) -> Result<Value, Problem>) -> Result<Vec<Plan>, Failure> {
    if has("manifest.json") {
        return docker(read);
    }
    let index = read("index.json").map_err(|e| ("index.json".to_string(), e))?;
    let mut out = Vec::new();
    oci_index(&json::Blob::from(&index), None, read, 0, &mut 0, &mut out)?;
    Ok(out)
}

fn docker(read: &mut dyn FnMut(&str) -> Result<Value, Problem>) -> Result<Vec<Plan>, Failure> {
    let manifest = read("manifest.json").map_err(|e| ("manifest.json".to_string(), e))?;
    let images = json::docker_manifest(&manifest).ok_or_else(|| ("manifest.json".to_string(), Problem::NotAList))?;
    let mut out = Vec::new();
    for image in images.into_iter().take(IMAGE_LIST_ENTRIES) {
        let config_path = image.config.ok_or_else(|| ("manifest.json".to_string(), Problem::NoConfig))?;
        let config = read(&config_path).map_err(|e| (config_path.clone(), e))?;
        let mut plan = Plan { name: image.repo_tags.into_iter().next(), layers: image.layers, ..Plan::default() };
        apply_config(&mut plan, json::Config::from(&config));
        out.push(plan);
    }
    Ok(out)
}

fn oci_index(index: &json::Blob, name: Option<String>, read: &mut dyn FnMut(&str) -> Result<Value, Problem>, depth: u32, visits: &mut u32, out: &mut Vec<Plan>) -> Result<(), Failure> {
    if depth > IMAGE_INDEX_DEPTH {
        return Err(("index.json".into(), Problem::TooDeep(u64::from(IMAGE_INDEX_DEPTH))));
    }
    let json::Blob::Index(descriptors) = index else { return Ok(()) };
    for d in descriptors.iter().take(IMAGE_LIST_ENTRIES) {
        if d.reference_type.as_deref() == Some("attestation-manifest") || d.os.as_deref() == Some("unknown") {
            continue;
        }
        let name = d.name.clone().or_else(|| name.clone());
        let Some(digest) = &d.digest else { continue };
        // Indexes that list one another many times over: a bounded walk.
        *visits += 1;
        if *visits > IMAGE_VISITS {
            return Err(("index.json".into(), Problem::TooMany(u64::from(IMAGE_VISITS))));
        }
        let path = blob_path(digest).ok_or_else(|| ("index.json".to_string(), Problem::BadDigest(digest.clone())))?;
        let blob = json::Blob::from(&read(&path).map_err(|e| (path.clone(), e))?);
        match blob {
            json::Blob::Index(_) => oci_index(&blob, name, read, depth + 1, visits, out)?,
            json::Blob::Manifest { config, layers } => {
                let config_path = blob_path(config.as_deref().unwrap_or_default()).ok_or_else(|| (path.clone(), Problem::NoConfig))?;
                let config = read(&config_path).map_err(|e| (config_path.clone(), e))?;
                let mut plan = Plan { name, manifest: Some(digest.clone()), ..Plan::default() };
                for l in layers {
                    let l = l.unwrap_or_default();
                    plan.layers.push(blob_path(&l).ok_or_else(|| (path.clone(), Problem::BadDigest(l.clone())))?);
                }
                apply_config(&mut plan, json::Config::from(&config));
                out.push(plan);
            }
            json::Blob::Other => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn digests_are_never_paths() {
        assert_eq!(blob_path("sha256:abc123").as_deref(), Some("blobs/sha256/abc123"));
        assert_eq!(blob_path("sha256:../../etc/passwd"), None);
        assert_eq!(blob_path("sha256/x:y"), None);
        assert_eq!(blob_path("nocolon"), None);
        assert_eq!(blob_path("sha256:"), None);
    }

    #[test]
    fn a_multi_platform_index_gives_one_plan_per_platform() {
        let files = json!({
            "index.json": {"manifests": [{"digest": "sha256:list", "annotations": {"io.containerd.image.name": "app:1"}}]},
            "blobs/sha256/list": {"manifests": [
                {"digest": "sha256:m1", "platform": {"os": "linux", "architecture": "amd64"}},
                {"digest": "sha256:m2", "platform": {"os": "linux", "architecture": "arm64", "variant": "v8"}},
                {"digest": "sha256:att", "platform": {"os": "unknown", "architecture": "unknown"}},
            ]},
            "blobs/sha256/m1": {"config": {"digest": "sha256:c1"}, "layers": [{"digest": "sha256:l1"}]},
            "blobs/sha256/m2": {"config": {"digest": "sha256:c2"}, "layers": [{"digest": "sha256:l2"}, {"digest": "sha256:l3"}]},
            "blobs/sha256/c1": {"os": "linux", "architecture": "amd64", "config": {"Entrypoint": ["/app"], "Env": ["PATH=/bin"]}},
            "blobs/sha256/c2": {"os": "linux", "architecture": "arm64", "variant": "v8", "config": {"Cmd": ["app"]}},
        });
        let has = |p: &str| files.get(p).is_some();
        let mut read = |p: &str| files.get(p).cloned().ok_or(Problem::Missing);
        let plans = plans(&has, &mut read).unwrap();
        assert_eq!(plans.len(), 2, "the attestation is skipped");
        assert_eq!(plans[0].platform(), "linux/amd64");
        assert_eq!(plans[0].name.as_deref(), Some("app:1"));
        assert_eq!(plans[0].entrypoint, ["/app"]);
        assert_eq!(plans[0].layers, ["blobs/sha256/l1"]);
        assert_eq!(plans[0].manifest.as_deref(), Some("sha256:m1"));
        assert_eq!(plans[1].platform(), "linux/arm64/v8");
        assert_eq!(plans[1].cmd, ["app"]);
        assert_eq!(plans[1].layers.len(), 2);
    }

    /// `index.json` → `depth` nested indexes → one manifest.
    fn nested(depth: usize) -> serde_json::Value {
        let mut files = serde_json::Map::new();
        files.insert("index.json".into(), json!({"manifests": [{"digest": "sha256:i1"}]}));
        for i in 1..depth {
            files.insert(format!("blobs/sha256/i{i}"), json!({"manifests": [{"digest": format!("sha256:i{}", i + 1)}]}));
        }
        files.insert(format!("blobs/sha256/i{depth}"), json!({"manifests": [{"digest": "sha256:m"}]}));
        files.insert("blobs/sha256/m".into(), json!({"config": {"digest": "sha256:c"}, "layers": []}));
        files.insert("blobs/sha256/c".into(), json!({"os": "linux", "architecture": "amd64"}));
        serde_json::Value::Object(files)
    }

    fn plans_of(files: &serde_json::Value) -> Result<Vec<Plan>, Failure> {
        let has = |p: &str| files.get(p).is_some();
        let mut read = |p: &str| files.get(p).cloned().ok_or(Problem::Missing);
        plans(&has, &mut read)
    }

    #[test]
    fn indexes_nest_four_deep_and_no_deeper() {
        assert_eq!(plans_of(&nested(4)).unwrap().len(), 1, "index.json and four nested indexes");
        let err = plans_of(&nested(5)).unwrap_err();
        assert_eq!(err.1, Problem::TooDeep(4));
    }

    #[test]
    fn at_most_256_manifests_and_indexes_are_visited() {
        // index.json → 4 × the same sub-index of 63 manifests: 4 + 252 = 256 visits.
        let sub: Vec<_> = (0..63).map(|_| json!({"digest": "sha256:m"})).collect();
        let four: Vec<_> = (0..4).map(|_| json!({"digest": "sha256:s"})).collect();
        let mut files = json!({
            "index.json": {"manifests": four},
            "blobs/sha256/s": {"manifests": sub},
            "blobs/sha256/m": {"config": {"digest": "sha256:c"}, "layers": []},
            "blobs/sha256/c": {"os": "linux", "architecture": "amd64"},
        });
        assert_eq!(plans_of(&files).unwrap().len(), 252);
        // One more descriptor: the 257th visit.
        files["index.json"]["manifests"].as_array_mut().unwrap().push(json!({"digest": "sha256:m"}));
        assert_eq!(plans_of(&files).unwrap_err().1, Problem::TooMany(256));
    }

    #[test]
    fn an_index_that_names_itself_stops() {
        let files = json!({
            "index.json": {"manifests": [{"digest": "sha256:loop"}]},
            "blobs/sha256/loop": {"manifests": [{"digest": "sha256:loop"}]},
        });
        let has = |p: &str| files.get(p).is_some();
        let mut read = |p: &str| files.get(p).cloned().ok_or(Problem::Missing);
        assert!(plans(&has, &mut read).is_err());
    }
}
