//! The cost-versus-volume chart: cumulative cost of each approach against
//! requests served, with break-even points marked, drawn by plotters into
//! an SVG string.
//!
//! The chart also reports where its plotting area lies, so the UI can turn
//! a pointer position into a volume ([`Chart::requests_at`]) and read the
//! exact figures there.
//!
//! Architecture invariant: pure (plotters' SVG backend writes to a string),
//! no UI imports.

use plotters::coord::Shift;
use plotters::coord::ranged1d::{AsRangedCoord, Ranged, ValueFormatter};
use plotters::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::break_even::{cheapest, cost_at};
use crate::core::costs::scenario::Scenario;
use crate::core::number_format;

/// Series colours (Okabe–Ito, distinguishable with common colour-vision
/// deficiencies), as hex strings for legends outside the chart.
pub const PALETTE: [&str; 6] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
];

fn colour(i: usize) -> RGBColor {
    const RGB: [(u8, u8, u8); 6] = [
        (0x00, 0x72, 0xB2),
        (0xD5, 0x5E, 0x00),
        (0x00, 0x9E, 0x73),
        (0xCC, 0x79, 0xA7),
        (0xE6, 0x9F, 0x00),
        (0x56, 0xB4, 0xE9),
    ];
    let (r, g, b) = RGB[i % RGB.len()];
    RGBColor(r, g, b)
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct ChartRequest<'a> {
    pub approaches: &'a [ApproachCost],
    /// Indices of the approaches to draw; approach `i` is drawn in
    /// [`PALETTE`]`[i % 6]`.
    pub shown: &'a [usize],
    pub monthly_requests: f64,
    /// Right end of the volume axis (cumulative requests).
    pub max_requests: f64,
    pub log_x: bool,
    pub width: u32,
    pub height: u32,
}

/// A drawn chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub svg: String,
    /// Plotting area in SVG pixels: left, right, top, bottom.
    pub plot: (f64, f64, f64, f64),
    /// Volume axis range.
    pub x_range: (f64, f64),
    pub log_x: bool,
    /// Break-even points drawn: (requests, cost, label).
    pub markers: Vec<(f64, f64, String)>,
}

impl Chart {
    /// The volume under horizontal pixel `x`, if `x` is inside the plot.
    pub fn requests_at(&self, x: f64) -> Option<f64> {
        let (left, right, _, _) = self.plot;
        if !(x.is_finite() && right > left && (left..=right).contains(&x)) {
            return None;
        }
        let f = (x - left) / (right - left);
        let (lo, hi) = self.x_range;
        Some(if self.log_x {
            (lo.ln() + f * (hi.ln() - lo.ln())).exp()
        } else {
            lo + f * (hi - lo)
        })
    }

    /// Horizontal pixel of volume `q` (clamped to the plot).
    pub fn x_of(&self, q: f64) -> f64 {
        let (left, right, _, _) = self.plot;
        let (lo, hi) = self.x_range;
        let f = if self.log_x {
            (q.max(lo).ln() - lo.ln()) / (hi.ln() - lo.ln())
        } else {
            (q - lo) / (hi - lo)
        };
        left + f.clamp(0.0, 1.0) * (right - left)
    }
}

/// The volume axis range for a chart ending at `max_requests`.
pub fn x_range(max_requests: f64, log_x: bool) -> (f64, f64) {
    let hi = if max_requests.is_finite() && max_requests >= 10.0 {
        max_requests.min(1e13)
    } else {
        10.0
    };
    if log_x {
        ((hi / 1e4).max(1.0), hi)
    } else {
        (0.0, hi)
    }
}

/// Points of `a`'s cumulative-cost curve over `range`, with both sides of
/// every retraining step, sampled evenly (or geometrically on a log axis).
pub fn curve_points(
    a: &ApproachCost,
    monthly_requests: f64,
    range: (f64, f64),
    log_x: bool,
) -> Vec<(f64, f64)> {
    const SAMPLES: usize = 160;
    let (lo, hi) = range;
    let mut qs: Vec<f64> = (0..=SAMPLES)
        .map(|i| {
            let f = i as f64 / SAMPLES as f64;
            if log_x {
                (lo.ln() + f * (hi.ln() - lo.ln())).exp()
            } else {
                lo + f * (hi - lo)
            }
        })
        .collect();
    let mut steps = Vec::new();
    if let Some(n) = a.retrain_period()
        && monthly_requests.is_finite()
        && monthly_requests > 0.0
    {
        let period = n.max(0.1) * monthly_requests;
        let mut k = 1.0;
        while k * period <= hi && steps.len() < 2_000 {
            if k * period >= lo {
                steps.push(k * period);
            }
            k += 1.0;
        }
    }
    qs.extend(steps.iter().copied());
    qs.sort_by(f64::total_cmp);
    qs.dedup();
    // A model stops at its retirement: the curve ends there.
    if let Some(end) = a.lifetime_requests(monthly_requests) {
        qs.retain(|q| *q <= end);
        if end >= lo && end <= hi {
            qs.push(end);
        }
    }
    let mut points = Vec::with_capacity(qs.len() + steps.len());
    for q in qs {
        if steps.contains(&q) {
            // Just before the step, then after it.
            points.push((q, cost_at(a, q * (1.0 - 1e-12), monthly_requests)));
        }
        points.push((q, cost_at(a, q, monthly_requests)));
    }
    points
}

/// Draws the chart.
pub fn render(req: &ChartRequest) -> Chart {
    let (w, h) = (req.width.clamp(280, 4000), req.height.clamp(200, 3000));
    let range = x_range(req.max_requests, req.log_x);
    let series: Vec<(usize, Vec<(f64, f64)>)> = req
        .shown
        .iter()
        .filter(|i| **i < req.approaches.len())
        .map(|i| {
            (
                *i,
                curve_points(&req.approaches[*i], req.monthly_requests, range, req.log_x),
            )
        })
        .collect();
    let y_max = series
        .iter()
        .flat_map(|(_, p)| p.iter().map(|(_, y)| *y))
        .filter(|y| y.is_finite())
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.08;
    // Mark where the cheapest approach changes: the break-evens that matter.
    let segments = cheapest(req.approaches, req.shown, req.monthly_requests, range.1);
    let markers: Vec<(f64, f64, String)> = segments
        .windows(2)
        .filter(|w| w[0].to_requests == w[1].from_requests)
        .map(|w| {
            let q = w[1].from_requests;
            (
                q,
                cost_at(&req.approaches[w[1].approach], q, req.monthly_requests),
                number_format::count(q),
            )
        })
        .filter(|(q, _, _)| *q >= range.0 && *q <= range.1)
        .collect();
    let mut svg = String::new();
    let plot = {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let drawn = if req.log_x {
            draw(
                &root,
                (range.0..range.1).log_scale(),
                y_max,
                req,
                &series,
                &markers,
            )
        } else {
            draw(&root, range.0..range.1, y_max, req, &series, &markers)
        };
        let _ = root.present();
        drawn.unwrap_or((0.0, f64::from(w), 0.0, f64::from(h)))
    };
    Chart {
        svg,
        plot,
        x_range: range,
        log_x: req.log_x,
        markers,
    }
}

type Plot = (f64, f64, f64, f64);

fn draw<X>(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    x: X,
    y_max: f64,
    req: &ChartRequest,
    series: &[(usize, Vec<(f64, f64)>)],
    markers: &[(f64, f64, String)],
) -> Option<Plot>
where
    X: AsRangedCoord<Value = f64>,
    X::CoordDescType: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let text = RGBColor(0x4f, 0x58, 0x69);
    // Smaller type on narrow charts, so the legend leaves room for the lines.
    let (small, large) = if req.width < 600 { (12, 13) } else { (16, 17) };
    let grid = RGBColor(0xd4, 0xd9, 0xe2);
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(72)
        .build_cartesian_2d(x, 0.0..y_max)
        .ok()?;
    chart
        .configure_mesh()
        .max_light_lines(2)
        .light_line_style(grid.mix(0.35))
        .bold_line_style(grid.mix(0.8))
        .axis_style(text)
        .label_style(("sans-serif", small).into_font().color(&text))
        .axis_desc_style(("sans-serif", large).into_font().color(&text))
        .x_desc("Requests served (cumulative)")
        .y_desc("Cumulative cost (USD)")
        .x_labels(8)
        .y_labels(8)
        .x_label_formatter(&|v| number_format::compact(*v))
        .y_label_formatter(&|v| format!("${}", number_format::compact(*v)))
        .draw()
        .ok()?;
    for (i, points) in series {
        // Colour by approach, so each keeps its colour when others are hidden.
        let c = colour(*i);
        chart
            .draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(3)))
            .ok()?
            .label(req.approaches[*i].name.as_str())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], c.stroke_width(3)));
    }
    let ink = RGBColor(0x1b, 0x1f, 0x27);
    chart
        .draw_series(
            markers
                .iter()
                .map(|(q, cost, _)| Circle::new((*q, *cost), 6, ink.stroke_width(2))),
        )
        .ok()?;
    chart
        .draw_series(markers.iter().map(|(q, cost, label)| {
            Text::new(
                label.clone(),
                (*q, *cost),
                ("sans-serif", small).into_font().color(&ink),
            )
        }))
        .ok()?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(grid)
        .label_font(("sans-serif", small).into_font().color(&ink))
        .draw()
        .ok()?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    Some((
        f64::from(xr.start),
        f64::from(xr.end),
        f64::from(yr.start),
        f64::from(yr.end),
    ))
}

/// The figures at one volume: each shown approach's cumulative cost and
/// the months it takes to get there, for the readout and for CSV export.
pub fn readout(
    approaches: &[ApproachCost],
    shown: &[usize],
    monthly_requests: f64,
    requests: f64,
) -> Vec<(usize, f64)> {
    shown
        .iter()
        .filter(|i| **i < approaches.len())
        .map(|i| (*i, cost_at(&approaches[*i], requests, monthly_requests)))
        .collect()
}

/// One approach's line in the readout at a volume.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadoutRow {
    /// Index of the approach in the scenario (its colour in [`PALETTE`]).
    pub index: usize,
    pub name: String,
    /// Cumulative cost at the volume, USD.
    pub cost: f64,
    /// Whether the approach's model has retired before that volume (its
    /// cost is then not comparable and is not shown).
    pub retired: bool,
}

/// The readout at `requests`: every compared approach of `scenario`
/// (with `resolved` lifetimes), cheapest first, retired ones last, and the
/// months that volume takes at the scenario's monthly volume.
pub fn readout_at(
    scenario: &Scenario,
    resolved: &[ApproachCost],
    requests: f64,
) -> (f64, Vec<ReadoutRow>) {
    let v = scenario.monthly_requests;
    let months = if v > 0.0 { requests / v } else { 0.0 };
    let mut rows: Vec<ReadoutRow> = scenario
        .compared()
        .into_iter()
        .filter(|i| *i < resolved.len())
        .map(|i| {
            let a = &resolved[i];
            ReadoutRow {
                index: i,
                name: a.name.clone(),
                cost: cost_at(a, requests, v),
                retired: a.lifetime_requests(v).is_some_and(|end| requests > end),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.retired.cmp(&b.retired).then(a.cost.total_cmp(&b.cost)));
    (months, rows)
}

/// The chart's numbers as CSV: one row per sampled volume, one column per
/// shown approach (cumulative USD), plus the months that volume takes.
pub fn csv(
    approaches: &[ApproachCost],
    shown: &[usize],
    monthly_requests: f64,
    max_requests: f64,
    log_x: bool,
) -> String {
    let range = x_range(max_requests, log_x);
    let mut out = String::from("requests,months");
    for i in shown {
        out.push(',');
        out.push_str(&crate::core::csv::field(&approaches[*i].name));
    }
    out.push('\n');
    const ROWS: usize = 50;
    for r in 0..=ROWS {
        let f = r as f64 / ROWS as f64;
        let q = if log_x {
            (range.0.ln() + f * (range.1.ln() - range.0.ln())).exp()
        } else {
            range.0 + f * (range.1 - range.0)
        };
        let months = if monthly_requests > 0.0 {
            q / monthly_requests
        } else {
            0.0
        };
        out.push_str(&format!("{q:.0},{months:.3}"));
        for (_, cost) in readout(approaches, shown, monthly_requests, q) {
            out.push_str(&format!(",{cost:.2}"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::approach_cost::ApproachKind;

    fn pair() -> Vec<ApproachCost> {
        let mut a = ApproachCost::blank(ApproachKind::PromptEngineering);
        a.input_tokens = 1e6;
        a.input_per_1m = 0.02;
        let mut b = a.clone();
        b.kind = ApproachKind::ApiFineTuning;
        b.name = "Fine-tuned, \"v2\"".into();
        b.input_per_1m = 0.01;
        b.data_prep = 500.0;
        vec![a, b]
    }

    fn request(approaches: &[ApproachCost], log_x: bool) -> ChartRequest<'_> {
        ChartRequest {
            approaches,
            shown: &[0, 1],
            monthly_requests: 10_000.0,
            max_requests: 120_000.0,
            log_x,
            width: 800,
            height: 480,
        }
    }

    #[test]
    fn draws_both_curves_a_legend_and_the_break_even() {
        let approaches = pair();
        for log_x in [false, true] {
            let chart = render(&request(&approaches, log_x));
            assert!(chart.svg.starts_with("<svg"), "{}", &chart.svg[..40]);
            for colour in &PALETTE[..2] {
                let stroke = format!("stroke=\"{colour}\" stroke-width=\"3\"");
                assert_eq!(
                    chart.svg.matches(&stroke).count(),
                    2,
                    "curve and swatch in {colour}"
                );
            }
            assert!(chart.svg.contains("Prompt engineering"));
            assert!(
                chart.svg.contains("Fine-tuned, &quot;v2&quot;")
                    || chart.svg.contains("Fine-tuned, \"v2\"")
            );
            assert!(chart.svg.contains("50,000"), "break-even label");
            assert!(chart.svg.contains("Requests served"));
            assert_eq!(chart.markers.len(), 1);
            assert!(!chart.svg.contains("NaN"));
            let (left, right, _, _) = chart.plot;
            assert!(left > 0.0 && right > left && right <= 800.0);
            // Pixel ⇄ volume round trip.
            let x = chart.x_of(50_000.0);
            let q = chart.requests_at(x).unwrap();
            assert!((q - 50_000.0).abs() / 50_000.0 < 1e-9);
            assert_eq!(chart.requests_at(left - 1.0), None);
        }
    }

    #[test]
    fn names_are_escaped_so_the_svg_can_be_inserted_as_html() {
        let mut approaches = pair();
        approaches[0].name = "<img src=x onerror=alert(1)> & co".into();
        let chart = render(&request(&approaches, false));
        assert!(!chart.svg.contains("<img"));
        assert!(
            chart
                .svg
                .contains("&lt;img src=x onerror=alert(1)&gt; &amp; co")
        );
    }

    #[test]
    fn degenerate_inputs_still_draw() {
        let approaches = pair();
        let mut r = request(&approaches, true);
        r.max_requests = f64::NAN;
        r.monthly_requests = 0.0;
        let chart = render(&r);
        assert!(chart.svg.contains("<svg") && !chart.svg.contains("NaN"));
        r.shown = &[];
        assert!(render(&r).svg.contains("<svg"));
    }

    #[test]
    fn retraining_steps_are_vertical() {
        let mut a = pair().remove(1);
        a.retrain_every_months = 3.0;
        let pts = curve_points(&a, 10_000.0, (0.0, 100_000.0), false);
        let step = pts
            .windows(2)
            .find(|w| w[0].0 == 30_000.0 && w[1].0 == 30_000.0)
            .expect("a step at 30,000");
        assert!((step[1].1 - step[0].1 - 500.0).abs() < 1e-6);
    }

    #[test]
    fn the_readout_sorts_cheapest_first_and_retired_last() {
        // An organisation that trains at OpenAI gets its fine-tune, which
        // retires in 2027-01.
        let s = crate::core::costs::scenario::default_scenario_for(
            "2026-12-01",
            crate::core::costs::prices::OrgStanding::Active,
        );
        let r = s.resolved();
        let (months, rows) = readout_at(&s, &r, 3.0 * s.monthly_requests);
        assert!((months - 3.0).abs() < 1e-12);
        assert_eq!(rows.len(), s.compared().len());
        let live: Vec<&ReadoutRow> = rows.iter().filter(|x| !x.retired).collect();
        assert!(live.windows(2).all(|w| w[0].cost <= w[1].cost));
        let first_retired = rows.iter().position(|x| x.retired).unwrap_or(rows.len());
        assert!(
            rows[first_retired..].iter().all(|x| x.retired),
            "retired ones last"
        );
        assert!(
            rows.iter().any(|x| x.retired),
            "the OpenAI fine-tune retires in 2027-01"
        );
    }

    #[test]
    fn csv_has_a_header_and_quoted_names() {
        let approaches = pair();
        let text = csv(&approaches, &[0, 1], 10_000.0, 100_000.0, false);
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("requests,months,Prompt engineering,\"Fine-tuned, \"\"v2\"\"\"")
        );
        assert_eq!(lines.next(), Some("0,0.000,0.00,500.00"));
        assert_eq!(text.lines().count(), 52);
        let mut named = pair();
        named[1].name = "=cmd()".into();
        let text = csv(&named, &[0, 1], 10_000.0, 100_000.0, false);
        assert!(
            text.starts_with("requests,months,Prompt engineering,'=cmd()\n"),
            "{text}"
        );
    }
}
