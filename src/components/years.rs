//! The Years view: the contribution among the same donor's other years. A
//! bar per operations year (the year the other views show is outlined and
//! labelled), gaps where no announcement was found, what the selected year's
//! source states, and a table of every year. The bars are one listbox with a
//! roving tabindex, as the donut: arrows move and select, Escape clears.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{country_list, data_text, source_link, source_link_told, use_ctx, Shared};
use crate::describe::years::{bar_length, max_total, slot_phrase, summary, BAR_FULL};
use crate::describe::Describer;
use crate::i18n::{pieces, Msg, Piece};
use crate::model::{derive, Series, Slot};
use crate::state::{list_key, ListKey};

/// The series as the Years view has it.
#[derive(Clone, PartialEq)]
pub enum YearsData {
    Loading,
    Ready(Shared<Series>),
    /// Why it could not be loaded, in the reader's language.
    Failed(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct YearsProps {
    pub series: YearsData,
    /// The year the other views show.
    pub current: i32,
    pub selected: Option<i32>,
    /// A year focused without being chosen (Tab into the list): shown in the
    /// detail, not selected nor in the URL, as on the donut (`UiState::preview`,
    /// which any other action ends). It lasts while focus stays in the list or
    /// the detail, so Tab on to "Open" opens it.
    #[prop_or_default]
    pub preview: Option<i32>,
    pub on_select: Callback<Option<i32>>,
    #[prop_or_default]
    pub on_preview: Callback<Option<AttrValue>>,
    pub on_open: Callback<i32>,
    pub on_retry: Callback<()>,
}

#[component]
pub fn YearsView(props: &YearsProps) -> Html {
    super::rendered("YearsView");
    let ctx = use_ctx();
    let list_ref = use_node_ref();
    // As in the chart: after Escape, Tab comes back to the year last chosen.
    let last_selected = use_mut_ref(|| None::<i32>);
    let l = ctx.locale;
    let series = match &props.series {
        YearsData::Ready(s) => s.clone(),
        YearsData::Loading => {
            return html! {
                <div class="fb-years-view fb-loading" role="status"><p>{ l.text(Msg::Loading) }</p></div>
            }
        }
        YearsData::Failed(message) => {
            return html! {
                <div class="fb-years-view">{ failure(message, &props.on_retry, l) }</div>
            };
        }
    };
    let slots = series.slots();
    let years: Vec<i32> = slots.iter().map(Slot::year).collect();
    let max = max_total(&series);
    let option_id = {
        let prefix = ctx.id("year");
        move |y: i32| format!("{prefix}-{y}")
    };
    let selected_index = props
        .selected
        .and_then(|y| years.iter().position(|x| *x == y));

    let onkeydown = {
        let on_select = props.on_select.clone();
        let years = years.clone();
        let list_ref = list_ref.clone();
        let option_id = option_id.clone();
        let current = props.selected;
        Callback::from(move |e: KeyboardEvent| {
            // The focused year, else the selected one.
            let focused = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.get_attribute("data-year"))
                .and_then(|y| y.parse::<i32>().ok());
            let at = focused
                .or(current)
                .and_then(|y| years.iter().position(|x| *x == y));
            let Some(action) = list_key(&e.key(), at, years.len()) else {
                return;
            };
            e.prevent_default();
            match action {
                ListKey::Choose => on_select.emit(at.and_then(|i| years.get(i)).copied()),
                ListKey::Clear => on_select.emit(None),
                ListKey::Move(next) => {
                    if let Some(y) = next.and_then(|i| years.get(i)).copied() {
                        on_select.emit(Some(y));
                        super::focus_in(&list_ref, &option_id(y));
                    }
                }
            }
        })
    };

    let roving = super::roving(&years, selected_index, &last_selected);
    let rows = slots.iter().enumerate().map(|(i, slot)| {
        let year = slot.year();
        let is_sel = selected_index == Some(i);
        let is_current = year == props.current;
        let (length, value) = match slot {
            Slot::Year(ds) => (
                Some(bar_length(derive::total(ds), max)),
                // Breakable between its words, as the headline's total: with
                // text enlarged on a phone it went "mi|llion".
                crate::i18n::format::figure_breakable(&Describer::new(ds, l).total_phrase()),
            ),
            Slot::Gap(_) => (None, l.text(Msg::YearGap).to_owned()),
        };
        let mut label = slot_phrase(slot, l);
        if is_current {
            label = l.fill(Msg::YearShownLabel, &[("label", &label)]);
        }
        let onclick = props.on_select.reform(move |_: MouseEvent| Some(year));
        // Focus previews, as on the donut; hover does not: the reader's way
        // from a bar to the "Open" button would cross other bars.
        let onfocus = props
            .on_preview
            .reform(move |_: FocusEvent| (!is_sel).then(|| year.to_string().into()));
        // A gap has no bar at all, not a zero-length one nor an empty track
        // (a box as long as the largest total reads as a figure): its row says why.
        let bar = length.map(|len| html! {
            <svg class="fb-bar" viewBox={format!("0 0 {BAR_FULL} 20")} preserveAspectRatio="none"
                aria-hidden="true" focusable="false">
                <rect class="fb-bar-fill" x="0" y="0" width={len.max(1).to_string()} height="20" />
            </svg>
        });
        html! {
            <div id={option_id(year)} data-year={year.to_string()} role="option"
                class={classes!("fb-bar-row", is_current.then_some("is-current"),
                    length.is_none().then_some("is-gap"), is_sel.then_some("is-selected"))}
                aria-selected={if is_sel { "true" } else { "false" }} aria-label={label}
                tabindex={if i == roving { "0" } else { "-1" }} {onclick} {onfocus}>
                <span class="fb-bar-year">{ ctx.describer().fmt.year(year) }</span>
                { bar }
                <span class="fb-bar-value">
                    { value }
                    if is_current {
                        <span class="fb-bar-current">{ l.text(Msg::YearShown) }</span>
                    }
                </span>
            </div>
        }
    });

    let help_id = ctx.id("years-help");
    // Focus leaving the list and the detail ends a preview.
    let onfocusout = {
        let on_preview = props.on_preview.clone();
        Callback::from(move |e: FocusEvent| {
            // The same list and detail, not another widget's on the page.
            let years = |t: Option<web_sys::EventTarget>| {
                t?.dyn_into::<web_sys::Element>()
                    .ok()?
                    .closest(".fb-years")
                    .ok()?
            };
            let from = years(e.target());
            if from.is_none() || from != years(e.related_target()) {
                on_preview.emit(None);
            }
        })
    };
    let shown = props.preview.or(props.selected);
    html! {
        <div class="fb-years-view">
            <p class="fb-years-summary">{ summary(&series, l) }</p>
            <div class="fb-breakdown fb-years" {onfocusout}>
                <div class="fb-years-chart">
                    <div class="fb-bars" role="listbox" ref={list_ref} aria-label={l.text(Msg::YearsChartLabel)}
                        aria-describedby={help_id.clone()} {onkeydown}>
                        { for rows }
                    </div>
                    <p class="fb-sr-only fb-keys" id={help_id}>{ l.text(Msg::YearsHelp) }</p>
                </div>
                <YearDetail series={series.clone()} year={shown} on_open={props.on_open.clone()} />
            </div>
            <YearsTable series={series.clone()} current={props.current} />
        </div>
    }
}

/// Why the series is not there, with a Retry button.
pub fn failure(message: &AttrValue, on_retry: &Callback<()>, l: crate::i18n::Locale) -> Html {
    html! {
        // The button is beside the alert, not in it: a screen reader read
        // "…error 503.Try again" as one sentence.
        <div class="fb-error">
            <p class="fb-error-message" role="alert">{ message.clone() }</p>
            <button type="button" class="fb-button" onclick={on_retry.reform(|_: MouseEvent| ())}>
                { l.text(Msg::Retry) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct YearDetailProps {
    series: Shared<Series>,
    /// The selected year, which may be a gap; None: nothing selected.
    year: Option<i32>,
    on_open: Callback<i32>,
}

/// What the selected year's source states, and the way into its breakdown.
#[component]
fn YearDetail(props: &YearDetailProps) -> Html {
    super::rendered("YearDetail");
    let ctx = use_ctx();
    let l = ctx.locale;
    let id = ctx.id("year-detail");
    let slot = props
        .year
        .and_then(|y| props.series.slots().into_iter().find(|s| s.year() == y));
    let ds = match slot {
        None => {
            return html! {
                <div class="fb-detail fb-year-detail is-empty" {id}><p>{ l.text(Msg::YearDetailEmpty) }</p></div>
            }
        }
        Some(Slot::Gap(gap)) => {
            return html! {
                <div class="fb-detail fb-year-detail" {id}>
                    <@{ctx.sub_heading()} class="fb-detail-name">{ gap.to_string() }</@>
                    <p>{ l.text(Msg::YearGap) }</p>
                </div>
            }
        }
        Some(Slot::Year(ds)) => ds,
    };
    let d = Describer::new(ds, l);
    let c = &ds.contribution;
    let year = c.operations_year;
    let parts = d.stated_parts();
    let facts = parts.iter().map(|p| {
        let countries = match p.kind {
            crate::model::MarkKind::Region(r) => country_list(&d, &r.countries, r.country_count),
            _ => html! {},
        };
        // The catalogue's "{name}: {figures}", so each language punctuates it.
        let line = pieces(l.text(Msg::Fact), &["name", "figures"], &[]);
        let line = line.into_iter().map(|piece| match piece {
            Piece::Slot("name") => {
                html! { <span class="fb-fact-name">{ data_text(d.name(p)) }</span> }
            }
            Piece::Slot(_) => {
                html! { <span class="fb-fact-figures">{ d.stated_figures(p) }</span> }
            }
            Piece::Text(text) => html! { { text } },
        });
        html! {
            <li>{ for line }{ countries }</li>
        }
    });
    let named = ds.named_regions.iter().map(|r| {
        html! {
            <li>
                <span class="fb-fact-name">{ data_text(d.data(&r.name)) }</span>
                if let Some(group) = d.part_of(r) {
                    { d.text(Msg::AsideOpen) }{ data_text(group) }{ d.text(Msg::AsideClose) }
                }
                { country_list(&d, &r.countries, r.country_count) }
            </li>
        }
    });
    let open = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            // Open shows the year's breakdown by region.
            super::hold_card(&e, crate::state::View::Region.as_str());
            on_open.emit(year)
        })
    };
    html! {
        <div class="fb-detail fb-year-detail" {id}>
            <@{ctx.sub_heading()} class="fb-detail-name">{ d.fmt.year(year) }</@>
            <dl class="fb-figures">
                <dt>{ l.text(Msg::TotalLabel) }</dt>
                <dd class="fb-year-total">{ d.total_phrase() }</dd>
                if let Some(count) = c.country_count {
                    <dt>{ l.text(Msg::DetailCountryCount) }</dt>
                    <dd>{ d.country_count(count) }</dd>
                }
            </dl>
            if let Some(note) = &c.total_note {
                <p class="fb-note">{ data_text(d.data(note)) }</p>
            }
            if parts.is_empty() {
                <p class="fb-note">{ l.text(Msg::NoFacts) }</p>
            } else {
                <ul class="fb-year-facts">{ for facts }</ul>
            }
            if !ds.named_regions.is_empty() {
                <p class="fb-who-label">{ l.text(Msg::NamedRegionsLabel) }</p>
                <ul class="fb-year-facts">{ for named }</ul>
            }
            if let Some(s) = ds.sources.first() {
                <p class="fb-year-source">{ source_link(s, s.title_for(l.tag()), l) }</p>
            }
            <button type="button" class="fb-button fb-year-open" onclick={open}>
                { l.fill(Msg::YearOpen, &[("year", &d.fmt.year(year))]) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct YearsTableProps {
    series: Shared<Series>,
    current: i32,
}

/// Every year in a real table: total and regional facts as stated, source.
#[component]
fn YearsTable(props: &YearsTableProps) -> Html {
    super::rendered("YearsTable");
    let ctx = use_ctx();
    let l = ctx.locale;
    let caption_id = ctx.id("caption-years");
    // Each year's total, not a sum of the column (Japanese tells them apart).
    let (l_total, l_facts, l_source) = (
        l.text(Msg::TotalLabel),
        l.text(Msg::TableFacts),
        l.text(Msg::TableSource),
    );
    let rows = props.series.slots().into_iter().map(|slot| {
        let year = slot.year();
        // A gap has no total and no source: a dash, and why. The dash is
        // drawn only (read out, it was "dash", twice); a screen reader hears
        // words instead of an empty cell.
        let dash = || {
            html! {
                <>
                    <span aria-hidden="true">{ "—" }</span>
                    <span class="fb-sr-only">{ l.text(Msg::YearGapCell) }</span>
                </>
            }
        };
        let (total, facts, source) = match slot {
            Slot::Gap(_) => (dash(), l.text(Msg::YearGap).to_owned(), dash()),
            Slot::Year(ds) => {
                let d = Describer::new(ds, l);
                let source = ds.sources.first().map(|s| {
                    // Several years cite the same publisher: a link
                    // list would read "IOM Japan" five times.
                    let told = l.fill(Msg::OpensInNewTabYear, &[("year", &d.fmt.year(year))]);
                    source_link_told(s, s.publisher_text(), l, &told)
                });
                let mut facts = d.facts_line();
                if let Some(count) = ds.contribution.country_count {
                    facts = format!(
                        "{}{}{facts}",
                        d.country_count(count),
                        l.text(Msg::ListSeparator)
                    );
                }
                (
                    html! { { d.total_cell() } },
                    facts,
                    html! { { for source } },
                )
            }
        };
        let class = classes!(
            (year == props.current).then_some("is-current"),
            matches!(slot, Slot::Gap(_)).then_some("is-gap")
        );
        html! {
            <tr role="row" {class} data-year={year.to_string()}
                aria-current={(year == props.current).then_some("true")}>
                <th role="rowheader" scope="row">{ year.to_string() }</th>
                <td role="cell" class="fb-num" data-label={l_total}>{ total }</td>
                <td role="cell" data-label={l_facts}>{ facts }</td>
                <td role="cell" data-label={l_source}>{ source }</td>
            </tr>
        }
    });
    html! {
        <div class="fb-table-scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
            <table class="fb-table fb-years-table" role="table">
                <caption id={caption_id}>{ l.text(Msg::YearsTableCaption) }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th role="columnheader" scope="col">{ l.text(Msg::TableYear) }</th>
                        <th role="columnheader" scope="col" class="fb-num">{ l_total }</th>
                        <th role="columnheader" scope="col">{ l_facts }</th>
                        <th role="columnheader" scope="col">{ l_source }</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">{ for rows }</tbody>
            </table>
        </div>
    }
}
