//! What both practice pages show around a mode: the heading, the storage
//! notice, the modes (links, across the two pages) and the keyboard
//! shortcuts.

use leptos::prelude::*;

use crate::core::practice::practice_mode::Mode;
use crate::core::route::Page;

/// The practice section's frame around `children`, on `page`.
#[component]
pub fn PracticeFrame(
    mode: Signal<Mode>,
    page: Page,
    storage_notice: RwSignal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let nav = Mode::ALL.map(|m| {
        let current = move || (mode.get() == m).then_some("page");
        view! { <li><a href=m.link(page, "") aria-current=current>{m.label()}</a></li> }
    });
    view! {
        <section class="page practice-page" aria-labelledby="practice-title">
            <h1 id="practice-title">"Practise"</h1>
            <p class="lede">
                "Learn when and how to adapt a model by doing: flashcards that come back when you are about to forget, "
                "a scored quiz, a mock interview marked against key points, and exercises worked with tunewise's own cost model. "
                "Your progress stays in this browser."
            </p>
            {move || storage_notice.get().map(|n| view! { <p class="notice" role="alert">{n}</p> })}
            <nav class="practice-modes" aria-label="Practice modes">
                <ul>{nav.into_iter().collect_view()}</ul>
            </nav>
            <div class="practice-body">{children()}</div>
            <section class="shortcuts" aria-labelledby="shortcuts-title">
                <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                <dl>
                    <div><dt><kbd>"Space"</kbd></dt><dd>"Show the answer (flashcards, mock interview)"</dd></div>
                    <div><dt><kbd>"1"</kbd>"–"<kbd>"4"</kbd></dt><dd>"Rate Again, Hard, Good or Easy (flashcards); choose an option (quiz, 1–5)"</dd></div>
                    <div><dt><kbd>"←"</kbd>" "<kbd>"→"</kbd></dt><dd>"Previous or next card, question or exercise"</dd></div>
                    <div><dt><kbd>"U"</kbd></dt><dd>"Undo the last rating (flashcards)"</dd></div>
                </dl>
                <p class="hint">"Shortcuts work when the focus is not in a text field; Tab and Enter reach every control too."</p>
            </section>
        </section>
    }
}
