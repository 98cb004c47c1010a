//! Word boundaries for prompts: a prompt is cut, and a verb or count is recognised, only
//! where jieba with the domain dictionary puts a boundary (`有效` is no verb 有 + 效,
//! `存在` is never cut to `存`).
//!
//! The process's one segmenter (`Segmenter::shared`); only the short text a prompt is made from
//! is ever segmented.
use crate::segment::Segmenter;

/// The process's one segmenter (`Segmenter::shared`, also used by the key-sentence pass).
pub(super) fn segmenter() -> Option<&'static Segmenter> {
    // The embedded dictionary is checked by segment.rs's tests; should it ever fail to load,
    // every position counts as a boundary and prompts are built as they were without it.
    Segmenter::shared().ok()
}

/// How many recent segmentations each thread keeps: a prompt is often checked against the
/// same sentence several times in a row (its left and right halves, then a cut back).
const RECENT: usize = 8;

thread_local! {
    static RECENT_CUTS: std::cell::RefCell<std::collections::VecDeque<(String, Vec<usize>)>> =
        const { std::cell::RefCell::new(std::collections::VecDeque::new()) };
}

/// Byte offsets in `text` where a word starts or ends (0 and `text.len()` included).
pub fn boundaries(text: &str) -> Vec<usize> {
    let hit = RECENT_CUTS.with(|r| {
        r.borrow()
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, b)| b.clone())
    });
    if let Some(b) = hit {
        return b;
    }
    let b = segment(text);
    RECENT_CUTS.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() == RECENT {
            r.pop_back();
        }
        r.push_front((text.to_string(), b.clone()));
    });
    b
}

fn segment(text: &str) -> Vec<usize> {
    match segmenter() {
        Some(seg) => {
            let mut out: Vec<usize> = std::iter::once(0)
                .chain(seg.words(text).iter().map(|w| w.end))
                .collect();
            out.dedup();
            out
        }
        None => text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect(),
    }
}

/// Char offsets in `text` where jieba puts a word boundary (0 and the end included).
pub fn char_boundaries(text: &[char]) -> Vec<usize> {
    let s = super::string_of(text);
    // Byte offsets to char offsets in one walk (the offsets come sorted).
    let mut out = Vec::new();
    let (mut byte, mut chars) = (0, 0);
    let mut rest = text.iter();
    for b in boundaries(&s) {
        while byte < b {
            let Some(c) = rest.next() else { break };
            byte += c.len_utf8();
            chars += 1;
        }
        if byte == b {
            out.push(chars);
        }
    }
    out
}

/// Whether `text[a..b]` is made of whole words.
pub fn whole(bounds: &[usize], a: usize, b: usize) -> bool {
    bounds.binary_search(&a).is_ok() && bounds.binary_search(&b).is_ok()
}

/// The last occurrence of `word` in `text` that is a whole word: its byte range.
pub fn rfind_word(text: &str, word: &str) -> Option<(usize, usize)> {
    // Segmented only when the word occurs at all.
    if !text.contains(word) {
        return None;
    }
    let bounds = boundaries(text);
    text.rmatch_indices(word)
        .map(|(a, w)| (a, a + w.len()))
        .find(|(a, b)| whole(&bounds, *a, *b))
}

/// `text` cut back to the last word boundary at or before byte `end` (a char boundary).
pub fn cut_back(text: &str, end: usize) -> &str {
    let bounds = boundaries(text);
    let at = bounds
        .iter()
        .rev()
        .find(|b| **b <= end)
        .copied()
        .unwrap_or(0);
    &text[..at]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_inside_a_word_is_no_verb() {
        // 有 inside 有效 is not the verb 有; the one before 明显 is.
        assert_eq!(rfind_word("扩大有效投资", "有"), None);
        let s = "城市有明显优势";
        assert_eq!(rfind_word(s, "有"), Some((6, 9)));
    }

    #[test]
    fn char_boundaries_are_the_byte_boundaries_counted_in_chars() {
        let s = "推进A股市场和乡村振兴2025年";
        let chars: Vec<char> = s.chars().collect();
        let want: Vec<usize> = boundaries(s)
            .into_iter()
            .map(|b| s[..b].chars().count())
            .collect();
        assert_eq!(char_boundaries(&chars), want);
        assert_eq!(char_boundaries(&chars).last(), Some(&chars.len()));
    }

    #[test]
    fn cuts_fall_between_words() {
        // Cut inside 存在: back to before it.
        let s = "这些方面存在的问题";
        let inside = s.find("在").unwrap_or(0);
        assert_eq!(cut_back(s, inside), "这些方面");
    }
}
