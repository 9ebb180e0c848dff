//! The page's entry point: mount the Yew app on `#app`.

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has #app");
    yew::Renderer::<linklens_web::components::App>::with_root(root).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("linklens-web runs in a browser: cargo xtask serve");
}
