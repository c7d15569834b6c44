//! Progress by topic, exercise tallies, and the progress file: export,
//! import (a damaged or foreign file changes nothing) and reset.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::practice::progress::Progress;
use crate::core::practice::question_bank::Bank;
use crate::ui::browser_state;

/// Reads the chosen file as text, refusing very large files before reading.
async fn read_file(file: web_sys::File) -> Result<String, String> {
    if file.size() > crate::core::practice::progress::MAX_IMPORT_BYTES as f64 {
        return Err(format!(
            "This file is {:.0} bytes; a tunewise progress file is at most {}. Nothing was changed.",
            file.size(),
            crate::core::practice::progress::MAX_IMPORT_BYTES
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read. Nothing was changed.".to_string())?;
    text.as_string()
        .ok_or_else(|| "The file is not text. Nothing was changed.".to_string())
}

/// The progress mode.
#[component]
pub fn ProgressView(bank: Option<Arc<Bank>>, progress: RwSignal<Progress>) -> impl IntoView {
    let message = RwSignal::new(None::<(bool, String)>);
    let confirming = RwSignal::new(false);
    let now = browser_state::epoch_ms();
    let b = bank.clone();
    let bank_ready = bank.is_some();
    let rows = move || {
        let b = b.as_ref()?;
        Some(progress.with(|p| {
            p.by_topic(b, now)
                .into_iter()
                .map(|t| {
                    let quiz = if t.quiz.right.saturating_add(t.quiz.wrong) == 0 {
                        "—".to_string()
                    } else {
                        format!(
                            "{} of {}",
                            t.quiz.right,
                            t.quiz.right.saturating_add(t.quiz.wrong)
                        )
                    };
                    view! {
                        <tr>
                            <th scope="row">{t.topic.label()}</th>
                            <td>{t.questions}</td>
                            <td>{t.studied}</td>
                            <td>{t.due}</td>
                            <td>{quiz}</td>
                        </tr>
                    }
                })
                .collect_view()
        }))
    };
    let exercises = move || {
        progress.with(|p| {
            if p.exercises.is_empty() {
                return view! { <p>"No exercise answered yet."</p> }.into_any();
            }
            let items = p
                .exercises
                .iter()
                .map(|(kind, t)| {
                    let label = crate::core::practice::exercise::ExerciseKind::from_id(kind)
                        .map_or(kind.clone(), |k| k.label().to_string());
                    view! { <li>{format!("{label}: {} right, {} wrong", t.right, t.wrong)}</li> }
                })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        })
    };
    let export = move |_| {
        let text = progress.with_untracked(Progress::to_json);
        browser_state::download_text(
            &format!("tunewise-practice-{}.json", browser_state::today()),
            "application/json",
            &text,
        );
        message.set(Some((
            false,
            "Your progress was downloaded as a JSON file.".into(),
        )));
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        input.set_value("");
        leptos::task::spawn_local(async move {
            match read_file(file).await.and_then(|t| Progress::from_json(&t)) {
                Ok(p) => {
                    let reviews = p.log.len();
                    progress.set(p);
                    message.set(Some((false, format!("Imported \"{name}\": your progress is now that file's ({reviews} reviews in its log)."))));
                }
                Err(e) => message.set(Some((true, format!("\"{name}\" was not imported. {e}")))),
            }
        });
    };
    let erase = move |_| {
        progress.set(Progress::default());
        confirming.set(false);
        message.set(Some((false, "Your practice progress was erased.".into())));
        browser_state::focus_after_paint("practice-reset");
    };
    view! {
        <section class="practice-mode progress" aria-labelledby="progress-title">
            <h2 id="progress-title">"Your progress"</h2>
            <table class="progress-table">
                <caption>"By topic (each question counted under its main topic)"</caption>
                <thead><tr>
                    <th scope="col">"Topic"</th><th scope="col">"Questions"</th><th scope="col">"Studied as cards"</th>
                    <th scope="col">"Due now"</th><th scope="col">"Quiz right"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {(!bank_ready).then(|| view! { <p class="hint">"The topics fill in once the question bank has loaded."</p> })}
            <p>{move || progress.with(|p| format!("{} flashcard ratings in the log (the last {} are kept).", p.log.len(), crate::core::practice::progress::MAX_LOG))}</p>
            <h3>"Exercises"</h3>
            {exercises}
            <h3>"Keep or move your progress"</h3>
            <p class="hint">"The file holds your flashcards' schedule, the review log, quiz and interview marks and exercise tallies; importing one replaces your progress in this browser."</p>
            <div class="progress-actions">
                <button type="button" on:click=export>"Export progress"</button>
                <label class="file-button">
                    "Import progress"
                    <input type="file" accept=".json,application/json" on:change=import />
                </label>
                <button type="button" id="practice-reset" on:click=move |_| { confirming.set(true); browser_state::focus_after_paint("reset-keep"); }>"Reset progress…"</button>
            </div>
            {move || confirming.get().then(|| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="reset-title" aria-describedby="reset-what">
                    <p id="reset-title"><strong>"Erase your practice progress?"</strong></p>
                    <p id="reset-what">"This erases every flashcard's schedule, the review log, quiz and interview marks and exercise tallies in this browser. Export first to keep a copy. The other tools' work is not touched."</p>
                    <button type="button" class="danger" on:click=erase>"Erase progress"</button>
                    <button type="button" id="reset-keep" on:click=move |_| { confirming.set(false); browser_state::focus_after_paint("practice-reset"); }>"Keep it"</button>
                </div>
            })}
            // Two lasting live regions, so every message is announced.
            <p class="notice error" role="alert">{move || message.get().filter(|m| m.0).map(|m| m.1)}</p>
            <p class="notice" role="status">{move || message.get().filter(|m| !m.0).map(|m| m.1)}</p>
        </section>
    }
}
