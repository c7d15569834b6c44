//! The cost and break-even calculator.

use leptos::prelude::*;

use crate::core::costs::approach_cost::FieldKind;
use crate::core::costs::prices;
use crate::core::costs::scenario::{self, Scenario};
use crate::core::costs::volume_steps;
use crate::core::dates;
use crate::core::number_format;
use crate::core::route;
use crate::ui::browser_state;
use crate::ui::costs::approach_editor::ApproachEditor;
use crate::ui::costs::cost_chart_view::CostChartView;
use crate::ui::costs::cost_results::CostResults;
use crate::ui::costs::sensitivity::Sensitivity;
use crate::ui::costs::simple_break_even::SimpleBreakEven;
use crate::ui::costs::standing_question::StandingQuestion;
use crate::ui::shared::number_field::NumberField;

/// The shared request profile's fields: prompt, output, retries, growth.
#[component]
fn ProfileFields(scenario: RwSignal<Scenario>) -> impl IntoView {
    view! {
                    <NumberField id="profile-prompt".into() label="Prompt tokens per request".into() unit="tokens, as prompt engineering sends it" kind=FieldKind::Tokens
                        value=Signal::derive(move || scenario.with(|s| s.profile.prompt_tokens))
                        on_valid=Callback::new(move |v| scenario.update(|s| s.profile.prompt_tokens = v)) />
                    <NumberField id="profile-output".into() label="Output tokens per request".into() unit="tokens" kind=FieldKind::Tokens
                        value=Signal::derive(move || scenario.with(|s| s.profile.output_tokens))
                        on_valid=Callback::new(move |v| scenario.update(|s| s.profile.output_tokens = v)) />
                    <NumberField id="profile-retry".into() label="Retry rate".into() unit="% of requests" kind=FieldKind::Percent
                        value=Signal::derive(move || scenario.with(|s| s.profile.retry_rate))
                        on_valid=Callback::new(move |v: f64| scenario.update(|s| s.profile.retry_rate = v.min(1.0))) scale=100.0 />
                    <NumberField id="profile-growth".into() label="Monthly growth".into() unit="% a month, compounded; negative shrinks" kind=FieldKind::Growth
                        value=Signal::derive(move || scenario.with(|s| s.profile.growth))
                        on_valid=Callback::new(move |v: f64| scenario.update(|s| s.profile.growth = v)) scale=100.0 />
    }
}

/// The calculator page. `scenario` is owned by the app shell, which persists
/// it; `settled` follows it once the inputs rest, and drives the tables, so
/// dragging a slider redraws only the chart and its readout.
#[component]
pub fn CostsPage(scenario: RwSignal<Scenario>, settled: RwSignal<Scenario>) -> impl IntoView {
    let resolved = Memo::new(move |_| scenario.with(Scenario::resolved));
    // The approach another tool (the wizard's result) recommends, if the
    // link that opened the page names one.
    let recommended = scenario::highlight(&route::parse(&browser_state::fragment()).query);
    let settled_resolved = Memo::new(move |_| settled.with(Scenario::resolved));
    let count = scenario.with_untracked(|s| s.approaches.len());
    let volume = Signal::derive(move || scenario.with(|s| s.monthly_requests));
    // The slider steps through round volumes (`volume_steps`); a typed
    // volume between stops places it at the nearer one.
    let slider = move || volume_steps::nearest(volume.get()).to_string();
    let last_stop = (volume_steps::count() - 1).to_string();
    // Why the last date typed into "Planned start" is not a day, if it is not
    // (the scenario keeps its last valid start meanwhile).
    let start_error = RwSignal::new(None::<String>);
    let reset = move |_| {
        start_error.set(None);
        let standing = scenario.with_untracked(|s| s.standing);
        scenario.set(scenario::default_scenario_for(
            &browser_state::today(),
            standing,
        ));
    };
    view! {
        <div class="page-intro">
            <h1>"Costs and break-even"</h1>
            <p class="lede">
                "What each approach costs at your volume, when training pays for itself, and which is cheapest as volume grows. "
                "Every figure is editable; prices come from dated presets."
            </p>
        </div>
        <div class="costs">
            <section class="panel" aria-labelledby="volume-title">
                <h2 id="volume-title">"Your volume"</h2>
                <p class="hint">"One request profile for every approach; each says below how it differs (a shorter prompt, retrieved context)."</p>
                <div class="grid">
                    <NumberField id="monthly-requests".into() label="Requests per month".into() unit="requests" kind=FieldKind::Count
                        value=volume on_valid=Callback::new(move |v| scenario.update(|s| s.monthly_requests = v)) />
                    <div class="field">
                        <label for="volume-slider">"Drag to change the volume"</label>
                        <input id="volume-slider" type="range" min="0" max=last_stop step="1" prop:value=slider
                            aria-valuetext=move || format!("{} requests per month", number_format::count(volume.get()))
                            on:input=move |ev| {
                                if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                    scenario.update(|s| s.monthly_requests = volume_steps::volume_at(i));
                                }
                            } />
                    </div>
                    <ProfileFields scenario />
                    <NumberField id="horizon".into() label="Horizon".into() unit="months" kind=FieldKind::Count
                        value=Signal::derive(move || scenario.with(|s| s.horizon_months))
                        on_valid=Callback::new(move |v: f64| scenario.update(|s| s.horizon_months = v.clamp(1.0, 1200.0))) />
                    <div class="field" class:invalid=move || start_error.with(Option::is_some)>
                        <label for="start-date">"Planned start"</label>
                        <input id="start-date" type="date" prop:value=move || scenario.with(|s| s.start.clone())
                            aria-invalid=move || start_error.with(Option::is_some).then_some("true")
                            aria-describedby="start-date-error"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                match dates::parse_day(&v) {
                                    Ok(_) => {
                                        start_error.set(None);
                                        scenario.update(|s| s.start = v);
                                    }
                                    Err(message) => start_error.set(Some(message)),
                                }
                            } />
                        <p class="field-error" id="start-date-error">{move || start_error.get()}</p>
                    </div>
                </div>
                <StandingQuestion scenario />
                <button type="button" class="secondary" on:click=reset>"Reset to the example figures"</button>
            </section>
            <CostChartView scenario resolved />
            <CostResults scenario=settled resolved=settled_resolved />
            <SimpleBreakEven scenario=settled resolved=settled_resolved recommended />
            <Sensitivity scenario=settled resolved=settled_resolved />
            <section class="panel" aria-labelledby="approaches-title">
                <h2 id="approaches-title">"Approaches"</h2>
                <p class="lede">
                    "Open an approach to edit it. Prompt shares, data preparation and GPU-hours are example assumptions: "
                    "use yours. A fine-tuned model may need a much shorter prompt but cost more per token."
                </p>
                {(0..count)
                    .map(|idx| view! { <ApproachEditor idx scenario recommended=recommended == Some(idx) /> })
                    .collect_view()}
            </section>
            <p class="source">
                "Price presets: "<code>"data/prices.json"</code>", checked "{prices::RETRIEVED}
                ". Each preset shows its source and date; prices change, so check them before you commit."
            </p>
        </div>
    }
}
