//! Which characters a fix changes, so a preview can mark them: `＠` and `@` look alike.

/// Longer values are compared by their common start and end only: the table of the
/// full comparison grows with the product of the lengths.
const FULL_DIFF_CELLS: usize = 250_000;

/// One flag per character of `old` and of `new`: true where that character is not part
/// of what the two share (their longest common subsequence), i.e. it was removed or added.
pub fn changed_chars(old: &str, new: &str) -> (Vec<bool>, Vec<bool>) {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    if a.len().saturating_mul(b.len()) > FULL_DIFF_CELLS {
        return ends_only(&a, &b);
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let w = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let v = if a.get(i) == b.get(j) {
                lcs.get((i + 1) * w + j + 1).map_or(0, |v| v + 1)
            } else {
                let down = lcs.get((i + 1) * w + j).copied().unwrap_or(0);
                let right = lcs.get(i * w + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lcs.get_mut(i * w + j) {
                *cell = v;
            }
        }
    }
    let (mut old_changed, mut new_changed) = (vec![true; a.len()], vec![true; b.len()]);
    let (mut i, mut j) = (0, 0);
    let at = |i: usize, j: usize| lcs.get(i * w + j).copied().unwrap_or(0);
    while i < a.len() && j < b.len() {
        if a.get(i) == b.get(j) {
            if let Some(c) = old_changed.get_mut(i) {
                *c = false;
            }
            if let Some(c) = new_changed.get_mut(j) {
                *c = false;
            }
            (i, j) = (i + 1, j + 1);
        } else if at(i + 1, j) >= at(i, j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    (old_changed, new_changed)
}

fn ends_only(a: &[char], b: &[char]) -> (Vec<bool>, Vec<bool>) {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let rest = |s: &[char]| s.get(start..).unwrap_or_default().to_vec();
    let end = rest(a)
        .iter()
        .rev()
        .zip(rest(b).iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mark = |n: usize| (0..n).map(|k| k >= start && k < n - end).collect();
    (mark(a.len()), mark(b.len()))
}
