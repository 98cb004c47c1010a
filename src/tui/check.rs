//! Typed answers: normalising, the per-character diff (longest common subsequence), matching
//! whole-list lines in any order, the suggested rating and the hint. Pure.
use crate::sched::Rating;

/// One compared line: what was typed and what was expected, char by char with a mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemCheck {
    /// Typed chars; `true` = part of the match.
    pub typed: Vec<(char, bool)>,
    /// Expected chars; `true` = the student had it.
    pub expected: Vec<(char, bool)>,
    pub exact: bool,
}

impl ItemCheck {
    /// Share of the longer side that matched, 0..=1.
    pub fn score(&self) -> f64 {
        let hit = self.expected.iter().filter(|(_, ok)| *ok).count();
        let len = self.expected.len().max(self.typed.len());
        if len == 0 {
            1.0
        } else {
            hit as f64 / len as f64
        }
    }
}

/// The result of checking all lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub items: Vec<ItemCheck>,
    pub suggested: Rating,
}

pub use crate::exam::normalize;
use crate::exam::{fold_width, is_punct};

/// Character diff of one typed line against one expected answer.
pub fn diff(typed: &str, expected: &str) -> ItemCheck {
    let t = normalize(typed);
    let e = normalize(expected);
    let (n, m) = (t.len(), e.len());
    // lcs[i][j] = LCS length of t[i..] and e[j..].
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if t[i] == e[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut tm = vec![false; n];
    let mut em = vec![false; m];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if t[i] == e[j] {
            tm[i] = true;
            em[j] = true;
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    ItemCheck {
        exact: t == e,
        typed: t.into_iter().zip(tm).collect(),
        expected: e.into_iter().zip(em).collect(),
    }
}

/// Check typed lines against the answers. When `ordered` is false (an unordered list), each
/// line is paired with the answer it matches best; the result lists checks in typed order.
pub fn check(typed: &[String], answers: &[String], ordered: bool, hints: u32) -> Check {
    let n = answers.len();
    let line = |i: usize| typed.get(i).map(String::as_str).unwrap_or("");
    let items: Vec<ItemCheck> = if ordered || n < 2 {
        (0..n).map(|i| diff(line(i), &answers[i])).collect()
    } else {
        // Greedy assignment by best score: small lists (≤ 20 items), good enough and stable.
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for i in 0..n {
            for (j, a) in answers.iter().enumerate() {
                pairs.push((diff(line(i), a).score(), i, j));
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut of_line: Vec<Option<usize>> = vec![None; n];
        let mut used = vec![false; n];
        for (_, i, j) in pairs {
            if of_line[i].is_none() && !used[j] {
                of_line[i] = Some(j);
                used[j] = true;
            }
        }
        (0..n)
            .map(|i| diff(line(i), &answers[of_line[i].unwrap_or(i)]))
            .collect()
    };
    Check {
        suggested: suggest(&items, hints),
        items,
    }
}

/// All exact: Good (Hard if hints were used); mostly right: Hard; else Again.
pub fn suggest(items: &[ItemCheck], hints: u32) -> Rating {
    if items.iter().all(|i| i.exact) {
        return if hints == 0 {
            Rating::Good
        } else {
            Rating::Hard
        };
    }
    let mean = items.iter().map(ItemCheck::score).sum::<f64>() / items.len().max(1) as f64;
    if mean >= 0.75 {
        Rating::Hard
    } else {
        Rating::Again
    }
}

/// The hint: the typed line corrected up to and including the next expected character.
/// Returns None when the line is already complete.
pub fn hint(typed: &str, expected: &str) -> Option<String> {
    let t = normalize(typed);
    let e: Vec<char> = expected
        .chars()
        .filter(|c| !c.is_whitespace() && !is_punct(*c))
        .collect();
    let ef: Vec<char> = e.iter().copied().map(fold_width).collect();
    let common = t.iter().zip(&ef).take_while(|(a, b)| a == b).count();
    if common >= e.len() {
        return None;
    }
    Some(e[..=common].iter().collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn exact_answer_ignores_punctuation_and_spaces() {
        let c = diff(" 人口规模巨大。", "人口规模巨大");
        assert!(c.exact);
        assert_eq!(c.score(), 1.0);
    }

    #[test]
    fn diff_marks_wrong_and_missing_chars() {
        let c = diff("共同福裕", "共同富裕");
        assert!(!c.exact);
        let typed: String = c
            .typed
            .iter()
            .map(|(ch, ok)| if *ok { *ch } else { '_' })
            .collect();
        let exp: String = c
            .expected
            .iter()
            .map(|(ch, ok)| if *ok { *ch } else { '_' })
            .collect();
        assert_eq!(typed, "共同_裕");
        assert_eq!(exp, "共同_裕");
        assert_eq!(c.score(), 0.75);
        let c = diff("共同", "共同富裕");
        assert_eq!(c.score(), 0.5);
        let exp: String = c
            .expected
            .iter()
            .map(|(ch, ok)| if *ok { *ch } else { '_' })
            .collect();
        assert_eq!(exp, "共同__");
    }

    #[test]
    fn unordered_list_matches_in_any_order() {
        let answers = s(&[
            "人口规模巨大",
            "全体人民共同富裕",
            "物质文明和精神文明相协调",
        ]);
        let typed = s(&[
            "全体人民共同富裕",
            "物质文明和精神文明相协调",
            "人口规模巨大",
        ]);
        let c = check(&typed, &answers, false, 0);
        assert!(c.items.iter().all(|i| i.exact));
        assert_eq!(c.suggested, Rating::Good);
        // The same lines against an ordered list are wrong.
        let c = check(&typed, &answers, true, 0);
        assert!(!c.items.iter().any(|i| i.exact));
        assert_eq!(c.suggested, Rating::Again);
    }

    #[test]
    fn suggestion_follows_accuracy_and_hints() {
        let answers = s(&["共同富裕"]);
        assert_eq!(
            check(&s(&["共同富裕"]), &answers, true, 1).suggested,
            Rating::Hard
        );
        assert_eq!(
            check(&s(&["共同福裕"]), &answers, true, 0).suggested,
            Rating::Hard
        );
        assert_eq!(
            check(&s(&["富"]), &answers, true, 0).suggested,
            Rating::Again
        );
        assert_eq!(check(&[], &answers, true, 0).suggested, Rating::Again);
    }

    #[test]
    fn hint_reveals_the_next_character() {
        assert_eq!(hint("", "本质特征").as_deref(), Some("本"));
        assert_eq!(hint("本质", "本质特征").as_deref(), Some("本质特"));
        assert_eq!(hint("本x", "本质特征").as_deref(), Some("本质"));
        assert_eq!(hint("本质特征", "本质特征"), None);
    }

    #[test]
    fn full_width_letters_match_half_width() {
        assert!(diff("５Ｇ", "5g").exact);
    }
}
