//! The training plan and the hyperparameter guide written as HTML text,
//! for the page to show read-only (one string instead of a Leptos view per
//! shape keeps the page within its download budget). Every text is
//! escaped with [`escape`]; links go to the page that fills a missing
//! figure ([`fill_url`]).
//!
//! Architecture invariant: pure, no UI imports; markup only from fixed
//! strings and escaped text.

use crate::core::html_rows::escape;
use crate::core::report::decision_report::fill_url;
use crate::core::training::hyperparameters::Hyperparameter;
use crate::core::training::training_plan::{TrainingPlan, Value};

/// The plan: the approach's note, then one `<section>` per stage with its
/// figures (`<dl>`; a missing figure links where to fill it) and, when
/// `with_steps`, what to do in it (the report leaves the advice out).
pub fn plan_html(plan: &TrainingPlan, with_steps: bool) -> String {
    let mut out = format!(
        "<p class=\"plan-approach\">{}</p>",
        escape(&plan.approach_note)
    );
    for (n, stage) in plan.stages.iter().enumerate() {
        out.push_str(&format!(
            "<section class=\"plan-stage\" aria-labelledby=\"stage-{n}\"><h3 id=\"stage-{n}\">{}. {}</h3><dl>",
            n + 1,
            escape(&stage.title)
        ));
        for f in &stage.figures {
            out.push_str(&format!("<dt>{}</dt>", escape(&f.label)));
            match &f.value {
                Value::Known { text } => out.push_str(&format!("<dd>{}</dd>", escape(text))),
                Value::Missing { what, section } => out.push_str(&format!(
                    "<dd class=\"missing\">Not known yet: <a href=\"{}\">{}</a></dd>",
                    escape(fill_url(*section)),
                    escape(what)
                )),
            }
        }
        out.push_str("</dl>");
        if with_steps {
            out.push_str("<ul>");
            for s in &stage.steps {
                out.push_str(&format!("<li>{}</li>", escape(s)));
            }
            out.push_str("</ul>");
        }
        out.push_str("</section>");
    }
    out
}

/// The hyperparameter guide as a table: name, what it does, usual range,
/// signs it is set wrong.
pub fn guide_html(entries: &[&Hyperparameter]) -> String {
    let mut out = String::from(
        "<table><caption>Hyperparameters</caption><thead><tr><th scope=\"col\">Setting</th><th scope=\"col\">What it does</th><th scope=\"col\">Usual range</th><th scope=\"col\">Signs it is wrong</th></tr></thead><tbody>",
    );
    for h in entries {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(h.name),
            escape(h.what),
            escape(h.range),
            escape(h.signs)
        ));
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::route::Section;
    use crate::core::training::hyperparameters::GUIDE;
    use crate::core::training::training_plan::{Figure, Stage, StageId};

    #[test]
    fn user_text_is_escaped_and_missing_figures_link_their_page() {
        let plan = TrainingPlan {
            approach: None,
            approach_note: "<b>x</b>".into(),
            stages: vec![Stage {
                id: StageId::DataPreparation,
                title: "Prepare the data".into(),
                figures: vec![
                    Figure {
                        label: "Examples".into(),
                        value: Value::Known {
                            text: "3 in <script>".into(),
                        },
                    },
                    Figure {
                        label: "Tokens".into(),
                        value: Value::Missing {
                            what: "Check your file".into(),
                            section: Section::Dataset,
                        },
                    },
                ],
                steps: vec!["a & b".into()],
            }],
        };
        let html = plan_html(&plan, true);
        assert!(!plan_html(&plan, false).contains("<li>"));
        assert!(!html.contains("<b>") && !html.contains("<script>"));
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assert!(html.contains("<a href=\"dataset.html\">Check your file</a>"));
        assert!(html.contains("<h3 id=\"stage-0\">1. Prepare the data</h3>"));
        assert!(html.contains("<li>a &amp; b</li>"));
    }

    #[test]
    fn the_guide_has_one_row_per_entry() {
        let all: Vec<_> = GUIDE.iter().collect();
        assert_eq!(
            guide_html(&all).matches("<tr><th scope=\"row\">").count(),
            5
        );
    }
}
