//! Number, money and date formatting. The rounding rules (how many decimals,
//! when to go compact) are pure functions shared with the browser formatter
//! (`intl.rs`), which leaves the rest to `Intl`. `Fmt` applies the same rules
//! with each language's conventions written out for the four catalogues: it
//! is the native implementation, for tests and for pre-rendering the pages
//! at build time, and a browser test holds it to `Intl`'s output.

use super::Locale;
use crate::model::share::PPM;
use crate::model::{Minor, Stated};

/// Formatting for one locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    pub locale: Locale,
}

/// Between a currency code and its number, so a line never ends between them.
pub const NBSP: char = '\u{a0}';

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Fmt {
    pub fn new(locale: Locale) -> Self {
        Fmt { locale }
    }

    /// A share in ppm as a percentage: whole numbers when whole, else one
    /// decimal (two below 1 %), e.g. "40%", "33.3%", "0.25%"; "33,3 %" in French.
    pub fn percent(&self, ppm: i64) -> String {
        // ppm / 10_000 is the percentage; work in hundredths of a percent.
        let hundredths = ((ppm + 50) / 100).unsigned_abs();
        let (whole, frac) = match percent_decimals(ppm) {
            0 => (hundredths / 100, String::new()),
            1 => {
                let tenths = ((ppm + 500) / 1000).unsigned_abs();
                let frac = tenths % 10;
                (
                    tenths / 10,
                    if frac == 0 {
                        String::new()
                    } else {
                        frac.to_string()
                    },
                )
            }
            // Below 1 %: "0.25", "0.5".
            _ => (
                0,
                format!("{:02}", hundredths % 100)
                    .trim_end_matches('0')
                    .to_owned(),
            ),
        };
        format!("{}{}%", self.join(whole, &frac), conv(self.locale).percent)
    }

    /// `whole` grouped and `frac` (digits, maybe none) after the decimal sign.
    fn join(&self, whole: u64, frac: &str) -> String {
        let c = conv(self.locale);
        let whole = grouped(whole, &c);
        if frac.is_empty() {
            whole
        } else {
            format!("{whole}{}{frac}", c.decimal)
        }
    }

    /// Full amount: "USD 37,100,767", or with cents "USD 14,840,306.80";
    /// "14 840 306,80 USD", "14.840.306,80 USD", "14,840,306.80米ドル". The
    /// spaces are no-break as `Intl` writes them: the pre-rendered pages
    /// must read exactly as the live widget.
    pub fn money(&self, amount: Minor, digits: u32, currency: &str) -> String {
        let scale = 10i64.pow(digits);
        let whole = (amount.0 / scale).unsigned_abs();
        let frac = (amount.0 % scale).unsigned_abs();
        let frac = if frac == 0 || digits == 0 {
            String::new()
        } else {
            format!("{frac:0width$}", width = digits as usize)
        };
        self.with_currency(&self.join(whole, &frac), currency)
    }

    /// `number` with the currency where this language puts it.
    fn with_currency(&self, number: &str, currency: &str) -> String {
        match (self.locale, ja_currency(currency)) {
            (Locale::Ja, Some(name)) => format!("{number}{name}"),
            (Locale::Fr | Locale::Es, _) => format!("{number}{NBSP}{currency}"),
            _ => format!("{currency}{NBSP}{number}"),
        }
    }

    /// Compact amount for headlines and legends: "USD 37.1 million",
    /// "37,1 millions USD", "3,710万米ドル", and "USD 850,000" below a
    /// million, in whole units (an approximate one is rounded further
    /// first: [`approximate_small`]); the exact figure is always available
    /// next to it.
    pub fn money_short(&self, amount: Minor, digits: u32, currency: &str) -> String {
        let major = amount.to_major(digits);
        if !is_compact(major) {
            let whole = Minor(major.round() as i64 * 10i64.pow(digits));
            return self.money(whole, digits, currency);
        }
        let ja = self.locale == Locale::Ja;
        let mut div = 10f64.powi(compact_unit(major, ja));
        let mut scaled = round_compact(major / div);
        // Rounding may carry into the next unit: 999.96 million is "1 billion",
        // not "1,000 million" (as `Intl` says it in the browser).
        let carried = 10f64.powi(compact_unit(scaled * div, ja));
        if carried > div {
            div = carried;
            scaled = round_compact(major / div);
        }
        let tenths = (scaled * 10.0).round() as u64;
        let frac = match tenths % 10 {
            0 => String::new(),
            f => f.to_string(),
        };
        let num = self.join(tenths / 10, &frac);
        // CLDR's plural forms: French "one" below 2, Spanish only for 1.
        let (one, other) = match (self.locale, div >= 1e9) {
            (Locale::En, false) => ("million", "million"),
            (Locale::En, true) => ("billion", "billion"),
            (Locale::Fr, false) => ("million", "millions"),
            (Locale::Fr, true) => ("milliard", "milliards"),
            (Locale::Es, false) => ("millón", "millones"),
            (Locale::Es, true) => ("mil millones", "mil millones"),
            (Locale::Ja, _) => ("", ""),
        };
        let word = match self.locale {
            Locale::Fr if scaled < 2.0 => one,
            Locale::Es if tenths == 10 => one,
            _ => other,
        };
        let number = if ja {
            let unit = match div {
                d if d >= 1e12 => "兆",
                d if d >= 1e8 => "億",
                _ => "万",
            };
            format!("{num}{unit}")
        } else {
            // No line break inside "37,1 millions" either.
            format!("{num}{NBSP}{word}").replace(' ', "\u{a0}")
        };
        self.with_currency(&number, currency)
    }

    /// "2021-03-12" → "12 March 2021", "12 mars 2021", "12 de marzo de
    /// 2021", "2021年3月12日"; anything else is returned as it is.
    pub fn date(&self, ymd: &str) -> String {
        let Some((y, m, d)) = parse_ymd(ymd) else {
            return ymd.to_owned();
        };
        let month =
            |names: [&'static str; 12]| names.get(m as usize - 1).copied().unwrap_or_default();
        match self.locale {
            Locale::En => format!("{d} {} {y}", month(MONTHS)),
            Locale::Fr => format!("{d} {} {y}", month(MONTHS_FR)),
            Locale::Es => format!("{d} de {} de {y}", month(MONTHS_ES)),
            Locale::Ja => format!("{y}年{m}月{d}日"),
        }
    }

    pub fn year(&self, year: i32) -> String {
        year.to_string()
    }

    /// A language tag's name in this language, for source lists; other tags as they are.
    pub fn language_name(&self, tag: &str) -> String {
        let names: [&str; 4] = match self.locale {
            Locale::En => ["English", "French", "Spanish", "Japanese"],
            Locale::Fr => ["anglais", "français", "espagnol", "japonais"],
            Locale::Es => ["inglés", "francés", "español", "japonés"],
            Locale::Ja => ["英語", "フランス語", "スペイン語", "日本語"],
        };
        match ["en", "fr", "es", "ja"].iter().position(|t| *t == tag) {
            Some(i) => names.get(i).copied().unwrap_or(tag).to_owned(),
            None => tag.to_owned(),
        }
    }
}

/// How a language writes numbers, as `Intl` does in Chromium
/// (tests/i18n_browser.rs holds `Fmt` to `IntlFmt`).
struct Conv {
    group: char,
    decimal: char,
    /// Digits a number needs before it is grouped: 4 ("1,234"), or 5 in
    /// Spanish ("1234", "12.345").
    group_from: usize,
    /// Between a percentage and its sign.
    percent: &'static str,
}

fn conv(locale: Locale) -> Conv {
    match locale {
        Locale::En | Locale::Ja => Conv {
            group: ',',
            decimal: '.',
            group_from: 4,
            percent: "",
        },
        Locale::Fr => Conv {
            group: '\u{202f}',
            decimal: ',',
            group_from: 4,
            percent: "\u{a0}",
        },
        Locale::Es => Conv {
            group: '.',
            decimal: ',',
            group_from: 5,
            percent: "\u{a0}",
        },
    }
}

fn grouped(n: u64, c: &Conv) -> String {
    let digits = n.to_string();
    if digits.len() < c.group_from {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(c.group);
        }
        out.push(ch);
    }
    out
}

/// The Japanese name of a currency, which Japanese amounts are written with.
fn ja_currency(code: &str) -> Option<&'static str> {
    match code {
        "USD" => Some("米ドル"),
        "JPY" => Some("円"),
        "EUR" => Some("ユーロ"),
        _ => None,
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Decimals shown for a share in ppm: none when it is a whole percentage,
/// two below 1 % (so small shares do not read as 0), else one.
pub fn percent_decimals(ppm: i64) -> u32 {
    let hundredths = (ppm + 50) / 100;
    if hundredths % 100 == 0 {
        0
    } else if hundredths < 100 {
        2
    } else {
        1
    }
}

/// Amounts from a million up are shown compact ("37.1 million"); smaller
/// ones in full, rounded to whole units.
pub fn is_compact(major: f64) -> bool {
    major >= 1e6
}

/// An approximate amount below a million rounded `toward` (Nearest: half
/// away from zero) to three significant digits, as the compact form keeps
/// of larger ones: "about EUR 765,000", never "about EUR 765,432", which a
/// rounded percentage cannot give. Only for amounts said with "about": an
/// exact 765,432 written 765,000 would read as exact. From a million up,
/// and at three digits or fewer, it is unchanged.
pub fn approximate_small(amount: Minor, digits: u32, toward: Toward) -> Minor {
    let major = amount.to_major(digits);
    if amount.0 <= 0 || !major.is_finite() || is_compact(major) {
        return amount;
    }
    let exp = (integer_digits(major) - COMPACT_SIGNIFICANT as i32).max(0);
    let Some(step) = u32::try_from(exp)
        .ok()
        .and_then(|e| 10i64.checked_pow(e + digits))
    else {
        return amount;
    };
    Minor(toward.round(amount.0, step))
}

/// `text`, a figure shown on its own (the headline's total, a legend
/// entry's or the detail's amount), with its no-break spaces breakable.
/// Where its box is narrower than the whole figure (text at 200 % on a
/// phone), the line then breaks between its words ("37,1 millions" /
/// "USD") rather than inside one ("US|D", "millio|n"): the browser breaks
/// only where it must, at the last space that fits. Group separators
/// (U+202F) stay. Sentences keep their no-break spaces.
pub fn figure_breakable(text: &str) -> String {
    text.replace(NBSP, " ")
}

/// The power of ten a compact amount is counted in: millions and billions,
/// or in Japanese 万, 億 and 兆.
pub fn compact_unit(major: f64, ja: bool) -> i32 {
    match () {
        _ if ja && major >= 1e12 => 12,
        _ if ja && major >= 1e8 => 8,
        _ if ja => 4,
        _ if major >= 1e9 => 9,
        _ => 6,
    }
}

/// Which way a figure may move when it is shown rounded. A bound must not
/// claim more than the source does: "more than 15.25 million" may read "more
/// than 15.2 million", never "15.3"; "at most 29.69 %" reads "at most 29.7 %".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toward {
    Nearest,
    Down,
    Up,
}

impl Toward {
    pub fn of(stated: Stated) -> Self {
        if stated.is_lower_bound() {
            Toward::Down
        } else if stated.is_upper_bound() {
            Toward::Up
        } else {
            Toward::Nearest
        }
    }

    /// `v` (not negative) to a multiple of `step` this way; Nearest leaves it
    /// to the formatter.
    fn to_step(self, v: i64, step: i64) -> i64 {
        match self {
            Toward::Nearest => v,
            Toward::Down => v - v.rem_euclid(step),
            Toward::Up if v.rem_euclid(step) == 0 => v,
            Toward::Up => v.saturating_add(step - v.rem_euclid(step)),
        }
    }

    /// `v` (not negative) to a multiple of `step` this way, Nearest half
    /// away from zero, as the formatter rounds.
    fn round(self, v: i64, step: i64) -> i64 {
        if self != Toward::Nearest {
            return self.to_step(v, step);
        }
        let down = v - v.rem_euclid(step);
        if (v - down) * 2 >= step {
            down.saturating_add(step)
        } else {
            down
        }
    }
}

/// A share in ppm rounded `toward` to what [`Fmt::percent`] shows (tenths of
/// a percent, hundredths below 1 %), so the formatter's own rounding keeps it.
pub fn directed_ppm(ppm: i64, toward: Toward) -> i64 {
    if ppm <= 0 {
        return ppm;
    }
    toward.to_step(ppm, if ppm >= 10_000 { 1_000 } else { 100 })
}

/// A share in ppm rounded `toward` (Nearest: half up) to two significant
/// digits: 20.3 % is 20 %, 29.69 % at most 30 %, 5.47 % 5.5 %, and 0.0914 %
/// stays 0.09 % (never "about 0%").
pub fn two_significant_percent(ppm: i64, toward: Toward) -> i64 {
    if ppm <= 0 {
        return ppm;
    }
    let mut step = 1i64;
    while ppm / step >= 100 {
        step *= 10;
    }
    toward.round(ppm, step)
}

/// A bound rounded `toward` to what `money_short` shows in English, French
/// and Spanish: whole units below a million, else the digits
/// [`round_compact`] keeps of its unit. Nearest is left to the formatter.
pub fn directed_short(amount: Minor, digits: u32, toward: Toward) -> Minor {
    if toward == Toward::Nearest {
        return amount;
    }
    western_short(amount, digits, toward)
}

/// An amount rounded `toward` (Nearest too) to the digits the short form
/// shows in English, French and Spanish: a tenth of a million for 7.42
/// million. Japanese counts in 万, so its three significant digits would be
/// finer ("742万"); rounded here first, it reads "740万", no more precise
/// than the other languages.
pub fn western_short(amount: Minor, digits: u32, toward: Toward) -> Minor {
    let major = amount.to_major(digits);
    if amount.0 <= 0 || !major.is_finite() {
        return amount;
    }
    let exp = if is_compact(major) {
        let unit = compact_unit(major, false);
        let scaled = major / 10f64.powi(unit);
        unit - compact_decimals(scaled)
    } else {
        0
    };
    let step = u32::try_from(exp + digits as i32)
        .ok()
        .and_then(|e| 10i64.checked_pow(e));
    step.map_or(amount, |step| Minor(toward.round(amount.0, step)))
}

/// Significant digits kept in a compact figure, with at most
/// `COMPACT_DECIMALS` decimals; the coarser of the two wins, so 37.10 million
/// shows as "37.1", 123.4 million as "123", 3,710.08万 as "3,710".
pub const COMPACT_SIGNIFICANT: u32 = 3;
pub const COMPACT_DECIMALS: u32 = 1;

/// The decimals those rules keep of a compact figure (already divided by
/// its unit): negative where they round to tens or more ("3,710万").
fn compact_decimals(scaled: f64) -> i32 {
    (COMPACT_SIGNIFICANT as i32 - integer_digits(scaled)).min(COMPACT_DECIMALS as i32)
}

/// A compact figure (already divided by its unit) rounded by those rules,
/// as `Intl` does with `roundingPriority: "lessPrecision"`.
pub fn round_compact(scaled: f64) -> f64 {
    if !scaled.is_finite() || scaled <= 0.0 {
        return scaled;
    }
    let decimals = compact_decimals(scaled);
    // Multiply or divide by a whole power of ten, which is exact in f64.
    let p = 10f64.powi(decimals.abs());
    if decimals >= 0 {
        (scaled * p).round() / p
    } else {
        (scaled / p).round() * p
    }
}

/// Digits before the decimal point of a positive finite number (≤ 0 below
/// 1: 0.05 → -1), as `floor(log10(x)) + 1` without pulling libm's log10 into
/// the wasm.
fn integer_digits(mut x: f64) -> i32 {
    let mut digits = 1;
    while x >= 10.0 {
        x /= 10.0;
        digits += 1;
    }
    while x < 1.0 && x > 0.0 {
        x *= 10.0;
        digits -= 1;
    }
    digits
}

/// `v` with at most `decimals` decimals, trailing zeros dropped ("12.5",
/// "100"), for SVG coordinates and messages. Integer arithmetic only:
/// `{:.N}` would bring core's exact float formatter (~5 KB) into the wasm.
pub fn decimal(v: f64, decimals: u32) -> String {
    let p = 10u64.pow(decimals.min(9));
    let scaled = (v * p as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e18 {
        return "0".to_owned();
    }
    let scaled = scaled as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let whole = scaled.unsigned_abs() / p;
    let frac = scaled.unsigned_abs() % p;
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let mut digits = frac.to_string();
    while digits.len() < decimals as usize {
        digits.insert(0, '0');
    }
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// `v` as the shortest text that reads back as `v`, for messages that quote a
/// figure from a file ("1.4 is more than 100%"). In the browser that is
/// JavaScript's `String(v)`, so core's float printing (`{}` of an `f64`,
/// ~11 KB) stays out of the wasm; natively Rust's `{}`. The two differ only
/// in notation past 1e21 and below 1e-6 (`1e+21` in the browser).
pub fn number(v: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Number::from(v)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        v.to_string()
    }
}

/// "2021-03-12" → (2021, 3, 12) when it is a calendar-shaped date.
pub fn parse_ymd(ymd: &str) -> Option<(i32, u32, u32)> {
    if ymd.len() != 10 || ymd.get(4..5) != Some("-") || ymd.get(7..8) != Some("-") {
        return None;
    }
    let y = ymd.get(0..4)?.parse::<i32>().ok()?;
    let m = ymd.get(5..7)?.parse::<u32>().ok()?;
    let d = ymd.get(8..10)?.parse::<u32>().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn trim_zeros(s: &str) -> String {
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A share in ppm as a plain decimal fraction for data exports ("0.4").
pub fn fraction(ppm: i64) -> String {
    let whole = ppm / PPM;
    let frac = (ppm % PPM).unsigned_abs();
    if frac == 0 {
        whole.to_string()
    } else {
        trim_zeros(&format!("{whole}.{frac:06}"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_figure_on_its_own_may_break_between_its_words() {
        assert_eq!(
            figure_breakable("more than USD\u{a0}14.8\u{a0}million"),
            "more than USD 14.8 million"
        );
        assert_eq!(
            figure_breakable("37,1\u{a0}millions\u{a0}USD"),
            "37,1 millions USD"
        );
        assert_eq!(
            figure_breakable("14\u{202f}840\u{202f}306,80\u{a0}USD"),
            "14\u{202f}840\u{202f}306,80 USD"
        );
        assert_eq!(figure_breakable("約3,710万米ドル"), "約3,710万米ドル");
    }

    #[test]
    fn bounds_are_rounded_away_from_what_they_do_not_claim() {
        use Toward::{Down, Nearest, Up};
        // Shares: tenths of a percent, hundredths below 1 %.
        assert_eq!(directed_ppm(296_875, Up), 297_000);
        assert_eq!(directed_ppm(296_875, Down), 296_000);
        assert_eq!(directed_ppm(296_875, Nearest), 296_875);
        assert_eq!(directed_ppm(400_000, Down), 400_000);
        assert_eq!(directed_ppm(400_000, Up), 400_000);
        assert_eq!(directed_ppm(2_501, Up), 2_600);
        assert_eq!(directed_ppm(0, Up), 0);
        let f = Fmt::new(Locale::En);
        assert_eq!(f.percent(directed_ppm(296_875, Up)), "29.7%");
        assert_eq!(f.percent(directed_ppm(296_875, Down)), "29.6%");
        // Amounts: to what money_short keeps, in its unit.
        let short = |minor: i64, toward| directed_short(Minor(minor), 2, toward).0;
        assert_eq!(short(1_525_000_000, Down), 1_520_000_000);
        assert_eq!(short(1_525_000_000, Up), 1_530_000_000);
        assert_eq!(short(1_525_000_000, Nearest), 1_525_000_000);
        assert_eq!(short(1_520_000_000, Up), 1_520_000_000);
        assert_eq!(short(185_503_835, Up), 190_000_000);
        // 123.4 million keeps no decimal; 999.95 million up is a billion.
        assert_eq!(short(12_345_000_000, Down), 12_300_000_000);
        assert_eq!(short(99_995_000_000, Up), 100_000_000_000);
        // Below a million, whole units.
        assert_eq!(short(85_000_050, Down), 85_000_000);
        assert_eq!(short(85_000_050, Up), 85_000_100);
        // An approximate one, three significant digits, the honest way.
        let approx = |minor: i64, toward| approximate_small(Minor(minor), 2, toward).0;
        assert_eq!(approx(76_543_202, Up), 76_600_000);
        assert_eq!(approx(76_543_202, Down), 76_500_000);
        assert_eq!(approx(76_543_202, Nearest), 76_500_000);
        assert_eq!(approx(41_160_500, Nearest), 41_200_000);
        assert_eq!(approx(91_500, Up), 91_500);
        assert_eq!(approx(99_960_000, Up), 100_000_000);
        assert_eq!(
            approx(1_525_000_000, Up),
            1_525_000_000,
            "compact: left to its own rounding"
        );
        assert_eq!(
            approximate_small(Minor(765_432), 0, Nearest),
            Minor(765_000)
        );
        assert_eq!(
            f.money_short(Minor(short(1_525_000_000, Down)), 2, "USD"),
            "USD\u{a0}15.2\u{a0}million"
        );
        // Japanese shows the same digits, in 万.
        assert_eq!(
            Fmt::new(Locale::Ja).money_short(Minor(short(1_525_000_000, Up)), 2, "USD"),
            "1,530万米ドル"
        );
    }

    #[test]
    fn each_language_writes_figures_as_intl_does_in_chromium() {
        // Read off Chromium 156's Intl (tests/i18n_browser.rs compares the
        // two over more values); no-break spaces as `Intl` places them.
        use super::{Fmt, Locale, Minor};
        let want = [
            (
                Locale::Fr,
                "40\u{a0}%",
                "33,3\u{a0}%",
                "14\u{202f}840\u{202f}306,80\u{a0}USD",
                "37,1\u{a0}millions\u{a0}USD",
                "1,9\u{a0}million\u{a0}USD",
                "12 mars 2021",
                "japonais",
            ),
            (
                Locale::Es,
                "40\u{a0}%",
                "33,3\u{a0}%",
                "14.840.306,80\u{a0}USD",
                "37,1\u{a0}millones\u{a0}USD",
                "1,9\u{a0}millones\u{a0}USD",
                "12 de marzo de 2021",
                "japonés",
            ),
            (
                Locale::Ja,
                "40%",
                "33.3%",
                "14,840,306.80米ドル",
                "3,710万米ドル",
                "186万米ドル",
                "2021年3月12日",
                "日本語",
            ),
        ];
        for (locale, pct, third, money, total, small, date, ja) in want {
            let f = Fmt::new(locale);
            assert_eq!(f.percent(400_000), pct);
            assert_eq!(f.percent(333_333), third);
            assert_eq!(f.money(Minor(1_484_030_680), 2, "USD"), money);
            assert_eq!(f.money_short(Minor(3_710_076_700), 2, "USD"), total);
            assert_eq!(f.money_short(Minor(185_503_835), 2, "USD"), small);
            assert_eq!(f.date("2021-03-12"), date);
            assert_eq!(f.language_name("ja"), ja);
        }
        // Spanish groups from five digits; one million, and billions.
        assert_eq!(
            Fmt::new(Locale::Es).money(Minor(123_400), 2, "USD"),
            "1234\u{a0}USD"
        );
        for (locale, minor, want) in [
            (Locale::Es, 100_000_000, "1\u{a0}millón\u{a0}USD"),
            (Locale::Fr, 250_000_000_000, "2,5\u{a0}milliards\u{a0}USD"),
            (Locale::Ja, 250_000_000_000, "25億米ドル"),
            // Rounding carries into the next unit.
            (Locale::En, 99_996_000_000, "USD\u{a0}1\u{a0}billion"),
            (Locale::Fr, 99_996_000_000, "1\u{a0}milliard\u{a0}USD"),
            (
                Locale::Es,
                99_996_000_000,
                "1\u{a0}mil\u{a0}millones\u{a0}USD",
            ),
            (Locale::Ja, 9_999_600_000, "1億米ドル"),
            (Locale::Ja, 99_996_000_000, "10億米ドル"),
        ] {
            assert_eq!(Fmt::new(locale).money_short(Minor(minor), 2, "USD"), want);
        }
    }

    #[test]
    fn decimal_matches_std_rounding_without_trailing_zeros() {
        use super::decimal;
        assert_eq!(decimal(100.0, 2), "100");
        assert_eq!(decimal(4.0, 2), "4");
        assert_eq!(decimal(12.345_678, 2), "12.35");
        assert_eq!(decimal(12.5, 1), "12.5");
        assert_eq!(decimal(0.05, 2), "0.05");
        assert_eq!(decimal(3.1, 2), "3.1");
        assert_eq!(decimal(-2.504, 2), "-2.5");
        assert_eq!(decimal(-0.001, 2), "0");
        assert_eq!(decimal(f64::NAN, 2), "0");
        assert_eq!(decimal(7.0, 0), "7");
        // Within one unit of the last digit of `{:.N}` (which rounds the exact
        // binary value; `decimal` rounds the scaled product), over many values.
        for i in 0..20_000 {
            let v = (i as f64) * 0.0137 - 50.0;
            let ours: f64 = decimal(v, 2).parse().unwrap();
            let std: f64 = format!("{v:.2}").parse().unwrap();
            assert!((ours - std).abs() < 0.010_000_1, "{v}: {ours} vs {std}");
            assert!(!decimal(v, 2).ends_with('0') || !decimal(v, 2).contains('.'));
        }
    }

    use super::*;

    const EN: Fmt = Fmt { locale: Locale::En };

    #[test]
    fn percentages() {
        assert_eq!(EN.percent(400_000), "40%");
        assert_eq!(EN.percent(50_000), "5%");
        assert_eq!(EN.percent(333_333), "33.3%");
        assert_eq!(EN.percent(2_500), "0.25%");
        assert_eq!(EN.percent(1_000_000), "100%");
        assert_eq!(EN.percent(0), "0%");
    }

    #[test]
    fn money_full_shows_cents_only_when_there_are_any() {
        assert_eq!(
            EN.money(Minor(3_710_076_700), 2, "USD"),
            "USD\u{a0}37,100,767"
        );
        assert_eq!(
            EN.money(Minor(1_484_030_680), 2, "USD"),
            "USD\u{a0}14,840,306.80"
        );
        assert_eq!(
            EN.money(Minor(185_503_835), 2, "USD"),
            "USD\u{a0}1,855,038.35"
        );
        assert_eq!(EN.money(Minor(5), 2, "USD"), "USD\u{a0}0.05");
        assert_eq!(EN.money(Minor(1_000), 0, "JPY"), "JPY\u{a0}1,000");
    }

    #[test]
    fn derived_shares_keep_two_significant_digits() {
        use Toward::{Down, Nearest, Up};
        assert_eq!(two_significant_percent(203_125, Nearest), 200_000);
        assert_eq!(two_significant_percent(296_875, Up), 300_000);
        assert_eq!(two_significant_percent(296_875, Down), 290_000);
        assert_eq!(two_significant_percent(54_700, Nearest), 55_000);
        assert_eq!(two_significant_percent(914, Nearest), 910);
        assert_eq!(two_significant_percent(1_000_000, Nearest), 1_000_000);
        assert_eq!(two_significant_percent(0, Up), 0);
        assert_eq!(EN.percent(two_significant_percent(914, Nearest)), "0.09%");
    }

    #[test]
    fn money_short_rounds_to_one_decimal() {
        assert_eq!(
            EN.money_short(Minor(3_710_076_700), 2, "USD"),
            "USD\u{a0}37.1\u{a0}million"
        );
        assert_eq!(
            EN.money_short(Minor(1_484_030_680), 2, "USD"),
            "USD\u{a0}14.8\u{a0}million"
        );
        assert_eq!(
            EN.money_short(Minor(185_503_835), 2, "USD"),
            "USD\u{a0}1.9\u{a0}million"
        );
        assert_eq!(
            EN.money_short(Minor(200_000_000), 2, "USD"),
            "USD\u{a0}2\u{a0}million"
        );
        assert_eq!(
            EN.money_short(Minor(85_000_000), 2, "USD"),
            "USD\u{a0}850,000"
        );
        // An exact amount below a million keeps its whole units.
        assert_eq!(
            EN.money_short(Minor(76_543_202), 2, "EUR"),
            "EUR\u{a0}765,432"
        );
        assert_eq!(
            EN.money_short(Minor(125_000_000_000), 2, "USD"),
            "USD\u{a0}1.3\u{a0}billion"
        );
    }

    #[test]
    fn compact_rounding_keeps_three_significant_digits_and_one_decimal() {
        assert_eq!(round_compact(0.0512), 0.1);
        assert_eq!(round_compact(1000.0), 1000.0);
        assert_eq!(round_compact(37.100767), 37.1);
        assert_eq!(round_compact(1.855), 1.9);
        assert_eq!(round_compact(123.456), 123.0);
        assert_eq!(round_compact(3710.0767), 3710.0);
        assert_eq!(round_compact(1484.03), 1480.0);
        assert_eq!(round_compact(2.0), 2.0);
        assert_eq!(
            EN.money_short(Minor(12_345_600_000), 2, "USD"),
            "USD\u{a0}123\u{a0}million"
        );
        assert!(!is_compact(999_999.0) && is_compact(1e6));
    }

    #[test]
    fn percent_decimals_follow_the_size_of_the_share() {
        assert_eq!(percent_decimals(400_000), 0);
        assert_eq!(percent_decimals(333_333), 1);
        assert_eq!(percent_decimals(2_500), 2);
        assert_eq!(percent_decimals(0), 0);
    }

    #[test]
    fn language_names() {
        assert_eq!(EN.language_name("ja"), "Japanese");
        assert_eq!(EN.language_name("pt-BR"), "pt-BR");
    }

    #[test]
    fn dates() {
        assert_eq!(EN.date("2021-03-12"), "12 March 2021");
        assert_eq!(EN.date("2021-13-12"), "2021-13-12");
        assert_eq!(EN.date("soon"), "soon");
        assert_eq!(parse_ymd("2021-03-12"), Some((2021, 3, 12)));
        assert_eq!(parse_ymd("2021-3-12"), None);
        assert_eq!(parse_ymd("2021-03-32"), None);
    }

    #[test]
    fn fractions() {
        assert_eq!(fraction(400_000), "0.4");
        assert_eq!(fraction(1_000_000), "1");
        assert_eq!(fraction(333_333), "0.333333");
    }
}
