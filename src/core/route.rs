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
    /// Reference pages explaining each adaptation approach.
    Approaches,
}

impl Section {
    /// Every section, in navigation order.
    pub const ALL: [Section; 2] = [Section::Wizard, Section::Approaches];

    /// Path segment used in the fragment.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Wizard => "wizard",
            Section::Approaches => "approaches",
        }
    }

    /// Navigation label.
    pub fn label(self) -> &'static str {
        match self {
            Section::Wizard => "Wizard",
            Section::Approaches => "Approaches",
        }
    }

    /// Title for the document.
    pub fn title(self) -> &'static str {
        match self {
            Section::Wizard => "Should we fine-tune? · tunewise",
            Section::Approaches => "Approaches explained · tunewise",
        }
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
    fn href_round_trips() {
        for s in Section::ALL {
            assert_eq!(parse(&href(s, "")).section, s);
            let r = parse(&href(s, "pe=yes"));
            assert_eq!((r.section, r.query.as_str()), (s, "pe=yes"));
        }
    }
}
