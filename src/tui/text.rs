//! Text in terminal cells: sanitising card text, widths (`unicode-width`; CJK is two cells),
//! a cell-based wrapper for styled runs (Chinese has no spaces to break on), truncation and
//! the □ mask. Pure.
use unicode_width::UnicodeWidthChar;

/// Width of one char in cells; control characters count 0 (they are removed by `sanitize`).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Width of a string in cells.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Card text is shown as text, never as escape codes: control characters (ESC, BEL, C1
/// controls, DEL) are dropped, tabs and newlines become a space, zero-width format characters
/// that could reorder text (bidi overrides) are dropped.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => None,
            c => Some(c),
        })
        .collect()
}

/// Like `sanitize` but keeps line breaks (for passages): returns the lines.
pub fn sanitize_lines(s: &str) -> Vec<String> {
    s.split('\n').map(sanitize).collect()
}

/// A run of text with one style tag (the theme maps tags to styles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<T> {
    pub text: String,
    pub tag: T,
}

impl<T> Run<T> {
    pub fn new(text: impl Into<String>, tag: T) -> Self {
        Run {
            text: text.into(),
            tag,
        }
    }
}

/// Wrap styled runs into lines of at most `max` cells. Breaks between any two characters
/// (Chinese), but prefers the last space of an ASCII word run when one is in the line; never
/// starts a line with a closing punctuation mark (，。、；：？！」』）》) if it can move one
/// character down instead. A character wider than `max` gets a line of its own.
pub fn wrap_runs<T: Clone>(runs: &[Run<T>], max: usize) -> Vec<Vec<Run<T>>> {
    let max = max.max(1);
    // Flatten to (char, tag index) so breaking can look back across runs.
    let chars: Vec<(char, usize)> = runs
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.text.chars().map(move |c| (c, i)))
        .collect();
    let mut lines: Vec<Vec<(char, usize)>> = Vec::new();
    let mut cur: Vec<(char, usize)> = Vec::new();
    let mut cur_w = 0usize;
    for &(c, tag) in &chars {
        let w = char_width(c);
        if cur_w + w > max && !cur.is_empty() {
            let carry = break_point(&cur, c);
            let rest: Vec<(char, usize)> = cur.split_off(carry);
            while cur.len() > 1 && cur.last().is_some_and(|(c, _)| *c == ' ') {
                cur.pop();
            }
            lines.push(std::mem::take(&mut cur));
            // A space at a break point is dropped.
            cur = rest.into_iter().skip_while(|(c, _)| *c == ' ').collect();
            cur_w = cur.iter().map(|(c, _)| char_width(*c)).sum();
            if c == ' ' && cur.is_empty() {
                continue;
            }
        }
        cur.push((c, tag));
        cur_w += w;
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
        .into_iter()
        .map(|line| {
            // Consecutive chars from the same source run become one run again.
            let mut out: Vec<Run<T>> = Vec::new();
            let mut prev: Option<usize> = None;
            for (c, i) in line {
                match out.last_mut() {
                    Some(last) if prev == Some(i) => last.text.push(c),
                    _ => out.push(Run::new(c.to_string(), runs[i].tag.clone())),
                }
                prev = Some(i);
            }
            out
        })
        .collect()
}

/// Where to break `cur` when `next` does not fit: the index of the first char to move down.
fn break_point(cur: &[(char, usize)], next: char) -> usize {
    let n = cur.len();
    // ASCII words: break after the last space if the word in progress is ASCII.
    if next.is_ascii_alphanumeric() {
        if let Some(sp) = cur.iter().rposition(|(c, _)| *c == ' ') {
            let word_is_ascii = cur[sp + 1..].iter().all(|(c, _)| c.is_ascii_alphanumeric());
            if word_is_ascii && sp > 0 {
                return sp + 1;
            }
        }
    }
    // Kinsoku: do not start a line with closing punctuation; carry the previous char down.
    if is_closing(next) && n >= 2 {
        return n - 1;
    }
    n
}

fn is_closing(c: char) -> bool {
    "，。、；：？！」』）》〉】”’,.;:?!)".contains(c)
}

/// Plain-text wrap (one tag).
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    wrap_runs(&[Run::new(s, ())], max)
        .into_iter()
        .map(|l| l.into_iter().map(|r| r.text).collect())
        .collect()
}

/// Cut to at most `max` cells, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Pad with spaces on the right to exactly `w` cells (truncating if longer).
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let tw = width(&t);
    format!("{t}{}", " ".repeat(w.saturating_sub(tw)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn widths_in_cells() {
        assert_eq!(width("中国"), 4);
        assert_eq!(width("abc"), 3);
        // □ and ① are East Asian "ambiguous" width: one cell in unicode-width (and in most
        // terminals, tmux included); ratatui measures the same way, so we must too.
        assert_eq!(width("□□"), 2);
        assert_eq!(width("①"), 1);
        assert_eq!(width("——"), 2, "each — is one cell (ambiguous)");
        assert_eq!(width("，"), 2);
    }

    #[test]
    fn sanitize_drops_escapes_and_controls() {
        assert_eq!(sanitize("a\x1b[31mb\x07c\u{9b}d"), "a[31mbcd");
        assert_eq!(sanitize("一\t二\n三"), "一 二 三");
        assert_eq!(sanitize("x\u{202E}y"), "xy");
        assert_eq!(sanitize("正常文本"), "正常文本");
    }

    #[test]
    fn long_chinese_line_wraps_by_cells() {
        let s = "全体人民共同富裕是中国式现代化的本质特征";
        let lines = wrap(s, 10);
        assert_eq!(
            lines,
            vec!["全体人民共", "同富裕是中", "国式现代化", "的本质特征"]
        );
        for l in &lines {
            assert!(width(l) <= 10);
        }
        // Odd width: a two-cell char never straddles the edge.
        let lines = wrap(s, 7);
        assert!(lines.iter().all(|l| width(l) <= 7));
        assert_eq!(lines.concat(), s);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let lines = wrap("一二三四，五六", 8);
        assert_eq!(lines, vec!["一二三", "四，五六"]);
    }

    #[test]
    fn ascii_words_break_at_spaces() {
        let lines = wrap("hello brave new world", 12);
        assert_eq!(lines, vec!["hello brave", "new world"]);
    }

    #[test]
    fn too_wide_char_gets_its_own_line() {
        assert_eq!(wrap("中文", 1), vec!["中", "文"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn runs_keep_their_tags_across_breaks() {
        let runs = vec![
            Run::new("坚持", 0),
            Run::new("□□□□", 1),
            Run::new("的领导", 0),
        ];
        let lines = wrap_runs(&runs, 6);
        assert_eq!(
            lines,
            vec![
                vec![Run::new("坚持", 0), Run::new("□□", 1)],
                vec![Run::new("□□", 1), Run::new("的领", 0)],
                vec![Run::new("导", 0)],
            ]
        );
    }

    #[test]
    fn truncate_and_pad_count_cells() {
        assert_eq!(truncate("中国式现代化", 7), "中国式…");
        assert_eq!(width(&truncate("中国式现代化", 7)), 7);
        assert_eq!(pad("中", 4), "中  ");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
