//! The label set: which labels there are, in what order (the number keys
//! 1–9 follow it), each one's colour, and whether its highlights are shown.
//!
//! A label has one chosen [`Colour`]; everything the page paints is derived
//! from it by [`Palette::of`]: a pale background for the light theme and a
//! deep one for the dark theme, each with a WCAG AA contrast (at least
//! 4.5:1) against that theme's text colour ([`LIGHT_TEXT`], [`DARK_TEXT`],
//! the `--text` pair of `styles/base.css`), and an underline colour per
//! theme. The built-in labels' default colours give exactly the palette
//! `styles/base.css` has always had.
//!
//! The page applies the set with [`LabelSet::stylesheet`]: CSS rules keyed on
//! the label name (`.mark[data-label="…"]`, the name escaped), using
//! `light-dark()` for the two themes; hidden labels' highlights lose their
//! colour there (the text stays).

use serde::{Deserialize, Serialize};

use super::model::labels as builtin;

/// The longest label name, in characters (code points).
pub const MAX_NAME_CHARS: usize = 40;

/// The contrast WCAG AA asks of normal text.
pub const AA: f64 = 4.5;

/// The contrast asked of an underline against the page (WCAG's 3:1 for
/// non-text graphics).
pub const LINE_CONTRAST: f64 = 3.0;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

/// A colour from its `0xRRGGBB` value.
const fn hex(v: u32) -> Colour {
    Colour { r: (v >> 16) as u8, g: (v >> 8) as u8, b: v as u8 }
}

/// The page's text colour in the light theme (`--text`).
pub const LIGHT_TEXT: Colour = hex(0x1b1b1f);
/// The page's text colour in the dark theme (`--text`).
pub const DARK_TEXT: Colour = hex(0xececef);
/// The document's background in the light theme (`--surface`).
pub const LIGHT_SURFACE: Colour = hex(0xffffff);
/// The document's background in the dark theme (`--surface`).
pub const DARK_SURFACE: Colour = hex(0x1d1f24);

/// `x.powf(2.4)` for `x` in (0, 1], as `x² · x^0.4`, the fifth root of
/// `x²` found by Newton's method: `powf` brings the whole of libm's `pow`
/// into the page's wasm (1.4 KB) for this one use.
fn pow_2_4(x: f64) -> f64 {
    let a = x * x;
    // x^0.25 is at most 1.5 times x^0.4 where this is used (x > 0.09),
    // and Newton's steps from above fall to the root: six reach it to the
    // last bit.
    let mut y = x.sqrt().sqrt();
    for _ in 0..8 {
        let y4 = (y * y) * (y * y);
        y -= (y * y4 - a) / (5.0 * y4);
    }
    a * y
}

impl Colour {
    /// Reads `#rrggbb` or `#rgb` (either case).
    pub fn parse(s: &str) -> Option<Colour> {
        let h = s.trim().strip_prefix('#')?;
        if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(h, 16).ok()?;
        match h.len() {
            6 => Some(hex(v)),
            3 => {
                let d = |n: u32| ((n & 0xf) * 17) as u8;
                Some(Colour { r: d(v >> 8), g: d(v >> 4), b: d(v) })
            }
            _ => None,
        }
    }

    /// `#rrggbb`, lower case (what `<input type=color>` gives and takes).
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// Hue (degrees), saturation and lightness (0–1).
    fn to_hsl(self) -> (f64, f64, f64) {
        let (r, g, b) = (self.r as f64 / 255.0, self.g as f64 / 255.0, self.b as f64 / 255.0);
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let l = (max + min) / 2.0;
        let d = max - min;
        if d == 0.0 {
            return (0.0, 0.0, l);
        }
        let s = d / (1.0 - (2.0 * l - 1.0).abs());
        let h = if max == r {
            60.0 * ((g - b) / d).rem_euclid(6.0)
        } else if max == g {
            60.0 * ((b - r) / d + 2.0)
        } else {
            60.0 * ((r - g) / d + 4.0)
        };
        (h, s.min(1.0), l)
    }

    /// The colour of hue `h` (degrees), saturation `s` and lightness `l`
    /// (0–1, clamped).
    fn from_hsl(h: f64, s: f64, l: f64) -> Colour {
        let (s, l) = (s.clamp(0.0, 1.0), l.clamp(0.0, 1.0));
        let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
        let hp = h.rem_euclid(360.0) / 60.0;
        let x = c * (1.0 - (hp.rem_euclid(2.0) - 1.0).abs());
        let (r, g, b) = match hp as u32 {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        let m = l - c / 2.0;
        let to = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
        Colour { r: to(r), g: to(g), b: to(b) }
    }
}

/// The WCAG contrast ratio of two colours, 1 to 21 (order does not matter).
pub fn contrast(a: Colour, b: Colour) -> f64 {
    let (x, y) = (a.luminance(), b.luminance());
    let (hi, lo) = if x >= y { (x, y) } else { (y, x) };
    (hi + 0.05) / (lo + 0.05)
}

/// What the page paints for one label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Highlight background in the light theme (AA against [`LIGHT_TEXT`]).
    pub light_bg: Colour,
    /// Highlight background in the dark theme (AA against [`DARK_TEXT`]).
    pub dark_bg: Colour,
    /// Underline in the light theme.
    pub light_line: Colour,
    /// Underline in the dark theme.
    pub dark_line: Colour,
}

/// The built-in labels: default colour, and the palette `styles/base.css`
/// gives them (`--person-bg`, `--person-line`, …).
const BUILTIN: [(&str, Colour, Palette); 5] = [
    (builtin::PERSON, hex(0x1d4ed8), palette(0xdbe8ff, 0x1e3a6e, 0x1d4ed8, 0x8fb3ff)),
    (builtin::ORG, hex(0x15803d), palette(0xd7f5e1, 0x17462c, 0x15803d, 0x6fdc98)),
    (builtin::LOC, hex(0xa15c07), palette(0xfff0c2, 0x4a3709, 0xa15c07, 0xf3c15a)),
    (builtin::DATE, hex(0x7e22ce), palette(0xf0e2ff, 0x3f2160, 0x7e22ce, 0xcf9dff)),
    (builtin::QUOTE, hex(0xbe123c), palette(0xffe8ec, 0x4a1a26, 0xbe123c, 0xff8fa8)),
];

const fn palette(light_bg: u32, dark_bg: u32, light_line: u32, dark_line: u32) -> Palette {
    Palette {
        light_bg: hex(light_bg),
        dark_bg: hex(dark_bg),
        light_line: hex(light_line),
        dark_line: hex(dark_line),
    }
}

/// Colours offered to new labels, in turn (the first one no label has).
pub const SUGGESTED: [Colour; 8] = [
    hex(0x0f766e),
    hex(0xc2410c),
    hex(0x4d7c0f),
    hex(0xbe185d),
    hex(0x0369a1),
    hex(0x854d0e),
    hex(0x6d28d9),
    hex(0x57534e),
];

impl Palette {
    /// The palette of a label of colour `c`: the built-in palette for a
    /// built-in label's default colour, otherwise derived from `c`'s hue and
    /// saturation, each background stepped in lightness until it has AA
    /// contrast with its theme's text, and each underline until it has 3:1
    /// against its theme's page.
    pub fn of(c: Colour) -> Palette {
        if let Some((_, _, p)) = BUILTIN.iter().find(|(_, d, _)| *d == c) {
            return *p;
        }
        let (h, s, l) = c.to_hsl();
        // Step lightness from `start` by `step` until `ok`; black and white
        // pass every test below, so this ends.
        let walk = |sat: f64, start: f64, step: f64, ok: &dyn Fn(Colour) -> bool| {
            let mut l: f64 = start;
            loop {
                let col = Colour::from_hsl(h, sat, l);
                if ok(col) || l <= 0.0 || l >= 1.0 {
                    return col;
                }
                l = (l + step).clamp(0.0, 1.0);
            }
        };
        Palette {
            light_bg: walk(s.min(0.9), 0.9, 0.01, &|b| contrast(LIGHT_TEXT, b) >= AA),
            dark_bg: walk(s.min(0.6), 0.25, -0.01, &|b| contrast(DARK_TEXT, b) >= AA),
            light_line: walk(s, l.min(0.45), -0.01, &|l| {
                contrast(LIGHT_SURFACE, l) >= LINE_CONTRAST
            }),
            dark_line: walk(s, 0.7, 0.01, &|l| contrast(DARK_SURFACE, l) >= LINE_CONTRAST),
        }
    }
}

/// One label of the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelDef {
    /// Its name, as annotations carry it (`PERSON`, `Topik`).
    pub name: String,
    /// The colour the user chose (or the default).
    pub colour: Colour,
    /// Whether its highlights are left undrawn.
    pub hidden: bool,
}

impl LabelDef {
    /// The label's palette ([`Palette::of`] its colour).
    pub fn palette(&self) -> Palette {
        Palette::of(self.colour)
    }
}

/// A label as it is written in files and in the saved workspace:
/// `{"name": "PERSON", "colour": "#1d4ed8", "hidden": false}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelRecord {
    /// The name.
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    /// Whether its highlights are hidden (absent: `false`).
    #[serde(default)]
    pub hidden: bool,
}

/// The human name of a label: `Person` for `PERSON`, the name itself for
/// a label the user made.
pub fn display(name: &str) -> &str {
    match name {
        builtin::PERSON => "Person",
        builtin::ORG => "Organisation",
        builtin::LOC => "Place",
        builtin::DATE => "Date",
        builtin::QUOTE => "Quotation",
        other => other,
    }
}

/// Checks a name the user typed: trimmed, it must be non-empty, at most
/// [`MAX_NAME_CHARS`] characters and free of control characters. Returns
/// the trimmed name, or why it is refused (a sentence fragment).
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a label needs a name".into());
    }
    if name.chars().any(char::is_control) {
        return Err("a label name cannot contain control characters".into());
    }
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(format!(
            "a label name has at most {MAX_NAME_CHARS} characters (this one has {n})"
        ));
    }
    Ok(name.to_string())
}

/// The labels, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelSet {
    defs: Vec<LabelDef>,
}

impl Default for LabelSet {
    /// The built-in labels in legend order, with their usual colours.
    fn default() -> Self {
        LabelSet {
            defs: BUILTIN
                .iter()
                .map(|(name, colour, _)| LabelDef {
                    name: name.to_string(),
                    colour: *colour,
                    hidden: false,
                })
                .collect(),
        }
    }
}

impl LabelSet {
    /// The labels, in order.
    pub fn defs(&self) -> &[LabelDef] {
        &self.defs
    }

    /// How many labels there are.
    pub fn len(&self) -> usize {
        self.defs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    /// The label named exactly `name`.
    pub fn get(&self, name: &str) -> Option<&LabelDef> {
        self.defs.iter().find(|d| d.name == name)
    }

    /// Where the label named exactly `name` is.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.defs.iter().position(|d| d.name == name)
    }

    /// The label number key `n` (1–9) stands for: the `n`th in order.
    pub fn key_label(&self, n: usize) -> Option<&str> {
        (1..=9).contains(&n).then(|| self.defs.get(n - 1)).flatten().map(|d| d.name.as_str())
    }

    /// A colour for a new label: the first of [`SUGGESTED`] no label has.
    pub fn suggest_colour(&self) -> Colour {
        SUGGESTED
            .iter()
            .copied()
            .find(|c| !self.defs.iter().any(|d| d.colour == *c))
            .unwrap_or(SUGGESTED[self.defs.len() % SUGGESTED.len()])
    }

    /// Checks `name` as a new name ([`check_name`], and no other label has
    /// it ignoring case; `except` is the label being renamed).
    fn check_new(&self, name: &str, except: Option<usize>) -> Result<String, String> {
        let name = check_name(name)?;
        let lower = name.to_lowercase();
        if let Some((_, d)) = self
            .defs
            .iter()
            .enumerate()
            .find(|(i, d)| Some(*i) != except && d.name.to_lowercase() == lower)
        {
            return Err(format!("there is already a label “{}”", d.name));
        }
        Ok(name)
    }

    /// Adds a label at the end (`colour`: `None` for a suggested one).
    /// Returns its name as stored (trimmed), or why it was refused.
    pub fn add(&mut self, name: &str, colour: Option<Colour>) -> Result<String, String> {
        let name = self.check_new(name, None)?;
        let colour = colour.unwrap_or_else(|| self.suggest_colour());
        self.defs.push(LabelDef { name: name.clone(), colour, hidden: false });
        Ok(name)
    }

    /// Renames label `from` to `to`. Returns the new name as stored, or why
    /// it was refused (`Ok` with the same name when nothing changes).
    pub fn rename(&mut self, from: &str, to: &str) -> Result<String, String> {
        let i = self.position(from).ok_or_else(|| format!("there is no label “{from}”"))?;
        let to = self.check_new(to, Some(i))?;
        self.defs[i].name = to.clone();
        Ok(to)
    }

    /// Gives label `name` another colour; whether it changed.
    pub fn recolour(&mut self, name: &str, colour: Colour) -> bool {
        match self.defs.iter_mut().find(|d| d.name == name) {
            Some(d) if d.colour != colour => {
                d.colour = colour;
                true
            }
            _ => false,
        }
    }

    /// Hides or shows label `name`'s highlights; whether it changed.
    pub fn set_hidden(&mut self, name: &str, hidden: bool) -> bool {
        match self.defs.iter_mut().find(|d| d.name == name) {
            Some(d) if d.hidden != hidden => {
                d.hidden = hidden;
                true
            }
            _ => false,
        }
    }

    /// Moves label `name` to position `to` (clamped to the end); whether
    /// the order changed.
    pub fn move_to(&mut self, name: &str, to: usize) -> bool {
        let Some(i) = self.position(name) else { return false };
        let to = to.min(self.defs.len() - 1);
        if i == to {
            return false;
        }
        let d = self.defs.remove(i);
        self.defs.insert(to, d);
        true
    }

    /// Adds `def` at the end unless a label of that exact name is there
    /// (names that annotations already carry are taken as they are, without
    /// [`check_name`]); whether it was added.
    pub fn insert(&mut self, def: LabelDef) -> bool {
        if self.get(&def.name).is_some() {
            return false;
        }
        self.defs.push(def);
        true
    }

    /// Adds a label named `name` with a suggested colour unless one is
    /// there; whether it was added.
    pub fn ensure(&mut self, name: &str) -> bool {
        if self.get(name).is_some() {
            return false;
        }
        let colour = self.suggest_colour();
        self.defs.push(LabelDef { name: name.to_string(), colour, hidden: false });
        true
    }

    /// The set as written in files.
    pub fn to_records(&self) -> Vec<LabelRecord> {
        self.defs
            .iter()
            .map(|d| LabelRecord {
                name: d.name.clone(),
                colour: d.colour.to_hex(),
                hidden: d.hidden,
            })
            .collect()
    }

    /// A set read from a file: every name non-empty and different, every
    /// colour `#rrggbb` (or `#rgb`). The error says which entry is wrong.
    pub fn from_records(records: &[LabelRecord]) -> Result<LabelSet, String> {
        let mut set = LabelSet { defs: Vec::with_capacity(records.len()) };
        for (k, r) in records.iter().enumerate() {
            if r.name.is_empty() {
                return Err(format!("label {} has an empty name", k + 1));
            }
            let colour = Colour::parse(&r.colour).ok_or_else(|| {
                format!("label “{}” has colour “{}”, not #rrggbb", r.name, r.colour)
            })?;
            if !set.insert(LabelDef { name: r.name.clone(), colour, hidden: r.hidden }) {
                return Err(format!("label “{}” is listed twice", r.name));
            }
        }
        Ok(set)
    }

    /// The CSS that paints every label: background and underline per theme
    /// (`light-dark()`), keyed on `data-label`; hidden labels' highlights
    /// (`mark` elements) without any colour. Names are escaped as CSS
    /// strings, so any name is safe.
    pub fn stylesheet(&self) -> String {
        let mut css = String::new();
        for d in &self.defs {
            let p = d.palette();
            let key = css_string(&d.name);
            let pair = |a: Colour, b: Colour| format!("light-dark({},{})", a.to_hex(), b.to_hex());
            let bg = pair(p.light_bg, p.dark_bg);
            let line = pair(p.light_line, p.dark_line);
            css.push_str(&format!(
                ".mark[data-label={key}]{{background:{bg};box-shadow:inset 0 -2px 0 {line}}}\n"
            ));
            if d.name == builtin::QUOTE {
                css.push_str(&format!(
                    ".mark.mark--quote[data-label={key}]{{box-shadow:none;text-decoration-color:{line}}}\n\
                     .mark.mark--quote[data-label={key}]::after{{color:{line}}}\n"
                ));
            }
        }
        for d in self.defs.iter().filter(|d| d.hidden) {
            let key = css_string(&d.name);
            css.push_str(&format!(
                "mark.mark[data-label={key}]{{background:none;box-shadow:none;text-decoration:none;padding:0}}\n\
                 mark.mark[data-label={key}]:not(:focus){{outline:none}}\n\
                 mark.mark[data-label={key}]::after{{content:none}}\n"
            ));
        }
        css
    }
}

/// `s` as a double-quoted CSS string: `"` and `\` escaped, control
/// characters as hex escapes, NUL as U+FFFD.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\0' => out.push('\u{FFFD}'),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow_2_4_is_powf_for_every_srgb_channel_value() {
        for c in 0..=255u8 {
            let x = (c as f64 / 255.0 + 0.055) / 1.055;
            let (got, want) = (super::pow_2_4(x), x.powf(2.4));
            assert!((got - want).abs() <= want * 1e-14, "{c}: {got} != {want}");
        }
    }

    #[test]
    fn contrast_maths_matches_wcag() {
        assert!((hex(0xffffff).luminance() - 1.0).abs() < 1e-12);
        assert_eq!(hex(0x000000).luminance(), 0.0);
        assert!((contrast(hex(0x000000), hex(0xffffff)) - 21.0).abs() < 1e-9);
        assert!((contrast(hex(0x777777), hex(0x777777)) - 1.0).abs() < 1e-12);
        // Known pairs (WebAIM's checker): #767676 on white is 4.54:1, #777
        // is 4.48:1.
        assert!((contrast(hex(0x767676), hex(0xffffff)) - 4.54).abs() < 0.01);
        assert!((contrast(hex(0x777777), hex(0xffffff)) - 4.48).abs() < 0.01);
        // Symmetric.
        assert_eq!(contrast(LIGHT_TEXT, hex(0xdbe8ff)), contrast(hex(0xdbe8ff), LIGHT_TEXT));
        // The linear segment of the sRGB curve (channel 10/255 ≤ 0.04045).
        assert!((hex(0x0a0a0a).luminance() - (10.0 / 255.0) / 12.92).abs() < 1e-12);
    }

    #[test]
    fn colours_parse_and_print() {
        assert_eq!(Colour::parse("#1D4ed8"), Some(hex(0x1d4ed8)));
        assert_eq!(Colour::parse("#fa0"), Some(hex(0xffaa00)));
        assert_eq!(hex(0x0a0b0c).to_hex(), "#0a0b0c");
        for bad in ["", "#", "1d4ed8", "#12345", "#1234567", "#ggg", "#+12345", "red"] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hsl_round_trips() {
        for v in [0x1d4ed8, 0xff0000, 0x00ff00, 0x0000ff, 0x808080, 0xffee00, 0x123456] {
            let c = hex(v);
            let (h, s, l) = c.to_hsl();
            assert_eq!(Colour::from_hsl(h, s, l), c, "{v:06x}");
        }
    }

    /// Every colour a user can pick, coarsely: 0, 17, …, 255 per channel.
    fn some_colours() -> impl Iterator<Item = Colour> {
        (0..16u32).flat_map(|r| {
            (0..16u32).flat_map(move |g| {
                (0..16u32).map(move |b| Colour {
                    r: (r * 17) as u8,
                    g: (g * 17) as u8,
                    b: (b * 17) as u8,
                })
            })
        })
    }

    #[test]
    fn every_derived_background_passes_aa_in_both_themes() {
        let mut worst: f64 = 21.0;
        for c in some_colours().chain(SUGGESTED).chain(BUILTIN.iter().map(|b| b.1)) {
            let p = Palette::of(c);
            let (l, d) = (contrast(LIGHT_TEXT, p.light_bg), contrast(DARK_TEXT, p.dark_bg));
            assert!(l >= AA, "{} light bg {} {l:.2}", c.to_hex(), p.light_bg.to_hex());
            assert!(d >= AA, "{} dark bg {} {d:.2}", c.to_hex(), p.dark_bg.to_hex());
            assert!(contrast(LIGHT_SURFACE, p.light_line) >= LINE_CONTRAST, "{}", c.to_hex());
            assert!(contrast(DARK_SURFACE, p.dark_line) >= LINE_CONTRAST, "{}", c.to_hex());
            worst = worst.min(l).min(d);
        }
        assert!(worst >= AA);
    }

    #[test]
    fn derived_backgrounds_keep_the_hue() {
        // A saturated red stays reddish in both themes, and the two themes'
        // backgrounds are on opposite sides (pale, deep).
        let p = Palette::of(hex(0xff0000));
        assert!(p.light_bg.r > p.light_bg.g && p.light_bg.r > p.light_bg.b);
        assert!(p.dark_bg.r > p.dark_bg.g && p.dark_bg.r > p.dark_bg.b);
        assert!(p.light_bg.luminance() > 0.5 && p.dark_bg.luminance() < 0.15);
        // Different picks give different backgrounds.
        assert_ne!(Palette::of(hex(0x0000ff)).light_bg, p.light_bg);
    }

    #[test]
    fn built_ins_keep_their_look() {
        let set = LabelSet::default();
        let names: Vec<&str> = set.defs().iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, builtin::ALL);
        let person = set.get("PERSON").unwrap().palette();
        assert_eq!(person, palette(0xdbe8ff, 0x1e3a6e, 0x1d4ed8, 0x8fb3ff));
        let quote = set.get("QUOTE").unwrap().palette();
        assert_eq!(quote.light_bg.to_hex(), "#ffe8ec");
        assert_eq!(quote.dark_line.to_hex(), "#ff8fa8");
    }

    #[test]
    fn names_are_checked() {
        assert_eq!(check_name("  Topik "), Ok("Topik".into()));
        assert!(check_name("   ").is_err());
        assert!(check_name("a\u{7}b").is_err());
        assert!(check_name(&"x".repeat(41)).is_err());
        assert!(check_name(&"é".repeat(40)).is_ok());
        let mut set = LabelSet::default();
        assert!(set.add("person", None).unwrap_err().contains("PERSON"));
        assert_eq!(set.add("Topik", None), Ok("Topik".into()));
        assert!(set.add("TOPIK", None).is_err());
        // A rename may change only the case of the name itself.
        assert_eq!(set.rename("Topik", "TOPIK"), Ok("TOPIK".into()));
        assert!(set.rename("TOPIK", "org").is_err());
        assert!(set.rename("nope", "x").is_err());
    }

    #[test]
    fn order_keys_and_suggestions() {
        let mut set = LabelSet::default();
        assert_eq!(set.key_label(1), Some("PERSON"));
        assert_eq!(set.key_label(0), None);
        assert_eq!(set.key_label(6), None);
        set.add("Topik", None).unwrap();
        assert_eq!(set.get("Topik").unwrap().colour, SUGGESTED[0]);
        assert_eq!(set.suggest_colour(), SUGGESTED[1]);
        assert_eq!(set.key_label(6), Some("Topik"));
        assert!(set.move_to("Topik", 0));
        assert!(!set.move_to("Topik", 0));
        assert_eq!(set.key_label(1), Some("Topik"));
        assert!(set.move_to("Topik", 99));
        assert_eq!(set.position("Topik"), Some(5));
        for i in 0..10 {
            set.ensure(&format!("L{i}"));
        }
        assert_eq!(set.key_label(9), Some("L2"));
        assert_eq!(set.key_label(10), None);
    }

    #[test]
    fn records_round_trip_and_are_checked() {
        let mut set = LabelSet::default();
        set.add("Tema \"x\"", Some(hex(0x123456))).unwrap();
        set.set_hidden("ORG", true);
        assert_eq!(LabelSet::from_records(&set.to_records()), Ok(set));
        let rec = |name: &str, colour: &str| LabelRecord {
            name: name.into(),
            colour: colour.into(),
            hidden: false,
        };
        assert!(LabelSet::from_records(&[rec("A", "blue")]).is_err());
        assert!(LabelSet::from_records(&[rec("", "#000000")]).is_err());
        assert!(LabelSet::from_records(&[rec("A", "#000"), rec("A", "#fff")]).is_err());
    }

    #[test]
    fn stylesheet_escapes_names_and_hides() {
        let mut set = LabelSet::default();
        set.insert(LabelDef { name: "a\"b\\c\nd".into(), colour: hex(0xff0000), hidden: true });
        let css = set.stylesheet();
        assert!(css.contains(".mark[data-label=\"PERSON\"]{background:light-dark(#dbe8ff,#1e3a6e);box-shadow:inset 0 -2px 0 light-dark(#1d4ed8,#8fb3ff)}"), "{css}");
        assert!(css.contains("[data-label=\"a\\\"b\\\\c\\a d\"]"), "{css}");
        assert!(
            css.contains("mark.mark[data-label=\"a\\\"b\\\\c\\a d\"]{background:none"),
            "{css}"
        );
        assert!(!css.contains("mark.mark[data-label=\"PERSON\"]{background:none"));
        assert_eq!(css.matches('{').count(), css.matches('}').count());
    }
}
