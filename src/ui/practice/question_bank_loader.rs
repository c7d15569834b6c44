//! Fetches `questions.json` (copied next to the page by the build) and
//! reads it with `core::practice::question_bank::parse`.

use std::sync::Arc;

use crate::core::practice::question_bank::{self, Bank};
use crate::ui::browser_state;

/// The bank, or a message saying why it is not available.
pub async fn load() -> Result<Arc<Bank>, String> {
    let text = browser_state::fetch_text("questions.json").await.map_err(|e| {
        format!("The question bank could not be loaded ({e}). Check your connection and reload the page.")
    })?;
    question_bank::parse(&text).map(Arc::new)
}
