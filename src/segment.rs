//! The one jieba-rs wrapper: word segmentation with jieba's default dictionary plus the domain
//! dictionary `corpus/domain.dict` (embedded), the stop list, and TF-IDF keywords.
//!
//! Building a [`Segmenter`] costs a dictionary load (tens of milliseconds in release, much more
//! unoptimised): build it once per run and pass it by reference. The TUI never builds one.
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The domain dictionary, `word freq [tag]` per line, `#` comments allowed.
pub const DOMAIN_DICT: &str = include_str!("../corpus/domain.dict");
const DOMAIN_DICT_PATH: &str = "corpus/domain.dict";

#[derive(Debug, Clone, thiserror::Error)]
pub enum SegmentError {
    /// A domain dictionary line that jieba would load wrongly or not at all.
    #[error("{file}:{line}: {message}")]
    Dict {
        file: &'static str,
        line: usize,
        message: String,
    },
}

/// One word of a segmented text, with its byte range in that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte offsets into the segmented text.
    pub start: usize,
    pub end: usize,
}

/// Words of how far something is done that open a predicate (…体系|基本建成): jieba tags some
/// of them nouns (基本).
const DEGREES_OF_DONE: [&str; 12] = [
    "基本",
    "初步",
    "全面",
    "明显",
    "显著",
    "更加",
    "进一步",
    "不断",
    "日益",
    "逐步",
    "持续",
    "有效",
];

/// jieba with the domain dictionary loaded; immutable once built.
pub struct Segmenter {
    jieba: Jieba,
    domain: HashSet<String>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("domain_terms", &self.domain.len())
            .finish()
    }
}

/// One line of the domain dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DictEntry<'a> {
    /// 1-based line in the dictionary file.
    pub line: usize,
    pub word: &'a str,
    pub freq: usize,
    pub tag: Option<&'a str>,
}

/// The entries of a dictionary text, skipping blank and `#` lines.
/// A line without an explicit frequency is an error: jieba-rs 0.11 would load it with
/// frequency 0 (log 0 = -inf), so the word would silently never be chosen.
pub fn parse_dict(text: &str) -> Result<Vec<DictEntry<'_>>, SegmentError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| SegmentError::Dict {
            file: DOMAIN_DICT_PATH,
            line: i + 1,
            message,
        };
        let mut fields = line.split_whitespace();
        let word = fields.next().unwrap_or_default();
        let freq = match fields.next() {
            Some(f) => f
                .parse::<usize>()
                .map_err(|e| err(format!("`{word}`: frequency `{f}` is not a number: {e}")))?,
            None => return Err(err(format!("`{word}` has no frequency"))),
        };
        if freq == 0 {
            return Err(err(format!("`{word}` has frequency 0")));
        }
        let tag = fields.next();
        if fields.next().is_some() {
            return Err(err(format!("`{word}`: more than `word freq tag`")));
        }
        out.push(DictEntry {
            line: i + 1,
            word,
            freq,
            tag,
        });
    }
    Ok(out)
}

impl Segmenter {
    /// jieba's default dictionary plus the embedded domain dictionary.
    pub fn new() -> Result<Segmenter, SegmentError> {
        // Parsed here rather than by jieba's `load_dict`: that loader accepts a line without a
        // frequency silently and knows no comments.
        let entries = parse_dict(DOMAIN_DICT)?;
        let mut jieba = Jieba::new();
        for e in &entries {
            jieba.add_word(e.word, Some(e.freq), e.tag);
        }
        let domain = entries.iter().map(|e| e.word.to_string()).collect();
        Ok(Segmenter { jieba, domain })
    }

    /// The process's segmenter, loaded on first use. The dictionary load is most of what
    /// `generate` costs, so every pass of a run shares this one rather than loading its own.
    pub fn shared() -> Result<&'static Segmenter, SegmentError> {
        static SHARED: OnceLock<Result<Segmenter, SegmentError>> = OnceLock::new();
        SHARED
            .get_or_init(Segmenter::new)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Start loading [`Segmenter::shared`] on a background thread, so that reading the
    /// corpus and finding lists overlap the load. Without a thread it loads on first use.
    pub fn preload() {
        let loader = std::thread::Builder::new().name("segmenter".into());
        // Nothing to do on failure: `shared` loads on the caller's thread then.
        let _ = loader.spawn(|| Segmenter::shared().is_ok());
    }

    /// The words of `text` in order (jieba's precise mode, no HMM: blanks fall only on
    /// dictionary words, never on guessed merges of single characters).
    pub fn words<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .cut(text, false)
            .into_iter()
            .map(|t| Word {
                text: t.word,
                start: t.byte_start,
                end: t.byte_start + t.word.len(),
            })
            .collect()
    }

    /// True when jieba tags the first word of `text` as a verb (`拉长|长板`, not `老年|医学`).
    pub fn opens_with_verb(&self, text: &str) -> bool {
        self.jieba
            .tag(text, false)
            .first()
            .is_some_and(|t| t.tag.starts_with('v'))
    }

    /// The byte offset right after the last verb of `text` that leaves something after it
    /// (国家卫生健康委发布|通用 → after 发布), or None when `text` holds no such verb.
    pub fn last_verb_end(&self, text: &str) -> Option<usize> {
        let mut at = 0;
        let mut out = None;
        for t in self.jieba.tag(text, false) {
            at += t.word.len();
            if t.tag == "v" && at < text.len() {
                out = Some(at);
            }
        }
        out
    }

    /// True when `text` opens on an action: a verb among its first two words (加快|构建…,
    /// 全面|构建…, 进一步|完善…) or a set phrase (切实加强), not a noun phrase (主要|目标).
    pub fn opens_with_action(&self, text: &str) -> bool {
        let tags = self.jieba.tag(text, false);
        tags.first().is_some_and(|t| t.tag == "l") || tags.iter().take(2).any(|t| t.tag == "v")
    }

    /// True when `text` says what something is like rather than what it is: it ends on a
    /// predicate (素质|优良, 结构|优化, 社会|认可), opens on an adverb (更|全方位, 充分|开放) or
    /// ends on a quality (…性, …化). `重大|装备`, `钢铁` and `市场准入` name things.
    pub fn describes(&self, text: &str) -> bool {
        if text.ends_with(['性', '化']) {
            return true;
        }
        let tags = self.jieba.tag(text, false);
        tags.first().is_some_and(|t| matches!(t.tag, "d" | "ad"))
            || tags
                .last()
                .is_some_and(|t| matches!(t.tag, "a" | "ad" | "an" | "z" | "v" | "vn" | "l"))
    }

    /// True when `text` is a noun phrase: it ends on a noun and holds no verb (现代化人力资源,
    /// 劳动教育课程体系; not 眼光|看|问题).
    pub fn is_noun_phrase(&self, text: &str) -> bool {
        let tags = self.jieba.tag(text, false);
        tags.last().is_some_and(|t| t.tag.starts_with('n')) && tags.iter().all(|t| t.tag != "v")
    }

    /// True when `text` is a compound noun that may hold an activity (全球|治理|体系): it ends
    /// on a noun, opens on no verb, and holds no verb of one character (not 眼光|看|问题).
    pub fn is_compound_noun(&self, text: &str) -> bool {
        let tags = self.jieba.tag(text, false);
        tags.last().is_some_and(|t| t.tag.starts_with('n'))
            && tags.first().is_some_and(|t| t.tag != "v")
            && tags
                .iter()
                .all(|t| t.tag != "v" || t.word.chars().count() >= 2)
    }

    /// True when every word of `text` is a verb or a verbal noun (规划|建设, 投资), as an
    /// activity on a kind of things is written (not 物流|发展, 补助|力度).
    /// (规划, 布局 and 部署 are tagged nouns; before a verb, 规划|建设, they are planning.)
    pub fn is_activity(&self, text: &str) -> bool {
        let tags = self.jieba.tag(text, false);
        let verbal = |t: &jieba_rs::Tag| matches!(t.tag, "v" | "vn");
        let planning = |t: &jieba_rs::Tag| matches!(t.word, "规划" | "布局" | "部署");
        tags.last().is_some_and(verbal) && tags.iter().all(|t| verbal(t) || planning(t))
    }

    /// True when the last word of `text` is a common noun (创新|平台, 评价|制度; not a place
    /// or a person, nor 发展).
    pub fn ends_on_noun(&self, text: &str) -> bool {
        self.jieba.tag(text, false).last().is_some_and(|t| {
            t.tag.starts_with('n') && !t.tag.starts_with("nr") && !t.tag.starts_with("ns")
        })
    }

    /// True when the first word of `text` is a common noun or a verbal noun (交通|发展水平,
    /// 利益, 管理|体制改革; not a place, a person, a verb or a function word).
    pub fn opens_on_noun(&self, text: &str) -> bool {
        self.jieba.tag(text, false).first().is_some_and(|t| {
            (t.tag.starts_with('n') && !t.tag.starts_with("nr") && !t.tag.starts_with("ns"))
                || t.tag == "vn"
        })
    }

    /// True when the last word of `text` is the object of a verb right before it (政府|重视|质量),
    /// not the head of a noun phrase (区域|重大|战略).
    pub fn ends_on_object(&self, text: &str) -> bool {
        let tags = self.jieba.tag(text, false);
        tags.len() >= 2 && tags[tags.len() - 2].tag == "v"
    }

    /// True when `text` holds a word of place or direction (国内, 东部): no kind of things.
    pub fn has_place_word(&self, text: &str) -> bool {
        self.jieba
            .tag(text, false)
            .iter()
            .any(|t| matches!(t.tag, "s" | "f" | "ns"))
    }

    /// The byte length of the noun phrase `text` opens with: its leading words tagged as nouns
    /// (我国|科技|事业|不断发展 → 我国科技事业), or 0.
    pub fn leading_nouns(&self, text: &str) -> usize {
        // (我国 is tagged a pronoun; it opens the genre's noun phrases all the same.)
        self.jieba
            .tag(text, false)
            .iter()
            .enumerate()
            .take_while(|(i, t)| {
                (t.tag.starts_with('n') && t.tag != "nr")
                    || matches!(t.tag, "s" | "j")
                    || (*i == 0 && t.word == "我国")
            })
            .map(|(_, t)| t.word.len())
            .sum()
    }

    /// Whether `text` opens on a word of how far something is done (基本|建成, 初步|形成,
    /// 更加|完善): a predicate about the noun before it.
    pub fn opens_on_degree(text: &str) -> bool {
        DEGREES_OF_DONE.iter().any(|w| text.starts_with(w))
    }

    /// The byte length of the noun phrase `text` opens with when a predicate may follow it
    /// (交通运输|科技成果|转化|体系|基本建成 → …转化体系): its words up to the first adverb,
    /// preposition, conjunction or punctuation, with trailing verbs dropped; 0 when it does not
    /// end on a noun.
    pub fn noun_before_predicate(&self, text: &str) -> usize {
        let tags = self.jieba.tag(text, false);
        let upto: Vec<&jieba_rs::Tag> = tags
            .iter()
            .take_while(|t| {
                !matches!(t.tag, "d" | "ad" | "p" | "c" | "x" | "uj" | "r")
                    && !DEGREES_OF_DONE.contains(&t.word)
                    && t.word.chars().all(char::is_alphanumeric)
            })
            .collect();
        let end = upto
            .iter()
            .rposition(|t| t.tag.starts_with('n') && !t.tag.starts_with("nr"))
            .map_or(0, |k| k + 1);
        upto[..end].iter().map(|t| t.word.len()).sum()
    }

    /// True when `text` is one place or person name (北京, 粤港澳大湾区, 毛泽东): a series of
    /// them is a roll of places or a roll call, not a list to learn.
    pub fn is_name(&self, text: &str) -> bool {
        let tags = self.jieba.tag(text, false);
        tags.len() == 1 && matches!(tags[0].tag, "ns" | "nr")
    }

    /// True for a word of the domain dictionary (a term of the genre that stays whole).
    pub fn is_domain_term(&self, word: &str) -> bool {
        self.domain.contains(word)
    }

    /// The number of domain dictionary entries.
    pub fn domain_len(&self) -> usize {
        self.domain.len()
    }

    /// TF-IDF keywords of `text`, best first: term frequency in `text` times `idf`, stop words
    /// excluded. Ties keep first-occurrence order, so the output is deterministic.
    pub fn keywords(&self, text: &str, idf: &Idf) -> Vec<(String, f64)> {
        let mut tf: Vec<(String, u32)> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for w in self.words(text) {
            if is_stop_word(w.text) {
                continue;
            }
            match at.get(w.text) {
                Some(&i) => {
                    if let Some(e) = tf.get_mut(i) {
                        e.1 += 1;
                    }
                }
                None => {
                    at.insert(w.text, tf.len());
                    tf.push((w.text.to_string(), 1));
                }
            }
        }
        let mut out: Vec<(String, f64)> = tf
            .into_iter()
            .map(|(w, n)| {
                let s = f64::from(n) * idf.idf(&w);
                (w, s)
            })
            .collect();
        // Stable sort: equal scores stay in order of first occurrence.
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out
    }
}

/// Inverse document frequency over a set of paragraphs (each paragraph one document):
/// `ln((1 + N) / (1 + df)) + 1`, so unseen words score highest and no score is zero.
///
/// A word's document frequency is the number of paragraphs that contain it, counted the first
/// time the word is asked about. The key-sentence pass asks about a few dozen terms, so this
/// costs far less than segmenting the whole corpus up front, and for Chinese terms "the
/// paragraph contains the term" is the natural reading of "the term occurs in the document".
#[derive(Debug, Clone, Default)]
pub struct Idf {
    docs: u32,
    paragraphs: Vec<String>,
    df: std::cell::RefCell<HashMap<String, u32>>,
}

impl Idf {
    /// The paragraphs to count in (the segmenter is not needed to count terms).
    pub fn from_paragraphs<'a, I>(_seg: &Segmenter, paragraphs: I) -> Idf
    where
        I: IntoIterator<Item = &'a str>,
    {
        let paragraphs: Vec<String> = paragraphs.into_iter().map(str::to_string).collect();
        Idf {
            docs: u32::try_from(paragraphs.len()).unwrap_or(u32::MAX),
            paragraphs,
            df: std::cell::RefCell::new(HashMap::new()),
        }
    }

    /// The smoothed inverse document frequency of `word`.
    pub fn idf(&self, word: &str) -> f64 {
        let cached = self.df.borrow().get(word).copied();
        let df = match cached {
            Some(n) => n,
            None => {
                let n = self.paragraphs.iter().filter(|p| p.contains(word)).count();
                let n = u32::try_from(n).unwrap_or(u32::MAX);
                self.df.borrow_mut().insert(word.to_string(), n);
                n
            }
        };
        ((1.0 + f64::from(self.docs)) / (1.0 + f64::from(df))).ln() + 1.0
    }

    /// How many paragraphs were counted.
    pub fn docs(&self) -> u32 {
        self.docs
    }
}

/// Generic words of the genre that are never worth a blank: they appear in every paragraph and
/// an exam never asks for them.
const STOP_WORDS: &[&str] = &[
    // verbs of exhortation
    "发展",
    "推进",
    "加强",
    "坚持",
    "提高",
    "推动",
    "建设",
    "工作",
    "问题",
    "要",
    "是",
    "的",
    "和",
    "我们",
    "加快",
    "促进",
    "实现",
    "完善",
    "健全",
    "深化",
    "强化",
    "提升",
    "增强",
    "构建",
    "坚定",
    "全面",
    "不断",
    "持续",
    "积极",
    "进一步",
    "切实",
    "大力",
    "着力",
    "努力",
    "更加",
    "深入",
    "扎实",
    "有效",
    "充分",
    "统筹",
    "落实",
    "贯彻",
    "支持",
    "引导",
    "鼓励",
    "保障",
    "确保",
    "做好",
    "抓好",
    "用好",
    "把握",
    "形成",
    "打造",
    "培育",
    "优化",
    "扩大",
    "加大",
    "坚决",
    "必须",
    "需要",
    "能够",
    "可以",
    "应当",
    "已经",
    "正在",
    "通过",
    "进行",
    "作为",
    "成为",
    "具有",
    "提供",
    "开展",
    "实施",
    "研究",
    "部署",
    "解决",
    "更好",
    "更多",
    // nouns too broad to ask for
    "重要",
    "重大",
    "主要",
    "各种",
    "各项",
    "方面",
    "领域",
    "体系",
    "机制",
    "制度",
    "政策",
    "国家",
    "我国",
    "中国",
    "社会",
    "经济",
    "人民",
    "时代",
    "新时代",
    "党",
    "党中央",
    "同志",
    "习近平",
    "总书记",
    "中央",
    "政府",
    "各级",
    "地方",
    "部门",
    "单位",
    "企业",
    "群众",
    "能力",
    "水平",
    "作用",
    "意义",
    "任务",
    "目标",
    "要求",
    "过程",
    "方式",
    "方法",
    "思想",
    "理论",
    "实践",
    "原则",
    "道路",
    "格局",
    "环境",
    "条件",
    "结构",
    "效率",
    "效益",
    "活力",
    "动力",
    "优势",
    "特色",
    "现代化",
    "新",
    "好",
    // function words
    "我",
    "你",
    "他",
    "她",
    "它",
    "这",
    "那",
    "这是",
    "这个",
    "这些",
    "那些",
    "这一",
    "其",
    "之",
    "在",
    "了",
    "着",
    "过",
    "把",
    "被",
    "对",
    "从",
    "向",
    "以",
    "为",
    "于",
    "与",
    "及",
    "并",
    "而",
    "但",
    "也",
    "都",
    "又",
    "还",
    "就",
    "才",
    "更",
    "最",
    "很",
    "不",
    "没有",
    "有",
    "等",
    "等等",
    "上",
    "下",
    "中",
    "内",
    "外",
    "里",
    "年",
    "月",
    "日",
    "一个",
    "一些",
    "各",
    "每",
    "所",
    "所以",
    "因此",
    "因为",
    "如果",
    "虽然",
    "但是",
    "而且",
    "并且",
    "或者",
    "以及",
    "同时",
    "其中",
    "之一",
    "一是",
    "二是",
    "三是",
    "一方面",
    "另一方面",
    "首先",
    "其次",
    "最后",
    "他们",
    "自己",
    "大家",
    "什么",
    "怎么",
    "如何",
    "为了",
    "关于",
    "对于",
    "根据",
    "按照",
    "围绕",
    "之间",
    "以来",
    "当前",
    "目前",
    "今后",
    "今年",
    "去年",
    "指出",
    "强调",
    "表示",
    "认为",
    "提出",
    "讲话",
    "会议",
];

/// True for a word that must never be a blank or a keyword: the stop list, single characters,
/// numbers (Arabic or Chinese), and anything without a Han character or letter.
pub fn is_stop_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    if chars.next().is_none() && !first.is_ascii_alphabetic() {
        return true;
    }
    if !word.chars().any(char::is_alphabetic) {
        return true;
    }
    if word
        .chars()
        .all(|c| c.is_ascii_digit() || "零〇一二三四五六七八九十百千万亿两.%％".contains(c))
    {
        return true;
    }
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        match Segmenter::new() {
            Ok(s) => s,
            Err(e) => panic!("domain dictionary: {e}"),
        }
    }

    #[test]
    fn every_domain_line_has_an_explicit_frequency() {
        // parse_dict rejects a line without a number; this also counts the entries so an
        // accidentally emptied dictionary fails.
        let entries = match parse_dict(DOMAIN_DICT) {
            Ok(e) => e,
            Err(e) => panic!("{e}"),
        };
        let content_lines = DOMAIN_DICT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
            .count();
        assert_eq!(entries.len(), content_lines);
        assert!(entries.len() >= 200, "only {} entries", entries.len());
    }

    #[test]
    fn parse_dict_rejects_a_line_without_frequency() {
        assert!(parse_dict("新质生产力 900000 nz\n中国式现代化\n").is_err());
        assert!(parse_dict("新质生产力 many\n").is_err());
        assert!(parse_dict("新质生产力 0\n").is_err());
        assert!(parse_dict("# comment\n\n新质生产力 900000\n").is_ok());
    }

    #[test]
    fn no_duplicate_domain_entries() {
        let mut seen = HashSet::new();
        for DictEntry { line, word: w, .. } in parse_dict(DOMAIN_DICT).unwrap_or_default() {
            assert!(seen.insert(w), "{DOMAIN_DICT_PATH}:{line}: `{w}` repeats");
        }
    }

    #[test]
    fn every_domain_entry_comes_out_whole() {
        let seg = seg();
        let mut broken = Vec::new();
        for DictEntry { line, word: w, .. } in parse_dict(DOMAIN_DICT).unwrap_or_default() {
            let words: Vec<&str> = seg.words(w).iter().map(|x| x.text).collect();
            if words != [w] {
                broken.push(format!("{line}: {w} -> {}", words.join("/")));
            }
        }
        assert!(broken.is_empty(), "split entries:\n{}", broken.join("\n"));
    }

    #[test]
    fn terms_stay_whole_inside_real_sentences() {
        let seg = seg();
        let cases = [
            (
                "发展新质生产力是推动高质量发展的内在要求和重要着力点",
                "新质生产力",
            ),
            (
                "发展新质生产力是推动高质量发展的内在要求和重要着力点",
                "高质量发展",
            ),
            ("全体人民共同富裕是中国式现代化的本质特征", "中国式现代化"),
            (
                "加快构建新发展格局，是推动高质量发展的战略基点",
                "新发展格局",
            ),
            (
                "加快实现高水平科技自立自强，是推动高质量发展的必由之路",
                "高水平科技自立自强",
            ),
            ("要坚定不移贯彻新发展理念", "新发展理念"),
            ("推动产业链供应链优化升级", "产业链供应链"),
        ];
        for (text, term) in cases {
            let words: Vec<&str> = seg.words(text).iter().map(|w| w.text).collect();
            assert!(words.contains(&term), "{term} split in {}", words.join("/"));
        }
    }

    #[test]
    fn words_carry_byte_ranges_that_cover_the_text() {
        let seg = seg();
        let text = "就业是最基本的民生，事关人民群众切身利益。";
        let words = seg.words(text);
        let mut at = 0;
        for w in &words {
            assert_eq!(w.start, at);
            assert_eq!(&text[w.start..w.end], w.text);
            at = w.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn stop_words() {
        for w in [
            "发展", "推进", "加强", "的", "我们", "2024", "十四", "，", "新", "国",
        ] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["新质生产力", "共同富裕", "硬道理", "就业", "民生"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }

    #[test]
    fn keywords_rank_rare_terms_above_common_ones_and_skip_stop_words() {
        let seg = seg();
        let paras = [
            "就业是最基本的民生。",
            "要坚持以人民为中心的发展思想，促进就业。",
            "发展新质生产力是推动高质量发展的内在要求。",
            "就业优先政策要加强。",
        ];
        let idf = Idf::from_paragraphs(&seg, paras);
        assert_eq!(idf.docs(), 4);
        assert!(idf.idf("新质生产力") > idf.idf("就业"));
        let kw = seg.keywords("发展新质生产力，促进就业，推动发展。", &idf);
        let words: Vec<&str> = kw.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words.first(), Some(&"新质生产力"));
        assert!(words.contains(&"就业"));
        assert!(!words.contains(&"发展"));
        assert!(!words.contains(&"，"));
        // Deterministic: the same call twice gives the same list.
        assert_eq!(
            kw,
            seg.keywords("发展新质生产力，促进就业，推动发展。", &idf)
        );
    }
}
