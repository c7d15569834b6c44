//! Geometry of the whole decision tree as a diagram, with a walk highlighted.
//!
//! The five questions stand in a column; the outcome each of the first four
//! can lead to stands to its right; the three outcomes of the last question
//! stand in a row below. [`layout`] returns boxes and arrows in SVG user
//! units; the UI only turns them into elements.
//!
//! Architecture invariant: pure geometry, no UI imports.

use crate::core::decision::tree::{Next, Outcome, Step};
use crate::core::decision::walk::{Walk, WalkEnd};

/// Width of the diagram's view box.
pub const WIDTH: f32 = 500.0;
/// Height of the diagram's view box.
pub const HEIGHT: f32 = 556.0;

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

fn question_box(step: Step) -> (f32, f32, f32, f32) {
    let row = (step.number() - 1) as f32;
    (Q_X, TOP + row * ROW_GAP, Q_W, BOX_H)
}

fn outcome_box(outcome: Outcome) -> (f32, f32, f32, f32) {
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

/// Lays out the whole tree with `walk` highlighted.
pub fn layout(walk: &Walk) -> Diagram {
    let mut nodes = Vec::new();
    for step in Step::ALL {
        let (x, y, w, h) = question_box(step);
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
        let (x, y, w, h) = outcome_box(outcome);
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

    let mut edges = Vec::new();
    for step in Step::ALL {
        let (qx, qy, qw, qh) = question_box(step);
        let fan = step.options().len() > 2;
        for answer in step.options() {
            let on_walk = walk.path.contains(&(step, *answer));
            let edge = match step.next(*answer) {
                Some(Next::Step(next)) => {
                    let (nx, ny, nw, _) = question_box(next);
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
                    let (ox, oy, ow, _) = outcome_box(outcome);
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
    Diagram {
        nodes,
        edges,
        description: describe(walk),
    }
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

    fn inside(x: f32, y: f32) -> bool {
        (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y)
    }

    #[test]
    fn every_box_and_arrow_fits_and_boxes_do_not_overlap() {
        let d = layout(&walk(&Answers::default()));
        assert_eq!(d.nodes.len(), 12);
        assert_eq!(d.edges.len(), 11);
        for n in &d.nodes {
            assert!(inside(n.x, n.y) && inside(n.x + n.w, n.y + n.h), "{n:?}");
        }
        for (i, a) in d.nodes.iter().enumerate() {
            for b in &d.nodes[i + 1..] {
                let apart =
                    a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(apart, "{} overlaps {}", a.label, b.label);
            }
        }
        for e in &d.edges {
            assert!(inside(e.from.0, e.from.1) && inside(e.to.0, e.to.1));
        }
    }

    #[test]
    fn the_walk_is_highlighted() {
        let mut a = Answers::default();
        a.set(Step::PromptEngineering, Some(Answer::No));
        a.set(Step::Rag, Some(Answer::Yes));
        let d = layout(&walk(&a));
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
        assert!(
            d.description
                .starts_with("Decision tree. Your path: step 1")
        );
        assert!(
            d.description
                .ends_with("result: RAG (retrieval-augmented generation).")
        );
        a.set(Step::Rag, None);
        let d = layout(&walk(&a));
        assert!(d.nodes.iter().any(|n| n.mark == Mark::Current));
    }
}
