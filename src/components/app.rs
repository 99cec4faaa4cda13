//! The widget root: parses the data, owns the state, keeps the URL in step.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{Chart, ChartKind};
use super::detail::Detail;
use super::error::ErrorView;
use super::footer::Footer;
use super::headline::Headline;
use super::language::LanguageSwitch;
use super::legend::Legend;
use super::sources::SourcesView;
use super::table::TableView;
use super::tabs::Tabs;
use super::themes::ThemeView;
use super::Ctx;
use crate::i18n::{Locale, Msg};
use crate::model::{derive, Dataset, Problem, DEFAULT_DATA};
use crate::state::{Action, UiState, View};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Prefix for DOM ids, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// The widget is the page (not embedded in another): it reads and keeps
    /// its state in the page URL, and its title is the page's `<h1>`.
    pub standalone: bool,
    /// Dataset JSON; None means the bundled default.
    #[prop_or_default]
    pub data: Option<AttrValue>,
    /// Language tag asked for by the embedder (`lang` attribute).
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// View asked for by the embedder (`view` attribute); ignored when standalone.
    #[prop_or_default]
    pub view: Option<AttrValue>,
    /// Selection asked for by the embedder (`sel` attribute); ignored when standalone.
    #[prop_or_default]
    pub sel: Option<AttrValue>,
    /// Told whether the data could be shown: Ok, or the first problem.
    #[prop_or_default]
    pub on_status: Option<Callback<Result<(), String>>>,
    /// Directory of index.html and embed.js; None: the page's own directory.
    #[prop_or_default]
    pub base: Option<AttrValue>,
    /// Where `data` came from, when it was loaded from a URL.
    #[prop_or_default]
    pub src: Option<AttrValue>,
}

/// `UiState` behind yew's reducer hook; the logic stays in `state.rs`.
#[derive(PartialEq)]
struct Store(UiState);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

fn load(text: &str) -> Result<Rc<Dataset>, Rc<Vec<Problem>>> {
    match crate::web::read_dataset(text) {
        Ok(ds) => Ok(Rc::new(ds)),
        Err(problems) => {
            for p in &problems {
                gloo::console::error!(format!("funding-breakdown: data problem: {p}"));
            }
            Err(Rc::new(problems))
        }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let text = props.data.clone();
    let loaded = use_memo(text, |text| load(text.as_deref().unwrap_or(DEFAULT_DATA)));
    // Language: the URL (standalone page) wins, then the embedder's choice,
    // then the reader's browser, then English.
    let locale = {
        let lang = props.lang.clone();
        let standalone = props.standalone;
        *use_memo(lang, move |lang| {
            let from_hash = standalone
                .then(|| crate::state::HashState::decode(&crate::web::location_hash()).lang)
                .flatten();
            from_hash
                .or_else(|| lang.as_deref().and_then(Locale::from_tag))
                .unwrap_or_else(crate::web::browser_locale)
        })
    };
    {
        let on_status = props.on_status.clone();
        let status = match &*loaded {
            Ok(_) => Ok(()),
            Err(problems) => Err(problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()),
        };
        use_effect_with(status, move |status| {
            if let Some(cb) = on_status {
                cb.emit(status.clone());
            }
        });
    }
    let view = props.view.as_deref().and_then(View::parse);
    match &*loaded {
        Ok(data) => html! {
            <Widget data={data.clone()} locale={locale} ids={props.id_prefix.clone()}
                standalone={props.standalone} view={view} sel={props.sel.clone()}
                base={props.base.clone().unwrap_or_else(|| crate::embed_code::base_of(&crate::web::location_href()).into())}
                src={props.src.clone()} />
        },
        Err(problems) => html! {
            <div class="fb-root" lang={locale.tag()}>
                <ErrorView problems={problems.clone()} locale={locale}
                    heading={if props.standalone { "h1" } else { "h2" }} />
            </div>
        },
    }
}

/// How long the state must stay unchanged before the URL follows it.
const URL_DELAY_MS: u32 = 120;

#[derive(Properties, PartialEq)]
struct WidgetProps {
    data: Rc<Dataset>,
    locale: Locale,
    ids: AttrValue,
    standalone: bool,
    view: Option<View>,
    sel: Option<AttrValue>,
    base: AttrValue,
    src: Option<AttrValue>,
}

#[component]
fn Widget(props: &WidgetProps) -> Html {
    let sync = props.standalone;
    let store = {
        let data = props.data.clone();
        let locale = props.locale;
        let (view, sel) = (props.view, props.sel.clone());
        use_reducer_eq(move || {
            Store(if sync {
                UiState::from_hash(&crate::web::location_hash(), &data, locale)
            } else {
                UiState {
                    view: view.unwrap_or_default(),
                    selected: sel
                        .filter(|id| crate::state::is_selectable(&data, id))
                        .map(|id| id.to_string()),
                    locale,
                }
            })
        })
    };
    let state = &store.0;

    // The embedder changed an attribute: follow it (no-ops when unchanged).
    {
        let store = store.clone();
        use_effect_with(props.locale, move |l| store.dispatch(Action::SetLocale(*l)));
    }
    {
        let store = store.clone();
        use_effect_with(props.view, move |v| {
            if let Some(v) = v {
                store.dispatch(Action::SetView(*v));
            }
        });
    }
    {
        let store = store.clone();
        let data = props.data.clone();
        use_effect_with(props.sel.clone(), move |sel| {
            if !sync {
                store.dispatch(match sel {
                    Some(id) if crate::state::is_selectable(&data, id) => {
                        Action::Select(id.to_string())
                    }
                    _ => Action::ClearSelection,
                });
            }
        });
    }
    let ctx = Ctx {
        data: props.data.clone(),
        locale: state.locale,
        ids: props.ids.clone(),
        heading: if props.standalone { "h1" } else { "h2" },
        base: props.base.clone(),
        src: props.src.clone(),
    };

    // Keep the URL in step with the state (replaceState: no history spam)...
    // once the reader pauses: replaceState costs Chromium a few milliseconds,
    // more than the whole re-render, and hovering across marks selects each.
    {
        let hash = state.to_hash();
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with(hash, move |hash| {
            if sync {
                let hash = hash.clone();
                // Replacing the handle drops (cancels) the previous write.
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    URL_DELAY_MS,
                    move || crate::web::replace_hash(&hash),
                ));
            }
        });
    }
    // ...and the state in step with the URL when the reader or a link changes it.
    {
        let store = store.clone();
        let data = props.data.clone();
        let locale = props.locale;
        use_effect_with(sync, move |sync| {
            let listener = sync.then(|| {
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    let hash = crate::web::location_hash();
                    store.dispatch(Action::Restore(UiState::from_hash(&hash, &data, locale)));
                })
            });
            // Dropping the listener on unmount removes it from the window.
            move || drop(listener)
        });
    }

    // Callbacks that stay the same object across renders, so children whose
    // other props did not change (tabs, language switch) skip re-rendering
    // when only the selection changes.
    let on_select = use_callback(store.dispatcher(), |id: Option<AttrValue>, d| {
        d.dispatch(match id {
            Some(id) => Action::Select(id.to_string()),
            None => Action::ClearSelection,
        })
    });
    let on_view = use_callback(store.dispatcher(), |v: View, d| {
        d.dispatch(Action::SetView(v))
    });
    let on_locale = use_callback(store.dispatcher(), |l: Locale, d| {
        d.dispatch(Action::SetLocale(l))
    });

    let d = ctx.describer();
    let selected: Option<AttrValue> = state.selected.clone().map(AttrValue::from);
    let announcement = selected
        .as_ref()
        .and_then(|id| {
            derive::region_marks(&ctx.data)
                .into_iter()
                .chain(derive::theme_marks(&ctx.data))
                .find(|p| p.id() == id.as_str())
                .map(|p| d.announce(&p))
                .or_else(|| ctx.data.theme(id).map(|t| d.data(&t.name).text))
        })
        .unwrap_or_default();
    // Clearing is announced once; later renders without a selection stay quiet.
    let had_selection = use_mut_ref(|| false);
    let announcement = if selected.is_none() && *had_selection.borrow() {
        d.text(Msg::AnnounceCleared).to_owned()
    } else {
        announcement
    };
    *had_selection.borrow_mut() = selected.is_some();

    let panel = match state.view {
        View::Region => html! {
            <div class="fb-breakdown">
                <Chart kind={ChartKind::Region} selected={selected.clone()} on_select={on_select.clone()} />
                <div class="fb-side">
                    <Legend kind={ChartKind::Region} selected={selected.clone()} on_select={on_select.clone()} />
                    <Detail selected={selected.clone()} />
                </div>
            </div>
        },
        View::Theme => {
            html! { <ThemeView selected={selected.clone()} on_select={on_select.clone()} /> }
        }
        View::Table => html! { <TableView /> },
        View::Sources => html! { <SourcesView /> },
    };

    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <section class="fb-root" lang={ctx.locale.tag()} aria-label={d.text(Msg::WidgetLabel)}>
                <LanguageSwitch current={ctx.locale} on_change={on_locale} />
                <Headline />
                <Tabs view={state.view} on_change={on_view} />
                <div class="fb-panel" role="tabpanel" id={ctx.id("panel")}
                    aria-labelledby={ctx.id(&format!("tab-{}", state.view.as_str()))} tabindex="0">
                    { panel }
                </div>
                <Footer state={state.clone()} />
                <p class="fb-sr-only" aria-live="polite" aria-atomic="true" id={ctx.id("live")}>
                    { announcement }
                </p>
            </section>
        </ContextProvider<Ctx>>
    }
}
