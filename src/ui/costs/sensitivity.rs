//! How the break-even moves: the tuned price multiplier from 2× to 10×, and
//! each main input ±25 % (a tornado chart).

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::break_even::{
    BreakEven, Effect, break_even, effect, multiplier_sweep, tornado,
};
use crate::core::costs::scenario::Scenario;
use crate::core::number_format;

/// Months to break even in practice, or why there is none.
fn months_text(b: &BreakEven) -> String {
    match (b.practical_months(), b) {
        (Some(m), _) => number_format::months(m),
        (None, BreakEven::At { .. }) => "never (retires first)".to_string(),
        (None, _) => "never".to_string(),
    }
}

/// Class and words for an effect: sooner is good.
fn effect_class(e: Effect) -> (&'static str, &'static str) {
    match e {
        Effect::Sooner => ("good", "sooner"),
        Effect::Later => ("bad", "later"),
        Effect::Same => ("same", "no change"),
    }
}

/// Sensitivity of the break-even between a chosen baseline and candidate.
#[component]
pub fn Sensitivity(
    scenario: RwSignal<Scenario>,
    resolved: Memo<Vec<ApproachCost>>,
) -> impl IntoView {
    let baseline = RwSignal::new(0usize);
    let candidate = RwSignal::new(2usize);
    let names = move || {
        scenario.with(|s| {
            s.approaches
                .iter()
                .map(|a| a.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let select = move |id: &'static str, label: &'static str, sig: RwSignal<usize>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id prop:value=move || sig.get().to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                            sig.set(v);
                        }
                    }>
                    {move || names().into_iter().enumerate().map(|(i, n)| view! {
                        <option value=i.to_string() selected=move || sig.get() == i>{n}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let pair = move || {
        let v = scenario.with(|s| s.monthly_requests);
        resolved.with(|a| {
            let (b, c) = (
                baseline.get().min(a.len() - 1),
                candidate.get().min(a.len() - 1),
            );
            (a[b].clone(), a[c].clone(), v)
        })
    };
    let current = move || {
        let (b, c, v) = pair();
        break_even(&b, &c, v)
    };
    let current_text = move || format!("Now: {}", months_text(&current()));
    let sweep = move || {
        let (b, c, v) = pair();
        let now = break_even(&b, &c, v);
        let at = c.price_multiplier;
        multiplier_sweep(&b, &c, v)
            .into_iter()
            .map(|(m, result)| {
                let is_current = (m - at).abs() < 0.5;
                let (class, word) = effect_class(effect(&now, &result));
                view! {
                    <tr class:current=is_current>
                        <td>{format!("{m:.0}×")}{is_current.then_some(" (current)")}</td>
                        <td class=format!("effect-{class}")>{months_text(&result)}
                            {(!is_current).then(|| view! { <span class="visually-hidden">{format!(" ({word})")}</span> })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let bars = move || {
        let (b, c, v) = pair();
        let now = break_even(&b, &c, v).practical_months();
        let swings = tornado(&b, &c, v);
        let top = swings
            .iter()
            .flat_map(|s| [s.low.practical_months(), s.high.practical_months(), now])
            .flatten()
            .fold(1e-9f64, f64::max);
        let width = |m: Option<f64>| m.map_or(100.0, |m| (m / top * 100.0).min(100.0));
        let mark = format!("{:.1}%", width(now));
        swings
            .into_iter()
            .map(|s| {
                let (low_class, low_word) = effect_class(s.low_effect);
                let (high_class, high_word) = effect_class(s.high_effect);
                view! {
                    <tr>
                        <th scope="row">{s.input}</th>
                        <td>
                            <div class="bar-track">
                                <div class=format!("bar effect-{low_class}") style:width=format!("{:.1}%", width(s.low.practical_months()))></div>
                                <div class="bar-now" style:left=mark.clone() aria-hidden="true"></div>
                            </div>
                            <span>"−25 %: "{months_text(&s.low)}" ("{low_word}")"</span>
                        </td>
                        <td>
                            <div class="bar-track">
                                <div class=format!("bar effect-{high_class}") style:width=format!("{:.1}%", width(s.high.practical_months()))></div>
                                <div class="bar-now" style:left=mark.clone() aria-hidden="true"></div>
                            </div>
                            <span>"+25 %: "{months_text(&s.high)}" ("{high_word}")"</span>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="sensitivity-title">
            <h2 id="sensitivity-title">"Sensitivity of the break-even"</h2>
            <div class="grid">
                {select("sens-baseline", "Baseline", baseline)}
                {select("sens-candidate", "Candidate", candidate)}
            </div>
            <div class="two-col">
                <div>
                    <h3>"Tuned price multiplier"</h3>
                    <div class="table-scroll" role="region" aria-label="Multiplier sweep, scrollable" tabindex="0"><table>
                        <thead><tr><th scope="col">"Multiplier"</th><th scope="col">"Months to break even"</th></tr></thead>
                        <tbody>{sweep}</tbody>
                    </table></div>
                </div>
                <div>
                    <h3>"Each input ±25 %"</h3>
                    <p class="legend">
                        <span class="key effect-good">"sooner"</span>" "
                        <span class="key effect-bad">"later"</span>" "
                        <span class="key-now">"│ current"</span>": "<strong>{current_text}</strong>
                        ". Sorted by influence, widest swing first."
                    </p>
                    <div class="table-scroll" role="region" aria-label="Tornado, scrollable" tabindex="0"><table class="tornado">
                        <thead><tr><th scope="col">"Input"</th><th scope="col">"Lower"</th><th scope="col">"Higher"</th></tr></thead>
                        <tbody>{bars}</tbody>
                    </table></div>
                </div>
            </div>
        </section>
    }
}
