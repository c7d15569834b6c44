//! The cost-versus-volume chart: cumulative cost of each approach against
//! requests served, with break-even points and retirements marked, drawn by
//! plotters into an SVG string; the readout at a volume; the exports (an
//! SVG with a title and the assumptions, and CSV).
//!
//! The chart also reports where its plotting area lies, so the UI can turn
//! a pointer position into a volume ([`Chart::requests_at`]), where its
//! marker labels were placed ([`Chart::labels`], never overlapping each
//! other, the legend or the axes) and the round volumes the readout snaps
//! to ([`Chart::stops`]).
//!
//! Both axes are drawn in a transformed space (log10 of the value on a
//! logarithmic axis) with round ticks chosen here ([`Axis::ticks`]), so one
//! drawing routine serves the four axis combinations.
//!
//! Architecture invariant: pure (plotters' SVG backend writes to a string),
//! no UI imports; "today" is passed in.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::*;

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::break_even::{cheapest, cost_at};
use crate::core::costs::scenario::Scenario;
use crate::core::html_rows;
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

/// The title every export carries.
pub const EXPORT_TITLE: &str = "tunewise — cumulative cost by volume";

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

/// Drawing options beyond [`ChartRequest`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ChartOptions {
    /// A logarithmic cost axis (curves of very different scale stay
    /// readable).
    pub log_y: bool,
}

/// One axis: its range and scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
}

/// A round step near `x`: 1, 2 or 5 × 10^k, at least `x`.
fn nice_step(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    let m = x / p;
    let m = if m <= 1.0 + 1e-9 {
        1.0
    } else if m <= 2.0 + 1e-9 {
        2.0
    } else if m <= 5.0 + 1e-9 {
        5.0
    } else {
        10.0
    };
    m * p
}

/// `v` rounded to 12 significant figures (undoes the error of a log round trip).
fn tidy(v: f64) -> f64 {
    if !(v.is_finite() && v != 0.0) {
        return v;
    }
    let e = 11 - v.abs().log10().floor() as i32;
    if e >= 0 {
        let m = 10f64.powi(e);
        (v * m).round() / m
    } else {
        let m = 10f64.powi(-e);
        (v / m).round() * m
    }
}

/// The round values 1, 2, 5 × 10^k within `[lo, hi]`, in order (the
/// stops of a logarithmic slider: each step is ×2 or ×2.5).
pub fn one_two_five(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    if !(lo.is_finite() && hi.is_finite() && lo > 0.0 && hi >= lo) {
        return out;
    }
    let mut k = lo.log10().floor() as i32;
    while out.len() < 400 {
        let p = 10f64.powi(k);
        for m in [1.0, 2.0, 5.0] {
            let v = tidy(m * p);
            if v > hi * (1.0 + 1e-9) {
                return out;
            }
            if v >= lo * (1.0 - 1e-9) {
                out.push(v);
            }
        }
        k += 1;
    }
    out
}

impl Axis {
    /// Position of value `v` in the drawing space (log10 on a log axis).
    pub fn t(&self, v: f64) -> f64 {
        if self.log { v.max(self.lo).log10() } else { v }
    }

    /// The value at drawing-space position `t`.
    pub fn value(&self, t: f64) -> f64 {
        if self.log { tidy(10f64.powf(t)) } else { t }
    }

    /// Where `v` lies along the axis, 0 at `lo` and 1 at `hi` (clamped).
    pub fn fraction(&self, v: f64) -> f64 {
        let (a, b) = (self.t(self.lo), self.t(self.hi));
        if b > a {
            ((self.t(v) - a) / (b - a)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// The value at fraction `f` along the axis.
    pub fn at_fraction(&self, f: f64) -> f64 {
        let (a, b) = (self.t(self.lo), self.t(self.hi));
        self.value(a + f.clamp(0.0, 1.0) * (b - a))
    }

    fn linear_step(&self) -> f64 {
        nice_step((self.hi - self.lo) / 8.0)
    }

    /// Labelled ticks: powers of ten on a log axis, multiples of a round
    /// step (about 4 to 8 of them) on a linear one.
    pub fn ticks(&self) -> Vec<f64> {
        if self.log {
            let all = one_two_five(self.lo, self.hi);
            let decades: Vec<f64> = all
                .iter()
                .copied()
                .filter(|v| (v.log10() - v.log10().round()).abs() < 1e-9)
                .collect();
            if decades.len() >= 2 { decades } else { all }
        } else {
            let step = self.linear_step();
            let first = (self.lo / step).ceil() as i64;
            (first..)
                .map(|k| tidy(k as f64 * step))
                .take_while(|v| *v <= self.hi * (1.0 + 1e-12))
                .take(100)
                .collect()
        }
    }

    /// Unlabelled grid lines between the ticks.
    pub fn light_ticks(&self) -> Vec<f64> {
        if self.log {
            let bold = self.ticks();
            one_two_five(self.lo, self.hi)
                .into_iter()
                .filter(|v| !bold.contains(v))
                .collect()
        } else {
            let step = self.linear_step() / 2.0;
            let first = (self.lo / step).ceil() as i64;
            (first..)
                .map(|k| tidy(k as f64 * step))
                .take_while(|v| *v <= self.hi * (1.0 + 1e-12))
                .filter(|v| (v / (2.0 * step)).fract().abs() > 1e-6)
                .take(200)
                .collect()
        }
    }

    /// The round values a readout can stop at, in order: 1, 2, 5 × 10^k on
    /// a log axis, multiples of a tenth of the tick spacing on a linear
    /// one; the axis's end is added when it is not round, so the whole
    /// range stays reachable.
    pub fn stops(&self) -> Vec<f64> {
        let mut out = if self.log {
            one_two_five(self.lo, self.hi)
        } else {
            let step = self.linear_step() / 10.0;
            let first = (self.lo / step).ceil() as i64;
            (first..)
                .map(|k| tidy(k as f64 * step))
                .take_while(|v| *v <= self.hi * (1.0 + 1e-12))
                .take(1_000)
                .collect()
        };
        if out.last().is_none_or(|v| *v < self.hi * (1.0 - 1e-9)) {
            out.push(self.hi);
        }
        out
    }
}

/// A marker label placed on the chart: its text and its box in SVG pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    /// Top-left corner and size of the text's box.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The point it labels.
    pub anchor: (f64, f64),
}

/// A box in SVG pixels: left, top, width, height.
pub type Rect = (f64, f64, f64, f64);

impl Label {
    pub fn rect(&self) -> Rect {
        (self.x, self.y, self.w, self.h)
    }
}

/// Whether two boxes overlap (touching edges do not).
pub fn intersects(a: Rect, b: Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// Whether box `a` lies inside box `b`.
pub fn inside(a: Rect, b: Rect) -> bool {
    a.0 >= b.0 - 1e-9
        && a.1 >= b.1 - 1e-9
        && a.0 + a.2 <= b.0 + b.2 + 1e-9
        && a.1 + a.3 <= b.1 + b.3 + 1e-9
}

/// The box of `text` in the chart's type of `size` (plotters writes
/// `size / 1.24` px), estimated generously: 0.62 em per character.
fn text_size(text: &str, size: f64) -> (f64, f64) {
    let em = size / 1.24;
    (
        text.chars().count() as f64 * em * 0.62 + 6.0,
        em * 1.3 + 2.0,
    )
}

/// Places a label beside each anchor so that no label overlaps another,
/// an obstacle (the legend, the marker circles) or leaves `area` (the plot,
/// so labels never cover the axes). Candidates are tried in order: above
/// right, above left, below right, below left, each shifted up or down by
/// whole label heights; the first free one wins (if none is free, the
/// first candidate, kept inside the area).
pub fn place_labels(
    anchors: &[((f64, f64), String)],
    area: Rect,
    obstacles: &[Rect],
    size: f64,
) -> Vec<Label> {
    const GAP: f64 = 8.0;
    let mut placed: Vec<Label> = Vec::new();
    let keep_inside = |x: f64, y: f64, w: f64, h: f64| {
        (
            x.clamp(area.0 + 2.0, (area.0 + area.2 - w - 2.0).max(area.0 + 2.0)),
            y.clamp(area.1 + 2.0, (area.1 + area.3 - h - 2.0).max(area.1 + 2.0)),
        )
    };
    for ((ax, ay), text) in anchors {
        let (w, h) = text_size(text, size);
        let sides = [
            (ax + GAP, ay - GAP - h),
            (ax - GAP - w, ay - GAP - h),
            (ax + GAP, ay + GAP),
            (ax - GAP - w, ay + GAP),
        ];
        let free = |r: Rect| {
            obstacles.iter().all(|o| !intersects(r, *o))
                && placed.iter().all(|p| !intersects(r, p.rect()))
        };
        let mut choice = None;
        'search: for shift in 0..12 {
            for (x, y) in sides {
                for dir in [-1.0, 1.0] {
                    if shift == 0 && dir > 0.0 {
                        continue;
                    }
                    let (x, y) = keep_inside(x, y + dir * f64::from(shift) * (h + 2.0), w, h);
                    if free((x, y, w, h)) {
                        choice = Some((x, y));
                        break 'search;
                    }
                }
            }
        }
        let (x, y) = choice.unwrap_or_else(|| keep_inside(sides[0].0, sides[0].1, w, h));
        placed.push(Label {
            text: text.clone(),
            x,
            y,
            w,
            h,
            anchor: (*ax, *ay),
        });
    }
    placed
}

/// Where a shown approach's model retires within the volume axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Retirement {
    /// Index of the approach (its colour in [`PALETTE`]).
    pub index: usize,
    pub requests: f64,
    /// Cumulative cost at retirement, USD.
    pub cost: f64,
}

/// The text of a retirement's label.
pub const RETIRES: &str = "retires";

/// A drawn chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// Plotting area in SVG pixels: left, right, top, bottom.
    pub plot: (f64, f64, f64, f64),
    /// Volume axis range.
    pub x_range: (f64, f64),
    pub log_x: bool,
    /// Cost axis.
    pub y_axis: Axis,
    /// Break-even points drawn: (requests, cost, label).
    pub markers: Vec<(f64, f64, String)>,
    /// Retirements drawn (end cap and "retires" label).
    pub retirements: Vec<Retirement>,
    /// Every marker label as placed: the break-evens' first, then the
    /// retirements', in the order of `markers` and `retirements`.
    pub labels: Vec<Label>,
    /// The legend's box.
    pub legend: Rect,
    /// The round volumes the readout stops at, in order.
    pub stops: Vec<f64>,
}

impl Chart {
    /// The volume axis.
    pub fn x_axis(&self) -> Axis {
        Axis {
            lo: self.x_range.0,
            hi: self.x_range.1,
            log: self.log_x,
        }
    }

    /// The volume under horizontal pixel `x`, if `x` is inside the plot.
    pub fn requests_at(&self, x: f64) -> Option<f64> {
        let (left, right, _, _) = self.plot;
        if !(x.is_finite() && right > left && (left..=right).contains(&x)) {
            return None;
        }
        Some(self.x_axis().at_fraction((x - left) / (right - left)))
    }

    /// Horizontal pixel of volume `q` (clamped to the plot).
    pub fn x_of(&self, q: f64) -> f64 {
        let (left, right, _, _) = self.plot;
        left + self.x_axis().fraction(q) * (right - left)
    }

    /// Vertical pixel of cost `c` (clamped to the plot).
    pub fn y_of(&self, c: f64) -> f64 {
        let (_, _, top, bottom) = self.plot;
        bottom - self.y_axis.fraction(c) * (bottom - top)
    }

    /// Index in [`Chart::stops`] of the stop nearest horizontal pixel `x`.
    pub fn stop_near(&self, x: f64) -> usize {
        let mut best = (0, f64::INFINITY);
        for (i, q) in self.stops.iter().enumerate() {
            let d = (self.x_of(*q) - x).abs();
            if d < best.1 {
                best = (i, d);
            }
        }
        best.0
    }

    /// The volume of stop `i` (clamped to the last).
    pub fn stop(&self, i: usize) -> f64 {
        self.stops
            .get(i.min(self.stops.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
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
/// The curve ends where the model retires.
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
        // The same products as the cost model's retraining steps.
        let step = |k: f64| {
            if a.volume_growth == 0.0 {
                k * (n.max(0.1) * monthly_requests)
            } else {
                a.requests_by(k * n.max(0.1), monthly_requests)
            }
        };
        let mut k = 1.0;
        while step(k) <= hi && steps.len() < 2_000 {
            if step(k) >= lo {
                steps.push(step(k));
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
        if end >= lo && end <= hi && qs.last() != Some(&end) {
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

/// The cost axis for curves `series`: from 0 (linear) or from the decade
/// below the cheapest positive cost, at least $0.01 (log), to a little
/// above the dearest.
fn y_axis(series: &[(usize, Vec<(f64, f64)>)], log: bool) -> Axis {
    let costs = || {
        series
            .iter()
            .flat_map(|(_, p)| p.iter().map(|(_, y)| *y))
            .filter(|y| y.is_finite())
    };
    let max = costs().fold(0.0f64, f64::max).max(1.0);
    if log {
        let min = costs().filter(|y| *y > 0.0).fold(f64::INFINITY, f64::min);
        let lo = if min.is_finite() {
            10f64.powf(min.log10().floor()).max(0.01)
        } else {
            0.01
        };
        let hi = (max * 1.5).max(lo * 10.0);
        Axis { lo, hi, log: true }
    } else {
        Axis {
            lo: 0.0,
            hi: max * 1.08,
            log: false,
        }
    }
}

fn y_label(v: f64) -> String {
    if v >= 1.0 || v <= 0.0 {
        format!("${}", number_format::compact(v))
    } else {
        let decimals = (-(v.log10().floor()) as usize).min(8);
        format!("${v:.decimals$}")
    }
}

/// Draws the chart.
pub fn render(req: &ChartRequest) -> Chart {
    render_with(req, &ChartOptions::default())
}

/// Draws the chart with `options`.
pub fn render_with(req: &ChartRequest, options: &ChartOptions) -> Chart {
    let (w, h) = (req.width.clamp(280, 4000), req.height.clamp(200, 3000));
    let range = x_range(req.max_requests, req.log_x);
    let x_axis = Axis {
        lo: range.0,
        hi: range.1,
        log: req.log_x,
    };
    let shown: Vec<usize> = req
        .shown
        .iter()
        .copied()
        .filter(|i| *i < req.approaches.len())
        .collect();
    let series: Vec<(usize, Vec<(f64, f64)>)> = shown
        .iter()
        .map(|i| {
            (
                *i,
                curve_points(&req.approaches[*i], req.monthly_requests, range, req.log_x),
            )
        })
        .collect();
    let y = y_axis(&series, options.log_y);
    // Mark where the cheapest approach changes: the break-evens that matter.
    let segments = cheapest(req.approaches, &shown, req.monthly_requests, range.1);
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
    let retirements: Vec<Retirement> = shown
        .iter()
        .filter_map(|i| {
            let a = &req.approaches[*i];
            let end = a.lifetime_requests(req.monthly_requests)?;
            (end >= range.0 && end <= range.1).then(|| Retirement {
                index: *i,
                requests: end,
                cost: cost_at(a, end, req.monthly_requests),
            })
        })
        .collect();
    let mut chart = Chart {
        svg: String::new(),
        width: w,
        height: h,
        plot: (0.0, f64::from(w), 0.0, f64::from(h)),
        x_range: range,
        log_x: req.log_x,
        y_axis: y,
        markers,
        retirements,
        labels: Vec::new(),
        legend: (0.0, 0.0, 0.0, 0.0),
        stops: x_axis.stops(),
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let _ = draw(&root, x_axis, req, &series, &mut chart);
        let _ = root.present();
    }
    chart.svg = svg;
    chart
}

/// One axis in drawing space: linear from `lo` to `hi`, with the ticks
/// chosen by [`Axis::ticks`] (one coordinate type for every axis scale).
struct Space {
    lo: f64,
    hi: f64,
    bold: Vec<f64>,
    light: Vec<f64>,
}

impl Ranged for Space {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        let f = if span > 0.0 {
            (v - self.lo) / span
        } else {
            0.5
        };
        let f = if f.is_finite() {
            f.clamp(-1.0, 2.0)
        } else {
            0.0
        };
        limit.0 + (f64::from(limit.1 - limit.0) * f).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            self.light.clone()
        } else {
            self.bold.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

type Root<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// The chart's font at `size` pixels. Named by [`FontFamily`]: plotters
/// lowercases a family given as a `&str`, which would ship the Unicode case
/// tables; one out-of-line constructor keeps the call sites small.
#[inline(never)]
fn sans(size: i32) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, f64::from(size), FontStyle::Normal)
}

fn draw(
    root: &Root<'_>,
    xa: Axis,
    req: &ChartRequest,
    series: &[(usize, Vec<(f64, f64)>)],
    out: &mut Chart,
) -> Option<()> {
    let ya = out.y_axis;
    let text = RGBColor(0x4f, 0x58, 0x69);
    let ink = RGBColor(0x1b, 0x1f, 0x27);
    let grid = RGBColor(0xd4, 0xd9, 0xe2);
    // Smaller type on narrow charts, so the legend leaves room for the lines.
    let (small, large) = if req.width < 600 { (12, 13) } else { (16, 17) };
    let t_all = |a: Axis, v: Vec<f64>| v.into_iter().map(|v| a.t(v)).collect::<Vec<f64>>();
    let space = |a: Axis| Space {
        lo: a.t(a.lo),
        hi: a.t(a.hi),
        bold: t_all(a, a.ticks()),
        light: t_all(a, a.light_ticks()),
    };
    let (x_coord, y_coord) = (space(xa), space(ya));
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(72)
        .build_cartesian_2d(x_coord, y_coord)
        .ok()?;
    chart
        .configure_mesh()
        .light_line_style(grid.mix(0.35))
        .bold_line_style(grid.mix(0.8))
        .axis_style(text)
        .label_style(sans(small).color(&text))
        .axis_desc_style(sans(large).color(&text))
        .x_desc("Requests served (cumulative)")
        .y_desc(if ya.log {
            "Cumulative cost (USD, log scale)"
        } else {
            "Cumulative cost (USD)"
        })
        .x_label_formatter(&|t| number_format::compact(xa.value(*t)))
        .y_label_formatter(&|t| y_label(ya.value(*t)))
        .draw()
        .ok()?;
    for (i, points) in series {
        // Colour by approach, so each keeps its colour when others are hidden.
        let c = colour(*i);
        chart
            .draw_series(LineSeries::new(
                points.iter().map(|(q, y)| (xa.t(*q), ya.t(*y))),
                c.stroke_width(3),
            ))
            .ok()?;
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    out.plot = (
        f64::from(xr.start),
        f64::from(xr.end),
        f64::from(yr.start),
        f64::from(yr.end),
    );
    let (left, right, top, bottom) = out.plot;
    let area: Rect = (left, top, right - left, bottom - top);
    let px = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);

    // The legend, drawn here so its box is known to the label placement.
    let em = f64::from(small) / 1.24;
    let row = em * 1.3 + 4.0;
    let names: Vec<&str> = series
        .iter()
        .map(|(i, _)| req.approaches[*i].name.as_str())
        .collect();
    let widest = names
        .iter()
        .map(|n| text_size(n, f64::from(small)).0)
        .fold(0.0, f64::max);
    let legend: Rect = if names.is_empty() {
        (left, top, 0.0, 0.0)
    } else {
        (
            left + 8.0,
            top + 8.0,
            (40.0 + widest + 6.0).min(right - left - 16.0),
            names.len() as f64 * row + 8.0,
        )
    };
    out.legend = legend;
    if !names.is_empty() {
        let (lx, ly, lw, lh) = legend;
        root.draw(&Rectangle::new(
            [px((lx, ly)), px((lx + lw, ly + lh))],
            WHITE.mix(0.85).filled(),
        ))
        .ok()?;
        root.draw(&Rectangle::new(
            [px((lx, ly)), px((lx + lw, ly + lh))],
            grid.stroke_width(1),
        ))
        .ok()?;
        for (k, ((i, _), name)) in series.iter().zip(&names).enumerate() {
            let y = ly + 4.0 + k as f64 * row + row / 2.0;
            root.draw(&PathElement::new(
                vec![px((lx + 8.0, y)), px((lx + 30.0, y))],
                colour(*i).stroke_width(3),
            ))
            .ok()?;
            root.draw(&Text::new(
                (*name).to_string(),
                px((lx + 38.0, y - em * 0.6)),
                sans(small).color(&ink),
            ))
            .ok()?;
        }
    }

    // Markers: break-evens (circles) and retirements (end caps).
    let to_px = |q: f64, c: f64| {
        (
            left + xa.fraction(q) * (right - left),
            bottom - ya.fraction(c) * (bottom - top),
        )
    };
    let mut anchors = Vec::new();
    let mut obstacles = vec![legend];
    for (q, c, label) in &out.markers {
        let p = to_px(*q, *c);
        anchors.push((p, label.clone()));
        obstacles.push((p.0 - 8.0, p.1 - 8.0, 16.0, 16.0));
    }
    for r in &out.retirements {
        let p = to_px(r.requests, r.cost);
        anchors.push((p, RETIRES.to_string()));
        obstacles.push((p.0 - 4.0, p.1 - 10.0, 8.0, 20.0));
    }
    out.labels = place_labels(&anchors, area, &obstacles, f64::from(small));
    for (q, c, _) in &out.markers {
        root.draw(&Circle::new(px(to_px(*q, *c)), 6, ink.stroke_width(2)))
            .ok()?;
    }
    for r in &out.retirements {
        let (x, y) = to_px(r.requests, r.cost);
        root.draw(&PathElement::new(
            vec![px((x, y - 9.0)), px((x, y + 9.0))],
            colour(r.index).stroke_width(4),
        ))
        .ok()?;
    }
    let retired_colours: Vec<Option<RGBColor>> = out
        .markers
        .iter()
        .map(|_| None)
        .chain(out.retirements.iter().map(|r| Some(colour(r.index))))
        .collect();
    for (label, underline) in out.labels.iter().zip(retired_colours) {
        let (ax, ay) = label.anchor;
        // A leader line when the label had to move away from its point.
        let nx = ax.clamp(label.x, label.x + label.w);
        let ny = ay.clamp(label.y, label.y + label.h);
        if (nx - ax).hypot(ny - ay) > 14.0 {
            root.draw(&PathElement::new(
                vec![px((ax, ay)), px((nx, ny))],
                text.stroke_width(1),
            ))
            .ok()?;
        }
        root.draw(&Text::new(
            label.text.clone(),
            px((label.x + 3.0, label.y + 1.0)),
            sans(small).color(&ink),
        ))
        .ok()?;
        if let Some(c) = underline {
            let y = label.y + label.h;
            root.draw(&PathElement::new(
                vec![px((label.x + 3.0, y)), px((label.x + label.w - 3.0, y))],
                c.stroke_width(2),
            ))
            .ok()?;
        }
    }
    Some(())
}

/// One approach's line in the readout at a volume.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadoutRow {
    /// Index of the approach in the scenario (its colour in [`PALETTE`]).
    pub index: usize,
    pub name: String,
    /// Cumulative cost at the volume, USD; `None` once the approach's
    /// model has retired before that volume (its cost is then not
    /// comparable, and neither the readout nor the CSV shows one).
    pub cost: Option<f64>,
}

impl ReadoutRow {
    /// Whether the model has retired by the readout's volume.
    pub fn retired(&self) -> bool {
        self.cost.is_none()
    }
}

/// The figures at one volume, for the readout on screen and for every row
/// of the CSV export (one function, so both always agree).
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    pub requests: f64,
    /// Months that volume takes at the monthly volume (0 without volume).
    pub months: f64,
    /// One row per shown approach, in the order given.
    pub rows: Vec<ReadoutRow>,
}

impl Readout {
    /// The rows cheapest first, retired ones last.
    pub fn ranked(mut self) -> Readout {
        self.rows.sort_by(|a, b| {
            a.retired().cmp(&b.retired()).then(
                a.cost
                    .unwrap_or(f64::INFINITY)
                    .total_cmp(&b.cost.unwrap_or(f64::INFINITY)),
            )
        });
        self
    }
}

/// The readout at `requests`: each of `shown` (indices into `approaches`,
/// with lifetimes resolved, as [`Scenario::resolved`] gives them), its
/// cumulative cost, or none once its model has retired
/// ([`ApproachCost::lifetime_requests`]).
pub fn readout(
    approaches: &[ApproachCost],
    shown: &[usize],
    monthly_requests: f64,
    requests: f64,
) -> Readout {
    let v = monthly_requests;
    let months = if v > 0.0 && v.is_finite() {
        match approaches.first() {
            Some(a) if a.volume_growth != 0.0 => a.months_at(requests, v).unwrap_or(f64::INFINITY),
            _ => requests / v,
        }
    } else {
        0.0
    };
    let rows = shown
        .iter()
        .filter(|i| **i < approaches.len())
        .map(|i| {
            let a = &approaches[*i];
            let retired = a.lifetime_requests(v).is_some_and(|end| requests > end);
            ReadoutRow {
                index: *i,
                name: a.name.clone(),
                cost: (!retired).then(|| cost_at(a, requests, v)),
            }
        })
        .collect();
    Readout {
        requests,
        months,
        rows,
    }
}

/// [`readout`] for every compared approach of `scenario` (`resolved` =
/// `scenario.resolved()`), ranked.
pub fn readout_at(scenario: &Scenario, resolved: &[ApproachCost], requests: f64) -> Readout {
    readout(
        resolved,
        &scenario.compared(),
        scenario.monthly_requests,
        requests,
    )
    .ranked()
}

/// What an export states about how it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportInfo<'a> {
    /// The day the export is made, ISO (passed in: the core never reads
    /// the clock).
    pub today: &'a str,
    /// Planned start, ISO.
    pub start: &'a str,
    pub monthly_requests: f64,
    /// Monthly growth of the volume (0.05 = 5 %).
    pub growth: f64,
    pub horizon_months: f64,
    pub log_x: bool,
    pub log_y: bool,
}

/// ", growing 5.0 % a month" (or shrinking), or "" without growth.
pub fn growth_words(growth: f64) -> String {
    let g = crate::core::costs::volume_growth::clean_growth(growth);
    if g == 0.0 {
        String::new()
    } else {
        let pct = g.abs() * 100.0;
        let decimals = if pct < 0.1 { 3 } else { 1 };
        format!(
            " at the start, {} {pct:.decimals$} % a month",
            if g < 0.0 { "shrinking" } else { "growing" },
        )
    }
}

/// The assumptions behind a chart, one sentence a line: the date, volume,
/// horizon, start and axes, then each shown approach's per-request,
/// one-off and monthly figures and its retirement.
pub fn assumptions(approaches: &[ApproachCost], shown: &[usize], info: &ExportInfo) -> Vec<String> {
    let scale = |log: bool| if log { "logarithmic" } else { "linear" };
    let v = info.monthly_requests;
    let mut lines = vec![format!(
        "Made on {} · {} requests a month{} over {} from {} ({} requests) · {} volume axis · {} cost axis",
        info.today,
        number_format::count(v),
        growth_words(info.growth),
        number_format::months(info.horizon_months),
        info.start,
        number_format::count(crate::core::costs::volume_growth::requests_by(
            v,
            info.growth,
            info.horizon_months
        )),
        scale(info.log_x),
        scale(info.log_y),
    )];
    for i in shown.iter().filter(|i| **i < approaches.len()) {
        let a = &approaches[*i];
        let mut line = format!(
            "{}: {} per request · {} one-off · {} a month fixed",
            a.name,
            number_format::usd(a.per_request()),
            number_format::usd(a.one_off()),
            number_format::usd(a.monthly_fixed()),
        );
        if let Some(n) = a.retrain_period() {
            line.push_str(&format!(" · retrained every {}", number_format::months(n)));
        }
        if let (Some(m), Some(q)) = (a.lifetime_months, a.lifetime_requests(v)) {
            line.push_str(&format!(
                " · retires with its base model after {} ({} requests)",
                number_format::months(m),
                number_format::count(q)
            ));
        }
        lines.push(line);
    }
    lines
}

/// `text` wrapped at spaces into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// The chart as a standalone SVG to download: [`EXPORT_TITLE`] above it,
/// the `assumptions` as a caption below (wrapped to the width), and both in
/// the SVG's `<title>` and `<desc>`. Returns the SVG and its size.
pub fn export_svg(chart: &Chart, assumptions: &[String]) -> (String, u32, u32) {
    const TOP: u32 = 36;
    const LINE: u32 = 17;
    let w = chart.width;
    let chars = ((f64::from(w) - 24.0) / (12.0 * 0.55)).max(20.0) as usize;
    let lines: Vec<String> = assumptions.iter().flat_map(|l| wrap(l, chars)).collect();
    let h = TOP + chart.height + 8 + LINE * lines.len() as u32 + 8;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n\
         <title>{}</title>\n<desc>{}</desc>\n\
         <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n\
         <text x=\"12\" y=\"24\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\" fill=\"#1B1F27\">{}</text>\n\
         <g transform=\"translate(0,{TOP})\">\n",
        html_rows::escape(EXPORT_TITLE),
        html_rows::escape(&assumptions.join("\n")),
        html_rows::escape(EXPORT_TITLE),
    );
    svg.push_str(&chart.svg);
    svg.push_str("\n</g>\n");
    for (k, line) in lines.iter().enumerate() {
        svg.push_str(&format!(
            "<text x=\"12\" y=\"{}\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#1B1F27\">{}</text>\n",
            TOP + chart.height + 8 + LINE * (k as u32 + 1) - 4,
            html_rows::escape(line)
        ));
    }
    svg.push_str("</svg>\n");
    (svg, w, h)
}

/// A comment line of the CSV: `# ` and the text with commas, quotes and
/// line breaks removed, so a CSV reader that does not skip comments still
/// sees one cell, which starts with `#` and so is never read as a formula.
fn comment(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '"'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("# {clean}\n")
}

/// The volumes the CSV has rows for: 51, evenly spaced (geometrically on a
/// log axis) from one end of the volume axis to the other.
pub fn csv_volumes(max_requests: f64, log_x: bool) -> Vec<f64> {
    const ROWS: usize = 50;
    let a = {
        let (lo, hi) = x_range(max_requests, log_x);
        Axis { lo, hi, log: log_x }
    };
    (0..=ROWS)
        .map(|r| a.at_fraction(r as f64 / ROWS as f64))
        .collect()
}

/// The chart's numbers as CSV.
///
/// Format: first comment lines, each starting with `#` (skip them: the
/// title, the date and the assumptions, as [`assumptions`]); then a header
/// `requests,months,<approach>…` and one row per volume of
/// [`csv_volumes`]: the volume, the months it takes, and each shown
/// approach's cumulative USD as the readout gives it ([`readout`]), empty
/// once that approach's model has retired.
pub fn csv(
    approaches: &[ApproachCost],
    shown: &[usize],
    max_requests: f64,
    info: &ExportInfo,
) -> String {
    let shown: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|i| *i < approaches.len())
        .collect();
    let mut out = comment(EXPORT_TITLE);
    out.push_str(&comment(&format!("date: {}", info.today)));
    for line in assumptions(approaches, &shown, info) {
        out.push_str(&comment(&line));
    }
    out.push_str(&comment(
        "lines starting with # are comments · an empty cell: the model has retired by that volume",
    ));
    out.push_str("requests,months");
    for i in &shown {
        out.push(',');
        out.push_str(&crate::core::csv::field(&approaches[*i].name));
    }
    out.push('\n');
    for q in csv_volumes(max_requests, info.log_x) {
        let r = readout(approaches, &shown, info.monthly_requests, q);
        out.push_str(&format!("{q:.0},{:.3}", r.months));
        for row in r.rows {
            out.push(',');
            if let Some(c) = row.cost {
                out.push_str(&format!("{c:.2}"));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::approach_cost::ApproachKind;
    use crate::core::costs::scenario::default_scenario_for;
    use proptest::prelude::*;

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

    fn info(log_x: bool) -> ExportInfo<'static> {
        ExportInfo {
            today: "2026-12-01",
            start: "2026-12-01",
            monthly_requests: 10_000.0,
            growth: 0.0,
            horizon_months: 12.0,
            log_x,
            log_y: false,
        }
    }

    #[test]
    fn draws_both_curves_a_legend_and_the_break_even() {
        let approaches = pair();
        for log_x in [false, true] {
            for log_y in [false, true] {
                let chart = render_with(&request(&approaches, log_x), &ChartOptions { log_y });
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
                assert_eq!(chart.svg.contains("log scale"), log_y);
                assert_eq!(chart.markers.len(), 1);
                assert_eq!(chart.labels.len(), 1);
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
        let (svg, _, _) = export_svg(&chart, &assumptions(&approaches, &[0, 1], &info(false)));
        assert!(!svg.contains("<img"));
    }

    #[test]
    fn degenerate_inputs_still_draw() {
        let approaches = pair();
        let mut r = request(&approaches, true);
        r.max_requests = f64::NAN;
        r.monthly_requests = 0.0;
        for log_y in [false, true] {
            let chart = render_with(&r, &ChartOptions { log_y });
            assert!(chart.svg.contains("<svg") && !chart.svg.contains("NaN"));
        }
        r.shown = &[];
        assert!(render(&r).svg.contains("<svg"));
        assert!(
            render_with(&r, &ChartOptions { log_y: true })
                .svg
                .contains("<svg")
        );
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
    fn ticks_and_stops_are_round() {
        let lin = Axis {
            lo: 0.0,
            hi: 4_800_000.0,
            log: false,
        };
        assert_eq!(
            lin.ticks(),
            vec![0.0, 1e6, 2e6, 3e6, 4e6],
            "a round step, 4 to 8 ticks"
        );
        let stops = lin.stops();
        assert_eq!(stops[1], 100_000.0);
        assert_eq!(*stops.last().unwrap(), 4_800_000.0);
        assert!(
            stops
                .windows(2)
                .all(|w| (w[1] - w[0] - 100_000.0).abs() < 1e-6)
        );
        let log = Axis {
            lo: 480.0,
            hi: 4_800_000.0,
            log: true,
        };
        assert_eq!(log.ticks(), vec![1e3, 1e4, 1e5, 1e6]);
        let stops = log.stops();
        assert_eq!(&stops[..4], &[500.0, 1000.0, 2000.0, 5000.0]);
        assert_eq!(
            *stops.last().unwrap(),
            4_800_000.0,
            "the end stays reachable"
        );
        // Even steps on the log axis: each ratio is 2 or 2.5 (the last aside).
        assert!(
            stops[..stops.len() - 1]
                .windows(2)
                .all(|w| [2.0, 2.5].iter().any(|r| (w[1] / w[0] - r).abs() < 1e-9))
        );
    }

    #[test]
    fn the_probe_snaps_to_the_nearest_stop() {
        let approaches = pair();
        let chart = render(&request(&approaches, false));
        let i = chart.stop_near(chart.x_of(50_600.0));
        assert_eq!(chart.stop(i), 50_000.0);
        assert_eq!(chart.stop(10_000), *chart.stops.last().unwrap());
    }

    #[test]
    fn labels_avoid_each_other_the_obstacles_and_the_edges() {
        let area = (84.0, 12.0, 700.0, 400.0);
        // Crowded anchors: on top of one another, in the corners, on the legend.
        let anchors: Vec<((f64, f64), String)> = vec![
            ((84.0, 412.0), "50,000".into()),
            ((86.0, 410.0), "retires".into()),
            ((90.0, 408.0), "1,200,000".into()),
            ((784.0, 12.0), "retires".into()),
            ((784.0, 13.0), "9,999,999".into()),
            ((120.0, 40.0), "70,000".into()),
        ];
        let legend = (92.0, 20.0, 200.0, 80.0);
        let labels = place_labels(&anchors, area, &[legend], 16.0);
        assert_eq!(labels.len(), anchors.len());
        for (k, a) in labels.iter().enumerate() {
            assert!(inside(a.rect(), area), "{a:?} leaves the plot");
            assert!(!intersects(a.rect(), legend), "{a:?} covers the legend");
            for b in &labels[k + 1..] {
                assert!(!intersects(a.rect(), b.rect()), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn the_default_chart_marks_the_retirement_and_keeps_labels_apart() {
        let s = default_scenario_for(
            "2026-12-01",
            crate::core::costs::prices::OrgStanding::Active,
        );
        let r = s.resolved();
        let shown = s.compared();
        for (log_x, log_y, width) in [
            (false, false, 1000),
            (true, true, 1000),
            (false, false, 300),
        ] {
            let chart = render_with(
                &ChartRequest {
                    approaches: &r,
                    shown: &shown,
                    monthly_requests: s.monthly_requests,
                    max_requests: s.max_requests(),
                    log_x,
                    width,
                    height: 460,
                },
                &ChartOptions { log_y },
            );
            assert!(
                !chart.retirements.is_empty(),
                "the OpenAI fine-tune retires"
            );
            assert_eq!(
                chart.labels.len(),
                chart.markers.len() + chart.retirements.len()
            );
            assert!(chart.svg.contains(RETIRES));
            let (l, rt, t, b) = chart.plot;
            for (k, a) in chart.labels.iter().enumerate() {
                assert!(inside(a.rect(), (l, t, rt - l, b - t)), "{a:?}");
                assert!(!intersects(a.rect(), chart.legend), "{a:?}");
                for o in &chart.labels[k + 1..] {
                    assert!(!intersects(a.rect(), o.rect()), "{a:?} {o:?}");
                }
            }
        }
    }

    #[test]
    fn the_readout_sorts_cheapest_first_and_retired_last() {
        let s = default_scenario_for(
            "2026-12-01",
            crate::core::costs::prices::OrgStanding::Active,
        );
        let r = s.resolved();
        let out = readout_at(&s, &r, 3.0 * s.monthly_requests);
        assert!((out.months - 3.0).abs() < 1e-12);
        assert_eq!(out.rows.len(), s.compared().len());
        let live: Vec<f64> = out.rows.iter().filter_map(|x| x.cost).collect();
        assert!(live.windows(2).all(|w| w[0] <= w[1]));
        let first_retired = out
            .rows
            .iter()
            .position(ReadoutRow::retired)
            .unwrap_or(out.rows.len());
        assert!(
            out.rows[first_retired..].iter().all(ReadoutRow::retired),
            "retired ones last"
        );
        assert!(
            out.rows.iter().any(ReadoutRow::retired),
            "the OpenAI fine-tune retires in 2027-01"
        );
    }

    fn data_lines(text: &str) -> Vec<&str> {
        text.lines().filter(|l| !l.starts_with('#')).collect()
    }

    #[test]
    fn csv_has_comments_a_header_and_quoted_names() {
        let approaches = pair();
        let text = csv(&approaches, &[0, 1], 100_000.0, &info(false));
        assert!(text.starts_with("# tunewise — cumulative cost by volume\n# date: 2026-12-01\n"));
        assert!(
            text.contains("# Made on 2026-12-01 · 10000 requests a month"),
            "{text}"
        );
        assert!(
            text.contains("# Fine-tuned \'v2\'") || text.contains("# Fine-tuned v2:"),
            "{text}"
        );
        let comments: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
        assert!(
            comments
                .iter()
                .all(|l| !l.contains(',') && !l.contains('"'))
        );
        let lines = data_lines(&text);
        assert_eq!(
            lines[0],
            "requests,months,Prompt engineering,\"Fine-tuned, \"\"v2\"\"\""
        );
        assert_eq!(lines[1], "0,0.000,0.00,500.00");
        assert_eq!(lines.len(), 52);
        let mut named = pair();
        named[1].name = "=cmd()".into();
        let text = csv(&named, &[0, 1], 100_000.0, &info(false));
        assert!(
            data_lines(&text)[0] == "requests,months,Prompt engineering,'=cmd()",
            "{text}"
        );
    }

    #[test]
    fn csv_adds_no_cost_after_retirement() {
        let mut approaches = pair();
        approaches[1].lifetime_months = Some(1.4);
        let text = csv(&approaches, &[0, 1], 240_000.0, &info(false));
        let last = *data_lines(&text).last().unwrap();
        assert!(
            last.starts_with("240000,24.000,") && last.ends_with(','),
            "{last}"
        );
        assert!(text.contains("retires with its base model after 1.4 months (14000 requests)"));
    }

    #[test]
    fn the_export_svg_carries_title_date_and_assumptions() {
        let approaches = pair();
        let chart = render(&request(&approaches, false));
        let lines = assumptions(&approaches, &[0, 1], &info(false));
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("Prompt engineering: $0.0200 per request · $0.00 one-off"));
        let (svg, w, h) = export_svg(&chart, &lines);
        assert_eq!(w, 800);
        assert!(h > 480 + 36 + 3 * 17);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("<title>tunewise — cumulative cost by volume</title>"));
        assert!(svg.contains("Made on 2026-12-01"));
        assert!(svg.contains(&chart.svg), "the chart itself, unchanged");
        // The title and at least one line per assumption (long ones wrap).
        assert!(svg.matches("<text").count() - chart.svg.matches("<text").count() > 3);
    }

    fn retired_scenario() -> impl Strategy<Value = (f64, f64, Option<f64>, u64, bool)> {
        (
            1.0f64..1e6,
            1.0f64..60.0,
            proptest::option::of(0.0f64..30.0),
            0u64..1_000_000,
            any::<bool>(),
        )
    }

    proptest! {
        /// Every CSV row equals the readout at its volume, cell by cell:
        /// the same cost to the cent, empty exactly where the readout
        /// says "retired".
        #[test]
        fn csv_rows_are_the_readout(
            (monthly, horizon, lifetime, seed, log_x) in retired_scenario()
        ) {
            let mut s = default_scenario_for("2026-12-01", crate::core::costs::prices::OrgStanding::Active);
            s.monthly_requests = monthly;
            s.horizon_months = horizon;
            let mut r = s.resolved();
            let k = (seed % r.len() as u64) as usize;
            r[k].lifetime_months = lifetime;
            let shown = s.compared();
            let mut i = info(log_x);
            i.monthly_requests = monthly;
            i.horizon_months = horizon;
            let text = csv(&r, &shown, s.max_requests(), &i);
            let volumes = csv_volumes(s.max_requests(), log_x);
            let rows: Vec<&str> = data_lines(&text)[1..].to_vec();
            prop_assert_eq!(rows.len(), volumes.len());
            for (line, q) in rows.iter().zip(volumes) {
                let out = readout(&r, &shown, monthly, q);
                let cells: Vec<&str> = line.split(',').collect();
                prop_assert_eq!(cells.len(), 2 + shown.len());
                prop_assert_eq!(cells[0], format!("{q:.0}"));
                for (cell, row) in cells[2..].iter().zip(&out.rows) {
                    match row.cost {
                        None => prop_assert_eq!(*cell, ""),
                        Some(c) => {
                            let v: f64 = cell.parse().unwrap();
                            prop_assert!((v - c).abs() <= 0.005 + c * 1e-12, "{} vs {}", v, c);
                        }
                    }
                }
            }
        }
    }
}
