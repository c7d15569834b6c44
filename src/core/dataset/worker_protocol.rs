//! The messages between the Dataset page and its validation worker (and
//! between the lead worker and its sub-workers): one typed contract, so
//! both sides encode and decode through the same types.
//!
//! A message is a JS object whose plain fields are the serde encoding of
//! [`ToWorker`] (tagged by `cmd`) or [`FromWorker`] (tagged by `type`).
//! What cannot be serialized travels as a sibling field of the same
//! object, named in [`ATTACHMENTS`]: the `file` (a `File` handle, never its
//! bytes), the exported `blobs`, and a part's report `part_report` (an
//! `ArrayBuffer`, transferred). Those fields are dropped before decoding.
//!
//! Architecture invariant: pure, no UI imports. The tags and field names
//! are stable: messages shaped as the earlier release sent them decode.

use serde::{Deserialize, Serialize};

use crate::core::dataset::job::JobOptions;
use crate::core::dataset::part::PartRange;

/// Fields of a message that are not part of its serde encoding.
pub const ATTACHMENTS: [&str; 3] = [field::FILE, field::BLOBS, field::PART_REPORT];

/// Page → worker (and lead worker → sub-worker).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum ToWorker {
    /// Check the attached `file`.
    Validate {
        job: u32,
        #[serde(with = "options_text")]
        options: JobOptions,
    },
    /// Export the attached `file` as `kind` (an `ExportKind` name); the
    /// answer is [`FromWorker::Exported`] with the `blobs` attached.
    Export {
        job: u32,
        #[serde(with = "options_text")]
        options: JobOptions,
        kind: String,
    },
    /// Stop that job after the slice being read.
    Cancel { job: u32 },
    /// Load the vocabulary of `encoding` (a tiktoken name) now, so a
    /// check started soon does not wait for it. No answer.
    Prepare { encoding: String },
    /// Check one part of the attached `file`: bytes `start..end`
    /// (nominal; the part moves its ends to line boundaries). Sent by the
    /// lead worker to a sub-worker; answered by [`FromWorker::PartDone`].
    Part {
        job: u32,
        #[serde(with = "options_text")]
        options: JobOptions,
        part: PartRange,
    },
}

/// Worker → page (and sub-worker → lead worker).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// Once, when the worker takes messages.
    Ready,
    /// A step such as loading the vocabulary.
    Status {
        job: u32,
        text: String,
    },
    /// Bytes and lines done so far (of every part together).
    Progress {
        job: u32,
        bytes: u64,
        lines: u64,
    },
    /// The report.
    Done {
        job: u32,
        /// `ReportJson` as JSON text.
        report: String,
        /// The token histogram as SVG.
        #[serde(default)]
        chart: String,
        /// The lead worker's WebAssembly memory when it finished, in bytes.
        #[serde(default)]
        memory: f64,
        /// Why tokens were not counted although asked for.
        #[serde(default)]
        notice: Option<String>,
        /// Time in the worker, from the job's arrival to its report.
        #[serde(default)]
        millis: f64,
        /// Of which waiting for the vocabulary (0: it was ready).
        #[serde(default)]
        vocabulary_millis: f64,
        /// Workers that read the file (1 when it was not split).
        #[serde(default = "one")]
        workers: usize,
    },
    /// An export's files: `names`, with the `blobs` attached in order.
    Exported {
        job: u32,
        names: Vec<String>,
    },
    Cancelled {
        job: u32,
    },
    Failed {
        job: u32,
        message: String,
    },
    /// An internal error: every job of that worker is lost.
    Crashed {
        message: String,
    },
    /// A part's report, its bytes (`PartReport::to_bytes`) attached as
    /// `part_report`.
    PartDone {
        job: u32,
        index: usize,
    },
}

fn one() -> usize {
    1
}

/// The field names of the serde encoding, for a side that reads or writes
/// messages field by field rather than through serde: the page, whose
/// first-visit download has no room for serde's enum decoder (tests pin
/// them to the serde encoding).
pub mod field {
    pub const CMD: &str = "cmd";
    pub const TYPE: &str = "type";
    pub const JOB: &str = "job";
    pub const OPTIONS: &str = "options";
    pub const KIND: &str = "kind";
    pub const ENCODING: &str = "encoding";
    pub const TEXT: &str = "text";
    pub const BYTES: &str = "bytes";
    pub const LINES: &str = "lines";
    pub const REPORT: &str = "report";
    pub const CHART: &str = "chart";
    pub const MEMORY: &str = "memory";
    pub const NOTICE: &str = "notice";
    pub const VOCABULARY_MILLIS: &str = "vocabulary_millis";
    pub const NAMES: &str = "names";
    pub const MESSAGE: &str = "message";
    /// Attachments.
    pub const FILE: &str = "file";
    pub const BLOBS: &str = "blobs";
    /// A part's report (`PartReport::to_bytes`), an `ArrayBuffer`.
    pub const PART_REPORT: &str = "part_report";
}

/// The kind of a [`FromWorker`] message: its `type` tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Ready,
    Status,
    Progress,
    Done,
    Exported,
    Cancelled,
    Failed,
    Crashed,
    PartDone,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Ready,
        Kind::Status,
        Kind::Progress,
        Kind::Done,
        Kind::Exported,
        Kind::Cancelled,
        Kind::Failed,
        Kind::Crashed,
        Kind::PartDone,
    ];

    /// The `type` tag.
    pub fn tag(self) -> &'static str {
        match self {
            Kind::Ready => "ready",
            Kind::Status => "status",
            Kind::Progress => "progress",
            Kind::Done => "done",
            Kind::Exported => "exported",
            Kind::Cancelled => "cancelled",
            Kind::Failed => "failed",
            Kind::Crashed => "crashed",
            Kind::PartDone => "part_done",
        }
    }

    /// The kind of a `type` tag.
    pub fn from_tag(tag: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.tag() == tag)
    }
}

impl FromWorker {
    /// The message's kind.
    pub fn kind(&self) -> Kind {
        match self {
            FromWorker::Ready => Kind::Ready,
            FromWorker::Status { .. } => Kind::Status,
            FromWorker::Progress { .. } => Kind::Progress,
            FromWorker::Done { .. } => Kind::Done,
            FromWorker::Exported { .. } => Kind::Exported,
            FromWorker::Cancelled { .. } => Kind::Cancelled,
            FromWorker::Failed { .. } => Kind::Failed,
            FromWorker::Crashed { .. } => Kind::Crashed,
            FromWorker::PartDone { .. } => Kind::PartDone,
        }
    }
}

impl ToWorker {
    /// The `cmd` tag.
    pub fn cmd(&self) -> &'static str {
        match self {
            ToWorker::Validate { .. } => "validate",
            ToWorker::Export { .. } => "export",
            ToWorker::Cancel { .. } => "cancel",
            ToWorker::Prepare { .. } => "prepare",
            ToWorker::Part { .. } => "part",
        }
    }
}

impl FromWorker {
    /// The job a message is about (none for `ready` and `crashed`).
    pub fn job(&self) -> Option<u32> {
        match self {
            FromWorker::Ready | FromWorker::Crashed { .. } => None,
            FromWorker::Status { job, .. }
            | FromWorker::Progress { job, .. }
            | FromWorker::Done { job, .. }
            | FromWorker::Exported { job, .. }
            | FromWorker::Cancelled { job }
            | FromWorker::Failed { job, .. }
            | FromWorker::PartDone { job, .. } => Some(*job),
        }
    }
}

impl ToWorker {
    /// Encodes the message as JSON (its attachments are added beside).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Decodes a message's JSON (attachments already dropped).
    pub fn from_json(text: &str) -> Result<ToWorker, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

impl FromWorker {
    /// Encodes the message as JSON (its attachments are added beside).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Decodes a message's JSON (attachments already dropped).
    pub fn from_json(text: &str) -> Result<FromWorker, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// Job options travel as JSON text inside the message, as they always
/// have.
mod options_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::core::dataset::job::JobOptions;

    pub fn serialize<S: Serializer>(options: &JobOptions, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&serde_json::to_string(options).map_err(serde::ser::Error::custom)?)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<JobOptions, D::Error> {
        // Text as sent; bad or missing text reads as the defaults, as the
        // earlier worker read it.
        let text = String::deserialize(d)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> JobOptions {
        JobOptions {
            encoding: Some("o200k_base".into()),
            format: Some("chat".into()),
            max_tokens_per_example: Some(65_536),
            min_examples: Some(10),
            is_validation_set: true,
            compare_with_training: true,
            split_seed: 42,
            clean_examples: 7,
            provider: Some("openai".into()),
            workers: 4,
        }
    }

    #[test]
    fn every_message_to_the_worker_round_trips() {
        let span = PartRange {
            index: 2,
            start: 1 << 20,
            end: 3 << 20,
        };
        for m in [
            ToWorker::Validate {
                job: 1,
                options: options(),
            },
            ToWorker::Export {
                job: 2,
                options: options(),
                kind: "clean".into(),
            },
            ToWorker::Cancel { job: 3 },
            ToWorker::Prepare {
                encoding: "cl100k_base".into(),
            },
            ToWorker::Part {
                job: 4,
                options: options(),
                part: span,
            },
        ] {
            assert_eq!(ToWorker::from_json(&m.to_json()), Ok(m));
        }
    }

    #[test]
    fn every_message_from_the_worker_round_trips() {
        for m in [
            FromWorker::Ready,
            FromWorker::Status {
                job: 1,
                text: "Loading…".into(),
            },
            FromWorker::Progress {
                job: 1,
                bytes: 5_000_000_000,
                lines: 12,
            },
            FromWorker::Done {
                job: 1,
                report: "{}".into(),
                chart: "<svg/>".into(),
                memory: 1.5e8,
                notice: Some("why".into()),
                millis: 2500.0,
                vocabulary_millis: 1200.0,
                workers: 3,
            },
            FromWorker::Exported {
                job: 2,
                names: vec!["a.jsonl".into(), "b.jsonl".into()],
            },
            FromWorker::Cancelled { job: 3 },
            FromWorker::Failed {
                job: 4,
                message: "no".into(),
            },
            FromWorker::Crashed {
                message: "boom".into(),
            },
            FromWorker::PartDone { job: 5, index: 1 },
        ] {
            assert_eq!(FromWorker::from_json(&m.to_json()), Ok(m));
        }
    }

    /// The field-by-field view agrees with the serde encoding.
    #[test]
    fn tags_and_field_names_match_the_serde_encoding() {
        let done = FromWorker::Done {
            job: 1,
            report: "{}".into(),
            chart: String::new(),
            memory: 0.0,
            notice: Some("n".into()),
            millis: 0.0,
            vocabulary_millis: 1.0,
            workers: 1,
        };
        let samples = [
            FromWorker::Ready,
            FromWorker::Status {
                job: 1,
                text: "t".into(),
            },
            FromWorker::Progress {
                job: 1,
                bytes: 1,
                lines: 1,
            },
            done,
            FromWorker::Exported {
                job: 1,
                names: vec![],
            },
            FromWorker::Cancelled { job: 1 },
            FromWorker::Failed {
                job: 1,
                message: "m".into(),
            },
            FromWorker::Crashed {
                message: "m".into(),
            },
            FromWorker::PartDone { job: 1, index: 0 },
        ];
        let mut keys = std::collections::BTreeSet::new();
        for m in &samples {
            let v: serde_json::Value = serde_json::from_str(&m.to_json()).unwrap();
            assert_eq!(v[field::TYPE], m.kind().tag());
            assert_eq!(Kind::from_tag(m.kind().tag()), Some(m.kind()));
            keys.extend(v.as_object().unwrap().keys().cloned());
        }
        assert_eq!(samples.len(), Kind::ALL.len());
        for k in [
            field::TYPE,
            field::JOB,
            field::TEXT,
            field::BYTES,
            field::LINES,
            field::REPORT,
            field::CHART,
            field::MEMORY,
            field::NOTICE,
            field::VOCABULARY_MILLIS,
            field::NAMES,
            field::MESSAGE,
        ] {
            assert!(keys.contains(k), "{k}");
        }
        let export = ToWorker::Export {
            job: 1,
            options: options(),
            kind: "clean".into(),
        };
        let v: serde_json::Value = serde_json::from_str(&export.to_json()).unwrap();
        assert_eq!(v[field::CMD], export.cmd());
        assert!(v[field::OPTIONS].is_string() && v[field::KIND] == "clean");
        let prepare = ToWorker::Prepare {
            encoding: "o200k_base".into(),
        };
        let v: serde_json::Value = serde_json::from_str(&prepare.to_json()).unwrap();
        assert_eq!(v[field::CMD], prepare.cmd());
        assert_eq!(v[field::ENCODING], "o200k_base");
        for m in [
            ToWorker::Cancel { job: 1 },
            ToWorker::Validate {
                job: 1,
                options: options(),
            },
        ] {
            let v: serde_json::Value = serde_json::from_str(&m.to_json()).unwrap();
            assert_eq!(v[field::CMD], m.cmd());
            assert_eq!(v[field::JOB], 1);
        }
        assert!(ATTACHMENTS.contains(&field::FILE) && ATTACHMENTS.contains(&field::BLOBS));
        // No attachment shadows a serde field (they are dropped before decoding).
        for a in ATTACHMENTS {
            assert!(!keys.contains(a), "{a}");
        }
    }

    #[test]
    fn the_tags_are_stable() {
        let tags: Vec<String> = [
            FromWorker::Ready,
            FromWorker::Cancelled { job: 1 },
            FromWorker::PartDone { job: 1, index: 0 },
        ]
        .iter()
        .map(|m| {
            let v: serde_json::Value = serde_json::from_str(&m.to_json()).unwrap();
            v["type"].as_str().unwrap().to_string()
        })
        .collect();
        assert_eq!(tags, ["ready", "cancelled", "part_done"]);
        let v: serde_json::Value =
            serde_json::from_str(&ToWorker::Cancel { job: 1 }.to_json()).unwrap();
        assert_eq!(v["cmd"], "cancel");
    }

    /// As the earlier release's page and worker sent them (JSON.stringify
    /// of the posted object: a `File` or `Blob` reads as `{}`, numbers as
    /// JS numbers, options as JSON text with labels and no `workers`).
    #[test]
    fn messages_of_the_earlier_release_decode() {
        let old_options = r#"{"encoding":"o200k_base","format":"OpenAI chat","max_tokens_per_example":65536,"min_examples":10,"is_validation_set":false,"compare_with_training":false,"split_seed":42,"clean_examples":0,"provider":"openai"}"#;
        let validate = format!(
            r#"{{"job":1,"cmd":"validate","file":{{}},"options":{}}}"#,
            serde_json::to_string(old_options).unwrap()
        );
        let ToWorker::Validate { job, options } = ToWorker::from_json(&validate).unwrap() else {
            panic!("not a validation")
        };
        assert_eq!(job, 1);
        assert_eq!(
            options.format(),
            Some(crate::core::dataset::validate_line::Format::Chat)
        );
        assert_eq!(options.workers, 1);
        let export = format!(
            r#"{{"job":2,"cmd":"export","file":{{}},"options":{},"kind":"clean"}}"#,
            serde_json::to_string(old_options).unwrap()
        );
        assert!(matches!(
            ToWorker::from_json(&export),
            Ok(ToWorker::Export { job: 2, ref kind, .. }) if kind == "clean"
        ));
        assert_eq!(
            ToWorker::from_json(r#"{"cmd":"cancel","job":3}"#),
            Ok(ToWorker::Cancel { job: 3 })
        );
        // Bad options text reads as the defaults, as before.
        assert!(matches!(
            ToWorker::from_json(r#"{"cmd":"validate","job":4,"options":"not json"}"#),
            Ok(ToWorker::Validate { job: 4, ref options }) if *options == JobOptions::default()
        ));

        assert_eq!(
            FromWorker::from_json(r#"{"type":"ready"}"#),
            Ok(FromWorker::Ready)
        );
        assert_eq!(
            FromWorker::from_json(
                r#"{"type":"status","job":1,"text":"Loading the o200k_base vocabulary (1–2 MB, once)…"}"#
            )
            .map(|m| m.job()),
            Ok(Some(1))
        );
        assert_eq!(
            FromWorker::from_json(r#"{"type":"progress","job":1,"bytes":4194304,"lines":1000}"#),
            Ok(FromWorker::Progress {
                job: 1,
                bytes: 4_194_304,
                lines: 1000
            })
        );
        let done = r#"{"chart":"<svg/>","memory":18743296,"notice":null,"type":"done","job":1,"millis":812.4,"report":"{}"}"#;
        assert_eq!(
            FromWorker::from_json(done),
            Ok(FromWorker::Done {
                job: 1,
                report: "{}".into(),
                chart: "<svg/>".into(),
                memory: 18_743_296.0,
                notice: None,
                millis: 812.4,
                vocabulary_millis: 0.0,
                workers: 1,
            })
        );
        assert_eq!(
            FromWorker::from_json(
                r#"{"type":"exported","job":2,"blobs":[{},{}],"names":["a.jsonl","b.jsonl"]}"#
            ),
            Ok(FromWorker::Exported {
                job: 2,
                names: vec!["a.jsonl".into(), "b.jsonl".into()]
            })
        );
        assert_eq!(
            FromWorker::from_json(r#"{"type":"cancelled","job":3}"#),
            Ok(FromWorker::Cancelled { job: 3 })
        );
        assert_eq!(
            FromWorker::from_json(r#"{"type":"failed","job":4,"message":"No file was given."}"#),
            Ok(FromWorker::Failed {
                job: 4,
                message: "No file was given.".into()
            })
        );
        assert_eq!(
            FromWorker::from_json(r#"{"type":"crashed","message":"unreachable"}"#),
            Ok(FromWorker::Crashed {
                message: "unreachable".into()
            })
        );
        assert!(FromWorker::from_json(r#"{"type":"future","job":1}"#).is_err());
    }
}
