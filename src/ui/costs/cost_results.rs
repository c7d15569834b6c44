//! The figures behind the chart: each approach's costs, the cheapest
//! approach at each volume, and every pairwise break-even.

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::approach_notes::{NoteKind, approach_notes, cheapest_over_horizon};
use crate::core::costs::break_even::{self, BreakEven, VolumeWin, volume_break_even};
use crate::core::costs::chart::PALETTE;
use crate::core::costs::horizon_total::{HorizonTotal, horizon_total};
use crate::core::costs::scenario::Scenario;
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

/// Where a candidate wins by monthly volume, as a phrase.
pub fn describe_volume(win: VolumeWin) -> String {
    match win {
        VolumeWin::Always => "at any volume".into(),
        VolumeWin::Above(v) => format!("above {} requests a month", number_format::count(v.ceil())),
        VolumeWin::Below(v) => {
            format!("below {} requests a month", number_format::count(v.floor()))
        }
        VolumeWin::Never => "at no volume".into(),
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
                    let total = horizon_total(a, s.monthly_requests, s.horizon_months);
                    let total_cell = match &total {
                        HorizonTotal::Serves { total, .. } => view! { {number_format::usd(*total)} }.into_any(),
                        HorizonTotal::RetiresFirst { lifetime_months, .. } => view! {
                            <em>"Cannot serve it: retires after "{number_format::months(*lifetime_months)}</em>
                        }.into_any(),
                    };
                    let notes = approach_notes(&s, approaches, i);
                    view! {
                        <tr>
                            <th scope="row" data-label="Approach">
                                <span class="swatch" style=format!("background:{}", PALETTE[i % PALETTE.len()]) aria-hidden="true"></span>
                                {a.name.clone()}
                            </th>
                            <td data-label="Marginal per request">{number_format::usd(a.per_request())}</td>
                            <td data-label="All-in per request">{number_format::usd(total.all_in_per_request())}</td>
                            <td data-label="One-off">{number_format::usd(a.one_off())}</td>
                            <td data-label="Per month">{number_format::usd(per_month)}</td>
                            <td data-label="Total over the horizon">{total_cell}</td>
                            <td data-label="Notes">
                                {notes.into_iter().map(|n| view! { <p class=format!("note-{}", n.kind.id())>{n.text}</p> }).collect_view()}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let cheapest = move || {
        let s = scenario.get();
        resolved.with(|approaches| {
            let Some((i, total)) = cheapest_over_horizon(&s, approaches) else {
                return view! {
                    <p class="cheapest" role="status">"No compared approach serves the whole horizon."</p>
                }
                .into_any();
            };
            let examples = approach_notes(&s, approaches, i)
                .into_iter()
                .find(|n| n.kind == NoteKind::ExampleFigures);
            view! {
                <p class="cheapest" role="status">
                    "Cheapest over "{number_format::months(s.horizon_months)}" among the approaches that serve it: "
                    <strong>{approaches[i].name.clone()}</strong>", "{number_format::usd(total)}"."
                    {examples.map(|n| view! {
                        " "<strong class="warning-text">"This result rests on example figures: "</strong>{n.text}
                    })}
                </p>
            }
            .into_any()
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
                    let (base, cand) = (&approaches[c.baseline], &approaches[c.candidate]);
                    // Over the months both serve.
                    let months = [base.lifetime_months, cand.lifetime_months]
                        .into_iter()
                        .flatten()
                        .fold(s.horizon_months, f64::min);
                    let win = volume_break_even(base, cand, months);
                    view! {
                        <tr>
                            <td data-label="Approach">{cand.name.clone()}</td>
                            <td data-label="against">{base.name.clone()}</td>
                            <td data-label="pays off">{describe(&c.result)}</td>
                            <td data-label="cheaper by monthly volume">
                                {describe_volume(win)}" (over "{number_format::months(months)}")"
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let horizon = move || scenario.with(|s| number_format::months(s.horizon_months));
    let volume = move || scenario.with(|s| number_format::count(s.monthly_requests));
    view! {
        <section class="panel" aria-labelledby="results-title">
            <h2 id="results-title">"Costs at your volume"</h2>
            <p class="lede">
                "Marginal: what one more request costs. All-in: everything over the horizon (one-off, hosting, fees) "
                "divided by the requests served, at "{volume}" requests a month."
            </p>
            <div class="table-scroll" role="region" aria-label="Cost per approach, scrollable" tabindex="0">
                <table class="stackable">
                    <thead>
                        <tr>
                            <th scope="col">"Approach"</th>
                            <th scope="col">"Marginal per request"</th>
                            <th scope="col">"All-in per request"</th>
                            <th scope="col">"One-off"</th>
                            <th scope="col">"Per month"</th>
                            <th scope="col">"Total over "{horizon}</th>
                            <th scope="col">"Notes"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {cheapest}
            <h3>"Cheapest approach by volume"</h3>
            <ul class="envelope">{envelope}</ul>
            <h3>"Break-even between every pair"</h3>
            <div class="table-scroll" role="region" aria-label="Break-even per pair, scrollable" tabindex="0">
                <table class="stackable">
                    <thead>
                        <tr>
                            <th scope="col">"Approach (higher one-off cost)"</th>
                            <th scope="col">"against"</th>
                            <th scope="col">"pays off"</th>
                            <th scope="col">"cheaper by monthly volume"</th>
                        </tr>
                    </thead>
                    <tbody>{crossings}</tbody>
                </table>
            </div>
        </section>
    }
}
