//! The browser formatter: numbers, amounts, dates and language names from
//! `Intl` through js-sys, so the wasm ships no formatting tables. Same API as
//! the native `format::Fmt`; the rounding choices come from `format` too, so
//! both agree on what is shown and differ only in how each language writes it.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::format::{
    is_compact, parse_ymd, percent_decimals, COMPACT_DECIMALS, COMPACT_SIGNIFICANT,
};
use super::Locale;
use crate::model::Minor;

/// Formatting for one locale, by the reader's browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntlFmt {
    pub locale: Locale,
}

/// What an `Intl` object is made for; with the locale, the cache key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Kind {
    /// Percentages with at most this many decimals.
    Percent(u32),
    /// Full amounts in a currency with its minor-unit digits.
    Money(String, u32),
    /// The number of a compact amount, in words: "37.1 million", "3,710万".
    CompactNumber,
    /// A compact amount in a currency, read only for where the currency goes
    /// and how it is written ("USD ", " USD", "米ドル").
    CompactMoney(String),
    Date,
    LanguageNames,
}

thread_local! {
    // Creating an `Intl` object costs far more than using one, and every render
    // formats dozens of figures: one object per locale and kind, for the page's life.
    static CACHE: RefCell<HashMap<(Locale, Kind), Object>> = RefCell::new(HashMap::new());
}

thread_local! {
    // Formatting through `Intl` crosses into JavaScript several times per
    // figure, and every render formats the same few figures again: the
    // strings are kept, keyed by formatter and value. Bounded so a reader
    // exploring a large dataset cannot grow it without limit.
    static FORMATTED: RefCell<HashMap<(Locale, Kind, u64), String>> = RefCell::new(HashMap::new());
}

const FORMATTED_MAX: usize = 4096;

/// The cached string for `kind` and `value`, else `make()`'s, remembered.
fn memo(
    locale: Locale,
    kind: Kind,
    value: f64,
    make: impl FnOnce(&Kind) -> Option<String>,
) -> Option<String> {
    let key = (locale, kind, value.to_bits());
    let hit = FORMATTED.with(|m| m.try_borrow().ok().and_then(|m| m.get(&key).cloned()));
    if hit.is_some() {
        return hit;
    }
    let made = make(&key.1)?;
    FORMATTED.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() >= FORMATTED_MAX {
                m.clear();
            }
            m.insert(key, made.clone());
        }
    });
    Some(made)
}

/// How many formatted strings are remembered (for the browser tests).
#[doc(hidden)]
pub fn formatted_len() -> usize {
    FORMATTED.with(|m| m.try_borrow().map_or(0, |m| m.len()))
}

fn intl(locale: Locale, kind: Kind) -> Object {
    CACHE.with(|cache| match cache.try_borrow_mut() {
        Ok(mut cache) => cache
            .entry((locale, kind))
            .or_insert_with_key(|(l, k)| create(*l, k))
            .clone(),
        // Not reachable (nothing formats while the cache is borrowed), but
        // an uncached object beats a panic.
        Err(_) => create(locale, &kind),
    })
}

fn create(locale: Locale, kind: &Kind) -> Object {
    let locales = Array::of1(&JsValue::from_str(locale.intl_tag()));
    let number =
        |o: &Intl::NumberFormatOptions| -> Object { Intl::NumberFormat::new(&locales, o).into() };
    let currency_display = if locale.currency_in_words() {
        Intl::CurrencyDisplay::Name
    } else {
        Intl::CurrencyDisplay::Code
    };
    match kind {
        Kind::Percent(decimals) => {
            let o = Intl::NumberFormatOptions::new();
            o.set_style(Intl::NumberFormatStyle::Percent);
            o.set_minimum_fraction_digits(0);
            o.set_maximum_fraction_digits(*decimals as u8);
            number(&o)
        }
        Kind::Money(currency, digits) => {
            let o = Intl::NumberFormatOptions::new();
            o.set_style(Intl::NumberFormatStyle::Currency);
            o.set_currency(currency);
            o.set_currency_display(currency_display);
            o.set_minimum_fraction_digits(*digits as u8);
            o.set_maximum_fraction_digits(*digits as u8);
            // "USD 37,100,767" but "USD 14,840,306.80": cents only when there are any.
            o.set_trailing_zero_display(Intl::TrailingZeroDisplay::StripIfInteger);
            number(&o)
        }
        Kind::CompactNumber => {
            let o = Intl::NumberFormatOptions::new();
            o.set_notation(Intl::NumberFormatNotation::Compact);
            o.set_compact_display(Intl::CompactDisplay::Long);
            o.set_maximum_fraction_digits(COMPACT_DECIMALS as u8);
            o.set_maximum_significant_digits(COMPACT_SIGNIFICANT as u8);
            o.set_rounding_priority(Intl::RoundingPriority::LessPrecision);
            // Japanese compact figures run to four digits ("3,710万"), grouped as in print.
            o.set_use_grouping(Intl::UseGrouping::Always);
            number(&o)
        }
        Kind::CompactMoney(currency) => {
            let o = Intl::NumberFormatOptions::new();
            o.set_style(Intl::NumberFormatStyle::Currency);
            o.set_currency(currency);
            o.set_currency_display(currency_display);
            o.set_notation(Intl::NumberFormatNotation::Compact);
            number(&o)
        }
        Kind::Date => {
            let o = Intl::DateTimeFormatOptions::new();
            o.set_date_style(Intl::DateTimeStyle::Long);
            // Dates are calendar days, read as UTC so no reader's time zone moves them.
            o.set_time_zone("UTC");
            Intl::DateTimeFormat::new(&locales, &o).into()
        }
        Kind::LanguageNames => {
            let o = Intl::DisplayNamesOptions::new();
            o.set_type(Intl::DisplayNamesType::Language);
            Intl::DisplayNames::new(&locales, &o).into()
        }
    }
}

/// Calls `method` of an `Intl` object, catching what it throws (an invalid
/// date or tag) so that a bad value shows as itself instead of stopping the widget.
fn call(obj: &Object, method: &str, arg: &JsValue) -> Option<JsValue> {
    let f = Reflect::get(obj, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    f.call1(obj, arg).ok()
}

fn call_str(obj: &Object, method: &str, arg: &JsValue) -> Option<String> {
    call(obj, method, arg)?.as_string()
}

/// `formatToParts` as (type, value) pairs.
fn parts(obj: &Object, value: f64) -> Vec<(String, String)> {
    let Some(list) = call(obj, "formatToParts", &JsValue::from_f64(value)) else {
        return Vec::new();
    };
    let field = |part: &JsValue, name: &str| {
        Reflect::get(part, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    Array::from(&list)
        .iter()
        .map(|part| (field(&part, "type"), field(&part, "value")))
        .collect()
}

/// Part types that belong to the number itself, not to the currency around it.
fn is_number_part(kind: &str) -> bool {
    matches!(
        kind,
        "integer" | "group" | "decimal" | "fraction" | "compact" | "minusSign" | "plusSign"
    )
}

/// What comes before and after the number in `parts`: ("USD\u{a0}", ""),
/// ("", "\u{a0}USD"), ("", "米ドル").
pub fn around_number(parts: &[(String, String)]) -> (String, String) {
    let first = parts.iter().position(|(t, _)| is_number_part(t));
    let last = parts.iter().rposition(|(t, _)| is_number_part(t));
    match (first, last) {
        (Some(first), Some(last)) => {
            let join = |ps: &[(String, String)]| ps.iter().map(|(_, v)| v.as_str()).collect();
            (
                join(parts.get(..first).unwrap_or_default()),
                join(parts.get(last + 1..).unwrap_or_default()),
            )
        }
        _ => (String::new(), String::new()),
    }
}

impl IntlFmt {
    pub fn new(locale: Locale) -> Self {
        IntlFmt { locale }
    }

    fn number(&self, kind: Kind, value: f64) -> Option<String> {
        memo(self.locale, kind, value, |kind| {
            call_str(
                &intl(self.locale, kind.clone()),
                "format",
                &JsValue::from_f64(value),
            )
        })
    }

    /// A share in ppm: "40%", "40 %", "33,3 %".
    pub fn percent(&self, ppm: i64) -> String {
        let value = ppm as f64 / 1e6;
        self.number(Kind::Percent(percent_decimals(ppm)), value)
            .unwrap_or_else(|| format!("{}%", super::format::number(value * 100.0)))
    }

    /// Full amount: "USD 14,840,306.80", "14 840 306,80 USD", "14,840,306.80米ドル".
    pub fn money(&self, amount: Minor, digits: u32, currency: &str) -> String {
        let major = amount.to_major(digits);
        self.number(Kind::Money(currency.to_owned(), digits), major)
            .unwrap_or_else(|| format!("{currency} {}", super::format::number(major)))
    }

    /// Compact amount: "USD 37.1 million", "37,1 millions USD", "3,710万米ドル";
    /// below a million the full amount in whole units.
    pub fn money_short(&self, amount: Minor, digits: u32, currency: &str) -> String {
        let major = amount.to_major(digits);
        if !is_compact(major) {
            let whole = Minor(major.round() as i64 * 10i64.pow(digits));
            return self.money(whole, digits, currency);
        }
        // The number in words from one formatter, the currency placed as a
        // compact currency format places it: Intl has no long compact currency.
        let composed = memo(
            self.locale,
            Kind::CompactMoney(currency.to_owned()),
            major,
            |kind| {
                // No line break inside "37,1 millions", as `format` writes it.
                let number = self
                    .number(Kind::CompactNumber, major)
                    .unwrap_or_else(|| super::format::number(major))
                    .replace(' ', "\u{a0}");
                let layout = parts(&intl(self.locale, kind.clone()), major);
                let (before, after) = around_number(&layout);
                Some(if before.is_empty() && after.is_empty() {
                    format!("{currency} {number}")
                } else {
                    format!("{before}{number}{after}")
                })
            },
        );
        composed.unwrap_or_default()
    }

    /// "2021-03-12" → "12 March 2021", "12 mars 2021", "2021年3月12日";
    /// anything else is returned as it is.
    pub fn date(&self, ymd: &str) -> String {
        if parse_ymd(ymd).is_none() {
            return ymd.to_owned();
        }
        let date = js_sys::Date::new(&JsValue::from_str(&format!("{ymd}T00:00:00Z")));
        call_str(&intl(self.locale, Kind::Date), "format", &date).unwrap_or_else(|| ymd.to_owned())
    }

    pub fn year(&self, year: i32) -> String {
        year.to_string()
    }

    /// A language tag's name in the reader's language: "Japanese", "japonais", "日本語".
    pub fn language_name(&self, tag: &str) -> String {
        call_str(
            &intl(self.locale, Kind::LanguageNames),
            "of",
            &JsValue::from_str(tag),
        )
        .unwrap_or_else(|| tag.to_owned())
    }
}
