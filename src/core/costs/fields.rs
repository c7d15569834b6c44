//! The editable numbers of an approach, listed once: link key, label,
//! unit, kind of value, form group, and how to read and write it. The link
//! encoding and the UI's editor both walk this table.
//!
//! Architecture invariant: pure data, no UI imports.

use crate::core::costs::approach_cost::{ApproachCost, ApproachKind, FieldKind};

/// Where a field appears on the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldGroup {
    PerRequest,
    Retrieval,
    OneOff,
    Recurring,
}

/// One editable number of an approach.
#[derive(Clone, Copy)]
pub struct Field {
    /// Key in links (`0.in=2000`) and in element ids.
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub kind: FieldKind,
    pub group: FieldGroup,
    pub get: fn(&ApproachCost) -> f64,
    /// Writes a valid value (fractions are clamped to 0..1).
    pub set: fn(&mut ApproachCost, f64),
}

impl Field {
    /// Whether the field applies to an approach of `kind`.
    pub fn applies_to(&self, kind: ApproachKind) -> bool {
        match (self.group, self.key) {
            (FieldGroup::Retrieval, _) => kind == ApproachKind::Rag,
            (_, "mul") => kind.trains(),
            _ => true,
        }
    }

    /// Factor between the stored value and the one shown (100 for percent).
    pub fn display_scale(&self) -> f64 {
        if matches!(self.kind, FieldKind::Percent | FieldKind::Share) {
            100.0
        } else {
            1.0
        }
    }
}

const fn field(
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    kind: FieldKind,
    group: FieldGroup,
    get: fn(&ApproachCost) -> f64,
    set: fn(&mut ApproachCost, f64),
) -> Field {
    Field {
        key,
        label,
        unit,
        kind,
        group,
        get,
        set,
    }
}

use FieldGroup::{OneOff, PerRequest, Recurring, Retrieval};
use FieldKind::{Count, Money, Multiplier, Percent, Share, Tokens};

/// Every editable number of an approach, in form order.
pub const FIELDS: [Field; 19] = [
    field(
        "ps",
        "Prompt length",
        "% of the shared prompt",
        Share,
        PerRequest,
        |a| a.prompt_share,
        |a, v| a.prompt_share = v.min(10.0),
    ),
    field(
        "os",
        "Output length",
        "% of the shared output",
        Share,
        PerRequest,
        |a| a.output_share,
        |a, v| a.output_share = v.min(10.0),
    ),
    field(
        "pin",
        "Input price",
        "USD / 1M tokens",
        Money,
        PerRequest,
        |a| a.input_per_1m,
        |a, v| a.input_per_1m = v,
    ),
    field(
        "pout",
        "Output price",
        "USD / 1M tokens",
        Money,
        PerRequest,
        |a| a.output_per_1m,
        |a, v| a.output_per_1m = v,
    ),
    field(
        "mul",
        "Tuned price multiplier",
        "× base price",
        Multiplier,
        PerRequest,
        |a| a.price_multiplier,
        |a, v| a.price_multiplier = v,
    ),
    field(
        "pc",
        "Cached input price",
        "USD / 1M tokens",
        Money,
        PerRequest,
        |a| a.cached_input_per_1m,
        |a, v| a.cached_input_per_1m = v,
    ),
    field(
        "cs",
        "Input served from cache",
        "%",
        Percent,
        PerRequest,
        |a| a.cached_share,
        |a, v| a.cached_share = v.min(1.0),
    ),
    field(
        "bs",
        "Requests sent by batch",
        "%",
        Percent,
        PerRequest,
        |a| a.batch_share,
        |a, v| a.batch_share = v.min(1.0),
    ),
    field(
        "bd",
        "Batch discount",
        "%",
        Percent,
        PerRequest,
        |a| a.batch_discount,
        |a, v| a.batch_discount = v.min(1.0),
    ),
    field(
        "rt",
        "Retrieved context added",
        "tokens / request",
        Tokens,
        Retrieval,
        |a| a.retrieved_tokens,
        |a, v| a.retrieved_tokens = v,
    ),
    field(
        "qe",
        "Query embedding",
        "tokens / request",
        Tokens,
        Retrieval,
        |a| a.query_embedding_tokens,
        |a, v| a.query_embedding_tokens = v,
    ),
    field(
        "pe",
        "Embedding price",
        "USD / 1M tokens",
        Money,
        Retrieval,
        |a| a.embedding_per_1m,
        |a, v| a.embedding_per_1m = v,
    ),
    field(
        "ct",
        "Corpus to index",
        "tokens (one-off)",
        Tokens,
        Retrieval,
        |a| a.corpus_tokens,
        |a, v| a.corpus_tokens = v,
    ),
    field(
        "dp",
        "Data preparation",
        "USD",
        Money,
        OneOff,
        |a| a.data_prep,
        |a, v| a.data_prep = v,
    ),
    field(
        "hh",
        "Dedicated hosting",
        "USD / hour / replica",
        Money,
        Recurring,
        |a| a.hosting_per_hour,
        |a, v| a.hosting_per_hour = v,
    ),
    field(
        "rep",
        "Replicas",
        "count",
        Count,
        Recurring,
        |a| a.replicas,
        |a, v| a.replicas = v,
    ),
    field(
        "hm",
        "Hosting billed",
        "hours / month",
        Count,
        Recurring,
        |a| a.hosting_hours_per_month,
        |a, v| a.hosting_hours_per_month = v.min(745.0),
    ),
    field(
        "fm",
        "Fixed monthly fees",
        "USD / month",
        Money,
        Recurring,
        |a| a.fixed_monthly,
        |a, v| a.fixed_monthly = v,
    ),
    field(
        "re",
        "Retrain every",
        "months (0 = never)",
        Count,
        Recurring,
        |a| a.retrain_every_months,
        |a, v| a.retrain_every_months = v,
    ),
];

/// The field with this key.
pub fn by_key(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_setters_write_what_getters_read() {
        let mut keys: Vec<&str> = FIELDS.iter().map(|f| f.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), FIELDS.len());
        for f in FIELDS {
            let mut a = ApproachCost::blank(ApproachKind::Rag);
            (f.set)(&mut a, 0.5);
            assert_eq!((f.get)(&a), 0.5, "{}", f.key);
        }
    }

    #[test]
    fn fields_apply_by_kind() {
        let rag_only = by_key("rt").unwrap();
        assert!(rag_only.applies_to(ApproachKind::Rag));
        assert!(!rag_only.applies_to(ApproachKind::PromptEngineering));
        assert!(!by_key("mul").unwrap().applies_to(ApproachKind::Rag));
        assert!(
            by_key("mul")
                .unwrap()
                .applies_to(ApproachKind::SelfHostedLora)
        );
        assert_eq!(by_key("cs").unwrap().display_scale(), 100.0);
    }
}
