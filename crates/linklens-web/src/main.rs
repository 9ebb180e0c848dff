//! The page's entry point: mount the Yew app on `#app`. Without one (a
//! documentation page that loaded `embed.js`), mount nothing: each
//! `<linklens-check>` mounts its own checker through `mount_checker`.

#[cfg(target_arch = "wasm32")]
pub use linklens_web::components::{mount_checker, EmbedHandle};

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    if let Some(root) = root {
        yew::Renderer::<linklens_web::components::App>::with_root(root).render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("linklens-web runs in a browser: cargo xtask serve");
}
