//! The learner's progress in local storage (`tunewise.practice.v1`), shared
//! by the practice pages: loaded once, saved on every change, followed when
//! another tab or page changes it. Saved text that cannot be read is kept
//! aside under `tunewise.practice.v1.unreadable` with a notice, never
//! silently overwritten.

use leptos::prelude::*;

use crate::core::practice::progress::Progress;
use crate::ui::browser_state;

fn saved_progress() -> (Progress, Option<String>) {
    match browser_state::load(browser_state::PRACTICE_KEY) {
        None => (Progress::default(), None),
        Some(text) => match Progress::from_json(&text) {
            Ok(p) => (p, None),
            Err(e) => {
                let aside = format!("{}.unreadable", browser_state::PRACTICE_KEY);
                browser_state::save(&aside, &text);
                (
                    Progress::default(),
                    Some(format!(
                        "Your saved practice progress could not be read, so this page starts afresh; \
                         the old text is kept under \"{aside}\" in this browser's storage. ({e})"
                    )),
                )
            }
        },
    }
}

/// The progress signal and the storage notice (when saving or reading failed).
pub fn use_progress() -> (RwSignal<Progress>, RwSignal<Option<String>>) {
    let (start, notice) = saved_progress();
    let progress = RwSignal::new(start);
    let storage_notice = RwSignal::new(notice);
    // Saved as it changes (not before the first change, so a damaged saved
    // copy stays until the user does something).
    Effect::new(move |first: Option<()>| {
        let text = progress.with(Progress::to_json);
        if first.is_some() && !browser_state::save(browser_state::PRACTICE_KEY, &text) {
            storage_notice.set(Some(
                "Your progress could not be saved in this browser (storage is full or blocked). \
                 Export it from the Progress page to keep it."
                    .to_string(),
            ));
        }
    });
    browser_state::on_storage_change(move |key, value| {
        if key == browser_state::PRACTICE_KEY {
            // Another tab saved (or reset) the progress. What this build
            // cannot read (a newer version, say) is never adopted: this tab
            // keeps its own and says so, rather than saving a reset back.
            let incoming = match value {
                None => Ok(Progress::default()),
                Some(v) => Progress::from_json(&v),
            };
            match incoming {
                Ok(p) if progress.with_untracked(|q| *q != p) => progress.set(p),
                Ok(_) => {}
                Err(e) => storage_notice.set(Some(format!(
                    "Another tab saved practice progress this page cannot read; this page keeps its own. ({e})"
                ))),
            }
        }
    });
    (progress, storage_notice)
}
