//! Key phrases for items and prompts for lists.
use super::markers::{cn_number, cn_numeral};
use super::prompt::VERB_FRAMES;
use super::{char_vec, string_of};

/// Sentence-ending punctuation.
pub fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

fn trim_punct(s: &str) -> &str {
    let marks = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '，' | '、' | '：' | '。' | '；' | '！' | '？' | ',' | ':' | '.' | ';'
            )
    };
    let mut s = s.trim_matches(marks);
    // Quotes go only in pairs, or alone: “人工智能+”招标 keeps its opening quote.
    // (Most items neither open nor end on one.)
    let quote = |c: char| matches!(c, '“' | '”');
    if !s.starts_with(quote) && !s.ends_with(quote) {
        return s;
    }
    loop {
        let t = s.trim_matches(marks);
        let inner = |t: &str, q: char| t.chars().filter(|c| *c == q).count();
        let t = match (t.strip_prefix('“'), t.strip_suffix('”')) {
            (Some(_), Some(_)) if inner(t, '“') == 1 && inner(t, '”') == 1 => {
                &t['“'.len_utf8()..t.len() - '”'.len_utf8()]
            }
            (Some(rest), _) if !rest.contains('”') => rest,
            (_, Some(rest)) if !rest.contains('“') => rest,
            // A quote that opens nothing at the end, or closes nothing at the start (反制“).
            _ => t
                .strip_suffix('“')
                .or_else(|| t.strip_prefix('”'))
                .unwrap_or(t),
        };
        if t.len() == s.len() {
            return s;
        }
        s = t;
    }
}

/// The key phrase of an item: its first sentence, or that sentence's first clause when the
/// sentence is long; a leading 要/是/就是 and a trailing 等等 dropped.
pub fn key_phrase(item: &str) -> String {
    let mut s = trim_punct(item);
    for lead in ["就是要", "就是", "是要", "要", "是"] {
        if let Some(rest) = s.strip_prefix(lead) {
            if rest.chars().count() >= 4 {
                s = rest;
                break;
            }
        }
    }
    // A stage's own ordinal label (第一阶段：迅即应对突发疫情) is its place in the order, not
    // what is learnt about it.
    if let Some(rest) = s.strip_prefix('第') {
        let num = rest
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .map(char::len_utf8)
            .sum::<usize>();
        let label = ["阶段：", "步：", "部分："]
            .iter()
            .find_map(|u| rest[num..].strip_prefix(u));
        if let Some(body) = label.filter(|b| num > 0 && b.chars().count() >= 4) {
            s = body;
        }
    }
    let sentence: &str = match s.char_indices().find(|(_, c)| is_stop(*c)) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    let mut out = sentence;
    if sentence.chars().count() > 24 {
        if let Some((i, _)) = sentence.char_indices().find(|(_, c)| *c == '，') {
            if sentence[..i].chars().count() >= 4 {
                out = &sentence[..i];
            }
        }
    }
    let mut out = trim_punct(out).to_string();
    // A bracketed date after it (（1月20日至2月20日）) is a note, not part of the phrase.
    if let Some(k) = out.rfind('（').filter(|_| out.ends_with('）')) {
        let note = &out[k + '（'.len_utf8()..];
        let digits = note.chars().take_while(char::is_ascii_digit).count();
        let dated = digits > 0 && matches!(note[digits..].chars().next(), Some('年' | '月'));
        if dated && k > 0 {
            out.truncate(k);
        }
    }
    for tail in ["，等等", "等等", "，等"] {
        if let Some(x) = out.strip_suffix(tail) {
            out = x.to_string();
        }
    }
    trim_punct(&out).to_string()
}

/// Drop a subject shared by every item and ended by 是 (`我国现代化是人口规模巨大的现代化`
/// → `人口规模巨大的现代化`), when every item keeps at least four characters; the subject
/// (`我国现代化`) is returned: it is what the list is about.
pub fn strip_shared_subject(items: &mut [String]) -> Option<String> {
    if items.len() < 2 {
        return None;
    }
    let first: Vec<char> = char_vec(&items[0]);
    let mut common = first.len();
    for it in items.iter().skip(1) {
        let n = first
            .iter()
            .zip(it.chars())
            .take_while(|(a, b)| **a == *b)
            .count();
        common = common.min(n);
    }
    // The shared part must end right after a 是.
    let cut = first[..common]
        .iter()
        .rposition(|c| *c == '是')
        .map(|p| p + 1)?;
    if cut < 2 || items.iter().any(|it| it.chars().count() < cut + 4) {
        return None;
    }
    for it in items.iter_mut() {
        *it = it.chars().skip(cut).collect();
    }
    let subject: String = string_of(&first[..cut - 1]);
    let subject = subject.trim_end_matches(['都', '就', '也', '还', '正', '更']);
    (subject.chars().count() >= 2).then(|| subject.to_string())
}

/// Vague quantities a lead sentence uses for a list whose size the items give.
pub const VAGUE: [&str; 14] = [
    "几个",
    "几类",
    "几种",
    "许多",
    "一些",
    "多个",
    "若干",
    "几方面",
    "多方面",
    "几点",
    "几项",
    "几条",
    "以下",
    "如下",
];

/// Classifiers that follow a count in a prompt.
pub const CLASSIFIERS: [&str; 10] = ["个", "条", "项", "点", "方面", "种", "大", "类", "步", "句"];

/// A number written in the text at char `i`, in digits (`26`) or Chinese numerals (`二十六`,
/// `两`): (value, chars).
pub fn number_at(s: &[char], i: usize) -> Option<(u32, usize)> {
    if s.get(i).is_some_and(|c| c.is_ascii_digit()) {
        let n = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let v = s[i..i + n].iter().try_fold(0u32, |acc, c| {
            acc.checked_mul(10)?.checked_add(c.to_digit(10)?)
        })?;
        Some((v, n))
    } else {
        cn_number(s.get(i..)?, true)
    }
}

/// A count written in the text (`五个`, `两方面`, `3项`) at char `i`: (value, numeral chars,
/// all chars).
pub fn count_at(s: &[char], i: usize) -> Option<(u32, usize, usize)> {
    let (v, n) = number_at(s, i)?;
    let rest = &s[i + n..];
    let cls = CLASSIFIERS
        .iter()
        .find(|c| c.chars().zip(rest).all(|(a, b)| a == *b) && rest.len() >= c.chars().count())?;
    // 第一个, 一个一个 and 十个指头 are not counts of a list; the caller decides context.
    if i > 0 && s[i - 1] == '第' {
        return None;
    }
    Some((v, n, n + cls.chars().count()))
}

/// Whether the count at char `i` (`all` chars long) is part of a name, not a number of items:
/// a congress (党的二十大, 二十大精神) — and, when `prev_ok` says the words before the count
/// do not govern it (和平共处|五项原则), a fixed name the count belongs to.
pub fn is_name_count(s: &[char], i: usize, all: usize) -> bool {
    let rest: String = s[(i + all).min(s.len())..].iter().take(2).collect();
    s.get(i + all - 1) == Some(&'大')
        && ((i > 0 && s[i - 1] == '的')
            || ["精神", "报告", "以来", "代表", "召开", "和二", "和十"]
                .iter()
                .any(|w| rest.starts_with(w)))
}

/// Whether the words right before char `i` govern a count there (具有|五个特征, 的|三个方面,
/// a clause start), so that the count says how many items a list has. A count right after a
/// noun (和平共处|五项原则) belongs to a name.
fn governed(s: &[char], i: usize) -> bool {
    if i == 0 || !is_han(s[i - 1]) {
        return true;
    }
    let before: String = string_of(&s[..i]);
    ["的", "这", "那", "些", "下", "了", "出", "为", "是"]
        .iter()
        .chain(VERB_FRAMES.iter())
        .any(|w| before.ends_with(w))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Put the size into a prompt: replace a vague quantity (`几个` → `六个`), keep a count that
/// matches, correct none silently (a mismatched count is replaced by a vague one), else add
/// `（N项）`.
pub fn with_count(base: &str, n: usize) -> String {
    let num = cn_numeral(n, true);
    // A count inside a quoted name (“三个代表”重要思想, 《…两个…》) is part of the name.
    let quoted_bytes = quoted_spans(base);
    let in_quotes = |pos: usize| quoted_bytes.iter().any(|(a, b)| *a <= pos && pos < *b);
    for v in VAGUE {
        // Most bases hold no vague word: `contains` says so without the searcher
        // `match_indices` builds.
        if !base.contains(v) {
            continue;
        }
        if let Some(pos) = base
            .match_indices(v)
            .map(|(pos, _)| pos)
            .find(|pos| !in_quotes(*pos))
        {
            let rest = &base[pos + v.len()..];
            let replacement = match v {
                "几方面" | "多方面" => format!("{num}方面"),
                "几点" => format!("{num}点"),
                "几项" => format!("{num}项"),
                "几条" => format!("{num}条"),
                "几类" => format!("{num}类"),
                "几种" => format!("{num}种"),
                "以下" | "如下" => format!("以下{num}个"),
                _ => format!("{num}个"),
            };
            return format!("{}{}{}", &base[..pos], replacement, rest);
        }
    }
    let mut chars: Vec<char> = base.chars().collect();
    let quoted = quoted_mask(&chars);
    let mut i = 0;
    while i < chars.len() {
        if quoted.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        if let Some((v, digits, all)) = count_at(&chars, i).filter(|(v, _, _)| *v >= 2) {
            if is_name_count(&chars, i, all) {
                // Part of a name (党的二十大): never the list's size, never 几.
                i += all;
                continue;
            }
            if usize::try_from(v).ok() == Some(n) {
                return chars.iter().collect();
            }
            if !governed(&chars, i) {
                // A count right after a noun (五项原则) names something else: left alone.
                i += all;
                continue;
            }
            // A different count in the lead: say 几 rather than a number the list lacks.
            chars.splice(i..i + digits, ['几']);
        }
        i += 1;
    }
    let base: String = chars.into_iter().collect();
    format!("{base}（{}项）", cn_numeral(n, true))
}

/// For each character, whether it lies inside “…” or 《…》 (the marks themselves included).
pub fn quoted_mask(chars: &[char]) -> Vec<bool> {
    let mut depth = 0usize;
    chars
        .iter()
        .map(|c| match c {
            '“' | '《' => {
                depth += 1;
                true
            }
            '”' | '》' => {
                depth = depth.saturating_sub(1);
                true
            }
            _ => depth > 0,
        })
        .collect()
}

/// Byte ranges of `s` inside “…” or 《…》.
fn quoted_spans(s: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = char_vec(s);
    let mask = quoted_mask(&chars);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for ((pos, c), q) in s.char_indices().zip(mask) {
        if !q {
            continue;
        }
        match out.last_mut() {
            Some((_, b)) if *b == pos => *b = pos + c.len_utf8(),
            _ => out.push((pos, pos + c.len_utf8())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_trimmed_only_in_pairs() {
        assert_eq!(super::trim_punct("“人工智能+”招标。"), "“人工智能+”招标");
        assert_eq!(super::trim_punct("“两个确立”，"), "两个确立");
        assert_eq!(super::trim_punct("先体检、再发布”"), "先体检、再发布");
        assert_eq!(super::trim_punct("“先体检"), "先体检");
        assert_eq!(super::trim_punct("反制“"), "反制");
    }

    #[test]
    fn key_phrases() {
        assert_eq!(
            key_phrase("要加快培育完整内需体系。这是畅通国民经济循环"),
            "加快培育完整内需体系"
        );
        assert_eq!(
            key_phrase("更好统筹扩大内需和深化供给侧结构性改革，增强国内大循环动力和可靠性。构建"),
            "更好统筹扩大内需和深化供给侧结构性改革"
        );
        assert_eq!(key_phrase("指导思想。以习近平"), "指导思想");
        // A stage's ordinal label goes; a phrase that only starts alike stays.
        assert_eq!(
            key_phrase("第二阶段：初步遏制疫情蔓延势头（1月20日至2月20日）"),
            "初步遏制疫情蔓延势头"
        );
        assert_eq!(key_phrase("第一要务是发展"), "第一要务是发展");
        // A bracketed name that opens on a digit stays.
        assert_eq!(key_phrase("第五代移动通信（5G）"), "第五代移动通信（5G）");
        assert_eq!(
            key_phrase("坚持构建和谐劳动关系，等等"),
            "坚持构建和谐劳动关系"
        );
    }

    #[test]
    fn shared_subject() {
        let mut v = vec![
            "我国现代化是人口规模巨大的现代化".to_string(),
            "我国现代化是全体人民共同富裕的现代化".to_string(),
        ];
        assert_eq!(strip_shared_subject(&mut v).as_deref(), Some("我国现代化"));
        assert_eq!(v, ["人口规模巨大的现代化", "全体人民共同富裕的现代化"]);
    }

    #[test]
    fn prompts() {
        assert_eq!(
            with_count("构建新发展格局要把握好几个重要着力点", 6),
            "构建新发展格局要把握好六个重要着力点"
        );
        assert_eq!(
            with_count("我国建设社会主义现代化具有许多重要特征", 5),
            "我国建设社会主义现代化具有五个重要特征"
        );
        assert_eq!(
            with_count("要从两个维度来研究和布局", 2),
            "要从两个维度来研究和布局"
        );
        assert_eq!(with_count("丝路精神", 4), "丝路精神（四项）");
        // A name made from clauses framed alike (主动接受…的评议 ×3) says 几类: the count
        // takes its place, never a second count after it.
        assert_eq!(with_count("主动接受的几类评议", 3), "主动接受的三类评议");
        // A congress or a fixed name keeps its number, and the size is added.
        assert_eq!(
            with_count("深入贯彻党的二十大精神", 8),
            "深入贯彻党的二十大精神（八项）"
        );
        assert_eq!(
            with_count("坚持在睦邻友好三项原则基础上合作", 4),
            "坚持在睦邻友好三项原则基础上合作（四项）"
        );
        // A count the lead governs but that differs from the list's size says 几.
        assert_eq!(with_count("具有三个特征", 4), "具有几个特征（四项）");
        // A count inside a quoted name is the name, not the list's size.
        assert_eq!(
            with_count("贯彻“三个代表”重要思想的要求", 4),
            "贯彻“三个代表”重要思想的要求（四项）"
        );
        assert_eq!(
            with_count("增强“四个意识”，做到几个方面", 3),
            "增强“四个意识”，做到三个方面"
        );
    }
}
