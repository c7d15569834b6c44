//! Which section of the app a URL fragment points to.
//!
//! tunewise routes on the fragment (`#/wizard?pe=no`), so `dist/` works on
//! any static host without server rewrites, and the state in a shared link
//! never reaches a server: browsers do not send the fragment.
//!
//! Architecture invariant: pure functions, no UI imports.

/// A top-level section of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The decision wizard (the default).
    Wizard,
    /// The cost and break-even calculator.
    Costs,
    /// The fine-tuning dataset validator.
    Dataset,
    /// The training process: plan, evaluation planner, run explorer.
    Training,
    /// The decision report (its own page, built from the other sections).
    Report,
    /// Practice: flashcards, quiz, mock interview, generated exercises.
    Practice,
    /// Reference pages explaining each adaptation approach.
    Approaches,
}

impl Section {
    /// Every section, in navigation order.
    pub const ALL: [Section; 7] = [
        Section::Wizard,
        Section::Costs,
        Section::Dataset,
        Section::Training,
        Section::Report,
        Section::Practice,
        Section::Approaches,
    ];

    /// Path segment used in the fragment.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Wizard => "wizard",
            Section::Costs => "costs",
            Section::Dataset => "dataset",
            Section::Training => "training",
            Section::Report => "report",
            Section::Practice => "practice",
            Section::Approaches => "approaches",
        }
    }

    /// Navigation label.
    pub fn label(self) -> &'static str {
        match self {
            Section::Wizard => "Wizard",
            Section::Costs => "Costs",
            Section::Dataset => "Dataset",
            Section::Training => "Training",
            Section::Report => "Report",
            Section::Practice => "Practice",
            Section::Approaches => "Approaches",
        }
    }

    /// Title for the document.
    pub fn title(self) -> &'static str {
        match self {
            Section::Wizard => "Should we fine-tune? · tunewise",
            Section::Costs => "Costs and break-even · tunewise",
            Section::Dataset => "Check a fine-tuning dataset · tunewise",
            Section::Training => "Plan and read a training run · tunewise",
            Section::Report => "Decision report · tunewise",
            Section::Practice => "Practise fine-tuning decisions · tunewise",
            Section::Approaches => "Approaches explained · tunewise",
        }
    }
}

/// An HTML page of the app. Each page is its own WebAssembly bundle, so a
/// first visit downloads only the code of the page it opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// `index.html`: the wizard and the approach explainers.
    Main,
    /// `costs.html`: the cost and break-even calculator.
    Costs,
    /// `dataset.html`: the dataset validator.
    Dataset,
    /// `training.html`: the training plan, evaluation planner and run explorer.
    Training,
    /// `report.html`: the decision report, built from every section's
    /// state (no section of its own: it reads the others).
    Report,
    /// `practice.html`: the practice overview, flashcards, quiz, mock
    /// interview and progress.
    Practice,
    /// `exercises.html`: the practice section's generated numeric exercises
    /// (a bundle of their own: they carry the cost model).
    Exercises,
}

impl Page {
    /// Address of the page relative to the app's root.
    pub fn url(self) -> &'static str {
        match self {
            Page::Main => "./",
            Page::Costs => "costs.html",
            Page::Dataset => "dataset.html",
            Page::Training => "training.html",
            Page::Report => "report.html",
            Page::Practice => "practice.html",
            Page::Exercises => "exercises.html",
        }
    }
}

/// The query a report fragment (`#/report?…`) carries, undecoded; `None`
/// for any other fragment, empty or not, so a plain visit shows the
/// user's own saved state.
pub fn report_query(fragment: &str) -> Option<String> {
    let r = parse(fragment);
    (r.section == Section::Report && !r.query.is_empty()).then_some(r.query)
}

impl Section {
    /// The page that shows this section.
    pub fn page(self) -> Page {
        match self {
            Section::Costs => Page::Costs,
            Section::Dataset => Page::Dataset,
            Section::Training => Page::Training,
            Section::Report => Page::Report,
            Section::Practice => Page::Practice,
            Section::Wizard | Section::Approaches => Page::Main,
        }
    }
}

/// A link to `section` from a document of `from`: a bare fragment within
/// the same page, else the other page's address with the fragment.
pub fn link(section: Section, query: &str, from: Page) -> String {
    let fragment = href(section, query);
    if section.page() == from {
        fragment
    } else {
        format!("{}{}", section.page().url(), fragment)
    }
}

/// A parsed fragment: the section and the query string that follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub section: Section,
    /// Everything after `?`, undecoded; empty when there is none.
    pub query: String,
}

/// Parses a fragment such as `#/wizard?pe=no`. Anything unrecognised
/// (empty, unknown section, junk) routes to the wizard.
pub fn parse(fragment: &str) -> Route {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let fragment = fragment.strip_prefix('/').unwrap_or(fragment);
    let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
    let path = path.trim_end_matches('/');
    let section = Section::ALL
        .into_iter()
        .find(|s| s.slug() == path)
        .unwrap_or(Section::Wizard);
    Route {
        section,
        query: query.to_string(),
    }
}

/// The fragment for `section` with an optional query string.
pub fn href(section: Section, query: &str) -> String {
    if query.is_empty() {
        format!("#/{}", section.slug())
    } else {
        format!("#/{}?{}", section.slug(), query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_and_queries() {
        assert_eq!(parse("#/approaches").section, Section::Approaches);
        assert_eq!(parse("#/approaches/").section, Section::Approaches);
        let r = parse("#/wizard?pe=no&rag=yes");
        assert_eq!(r.section, Section::Wizard);
        assert_eq!(r.query, "pe=no&rag=yes");
        assert_eq!(parse("").section, Section::Wizard);
        assert_eq!(parse("#").section, Section::Wizard);
        assert_eq!(parse("#/nope?x").section, Section::Wizard);
        assert_eq!(parse("#/wizard?a?b").query, "a?b");
    }

    #[test]
    fn links_cross_pages_only_when_needed() {
        assert_eq!(link(Section::Approaches, "", Page::Main), "#/approaches");
        assert_eq!(link(Section::Costs, "", Page::Main), "costs.html#/costs");
        assert_eq!(
            link(Section::Wizard, "pe=no", Page::Costs),
            "./#/wizard?pe=no"
        );
        assert_eq!(link(Section::Costs, "v=1", Page::Costs), "#/costs?v=1");
    }

    #[test]
    fn the_report_has_a_page_of_its_own() {
        assert_eq!(Page::Report.url(), "report.html");
        assert_eq!(href(Section::Report, ""), "#/report");
        assert_eq!(
            link(Section::Report, "v=1&end=1", Page::Main),
            "report.html#/report?v=1&end=1"
        );
        assert_eq!(link(Section::Report, "v=1", Page::Report), "#/report?v=1");
        assert_eq!(
            report_query(&href(Section::Report, "v=1&w=")),
            Some("v=1&w=".into())
        );
        assert_eq!(report_query("#/report/?v=1"), Some("v=1".into()));
        assert_eq!(report_query("#/report"), None);
        assert_eq!(report_query("#/report?"), None);
        assert_eq!(report_query(""), None);
        assert_eq!(report_query("#/wizard?pe=no"), None);
        // The report is a section of its own page.
        assert_eq!(parse("#/report?v=1").section, Section::Report);
        assert_eq!(Section::Report.page(), Page::Report);
        assert_eq!(link(Section::Report, "", Page::Main), "report.html#/report");
    }

    #[test]
    fn href_round_trips() {
        for s in Section::ALL {
            assert_eq!(parse(&href(s, "")).section, s);
            let r = parse(&href(s, "pe=yes"));
            assert_eq!((r.section, r.query.as_str()), (s, "pe=yes"));
        }
    }
}
