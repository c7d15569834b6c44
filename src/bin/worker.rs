//! The Web Worker of `dataset.html` (`worker.js`): validates and exports
//! files off the page's thread. Built by Trunk for wasm32; natively it
//! does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tunewise::validation_worker::start();
}
