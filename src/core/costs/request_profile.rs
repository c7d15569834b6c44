//! The one request profile every approach starts from: the prompt and
//! output of a typical request and how often it is retried. Each approach
//! states only how it differs (RAG adds retrieved context; a fine-tune
//! sends a shorter prompt, as a share of this one), so the tokens are typed
//! once, not six times.
//!
//! Architecture invariant: pure, no UI imports; [`RequestProfile::apply`]
//! is the only place an approach's effective tokens and retries are set,
//! and `Scenario::resolved` is the only caller.

use crate::core::costs::approach_cost::{ApproachCost, MAX_INPUT};

/// A typical request, shared by every approach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RequestProfile {
    /// Prompt (input) tokens of a request as prompt engineering sends it:
    /// instructions, examples and the user's input.
    pub prompt_tokens: f64,
    /// Output tokens of a request.
    pub output_tokens: f64,
    /// Share of requests retried, 0..1 (each retry costs a full request).
    pub retry_rate: f64,
    /// How fast the monthly volume grows, per month (0.1 = 10 %; negative
    /// shrinks), by the rule of [`crate::core::costs::volume_growth`].
    pub growth: f64,
}

impl Default for RequestProfile {
    /// The example profile: a 2,000-token prompt, 300 tokens out, 2 %
    /// retried.
    fn default() -> RequestProfile {
        RequestProfile {
            prompt_tokens: 2_000.0,
            output_tokens: 300.0,
            retry_rate: 0.02,
            growth: 0.0,
        }
    }
}

fn tokens(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(0.0, MAX_INPUT)
    } else {
        0.0
    }
}

impl RequestProfile {
    /// Sets `a`'s effective prompt tokens (profile prompt × the approach's
    /// prompt share), output tokens (profile output × its output share)
    /// and retry rate (the profile's, unless the approach kept one of its
    /// own from an older link).
    pub fn apply(&self, a: &mut ApproachCost) {
        a.input_tokens = tokens(self.prompt_tokens * a.prompt_share);
        a.output_tokens = tokens(self.output_tokens * a.output_share);
        a.volume_growth = crate::core::costs::volume_growth::clean_growth(self.growth);
        let retry = a.retry_override.unwrap_or(self.retry_rate);
        a.retry_rate = if retry.is_finite() {
            retry.clamp(0.0, 1.0)
        } else {
            0.0
        };
    }

    /// How an approach's prompt differs from the profile, in words: "the
    /// shared prompt", "85 % shorter than the shared prompt (300 tokens)".
    pub fn describe_prompt(&self, share: f64) -> String {
        describe(share, self.prompt_tokens, "prompt")
    }

    /// How an approach's output differs from the profile, in words.
    pub fn describe_output(&self, share: f64) -> String {
        describe(share, self.output_tokens, "output")
    }
}

fn describe(share: f64, base: f64, what: &str) -> String {
    let share = if share.is_finite() {
        share.max(0.0)
    } else {
        0.0
    };
    let tokens = crate::core::number_format::count(tokens(base * share).round());
    let pct = ((share - 1.0) * 100.0).abs().round();
    if pct == 0.0 {
        format!("the shared {what} ({tokens} tokens)")
    } else if share < 1.0 {
        format!("{pct:.0} % shorter than the shared {what} ({tokens} tokens)")
    } else {
        format!("{pct:.0} % longer than the shared {what} ({tokens} tokens)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::approach_cost::ApproachKind;

    #[test]
    fn an_approach_takes_the_profile_scaled_by_its_shares() {
        let p = RequestProfile {
            prompt_tokens: 1_500.0,
            output_tokens: 250.0,
            retry_rate: 0.05,
            growth: 0.0,
        };
        let mut a = ApproachCost::blank(ApproachKind::ApiFineTuning);
        a.prompt_share = 0.2;
        p.apply(&mut a);
        assert_eq!(a.input_tokens, 300.0);
        assert_eq!(a.output_tokens, 250.0);
        assert_eq!(a.retry_rate, 0.05);
        assert_eq!(
            p.describe_prompt(0.2),
            "80 % shorter than the shared prompt (300 tokens)"
        );
        assert_eq!(p.describe_prompt(1.0), "the shared prompt (1,500 tokens)");
        assert_eq!(
            p.describe_output(1.5),
            "50 % longer than the shared output (375 tokens)"
        );
    }

    #[test]
    fn hostile_profiles_stay_finite() {
        let p = RequestProfile {
            prompt_tokens: f64::NAN,
            output_tokens: f64::INFINITY,
            retry_rate: 7.0,
            growth: 0.0,
        };
        let mut a = ApproachCost::blank(ApproachKind::Rag);
        a.prompt_share = f64::NAN;
        p.apply(&mut a);
        assert!(a.input_tokens.is_finite() && a.output_tokens.is_finite());
        assert_eq!(a.retry_rate, 1.0);
        assert!(a.per_request().is_finite());
    }
}
