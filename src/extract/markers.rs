//! Ordinal and bullet markers: 第一，第一点 第一步 一是 一、（一） 1. (1) ① —— 首先/其次/最后
//! 一方面/另一方面, and Chinese numerals.

/// A family of markers; items of one list share a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// 一、二、 (outline headings)
    Heading,
    /// （一）（二）
    Paren,
    /// 第一，第二，
    Di,
    /// 第一点，
    DiDian,
    /// 第一步，
    DiBu,
    /// 第一条，
    DiTiao,
    /// 一是 二是
    NShi,
    /// 1. 2. / 1、2、
    Arabic,
    /// (1) (2)
    ArabicParen,
    /// ① ②
    Circled,
    /// —— bullets
    Dash,
    /// 首先 其次 最后
    Sequence,
    /// 一方面 另一方面
    Side,
}

impl Family {
    /// Outline level: a marker of a lower level closes a list of a higher level.
    pub fn level(self) -> u8 {
        match self {
            Family::Heading => 0,
            Family::Paren => 1,
            _ => 2,
        }
    }

    /// The marker class name used in notes and reports.
    pub fn name(self) -> &'static str {
        match self {
            Family::Heading => "一、",
            Family::Paren => "（一）",
            Family::Di => "第一",
            Family::DiDian => "第一点",
            Family::DiBu => "第一步",
            Family::DiTiao => "第一条",
            Family::NShi => "一是",
            Family::Arabic => "1.",
            Family::ArabicParen => "(1)",
            Family::Circled => "①",
            Family::Dash => "——",
            Family::Sequence => "首先",
            Family::Side => "一方面",
        }
    }
}

/// A marker found in text: its family, its ordinal value (1-based; 0 for bullets) and the
/// number of characters it spans (including the punctuation that closes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub family: Family,
    pub value: u32,
    pub len: usize,
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn digit(c: char) -> Option<u32> {
    DIGITS
        .iter()
        .position(|d| *d == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// A Chinese numeral from 一 to 九十九 at the start of `s`: (value, chars used).
/// `两` counts as 2 only when `liang` is set (两 is a count, never an ordinal).
pub fn cn_number(s: &[char], liang: bool) -> Option<(u32, usize)> {
    let first = *s.first()?;
    if liang && first == '两' {
        return Some((2, 1));
    }
    if first == '十' {
        return match s.get(1).copied().and_then(digit) {
            Some(d) if d > 0 => Some((10 + d, 2)),
            _ => Some((10, 1)),
        };
    }
    let d = digit(first).filter(|d| *d > 0)?;
    if s.get(1) == Some(&'十') {
        return match s.get(2).copied().and_then(digit) {
            Some(u) if u > 0 => Some((d * 10 + u, 3)),
            _ => Some((d * 10, 2)),
        };
    }
    Some((d, 1))
}

/// The Chinese numeral for a count: 2 → 两 when `liang`, else 二.
pub fn cn_numeral(n: usize, liang: bool) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        2 if liang => "两".to_string(),
        0..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n % 10]),
        20..=99 => {
            let unit = if n.is_multiple_of(10) { "" } else { D[n % 10] };
            format!("{}十{}", D[n / 10], unit)
        }
        _ => n.to_string(),
    }
}

fn is_sep(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | ',' | ':')
}

/// Where a marker may start: the beginning, or after a clause or sentence boundary.
pub fn at_boundary(s: &[char], i: usize) -> bool {
    const BOUNDARY: [char; 12] = [
        '，', '。', '；', '：', '！', '？', '“', ',', ';', ':', '\u{3000}', ' ',
    ];
    // Each boundary character's bit of 64 (by code point): most characters have a bit none
    // of them has, and are ruled out by one test (hot: asked at every character).
    const MASK: u64 = {
        let (mut m, mut k) = (0u64, 0);
        while k < BOUNDARY.len() {
            m |= 1 << (BOUNDARY[k] as u32 % 64);
            k += 1;
        }
        m
    };
    if i == 0 {
        return true;
    }
    let c = s[i - 1];
    MASK & (1 << (u32::from(c) % 64)) != 0 && BOUNDARY.contains(&c)
}

/// Whether the characters of `s` from `i` on open with those of `pat`.
pub(super) fn starts_with(s: &[char], i: usize, pat: &str) -> bool {
    (i..).zip(pat.chars()).all(|(k, c)| s.get(k) == Some(&c))
}

/// The marker starting at char index `i`, if any. `para_start` allows the families that only
/// open paragraphs (一、 headings, 1. numbering, —— bullets).
pub fn marker_at(s: &[char], i: usize, para_start: bool) -> Option<Marker> {
    let c = *s.get(i)?;
    if !at_boundary(s, i) {
        return None;
    }
    let m = |family, value, len| Some(Marker { family, value, len });
    if c == '第' {
        let (v, n) = cn_number(&s[i + 1..], false)?;
        let j = i + 1 + n;
        let next = *s.get(j)?;
        if is_sep(next) {
            return m(Family::Di, v, n + 2);
        }
        let sub = match next {
            '点' => Family::DiDian,
            '步' => Family::DiBu,
            '条' => Family::DiTiao,
            _ => return None,
        };
        return match s.get(j + 1) {
            Some(p) if is_sep(*p) => m(sub, v, n + 3),
            _ => None,
        };
    }
    // ① to ⑳ are consecutive code points.
    if ('①'..='⑳').contains(&c) {
        return m(Family::Circled, u32::from(c) - u32::from('①') + 1, 1);
    }
    // Each word below is tried only where its first character stands (hot: the inline pass
    // asks at every clause boundary of every paragraph).
    if c == '—' && starts_with(s, i, "——") && para_start {
        return m(Family::Dash, 0, 2);
    }
    if c == '一' && starts_with(s, i, "一方面") {
        return m(
            Family::Side,
            1,
            3 + usize::from(s.get(i + 3).is_some_and(|c| is_sep(*c))),
        );
    }
    if c == '另' && starts_with(s, i, "另一方面") {
        return m(
            Family::Side,
            2,
            4 + usize::from(s.get(i + 4).is_some_and(|c| is_sep(*c))),
        );
    }
    if matches!(c, '首' | '其' | '再' | '最') {
        for (word, v) in [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 9)] {
            if starts_with(s, i, word) && s.get(i + 2).is_some_and(|c| *c == '，' || *c == ',') {
                return m(Family::Sequence, v, 3);
            }
        }
    }
    if c == '（' || c == '(' {
        let close = |x: char| x == '）' || x == ')';
        if let Some((v, n)) = cn_number(&s[i + 1..], false) {
            if s.get(i + 1 + n).is_some_and(|x| close(*x)) {
                return m(Family::Paren, v, n + 2);
            }
        }
        let n = s[i + 1..].iter().take_while(|x| x.is_ascii_digit()).count();
        if (1..=2).contains(&n) && s.get(i + 1 + n).is_some_and(|x| close(*x)) {
            let v: u32 = s[i + 1..i + 1 + n]
                .iter()
                .collect::<String>()
                .parse()
                .ok()?;
            return m(Family::ArabicParen, v, n + 2);
        }
        return None;
    }
    if c.is_ascii_digit() {
        let n = s[i..].iter().take_while(|x| x.is_ascii_digit()).count();
        let p = *s.get(i + n)?;
        let after = s.get(i + n + 1).copied();
        if n <= 2
            && matches!(p, '.' | '．' | '、')
            && !after.is_some_and(|a| a.is_ascii_digit())
            && para_start
        {
            let v: u32 = s[i..i + n].iter().collect::<String>().parse().ok()?;
            return m(Family::Arabic, v, n + 1);
        }
        return None;
    }
    if let Some((v, n)) = cn_number(&s[i..], false) {
        match s.get(i + n) {
            Some('是') => {
                // 一是 but not 统一是 (boundary checked above) nor 一是一 (idiom).
                let after = s.get(i + n + 1).copied();
                if v <= 20 && after.is_some_and(|a| digit(a).is_none() && a != '，') {
                    return m(Family::NShi, v, n + 1);
                }
            }
            Some('、') if para_start => return m(Family::Heading, v, n + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn numerals() {
        assert_eq!(cn_number(&chars("一是"), false), Some((1, 1)));
        assert_eq!(cn_number(&chars("十二"), false), Some((12, 2)));
        assert_eq!(cn_number(&chars("二十一"), false), Some((21, 3)));
        assert_eq!(cn_number(&chars("两个"), true), Some((2, 1)));
        assert_eq!(cn_number(&chars("两个"), false), None);
        assert_eq!(cn_numeral(6, false), "六");
        assert_eq!(cn_numeral(11, false), "十一");
        assert_eq!(cn_numeral(22, false), "二十二");
    }

    #[test]
    fn markers_and_traps() {
        let fam = |s: &str| marker_at(&chars(s), 0, true).map(|m| (m.family, m.value));
        assert_eq!(fam("第一，更好统筹"), Some((Family::Di, 1)));
        assert_eq!(fam("第三点，我国"), Some((Family::DiDian, 3)));
        assert_eq!(fam("第二步，全面实现"), Some((Family::DiBu, 2)));
        assert_eq!(fam("六是要牢牢守住"), Some((Family::NShi, 6)));
        assert_eq!(fam("（十一）优化"), Some((Family::Paren, 11)));
        assert_eq!(fam("十一、组织保障"), Some((Family::Heading, 11)));
        assert_eq!(fam("——经济发展"), Some((Family::Dash, 0)));
        assert_eq!(fam("③坚持"), Some((Family::Circled, 3)));
        assert_eq!(fam("2. 加强"), Some((Family::Arabic, 2)));
        for trap in [
            "第一要务",
            "第一次集体学习",
            "第一大国",
            "一带一路",
            "一",
            "十三",
            "2024年",
            "1.5倍",
        ] {
            assert_eq!(fam(trap), None, "{trap}");
        }
        // Not at a clause boundary.
        assert_eq!(marker_at(&chars("统一是关键"), 1, false), None);
    }
}
