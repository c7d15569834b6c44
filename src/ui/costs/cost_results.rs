//! The figures behind the chart: each approach's costs, the cheapest
//! approach at each volume, and every pairwise break-even.

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::approach_notes::{NoteKind, approach_notes, cheapest_over_horizon};
use crate::core::costs::break_even::{self, BreakEven, VolumeWin, volume_break_even};
use crate::core::costs::chart::PALETTE;
use crate::core::costs::horizon_total::{HorizonTotal, horizon_total, shared_span};
use crate::core::costs::scenario::Scenario;
use crate::core::html_rows;
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
                    let total = horizon_total(a, s.monthly_requests, s.horizon_months);
                    let (total_text, cannot) = match &total {
                        HorizonTotal::Serves { total, .. } => (number_format::usd(*total), false),
                        HorizonTotal::RetiresFirst { lifetime_months, .. } => (
                            format!("Cannot serve it: retires after {}", number_format::months(*lifetime_months)),
                            true,
                        ),
                    };
                    let figures = [
                        number_format::usd(a.per_request()),
                        number_format::usd(total.all_in_per_request()),
                        number_format::usd(a.one_off()),
                        number_format::usd(a.monthly(s.monthly_requests)),
                    ];
                    let notes: String = approach_notes(&s, approaches, i)
                        .iter()
                        .map(|n| format!("<p class=\"note-{}\">{}</p>", n.kind.id(), html_rows::escape(&n.text)))
                        .collect();
                    let mut cells: Vec<html_rows::Cell> = figures.iter().map(|t| html_rows::Cell::text(t)).collect();
                    cells.push(html_rows::Cell {
                        text: &total_text,
                        class: if cannot { "cannot" } else { "" },
                        before: "",
                    });
                    cells.push(html_rows::Cell { text: "", class: "", before: &notes });
                    let swatch = format!(
                        "<span class=\"swatch\" style=\"background:{}\" aria-hidden=\"true\"></span>",
                        PALETTE[i % PALETTE.len()]
                    );
                    html_rows::row(&swatch, &a.name, "", &cells)
                })
                .collect::<String>()
        })
    };
    let cheapest = move || {
        let s = scenario.get();
        resolved.with(|approaches| {
            let (text, warning) = match cheapest_over_horizon(&s, approaches) {
                None => (
                    "No compared approach serves the whole horizon.".to_string(),
                    None,
                ),
                Some((i, total)) => (
                    format!(
                        "Cheapest over {} among the approaches that serve it: {}, {}.",
                        number_format::months(s.horizon_months),
                        approaches[i].name,
                        number_format::usd(total)
                    ),
                    approach_notes(&s, approaches, i)
                        .into_iter()
                        .find(|n| n.kind == NoteKind::ExampleFigures)
                        .map(|n| format!("This result rests on example figures: {}", n.text)),
                ),
            };
            view! {
                <p class="cheapest" role="status">
                    {text}
                    {warning.map(|w| view! { " "<strong class="warning-text">{w}</strong> })}
                </p>
            }
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
                    format!(
                        "<li><strong>{}</strong> from {} to {} requests</li>",
                        html_rows::escape(&approaches[seg.approach].name),
                        number_format::count(seg.from_requests),
                        number_format::count(seg.to_requests)
                    )
                })
                .collect::<String>()
        })
    };
    let crossings = move || {
        let s = scenario.get();
        resolved.with(|approaches| {
            break_even::crossovers(approaches, &s.compared(), s.monthly_requests)
                .into_iter()
                .map(|c| {
                    let (base, cand) = (&approaches[c.baseline], &approaches[c.candidate]);
                    let months = shared_span(base, cand, s.horizon_months);
                    let win = volume_break_even(base, cand, months);
                    let cells = [
                        base.name.clone(),
                        describe(&c.result),
                        format!(
                            "{} (over {})",
                            describe_volume(win),
                            number_format::months(months)
                        ),
                    ];
                    let cells: Vec<html_rows::Cell> =
                        cells.iter().map(|t| html_rows::Cell::text(t)).collect();
                    html_rows::row("", &cand.name, "", &cells)
                })
                .collect::<String>()
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
                            {["Approach", "Marginal per request", "All-in per request", "One-off", "Per month"]
                                .map(|h| view! { <th scope="col">{h}</th> })}
                            <th scope="col">{move || format!("Total over {}", horizon())}</th>
                            <th scope="col">"Notes"</th>
                        </tr>
                    </thead>
                    <tbody inner_html=rows></tbody>
                </table>
            </div>
            {cheapest}
            <h3>"Cheapest approach by volume"</h3>
            <ul class="envelope" inner_html=envelope></ul>
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
                    <tbody inner_html=crossings></tbody>
                </table>
            </div>
        </section>
    }
}
