//! Fetches `questions.json` (copied next to the page by the build) and
//! reads it with `core::practice::question_bank::parse`.

use std::sync::Arc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::practice::question_bank::{self, Bank};

/// The bank, or a message saying why it is not available.
pub async fn load() -> Result<Arc<Bank>, String> {
    let text = fetch_text("questions.json").await.map_err(|e| {
        format!("The question bank could not be loaded ({e}). Check your connection and reload the page.")
    })?;
    question_bank::parse(&text).map(Arc::new)
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable body")?)
        .await
        .map_err(|_| "the download was interrupted")?;
    text.as_string().ok_or_else(|| "not text".to_string())
}
