//! Generated numeric exercises: numbers drawn from a seed (so a link
//! shares the exercise), the answer checked with a stated tolerance, and
//! the worked solution; every answer comes from the core's cost model.

use leptos::prelude::*;

use crate::core::practice::exercise::{self, Checked, ExerciseKind};
use crate::core::practice::exercise_link;
use crate::core::practice::practice_mode::Mode;
use crate::core::practice::progress::Progress;
use crate::core::route::Page;
use crate::ui::browser_state;
use crate::ui::practice::keyboard::on_shortcut;

fn new_seed() -> u64 {
    // Seeds short enough to read in a link.
    (js_sys::Math::random() * 1.0e9) as u64
}

/// The exercise mode. `exercise` is the page's (kind, seed), in the address.
#[component]
pub fn ExerciseView(
    exercise: RwSignal<Option<(ExerciseKind, u64)>>,
    progress: RwSignal<Progress>,
) -> impl IntoView {
    if exercise.get_untracked().is_none() {
        exercise.set(Some((ExerciseKind::ALL[0], new_seed())));
    }
    let history = StoredValue::new(Vec::<(ExerciseKind, u64)>::new());
    let typed = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Checked>);
    let current = Memo::new(move |_| exercise.get().map(|(k, s)| exercise::generate(k, s)));
    // Another exercise (new numbers, a link, Back) starts with a blank answer.
    Effect::new(move |first: Option<()>| {
        current.track();
        if first.is_some() {
            typed.set(String::new());
            result.set(None);
        }
    });
    let fresh = move |kind: Option<ExerciseKind>| {
        if let Some(e) = exercise.get_untracked() {
            history.update_value(|h| {
                h.push(e);
                if h.len() > 50 {
                    h.remove(0);
                }
            });
        }
        let kind = kind
            .or(exercise.get_untracked().map(|e| e.0))
            .unwrap_or(ExerciseKind::ALL[0]);
        exercise.set(Some((kind, new_seed())));
        typed.set(String::new());
        result.set(None);
        browser_state::focus_after_paint("exercise-answer");
    };
    let back = move || {
        if let Some(e) = history.try_update_value(|h| h.pop()).flatten() {
            exercise.set(Some(e));
            typed.set(String::new());
            result.set(None);
        }
    };
    on_shortcut(move |key| match key {
        "ArrowRight" => {
            fresh(None);
            true
        }
        "ArrowLeft" => {
            back();
            true
        }
        _ => false,
    });
    let check = move || {
        let Some(e) = current.get_untracked() else {
            return;
        };
        let c = exercise::check(&e, &typed.get_untracked());
        match c {
            Checked::Correct { .. } => progress.update(|p| p.record_exercise(e.kind.id(), true)),
            Checked::Wrong { .. } => progress.update(|p| p.record_exercise(e.kind.id(), false)),
            Checked::Unreadable { .. } => {}
        }
        result.set(Some(c));
    };
    let share = move || {
        exercise.get().map(|(k, s)| {
            browser_state::address_with(
                &Mode::Exercises.link(Page::Exercises, &exercise_link::query(k, s)),
            )
        })
    };
    let body = move || {
        let e = current.get()?;
        let givens = e
            .givens
            .iter()
            .map(|(label, value)| view! { <div><dt>{label.clone()}</dt><dd>{value.clone()}</dd></div> })
            .collect_view();
        let unit = e.unit.label();
        let tolerance = e.tolerance.describe();
        Some(view! {
            <article class="exercise" aria-labelledby="exercise-title">
                <h3 id="exercise-title">{e.kind.label()}</h3>
                <p class="exercise-prompt">{e.prompt.clone()}</p>
                <dl class="givens">{givens}</dl>
                <form class="exercise-answer" on:submit=move |ev| { ev.prevent_default(); check(); }>
                    <div class="field">
                        <label for="exercise-answer">"Your answer "<span class="unit">"("{unit}")"</span></label>
                        <input id="exercise-answer" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                            aria-describedby="exercise-tolerance"
                            prop:value=move || typed.get()
                            on:input=move |ev| typed.set(event_target_value(&ev)) />
                        <p class="hint" id="exercise-tolerance">{format!("Accepted {tolerance}.")}</p>
                    </div>
                    <button type="submit" class="primary">"Check"</button>
                </form>
            </article>
        })
    };
    let feedback = move || {
        let e = current.get()?;
        let r = result.get()?;
        let (class, words) = match &r {
            Checked::Correct { given } => (
                "notice ok",
                format!(
                    "Correct: {} is within tolerance of {}.",
                    e.unit.format(*given),
                    e.answer_text()
                ),
            ),
            Checked::Wrong { given, expected } => (
                "notice error",
                format!(
                    "Not quite: you answered {}; the answer is {}.",
                    e.unit.format(*given),
                    e.unit.format(*expected)
                ),
            ),
            Checked::Unreadable { message } => ("notice error", message.clone()),
        };
        Some((class, words, !matches!(r, Checked::Unreadable { .. })))
    };
    let solution = move || {
        let (_, _, show) = feedback()?;
        let e = current.get()?;
        show.then(|| {
            view! {
                <h4>"Worked solution"</h4>
                <ol class="solution">{e.solution.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
            }
        })
    };
    view! {
        <section class="practice-mode exercises" aria-labelledby="exercises-title">
            <h2 id="exercises-title" class="visually-hidden">"Exercises"</h2>
            <div class="exercise-controls">
                <div class="field">
                    <label for="exercise-kind">"Exercise"</label>
                    <select id="exercise-kind"
                        prop:value=move || exercise.get().map_or("", |(k, _)| k.id()).to_string()
                        on:change=move |ev| fresh(ExerciseKind::from_id(&event_target_value(&ev)))>
                        {ExerciseKind::ALL.map(|k| view! { <option value=k.id()>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" on:click=move |_| fresh(None)>"New numbers"</button>
            </div>
            {body}
            // The verdict's live region lasts, so each verdict is announced.
            <p class=move || feedback().map_or("notice", |f| f.0) role="status">{move || feedback().map(|f| f.1)}</p>
            {solution}
            {move || share().map(|href| view! {
                <p class="share">"Share this exercise: "<a href=href.clone()>"link to these numbers"</a>" "
                    <button type="button" class="link-button" on:click=move |_| browser_state::copy_to_clipboard(&href)>"Copy link"</button></p>
            })}
        </section>
    }
}
