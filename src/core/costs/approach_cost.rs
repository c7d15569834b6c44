//! The cost model: what an approach costs per request, up front and per month.
//!
//! Each [`ApproachCost`] describes one way of serving a task (prompting a
//! base model, RAG, an API fine-tune, a self-hosted LoRA…) by the same
//! handful of numbers:
//! - **cost per request** `c = (1 + retry rate) × (input tokens × blended
//!   input price + output tokens × output price) × batch factor + query
//!   embedding`, where the input includes retrieved context and the blended
//!   input price mixes cached and uncached tokens;
//! - **one-off cost** `F`: data preparation, training (tokens × epochs ×
//!   price, or GPU-hours × rate) and RAG indexing (corpus tokens ×
//!   embedding price), paid again at every retraining;
//! - **recurring monthly cost** `H`: dedicated hosting (replicas × hourly
//!   rate × hours a month) plus fixed fees (vector store, storage).
//!
//! Every input is sanitised before use (non-finite or negative → 0,
//! fractions clamped to 0..1, sizes capped), so no input yields NaN, ∞ or a
//! panic. [`field_error`] gives the message the UI shows for a bad value.
//!
//! Architecture invariant: pure arithmetic, no UI imports.

use crate::core::costs::volume_growth;
use crate::core::number_parse::parse_number;

/// Largest value any money, token or volume input may take.
pub const MAX_INPUT: f64 = 1e12;
/// Hours in an average month (365.25 × 24 / 12), for round-the-clock hosting.
pub const HOURS_PER_MONTH: f64 = 730.5;

/// The family an approach belongs to; it decides which inputs apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApproachKind {
    PromptEngineering,
    Rag,
    ApiFineTuning,
    ApiSmallModel,
    SelfHostedLora,
    SelfHostedFull,
}

impl ApproachKind {
    /// All kinds, in the order the calculator lists them.
    pub const ALL: [ApproachKind; 6] = [
        ApproachKind::PromptEngineering,
        ApproachKind::Rag,
        ApproachKind::ApiFineTuning,
        ApproachKind::ApiSmallModel,
        ApproachKind::SelfHostedLora,
        ApproachKind::SelfHostedFull,
    ];

    /// Default display name.
    pub fn label(self) -> &'static str {
        match self {
            ApproachKind::PromptEngineering => "Prompt engineering",
            ApproachKind::Rag => "RAG",
            ApproachKind::ApiFineTuning => "API fine-tuning",
            ApproachKind::ApiSmallModel => "API LoRA / small-model fine-tuning",
            ApproachKind::SelfHostedLora => "Self-hosted LoRA",
            ApproachKind::SelfHostedFull => "Self-hosted full fine-tuning",
        }
    }

    /// Whether this kind trains a model (and so has a training cost and a
    /// lifetime bound to its base model).
    pub fn trains(self) -> bool {
        !matches!(self, ApproachKind::PromptEngineering | ApproachKind::Rag)
    }
}

/// How training is billed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Training {
    /// No training.
    None,
    /// Training tokens × epochs × price per 1M training tokens.
    Tokens {
        tokens: f64,
        epochs: f64,
        per_1m: f64,
    },
    /// GPU-hours × price per GPU-hour.
    GpuHours { hours: f64, per_hour: f64 },
}

/// Every number that prices one approach. Prices are USD; token prices are
/// per million tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct ApproachCost {
    pub kind: ApproachKind,
    pub name: String,
    pub enabled: bool,
    // Per request.
    /// This approach's prompt as a share of the scenario's request profile
    /// (1 = the same prompt; a fine-tune needs a shorter one). See
    /// [`crate::core::costs::request_profile`].
    pub prompt_share: f64,
    /// This approach's output as a share of the profile's.
    pub output_share: f64,
    /// Effective prompt tokens per request (profile × `prompt_share`, set
    /// by `Scenario::resolved`).
    pub input_tokens: f64,
    /// Effective output tokens per request (profile × `output_share`).
    pub output_tokens: f64,
    pub input_per_1m: f64,
    pub output_per_1m: f64,
    /// Multiplier on the per-token prices (a fine-tuned model's premium over
    /// its base model, typically 1–10×).
    pub price_multiplier: f64,
    /// Share of input tokens billed at the cached rate, 0..1.
    pub cached_share: f64,
    pub cached_input_per_1m: f64,
    /// Share of requests sent through a batch API, 0..1.
    pub batch_share: f64,
    /// Batch discount, 0..1 (0.5 = half price).
    pub batch_discount: f64,
    /// Share of requests retried, 0..1 (each retry costs a full request);
    /// the profile's, set by `Scenario::resolved`.
    pub retry_rate: f64,
    /// A retry rate of its own, kept from links saved before the shared
    /// profile gave every approach one (link key `k.rr`); `None` = the
    /// profile's.
    pub retry_override: Option<f64>,
    /// RAG: context tokens retrieved and added to each request's input.
    pub retrieved_tokens: f64,
    /// RAG: tokens embedded per query.
    pub query_embedding_tokens: f64,
    pub embedding_per_1m: f64,
    // One-off.
    pub data_prep: f64,
    pub training: Training,
    /// RAG: corpus tokens embedded once to build the index.
    pub corpus_tokens: f64,
    // Recurring.
    /// Dedicated hosting: hourly price per replica (0 = serverless).
    pub hosting_per_hour: f64,
    pub replicas: f64,
    /// Hours a month the deployment is billed (730.5 = around the clock).
    pub hosting_hours_per_month: f64,
    /// Fixed monthly fees: vector store, model storage.
    pub fixed_monthly: f64,
    /// Retrain every N months (0 = never); the one-off cost recurs.
    pub retrain_every_months: f64,
    /// Months the trained model can serve before its base model retires
    /// (`None` = no announced end).
    pub lifetime_months: Option<f64>,
    /// Id of the price preset the figures came from, if any.
    pub preset: Option<&'static str>,
    /// How fast the monthly volume grows, per month (0.1 = 10 %): the
    /// scenario's, set by `Scenario::resolved` (every approach of a
    /// scenario carries the same). Months and requests convert through
    /// [`crate::core::costs::volume_growth`].
    pub volume_growth: f64,
}

fn clean(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(0.0, MAX_INPUT)
    } else {
        0.0
    }
}

fn fraction(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

impl ApproachCost {
    /// A blank approach of `kind`: everything zero, named after the kind.
    pub fn blank(kind: ApproachKind) -> ApproachCost {
        ApproachCost {
            kind,
            name: kind.label().to_string(),
            enabled: true,
            prompt_share: 1.0,
            output_share: 1.0,
            input_tokens: 0.0,
            output_tokens: 0.0,
            input_per_1m: 0.0,
            output_per_1m: 0.0,
            price_multiplier: 1.0,
            cached_share: 0.0,
            cached_input_per_1m: 0.0,
            batch_share: 0.0,
            batch_discount: 0.0,
            retry_rate: 0.0,
            retry_override: None,
            retrieved_tokens: 0.0,
            query_embedding_tokens: 0.0,
            embedding_per_1m: 0.0,
            data_prep: 0.0,
            training: Training::None,
            corpus_tokens: 0.0,
            hosting_per_hour: 0.0,
            replicas: 1.0,
            hosting_hours_per_month: HOURS_PER_MONTH,
            fixed_monthly: 0.0,
            retrain_every_months: 0.0,
            lifetime_months: None,
            preset: None,
            volume_growth: 0.0,
        }
    }

    /// Cost of one request, USD.
    pub fn per_request(&self) -> f64 {
        let m = clean(self.price_multiplier);
        let input = clean(self.input_tokens) + clean(self.retrieved_tokens);
        let cached = fraction(self.cached_share);
        let input_price = (1.0 - cached) * clean(self.input_per_1m) * m
            + cached * clean(self.cached_input_per_1m) * m;
        let model = input * input_price / 1e6
            + clean(self.output_tokens) * clean(self.output_per_1m) * m / 1e6;
        let batch = 1.0 - fraction(self.batch_share) * fraction(self.batch_discount);
        let embed = clean(self.query_embedding_tokens) * clean(self.embedding_per_1m) / 1e6;
        (1.0 + fraction(self.retry_rate)) * model * batch + embed
    }

    /// Cost of training once, USD.
    pub fn training_cost(&self) -> f64 {
        match self.training {
            Training::None => 0.0,
            Training::Tokens {
                tokens,
                epochs,
                per_1m,
            } => clean(tokens) * clean(epochs) * clean(per_1m) / 1e6,
            Training::GpuHours { hours, per_hour } => clean(hours) * clean(per_hour),
        }
    }

    /// One-off cost F (paid again at each retraining), USD.
    pub fn one_off(&self) -> f64 {
        clean(self.data_prep)
            + self.training_cost()
            + clean(self.corpus_tokens) * clean(self.embedding_per_1m) / 1e6
    }

    /// Recurring monthly cost H that does not depend on volume, USD.
    pub fn monthly_fixed(&self) -> f64 {
        clean(self.hosting_per_hour)
            * clean(self.replicas)
            * clean(self.hosting_hours_per_month).min(745.0)
            + clean(self.fixed_monthly)
    }

    /// Retraining period in months, if the approach retrains.
    pub fn retrain_period(&self) -> Option<f64> {
        let n = clean(self.retrain_every_months);
        (n >= 0.01).then_some(n)
    }

    /// How many times the one-off cost has been paid by month `t`
    /// (1 at the start, +1 at each retraining up to and including `t`).
    pub fn payments_by(&self, months: f64) -> f64 {
        let t = clean(months);
        match self.retrain_period() {
            Some(n) => 1.0 + (t / n).floor(),
            None => 1.0,
        }
    }

    /// Cost per month at `monthly_requests`, with retraining spread over its
    /// period, USD.
    pub fn monthly(&self, monthly_requests: f64) -> f64 {
        let retrain = self.retrain_period().map_or(0.0, |n| self.one_off() / n);
        self.per_request() * clean(monthly_requests) + self.monthly_fixed() + retrain
    }

    /// Requests served in the first `months` months, starting at
    /// `monthly_requests` a month and growing at [`ApproachCost::volume_growth`].
    pub fn requests_by(&self, months: f64, monthly_requests: f64) -> f64 {
        volume_growth::requests_by(monthly_requests, self.volume_growth, months)
    }

    /// Months until `requests` have been served (the inverse of
    /// [`ApproachCost::requests_by`]); `None` when a shrinking volume never
    /// serves that many.
    pub fn months_at(&self, requests: f64, monthly_requests: f64) -> Option<f64> {
        volume_growth::months_to(monthly_requests, self.volume_growth, requests)
    }

    /// Requests served before the model retires at `monthly_requests`, when
    /// it has a lifetime (see [`ApproachCost::lifetime_months`]).
    pub fn lifetime_requests(&self, monthly_requests: f64) -> Option<f64> {
        self.lifetime_months
            .filter(|m| m.is_finite())
            .map(|m| self.requests_by(m.max(0.0), monthly_requests))
            .filter(|q| q.is_finite())
    }

    /// Cumulative cost after `months` at `monthly_requests` (growing at
    /// [`ApproachCost::volume_growth`]), USD.
    pub fn cumulative(&self, months: f64, monthly_requests: f64) -> f64 {
        let t = clean(months);
        if self.volume_growth == 0.0 {
            return self.one_off() * self.payments_by(t)
                + (self.per_request() * clean(monthly_requests) + self.monthly_fixed()) * t;
        }
        self.one_off() * self.payments_by(t)
            + self.per_request() * self.requests_by(t, clean(monthly_requests))
            + self.monthly_fixed() * t
    }
}

/// A field's value checked for the UI: `None` if fine, else the message.
///
/// The text is read by [`parse_number`] (so "0,5" is 0.5, "1,000" is 1000,
/// and ambiguous or garbled input is refused with its reason); `kind` then
/// says what the value is: money, tokens, a count, or a fraction given in
/// percent.
pub fn field_error(raw: &str, kind: FieldKind) -> Option<String> {
    let v = match parse_number(raw) {
        Ok(v) => v,
        Err(message) => return Some(message),
    };
    if kind == FieldKind::Growth {
        return (!(-50.0..=100.0).contains(&v)).then(|| {
            "A monthly growth must be between −50 % and +100 % (negative shrinks).".into()
        });
    }
    if v < 0.0 {
        return Some("Must be 0 or more.".into());
    }
    match kind {
        FieldKind::Percent if v > 100.0 => Some("Must be between 0 and 100 %.".into()),
        FieldKind::Share if v > 1000.0 => Some("Must be between 0 and 1,000 %.".into()),
        FieldKind::Multiplier if v > 100.0 => {
            Some("A multiplier above 100× is not realistic.".into())
        }
        _ if v > MAX_INPUT => Some(format!("Too large: at most {MAX_INPUT:e}.")),
        _ => None,
    }
}

/// What a number field holds, for [`field_error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Money,
    Tokens,
    Count,
    Percent,
    /// A share of a reference given in percent, up to 1,000 %.
    Share,
    Multiplier,
    /// A monthly growth in percent, from −50 % to +100 % (negative shrinks).
    Growth,
}

/// Parses a field the user typed, if it is valid (see [`field_error`]).
pub fn parse_field(raw: &str, kind: FieldKind) -> Option<f64> {
    match field_error(raw, kind) {
        Some(_) => None,
        None => parse_number(raw).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn per_request_cost_of_a_plain_prompt() {
        let mut a = ApproachCost::blank(ApproachKind::PromptEngineering);
        a.input_tokens = 1_000.0;
        a.output_tokens = 500.0;
        a.input_per_1m = 2.0;
        a.output_per_1m = 8.0;
        // 1000 × 2/1M + 500 × 8/1M = 0.002 + 0.004
        assert!(close(a.per_request(), 0.006));
        a.retry_rate = 0.1;
        assert!(close(a.per_request(), 0.0066));
    }

    #[test]
    fn cached_input_batch_and_multiplier_are_applied() {
        let mut a = ApproachCost::blank(ApproachKind::ApiFineTuning);
        a.input_tokens = 1_000_000.0;
        a.input_per_1m = 4.0;
        a.cached_input_per_1m = 1.0;
        a.cached_share = 0.5;
        assert!(close(a.per_request(), 2.5));
        a.price_multiplier = 2.0;
        assert!(close(a.per_request(), 5.0));
        a.batch_share = 1.0;
        a.batch_discount = 0.5;
        assert!(close(a.per_request(), 2.5));
    }

    #[test]
    fn rag_adds_retrieved_context_and_query_embedding() {
        let mut a = ApproachCost::blank(ApproachKind::Rag);
        a.input_tokens = 500.0;
        a.retrieved_tokens = 1_500.0;
        a.input_per_1m = 1.0;
        a.query_embedding_tokens = 50.0;
        a.embedding_per_1m = 0.02;
        a.corpus_tokens = 10_000_000.0;
        a.fixed_monthly = 25.0;
        assert!(close(a.per_request(), 2_000.0 / 1e6 + 50.0 * 0.02 / 1e6));
        assert!(close(a.one_off(), 0.2));
        assert!(close(a.monthly_fixed(), 25.0));
    }

    #[test]
    fn training_by_tokens_or_gpu_hours_and_dedicated_hosting() {
        let mut a = ApproachCost::blank(ApproachKind::ApiFineTuning);
        a.training = Training::Tokens {
            tokens: 2_000_000.0,
            epochs: 3.0,
            per_1m: 25.0,
        };
        a.data_prep = 100.0;
        assert!(close(a.one_off(), 250.0));
        a.training = Training::GpuHours {
            hours: 10.0,
            per_hour: 2.5,
        };
        assert!(close(a.one_off(), 125.0));
        a.hosting_per_hour = 2.0;
        a.replicas = 2.0;
        assert!(close(a.monthly_fixed(), 2.0 * 2.0 * HOURS_PER_MONTH));
    }

    #[test]
    fn retraining_recurs_the_one_off_cost() {
        let mut a = ApproachCost::blank(ApproachKind::SelfHostedLora);
        a.data_prep = 300.0;
        a.retrain_every_months = 3.0;
        assert_eq!(a.payments_by(0.0), 1.0);
        assert_eq!(a.payments_by(2.99), 1.0);
        assert_eq!(a.payments_by(3.0), 2.0);
        assert_eq!(a.payments_by(12.0), 5.0);
        assert!(close(a.cumulative(12.0, 1000.0), 1500.0));
        assert!(close(a.monthly(0.0), 100.0));
    }

    #[test]
    fn hostile_numbers_never_produce_nan() {
        let mut a = ApproachCost::blank(ApproachKind::Rag);
        a.input_tokens = f64::NAN;
        a.output_tokens = f64::INFINITY;
        a.input_per_1m = -5.0;
        a.cached_share = 7.0;
        a.retry_rate = f64::NEG_INFINITY;
        a.price_multiplier = f64::NAN;
        a.retrain_every_months = f64::NAN;
        for v in [
            a.per_request(),
            a.one_off(),
            a.monthly(f64::NAN),
            a.cumulative(f64::INFINITY, 1e300),
        ] {
            assert!(v.is_finite() && v >= 0.0, "{v}");
        }
    }

    #[test]
    fn field_errors_are_specific() {
        assert_eq!(field_error("12.5", FieldKind::Money), None);
        assert_eq!(field_error("1,000,000", FieldKind::Tokens), None);
        assert_eq!(parse_field("1,000,000", FieldKind::Tokens), Some(1e6));
        assert!(
            field_error("", FieldKind::Money)
                .unwrap()
                .contains("Enter a number")
        );
        assert!(
            field_error("abc", FieldKind::Money)
                .unwrap()
                .contains("not a number")
        );
        assert!(
            field_error("-1", FieldKind::Count)
                .unwrap()
                .contains("0 or more")
        );
        assert!(field_error("NaN", FieldKind::Count).is_some());
        assert!(field_error("inf", FieldKind::Count).is_some());
        assert!(
            field_error("1e13", FieldKind::Money)
                .unwrap()
                .contains("Too large")
        );
        assert!(
            field_error("101", FieldKind::Percent)
                .unwrap()
                .contains("100")
        );
        assert!(field_error("500", FieldKind::Multiplier).is_some());
    }

    #[test]
    fn fields_never_misread_decimal_commas() {
        let cases = [
            ("0,5", 0.5),
            ("2,50", 2.5),
            ("1,000", 1000.0),
            ("1,234.5", 1234.5),
            ("1.234,5", 1234.5),
            ("12,345,678", 12_345_678.0),
            ("$1,000", 1000.0),
            ("1 000", 1000.0),
        ];
        for (text, value) in cases {
            assert_eq!(parse_field(text, FieldKind::Money), Some(value), "{text}");
            assert_eq!(field_error(text, FieldKind::Money), None, "{text}");
        }
        assert_eq!(parse_field("12,5", FieldKind::Percent), Some(12.5));
        for text in ["1,2,3", "1,00,000", "1.2.3", "5 kg", "1,,0"] {
            assert_eq!(parse_field(text, FieldKind::Money), None, "{text}");
            let message = field_error(text, FieldKind::Money).unwrap();
            assert!(
                message.contains(text) && message.contains("e.g."),
                "{message}"
            );
        }
        assert!(
            field_error("-$2.50", FieldKind::Money)
                .unwrap()
                .contains("0 or more")
        );
    }

    proptest::proptest! {
        #[test]
        fn parse_field_agrees_with_field_error(raw in "\\PC{0,24}") {
            for kind in [FieldKind::Money, FieldKind::Tokens, FieldKind::Count, FieldKind::Percent, FieldKind::Multiplier] {
                let value = parse_field(&raw, kind);
                proptest::prop_assert_eq!(value.is_some(), field_error(&raw, kind).is_none());
                if let Some(v) = value {
                    proptest::prop_assert!(v.is_finite() && (0.0..=MAX_INPUT).contains(&v));
                }
            }
        }
    }
}
