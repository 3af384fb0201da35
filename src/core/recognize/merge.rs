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
///
/// Candidates are taken in precedence order and kept when they overlap
/// nothing kept before. Only candidates that overlap, directly or through
/// others, can affect one another, so the candidates are split into such
/// groups (runs of overlapping spans in start order): a candidate alone
/// in its group is kept, and each larger group is settled on its own, in
/// the order the whole list would give it.
pub(crate) fn merge(mut cands: Vec<Candidate>) -> Vec<Span> {
    cands.retain(|c| c.span.start < c.span.end);
    let n = cands.len();
    // By start (stable); the sources come in start order, so this merges
    // a few sorted runs.
    let mut by_start: Vec<usize> = (0..n).collect();
    crate::core::sort::sort_indices(&mut by_start, &mut |a, b| {
        cands[a].span.start.cmp(&cands[b].span.start)
    });
    let mut slots: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(n);
    let mut k = 0;
    while k < n {
        let first = slots[by_start[k]].as_ref().map_or(0, |c| c.span.end);
        let mut end = first;
        let mut e = k + 1;
        while let Some(c) = by_start.get(e).and_then(|&i| slots[i].as_ref()) {
            if c.span.start >= end {
                break;
            }
            end = end.max(c.span.end);
            e += 1;
        }
        if e == k + 1 {
            out.extend(slots[by_start[k]].take().map(|c| c.span));
        } else {
            // The group in the order of the input, as the stable sort of
            // the whole list would see it.
            let group = &mut by_start[k..e];
            crate::core::sort::sort_indices(group, &mut |a, b| a.cmp(&b));
            out.extend(settle(group.iter().filter_map(|&i| slots[i].take()).collect()));
        }
        k = e;
    }
    out
}

/// [`merge`] on one group of candidates: by rank, then length, then
/// start (stable), each kept unless it overlaps one kept before.
fn settle(mut cands: Vec<Candidate>) -> Vec<Span> {
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

    #[test]
    fn groups_settle_as_the_whole_list_would() {
        let sources = [
            Source::Heuristic,
            Source::Tagger,
            Source::Rule,
            Source::GazetteerPhrase,
            Source::DatePattern,
        ];
        let labels = ["PERSON", "ORG", "LOC"];
        let mut seed = 7u32;
        let mut next = |m: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) % m
        };
        for _ in 0..300 {
            let n = next(40);
            let cands: Vec<Candidate> = (0..n)
                .map(|_| {
                    let start = next(60) as usize;
                    let end = start + next(8) as usize;
                    let source = sources[next(5) as usize];
                    cand(labels[next(3) as usize], start, end, source)
                })
                .collect();
            let mut whole = cands.clone();
            whole.retain(|c| c.span.start < c.span.end);
            assert_eq!(merge(cands), settle(whole));
        }
    }
}
