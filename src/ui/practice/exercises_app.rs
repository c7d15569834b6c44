//! The shell of `exercises.html`, the practice section's numeric exercises:
//! the exercise in the address (`#/practice?mode=exercises&ex=…&seed=…`, so
//! a link shares it) and the learner's progress, shared with
//! `practice.html` through `progress_store`.

use leptos::prelude::*;

use crate::core::practice::exercise_link;
use crate::core::practice::practice_mode::Mode;
use crate::core::route::{self, Page, Section};
use crate::ui::browser_state;
use crate::ui::practice::exercise_view::ExerciseView;
use crate::ui::practice::practice_frame::PracticeFrame;
use crate::ui::practice::progress_store::use_progress;
use crate::ui::shared::page_frame::PageFrame;

fn linked() -> Option<(crate::core::practice::exercise::ExerciseKind, u64)> {
    let r = route::parse(&browser_state::fragment());
    (r.section == Section::Practice)
        .then(|| exercise_link::parse(&r.query))
        .flatten()
}

/// The shell of `exercises.html`.
#[component]
pub fn ExercisesApp() -> impl IntoView {
    browser_state::set_title("Numeric exercises · tunewise");
    let (progress, storage_notice) = use_progress();
    let exercise = RwSignal::new(linked());
    let query = Memo::new(move |_| match exercise.get() {
        Some((kind, seed)) => Mode::Exercises.query_with(&exercise_link::query(kind, seed)),
        None => Mode::Exercises.query(),
    });
    Effect::new(move |_| {
        browser_state::replace_fragment(&route::href(Section::Practice, &query.get()))
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(e) = linked()
            && exercise.get_untracked() != Some(e)
        {
            exercise.set(Some(e));
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <PageFrame section=Signal::stored(Section::Practice) page=Page::Exercises query=query.into()>
            <PracticeFrame mode=Signal::stored(Mode::Exercises) page=Page::Exercises storage_notice>
                <ExerciseView exercise progress />
            </PracticeFrame>
        </PageFrame>
    }
}
