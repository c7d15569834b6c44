//! How the break-even moves: the tuned price multiplier from 2× to 10×, and
//! each main input ±25 % (a tornado chart).

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::break_even::{multiplier_sweep, tornado};
use crate::core::costs::scenario::Scenario;
use crate::core::number_format;

fn months_text(m: Option<f64>) -> String {
    m.map_or_else(|| "never".to_string(), number_format::months)
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
    let sweep = move || {
        let v = scenario.with(|s| s.monthly_requests);
        resolved.with(|a| {
            let (b, c) = (baseline.get().min(a.len() - 1), candidate.get().min(a.len() - 1));
            multiplier_sweep(&a[b], &a[c], v)
                .into_iter()
                .map(|(m, months)| view! { <tr><td>{format!("{m:.0}×")}</td><td>{months_text(months)}</td></tr> })
                .collect_view()
        })
    };
    let bars = move || {
        let v = scenario.with(|s| s.monthly_requests);
        resolved.with(|a| {
            let (b, c) = (baseline.get().min(a.len() - 1), candidate.get().min(a.len() - 1));
            let swings = tornado(&a[b], &a[c], v);
            let top = swings
                .iter()
                .flat_map(|s| [s.low, s.high])
                .flatten()
                .fold(1e-9f64, f64::max);
            swings
                .into_iter()
                .map(|s| {
                    let width = |m: Option<f64>| m.map_or(100.0, |m| m / top * 100.0);
                    view! {
                        <tr>
                            <th scope="row">{s.input}</th>
                            <td>
                                <div class="bar low" style:width=format!("{:.1}%", width(s.low))></div>
                                <span>"−25 %: "{months_text(s.low)}</span>
                            </td>
                            <td>
                                <div class="bar high" style:width=format!("{:.1}%", width(s.high))></div>
                                <span>"+25 %: "{months_text(s.high)}</span>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
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
                    <div class="table-scroll"><table>
                        <thead><tr><th scope="col">"Multiplier"</th><th scope="col">"Months to break even"</th></tr></thead>
                        <tbody>{sweep}</tbody>
                    </table></div>
                </div>
                <div>
                    <h3>"Each input ±25 %"</h3>
                    <div class="table-scroll"><table class="tornado">
                        <thead><tr><th scope="col">"Input"</th><th scope="col">"Lower"</th><th scope="col">"Higher"</th></tr></thead>
                        <tbody>{bars}</tbody>
                    </table></div>
                </div>
            </div>
        </section>
    }
}
