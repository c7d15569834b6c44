//! The report's cost chart: the calculator's cumulative-cost chart for the
//! shown scenario, drawn at one size and scaled to the page (so it fits
//! any screen and any paper), with a text alternative.

use leptos::prelude::*;

use crate::core::costs::chart::{self, ChartRequest};
use crate::core::number_format;
use crate::core::report::state::SharedState;

/// Chart size in SVG pixels: about the width of a printed A4 or Letter
/// page, so printed type keeps the size it has on screen.
const WIDTH: u32 = 760;
const HEIGHT: u32 = 420;

/// The chart section.
#[component]
pub fn ReportChart(state: ReadSignal<SharedState>) -> impl IntoView {
    let drawn = Memo::new(move |_| {
        state.with(|st| {
            let s = &st.costs;
            let shown = s.compared();
            if shown.is_empty() {
                return None;
            }
            let approaches = s.resolved();
            let c = chart::render(&ChartRequest {
                approaches: &approaches,
                shown: &shown,
                monthly_requests: s.monthly_requests,
                max_requests: s.max_requests(),
                log_x: s.log_x,
                width: WIDTH,
                height: HEIGHT,
            });
            let names: Vec<String> = shown.iter().map(|&i| approaches[i].name.clone()).collect();
            let marks: Vec<String> = c.markers.iter().map(|(_, _, label)| label.clone()).collect();
            let mut alt = format!(
                "Chart of the cumulative cost of {} against requests served, up to {} requests ({} at {} a month{}{}).",
                names.join(", "),
                number_format::count(s.max_requests()),
                number_format::months(s.horizon_months),
                number_format::count(s.monthly_requests),
                crate::core::costs::chart::growth_words(s.profile.growth),
                if s.log_x { ", logarithmic volume axis" } else { "" }
            );
            if marks.is_empty() {
                alt.push_str(" The cheapest approach does not change within the horizon.");
            } else {
                alt.push_str(&format!(
                    " The cheapest approach changes at {} requests.",
                    marks.join(", ")
                ));
            }
            Some((c.svg, alt))
        })
    });
    let body = move || {
        match drawn.get() {
        None => view! {
            <p>"No approach is compared, so there is nothing to draw: switch one on in the "
                <a href="costs.html">"cost calculator"</a>"."</p>
        }
        .into_any(),
        Some((svg, alt)) => view! {
            <figure class="report-figure">
                <div class="chart report-chart" role="img" aria-label=alt.clone() inner_html=svg></div>
                <figcaption>
                    {alt}
                    " The figures are in the key costs table; circles mark where the cheapest approach changes."
                </figcaption>
            </figure>
        }
        .into_any(),
    }
    };
    view! {
        <section class="panel report-section" aria-labelledby="report-chart-title">
            <h2 id="report-chart-title">"Cost chart"</h2>
            {body}
        </section>
    }
}
