//! Mounts `practice.html`, the practice page (flashcards, quiz, mock
//! interview, generated exercises), as its own bundle. Built by Trunk for
//! wasm32; natively it does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tunewise::ui::mount_practice();
}
