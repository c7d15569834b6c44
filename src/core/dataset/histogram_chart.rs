//! The tokens-per-example histogram as an SVG string (plotters), with the
//! per-example limit drawn as a line when it falls inside the chart.
//!
//! Architecture invariant: pure, no UI imports; any bins give valid SVG.

use plotters::prelude::*;

use crate::core::dataset::stats::Bin;
use crate::core::number_format;

/// The histogram twice, for wide screens and for phones (a 720-pixel chart
/// scaled to a 360-pixel screen would shrink its text below 6 px), each in
/// a `div` the stylesheet shows at its width: `chart-wide`, `chart-narrow`.
pub fn render_both(bins: &[Bin], limit: Option<usize>) -> String {
    format!(
        "<div class=\"chart-wide\">{}</div><div class=\"chart-narrow\">{}</div>",
        render(bins, limit, 720, 260),
        render(bins, limit, 320, 240)
    )
}

/// What the caption says about the per-example limit: the line is drawn
/// only when the limit falls inside the chart, so the caption says where
/// the limit is otherwise. `None` without a limit or bars.
pub fn limit_note(bins: &[Bin], limit: Option<usize>) -> Option<String> {
    let (limit, first, last) = (limit? as u64, bins.first()?, bins.last()?);
    let tokens = number_format::counted(limit as usize, "token", "tokens");
    Some(if limit < first.from {
        format!("every example is over the limit of {tokens}")
    } else if limit >= last.to {
        format!("every example is within the limit of {tokens}")
    } else {
        format!("the line marks the limit of {tokens}")
    })
}

/// Renders the histogram at `width` × `height` pixels.
pub fn render(bins: &[Bin], limit: Option<usize>, width: u32, height: u32) -> String {
    let (w, h) = (width.clamp(280, 2000), height.clamp(160, 1200));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let _ = draw(&root, bins, limit, w);
        let _ = root.present();
    }
    svg
}

fn draw(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    bins: &[Bin],
    limit: Option<usize>,
    width: u32,
) -> Option<()> {
    let (Some(first), Some(last)) = (bins.first(), bins.last()) else {
        return Some(());
    };
    let text = RGBColor(0x4f, 0x58, 0x69);
    let grid = RGBColor(0xd4, 0xd9, 0xe2);
    let bar = RGBColor(0x30, 0x56, 0xd3);
    let over = RGBColor(0xc2, 0x41, 0x0c);
    let small = if width < 600 { 12 } else { 14 };
    let y_max = bins.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64 * 1.1;
    let (x0, x1) = (first.from as f64, last.to as f64);
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(x0..x1, 0.0..y_max)
        .ok()?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(grid.mix(0.3))
        .bold_line_style(grid.mix(0.8))
        .axis_style(text)
        .label_style((FontFamily::SansSerif, small).into_font().color(&text))
        .axis_desc_style((FontFamily::SansSerif, small + 1).into_font().color(&text))
        .x_desc("Tokens per example")
        .y_desc("Examples")
        .x_labels(((x1 - x0) as usize).clamp(2, if width < 600 { 4 } else { 8 }))
        .y_labels((y_max as usize).clamp(2, 6))
        .x_label_formatter(&|v| number_format::compact(*v))
        .y_label_formatter(&|v| number_format::compact(*v))
        .draw()
        .ok()?;
    let cap = limit.map_or(f64::INFINITY, |l| l as f64);
    chart
        .draw_series(bins.iter().map(|b| {
            let colour = if (b.to as f64) > cap { over } else { bar };
            Rectangle::new(
                [(b.from as f64, 0.0), (b.to as f64, b.count as f64)],
                colour.mix(0.85).filled(),
            )
        }))
        .ok()?;
    if let Some(l) = limit.map(|l| l as f64).filter(|l| *l > x0 && *l < x1) {
        chart
            .draw_series(LineSeries::new(
                [(l, 0.0), (l, y_max)],
                over.stroke_width(2),
            ))
            .ok()?;
        chart
            .draw_series([Text::new(
                format!("limit {}", number_format::count(l)),
                (l, y_max * 0.97),
                (FontFamily::SansSerif, small).into_font().color(&over),
            )])
            .ok()?;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_bars_and_the_limit() {
        let bins = vec![
            Bin {
                from: 0,
                to: 100,
                count: 3,
            },
            Bin {
                from: 100,
                to: 200,
                count: 7,
            },
            Bin {
                from: 200,
                to: 300,
                count: 1,
            },
        ];
        let svg = render(&bins, Some(150), 640, 240);
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Tokens per example"));
        assert!(svg.contains("limit 150"));
        assert!(!svg.contains("NaN"));
        assert!(render(&[], None, 640, 240).starts_with("<svg"));
        let both = render_both(&bins, Some(150));
        assert!(both.contains("chart-wide") && both.contains("chart-narrow"));
        assert_eq!(both.matches("limit 150").count(), 2);
        let note = |l| limit_note(&bins, Some(l)).unwrap();
        assert_eq!(note(150), "the line marks the limit of 150 tokens");
        assert_eq!(
            note(65_536),
            "every example is within the limit of 65,536 tokens"
        );
        let long = [Bin {
            from: 500,
            to: 900,
            count: 2,
        }];
        assert_eq!(
            limit_note(&long, Some(499)).unwrap(),
            "every example is over the limit of 499 tokens"
        );
        assert_eq!(limit_note(&bins, None), None);
    }
}
