//! An image's file system: layers applied in order with their whiteouts
//! (OCI image-spec `layer.md`), and paths resolved the way the kernel and
//! the loader would inside the container, symbolic links included, with
//! Linux's limit on how many links one lookup may follow.

use std::collections::BTreeMap;

/// One entry of a layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Dir,
    /// A regular file; `elf` indexes the layer's analysed binaries.
    File { size: u64, elf: Option<usize> },
    Symlink(String),
    /// A hard link to another path of the same layer (or a lower one).
    Hardlink(String),
}

/// What one layer tar holds, as the walker found it.
#[derive(Debug, Default)]
pub struct Layer {
    /// Entries in tar order, paths without a leading `/`.
    pub entries: Vec<(String, Node)>,
    /// `dir/.wh.name`: `dir/name` is deleted from the layers below.
    pub whiteouts: Vec<String>,
    /// `dir/.wh..wh..opq`: everything in `dir` from the layers below is deleted.
    pub opaque: Vec<String>,
    /// The binaries of this layer, each with its analysis.
    pub elves: Vec<linklens::archive::Member>,
    /// Small configuration files the loader reads (`etc/ld.so.conf` and
    /// what is under `etc/ld.so.conf.d/`), by path, and scripts' first
    /// lines (as `#!path`).
    pub texts: BTreeMap<String, String>,
    /// The glibc or musl version read from a C library of this layer, by path.
    pub libc_versions: BTreeMap<String, String>,
}

/// A path after layers: which layer its entry came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub node: Node,
    pub layer: usize,
}

/// Where a lookup ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The path, with every link followed.
    Found(String),
    Missing,
    /// More links than the limit: a loop.
    Loop,
}

#[derive(Debug, Default)]
pub struct Fs {
    pub entries: BTreeMap<String, Entry>,
}

/// Split a path into its names, dropping empty ones and `.`.
pub fn components(path: &str) -> impl DoubleEndedIterator<Item = &str> {
    path.split('/').filter(|c| !c.is_empty() && *c != ".")
}

impl Fs {
    /// Remove `path` and everything under it.
    fn remove_tree(&mut self, path: &str) {
        self.entries.remove(path);
        self.remove_children(path);
    }

    fn remove_children(&mut self, dir: &str) {
        let prefix = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        let doomed: Vec<String> = self.entries.range(prefix.clone()..).take_while(|(k, _)| k.starts_with(&prefix)).map(|(k, _)| k.clone()).collect();
        for k in doomed {
            self.entries.remove(&k);
        }
    }

    /// Apply a layer on top: its whiteouts delete from the layers below,
    /// then its entries are added (replacing what they cover).
    pub fn apply(&mut self, index: usize, layer: &Layer) {
        for dir in &layer.opaque {
            self.remove_children(dir);
        }
        for path in &layer.whiteouts {
            self.remove_tree(path);
        }
        for (path, node) in &layer.entries {
            let replaced_dir = matches!(self.entries.get(path), Some(Entry { node: Node::Dir, .. }));
            if replaced_dir && *node != Node::Dir {
                self.remove_children(path);
            }
            // A directory entry keeps what lower layers put in it.
            self.entries.insert(path.clone(), Entry { node: node.clone(), layer: index });
        }
    }

    /// Is `path` a directory, by an entry or by holding entries?
    fn is_dir(&self, path: &str) -> bool {
        if path.is_empty() {
            return true;
        }
        match self.entries.get(path) {
            Some(e) => e.node == Node::Dir,
            None => {
                let prefix = format!("{path}/");
                self.entries.range(prefix.clone()..).next().is_some_and(|(k, _)| k.starts_with(&prefix))
            }
        }
    }

    /// Follow `path` from the image's root as the kernel would: `..` stops
    /// at the root, absolute link targets start again from it.
    pub fn lookup(&self, path: &str, max_links: u32) -> Lookup {
        let mut todo: Vec<String> = components(path).rev().map(str::to_string).collect();
        let mut at: Vec<String> = Vec::new();
        let mut links = 0u32;
        // A second bound besides the links': no path is this many steps.
        let mut steps = 0u32;
        while let Some(name) = todo.pop() {
            steps += 1;
            if steps > crate::limits::LOOKUP_STEPS {
                return Lookup::Loop;
            }
            if name == ".." {
                at.pop();
                continue;
            }
            let parent = at.join("/");
            if !self.is_dir(&parent) {
                return Lookup::Missing;
            }
            at.push(name);
            let here = at.join("/");
            match self.entries.get(&here).map(|e| &e.node) {
                Some(Node::Symlink(target)) | Some(Node::Hardlink(target)) => {
                    let hard = matches!(self.entries.get(&here).map(|e| &e.node), Some(Node::Hardlink(_)));
                    links += 1;
                    if links > max_links {
                        return Lookup::Loop;
                    }
                    at.pop();
                    // Hard link targets are archive paths, from the root.
                    if hard || target.starts_with('/') {
                        at.clear();
                    }
                    todo.extend(components(target).rev().map(str::to_string));
                }
                Some(_) => {}
                None if self.is_dir(&here) => {}
                None => return Lookup::Missing,
            }
        }
        Lookup::Found(at.join("/"))
    }

    /// The regular file at `path` after links, if there is one.
    pub fn file(&self, path: &str, max_links: u32) -> Result<Option<(String, &Entry)>, ()> {
        match self.lookup(path, max_links) {
            Lookup::Found(p) => Ok(self.entries.get(&p).filter(|e| matches!(e.node, Node::File { .. })).map(|e| (p.clone(), e))),
            Lookup::Missing => Ok(None),
            Lookup::Loop => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(entries: &[(&str, Node)]) -> Layer {
        Layer { entries: entries.iter().map(|(p, n)| (p.to_string(), n.clone())).collect(), ..Layer::default() }
    }

    fn file() -> Node {
        Node::File { size: 1, elf: None }
    }

    #[test]
    fn links_resolve_like_the_kernel() {
        let mut fs = Fs::default();
        fs.apply(
            0,
            &layer(&[
                ("usr", Node::Dir),
                ("usr/lib", Node::Dir),
                ("usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", file()),
                ("lib", Node::Symlink("usr/lib".into())),
                ("lib64", Node::Dir),
                ("lib64/ld-linux-x86-64.so.2", Node::Symlink("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2".into())),
                ("up", Node::Symlink("../../../usr".into())),
                ("loop1", Node::Symlink("loop2".into())),
                ("loop2", Node::Symlink("/loop1".into())),
                ("hard", Node::Hardlink("usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2".into())),
            ]),
        );
        let ld = "usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2";
        assert_eq!(fs.lookup("/lib64/ld-linux-x86-64.so.2", 40), Lookup::Found(ld.into()));
        assert_eq!(fs.lookup("/up/lib/x86_64-linux-gnu/../x86_64-linux-gnu/ld-linux-x86-64.so.2", 40), Lookup::Found(ld.into()));
        assert_eq!(fs.lookup("/hard", 40), Lookup::Found(ld.into()));
        assert_eq!(fs.lookup("/loop1", 40), Lookup::Loop);
        assert_eq!(fs.lookup("/loop1/x", 40), Lookup::Loop);
        assert_eq!(fs.lookup("/lib64/ld-linux-x86-64.so.2", 1), Lookup::Loop, "two links, one allowed");
        assert_eq!(fs.lookup("/lib/nothing", 40), Lookup::Missing);
        assert_eq!(fs.lookup("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2/x", 40), Lookup::Missing, "a file is not a directory");
        assert!(fs.file("/lib/x86_64-linux-gnu", 40).unwrap().is_none(), "a directory is not a file");
    }

    #[test]
    fn exactly_the_limit_of_links_is_followed() {
        // a -> b -> c: two links, no cycle.
        let mut fs = Fs::default();
        fs.apply(0, &layer(&[("a", Node::Symlink("b".into())), ("b", Node::Symlink("/c".into())), ("c", file())]));
        assert_eq!(fs.lookup("/a", 2), Lookup::Found("c".into()), "two links, two allowed");
        assert_eq!(fs.lookup("/a", 1), Lookup::Loop, "two links, one allowed");
        assert_eq!(fs.lookup("/b", 1), Lookup::Found("c".into()), "one link, one allowed");
        assert_eq!(fs.lookup("/c", 0), Lookup::Found("c".into()), "no link, none allowed");
    }

    #[test]
    fn a_walk_of_more_steps_than_any_path_ends() {
        // `a` is `.`: 70,000 of them, links allowed without limit.
        let mut fs = Fs::default();
        fs.apply(0, &layer(&[("a", Node::Symlink(".".into()))]));
        let path = "a/".repeat(70_000);
        assert_eq!(fs.lookup(&path, u32::MAX), Lookup::Loop);
        assert_eq!(fs.lookup(&"a/".repeat(1000), u32::MAX), Lookup::Found(String::new()));
    }

    #[test]
    fn whiteouts_delete_from_lower_layers_only() {
        let mut fs = Fs::default();
        fs.apply(0, &layer(&[("lib", Node::Dir), ("lib/ld.so", file()), ("lib/libc.so", file()), ("etc/a", file()), ("etc/b", file())]));
        let mut upper = layer(&[("etc/c", file())]);
        upper.whiteouts.push("lib/ld.so".into());
        upper.opaque.push("etc".into());
        fs.apply(1, &upper);
        assert_eq!(fs.lookup("lib/ld.so", 40), Lookup::Missing);
        assert!(fs.file("lib/libc.so", 40).unwrap().is_some());
        assert_eq!(fs.lookup("etc/a", 40), Lookup::Missing);
        assert_eq!(fs.entries.get("etc/c").map(|e| e.layer), Some(1), "the opaque layer's own entries stay");
        // A file over a directory replaces the whole tree.
        fs.apply(2, &layer(&[("lib", file())]));
        assert_eq!(fs.lookup("lib/libc.so", 40), Lookup::Missing);
    }
}
