//! The inputs of one approach: enabled, name, price preset and every cost
//! figure that applies to its kind.

use leptos::prelude::*;

use crate::core::costs::approach_cost::{ApproachKind, FieldKind, Training};
use crate::core::costs::fields::{FIELDS, FieldGroup};
use crate::core::costs::prices::{self, Availability};
use crate::core::costs::scenario::{self, Scenario};
use crate::core::html_rows;
use crate::core::number_format;
use crate::ui::shared::number_field::NumberField;

/// The number fields of `group` that apply to approach `idx`.
fn fields(
    idx: usize,
    kind: ApproachKind,
    group: FieldGroup,
    scenario: RwSignal<Scenario>,
) -> impl IntoView {
    FIELDS
        .iter()
        .filter(move |f| f.group == group && f.applies_to(kind))
        .map(|f| {
            let (get, set) = (f.get, f.set);
            let value = Signal::derive(move || scenario.with(|s| get(&s.approaches[idx])));
            let on_valid = Callback::new(move |v: f64| scenario.update(|s| set(&mut s.approaches[idx], v)));
            view! {
                <NumberField id=format!("a{idx}-{}", f.key) label=f.label.to_string() unit=f.unit kind=f.kind
                    value on_valid scale=f.display_scale() />
            }
        })
        .collect_view()
}

/// Editor card for approach `idx` of the scenario.
#[component]
pub fn ApproachEditor(
    idx: usize,
    scenario: RwSignal<Scenario>,
    /// Whether the wizard's result recommends this approach (opened and marked).
    #[prop(default = false)]
    recommended: bool,
) -> impl IntoView {
    let kind = scenario.with_untracked(|s| s.approaches[idx].kind);
    let name = move || scenario.with(|s| s.approaches[idx].name.clone());
    let enabled = move || scenario.with(|s| s.approaches[idx].enabled);
    let preset_id = move || scenario.with(|s| s.approaches[idx].preset.unwrap_or(""));
    let status = move || scenario.with(|s| scenario::availability(s, idx));
    let summary = move || {
        scenario.with(|s| {
            // Priced as every view prices it: tokens from the shared profile.
            let a = &s.priced(idx);
            format!(
                "{} per request · {} one-off · {} / month fixed",
                number_format::usd(a.per_request()),
                number_format::usd(a.one_off()),
                number_format::usd(a.monthly_fixed())
            )
        })
    };
    // Each option says its as-of date and its status on the planned start
    // for this organisation ("open", "closed to you since 2026-05-07").
    let options = move || {
        let (start, standing) = scenario.with(|s| (s.start.clone(), s.standing));
        prices::for_kind(kind)
            .map(|p| {
                let status = prices::status(p, kind, &start, standing).short();
                let text = if p.own_price {
                    format!("{}: {}", p.provider, p.model)
                } else {
                    format!("{}: {} (as of {}) — {status}", p.provider, p.model, p.as_of)
                };
                let selected = scenario.with_untracked(|s| s.approaches[idx].preset == Some(p.id));
                view! { <option value=p.id selected=selected>{text}</option> }
            })
            .collect_view()
    };
    // What the last preset choice changed, said once (a live region).
    let applied = RwSignal::new(None::<String>);
    let choose_preset = move |ev| {
        let id = event_target_value(&ev);
        let mut changed = Vec::new();
        scenario.update(|s| {
            let a = &mut s.approaches[idx];
            match prices::by_id(&id) {
                Some(p) => changed = prices::apply(a, p),
                None => a.preset = None,
            }
        });
        applied.set(Some(if id.is_empty() {
            "Custom: your figures stay as they are; edit them below.".to_string()
        } else if changed.is_empty() {
            "Preset applied: no figure changed.".to_string()
        } else {
            format!(
                "Preset applied. Changed: {}. Figures it does not set are back to their defaults.",
                changed.join(", ")
            )
        }));
    };
    let preset_info = move || {
        let id = preset_id();
        let p = prices::by_id(id)?;
        let availability = match status() {
            Availability::Available {
                lifetime_months: Some(m),
            } => Some(format!(
                "A model trained now can serve for about {} before its base model retires ({}).",
                number_format::months(m),
                p.retires.unwrap_or("announced")
            )),
            Availability::Available {
                lifetime_months: None,
            } => None,
            Availability::Unavailable { reason } => Some(format!("Unavailable: {reason}")),
        };
        // Read-only: written as escaped HTML (see `core::html_rows`).
        let e = html_rows::escape;
        let note = p.note.map(|n| format!(" {}", e(n))).unwrap_or_default();
        let (start, standing) = scenario.with(|s| (s.start.clone(), s.standing));
        let state = prices::status(p, kind, &start, standing).short();
        let origin = if p.own_price {
            format!(
                "<p class=\"own-price\"><strong>Example figures, not a provider's price.</strong>{note}</p>"
            )
        } else {
            let mut extra = String::new();
            for t in [p.unpublished(), p.range].into_iter().flatten() {
                extra.push_str(" <strong>");
                extra.push_str(&e(t));
                extra.push_str("</strong>");
            }
            format!(
                "<p>Status on {}: <strong>{}</strong>. Source: <a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>, as of <strong>{}</strong>.{extra}{note}</p>",
                e(&start),
                e(&state),
                e(p.source),
                e(p.provider),
                e(p.as_of)
            )
        };
        let availability = availability
            .map(|t| format!("<p class=\"availability\">{}</p>", e(&t)))
            .unwrap_or_default();
        let class = if matches!(status(), Availability::Unavailable { .. }) {
            "preset-info warning"
        } else {
            "preset-info"
        };
        Some(format!(
            "<div class=\"{class}\">{origin}{availability}</div>"
        ))
    };
    let training_mode = move || {
        scenario.with(|s| match s.approaches[idx].training {
            Training::None => "none",
            Training::Tokens { .. } => "tokens",
            Training::GpuHours { .. } => "gpu",
        })
    };
    let set_mode = move |ev| {
        let mode = event_target_value(&ev);
        scenario.update(|s| {
            let a = &mut s.approaches[idx];
            a.training = match mode.as_str() {
                "tokens" => Training::Tokens {
                    tokens: 1_000_000.0,
                    epochs: 3.0,
                    per_1m: 1.0,
                },
                "gpu" => Training::GpuHours {
                    hours: 8.0,
                    per_hour: 2.0,
                },
                _ => Training::None,
            };
        });
    };
    // A memo: typing into a training field changes the scenario but not
    // the mode, so the fields (and the focus in them) stay.
    let mode = Memo::new(move |_| training_mode().to_string());
    let training_fields = move || {
        let t = |f: fn(Training) -> f64| {
            Signal::derive(move || scenario.with(|s| f(s.approaches[idx].training)))
        };
        let set = move |f: fn(&mut Training, f64)| {
            Callback::new(move |v: f64| scenario.update(|s| f(&mut s.approaches[idx].training, v)))
        };
        match mode.get().as_str() {
            "tokens" => view! {
                <NumberField id=format!("a{idx}-tt") label="Training tokens".into() unit="tokens per epoch" kind=FieldKind::Tokens
                    value=t(|t| if let Training::Tokens { tokens, .. } = t { tokens } else { 0.0 })
                    on_valid=set(|t, v| if let Training::Tokens { tokens, .. } = t { *tokens = v }) />
                <NumberField id=format!("a{idx}-te") label="Epochs".into() unit="count" kind=FieldKind::Count
                    value=t(|t| if let Training::Tokens { epochs, .. } = t { epochs } else { 0.0 })
                    on_valid=set(|t, v| if let Training::Tokens { epochs, .. } = t { *epochs = v }) />
                <NumberField id=format!("a{idx}-tp") label="Training price".into() unit="USD / 1M tokens" kind=FieldKind::Money
                    value=t(|t| if let Training::Tokens { per_1m, .. } = t { per_1m } else { 0.0 })
                    on_valid=set(|t, v| if let Training::Tokens { per_1m, .. } = t { *per_1m = v }) />
            }
            .into_any(),
            "gpu" => view! {
                <NumberField id=format!("a{idx}-gh") label="Training GPU-hours".into() unit="hours" kind=FieldKind::Count
                    value=t(|t| if let Training::GpuHours { hours, .. } = t { hours } else { 0.0 })
                    on_valid=set(|t, v| if let Training::GpuHours { hours, .. } = t { *hours = v }) />
                <NumberField id=format!("a{idx}-gp") label="GPU price".into() unit="USD / GPU-hour" kind=FieldKind::Money
                    value=t(|t| if let Training::GpuHours { per_hour, .. } = t { per_hour } else { 0.0 })
                    on_valid=set(|t, v| if let Training::GpuHours { per_hour, .. } = t { *per_hour = v }) />
            }
            .into_any(),
            _ => ().into_any(),
        }
    };

    let name_id = format!("a{idx}-name");
    let enabled_id = format!("a{idx}-on");
    let preset_select_id = format!("a{idx}-preset");
    let mode_id = format!("a{idx}-mode");
    let heading_id = format!("a{idx}-title");

    view! {
        <details class="approach-editor" class:disabled=move || !enabled() class:recommended=recommended
            open=idx < 1 || recommended>
            <summary>
                <span class="swatch" aria-hidden="true"></span>
                <span id=heading_id.clone() class="editor-title">{name}</span>
                {recommended.then(|| view! { <span class="badge">"Recommended by the wizard"</span> })}
                <span class="editor-summary">{summary}</span>
            </summary>
            <div class="editor-body">
                <div class="row">
                    <div class="check">
                        <input type="checkbox" id=enabled_id.clone() prop:checked=enabled
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                scenario.update(|s| s.approaches[idx].enabled = on);
                            } />
                        <label for=enabled_id>"Include in the comparison"</label>
                    </div>
                    <div class="field">
                        <label for=name_id.clone()>"Name"</label>
                        <input id=name_id type="text" maxlength="60" prop:value=name
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                if !v.trim().is_empty() {
                                    scenario.update(|s| s.approaches[idx].name = v);
                                }
                            } />
                    </div>
                    <div class="field">
                        <label for=preset_select_id.clone()>"Price preset"</label>
                        <select id=preset_select_id prop:value=preset_id on:change=choose_preset>
                            <option value="">"Custom (enter your own prices)"</option>
                            {options}
                        </select>
                    </div>
                </div>
                <div class="preset-about">
                    <p class="preset-applied" role="status">{move || applied.get()}</p>
                    <div role="group" aria-label="Preset source and status"
                        inner_html=move || preset_info().unwrap_or_default()></div>
                </div>
                <fieldset>
                    <legend>"Per request"</legend>
                    <p class="hint">{move || scenario.with(|s| {
                        let a = &s.approaches[idx];
                        format!("Sends {}; returns {}.", s.profile.describe_prompt(a.prompt_share), s.profile.describe_output(a.output_share))
                    })}</p>
                    {move || scenario.with(|s| s.approaches[idx].retry_override).map(|r| view! {
                        <p class="note">
                            {format!("Keeps a retry rate of its own, {:.1} %, from an older link.", r * 100.0)}" "
                            <button type="button" class="secondary"
                                on:click=move |_| scenario.update(|s| s.approaches[idx].retry_override = None)>
                                "Use the shared retry rate"
                            </button>
                        </p>
                    })}
                    <div class="grid">{fields(idx, kind, FieldGroup::PerRequest, scenario)}</div>
                </fieldset>
                {(kind == ApproachKind::Rag).then(|| view! {
                    <fieldset>
                        <legend>"Retrieval"</legend>
                        <div class="grid">{fields(idx, kind, FieldGroup::Retrieval, scenario)}</div>
                    </fieldset>
                })}
                <fieldset>
                    <legend>"One-off"</legend>
                    <div class="grid">
                        {fields(idx, kind, FieldGroup::OneOff, scenario)}
                        <div class="field">
                            <label for=mode_id.clone()>"Training billed by"</label>
                            <select id=mode_id prop:value=training_mode on:change=set_mode>
                                <option value="none">"No training"</option>
                                <option value="tokens">"Training tokens × epochs"</option>
                                <option value="gpu">"GPU-hours"</option>
                            </select>
                        </div>
                        {training_fields}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>"Recurring"</legend>
                    <div class="grid">{fields(idx, kind, FieldGroup::Recurring, scenario)}</div>
                </fieldset>
            </div>
        </details>
    }
}
