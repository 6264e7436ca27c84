//! Colours as the brand gives them (`#0b5d73`): parsing, WCAG contrast
//! ratios, and the lighter or darker variants the theme derives from a brand
//! colour (hover, soft backgrounds, text on the dark scheme).

/// A colour in sRGB, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const WHITE: Rgb = Rgb(255, 255, 255);
/// The page background of the default theme, light and dark.
pub const PAPER: Rgb = Rgb(0xfd, 0xfc, 0xf9);
pub const PAPER_DARK: Rgb = Rgb(0x12, 0x17, 0x1d);
/// Cards of the dark scheme, where brand-coloured text also sits.
pub const SURFACE_DARK: Rgb = Rgb(0x1b, 0x22, 0x2b);
/// The lightest surface of the dark scheme (`--panel` in style.css): the
/// hero's panel, a question's box, the progress bar's track. A brand-coloured
/// fill must stand out from it too.
pub const PANEL_DARK: Rgb = Rgb(0x23, 0x2c, 0x36);

/// The tinted surfaces of the light scheme that links and brand-coloured
/// titles sit on, as style.css has them: `--panel` (quotes, the hero,
/// questions) and the soft fills of callouts and messages (`--good-soft`,
/// `--bad-soft`, `--note-soft`, `--special-soft`). The brand's own soft
/// fills are derived in `render::brand`.
pub const LIGHT_TINTS: [Rgb; 5] = [
    Rgb(0xf1, 0xef, 0xe8),
    Rgb(0xe5, 0xf2, 0xe8),
    Rgb(0xf8, 0xe6, 0xe3),
    Rgb(0xff, 0xf6, 0xdf),
    Rgb(0xf2, 0xec, 0xfa),
];

/// WCAG AA for body text.
pub const AA: f64 = 4.5;
/// WCAG AA for the shapes of controls and states (1.4.11): a button's
/// fill, a progress bar's bar, against what is around them.
pub const NON_TEXT: f64 = 3.0;

impl Rgb {
    /// `#rgb` or `#rrggbb`, case-insensitive; `None` for anything else.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit =
            |i: usize, len: usize| u8::from_str_radix(&hex[i * len..i * len + len], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            6 => Some(Rgb(digit(0, 2)?, digit(1, 2)?, digit(2, 2)?)),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance as WCAG 2 defines it.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// `self` moved `share` (0–1) of the way towards `other`.
    pub fn mix(self, other: Rgb, share: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * share).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }

    /// The nearest mix of `self` towards `towards` that has at least `ratio`
    /// contrast with `background` (`self` when it already has).
    pub fn until_contrast(self, towards: Rgb, background: Rgb, ratio: f64) -> Rgb {
        (0..=40)
            .map(|step| self.mix(towards, f64::from(step) / 40.0))
            .find(|c| contrast(*c, background) >= ratio)
            .unwrap_or(towards)
    }

    /// The same hue and saturation made lighter until it has at least
    /// `ratio` contrast with the dark `background`: a brand colour as text
    /// on the dark scheme that still looks like the brand (mixing with white
    /// would grey it).
    pub fn lighter_until(self, background: Rgb, ratio: f64) -> Rgb {
        let (h, s, l) = self.hsl();
        (0..=60)
            .map(|step| hsl_to_rgb(h, s, l + (0.97 - l) * f64::from(step) / 60.0))
            .find(|c| contrast(*c, background) >= ratio)
            .unwrap_or(WHITE)
    }

    /// The brand colour as a fill on the dark scheme (the header, buttons,
    /// the progress bar, the cycle diagram's circles): lighter in its own
    /// hue until its shapes stand out from the lightest dark surface they sit
    /// on (`PANEL_DARK`, by `NON_TEXT`), but never so light that white text
    /// on it falls below AA. A colour that already stands out is kept. Any
    /// colour white text passes on has room for both: white at 4.5:1 leaves
    /// up to 3.15:1 against the panels, a band the fine steps below land in.
    pub fn fill_on_dark(self) -> Rgb {
        let (h, s, l) = self.hsl();
        let mut fill = self;
        for step in 0..=1000 {
            let c = hsl_to_rgb(h, s, l + (0.97 - l) * f64::from(step) / 1000.0);
            if contrast(WHITE, c) < AA {
                break;
            }
            fill = c;
            if contrast(c, PANEL_DARK) >= NON_TEXT {
                break;
            }
        }
        fill
    }

    fn hsl(self) -> (f64, f64, f64) {
        let [r, g, b] = [self.0, self.1, self.2].map(|c| f64::from(c) / 255.0);
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        let l = (max + min) / 2.0;
        if max == min {
            return (0.0, 0.0, l);
        }
        let d = max - min;
        let s = if l > 0.5 {
            d / (2.0 - max - min)
        } else {
            d / (max + min)
        };
        let h = if max == r {
            (g - b) / d + if g < b { 6.0 } else { 0.0 }
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        (h / 6.0, s, l)
    }
}

fn hsl_to_rgb(h: f64, s: f64, l: f64) -> Rgb {
    let q = if l < 0.5 {
        l * (1.0 + s)
    } else {
        l + s - l * s
    };
    let p = 2.0 * l - q;
    let channel = |t: f64| {
        let t = t.rem_euclid(1.0);
        let v = if t < 1.0 / 6.0 {
            p + (q - p) * 6.0 * t
        } else if t < 0.5 {
            q
        } else if t < 2.0 / 3.0 {
            p + (q - p) * (2.0 / 3.0 - t) * 6.0
        } else {
            p
        };
        (v * 255.0).round().clamp(0.0, 255.0) as u8
    };
    Rgb(channel(h + 1.0 / 3.0), channel(h), channel(h - 1.0 / 3.0))
}

/// The WCAG contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// A ratio as people write it: `4.52:1`, rounded down so a failing ratio
/// never prints as the passing 4.50.
pub fn ratio_text(ratio: f64) -> String {
    format!("{:.2}:1", (ratio * 100.0).floor() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tints above are the stylesheet's: a change there is a change here.
    #[test]
    fn light_tints_are_the_stylesheets() {
        let css = include_str!("../themes/default/static/style.css");
        let light = &css[..css.find("prefers-color-scheme: dark").unwrap()];
        for (name, tint) in [
            "--panel",
            "--good-soft",
            "--bad-soft",
            "--note-soft",
            "--special-soft",
        ]
        .iter()
        .zip(LIGHT_TINTS)
        {
            assert!(
                light.contains(&format!("{name}: {};", tint.hex())),
                "{name} {}",
                tint.hex()
            );
        }
    }

    #[test]
    fn parses_short_and_long_forms() {
        assert_eq!(Rgb::parse("#0b5d73"), Some(Rgb(11, 93, 115)));
        assert_eq!(Rgb::parse("#FFF"), Some(WHITE));
        assert_eq!(Rgb::parse("0b5d73"), None);
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("#gggggg"), None);
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast(WHITE, Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert_eq!(
            ratio_text(contrast(Rgb::parse("#767676").unwrap(), WHITE)),
            "4.54:1"
        );
    }

    #[test]
    fn derives_a_colour_that_passes() {
        let light = Rgb::parse("#8ab4c2").unwrap();
        let dark = light.until_contrast(Rgb(0, 0, 0), WHITE, AA);
        assert!(contrast(dark, WHITE) >= AA);
        let teal = Rgb::parse("#0b5d73").unwrap();
        let on_dark = teal.until_contrast(WHITE, PAPER_DARK, AA);
        assert!(contrast(on_dark, PAPER_DARK) >= AA);
        let bright = teal.lighter_until(SURFACE_DARK, AA);
        assert!(contrast(bright, SURFACE_DARK) >= AA);
        assert!(bright.2 > bright.0, "still teal: {}", bright.hex());
        assert_eq!(hsl_to_rgb(0.0, 0.0, 1.0), WHITE);
    }

    #[test]
    fn a_dark_brand_colour_stands_out_as_a_fill_on_the_dark_scheme() {
        let stands_out = |brand: Rgb| {
            let fill = brand.fill_on_dark();
            let (panels, white) = (contrast(fill, PANEL_DARK), contrast(WHITE, fill));
            let name = format!("{} -> {}", brand.hex(), fill.hex());
            assert!(panels >= NON_TEXT, "{name}: {panels} with the panels");
            assert!(
                contrast(fill, SURFACE_DARK) >= panels,
                "{name}: the cards are darker"
            );
            assert!(white >= AA, "{name}: white text {white}");
        };
        for hex in [
            "#0d1b2a", "#000000", "#0b5d73", "#a83b0c", "#3b0a45", "#1b2a4a", "#727272",
        ] {
            stands_out(Rgb::parse(hex).unwrap());
        }
        // Every colour white text can be read on, not only the ones above.
        let mut rng = crate::synth::Rng(11);
        let mut tried = 0;
        while tried < 3000 {
            let mut channel = || rng.below(256) as u8;
            let brand = Rgb(channel(), channel(), channel());
            if contrast(WHITE, brand) >= AA {
                stands_out(brand);
                tried += 1;
            }
        }
        // Light enough already: kept as it is.
        let fill = Rgb::parse("#0b5d73").unwrap().fill_on_dark();
        assert_eq!(fill.fill_on_dark(), fill);
        let red = Rgb::parse("#e03131").unwrap();
        assert_eq!(red.fill_on_dark(), red);
    }
}
