//! The page's entry point: mount the Yew app on `#app`. Without one (a
//! documentation page that loaded `embed.js`), mount nothing: each
//! `<linklens-check>` mounts its own checker through `mount_checker`.

#[cfg(target_arch = "wasm32")]
mod embed {
    use wasm_bindgen::prelude::*;

    /// A mounted checker; `embed.js` destroys it when its element leaves the page.
    #[wasm_bindgen]
    pub struct EmbedHandle(Option<yew::AppHandle<linklens_web::components::EmbedApp>>);

    #[wasm_bindgen]
    impl EmbedHandle {
        /// Unmount the checker (its worker ends with it).
        pub fn destroy(&mut self) {
            if let Some(app) = self.0.take() {
                app.destroy();
            }
        }
    }

    /// Mount a checker in `root`; `base` is the script's directory.
    #[wasm_bindgen]
    pub fn mount_checker(root: web_sys::Element, base: String, sample: String, compact: bool) -> EmbedHandle {
        EmbedHandle(Some(linklens_web::components::mount_embed(root, &base, &sample, compact)))
    }
}

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
