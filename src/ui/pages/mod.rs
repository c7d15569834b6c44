//! One page per section of the app.

pub mod approaches;
pub mod costs;
pub mod dataset;
pub mod wizard;
