//! WCAG contrast ratios, used by a test that holds the stylesheet's palettes
//! to 3:1 for marks and 4.5:1 for text in both colour schemes.

/// Relative luminance of a `#rrggbb` colour; None for anything else.
pub fn luminance(hex: &str) -> Option<f64> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(h.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// Contrast ratio between two colours, from 1 to 21.
pub fn ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = include_str!("../../static/widget.css");

    /// The `--fbi-name: var(--fb-name, light-dark(#light, #dark));` defaults
    /// of the `.fb-root` block, the light (`dark` false) or the dark ones: the
    /// line's last `light-dark(…)` (muted and rest nest theirs in fallbacks).
    fn palette(dark: bool) -> Vec<(String, String)> {
        let start = CSS.find(".fb-root {").expect("palette block");
        let block = &CSS[start..];
        let block = &block[..block.find('}').expect("block end")];
        block
            .lines()
            .filter_map(|l| {
                let l = l.trim().strip_prefix("--fbi-")?;
                let (name, value) = l.split_once(':')?;
                let pair = value.rsplit("light-dark(").next()?;
                let pair = &pair[..pair.find(')')?];
                let (light, dark_hex) = pair.split_once(',')?;
                let hex = if dark { dark_hex } else { light }.trim();
                (value.contains("light-dark(") && hex.len() == 7)
                    .then(|| (name.to_owned(), hex.to_owned()))
            })
            .collect()
    }

    fn get<'a>(p: &'a [(String, String)], name: &str) -> &'a str {
        &p.iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("--fb-{name}"))
            .1
    }

    fn check(p: &[(String, String)], scheme: &str) {
        for bg in ["bg", "surface"] {
            let bg_hex = get(p, bg);
            for text in ["text", "muted", "accent"] {
                let r = ratio(get(p, text), bg_hex).unwrap();
                assert!(r >= 4.5, "{scheme}: --fbi-{text} on --fbi-{bg} is {r:.2}:1");
            }
            for i in 1..=8 {
                let r = ratio(get(p, &format!("c{i}")), bg_hex).unwrap();
                assert!(
                    r >= 3.0,
                    "{scheme}: mark --fb-c{i} on --fb-{bg} is {r:.2}:1"
                );
            }
            let r = ratio(get(p, "rest"), bg_hex).unwrap();
            assert!(
                r >= 3.0,
                "{scheme}: remainder hatch on --fb-{bg} is {r:.2}:1"
            );
        }
    }

    #[test]
    fn ratios_match_wcag_examples() {
        assert!((ratio("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((ratio("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
        assert_eq!(ratio("red", "#ffffff"), None);
    }

    #[test]
    fn light_palette_has_enough_contrast() {
        check(&palette(false), "light");
    }

    #[test]
    fn dark_palette_has_enough_contrast() {
        check(&palette(true), "dark");
    }
}
