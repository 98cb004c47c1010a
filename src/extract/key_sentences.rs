//! Key sentences: the definitions and judgements exams blank out (`…是中国式现代化的本质特征`,
//! `…是…的关键/根本/硬道理/必由之路…`, `…的关键在于…`), turned into cloze text.
//!
//! What is blanked, and why:
//! - the judgement term after `是…的` (`本质特征`, `硬道理`, `重要着力点`) or the complement of
//!   `…的关键在于` — the part an exam asks for. Terms joined by 和/与/、 (`内在要求和重要着力点`)
//!   are blanks of one group. A second judgement clause in the sentence is group 2.
//! - the subject term, as group 2, when the sentence has exactly one judgement blank and the
//!   subject is a domain term (`{{c2::改革开放}}是…的{{c1::关键一招}}`) or a short noun phrase
//!   that is not a stop word (`{{c2::城乡经济循环}}`).
//!
//! Precision over recall: a judgement whose subject is a pronoun (`这是…的关键`) or missing is
//! dropped (the card would not say what it is about); only a fixed list of judgement nouns counts
//! (so `…的关键时期` is not a judgement); `…必须…` sentences are not taken.
//! Blanks fall on jieba word boundaries and never on a stop word; at most two per sentence.
use std::collections::HashSet;

use crate::corpus::Document;
use crate::segment::{is_stop_word, Idf, Segmenter, Word};

/// A cloze note candidate found in a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KeySentence {
    /// The sentence with `{{…}}` blanks (`{{c1::…}}`/`{{c2::…}}` when there are two groups).
    pub text: String,
    /// 1-based source line where the sentence starts.
    pub line: u32,
    /// The whole paragraph the sentence came from.
    pub paragraph: String,
}

/// Sentence lengths worth a card, in characters (after a leading `习近平强调，` is dropped).
const MIN_CHARS: usize = 8;
const MAX_CHARS: usize = 80;
/// A subject longer than this is never blanked.
const MAX_SUBJECT_CHARS: usize = 16;

/// Judgement nouns: `X是Y的<term>` states what X is for Y. `重要…` (3–5 characters) also counts.
const JUDGEMENTS: &[&str] = &[
    "关键",
    "根本",
    "核心",
    "基础",
    "根基",
    "命脉",
    "灵魂",
    "生命线",
    "首要任务",
    "中心任务",
    "根本任务",
    "硬道理",
    "第一要务",
    "第一动力",
    "第一资源",
    "第一生产力",
    "本质特征",
    "本质要求",
    "内在要求",
    "必然要求",
    "本质属性",
    "显著特征",
    "鲜明特征",
    "基本特征",
    "必由之路",
    "必然选择",
    "应有之义",
    "根本保证",
    "根本目的",
    "根本动力",
    "根本依托",
    "根本途径",
    "根本出路",
    "根本遵循",
    "根本宗旨",
    "根本标准",
    "根本所在",
    "根本方向",
    "根本原则",
    "重大任务",
    "战略任务",
    "关键一招",
    "关键所在",
    "关键因素",
    "关键环节",
    "关键联结点",
    "战略基点",
    "重中之重",
    "总抓手",
    "力量源泉",
    "动力源泉",
    "最大优势",
    "最大底气",
    "显著优势",
    "核心要素",
    "核心要义",
    "核心竞争力",
    "压舱石",
    "稳定器",
    "主引擎",
    "出发点和落脚点",
    "战略支撑",
];

/// `X是…`: the copula forms jieba yields as one word.
const COPULAS: &[&str] = &[
    "是", "也是", "就是", "更是", "都是", "正是", "才是", "则是", "既是", "又是",
];

/// A `是` right after one of these is part of 特别是/而是/不是…, not a copula.
const NOT_COPULA_BEFORE: &[&str] = &[
    "特别",
    "尤其",
    "而",
    "还",
    "不",
    "或",
    "只",
    "要",
    "总",
    "可",
    "但",
    "于",
    "凡",
    "若",
    "即",
    "正因为",
    "就",
];

/// Adverbs between a subject and its copula (`X也是…`), not part of the subject.
const ADVERBS: &[&str] = &[
    "也", "都", "就", "正", "才", "更", "则", "既", "又", "还", "同样", "始终", "仍", "仍然",
    "依然", "已", "已经", "必将", "将", "无疑",
];

/// A subject starting with one of these refers back to another sentence.
const PRONOUNS: &[&str] = &[
    "这",
    "这是",
    "这些",
    "这一",
    "这个",
    "这种",
    "这样",
    "这项",
    "这条",
    "这也",
    "这就是",
    "此",
    "它",
    "它们",
    "其",
    "那",
    "那些",
    "该",
    "上述",
    "以上",
    "前者",
    "后者",
];

/// A one-word subject like these opens an explanation (`重点是…`), not a judgement.
const FRAME_NOUNS: &[&str] = &[
    "重点", "难点", "目的", "问题", "原因", "前提", "结果", "目标", "任务", "要求",
];

/// Leading clauses dropped from a card: the speaker (`习近平强调，`) and bare connectives.
const SPEAKER_VERBS: &[&str] = &["强调", "指出", "表示", "认为", "提出", "说", "明确"];
const CONNECTIVES: &[&str] = &[
    "总之",
    "同时",
    "因此",
    "所以",
    "可见",
    "当前",
    "目前",
    "其中",
    "总的来看",
    "总的来说",
    "实践证明",
    "事实证明",
    "历史证明",
];

/// `…的关键在于X`: heads of the judgement, alone or glued to 在于 by jieba.
const ZAIYU_HEADS: &[&str] = &["关键", "根本", "核心", "要害"];

/// True for a judgement noun (see [`JUDGEMENTS`]).
pub fn is_judgement(term: &str) -> bool {
    JUDGEMENTS.contains(&term)
        || (term.starts_with("重要") && (3..=5).contains(&term.chars().count()))
}

/// The key sentences of a document, in document order, each cloze text once.
pub fn find(doc: &Document, seg: &Segmenter, idf: &Idf) -> Vec<KeySentence> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for p in &doc.paragraphs {
        for (start, sentence) in sentences(&p.text) {
            let skip = lead_in_len(sentence);
            let body = &sentence[skip..];
            let found: Vec<(usize, String)> = if body.chars().count() > MAX_CHARS {
                long_sentence(body, seg, idf)
            } else {
                cloze(body, seg, idf).map(|t| (0, t)).into_iter().collect()
            };
            for (offset, text) in found {
                if seen.insert(text.clone()) {
                    out.push(KeySentence {
                        text,
                        line: p.line_at(start + skip + offset),
                        paragraph: p.text.clone(),
                    });
                }
            }
        }
    }
    out
}

/// A sentence too long for one card may hold a judgement that stands alone as a clause
/// (`…，必须牢记高质量发展是新时代的硬道理，全面贯彻…`): each `，` clause is tried as a sentence of
/// its own, after a leading `必须牢记` and the like. Returns (byte offset in `body`, cloze text).
fn long_sentence(body: &str, seg: &Segmenter, idf: &Idf) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    for clause in body.split_inclusive(['，', '。', '；', '！', '？']) {
        let offset = from;
        from += clause.len();
        let text = clause.trim_end_matches(['，', '。', '；', '！', '？']);
        let lead = COGNITION
            .iter()
            .find(|c| text.starts_with(*c))
            .map_or(0, |c| c.len());
        let text = &text[lead..];
        if !text.contains('是') {
            continue;
        }
        if let Some(t) = cloze(&format!("{text}。"), seg, idf) {
            out.push((offset + lead, t));
        }
    }
    out
}

/// Verbs of knowing that introduce a judgement inside a longer sentence.
const COGNITION: &[&str] = &[
    "必须牢记",
    "始终牢记",
    "牢记",
    "深刻认识到",
    "认识到",
    "要认识到",
    "必须认识到",
    "必须明确",
    "要明确",
    "明确",
];

/// The sentences of a paragraph with their byte offsets: split after 。！？；, leading
/// whitespace dropped, the terminator kept.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；') {
            let end = i + c.len_utf8();
            push_sentence(text, from, end, &mut out);
            from = end;
        }
    }
    push_sentence(text, from, text.len(), &mut out);
    out
}

fn push_sentence<'a>(text: &'a str, from: usize, end: usize, out: &mut Vec<(usize, &'a str)>) {
    let s = &text[from..end];
    let trimmed = s.trim_start();
    let start = from + (s.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        out.push((start, trimmed));
    }
}

/// Byte length of leading clauses that name the speaker or only connect (`习近平强调，`,
/// `总之，`): they carry nothing to learn.
fn lead_in_len(sentence: &str) -> usize {
    let mut skip = enumeration_len(sentence);
    // At most two such clauses (`同时，习近平指出，`).
    for _ in 0..2 {
        let rest = &sentence[skip..];
        let Some(comma) = rest.find('，') else { break };
        let clause = &rest[..comma];
        let chars = clause.chars().count();
        let speaker = chars <= 20
            && !clause.contains('是')
            && SPEAKER_VERBS.iter().any(|v| clause.ends_with(v));
        if speaker || CONNECTIVES.contains(&clause) {
            skip += comma + '，'.len_utf8();
        } else {
            break;
        }
    }
    skip
}

/// Byte length of a leading heading number (`一、`, `（三）`, `2.`): the list extractor's
/// business, not part of a statement.
fn enumeration_len(sentence: &str) -> usize {
    const NUMERALS: &str = "一二三四五六七八九十0123456789";
    let digits = |s: &str| s.find(|c: char| !NUMERALS.contains(c)).unwrap_or(s.len());
    if let Some(rest) = sentence.strip_prefix('（') {
        let n = digits(rest);
        if n > 0 && rest[n..].starts_with('）') {
            return '（'.len_utf8() + n + '）'.len_utf8();
        }
        return 0;
    }
    let n = digits(sentence);
    if n > 0 && n <= 6 {
        for sep in ['、', '.', '．'] {
            if sentence[n..].starts_with(sep) {
                return n + sep.len_utf8();
            }
        }
    }
    0
}

/// One judgement found in a clause.
struct Judgement {
    /// Word ranges `[from, to)` of the blanks (the judgement terms or the `在于` complement).
    blanks: Vec<(usize, usize)>,
    /// Word range of the subject, when it lies inside the judgement's own clause or the one
    /// clause before it.
    subject: Option<(usize, usize)>,
}

/// The cloze text of one sentence, or `None` when it is not a key sentence.
pub fn cloze(sentence: &str, seg: &Segmenter, idf: &Idf) -> Option<String> {
    let chars = sentence.chars().count();
    if !(MIN_CHARS..=MAX_CHARS).contains(&chars) || sentence.contains(['{', '}']) {
        return None;
    }
    // A sentence cut inside a quotation is not a whole statement.
    if sentence.matches('“').count() != sentence.matches('”').count() {
        return None;
    }
    // Cheap screen before segmenting: most sentences have no judgement at all.
    let zaiyu = sentence.contains("在于");
    let copula = sentence.contains('是')
        && sentence.contains('的')
        && (sentence.contains("重要") || JUDGEMENTS.iter().any(|j| sentence.contains(j)));
    if !zaiyu && !copula {
        return None;
    }
    let words = seg.words(sentence);
    let clauses = clauses(&words);
    let mut found: Vec<Judgement> = Vec::new();
    // Whether an earlier clause already had its own `X是…` (then a clause that opens with 是
    // continues that subject rather than taking the clauses before it as one).
    let mut earlier_copula = false;
    // Whether the subject of the current `X是…，是…` chain may be asked about (not a pronoun).
    let mut chain_ok = false;
    for (k, &(a, b)) in clauses.iter().enumerate() {
        let copula = copula_at(&words, a, b);
        let judged = copula_judgement(&words, b, copula).or_else(|| zaiyu_judgement(&words, a, b));
        let had_copula = earlier_copula;
        earlier_copula |= copula.is_some();
        if let Some(c) = copula {
            let mut end = c;
            while end > a && ADVERBS.contains(&words[end - 1].text) {
                end -= 1;
            }
            if end > a {
                chain_ok = !PRONOUNS.contains(&words[a].text);
            }
        }
        let Some((subject_end, blanks)) = judged else {
            continue;
        };
        let mut subj_end = subject_end;
        while subj_end > a && ADVERBS.contains(&words[subj_end - 1].text) {
            subj_end -= 1;
        }
        let (s_from, s_to, own_clause) = if subj_end > a {
            (a, subj_end, true)
        } else if k > 0 && had_copula {
            // `X是A的J1，是B的J2`: the chain's subject was read with the first clause.
            if !chain_ok {
                continue;
            }
            found.push(Judgement {
                blanks,
                subject: None,
            });
            continue;
        } else if k > 0 {
            // `X，是…`: the subject is everything before (one clause: it may be blanked).
            let first = clauses.first().map(|c| c.0).unwrap_or(a);
            let prev = clauses.get(k - 1).map(|c| c.1).unwrap_or(a);
            (first, prev, k == 1)
        } else {
            continue;
        };
        if s_from >= s_to || PRONOUNS.contains(&words[s_from].text) {
            continue;
        }
        // `关键是我们把…`: "the key is that…" introduces an explanation, not a judgement.
        if s_to == s_from + 1
            && (is_judgement(words[s_from].text) || FRAME_NOUNS.contains(&words[s_from].text))
        {
            continue;
        }
        found.push(Judgement {
            blanks,
            subject: own_clause.then_some((s_from, s_to)),
        });
    }
    let blank_count: usize = found.iter().map(|j| j.blanks.len()).sum();
    if found.is_empty() || blank_count > 2 || found.len() > 2 {
        return None;
    }
    // (byte start, byte end, group)
    let mut marks: Vec<(usize, usize, u32)> = Vec::new();
    for (g, j) in found.iter().enumerate() {
        for &(from, to) in &j.blanks {
            marks.push((words[from].start, words[to - 1].end, g as u32 + 1));
        }
    }
    if blank_count == 1 {
        if let Some((from, to)) = found.first().and_then(|j| j.subject) {
            if let Some((s, e)) = subject_blank(&words[from..to], sentence, seg, idf) {
                marks.push((s, e, 2));
            }
        }
    }
    for &(s, e, _) in &marks {
        if is_stop_word(&sentence[s..e]) {
            return None;
        }
    }
    marks.sort();
    let numbered = marks.iter().any(|m| m.2 > 1);
    let mut text = String::with_capacity(sentence.len() + 16 * marks.len());
    let mut at = 0;
    for (s, e, g) in marks {
        text.push_str(&sentence[at..s]);
        if numbered {
            text.push_str(&format!("{{{{c{g}::{}}}}}", &sentence[s..e]));
        } else {
            text.push_str(&format!("{{{{{}}}}}", &sentence[s..e]));
        }
        at = e;
    }
    text.push_str(&sentence[at..]);
    // A card reads as a sentence: a `；` cut becomes a full stop.
    if let Some(stripped) = text.strip_suffix('；') {
        text = format!("{stripped}。");
    }
    Some(text)
}

fn is_clause_break(w: &Word<'_>) -> bool {
    matches!(
        w.text,
        "，" | "；" | "。" | "！" | "？" | "：" | "," | ";" | ":" | "!" | "?"
    )
}

/// Clauses as word ranges `[from, to)`, punctuation excluded.
fn clauses(words: &[Word<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, w) in words.iter().enumerate() {
        if is_clause_break(w) {
            if i > from {
                out.push((from, i));
            }
            from = i + 1;
        }
    }
    if words.len() > from {
        out.push((from, words.len()));
    }
    out
}

/// The first copula of words `[a, b)`; `是` after 特别/尤其/而/还/不… is not one.
fn copula_at(words: &[Word<'_>], a: usize, b: usize) -> Option<usize> {
    (a..b).find(|&i| {
        COPULAS.contains(&words[i].text)
            && !(i > a && NOT_COPULA_BEFORE.contains(&words[i - 1].text))
    })
}

/// `X是Y的J[和J2]` in words `[.., b)` with the copula at `copula`: the word index where the copula starts (the subject ends)
/// and the ranges of the judgement terms, which must end the clause.
fn copula_judgement(
    words: &[Word<'_>],
    b: usize,
    copula: Option<usize>,
) -> Option<(usize, Vec<(usize, usize)>)> {
    let cop = copula?;
    let de = (cop + 1..b).rev().find(|&i| words[i].text == "的")?;
    if de + 1 >= b {
        return None;
    }
    let whole: String = words[de + 1..b].iter().map(|w| w.text).collect();
    if is_judgement(&whole) {
        return Some((cop, vec![(de + 1, b)]));
    }
    let mut blanks = Vec::new();
    let mut from = de + 1;
    for i in de + 1..=b {
        let joint = i < b && matches!(words[i].text, "和" | "与" | "、" | "及");
        if i == b || joint {
            if from >= i {
                return None;
            }
            let term: String = words[from..i].iter().map(|w| w.text).collect();
            if !is_judgement(&term) {
                return None;
            }
            blanks.push((from, i));
            from = i + 1;
        }
    }
    (!blanks.is_empty()).then_some((cop, blanks))
}

/// `X的关键在于Y` in words `[a, b)`: the index of `的` (the subject ends there) and Y's range.
fn zaiyu_judgement(words: &[Word<'_>], a: usize, b: usize) -> Option<(usize, Vec<(usize, usize)>)> {
    for h in a + 1..b {
        let glued = words[h]
            .text
            .strip_suffix("在于")
            .is_some_and(|head| ZAIYU_HEADS.contains(&head));
        let split = ZAIYU_HEADS.contains(&words[h].text)
            && words.get(h + 1).is_some_and(|w| w.text == "在于");
        if !(glued || split) || words[h - 1].text != "的" {
            continue;
        }
        let from = if glued { h + 1 } else { h + 2 };
        if from >= b {
            return None;
        }
        let complement: String = words[from..b].iter().map(|w| w.text).collect();
        let n = complement.chars().count();
        if !(2..=12).contains(&n) || is_stop_word(&complement) {
            return None;
        }
        return Some((h - 1, vec![(from, b)]));
    }
    None
}

/// The blank for a subject, as a byte range of the sentence: its best domain term (rarest by
/// IDF, then longest), else the whole subject without leading/trailing stop words when that is
/// a short phrase (2–8 characters, no 的). `None` when nothing in it is worth asking.
fn subject_blank(
    subject: &[Word<'_>],
    sentence: &str,
    seg: &Segmenter,
    idf: &Idf,
) -> Option<(usize, usize)> {
    let (Some(first), Some(last)) = (subject.first(), subject.last()) else {
        return None;
    };
    // A longer subject is a clause (`科技创新能够催生新产业、新模式…`): its terms are not the
    // thing judged.
    let span = &sentence[first.start..last.end];
    if span.chars().count() > MAX_SUBJECT_CHARS || span.contains('、') {
        return None;
    }
    let mut best: Option<(&Word<'_>, f64, usize)> = None;
    for w in subject.iter().filter(|w| seg.is_domain_term(w.text)) {
        let score = idf.idf(w.text);
        let len = w.text.chars().count();
        let better = match best {
            None => true,
            Some((_, s, l)) => score > s || (score == s && len > l),
        };
        if better {
            best = Some((w, score, len));
        }
    }
    if let Some((w, _, _)) = best {
        return Some((w.start, w.end));
    }
    let from = subject.iter().position(|w| !is_stop_word(w.text))?;
    let to = subject.iter().rposition(|w| !is_stop_word(w.text))? + 1;
    let core = subject.get(from..to)?;
    if core.iter().any(|w| w.text == "的" || is_clause_break(w)) {
        return None;
    }
    let (s, e) = (core.first()?.start, core.last()?.end);
    let n = sentence[s..e].chars().count();
    if !(2..=8).contains(&n) || subject.len() > core.len() + 2 {
        return None;
    }
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_and_keep_offsets() {
        let text = "甲是乙。 丙是丁；戊";
        let got = sentences(text);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], (0, "甲是乙。"));
        assert_eq!(&text[got[1].0..], "丙是丁；戊");
        assert_eq!(got[2].1, "戊");
    }

    #[test]
    fn lead_in_drops_speaker_and_connectives_only() {
        let s = "习近平强调，全体人民共同富裕是中国式现代化的本质特征。";
        assert_eq!(
            &s[lead_in_len(s)..],
            "全体人民共同富裕是中国式现代化的本质特征。"
        );
        let s = "总之，“十四五”时期是关键时期。";
        assert_eq!(&s[lead_in_len(s)..], "“十四五”时期是关键时期。");
        // A first clause that is the subject stays.
        let s = "实现高水平科技自立自强，是中国式现代化建设的关键。";
        assert_eq!(lead_in_len(s), 0);
    }

    #[test]
    fn judgement_terms() {
        for t in [
            "本质特征",
            "硬道理",
            "关键",
            "重要着力点",
            "重要法宝",
            "出发点和落脚点",
        ] {
            assert!(is_judgement(t), "{t}");
        }
        for t in ["关键时期", "重要", "重要的是一个问题", "特征"] {
            assert!(!is_judgement(t), "{t}");
        }
    }
}
