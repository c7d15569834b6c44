//! Benchmark: recompute the cost model and redraw the chart, as the page
//! does on every keystroke or slider step. Prints p50, p95 and max.
//!
//! Run: `cargo bench --bench cost_model`

use std::time::Instant;

use tunewise::core::costs::break_even::{cheapest, crossovers, tornado};
use tunewise::core::costs::chart::{self, ChartRequest};
use tunewise::core::costs::scenario::default_scenario;

fn main() {
    let mut scenario = default_scenario("2026-11-25");
    let mut times = Vec::with_capacity(2_000);
    for i in 0..2_000 {
        scenario.monthly_requests = 10_000.0 + f64::from(i) * 997.0;
        scenario.log_x = i % 2 == 0;
        let t0 = Instant::now();
        let resolved = scenario.resolved();
        let shown = scenario.compared();
        let chart = chart::render(&ChartRequest {
            approaches: &resolved,
            shown: &shown,
            monthly_requests: scenario.monthly_requests,
            max_requests: scenario.max_requests(),
            log_x: scenario.log_x,
            width: 800,
            height: 440,
        });
        let table = crossovers(&resolved, &shown, scenario.monthly_requests);
        let envelope = cheapest(
            &resolved,
            &shown,
            scenario.monthly_requests,
            scenario.max_requests(),
        );
        let swings = tornado(&resolved[0], &resolved[2], scenario.monthly_requests);
        std::hint::black_box((chart.svg.len(), table.len(), envelope.len(), swings.len()));
        times.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "costs recompute + chart redraw (native, {} runs): p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        times.len(),
        at(0.5),
        at(0.95),
        times[times.len() - 1]
    );
}
