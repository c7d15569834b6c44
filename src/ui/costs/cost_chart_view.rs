//! The cost-versus-volume chart with a readout of the exact figures at the
//! pointer (or at the slider, by keyboard, in round steps), axis switches,
//! a choice of curves to show, and exports carrying a title, the date and
//! the assumptions.

use leptos::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::chart::{self, Chart, ChartOptions, ChartRequest, ExportInfo, PALETTE};
use crate::core::costs::prices::Availability;
use crate::core::costs::scenario::{self, Scenario};
use crate::core::html_rows;
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

/// What an export states about the scenario it was made from.
fn export_info<'a>(today: &'a str, s: &'a Scenario, log_y: bool) -> ExportInfo<'a> {
    ExportInfo {
        today,
        start: &s.start,
        monthly_requests: s.monthly_requests,
        growth: s.profile.growth,
        horizon_months: s.horizon_months,
        log_x: s.log_x,
        log_y,
    }
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
    // The cost axis scale travels with the scenario (link key `ly`); the
    // hidden curves (by approach index) are chart-local, so a curve of
    // another scale can be set aside.
    let log_y = Signal::derive(move || scenario.with(|s| s.log_y));
    let hidden = RwSignal::new(Vec::<usize>::new());
    let compared = Memo::new(move |_| scenario.with(Scenario::compared));
    let shown = Memo::new(move |_| {
        let hide = hidden.get();
        compared
            .get()
            .into_iter()
            .filter(|i| !hide.contains(i))
            .collect::<Vec<usize>>()
    });
    let chart: Memo<Chart> = Memo::new(move |_| {
        let (width, height) = size.get();
        let t0 = browser_state::now_ms();
        let (monthly_requests, max_requests, log_x) =
            scenario.with(|s| (s.monthly_requests, s.max_requests(), s.log_x));
        let shown = shown.get();
        let chart = resolved.with(|approaches| {
            chart::render_with(
                &ChartRequest {
                    approaches,
                    shown: &shown,
                    monthly_requests,
                    max_requests,
                    log_x,
                    width,
                    height,
                },
                &ChartOptions { log_y: log_y.get() },
            )
        });
        browser_state::record_timing("costs-recompute-and-draw", browser_state::now_ms() - t0);
        chart
    });
    // Where the readout is: a fraction 0..1 along the volume axis, snapped
    // to the nearest round volume of the chart's stops.
    let probe = RwSignal::new(0.5f64);
    let probe_stop = Memo::new(move |_| {
        chart.with(|c| {
            let (left, right, _, _) = c.plot;
            c.stop_near(left + probe.get() * (right - left))
        })
    });
    let probe_requests = Memo::new(move |_| chart.with(|c| c.stop(probe_stop.get())));
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
                probe.set(((x - left) / (right - left)).clamp(0.0, 1.0));
            }
        });
    };
    let marker_left = move || {
        chart.with(|c| {
            format!(
                "{:.3}%",
                c.x_of(probe_requests.get()) / f64::from(c.width) * 100.0
            )
        })
    };
    let readout = move || {
        let q = probe_requests.get();
        let v = scenario.with(|s| s.monthly_requests);
        let out = shown.with(|sh| resolved.with(|r| chart::readout(r, sh, v, q).ranked()));
        // Read-only: written as escaped HTML (see `core::html_rows`).
        let items: String = out
            .rows
            .iter()
            .map(|row| {
                let figure = match row.cost {
                    None => "<em>retired with its base model</em>".to_string(),
                    Some(cost) => format!("<strong>{}</strong>", number_format::usd(cost)),
                };
                format!(
                    "<li><span class=\"swatch\" style=\"background:{}\" aria-hidden=\"true\"></span>{}: {figure}</li>",
                    PALETTE[row.index % PALETTE.len()],
                    html_rows::escape(&row.name)
                )
            })
            .collect();
        format!(
            "<p class=\"readout-title\">At <strong>{}</strong> requests ({}):</p><ol class=\"readout-list\">{items}</ol>",
            number_format::count(q),
            number_format::months(out.months)
        )
    };
    let description = move || {
        chart.with(|c| {
            let mut text = String::from("Cumulative cost against requests served");
            if c.y_axis.log {
                text.push_str(", logarithmic cost axis");
            }
            text.push('.');
            let marks: Vec<String> = c.markers.iter().map(|(_, _, label)| label.clone()).collect();
            if marks.is_empty() {
                text.push_str(" No break-even point falls within the horizon.");
            } else {
                text.push_str(&format!(
                    " Break-even points at {} requests.",
                    marks.join(", ")
                ));
            }
            let v = scenario.with(|s| s.monthly_requests);
            resolved.with(|r| {
                for ret in &c.retirements {
                    if let Some(a) = r.get(ret.index) {
                        text.push_str(&format!(
                            " {} retires with its base model at {} requests ({}), its curve ends there.",
                            a.name,
                            number_format::count(ret.requests),
                            number_format::months(a.months_at(ret.requests, v).unwrap_or(0.0))
                        ));
                    }
                }
                let hide = hidden.get();
                let off: Vec<String> = compared
                    .get()
                    .into_iter()
                    .filter(|i| hide.contains(i))
                    .filter_map(|i| r.get(i).map(|a| a.name.clone()))
                    .collect();
                if !off.is_empty() {
                    text.push_str(&format!(" Hidden: {}.", off.join(", ")));
                }
            });
            text
        })
    };
    // What the exports say about themselves: today, the scenario and the
    // curves shown.
    let export_state = move || {
        (
            browser_state::today(),
            scenario.get_untracked(),
            shown.get_untracked(),
            log_y.get_untracked(),
        )
    };
    let exported_svg = move || {
        let (today, s, shown, log_y) = export_state();
        let lines = resolved
            .with_untracked(|a| chart::assumptions(a, &shown, &export_info(&today, &s, log_y)));
        chart.with_untracked(|c| chart::export_svg(c, &lines))
    };
    let export_svg = move |_| {
        let (svg, _, _) = exported_svg();
        browser_state::download_text("tunewise-costs.svg", "image/svg+xml", &svg);
    };
    let export_png = move |_| {
        let (svg, w, h) = exported_svg();
        browser_state::download_svg_as_png(&svg, w, h, "tunewise-costs.png");
    };
    let export_csv = move |_| {
        let (today, s, shown, log_y) = export_state();
        let text = resolved.with_untracked(|a| {
            chart::csv(a, &shown, s.max_requests(), &export_info(&today, &s, log_y))
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
    let curve_toggles = move || {
        let names: Vec<(usize, String)> = resolved.with(|r| {
            compared
                .get()
                .into_iter()
                .filter_map(|i| r.get(i).map(|a| (i, a.name.clone())))
                .collect()
        });
        names
            .into_iter()
            .map(|(i, name)| {
                let id = format!("show-curve-{i}");
                view! {
                    <div class="check">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || !hidden.with(|h| h.contains(&i))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                hidden.update(|h| {
                                    h.retain(|x| *x != i);
                                    if !on {
                                        h.push(i);
                                    }
                                });
                            } />
                        <label for=id>
                            <span class="swatch" style=format!("background:{}", PALETTE[i % PALETTE.len()]) aria-hidden="true"></span>
                            // "Show <name>": the name alone is the approach editor's title.
                            <span class="visually-hidden">"Show "</span>
                            {name}
                        </label>
                    </div>
                }
            })
            .collect_view()
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
                    <input type="checkbox" id="log-cost-axis" prop:checked=move || log_y.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            scenario.update(|s| s.log_y = on);
                        } />
                    <label for="log-cost-axis">"Logarithmic cost axis"</label>
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
            <fieldset class="curve-toggles">
                <legend>"Show on chart"</legend>
                {curve_toggles}
            </fieldset>
            {unavailable_note}
            <div class="chart-frame" on:pointermove=on_pointer>
                <div class="chart" role="img" aria-label=description inner_html=move || chart.with(|c| c.svg.clone())></div>
                <div class="probe-line" aria-hidden="true" style:left=marker_left></div>
            </div>
            <div class="field probe-field">
                <label for="probe">"Read the figures at a volume (drag, or use the arrow keys)"</label>
                <input id="probe" type="range" min="0" step="1"
                    prop:max=move || chart.with(|c| c.stops.len().saturating_sub(1).to_string())
                    prop:value=move || probe_stop.get().to_string()
                    aria-valuetext=move || format!("{} requests", number_format::count(probe_requests.get()))
                    on:input=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            chart.with_untracked(|c| {
                                let (left, right, _, _) = c.plot;
                                if right > left {
                                    probe.set(((c.x_of(c.stop(i)) - left) / (right - left)).clamp(0.0, 1.0));
                                }
                            });
                        }
                    } />
            </div>
            <div class="readout" inner_html=readout></div>
            <div class="actions">
                <button type="button" class="secondary" on:click=export_svg>"Download SVG"</button>
                <button type="button" class="secondary" on:click=export_png>"Download PNG"</button>
                <button type="button" class="secondary" on:click=export_csv>"Download CSV"</button>
            </div>
        </section>
    }
}
