//! Yew function components: thin views over the pure modules. Each file is
//! one piece of the card; `app` owns state and passes callbacks down.

pub mod app;
pub mod chart;
pub mod detail;
pub mod embed_app;
pub mod error;
pub mod export;
pub mod footer;
pub mod headline;
pub mod language;
pub mod legend;
pub mod sources;
pub mod table;
pub mod tabs;
pub mod themes;

use std::rc::Rc;

use yew::prelude::*;

use crate::describe::{DataText, Describer};
use crate::i18n::Locale;
use crate::model::Dataset;

/// What every component needs to render: the data, the language and the id
/// prefix that keeps DOM ids unique when several widgets share a page.
#[derive(Clone)]
pub struct Ctx {
    pub data: Rc<Dataset>,
    pub locale: Locale,
    pub ids: AttrValue,
    /// Level of the widget's title: "h1" when the widget is the page, else "h2".
    pub heading: &'static str,
    /// Directory the widget's files are served from (for embed snippets).
    pub base: AttrValue,
    /// Dataset URL when the data came from a `src` attribute.
    pub src: Option<AttrValue>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && self.locale == other.locale
            && self.ids == other.ids
            && self.heading == other.heading
            && self.base == other.base
            && self.src == other.src
    }
}

impl Ctx {
    pub fn describer(&self) -> Describer<'_> {
        Describer::new(&self.data, self.locale)
    }

    /// Level of headings inside the card, one below the title.
    pub fn sub_heading(&self) -> &'static str {
        if self.heading == "h1" {
            "h2"
        } else {
            "h3"
        }
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.ids)
    }
}

#[hook]
pub fn use_ctx() -> Ctx {
    // The app always provides the context; a missing one is a programming error
    // caught by the component tests, rendered as an empty default rather than a panic.
    use_context::<Ctx>().unwrap_or_else(|| Ctx {
        data: Rc::new(empty_dataset()),
        locale: Locale::En,
        ids: "fb0".into(),
        heading: "h2",
        base: AttrValue::default(),
        src: None,
    })
}

fn empty_dataset() -> Dataset {
    use crate::model::{Contribution, Status, Text};
    Dataset {
        schema: None,
        id: "empty".into(),
        contribution: Contribution {
            donor: Text::default(),
            recipient: Text::default(),
            recipient_short: None,
            operations_year: 0,
            currency: "USD".into(),
            total: 0.0,
            announced: String::new(),
            status: Status::Allocated,
        },
        regions: Vec::new(),
        themes: Vec::new(),
        beneficiaries: Vec::new(),
        sources: Vec::new(),
    }
}

/// Dataset text, marked with its language when it fell back from the reader's.
pub fn data_text(t: DataText) -> Html {
    match t.lang {
        Some(lang) => html! { <span lang={lang}>{ t.text }</span> },
        None => html! { { t.text } },
    }
}
