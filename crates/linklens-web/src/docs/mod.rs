//! The documentation companion — the guide, the index of causes and a page
//! per cause or warning — as components rendered to HTML **at build time**
//! (`cargo xtask` runs [`render_all`] with the `ssr` feature and writes
//! `web/generated/docs/`, which Trunk copies into `dist/docs/`). The page
//! fetches a page's HTML when its route is first opened, so the words and
//! markup of the docs stay out of the wasm every visitor loads.

mod cause_page;
mod causes_index;
mod guide_page;
mod rich_text;

pub use cause_page::CausePage;
pub use causes_index::CausesIndex;
pub use guide_page::GuidePage;
pub use rich_text::RichText;

use linklens_explain::catalogue::{self, TopicId};

use crate::route::Route;

/// One documentation page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocPage {
    Guide,
    Causes,
    Topic(TopicId),
}

impl DocPage {
    /// Every page, as `cargo xtask` writes them.
    pub fn all() -> Vec<DocPage> {
        let mut pages = vec![DocPage::Guide, DocPage::Causes];
        pages.extend(catalogue::topics().map(|t| DocPage::Topic(t.id)));
        pages
    }

    /// The page a route shows: `None` for a route that is not a doc,
    /// `Some(Err(id))` for a cause page that does not exist.
    pub fn of(route: &Route) -> Option<Result<DocPage, String>> {
        match route {
            Route::Guide(_) => Some(Ok(DocPage::Guide)),
            Route::Causes => Some(Ok(DocPage::Causes)),
            Route::Cause(id) => Some(TopicId::parse(id).map(DocPage::Topic).ok_or_else(|| id.clone())),
            _ => None,
        }
    }

    /// Its file, relative to the page.
    pub fn file(self) -> String {
        match self {
            DocPage::Guide => "docs/guide.html".into(),
            DocPage::Causes => "docs/causes.html".into(),
            DocPage::Topic(id) => format!("docs/cause/{}.html", id.as_str()),
        }
    }
}

/// Every page with its HTML (the `<article>` the page inserts as it is),
/// rendered on one runtime.
#[cfg(feature = "ssr")]
pub fn render_all() -> Vec<(DocPage, String)> {
    use yew::LocalServerRenderer;
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        let mut out = Vec::new();
        for page in DocPage::all() {
            let html = match page {
                DocPage::Guide => LocalServerRenderer::<GuidePage>::new().hydratable(false).render().await,
                DocPage::Causes => LocalServerRenderer::<CausesIndex>::new().hydratable(false).render().await,
                DocPage::Topic(id) => {
                    LocalServerRenderer::<CausePage>::with_props(cause_page::Props { id }).hydratable(false).render().await
                }
            };
            out.push((page, html));
        }
        out
    })
}
