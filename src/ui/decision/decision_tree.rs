//! The whole decision tree drawn in SVG, with the walk highlighted.

use leptos::prelude::*;

use crate::core::decision::tree_diagram::{self, Mark, Shape};
use crate::core::decision::walk::Walk;

/// SVG drawings of the tree, wide and narrow (the style sheet shows the
/// narrow one on small screens, so its text stays legible); the text
/// equivalent of the path is each image's label.
#[component]
pub fn DecisionTree(walk: Memo<Walk>) -> impl IntoView {
    Shape::ALL
        .into_iter()
        .map(|shape| view! { <TreeDrawing walk shape /> })
        .collect_view()
}

/// One drawing of the tree in `shape`.
#[component]
fn TreeDrawing(walk: Memo<Walk>, shape: Shape) -> impl IntoView {
    let diagram = Memo::new(move |_| walk.with(|w| tree_diagram::layout(w, shape)));
    let (width, height) = shape.size();
    let view_box = format!("0 0 {width} {height}");
    let arrow = format!("arrow-{}", shape.key());
    let arrow_on = format!("arrow-on-{}", shape.key());
    let arrow_url = format!("url(#{arrow})");
    let arrow_on_url = format!("url(#{arrow_on})");
    view! {
        <div class=format!("tree-scroll tree-{}", shape.key())>
            <svg class="tree" viewBox=view_box role="img"
                aria-label=move || diagram.with(|d| d.description.clone())>
                <defs>
                    <marker id=arrow viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                    </marker>
                    <marker id=arrow_on viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head on" />
                    </marker>
                </defs>
                {move || diagram.with(|d| {
                    d.edges.iter().map(|e| {
                        let class = if e.on_walk { "edge on" } else { "edge" };
                        let marker = if e.on_walk { arrow_on_url.clone() } else { arrow_url.clone() };
                        view! {
                            <g class=class>
                                <line x1=e.from.0 y1=e.from.1 x2=e.to.0 y2=e.to.1 marker-end=marker />
                                <text x=e.label_at.0 y=e.label_at.1 class="edge-label">{e.label}</text>
                            </g>
                        }
                    }).collect_view()
                })}
                {move || diagram.with(|d| {
                    d.nodes.iter().map(|n| {
                        let mut class = String::from(if n.is_outcome { "node outcome" } else { "node question" });
                        class.push_str(match n.mark {
                            Mark::Off => "",
                            Mark::Passed => " passed",
                            Mark::Current => " current",
                            Mark::Reached => " reached",
                        });
                        let rx = if n.is_outcome { 24.0 } else { 6.0 };
                        view! {
                            <g class=class>
                                <rect x=n.x y=n.y width=n.w height=n.h rx=rx />
                                <text x=n.x + n.w / 2.0 y=n.y + n.h / 2.0 + 5.0 text-anchor="middle">{n.label.clone()}</text>
                            </g>
                        }
                    }).collect_view()
                })}
            </svg>
        </div>
    }
}
