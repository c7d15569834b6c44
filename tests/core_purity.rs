//! The architecture rule "pure core, thin UI", checked: no file under
//! `src/core/` names `leptos`, `web_sys`, `wasm_bindgen` or `js_sys`
//! (in a `use`, a path or an attribute), so the core compiles and is
//! tested natively and the UI only wires it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

const UI_CRATES: [&str; 4] = ["leptos", "web_sys", "wasm_bindgen", "js_sys"];

/// The UI crates named in `code` as a path segment (`leptos::`,
/// `use web_sys;`, `#[wasm_bindgen]`), ignoring `//` comments.
fn ui_crates_named(code: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    for line in code.lines() {
        let code = line.split("//").next().unwrap_or("");
        for name in UI_CRATES {
            let mut rest = code;
            while let Some(at) = rest.find(name) {
                let before = rest[..at].chars().next_back();
                let after = rest[at + name.len()..].chars().next();
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                if !ident(before) && !ident(after) {
                    found.push(name);
                }
                rest = &rest[at + name.len()..];
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/core is readable") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_matcher_finds_ui_crates_and_only_them() {
    assert_eq!(ui_crates_named("use leptos::prelude::*;"), ["leptos"]);
    assert_eq!(ui_crates_named("let w = web_sys::window();"), ["web_sys"]);
    assert_eq!(ui_crates_named("#[wasm_bindgen]"), ["wasm_bindgen"]);
    assert_eq!(ui_crates_named("use js_sys as js;"), ["js_sys"]);
    assert!(ui_crates_named("let leptos_like = 1; // leptos::x").is_empty());
    assert!(ui_crates_named("fn my_js_sys_helper() {}").is_empty());
}

#[test]
fn nothing_under_src_core_uses_a_ui_crate() {
    let mut files = Vec::new();
    rust_files(Path::new("src/core"), &mut files);
    assert!(files.len() > 20, "found the core's files: {}", files.len());
    let offenders: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let named = ui_crates_named(&std::fs::read_to_string(f).unwrap());
            (!named.is_empty()).then(|| format!("{}: {}", f.display(), named.join(", ")))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "UI crates in the core: {offenders:#?}"
    );
}
