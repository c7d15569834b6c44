//! The quiz: one multiple-choice question at a time, scored at once, with
//! the reason of every option; a score at the end and a retake of the
//! missed ones.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::practice::progress::Progress;
use crate::core::practice::question_bank::Bank;
use crate::core::practice::quiz::{Filter, Outcome, Quiz};
use crate::ui::browser_state;
use crate::ui::practice::keyboard::on_shortcut;
use crate::ui::practice::question_links::QuestionLinks;

const LETTERS: [&str; 5] = ["A", "B", "C", "D", "E"];

/// The quiz mode.
#[component]
pub fn QuizView(
    bank: Arc<Bank>,
    progress: RwSignal<Progress>,
    filter: Signal<Filter>,
) -> impl IntoView {
    let quiz = RwSignal::new(Quiz::new(&bank, filter.get_untracked()));
    let b = bank.clone();
    Effect::new(move |first: Option<()>| {
        let f = filter.get();
        if first.is_some() {
            quiz.set(Quiz::new(&b, f));
        }
    });
    // The one live region: the quiz is redrawn per question, so feedback
    // is announced from here, where it survives the redraw.
    let said = RwSignal::new(String::new());
    let b = bank.clone();
    let choose = move |i: usize| {
        let Some((id, open, options)) = quiz.with_untracked(|q| {
            let id = q.current()?.to_string();
            let options = b.get(&id).map_or(0, |x| x.choices.len());
            Some((id, q.chosen.get(q.at).is_some_and(Option::is_none), options))
        }) else {
            return;
        };
        if !open || i >= options {
            return; // already answered, or no such option: nothing redraws
        }
        if let Some(outcome) = quiz.try_update(|q| q.answer(&b, i)).flatten() {
            progress.update(|p| p.record_quiz(&id, outcome == Outcome::Right));
            said.set(match outcome {
                Outcome::Right => "Right.".to_string(),
                Outcome::Wrong { right } => {
                    format!("Not quite: the right answer is {}.", LETTERS[right.min(4)])
                }
            });
            let (done, last) = quiz.with_untracked(|q| (q.finished(), q.at + 1 >= q.ids.len()));
            browser_state::focus_after_paint(if done {
                "quiz-score"
            } else if last {
                "quiz-question"
            } else {
                "quiz-next"
            });
        }
    };
    // Moves by one question, if there is one that way; the focus stays on
    // the button pressed while it can be pressed again, else the question.
    let go = move |by: isize| {
        let (at, n) = quiz.with_untracked(|q| (q.at, q.ids.len()));
        let to = at as isize + by;
        if to < 0 || to as usize >= n {
            return;
        }
        quiz.update(|q| if by > 0 { q.next() } else { q.previous() });
        said.set(String::new());
        let to = to as usize;
        let again = if by > 0 { to + 1 < n } else { to > 0 };
        browser_state::focus_after_paint(match (again, by > 0) {
            (true, true) => "quiz-next",
            (true, false) => "quiz-previous",
            _ => "quiz-question",
        });
    };
    let choose_key = choose.clone();
    on_shortcut(move |key| match key {
        "ArrowRight" => {
            go(1);
            true
        }
        "ArrowLeft" => {
            go(-1);
            true
        }
        k if k.len() == 1 && ("1"..="5").contains(&k) => {
            choose_key(k.parse::<usize>().unwrap_or(1) - 1);
            true
        }
        _ => false,
    });
    let b = bank.clone();
    let score = move || quiz.with(|q| q.score(&b));
    let b = bank.clone();
    let body = move || {
        let q = quiz.get();
        let Some(id) = q.current().map(str::to_string) else {
            return view! { <p class="notice" role="status">"No multiple-choice question matches this filter. Choose another topic or level."</p> }.into_any();
        };
        let Some(question) = b.get(&id).cloned() else {
            return view! { <p class="notice">"This question is no longer in the bank."</p> }
                .into_any();
        };
        let outcome = q.outcome(&b, q.at);
        let chosen = q.chosen[q.at];
        let right = question.correct_choice();
        let options = question.choices.iter().enumerate().map(|(i, c)| {
            let choose = choose.clone();
            let mark = match (outcome, chosen == Some(i), right == Some(i)) {
                (None, ..) => None,
                (Some(_), true, true) => Some(("right chosen", "Your answer, right")),
                (Some(_), true, false) => Some(("wrong chosen", "Your answer, wrong")),
                (Some(_), false, true) => Some(("right", "The right answer")),
                (Some(_), false, false) => Some(("other", "")),
            };
            let class = format!("quiz-option {}", mark.map_or("", |m| m.0));
            view! {
                <li class=class>
                    <button type="button" disabled={outcome.is_some()} aria-keyshortcuts=(i + 1).to_string()
                        on:click=move |_| choose(i)>
                        <span class="letter" aria-hidden="true">{LETTERS[i.min(4)]}</span>
                        <span>{c.text.clone()}</span>
                    </button>
                    {mark.map(|(_, label)| view! {
                        <p class="why">{(!label.is_empty()).then(|| view! { <strong>{label}": "</strong> })}{c.why.clone()}</p>
                    })}
                </li>
            }
        }).collect_view();
        let feedback = outcome.map(|o| match o {
            Outcome::Right => "Right.".to_string(),
            Outcome::Wrong { right } => {
                format!("Not quite: the right answer is {}.", LETTERS[right.min(4)])
            }
        });
        let (_, answered, total) = q.score(&b);
        let finished = q.finished();
        let retake_bank = b.clone();
        let again_bank = b.clone();
        view! {
            <article class="quiz-question" aria-labelledby="quiz-question">
                <p class="card-meta">{format!("Question {} of {} · {} · {}", q.at + 1, q.ids.len(), question.topic().label(), question.difficulty.label())}</p>
                <h3 id="quiz-question" tabindex="-1">{question.question.clone()}</h3>
                {question.scenario.clone().map(|s| view! { <p class="scenario">{s}</p> })}
                <ol class="quiz-options" aria-label="Options">{options}</ol>
                <p class="quiz-feedback" aria-hidden="true">{feedback}</p>
                {outcome.is_some().then(|| view! { <QuestionLinks question=question.clone() /> })}
                <div class="quiz-nav">
                    <button type="button" id="quiz-previous" disabled={q.at == 0} on:click=move |_| go(-1)>"Previous"</button>
                    <button type="button" id="quiz-next" disabled={q.at + 1 >= q.ids.len()} on:click=move |_| go(1)>"Next"</button>
                    <span class="hint">{format!("{answered} of {total} answered")}</span>
                </div>
                {finished.then(|| {
                    let (right, _, total) = q.score(&b);
                    let missed = total - right;
                    view! {
                        <div class="quiz-score" id="quiz-score" tabindex="-1" role="status">
                            <h3>"Score"</h3>
                            <p class="score">{format!("{right} of {total} right ({}%)", (right * 100 + total / 2) / total.max(1))}</p>
                            {(missed > 0).then(|| view! {
                                <button type="button" class="primary" on:click=move |_| { quiz.update(|q| *q = q.retake_missed(&retake_bank)); said.set(String::new()); browser_state::focus_after_paint("quiz-question"); }>
                                    {format!("Retake the {missed} missed")}</button>
                            })}
                            <button type="button" on:click=move |_| { quiz.set(Quiz::new(&again_bank, filter.get_untracked())); said.set(String::new()); browser_state::focus_after_paint("quiz-question"); }>"Start again"</button>
                        </div>
                    }
                })}
            </article>
        }
        .into_any()
    };
    view! {
        <section class="practice-mode quiz" aria-labelledby="quiz-title">
            <h2 id="quiz-title" class="visually-hidden">"Quiz"</h2>
            <p class="counts">{move || { let (r, a, t) = score(); format!("Score so far: {r} of {a} answered right · {t} questions") }}</p>
            {body}
            <p class="visually-hidden" role="status">{move || said.get()}</p>
        </section>
    }
}
