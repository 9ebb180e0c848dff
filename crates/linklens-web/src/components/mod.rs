//! One component per file, as in the Yew examples. State is the reducer in
//! `state.rs`, held by `hooks::use_files` (in `App` and in the embeddable
//! checker) and passed down as properties; the components only render.

mod app;
mod archive_group;
mod cause_card;
mod compare_view;
mod copy_button;
mod details;
mod doc_view;
mod drop_zone;
mod embed_app;
mod error_view;
mod export_bar;
mod file_result;
mod fix_panel;
mod header;
mod nav;
mod recipe_tabs;
mod report_view;
mod share_bar;
mod shared_view;
mod targets;
mod verdict;
mod warnings;

pub use app::App;
pub use embed_app::{mount as mount_embed, EmbedApp};
