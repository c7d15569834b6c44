//! The run chart: the training curve and the monitored (validation) curve
//! on the step (or epoch) axis, the best check marked with a circle, a
//! vertical line where early stopping would have stopped, drawn by
//! plotters into an SVG string; with a text alternative that says the
//! same.
//!
//! Drawing keeps at most [`MAX_DRAWN`] points per curve (evenly spaced by
//! index, the first and last always kept); the rule always sees every
//! point.
//!
//! Architecture invariant: pure (plotters' SVG backend writes to a
//! string), no UI imports; no input panics.

use plotters::prelude::*;

use crate::core::html_rows::escape;
use crate::core::training::early_stopping::Verdict;
use crate::core::training::run_log::{Point, RunLog, show_value, show_x};

/// Most points drawn per curve.
pub const MAX_DRAWN: usize = 600;

/// The training curve's colour (Okabe–Ito blue).
const TRAIN: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// The validation curve's colour (Okabe–Ito vermillion).
const VALID: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// The stop line's colour (Okabe–Ito reddish purple).
const STOP: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

/// At most `max` of `points` (finite values only), evenly spaced by
/// index, first and last kept.
pub fn thin(points: &[Point], max: usize) -> Vec<(f64, f64)> {
    let finite: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.value.is_finite())
        .map(|p| (p.step, p.value))
        .collect();
    let max = max.max(2);
    if finite.len() <= max {
        return finite;
    }
    let last = finite.len() - 1;
    // In u64: on wasm32, i × last overflows usize past 7 million points.
    let (last, span) = (last as u64, (max - 1) as u64);
    (0..max as u64)
        .map(|i| finite[(i * last / span) as usize])
        .collect()
}

/// The chart's text alternative: what is drawn, the best and the stop.
pub fn summary(log: &RunLog, training: Option<&str>, v: &Verdict) -> String {
    let mut s = match training {
        Some(t) => format!(
            "{t} and {} by {}.",
            v.column,
            log.x_name().to_ascii_lowercase()
        ),
        None => format!("{} by {}.", v.column, log.x_name().to_ascii_lowercase()),
    };
    if let Some(b) = v.outcome.best {
        s.push_str(&format!(
            " Best {}: {} at {}.",
            v.column,
            show_value(b.value),
            log.place(&b)
        ));
    }
    match &v.outcome.stop {
        Some((p, _)) => s.push_str(&format!(" Early stopping at {}.", log.place(p))),
        None => s.push_str(" Early stopping would not have stopped it."),
    }
    s
}

/// The chart as a `<figure role="img">` with its `aria-label` and a
/// visible caption (escaped HTML), `width × height` pixels.
pub fn chart_html(log: &RunLog, v: &Verdict, width: u32, height: u32) -> String {
    let train = log
        .training_counterpart(&v.column)
        .filter(|c| c.name != v.column);
    let monitored = log.column(&v.column);
    let t_pts = train
        .map(|c| thin(&c.points, MAX_DRAWN))
        .unwrap_or_default();
    let v_pts = monitored
        .map(|c| thin(&c.points, MAX_DRAWN))
        .unwrap_or_default();
    let summary = summary(log, train.map(|c| c.name.as_str()), v);
    let svg = draw(
        log,
        v,
        (train.map(|c| c.name.as_str()), &t_pts),
        &v_pts,
        width,
        height,
    );
    let alt = escape(&summary);
    format!(
        "<figure class=\"run-chart\"><div class=\"chart\" role=\"img\" aria-label=\"{alt}\">{svg}</div><figcaption>{alt}</figcaption></figure>"
    )
}

fn draw(
    log: &RunLog,
    v: &Verdict,
    train: (Option<&str>, &[(f64, f64)]),
    valid: &[(f64, f64)],
    width: u32,
    height: u32,
) -> String {
    let (w, h) = (width.clamp(200, 2000), height.clamp(150, 1500));
    let all = || train.1.iter().chain(valid.iter());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in all() {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    if !(x0.is_finite() && x1.is_finite() && y0.is_finite() && y1.is_finite()) || x0 > x1 {
        (x0, x1, y0, y1) = (0.0, 1.0, 0.0, 1.0);
    }
    // The axis spans the whole run and the stop, even past the last
    // finite value (a run that ends in NaN).
    if let Some((p, _)) = &v.outcome.stop
        && p.step.is_finite()
    {
        x1 = x1.max(p.step);
    }
    if log.last_step.is_finite() && log.last_step > x0 {
        x1 = x1.max(log.last_step);
    }
    if x1 - x0 <= 0.0 {
        x1 = x0 + 1.0;
    }
    let pad = ((y1 - y0) * 0.08).max(1e-9);
    let (y0, y1) = (y0 - pad, y1 + pad);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let _ = draw_on(&root, log, v, train, valid, (x0, x1, y0, y1));
        let _ = root.present();
    }
    svg
}

fn draw_on(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    log: &RunLog,
    v: &Verdict,
    train: (Option<&str>, &[(f64, f64)]),
    valid: &[(f64, f64)],
    (x0, x1, y0, y1): (f64, f64, f64, f64),
) -> Option<()> {
    let text = RGBColor(0x4f, 0x58, 0x69);
    let grid = RGBColor(0xd4, 0xd9, 0xe2);
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(x0..x1, y0..y1)
        .ok()?;
    chart
        .configure_mesh()
        .light_line_style(grid.mix(0.35))
        .bold_line_style(grid.mix(0.8))
        .axis_style(text)
        .label_style((FontFamily::SansSerif, 13).into_font().color(&text))
        .axis_desc_style((FontFamily::SansSerif, 14).into_font().color(&text))
        .x_desc(log.x_name())
        .y_desc("Value")
        .x_label_formatter(&|x| show_x(*x))
        .y_label_formatter(&|y| show_value(*y))
        .draw()
        .ok()?;
    if let Some((p, _)) = &v.outcome.stop {
        chart
            .draw_series(LineSeries::new(
                [(p.step, y0), (p.step, y1)],
                STOP.stroke_width(2),
            ))
            .ok()?
            .label(format!("Stop: {}", log.place(p)))
            .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], STOP.stroke_width(2)));
    }
    if let Some(name) = train.0 {
        chart
            .draw_series(LineSeries::new(
                train.1.iter().copied(),
                TRAIN.stroke_width(2),
            ))
            .ok()?
            .label(name)
            .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], TRAIN.stroke_width(2)));
    }
    chart
        .draw_series(LineSeries::new(
            valid.iter().copied(),
            VALID.stroke_width(3),
        ))
        .ok()?
        .label(v.column.as_str())
        .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], VALID.stroke_width(3)));
    chart
        .draw_series(valid.iter().map(|&p| Circle::new(p, 3, VALID.filled())))
        .ok()?;
    if let Some(b) = v.outcome.best.filter(|b| b.value.is_finite()) {
        chart
            .draw_series([Circle::new((b.step, b.value), 7, VALID.stroke_width(3))])
            .ok()?
            .label(format!("Best: {}", log.place(&b)))
            .legend(|(x, y)| Circle::new((x + 10, y), 5, VALID.stroke_width(2)));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperMiddle)
        .background_style(WHITE.mix(0.85))
        .border_style(grid)
        .label_font((FontFamily::SansSerif, 13).into_font().color(&text))
        .draw()
        .ok()?;
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::training::early_stopping::{StoppingSettings, judge};
    use crate::core::training::example_runs::ExampleRun;
    use crate::core::training::log_reader::read_log;

    #[test]
    fn draws_both_curves_the_best_and_the_stop_with_a_text_alternative() {
        let log = read_log(ExampleRun::Overfits.text().as_bytes()).unwrap();
        let v = judge(&log, &StoppingSettings::default()).unwrap();
        let html = chart_html(&log, &v, 720, 360);
        assert!(html.starts_with("<figure"));
        assert!(html.contains("role=\"img\""));
        assert!(html.contains("<svg"));
        assert!(html.contains("Step"));
        assert!(html.contains("train_loss and val_loss by step. Best val_loss: 0.412 at epoch 4 (step 240). Early stopping at epoch 7 (step 420)."));
        assert!(
            html.contains("#CC79A7")
                || html.contains("#cc79a7")
                || html.contains("rgb(204,121,167)")
                || html.contains("204")
        );
    }

    #[test]
    fn thinning_keeps_the_ends_and_at_most_max() {
        let pts: Vec<Point> = (0..10_000)
            .map(|i| Point {
                step: i as f64,
                epoch: None,
                value: (i as f64).sin(),
            })
            .collect();
        let t = thin(&pts, 600);
        assert_eq!(t.len(), 600);
        assert_eq!(t[0].0, 0.0);
        assert_eq!(t[599].0, 9999.0);
    }
}
