//! The decision report as a Markdown document to read, print or paste:
//! one heading per section, a table of costs, the break-even figures and
//! the assumptions with their sources and dates.
//!
//! Every piece of text that is not this file's own markup goes through
//! [`escape`], so a name (an approach's, a file's) cannot add links,
//! images, HTML or table cells: it shows as written.
//!
//! Architecture invariant: pure, no UI imports; renders the report and
//! decides nothing (every figure and verdict comes from `decision_report`).

use crate::core::costs::chart::growth_words;
use crate::core::number_format::{count, counted, months, usd};
use crate::core::report::decision_report::fill_url;
use crate::core::report::decision_report::{
    ApproachCosts, BreakEvenResult, BreakEvenRow, CatchingUp, DatasetSummary, DecisionReport,
    Missing, Part, RecommendedApproach,
};
use crate::core::route::Section;
use crate::core::training::training_plan::{TrainingPlan, Value as PlanValue};

/// `text` made inert for Markdown: every character that could start
/// markup (links, images, HTML, code, emphasis, table cells) is
/// backslash-escaped, bare web addresses are broken (`https\://`,
/// `www\.`), line breaks become spaces and other control characters go.
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let after_www = i >= 3 && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w'));
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '@' => {
                out.push('\\');
                out.push(c);
            }
            ':' if chars.get(i + 1) == Some(&'/') => out.push_str("\\:"),
            '.' if after_www => out.push_str("\\."),
            c => out.push(c),
        }
    }
    out
}

/// A trusted web address as an autolink, when it is a plain https URL;
/// otherwise the escaped text.
fn url(address: &str) -> String {
    let plain = address.starts_with("https://")
        && !address
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>'));
    if plain {
        format!("<{address}>")
    } else {
        escape(address)
    }
}

fn page_name(section: Section) -> &'static str {
    match section {
        Section::Wizard => "the wizard",
        Section::Costs => "the cost calculator",
        Section::Dataset => "the dataset validator",
        Section::Training => "the training page",
        Section::Report => "the decision report",
        Section::Practice => "the practice page",
        Section::Approaches => "the approaches",
    }
}

fn missing(m: &Missing) -> String {
    format!(
        "> **Not filled in.** {} Fill it in with [{}]({}).\n\n",
        escape(&m.what),
        page_name(m.where_),
        m.url
    )
}

/// The report as a Markdown document.
pub fn to_markdown(r: &DecisionReport) -> String {
    let mut out = String::new();
    out.push_str("# Decision report\n\n");
    out.push_str(&format!(
        "Made with tunewise on {}. The figures are estimates from the inputs listed under \
         Assumptions.\n\n",
        escape(&r.made_on)
    ));
    recommendation(&mut out, r);
    costs(&mut out, r);
    break_even(&mut out, r);
    dataset(&mut out, &r.dataset);
    training_plan(&mut out, &r.training_plan);
    assumptions(&mut out, r);
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

fn recommendation(out: &mut String, r: &DecisionReport) {
    out.push_str("## Recommendation\n\n");
    match &r.recommendation {
        Part::Filled(rec) => {
            out.push_str(&format!(
                "**{}**\n\n{}\n\nNext steps:\n\n",
                escape(&rec.title),
                escape(&rec.summary)
            ));
            for (i, step) in rec.next_steps.iter().enumerate() {
                out.push_str(&format!("{}. {}\n", i + 1, escape(step)));
            }
            out.push('\n');
        }
        Part::Missing(m) => out.push_str(&missing(m)),
    }
    out.push_str("## Why: the answers\n\n");
    if r.path.is_empty() {
        out.push_str("No question answered yet.\n\n");
    }
    for step in &r.path {
        out.push_str(&format!(
            "{}. {} **{}.** {}\n",
            step.number,
            escape(&step.question),
            escape(&step.answer_label),
            escape(&step.reason)
        ));
    }
    if !r.path.is_empty() {
        out.push('\n');
    }
}

fn cost_row(a: &ApproachCosts) -> String {
    let mut name = escape(&a.name);
    if a.recommended {
        name = format!("**{name}** (recommended)");
    }
    if a.retires_before_horizon {
        name.push_str(" †");
    }
    format!(
        "| {name} | {} | {} | {} | {} |\n",
        usd(a.per_request),
        usd(a.one_off),
        usd(a.monthly),
        usd(a.total)
    )
}

fn costs(out: &mut String, r: &DecisionReport) {
    let a = &r.assumptions;
    out.push_str("## Costs\n\n");
    if let Some(m) = &r.costs.missing {
        out.push_str(&missing(m));
    }
    out.push_str(&format!(
        "At {} requests a month{} over {}, from {}.\n\n",
        count(a.monthly_requests),
        growth_words(a.monthly_growth),
        months(a.horizon_months),
        escape(&a.start)
    ));
    if r.costs.approaches.is_empty() {
        out.push_str("No approach is compared: switch one on in the cost calculator.\n\n");
    } else {
        out.push_str(&format!(
            "| Approach | Per request | One-off | Monthly | Total over {} |\n\
             | --- | ---: | ---: | ---: | ---: |\n",
            months(a.horizon_months)
        ));
        for row in &r.costs.approaches {
            out.push_str(&cost_row(row));
        }
        out.push('\n');
    }
    for row in r
        .costs
        .approaches
        .iter()
        .filter(|a| a.retires_before_horizon)
    {
        out.push_str(&format!(
            "† {}: its model retires after {}, before the horizon ends: it cannot serve the \
             horizon, and its total covers only those months.\n\n",
            escape(&row.name),
            months(row.lifetime_months.unwrap_or(0.0))
        ));
    }
    if !r.costs.left_out.is_empty() {
        out.push_str("Not compared:\n\n");
        for l in &r.costs.left_out {
            out.push_str(&format!("- {}: {}\n", escape(&l.name), escape(&l.reason)));
        }
        out.push('\n');
    }
}

fn at(requests: f64, months_: f64) -> String {
    format!("{} requests ({})", count(requests), months(months_))
}

/// One break-even as a sentence, from the recommended approach's side.
fn break_even_sentence(rec: &RecommendedApproach, row: &BreakEvenRow) -> String {
    let (r, o) = (escape(&rec.name), escape(&row.other));
    let mut s = match (&row.catching_up, &row.result) {
        (CatchingUp::Recommended, BreakEvenResult::Immediate) => {
            format!("{r} is no dearer than {o} from the first request.")
        }
        (
            CatchingUp::Recommended,
            BreakEvenResult::At {
                requests,
                months,
                within_lifetime,
            },
        ) => {
            let mut s = format!(
                "{r} pays back its extra one-off cost against {o} after {}.",
                at(*requests, *months)
            );
            if !within_lifetime {
                s.push_str(" That is after its model retires, so in practice it does not.");
            }
            s
        }
        (CatchingUp::Recommended, BreakEvenResult::Never { reason }) => format!(
            "{r} never pays back its extra one-off cost against {o}: {}.",
            escape(reason)
        ),
        (CatchingUp::Other, BreakEvenResult::Immediate) => {
            format!("{o} is no dearer than {r} from the first request.")
        }
        (
            CatchingUp::Other,
            BreakEvenResult::At {
                requests,
                months,
                within_lifetime,
            },
        ) => {
            let mut s = format!(
                "{r} is cheaper until {o} pays back its extra one-off cost, after {}.",
                at(*requests, *months)
            );
            if !within_lifetime {
                s.push_str(&format!(" That is after {o}'s model retires."));
            }
            s
        }
        (CatchingUp::Other, BreakEvenResult::Never { reason }) => {
            format!("{o} never catches up with {r}: {}.", escape(reason))
        }
    };
    match (row.simple_requests, row.simple_months) {
        (Some(q), m) => {
            s.push_str(&format!(
                " Simple rule, without hosting or retraining: {} extra one-off \u{f7} {} saved \
                 a request = {} requests",
                usd(row.extra_one_off),
                usd(row.saving_per_request),
                count(q)
            ));
            if let Some(m) = m {
                s.push_str(&format!(" ({})", months(m)));
            }
            s.push('.');
        }
        (None, _) => s.push_str(
            " Simple rule, without hosting or retraining: nothing is saved per request, so the \
             extra one-off is never paid back.",
        ),
    }
    s
}

fn break_even(out: &mut String, r: &DecisionReport) {
    out.push_str("## Recommended approach and break-even\n\n");
    match &r.recommended_approach {
        Part::Missing(m) => out.push_str(&missing(m)),
        Part::Filled(rec) => {
            out.push_str(&format!("{}\n\n", escape(&rec.why)));
            if rec.against.is_empty() {
                out.push_str("No other approach is compared, so there is no break-even.\n\n");
            }
            for row in &rec.against {
                out.push_str(&format!(
                    "- **Against {}:** {}\n",
                    escape(&row.other),
                    break_even_sentence(rec, row)
                ));
            }
            if !rec.against.is_empty() {
                out.push('\n');
            }
        }
    }
}

fn dataset(out: &mut String, d: &Part<DatasetSummary>) {
    out.push_str("## Dataset\n\n");
    let s = match d {
        Part::Missing(m) => return out.push_str(&missing(m)),
        Part::Filled(s) => s,
    };
    let b = &s.brief;
    out.push_str(&format!(
        "**{}.** {}\n\n",
        s.verdict.label(),
        escape(&s.headline)
    ));
    out.push_str(&format!("- File: {}\n", escape(&b.file_name)));
    out.push_str(&format!("- Checked: {}\n", escape(&b.checked_at)));
    if let Some(f) = &b.format {
        out.push_str(&format!("- Format: {}\n", escape(f)));
    }
    out.push_str(&format!(
        "- {}; {}, {} after removing repeats; {}; {}\n",
        counted(b.lines, "line", "lines"),
        counted(b.valid_examples, "valid example", "valid examples"),
        count(b.clean_examples as f64),
        counted(b.errors, "error", "errors"),
        counted(b.warnings, "warning", "warnings"),
    ));
    if let (Some(total), Some(enc)) = (b.total_tokens, &b.encoding) {
        out.push_str(&format!(
            "- Tokens: {} in all, {} trained on ({})\n",
            count(total as f64),
            count(b.trainable_tokens.unwrap_or(0) as f64),
            escape(enc)
        ));
    }
    if let Some(m) = b.min_examples {
        out.push_str(&format!(
            "- Checked against a provider minimum of {}\n",
            counted(m, "example", "examples")
        ));
    }
    out.push('\n');
}

fn training_plan(out: &mut String, p: &Part<TrainingPlan>) {
    out.push_str("## Training plan\n\n");
    let plan = match p {
        Part::Missing(m) => return out.push_str(&missing(m)),
        Part::Filled(plan) => plan,
    };
    out.push_str(&format!("{}\n\n", escape(&plan.approach_note)));
    for (n, stage) in plan.stages.iter().enumerate() {
        out.push_str(&format!("### {}. {}\n\n", n + 1, escape(&stage.title)));
        for f in &stage.figures {
            match &f.value {
                PlanValue::Known { text } => {
                    out.push_str(&format!("- {}: {}\n", escape(&f.label), escape(text)))
                }
                PlanValue::Missing { what, section } => out.push_str(&format!(
                    "- {}: not known yet. {} ([{}]({})).\n",
                    escape(&f.label),
                    escape(what),
                    page_name(*section),
                    fill_url(*section)
                )),
            }
        }
        out.push('\n');
    }
}

fn assumptions(out: &mut String, r: &DecisionReport) {
    let a = &r.assumptions;
    out.push_str("## Assumptions\n\n");
    out.push_str(&format!(
        "- Volume: {} requests a month{}.\n\
         - Horizon: {}.\n\
         - Start: {} (lifetimes and availability count from this date).\n\
         - Figures: {}.\n\
         - Prices last checked against their sources on {}.\n\n",
        count(a.monthly_requests),
        growth_words(a.monthly_growth),
        months(a.horizon_months),
        escape(&a.start),
        if a.example_figures {
            "the calculator's example figures (token counts, data preparation and GPU-hours \
             are illustrative)"
        } else {
            "as entered in the cost calculator"
        },
        escape(&a.prices_checked)
    ));
    if a.prices.is_empty() {
        return;
    }
    out.push_str(
        "| Approach | Provider | Model | Source | As of |\n| --- | --- | --- | --- | --- |\n",
    );
    let or_dash = |s: &Option<String>| s.as_deref().map_or("—".to_string(), escape);
    for p in &a.prices {
        let source = match (&p.preset, &p.source) {
            (None, _) => "your own figures, no preset".to_string(),
            (Some(_), _) if p.example_figures => "example figures, not a quote".to_string(),
            (Some(_), Some(s)) => url(s),
            (Some(_), None) => "—".to_string(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {source} | {} |\n",
            escape(&p.approach),
            or_dash(&p.provider),
            or_dash(&p.model),
            or_dash(&p.as_of)
        ));
    }
    out.push('\n');
    let notes: Vec<_> = a.prices.iter().filter(|p| p.note.is_some()).collect();
    if !notes.is_empty() {
        out.push_str("Notes on the prices:\n\n");
        for p in notes {
            out.push_str(&format!(
                "- {}: {}\n",
                escape(&p.approach),
                or_dash(&p.note)
            ));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::decision_report::build_report;
    use crate::core::report::decision_report::tests::{TODAY, seed_state};
    use crate::core::report::state::SharedState;

    #[test]
    fn the_document_carries_the_recommendation_and_the_break_even() {
        let md = to_markdown(&build_report(&seed_state(), TODAY));
        for heading in [
            "# Decision report",
            "## Recommendation",
            "## Why: the answers",
            "## Costs",
            "## Recommended approach and break-even",
            "## Dataset",
            "## Assumptions",
        ] {
            assert!(
                md.contains(&format!("\n{heading}\n")) || md.starts_with(heading),
                "{heading}"
            );
        }
        assert!(md.contains("**LoRA, or prompt engineering / RAG**"), "{md}");
        assert!(md.contains("after 50,000 requests (5.0 months)"), "{md}");
        assert!(
            md.contains(
                "Simple rule, without hosting or retraining: $500.00 extra one-off \u{f7} \
                 $0.0100 saved a request = 50,000 requests (5.0 months)."
            ),
            "{md}"
        );
        assert!(md.contains("| Self-hosted LoRA"), "{md}");
        assert!(md.contains("| --- | ---: |"), "{md}");
        assert!(
            md.contains("**Too few examples.** train.jsonl: 87 valid"),
            "{md}"
        );
        assert!(md.ends_with("|\n") && !md.ends_with("\n\n"));
        assert!(md.contains("your own figures, no preset"), "{md}");
    }

    #[test]
    fn missing_sections_point_to_their_page() {
        let md = to_markdown(&build_report(&SharedState::empty(TODAY), TODAY));
        assert!(md.contains("[the wizard](index.html#/wizard)"), "{md}");
        assert!(md.contains("[the cost calculator](costs.html)"), "{md}");
        assert!(md.contains("[the dataset validator](dataset.html)"), "{md}");
        assert!(md.contains("No question answered yet."));
        // The example figures are still priced, with their sources.
        assert!(md.contains("<https://"), "{md}");
        assert!(md.contains("| Prompt engineering |"), "{md}");
        // A new organisation is offered Azure's fine-tune, whose deployments
        // retire on 2027-10-14, within the 24-month horizon: marked too.
        assert!(md.contains(" † "), "{md}");
        let mut active = SharedState::empty(TODAY);
        active.costs = crate::core::costs::scenario::with_standing(
            &active.costs,
            crate::core::costs::prices::OrgStanding::Active,
        );
        let md = to_markdown(&build_report(&active, TODAY));
        assert!(
            md.contains(" † "),
            "the OpenAI fine-tune retires within the horizon"
        );
        assert!(md.contains("cannot serve the horizon"), "{md}");
    }

    #[test]
    fn hostile_names_cannot_add_markup() {
        let mut state = seed_state();
        let evil = "[click](https://evil.example) <img src=x onerror=alert(1)> a|b\n# x `c` *d* www.evil.example me@evil.example \\";
        state.costs.approaches[4].name = evil.into();
        state.costs.approaches[0].name = "<script>alert(1)</script>".into();
        state.dataset.as_mut().unwrap().file_name = "[f](javascript:alert(1))\n<b>.jsonl".into();
        let md = to_markdown(&build_report(&state, TODAY));
        // Markup characters only ever appear escaped.
        let unescaped = |pattern: &str| {
            md.match_indices(pattern)
                .any(|(i, _)| !md[..i].ends_with('\\'))
        };
        for bad in ["[click](", "<img", "<script", "<b>", "[f](", "`c`", "*d*"] {
            assert!(!unescaped(bad), "{bad:?} got through:\n{md}");
        }
        for bad in ["\n# x", "https://evil", "www.evil"] {
            assert!(!md.contains(bad), "{bad:?} got through:\n{md}");
        }
        assert!(
            md.contains("\\[click\\](https\\://evil.example) \\<img"),
            "{md}"
        );
        assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
        assert!(
            md.contains("www\\.evil.example me\\@evil.example \\\\"),
            "{md}"
        );
        // The LoRA's row still has exactly five cells.
        let row = md
            .lines()
            .find(|l| l.starts_with("| **\\[click"))
            .expect("the recommended row");
        let unescaped_bars = row
            .char_indices()
            .filter(|(i, c)| *c == '|' && (*i == 0 || !row[..*i].ends_with('\\')))
            .count();
        assert_eq!(unescaped_bars, 6, "{row}");
    }

    #[test]
    fn escape_leaves_plain_text_alone() {
        assert_eq!(
            escape("Prompt engineering (v2), 1,000+ examples: ok"),
            "Prompt engineering (v2), 1,000+ examples: ok"
        );
        assert_eq!(escape("a\r\nb\u{7}c"), "a  bc");
        assert_eq!(
            url("https://example.com/a?b=c#d"),
            "<https://example.com/a?b=c#d>"
        );
        assert_eq!(
            url("https://x.example/<script>"),
            "https\\://x.example/\\<script\\>"
        );
    }
}
