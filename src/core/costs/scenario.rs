//! Everything the cost calculator shows, as one value: volume, horizon,
//! planned start, one approach per kind; with defaults, availability and a
//! query-string form for links and storage.
//!
//! Architecture invariant: pure, no UI imports. Decoding is total: each
//! field that does not parse keeps its default.

use crate::core::costs::approach_cost::{ApproachCost, ApproachKind, MAX_INPUT, Training};
use crate::core::costs::fields::{self, FIELDS};
use crate::core::costs::prices::{self, Availability, OrgStanding};
use crate::core::costs::request_profile::RequestProfile;
use crate::core::costs::volume_growth::{MAX_GROWTH, MAX_REQUESTS, MIN_GROWTH, requests_by};
use crate::core::dates;

/// Longest query string accepted.
pub const MAX_LEN: usize = 16_384;

/// The calculator's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub monthly_requests: f64,
    /// The typical request every approach starts from (link keys `p.in`,
    /// `p.out`, `p.rr`, `p.g` for the monthly growth, written only when not 0).
    pub profile: RequestProfile,
    pub horizon_months: f64,
    /// Planned start of training/serving, ISO date.
    pub start: String,
    pub log_x: bool,
    /// The chart's cost axis is logarithmic (link key `ly`, written only
    /// when set).
    pub log_y: bool,
    /// Draw approaches whose preset is unavailable anyway.
    pub include_unavailable: bool,
    /// Whether the user's organisation already trains at providers that
    /// close training by history (link key `org`, absent = new).
    pub standing: OrgStanding,
    /// One approach per [`ApproachKind`], in [`ApproachKind::ALL`] order.
    pub approaches: Vec<ApproachCost>,
}

/// The presets the example defaults prefer for each approach kind, best
/// first; the first one available on the user's date is used.
pub fn preferred_presets(kind: ApproachKind) -> &'static [&'static str] {
    match kind {
        ApproachKind::PromptEngineering | ApproachKind::Rag => {
            &["openai-gpt-4.1", "openai-gpt-4o", "own-base-model"]
        }
        ApproachKind::ApiFineTuning => &[
            "openai-gpt-4.1-mini-ft",
            "azure-gpt-4.1-mini-ft",
            "own-api-fine-tuning",
        ],
        ApproachKind::ApiSmallModel => &[
            "together-lora-up-to-16b",
            "fireworks-lora-up-to-16b",
            "own-api-lora",
        ],
        ApproachKind::SelfHostedLora => &["runpod-h100-community", "own-gpu-hour"],
        ApproachKind::SelfHostedFull => &["runpod-h100-secure", "own-gpu-hour"],
    }
}

/// The preset the defaults use for `kind` on `today`: the first preferred
/// one that is available, else the first available "your own price"
/// preset of that kind (example figures, labelled as such), else the
/// first preferred one (shown as unavailable rather than silently dropped).
pub fn default_preset(
    kind: ApproachKind,
    today: &str,
    standing: OrgStanding,
) -> Option<&'static prices::Preset> {
    let available = |p: &&'static prices::Preset| {
        matches!(
            prices::availability(p, kind, today, standing),
            Availability::Available { .. }
        )
    };
    let preferred = preferred_presets(kind)
        .iter()
        .filter_map(|id| prices::by_id(id));
    preferred
        .clone()
        .find(available)
        .or_else(|| {
            prices::for_kind(kind)
                .filter(|p| p.own_price)
                .find(available)
        })
        .or_else(|| preferred.clone().next())
}

/// The example defaults for `today`, each approach priced from the preset
/// [`default_preset`] picks on that date. Token counts, data-preparation
/// costs and GPU-hours are illustrative assumptions for a mid-sized task;
/// every one is editable. The organisation is taken as new to training
/// (see [`default_scenario_for`]).
pub fn default_scenario(today: &str) -> Scenario {
    default_scenario_for(today, OrgStanding::default())
}

/// The example defaults for `today` and an organisation of `standing`.
pub fn default_scenario_for(today: &str, standing: OrgStanding) -> Scenario {
    let preset = |a: &mut ApproachCost| {
        if let Some(p) = default_preset(a.kind, today, standing) {
            prices::apply(a, p);
        }
    };
    // Prompt engineering sends the shared prompt; RAG a shorter one
    // (30 %) plus retrieved context; a trained model needs a much shorter
    // prompt (15 %: the instructions and examples are learnt).
    let tuned_prompt = 0.15;
    let mut pe = ApproachCost::blank(ApproachKind::PromptEngineering);
    preset(&mut pe);

    let mut rag = ApproachCost::blank(ApproachKind::Rag);
    rag.prompt_share = 0.3;
    rag.retrieved_tokens = 1_500.0;
    rag.query_embedding_tokens = 30.0;
    rag.corpus_tokens = 20_000_000.0;
    rag.fixed_monthly = 50.0;
    rag.data_prep = 1_000.0;
    preset(&mut rag);

    let mut api = ApproachCost::blank(ApproachKind::ApiFineTuning);
    api.prompt_share = tuned_prompt;
    api.data_prep = 2_000.0;
    api.training = Training::Tokens {
        tokens: 2_000_000.0,
        epochs: 3.0,
        per_1m: 0.0,
    };
    preset(&mut api);

    let mut small = ApproachCost::blank(ApproachKind::ApiSmallModel);
    small.prompt_share = tuned_prompt;
    small.data_prep = 2_000.0;
    small.training = Training::Tokens {
        tokens: 2_000_000.0,
        epochs: 3.0,
        per_1m: 0.0,
    };
    preset(&mut small);

    let mut lora = ApproachCost::blank(ApproachKind::SelfHostedLora);
    lora.prompt_share = tuned_prompt;
    lora.data_prep = 2_000.0;
    lora.training = Training::GpuHours {
        hours: 8.0,
        per_hour: 0.0,
    };
    preset(&mut lora);

    let mut full = ApproachCost::blank(ApproachKind::SelfHostedFull);
    full.prompt_share = tuned_prompt;
    full.data_prep = 5_000.0;
    full.training = Training::GpuHours {
        hours: 192.0,
        per_hour: 0.0,
    };
    full.replicas = 2.0;
    preset(&mut full);

    Scenario {
        monthly_requests: 500_000.0,
        profile: RequestProfile::default(),
        horizon_months: 24.0,
        start: today.to_string(),
        log_x: false,
        log_y: false,
        include_unavailable: false,
        standing,
        approaches: vec![pe, rag, api, small, lora, full],
    }
}

/// `s` for an organisation of `standing`. Approaches still exactly as the
/// example defaults of the old standing take the new standing's defaults
/// (a new organisation's Azure fine-tune becomes OpenAI's for one that
/// trains there); approaches the user edited keep their figures.
pub fn with_standing(s: &Scenario, standing: OrgStanding) -> Scenario {
    let old = default_scenario_for(&s.start, s.standing);
    let new = default_scenario_for(&s.start, standing);
    let mut out = s.clone();
    out.standing = standing;
    for (i, a) in out.approaches.iter_mut().enumerate() {
        if old.approaches.get(i) == Some(&*a)
            && let Some(next) = new.approaches.get(i)
        {
            *a = next.clone();
        }
    }
    out
}

/// Whether approach `i` can be used, from its preset and the start date.
pub fn availability(s: &Scenario, i: usize) -> Availability {
    let a = &s.approaches[i];
    match a.preset.and_then(prices::by_id) {
        Some(p) => prices::availability(p, a.kind, &s.start, s.standing),
        None => Availability::Available {
            lifetime_months: None,
        },
    }
}

impl Scenario {
    /// The approaches as they are priced: tokens and retries from the
    /// request profile, lifetimes bound to the start date. Every view
    /// prices these, never `approaches` directly.
    pub fn resolved(&self) -> Vec<ApproachCost> {
        (0..self.approaches.len()).map(|i| self.priced(i)).collect()
    }

    /// Approach `i` as it is priced (one entry of [`Scenario::resolved`]).
    pub fn priced(&self, i: usize) -> ApproachCost {
        let mut a = self.approaches[i].clone();
        self.profile.apply(&mut a);
        // Unavailable approaches are compared only when the user opts in,
        // to see them as if they were still offered.
        a.lifetime_months = match availability(self, i) {
            Availability::Available { lifetime_months } => lifetime_months,
            Availability::Unavailable { .. } => None,
        };
        a
    }

    /// Indices of the approaches to compare: enabled, and available unless
    /// the user opted in to unavailable ones.
    pub fn compared(&self) -> Vec<usize> {
        (0..self.approaches.len())
            .filter(|i| self.approaches[*i].enabled)
            .filter(|i| {
                self.include_unavailable
                    || matches!(availability(self, *i), Availability::Available { .. })
            })
            .collect()
    }

    /// Cumulative volume at the end of the horizon (the profile's growth
    /// included).
    pub fn max_requests(&self) -> f64 {
        let q = requests_by(
            self.monthly_requests,
            self.profile.growth,
            self.horizon_months,
        );
        if q.is_finite() {
            q.clamp(0.0, MAX_REQUESTS)
        } else {
            0.0
        }
    }
}

fn training_parts(t: Training) -> (&'static str, f64, f64, f64) {
    match t {
        Training::None => ("none", 0.0, 0.0, 0.0),
        Training::Tokens {
            tokens,
            epochs,
            per_1m,
        } => ("tokens", tokens, epochs, per_1m),
        Training::GpuHours { hours, per_hour } => ("gpu", hours, 0.0, per_hour),
    }
}

/// Encodes the scenario as a query string.
pub fn encode(s: &Scenario) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("v", &fmt(s.monthly_requests));
    out.append_pair("p.in", &fmt(s.profile.prompt_tokens));
    out.append_pair("p.out", &fmt(s.profile.output_tokens));
    out.append_pair("p.rr", &fmt(s.profile.retry_rate));
    // Written only when set, so links without growth read as before.
    if s.profile.growth != 0.0 {
        out.append_pair("p.g", &fmt(s.profile.growth));
    }
    out.append_pair("h", &fmt(s.horizon_months));
    out.append_pair("start", &s.start);
    if s.log_x {
        out.append_pair("log", "1");
    }
    if s.log_y {
        out.append_pair("ly", "1");
    }
    if s.include_unavailable {
        out.append_pair("all", "1");
    }
    if s.standing != OrgStanding::default() {
        out.append_pair("org", s.standing.id());
    }
    for (k, a) in s.approaches.iter().enumerate() {
        let key = |f: &str| format!("{k}.{f}");
        out.append_pair(&key("on"), if a.enabled { "1" } else { "0" });
        out.append_pair(&key("name"), &a.name);
        if let Some(p) = a.preset {
            out.append_pair(&key("p"), p);
        }
        if let Some(r) = a.retry_override {
            out.append_pair(&key("rr"), &fmt(r));
        }
        for f in &FIELDS {
            out.append_pair(&key(f.key), &fmt((f.get)(a)));
        }
        let (mode, x, y, z) = training_parts(a.training);
        out.append_pair(&key("tm"), mode);
        if mode != "none" {
            out.append_pair(&key("t1"), &fmt(x));
            out.append_pair(&key("t2"), &fmt(y));
            out.append_pair(&key("t3"), &fmt(z));
        }
    }
    out.finish()
}

fn fmt(x: f64) -> String {
    format!("{x}")
}

fn number(v: &str) -> Option<f64> {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && (0.0..=MAX_INPUT).contains(x))
}

/// Link key naming the approach another tool recommends (its index), so the
/// calculator can mark it: `costs.html#/costs?<scenario>&hl=<index>`. Not
/// part of the scenario; the calculator drops it once the user edits.
pub const HIGHLIGHT_KEY: &str = "hl";

/// `query` with the approach at `index` marked as recommended.
pub fn with_highlight(query: &str, index: usize) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    format!("{query}{sep}{HIGHLIGHT_KEY}={index}")
}

/// The approach a link marks as recommended, if it names one of the
/// scenario's approaches.
pub fn highlight(query: &str) -> Option<usize> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == HIGHLIGHT_KEY)
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .filter(|i| *i < ApproachKind::ALL.len())
}

/// Decodes a query string onto the defaults for `today` (and the
/// organisation's standing the link gives); anything that does not parse
/// keeps its default.
pub fn decode(query: &str, today: &str) -> Scenario {
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_LEN {
        return default_scenario(today);
    }
    let standing = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "org")
        .and_then(|(_, v)| OrgStanding::from_id(&v))
        .unwrap_or_default();
    let mut s = default_scenario_for(today, standing);
    let mut training: Vec<(Option<String>, [Option<f64>; 3])> =
        vec![(None, [None; 3]); s.approaches.len()];
    // Links saved before the shared profile (no `p.in`) gave every
    // approach its own tokens and retry rate: `k.in`, `k.out`, `k.rr`.
    let mut legacy: Vec<[Option<f64>; 3]> = vec![[None; 3]; s.approaches.len()];
    let mut has_profile = false;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "v" => s.monthly_requests = number(&value).unwrap_or(s.monthly_requests),
            "h" => {
                s.horizon_months = number(&value)
                    .filter(|h| *h <= 1200.0)
                    .unwrap_or(s.horizon_months)
            }
            "start" if dates::day_number(&value).is_some() => s.start = value.into_owned(),
            "p.in" => {
                has_profile = true;
                s.profile.prompt_tokens = number(&value).unwrap_or(s.profile.prompt_tokens)
            }
            "p.out" => s.profile.output_tokens = number(&value).unwrap_or(s.profile.output_tokens),
            "p.rr" => {
                s.profile.retry_rate = number(&value)
                    .filter(|r| *r <= 1.0)
                    .unwrap_or(s.profile.retry_rate)
            }
            "p.g" => {
                s.profile.growth = value
                    .parse::<f64>()
                    .ok()
                    .filter(|g| (MIN_GROWTH..=MAX_GROWTH).contains(g))
                    .unwrap_or(s.profile.growth)
            }
            "log" => s.log_x = value == "1",
            "ly" => s.log_y = value == "1",
            "all" => s.include_unavailable = value == "1",
            "org" => {}
            _ => {
                let Some((idx, field)) = key.split_once('.') else {
                    continue;
                };
                let Some(a) = idx
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| s.approaches.get_mut(i))
                else {
                    continue;
                };
                let k: usize = idx.parse().unwrap_or(0);
                match field {
                    "on" => a.enabled = value != "0",
                    "name" => {
                        let name: String =
                            value.chars().filter(|c| !c.is_control()).take(60).collect();
                        if !name.trim().is_empty() {
                            a.name = name;
                        }
                    }
                    "p" => {
                        a.preset = prices::by_id(&value)
                            .filter(|p| prices::for_kind(a.kind).any(|q| q.id == p.id))
                            .map(|p| p.id)
                    }
                    "in" => legacy[k][0] = number(&value),
                    "out" => legacy[k][1] = number(&value),
                    "rr" => legacy[k][2] = number(&value).filter(|r| *r <= 1.0),
                    "tm" => training[k].0 = Some(value.into_owned()),
                    "t1" => training[k].1[0] = number(&value),
                    "t2" => training[k].1[1] = number(&value),
                    "t3" => training[k].1[2] = number(&value),
                    _ => {
                        if let (Some(f), Some(v)) = (fields::by_key(field), number(&value)) {
                            (f.set)(a, v);
                        }
                    }
                }
            }
        }
    }
    if has_profile {
        for (a, [_, _, rr]) in s.approaches.iter_mut().zip(&legacy) {
            a.retry_override = *rr;
        }
    } else if legacy.iter().flatten().any(Option::is_some) {
        from_legacy_tokens(&mut s, &legacy);
    }
    for (a, (mode, [x, y, z])) in s.approaches.iter_mut().zip(training) {
        let (_, dx, dy, dz) = training_parts(a.training);
        let (x, y, z) = (x.unwrap_or(dx), y.unwrap_or(dy), z.unwrap_or(dz));
        match mode.as_deref() {
            Some("none") => a.training = Training::None,
            Some("tokens") => {
                a.training = Training::Tokens {
                    tokens: x,
                    epochs: y,
                    per_1m: z,
                }
            }
            Some("gpu") => {
                a.training = Training::GpuHours {
                    hours: x,
                    per_hour: z,
                }
            }
            _ => {}
        }
    }
    s
}

/// Per-approach tokens of links saved before the shared profile, in the
/// order of [`ApproachKind::ALL`]: (prompt, output, retry rate) of the
/// example defaults then, used where an old link left one out.
const LEGACY_DEFAULTS: [[f64; 3]; 6] = [
    [2_000.0, 300.0, 0.02],
    [600.0, 300.0, 0.02],
    [300.0, 300.0, 0.02],
    [300.0, 300.0, 0.03],
    [300.0, 300.0, 0.0],
    [300.0, 300.0, 0.0],
];

/// Turns an old link's per-approach tokens into the profile and shares:
/// the profile is the first approach's request (prompt engineering's),
/// every approach's tokens become shares of it, so each approach keeps
/// exactly the tokens it had; an approach whose retry rate differs from
/// the first one's keeps it as its own ([`ApproachCost::retry_override`]).
fn from_legacy_tokens(s: &mut Scenario, legacy: &[[Option<f64>; 3]]) {
    let value = |k: usize, f: usize| {
        legacy
            .get(k)
            .and_then(|x| x[f])
            .unwrap_or(LEGACY_DEFAULTS[k.min(5)][f])
    };
    s.profile = RequestProfile {
        prompt_tokens: value(0, 0),
        output_tokens: value(0, 1),
        retry_rate: value(0, 2),
        growth: 0.0,
    };
    let share = |tokens: f64, base: f64| {
        if base > 0.0 {
            (tokens / base).min(10.0)
        } else {
            1.0
        }
    };
    for (k, a) in s.approaches.iter_mut().enumerate() {
        a.prompt_share = share(value(k, 0), s.profile.prompt_tokens);
        a.output_share = share(value(k, 1), s.profile.output_tokens);
        let retry = value(k, 2);
        a.retry_override = (retry != s.profile.retry_rate).then_some(retry);
    }
}

/// Whether a pair of an old link's per-approach tokens (`k.in`, `k.out`,
/// `k.rr`), which [`encode`] no longer writes, is what `s` prices: a link
/// checker asks this for pairs the new form leaves out.
pub fn legacy_pair_reads_back(s: &Scenario, key: &str, value: &str) -> bool {
    let Some((idx, field)) = key.split_once('.') else {
        return false;
    };
    let (Ok(i), Ok(v)) = (idx.parse::<usize>(), value.parse::<f64>()) else {
        return false;
    };
    let resolved = s.resolved();
    let Some(a) = resolved.get(i) else {
        return false;
    };
    let have = match field {
        "in" => a.input_tokens,
        "out" => a.output_tokens,
        "rr" => a.retry_rate,
        _ => return false,
    };
    (have - v).abs() <= 1e-9 * v.abs().max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::break_even::{BreakEven, break_even};
    use proptest::prelude::*;

    const TODAY: &str = "2026-11-25";

    #[test]
    fn defaults_are_priced_and_comparable() {
        let s = default_scenario(TODAY);
        assert_eq!(s.approaches.len(), ApproachKind::ALL.len());
        for (a, k) in s.resolved().iter().zip(ApproachKind::ALL) {
            assert_eq!(a.kind, k);
            assert!(a.preset.is_some(), "{k:?} has a preset");
            assert!(
                a.per_request() > 0.0 || a.monthly_fixed() > 0.0,
                "{k:?} costs something"
            );
        }
        assert_eq!(s.compared().len(), 6, "all available on {TODAY}");
        // An organisation new to OpenAI training gets Azure's fine-tune; one
        // that trains at OpenAI keeps OpenAI's until training closes.
        assert_eq!(s.approaches[2].preset, Some("azure-gpt-4.1-mini-ft"));
        let s = default_scenario_for(TODAY, OrgStanding::Active);
        assert_eq!(s.approaches[2].preset, Some("openai-gpt-4.1-mini-ft"));
        assert_eq!(
            decode(&encode(&s), TODAY),
            s,
            "the standing rides in the link"
        );
        assert!(encode(&s).contains("org=active"));
        // After OpenAI closes training, the API fine-tune drops out unless opted in.
        let mut later = s.clone();
        later.start = "2027-02-01".into();
        assert!(!later.compared().contains(&2));
        later.include_unavailable = true;
        assert!(later.compared().contains(&2));
        // At 50,000 requests a month the OpenAI fine-tune cannot pay off
        // before its base model retires.
        let r = s.resolved();
        match break_even(&r[0], &r[2], 50_000.0) {
            BreakEven::At {
                within_lifetime, ..
            } => assert!(!within_lifetime),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn answering_the_standing_swaps_only_untouched_defaults() {
        let mut s = default_scenario("2026-12-01");
        s.approaches[5].data_prep = 1.0;
        let active = with_standing(&s, OrgStanding::Active);
        assert_eq!(active.standing, OrgStanding::Active);
        assert_eq!(active.approaches[2].preset, Some("openai-gpt-4.1-mini-ft"));
        assert_eq!(active.approaches[5], s.approaches[5], "edited: kept");
        let back = with_standing(&active, OrgStanding::New);
        assert_eq!(back, s);
        let mut edited = active.clone();
        edited.approaches[2].data_prep = 10.0;
        let kept = with_standing(&edited, OrgStanding::New);
        assert_eq!(kept.approaches[2].preset, Some("openai-gpt-4.1-mini-ft"));
        assert!(
            !kept.compared().contains(&2),
            "now unavailable, shown as such"
        );
    }

    #[test]
    fn links_saved_before_the_profile_keep_every_approach_s_tokens() {
        // An old link: each approach its own tokens and retry rate.
        let old = "v=200000&0.in=1500&0.out=250&0.rr=0.05&1.in=600&1.out=250&2.in=300&2.out=250\
                   &3.in=450&3.out=500&4.in=300&5.in=300";
        let s = decode(old, TODAY);
        assert_eq!(s.profile.prompt_tokens, 1_500.0);
        assert_eq!(s.profile.output_tokens, 250.0);
        assert_eq!(s.profile.retry_rate, 0.05);
        let r = s.resolved();
        // Where the old link left a figure out, the old default holds.
        for (k, (inp, out, rr)) in [
            (1500.0, 250.0, 0.05),
            (600.0, 250.0, 0.02),
            (300.0, 250.0, 0.02),
            (450.0, 500.0, 0.03),
            (300.0, 300.0, 0.0),
            (300.0, 300.0, 0.0),
        ]
        .into_iter()
        .enumerate()
        {
            assert!(
                (r[k].input_tokens - inp).abs() < 1e-9,
                "{k}: {}",
                r[k].input_tokens
            );
            assert!(
                (r[k].output_tokens - out).abs() < 1e-9,
                "{k}: {}",
                r[k].output_tokens
            );
            assert_eq!(r[k].retry_rate, rr, "{k}");
        }
        // An approach with a retry rate of its own keeps it.
        let s2 = decode("0.in=2000&0.rr=0.02&3.in=300&3.rr=0.03&4.rr=0", TODAY);
        let r2 = s2.resolved();
        assert_eq!(
            (r2[0].retry_rate, r2[3].retry_rate, r2[4].retry_rate),
            (0.02, 0.03, 0.0)
        );
        assert_eq!(
            r2[1].retry_rate, 0.02,
            "RAG's old default was the first one's"
        );
        assert_eq!(decode(&encode(&s2), TODAY).resolved(), r2);
        assert!(legacy_pair_reads_back(&s2, "3.in", "300"));
        assert!(!legacy_pair_reads_back(&s2, "3.in", "301"));
        assert!(legacy_pair_reads_back(&s2, "3.rr", "0.03"));
        // Saved again, it is in the new form and reads back the same.
        assert!(encode(&s).contains("p.in=1500"));
        assert_eq!(decode(&encode(&s), TODAY), s);
    }

    #[test]
    fn every_approach_starts_from_the_one_profile() {
        let mut s = default_scenario(TODAY);
        s.profile.prompt_tokens = 1_500.0;
        s.profile.output_tokens = 250.0;
        let r = s.resolved();
        assert_eq!(r[0].input_tokens, 1_500.0);
        assert!(
            (r[1].input_tokens - 450.0).abs() < 1e-9,
            "RAG: 30 % plus retrieved context"
        );
        assert!(
            (r[2].input_tokens - 225.0).abs() < 1e-9,
            "a fine-tune: 15 %"
        );
        assert!(r.iter().all(|a| a.output_tokens == 250.0));
    }

    #[test]
    fn growth_travels_only_when_set() {
        let mut s = default_scenario(TODAY);
        assert!(
            !encode(&s).contains("p.g="),
            "no growth, no key: old links read the same"
        );
        s.profile.growth = 0.05;
        let q = encode(&s);
        assert!(q.contains("p.g=0.05"), "{q}");
        assert_eq!(decode(&q, TODAY).profile.growth, 0.05);
        // Every approach carries it once resolved; totals grow with it.
        let grown = s.resolved();
        assert!(grown.iter().all(|a| a.volume_growth == 0.05));
        assert!(s.max_requests() > s.monthly_requests * s.horizon_months);
        // Out of range or garbage keeps the default.
        for bad in ["p.g=2", "p.g=-0.9", "p.g=NaN", "p.g=x"] {
            assert_eq!(decode(bad, TODAY).profile.growth, 0.0, "{bad}");
        }
        assert_eq!(decode("p.g=-0.1", TODAY).profile.growth, -0.1);
    }

    #[test]
    fn round_trips_through_a_link() {
        let mut s = default_scenario(TODAY);
        s.monthly_requests = 12_345.0;
        s.log_x = true;
        s.log_y = true;
        s.approaches[1].enabled = false;
        s.approaches[3].name = "Our LoRA, v2 & co".into();
        s.profile.prompt_tokens = 1_500.0;
        s.approaches[2].prompt_share = 0.2;
        s.approaches[4].training = Training::None;
        s.approaches[5].cached_share = 0.25;
        assert_eq!(decode(&encode(&s), TODAY), s);
    }

    #[test]
    fn damaged_links_keep_defaults_field_by_field() {
        let s = decode(
            "v=-5&h=abc&start=yesterday&p.in=NaN&p.out=77&1.p=runpod-h100-secure&9.in=5&x.y=1&2.tm=gpu&2.t1=inf",
            TODAY,
        );
        let d = default_scenario(TODAY);
        assert_eq!(s.monthly_requests, d.monthly_requests);
        assert_eq!(s.horizon_months, d.horizon_months);
        assert_eq!(s.start, TODAY);
        for impossible in ["2026-02-31", "2027-02-29", "2026-12-1", " 2026-12-01"] {
            let q = format!("start={}", impossible.replace(' ', "%20"));
            assert_eq!(decode(&q, TODAY).start, TODAY, "{impossible:?}");
        }
        assert_eq!(decode("start=2028-02-29", TODAY).start, "2028-02-29");
        assert_eq!(s.profile.prompt_tokens, d.profile.prompt_tokens);
        assert_eq!(s.profile.output_tokens, 77.0);
        assert_eq!(
            s.approaches[1].preset, None,
            "a GPU preset does not fit RAG"
        );
        assert!(matches!(
            s.approaches[2].training,
            Training::GpuHours { .. }
        ));
        assert_eq!(decode(&"x".repeat(MAX_LEN + 1), TODAY), d);
    }

    /// ISO dates of the first of each month from 2026-12 to 2028-12.
    fn first_days() -> impl Iterator<Item = String> {
        (0..=24).map(|i| {
            let (y, m) = (2026 + (11 + i) / 12, (11 + i) % 12 + 1);
            format!("{y:04}-{m:02}-01")
        })
    }

    #[test]
    fn defaults_stay_comparable_month_by_month_to_2028() {
        let mut owned = 0;
        for today in first_days() {
            let s = default_scenario(&today);
            assert_eq!(
                s.compared(),
                vec![0, 1, 2, 3, 4, 5],
                "six approaches on {today}"
            );
            let r = s.resolved();
            for (a, k) in r.iter().zip(ApproachKind::ALL) {
                let p = a.preset.and_then(prices::by_id).expect("a preset");
                assert!(
                    matches!(
                        prices::availability(p, k, &today, s.standing),
                        Availability::Available { .. }
                    ),
                    "{k:?} on {today}: {} is available",
                    p.id
                );
                owned += usize::from(p.own_price);
                assert!(
                    a.per_request().is_finite()
                        && a.one_off().is_finite()
                        && a.monthly_fixed().is_finite(),
                    "{k:?} on {today}"
                );
                assert!(
                    a.per_request() > 0.0 || a.monthly_fixed() > 0.0,
                    "{k:?} costs something on {today}"
                );
            }
            for i in 0..r.len() {
                for j in 0..r.len() {
                    match break_even(&r[i], &r[j], s.monthly_requests) {
                        BreakEven::At {
                            requests, months, ..
                        } => {
                            assert!(
                                requests.is_finite() && months.is_finite(),
                                "{i}/{j} on {today}"
                            )
                        }
                        BreakEven::Immediate | BreakEven::Never { .. } => {}
                    }
                }
            }
        }
        assert!(
            owned > 0,
            "the walk reaches dates where only own prices remain"
        );
    }

    #[test]
    fn own_price_stands_in_once_the_base_models_retire() {
        let before = default_scenario("2027-01-13");
        assert_eq!(before.approaches[0].preset, Some("openai-gpt-4.1"));
        assert_eq!(before.approaches[2].preset, Some("azure-gpt-4.1-mini-ft"));
        let after = default_scenario("2027-01-14");
        assert_eq!(after.approaches[0].preset, Some("own-base-model"));
        assert_eq!(after.approaches[1].preset, Some("own-base-model"));
        assert!(prices::by_id("own-base-model").unwrap().own_price);
    }

    #[test]
    fn a_highlight_rides_along_without_changing_the_scenario() {
        let s = default_scenario(TODAY);
        let q = with_highlight(&encode(&s), 3);
        assert_eq!(highlight(&q), Some(3));
        assert_eq!(decode(&q, TODAY), s);
        assert_eq!(highlight("hl=9"), None);
        assert_eq!(highlight("hl=x"), None);
        assert_eq!(highlight(&with_highlight("", 0)), Some(0));
    }

    proptest! {
        #[test]
        fn decoding_anything_is_safe(q in ".{0,400}") {
            let s = decode(&q, TODAY);
            let r = s.resolved();
            for i in s.compared() {
                prop_assert!(r[i].per_request().is_finite());
            }
        }
    }
}
