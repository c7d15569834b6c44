//! The one link that carries the whole state: wizard, costs and dataset.
//!
//! Format, version 1 (a query string, written in this order):
//! `v=1&w=<wizard>&c=<costs>&d=<dataset>&end=1`
//! - `v`: the link format's version, [`VERSION`];
//! - `w`: the wizard's own query string ([`wizard_link::encode`]),
//!   percent-encoded as one value (`pe=no&rag=no` → `pe%3Dno%26rag%3Dno`);
//! - `c`: the calculator's query string ([`scenario::encode`]), likewise;
//! - `d`: the dataset brief's query string ([`DatasetBrief::to_query`]),
//!   likewise; empty when no dataset was checked;
//! - `s`: the Dataset page's settings ([`settings::encode`]), likewise;
//!   empty when none are saved. Optional: links made before it existed
//!   have none and lose nothing;
//! - `t`: the training page's state ([`training_state::encode`]), likewise;
//!   optional too;
//! - `end=1`: closes the link, so a link cut anywhere (mail and chat
//!   programs cut long addresses) is recognised.
//!
//! Every part is always written, even when empty, so a missing required
//! one (`w`, `c`, `d`) means the link was cut.
//!
//! Decoding never fails and never panics ([`decode`]):
//! - a part that does not read back exactly (an unknown key, a value its
//!   decoder drops) is reset to its defaults as a whole, never half-mixed
//!   with defaults: the empty wizard, [`default_scenario`]`(today)`, no
//!   dataset. The other parts still decode;
//! - [`DecodedLink::note`] says what happened, with a stable id and a
//!   message for the user ([`LinkNote`]);
//! - a link of a newer version is read as version 1 as far as it goes.
//!
//! Changing the format means a new version: the test
//! `a_link_made_on_2026_12_01_still_decodes` holds a version-1 link
//! verbatim, so a release that cannot read it fails.
//!
//! [`default_scenario`]: crate::core::costs::scenario::default_scenario
//!
//! Architecture invariant: pure functions, no UI imports; each part keeps
//! its own tool's format, so there is one format per tool to test.

use std::collections::HashSet;

use crate::core::costs::scenario;
use crate::core::dataset::brief::DatasetBrief;
use crate::core::dataset::settings;
use crate::core::decision::suggest::join_words;
use crate::core::decision::wizard_link;
use crate::core::report::state::SharedState;
use crate::core::training::training_state;

/// The version of the link format this tunewise writes.
pub const VERSION: u32 = 1;
/// Longest link accepted; anything longer gives the defaults.
pub const MAX_LEN: usize = 65_536;

/// One of the parts a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkPart {
    Wizard,
    Costs,
    Dataset,
    DatasetSettings,
    Training,
}

impl LinkPart {
    /// Every part, in the order the link writes them.
    pub const ALL: [LinkPart; 5] = [
        LinkPart::Wizard,
        LinkPart::Costs,
        LinkPart::Dataset,
        LinkPart::DatasetSettings,
        LinkPart::Training,
    ];

    /// Whether every version-1 link carries the part (so its absence means
    /// the link was cut); the parts added later are optional.
    pub fn required(self) -> bool {
        matches!(self, LinkPart::Wizard | LinkPart::Costs | LinkPart::Dataset)
    }

    /// The part's key in the link.
    pub fn key(self) -> &'static str {
        match self {
            LinkPart::Wizard => "w",
            LinkPart::Costs => "c",
            LinkPart::Dataset => "d",
            LinkPart::DatasetSettings => "s",
            LinkPart::Training => "t",
        }
    }

    /// Stable id: `"wizard"`, `"costs"` or `"dataset"`.
    pub fn id(self) -> &'static str {
        match self {
            LinkPart::Wizard => "wizard",
            LinkPart::Costs => "costs",
            LinkPart::Dataset => "dataset",
            LinkPart::DatasetSettings => "dataset_settings",
            LinkPart::Training => "training",
        }
    }

    /// What the part holds, as the user knows it.
    pub fn label(self) -> &'static str {
        match self {
            LinkPart::Wizard => "the wizard's answers",
            LinkPart::Costs => "the cost figures",
            LinkPart::Dataset => "the dataset summary",
            LinkPart::DatasetSettings => "the Dataset page's settings",
            LinkPart::Training => "the training settings",
        }
    }
}

/// What went wrong with a link, for a note above what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkNote {
    /// These parts did not read back and were reset to their defaults.
    Damaged(Vec<LinkPart>),
    /// The link was cut short; these parts were lost (missing or cut) and
    /// show their defaults. Empty when only the closing `end` is missing.
    Truncated(Vec<LinkPart>),
    /// Made by a newer tunewise (this link version); what version 1
    /// understands was read.
    FutureVersion(u32),
    /// No version this tunewise can read: probably not a tunewise link.
    MissingVersion,
}

impl LinkNote {
    /// Stable id: `"damaged"`, `"truncated"`, `"future_version"` or
    /// `"missing_version"`.
    pub fn id(&self) -> &'static str {
        match self {
            LinkNote::Damaged(_) => "damaged",
            LinkNote::Truncated(_) => "truncated",
            LinkNote::FutureVersion(_) => "future_version",
            LinkNote::MissingVersion => "missing_version",
        }
    }

    /// The note as shown to the user.
    pub fn message(&self) -> String {
        let parts = |ps: &[LinkPart]| {
            let labels: Vec<String> = ps.iter().map(|p| p.label().to_string()).collect();
            let verb = if ps.len() == 1 { "was" } else { "were" };
            (join_words(&labels), verb)
        };
        match self {
            LinkNote::Damaged(ps) => {
                let (what, verb) = parts(ps);
                format!(
                    "Part of this link could not be read: {what} {verb} reset to the defaults. \
                     The rest is as it was shared."
                )
            }
            LinkNote::Truncated(ps) if ps.is_empty() => "This link looks cut short: its end is \
                 missing. What it carries is shown; ask for the whole link to be sure."
                .to_string(),
            LinkNote::Truncated(ps) => {
                let (what, verb) = parts(ps);
                format!(
                    "This link was cut short: {what} {verb} lost and show the defaults. \
                     Ask for the whole link."
                )
            }
            LinkNote::FutureVersion(n) => format!(
                "This link was made by a newer version of tunewise (link version {n}; this one \
                 reads version {VERSION}). What this version understands is shown; anything \
                 else keeps its defaults."
            ),
            LinkNote::MissingVersion => "This link has no version tunewise can read, so it \
                 may not come from tunewise. What could be read is shown; the rest keeps its \
                 defaults."
                .to_string(),
        }
    }
}

/// A decoded link: the state to show, and a note when something was off.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedLink {
    pub state: SharedState,
    /// `None` when the link read back completely.
    pub note: Option<LinkNote>,
}

/// Encodes the whole state as a link's query string (without `?`).
pub fn encode(state: &SharedState) -> String {
    let dataset = state
        .dataset
        .as_ref()
        .map(DatasetBrief::to_query)
        .unwrap_or_default();
    form_urlencoded::Serializer::new(String::new())
        .append_pair("v", &VERSION.to_string())
        .append_pair(LinkPart::Wizard.key(), &wizard_link::encode(&state.wizard))
        .append_pair(LinkPart::Costs.key(), &scenario::encode(&state.costs))
        .append_pair(LinkPart::Dataset.key(), &dataset)
        .append_pair(
            LinkPart::DatasetSettings.key(),
            &state
                .dataset_settings
                .as_ref()
                .map(settings::encode)
                .unwrap_or_default(),
        )
        .append_pair(
            LinkPart::Training.key(),
            &training_state::encode(&state.training),
        )
        .append_pair("end", "1")
        .finish()
}

/// Whether every pair of `part` is also in `reencoded`: the part's
/// decoder understood and kept all of it.
fn reads_back(part: &str, reencoded: &str) -> bool {
    let kept: HashSet<_> = form_urlencoded::parse(reencoded.as_bytes()).collect();
    form_urlencoded::parse(part.as_bytes()).all(|pair| kept.contains(&pair))
}

/// Whether `s` ends inside a percent escape (`…%` or `…%4`).
fn ends_mid_escape(s: &str) -> bool {
    let b = s.as_bytes();
    match b {
        [.., b'%'] => true,
        [.., b'%', h] => h.is_ascii_hexdigit(),
        _ => false,
    }
}

/// Decodes a link's query string (a leading `?` is allowed) onto the
/// defaults for `today` (an ISO date); see the module docs.
pub fn decode(query: &str, today: &str) -> DecodedLink {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut state = SharedState::empty(today);
    if query.len() > MAX_LEN {
        return DecodedLink {
            state,
            note: Some(LinkNote::Damaged(LinkPart::ALL.to_vec())),
        };
    }
    let mut version = None;
    let mut parts: [Option<String>; 5] = Default::default();
    let mut closed = false;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "v" => version = Some(value.into_owned()),
            "end" => closed = value == "1",
            k => {
                if let Some(i) = LinkPart::ALL.iter().position(|p| p.key() == k) {
                    parts[i] = Some(value.into_owned());
                }
            }
        }
    }
    let mut unreadable = Vec::new();
    for (part, text) in LinkPart::ALL.into_iter().zip(&parts) {
        let Some(text) = text else { continue };
        let read = match part {
            LinkPart::Wizard => {
                let w = wizard_link::decode(text);
                let ok = reads_back(text, &wizard_link::encode(&w));
                if ok {
                    state.wizard = w;
                }
                ok
            }
            LinkPart::Costs => {
                let c = scenario::decode(text, today);
                // Pairs of older links that the new form leaves out (the
                // per-approach tokens before the shared profile) count when
                // the scenario prices exactly what they say.
                let reencoded = scenario::encode(&c);
                let kept: HashSet<_> = form_urlencoded::parse(reencoded.as_bytes()).collect();
                let ok = text.len() <= scenario::MAX_LEN
                    && form_urlencoded::parse(text.as_bytes()).all(|pair| {
                        kept.contains(&pair)
                            || scenario::legacy_pair_reads_back(&c, &pair.0, &pair.1)
                    });
                if ok {
                    state.costs = c;
                }
                ok
            }
            LinkPart::Dataset if text.is_empty() => true,
            LinkPart::Dataset => match DatasetBrief::from_query(text) {
                Some(b) if reads_back(text, &b.to_query()) => {
                    state.dataset = Some(b);
                    true
                }
                _ => false,
            },
            LinkPart::DatasetSettings if text.is_empty() => true,
            LinkPart::DatasetSettings => {
                let d = settings::decode(text);
                let ok = reads_back(text, &settings::encode(&d));
                if ok {
                    state.dataset_settings = Some(d);
                }
                ok
            }
            LinkPart::Training => {
                let t = training_state::decode(text);
                let ok = text.len() <= training_state::MAX_LEN
                    && reads_back(text, &training_state::encode(&t));
                if ok {
                    state.training = t;
                }
                ok
            }
        };
        if !read {
            unreadable.push(part);
        }
    }
    let version = version
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|n| *n > 0);
    let note = match version {
        None => Some(LinkNote::MissingVersion),
        Some(n) if n > VERSION => Some(LinkNote::FutureVersion(n)),
        Some(_) => {
            let missing = LinkPart::ALL
                .into_iter()
                .zip(&parts)
                .any(|(p, text)| p.required() && text.is_none());
            if missing || !closed || ends_mid_escape(query) {
                let lost = LinkPart::ALL
                    .into_iter()
                    .zip(&parts)
                    // A cut link may have lost its optional parts too: they show
                    // their defaults either way, so they are named.
                    .filter(|(p, text)| text.is_none() || unreadable.contains(p))
                    .map(|(p, _)| p)
                    .collect();
                Some(LinkNote::Truncated(lost))
            } else if !unreadable.is_empty() {
                Some(LinkNote::Damaged(unreadable))
            } else {
                None
            }
        }
    };
    DecodedLink { state, note }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::costs::scenario::default_scenario;
    use crate::core::decision::answers::Answers;
    use crate::core::decision::tree::{Answer, Step};
    use crate::core::decision::wizard_link::WizardState;
    use proptest::prelude::*;

    const TODAY: &str = "2026-12-01";

    fn sample() -> SharedState {
        let mut answers = Answers::default();
        answers.set(Step::PromptEngineering, Some(Answer::No));
        answers.set(Step::Rag, Some(Answer::No));
        answers.set(Step::TrainingData, Some(Answer::Yes));
        answers.set(Step::Budget, Some(Answer::Sufficient));
        answers.set(Step::Customization, Some(Answer::Medium));
        answers.set_ticked(Step::Customization, "medium-task-skill", true);
        let mut costs = default_scenario(TODAY);
        costs.monthly_requests = 120_000.0;
        costs.horizon_months = 18.0;
        costs.approaches[4].name = "Our LoRA, v2 & co".into();
        costs.approaches[5].enabled = false;
        SharedState {
            wizard: WizardState {
                answers,
                viewing: None,
                ..WizardState::default()
            },
            costs,
            dataset: Some(DatasetBrief {
                file_name: "train set.jsonl".into(),
                checked_at: "2026-12-01T10:15:00Z".into(),
                format: Some("chat".into()),
                lines: 90,
                valid_examples: 87,
                clean_examples: 85,
                errors: 0,
                warnings: 3,
                encoding: Some("o200k_base".into()),
                total_tokens: Some(45_210),
                trainable_tokens: Some(20_110),
                min_examples: Some(10),
            }),
            dataset_settings: None,
            training: Default::default(),
        }
    }

    /// A version-1 link as `encode(&sample())` wrote it on 2026-12-01.
    /// Never edit: it stands for the links already out in the world.
    const LINK_2026_12_01: &str = "v=1\
        &w=pe%3Dno%26rag%3Dno%26data%3Dyes%26budget%3Dsufficient%26level%3Dmedium\
        %26level.c%3Dmedium-task-skill\
        &c=v%3D120000%26h%3D18%26start%3D2026-12-01\
        %260.on%3D1%260.name%3DPrompt%2Bengineering%260.p%3Dopenai-gpt-4.1%260.in%3D2000\
        %260.out%3D300%260.pin%3D2%260.pout%3D8%260.mul%3D1%260.pc%3D0.5%260.cs%3D0%260.bs%3D0\
        %260.bd%3D0.5%260.rr%3D0.02%260.rt%3D0%260.qe%3D0%260.pe%3D0%260.ct%3D0%260.dp%3D0\
        %260.hh%3D0%260.rep%3D1%260.hm%3D730.5%260.fm%3D0%260.re%3D0%260.tm%3Dnone\
        %261.on%3D1%261.name%3DRAG%261.p%3Dopenai-gpt-4.1%261.in%3D600%261.out%3D300%261.pin%3D2\
        %261.pout%3D8%261.mul%3D1%261.pc%3D0.5%261.cs%3D0%261.bs%3D0%261.bd%3D0.5%261.rr%3D0.02\
        %261.rt%3D1500%261.qe%3D30%261.pe%3D0.02%261.ct%3D20000000%261.dp%3D1000%261.hh%3D0\
        %261.rep%3D1%261.hm%3D730.5%261.fm%3D50%261.re%3D0%261.tm%3Dnone\
        %262.on%3D1%262.name%3DAPI%2Bfine-tuning%262.p%3Dopenai-gpt-4.1-mini-ft%262.in%3D300\
        %262.out%3D300%262.pin%3D0.4%262.pout%3D1.6%262.mul%3D2%262.pc%3D0.1%262.cs%3D0%262.bs%3D0\
        %262.bd%3D0.5%262.rr%3D0.02%262.rt%3D0%262.qe%3D0%262.pe%3D0%262.ct%3D0%262.dp%3D2000\
        %262.hh%3D0%262.rep%3D1%262.hm%3D730.5%262.fm%3D0%262.re%3D0%262.tm%3Dtokens\
        %262.t1%3D2000000%262.t2%3D3%262.t3%3D5\
        %263.on%3D1%263.name%3DAPI%2BLoRA%2B%252F%2Bsmall-model%2Bfine-tuning\
        %263.p%3Dtogether-lora-up-to-16b%263.in%3D300%263.out%3D300%263.pin%3D0.2%263.pout%3D0.2\
        %263.mul%3D1%263.pc%3D0%263.cs%3D0%263.bs%3D0%263.bd%3D0%263.rr%3D0.03%263.rt%3D0%263.qe%3D0\
        %263.pe%3D0%263.ct%3D0%263.dp%3D2000%263.hh%3D0%263.rep%3D1%263.hm%3D730.5%263.fm%3D0\
        %263.re%3D0%263.tm%3Dtokens%263.t1%3D2000000%263.t2%3D3%263.t3%3D0.48\
        %264.on%3D1%264.name%3DOur%2BLoRA%252C%2Bv2%2B%2526%2Bco%264.p%3Drunpod-h100-community\
        %264.in%3D300%264.out%3D300%264.pin%3D0%264.pout%3D0%264.mul%3D1%264.pc%3D0%264.cs%3D0\
        %264.bs%3D0%264.bd%3D0%264.rr%3D0%264.rt%3D0%264.qe%3D0%264.pe%3D0%264.ct%3D0%264.dp%3D2000\
        %264.hh%3D2.69%264.rep%3D1%264.hm%3D730.5%264.fm%3D0%264.re%3D0%264.tm%3Dgpu%264.t1%3D8\
        %264.t2%3D0%264.t3%3D2.69\
        %265.on%3D0%265.name%3DSelf-hosted%2Bfull%2Bfine-tuning%265.p%3Drunpod-h100-secure\
        %265.in%3D300%265.out%3D300%265.pin%3D0%265.pout%3D0%265.mul%3D1%265.pc%3D0%265.cs%3D0\
        %265.bs%3D0%265.bd%3D0%265.rr%3D0%265.rt%3D0%265.qe%3D0%265.pe%3D0%265.ct%3D0%265.dp%3D5000\
        %265.hh%3D3.99%265.rep%3D2%265.hm%3D730.5%265.fm%3D0%265.re%3D0%265.tm%3Dgpu%265.t1%3D192\
        %265.t2%3D0%265.t3%3D3.99\
        &d=f%3Dtrain%2Bset.jsonl%26at%3D2026-12-01T10%253A15%253A00Z%26fmt%3Dchat%26l%3D90%26v%3D87\
        %26c%3D85%26e%3D0%26w%3D3%26enc%3Do200k_base%26tt%3D45210%26tr%3D20110%26min%3D10\
        &end=1";

    #[test]
    fn the_dataset_settings_and_training_parts_travel_and_are_optional() {
        let mut s = sample();
        s.dataset_settings = Some(crate::core::dataset::settings::DatasetSettings {
            epochs: Some(5),
            ..Default::default()
        });
        let link = encode(&s);
        assert!(link.contains("&s=") && link.contains("&t=v%3D1"), "{link}");
        assert_eq!(
            decode(&link, TODAY),
            DecodedLink {
                state: s.clone(),
                note: None
            }
        );
        // Without them (a link made before they existed): no note, defaults.
        let old = link
            .split('&')
            .filter(|p| !p.starts_with("s=") && !p.starts_with("t="))
            .collect::<Vec<_>>()
            .join("&");
        let d = decode(&old, TODAY);
        assert_eq!(d.note, None);
        assert_eq!(d.state.dataset_settings, None);
        assert_eq!(d.state.wizard, s.wizard);
        // A damaged settings part is named.
        let bad = link.replace("&s=", "&s=epochs%3D9999%26");
        assert_eq!(
            decode(&bad, TODAY).note,
            Some(LinkNote::Damaged(vec![LinkPart::DatasetSettings]))
        );
    }

    #[test]
    fn a_link_made_on_2026_12_01_still_decodes() {
        let d = decode(LINK_2026_12_01, TODAY);
        assert_eq!(d.note, None);
        let s = d.state;
        let outcome = crate::core::decision::walk::walk(&s.wizard.answers).outcome();
        assert_eq!(
            outcome,
            Some(crate::core::decision::tree::Outcome::LoraOrFineTuning)
        );
        assert!(
            s.wizard
                .answers
                .is_ticked(Step::Customization, "medium-task-skill")
        );
        assert_eq!(s.costs.monthly_requests, 120_000.0);
        assert_eq!(s.costs.horizon_months, 18.0);
        assert_eq!(s.costs.start, TODAY);
        assert_eq!(s.costs.approaches[4].name, "Our LoRA, v2 & co");
        assert!(!s.costs.approaches[5].enabled);
        let b = s.dataset.clone().expect("a dataset");
        assert_eq!(
            (b.file_name.as_str(), b.valid_examples),
            ("train set.jsonl", 87)
        );
        // Its per-approach tokens became the shared profile and shares,
        // and every approach prices exactly what it did.
        let r = s.costs.resolved();
        assert_eq!(s.costs.profile.prompt_tokens, 2_000.0);
        assert!((r[2].input_tokens - 300.0).abs() < 1e-9);
        assert_eq!((r[3].retry_rate, r[4].retry_rate), (0.03, 0.0));
        // Written again in the new form, it reads back the same.
        let again = decode(&encode(&s), TODAY);
        assert_eq!(again.note, None);
        assert_eq!(again.state.costs.resolved(), r);
        // Opened months later, it reads the same (all its figures are in it).
        let later = decode(LINK_2026_12_01, "2027-06-01");
        assert_eq!(later.note, None);
        assert_eq!(later.state.costs.resolved(), s.costs.resolved());
    }

    #[test]
    fn round_trips() {
        let s = sample();
        let link = encode(&s);
        assert!(link.starts_with("v=1&w=pe%3Dno%26"), "{link}");
        assert!(link.ends_with("&end=1"), "{link}");
        assert_eq!(
            decode(&link, TODAY),
            DecodedLink {
                state: s,
                note: None
            }
        );
        assert_eq!(
            decode(&format!("?{link}"), TODAY).note,
            None,
            "a leading ? is allowed"
        );
        let empty = SharedState::empty(TODAY);
        let link = encode(&empty);
        assert!(
            link.contains("&w=&c=") && link.contains("&d=&s=&t=v%3D1") && link.ends_with("&end=1"),
            "{link}"
        );
        assert_eq!(
            decode(&link, TODAY),
            DecodedLink {
                state: empty,
                note: None
            }
        );
    }

    /// `link` with the value of `key` replaced by `value`.
    fn with_part(link: &str, key: &str, value: &str) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in form_urlencoded::parse(link.as_bytes()) {
            out.append_pair(&k, if k == key { value } else { &v });
        }
        out.finish()
    }

    #[test]
    fn a_damaged_part_is_reset_and_named_while_the_others_decode() {
        let s = sample();
        let link = encode(&s);
        let bad_costs = with_part(&link, "c", "v=lots&h=24");
        let d = decode(&bad_costs, TODAY);
        assert_eq!(d.note, Some(LinkNote::Damaged(vec![LinkPart::Costs])));
        assert_eq!(d.state.costs, default_scenario(TODAY));
        assert_eq!(d.state.wizard, s.wizard);
        assert_eq!(d.state.dataset, s.dataset);
        let note = d.note.unwrap();
        assert_eq!(note.id(), "damaged");
        assert!(
            note.message().contains("the cost figures was reset"),
            "{}",
            note.message()
        );

        let bad_all = with_part(&with_part(&bad_costs, "w", "pe=perhaps"), "d", "%%%");
        let d = decode(&bad_all, TODAY);
        assert_eq!(d.note, Some(LinkNote::Damaged(LinkPart::ALL[..3].to_vec())));
        assert_eq!(d.state, SharedState::empty(TODAY));
        assert!(
            d.note.unwrap().message().contains(
                "the wizard's answers, the cost figures and the dataset summary were reset"
            )
        );
    }

    #[test]
    fn a_cut_link_is_recognised() {
        let s = sample();
        let link = encode(&s);
        // Cut inside the costs: the costs are lost and the parts after them
        // missing, the optional ones (settings, training) named too.
        let cut = &link[..link.find("&c=").unwrap() + 200];
        let d = decode(cut, TODAY);
        assert_eq!(
            d.note,
            Some(LinkNote::Truncated(vec![
                LinkPart::Costs,
                LinkPart::Dataset,
                LinkPart::DatasetSettings,
                LinkPart::Training
            ]))
        );
        assert_eq!(d.state.wizard, s.wizard, "the wizard came through whole");
        assert_eq!(d.state.costs, default_scenario(TODAY));
        // Cut inside a percent escape.
        let at = link.rfind('%').unwrap();
        let d = decode(&link[..at + 2], TODAY);
        assert_eq!(d.note.as_ref().map(LinkNote::id), Some("truncated"));
        // Cut just before the end marker: nothing lost, but still said.
        let d = decode(link.strip_suffix("&end=1").unwrap(), TODAY);
        assert_eq!(d.note, Some(LinkNote::Truncated(vec![])));
        assert_eq!(d.state, s);
        assert!(d.note.unwrap().message().contains("cut short"));
    }

    #[test]
    fn a_newer_link_is_read_as_far_as_it_goes() {
        let s = sample();
        let link = encode(&s).replacen("v=1", "v=2", 1) + "&x=new-part";
        let d = decode(&link, TODAY);
        assert_eq!(d.note, Some(LinkNote::FutureVersion(2)));
        assert_eq!(d.state, s);
        let future = with_part(&link, "c", "0.newfield=3");
        let d = decode(&future, TODAY);
        assert_eq!(d.note, Some(LinkNote::FutureVersion(2)));
        assert_eq!(d.state.costs, default_scenario(TODAY));
        assert_eq!(d.state.wizard, s.wizard);
        assert!(d.note.unwrap().message().contains("newer version"));
    }

    #[test]
    fn a_link_without_a_version_is_said_so() {
        for q in ["", "pe=no&rag=yes", "v=&w=pe%3Dno", "v=0", "v=one"] {
            let d = decode(q, TODAY);
            assert_eq!(d.note, Some(LinkNote::MissingVersion), "{q:?}");
            assert_eq!(d.note.as_ref().unwrap().id(), "missing_version");
        }
        let d = decode("w=pe%3Dyes", TODAY);
        assert_eq!(
            d.state.wizard.answers.get(Step::PromptEngineering),
            Some(Answer::Yes),
            "what can be read is still read"
        );
        let huge = format!("v=1&w={}", "a".repeat(MAX_LEN));
        assert_eq!(decode(&huge, TODAY).state, SharedState::empty(TODAY));
    }

    proptest! {
        #[test]
        fn any_string_decodes_without_panic(q in ".{0,400}") {
            let d = decode(&q, TODAY);
            if let Some(note) = &d.note {
                prop_assert!(!note.message().is_empty());
            }
            // What was decoded is whole: it encodes to a link that reads back cleanly.
            let again = decode(&encode(&d.state), TODAY);
            prop_assert_eq!(again.note, None);
            prop_assert_eq!(again.state, d.state);
        }

        #[test]
        fn any_one_character_change_is_safe(at in 0usize..4000, c in any::<char>()) {
            let link = encode(&sample());
            let at = at.min(link.len() - 1);
            let changed = format!("{}{c}{}", &link[..at], &link[at + 1..]);
            let d = decode(&changed, TODAY);
            if d.note.is_none() {
                prop_assert_eq!(decode(&encode(&d.state), TODAY).state, d.state);
            }
        }

        #[test]
        fn any_cut_of_a_real_link_is_noticed(cut in 0usize..4000) {
            let link = encode(&sample());
            let cut = cut.min(link.len() - 1);
            let d = decode(&link[..cut], TODAY);
            prop_assert!(d.note.is_some());
        }
    }
}
