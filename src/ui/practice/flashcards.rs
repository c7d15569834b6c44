//! Flashcards: the question first, the answer on Space, then a rating
//! that FSRS turns into the next due time; Undo takes the last rating back.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::number_format;
use crate::core::practice::flashcard_schedule::{Rating, duration_words, interval_words};
use crate::core::practice::progress::{DailyLimits, Progress};
use crate::core::practice::question_bank::Bank;
use crate::core::practice::quiz::Filter;
use crate::core::practice::review_queue;
use crate::ui::browser_state;
use crate::ui::practice::keyboard::on_shortcut;
use crate::ui::practice::question_links::QuestionLinks;

/// "in 10 min", "tomorrow", "in 3 days" from now to `due` (minutes
/// rounded up, so a card is never said to be due sooner than it is).
fn until(due: i64, now: i64) -> String {
    match duration_words(((due - now).max(0) as f64 / 60_000.0).ceil()).as_str() {
        "1 day" => "tomorrow".to_string(),
        words => format!("in {words}"),
    }
}

/// The flashcard mode.
#[component]
pub fn Flashcards(
    bank: Arc<Bank>,
    progress: RwSignal<Progress>,
    filter: Signal<Filter>,
) -> impl IntoView {
    let now = RwSignal::new(browser_state::epoch_ms());
    // The user's day and the time move on while the page stays open
    // (ratings after midnight count for the new day; a card falls due).
    let day = RwSignal::new(browser_state::today());
    // Undo takes back ratings made on this visit only.
    let since = now.get_untracked();
    let anyway = RwSignal::new(false);
    let revealed = RwSignal::new(false);
    let offset = RwSignal::new(0usize);
    let pinned = RwSignal::new(None::<String>);
    let said = RwSignal::new(String::new());
    let b = bank.clone();
    let queue = Memo::new(move |_| {
        let f = filter.get();
        let t = now.get();
        progress.with(|p| {
            if anyway.get() {
                (review_queue::ahead(&b, p, t, |q| f.keeps(q)), None, 0, 0, 0)
            } else {
                let q = review_queue::due_now(&b, p, t, &day.get(), |q| f.keeps(q));
                (q.ids, q.next_due, q.reviews_left, q.new_left, q.held_back)
            }
        })
    });
    let current = Memo::new(move |_| {
        pinned.get().or_else(|| {
            queue.with(|(ids, ..)| (!ids.is_empty()).then(|| ids[offset.get() % ids.len()].clone()))
        })
    });
    let tick = move || {
        now.set(browser_state::epoch_ms());
        let today = browser_state::today();
        if day.get_untracked() != today {
            day.set(today);
        }
    };
    let ticker = set_interval_with_handle(tick, std::time::Duration::from_secs(30)).ok();
    on_cleanup(move || {
        if let Some(t) = ticker {
            t.clear();
        }
    });
    // A new filter starts the deck afresh, the answer hidden.
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            revealed.set(false);
            offset.set(0);
            pinned.set(None);
        }
    });
    let rate = {
        move |r: Rating| {
            let Some(id) = current.get_untracked() else {
                return;
            };
            if !revealed.get_untracked() {
                return;
            }
            let t = browser_state::epoch_ms();
            let today = browser_state::today();
            progress.update(|p| p.rate(&id, r, t, &today));
            let due = progress
                .with_untracked(|p| p.card(&id).map(|c| c.due))
                .unwrap_or(t);
            said.set(format!("Rated {}: due again {}.", r.label(), until(due, t)));
            pinned.set(None);
            revealed.set(false);
            offset.set(0);
            tick();
            browser_state::focus_after_paint("reveal");
        }
    };
    let can_undo = move || progress.with(|p| p.last_review().is_some_and(|r| r.at >= since));
    let undo = move || {
        if !progress.with_untracked(|p| p.last_review().is_some_and(|r| r.at >= since)) {
            return;
        }
        if let Some(id) = progress.try_update(|p| p.undo_last()).flatten() {
            said.set("The last rating was taken back; rate this card again.".into());
            pinned.set(Some(id));
            revealed.set(false);
            tick();
        }
    };
    let step = move |by: isize| {
        let n = queue.with_untracked(|(ids, ..)| ids.len());
        if n > 1 && pinned.get_untracked().is_none() {
            offset.update(|o| *o = ((*o as isize + by).rem_euclid(n as isize)) as usize);
            revealed.set(false);
        }
    };
    let rate_key = rate;
    on_shortcut(move |key| match key {
        " " => {
            // Space reveals; once the answer shows it scrolls as usual.
            let reveal = current.get_untracked().is_some() && !revealed.get_untracked();
            if reveal {
                revealed.set(true);
                browser_state::focus_after_paint("card-answer");
            }
            reveal
        }
        "u" | "U" => {
            undo();
            true
        }
        "ArrowRight" => {
            step(1);
            true
        }
        "ArrowLeft" => {
            step(-1);
            true
        }
        k => match Rating::from_key(k) {
            Some(r) if revealed.get_untracked() => {
                rate_key(r);
                true
            }
            _ => false,
        },
    });
    let limits = move || progress.with(|p| p.limits);
    let set_limit = move |new: bool, text: String| {
        if let Ok(v) = text.trim().parse::<u32>() {
            let v = v.min(DailyLimits::MAX);
            progress.update(|p| {
                if new {
                    p.limits.new_per_day = v
                } else {
                    p.limits.reviews_per_day = v
                }
            });
            tick();
        }
    };
    let counts = move || {
        let (ids, _, reviews_left, new_left, _) = queue.get();
        if anyway.get() {
            format!(
                "Reviewing ahead: {} cards in this filter.",
                number_format::count(ids.len() as f64)
            )
        } else {
            format!(
                "{} to study now · {} more reviews and {} new cards allowed today",
                ids.len(),
                reviews_left,
                new_left
            )
        }
    };
    let bank_for_card = bank.clone();
    let rate_buttons = rate;
    let card = move || {
        let Some(id) = current.get() else {
            let (next, held) = queue.with(|(_, next, .., held)| (*next, *held));
            let when = next
                .map(|n| format!(" The next card is due {}.", until(n, now.get())))
                .unwrap_or_default();
            let what = if held > 0 {
                format!("{held} more cards are due, but today's review limit is reached.")
            } else {
                format!("Nothing is due in this filter right now.{when}")
            };
            return view! {
                <div class="flashcard-empty" role="status">
                    <p>{what}</p>
                    <button type="button" on:click=move |_| { anyway.set(true); offset.set(0); }>"Review anyway"</button>
                </div>
            }
            .into_any();
        };
        let Some(q) = bank_for_card.get(&id).cloned() else {
            return view! { <p class="notice">"This card is no longer in the question bank."</p> }
                .into_any();
        };
        let card_id = id.clone();
        let rate = rate_buttons;
        let answer = q.clone();
        view! {
            <article class="flashcard" aria-labelledby="card-question">
                <p class="card-meta">{format!("{} · {}", q.topic().label(), q.difficulty.label())}</p>
                <h3 id="card-question">{q.question.clone()}</h3>
                {q.scenario.clone().map(|s| view! { <p class="scenario">{s}</p> })}
                {move || if revealed.get() {
                    let a = answer.clone();
                    let card_state = progress.with(|p| p.card(&card_id).cloned());
                    let buttons = Rating::ALL.map(|r| {
                        let hint = interval_words(card_state.as_ref(), r, now.get_untracked());
                        view! {
                            <button type="button" class=format!("rate rate-{}", r.label().to_ascii_lowercase())
                                aria-keyshortcuts=r.key().to_string()
                                on:click=move |_| rate(r)>
                                <span class="rate-label">{r.label()}</span>
                                <span class="rate-hint">{format!("{} · key {}", hint, r.key())}</span>
                            </button>
                        }
                    });
                    view! {
                        <div class="card-answer" id="card-answer" tabindex="-1">
                            <h4>"Answer"</h4>
                            <p>{a.answer.clone()}</p>
                            <h4>"Key points"</h4>
                            <ul>{a.key_points.iter().map(|k| view! { <li>{k.clone()}</li> }).collect_view()}</ul>
                            {a.as_of.clone().map(|d| view! { <p class="hint">"Facts as of "{d}"."</p> })}
                            <QuestionLinks question=a.clone() />
                        </div>
                        <div class="rate-buttons" role="group" aria-label="How well did you recall it?">
                            {buttons.into_iter().collect_view()}
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="primary reveal" aria-keyshortcuts="Space"
                            id="reveal" on:click=move |_| { revealed.set(true); browser_state::focus_after_paint("card-answer"); }>"Show the answer"</button>
                    }.into_any()
                }}
            </article>
        }
        .into_any()
    };
    view! {
        <section class="practice-mode flashcards" aria-labelledby="cards-title">
            <h2 id="cards-title" class="visually-hidden">"Flashcards"</h2>
            <p class="counts">{counts}</p>
            {move || anyway.get().then(|| view! {
                <p class="hint">"Reviewing ahead of schedule: ratings count as usual. "
                    <button type="button" class="link-button" on:click=move |_| { anyway.set(false); offset.set(0); }>
                        "Back to the cards due"</button></p>
            })}
            {card}
            <p class="visually-hidden" role="status" aria-live="polite">{move || said.get()}</p>
            <div class="card-tools">
                <button type="button" aria-keyshortcuts="U"
                    disabled=move || !can_undo()
                    on:click=move |_| undo()>"Undo last rating"</button>
                <p class="said" aria-hidden="true">{move || said.get()}</p>
            </div>
            <details class="limits">
                <summary>"Daily limits"</summary>
                <div class="field">
                    <label for="limit-new">"New cards a day"</label>
                    <input id="limit-new" type="number" min="0" max="9999" inputmode="numeric"
                        prop:value=move || limits().new_per_day.to_string()
                        on:change=move |ev| set_limit(true, event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="limit-reviews">"Reviews a day"</label>
                    <input id="limit-reviews" type="number" min="0" max="9999" inputmode="numeric"
                        prop:value=move || limits().reviews_per_day.to_string()
                        on:change=move |ev| set_limit(false, event_target_value(&ev)) />
                </div>
            </details>
        </section>
    }
}
