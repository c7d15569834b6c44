//! How the break-even moves: the tuned price multiplier from 2× to 10×, and
//! each main input ±25 % (a tornado chart), coloured by effect (sooner is
//! good) with the current value marked.
//!
//! The figures are computed once per change into plain rows, and every
//! row, sweep or tornado, is drawn by the same small view: this page's
//! download is counted against a budget.

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::break_even::{
    BreakEven, Effect, break_even, effect, multiplier_sweep, tornado,
};
use crate::core::costs::scenario::Scenario;
use crate::core::html_rows;
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
        Effect::Sooner => ("effect-good", "sooner"),
        Effect::Later => ("effect-bad", "later"),
        Effect::Same => ("effect-same", "no change"),
    }
}

/// One cell: its text, its effect class, and a bar width (% of the
/// widest) for tornado cells.
#[derive(Clone, PartialEq)]
struct Cell {
    text: String,
    class: &'static str,
    bar: Option<f64>,
}

/// One row: its header and cells.
#[derive(Clone, PartialEq)]
struct Row {
    head: String,
    current: bool,
    cells: Vec<Cell>,
}

/// Everything the section shows for one baseline/candidate pair.
#[derive(Clone, PartialEq, Default)]
struct Figures {
    now: String,
    /// Where the current value sits on the bars, % of the widest.
    mark: String,
    sweep: Vec<Row>,
    tornado: Vec<Row>,
}

fn figures(b: &ApproachCost, c: &ApproachCost, v: f64) -> Figures {
    let now = break_even(b, c, v);
    let cell = |result: &BreakEven, bar: Option<f64>, prefix: &str| {
        let (class, word) = effect_class(effect(&now, result));
        Cell {
            text: format!("{prefix}{} ({word})", months_text(result)),
            class,
            bar,
        }
    };
    let sweep = multiplier_sweep(b, c, v)
        .into_iter()
        .map(|(m, result)| {
            let current = (m - c.price_multiplier).abs() < 0.5;
            Row {
                head: format!("{m:.0}×{}", if current { " (current)" } else { "" }),
                current,
                cells: vec![cell(&result, None, "")],
            }
        })
        .collect();
    let swings = tornado(b, c, v);
    let top = swings
        .iter()
        .flat_map(|s| {
            [
                s.low.practical_months(),
                s.high.practical_months(),
                now.practical_months(),
            ]
        })
        .flatten()
        .fold(1e-9f64, f64::max);
    let width = |m: Option<f64>| m.map_or(100.0, |m| (m / top * 100.0).min(100.0));
    let tornado = swings
        .iter()
        .map(|s| Row {
            head: s.input.to_string(),
            current: false,
            cells: vec![
                cell(&s.low, Some(width(s.low.practical_months())), "−25 %: "),
                cell(&s.high, Some(width(s.high.practical_months())), "+25 %: "),
            ],
        })
        .collect();
    Figures {
        now: format!("Now: {}", months_text(&now)),
        mark: format!("{:.1}%", width(now.practical_months())),
        sweep,
        tornado,
    }
}

/// The rows of a table as HTML text (see [`html_rows`]): the same for both
/// tables; tornado cells carry a bar and the current value's mark.
fn rows(rows: &[Row], mark: &str) -> String {
    rows.iter()
        .map(|r| {
            let bars: Vec<String> = r
                .cells
                .iter()
                .map(|c| {
                    c.bar.map_or_else(String::new, |w| {
                        format!(
                            "<div class=\"bar-track\"><div class=\"bar\" style=\"width:{w:.1}%\"></div>\
                             <div class=\"bar-now\" style=\"left:{mark}\" aria-hidden=\"true\"></div></div>"
                        )
                    })
                })
                .collect();
            let cells: Vec<html_rows::Cell> = r
                .cells
                .iter()
                .zip(&bars)
                .map(|(c, before)| html_rows::Cell {
                    text: &c.text,
                    class: c.class,
                    before,
                })
                .collect();
            html_rows::row("", &r.head, if r.current { "current" } else { "" }, &cells)
        })
        .collect()
}

/// Sensitivity of the break-even between a chosen baseline and candidate.
#[component]
pub fn Sensitivity(
    scenario: RwSignal<Scenario>,
    resolved: Memo<Vec<ApproachCost>>,
) -> impl IntoView {
    let pair = RwSignal::new((0usize, 2usize));
    let data = Memo::new(move |_| {
        let v = scenario.with(|s| s.monthly_requests);
        let (b, c) = pair.get();
        resolved.with(|a| match (a.get(b), a.get(c)) {
            (Some(b), Some(c)) => figures(b, c, v),
            _ => Figures::default(),
        })
    });
    let select = move |id: &'static str, label: &'static str, second: bool| {
        let value = move || {
            let (b, c) = pair.get();
            (if second { c } else { b }).to_string()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id prop:value=value
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                            pair.update(|p| if second { p.1 = v } else { p.0 = v });
                        }
                    }>
                    {move || scenario.with(|s| s.approaches.iter().enumerate().map(|(i, a)| {
                        let chosen = pair.with_untracked(|p| if second { p.1 } else { p.0 }) == i;
                        view! { <option value=i.to_string() selected=chosen>{a.name.clone()}</option> }
                    }).collect_view())}
                </select>
            </div>
        }
    };
    view! {
        <section class="panel" aria-labelledby="sensitivity-title">
            <h2 id="sensitivity-title">"Sensitivity of the break-even"</h2>
            <div class="grid">
                {select("sens-baseline", "Baseline", false)}
                {select("sens-candidate", "Candidate", true)}
            </div>
            <div class="two-col">
                <div>
                    <h3>"Tuned price multiplier"</h3>
                    <div class="table-scroll" role="region" aria-label="Multiplier sweep, scrollable" tabindex="0"><table>
                        <thead><tr><th scope="col">"Multiplier"</th><th scope="col">"Months to break even"</th></tr></thead>
                        <tbody inner_html=move || data.with(|d| rows(&d.sweep, &d.mark))></tbody>
                    </table></div>
                </div>
                <div>
                    <h3>"Each input ±25 %"</h3>
                    <p class="legend">
                        <span class="key effect-good">"sooner"</span>" "
                        <span class="key effect-bad">"later"</span>" │ current. "
                        <strong>{move || data.with(|d| d.now.clone())}</strong>
                        ". Sorted by influence, widest swing first."
                    </p>
                    <div class="table-scroll" role="region" aria-label="Tornado, scrollable" tabindex="0"><table class="tornado">
                        <thead><tr><th scope="col">"Input"</th><th scope="col">"Lower"</th><th scope="col">"Higher"</th></tr></thead>
                        <tbody inner_html=move || data.with(|d| rows(&d.tornado, &d.mark))></tbody>
                    </table></div>
                </div>
            </div>
        </section>
    }
}
