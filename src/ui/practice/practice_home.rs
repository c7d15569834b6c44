//! The practice overview: today's figures from the saved progress and a
//! way into each mode. It needs no question bank, so the page's first
//! visit downloads only its code.

use leptos::prelude::*;

use crate::core::practice::practice_mode::Mode;
use crate::core::practice::progress::Progress;
use crate::core::route::Page;
use crate::ui::browser_state;

/// What each mode is for, in the overview's words.
fn blurb(m: Mode) -> &'static str {
    match m {
        Mode::Home => "",
        Mode::Flashcards => {
            "Questions that come back when you are about to forget them (FSRS scheduling), within daily limits."
        }
        Mode::Quiz => {
            "Multiple choice, scored at once, with why each option is right or wrong; retake the ones you missed."
        }
        Mode::Interview => {
            "A few questions at random: answer in your own words, then tick the key points you covered."
        }
        Mode::Exercises => {
            "Break-even, training cost, fine-tuned prices and A/B sample sizes, worked with tunewise's own cost model."
        }
        Mode::Progress => "By topic; export, import or reset your progress.",
    }
}

/// The overview.
#[component]
pub fn PracticeHome(progress: RwSignal<Progress>) -> impl IntoView {
    let now = browser_state::epoch_ms();
    let day = browser_state::today();
    let figures = move || {
        let o = progress.with(|p| p.overview(now, &day));
        let quiz = o.quiz.right.saturating_add(o.quiz.wrong);
        let ex = o.exercises.right.saturating_add(o.exercises.wrong);
        format!(
            "{} cards due now of {} studied · today {} new and {} reviews · quiz {} of {} right · exercises {} of {} right",
            o.due,
            o.studied,
            o.new_today,
            o.reviews_today,
            o.quiz.right,
            quiz,
            o.exercises.right,
            ex
        )
    };
    let modes = Mode::ALL[1..]
        .iter()
        .map(|&m| {
            view! {
                <li>
                    <a href=m.link(Page::Practice, "")>{m.label()}</a>
                    <p>{blurb(m)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="practice-mode home" aria-labelledby="home-title">
            <h2 id="home-title">"Today"</h2>
            <p class="counts" role="status">{figures}</p>
            <ul class="mode-list">{modes}</ul>
        </section>
    }
}
