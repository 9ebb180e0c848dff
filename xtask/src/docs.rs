//! The documentation pages, rendered from the components in
//! `crates/linklens-web/src/docs/` (Yew on the server side) into
//! `web/generated/docs/`, with `pages.json` listing them for the service
//! worker. Trunk copies the folder into `dist/docs/`; the page fetches a
//! page when its route is first opened.

use std::path::PathBuf;

use linklens_web::docs::render_all;

use crate::{project_root, Result};

/// Where they are written.
pub fn dir() -> PathBuf {
    project_root().join("web/generated/docs")
}

pub fn write() -> Result<PathBuf> {
    let dir = dir();
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let mut files = Vec::new();
    for (page, html) in render_all() {
        let file = page.file();
        // `docs/guide.html` on the page is `guide.html` in this folder.
        let relative = file.strip_prefix("docs/").expect("doc pages live under docs/");
        let path = dir.join(relative);
        std::fs::create_dir_all(path.parent().expect("a folder"))?;
        std::fs::write(&path, html)?;
        files.push(file);
    }
    std::fs::write(dir.join("pages.json"), serde_json::to_string(&files)? + "\n")?;
    Ok(dir)
}
