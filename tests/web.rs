//! Browser glue, tested in headless Chromium with wasm-bindgen-test:
//! URL fragment, local storage, and the app mounting from saved state.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use tunewise::ui::{App, CostsApp, browser_state};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn storage_round_trips_and_empty_removes() {
    let key = "tunewise.test.storage";
    assert!(browser_state::save(key, "pe=no&rag=yes"));
    assert_eq!(browser_state::load(key).as_deref(), Some("pe=no&rag=yes"));
    assert!(browser_state::save(key, ""));
    assert_eq!(browser_state::load(key), None);
}

#[wasm_bindgen_test]
fn fragment_is_replaced_without_reload() {
    browser_state::replace_fragment("#/approaches");
    assert_eq!(browser_state::fragment(), "#/approaches");
    browser_state::replace_fragment("#/wizard?pe=yes");
    assert_eq!(browser_state::fragment(), "#/wizard?pe=yes");
    assert!(browser_state::address_with("#/x").ends_with("#/x"));
    assert!(!browser_state::address_with("#/x").contains("pe=yes"));
}

fn mount_fresh() -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(doc.create_element("div").unwrap());
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    std::mem::forget(handle);
    host
}

/// Waits `ms` milliseconds (lets effects and deferred DOM updates run).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn cost_page_mounts_with_a_chart_and_restores_a_link() {
    browser_state::replace_fragment("#/costs?v=4321&log=1");
    let doc = document();
    let host: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(doc.create_element("div").unwrap());
    doc.body().unwrap().append_child(&host).unwrap();
    std::mem::forget(leptos::mount::mount_to(host.clone(), CostsApp));
    let h1 = host
        .query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(h1, "Costs and break-even");
    let svg = host
        .query_selector(".chart svg")
        .unwrap()
        .expect("the chart is drawn");
    assert!(svg.inner_html().contains("Requests served"));
    sleep(50).await;
    let volume: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(
        host.query_selector("#monthly-requests").unwrap().unwrap(),
    );
    assert_eq!(volume.value(), "4321");
    host.remove();
    browser_state::save(browser_state::COSTS_KEY, "");
}

fn heading_text(host: &web_sys::HtmlElement) -> String {
    host.query_selector("#wizard-heading")
        .unwrap()
        .expect("the wizard heading is rendered")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn app_restores_saved_answers_and_prefers_the_link() {
    // Saved state alone.
    browser_state::replace_fragment("#/wizard");
    browser_state::save(browser_state::WIZARD_KEY, "pe=no&rag=yes");
    let host = mount_fresh();
    assert_eq!(heading_text(&host), "RAG (retrieval-augmented generation)");
    host.remove();

    // A link's state wins over saved state.
    browser_state::replace_fragment("#/wizard?pe=no&rag=no&data=no");
    let host = mount_fresh();
    assert_eq!(
        heading_text(&host),
        "Collect data first, or use prompt engineering / RAG"
    );
    host.remove();

    // Garbage in storage starts at step 1.
    browser_state::replace_fragment("#/wizard");
    browser_state::save(browser_state::WIZARD_KEY, "\u{0}%%%{\"json\":1}");
    let host = mount_fresh();
    assert_eq!(heading_text(&host), "Can prompt engineering solve it?");
    host.remove();
    browser_state::save(browser_state::WIZARD_KEY, "");
}
