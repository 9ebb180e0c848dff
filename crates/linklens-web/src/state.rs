//! The page's state and its reducer, as in Yew's `function_todomvc`: the
//! files on the page, newest last, and what the live region announces.
//! Plain Rust over `Report`, so it is tested natively.

use std::rc::Rc;

use linklens_explain::catalogue::{fill, page};
use linklens_explain::Report;
use yew::prelude::*;

use crate::protocol::{DecodedBy, FailureId, FromWorker, Rendered};

/// Something the worker sent (a report, what was rendered of it), shared by
/// the components that show it and compared by identity: it never changes
/// once received, so Yew's deep comparison of properties on every render
/// would be code in the page's wasm and time for nothing.
#[derive(Debug)]
pub struct Received<T>(Rc<T>);

impl<T> Received<T> {
    pub fn new(value: T) -> Received<T> {
        Received(Rc::new(value))
    }
}

impl<T> Clone for Received<T> {
    fn clone(&self) -> Self {
        Received(self.0.clone())
    }
}

impl<T> PartialEq for Received<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Received<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A report as a result view shows it, with what the worker rendered of it.
#[derive(Clone, PartialEq)]
pub struct Shown {
    pub report: Received<Report>,
    pub rendered: Received<Rendered>,
}

/// One file on the page.
#[derive(Clone, PartialEq)]
pub struct Entry {
    pub id: u32,
    pub name: AttrValue,
    pub size: f64,
    pub state: EntryState,
    /// The dropped file, kept to hash it for a share link.
    pub file: Option<web_sys::File>,
    /// Its share link's progress.
    pub share: Share,
}

/// A share link: asked for, its SHA-256 being computed, ready, or failed.
#[derive(Clone, PartialEq, Default)]
pub enum Share {
    #[default]
    None,
    Hashing,
    Ready { sha256: AttrValue, fragment: AttrValue },
    Failed { message: AttrValue },
}

/// Where a file's analysis is.
#[derive(Clone, PartialEq)]
pub enum EntryState {
    Queued,
    Reading { read: f64, size: f64 },
    Scanning { read: f64, size: f64, files: f64, elf: f64 },
    Done { report: Received<Report>, rendered: Received<Rendered>, read: f64, millis: f64, wasm_memory: f64 },
    /// An archive or image: its summary and a report per binary inside
    /// (each member's as it is shown, in member order; `None` without a report).
    Archive { archive: Received<linklens_explain::archive::ExplainedArchive>, members: Received<Vec<Option<Shown>>>, millis: f64, wasm_memory: f64, decoded_by: DecodedBy },
    Failed { code: FailureId, message: AttrValue },
}

/// The files on the page, newest last. All state lives here.
#[derive(Default, PartialEq)]
pub struct Files {
    pub entries: Vec<Entry>,
    /// What the live region announces.
    pub announcement: String,
    /// The share link opened last: its fragment, and the report or why not.
    pub opened: Option<(String, Result<Received<OpenedLink>, linklens_explain::share::ShareError>)>,
}

/// A share link the worker opened: the report and what the page shows of it.
pub struct OpenedLink {
    /// The file's name, size and SHA-256, and what a shortened link left out.
    pub name: String,
    pub size: u64,
    pub sha256: String,
    pub omitted: Vec<linklens_explain::share::Omitted>,
    pub report: Received<Report>,
    pub rendered: Received<Rendered>,
}

pub enum Action {
    Add(Vec<Entry>),
    Worker(FromWorker),
    Remove(u32),
    Clear,
    /// A share link was asked for: the worker hashes the file.
    Share(u32),
}

impl Files {
    /// The analysed files: (id, name, report).
    pub fn reports(&self) -> Vec<(u32, AttrValue, Received<Report>)> {
        self.entries
            .iter()
            .filter_map(|e| match &e.state {
                EntryState::Done { report, .. } => Some((e.id, e.name.clone(), report.clone())),
                _ => None,
            })
            .collect()
    }
}

fn set_share(entries: &mut [Entry], id: u32, share: Share) {
    if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
        e.share = share;
    }
}

impl Reducible for Files {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut entries = self.entries.clone();
        let mut announcement = self.announcement.clone();
        match action {
            Action::Add(new) => {
                announcement = fill(page::ANALYSING, &[("count", &new.len().to_string())]);
                entries.extend(new);
            }
            Action::Remove(id) => entries.retain(|e| e.id != id),
            Action::Clear => entries.clear(),
            Action::Share(id) => set_share(&mut entries, id, Share::Hashing),
            Action::Worker(FromWorker::Linked { id, sha256, fragment }) => {
                set_share(&mut entries, id, Share::Ready { sha256: sha256.into(), fragment: fragment.into() })
            }
            Action::Worker(FromWorker::Opened { fragment, shared, rendered, error }) => {
                let opened = match (shared, error) {
                    (Some(s), _) => {
                        let linklens_explain::share::Shared { name, size, sha256, omitted, report } = *s;
                        let (report, rendered) = (Received::new(report), Received::new(rendered.map(|r| *r).unwrap_or_default()));
                        Ok(Received::new(OpenedLink { name, size, sha256, omitted, report, rendered }))
                    }
                    (None, Some(e)) => Err(e),
                    (None, None) => return self,
                };
                return Rc::new(Files { entries, announcement, opened: Some((fragment, opened)) });
            }
            Action::Worker(FromWorker::HashFailed { id, message }) => set_share(&mut entries, id, Share::Failed { message: message.into() }),
            Action::Worker(msg) => {
                let (id, state) = match msg {
                    FromWorker::Ready => return self,
                    FromWorker::Progress { id, read, size } => (id, EntryState::Reading { read, size }),
                    FromWorker::Scanning { id, read, size, files, elf } => (id, EntryState::Scanning { read, size, files, elf }),
                    FromWorker::Done { id, report, rendered, read, millis, wasm_memory } => {
                        (id, EntryState::Done { report: Received::new(*report), rendered: Received::new(*rendered), read, millis, wasm_memory })
                    }
                    FromWorker::ArchiveDone { id, archive, rendered, millis, wasm_memory, decoded_by } => {
                        // Each member's view made once, not on every render
                        // (the worker sends one `Rendered` per member).
                        let members = archive
                            .members()
                            .zip(rendered)
                            .map(|((_, report), rendered)| Some(Shown { report: Received::new(report?), rendered: Received::new(rendered) }))
                            .collect();
                        (id, EntryState::Archive { archive: Received::new(*archive), members: Received::new(members), millis, wasm_memory, decoded_by })
                    }
                    FromWorker::Failed { id, code, message } => (id, EntryState::Failed { code, message: message.into() }),
                    FromWorker::Linked { .. } | FromWorker::HashFailed { .. } | FromWorker::Opened { .. } => return self,
                };
                if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
                    match &state {
                        EntryState::Done { report, .. } => {
                            announcement = format!("{}: {}. {}", e.name, report.facts.linkage, report.explanation.headline)
                        }
                        EntryState::Archive { archive, .. } => {
                            announcement = format!("{}: {}", e.name, linklens_explain::render::counts(&archive.facts))
                        }
                        EntryState::Failed { message, .. } => {
                            announcement = fill(page::ANNOUNCE_FAILED, &[("name", &e.name), ("message", message)])
                        }
                        _ => {}
                    }
                    // A late progress message never hides a result.
                    if !matches!(e.state, EntryState::Done { .. } | EntryState::Archive { .. } | EntryState::Failed { .. }) || !matches!(state, EntryState::Reading { .. } | EntryState::Scanning { .. }) {
                        e.state = state;
                    }
                }
            }
        }
        Rc::new(Files { entries, announcement, opened: self.opened.clone() })
    }
}
