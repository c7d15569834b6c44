//! The whole decision tree drawn in SVG, with the walk highlighted.

use leptos::prelude::*;

use crate::core::decision::tree_diagram::{self, Mark};
use crate::core::decision::walk::Walk;

/// SVG drawing of the tree; its text equivalent is the image's label.
#[component]
pub fn DecisionTree(walk: Memo<Walk>) -> impl IntoView {
    let diagram = Memo::new(move |_| walk.with(tree_diagram::layout));
    let view_box = format!("0 0 {} {}", tree_diagram::WIDTH, tree_diagram::HEIGHT);
    view! {
        <div class="tree-scroll">
            <svg class="tree" viewBox=view_box role="img"
                aria-label=move || diagram.with(|d| d.description.clone())>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                    </marker>
                    <marker id="arrow-on" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head on" />
                    </marker>
                </defs>
                {move || diagram.with(|d| {
                    d.edges.iter().map(|e| {
                        let class = if e.on_walk { "edge on" } else { "edge" };
                        let marker = if e.on_walk { "url(#arrow-on)" } else { "url(#arrow)" };
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
