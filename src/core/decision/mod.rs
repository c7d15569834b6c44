//! The decision wizard: the five-step tree, the criteria that suggest
//! answers, the wizard's link, the drawn tree and the approach explainers.
//!
//! Architecture invariant: pure, no UI imports; user-facing text lives
//! apart from the logic that walks the tree.

pub mod answers;
pub mod approaches;
pub mod content;
pub mod evidence;
pub mod suggest;
pub mod tree;
pub mod tree_diagram;
pub mod walk;
pub mod wizard_link;

#[cfg(test)]
mod tests;
