//! The web UI, one folder per feature as in `crate::core` (decision,
//! costs, dataset, report) plus `shared` (the page frame and form fields used by
//! every page). Each page's shell (`<feature>/app.rs`) owns its state and
//! its persistence; components read signals, call `crate::core` and
//! render; they compute nothing of their own.

pub mod browser_state;
mod costs;
mod dataset;
mod decision;
mod practice;
mod report;
mod shared;
mod training;

pub use costs::app::CostsApp;
pub use dataset::app::DatasetApp;
pub use decision::app::App;
use practice::app::PracticeApp;
use practice::exercises_app::ExercisesApp;
use report::app::ReportApp;
use training::app::TrainingApp;

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_notice();
    }));
}

/// Starts `index.html`: installs the panic hook and mounts the wizard's [`App`].
pub fn mount() {
    install_panic_hook();
    leptos::mount::mount_to_body(App);
}

/// Starts `costs.html`: installs the panic hook and mounts [`CostsApp`].
pub fn mount_costs() {
    install_panic_hook();
    leptos::mount::mount_to_body(CostsApp);
}

/// Starts `dataset.html`: installs the panic hook and mounts [`DatasetApp`].
pub fn mount_dataset() {
    install_panic_hook();
    leptos::mount::mount_to_body(DatasetApp);
}

/// Starts `training.html`: installs the panic hook and mounts [`TrainingApp`].
pub fn mount_training() {
    install_panic_hook();
    leptos::mount::mount_to_body(TrainingApp);
}

/// Starts `practice.html`: installs the panic hook and mounts [`PracticeApp`].
pub fn mount_practice() {
    install_panic_hook();
    leptos::mount::mount_to_body(PracticeApp);
}

/// Starts `exercises.html`: installs the panic hook and mounts [`ExercisesApp`].
pub fn mount_exercises() {
    install_panic_hook();
    leptos::mount::mount_to_body(ExercisesApp);
}

/// Starts `report.html`: installs the panic hook and mounts [`ReportApp`].
pub fn mount_report() {
    install_panic_hook();
    leptos::mount::mount_to_body(ReportApp);
}

/// Replaces the page with a short notice if the app crashes, so the user
/// never faces a blank page. Saved answers survive a reload.
fn show_crash_notice() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_inner_html(
            "<main class=\"crash\" role=\"alert\"><h1>tunewise stopped unexpectedly</h1>\
             <p>Your answers are saved. <a href=\"\">Reload the page</a> to continue.</p></main>",
        );
    }
}
