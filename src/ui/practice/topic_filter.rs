//! The topic and difficulty filter shared by the flashcards, the quiz and
//! the mock interview.

use leptos::prelude::*;

use crate::core::practice::question_bank::{Difficulty, Topic};
use crate::core::practice::quiz::Filter;

/// Two selects: topic (any or one) and difficulty (any or one).
#[component]
pub fn TopicFilter(filter: RwSignal<Filter>) -> impl IntoView {
    view! {
        <div class="practice-filter" role="group" aria-label="Which questions">
            <div class="field">
                <label for="filter-topic">"Topic"</label>
                <select id="filter-topic"
                    prop:value=move || filter.with(|f| f.topic.map_or("", |t| t.id()).to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.topic = Topic::from_id(&v));
                    }>
                    <option value="">"All topics"</option>
                    {Topic::ALL.map(|t| view! { <option value=t.id()>{t.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-difficulty">"Difficulty"</label>
                <select id="filter-difficulty"
                    prop:value=move || filter.with(|f| f.difficulty.map_or("", |d| d.id()).to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.difficulty = Difficulty::from_id(&v));
                    }>
                    <option value="">"All levels"</option>
                    {Difficulty::ALL.map(|d| view! { <option value=d.id()>{d.label()}</option> }).collect_view()}
                </select>
            </div>
        </div>
    }
}
