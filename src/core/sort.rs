//! Stable sorting through one shared instance of the standard library's
//! sort. Every `sort_by` on a new element type or closure compiles its own
//! copy of the sort (several KB of wasm each); these helpers sort indices
//! with a `dyn` comparison instead, so the crate carries the sort once.
//! The results are exactly those of `slice::sort_by`: a stable sort's order
//! is fixed by the comparison alone.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, with the same result as `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    // Already in order: nothing to sort, and no list of indices made (a
    // long article's hundreds of thousands of annotations mostly are).
    if v.windows(2).all(|w| cmp(&w[0], &w[1]) != Ordering::Greater) {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_unchecked(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts indices (or any `usize`s) stably by `cmp`, like
/// `order.sort_by(|&a, &b| cmp(a, b))`.
pub(crate) fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    // Already in order (a document's annotations and the recognizer's
    // spans mostly are): nothing to sort.
    if order.windows(2).all(|w| cmp(w[0], w[1]) != Ordering::Greater) {
        return;
    }
    sort_unchecked(order, cmp);
}

/// The crate's one instance of the standard stable sort (for a list
/// already found out of order).
#[inline(never)]
fn sort_unchecked(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `v` so that `v[k]` becomes the old `v[order[k]]`, in place
/// (`order` is a permutation of `0..v.len()`).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for k in 0..v.len() {
        let mut cur = k;
        loop {
            let src = order[cur];
            order[cur] = cur;
            if src == k {
                break;
            }
            v.swap(cur, src);
            cur = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        // Pairs sorted by the first item only: ties show stability.
        let mut seed = 12345u32;
        for len in 0..200 {
            let v: Vec<(u8, u32)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) as u8 % 7, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|a| a.0);
            let mut got = v.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want);
            let mut idx: Vec<usize> = (0..v.len()).collect();
            sort_indices(&mut idx, &mut |a, b| v[b].0.cmp(&v[a].0));
            let mut want_idx: Vec<usize> = (0..v.len()).collect();
            want_idx.sort_by(|&a, &b| v[b].0.cmp(&v[a].0));
            assert_eq!(idx, want_idx);
        }
    }
}
