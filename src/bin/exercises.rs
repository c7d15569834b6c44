//! Mounts `exercises.html`, the practice section's generated numeric
//! exercises, as its own bundle. Built by Trunk for wasm32; natively it
//! does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tunewise::ui::mount_exercises();
}
