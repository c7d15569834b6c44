//! What a user must know about an approach before trusting its figures:
//! it is unavailable, its model retires before the horizon, its base model
//! retires while it is costed, its training closes soon, its prices are
//! example figures, or its source publishes no price. The results table, the editor and the report read the
//! same notes.
//!
//! Architecture invariant: pure, no UI imports; dates are compared by
//! `core::dates` against the scenario's start (the user's date).

use crate::core::costs::approach_cost::ApproachCost;
use crate::core::costs::horizon_total::{HorizonTotal, horizon_total};
use crate::core::costs::prices::{self, Availability, PresetStatus};
use crate::core::costs::scenario::{self, Scenario};
use crate::core::dates::months_between;
use crate::core::number_format;

/// What a note is about; stable ids for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// The preset cannot be used on the start date (shown on request).
    Unavailable,
    /// The trained model retires before the horizon ends.
    RetiresFirst,
    /// The base model an untrained approach prompts retires within the
    /// horizon; later months assume a successor at the same price.
    BaseModelRetires,
    /// Training closes to new jobs within the horizon.
    TrainingCloses,
    /// Some prices are example figures, not a provider's.
    ExampleFigures,
    /// The preset's source publishes no price (or no training price): the
    /// figures left at zero must be entered.
    NotPublished,
}

impl NoteKind {
    /// Stable id (report JSON).
    pub fn id(self) -> &'static str {
        match self {
            NoteKind::Unavailable => "unavailable",
            NoteKind::RetiresFirst => "retires_first",
            NoteKind::BaseModelRetires => "base_model_retires",
            NoteKind::TrainingCloses => "training_closes",
            NoteKind::ExampleFigures => "example_figures",
            NoteKind::NotPublished => "not_published",
        }
    }
}

/// One note about an approach.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
}

/// The notes for approach `i` of `s`, with `resolved` its approaches with
/// lifetimes bound (see [`Scenario::resolved`]).
pub fn approach_notes(s: &Scenario, resolved: &[ApproachCost], i: usize) -> Vec<Note> {
    let mut out = Vec::new();
    let Some(a) = resolved.get(i) else {
        return out;
    };
    let preset = a.preset.and_then(prices::by_id);
    if let Availability::Unavailable { reason } = scenario::availability(s, i) {
        out.push(Note {
            kind: NoteKind::Unavailable,
            text: format!("Unavailable, shown on request: {reason}"),
        });
    }
    if let HorizonTotal::RetiresFirst {
        lifetime_months,
        until_retirement,
        ..
    } = horizon_total(a, s.monthly_requests, s.horizon_months)
    {
        out.push(Note {
            kind: NoteKind::RetiresFirst,
            text: format!(
                "Cannot serve the whole horizon ({}): its model retires after {}{} ({} until then). \
                 Price its replacement as another approach.",
                number_format::months(s.horizon_months),
                number_format::months(lifetime_months),
                preset
                    .and_then(|p| p.retires)
                    .map(|d| format!(", on {d}"))
                    .unwrap_or_default(),
                number_format::usd(until_retirement),
            ),
        });
    }
    if let Some(p) = preset {
        match prices::status(p, a.kind, &s.start, s.standing) {
            PresetStatus::Retires { date } if !a.kind.trains() => {
                if let Some(m) = months_between(&s.start, date).filter(|m| *m < s.horizon_months) {
                    out.push(Note {
                        kind: NoteKind::BaseModelRetires,
                        text: format!(
                            "{} retires on {date}, {} in: the months after assume a successor \
                             at the same price.",
                            p.model,
                            number_format::months(m)
                        ),
                    });
                }
            }
            PresetStatus::TrainingCloses { date }
                if months_between(&s.start, date).is_some_and(|m| m < s.horizon_months) =>
            {
                out.push(Note {
                    kind: NoteKind::TrainingCloses,
                    text: format!(
                        "{} takes no new training jobs after {date}: retraining after that \
                         is not possible.",
                        p.provider
                    ),
                });
            }
            _ => {}
        }
    }
    if let Some(text) = preset.and_then(|p| p.unpublished()) {
        out.push(Note {
            kind: NoteKind::NotPublished,
            text: text.to_string(),
        });
    }
    let examples = prices::example_figures(a);
    if !examples.is_empty() {
        let what = if examples == ["every price"] {
            "Its prices are".to_string()
        } else {
            format!(
                "Its {} {}",
                examples.join(" and ").to_ascii_lowercase(),
                if examples.len() > 1 { "are" } else { "is" }
            )
        };
        out.push(Note {
            kind: NoteKind::ExampleFigures,
            text: format!("{what} example figures, not a provider's price: enter yours."),
        });
    }
    out
}

/// The cheapest compared approach over the horizon among those that serve
/// it (index and total), if any.
pub fn cheapest_over_horizon(s: &Scenario, resolved: &[ApproachCost]) -> Option<(usize, f64)> {
    s.compared()
        .into_iter()
        .filter(|i| *i < resolved.len())
        .filter_map(
            |i| match horizon_total(&resolved[i], s.monthly_requests, s.horizon_months) {
                HorizonTotal::Serves { total, .. } => Some((i, total)),
                HorizonTotal::RetiresFirst { .. } => None,
            },
        )
        .min_by(|x, y| x.1.total_cmp(&y.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::prices::OrgStanding;
    use crate::core::costs::scenario::default_scenario_for;

    fn kinds(notes: &[Note]) -> Vec<NoteKind> {
        notes.iter().map(|n| n.kind).collect()
    }

    #[test]
    fn an_openai_fine_tune_in_december_2026_warns_of_everything_it_faces() {
        let s = default_scenario_for("2026-12-01", OrgStanding::Active);
        let r = s.resolved();
        let api = approach_notes(&s, &r, 2);
        assert_eq!(
            kinds(&api),
            vec![NoteKind::RetiresFirst, NoteKind::TrainingCloses]
        );
        assert!(
            api[0]
                .text
                .contains("Cannot serve the whole horizon (24.0 months)"),
            "{}",
            api[0].text
        );
        assert!(api[0].text.contains("2027-01-14"), "{}", api[0].text);
        // Prompting gpt-4.1 is costed for 24 months on a model retiring in 1.4.
        let pe = approach_notes(&s, &r, 0);
        assert_eq!(kinds(&pe), vec![NoteKind::BaseModelRetires]);
        assert!(
            pe[0].text.contains("gpt-4.1 retires on 2027-01-14"),
            "{}",
            pe[0].text
        );
        // The small-model default is served at the example inference price.
        let small = approach_notes(&s, &r, 3);
        assert_eq!(kinds(&small), vec![NoteKind::ExampleFigures]);
        assert!(
            small[0]
                .text
                .contains("input price and output price are example figures"),
            "{}",
            small[0].text
        );
    }

    #[test]
    fn a_new_organisation_sees_openai_closed_and_the_cheapest_is_one_that_serves() {
        let mut s = default_scenario_for("2026-12-01", OrgStanding::New);
        s.approaches[2].preset = Some("openai-gpt-4.1-mini-ft");
        let r = s.resolved();
        let notes = approach_notes(&s, &r, 2);
        assert_eq!(notes[0].kind, NoteKind::Unavailable);
        assert!(notes[0].text.contains("never trained"), "{}", notes[0].text);
        let (i, total) = cheapest_over_horizon(&s, &r).unwrap();
        assert!(s.compared().contains(&i));
        assert!(horizon_total(&r[i], s.monthly_requests, s.horizon_months).serves());
        assert!(total > 0.0);
    }
}
