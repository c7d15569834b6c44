//! The figures behind the chart: each approach's costs, the cheapest
//! approach at each volume, and every pairwise break-even.

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::break_even::{self, BreakEven};
use crate::core::costs::chart::PALETTE;
use crate::core::costs::prices::Availability;
use crate::core::costs::scenario::{self, Scenario};
use crate::core::number_format;

/// One sentence for a break-even result.
pub fn describe(result: &BreakEven) -> String {
    match result {
        BreakEven::Immediate => "cheaper from the first request".into(),
        BreakEven::At {
            requests,
            months,
            within_lifetime,
        } => {
            let mut text = format!(
                "after {} requests ({})",
                number_format::count(*requests),
                number_format::months(*months)
            );
            if !within_lifetime {
                text.push_str(
                    ": not within the model's lifetime, so it never pays off in practice",
                );
            }
            text
        }
        BreakEven::Never { reason } => format!("never: {reason}"),
    }
}

/// Tables of costs, the cheapest approach by volume, and crossovers.
#[component]
pub fn CostResults(
    scenario: RwSignal<Scenario>,
    resolved: Memo<Vec<ApproachCost>>,
) -> impl IntoView {
    let rows = move || {
        let s = scenario.get();
        resolved.with(|approaches| {
            s.compared()
                .into_iter()
                .map(|i| {
                    let a = &approaches[i];
                    let per_month = a.monthly(s.monthly_requests);
                    let served = a
                        .lifetime_requests(s.monthly_requests)
                        .map_or(s.max_requests(), |end| end.min(s.max_requests()));
                    let total = break_even::cost_at(a, served, s.monthly_requests);
                    let note = match scenario::availability(&s, i) {
                        Availability::Unavailable { reason } => format!("Unavailable, shown on request: {reason}"),
                        Availability::Available { lifetime_months: Some(m) } if m < s.horizon_months => format!(
                            "Retires after {}: the total covers only its lifetime.",
                            number_format::months(m)
                        ),
                        _ => String::new(),
                    };
                    view! {
                        <tr>
                            <th scope="row">
                                <span class="swatch" style=format!("background:{}", PALETTE[i % PALETTE.len()]) aria-hidden="true"></span>
                                {a.name.clone()}
                            </th>
                            <td>{number_format::usd(a.per_request())}</td>
                            <td>{number_format::usd(a.one_off())}</td>
                            <td>{number_format::usd(per_month)}</td>
                            <td>{number_format::usd(total)}</td>
                            <td>{note}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let envelope = move || {
        let s = scenario.get();
        resolved.with(|approaches| {
            let segments = break_even::cheapest(
                approaches,
                &s.compared(),
                s.monthly_requests,
                s.max_requests(),
            );
            segments
                .iter()
                .map(|seg| {
                    view! {
                        <li>
                            <strong>{approaches[seg.approach].name.clone()}</strong>
                            " from "{number_format::count(seg.from_requests)}
                            " to "{number_format::count(seg.to_requests)}" requests"
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let crossings = move || {
        let s = scenario.get();
        resolved.with(|approaches| {
            break_even::crossovers(approaches, &s.compared(), s.monthly_requests)
                .into_iter()
                .map(|c| {
                    view! {
                        <tr>
                            <td>{approaches[c.candidate].name.clone()}</td>
                            <td>{approaches[c.baseline].name.clone()}</td>
                            <td>{describe(&c.result)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let horizon = move || scenario.with(|s| number_format::months(s.horizon_months));
    view! {
        <section class="panel" aria-labelledby="results-title">
            <h2 id="results-title">"Costs at your volume"</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Approach"</th>
                            <th scope="col">"Per request"</th>
                            <th scope="col">"One-off"</th>
                            <th scope="col">"Per month"</th>
                            <th scope="col">"Total over "{horizon}</th>
                            <th scope="col">"Note"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>"Cheapest approach by volume"</h3>
            <ul class="envelope">{envelope}</ul>
            <h3>"Break-even between every pair"</h3>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Approach (higher one-off cost)"</th>
                            <th scope="col">"against"</th>
                            <th scope="col">"pays off"</th>
                        </tr>
                    </thead>
                    <tbody>{crossings}</tbody>
                </table>
            </div>
        </section>
    }
}
