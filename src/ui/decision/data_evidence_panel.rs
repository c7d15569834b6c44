//! Step 3's box "From your dataset": the last checked file's headline,
//! which criteria it decides, and a link to check one. The ticks it
//! decides are applied once per checked file; the user may change them.

use leptos::prelude::*;

use crate::core::dataset::brief::DatasetBrief;
use crate::core::decision::evidence::{self, DataEvidence};
use crate::core::decision::tree::Step;
use crate::core::decision::wizard_link::WizardState;
use crate::ui::browser_state;

/// Local-storage key of the `checked_at` of the file whose ticks were last
/// applied, so a reload does not undo what the user changed since.
const APPLIED_KEY: &str = "tunewise.wizard-data-applied.v1";

/// Sets the criteria `e` decides, unless this file's were applied already.
fn apply_once(state: RwSignal<WizardState>, brief: &DatasetBrief, e: &DataEvidence) {
    if browser_state::load(APPLIED_KEY).as_deref() == Some(brief.checked_at.as_str()) {
        return;
    }
    state.update(|s| {
        for (key, holds) in &e.ticks {
            s.answers.set_ticked(Step::TrainingData, key, *holds);
        }
    });
    browser_state::save(APPLIED_KEY, &brief.checked_at);
}

/// The dataset evidence on step 3.
#[component]
pub fn DataEvidencePanel(state: RwSignal<WizardState>) -> impl IntoView {
    let brief = RwSignal::new(browser_state::load_dataset_brief());
    browser_state::on_storage_change(move |key, _| {
        if key == browser_state::DATASET_BRIEF_KEY {
            brief.set(browser_state::load_dataset_brief());
        }
    });
    Effect::new(move |_| {
        if let Some(b) = brief.get() {
            apply_once(state, &b, &evidence::data_evidence(&b));
        }
    });
    move || match brief.get() {
        Some(b) => {
            let e = evidence::data_evidence(&b);
            let decided = e
                .ticks
                .iter()
                .filter_map(|(key, holds)| {
                    let c = Step::TrainingData.criterion(key)?;
                    Some(view! {
                        <li>{c.label}": "<strong>{if *holds { "yes" } else { "no" }}</strong></li>
                    })
                })
                .collect_view();
            view! {
                <aside class="evidence" aria-labelledby="data-evidence-title">
                    <h3 id="data-evidence-title">"From your dataset"</h3>
                    <p>
                        {e.headline}
                        {e.checked.map(|d| format!(" (checked {d})"))}
                    </p>
                    <p>"Ticked from the file, below:"</p>
                    <ul>{decided}</ul>
                    <p class="hint">
                        "Whether the examples represent real use is yours to judge. "
                        <a href="dataset.html">"Open the dataset report"</a>
                    </p>
                </aside>
            }
            .into_any()
        }
        None => view! {
            <aside class="evidence" aria-labelledby="data-evidence-title">
                <h3 id="data-evidence-title">"From your dataset"</h3>
                <p>
                    "No dataset checked yet. "
                    <a href="dataset.html">"Check your file with the dataset validator"</a>
                    " and this step fills in from it ("{evidence::data_rule()}")."
                </p>
            </aside>
        }
        .into_any(),
    }
}
