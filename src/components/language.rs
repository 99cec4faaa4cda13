//! Language switch: every supported language under its own name, so a
//! reader finds theirs whatever the widget currently shows. And which
//! language is shown while another one's catalogue loads.

use yew::prelude::*;

use super::use_ctx;
use crate::i18n::{pieces, Locale, Msg, Piece};

/// The language to show when `want` is asked for: `want` once its texts are
/// at hand; while its catalogue loads (started here, from `base`), the one
/// shown before, or on a first render `fallback` if its texts are at hand,
/// else None (nothing to show yet). When it cannot be loaded, the console
/// says why, `on_failed` hears which language failed and which stays, and
/// the one shown before stays (`fallback` or English if none was).
/// `fallback` is a language page's own (index.ja.html asked for French by
/// its hash): never an element's, whose reader would see a language come
/// and go while the one asked for loads.
#[hook]
pub fn use_shown_locale(
    want: Locale,
    fallback: Option<Locale>,
    base: AttrValue,
    on_failed: Callback<(Locale, Locale)>,
) -> Option<Locale> {
    let fallback = fallback.filter(|f| *f != want && f.is_ready());
    let shown = use_mut_ref(|| fallback);
    // The language asked for last: a failure of one asked for before it
    // (French timing out after the reader went on to Spanish) is only logged.
    let wanted = use_mut_ref(|| want);
    *wanted.borrow_mut() = want;
    let update = use_force_update();
    if want.is_ready() {
        *shown.borrow_mut() = Some(want);
    }
    {
        let shown = shown.clone();
        use_effect_with(want, move |&want| {
            if !want.is_ready() {
                load_then(
                    want,
                    base,
                    Box::new(move |result| {
                        if let Err(why) = result {
                            gloo::console::error!(format!("funding-breakdown: {why}"));
                            if *wanted.borrow() == want {
                                let stays = *shown.borrow_mut().get_or_insert(Locale::En);
                                on_failed.emit((want, stays));
                            }
                        }
                        update.force_update();
                    }),
                );
            }
        });
    }
    let shown = *shown.borrow();
    shown
}

/// Loads `locale`'s catalogue in the background, then calls `then`. One
/// function for every caller, so the wasm has one copy of its future.
fn load_then(locale: Locale, base: AttrValue, then: Box<dyn FnOnce(Result<(), String>)>) {
    wasm_bindgen_futures::spawn_local(async move {
        then(crate::web::load_catalogue(locale, &base).await);
    });
}

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The language asked for, which may still be loading.
    pub current: Locale,
    pub on_change: Callback<Locale>,
    /// A language that could not be loaded, said next to the switch.
    #[prop_or_default]
    pub unavailable: Option<Locale>,
}

#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    super::rendered("LanguageSwitch");
    let ctx = use_ctx();
    let id = ctx.id("lang");
    // Arrows on the closed list change its value (and fire `change`) at each
    // press: a screen reader's way of reading the options switched the whole
    // widget each time, and a language that failed snapped the list back
    // above the ones below it (WCAG 3.2.2). A value reached by arrows or
    // type-ahead waits for Enter or for focus to leave; a choice in the
    // open list (pointer, or Enter there) is taken at once.
    let browsing = use_mut_ref(|| false);
    let current = props.current;
    // The list shows the language shown. Its `selected` attribute does not
    // move a list the reader has changed: after a language that failed, the
    // list still named it while the widget stayed in another.
    let select_ref = use_node_ref();
    let select = {
        let select_ref = select_ref.clone();
        move || select_ref.cast::<web_sys::HtmlSelectElement>()
    };
    // Puts the list back on the language shown.
    let reset = {
        let select = select.clone();
        move || {
            if let Some(s) = select() {
                s.set_value(current.tag());
            }
        }
    };
    {
        let reset = reset.clone();
        use_effect_with((current, props.unavailable), move |_| reset());
    }
    let choose = {
        let on_change = props.on_change.clone();
        move || match select().and_then(|s| Locale::from_tag(&s.value())) {
            Some(locale) if locale != current => on_change.emit(locale),
            _ => {}
        }
    };
    let onchange = {
        let (choose, browsing) = (choose.clone(), browsing.clone());
        Callback::from(move |_: Event| {
            if !*browsing.borrow() {
                choose();
            }
        })
    };
    let onblur = {
        let (choose, browsing) = (choose.clone(), browsing.clone());
        Callback::from(move |_: FocusEvent| {
            *browsing.borrow_mut() = false;
            choose();
        })
    };
    // A reader opening the list is about to choose: the languages not loaded
    // yet start now, so the choice rarely waits for its file. Not on focus,
    // which a keyboard passing through gives too.
    let prefetch = {
        let base = ctx.base.clone();
        move || {
            for l in Locale::ALL.into_iter().filter(|l| !l.is_ready()) {
                // A failure is said when that language is chosen.
                load_then(l, base.clone(), Box::new(drop));
            }
        }
    };
    // (mousedown, which a tap gives too: Yew already handles mouse events.)
    let onmousedown = {
        let (prefetch, browsing) = (prefetch.clone(), browsing.clone());
        Callback::from(move |_: MouseEvent| {
            *browsing.borrow_mut() = false;
            prefetch()
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        prefetch();
        let key = e.key();
        let moves = matches!(
            key.as_str(),
            "ArrowUp"
                | "ArrowDown"
                | "ArrowLeft"
                | "ArrowRight"
                | "Home"
                | "End"
                | "PageUp"
                | "PageDown"
        ) || key.chars().count() == 1 && key != " ";
        let was_browsing = std::mem::replace(&mut *browsing.borrow_mut(), moves && !e.alt_key());
        match key.as_str() {
            // Chosen: Chromium would open the list as well.
            "Enter" => {
                e.prevent_default();
                choose()
            }
            // Escape puts back the language shown, so leaving changes nothing.
            "Escape" if was_browsing => reset(),
            _ => {}
        }
    });
    let options = Locale::ALL.into_iter().map(|l| {
        html! {
            <option value={l.tag()} lang={l.tag()} selected={l == props.current}>{ l.native_name() }</option>
        }
    });
    html! {
        <div class="fb-lang">
            <label for={id.clone()}>{ ctx.locale.text(Msg::LanguageLabel) }</label>
            <select id={id} ref={select_ref} class="fb-lang-select" {onchange} {onblur} {onmousedown} {onkeydown}>{ for options }</select>
            // The language asked for is still loading (a slow network): said,
            // from 0.3 s on (CSS), so a fast load shows no flash.
            if props.current != ctx.locale {
                <p class="fb-lang-notice fb-lang-loading" role="status">
                    { naming(ctx.locale.text(Msg::LanguageLoading), current) }
                </p>
            }
            if let Some(l) = props.unavailable {
                <p class="fb-lang-notice" role="status">
                    { naming(ctx.locale.text(Msg::LanguageUnavailable), l) }
                </p>
            }
        </div>
    }
}

/// A notice's text with its `{language}` as that language's own name, read
/// in that language ("Français").
fn naming(text: &str, language: Locale) -> Html {
    let parts = pieces(text, &["language"], &[])
        .into_iter()
        .map(|p| match p {
            Piece::Slot(_) => {
                html! { <span lang={language.tag()}>{ language.native_name() }</span> }
            }
            Piece::Text(t) => html! { { t } },
        });
    html! { { for parts } }
}
