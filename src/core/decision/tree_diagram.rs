//! Geometry of the whole decision tree as a diagram, with a walk highlighted.
//!
//! Two shapes ([`Shape`]). [`Shape::Wide`]: the five questions stand in a
//! column; the outcome each of the first four can lead to stands to its
//! right; the three outcomes of the last question stand in a row below.
//! [`Shape::Narrow`], for phones: one column read top to bottom, each
//! question followed by the outcome it can end in (indented), the last
//! question's three outcomes stacked under it; its view box is about as
//! wide as a 360 px screen leaves for it, so text is drawn near its own
//! size (15, 14 and 13 px at scale 1; at least 12 px from 277 px wide).
//! [`layout`] returns boxes and arrows in SVG user units; the UI only turns
//! them into elements.
//!
//! Architecture invariant: pure geometry, no UI imports.

use crate::core::decision::tree::{Next, Outcome, Step};
use crate::core::decision::walk::{Walk, WalkEnd};

/// Width of the wide diagram's view box.
pub const WIDTH: f32 = 500.0;
/// Height of the wide diagram's view box.
pub const HEIGHT: f32 = 556.0;
/// Width of the narrow diagram's view box.
pub const NARROW_WIDTH: f32 = 300.0;
/// Height of the narrow diagram's view box.
pub const NARROW_HEIGHT: f32 = 782.0;

/// The two arrangements of the same tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Questions in a column, outcomes to their right and in a row below.
    Wide,
    /// One column, for narrow screens.
    Narrow,
}

impl Shape {
    /// Both shapes.
    pub const ALL: [Shape; 2] = [Shape::Wide, Shape::Narrow];

    /// Width and height of the view box.
    pub fn size(self) -> (f32, f32) {
        match self {
            Shape::Wide => (WIDTH, HEIGHT),
            Shape::Narrow => (NARROW_WIDTH, NARROW_HEIGHT),
        }
    }

    /// A stable name, for CSS classes and element ids.
    pub fn key(self) -> &'static str {
        match self {
            Shape::Wide => "wide",
            Shape::Narrow => "narrow",
        }
    }
}

const BOX_H: f32 = 44.0;
const Q_X: f32 = 10.0;
const Q_W: f32 = 210.0;
const RIGHT_X: f32 = 290.0;
const RIGHT_W: f32 = 200.0;
const ROW_GAP: f32 = 96.0;
const TOP: f32 = 10.0;
const BOTTOM_Y: f32 = 500.0;
const BOTTOM_W: f32 = 152.0;
const BOTTOM_GAP: f32 = 12.0;

// Narrow: questions at the left, outcomes indented to their right, one row
// each, `N_GAP` between rows; the chain of questions runs down `N_CHAIN_X`,
// left of every outcome box.
const N_BOX_H: f32 = 40.0;
const N_GAP: f32 = 26.0;
const N_TOP: f32 = 8.0;
const N_Q_X: f32 = 8.0;
const N_Q_W: f32 = 212.0;
const N_O_X: f32 = 96.0;
const N_O_W: f32 = 196.0;
const N_CHAIN_X: f32 = 40.0;
const N_EXIT_X: f32 = 196.0;
/// Height of one question row plus its outcome row.
const N_PITCH: f32 = 2.0 * (N_BOX_H + N_GAP);

/// How a box or arrow relates to the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Not on the walk.
    Off,
    /// On the walk, already passed.
    Passed,
    /// The question waiting for an answer.
    Current,
    /// The outcome the walk reached.
    Reached,
}

/// A box in the diagram: a question or an outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramNode {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub label: String,
    pub is_outcome: bool,
    pub mark: Mark,
}

/// An arrow from a question to what one of its answers leads to.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramEdge {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub label: &'static str,
    /// Where the label is anchored.
    pub label_at: (f32, f32),
    pub on_walk: bool,
}

/// The laid-out diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub nodes: Vec<DiagramNode>,
    pub edges: Vec<DiagramEdge>,
    /// A one-sentence text equivalent of the highlighted path.
    pub description: String,
}

/// Short questions that fit the diagram's boxes.
pub fn short_question(step: Step) -> &'static str {
    match step {
        Step::PromptEngineering => "Prompting enough?",
        Step::Rag => "RAG enough?",
        Step::TrainingData => "Training data?",
        Step::Budget => "Budget?",
        Step::Customization => "Customization level?",
    }
}

/// Short outcome names that fit the diagram's boxes.
pub fn short_title(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::PromptEngineering => "Prompt engineering",
        Outcome::Rag => "RAG",
        Outcome::CollectDataFirst => "Collect data first",
        Outcome::LoraOrPromptRag => "LoRA, or prompt / RAG",
        Outcome::PromptRag => "Prompt / RAG",
        Outcome::LoraOrFineTuning => "LoRA or fine-tuning",
        Outcome::FullFineTuning => "Full fine-tuning",
    }
}

fn question_box(shape: Shape, step: Step) -> (f32, f32, f32, f32) {
    let row = (step.number() - 1) as f32;
    match shape {
        Shape::Wide => (Q_X, TOP + row * ROW_GAP, Q_W, BOX_H),
        Shape::Narrow => (N_Q_X, N_TOP + row * N_PITCH, N_Q_W, N_BOX_H),
    }
}

fn outcome_box(shape: Shape, outcome: Outcome) -> (f32, f32, f32, f32) {
    if shape == Shape::Narrow {
        // Under question `row`, or the `k`-th of the last question's three.
        let under = |row: f32| N_TOP + row * N_PITCH + N_BOX_H + N_GAP;
        let last = |k: f32| under(4.0) + k * (N_BOX_H + N_GAP);
        let y = match outcome {
            Outcome::PromptEngineering => under(0.0),
            Outcome::Rag => under(1.0),
            Outcome::CollectDataFirst => under(2.0),
            Outcome::LoraOrPromptRag => under(3.0),
            Outcome::PromptRag => last(0.0),
            Outcome::LoraOrFineTuning => last(1.0),
            Outcome::FullFineTuning => last(2.0),
        };
        return (N_O_X, y, N_O_W, N_BOX_H);
    }
    let right_row = |row: f32| (RIGHT_X, TOP + row * ROW_GAP, RIGHT_W, BOX_H);
    let bottom = |col: f32| {
        (
            10.0 + col * (BOTTOM_W + BOTTOM_GAP),
            BOTTOM_Y,
            BOTTOM_W,
            BOX_H,
        )
    };
    match outcome {
        Outcome::PromptEngineering => right_row(0.0),
        Outcome::Rag => right_row(1.0),
        Outcome::CollectDataFirst => right_row(2.0),
        Outcome::LoraOrPromptRag => right_row(3.0),
        Outcome::PromptRag => bottom(0.0),
        Outcome::LoraOrFineTuning => bottom(1.0),
        Outcome::FullFineTuning => bottom(2.0),
    }
}

/// Lays out the whole tree in `shape` with `walk` highlighted.
pub fn layout(walk: &Walk, shape: Shape) -> Diagram {
    let mut nodes = Vec::new();
    for step in Step::ALL {
        let (x, y, w, h) = question_box(shape, step);
        let mark = if walk.end == WalkEnd::Pending(step) {
            Mark::Current
        } else if walk.path.iter().any(|(s, _)| *s == step) {
            Mark::Passed
        } else {
            Mark::Off
        };
        nodes.push(DiagramNode {
            x,
            y,
            w,
            h,
            label: format!("{}. {}", step.number(), short_question(step)),
            is_outcome: false,
            mark,
        });
    }
    for outcome in Outcome::ALL {
        let (x, y, w, h) = outcome_box(shape, outcome);
        let mark = if walk.outcome() == Some(outcome) {
            Mark::Reached
        } else {
            Mark::Off
        };
        nodes.push(DiagramNode {
            x,
            y,
            w,
            h,
            label: short_title(outcome).to_string(),
            is_outcome: true,
            mark,
        });
    }

    let edges = match shape {
        Shape::Wide => wide_edges(walk),
        Shape::Narrow => narrow_edges(walk),
    };
    Diagram {
        nodes,
        edges,
        description: describe(walk),
    }
}

/// The narrow shape's arrows: down the chain at the left, down to each
/// question's outcome at the right, and from the last question to the left
/// side of each of its outcomes, with the answer above that box.
fn narrow_edges(walk: &Walk) -> Vec<DiagramEdge> {
    let mut edges = Vec::new();
    for step in Step::ALL {
        let (_, qy, _, qh) = question_box(Shape::Narrow, step);
        let bottom = qy + qh;
        let fan = step.options().len() > 2;
        for answer in step.options() {
            let on_walk = walk.path.contains(&(step, *answer));
            let edge = match step.next(*answer) {
                Some(Next::Step(next)) => {
                    let (_, ny, _, _) = question_box(Shape::Narrow, next);
                    DiagramEdge {
                        from: (N_CHAIN_X, bottom),
                        to: (N_CHAIN_X, ny),
                        label: answer.label(),
                        // In the gap under this question's outcome.
                        label_at: (N_CHAIN_X + 8.0, ny - N_GAP + 17.0),
                        on_walk,
                    }
                }
                Some(Next::Outcome(outcome)) => {
                    let (ox, oy, _, oh) = outcome_box(Shape::Narrow, outcome);
                    if fan {
                        DiagramEdge {
                            from: (N_CHAIN_X, bottom),
                            to: (ox, oy + oh / 2.0),
                            label: answer.label(),
                            label_at: (ox + 8.0, oy - N_GAP + 17.0),
                            on_walk,
                        }
                    } else {
                        DiagramEdge {
                            from: (N_EXIT_X, bottom),
                            to: (N_EXIT_X, oy),
                            label: answer.label(),
                            label_at: (N_EXIT_X + 8.0, bottom + 17.0),
                            on_walk,
                        }
                    }
                }
                None => continue,
            };
            edges.push(edge);
        }
    }
    edges
}

/// The wide shape's arrows.
fn wide_edges(walk: &Walk) -> Vec<DiagramEdge> {
    let mut edges = Vec::new();
    for step in Step::ALL {
        let (qx, qy, qw, qh) = question_box(Shape::Wide, step);
        let fan = step.options().len() > 2;
        for answer in step.options() {
            let on_walk = walk.path.contains(&(step, *answer));
            let edge = match step.next(*answer) {
                Some(Next::Step(next)) => {
                    let (nx, ny, nw, _) = question_box(Shape::Wide, next);
                    let x = qx + qw / 2.0;
                    debug_assert!((nx + nw / 2.0 - x).abs() < f32::EPSILON);
                    DiagramEdge {
                        from: (x, qy + qh),
                        to: (x, ny),
                        label: answer.label(),
                        label_at: (x + 8.0, (qy + qh + ny) / 2.0 + 4.0),
                        on_walk,
                    }
                }
                Some(Next::Outcome(outcome)) => {
                    let (ox, oy, ow, _) = outcome_box(Shape::Wide, outcome);
                    if fan {
                        let from = (qx + qw / 2.0, qy + qh);
                        let to = (ox + ow / 2.0, oy);
                        DiagramEdge {
                            from,
                            to,
                            label: answer.label(),
                            label_at: ((from.0 + to.0) / 2.0 + 6.0, (from.1 + to.1) / 2.0),
                            on_walk,
                        }
                    } else {
                        let y = qy + qh / 2.0;
                        DiagramEdge {
                            from: (qx + qw, y),
                            to: (ox, oy + BOX_H / 2.0),
                            label: answer.label(),
                            label_at: ((qx + qw + ox) / 2.0 - 16.0, y - 8.0),
                            on_walk,
                        }
                    }
                }
                None => continue,
            };
            edges.push(edge);
        }
    }
    edges
}

/// The walk in words, e.g. "Step 1: No; step 2: Yes; result: RAG."
pub fn describe(walk: &Walk) -> String {
    let mut parts: Vec<String> = walk
        .path
        .iter()
        .map(|(s, a)| format!("step {} ({}): {}", s.number(), s.question(), a.label()))
        .collect();
    match walk.end {
        WalkEnd::Pending(s) => parts.push(format!("waiting at step {}", s.number())),
        WalkEnd::Outcome(o) => parts.push(format!("result: {}", o.title())),
    }
    format!("Decision tree. Your path: {}.", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::decision::answers::Answers;
    use crate::core::decision::tree::Answer;
    use crate::core::decision::walk::walk;

    fn inside(shape: Shape, x: f32, y: f32) -> bool {
        let (w, h) = shape.size();
        (0.0..=w).contains(&x) && (0.0..=h).contains(&y)
    }

    type Rect = (f32, f32, f32, f32);

    fn apart(a: Rect, b: Rect) -> bool {
        a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0 || a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1
    }

    fn node_rect(n: &DiagramNode) -> Rect {
        (n.x, n.y, n.w, n.h)
    }

    /// Generous extent of a text at `size` px: 0.6 em per character, from
    /// 0.8 em above the baseline to 0.25 em below it.
    fn text_rect(text: &str, x: f32, baseline: f32, size: f32) -> Rect {
        let w = text.chars().count() as f32 * 0.6 * size;
        (x, baseline - 0.8 * size, w, 1.05 * size)
    }

    /// Whether the segment runs through the inside of `r` (touching its
    /// border, where arrows start and end, does not count).
    fn crosses(from: (f32, f32), to: (f32, f32), r: Rect) -> bool {
        (1..100).any(|i| {
            let t = i as f32 / 100.0;
            let x = from.0 + t * (to.0 - from.0);
            let y = from.1 + t * (to.1 - from.1);
            x > r.0 + 0.5 && x < r.0 + r.2 - 0.5 && y > r.1 + 0.5 && y < r.1 + r.3 - 0.5
        })
    }

    #[test]
    fn every_box_and_arrow_fits_and_boxes_do_not_overlap() {
        for shape in Shape::ALL {
            let d = layout(&walk(&Answers::default()), shape);
            assert_eq!(d.nodes.len(), 12);
            assert_eq!(d.edges.len(), 11);
            for n in &d.nodes {
                assert!(
                    inside(shape, n.x, n.y) && inside(shape, n.x + n.w, n.y + n.h),
                    "{shape:?} {n:?}"
                );
            }
            for (i, a) in d.nodes.iter().enumerate() {
                for b in &d.nodes[i + 1..] {
                    assert!(
                        apart(node_rect(a), node_rect(b)),
                        "{shape:?}: {} overlaps {}",
                        a.label,
                        b.label
                    );
                }
            }
            for e in &d.edges {
                assert!(inside(shape, e.from.0, e.from.1) && inside(shape, e.to.0, e.to.1));
            }
        }
    }

    #[test]
    fn narrow_arrows_and_labels_keep_clear_of_boxes_and_each_other() {
        let d = layout(&walk(&Answers::default()), Shape::Narrow);
        // Box text (15 px questions, 14 px outcomes, as in the style sheet)
        // fits its box with 6 units to spare each side.
        for n in &d.nodes {
            let size = if n.is_outcome { 14.0 } else { 15.0 };
            let w = n.label.chars().count() as f32 * 0.55 * size;
            assert!(w <= n.w - 12.0, "{} is too long for its box", n.label);
        }
        let labels: Vec<Rect> = d
            .edges
            .iter()
            .map(|e| text_rect(e.label, e.label_at.0, e.label_at.1, 13.0))
            .collect();
        for (e, l) in d.edges.iter().zip(&labels) {
            let (w, _) = Shape::Narrow.size();
            assert!(
                l.0 >= 0.0 && l.0 + l.2 <= w,
                "label {} leaves the view box",
                e.label
            );
            for n in &d.nodes {
                assert!(
                    apart(*l, node_rect(n)),
                    "label {} covers {}",
                    e.label,
                    n.label
                );
                assert!(
                    !crosses(e.from, e.to, node_rect(n)),
                    "arrow {} crosses {}",
                    e.label,
                    n.label
                );
            }
        }
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(apart(*a, *b), "two edge labels overlap");
            }
        }
    }

    // At 360 px the page leaves the tree 360 − 2 × 16 (page padding)
    // − 2 × 17 (panel padding and border) = 294 px; the smallest text (13 px
    // edge labels) is drawn at 13 × 294 / NARROW_WIDTH, at least 12 px. The
    // wide shape would draw the same labels at under 8 px.
    const _: () = assert!(13.0 * 294.0 / NARROW_WIDTH >= 12.0);
    const _: () = assert!(13.0 * 294.0 / WIDTH < 8.0);

    #[test]
    fn the_walk_is_highlighted() {
        let mut a = Answers::default();
        a.set(Step::PromptEngineering, Some(Answer::No));
        a.set(Step::Rag, Some(Answer::Yes));
        let d = layout(&walk(&a), Shape::Wide);
        let marked: Vec<(&str, Mark)> = d
            .nodes
            .iter()
            .filter(|n| n.mark != Mark::Off)
            .map(|n| (n.label.as_str(), n.mark))
            .collect();
        assert_eq!(
            marked,
            vec![
                ("1. Prompting enough?", Mark::Passed),
                ("2. RAG enough?", Mark::Passed),
                ("RAG", Mark::Reached),
            ]
        );
        assert_eq!(d.edges.iter().filter(|e| e.on_walk).count(), 2);
        // The narrow shape marks the same boxes and arrows.
        let n = layout(&walk(&a), Shape::Narrow);
        let marks = |d: &Diagram| -> Vec<(String, Mark)> {
            d.nodes.iter().map(|n| (n.label.clone(), n.mark)).collect()
        };
        let on = |d: &Diagram| -> Vec<(&str, bool)> {
            d.edges.iter().map(|e| (e.label, e.on_walk)).collect()
        };
        assert_eq!(marks(&n), marks(&d));
        assert_eq!(on(&n), on(&d));
        assert!(
            d.description
                .starts_with("Decision tree. Your path: step 1")
        );
        assert!(
            d.description
                .ends_with("result: RAG (retrieval-augmented generation).")
        );
        a.set(Step::Rag, None);
        let d = layout(&walk(&a), Shape::Wide);
        assert!(d.nodes.iter().any(|n| n.mark == Mark::Current));
    }
}
