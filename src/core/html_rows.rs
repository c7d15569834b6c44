//! Table rows written as HTML text, for the UI's tables that only show figures.
//! Each distinct Leptos view adds code to the page's download (counted
//! against the 250,000-byte budget); a read-only table drawn from text
//! costs one string instead. Every text is escaped, so a user-written name
//! can never become markup.

/// `text` with `&`, `<`, `>`, `"` and `'` escaped for HTML text and
/// attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One cell of a row written by [`row`].
pub struct Cell<'a> {
    /// Its text (escaped when written).
    pub text: &'a str,
    /// A class for the cell, or "" (a fixed name: not escaped).
    pub class: &'static str,
    /// Markup before the text, written as given: markup the caller built,
    /// with any text in it passed through [`escape`].
    pub before: &'a str,
}

impl<'a> Cell<'a> {
    /// A plain cell.
    pub fn text(text: &'a str) -> Cell<'a> {
        Cell {
            text,
            class: "",
            before: "",
        }
    }
}

/// A `<tr>` with a row header (`head_before`: markup before its text, as
/// [`Cell::before`]) and cells; `row_class` is a fixed class name or "".
pub fn row(head_before: &str, head: &str, row_class: &'static str, cells: &[Cell]) -> String {
    let mut out = String::new();
    if row_class.is_empty() {
        out.push_str("<tr>");
    } else {
        out.push_str(&format!("<tr class=\"{row_class}\">"));
    }
    out.push_str(&format!(
        "<th scope=\"row\">{head_before}{}</th>",
        escape(head)
    ));
    for c in cells {
        if c.class.is_empty() {
            out.push_str("<td>");
        } else {
            out.push_str(&format!("<td class=\"{}\">", c.class));
        }
        out.push_str(c.before);
        out.push_str(&escape(c.text));
        out.push_str("</td>");
    }
    out.push_str("</tr>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_never_becomes_markup() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)"> & 'co'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;"
        );
        let html = row(
            "",
            "<b>LoRA</b>",
            "current",
            &[
                Cell::text("$1 < $2"),
                Cell {
                    text: "5.0 months",
                    class: "effect-good",
                    before: "<i></i>",
                },
            ],
        );
        assert_eq!(
            html,
            "<tr class=\"current\"><th scope=\"row\">&lt;b&gt;LoRA&lt;/b&gt;</th><td>$1 &lt; $2</td>\
             <td class=\"effect-good\"><i></i>5.0 months</td></tr>"
        );
    }
}
