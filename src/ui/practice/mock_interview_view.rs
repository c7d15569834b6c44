//! The mock interview: a few questions drawn at random, answered in the
//! user's own words, then compared with the key points as a checklist.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::practice::mock_interview::{self, DEFAULT_COUNT};
use crate::core::practice::progress::Progress;
use crate::core::practice::question_bank::Bank;
use crate::core::practice::quiz::Filter;
use crate::ui::browser_state;
use crate::ui::practice::keyboard::on_shortcut;
use crate::ui::practice::question_links::QuestionLinks;

/// One interview under way.
#[derive(Clone, Debug, PartialEq)]
struct Interview {
    ids: Vec<String>,
    at: usize,
    answers: Vec<String>,
    compared: Vec<bool>,
    ticks: Vec<Vec<bool>>,
}

/// The mock interview mode.
#[component]
pub fn MockInterview(
    bank: Arc<Bank>,
    progress: RwSignal<Progress>,
    filter: Signal<Filter>,
) -> impl IntoView {
    let count = RwSignal::new(DEFAULT_COUNT);
    let interview = RwSignal::new(None::<Interview>);
    let b = bank.clone();
    let start = move || {
        let f = filter.get_untracked();
        let seed = (js_sys::Math::random() * 9.0e15) as u64 ^ browser_state::epoch_ms() as u64;
        let ids = mock_interview::draw(&b, count.get_untracked(), seed, |q| f.keeps(q));
        let ticks = ids
            .iter()
            .map(|id| vec![false; b.get(id).map_or(0, |q| q.key_points.len())])
            .collect();
        let n = ids.len();
        interview.set(Some(Interview {
            ids,
            at: 0,
            answers: vec![String::new(); n],
            compared: vec![false; n],
            ticks,
        }));
        browser_state::focus_after_paint("interview-answer");
    };
    let compare = move || {
        let mut done = None;
        interview.update(|iv| {
            if let Some(iv) = iv.as_mut()
                && !iv.compared[iv.at]
            {
                iv.compared[iv.at] = true;
                done = Some(iv.ids[iv.at].clone());
            }
        });
        if done.is_some() {
            browser_state::focus_after_paint("interview-checklist");
        }
    };
    let record = move |iv: &Interview, i: usize| {
        if iv.compared.get(i).copied().unwrap_or(false) {
            let ticked = iv.ticks[i].iter().filter(|t| **t).count() as u32;
            let of = iv.ticks[i].len() as u32;
            let id = iv.ids[i].clone();
            progress.update(|p| p.record_interview(&id, ticked, of));
        }
    };
    let go = move |by: isize| {
        if let Some(iv) = interview.get_untracked() {
            record(&iv, iv.at);
            let next = (iv.at as isize + by).clamp(0, iv.ids.len() as isize) as usize;
            interview.update(|i| {
                if let Some(i) = i.as_mut() {
                    i.at = next
                }
            });
            browser_state::focus_after_paint(if next < iv.ids.len() {
                "interview-answer"
            } else {
                "interview-done"
            });
        }
    };
    on_shortcut(move |key| match key {
        " " if interview.with_untracked(|i| i.as_ref().is_some_and(|i| i.at < i.ids.len())) => {
            compare();
            true
        }
        "ArrowRight" => {
            go(1);
            true
        }
        "ArrowLeft" => {
            go(-1);
            true
        }
        _ => false,
    });
    let b = bank.clone();
    let start_view = move || {
        let start = start.clone();
        view! {
            <div class="interview-start">
                <p>"Questions are drawn at random from the filter above. Answer each in your own words, as you would aloud, then tick the key points you covered."</p>
                <div class="field">
                    <label for="interview-count">"Questions"</label>
                    <select id="interview-count" prop:value=move || count.get().to_string()
                        on:change=move |ev| count.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_COUNT))>
                        {[3usize, 5, 8].map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" class="primary" on:click=move |_| start()>"Start a mock interview"</button>
            </div>
        }
    };
    let body = move || {
        let Some(iv) = interview.get() else {
            return start_view().into_any();
        };
        if iv.ids.is_empty() {
            return view! {
                <p class="notice" role="status">"No question matches this filter."</p>
                {start_view()}
            }
            .into_any();
        }
        if iv.at >= iv.ids.len() {
            let rows = iv
                .ids
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let q = b.get(id).map(|q| q.question.clone()).unwrap_or_default();
                    let mark = if iv.compared[i] {
                        let t: Vec<bool> = iv.ticks[i].clone();
                        format!(
                            "{} of {} key points ({}%)",
                            t.iter().filter(|x| **x).count(),
                            t.len(),
                            mock_interview::mark(&t)
                        )
                    } else {
                        "not compared".to_string()
                    };
                    view! { <li><span>{q}</span>" — "<strong>{mark}</strong></li> }
                })
                .collect_view();
            return view! {
                <div class="interview-summary">
                    <h3 id="interview-done" tabindex="-1">"Interview done"</h3>
                    <ol>{rows}</ol>
                    {start_view()}
                </div>
            }
            .into_any();
        }
        let at = iv.at;
        let Some(q) = b.get(&iv.ids[at]).cloned() else {
            return view! { <p>"Missing question."</p> }.into_any();
        };
        let compared = iv.compared[at];
        let checklist = compared.then(|| {
            // Ticks change the interview without redrawing it, so the
            // focus stays on the box just ticked; only the count follows.
            let ticked_now = RwSignal::new(iv.ticks[at].iter().filter(|t| **t).count());
            let total = iv.ticks[at].len();
            let points = q.key_points.iter().enumerate().map(|(k, point)| {
                let id = format!("point-{k}");
                let checked = iv.ticks[at].get(k).copied().unwrap_or(false);
                view! {
                    <li>
                        <input type="checkbox" id=id.clone() prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                interview.update_untracked(|i| if let Some(i) = i.as_mut() && let Some(t) = i.ticks[at].get_mut(k) { *t = on });
                                ticked_now.set(interview.with_untracked(|i| i.as_ref().map_or(0, |i| i.ticks[at].iter().filter(|t| **t).count())));
                            } />
                        <label for=id>{point.clone()}</label>
                    </li>
                }
            }).collect_view();
            view! {
                <div class="interview-compare">
                    <fieldset id="interview-checklist" tabindex="-1">
                        <legend>"Tick the key points your answer covered"</legend>
                        <ul class="checklist">{points}</ul>
                    </fieldset>
                    <p class="hint" aria-live="polite">{move || format!("{} of {total} ticked", ticked_now.get())}</p>
                    <h4>"Model answer"</h4>
                    <p>{q.answer.clone()}</p>
                    <QuestionLinks question=q.clone() />
                </div>
            }
        });
        let last = at + 1 == iv.ids.len();
        view! {
            <article class="interview-question" aria-labelledby="interview-question">
                <p class="card-meta">{format!("Question {} of {} · {}", at + 1, iv.ids.len(), q.topic().label())}</p>
                <h3 id="interview-question">{q.question.clone()}</h3>
                {q.scenario.clone().map(|s| view! { <p class="scenario">{s}</p> })}
                <div class="field">
                    <label for="interview-answer">"Your answer"</label>
                    <textarea id="interview-answer" rows="6" prop:value=iv.answers[at].clone()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            interview.update_untracked(|i| if let Some(i) = i.as_mut() { i.answers[at] = text });
                        }></textarea>
                </div>
                {(!compared).then(|| view! {
                    <button type="button" class="primary" aria-keyshortcuts="Space" on:click=move |_| compare()>"Compare with the key points"</button>
                })}
                {checklist}
                <div class="quiz-nav">
                    <button type="button" disabled={at == 0} on:click=move |_| go(-1)>"Previous"</button>
                    <button type="button" on:click=move |_| go(1)>{if last { "Finish the interview" } else { "Next question" }}</button>
                </div>
            </article>
        }.into_any()
    };
    view! {
        <section class="practice-mode interview" aria-labelledby="interview-title">
            <h2 id="interview-title" class="visually-hidden">"Mock interview"</h2>
            {body}
        </section>
    }
}
