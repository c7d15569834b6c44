//! A question's links: the tool to try it in and its explainer.

use leptos::prelude::*;

use crate::core::decision::approaches;
use crate::core::practice::question_bank::Question;
use crate::core::route::{self, Page, Section};

/// "Try it in the cost calculator" and "Read the explainer: RAG", when the
/// question has them (the explainer opens focused on the Approaches page).
#[component]
pub fn QuestionLinks(question: Question) -> impl IntoView {
    let tool = question.tool;
    let explainer = question
        .explainer
        .as_deref()
        .and_then(|id| approaches::name(id).map(|n| (id.to_string(), n)))
        .map(|(id, name)| {
            let href = route::link(
                Section::Approaches,
                &approaches::focus_query(&id),
                Page::Practice,
            );
            view! { <li><a href=href>"Read the explainer: "{name}</a></li> }
        });
    let tool_link = (tool.section() != Section::Approaches || explainer.is_none()).then(|| {
        view! { <li><a href=route::link(tool.section(), "", Page::Practice)>{tool.link_text()}</a></li> }
    });
    view! { <ul class="question-links">{tool_link}{explainer}</ul> }
}
