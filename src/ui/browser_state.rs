//! Browser glue for state that outlives the page: the URL fragment and
//! local storage. Every failure (storage blocked, quota full, no window)
//! degrades to "nothing saved" rather than an error the user must handle.

use wasm_bindgen::JsValue;

use crate::core::costs::scenario::{self, Scenario};
use crate::core::dataset::brief::DatasetBrief;
use crate::core::dataset::settings;
use crate::core::decision::wizard_link::{self, WizardState};
use crate::core::report::state::SharedState;
use crate::core::training::training_state;

/// Local-storage key of the wizard's state (its query string).
pub const WIZARD_KEY: &str = "tunewise.wizard.v1";
/// Local-storage key of the cost calculator's state (its query string).
pub const COSTS_KEY: &str = "tunewise.costs.v1";
/// localStorage key of the Dataset page's choices (provider, limit, epochs…).
pub const DATASET_KEY: &str = "tunewise.dataset.v1";
/// Local-storage key of the last checked training file's report: JSON with
/// its file name, when it was checked and its `ReportJson` without line
/// excerpts (never the file's contents). Written and read by the Dataset page.
pub const DATASET_REPORT_KEY: &str = "tunewise.dataset-report.v1";
/// Local-storage key of the last checked training file's brief
/// (`DatasetBrief::to_query`), which the wizard and the report read.
pub const DATASET_BRIEF_KEY: &str = "tunewise.dataset-brief.v1";

/// Local-storage key of the training page's state (`training_state::encode`).
pub const TRAINING_KEY: &str = "tunewise.training.v1";

/// Local-storage key of the practice page's progress (`Progress::to_json`).
pub const PRACTICE_KEY: &str = "tunewise.practice.v1";

/// Everything the tools saved, for `today`: what the report and the
/// training page read.
pub fn load_shared(today: &str) -> SharedState {
    SharedState {
        wizard: load_wizard(),
        costs: load_costs(today),
        dataset: load_dataset_brief(),
        dataset_settings: load(DATASET_KEY).map(|q| settings::decode(&q)),
        training: load(TRAINING_KEY)
            .map(|q| training_state::decode(&q))
            .unwrap_or_default(),
    }
}

/// The wizard's saved state, or the empty one.
pub fn load_wizard() -> WizardState {
    load(WIZARD_KEY)
        .map(|q| wizard_link::decode(&q))
        .unwrap_or_default()
}

/// The calculator's saved scenario for `today`, or its defaults.
pub fn load_costs(today: &str) -> Scenario {
    load(COSTS_KEY)
        .map(|q| scenario::decode(&q, today))
        .unwrap_or_else(|| scenario::default_scenario(today))
}

/// The brief of the last checked training file, if one was checked.
pub fn load_dataset_brief() -> Option<DatasetBrief> {
    load(DATASET_BRIEF_KEY).and_then(|q| DatasetBrief::from_query(&q))
}

/// Calls `on_change(key, new value)` whenever another tab of this site
/// changes local storage (the `storage` event), for as long as the calling
/// component lives, so every open page stays in step.
pub fn on_storage_change(on_change: impl Fn(String, Option<String>) + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            on_change(key, ev.new_value());
        }
    });
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// The current URL fragment, including the leading `#`, or "".
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the URL fragment without adding a history entry or firing
/// `hashchange`.
pub fn replace_fragment(fragment: &str) {
    if let Some(window) = web_sys::window()
        && let Ok(history) = window.history()
    {
        remember_address(&window);
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

thread_local! {
    /// The address this page had before its last `replace_fragment`: a
    /// reload issued just before an address update loads this one.
    static PREVIOUS_ADDRESS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn remember_address(window: &web_sys::Window) {
    if let Ok(href) = window.location().href() {
        PREVIOUS_ADDRESS.with(|p| *p.borrow_mut() = Some(href));
    }
}

/// The history-entry state that marks an entry the wizard wrote (see
/// [`push_wizard_fragment`]), as opposed to one a link or a typed address
/// made.
const WIZARD_ENTRY: &str = "tunewise.wizard-entry";

/// Adds a history entry with `fragment`, marked as the wizard's own, so the
/// browser's Back returns to the entry before it. Fires no `hashchange`.
pub fn push_wizard_fragment(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::from_str(WIZARD_ENTRY), "", Some(fragment));
    }
}

/// Replaces the current history entry's fragment with `fragment` and marks
/// the entry as the wizard's own. Fires no `hashchange`.
pub fn replace_wizard_fragment(fragment: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ =
            history.replace_state_with_url(&JsValue::from_str(WIZARD_ENTRY), "", Some(fragment));
    }
}

/// Whether the current history entry was written by the wizard
/// ([`push_wizard_fragment`] or [`replace_wizard_fragment`]): true after
/// Back or Forward onto such an entry, false after following a link.
pub fn is_wizard_entry() -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == WIZARD_ENTRY)
}

/// Navigates to `url`, replacing the current history entry.
pub fn go_to(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}

/// The full address of the page with `fragment`, for sharing.
pub fn address_with(fragment: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Session-storage key of the address this tab last left (see [`mark_leaving`]).
const LEFT_KEY: &str = "tunewise.left.v1";

/// Whether this page load is a reload (the address may then be a moment
/// older than what was saved when the page was left): the browser says so
/// (navigation type "reload"), or this tab left this very address last
/// (recorded by [`mark_leaving`]; covers browsers and test clocks whose
/// `performance` object lists no navigation entry).
pub fn is_reload() -> bool {
    let by_browser = web_sys::window()
        .and_then(|w| w.performance())
        .map(|performance| performance.get_entries_by_type("navigation"))
        .and_then(|entries| {
            js_sys::Reflect::get(&entries.get(0), &JsValue::from_str("type"))
                .ok()
                .and_then(|t| t.as_string())
        })
        .is_some_and(|t| t == "reload");
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    let left_here = session
        .as_ref()
        .and_then(|s| s.get_item(LEFT_KEY).ok().flatten())
        .is_some_and(|left| {
            let here = web_sys::window().and_then(|w| w.location().href().ok());
            left.split('\n').any(|a| Some(a) == here.as_deref())
        });
    if let Some(s) = session {
        let _ = s.remove_item(LEFT_KEY);
    }
    by_browser || left_here
}

/// Records, when the page is left, the address it was left at (and the one
/// it had just before its last update: a reload started a moment before
/// that update loads the older one), so that loading either next in this
/// tab counts as a reload.
pub fn mark_leaving() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let (Ok(Some(session)), Ok(href)) = (window.session_storage(), window.location().href()) {
        let previous = PREVIOUS_ADDRESS
            .with(|p| p.borrow().clone())
            .unwrap_or_default();
        let _ = session.set_item(LEFT_KEY, &format!("{href}\n{previous}"));
    }
}

/// The stored value under `key`, if storage works and holds one.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Stores `value` under `key`; an empty value removes the key. Returns
/// whether it was saved.
pub fn save(key: &str, value: &str) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    if value.is_empty() {
        storage.remove_item(key).is_ok()
    } else {
        storage.set_item(key, value).is_ok()
    }
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves keyboard focus to the element with `id`, after the next paint.
pub fn focus_after_paint(id: impl Into<String>) {
    let id: String = id.into();
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Copies `text` to the clipboard (best effort; the promise is not awaited).
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Today's date in the user's time zone, as `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The wall-clock time, in milliseconds since the Unix epoch.
pub fn epoch_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Milliseconds since the page started (high resolution), or 0.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Appends a timing to `window.__tunewiseTimings[name]`, where benchmarks
/// read it.
pub fn record_timing(name: &str, ms: f64) {
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let key = JsValue::from_str("__tunewiseTimings");
    let store = js_sys::Reflect::get(&w, &key)
        .ok()
        .filter(|v| v.is_object())
        .unwrap_or_else(|| {
            let o: JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&w, &key, &o);
            o
        });
    let list = js_sys::Reflect::get(&store, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .unwrap_or_else(|| {
            let a = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&store, &JsValue::from_str(name), &a);
            a
        });
    if list.length() < 10_000 {
        list.push(&JsValue::from_f64(ms));
    }
}

/// Offers a blob (an export made by the worker) as a download.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) {
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) {
        click_download(&url, filename);
        // Revoke later: the download reads the blob after the click returns.
        let later = url.clone();
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&later);
            },
            std::time::Duration::from_secs(60),
        );
    }
}

/// Offers `content` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        download_blob(filename, &blob);
    }
}

fn click_download(href: &str, filename: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(href);
    a.set_download(filename);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// Rasterises an SVG string at twice its size and offers it as a PNG.
pub fn download_svg_as_png(svg: &str, width: u32, height: u32, filename: &str) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let data_url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    let name = filename.to_string();
    let image = img.clone();
    let onload = Closure::once(move || {
        let Some(canvas) = doc
            .create_element("canvas")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        if let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        {
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, f64::from(width * 2), f64::from(height * 2));
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &image,
                0.0,
                0.0,
                f64::from(width * 2),
                f64::from(height * 2),
            );
            if let Ok(url) = canvas.to_data_url_with_type("image/png") {
                click_download(&url, &name);
            }
        }
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&data_url);
}

/// The text at `url` (same origin), or why it could not be read.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "unreadable body")?)
        .await
        .map_err(|_| "the download was interrupted")?;
    text.as_string().ok_or_else(|| "not text".to_string())
}
