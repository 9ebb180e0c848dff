//! A report as Markdown, for an issue or a pull-request comment: the core's
//! one renderer, so the export says what the CLI prints.

use linklens::Report;

/// The Markdown export of the file called `name`.
pub fn report(name: &str, r: &Report) -> String {
    linklens::render::markdown(name, r)
}
