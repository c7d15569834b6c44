//! Splitting a JSON document into its top-level examples, chunk by chunk.
//!
//! [`JsonElements`] reads either one JSON array (`[ {...}, {...} ]`,
//! [`Shape::Array`]) or several JSON values one after another (pretty-
//! printed objects, [`Shape::Values`]) and yields each element as its
//! compact bytes (whitespace outside strings removed, key order and escapes
//! kept) with the physical line where it starts. It tracks strings, escapes
//! and nesting byte by byte and never holds more than one element, each
//! capped at a maximum size like framing's lines, so memory stays bounded
//! whatever the document's size. Malformed structure (an unclosed array or
//! value, a missing comma, content after the array) is reported with its
//! line; whether an element is an object is for the line checks to say.
//!
//! Architecture invariant: pure, no UI imports; never panics on any bytes;
//! chunking never changes the output (property-tested).

use crate::core::dataset::framing::DEFAULT_MAX_LINE_BYTES;

/// The document's outer structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One JSON array whose elements are the examples.
    Array,
    /// JSON values one after another (no enclosing array).
    Values,
}

/// One top-level element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// 1-based physical line where the element starts.
    pub line: usize,
    /// The element without whitespace outside strings (only the first
    /// `max_element_bytes` when `too_long`).
    pub bytes: Vec<u8>,
    /// The element was longer than the limit.
    pub too_long: bool,
}

/// What the splitter yields, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// An element.
    Element(Element),
    /// A structural problem at a physical line.
    Error {
        /// 1-based physical line.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before the opening `[` (arrays only).
    BeforeArray,
    /// Where an element may start (after `[`, or between values).
    BeforeElement,
    /// After a comma in an array: an element must follow.
    AfterComma,
    /// Inside an element.
    InElement,
    /// After an element: `,` or `]` (arrays), another value (values).
    AfterElement,
    /// After the closing `]`: only whitespace may follow.
    Done,
    /// After content that ends the useful part (garbage reported).
    Stopped,
}

/// Streams a JSON document into [`Item`]s.
#[derive(Debug)]
pub struct JsonElements {
    state: State,
    is_array: bool,
    line: usize,
    array_line: usize,
    current: Vec<u8>,
    current_line: usize,
    too_long: bool,
    depth: usize,
    in_string: bool,
    escape: bool,
    /// The element is a scalar (number, literal): it ends at a delimiter.
    scalar: bool,
    max_element_bytes: usize,
    /// Elements yielded so far.
    pub elements: usize,
    /// Physical lines seen so far (a last line without newline counts).
    pub lines: usize,
    saw_bytes_on_line: bool,
}

impl JsonElements {
    /// A splitter for `shape` keeping at most the framing's line limit of
    /// any element.
    pub fn new(shape: Shape) -> JsonElements {
        JsonElements::with_limit(shape, DEFAULT_MAX_LINE_BYTES)
    }

    /// A splitter keeping at most `max_element_bytes` of any element.
    pub fn with_limit(shape: Shape, max_element_bytes: usize) -> JsonElements {
        JsonElements {
            state: match shape {
                Shape::Array => State::BeforeArray,
                Shape::Values => State::BeforeElement,
            },
            is_array: shape == Shape::Array,
            line: 1,
            array_line: 1,
            current: Vec::new(),
            current_line: 1,
            too_long: false,
            depth: 0,
            in_string: false,
            escape: false,
            scalar: false,
            max_element_bytes: max_element_bytes.max(1),
            elements: 0,
            lines: 0,
            saw_bytes_on_line: false,
        }
    }

    /// Feeds the next chunk; appends the items it completes to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<Item>) {
        for &b in chunk {
            self.byte(b, out);
            if b == b'\n' {
                self.line += 1;
                self.lines += 1;
                self.saw_bytes_on_line = false;
            } else {
                self.saw_bytes_on_line = true;
            }
        }
    }

    /// Ends the document: the last element, and what is left unclosed.
    pub fn finish(mut self, out: &mut Vec<Item>) {
        if self.saw_bytes_on_line {
            self.lines += 1;
        }
        match self.state {
            State::InElement if self.scalar && !self.in_string => {
                self.emit(out);
                if self.is_array {
                    self.unclosed(out);
                }
            }
            State::InElement => {
                let what = if self.in_string {
                    "ends inside a string"
                } else {
                    "ends before its closing bracket"
                };
                out.push(Item::Error {
                    line: self.current_line,
                    message: format!(
                        "The JSON value starting on line {} is not complete: the file {what}. The file looks truncated.",
                        self.current_line
                    ),
                });
                if self.is_array {
                    self.unclosed(out);
                }
            }
            State::BeforeArray => out.push(Item::Error {
                line: self.line,
                message: "The file holds no JSON array.".into(),
            }),
            State::BeforeElement | State::AfterComma | State::AfterElement if self.is_array => {
                self.unclosed(out)
            }
            _ => {}
        }
    }

    fn unclosed(&self, out: &mut Vec<Item>) {
        out.push(Item::Error {
            line: self.line,
            message: format!(
                "The JSON array opened on line {} is never closed: the file ends without its \"]\". The file looks truncated.",
                self.array_line
            ),
        });
    }

    fn error(&mut self, out: &mut Vec<Item>, message: String) {
        out.push(Item::Error {
            line: self.line,
            message,
        });
    }

    fn start(&mut self, b: u8) {
        self.state = State::InElement;
        self.current.clear();
        self.current_line = self.line;
        self.too_long = false;
        self.depth = 0;
        self.in_string = false;
        self.escape = false;
        self.scalar = !matches!(b, b'{' | b'[' | b'"');
    }

    fn keep(&mut self, b: u8) {
        if self.current.len() < self.max_element_bytes {
            self.current.push(b);
        } else {
            self.too_long = true;
        }
    }

    fn emit(&mut self, out: &mut Vec<Item>) {
        self.elements += 1;
        out.push(Item::Element(Element {
            line: self.current_line,
            bytes: std::mem::take(&mut self.current),
            too_long: self.too_long,
        }));
        self.state = State::AfterElement;
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Item>) {
        let ws = matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        match self.state {
            State::Stopped => {}
            State::BeforeArray => {
                if b == b'[' {
                    self.array_line = self.line;
                    self.state = State::BeforeElement;
                } else if !ws {
                    self.error(
                        out,
                        "The file does not start with \"[\": it is not one JSON array.".into(),
                    );
                    self.state = State::Stopped;
                }
            }
            State::BeforeElement | State::AfterComma => {
                if ws {
                } else if self.is_array && b == b']' {
                    if self.state == State::AfterComma {
                        self.error(
                            out,
                            "A comma before \"]\": JSON allows no trailing comma.".into(),
                        );
                    }
                    self.state = State::Done;
                } else if b == b',' {
                    let message = if self.is_array {
                        "Two commas in a row: an element is missing between them."
                    } else {
                        "A comma between top-level JSON values: they are not in an array, so nothing separates them (remove the comma, or wrap the whole file in [ ])."
                    };
                    self.error(out, message.into());
                } else {
                    self.begin(b, out);
                }
            }
            State::InElement => self.in_element(b, out),
            State::AfterElement => {
                if ws {
                } else if self.is_array && b == b',' {
                    self.state = State::AfterComma;
                } else if self.is_array && b == b']' {
                    self.state = State::Done;
                } else if self.is_array && b != b'}' {
                    self.error(out, "A missing comma: the next array element starts here without a \",\" after the previous one.".into());
                    self.begin(b, out);
                } else if b == b',' {
                    self.state = State::BeforeElement;
                    self.byte(b, out);
                } else {
                    self.begin(b, out);
                }
            }
            State::Done => {
                if !ws {
                    self.error(out, "Content after the end of the JSON array: the file should end with its \"]\". Remove what follows, or put it inside the array.".into());
                    self.state = State::Stopped;
                }
            }
        }
    }

    /// Starts an element at `b`, unless `b` closes what was never opened.
    fn begin(&mut self, b: u8, out: &mut Vec<Item>) {
        if matches!(b, b'}' | b']') {
            let c = char::from(b);
            self.error(
                out,
                format!("A stray \"{c}\": it closes nothing that was opened."),
            );
            return;
        }
        self.start(b);
        self.in_element(b, out);
    }

    fn in_element(&mut self, b: u8, out: &mut Vec<Item>) {
        if self.in_string {
            self.keep(b);
            if self.escape {
                self.escape = false;
            } else if b == b'\\' {
                self.escape = true;
            } else if b == b'"' {
                self.in_string = false;
                if self.depth == 0 {
                    self.emit(out);
                }
            }
            return;
        }
        if self.scalar {
            if matches!(
                b,
                b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'}' | b'{' | b'[' | b'"'
            ) {
                self.emit(out);
                self.byte(b, out);
            } else {
                self.keep(b);
            }
            return;
        }
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => {}
            b'"' => {
                self.in_string = true;
                self.keep(b);
            }
            b'{' | b'[' => {
                self.depth += 1;
                self.keep(b);
            }
            b'}' | b']' => {
                self.keep(b);
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.emit(out);
                }
            }
            _ => self.keep(b),
        }
    }
}

/// Splits a whole buffer (tests; a one-line array in the exports).
pub fn split_bytes(shape: Shape, bytes: &[u8]) -> Vec<Item> {
    let mut s = JsonElements::new(shape);
    let mut out = Vec::new();
    s.push(bytes, &mut out);
    s.finish(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn elements(items: &[Item]) -> Vec<(usize, String)> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Element(e) => Some((e.line, String::from_utf8_lossy(&e.bytes).into_owned())),
                Item::Error { .. } => None,
            })
            .collect()
    }

    fn errors(items: &[Item]) -> Vec<(usize, String)> {
        items
            .iter()
            .filter_map(|i| match i {
                Item::Error { line, message } => Some((*line, message.clone())),
                Item::Element(_) => None,
            })
            .collect()
    }

    #[test]
    fn an_array_gives_its_elements_with_their_lines() {
        let doc =
            b"[\n  {\n    \"a\": \"x y\",\n    \"b\": [1, 2]\n  },\n  {\"c\": \"]\\\"}\"}\n]\n";
        let items = split_bytes(Shape::Array, doc);
        assert_eq!(
            elements(&items),
            vec![
                (2, r#"{"a":"x y","b":[1,2]}"#.to_string()),
                (6, r#"{"c":"]\"}"}"#.to_string())
            ]
        );
        assert!(errors(&items).is_empty(), "{items:?}");
        assert!(split_bytes(Shape::Array, b" [ ] ").is_empty());
    }

    #[test]
    fn scalars_are_elements_too() {
        let items = split_bytes(Shape::Array, b"[1, \"s\",true,{}]");
        assert_eq!(
            elements(&items)
                .into_iter()
                .map(|e| e.1)
                .collect::<Vec<_>>(),
            vec!["1", "\"s\"", "true", "{}"]
        );
    }

    #[test]
    fn values_one_after_another() {
        let doc = b"{\n \"a\": 1\n}\n{\n \"b\": [1,\n 2]\n}\n";
        let items = split_bytes(Shape::Values, doc);
        assert_eq!(
            elements(&items),
            vec![(1, "{\"a\":1}".into()), (4, "{\"b\":[1,2]}".into())]
        );
        assert!(errors(&items).is_empty());
    }

    #[test]
    fn broken_structure_is_located() {
        let unclosed = split_bytes(Shape::Array, b"[\n{\"a\":1},\n{\"b\":2}\n");
        assert_eq!(elements(&unclosed).len(), 2);
        let e = errors(&unclosed);
        assert_eq!(e.len(), 1);
        assert!(e[0].1.contains("line 1"), "{e:?}");
        let cut = split_bytes(Shape::Array, b"[\n{\"a\":1},\n{\"b\":\"x");
        let e = errors(&cut);
        assert!(
            e[0].1.contains("line 3") && e[0].1.contains("string"),
            "{e:?}"
        );
        let missing = split_bytes(Shape::Array, b"[{\"a\":1}\n{\"b\":2}]");
        assert_eq!(elements(&missing).len(), 2);
        assert_eq!(errors(&missing)[0].0, 2);
        let trailing = split_bytes(Shape::Array, b"[{\"a\":1}]\n{\"b\":2}\n");
        assert_eq!(elements(&trailing).len(), 1);
        assert_eq!(errors(&trailing)[0].0, 2);
        let comma = split_bytes(Shape::Array, b"[{\"a\":1},]");
        assert!(errors(&comma)[0].1.contains("trailing comma"));
        let between = split_bytes(Shape::Values, b"{\"a\":1},\n{\"b\":2}");
        assert_eq!(elements(&between).len(), 2);
        assert_eq!(errors(&between).len(), 1);
    }

    #[test]
    fn elements_are_capped() {
        let mut s = JsonElements::with_limit(Shape::Array, 4);
        let mut out = Vec::new();
        s.push(b"[{\"abcdef\":1},{}]", &mut out);
        s.finish(&mut out);
        match &out[0] {
            Item::Element(e) => assert!(e.too_long && e.bytes.len() == 4),
            other => panic!("{other:?}"),
        }
        assert_eq!(elements(&out)[1].1, "{}");
    }

    proptest! {
        #[test]
        fn chunking_never_changes_the_output(
            data in proptest::collection::vec(prop_oneof![
                Just(b'['), Just(b']'), Just(b'{'), Just(b'}'), Just(b'"'), Just(b'\\'),
                Just(b','), Just(b':'), Just(b' '), Just(b'\n'), Just(b'a'), Just(b'1'), any::<u8>()
            ], 0..300),
            cuts in proptest::collection::vec(0usize..300, 0..4),
            array in any::<bool>(),
        ) {
            let shape = if array { Shape::Array } else { Shape::Values };
            let whole = split_bytes(shape, &data);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(data.len())).collect();
            cuts.sort_unstable();
            let mut s = JsonElements::new(shape);
            let mut out = Vec::new();
            let mut from = 0;
            for c in cuts {
                s.push(&data[from..c], &mut out);
                from = c;
            }
            s.push(&data[from..], &mut out);
            s.finish(&mut out);
            prop_assert_eq!(out, whole);
        }
    }
}
