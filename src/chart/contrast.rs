//! WCAG contrast ratios, used by a test that holds the stylesheet's palettes
//! to 3:1 for marks and 4.5:1 for text in both colour schemes. The tests also
//! hold the marks apart for readers with a colour-vision deficiency and in
//! greyscale (CIEDE2000 differences after Machado et al.'s simulation).

/// Linear sRGB channels of a `#rrggbb` colour; None for anything else.
/// (WCAG's older 0.03928 and sRGB's 0.04045 threshold give the same value for
/// every 8-bit channel: none lies between them.)
pub fn linear(hex: &str) -> Option<[f64; 3]> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(h.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Relative luminance of a `#rrggbb` colour; None for anything else.
pub fn luminance(hex: &str) -> Option<f64> {
    let [r, g, b] = linear(hex)?;
    Some(0.2126 * r + 0.7152 * g + 0.0722 * b)
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

    /// CIELAB (D65) of linear sRGB, clamped to the gamut.
    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = rgb.map(|v| v.clamp(0.0, 1.0));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
        let f = |t: f64| {
            if t > 0.008_856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    /// Machado, Oliveira and Fernandes (2009), severity 1: how a colour looks
    /// to a reader with protanopia, deuteranopia or tritanopia (linear sRGB).
    const DEFICIENCIES: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        ),
    ];

    fn seen(hex: &str, m: Option<&[[f64; 3]; 3]>) -> [f64; 3] {
        let c = linear(hex).expect("#rrggbb");
        lab(match m {
            None => c,
            Some(m) => m.map(|row| row[0] * c[0] + row[1] * c[1] + row[2] * c[2]),
        })
    }

    /// CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation).
    fn de2000(p: [f64; 3], q: [f64; 3]) -> f64 {
        let ([l1, a1, b1], [l2, a2, b2]) = (p, q);
        let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
        let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
        let (a1, a2) = ((1.0 + g) * a1, (1.0 + g) * a2);
        let (c1, c2) = (a1.hypot(b1), a2.hypot(b2));
        let hue = |b: f64, a: f64| b.atan2(a).to_degrees().rem_euclid(360.0);
        let (h1, h2) = (hue(b1, a1), hue(b2, a2));
        let dh = if c1 * c2 == 0.0 {
            0.0
        } else if (h2 - h1).abs() <= 180.0 {
            h2 - h1
        } else if h2 - h1 > 180.0 {
            h2 - h1 - 360.0
        } else {
            h2 - h1 + 360.0
        };
        let d_h = 2.0 * (c1 * c2).sqrt() * (dh / 2.0).to_radians().sin();
        let l_bar = (l1 + l2) / 2.0;
        let c_bar = (c1 + c2) / 2.0;
        let h_bar = if c1 * c2 == 0.0 {
            h1 + h2
        } else if (h1 - h2).abs() <= 180.0 {
            (h1 + h2) / 2.0
        } else if h1 + h2 < 360.0 {
            (h1 + h2 + 360.0) / 2.0
        } else {
            (h1 + h2 - 360.0) / 2.0
        };
        let cos = |deg: f64| deg.to_radians().cos();
        let t = 1.0 - 0.17 * cos(h_bar - 30.0)
            + 0.24 * cos(2.0 * h_bar)
            + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
        let theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
        let r_c = 2.0 * (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt();
        let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
        let s_c = 1.0 + 0.045 * c_bar;
        let s_h = 1.0 + 0.015 * c_bar * t;
        let r_t = -(2.0 * theta).to_radians().sin() * r_c;
        let (dl, dc, dh) = ((l2 - l1) / s_l, (c2 - c1) / s_c, d_h / s_h);
        (dl * dl + dc * dc + dh * dh + r_t * dc * dh).sqrt()
    }

    #[test]
    fn de2000_matches_published_pairs() {
        // Sharma, Wu and Dalal (2005), table 1, pairs 1, 7 and 17.
        for (p, q, expected) in [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        ] {
            let d = de2000(p, q);
            assert!((d - expected).abs() < 1e-4, "{p:?} {q:?}: {d}");
        }
    }

    #[test]
    fn simulation_confuses_what_it_should() {
        // Red and green of equal lightness merge for the red-green deficiencies, not for tritanopia.
        let (red, green) = ("#b35900", "#5f7f00");
        let d = |m: Option<&[[f64; 3]; 3]>| de2000(seen(red, m), seen(green, m));
        assert!(d(None) > 20.0);
        assert!(d(Some(&DEFICIENCIES[0].1)) < 8.0, "protanopia");
        assert!(d(Some(&DEFICIENCIES[1].1)) < 8.0, "deuteranopia");
        assert!(d(Some(&DEFICIENCIES[2].1)) > 15.0, "tritanopia");
    }

    /// Marks must be told apart without full colour vision: the legend is
    /// matched to the ring by colour (and order). Every two of the eight
    /// slots differ by at least 7 (CIEDE2000; about 2 is a just-noticeable
    /// difference) for typical vision and each dichromacy. In the light
    /// palette, which paper and the downloads use, the default view's marks
    /// (slots 1, 3 and 4: the remainder, hatched, takes the second place)
    /// also differ in lightness by at least 10 L*, so a greyscale print keeps
    /// them apart, and neighbouring slots by at least 7.
    fn check_distinct(p: &[(String, String)], scheme: &str, greyscale: bool) {
        let marks: Vec<&str> = (1..=8).map(|i| get(p, &format!("c{i}"))).collect();
        let visions = std::iter::once(("typical vision", None))
            .chain(DEFICIENCIES.iter().map(|(name, m)| (*name, Some(m))));
        for (vision, m) in visions {
            for i in 0..8 {
                for j in i + 1..8 {
                    let d = de2000(seen(marks[i], m), seen(marks[j], m));
                    assert!(
                        d >= 7.0,
                        "{scheme}, {vision}: --fb-c{} and --fb-c{} differ by {d:.1}",
                        i + 1,
                        j + 1
                    );
                }
            }
        }
        if !greyscale {
            return;
        }
        let lightness = |i: usize| seen(marks[i], None)[0];
        for (i, j, least) in [(0, 2, 10.0), (0, 3, 10.0), (2, 3, 10.0)]
            .into_iter()
            .chain((0..7).map(|i| (i, i + 1, 7.0)))
        {
            let d = (lightness(i) - lightness(j)).abs();
            assert!(
                d >= least,
                "{scheme}: --fb-c{} and --fb-c{} differ by {d:.1} L* in greyscale",
                i + 1,
                j + 1
            );
        }
    }

    #[test]
    fn light_palette_stays_apart_without_full_colour_vision() {
        check_distinct(&palette(false), "light", true);
    }

    #[test]
    fn dark_palette_stays_apart_without_full_colour_vision() {
        check_distinct(&palette(true), "dark", false);
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
