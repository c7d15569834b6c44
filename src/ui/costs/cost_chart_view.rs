//! The cost-versus-volume chart with a readout of the exact figures at the
//! pointer (or at the slider, by keyboard), an axis switch and exports.

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::chart::{self, Chart, ChartRequest, PALETTE};
use crate::core::costs::prices::Availability;
use crate::core::costs::scenario::{self, Scenario};
use crate::core::number_format;
use crate::ui::browser_state;

/// Chart size in SVG pixels for a viewport `width`: drawn at the size it is
/// shown, so labels keep their size from phones to desktops.
fn chart_size(viewport: f64) -> (u32, u32) {
    let w = (viewport - 72.0).clamp(300.0, 1000.0);
    let h = (w * 0.55).clamp(280.0, 460.0);
    (w as u32, h as u32)
}

fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0)
}

/// The chart section of the cost page.
#[component]
pub fn CostChartView(
    scenario: RwSignal<Scenario>,
    resolved: Memo<Vec<ApproachCost>>,
) -> impl IntoView {
    let size = RwSignal::new(chart_size(viewport_width()));
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let next = chart_size(viewport_width());
        if size.get_untracked() != next {
            size.set(next);
        }
    });
    on_cleanup(move || resize.remove());
    let chart: Memo<Chart> = Memo::new(move |_| {
        let (width, height) = size.get();
        let t0 = browser_state::now_ms();
        let s = scenario.get();
        let shown = s.compared();
        let chart = resolved.with(|approaches| {
            chart::render(&ChartRequest {
                approaches,
                shown: &shown,
                monthly_requests: s.monthly_requests,
                max_requests: s.max_requests(),
                log_x: s.log_x,
                width,
                height,
            })
        });
        browser_state::record_timing("costs-recompute-and-draw", browser_state::now_ms() - t0);
        chart
    });
    // Where the readout is: a fraction 0..1000 along the volume axis.
    let probe = RwSignal::new(500.0f64);
    let probe_requests = Memo::new(move |_| {
        chart.with(|c| {
            let (left, right, _, _) = c.plot;
            c.requests_at(left + probe.get() / 1000.0 * (right - left))
                .unwrap_or(0.0)
        })
    });
    let on_pointer = move |ev: leptos::ev::PointerEvent| {
        use wasm_bindgen::JsCast;
        let Some(target) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = target.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let x = (f64::from(ev.client_x()) - rect.left()) * f64::from(size.get_untracked().0)
            / rect.width();
        chart.with_untracked(|c| {
            let (left, right, _, _) = c.plot;
            if right > left {
                probe.set(((x - left) / (right - left) * 1000.0).clamp(0.0, 1000.0));
            }
        });
    };
    let marker_left = move || {
        chart.with(|c| {
            format!(
                "{:.3}%",
                c.x_of(probe_requests.get()) / f64::from(size.get().0) * 100.0
            )
        })
    };
    let readout = move || {
        let q = probe_requests.get();
        let (months, rows) = scenario.with(|s| resolved.with(|r| chart::readout_at(s, r, q)));
        view! {
            <p class="readout-title">
                "At "<strong>{number_format::count(q)}</strong>" requests ("
                {number_format::months(months)}"):"
            </p>
            <ol class="readout-list">
                {rows.into_iter().map(|chart::ReadoutRow { index: i, name, cost, retired }| view! {
                    <li>
                        <span class="swatch" style=format!("background:{}", PALETTE[i % PALETTE.len()]) aria-hidden="true"></span>
                        {name}": "
                        {if retired {
                            view! { <em>"retired with its base model"</em> }.into_any()
                        } else {
                            view! { <strong>{number_format::usd(cost)}</strong> }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ol>
        }
    };
    let description = move || {
        chart.with(|c| {
            let marks: Vec<String> = c.markers.iter().map(|(_, _, label)| label.clone()).collect();
            if marks.is_empty() {
                "Cumulative cost against requests served. No break-even point falls within the horizon.".to_string()
            } else {
                format!(
                    "Cumulative cost against requests served. Break-even points at {} requests.",
                    marks.join(", ")
                )
            }
        })
    };
    let export_svg = move |_| {
        chart.with_untracked(|c| {
            browser_state::download_text("tunewise-costs.svg", "image/svg+xml", &c.svg)
        });
    };
    let export_png = move |_| {
        chart.with_untracked(|c| {
            let (w, h) = size.get_untracked();
            browser_state::download_svg_as_png(&c.svg, w, h, "tunewise-costs.png")
        });
    };
    let export_csv = move |_| {
        let s = scenario.get_untracked();
        let text = resolved.with_untracked(|a| {
            chart::csv(
                a,
                &s.compared(),
                s.monthly_requests,
                s.max_requests(),
                s.log_x,
            )
        });
        browser_state::download_text("tunewise-costs.csv", "text/csv", &text);
    };
    let unavailable_note = move || {
        scenario.with(|s| {
            // Exactly the enabled approaches that `Scenario::compared` leaves out.
            let hidden: Vec<String> = (0..s.approaches.len())
                .filter(|i| s.approaches[*i].enabled && !s.include_unavailable)
                .filter_map(|i| match scenario::availability(s, i) {
                    Availability::Unavailable { reason } => {
                        Some(format!("{} ({})", s.approaches[i].name, reason))
                    }
                    Availability::Available { .. } => None,
                })
                .collect();
            (!hidden.is_empty()).then(|| {
                view! { <p class="note">"Left out as unavailable: "{hidden.join("; ")}" Tick “include unavailable” to draw them anyway."</p> }
            })
        })
    };

    view! {
        <section class="panel chart-panel" aria-labelledby="chart-title">
            <h2 id="chart-title">"Cumulative cost by volume"</h2>
            <div class="chart-controls">
                <div class="check">
                    <input type="checkbox" id="log-axis" prop:checked=move || scenario.with(|s| s.log_x)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            scenario.update(|s| s.log_x = on);
                        } />
                    <label for="log-axis">"Logarithmic volume axis"</label>
                </div>
                <div class="check">
                    <input type="checkbox" id="include-unavailable" prop:checked=move || scenario.with(|s| s.include_unavailable)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            scenario.update(|s| s.include_unavailable = on);
                        } />
                    <label for="include-unavailable">"Include unavailable presets"</label>
                </div>
            </div>
            {unavailable_note}
            <div class="chart-frame" on:pointermove=on_pointer>
                <div class="chart" role="img" aria-label=description inner_html=move || chart.with(|c| c.svg.clone())></div>
                <div class="probe-line" aria-hidden="true" style:left=marker_left></div>
            </div>
            <div class="field probe-field">
                <label for="probe">"Read the figures at a volume (drag, or use the arrow keys)"</label>
                <input id="probe" type="range" min="0" max="1000" step="1"
                    prop:value=move || probe.get().round().to_string()
                    aria-valuetext=move || format!("{} requests", number_format::count(probe_requests.get()))
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            probe.set(v.clamp(0.0, 1000.0));
                        }
                    } />
            </div>
            <div class="readout">{readout}</div>
            <div class="actions">
                <button type="button" class="secondary" on:click=export_svg>"Download SVG"</button>
                <button type="button" class="secondary" on:click=export_png>"Download PNG"</button>
                <button type="button" class="secondary" on:click=export_csv>"Download CSV"</button>
            </div>
        </section>
    }
}
