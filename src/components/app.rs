//! The widget root: parses the data, owns the state, keeps the URL in step.

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{find_mark, Chart, ChartKind};
use super::detail::{Detail, NamedRegions};
use super::embed_app::load_message;
use super::error::ErrorView;
use super::fetch::{use_fetch_text, Fetch};
use super::footer::{Footer, FooterLink};
use super::headline::Headline;
use super::language::{use_shown_locale, LanguageSwitch};
use super::legend::Legend;
use super::sources::SourcesView;
use super::table::TableView;
use super::tabs::Tabs;
use super::themes::ThemeView;
use super::years::{failure, YearsData, YearsView};
use super::{Ctx, Shared};
use crate::describe::Describer;
use crate::i18n::{Locale, Msg};
use crate::model::{Dataset, Problem, Series, DEFAULT_DATA, SERIES_PATH};
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
    /// Operations year asked for by the embedder (`year` attribute), from the
    /// series; ignored when standalone, and with `src`.
    #[prop_or_default]
    pub year: Option<AttrValue>,
    /// The year selected in the Years view (`ysel` attribute), as a link's
    /// `ysel`; else the year shown. Ignored when standalone, and with `src`.
    #[prop_or_default]
    pub ysel: Option<AttrValue>,
    /// Told whether the data could be shown: Ok, or the first problem.
    #[prop_or_default]
    pub on_status: Option<Callback<Result<(), String>>>,
    /// Directory of index.html and embed.js; None: the page's own directory.
    #[prop_or_default]
    pub base: Option<AttrValue>,
    /// Where `data` came from, when it was loaded from a URL.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// Level of the title asked for by the embedder (`heading` attribute, 2-5).
    #[prop_or_default]
    pub heading: Option<AttrValue>,
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
    super::rendered("App");
    let text = props.data.clone();
    let loaded = use_memo(text, |text| load(text.as_deref().unwrap_or(DEFAULT_DATA)));
    // Language (`web::opening_locale`), and the page's default: what a hash
    // without `lang` means.
    let (locale, default_locale) = {
        let lang = props.lang.clone();
        let standalone = props.standalone;
        *use_memo(lang, move |lang| {
            crate::web::opening_locale(standalone, lang.as_deref())
        })
    };
    // Bad data is reported here; good data by the widget, which knows when
    // the year asked for has arrived.
    {
        let on_status = props.on_status.clone();
        let problem = match &*loaded {
            Ok(_) => None,
            Err(problems) => Some(
                problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
        };
        use_effect_with(problem, move |problem| {
            if let (Some(cb), Some(problem)) = (on_status, problem) {
                cb.emit(Err(problem.clone()));
            }
        });
    }
    let base = props
        .base
        .clone()
        .unwrap_or_else(|| crate::embed_code::base_of(&crate::web::location_href()).into());
    // The widget opens in its language once that language's texts are here
    // (a standalone page waits for them before its static copy gives way).
    // A language that cannot be loaded at all opens the widget in the
    // page's language (index.ja.html), else English, and the widget says so
    // under its language list, as for a later choice (a language page whose
    // own language fails keeps its copy instead: `web::start`).
    let failed_first = use_state_eq(|| None::<Locale>);
    let on_first_failed = {
        let failed_first = failed_first.clone();
        Callback::from(move |(failed, _): (Locale, Locale)| failed_first.set(Some(failed)))
    };
    let page_locale = props
        .standalone
        .then(|| props.lang.as_deref().and_then(Locale::from_tag))
        .flatten();
    let Some(locale) = use_shown_locale(locale, page_locale, base.clone(), on_first_failed) else {
        return html! { <div lang={locale.tag()} aria-busy="true"></div> };
    };
    let view = props.view.as_deref().and_then(View::parse);
    let heading = super::heading_tag(props.standalone, props.heading.as_deref());
    match &*loaded {
        Ok(data) => html! {
            <Widget data={data.clone()} locale={locale} default_locale={default_locale} ids={props.id_prefix.clone()}
                page_locale={props.lang.as_deref().and_then(Locale::from_tag).unwrap_or_default()}
                standalone={props.standalone} view={view} sel={props.sel.clone()}
                year={props.year.as_deref().and_then(crate::state::parse_year)}
                ysel={props.ysel.as_deref().and_then(crate::state::parse_year)}
                base={base} unavailable={*failed_first}
                {heading} src={props.src.clone()} on_status={props.on_status.clone()} />
        },
        Err(problems) => html! {
            <div class="fb-root" lang={locale.tag()}>
                <ErrorView problems={problems.clone()} locale={locale} {heading} />
            </div>
        },
    }
}

/// How long the state must stay unchanged before the URL follows it.
const URL_DELAY_MS: u32 = 120;

/// Marks per breakdown whose selection is formatted ahead (see
/// `Describer::selection_phrases`): a donut has at most nine, and with
/// more the reader scrolls a list of bars before choosing.
const SELECTION_PHRASES_MAX: usize = 12;

#[derive(Properties, PartialEq)]
struct WidgetProps {
    data: Rc<Dataset>,
    locale: Locale,
    /// The language shown when the URL names none.
    default_locale: Locale,
    /// The language of the page's own title: index.html's is English,
    /// index.fr.html's French (the `lang` a standalone page gives).
    page_locale: Locale,
    ids: AttrValue,
    standalone: bool,
    view: Option<View>,
    sel: Option<AttrValue>,
    year: Option<i32>,
    ysel: Option<i32>,
    base: AttrValue,
    src: Option<AttrValue>,
    on_status: Option<Callback<Result<(), String>>>,
    /// The language the widget was asked to open in, when its texts could not
    /// be loaded.
    unavailable: Option<Locale>,
    /// The title's tag (`heading_tag`).
    heading: &'static str,
}

/// Whether `id` can be selected in the year `year` shows: checked now in the
/// widget's own data, later (when it is loaded) in another year's.
fn may_select(data: &Dataset, year: Option<i32>, id: &str) -> bool {
    year.is_some_and(|y| y != data.contribution.operations_year)
        || crate::state::is_selectable(data, id)
}

/// The series as loaded and checked, or its problems.
type SeriesResult = Result<Shared<Series>, Rc<Vec<Problem>>>;

/// Parses the series text with the browser's JSON parser and validates it.
fn parse_series(text: &str) -> SeriesResult {
    crate::web::parse_series(text)
        .map(|s| Shared(Rc::new(s)))
        .map_err(|problems| {
            for p in &problems {
                gloo::console::error!(format!("funding-breakdown: series problem: {p}"));
            }
            Rc::new(problems)
        })
}

/// Why the series cannot be shown, in the reader's language: the first problem.
fn series_problem(problems: &[Problem], locale: Locale) -> AttrValue {
    let first = problems.first().map(|p| {
        let text = crate::describe::problem_text(locale, &p.kind);
        locale.fill(Msg::ProblemAt, &[("path", &p.path), ("problem", &text)])
    });
    format!(
        "{} {}",
        locale.text(Msg::ErrorIntro),
        first.unwrap_or_default()
    )
    .into()
}

#[component]
fn Widget(props: &WidgetProps) -> Html {
    super::rendered("Widget");
    let sync = props.standalone;
    // Other years come from the series, which belongs to the bundled data:
    // a dataset from a `src` URL has no Years view and no `year`.
    let years_offered = props.src.is_none();
    let store = {
        let data = props.data.clone();
        let locale = props.locale;
        let (view, sel, year, ysel) = (props.view, props.sel.clone(), props.year, props.ysel);
        use_reducer_eq(move || {
            Store(if sync {
                UiState::from_hash(&crate::web::location_hash(), &data, locale)
            } else {
                UiState {
                    view: view.unwrap_or_default(),
                    selected: sel
                        .filter(|id| may_select(&data, year, id))
                        .map(|id| id.to_string()),
                    locale,
                    year,
                    year_sel: ysel.or(year),
                    preview: None,
                }
            })
        })
    };
    let state = &store.0;

    // The language shown: the state's once its texts are here, meanwhile the
    // one before. One that cannot be loaded gives way to the one shown, and
    // the switch says so until the reader picks a language again.
    let unavailable = use_state(|| props.unavailable);
    let on_failed = {
        let (store, unavailable) = (store.clone(), unavailable.clone());
        Callback::from(move |(failed, stays): (Locale, Locale)| {
            unavailable.set(Some(failed));
            store.dispatch(Action::SetLocale(stays));
        })
    };
    // Falling back on the language `App` opened it in: a page's hash may
    // ask for one that is not loaded (index.ja.html#lang=fr, French
    // failing), and the first frame was English.
    let shown = use_shown_locale(
        state.locale,
        Some(props.locale),
        props.base.clone(),
        on_failed,
    )
    .unwrap_or_default();
    // The language a page's hash asked for may fail after the widget has
    // opened in the page's own (`App`): say so then.
    {
        let unavailable = unavailable.setter();
        use_effect_with(props.unavailable, move |failed| {
            if failed.is_some() {
                unavailable.set(*failed);
            }
        });
    }

    // The embedder changed an attribute: follow it (no-ops when unchanged).
    // Another language asked for ends the notice about one that failed.
    {
        let (store, unavailable) = (store.clone(), unavailable.setter());
        let mounted = use_mut_ref(|| false);
        use_effect_with(props.locale, move |l| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                unavailable.set(None);
            }
            store.dispatch(Action::SetLocale(*l))
        });
    }
    {
        let store = store.clone();
        // A `view` removed, emptied or unknown is the region view, as when
        // the element opens without one.
        use_effect_with(props.view, move |v| {
            if !sync {
                store.dispatch(Action::SetView(v.unwrap_or_default()));
            }
        });
    }
    {
        let store = store.clone();
        use_effect_with(props.year, move |year| {
            if !sync {
                store.dispatch(Action::SetYear(*year));
            }
        });
    }
    {
        // A `ysel` set, changed or removed, or a `year` changed without one
        // (then the year shown is selected, as when the element opens
        // without one). After `year`'s effect.
        let store = store.clone();
        use_effect_with((props.ysel, props.year), move |(ysel, year)| {
            if !sync {
                store.dispatch(Action::SelectYear(ysel.or(*year)));
            }
        });
    }
    {
        let store = store.clone();
        let data = props.data.clone();
        let year = props.year;
        use_effect_with(props.sel.clone(), move |sel| {
            if !sync {
                store.dispatch(match sel {
                    Some(id) if may_select(&data, year, id) => Action::Select(id.to_string()),
                    _ => Action::ClearSelection,
                });
            }
        });
    }

    // The series: fetched the first time the Years view or another year is
    // wanted, then kept.
    let base_year = props.data.contribution.operations_year;
    let other_year = state.year.filter(|y| years_offered && *y != base_year);
    let wanted = use_mut_ref(|| false);
    if years_offered && (state.view == View::Years || other_year.is_some()) {
        *wanted.borrow_mut() = true;
    }
    let series_url = wanted
        .borrow()
        .then(|| AttrValue::from(format!("{}{SERIES_PATH}", props.base)));
    let attempt = use_state(|| 0u32);
    let fetched = use_fetch_text(series_url.clone(), *attempt);
    let series: Rc<Option<SeriesResult>> = {
        let text = match &fetched {
            Fetch::Loaded(text) => Some(text.clone()),
            _ => None,
        };
        // Parsed once per text, whatever the language.
        use_memo(text, |text| text.as_deref().map(parse_series))
    };
    let loaded = match &*series {
        Some(Ok(s)) => Some(s.clone()),
        _ => None,
    };
    let failed: Option<AttrValue> = match (&fetched, &*series) {
        (Fetch::Failed(e), _) => {
            Some(load_message(shown, series_url.as_deref().unwrap_or_default(), e).into())
        }
        (_, Some(Err(problems))) => Some(series_problem(problems, shown)),
        _ => None,
    };
    // The dataset of the year shown: the widget's own, or one of the series'.
    let year_data = use_memo((loaded.clone(), other_year), |(s, year)| {
        let year = (*year)?;
        s.as_ref()?.year(year).cloned().map(Rc::new)
    });
    // A year the series does not have is dropped, as unknown URL values are;
    // the console says so, for an embedder whose `year` names a gap (2020).
    {
        let store = store.clone();
        let missing = loaded
            .as_ref()
            .and_then(|s| other_year.filter(|y| s.year(*y).is_none()));
        use_effect_with(missing, move |missing| {
            if let Some(y) = missing {
                gloo::console::warn!(format!(
                    "funding-breakdown: the series has no figures for {y}; showing {base_year}"
                ));
                store.dispatch(Action::SetYear(None));
            }
        });
    }
    let data = match (&*year_data, other_year) {
        (Some(ds), _) => ds.clone(),
        _ => props.data.clone(),
    };
    // Another year is wanted but not here (yet): its figures, not the
    // widget's own, are what the reader asked for.
    let pending = other_year.is_some() && year_data.is_none();
    // A selection the year shown does not have (a link's `sel` for another
    // year) goes once that year is here, so the URL, the snippets and the
    // files stop carrying what no view shows.
    {
        let store = store.clone();
        let stale = !pending
            && state
                .selected
                .as_deref()
                .is_some_and(|id| !crate::state::is_selectable(&data, id));
        use_effect_with(stale, move |stale| {
            if *stale {
                store.dispatch(Action::ClearSelection);
            }
        });
    }
    // Ready once what the embedder asked for is shown: with a `year`, when
    // that year has arrived; an error when it cannot (the Years view's own
    // failure leaves the rest of the widget working, so it is not one).
    {
        let on_status = props.on_status.clone();
        let status = match (&failed, pending) {
            (Some(why), true) => Some(Err(why.to_string())),
            (None, true) => None,
            (_, false) => Some(Ok(())),
        };
        // Said again whenever other figures are shown: another dataset (the
        // element's `src` removed: the bundled data) or another year (the
        // `year` attribute, or the reader's), so the host hears of every change.
        let data_id = Rc::as_ptr(&data) as usize;
        use_effect_with((status, data_id), move |(status, _)| {
            if let (Some(cb), Some(status)) = (on_status, status) {
                cb.emit(status.clone());
            }
        });
    }

    let ctx = Ctx {
        data: data.clone(),
        locale: shown,
        ids: props.ids.clone(),
        heading: props.heading,
        base: props.base.clone(),
        src: props.src.clone(),
        series: loaded.clone(),
    };

    // While the reader looks at the chart, have what a selection shows
    // formatted, so the first click only renders.
    use_effect_with(
        (super::ByPtr(data.clone()), ctx.locale),
        |(data, locale)| {
            let (data, locale) = (data.0.clone(), *locale);
            crate::web::when_idle(Box::new(move || {
                Describer::new(&data, locale).selection_phrases(SELECTION_PHRASES_MAX);
            }));
        },
    );

    // The page's title and description name what the page shows, in the
    // reader's language: the page's own (in its language, the bundled year)
    // are put back when that is shown again. Only where the widget is the page.
    {
        let own = sync && (ctx.locale != props.page_locale || other_year.is_some());
        let original = use_mut_ref(|| None::<(String, Option<String>)>);
        use_effect_with(
            (own, super::ByPtr(ctx.data.clone()), ctx.locale),
            move |(own, data, locale)| {
                let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                    return;
                };
                let meta = doc.query_selector("meta[name=description]").ok().flatten();
                let mut original = original.borrow_mut();
                if *own {
                    original.get_or_insert_with(|| {
                        (
                            doc.title(),
                            meta.as_ref().and_then(|m| m.get_attribute("content")),
                        )
                    });
                    let d = Describer::new(&data.0, *locale);
                    doc.set_title(&d.title());
                    if let Some(meta) = &meta {
                        let _ = meta.set_attribute("content", &d.summary());
                    }
                } else if let Some((title, content)) = original.take() {
                    doc.set_title(&title);
                    if let (Some(meta), Some(content)) = (&meta, content) {
                        let _ = meta.set_attribute("content", &content);
                    }
                }
            },
        );
    }

    // The page's language follows the widget's, so that its title is read in
    // it too. Only where the widget is the page: an element leaves its host's.
    use_effect_with((sync, ctx.locale), |&(sync, locale)| {
        let html = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let (true, Some(html)) = (sync, html) {
            // Setting an attribute on the page's root cannot fail.
            let _ = html.set_attribute("lang", locale.tag());
        }
    });

    // Keep the URL in step with the state (replaceState: no history spam)...
    // once the reader pauses: replaceState costs Chromium a few milliseconds,
    // more than the whole re-render, and arrow keys held down select mark after mark.
    {
        // A page whose language could not be loaded opens in English without
        // the reader choosing it: the URL keeps no `lang=en` (once the server
        // is back, a reload gets the page's language again).
        let url_default = if props.unavailable.is_some() {
            props.locale
        } else {
            props.default_locale
        };
        let hash = state.to_hash(url_default);
        let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with(hash, move |hash| {
            if sync {
                let hash = hash.clone();
                // A link or the reader may change the URL before the write:
                // the write then yields to it (the hashchange that follows
                // restores the state from it), never overwriting it.
                let seen = crate::web::location_hash();
                // Replacing the handle drops (cancels) the previous write.
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    URL_DELAY_MS,
                    move || {
                        if crate::web::location_hash() == seen {
                            crate::web::replace_hash(&hash);
                        }
                    },
                ));
            }
        });
    }
    // ...and the state in step with the URL when the reader or a link changes it.
    {
        let store = store.clone();
        let data = props.data.clone();
        let locale = props.default_locale;
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
    // The part the pointer is over (`UiState::preview`).
    let on_preview = use_callback(store.dispatcher(), |id: Option<AttrValue>, d| {
        d.dispatch(Action::Preview(id.map(|id| id.to_string())))
    });
    let on_view = use_callback(store.dispatcher(), |v: View, d| {
        d.dispatch(Action::SetView(v))
    });
    let on_locale = use_callback(
        (store.dispatcher(), unavailable.setter()),
        |l: Locale, (d, unavailable)| {
            unavailable.set(None);
            d.dispatch(Action::SetLocale(l))
        },
    );
    let on_select_year = use_callback(store.dispatcher(), |y: Option<i32>, d| {
        d.dispatch(Action::SelectYear(y))
    });
    // Where focus goes after the next render, by id: the control that had it
    // ("Open 2019", "Try again") is replaced by what it asked for.
    let focus_next = use_mut_ref(|| None::<String>);
    // The year just opened from the Years view, to be announced once.
    let opened = use_mut_ref(|| None::<i32>);
    let on_open_year = {
        let (d, focus_next, opened) = (store.dispatcher(), focus_next.clone(), opened.clone());
        let tab = ctx.id("tab-region");
        Callback::from(move |y: i32| {
            *opened.borrow_mut() = Some(y);
            *focus_next.borrow_mut() = Some(tab.to_string());
            d.dispatch(Action::OpenYear(y))
        })
    };
    let on_retry = {
        let (attempt, focus_next) = (attempt.clone(), focus_next.clone());
        // The panel stays while the series loads again; a year of its own
        // replaces the whole card, whose status line then takes focus.
        let target = ctx.id(if pending { "status" } else { "panel" });
        Callback::from(move |()| {
            *focus_next.borrow_mut() = Some(target.to_string());
            attempt.set(attempt.wrapping_add(1))
        })
    };

    let view = if View::offered(years_offered).contains(&state.view) {
        state.view
    } else {
        View::Region
    };
    let d = ctx.describer();
    let selected: Option<AttrValue> = state
        .selected
        .clone()
        .filter(|id| crate::state::is_selectable(&data, id))
        .map(AttrValue::from);
    // A year of the series as the Years view names it: "2019: about USD 27 million".
    let year_phrase = |y: i32| {
        let s = loaded.as_ref()?;
        let slot = s.slots().into_iter().find(|slot| slot.year() == y)?;
        Some(crate::describe::years::slot_phrase(&slot, ctx.locale))
    };
    let announcement = if view == View::Years {
        state.year_sel.and_then(year_phrase).unwrap_or_default()
    } else {
        selected
            .as_ref()
            .filter(|id| crate::state::shown_in(&ctx.data, view, id))
            .and_then(|id| {
                let kind = if view == View::Theme {
                    ChartKind::Theme
                } else {
                    ChartKind::Region
                };
                find_mark(&ctx.data, kind, id)
                    .map(|p| d.announce(&p))
                    .or_else(|| ctx.data.theme(id).map(|t| d.data(&t.name).text))
            })
            .unwrap_or_default()
    };
    // Clearing is announced once; later renders without a selection stay quiet.
    let had_selection = use_mut_ref(|| false);
    let has_selection = if view == View::Years {
        state.year_sel.is_some()
    } else {
        selected.is_some()
    };
    // A new view is announced by its tab: the live region does not speak
    // over it with a selection kept from another view, or its clearing. Only
    // a year opened from the Years view says which year the card now shows.
    let last_view = use_mut_ref(|| view);
    let view_changed = std::mem::replace(&mut *last_view.borrow_mut(), view) != view;
    let announcement = if view_changed {
        opened
            .borrow_mut()
            .take()
            .and_then(year_phrase)
            .map(|label| ctx.locale.fill(Msg::YearOpenedLabel, &[("label", &label)]))
            .unwrap_or_default()
    } else if !has_selection && *had_selection.borrow() {
        d.text(Msg::AnnounceCleared).to_owned()
    } else {
        announcement
    };
    *had_selection.borrow_mut() = has_selection;
    // A selection made on the element that has focus (arrows, Tab, Enter, a
    // click on a mark) is read by the screen reader from that element, whose
    // name says it all: the live region would say it a second time. It
    // speaks for selections focus does not reach: a link's `sel`, a new hash.
    let live_ref = use_node_ref();
    let focused = live_ref.get().and_then(|live| {
        let attr = if view == View::Years {
            "data-year"
        } else {
            "data-id"
        };
        crate::web::focused_attribute(&live, attr)
    });
    let spoken_by_focus = focused.is_some()
        && if view == View::Years {
            focused == state.year_sel.map(|y| y.to_string())
        } else {
            focused.as_deref() == selected.as_deref()
        };
    let announcement = if spoken_by_focus {
        String::new()
    } else {
        announcement
    };
    // Said once, when what it says changes: a render for anything else (a
    // preview, a download's status) after focus has left the selected mark
    // must not say the selection again.
    // A year selected before the series has come (a link's `ysel`) is said
    // when it has: the series' arrival counts as a change in the Years view.
    // So does the arrival of another year's figures (a link's `year` and
    // `sel`), which nothing is said of while they are on their way.
    let series_here = (view == View::Years && loaded.is_some()) || pending;
    let announcement = if pending { String::new() } else { announcement };
    // A new language alone clears what was said in the old one (read last in
    // the widget, it would stay in that language) and says nothing new.
    let said = use_mut_ref(|| {
        (
            (
                (None::<String>, None::<i32>, View::Region, false),
                Locale::En,
            ),
            String::new(),
        )
    });
    let announcement = {
        let mut said = said.borrow_mut();
        let now = (
            (state.selected.clone(), state.year_sel, view, series_here),
            ctx.locale,
        );
        // While another language's texts are on their way, nothing: what
        // changed with it (a link's `lang` and `sel`) is said once they have
        // come, in that language.
        if state.locale != ctx.locale {
            String::new()
        } else if said.0 == now {
            said.1.clone()
        } else {
            let text = if said.0 .0 == now.0 {
                String::new()
            } else {
                announcement
            };
            *said = (now, text.clone());
            text
        }
    };

    let years_data = match (&loaded, &failed) {
        (Some(s), _) => YearsData::Ready(s.clone()),
        (None, Some(message)) => YearsData::Failed(message.clone()),
        (None, None) => YearsData::Loading,
    };
    let shown = state
        .preview
        .clone()
        .filter(|id| crate::state::is_selectable(&data, id))
        .map(AttrValue::from)
        .or_else(|| selected.clone());
    let panel = match view {
        // No figure by region (a source that splits only by theme): said, as
        // the theme view says it, rather than a whole ring "not attributed".
        View::Region if data.regions.is_empty() => html! {
            <div class="fb-breakdown">
                <p class="fb-note fb-no-breakdown">{ d.text(Msg::NoRegionBreakdown) }</p>
                <div class="fb-side">
                    <NamedRegions />
                </div>
            </div>
        },
        View::Region => html! {
            <div class="fb-breakdown">
                <Chart kind={ChartKind::Region} selected={shown.clone()} pinned={selected.clone()}
                    on_select={on_select.clone()} on_preview={on_preview.clone()} />
                <div class="fb-side">
                    <Legend kind={ChartKind::Region} selected={shown.clone()} pinned={selected.clone()}
                        on_select={on_select.clone()} on_preview={on_preview.clone()} />
                    <Detail kind={ChartKind::Region} selected={shown.clone()} />
                    <NamedRegions />
                </div>
            </div>
        },
        View::Theme => {
            html! {
                <ThemeView selected={shown.clone()} pinned={selected.clone()}
                    on_select={on_select.clone()} on_preview={on_preview.clone()} />
            }
        }
        View::Table => html! { <TableView /> },
        View::Sources => html! { <SourcesView /> },
        View::Years => html! {
            <YearsView series={years_data.clone()} current={data.contribution.operations_year}
                selected={state.year_sel} on_select={on_select_year} on_open={on_open_year}
                preview={state.preview.as_deref().and_then(|y| y.parse().ok())}
                on_preview={on_preview.clone()} on_retry={on_retry.clone()} />
        },
    };
    let shown_state = UiState {
        view,
        preview: None,
        ..state.clone()
    };
    // The footer gets the selections only while its embed snippets, which
    // carry them, are open; Copy link reads them from `latest` on click.
    let footer_link = use_mut_ref(FooterLink::default);
    let footer_state = {
        let mut link = footer_link.borrow_mut();
        link.state = shown_state.clone();
        if link.open {
            shown_state
        } else {
            UiState {
                selected: None,
                year_sel: None,
                preview: None,
                ..shown_state
            }
        }
    };

    // While another year loads (or fails to), the card says so instead of
    // showing the widget's own year under the reader's request for another.
    let body = if pending {
        match (&years_data, &failed) {
            (_, Some(message)) => failure(message, &on_retry, ctx.locale),
            _ => {
                html! { <div class="fb-loading" role="status" id={ctx.id("status")} tabindex="-1"><p>{ d.text(Msg::Loading) }</p></div> }
            }
        }
    } else {
        html! { <>
            <Headline />
            <Tabs view={view} on_change={on_view} years={years_offered} />
            <div class="fb-panel" role="tabpanel" id={ctx.id("panel")}
                aria-labelledby={ctx.id(&format!("tab-{}", view.as_str()))} tabindex="0">
                { panel }
            </div>
            <Footer state={footer_state} latest={Shared(footer_link)} />
        </> }
    };

    {
        let loading = pending || (view == View::Years && matches!(years_data, YearsData::Loading));
        let (focus_next, live_ref) = (focus_next.clone(), live_ref.clone());
        use_effect(move || {
            // The card held at its height by a tab or Open (`hold_card`) is let go
            // in the render that shows what was asked for, before anything is
            // painted, unless that is loading. (In this effect: one more costs 0.7 KB.)
            let card = live_ref.get().and_then(|l| l.parent_element());
            if let Some(card) = card {
                super::release_card(&card, view.as_str(), loading);
            }
            if let (Some(id), Some(live)) = (focus_next.borrow_mut().take(), live_ref.get()) {
                crate::web::focus_by_id(&live, &id);
            }
        });
    }

    let keys = super::keys_help();
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            // Named by what it shows: several on a page were all "Funding breakdown".
            <section class="fb-root" lang={ctx.locale.tag()} aria-label={d.title()}
                onfocusin={keys.onfocusin} onfocusout={keys.onfocusout} onkeydown={keys.onkeydown}>
                <LanguageSwitch current={state.locale} on_change={on_locale} unavailable={*unavailable} />
                { body }
                <p ref={live_ref} class="fb-sr-only" aria-live="polite" aria-atomic="true" id={ctx.id("live")}>
                    { announcement }
                </p>
            </section>
        </ContextProvider<Ctx>>
    }
}
