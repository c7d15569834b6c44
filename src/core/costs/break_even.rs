//! When training pays for itself: break-even volumes, crossovers between
//! approaches, the cheapest approach at each volume, and sensitivity.
//!
//! At a monthly volume `V`, cumulative cost after `Q` requests is
//! `TC(Q) = F × payments(Q / V) + c × Q + H × Q / V` (see
//! [`crate::core::costs::approach_cost`]): piecewise linear in `Q`, with a step at each
//! retraining. The **break-even volume** of a candidate against a baseline is
//! the first `Q` where the candidate's cumulative cost is no longer above
//! the baseline's. Without retraining or hosting it is the textbook rule:
//! one-off cost ÷ saving per request ($500 ÷ $0.01 = 50,000 requests).
//!
//! When the volume grows (or shrinks) by `g` a month, `Q / V` months
//! becomes `months_to(V, g, Q)` ([`crate::core::costs::volume_growth`]):
//! the hosting term bends, retrainings fall at the requests served by each
//! period's end, and break-evens are found by sampling every quarter month
//! and bisecting (exact to 1e-12 of the volume) instead of by formula.
//!
//! Architecture invariant: pure arithmetic, no UI imports; every result is
//! finite or an explicit [`BreakEven::Never`] with its reason.

use crate::core::costs::approach_cost::{ApproachCost, MAX_INPUT};

/// How far ahead a break-even is searched when retraining makes the curves
/// step (months).
pub const SEARCH_MONTHS: f64 = 240.0;

/// The textbook rule: requests needed before a one-off cost is repaid by a
/// saving per request. `None` when the saving is zero or negative (never).
pub fn simple_break_even(one_off: f64, saving_per_request: f64) -> Option<f64> {
    if !(one_off.is_finite() && saving_per_request.is_finite()) || saving_per_request <= 0.0 {
        return None;
    }
    Some(one_off.max(0.0) / saving_per_request)
}

/// Months to break even at `monthly_requests` growing `growth` a month
/// (0 for the textbook), from the textbook rule's requests.
pub fn simple_months(
    one_off: f64,
    saving_per_request: f64,
    monthly_requests: f64,
    growth: f64,
) -> Option<f64> {
    if !(monthly_requests.is_finite() && monthly_requests > 0.0) {
        return None;
    }
    simple_break_even(one_off, saving_per_request)
        .and_then(|q| crate::core::costs::volume_growth::months_to(monthly_requests, growth, q))
}

/// Outcome of comparing a candidate with a baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum BreakEven {
    /// The candidate is never more expensive: cheaper from the first request.
    Immediate,
    /// The candidate catches up after `requests` (`months` at the volume).
    At {
        requests: f64,
        months: f64,
        /// False when this is after the candidate's model retires.
        within_lifetime: bool,
    },
    /// The candidate never catches up; `reason` says why.
    Never { reason: String },
}

impl BreakEven {
    /// Months until the candidate pays off: 0 when immediate, `None` never.
    pub fn months(&self) -> Option<f64> {
        match self {
            BreakEven::Immediate => Some(0.0),
            BreakEven::At { months, .. } => Some(*months),
            BreakEven::Never { .. } => None,
        }
    }

    /// Months until the candidate pays off in practice: `None` when it
    /// never does or only after its model retires. Every view that shows
    /// "months to break even" reads this, so none shows a figure the
    /// lifetime rules out.
    pub fn practical_months(&self) -> Option<f64> {
        match self {
            BreakEven::At {
                within_lifetime: false,
                ..
            } => None,
            other => other.months(),
        }
    }
}

/// How a changed input moves the break-even, for colouring sensitivity:
/// sooner is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Pays off sooner (or at all, where it did not).
    Sooner,
    /// Pays off later (or no longer at all).
    Later,
    /// No change (within 1e-9 of a month).
    Same,
}

/// The effect of going from `current` to `changed`, by
/// [`BreakEven::practical_months`] (never = infinitely late).
pub fn effect(current: &BreakEven, changed: &BreakEven) -> Effect {
    let m = |b: &BreakEven| b.practical_months().unwrap_or(f64::INFINITY);
    let (a, b) = (m(current), m(changed));
    if a == b || (a - b).abs() <= 1e-9 {
        Effect::Same
    } else if b < a {
        Effect::Sooner
    } else {
        Effect::Later
    }
}

/// Where a candidate wins by monthly volume: the question people ask of
/// self-hosting ("above what volume does it pay?").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VolumeWin {
    /// No more expensive at any monthly volume.
    Always,
    /// No more expensive from this many requests a month up.
    Above(f64),
    /// No more expensive up to this many requests a month (it saves on
    /// fixed costs but costs more per request).
    Below(f64),
    /// More expensive at every monthly volume.
    Never,
}

/// The monthly volume at which `candidate`'s total over `months` equals
/// `baseline`'s. Totals over `T` months starting at `V` requests a month
/// are linear in `V`: `TC(V) = F × payments(T) + H × T + c × V × f(T)`,
/// with `f(T)` the requests served per starting request a month (`T`
/// without growth; see [`crate::core::costs::volume_growth`]), so with
/// `K = TC_cand(0) − TC_base(0)` and `s = (c_base − c_cand) × f(T)` the
/// candidate is no dearer where `K ≤ s × V`: above `K ÷ s` when `s > 0`,
/// below it when `s < 0`. `months` should be the span both serve (the
/// horizon, or a lifetime when shorter).
pub fn volume_break_even(
    baseline: &ApproachCost,
    candidate: &ApproachCost,
    months: f64,
) -> VolumeWin {
    let t = if months.is_finite() {
        months.clamp(0.0, 1e6)
    } else {
        0.0
    };
    let k = candidate.cumulative(t, 0.0) - baseline.cumulative(t, 0.0);
    // Requests served over `t` months per request a month at the start.
    let served = candidate.requests_by(t, 1.0);
    let s = (baseline.per_request() - candidate.per_request()) * served;
    if s > 0.0 {
        let v = k / s;
        if v <= 0.0 {
            VolumeWin::Always
        } else if v > MAX_INPUT {
            VolumeWin::Never
        } else {
            VolumeWin::Above(v)
        }
    } else if s < 0.0 {
        if k > 0.0 {
            VolumeWin::Never
        } else {
            VolumeWin::Below((k / s).min(MAX_INPUT))
        }
    } else if k <= 0.0 {
        VolumeWin::Always
    } else {
        VolumeWin::Never
    }
}

/// A cumulative-cost curve over requests, at a monthly volume that may
/// grow ([`crate::core::costs::volume_growth`]).
#[derive(Clone, Copy, Debug)]
struct Curve {
    one_off: f64,
    per_request: f64,
    /// Monthly fixed cost spread over the month's requests (no growth).
    fixed_per_request: f64,
    /// Monthly fixed cost.
    fixed_monthly: f64,
    monthly_requests: f64,
    growth: f64,
    /// Months between retrainings.
    period_months: Option<f64>,
    /// Requests after which the model is retired (its lifetime), if any.
    end: Option<f64>,
}

/// Months no curve is followed beyond: a shrinking volume that never
/// serves `q` requests counts as this late.
const NEVER_MONTHS: f64 = 1e7;

impl Curve {
    fn new(a: &ApproachCost, monthly_requests: f64) -> Curve {
        Curve {
            one_off: a.one_off(),
            per_request: a.per_request(),
            fixed_per_request: a.monthly_fixed() / monthly_requests,
            fixed_monthly: a.monthly_fixed(),
            monthly_requests,
            growth: crate::core::costs::volume_growth::clean_growth(a.volume_growth),
            period_months: a.retrain_period().map(|n| n.max(0.1)),
            end: a.lifetime_requests(monthly_requests),
        }
    }

    /// Without growth the curve is a straight line between retrainings,
    /// and break-evens have closed forms.
    fn linear(&self) -> bool {
        self.growth == 0.0
    }

    /// Requests served by `months`.
    fn requests_by(&self, months: f64) -> f64 {
        crate::core::costs::volume_growth::requests_by(self.monthly_requests, self.growth, months)
    }

    /// Months until `q` requests are served.
    fn months_at(&self, q: f64) -> f64 {
        crate::core::costs::volume_growth::months_to(self.monthly_requests, self.growth, q)
            .map_or(NEVER_MONTHS, |m| m.min(NEVER_MONTHS))
    }

    /// The `k`-th retraining, in requests: `k × period` months in.
    fn step(&self, k: f64) -> Option<f64> {
        let p = self.period_months?;
        Some(if self.linear() {
            k * (p * self.monthly_requests)
        } else {
            self.requests_by(k * p)
        })
    }

    /// Training payments made by `q` requests: one up front, then one at
    /// each retraining `step(k)` (k = 1, 2, …) with `step(k) <= q`.
    /// Counted against the same values `step(k)` that [`breakpoints`]
    /// yields, so a curve steps exactly at its breakpoints (a plain
    /// `floor` can round to the other side of one).
    fn payments(&self, q: f64) -> f64 {
        let Some(p) = self.period_months else {
            return 1.0;
        };
        let guess = if self.linear() {
            q / (p * self.monthly_requests)
        } else {
            self.months_at(q) / p
        };
        let mut k = guess.floor().clamp(0.0, 1e9);
        if self.step(k + 1.0).is_some_and(|s| s <= q) {
            k += 1.0;
        } else if k > 0.0 && self.step(k).is_some_and(|s| s > q) {
            k -= 1.0;
        }
        1.0 + k
    }

    fn alive_at(&self, q: f64) -> bool {
        self.end.is_none_or(|e| q <= e)
    }

    /// The cost per request at the starting volume: marginal plus the
    /// month's fixed costs spread over its requests (exact when linear).
    fn slope(&self) -> f64 {
        self.per_request + self.fixed_per_request
    }

    /// The cost after `q` requests with `payments` training payments.
    fn with_payments(&self, q: f64, payments: f64) -> f64 {
        if self.linear() {
            self.one_off * payments + self.slope() * q
        } else {
            self.one_off * payments + self.per_request * q + self.fixed_monthly * self.months_at(q)
        }
    }

    fn at(&self, q: f64) -> f64 {
        self.with_payments(q, self.payments(q))
    }
}

/// A monthly volume the model can work with: at least one request every
/// thousand months, at most [`MAX_INPUT`].
fn volume_ok(monthly_requests: f64) -> bool {
    monthly_requests.is_finite() && (1e-3..=MAX_INPUT).contains(&monthly_requests)
}

/// Cumulative cost of `a` after `requests` at `monthly_requests`, USD.
pub fn cost_at(a: &ApproachCost, requests: f64, monthly_requests: f64) -> f64 {
    if !volume_ok(monthly_requests) {
        return a.one_off();
    }
    let requests = if requests.is_finite() {
        requests.clamp(0.0, crate::core::costs::volume_growth::MAX_REQUESTS)
    } else {
        0.0
    };
    Curve::new(a, monthly_requests).at(requests)
}

/// Breakpoints (retrainings) of both curves in (0, limit], sorted.
fn breakpoints(a: &Curve, b: &Curve, limit: f64) -> Vec<f64> {
    let mut points = Vec::new();
    for c in [a, b] {
        let mut k = 1.0;
        while let Some(q) = c.step(k).filter(|q| *q <= limit && points.len() < 20_000) {
            points.push(q);
            k += 1.0;
        }
    }
    points.sort_by(f64::total_cmp);
    points.dedup();
    points
}

/// Every `Q` in (0, limit] where `b − a` changes sign (or touches zero
/// coming from above), in order.
fn sign_changes(a: &Curve, b: &Curve, limit: f64, only_downward: bool) -> Vec<f64> {
    if !(a.linear() && b.linear()) {
        return sign_changes_growing(a, b, limit, only_downward);
    }
    let diff = |q: f64| b.at(q) - a.at(q);
    let slope = b.slope() - a.slope();
    let mut out = Vec::new();
    let mut start = 0.0;
    let mut cuts = breakpoints(a, b, limit);
    cuts.push(limit);
    for end in cuts {
        // On [start, end) the difference is linear: d0 + slope × (q − start).
        let d0 = diff(start);
        let d_end = d0 + slope * (end - start);
        if d0 > 0.0 && d_end <= 0.0 && slope < 0.0 {
            out.push(start + d0 / -slope);
        } else if !only_downward && d0 < 0.0 && d_end >= 0.0 && slope > 0.0 {
            out.push(start + -d0 / slope);
        } else if !only_downward && start == 0.0 && d0 == 0.0 && slope > 0.0 {
            // Level at the start, then dearer: it crosses upward at once.
            out.push(0.0);
        }
        // A jump at `end` (a retraining) can also cross zero.
        if end < limit {
            let after = diff(end);
            if (d_end > 0.0 && after <= 0.0) || (!only_downward && d_end < 0.0 && after >= 0.0) {
                out.push(end);
            }
        }
        start = end;
    }
    out.dedup_by(|x, y| (*x - *y).abs() <= 1e-9 * x.abs().max(1.0));
    out
}

/// [`sign_changes`] for a growing (or shrinking) volume, where the curves
/// bend between retrainings: each stretch between breakpoints is sampled
/// every quarter month (at least 2, at most 1,000 samples), and each sign
/// change found is narrowed by bisection to 1e-12 of its volume.
fn sign_changes_growing(a: &Curve, b: &Curve, limit: f64, only_downward: bool) -> Vec<f64> {
    let mut out = Vec::new();
    let mut start = 0.0;
    let mut cuts = breakpoints(a, b, limit);
    cuts.push(limit);
    for end in cuts {
        // Payments are constant on [start, end).
        let (pa, pb) = (a.payments(start), b.payments(start));
        let d = |q: f64| b.with_payments(q, pb) - a.with_payments(q, pa);
        let (t0, t1) = (a.months_at(start), a.months_at(end));
        let n = ((t1 - t0) * 4.0).ceil().clamp(2.0, 1000.0) as usize;
        let mut q0 = start;
        let mut d0 = d(q0);
        for i in 1..=n {
            let q1 = if i == n {
                end
            } else {
                a.requests_by(t0 + (t1 - t0) * i as f64 / n as f64)
                    .clamp(start, end)
            };
            let d1 = d(q1);
            let down = d0 > 0.0 && d1 <= 0.0;
            let up = !only_downward && d0 < 0.0 && d1 >= 0.0;
            if !only_downward && q0 == 0.0 && d0 == 0.0 && d1 > 0.0 {
                // Level at the start, then dearer: it crosses upward at once.
                out.push(0.0);
            } else if down || up {
                let (mut lo, mut hi) = (q0, q1);
                for _ in 0..200 {
                    if hi - lo <= 1e-12 * hi.abs().max(1.0) {
                        break;
                    }
                    let mid = (lo + hi) / 2.0;
                    let dm = d(mid);
                    if (down && dm > 0.0) || (up && dm < 0.0) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                out.push(hi);
            }
            q0 = q1;
            d0 = d1;
        }
        // A jump at `end` (a retraining) can also cross zero.
        if end < limit {
            let after = b.at(end) - a.at(end);
            if (d0 > 0.0 && after <= 0.0) || (!only_downward && d0 < 0.0 && after >= 0.0) {
                out.push(end);
            }
        }
        start = end;
    }
    out.dedup_by(|x, y| (*x - *y).abs() <= 1e-9 * x.abs().max(1.0));
    out
}

/// Break-even of `candidate` against `baseline` at `monthly_requests`.
pub fn break_even(
    baseline: &ApproachCost,
    candidate: &ApproachCost,
    monthly_requests: f64,
) -> BreakEven {
    if !volume_ok(monthly_requests) {
        return BreakEven::Never {
            reason: "there are no requests: enter a monthly volume above 0".into(),
        };
    }
    let a = Curve::new(baseline, monthly_requests);
    let b = Curve::new(candidate, monthly_requests);
    let lifetime = candidate
        .lifetime_months
        .filter(|m| m.is_finite() && *m >= 0.0);
    let finish = |requests: f64| {
        let months = if b.linear() {
            requests / monthly_requests
        } else {
            b.months_at(requests)
        };
        BreakEven::At {
            requests,
            months,
            within_lifetime: lifetime.is_none_or(|l| months <= l),
        }
    };
    let saving = a.slope() - b.slope();
    let growing = !(a.linear() && b.linear());
    if a.period_months.is_none() && b.period_months.is_none() && !growing {
        let extra = b.one_off - a.one_off;
        if extra <= 0.0 && saving >= 0.0 {
            return BreakEven::Immediate;
        }
        if saving <= 0.0 {
            return BreakEven::Never {
                reason: never_reason(baseline, candidate, saving, monthly_requests),
            };
        }
        return finish(extra / saving);
    }
    // A shrinking volume is followed only while it is at least a millionth
    // of the start: beyond, months no longer tell requests apart.
    let search_months = if b.growth < 0.0 {
        SEARCH_MONTHS.min(1e-6_f64.ln() / b.growth.ln_1p())
    } else {
        SEARCH_MONTHS
    };
    let limit = if growing {
        b.requests_by(search_months)
    } else {
        SEARCH_MONTHS * monthly_requests
    };
    if b.at(0.0) <= a.at(0.0) && sign_changes(&a, &b, limit, false).is_empty() {
        return BreakEven::Immediate;
    }
    match sign_changes(&a, &b, limit, true).first() {
        Some(q) => finish(*q),
        None if growing => BreakEven::Never {
            reason: format!(
                "starting at {} requests a month and {} {:.1} % a month, {} does not catch up \
                 with {} within {}",
                crate::core::number_format::count(monthly_requests),
                if b.growth < 0.0 {
                    "shrinking"
                } else {
                    "growing"
                },
                b.growth.abs() * 100.0,
                candidate.name,
                baseline.name,
                crate::core::number_format::months(search_months)
            ),
        },
        None if saving <= 0.0 => BreakEven::Never {
            reason: never_reason(baseline, candidate, saving, monthly_requests),
        },
        None => BreakEven::Never {
            reason: format!(
                "retraining eats the saving: it does not pay off within {} years",
                SEARCH_MONTHS / 12.0
            ),
        },
    }
}

/// Why the candidate never catches up at `monthly_requests`. `saving` is
/// the all-in saving per request at that volume (marginal cost plus the
/// month's fixed costs spread over its requests), so the sentence says
/// "at this volume": fixed costs spread thinner as volume grows.
fn never_reason(
    baseline: &ApproachCost,
    candidate: &ApproachCost,
    saving: f64,
    monthly_requests: f64,
) -> String {
    let volume = crate::core::number_format::count(monthly_requests);
    if saving == 0.0 {
        format!(
            "at {volume} requests a month {} saves nothing per request against {}",
            candidate.name, baseline.name
        )
    } else {
        let marginal = candidate.per_request() - baseline.per_request();
        let fixed = candidate.monthly_fixed() > 0.0 || baseline.monthly_fixed() > 0.0;
        let spread = if fixed {
            " with the month's hosting and fees spread over its requests"
        } else {
            ""
        };
        let why = if marginal > 0.0 {
            "so the gap only grows"
        } else {
            "so the gap grows at this volume"
        };
        format!(
            "at {volume} requests a month {} costs ${:.5} more per request than {}{spread}, {why}",
            candidate.name, -saving, baseline.name
        )
    }
}

/// A stretch of volume over which one approach is the cheapest.
#[derive(Clone, Debug, PartialEq)]
pub struct EnvelopeSegment {
    /// Index into the approaches given.
    pub approach: usize,
    pub from_requests: f64,
    pub to_requests: f64,
}

/// The cheapest approach at each cumulative volume in [0, `max_requests`]
/// (the lower envelope), among the approaches whose index is in `among`.
/// An approach drops out once its model retires (its lifetime); where no
/// approach is left, there is no segment.
pub fn cheapest(
    approaches: &[ApproachCost],
    among: &[usize],
    monthly_requests: f64,
    max_requests: f64,
) -> Vec<EnvelopeSegment> {
    if among.is_empty()
        || !volume_ok(monthly_requests)
        || !(max_requests.is_finite() && max_requests > 0.0)
    {
        return Vec::new();
    }
    let curves: Vec<Curve> = among
        .iter()
        .map(|i| Curve::new(&approaches[*i], monthly_requests))
        .collect();
    let mut cuts = vec![0.0, max_requests];
    for (i, a) in curves.iter().enumerate() {
        for b in &curves[i + 1..] {
            cuts.extend(sign_changes(a, b, max_requests, false));
            cuts.extend(breakpoints(a, b, max_requests));
        }
        cuts.extend(a.end);
    }
    cuts.retain(|q| *q >= 0.0 && *q <= max_requests);
    cuts.sort_by(f64::total_cmp);
    cuts.dedup_by(|x, y| (*x - *y).abs() <= 1e-9 * x.abs().max(1.0));
    let mut segments: Vec<EnvelopeSegment> = Vec::new();
    for w in cuts.windows(2) {
        let mid = (w[0] + w[1]) / 2.0;
        let Some(best) = (0..curves.len())
            .filter(|k| curves[*k].alive_at(mid))
            .min_by(|x, y| curves[*x].at(mid).total_cmp(&curves[*y].at(mid)))
            .map(|k| among[k])
        else {
            continue;
        };
        match segments.last_mut() {
            Some(last) if last.approach == best && last.to_requests == w[0] => {
                last.to_requests = w[1]
            }
            _ => segments.push(EnvelopeSegment {
                approach: best,
                from_requests: w[0],
                to_requests: w[1],
            }),
        }
    }
    segments
}

/// Break-even of one approach against another, for the crossover table.
#[derive(Clone, Debug, PartialEq)]
pub struct Crossover {
    /// The approach with the lower one-off cost.
    pub baseline: usize,
    /// The approach with the higher one-off cost.
    pub candidate: usize,
    pub result: BreakEven,
}

/// Break-even for every pair among `among`: the approach with the higher
/// one-off cost is the candidate.
pub fn crossovers(
    approaches: &[ApproachCost],
    among: &[usize],
    monthly_requests: f64,
) -> Vec<Crossover> {
    let mut out = Vec::new();
    for (k, i) in among.iter().enumerate() {
        for j in &among[k + 1..] {
            let (base, cand) = if approaches[*j].one_off() >= approaches[*i].one_off() {
                (*i, *j)
            } else {
                (*j, *i)
            };
            out.push(Crossover {
                baseline: base,
                candidate: cand,
                result: break_even(&approaches[base], &approaches[cand], monthly_requests),
            });
        }
    }
    out
}

/// The break-even for a price multiplier from 2× to 10× on the candidate
/// (one entry per whole multiplier), lifetime included (read it with
/// [`BreakEven::practical_months`]).
pub fn multiplier_sweep(
    baseline: &ApproachCost,
    candidate: &ApproachCost,
    monthly_requests: f64,
) -> Vec<(f64, BreakEven)> {
    (2..=10)
        .map(|m| {
            let mut c = candidate.clone();
            c.price_multiplier = f64::from(m);
            (f64::from(m), break_even(baseline, &c, monthly_requests))
        })
        .collect()
}

/// One bar of a tornado chart: the break-even with an input at −25 % and
/// +25 %, and how each moves it against the current one.
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    pub input: &'static str,
    pub low: BreakEven,
    pub high: BreakEven,
    pub low_effect: Effect,
    pub high_effect: Effect,
    /// Spread between the two in practical months (never = the search
    /// span, [`SEARCH_MONTHS`]); the tornado is sorted by it, widest first.
    pub influence: f64,
}

/// How the break-even moves when each main input moves ±25 %, sorted by
/// influence (widest swing first; ties keep the input order).
pub fn tornado(
    baseline: &ApproachCost,
    candidate: &ApproachCost,
    monthly_requests: f64,
) -> Vec<Swing> {
    type Tweak = fn(&mut ApproachCost, &mut ApproachCost, &mut f64, f64);
    let inputs: [(&'static str, Tweak); 6] = [
        ("Monthly volume", |_, _, v, f| *v *= f),
        ("One-off (training) cost", |_, c, _, f| {
            c.data_prep *= f;
            c.training = scale_training(c.training, f);
        }),
        ("Tuned price multiplier", |_, c, _, f| {
            c.price_multiplier *= f
        }),
        ("Baseline prompt tokens", |b, _, _, f| b.input_tokens *= f),
        ("Tuned prompt tokens", |_, c, _, f| c.input_tokens *= f),
        ("Output tokens", |b, c, _, f| {
            b.output_tokens *= f;
            c.output_tokens *= f;
        }),
    ];
    let current = break_even(baseline, candidate, monthly_requests);
    let mut swings = inputs
        .iter()
        .map(|(name, tweak)| {
            let run = |f: f64| {
                let (mut b, mut c, mut v) = (baseline.clone(), candidate.clone(), monthly_requests);
                tweak(&mut b, &mut c, &mut v, f);
                break_even(&b, &c, v)
            };
            let (low, high) = (run(0.75), run(1.25));
            let span = |b: &BreakEven| {
                b.practical_months()
                    .unwrap_or(SEARCH_MONTHS)
                    .min(SEARCH_MONTHS)
            };
            Swing {
                input: name,
                low_effect: effect(&current, &low),
                high_effect: effect(&current, &high),
                influence: (span(&high) - span(&low)).abs(),
                low,
                high,
            }
        })
        .collect::<Vec<_>>();
    // Six rows: an insertion sort (stable) keeps the download small.
    for i in 1..swings.len() {
        let mut j = i;
        while j > 0 && swings[j - 1].influence < swings[j].influence {
            swings.swap(j - 1, j);
            j -= 1;
        }
    }
    swings
}

fn scale_training(
    t: crate::core::costs::approach_cost::Training,
    f: f64,
) -> crate::core::costs::approach_cost::Training {
    use crate::core::costs::approach_cost::Training;
    match t {
        Training::None => Training::None,
        Training::Tokens {
            tokens,
            epochs,
            per_1m,
        } => Training::Tokens {
            tokens,
            epochs,
            per_1m: per_1m * f,
        },
        Training::GpuHours { hours, per_hour } => Training::GpuHours {
            hours,
            per_hour: per_hour * f,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::approach_cost::{ApproachKind, Training};
    use proptest::prelude::*;

    fn prompt(c: f64) -> ApproachCost {
        let mut a = ApproachCost::blank(ApproachKind::PromptEngineering);
        a.input_tokens = 1e6;
        a.input_per_1m = c;
        a
    }

    fn tuned(one_off: f64, c: f64) -> ApproachCost {
        let mut a = prompt(c);
        a.kind = ApproachKind::ApiFineTuning;
        a.name = "Tuned".into();
        a.data_prep = one_off;
        a
    }

    #[test]
    fn the_seed_rule_holds_exactly() {
        assert_eq!(simple_break_even(500.0, 0.01), Some(50_000.0));
        assert_eq!(simple_months(500.0, 0.01, 10_000.0, 0.0), Some(5.0));
        // 50,000 requests at 10,000 a month growing 10 %: 4.3 months.
        let grown = simple_months(500.0, 0.01, 10_000.0, 0.1).unwrap();
        assert!((grown - (1.0 + 5.0 * 1.1_f64.ln()).ln() / 1.1_f64.ln()).abs() < 1e-12);
        assert_eq!(simple_break_even(500.0, 0.0), None);
        assert_eq!(simple_break_even(500.0, -0.01), None);
        let r = break_even(&prompt(0.02), &tuned(500.0, 0.01), 10_000.0);
        assert_eq!(
            r,
            BreakEven::At {
                requests: 50_000.0,
                months: 5.0,
                within_lifetime: true
            }
        );
    }

    #[test]
    fn never_and_immediate_are_explained() {
        match break_even(&prompt(0.01), &tuned(500.0, 0.02), 1000.0) {
            BreakEven::Never { reason } => assert!(reason.contains("more per request"), "{reason}"),
            other => panic!("{other:?}"),
        }
        match break_even(&prompt(0.01), &tuned(500.0, 0.01), 1000.0) {
            BreakEven::Never { reason } => assert!(reason.contains("saves nothing"), "{reason}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            break_even(&prompt(0.02), &tuned(0.0, 0.01), 1000.0),
            BreakEven::Immediate
        );
        assert!(matches!(
            break_even(&prompt(0.02), &tuned(500.0, 0.01), 0.0),
            BreakEven::Never { .. }
        ));
    }

    #[test]
    fn hosting_counts_against_the_saving() {
        // Saving $0.01 per request but $100 a month of hosting: at 20,000
        // requests a month the net saving is $0.005 per request.
        let mut c = tuned(500.0, 0.01);
        c.fixed_monthly = 100.0;
        match break_even(&prompt(0.02), &c, 20_000.0) {
            BreakEven::At {
                requests,
                months,
                within_lifetime: true,
            } => {
                assert!((requests - 100_000.0).abs() < 1e-6 && (months - 5.0).abs() < 1e-9);
            }
            other => panic!("{other:?}"),
        }
        // At 10,000 a month hosting eats all of it.
        assert!(matches!(
            break_even(&prompt(0.02), &c, 10_000.0),
            BreakEven::Never { .. }
        ));
    }

    #[test]
    fn lifetime_bounds_the_break_even() {
        let mut c = tuned(500.0, 0.01);
        c.lifetime_months = Some(3.0);
        match break_even(&prompt(0.02), &c, 10_000.0) {
            BreakEven::At {
                within_lifetime,
                months,
                ..
            } => {
                assert!(!within_lifetime);
                assert_eq!(months, 5.0);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn retraining_delays_or_prevents_the_break_even() {
        let mut c = tuned(500.0, 0.01);
        c.retrain_every_months = 6.0;
        // Still reached at 5 months, before the first retraining.
        assert!(
            matches!(break_even(&prompt(0.02), &c, 10_000.0), BreakEven::At { months, .. } if (months - 5.0).abs() < 1e-9)
        );
        // Retraining every 4 months: each period saves $400 but costs $500.
        c.retrain_every_months = 4.0;
        assert!(matches!(
            break_even(&prompt(0.02), &c, 10_000.0),
            BreakEven::Never { .. }
        ));
    }

    #[test]
    fn envelope_switches_at_the_break_even() {
        let approaches = vec![prompt(0.02), tuned(500.0, 0.01)];
        let env = cheapest(&approaches, &[0, 1], 10_000.0, 120_000.0);
        assert_eq!(env.len(), 2);
        assert_eq!(env[0].approach, 0);
        assert_eq!(env[1].approach, 1);
        assert!((env[0].to_requests - 50_000.0).abs() < 1e-6);
        let table = crossovers(&approaches, &[0, 1], 10_000.0);
        assert_eq!(table.len(), 1);
        assert_eq!((table[0].baseline, table[0].candidate), (0, 1));
    }

    #[test]
    fn sensitivity_moves_the_break_even_the_right_way() {
        let mut c = tuned(500.0, 0.005);
        c.price_multiplier = 1.0;
        let sweep = multiplier_sweep(&prompt(0.02), &c, 10_000.0);
        assert_eq!(sweep.len(), 9);
        // 2×: $0.01 per request, saving 0.01 → 5 months; 4×: saves nothing.
        assert_eq!(sweep[0].0, 2.0);
        assert_eq!(sweep[0].1.practical_months(), Some(5.0));
        assert_eq!(sweep[2].1.practical_months(), None);
        let t = tornado(&prompt(0.02), &tuned(500.0, 0.01), 10_000.0);
        let find = |name: &str| t.iter().find(|s| s.input == name).unwrap();
        let volume = find("Monthly volume");
        assert!(volume.low.months().unwrap() > volume.high.months().unwrap());
        // More volume pays off sooner (good); less, later (bad).
        assert_eq!(
            (volume.low_effect, volume.high_effect),
            (Effect::Later, Effect::Sooner)
        );
        let training = find("One-off (training) cost");
        assert!(training.low.months().unwrap() < training.high.months().unwrap());
        assert_eq!(
            (training.low_effect, training.high_effect),
            (Effect::Sooner, Effect::Later)
        );
        // Sorted by influence, widest first.
        assert!(t.windows(2).all(|w| w[0].influence >= w[1].influence));
        assert!(t[0].influence > 0.0);
    }

    #[test]
    fn a_break_even_after_retirement_is_never_in_practice() {
        let mut c = tuned(500.0, 0.01);
        c.lifetime_months = Some(3.0);
        // 5 months to break even, 3 months of life.
        let r = break_even(&prompt(0.02), &c, 10_000.0);
        assert_eq!(r.months(), Some(5.0));
        assert_eq!(r.practical_months(), None);
        // The sweep and the tornado read the same lifetime: at 2× the
        // candidate saves nothing, and no entry reports a figure the
        // lifetime rules out.
        for (_, b) in multiplier_sweep(&prompt(0.02), &c, 10_000.0) {
            assert!(b.practical_months().is_none_or(|m| m <= 3.0), "{b:?}");
        }
        for s in tornado(&prompt(0.02), &c, 10_000.0) {
            for b in [&s.low, &s.high] {
                assert!(
                    b.practical_months().is_none_or(|m| m <= 3.0),
                    "{}: {b:?}",
                    s.input
                );
            }
        }
    }

    #[test]
    fn monthly_volume_break_even_by_hand() {
        // Baseline: $0.01 per request, nothing fixed. Candidate: $1,000 a
        // month of hosting and $0.002 per request. Over 12 months:
        // 12,000 = 0.008 × 12 × V → V = 125,000 requests a month.
        let mut api = ApproachCost::blank(ApproachKind::PromptEngineering);
        api.input_tokens = 1_000.0;
        api.input_per_1m = 10.0;
        let mut hosted = ApproachCost::blank(ApproachKind::SelfHostedLora);
        hosted.input_tokens = 1_000.0;
        hosted.input_per_1m = 2.0;
        hosted.fixed_monthly = 1_000.0;
        match volume_break_even(&api, &hosted, 12.0) {
            VolumeWin::Above(v) => assert!((v - 125_000.0).abs() < 1e-6, "{v}"),
            other => panic!("{other:?}"),
        }
        // With $2,400 of training on top: (12,000 + 2,400) ÷ (0.008 × 12) = 150,000.
        hosted.data_prep = 2_400.0;
        match volume_break_even(&api, &hosted, 12.0) {
            VolumeWin::Above(v) => assert!((v - 150_000.0).abs() < 1e-6, "{v}"),
            other => panic!("{other:?}"),
        }
        // Reversed, the API wins below that volume.
        match volume_break_even(&hosted, &api, 12.0) {
            VolumeWin::Below(v) => assert!((v - 150_000.0).abs() < 1e-6, "{v}"),
            other => panic!("{other:?}"),
        }
        // Dearer per request and in fixed costs: never. Cheaper in both: always.
        hosted.input_per_1m = 20.0;
        assert_eq!(volume_break_even(&api, &hosted, 12.0), VolumeWin::Never);
        assert_eq!(volume_break_even(&hosted, &api, 12.0), VolumeWin::Always);
        // Retraining every 6 months pays the one-off twice over 12 months
        // (at the start and at month 6) — plus once more at 12.
        let mut retrained = ApproachCost::blank(ApproachKind::SelfHostedLora);
        retrained.input_tokens = 1_000.0;
        retrained.input_per_1m = 2.0;
        retrained.data_prep = 960.0;
        retrained.retrain_every_months = 6.0;
        // payments_by(12) = 3 → 2,880 ÷ (0.008 × 12) = 30,000.
        match volume_break_even(&api, &retrained, 12.0) {
            VolumeWin::Above(v) => assert!((v - 30_000.0).abs() < 1e-6, "{v}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_never_reason_speaks_of_the_volume() {
        let mut api = ApproachCost::blank(ApproachKind::PromptEngineering);
        api.input_tokens = 1_000.0;
        api.input_per_1m = 1.0;
        let mut hosted = ApproachCost::blank(ApproachKind::SelfHostedLora);
        hosted.name = "Self-hosted LoRA".into();
        hosted.fixed_monthly = 5_000.0;
        hosted.data_prep = 100.0;
        match break_even(&api, &hosted, 100_000.0) {
            BreakEven::Never { reason } => {
                assert!(reason.contains("at 100,000 requests a month"), "{reason}");
                assert!(reason.contains("hosting and fees spread"), "{reason}");
                assert!(
                    !reason.contains("only grows"),
                    "cheaper per request: {reason}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    fn any_approach() -> impl Strategy<Value = ApproachCost> {
        (
            (
                0.0..1e5f64,
                0.0..1e4f64,
                0.0..100f64,
                0.0..100f64,
                0.5..10f64,
            ),
            (0.0..1e4f64, 0.0..1e3f64, 0.0..10f64, 0.0..1e4f64),
            (
                0.0..1e7f64,
                0.0..5f64,
                0.0..50f64,
                prop::option::of(1.0..60f64),
            ),
        )
            .prop_map(
                |(
                    (inp, out, pin, pout, mult),
                    (prep, host, retrain, fixed),
                    (tt, ep, per, life),
                )| {
                    let mut a = ApproachCost::blank(ApproachKind::ApiFineTuning);
                    a.input_tokens = inp;
                    a.output_tokens = out;
                    a.input_per_1m = pin;
                    a.output_per_1m = pout;
                    a.price_multiplier = mult;
                    a.data_prep = prep;
                    a.hosting_per_hour = host / 730.0;
                    a.retrain_every_months = if retrain < 1.0 { 0.0 } else { retrain };
                    a.fixed_monthly = fixed;
                    a.training = Training::Tokens {
                        tokens: tt,
                        epochs: ep,
                        per_1m: per,
                    };
                    a.lifetime_months = life;
                    a
                },
            )
    }

    #[test]
    fn growth_by_hand() {
        // $1,000 to train saves $0.01 a request: 100,000 requests whatever
        // the growth. At 10,000 a month growing 10 %, R(t) = 10,000 ×
        // (1.1^t − 1) / ln 1.1 reaches 100,000 at t = ln(1 + 10 ln 1.1) /
        // ln 1.1 = 7.0236 months, not 10.
        let mut a = prompt(0.02);
        let mut b = tuned(1_000.0, 0.01);
        assert!((a.per_request() - b.per_request() - 0.01).abs() < 1e-15);
        a.volume_growth = 0.1;
        b.volume_growth = 0.1;
        match break_even(&a, &b, 10_000.0) {
            BreakEven::At {
                requests, months, ..
            } => {
                assert!((requests - 100_000.0).abs() < 1e-3, "{requests}");
                let expected = (1.0 + 10.0 * 1.1_f64.ln()).ln() / 1.1_f64.ln();
                assert!((months - expected).abs() < 1e-9, "{months} vs {expected}");
                assert!((months - 7.0236).abs() < 1e-4);
            }
            other => panic!("{other:?}"),
        }
        // Level at the start and dearer per request: never, not "immediate".
        let mut dear = tuned(0.0, 0.03);
        dear.volume_growth = 0.1;
        let mut cheap = prompt(0.02);
        cheap.volume_growth = 0.1;
        assert!(matches!(
            break_even(&cheap, &dear, 10_000.0),
            BreakEven::Never { .. }
        ));
        dear.retrain_every_months = 3.0;
        cheap.volume_growth = 0.0;
        dear.volume_growth = 0.0;
        assert!(matches!(
            break_even(&cheap, &dear, 10_000.0),
            BreakEven::Never { .. }
        ));
        // Hosting of $500 a month on the candidate: without growth it never
        // pays at 10,000 a month (it saves only $100 a month); growing 10 %
        // a month, the volume passes 50,000 a month by month 17 and it does.
        b.fixed_monthly = 500.0;
        for (g, pays) in [(0.0, false), (0.1, true)] {
            a.volume_growth = g;
            b.volume_growth = g;
            let r = break_even(&a, &b, 10_000.0);
            assert_eq!(r.months().is_some(), pays, "{g}: {r:?}");
            if let BreakEven::At {
                requests, months, ..
            } = r
            {
                // Checked month by month, by hand: the costs cross there.
                let cost = |x: &ApproachCost, t: f64| x.cumulative(t, 10_000.0);
                assert!(cost(&b, months - 0.01) > cost(&a, months - 0.01));
                assert!(cost(&b, months + 0.01) < cost(&a, months + 0.01));
                assert!((b.requests_by(months, 10_000.0) - requests).abs() < 1e-3);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every view reads one lifetime: the break-even table, the
        /// sensitivity entries and the horizon total agree on whether a
        /// retired approach pays off and what it costs.
        #[test]
        fn lifetimes_agree_across_views(a in any_approach(), b in any_approach(), v in 1.0..1e6f64, horizon in 1.0..60f64) {
            let r = break_even(&a, &b, v);
            if let (Some(m), Some(life)) = (r.practical_months(), b.lifetime_months) {
                prop_assert!(m <= life + 1e-9);
            }
            for (_, s) in multiplier_sweep(&a, &b, v) {
                if let (Some(m), Some(life)) = (s.practical_months(), b.lifetime_months) {
                    prop_assert!(m <= life + 1e-9);
                }
            }
            for s in tornado(&a, &b, v) {
                for x in [&s.low, &s.high] {
                    if let (Some(m), Some(life)) = (x.practical_months(), b.lifetime_months) {
                        prop_assert!(m <= life + 1e-9, "{} {:?}", s.input, x);
                    }
                }
            }
            let total = crate::core::costs::horizon_total::horizon_total(&b, v, horizon);
            match b.lifetime_months {
                Some(life) if life < horizon => {
                    prop_assert!(!total.serves());
                    prop_assert_eq!(total.cost(), cost_at(&b, v * life, v));
                }
                _ => {
                    prop_assert!(total.serves());
                    prop_assert_eq!(total.cost(), cost_at(&b, v * horizon, v));
                }
            }
        }

        #[test]
        fn costs_never_decrease_with_volume(a in any_approach(), v in 1.0..1e7f64, q1 in 0.0..1e8f64, dq in 0.0..1e8f64) {
            let c1 = cost_at(&a, q1, v);
            let c2 = cost_at(&a, q1 + dq, v);
            prop_assert!(c1.is_finite() && c2.is_finite());
            prop_assert!(c2 >= c1 - 1e-9 * c1.abs().max(1.0));
        }

        #[test]
        fn break_even_is_where_the_curves_meet(a in any_approach(), b in any_approach(), v in 1.0..1e6f64) {
            match break_even(&a, &b, v) {
                BreakEven::At { requests, months, .. } => {
                    prop_assert!(requests.is_finite() && requests > 0.0 && months.is_finite());
                    let tol = 1e-6 * cost_at(&a, requests, v).max(1.0);
                    // Just after the break-even the candidate is no dearer…
                    prop_assert!(cost_at(&b, requests, v) <= cost_at(&a, requests, v) + tol);
                    // …and just before it, it was dearer.
                    let before = requests * (1.0 - 1e-7);
                    prop_assert!(cost_at(&b, before, v) >= cost_at(&a, before, v) - tol);
                }
                BreakEven::Immediate => {
                    prop_assert!(cost_at(&b, 0.0, v) <= cost_at(&a, 0.0, v) + 1e-9);
                }
                BreakEven::Never { reason } => prop_assert!(!reason.is_empty()),
            }
        }

        #[test]
        fn the_envelope_is_the_minimum(a in any_approach(), b in any_approach(), c in any_approach(), v in 1.0..1e6f64, frac in 0.0..1.0f64, g in prop_oneof![Just(0.0), -0.3..0.5f64]) {
            let mut all = vec![a, b, c];
            for x in &mut all {
                x.volume_growth = g;
            }
            let max_q = all[0].requests_by(24.0, v);
            let env = cheapest(&all, &[0, 1, 2], v, max_q);
            prop_assert!(!env.is_empty());
            prop_assert_eq!(env[0].from_requests, 0.0);
            for s in &env {
                prop_assert!(s.from_requests < s.to_requests && s.to_requests <= max_q);
            }
            let q = frac * max_q;
            let alive = |x: &ApproachCost| x.lifetime_months.is_none_or(|m| q <= x.requests_by(m, v));
            let best = all.iter().filter(|x| alive(x)).map(|x| cost_at(x, q, v)).fold(f64::INFINITY, f64::min);
            let near_cut = env.iter().any(|s| (s.from_requests - q).abs() < 1e-6 * max_q || (s.to_requests - q).abs() < 1e-6 * max_q);
            match env.iter().find(|s| s.from_requests <= q && q <= s.to_requests) {
                Some(seg) => {
                    let tol = 1e-6 * best.max(1.0);
                    prop_assert!(near_cut || cost_at(&all[seg.approach], q, v) <= best + tol);
                }
                None => prop_assert!(near_cut || best.is_infinite(), "a gap only where every model has retired"),
            }
        }

        /// With a growing or shrinking volume the curves bend; the
        /// break-even found by sampling and bisection is still where they
        /// meet, and the horizon total still reads the same lifetime.
        #[test]
        fn with_growth_the_break_even_is_where_the_curves_meet(
            a in any_approach(), b in any_approach(), v in 1.0..1e6f64, g in -0.3..0.5f64, horizon in 1.0..60f64,
        ) {
            let (mut a, mut b) = (a, b);
            a.volume_growth = g;
            b.volume_growth = g;
            match break_even(&a, &b, v) {
                BreakEven::At { requests, months, .. } => {
                    prop_assert!(requests.is_finite() && requests > 0.0 && months.is_finite());
                    prop_assert!((b.requests_by(months, v) - requests).abs() <= 1e-6 * requests.max(1.0));
                    let tol = 1e-6 * cost_at(&a, requests, v).max(1.0);
                    prop_assert!(cost_at(&b, requests, v) <= cost_at(&a, requests, v) + tol);
                    let before = requests * (1.0 - 1e-7);
                    prop_assert!(cost_at(&b, before, v) >= cost_at(&a, before, v) - tol);
                }
                BreakEven::Immediate => {
                    // No dearer from the first request on.
                    for q in [0.0, 1.0, b.requests_by(1.0, v), b.requests_by(12.0, v)] {
                        let tol = 1e-6 * cost_at(&a, q, v).max(1.0);
                        prop_assert!(cost_at(&b, q, v) <= cost_at(&a, q, v) + tol, "at {q}");
                    }
                }
                BreakEven::Never { reason } => prop_assert!(!reason.is_empty()),
            }
            let total = crate::core::costs::horizon_total::horizon_total(&b, v, horizon);
            let months = b.lifetime_months.filter(|l| *l < horizon).unwrap_or(horizon);
            prop_assert_eq!(total.cost(), cost_at(&b, b.requests_by(months, v), v));
        }

        #[test]
        fn no_input_produces_nan(x in proptest::num::f64::ANY, y in proptest::num::f64::ANY, v in proptest::num::f64::ANY) {
            let mut a = prompt(x);
            a.output_tokens = y;
            a.retrain_every_months = x;
            a.lifetime_months = Some(y);
            let mut b = tuned(y, x);
            b.fixed_monthly = x;
            for r in [break_even(&a, &b, v), break_even(&b, &a, v)] {
                if let BreakEven::At { requests, months, .. } = r {
                    prop_assert!(requests.is_finite() && months.is_finite());
                }
            }
            prop_assert!(cost_at(&a, y, v).is_finite());
            let _ = cheapest(&[a.clone(), b.clone()], &[0, 1], v, x);
            let _ = tornado(&a, &b, v);
        }
    }
}
