//! List prompts the way exam-prep books name lists: subject + 的 + count + category
//! (`构建新发展格局的六个重要着力点`). The subject and category come, in this order, from a
//! heading that announces the list, the lead sentence, what the items share, and — when the
//! text names nothing — the section heading or the document's topic, never a fragment.
use super::cut;
use super::markers::cn_numeral;
use super::phrase::{count_at, is_name_count, quoted_mask, with_count, VAGUE};
use super::structure::Heading;
use super::{string_of, FoundList};

/// Nouns that say what kind of things a list's items are. A prompt is rewritten into the
/// exam form only around one of these.
const CATEGORIES: [&str; 67] = [
    "体会",
    "感悟",
    "启示",
    "着力点",
    "特征",
    "特色",
    "特点",
    "经验",
    "原则",
    "任务",
    "目标",
    "方面",
    "维度",
    "举措",
    "措施",
    "要求",
    "问题",
    "优势",
    "条件",
    "重点",
    "部署",
    "战略",
    "理念",
    "精神",
    "方针",
    "制度",
    "体系",
    "需求",
    "态势",
    "趋势",
    "成效",
    "成就",
    "意识",
    "自信",
    "认识",
    "关系",
    "阶段",
    "领域",
    "环节",
    "路径",
    "途径",
    "内容",
    "标准",
    "作用",
    "意义",
    "考验",
    "风险",
    "挑战",
    "能力",
    "本领",
    "因素",
    "要素",
    "依托",
    "基础",
    "机遇",
    "转变",
    "手段",
    "方向",
    "重大关系",
    "行动",
    "工程",
    "机制",
    "政策",
    "动力",
    "步",
    "方法",
    "指导思想",
];

/// Words that end a sentence's subject and open its predicate, longest first
/// (`构建新发展格局要把握好|几个重要着力点`, `我国建设社会主义现代化具有|许多重要特征`).
pub(super) const VERB_FRAMES: [&str; 45] = [
    "主要做了",
    "做了",
    "可以按",
    "可以",
    "按",
    "坚持",
    "做到",
    "贯彻",
    "把握",
    "要把握好",
    "要把握",
    "把握好",
    "要抓好",
    "要做到",
    "主要包括",
    "要从",
    "具有",
    "具备",
    "包括",
    "呈现出",
    "呈现",
    "面临",
    "积累了",
    "积累",
    "提出了",
    "提出",
    "形成了",
    "取得了",
    "取得",
    "有着",
    "体现在",
    "表现在",
    "涉及",
    "需要",
    "必须",
    "应当",
    "就要",
    "还要",
    "要讲",
    "讲",
    "抓好",
    "做好",
    "从",
    "要",
    "有",
];

/// How many paragraphs after a （一） heading still read as its body.
const SECTION_REACH: usize = 6;

/// Verbs of having and showing, whose object names what a list's items are.
const HAVING: [&str; 12] = [
    "取得了",
    "取得",
    "更有",
    "具有",
    "具备",
    "包括",
    "呈现",
    "面临",
    "积累了",
    "形成了",
    "有着",
    "有",
];

/// Speaker and framing clauses that open a lead sentence but say nothing of the subject.
const FRAMES: [&str; 12] = [
    "总体看",
    "为此",
    "同时",
    "因此",
    "下面",
    "总之",
    "具体来说",
    "具体而言",
    "当前",
    "目前",
    "我们要",
    "我们",
];

/// Clause openers that take the side of a contrast a list belongs to (既有A，更有B: B).
const CONTRAST_TAKE: [&str; 5] = ["更有", "而是", "更是", "更要", "还有"];
const CONTRAST_LEAVE: [&str; 4] = ["既有", "不是", "既是", "不仅"];

fn chars(s: &str) -> Vec<char> {
    super::char_vec(s)
}

fn len(s: &str) -> usize {
    s.chars().count()
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '，' | '、' | '：' | '。' | '；' | '！' | '？' | '”' | '“'
            )
    })
}

/// Drop a speaker frame (`习近平强调，`, `《意见》提出，`, `会议指出，`) and framing words.
fn strip_frames(lead: &str) -> String {
    let mut s = strip_ordinal(trim(lead)).to_string();
    loop {
        let before = s.clone();
        if let Some(k) = s.find('，') {
            let head = &s[..k];
            let said = ["强调", "指出", "提出", "表示", "认为", "说"]
                .iter()
                .any(|v| head.ends_with(v));
            if said && len(head) <= 10 {
                s = s[k + '，'.len_utf8()..].to_string();
            }
        }
        for f in FRAMES {
            // 当前和今后一个时期: the word is joined to more, it frames nothing alone.
            if let Some(rest) = s
                .strip_prefix(f)
                .filter(|r| !r.starts_with(['和', '与', '及', '、']))
            {
                let rest = rest.trim_start_matches('，');
                if len(rest) >= 4 {
                    s = rest.to_string();
                }
            }
        }
        if s == before {
            return s;
        }
    }
}

/// A series (A、B、C) in a clause is another list's answers, not a name for this one.
fn is_series(clause: &str) -> bool {
    // Only when the series ends the clause: 实现A、B、C有效联动 names a list by its predicate.
    // A series closed by 等 (A、B、C等领域取得新成果) is one too: its items are the answers.
    // The last part may be as long as its siblings (健全A、优化B、完善财政转移支付体系).
    let parts: Vec<&str> = clause.split('、').collect();
    let longest = parts[..parts.len() - 1]
        .iter()
        .map(|p| len(p))
        .max()
        .unwrap_or(0);
    // Two parts on one ending (推进实践创新、制度创新) are a pair of answers too.
    let pair = parts.len() == 2 && {
        let (a, b) = (chars(parts[0]), chars(parts[1]));
        b.len() >= 3 && a.len() > 2 && a[a.len() - 2..] == b[b.len() - 2..]
    };
    pair || (parts.len() >= 3
        && parts
            .last()
            .is_some_and(|t| len(t) <= 8.max(longest + 2) || t.chars().take(9).any(|c| c == '等')))
}

/// Prepositions that open an adverbial clause (按照…部署, 围绕…, 面对…): such a clause
/// says how or where, never who the list belongs to.
const PREPOSITIONS: [&str; 12] = [
    "按照", "根据", "依照", "围绕", "面对", "针对", "通过", "随着", "经过", "为了", "在", "对",
];

fn has_count(c: &str) -> bool {
    let ch = chars(c);
    // A count inside quotes (“两个确立”) or a congress (二十大) names something else.
    let quoted = quoted_mask(&ch);
    VAGUE.iter().any(|v| c.contains(v))
        || (0..ch.len()).any(|i| {
            !quoted.get(i).copied().unwrap_or(false)
                && count_at(&ch, i).is_some_and(|(v, _, all)| v >= 2 && !is_name_count(&ch, i, all))
        })
}

/// Whether `s` ends on a noun that says what kind of things a list's items are (…要求, …内容).
pub(super) fn names_kind(s: &str) -> bool {
    CATEGORIES.iter().any(|k| s.ends_with(k))
}

fn has_category(c: &str) -> bool {
    CATEGORIES.iter().any(|k| c.contains(k))
}

/// The longest run of characters `a` and `b` share.
fn longest_shared_run(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { 0 };
            best = best.max(row[j + 1]);
            diag = up;
        }
    }
    best
}

/// The clause of a lead sentence that names the list, with the clause before it when it
/// opens on a verb and needs a subject.
fn pick_clause(lead: &str, items: &[String]) -> String {
    let clauses: Vec<&str> = lead
        .split(['，', '。', '；', '：'])
        .map(trim)
        .filter(|c| !c.is_empty())
        .collect();
    if clauses.len() <= 1 {
        return trim(lead).to_string();
    }
    let usable: Vec<usize> = (0..clauses.len())
        .filter(|i| !is_series(clauses[*i]))
        .collect();
    let pool = if usable.is_empty() {
        (0..clauses.len()).collect()
    } else {
        usable
    };
    let contrast = clauses
        .iter()
        .any(|c| CONTRAST_LEAVE.iter().any(|w| c.starts_with(w)));
    let take = pool
        .iter()
        .copied()
        .rev()
        .find(|i| contrast && CONTRAST_TAKE.iter().any(|w| clauses[*i].starts_with(w)));
    // The clause whose words most items take up (全面加强知识产权保护工作, … → 加强知识产权
    // 保护工作顶层设计, 提高知识产权保护工作法治化水平 …) introduces them: the lead's other
    // clauses are its aims. Four characters shared by at least half the items, and more than
    // any other clause shares.
    let echoed = || {
        let item_chars: Vec<Vec<char>> = items.iter().map(|i| chars(i)).collect();
        let echo = |c: &str| {
            let c = chars(c);
            let runs: Vec<usize> = item_chars
                .iter()
                .map(|i| longest_shared_run(i, &c))
                .filter(|r| *r >= 4)
                .collect();
            (runs.len(), runs.iter().sum::<usize>())
        };
        let scored: Vec<(usize, (usize, usize))> =
            pool.iter().map(|i| (*i, echo(clauses[*i]))).collect();
        let best = scored.iter().map(|(_, e)| *e).max()?;
        let unique = scored.iter().filter(|(_, e)| *e == best).count() == 1;
        (items.len() >= 2 && 2 * best.0 >= items.len() && best.0 >= 2 && unique)
            .then(|| scored.iter().find(|(_, e)| *e == best).map(|(i, _)| *i))
            .flatten()
    };
    let k = take
        .or_else(|| pool.iter().copied().rev().find(|i| has_count(clauses[*i])))
        .or_else(echoed)
        .or_else(|| {
            pool.iter()
                .copied()
                .rev()
                .find(|i| has_category(clauses[*i]) && len(clauses[*i]) >= 4)
        })
        .or_else(|| pool.iter().copied().rev().max_by_key(|i| len(clauses[*i])))
        .unwrap_or(clauses.len() - 1);
    let chosen = clauses[k];
    let opens_on_verb = VERB_FRAMES
        .iter()
        .chain(CONTRAST_TAKE.iter())
        .any(|v| chosen.starts_with(v));
    if opens_on_verb
        && k > 0
        && len(clauses[k - 1]) <= 16
        && !is_series(clauses[k - 1])
        && !PREPOSITIONS.iter().any(|p| clauses[k - 1].starts_with(p))
        && !time_frame(clauses[k - 1])
    {
        let prev = clauses[k - 1];
        let prev = CONTRAST_LEAVE
            .iter()
            .any(|w| prev.starts_with(w))
            .then(|| k.checked_sub(2).map(|j| clauses[j]))
            .flatten()
            .unwrap_or(prev);
        return format!("{prev}{chosen}");
    }
    chosen.to_string()
}

/// The subject left before a count once the verb that governs it is dropped
/// (`构建新发展格局要把握好` → `构建新发展格局`).
fn subject_before(pre: &str) -> String {
    let mut s = trim(pre).to_string();
    if let Some(k) = s.rfind('，') {
        s = s[k + '，'.len_utf8()..].to_string();
    }
    loop {
        let before = s.clone();
        let bounds = cut::boundaries(&s);
        for v in VERB_FRAMES.iter().chain(CONTRAST_TAKE.iter()) {
            // Only a whole word: 有 in 国内有|效 is no verb.
            if let Some(x) = s
                .strip_suffix(v)
                .filter(|x| cut::whole(&bounds, x.len(), s.len()))
            {
                s = x.to_string();
                break;
            }
        }
        for w in ["的", "这", "以下", "如下", "了", "都"] {
            if let Some(x) = s.strip_suffix(w) {
                s = x.to_string();
            }
        }
        // An adverb the verb took (…发展也|面临) says nothing of the subject.
        // (Segmented only when one ends it: most subjects end on none.)
        let adverb = ["仍然", "依然", "同样", "也", "还", "仍", "亦"]
            .into_iter()
            .find(|w| s.ends_with(w));
        if let Some(w) = adverb {
            let bounds = cut::boundaries(&s);
            if cut::whole(&bounds, s.len() - w.len(), s.len()) {
                s.truncate(s.len() - w.len());
            }
        }
        // An adverb of effort and the modal before it (…要着力|抓好) say how, not who.
        for w in ["着力", "切实", "扎实", "重点", "努力", "全力", "认真"] {
            if let Some(x) = s.strip_suffix(w) {
                s = x.trim_end_matches('要').to_string();
                break;
            }
        }
        if s == before {
            break;
        }
    }
    for w in ["我们所推进的", "我们推进的"] {
        if let Some(x) = s.strip_prefix(w) {
            s = x.to_string();
        }
    }
    s
}

/// A subject worth naming: at least two characters, not only a pronoun or a generic word.
fn weak_subject(s: &str) -> bool {
    len(s) < 2
        || [
            "我们", "我国", "这些", "这", "其", "它们", "大家", "各地", "各方", "工作", "发展",
            "建设", "要求", "同时", "主要",
        ]
        .contains(&s)
        || s.starts_with("这")
        || s.starts_with("其")
        // A place or time, not an owner (实践中, 在新时代, 当前和今后一个时期).
        || time_frame(s)
        || s.starts_with('在')
        || s.ends_with('中')
        || s.ends_with('上')
}

/// The task a lead paragraph opens with, when the sentence before the lead names it and
/// says what it takes (建设X，要顺应…。当前…，要着力抓好以下几方面工作 → 建设X): the owner
/// of a list whose lead sentence has no subject of its own.
fn lead_topic(passage: &str, lead: &str) -> Option<String> {
    let para = passage.lines().next()?;
    let lead = trim(lead);
    let at = para.find(lead).filter(|_| !lead.is_empty())?;
    let before = para[..at].trim_end_matches(['。', '！', '；']);
    let sentence = before.rsplit(['。', '！', '；']).next()?;
    let (first, rest) = sentence.split_once('，')?;
    let first = trim(first);
    let takes = MODALS
        .iter()
        .chain(["就要"].iter())
        .any(|m| rest.starts_with(m));
    let verbal = PREPOSITIONS
        .iter()
        .chain(FRAMES.iter())
        .any(|p| first.starts_with(p));
    (takes
        && (4..=16).contains(&len(first))
        && !verbal
        && !first.contains(['、', '是'])
        && !weak_subject(first))
    .then(|| first.to_string())
}

/// A clause that only says when (当前和今后一个时期, 下一步, 新征程上): it owns nothing.
fn time_frame(s: &str) -> bool {
    [
        "当前",
        "目前",
        "今后",
        "现在",
        "下一步",
        "新时代",
        "新征程",
        "未来",
    ]
    .iter()
    .any(|w| s.starts_with(w))
        || (s.ends_with("时期") && !s.contains('的'))
}

/// Rewrite `S + verb + N + category` as `S的N category`, taking the subject from `subject`
/// when the text before the count names none. `None` when the prompt has no count followed by
/// a category noun.
fn exam_form(
    counted: &str,
    n: usize,
    preferred: Option<&str>,
    subject: &dyn Fn() -> Option<String>,
) -> Option<String> {
    // The count is in the text, not the `（N项）` added after it.
    let c = chars(counted.split('（').next().unwrap_or(counted));
    let Some((i, numeral_len, count_len)) = (0..c.len()).find_map(|i| {
        count_at(&c, i)
            .filter(|(v, _, _)| usize::try_from(*v).ok() == Some(n))
            .map(|(_, a, b)| (i, a, b))
    }) else {
        return category_at_end(counted, n, preferred, subject);
    };
    let rest: String = string_of(&c[i + count_len..]);
    let (off, cat) = CATEGORIES
        .iter()
        .filter_map(|k| rest.find(k).map(|b| (len(&rest[..b]), *k)))
        .filter(|(off, _)| *off <= 4)
        .min_by_key(|(off, k)| (*off, std::cmp::Reverse(len(k))))
        // 工作 is no kind of its own, but right after a count it is what is counted.
        .or_else(|| rest.starts_with("工作").then_some((0, "工作")))?;
    // The category with its modifier (重要着力点), not the verbs after it (维度来研究和布局).
    let category: String = rest.chars().take(off + len(cat)).collect();
    if category.contains(['，', '、', '的']) {
        return None;
    }
    // Two kinds joined (一些问题和挑战, 风险和挑战) are counted together: the items are of either.
    let category = match rest[category.len()..]
        .strip_prefix(['和', '与'])
        .and_then(|r| {
            CATEGORIES
                .iter()
                .find(|k| r.starts_with(*k))
                .map(|k| (r, *k))
        }) {
        Some((r, k))
            if r[k.len()..]
                .chars()
                .next()
                .is_none_or(|c| "，。；：".contains(c)) =>
        {
            format!(
                "{category}{}{k}",
                &rest[category.len()..category.len() + '和'.len_utf8()]
            )
        }
        _ => category,
    };
    let count: String = string_of(&c[i..i + count_len]);
    let count = if numeral_len == 0 {
        count
    } else {
        format!(
            "{}{}",
            cn_numeral(n, true),
            &count[string_of(&c[i..i + numeral_len]).len()..]
        )
    };
    let pre: String = string_of(&c[..i]);
    let mut subj = match preferred {
        Some(p) => p.to_string(),
        None => subject_before(&pre),
    };
    if weak_subject(&subj) {
        subj = subject()?;
    }
    // What was achieved keeps its verb (…取得了一些成效 → …取得的三个成效).
    let verb = ["取得", "面临"]
        .into_iter()
        .find(|v| trim(&pre).trim_end_matches('了').ends_with(v))
        .unwrap_or("");
    Some(format!("{subj}{verb}的{count}{category}"))
}

/// `S + verb + … + category` with no count (更有基于国情的中国特色): `S的N个category`, the
/// category with at most four characters of modifier.
fn category_at_end(
    base: &str,
    n: usize,
    preferred: Option<&str>,
    subject: &dyn Fn() -> Option<String>,
) -> Option<String> {
    let base = base.split('（').next().unwrap_or(base);
    let cat = CATEGORIES
        .iter()
        .filter(|k| base.ends_with(*k))
        .max_by_key(|k| len(k))?;
    let c = chars(base);
    let cat_start = c.len() - len(cat);
    // Only the object of a verb of having (更有…中国特色, 具有…优势): elsewhere a category
    // noun at the end is part of a statement (…成为共识和自觉行动).
    let (verb_start, verb_end) = HAVING
        .iter()
        .filter_map(|v| cut::rfind_word(base, v).map(|(a, b)| (len(&base[..a]), len(&base[..b]))))
        // The longest verb ending last (更有 over 有).
        .max_by_key(|(a, b)| (*b, std::cmp::Reverse(*a)))?;
    if cat_start < verb_end || cat_start - verb_end > 8 {
        return None;
    }
    // The modifier: back to a 的 (基于国情的|中国特色), or a short one right after the verb
    // (积累了|宝贵经验), else none.
    let m = (verb_end..cat_start)
        .rev()
        .find(|k| c[*k] == '的')
        .map(|k| k + 1)
        .unwrap_or(if cat_start - verb_end <= 2 {
            verb_end
        } else {
            cat_start
        });
    let category: String = string_of(&c[m..]);
    let verb: String = string_of(&c[verb_start..verb_end]);
    let pre: String = string_of(&c[..verb_start]);
    let mut subj = match preferred {
        Some(p) => p.to_string(),
        None => subject_before(&pre),
    };
    if weak_subject(&subj) {
        subj = subject()?;
    }
    if subj == category || len(&category) < 2 {
        return None;
    }
    // What was achieved keeps its verb (经济社会发展取得的八个重大成就).
    let verb = if verb.starts_with("取得") {
        "取得"
    } else {
        ""
    };
    Some(format!("{subj}{verb}的{}个{category}", cn_numeral(n, true)))
}

fn cn_numeral_char(c: char) -> bool {
    "一二两三四五六七八九十".contains(c) || c.is_ascii_digit()
}

/// Whether a lead clause with no category reads well as `clause的N个方面`: an action or a
/// development (深度调整产业结构, …迈出坚实步伐), not a statement (就业是…, 只有…才能…), a
/// condition, or a name ending on its own noun (…时的讲话). A clause ending on a category
/// noun is a name (发展目标) unless it opens on an action (加快构建…能源体系).
fn reads_as_aspects(clause: &str) -> bool {
    let c = chars(clause);
    let ends_on_name = c.iter().rev().take(3).any(|x| *x == '的');
    let plain = (8..=20).contains(&len(clause))
        && !clause.contains(['，', '、', '…', '是', '才'])
        && !["只要", "只有", "如果", "经过", "回顾", "工作"]
            .iter()
            .any(|w| clause.contains(w))
        && !ends_on_name;
    // 围绕实现…目标 says what for, not what is done.
    let action = || {
        !PREPOSITIONS.iter().any(|p| clause.starts_with(p))
            && cut::segmenter().is_some_and(|s| s.opens_with_action(clause))
    };
    plain && (!CATEGORIES.iter().any(|k| clause.ends_with(k)) || action())
}

/// A clause of where or when (在…新征程上, 在这个过程中) that opens a sentence before its subject.
fn is_setting(clause: &str) -> bool {
    clause.starts_with('在') && clause.ends_with(['上', '中', '下', '时', '里'])
}

/// Modal verbs that end a sentence's subject (各级政府及其工作人员|要…).
const MODALS: [&str; 5] = ["都要", "必须", "应当", "需要", "要"];

/// The subject a sentence opens with, and the modal after it: a short noun phrase before
/// 要/必须/应当 in the first clause, not a verb, a preposition or a pronoun.
pub(super) fn sentence_subject(sentence: &str) -> Option<(String, &'static str)> {
    let s = strip_frames(sentence);
    let mut clauses = s.split(['，', '。', '；', '：']);
    let mut first = clauses.next()?;
    // A clause of where or when (在…新征程上，市场监管系统要…) opens before the subject.
    if is_setting(first) {
        first = clauses.next()?;
    }
    // Segmented only when a modal occurs at all (most clauses hold none).
    let bounds = std::cell::OnceCell::new();
    let (k, modal) = MODALS.iter().filter(|m| first.contains(*m)).find_map(|m| {
        first
            .match_indices(m)
            .map(|(k, _)| k)
            .find(|k| {
                cut::whole(
                    bounds.get_or_init(|| cut::boundaries(first)),
                    *k,
                    k + m.len(),
                )
            })
            .map(|k| (k, *m))
    })?;
    let subj = &first[..k];
    let verbal = OWNERLESS
        .iter()
        .chain(PREPOSITIONS.iter())
        .chain(VERB_FRAMES.iter())
        .any(|v| subj.starts_with(v));
    ((2..=12).contains(&len(subj)) && !verbal && !weak_subject(subj) && !subj.contains('、'))
        .then(|| (subj.to_string(), modal))
}

/// `subject + modal + prompt`, with the modal said once (各地要|要加强… → 各地要加强…).
fn with_subject(subject: &str, modal: &str, prompt: &str) -> String {
    let rest = prompt.strip_prefix(modal).unwrap_or(prompt);
    format!("{subject}{modal}{rest}")
}

/// Verbs a 把-object is followed by in the genre's disposal clauses (把X落实到…, 把X融入…).
const DISPOSALS: [&str; 7] = [
    "落实到",
    "落实在",
    "融入",
    "纳入",
    "贯穿",
    "贯彻到",
    "体现到",
];

/// The clause a series' sentence opens with, as the owner of a series in a later clause of
/// it: the verb before the items continues that clause (编写实践手册，明确A、B、C等要求 →
/// 编写实践手册), which is closer than any heading. A disposal clause gives its 把-object
/// (把X落实到…，推动A、B、C → X); `S具有…，有A、B、C` gives S and its verb (S具有). None when
/// the series stands in the first clause, or that clause is a series, a condition or too long
/// to be a name.
pub(super) fn clause_owner(passage: &str, first_item: &str) -> Option<String> {
    let at = passage
        .find(first_item)
        .filter(|_| !first_item.is_empty())?;
    let start = passage[..at]
        .rfind(['。', '！', '？'])
        .map_or(0, |k| k + '。'.len_utf8());
    let before = strip_frames(&passage[start..at]);
    let stops = ['，', '；', '：'];
    let (mut first, mut rest) = before.split_once(stops)?;
    // A clause of where or when (在这个过程中，我们…) opens before the one that owns.
    if is_setting(first) {
        (first, rest) = rest.split_once(stops)?;
    }
    let own = rest.rsplit(stops).next().unwrap_or(rest);
    let first = trim(first);
    // The speaker (我们深化了对X的认识) is no part of the owner.
    let first = first
        .strip_prefix("我们")
        .filter(|r| len(r) >= 4)
        .unwrap_or(first);
    let first = first.strip_prefix('要').unwrap_or(first);
    let first = first.strip_prefix("必须").unwrap_or(first);
    // A day (1月25日) says when, it owns nothing.
    if super::structure::opens_with_date(&chars(first)) {
        return None;
    }
    // 以X为指导 is a frame of how, no owner, like a condition; a speaker (…强调) or a
    // statement (X是Y) is none either.
    let said = ["强调", "指出", "提出", "表示", "认为", "说"]
        .iter()
        .any(|v| first.ends_with(v));
    // …but what the statement is about owns what the sentence goes on to require of it
    // (中国特色社会主义法治体系是…，必须…，正确处理A、B、C的关系).
    if let Some((x, _)) = first
        .split_once('是')
        .filter(|_| !first.contains('、') && !said)
    {
        let plain = (4..=16).contains(&len(x))
            && !weak_subject(x)
            && !PREPOSITIONS
                .iter()
                .chain(OWNERLESS.iter())
                .any(|p| x.starts_with(p));
        return (plain && cut::segmenter().is_some_and(|sg| sg.is_noun_phrase(x)))
            .then(|| x.to_string());
    }
    if first.contains('、')
        || said
        || first.contains('是')
        || (first.starts_with('以') && first.contains('为'))
        || ["如果", "只要", "只有", "假如", "倘若"]
            .iter()
            .any(|w| first.starts_with(w))
    {
        return None;
    }
    // 我国具有…，有A、B、C等优势: the owner and its verb of having.
    if own.starts_with('有') {
        if let Some(k) = ["具有", "拥有"]
            .iter()
            .find_map(|v| first.find(v).map(|k| k + v.len()))
        {
            let subj = &first[..k];
            return (3..=10).contains(&len(subj)).then(|| subj.to_string());
        }
    }
    let prepositional = PREPOSITIONS.iter().any(|p| first.starts_with(p));
    // Segmenting is the costly step: only a 把 or a preposition needs word edges.
    let bounds = if prepositional || first.contains(['把', '将']) {
        cut::boundaries(first)
    } else {
        Vec::new()
    };
    // 要把X落实到…: the 把-object is what the clauses after it act on.
    if let Some(k) = ["把", "将"]
        .iter()
        .filter_map(|w| first.find(w).map(|k| (k, k + w.len())))
        .find(|(a, b)| cut::whole(&bounds, *a, *b))
        .map(|(_, b)| b)
    {
        let obj = &first[k..];
        let end = DISPOSALS.iter().filter_map(|v| obj.find(v)).min()?;
        let obj = &obj[..end];
        return (4..=16).contains(&len(obj)).then(|| obj.to_string());
    }
    // An adverbial opening (根据需要, 按照部署) says how, not what: the verb phrase after it.
    // A preposition whose object runs on (面对X的环境和Y的任务) makes the whole clause
    // adverbial: only a one-word object leaves a short verb phrase of its own.
    if prepositional {
        let b = bounds.get(2).copied()?;
        let rest = &first[b..];
        return ((6..=12).contains(&len(rest)) && !rest.contains('的') && !weak_subject(rest))
            .then(|| rest.to_string());
    }
    ((6..=24).contains(&len(first)) && !weak_subject(first) && !is_series(first))
        .then(|| first.to_string())
}

/// [`clause_owner`] for a series named by a bare category (…等要求): only when the series'
/// clause comes right after the first one, which is no principle (坚持X, a sibling of the
/// measures that follow it). Further on, the first clause is one more sibling action.
fn next_clause_owner(passage: &str, first_item: &str) -> Option<String> {
    let at = passage.find(first_item)?;
    let start = passage[..at]
        .rfind(['。', '！', '？'])
        .map_or(0, |k| k + '。'.len_utf8());
    let before = strip_frames(&passage[start..at]);
    let before = before.strip_prefix('要').unwrap_or(&before);
    let clauses = before.matches(['，', '；', '：']).count();
    (clauses == 1 && !before.starts_with("坚持"))
        .then(|| clause_owner(passage, first_item))
        .flatten()
}

/// A time phrase that opens `s` and scopes what follows (过去五年, 一年来, 2023年以来,
/// 到2025年, 今年): the period a list of results or targets belongs to.
fn time_scope(s: &str) -> Option<String> {
    // Read on the string itself: only its opening matters, and a passage is long.
    let t = trim(s);
    let body = t.strip_prefix("回顾").unwrap_or(t);
    for w in ["今年", "去年"] {
        if body.starts_with(w) {
            return Some(w.to_string());
        }
    }
    let mut framed = false;
    let mut rest = body;
    for p in ["截至", "过去", "今后", "未来", "到", "近"] {
        if let Some(r) = body.strip_prefix(p) {
            rest = r;
            framed = true;
            break;
        }
    }
    let digits = rest.chars().take_while(|x| x.is_ascii_digit()).count();
    let numerals = rest
        .chars()
        .take_while(|x| "一二两三四五六七八九十".contains(*x))
        .count();
    let (num, year) = if digits == 4 {
        (4, true)
    } else {
        (numerals, false)
    };
    let num_bytes: usize = rest.chars().take(num).map(char::len_utf8).sum();
    if num == 0 || !rest[num_bytes..].starts_with('年') {
        return None;
    }
    let mut end = body.len() - rest.len() + num_bytes + '年'.len_utf8();
    let mut closed = false;
    for p in ["以来", "来"] {
        if body[end..].starts_with(p) {
            end += p.len();
            closed = true;
            break;
        }
    }
    // 五年 alone may be a duration inside a statement; 过去五年, 五年来, 2023年 scope.
    (year || framed || closed).then(|| body[..end].to_string())
}

fn names_time(p: &str) -> bool {
    let c = chars(p);
    p.contains("年来")
        || p.contains("今年")
        || p.contains("去年")
        || p.contains("过去")
        || c.windows(2)
            .any(|w| w[1] == '年' && (w[0].is_ascii_digit() || cn_numeral_char(w[0])))
}

/// A named period that opens a sentence as a clause of its own (改革开放和社会主义现代化建设
/// 时期，…; 新民主主义革命时期，…): what the sentence lists belongs to that period.
fn period_clause(s: &str) -> Option<String> {
    let (head, _) = trim(s).split_once('，')?;
    (head.ends_with("时期") && (4..=16).contains(&len(head)) && !head.contains('、'))
        .then(|| head.to_string())
}

/// A list whose lead or paragraph opens on a period (过去一年，…; 五年来，…) belongs to that
/// period: results and work of one year are not those of another. The prompt says it.
fn scope_in_time(l: &mut FoundList) {
    // A condition (如果…, 只要…) is no fact of a period: 1954年 does not scope 如果我们….
    let conditional = ["如果", "假如", "只要", "只有", "倘若", "若"]
        .iter()
        .any(|w| l.prompt.starts_with(w));
    // Stages span several times: the first one's is no scope of the list.
    let stages = l.items.len() >= 2 && l.items.iter().all(|i| super::shape::stage_opener(&i.full));
    if l.prompt.is_empty() || names_time(&l.prompt) || conditional || stages {
        return;
    }
    // The clause that holds a 、-series may name its own time (2026年底，…；2027年底，…A、B、C).
    let own_clause = (l.marker == "、")
        .then(|| {
            let first = l.items.first()?.key.as_str();
            let at = l.passage.find(first).filter(|_| !first.is_empty())?;
            let start = l.passage[..at]
                .rfind(['；', '。'])
                .map_or(0, |k| k + '；'.len_utf8());
            time_scope(&l.passage[start..at])
        })
        .flatten();
    let t = own_clause
        .or_else(|| time_scope(&l.lead))
        .or_else(|| time_scope(&l.passage))
        .or_else(|| period_clause(&l.passage));
    if let Some(t) = t {
        l.prompt = format!("{t}{}", l.prompt);
    }
}

/// A heading that names its parts by their shared verb (健全法律法规标准和统计监测体系 over
/// 健全法律法规, 完善标准…) gives the first part away: the prompt keeps only the object.
fn drop_given_verb(l: &mut FoundList) {
    let given = l
        .items
        .iter()
        .any(|it| len(&it.key) >= 4 && l.prompt.starts_with(it.key.as_str()));
    if !given {
        return;
    }
    let head = l.prompt.split('（').next().unwrap_or("").to_string();
    let bounds = cut::boundaries(&head);
    if let Some(first) = bounds.get(1).filter(|b| len(&head[**b..]) >= 4) {
        l.prompt = l.prompt[*first..].to_string();
    }
}

/// A prompt cut out of its sentence ends on a word boundary: `S的N个C` where S or C stops
/// inside a word of the sentence (…终身责|任, 方面存|在) is cut back to the word before.
fn mend_cuts(prompt: &str, sentence: &str) -> String {
    let c = chars(prompt);
    let Some((i, all)) = (0..c.len()).find_map(|i| {
        (i > 0 && c[i - 1] == '的')
            .then(|| count_at(&c, i).map(|(_, _, all)| (i, all)))
            .flatten()
    }) else {
        return prompt.to_string();
    };
    let left: String = string_of(&c[..i - 1]);
    let count: String = string_of(&c[i..i + all]);
    let right: String = string_of(&c[i + all..]);
    let mend = |part: &str| -> String {
        // An owner glued on with ： is whole already; only the cut-out part is checked.
        let (owner, core) = match part.rsplit_once('：') {
            Some((o, x)) => (format!("{o}："), x),
            None => (String::new(), part),
        };
        let Some(at) = sentence.find(core).filter(|_| len(core) >= 2) else {
            return part.to_string();
        };
        let end = at + core.len();
        let bounds = cut::boundaries(sentence);
        if bounds.binary_search(&end).is_ok() {
            return part.to_string();
        }
        let kept = &cut::cut_back(sentence, end)[at.min(end)..];
        if len(kept) >= 2 {
            format!("{owner}{kept}")
        } else {
            part.to_string()
        }
    };
    format!("{}的{count}{}", mend(&left), mend(&right))
}

/// `s` without an opening section ordinal: `（五）`, `五、`.
fn strip_ordinal(s: &str) -> &str {
    let c = chars(s);
    let numeral = |k: usize| c.get(k).is_some_and(|x| cn_numeral_char(*x));
    let digits = |from: usize| (from..c.len()).take_while(|k| numeral(*k)).count();
    // An article of a regulation (第四条 机关基层党组织…) is numbered as a section is.
    if c.first() == Some(&'第') {
        let k = digits(1);
        if k > 0 && c.get(1 + k) == Some(&'条') {
            let spaces = c[2 + k..].iter().take_while(|x| x.is_whitespace()).count();
            let skip: usize = c[..2 + k + spaces].iter().map(|x| x.len_utf8()).sum();
            let rest = &s[skip..];
            return if len(rest) >= 4 { rest } else { s };
        }
    }
    let (open, close) = match c.first() {
        Some('（') => (1, '）'),
        _ => (0, '、'),
    };
    let k = digits(open);
    // 10. and 3． close a numbered paragraph's ordinal as 、 does.
    let closes =
        |x: Option<&char>| x == Some(&close) || (open == 0 && matches!(x, Some('.' | '．')));
    // 10.5 is a number, not an ordinal; （11）1月 is one.
    let decimal = open == 0 && c.get(open + k + 1).is_some_and(char::is_ascii_digit);
    if k == 0 || !closes(c.get(open + k)) || decimal {
        return s;
    }
    let skip: usize = c[..open + k + 1].iter().map(|x| x.len_utf8()).sum();
    let rest = &s[skip..];
    if len(rest) >= 4 {
        rest
    } else {
        s
    }
}

/// A prompt never keeps half of a pair of quotes, title marks or brackets (《纲要 → 纲要,
/// （一）…（ → （一）…): a mark without its partner goes, the pairs stay.
fn balance_marks(p: &mut String) {
    const PAIRS: [(char, char); 6] = [
        ('《', '》'),
        ('“', '”'),
        ('‘', '’'),
        ('（', '）'),
        ('「', '」'),
        ('【', '】'),
    ];
    // Every mark counted in one walk (dropping one pair's marks leaves the others' counts).
    let mut counts = [(0usize, 0usize); PAIRS.len()];
    for x in p.chars() {
        for ((a, b), (na, nb)) in PAIRS.iter().zip(&mut counts) {
            if x == *a {
                *na += 1;
            } else if x == *b {
                *nb += 1;
            }
        }
    }
    for ((a, b), (na, nb)) in PAIRS.into_iter().zip(counts) {
        if na == nb {
            continue;
        }
        let c = chars(p);
        let mut open: Vec<usize> = Vec::new();
        let mut drop = vec![false; c.len()];
        for (i, x) in c.iter().enumerate() {
            if *x == a {
                open.push(i);
            } else if *x == b && open.pop().is_none() {
                drop[i] = true;
            }
        }
        for i in open {
            drop[i] = true;
        }
        *p = c
            .iter()
            .zip(&drop)
            .filter(|(_, d)| !**d)
            .map(|(x, _)| *x)
            .collect();
    }
}

/// The words a prompt says once its count (`（三项）`), gaps and punctuation are set aside.
fn prompt_core(prompt: &str) -> String {
    let base = match prompt.rfind('（') {
        Some(k) if prompt.ends_with("项）") => &prompt[..k],
        _ => prompt,
    };
    base.chars().filter(|c| super::is_alnum(*c)).collect()
}

/// A prompt that gives its own items away or names nothing is no question: an item inside it
/// becomes a gap (……), and a prompt of fewer than three characters takes its section or the
/// document's topic as owner.
fn guard(l: &mut FoundList, path: &[Heading], own: Option<&Heading>, topic: &str) {
    for k in l
        .items
        .iter()
        .map(|i| i.key.as_str())
        .filter(|k| len(k) >= 4)
    {
        if l.prompt.contains(k) {
            l.prompt = l.prompt.replace(k, "……");
        }
    }
    if len(&prompt_core(&l.prompt)) >= 3 {
        return;
    }
    let owner = section_owner(own, path)
        .filter(|o| len(o) >= 3)
        .or_else(|| (len(topic) >= 3).then(|| topic.to_string()));
    if let Some(o) = owner {
        let n = cn_numeral(l.items.len(), true);
        l.prompt = match prompt_core(&l.prompt).as_str() {
            "" => format!("{o}（{n}项）"),
            _ => format!("{o}：{}", l.prompt),
        };
    }
}

/// A prompt that prints two items of another list of the document teaches that list's answers
/// on this card (…：深入实施西部大开发、东北全面振兴…等战略（三项） over three other items). It
/// keeps only its section part (before `：`), or its heading, or the document's topic.
pub fn spare_other_lists(lists: &mut [FoundList], topic: &str) {
    let keys: Vec<Vec<String>> = lists
        .iter()
        .map(|l| {
            l.items
                .iter()
                .map(|i| i.key.clone())
                // Short words (技术, 质量) recur in any prompt of the genre: items of four
                // characters or more are what a card would give away.
                .filter(|k| len(k) >= 4)
                .collect()
        })
        .collect();
    // Character masks rule most pairs out before a substring search.
    let masks: Vec<Vec<u64>> = keys
        .iter()
        .map(|ks| ks.iter().map(|k| super::char_mask(k)).collect())
        .collect();
    for (i, l) in lists.iter_mut().enumerate() {
        let prompt = &l.prompt;
        // Two items of four characters need eight.
        if len(prompt) < 8 {
            continue;
        }
        let pm = super::char_mask(prompt);
        let gives_away = keys.iter().zip(&masks).enumerate().any(|(j, (ks, ms))| {
            j != i
                && ks
                    .iter()
                    .zip(ms)
                    .filter(|(k, m)| *m & pm == **m && prompt.contains(k.as_str()))
                    .count()
                    >= 2
        });
        if !gives_away {
            continue;
        }
        let n = cn_numeral(l.items.len(), true);
        let owner = l
            .prompt
            .split_once('：')
            .map(|(head, _)| head.to_string())
            .or_else(|| {
                let h = chars(l.heading.last()?);
                let skip = super::markers::marker_at(&h, 0, true).map_or(0, |m| m.len);
                let body: String = h.get(skip..)?.iter().collect();
                Some(trim(&body).to_string())
            })
            .filter(|o| len(o) >= 2)
            .unwrap_or_else(|| topic.to_string());
        if !owner.is_empty() {
            l.prompt = format!("{owner}（{n}项）");
        }
    }
}

/// The section a list sits in, as the owner of a prompt that has none: the heading of its own
/// numbered paragraph, else the nearest heading above it.
fn section_owner(own: Option<&Heading>, path: &[Heading]) -> Option<String> {
    own.or(path.last()).map(|h| trim(&h.body).to_string())
}

/// A frame with no object and no owner: a short verb phrase before the gap (`力求做到……`,
/// `我们要坚持……`, `真抓实干……`), at most six characters once a speaker's 我们/要 is dropped;
/// or a verb of at most three characters before a count (`深化的四个改革`).
fn bare_frame(prompt: &str) -> bool {
    // …or nothing before its count (三个之变)…
    if count_at(&chars(prompt), 0).is_some() {
        return true;
    }
    // …or a verb alone before its count (深化的四个改革).
    if let Some((verb, rest)) = prompt.split_once('的') {
        let rest = chars(rest);
        if len(verb) <= 3 && count_at(&rest, 0).is_some() {
            return true;
        }
    }
    let Some((before, _)) = prompt.split_once("……") else {
        return false;
    };
    let before = before.strip_prefix("我们").unwrap_or(before);
    let before = before.strip_prefix('要').unwrap_or(before);
    len(before) <= 6
}

/// Whether a series' prompt names no owner: it opens on a verb or adverb that needs one
/// ([`OWNERLESS`]), or is a bare frame.
pub(super) fn needs_owner(prompt: &str) -> bool {
    OWNERLESS.iter().any(|v| prompt.starts_with(v)) || bare_frame(prompt)
}

/// Whether a heading announces a list of `n` (几个重要着力点, 五个方面, 主要目标).
fn announces(h: &str, n: usize) -> bool {
    let c = chars(h);
    is_bare_category(h)
        || VAGUE.iter().any(|v| h.contains(v))
        || (0..c.len())
            .any(|i| count_at(&c, i).is_some_and(|(v, _, _)| usize::try_from(v).ok() == Some(n)))
}

/// Fill in `l.prompt` (or repair the one a pass set): the list's lead, its section heading
/// and the document's topic (`topic`, a short title) decide it. `own` is the heading the list's
/// own paragraph opens with (`（一）指导思想。以…为…，以…为…`), when the list lies inside it.
pub fn finish(
    l: &mut FoundList,
    path: &[Heading],
    own: Option<&Heading>,
    para_head: Option<&str>,
    topic: &str,
) {
    // A name never opens on the ordinal of its own section ((五)明确劳动教育总体目标).
    l.lead = strip_ordinal(&l.lead).to_string();
    l.prompt = strip_ordinal(&l.prompt).to_string();
    compose(l, path, own, topic);
    // 出现了的三个现象 → 出现的三个现象: an aspect particle has no place before 的.
    if let Some(k) = l.prompt.find("了的") {
        let before = &l.prompt[..k];
        if !before.ends_with(['为', '除']) && len(before) >= 2 {
            l.prompt = format!("{before}{}", &l.prompt[k + '了'.len_utf8()..]);
        }
    }
    // 肩负着的三个重要职责 → 肩负的三个重要职责: nor has a durative 着 before a count (随着,
    // 沿着, 意味着 are words of their own).
    if let Some(k) = l.prompt.find("着的") {
        let (before, after) = (&l.prompt[..k], &l.prompt[k + "着的".len()..]);
        if len(before) >= 2
            && !before.ends_with([
                '随', '沿', '朝', '向', '接', '味', '靠', '照', '有', '本', '为', '顺', '跟', '按',
                '凭', '趁', '冲',
            ])
            && count_at(&chars(after), 0).is_some()
        {
            l.prompt = format!("{before}的{after}");
        }
    }
    scope_in_time(l);
    // 主要做了以下六个工作 → 主要做的六个工作: the exam form of an announcement.
    if let Some(k) = l.prompt.find("了以下") {
        let after = &l.prompt[k + "了以下".len()..];
        if chars(after).first().is_some_and(|c| cn_numeral_char(*c)) {
            l.prompt = format!("{}的{after}", &l.prompt[..k]);
        }
    }
    drop_given_verb(l);
    if l.marker == "、" {
        l.prompt = mend_cuts(&l.prompt, &l.passage);
    }
    balance_marks(&mut l.prompt);
    // Joined parts may meet on 的 (…是的|的三个方面).
    while l.prompt.contains("的的") {
        l.prompt = l.prompt.replace("的的", "的");
    }
    // …or an owner may meet the same words opening the rest (解放战争时期|解放战争时期的…).
    let c = chars(&l.prompt);
    if let Some(k) = (2..=c.len() / 2).find(|k| c[..*k] == c[*k..2 * k]) {
        l.prompt = string_of(&c[k..]);
    }
    // A series named only by its verb (坚持三个强国) gets its owner: the head of its paragraph
    // (推动生态环境综合治理。…统筹水资源、水环境、水生态治理) or its section.
    // An owner taken from the document's topic (推进乡村全面振兴的五项总要求) is one already.
    let from_topic = !topic.is_empty() && l.prompt.starts_with(topic);
    // An owner the series' own sentence gave (编写手册：明确的…) is whole already.
    let owned = l.prompt.contains('：');
    if l.marker == "、" && !from_topic && !owned && needs_owner(&l.prompt) {
        // A speaker's 我们要 is no owner: the owner found below replaces it.
        if bare_frame(&l.prompt) {
            for w in ["我们要", "我们"] {
                if let Some(rest) = l.prompt.strip_prefix(w) {
                    l.prompt = rest.to_string();
                    break;
                }
            }
        }
        // Best the sentence's own subject (各级政府要|不断提高A、B、C → 各级政府要不断提高…).
        if let Some((s, modal)) = sentence_subject(&l.passage) {
            // …unless the prompt opens on it already (各地区要建立……).
            if !l.prompt.starts_with(&s) {
                l.prompt = with_subject(&s, modal, &l.prompt);
            }
        } else {
            // A head that is itself a series (坚持A、B、C) is another list, no owner; one of
            // several clauses (a quotation the paragraph opens with) is a sentence, no name.
            // The clause the series' sentence opens with is closer than any heading.
            let first_item = l.items.first().map_or("", |i| i.key.as_str());
            // …unless it holds one of the items: then it is a sibling clause of theirs.
            // …nor one the prompt says already (教育对外开放 in …的教育对外开放局面).
            let owner = clause_owner(&l.passage, first_item)
                .filter(|o| {
                    !l.prompt.contains(o.as_str())
                        && !l
                            .items
                            .iter()
                            .any(|i| len(&i.key) >= 4 && o.contains(i.key.as_str()))
                })
                .or_else(|| {
                    para_head
                        .filter(|h| !is_series(h) && !h.contains('，'))
                        .map(str::to_string)
                })
                .or_else(|| section_owner(own, path))
                // A bare frame in a text with no headings: its topic, unless the title names
                // only the occasion (…时的讲话).
                .or_else(|| {
                    let occasion = ["讲话", "发言", "演讲", "致辞"]
                        .iter()
                        .any(|w| topic.ends_with(w));
                    (bare_frame(&l.prompt) && !topic.is_empty() && !occasion)
                        .then(|| topic.to_string())
                });
            if let Some(o) = owner.filter(|o| !l.prompt.contains(o.as_str())) {
                l.prompt = format!("{o}：{}", l.prompt);
            }
        }
    }
    // A series in a later clause of a sentence whose subject opens it (高等学校要注重…，结合
    // 专业开展A、B、C) is that subject's: a prompt opening on the later clause's verb gets it.
    else if l.marker == "、" && !from_topic {
        // The cheap tests first: the subject is looked for (a segmentation) only then.
        let head: String = l.prompt.chars().take(2).collect();
        let first = l
            .passage
            .split(['，', '。', '；', '：'])
            .next()
            .unwrap_or("");
        let later = l
            .passage
            .get(first.len()..)
            .is_some_and(|rest| rest.contains(head.as_str()));
        if len(&head) == 2 && !first.contains(head.as_str()) && later {
            if let Some((s, modal)) = sentence_subject(&l.passage) {
                if !l.prompt.contains(&s) {
                    l.prompt = with_subject(&s, modal, &l.prompt);
                }
            }
        }
    }
    // A modal opening (要加快建设…) is the sentence's, not the name's; 要素 and 要求 stay.
    // Dropped last: a prompt opening on 要 had its owner in the sentence, not the heading.
    if let Some(rest) = l.prompt.strip_prefix('要') {
        if len(rest) >= 4 && cut::boundaries(&l.prompt).contains(&'要'.len_utf8()) {
            l.prompt = rest.to_string();
        }
    }
    guard(l, path, own, topic);
    balance_marks(&mut l.prompt);
    name_bare_noun(l);
    // A preposition left alone before 的 (辅助定标决策：基于的三个方面) names nothing: the owner
    // before it does.
    if let Some(k) = l.prompt.find('：') {
        let after = &l.prompt[k + '：'.len_utf8()..];
        if let Some(p) = ["基于", "根据", "按照", "围绕", "针对"]
            .iter()
            .find(|p| after.strip_prefix(**p).is_some_and(|r| r.starts_with('的')))
        {
            l.prompt
                .replace_range(k..k + '：'.len_utf8() + p.len() + '的'.len_utf8(), "的");
        }
    }
}

/// Heads of a noun phrase that name an activity or a measure of one (…保护, …力度), not a
/// class of things: a series before them is its fields, not its members.
pub(super) const ACTIVITY_HEADS: [&str; 20] = [
    "力度", "水平", "能力", "建设", "保护", "管理", "投资", "研发", "研制", "防范", "监管", "应用",
    "衔接", "氛围", "发展", "增长", "扩容", "攻关", "供给", "保障",
];

/// Last words that say what kind of thing a list's items are, with the measure word and name
/// the kind is counted by (专利法、商标法 → 两部法律).
const SUFFIX_KINDS: [(&str, &str); 5] = [
    ("法", "部法律"),
    ("条例", "部条例"),
    ("制度", "项制度"),
    ("体系", "个体系"),
    ("规划", "个规划"),
];

/// A series named only by a short noun phrase (群团组织（三项）) reads as an instructor prints
/// it: members of a class summed up after 等 are counted as kinds of it (工会、共青团、妇联等
/// 群团组织 → 三类群团组织); anything else the noun phrase gathers — the qualities a 的 joins to
/// it, the fields of an activity — are its aspects (开放、多元、稳定的世界经济秩序 → 世界经济秩序的
/// 三个方面). A frame with a gap, a clause, a statement, a quoted name or a phrase already
/// joined by 的 (特殊群体的消费品 — a second 的 would stack) stays as it is.
fn name_bare_noun(l: &mut FoundList) {
    let n = l.items.len();
    let suffix = format!("（{}项）", cn_numeral(n, true));
    let Some(core) = l.prompt.strip_suffix(suffix.as_str()) else {
        return;
    };
    let core = core.strip_suffix('的').unwrap_or(core);
    let statement = ["是", "只", "如果", "经过"]
        .iter()
        .any(|w| core.contains(w))
        || ["要", "对", "把", "将", "在", "我", "为", "让"]
            .iter()
            .any(|w| core.starts_with(w));
    // A longer action without a category (加快构建现代能源体系, a heading's own words) reads as
    // its aspects too, unless it opens on a preposition (围绕…: a frame, no action).
    let action = len(core) > 10
        && reads_as_aspects(core)
        && !PREPOSITIONS.iter().any(|w| core.starts_with(w));
    if !((2..=10).contains(&len(core)) || action)
        || core.contains(['…', '：', '，', '、', '“', '”', '（', '）', '《'])
        || core.contains('的')
        || statement
        || cn_numeral_char(chars(core)[0])
    {
        return;
    }
    let num = cn_numeral(n, true);
    // Items of one kind named by their shared last word (专利法、商标法、著作权法) before an
    // activity on them (…等修订工作) are counted as that kind: 修订工作的五部法律.
    // (A law is known by `names_a_law`: not 方法, 立法. A core that already names the kind,
    // 规划支撑保障, says it once.)
    let on_activity = core.ends_with("工作") || ACTIVITY_HEADS.iter().any(|h| core.ends_with(h));
    let of_kind = |suffix: &str, key: &str| {
        if suffix == "法" {
            super::series::names_a_law(&chars(key))
        } else {
            key.ends_with(suffix) && len(key) >= len(suffix) + 2
        }
    };
    let kind_of_items = SUFFIX_KINDS.iter().find(|(suffix, _)| {
        n >= 3
            && on_activity
            && !core.contains(suffix)
            && l.items.iter().all(|i| of_kind(suffix, &i.key))
    });
    if let Some((_, kind)) = kind_of_items {
        l.prompt = format!("{core}的{num}{kind}");
        return;
    }
    // A one-character nominal suffix (信息化, 普及率, 积极性) makes a state or a measure
    // (not 度: 制度 is a class of things).
    let activity =
        ACTIVITY_HEADS.iter().any(|h| core.ends_with(h)) || core.ends_with(['化', '率', '性']);
    let class = !activity
        && !action
        && !is_bare_category(core)
        && ["等", "等等"]
            .iter()
            .any(|w| l.passage.contains(&format!("{w}{core}")));
    l.prompt = if class {
        format!("{num}类{core}")
    } else {
        format!("{core}的{num}个方面")
    };
}

fn compose(l: &mut FoundList, path: &[Heading], own: Option<&Heading>, topic: &str) {
    let n = l.items.len();
    let items: Vec<String> = l.items.iter().map(|i| i.key.clone()).collect();
    // Items that each say what their shared subject is and is not (X是A，不是B ×3) are
    // contrasts: the list is the subject's N “是……不是……”, whatever the lead says.
    if let Some(s) = l.subject.as_deref().filter(|s| !weak_subject(s)) {
        if n >= 2 && l.items.iter().all(|i| i.full.contains("，不是")) {
            l.prompt = format!("{s}的{}个“是……不是……”", cn_numeral(n, true));
            return;
        }
    }
    // The section: a （一） heading owns the few paragraphs after it; a 一、 its whole part.
    let section: Option<&Heading> = own.or_else(|| {
        path.iter()
            .rev()
            .find(|h| h.level == 0 || l.para <= h.para + SECTION_REACH)
    });
    // A heading right above the list that announces it names it best.
    // A heading with a vague count (几个重要着力点) announces the section's own parts, never a
    // short 、-series inside one of them (人尽其才、才尽其用、为国效力).
    let vague = |h: &Heading| VAGUE.iter().any(|v| h.body.contains(v));
    let announcing = section.filter(|h| {
        l.para <= h.para + 3 && announces(&h.body, n) && !(l.marker == "、" && vague(h))
    });
    let preferred = l.subject.clone().filter(|s| !weak_subject(s));
    let gives_away = |p: &str| {
        items
            .iter()
            .any(|it| len(it) >= 4 && p.contains(it.as_str()))
    };
    // A clause after the last item that sums the list up names it, when nothing before does.
    // A name coined from the items' shared affix (增强立法的三个“性”) says less than a clause
    // that sums them up (…，是发展新质生产力的核心要素).
    let affix_name = l.prompt.ends_with('”')
        && l.prompt
            .rsplit('“')
            .next()
            .is_some_and(|c| c.chars().count() == 2);
    if announcing.is_none()
        && !has_count(&strip_frames(&l.lead))
        && (l.prompt.is_empty() || l.prompt.contains("……") || affix_name)
    {
        if let Some((p, own)) = summary_after(l, n).filter(|(p, _)| !gives_away(p)) {
            l.prompt = p;
            // The summary closed the last item's own text: it names the list, it is no item.
            if let Some(last) = l.items.last_mut().filter(|_| own) {
                if let Some((head, _)) = last.key.rsplit_once('，') {
                    last.key = head.to_string();
                }
            }
            return;
        }
    }
    if l.marker == "、" {
        if let Some(p) = summary_prompt(l, n) {
            l.prompt = p;
        }
    }
    if !l.prompt.is_empty() {
        // A pass named the list itself (a numeric term, a 、-series' summary noun): keep it
        // unless it is a bare frame or gives its items away.
        let core = l.prompt.replace("……", "");
        let core = trim(core.split('（').next().unwrap_or(""));
        // A short run-in head that leads the series' paragraph (打好政策“组合拳”) owns a
        // category of two characters (政策) the series names.
        let run_in = Some(l.lead.trim_matches(['。', '，', '：']).to_string())
            .filter(|h| (4..=12).contains(&len(h)) && !h.contains('，') && !is_series(h));
        let category = len(core) >= 2 && is_bare_category(core) && run_in.is_some();
        if (len(core) >= 3 || category) && !gives_away(&l.prompt) && !l.prompt.starts_with("……")
        {
            // A bare category (…等战略任务 → 战略任务) needs its owner: what the items share,
            // the section, the document's topic.
            // A named spirit or idea (丝路精神, 新发展理念) is its own name, not a category.
            // …and so is a quoted label (“四集中”原则).
            let named = ["精神", "理念", "思想"].iter().any(|k| core.ends_with(k))
                || l.prompt.starts_with('“');
            if is_bare_category(core) && !named {
                // A vague quantity (诸多优势条件) is no part of the kind: the count says it.
                let core = ["诸多", "众多", "许多", "一些", "若干"]
                    .iter()
                    .find_map(|v| core.strip_prefix(v).filter(|c| len(c) >= 2))
                    .unwrap_or(core);
                let first_item = items.first().map_or("", String::as_str);
                let owner = preferred
                    .clone()
                    .into_iter()
                    .chain(if l.marker == "、" {
                        next_clause_owner(&l.passage, first_item)
                    } else {
                        None
                    })
                    .chain(run_in.clone().filter(|_| category))
                    .chain(section.map(|h| trim(&h.body).to_string()))
                    .chain(std::iter::once(topic.to_string()))
                    .find(|s| !s.is_empty() && !is_bare_category(s) && !weak_subject(s));
                if let Some(o) = owner {
                    // A category that counts itself (两大环节) takes no second count.
                    l.prompt = if has_count(core) {
                        format!("{o}的{core}")
                    } else {
                        owned_kind(&o, core, n)
                    };
                }
            }
            return;
        }
        l.lead.clear();
    }
    let lead = match announcing {
        Some(h) => h.body.clone(),
        None => {
            let s = strip_frames(&l.lead);
            let backward = ["这些", "这", "以上", "上述", "其"]
                .iter()
                .any(|w| s.starts_with(w));
            if backward && !has_count(&s) {
                String::new()
            } else {
                pick_clause(&s, &items)
            }
        }
    };
    let lead = if gives_away(&lead) {
        String::new()
    } else {
        lead
    };
    // Who the list is about when the lead does not say: what the items share, the section,
    // the document's topic — never the text being named itself.
    let fallback = |not: &str| -> Option<String> {
        preferred
            .clone()
            .into_iter()
            .chain(lead_topic(&l.passage, &l.lead))
            .chain(section.map(|h| trim(&h.body).to_string()))
            .chain(std::iter::once(topic.to_string()))
            .find(|s| !s.is_empty() && s != not && !is_bare_category(s) && !weak_subject(s))
    };
    // Parallel clauses inside a numbered paragraph's own heading (（一）指导思想。以…为…):
    // the heading names them, the shared head is their category.
    if let (Some(h), true) = (own, matches!(l.marker.as_str(), "坚持" | "以…为")) {
        let head = if l.marker == "以…为" {
            "以……为……".to_string()
        } else {
            items
                .first()
                .map(|i| i.chars().take(2).collect())
                .unwrap_or_default()
        };
        let owner = if is_bare_category(&h.body) {
            format!("{topic}{}", h.body)
        } else {
            h.body.clone()
        };
        l.prompt = format!("{owner}中的{}个“{head}”", cn_numeral(n, true));
        return;
    }
    // Parallel clauses that all open on one phrase of three characters or more (更好统筹A，
    // 更好统筹B…) are counted by it, for the clause their sentence opens with (做好X工作).
    if l.marker == "坚持" {
        let first = items.first().map_or("", String::as_str);
        let open = items.iter().skip(1).fold(chars(first), |acc, it| {
            acc.iter()
                .zip(it.chars())
                .take_while(|(a, b)| **a == *b)
                .map(|(a, _)| *a)
                .collect()
        });
        let open: String = open.into_iter().collect();
        if len(&open) >= 3 && items.iter().all(|i| len(i) > len(&open)) {
            if let Some(o) = clause_owner(&l.passage, first) {
                l.prompt = format!("{o}的{}个“{open}”", cn_numeral(n, true));
                return;
            }
        }
    }
    // A lead that says what a thing's kind of items is (X的基本职责是：; X的职责是…，主要
    // 包括：) names them by that kind: X的N项职责.
    if let Some((owner, kind)) = defined_kind(&l.lead, &lead) {
        l.prompt = format!("{owner}的{}项{kind}", cn_numeral(n, true));
        return;
    }
    let base = if len(&lead) >= 4 || (len(&lead) >= 2 && is_bare_category(&lead)) {
        lead
    } else {
        fallback("").unwrap_or_else(|| topic.to_string())
    };
    let counted = with_count(&base, n);
    if let Some(p) = exam_form(&counted, n, preferred.as_deref(), &|| fallback(&base)) {
        l.prompt = p;
        return;
    }
    // A bare category (主要目标, 总体要求) needs its owner.
    if is_bare_category(&base) {
        if let Some(s) = fallback(&base) {
            l.prompt = owned_kind(&s, &base, n);
            return;
        }
    }
    // A lead clause naming no category (全面建设…迈出坚实步伐) is read as the aspects it
    // shows: 的N个方面, the exam books' generic category. A short name stays as it is.
    let suffix = format!("（{}项）", cn_numeral(n, true));
    l.prompt = match counted.strip_suffix(suffix.as_str()) {
        Some(clause) if reads_as_aspects(clause) => {
            format!("{clause}的{}个方面", cn_numeral(n, true))
        }
        _ => counted,
    };
}

/// `{owner}的N项{kind}`, or the owner counted alone when it ends on the kind already (a heading
/// 完善治理体系，提升治理能力 over a bare 提升治理能力 says it once).
fn owned_kind(owner: &str, kind: &str, n: usize) -> String {
    if owner.ends_with(kind) {
        with_count(owner, n)
    } else {
        format!("{owner}的{}项{kind}", cn_numeral(n, true))
    }
}

/// `X的Y是` (Y a kind of items) opening the lead sentence, when the clause picked to name the
/// list is that copula or a bare 包括 after it: (X, Y).
fn defined_kind(sentence: &str, picked: &str) -> Option<(String, String)> {
    let bare = ["主要包括", "包括", "主要有"].contains(&picked) || picked.ends_with('是');
    if !bare {
        return None;
    }
    let s = strip_frames(sentence);
    let head = s.split(['，', '：', '。']).next()?;
    let (np, _) = head.split_once('是')?;
    let (owner, kind) = np.rsplit_once('的')?;
    // A bracketed note (（含…）) is no part of the name.
    let owner = match owner.find('（') {
        Some(k) if owner.ends_with('）') => &owner[..k],
        _ => owner,
    };
    // Duties and rights are kinds a regulation defines, beside the genre's categories.
    let kind_noun = names_kind(kind)
        || ["职责", "职能", "权利", "义务"]
            .iter()
            .any(|k| kind.ends_with(k));
    (kind_noun && (2..=6).contains(&len(kind)) && (2..=16).contains(&len(owner)))
        .then(|| (owner.to_string(), kind.to_string()))
}

/// The name a summary clause right after the last item gives the list: the items as the
/// subject of `是X的Y` (…强大科技实力，是我们抵御外部风险的根本依托 → 我们抵御外部风险的N个根本依托),
/// or a result they add up to (…，高质量发展取得明显成效 → 高质量发展取得的N方面明显成效).
/// The flag says whether the clause closed the last item's own key phrase.
fn summary_after(l: &FoundList, n: usize) -> Option<(String, bool)> {
    let key = l.items.last()?.key.as_str();
    if key.is_empty() {
        return None;
    }
    let after = |hay: &str| hay.rfind(key).map(|b| hay[b + key.len()..].to_string());
    // The summary may also close the last item's own sentence (…稳步改善，X取得显著成效).
    let own_last = key.rsplit_once('，').map(|(_, c)| format!("，{c}"));
    let outside = after(&l.items.last()?.full).filter(|r| r.starts_with('，'));
    let own = outside.is_none() && own_last.is_some();
    let rest = outside.or(own_last).or_else(|| after(&l.passage))?;
    if !rest.starts_with('，') {
        return None;
    }
    let sentence = rest.split(['。', '；', '！', '：']).next()?;
    let clause = trim(sentence.rsplit('，').next()?);
    let num = cn_numeral(n, true);
    if let Some(pred) = clause.strip_prefix('是') {
        let (x, y) = pred.rsplit_once('的')?;
        let noun_ok = (2..=6).contains(&len(y)) && CATEGORIES.iter().any(|k| y.ends_with(k));
        return (noun_ok && len(x) >= 4 && !x.contains('、'))
            .then(|| (format!("{x}的{num}个{y}"), own));
    }
    let (subj, result) = clause.split_once("取得")?;
    let result = result.strip_prefix('了').unwrap_or(result);
    let named = ["成效", "成就", "进展", "成果"]
        .iter()
        .any(|k| result.ends_with(k));
    (named && len(subj) >= 2 && len(result) <= 6 && !subj.contains('、'))
        .then(|| (format!("{subj}取得的{num}方面{result}"), own))
}

/// The name of a 、-series summed up after 等 by a category noun: the noun is the words from
/// 等 up to and including the first category (…等生产要素活力 → 生产要素, cut at word
/// boundaries); what follows it in the clause is what the items are for, and goes before it
/// with the governing verb (激发|A、B等|生产要素|活力 → 激发活力的六个生产要素; …等|行业和领域|
/// 碳达峰实施方案 → 碳达峰实施方案的七个行业和领域). A 把-object (把A、B等战略任务落实到位)
/// keeps only its noun, for the owner to be found.
fn summary_prompt(l: &FoundList, n: usize) -> Option<String> {
    let first = l.items.first()?.key.as_str();
    let last = l.items.last()?.key.as_str();
    if first.is_empty() || last.is_empty() {
        return None;
    }
    let start = l.passage.find(first)?;
    let at = start + l.passage[start..].find(last)? + last.len();
    let stops = ['，', '。', '；', '：', '、', '！', '？'];
    let verb = trim(l.passage[..start].rsplit(stops).next().unwrap_or(""));
    let rest = &l.passage[at..];
    // 以|A、B和C|为主要内容开展X: the noun after 为 is what the items are, for X.
    // The 以 may stand a word before the first item when that item was cut short (以日常|生活劳动).
    let yi = chars(verb);
    let as_role = rest.starts_with('为')
        && (yi.len().saturating_sub(3)..yi.len()).any(|k| {
            yi[k] == '以'
                && (k == 0 || !matches!(yi[k - 1], '加' | '予' | '难' | '所' | '足' | '得'))
        });
    let rest = rest
        .strip_prefix("等等")
        .or_else(|| rest.strip_prefix('等'))
        .or_else(|| rest.strip_prefix('为').filter(|_| as_role))?;
    let verb = if as_role { "" } else { verb };
    let clause = rest.split(stops).next()?;
    let bounds = cut::boundaries(clause);
    let noun = bounds
        .iter()
        .skip(1)
        .map(|b| &clause[..*b])
        .take_while(|p| len(p) <= 8)
        .filter(|p| len(p) >= 2 && CATEGORIES.iter().any(|k| p.ends_with(k)))
        // 等方面 counts aspects of what follows (等方面制度规则统一): 方面 alone.
        .reduce(|a, b| if a == "方面" { a } else { b })?;
    let mut after = &clause[noun.len()..];
    // …等方面制定安全、科学的操作规范: a 、 inside what follows joins modifiers of one noun; the
    // clause runs on to that noun (never stopping at 制定安全).
    let whole = rest
        .split(['，', '。', '；', '：', '！', '？'])
        .next()
        .unwrap_or(clause);
    let mut joined_mods = false;
    if whole.len() > clause.len() && !after.is_empty() {
        if let Some(d) = whole.rfind('的').filter(|d| *d > clause.len()) {
            let head = &whole[d + '的'.len_utf8()..];
            if (2..=6).contains(&len(head)) && !head.contains('、') {
                after = &whole[noun.len()..];
                joined_mods = true;
            }
        }
    }
    // 等各领域: 各 says every one of them, it is no part of the category; 等多种手段 a
    // quantity the count replaces.
    let noun = super::series::quantified_kind(noun)
        .map(|(_, kind)| kind)
        .or_else(|| noun.strip_prefix('各').filter(|x| len(x) >= 2))
        .unwrap_or(noun);
    // A 把-object (the 把 may have gone into the first item).
    let disposal = ["把", "将"]
        .iter()
        .any(|w| verb.ends_with(w) || first.starts_with(w));
    // …等政策与质量政策协同: a coordination, not what the items are for.
    let joined = ["与", "和", "同", "及"]
        .iter()
        .any(|w| after.starts_with(w));
    let num = cn_numeral(n, true);
    let over = if joined_mods {
        len(after) > 16
    } else {
        len(after) > 10 || after.contains('的')
    };
    if disposal || joined || after.is_empty() || over {
        if l.prompt.contains(noun) && !disposal {
            // The series' own name holds the noun whole: it stands.
            return None;
        }
        return Some(format!("{noun}（{num}项）"));
    }
    let verb = verb
        .strip_prefix('要')
        .filter(|v| len(v) >= 2)
        .unwrap_or(verb);
    // 结合当地在|A、B、C等方面条件: the preposition framed the items, not what follows.
    let verb = verb
        .strip_suffix(['在', '从', '于'])
        .filter(|v| len(v) >= 2)
        .unwrap_or(verb);
    let verb = if len(verb) <= 6 && !weak_subject(verb) {
        verb
    } else {
        ""
    };
    if len(verb) + len(after) < 4 {
        // 入手的三个方面 names nothing: the noun alone, for the owner to be found.
        return Some(format!("{noun}（{num}项）"));
    }
    Some(format!("{verb}{after}的{num}个{noun}"))
}

/// A short name that is only a category (主要目标, 总体要求, 指导思想).
fn is_bare_category(s: &str) -> bool {
    // 做好工作 is an activity, not a category of its own.
    len(s) <= 6 && !s.ends_with("工作") && CATEGORIES.iter().any(|k| s.ends_with(k))
}

/// Verbs and adverbs a series' clause opens with when it names no owner (坚持|教育强国、…,
/// 压实|企业主体责任、…): such a prompt needs the paragraph's head or the section before it.
const OWNERLESS: [&str; 34] = [
    "坚持",
    "正确处理",
    "处理好",
    "压实",
    "加强",
    "统筹",
    "提升",
    "提高",
    "扩大",
    "不断",
    "千方百计",
    "进一步",
    "分别",
    "让",
    "推动",
    "推进",
    "着力",
    "加快",
    "深入",
    "全面",
    "积极",
    "大力",
    "持续",
    "坚决",
    "强化",
    "促进",
    "落实",
    "实施",
    "完善",
    "健全",
    "开展",
    "突破",
    "重点突破",
    "攻克",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn subj(s: &'static str) -> impl Fn() -> Option<String> {
        move || Some(s.to_string())
    }

    #[test]
    fn exam_forms() {
        let none = || None;
        assert_eq!(
            exam_form("构建新发展格局要把握好六个重要着力点", 6, None, &none).as_deref(),
            Some("构建新发展格局的六个重要着力点")
        );
        assert_eq!(
            exam_form("加快构建新发展格局要从两个维度来研究和布局", 2, None, &none).as_deref(),
            Some("加快构建新发展格局的两个维度")
        );
        // No subject before the count: the one the context gives.
        assert_eq!(
            exam_form("积累了八个经验", 8, None, &subj("促进高质量充分就业")).as_deref(),
            Some("促进高质量充分就业的八个经验")
        );
        // No category noun after the count: not rewritten.
        assert_eq!(
            exam_form("就贯彻落实全会精神讲五个重点问题", 3, None, &none),
            None
        );
    }

    #[test]
    fn a_lead_that_only_says_when_takes_the_task_its_paragraph_opens_with() {
        let para = "建设中国特色社会主义法治体系，要顺应事业发展需要，坚持系统观念。\
                    当前和今后一个时期，要着力抓好以下几方面工作。";
        let lead = "当前和今后一个时期，要着力抓好以下几方面工作。";
        // The time frame is no subject: the clause keeps only its verb.
        assert_eq!(pick_clause(lead, &[]), "要着力抓好以下几方面工作");
        let owner = lead_topic(para, lead);
        assert_eq!(owner.as_deref(), Some("建设中国特色社会主义法治体系"));
        assert_eq!(
            exam_form("要着力抓好以下五方面工作", 5, None, &|| owner
                .clone())
            .as_deref(),
            Some("建设中国特色社会主义法治体系的五方面工作")
        );
        // A sentence before that says how or states (按照…，要…; X是Y，要…) names no task.
        assert_eq!(
            lead_topic(
                "按照党中央部署，要坚定信心。当前，要抓好以下几项工作。",
                "当前，要抓好以下几项工作。"
            ),
            None
        );
        assert_eq!(
            lead_topic(
                "法治是保障，要坚持。当前，要抓好以下几项工作。",
                "当前，要抓好以下几项工作。"
            ),
            None
        );
        // No sentence before the lead: none.
        assert_eq!(lead_topic(lead, lead), None);
    }

    #[test]
    fn what_a_statement_is_about_owns_what_its_sentence_requires() {
        let passage = "中国特色社会主义法治体系是中国特色社会主义制度的重要组成部分，必须牢牢把握这个定性，正确处理政治和法治、改革和法治的关系。";
        assert_eq!(
            clause_owner(passage, "政治和法治").as_deref(),
            Some("中国特色社会主义法治体系")
        );
        // A statement about a pronoun or a verb phrase owns nothing.
        let passage = "这是一项系统工程，要统筹推进A、B、C。";
        assert_eq!(clause_owner(passage, "A"), None);
    }

    #[test]
    fn neither_a_setting_nor_the_speaker_owns() {
        let passage = "在这个过程中，我们深化了对改革工作的规律性认识，必须处理好甲和乙、丙和丁、戊和己的关系。";
        assert_eq!(
            clause_owner(passage, "甲和乙").as_deref(),
            Some("深化了对改革工作的规律性认识")
        );
    }

    #[test]
    fn a_series_takes_the_time_of_its_own_clause() {
        let mut l = FoundList {
            prompt: "形成经验做法的三个方面".to_string(),
            marker: "、".to_string(),
            passage: "2026年底，重点场景实现全覆盖应用；2027年底，形成一批模型训练、场景应用、机制保障等方面的经验做法。".to_string(),
            items: ["模型训练", "场景应用", "机制保障"]
                .iter()
                .map(|k| super::super::FoundItem {
                    key: k.to_string(),
                    full: k.to_string(),
                    line: 1,
                })
                .collect(),
            explicit: false,
            ordered: false,
            line: 1,
            heading: vec![],
            lead: String::new(),
            subject: None,
            para: 0,
        };
        scope_in_time(&mut l);
        assert_eq!(l.prompt, "2027年形成经验做法的三个方面");
    }

    #[test]
    fn a_subject_says_its_modal_once() {
        assert_eq!(with_subject("各地", "要", "要加强合作"), "各地要加强合作");
        assert_eq!(with_subject("各地", "要", "加强合作"), "各地要加强合作");
    }

    #[test]
    fn a_clause_of_where_or_when_opens_before_the_subject() {
        assert_eq!(
            sentence_subject("在全面建设社会主义现代化国家新征程上，市场监管系统要强化法治监管"),
            Some(("市场监管系统".to_string(), "要"))
        );
        assert_eq!(sentence_subject("在新征程上，坚持创新"), None);
    }

    #[test]
    fn contrasts_take_the_side_that_introduces_the_items() {
        let c = pick_clause(
            "我们所推进的现代化，既有各国现代化的共同特征，更有基于国情的中国特色",
            &[],
        );
        assert!(c.contains("中国特色") && !c.contains("共同特征"), "{c}");
    }

    #[test]
    fn a_series_in_the_lead_is_not_the_name() {
        let c = pick_clause("《意见》坚持内外统筹、提质增效、主动引领、有序开放，对新时代教育对外开放进行了重点部署", &[]);
        assert_eq!(c, "对新时代教育对外开放进行了重点部署");
    }

    fn list(keys: &[&str], passage: &str) -> FoundList {
        FoundList {
            prompt: String::new(),
            items: keys
                .iter()
                .map(|k| crate::extract::FoundItem {
                    key: k.to_string(),
                    full: k.to_string(),
                    line: 1,
                })
                .collect(),
            marker: "、".into(),
            explicit: false,
            ordered: false,
            line: 1,
            passage: passage.into(),
            heading: Vec::new(),
            lead: String::new(),
            subject: None,
            para: 0,
        }
    }

    #[test]
    fn a_prompt_never_prints_another_lists_items() {
        let mut a = list(&["东部率先发展", "西部加快开发", "中部全面崛起"], "");
        a.prompt = "区域协调：推进东部率先发展、西部加快开发等战略（三项）".into();
        let mut b = list(&["东北振兴发展", "港澳融合发展"], "");
        b.prompt = "区域发展的两大战略".into();
        let mut c = list(&["沿海城市群", "沿江城市群", "沿边城市群"], "");
        c.prompt = "区域协调：推进东部率先发展、西部加快开发等战略（三项）".into();
        c.heading = vec!["三、推进区域协调".into()];
        let mut d = list(&["沿海城市群", "沿江城市群", "沿边城市群"], "");
        d.prompt = "推进东部率先发展、西部加快开发等战略（三项）".into();
        d.heading = vec!["三、推进区域协调".into()];
        let mut lists = vec![a, b, c, d];
        spare_other_lists(&mut lists, "区域发展意见");
        // Its own items in the prompt are another matter (left to the finishing pass).
        assert_eq!(
            lists[0].prompt,
            "区域协调：推进东部率先发展、西部加快开发等战略（三项）"
        );
        assert_eq!(lists[1].prompt, "区域发展的两大战略");
        // Another list's items: the section part stays, else the heading without its marker.
        assert_eq!(lists[2].prompt, "区域协调（三项）");
        assert_eq!(lists[3].prompt, "推进区域协调（三项）");
    }

    #[test]
    fn a_summary_after_the_items_names_them() {
        let l = list(
            &["完备交通网络", "充足劳动力资源", "齐全配套产业"],
            "各地形成的完备交通网络、充足劳动力资源、齐全配套产业，是县域承接产业转移的重要基础。",
        );
        assert_eq!(
            summary_after(&l, 3),
            Some(("县域承接产业转移的三个重要基础".to_string(), false))
        );
        // 是 + something that is no category: no name.
        let l = list(
            &["完备交通网络", "充足劳动力资源", "齐全配套产业"],
            "各地的完备交通网络、充足劳动力资源、齐全配套产业，是大家有目共睹的。",
        );
        assert_eq!(summary_after(&l, 3), None);
    }

    #[test]
    fn a_period_that_opens_the_lead_scopes_the_list() {
        assert_eq!(
            time_scope("过去三年，全省上下团结奋斗").as_deref(),
            Some("过去三年")
        );
        assert_eq!(
            time_scope("十年来，我们砥砺前行").as_deref(),
            Some("十年来")
        );
        assert_eq!(
            time_scope("2019年以来，改革全面铺开").as_deref(),
            Some("2019年以来")
        );
        assert_eq!(
            time_scope("到2035年，基本实现现代化").as_deref(),
            Some("到2035年")
        );
        assert_eq!(
            time_scope("今年，发展任务依然繁重").as_deref(),
            Some("今年")
        );
        // A bare duration is no period: 三年行动 is a name.
        assert_eq!(time_scope("三年行动计划全面完成"), None);
        assert_eq!(time_scope("我们要坚持稳中求进"), None);
        let mut l = list(&["粮食增产", "农民增收"], "十年来，农村面貌焕然一新。");
        l.prompt = "农村改革取得的两个显著成效".into();
        scope_in_time(&mut l);
        assert_eq!(l.prompt, "十年来农村改革取得的两个显著成效");
        // A prompt that names its period keeps it alone.
        l.prompt = "2020年的两项成效".into();
        scope_in_time(&mut l);
        assert_eq!(l.prompt, "2020年的两项成效");
    }

    #[test]
    fn what_was_achieved_is_named_with_its_verb() {
        let none = || None;
        assert_eq!(
            category_at_end("全省农业生产取得了令人瞩目的显著成效", 4, None, &none).as_deref(),
            Some("全省农业生产取得的四个显著成效")
        );
        // 有 inside 有效 is no verb of having: nothing to rewrite.
        assert_eq!(
            category_at_end("稳步扩大国内有效需求", 3, None, &none),
            None
        );
    }

    #[test]
    fn counts_inside_names_do_not_name_the_list() {
        assert!(!has_count("牢固树立“四个意识”"));
        assert!(!has_count("深入学习党的十九大精神"));
        assert!(has_count("要处理好三个关系"));
    }

    #[test]
    fn an_adverbial_clause_is_no_subject() {
        assert_eq!(
            pick_clause("一年来，根据全会部署，要做好以下几项工作", &[]),
            "要做好以下几项工作"
        );
        // A subject clause before a verb still joins (构建新发展格局，要把握好…).
        assert_eq!(
            pick_clause("推进乡村振兴，要把握好几个重点", &[]),
            "推进乡村振兴要把握好几个重点"
        );
    }

    #[test]
    fn a_sentence_names_its_own_subject() {
        assert_eq!(
            sentence_subject("各级干部要不断增强本领、提高能力、改进作风。"),
            Some(("各级干部".to_string(), "要"))
        );
        assert_eq!(
            sentence_subject("要不断增强本领、提高能力、改进作风。"),
            None
        );
        assert_eq!(
            sentence_subject("围绕中心工作要增强本领、提高能力、改进作风。"),
            None
        );
    }

    #[test]
    fn a_series_summed_up_by_a_category_is_named_by_it() {
        let l = list(
            &["土地", "资本", "数据"],
            "要激发土地、资本、数据等生产要素活力。",
        );
        assert_eq!(
            summary_prompt(&l, 3).as_deref(),
            Some("激发活力的三个生产要素")
        );
        // A 把-object keeps only the noun: its owner is found elsewhere.
        let l = list(
            &["稳就业", "稳物价", "保民生"],
            "把稳就业、稳物价、保民生等重点任务落实到位。",
        );
        assert_eq!(summary_prompt(&l, 3).as_deref(), Some("重点任务（三项）"));
        // 等方面 counts aspects of what follows.
        let l = list(
            &["用地", "用能", "融资"],
            "着力破解用地、用能、融资等方面要素制约。",
        );
        assert_eq!(
            summary_prompt(&l, 3).as_deref(),
            Some("着力破解要素制约的三个方面")
        );
        // A 、 in what follows joins two modifiers of one noun: the name runs on to the noun.
        let l = list(
            &["场所设施选择", "材料选用", "活动流程"],
            "在场所设施选择、材料选用、活动流程等方面制定安全、科学的操作规范。",
        );
        assert_eq!(
            summary_prompt(&l, 3).as_deref(),
            Some("制定安全、科学的操作规范的三个方面")
        );
        // 以A、B和C为N…: the items are the N of what follows.
        let l = list(
            &["社区服务", "农业生产", "家务劳动"],
            "各校以社区服务、农业生产和家务劳动为主要内容开展实践。",
        );
        assert_eq!(
            summary_prompt(&l, 3).as_deref(),
            Some("开展实践的三个主要内容")
        );
    }

    #[test]
    fn prompts_keep_marks_paired_and_items_hidden() {
        let mut p = "印发《发展纲要的三个部分".to_string();
        balance_marks(&mut p);
        assert_eq!(p, "印发发展纲要的三个部分");
        // Only the mark without its partner goes: the count keeps its brackets.
        let mut p = "（二）推进城乡融合（附件（三项）".to_string();
        balance_marks(&mut p);
        assert_eq!(p, "（二）推进城乡融合附件（三项）");
        let mut l = list(&["健全标准体系", "完善监测体系"], "");
        l.prompt = "健全标准体系和监测体系（两项）".into();
        drop_given_verb(&mut l);
        assert_eq!(l.prompt, "标准体系和监测体系（两项）");
    }

    #[test]
    fn a_name_never_opens_on_its_section_ordinal() {
        assert_eq!(
            strip_ordinal("（五）明确劳动教育总体目标"),
            "明确劳动教育总体目标"
        );
        assert_eq!(
            strip_ordinal("三、加快建设现代化产业体系"),
            "加快建设现代化产业体系"
        );
        assert_eq!(strip_ordinal("三个“更好统筹”"), "三个“更好统筹”");
        assert_eq!(
            strip_ordinal("10.辅助定标决策的三个方面"),
            "辅助定标决策的三个方面"
        );
        // A number with a decimal point is no ordinal.
        assert_eq!(strip_ordinal("2.5万亿元的三个用途"), "2.5万亿元的三个用途");
        assert_eq!(strip_ordinal("（一）"), "（一）");
    }

    #[test]
    fn no_aspect_particle_before_de() {
        let mut l = list(&["甲现象", "乙现象", "丙现象"], "");
        l.prompt = "一些青少年中出现了的三个现象".into();
        finish(&mut l, &[], None, None, "");
        assert_eq!(l.prompt, "一些青少年中出现的三个现象");
        let finished = |prompt: &str| {
            let mut l = list(&["甲事业", "乙事业", "丙事业"], "");
            l.prompt = prompt.into();
            finish(&mut l, &[], None, None, "");
            l.prompt
        };
        // …nor a durative 着 before a count; 随着 is a word of its own.
        assert_eq!(
            finished("人民军队凝结着的三个方面"),
            "人民军队凝结的三个方面"
        );
        assert_eq!(finished("改革开放随着的三个方面"), "改革开放随着的三个方面");
        // (有着 is one word too: 有的 would read "some".)
        assert_eq!(
            finished("中华文明有着的三个突出特性"),
            "中华文明有着的三个突出特性"
        );
    }

    #[test]
    fn an_owner_met_by_the_same_words_is_said_once() {
        let mut l = list(&["三下江南", "四保临江", "四战四平"], "");
        l.prompt = "解放战争时期解放战争时期的三个方面".into();
        finish(&mut l, &[], None, None, "");
        assert_eq!(l.prompt, "解放战争时期的三个方面");
    }

    #[test]
    fn a_pair_on_one_ending_is_no_name() {
        assert!(is_series("推进实践创新、制度创新"));
        assert!(!is_series("坚持问题导向和系统观念"));
        assert_eq!(
            pick_clause(
                "为此，着力破除制约加快构建新发展格局的主要矛盾和问题，推进实践创新、制度创新。",
                &[]
            ),
            "着力破除制约加快构建新发展格局的主要矛盾和问题"
        );
    }

    #[test]
    fn a_prompt_cut_out_of_its_sentence_ends_on_a_word() {
        // 方面存|在: cut back before 存在.
        assert_eq!(
            mend_cuts(
                "切实解决的四个方面存",
                "切实解决资金、人才、技术、市场等方面存在的困难"
            ),
            "切实解决的四个方面"
        );
        // Whole words stay as they are.
        assert_eq!(
            mend_cuts(
                "切实解决的四个方面",
                "切实解决资金、人才、技术、市场等方面存在的困难"
            ),
            "切实解决的四个方面"
        );
    }

    #[test]
    fn a_modal_opening_goes() {
        let mut l = list(&["甲项工作", "乙项工作"], "");
        l.prompt = "要加快建设制造强国（两项）".into();
        finish(&mut l, &[], None, None, "");
        // A name a pass set loses the modal, and its bare count reads as aspects.
        assert_eq!(l.prompt, "加快建设制造强国的两个方面");
        l.prompt = "要素市场化配置改革的两个方面".into();
        finish(&mut l, &[], None, None, "");
        assert_eq!(l.prompt, "要素市场化配置改革的两个方面");
    }

    #[test]
    fn an_action_reads_as_its_aspects() {
        assert!(reads_as_aspects("深度优化能源结构布局"));
        assert!(!reads_as_aspects("就业是最基本的民生"));
        assert!(!reads_as_aspects("只有改革才能发展经济"));
        assert!(!reads_as_aspects("提高效率"));
        // A name ending on its category is none, unless it opens on an action.
        assert!(!reads_as_aspects("质量强国建设的发展目标"));
        assert!(!reads_as_aspects("知识产权保护的基本原则"));
        assert!(reads_as_aspects("加快构建清洁低碳安全高效能源体系"));
        assert!(reads_as_aspects("进一步完善农村基本经营制度"));
        assert!(!reads_as_aspects("围绕实现建军一百年奋斗目标"));
    }

    #[test]
    fn a_bare_frame_is_known() {
        assert!(bare_frame("力求达到……（三项）"));
    }

    #[test]
    fn laws_before_an_activity_on_them_are_counted_as_laws() {
        let mut l = list(
            &["安全生产法", "消防法", "道路交通安全法"],
            "要加快推进安全生产法、消防法、道路交通安全法等修订工作。",
        );
        l.prompt = "修订工作（三项）".into();
        name_bare_noun(&mut l);
        assert_eq!(l.prompt, "修订工作的三部法律");
        // (Members of a class that share no kind's last word stay its kinds:
        // `bare_noun_names_members_or_aspects`.)
    }

    #[test]
    fn the_clause_the_items_take_up_introduces_them() {
        let items: Vec<String> = [
            "深化医药卫生体制改革顶层设计",
            "提高医药卫生体制改革系统性",
            "强化公共卫生服务体系",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let lead =
            "我们必须立足新发展阶段，全面深化医药卫生体制改革，增进人民健康福祉，推动建设健康中国";
        assert_eq!(pick_clause(lead, &items), "全面深化医药卫生体制改革");
        // Items that take up no clause leave the choice as it was.
        assert_eq!(pick_clause(lead, &[]), "我们必须立足新发展阶段");
    }

    #[test]
    fn bare_noun_names_members_or_aspects() {
        let mut l = list(
            &["工厂", "农场", "矿山"],
            "要支持工厂、农场、矿山等生产单位开放参观。",
        );
        l.prompt = "生产单位（三项）".into();
        name_bare_noun(&mut l);
        assert_eq!(l.prompt, "三类生产单位");
        l.passage = "要支持工厂、农场、矿山等生产单位管理。".into();
        l.prompt = "生产单位管理（三项）".into();
        name_bare_noun(&mut l);
        assert_eq!(l.prompt, "生产单位管理的三个方面");
        l.passage = "建设公平、透明、高效的营商环境。".into();
        l.prompt = "营商环境（三项）".into();
        name_bare_noun(&mut l);
        assert_eq!(l.prompt, "营商环境的三个方面");
        l.prompt = "全面推进城乡基础设施一体化建设（三项）".into();
        name_bare_noun(&mut l);
        assert_eq!(l.prompt, "全面推进城乡基础设施一体化建设的三个方面");
        for p in [
            "围绕实现全年经济增长预期目标（三项）",
            "就业是头等大事（三项）",
            "形成……的格局（三项）",
            "乡村的产业（三项）",
        ] {
            l.prompt = p.into();
            name_bare_noun(&mut l);
            assert_eq!(l.prompt, p);
        }
        assert!(bare_frame("我们要坚持……（三项）"));
        assert!(bare_frame("深化的四个改革"));
        assert!(bare_frame("三个之变"));
        assert!(!bare_frame("全党必须清醒认识前进道路上的……（三项）"));
        assert!(!bare_frame("构建新发展格局的六个重要着力点"));
    }

    #[test]
    fn a_frame_with_no_owner_takes_its_section() {
        let mut l = list(
            &["稳物价", "保就业", "护民生"],
            "我们要坚持稳物价、保就业、护民生。",
        );
        l.prompt = "我们要坚持……（三项）".into();
        let h = Heading {
            text: "二、今年工作的总体要求".into(),
            body: "今年工作的总体要求".into(),
            level: 0,
            para: 0,
        };
        finish(&mut l, std::slice::from_ref(&h), None, None, "");
        assert_eq!(l.prompt, "今年工作的总体要求：坚持……（三项）");
    }

    #[test]
    fn a_frame_in_a_text_without_headings_takes_its_topic() {
        let mut l = list(
            &["早发现", "早报告", "早处置"],
            "力求做到早发现、早报告、早处置。",
        );
        l.prompt = "力求做到……（三项）".into();
        finish(&mut l, &[], None, None, "加强公共卫生应急管理");
        assert_eq!(l.prompt, "加强公共卫生应急管理：力求做到……（三项）");
        // A title that names only the occasion is no owner.
        l.prompt = "力求做到……（三项）".into();
        finish(&mut l, &[], None, None, "在全市干部大会上的讲话");
        assert_eq!(l.prompt, "力求做到……（三项）");
    }

    #[test]
    fn a_prompt_never_gives_its_items_away_nor_names_nothing() {
        let mut l = list(&["扩大有效投资", "稳定市场预期"], "");
        l.prompt = "扩大有效投资和稳定市场预期（两项）".into();
        guard(&mut l, &[], None, "");
        assert_eq!(l.prompt, "……和……（两项）");
        // Nothing left to name but a frame: the section owns it.
        let h = Heading {
            text: "三、稳住经济大盘".into(),
            body: "稳住经济大盘".into(),
            level: 0,
            para: 0,
        };
        l.prompt = "……和……（两项）".into();
        guard(&mut l, std::slice::from_ref(&h), None, "");
        assert_eq!(l.prompt, "稳住经济大盘：……和……（两项）");
        l.prompt = "（两项）".into();
        guard(&mut l, std::slice::from_ref(&h), None, "");
        assert_eq!(l.prompt, "稳住经济大盘（两项）");
    }

    #[test]
    fn a_series_as_long_as_its_siblings_is_a_series() {
        assert!(is_series(
            "健全现代预算制度、优化税收制度结构、完善财政转移支付体系"
        ));
        // A predicate after the series names it.
        assert!(!is_series("实现甲战略、乙战略、丙战略与丁战略有效联动起来"));
    }

    #[test]
    fn a_condition_is_not_scoped_in_time() {
        let mut l = list(&["甲", "乙"], "2001年，他指出：如果我们不建设起强大的工业…");
        l.prompt = "如果我们不建设起强大的……（三项）".into();
        scope_in_time(&mut l);
        assert_eq!(l.prompt, "如果我们不建设起强大的……（三项）");
    }

    #[test]
    fn what_was_achieved_keeps_its_verb_before_a_count() {
        let none = || None;
        assert_eq!(
            exam_form("乡村振兴稳步推进取得了三个成效", 3, None, &none).as_deref(),
            Some("乡村振兴稳步推进取得的三个成效")
        );
    }

    #[test]
    fn what_is_faced_keeps_its_verb_and_both_kinds_but_no_adverb() {
        let none = || None;
        assert_eq!(
            exam_form("我国养老服务体系也面临三个问题和挑战", 3, None, &none).as_deref(),
            Some("我国养老服务体系面临的三个问题和挑战")
        );
        // An adverb goes with any verb that is dropped; a kind joined to no kind stays alone.
        assert_eq!(
            exam_form("城乡融合发展还要把握好三个重点和难点工作", 3, None, &none).as_deref(),
            Some("城乡融合发展的三个重点")
        );
        assert_eq!(subject_before("基层治理体系仍"), "基层治理体系");
        // (仍 inside a word is no adverb.)
        assert_eq!(subject_before("文化遗产保护传承"), "文化遗产保护传承");
    }

    #[test]
    fn contrasts_in_every_item_name_the_list() {
        let mut l = list(&["长远之计", "开放的格局"], "");
        l.marker = "第一".into();
        l.subject = Some("扩大内需".into());
        l.items[0].full = "扩大内需是长远之计，不是权宜之策".into();
        l.items[1].full = "扩大内需是开放的格局，不是关起门来搞建设".into();
        l.lead = "我们有信心做到这一点".into();
        finish(&mut l, &[], None, None, "");
        assert_eq!(l.prompt, "扩大内需的两个“是……不是……”");
        // One item without its 不是: no contrast list.
        l.items[1].full = "扩大内需是开放的格局".into();
        l.prompt.clear();
        finish(&mut l, &[], None, None, "");
        assert!(!l.prompt.contains("不是"), "{}", l.prompt);
    }

    #[test]
    fn frames_go() {
        assert_eq!(strip_frames("习近平强调，要坚持系统观念"), "要坚持系统观念");
        assert_eq!(
            strip_frames("《意见》提出，为此，要做好三件事"),
            "要做好三件事"
        );
        // A framing word joined to more by a conjunction is a time phrase, kept whole.
        assert_eq!(
            strip_frames("目前和今后三年，要抓好五项工作"),
            "目前和今后三年，要抓好五项工作"
        );
    }

    #[test]
    fn a_later_clause_takes_the_sentence_subject() {
        // The series sits in the second clause: the sentence's subject owns it.
        let mut l = list(
            &["社区走访", "企业调研", "志愿服务"],
            "各级团委要围绕基层需求，结合地方实际组织社区走访、企业调研、志愿服务等。",
        );
        l.prompt = "结合地方实际组织……（三项）".into();
        finish(&mut l, &[], None, None, "");
        assert!(l.prompt.starts_with("各级团委要结合"), "{}", l.prompt);
        // A prompt from the first clause has its subject already, and once only.
        let mut l = list(
            &["社区走访", "企业调研", "志愿服务"],
            "各级团委要组织社区走访、企业调研、志愿服务等活动。",
        );
        l.prompt = "各级团委要组织……（三项）".into();
        finish(&mut l, &[], None, None, "");
        assert_eq!(l.prompt.matches("各级团委").count(), 1, "{}", l.prompt);
    }

    #[test]
    fn a_named_period_opening_a_sentence_scopes_it() {
        assert_eq!(
            period_clause("土地革命时期，我们党制定了土地法").as_deref(),
            Some("土地革命时期")
        );
        // A clause that only ends on the word after a long subject is no period.
        assert_eq!(
            period_clause("我们要把握好发展的重要战略机遇期和关键时期的要求，做好工作"),
            None
        );
        assert_eq!(period_clause("这一时期"), None);
    }

    #[test]
    fn a_series_in_a_later_clause_belongs_to_the_clause_its_sentence_opens_with() {
        // The verb before the items continues the first clause; an adverbial opening goes.
        assert_eq!(
            clause_owner(
                "根据需要编写安全操作手册，明确场地检查、器材维护、应急处置等安全要求。",
                "场地检查"
            )
            .as_deref(),
            Some("编写安全操作手册")
        );
        // 把X落实到…，推动A、B、C: the 把-object is what the items act on.
        assert_eq!(
            clause_owner(
                "要把生态文明思想落实到各级学校的课程中，推动进社区、进企业、进家庭。",
                "进社区"
            )
            .as_deref(),
            Some("生态文明思想")
        );
        // S具有…，有A、B、C: the owner and its verb of having.
        assert_eq!(
            clause_owner(
                "我国具有完整的工业体系，有广阔市场、充足人才、雄厚资本等诸多有利条件。",
                "广阔市场"
            )
            .as_deref(),
            Some("我国具有")
        );
        // A series in the first clause, a first clause that is a series or a condition: none.
        assert_eq!(
            clause_owner("加强场地检查、器材维护、应急处置。", "场地检查"),
            None
        );
        assert_eq!(
            clause_owner(
                "改善道路、桥梁、码头，加强场地检查、器材维护、应急处置。",
                "场地检查"
            ),
            None
        );
        assert_eq!(
            clause_owner(
                "只要条件允许，就开展场地检查、器材维护、应急处置。",
                "场地检查"
            ),
            None
        );
        // A speaker, a statement (X是Y) or a principle before a bare category names no owner.
        assert_eq!(
            clause_owner(
                "总书记在会上强调，要统筹好场地检查、器材维护、应急处置。",
                "场地检查"
            ),
            None
        );
        assert_eq!(
            clause_owner(
                "安全是学校工作的底线，加强场地检查、器材维护、应急处置。",
                "场地检查"
            ),
            None
        );
        assert_eq!(
            next_clause_owner(
                "要坚持安全第一的办学理念，落实场地检查、器材维护、应急处置等安全要求。",
                "场地检查"
            ),
            None
        );
        assert_eq!(
            next_clause_owner(
                "编写安全操作手册，明确场地检查、器材维护、应急处置等安全要求。",
                "场地检查"
            )
            .as_deref(),
            Some("编写安全操作手册")
        );
        // Further on, the first clause is a sibling action.
        assert_eq!(
            next_clause_owner(
                "编写安全操作手册，配齐设备，明确场地检查、器材维护、应急处置等安全要求。",
                "场地检查"
            ),
            None
        );
        // 以X为指导 says how, not who.
        assert_eq!(
            clause_owner(
                "以新发展理念为指导，处理好发展和减排、整体和局部、短期和长期的关系。",
                "发展和减排"
            ),
            None
        );
        // A preposition whose object runs on makes the clause adverbial, no owner.
        assert_eq!(
            clause_owner(
                "面对复杂多变的外部环境和繁重的改革任务，加强区间监测、定向监测、动态监测。",
                "区间监测"
            ),
            None
        );
        // A 把 with no verb of disposal after its object (把X作为…) carries nothing on.
        assert_eq!(
            clause_owner(
                "把全年目标作为一个整体来把握，加强区间监测、定向监测、动态监测。",
                "区间监测"
            ),
            None
        );
    }

    #[test]
    fn an_owner_that_ends_on_the_kind_says_it_once() {
        assert_eq!(
            super::owned_kind("完善治理体系，提升治理能力", "提升治理能力", 4),
            "完善治理体系，提升治理能力（四项）"
        );
        assert_eq!(
            super::owned_kind("交通强国", "发展目标", 2),
            "交通强国的两项发展目标"
        );
    }

    #[test]
    fn a_bare_category_takes_its_sentences_owner_before_the_section() {
        let h = Heading {
            text: "一、过去一年的工作".into(),
            body: "过去一年的工作".into(),
            level: 0,
            para: 0,
        };
        let mut l = list(
            &["广阔市场", "充足人才", "雄厚资本"],
            "我国具有完整的工业体系，有广阔市场、充足人才、雄厚资本等诸多有利条件。",
        );
        l.prompt = "诸多有利条件（三项）".into();
        finish(&mut l, std::slice::from_ref(&h), None, None, "");
        // The vague quantity goes: the count says how many.
        assert_eq!(l.prompt, "我国具有的三项有利条件");
        // A verb of its own first clause owns a bare frame over the paragraph's head…
        let mut l = list(
            &["多学者多得", "多练者多得", "多想者多得"],
            "要完善学生综合评价制度，提高实践成绩权重，让多学者多得、多练者多得、多想者多得。",
        );
        l.prompt = "让三个“多得”".into();
        finish(&mut l, &[], None, Some("深化教育评价改革"), "");
        assert_eq!(l.prompt, "完善学生综合评价制度：让三个“多得”");
        // …unless that clause holds one of the items: then it is their sibling.
        let mut l = list(
            &["课堂教学", "社会实践", "志愿服务"],
            "要做好课堂教学，加强课堂教学、社会实践、志愿服务。",
        );
        l.prompt = "加强的三个方面".into();
        finish(&mut l, &[], None, Some("深化教育评价改革"), "");
        assert_eq!(l.prompt, "深化教育评价改革：加强的三个方面");
    }

    #[test]
    fn a_role_after_yi_wei_names_a_series_whose_first_item_was_cut_short() {
        // The first item lost a word to its siblings' length (以日常|体育锻炼): the 以 before it
        // still frames the series, and the role after 为 names it.
        let l = list(
            &["体育锻炼", "户外运动", "集体游戏"],
            "各地以日常体育锻炼、户外运动和集体游戏为主要内容开展体育活动。",
        );
        assert_eq!(
            summary_prompt(&l, 3).as_deref(),
            Some("开展体育活动的三个主要内容")
        );
        // 所以 is a conjunction, no frame.
        let l = list(
            &["体育锻炼", "户外运动", "集体游戏"],
            "场地不足，所以体育锻炼、户外运动和集体游戏为主要内容的活动少。",
        );
        assert_eq!(summary_prompt(&l, 3), None);
    }

    #[test]
    fn parallel_clauses_on_one_opening_are_counted_by_it() {
        let mut l = list(
            &["更好统筹城乡发展", "更好统筹区域发展", "更好统筹发展和安全"],
            "做好明年工作，要坚持稳中求进，更好统筹城乡发展，更好统筹区域发展，更好统筹发展和安全。",
        );
        l.marker = "坚持".into();
        finish(&mut l, &[], None, None, "");
        assert_eq!(l.prompt, "做好明年工作的三个“更好统筹”");
        // An opening of two characters (坚持, 加强) is the genre's commonest verb: no name.
        let mut l = list(
            &["加强城乡统筹", "加强区域协调", "加强安全保障"],
            "做好明年工作，要坚持稳中求进，加强城乡统筹，加强区域协调，加强安全保障。",
        );
        l.marker = "坚持".into();
        finish(&mut l, &[], None, None, "");
        assert!(!l.prompt.contains("“加强”"), "{}", l.prompt);
    }
}
