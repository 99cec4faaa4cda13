//! Number, money and date formatting. The rules here are pure and tested
//! natively; they follow what the browser's `Intl` gives for English.

use super::Locale;
use crate::model::share::PPM;
use crate::model::Minor;

/// Formatting for one locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    pub locale: Locale,
}

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
    /// decimal (two below 1 %), e.g. "40%", "33.3%", "0.25%".
    pub fn percent(&self, ppm: i64) -> String {
        // ppm / 10_000 is the percentage; work in hundredths of a percent.
        let hundredths = (ppm + 50) / 100;
        let decimals = if hundredths % 100 == 0 {
            0
        } else if hundredths < 100 {
            2
        } else {
            1
        };
        let body = match decimals {
            0 => group(hundredths.unsigned_abs() / 100),
            1 => {
                let tenths = (ppm + 500) / 1000;
                if tenths % 10 == 0 {
                    group(tenths.unsigned_abs() / 10)
                } else {
                    format!(
                        "{}.{}",
                        group(tenths.unsigned_abs() / 10),
                        tenths.unsigned_abs() % 10
                    )
                }
            }
            _ => trim_zeros(&format!("0.{:02}", hundredths.unsigned_abs() % 100)),
        };
        format!("{body}%")
    }

    /// Full amount: "USD 37,100,767", or with cents "USD 14,840,306.80".
    pub fn money(&self, amount: Minor, digits: u32, currency: &str) -> String {
        let scale = 10i64.pow(digits);
        let whole = group((amount.0 / scale).unsigned_abs());
        let frac = (amount.0 % scale).unsigned_abs();
        if frac == 0 || digits == 0 {
            format!("{currency} {whole}")
        } else {
            format!("{currency} {whole}.{frac:0width$}", width = digits as usize)
        }
    }

    /// Compact amount for headlines and legends: "USD 37.1 million",
    /// "USD 850,000"; the exact figure is always available next to it.
    pub fn money_short(&self, amount: Minor, digits: u32, currency: &str) -> String {
        let major = amount.to_major(digits);
        let (div, word) = if major >= 1e9 {
            (1e9, "billion")
        } else if major >= 1e6 {
            (1e6, "million")
        } else {
            return format!("{currency} {}", group(major.round() as u64));
        };
        let tenths = (major / div * 10.0).round() as u64;
        let num = if tenths % 10 == 0 {
            group(tenths / 10)
        } else {
            format!("{}.{}", group(tenths / 10), tenths % 10)
        };
        format!("{currency} {num} {word}")
    }

    /// "2021-03-12" → "12 March 2021"; anything else is returned as it is.
    pub fn date(&self, ymd: &str) -> String {
        let month = ymd.get(5..7).and_then(|m| m.parse::<usize>().ok());
        let day = ymd.get(8..10).and_then(|d| d.parse::<u32>().ok());
        match (
            ymd.get(0..4),
            month.and_then(|m| MONTHS.get(m.wrapping_sub(1))),
            day,
        ) {
            (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
            _ => ymd.to_owned(),
        }
    }

    pub fn year(&self, year: i32) -> String {
        year.to_string()
    }
}

/// Thousands separators: 37100767 → "37,100,767".
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
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
        assert_eq!(EN.money(Minor(3_710_076_700), 2, "USD"), "USD 37,100,767");
        assert_eq!(
            EN.money(Minor(1_484_030_680), 2, "USD"),
            "USD 14,840,306.80"
        );
        assert_eq!(EN.money(Minor(185_503_835), 2, "USD"), "USD 1,855,038.35");
        assert_eq!(EN.money(Minor(5), 2, "USD"), "USD 0.05");
        assert_eq!(EN.money(Minor(1_000), 0, "JPY"), "JPY 1,000");
    }

    #[test]
    fn money_short_rounds_to_one_decimal() {
        assert_eq!(
            EN.money_short(Minor(3_710_076_700), 2, "USD"),
            "USD 37.1 million"
        );
        assert_eq!(
            EN.money_short(Minor(1_484_030_680), 2, "USD"),
            "USD 14.8 million"
        );
        assert_eq!(
            EN.money_short(Minor(185_503_835), 2, "USD"),
            "USD 1.9 million"
        );
        assert_eq!(
            EN.money_short(Minor(200_000_000), 2, "USD"),
            "USD 2 million"
        );
        assert_eq!(EN.money_short(Minor(85_000_000), 2, "USD"), "USD 850,000");
        assert_eq!(
            EN.money_short(Minor(125_000_000_000), 2, "USD"),
            "USD 1.3 billion"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(EN.date("2021-03-12"), "12 March 2021");
        assert_eq!(EN.date("2021-13-12"), "2021-13-12");
        assert_eq!(EN.date("soon"), "soon");
    }

    #[test]
    fn grouping_and_fractions() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(37_100_767), "37,100,767");
        assert_eq!(fraction(400_000), "0.4");
        assert_eq!(fraction(1_000_000), "1");
        assert_eq!(fraction(333_333), "0.333333");
    }
}
