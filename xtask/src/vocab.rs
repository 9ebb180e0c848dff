//! The vocabulary as data for the browser side: every cause, warning, fix
//! and note id with its catalogue title, the targets, and the samples, written to
//! `web/generated/vocabulary.json` before each build. `web/samples.sh` and
//! the browser tests read it instead of scraping Rust source.

use std::path::PathBuf;

use linklens_explain::catalogue::{self, TopicId};
use linklens::{CauseId, FixId, NoteId, TargetId, WarningId};
use serde_json::json;

use crate::{project_root, Result};

/// Where it is written.
pub fn path() -> PathBuf {
    project_root().join("web/generated/vocabulary.json")
}

pub fn write() -> Result<PathBuf> {
    let topic = |id: TopicId| {
        let t = catalogue::topic(id);
        json!({ "id": id.as_str(), "title": t.title, "fixes": t.fixes.iter().map(|f| f.as_str()).collect::<Vec<_>>() })
    };
    let value = json!({
        "causes": CauseId::ALL.iter().map(|&c| topic(TopicId::Cause(c))).collect::<Vec<_>>(),
        "warnings": WarningId::ALL.iter().map(|&w| topic(TopicId::Warning(w))).collect::<Vec<_>>(),
        "fixes": FixId::ALL.iter().map(|&f| json!({ "id": f.as_str(), "title": catalogue::fix(f).title })).collect::<Vec<_>>(),
        "recipes": linklens::RecipeKind::ALL.iter().map(|&k| json!({
            "id": k.as_str(), "label": catalogue::recipe(k).label, "file": catalogue::recipe(k).file,
        })).collect::<Vec<_>>(),
        "notes": NoteId::ALL.iter().map(|n| n.as_str()).collect::<Vec<_>>(),
        "targets": TargetId::ALL.iter().map(|&t| json!({
            "id": t.as_str(), "name": catalogue::target(t).name, "glibc": linklens_explain::glibc_of(t),
        })).collect::<Vec<_>>(),
        "samples": linklens_web::samples::SAMPLES.iter().map(|s| json!({
            "slug": s.slug, "fixture": s.fixture, "title": s.title(), "cause": s.cause.map(|c| c.as_str()),
        })).collect::<Vec<_>>(),
    });
    let path = path();
    std::fs::create_dir_all(path.parent().expect("web/generated"))?;
    std::fs::write(&path, serde_json::to_string_pretty(&value)? + "\n")?;
    Ok(path)
}
