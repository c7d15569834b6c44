//! (contract stub: helper A replaces this file)

/// The run explorer's saved settings (early-stopping rule and its
/// parameters). Query keys start with `s.`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoppingSettings {}

impl StoppingSettings {
    /// The settings as query pairs (`s.` keys), for storage and links.
    pub fn encode(&self) -> String {
        String::new()
    }

    /// Reads the `s.` keys of `query`; total: anything else is ignored and a
    /// value that does not parse keeps its default.
    pub fn decode(_query: &str) -> StoppingSettings {
        StoppingSettings::default()
    }
}
