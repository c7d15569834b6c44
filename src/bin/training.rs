//! Mounts `training.html`, the training page (plan, evaluation planner,
//! run explorer), as its own bundle. Built by Trunk for wasm32; natively it
//! does nothing.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tunewise::ui::mount_training();
}
