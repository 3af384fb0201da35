//! Merging candidate spans from several sources into one consistent,
//! non-overlapping set of PERSON, ORG, LOC and DATE spans.
//!
//! Every stage that proposes entity or DATE spans tags each candidate with
//! the [`Source`] that found it. [`merge`] then applies the precedence rule
//! documented in the module doc of [`super`]: a higher-ranked source wins
//! over a lower one; at equal rank the longer span wins, then the earlier
//! one. A candidate that overlaps one already kept is dropped whole (never
//! trimmed), so every kept span is exactly what some source proposed.

use std::collections::BTreeMap;

use crate::core::model::Span;

/// Who proposed a candidate span, in increasing order of trust: the
/// derived order (`Ord`) is the precedence rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Source {
    /// Capitalisation alone: a run of capitalised words read as a name, a
    /// capitalised word after `di`/`in` read as a place, a lone acronym.
    Heuristic,
    /// The learned tagger (`super::tagger`).
    Tagger,
    /// A rule with lexical evidence: an organisation head word
    /// (`Kementerian`, `Party`), a place head or suffix word, a title
    /// before a name, a one-word gazetteer hit.
    Rule,
    /// An exact gazetteer hit of two words or more (`Amerika Serikat`,
    /// `Bank Indonesia`).
    GazetteerPhrase,
    /// A DATE pattern (`Senin (1/12)`, `1 Desember 2025`).
    DatePattern,
}

/// A proposed span and who proposed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The span.
    pub span: Span,
    /// Its source.
    pub source: Source,
}

/// Keeps the candidates that win under the precedence rule; the result
/// does not overlap itself and is sorted by start. `O(n log n)`.
#[inline(never)] // PROFILE
pub(crate) fn merge(mut cands: Vec<Candidate>) -> Vec<Span> {
    cands.retain(|c| c.span.start < c.span.end);
    crate::core::sort::sort_by(&mut cands, |a, b| {
        b.source
            .cmp(&a.source)
            .then((b.span.end - b.span.start).cmp(&(a.span.end - a.span.start)))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Kept spans by start; they never overlap, so the one starting last
    // before a candidate's end is the only one that can overlap it.
    let mut kept: BTreeMap<usize, Span> = BTreeMap::new();
    for c in cands {
        let clash = kept.range(..c.span.end).next_back().is_some_and(|(_, k)| k.end > c.span.start);
        if !clash {
            kept.insert(c.span.start, c.span);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(label: &'static str, start: usize, end: usize, source: Source) -> Candidate {
        Candidate { span: Span::new(label, start, end), source }
    }

    fn kept(cands: Vec<Candidate>) -> Vec<(&'static str, usize, usize)> {
        merge(cands).into_iter().map(|s| (s.label, s.start, s.end)).collect()
    }

    #[test]
    fn higher_rank_wins_over_longer() {
        let got = kept(vec![
            cand("PERSON", 0, 20, Source::Heuristic),
            cand("LOC", 5, 10, Source::GazetteerPhrase),
            cand("DATE", 9, 14, Source::DatePattern),
        ]);
        assert_eq!(got, [("DATE", 9, 14)]);
    }

    #[test]
    fn longer_wins_at_equal_rank_then_earlier() {
        let got = kept(vec![
            cand("LOC", 0, 5, Source::Rule),
            cand("ORG", 0, 12, Source::Rule),
            cand("PERSON", 10, 15, Source::Rule),
            cand("PERSON", 14, 19, Source::Rule),
            cand("LOC", 20, 22, Source::Heuristic),
        ]);
        assert_eq!(got, [("ORG", 0, 12), ("PERSON", 14, 19), ("LOC", 20, 22)]);
    }

    #[test]
    fn touching_spans_both_stay_and_empty_ones_go() {
        let got = kept(vec![
            cand("LOC", 5, 9, Source::Rule),
            cand("ORG", 0, 5, Source::Heuristic),
            cand("ORG", 3, 3, Source::DatePattern),
        ]);
        assert_eq!(got, [("ORG", 0, 5), ("LOC", 5, 9)]);
    }
}
