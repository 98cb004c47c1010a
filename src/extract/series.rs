//! Implicit lists: parallel structure without ordinal markers.
use super::markers::{cn_number, cn_numeral, starts_with};
use super::phrase::{count_at, key_phrase, number_at, with_count};
use super::{char_vec, is_alnum, make_items, string_of, FoundItem, FoundList, P};

/// Summary nouns a 、-series names with 等/的 (…等市场经济基础制度, …的丝路精神).
fn summary_after(rest: &[char]) -> Option<(usize, String)> {
    let mut i = 0;
    for lead in ["等等", "等", "的", "这"] {
        if rest
            .iter()
            .take(lead.chars().count())
            .copied()
            .eq(lead.chars())
        {
            i = lead.chars().count();
            break;
        }
    }
    if i == 0 {
        return None;
    }
    // (等的支持: the 的 after 等 is no part of the noun.)
    if rest[..i].contains(&'等') && rest.get(i) == Some(&'的') {
        i += 1;
    }
    let noun: String = rest[i..]
        .iter()
        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？'))
        .collect();
    let n = noun.chars().count();
    (2..=16)
        .contains(&n)
        .then(|| (i, noun.chars().take(8).collect()))
}

/// Verbs that put means or rules in place (采取…措施, 制定…条例): the kind after them is what
/// they do.
const MEANS_VERBS: [&str; 10] = [
    "采取", "采用", "实施", "推行", "运用", "制定", "出台", "建立", "开展", "推广",
];

/// Whether what closes a series is 等 and the kind of thing the items are, ending the clause:
/// a noun (…等创新平台, …等政策, …等作为实践基地) or a noun and the activity on it (…等基础学科
/// 建设, …等要素保障; not …等风险隐患凸显, where the clause goes on to say what they do).
fn kind_after_deng(right_rest: &[char]) -> bool {
    if right_rest.first() != Some(&'等') || !(3..=9).contains(&right_rest.len()) {
        return false;
    }
    let rest = string_of(&right_rest[1..]);
    // (…等同志 is a roll call, no kind.)
    if rest.starts_with(['等', '的']) || rest.starts_with("同志") {
        return false;
    }
    let on_activity = super::prompt::ACTIVITY_HEADS
        .iter()
        .any(|h| rest.ends_with(h) && rest.chars().count() >= h.chars().count() + 2);
    on_activity || super::cut::segmenter().is_some_and(|sg| sg.ends_on_noun(&rest))
}

/// The one character every item is coined on, when it is a word-forming affix: a class
/// suffix (…性, …化, …权, …感, …观) or the verb of short verb–object items (进教材、进课堂、
/// 进头脑; 稳就业、稳金融、稳外贸).
fn class_affix(items: &[Vec<char>]) -> Option<char> {
    const SUFFIXES: [char; 8] = ['性', '化', '权', '感', '观', '力', '率', '度'];
    let last = *items.first()?.last()?;
    if items
        .iter()
        .all(|x| x.len() >= 2 && x.last() == Some(&last))
        && SUFFIXES.contains(&last)
    {
        return Some(last);
    }
    // A verb of one character and a two-character object each (进|教材); longer items are
    // compounds that may share only a word's first character (重大部署、重要任务).
    let first = *items.first()?.first()?;
    let verb_object =
        items.iter().all(|x| x.len() == 3 && x[0] == first) && common_prefix(items) == 1;
    (verb_object
        && ('\u{4e00}'..='\u{9fff}').contains(&first)
        && !matches!(first, '不' | '要' | '的' | '有' | '无' | '是' | '和' | '在'))
    .then_some(first)
}

/// Whether `s` ends with the characters of `w`.
fn ends_with(s: &[char], w: &str) -> bool {
    // Compared from the end, one character at a time: no count of `w` first (hot: every
    // candidate cut asks it of every verb of [`LEFT_CUTS`]).
    let mut tail = s.iter().rev();
    w.chars().rev().all(|c| tail.next() == Some(&c))
}

/// The text before a series without the verb or preposition that governs it.
fn strip_verbs(left: &str) -> String {
    // A one-character cut only where a word starts (面|对 is one word, 面对).
    LEFT_CUTS
        .iter()
        .find_map(|w| match w.chars().count() {
            1 => strip_word(left, w),
            _ => left.strip_suffix(w),
        })
        .unwrap_or(left)
        .to_string()
}

/// `s` without the word `w` that ends it, when `w` starts a word there (…|对, not 面对).
fn strip_word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    s.strip_suffix(w)
        .filter(|x| x.is_empty() || super::cut::boundaries(s).contains(&x.len()))
}

/// The noun that sums a series up, from the text after its 等/的 (`rest`): at most eight
/// characters (ten when that is the clause's whole end and a noun phrase), up to the predicate after it ([`noun_only`]), ended at a word boundary (…用武之|地
/// is no noun); None for a predicate (…等有机衔接起来: a verb and its complement).
fn summary_name(rest: &[char]) -> Option<String> {
    let full: String = rest
        .iter()
        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？'))
        .collect();
    // Eight characters at most, or the clause's whole end when it stops within ten and is a
    // noun phrase (…的现代化综合交通体系，): a longer run is a clause, no noun.
    let whole = (9..=10).contains(&full.chars().count())
        && super::cut::segmenter().is_some_and(|sg| sg.is_noun_phrase(&full));
    let most = if whole { 10 } else { 8 };
    let mut noun = noun_only(&full.chars().take(most).collect::<String>());
    if noun.len() < full.len() && !full[noun.len()..].starts_with(|c: char| !is_alnum(c)) {
        noun = super::cut::cut_back(&full, noun.len()).to_string();
    }
    let predicate = ["起来", "下去", "出来", "到位"]
        .iter()
        .any(|w| noun.ends_with(w));
    (noun.chars().count() >= 2 && !predicate).then_some(noun)
}

/// A suffix `w` the items share, starting where a word of `item` starts: when it starts inside
/// a short word (成都大|运会, 脱|离人民), it is shortened to that word's end (人民), or is none
/// when less than two characters are left. A cut inside a long word (普惠|金融 as one domain
/// term) is a compound's own parts and stands.
fn suffix_at_word(item: &[char], w: String) -> Option<String> {
    let text: String = string_of(item);
    let start = text.len().checked_sub(w.len())?;
    if start == 0 {
        return Some(w);
    }
    let bounds = super::cut::boundaries(&text);
    if bounds.binary_search(&start).is_ok() {
        return Some(w);
    }
    let b0 = bounds
        .iter()
        .rev()
        .find(|b| **b < start)
        .copied()
        .unwrap_or(0);
    let b1 = bounds.iter().find(|b| **b > start).copied()?;
    if text[b0..b1].chars().count() > 3 {
        return Some(w);
    }
    let rest = &text[b1..];
    (rest.chars().count() >= 2).then(|| rest.to_string())
}

/// The text before a series as part of a name: a conjunction that opens it (但, 因而 — the
/// link to the sentence before) and a copula that ends it (解放思想是|有方向…) are no part of
/// what the list is called.
fn name_left(left: &str) -> &str {
    let mut s = left;
    for w in ["因而", "因此", "所以", "但是", "但", "而且", "并且", "并"] {
        if let Some(rest) = s.strip_prefix(w).filter(|r| r.chars().count() >= 2) {
            s = rest;
            break;
        }
    }
    let s = s.strip_suffix('是').unwrap_or(s);
    // A measure word (建设一支|A、B、C的队伍) counts the noun after the series, it names nothing.
    let cs: Vec<char> = char_vec(s);
    match cs[..] {
        [.., '一', m]
            if cs.len() > 2
                && matches!(
                    m,
                    '支' | '批' | '个' | '套' | '种' | '条' | '座' | '项' | '类'
                ) =>
        {
            let cut = s.len() - '一'.len_utf8() - m.len_utf8();
            &s[..cut]
        }
        _ => s,
    }
}

/// A summary noun up to the predicate after it (格局都在发生… → 格局).
fn noun_only(noun: &str) -> String {
    let head: String = noun.chars().take(2).collect();
    let cs: Vec<char> = char_vec(noun);
    // 行为 and 作为 are nouns (获取非法收入行为), their 为 no copula.
    let noun = head
        + &cs
            .iter()
            .enumerate()
            .skip(2)
            .take_while(|(i, c)| {
                (**c == '为' && matches!(cs[i - 1], '行' | '作'))
                    // 要素, 要点 and 要件 are nouns, their 要 no modal.
                    || (**c == '要' && matches!(cs.get(i + 1), Some('素' | '点' | '件')))
                    || !matches!(
                        **c,
                        '都' | '在'
                            | '是'
                            | '为'
                            | '要'
                            | '已'
                            | '正'
                            | '也'
                            | '不'
                            | '将'
                            | '得'
                            | '取'
                            | '和'
                            | '与'
                            | '对'
                            | '有'
                            | '更'
                            | '均'
                            | '仍'
                            | '还'
                            | '并'
                    )
            })
            .map(|(_, c)| *c)
            .collect::<String>();
    // 以及/或者 join a second noun (群团组织以及各类社会组织): the summary is the first.
    let end = ["以及", "或者"]
        .iter()
        .filter_map(|w| noun.find(w))
        .min()
        .unwrap_or(noun.len());
    noun[..end].to_string()
}

/// What stands around a 、-series in its sentence, for [`frame_name`].
struct Frame<'a> {
    /// The clause before the first item, without its opening conjunction or closing 是.
    left: &'a str,
    /// What follows the last item in its clause.
    right: &'a [char],
    /// The noun after 的/等 that sums the series up, if any.
    named: Option<&'a str>,
    /// Whether a copula (是) stood right before the series.
    copula: bool,
    /// The paragraph before the series' clause, and from the clause's end on.
    before: &'a [char],
    after: &'a [char],
    /// The affix every item is coined on ([`class_affix`]).
    affix: Option<char>,
    /// The items' key phrases.
    items: &'a [Vec<char>],
}

/// The category of a series that its frame names no kind for: the items' own affix when they
/// share one (…权 ×4 → 四个“权”), else the exam books' generic 方面.
fn frame_category(f: &Frame, n: usize) -> String {
    match f.affix {
        Some(c) => format!("{}个“{c}”", cn_numeral(n, true)),
        None => format!("{}个方面", cn_numeral(n, true)),
    }
}

/// The clause that ends right before `before`'s end (`…，中产阶层塌陷，|` → 中产阶层塌陷).
fn clause_before(before: &[char]) -> String {
    let stops = ['，', '。', '；', '：', '！', '？'];
    let end = before.len().saturating_sub(1);
    if before.last() != Some(&'，') {
        return String::new();
    }
    let start = before[..end]
        .iter()
        .rposition(|c| stops.contains(c))
        .map_or(0, |i| i + 1);
    before[start..end].iter().collect()
}

/// A name read off the grammatical frame a series sits in, when the frame says what the items
/// are to the sentence: the object of 把 (把|A、B、C|落实到…全过程 → 落实到…全过程的三个方面), the
/// object of a noun of action (加强对|A、B、C|的监督 → 加强监督的…), the subject of a predicate
/// (|A、B、C|相互配合的机制 → 相互配合的…), the partner of 与 (与|A、B|相结合), the means of a
/// purpose (通过|A、B、C|，提高X → 提高X的三个途径), the results of a cause (X恶化，导致|A、B、C|
/// → X恶化导致的三个后果), or what describes a noun after a copula (是|A、B、C|的体系 → 体系的三个
/// 特征). None when the frame is none of these.
fn frame_name(f: &Frame, n: usize) -> Option<String> {
    let stops = ['，', '。', '；', '：', '！', '？', '、'];
    let right: String = string_of(f.right);
    let num = cn_numeral(n, true);
    let short = |s: &str, lo: usize, hi: usize| (lo..=hi).contains(&s.chars().count());
    let opens_summary = right.starts_with(['等', '的', '和', '与', '及', '这']);
    // 成为|A、B、C|等领域的焦点: the writer names the items as fields or aspects of what
    // follows (成为焦点的三个领域). (After a preposition the count stands in the items' place:
    // 发挥其在三个方面的积极作用.)
    if let Some((kind, rest)) = ["方面", "领域"]
        .iter()
        .find_map(|k| right.strip_prefix('等')?.strip_prefix(k).map(|r| (*k, r)))
    {
        let rest: String = rest.chars().take_while(|c| !stops.contains(c)).collect();
        let prep = ["在", "从", "于", "对", "向"]
            .iter()
            .any(|p| f.left.ends_with(p));
        if let Some(noun) = rest.strip_prefix('的').filter(|r| short(r, 2, 8) && !prep) {
            if short(f.left, 2, 16) && !noun.contains('的') {
                return Some(format!("{}{noun}的{num}个{kind}", f.left));
            }
        }
    }
    // 它由…而催生，以|A、B、C及其优化组合的跃升|为基本内涵: the items are what the sentence's
    // subject is built on (新质生产力的三个基本内涵) — the subject 它 stands for, or one short
    // enough to be only a subject.
    if f.left == "以" {
        let role = right.split_once('为').and_then(|(gap, r)| {
            let role: String = r.chars().take_while(|c| !stops.contains(c)).collect();
            // (为 in the items' clause; the role ends it.)
            let ends = r.len() == role.len() || r[role.len()..].starts_with(stops);
            // (为代表 gives examples, not a role.)
            (!gap.contains(stops) && short(&role, 2, 4) && ends && role != "代表").then_some(role)
        });
        let before = string_of(f.before);
        let mut sentences = before.rsplit('。');
        let this = sentences.next().unwrap_or("").trim_end_matches('，');
        let subject = if this.starts_with(['它', '其']) {
            sentences
                .next()
                .and_then(|prev| prev.split('是').next())
                .and_then(|h| h.rsplit('，').next())
                .filter(|x| short(x, 2, 8))
        } else {
            // (A subject, not a clause of time or a connective: 同时，以…为重点.)
            Some(this).filter(|x| {
                short(x, 2, 8)
                    && !x.contains(stops)
                    && super::cut::segmenter().is_some_and(|sg| sg.is_noun_phrase(x))
            })
        };
        // (…or the aim a frame clause right before names: 围绕X目标，以A、B、C为主线 → 围绕X
        // 目标的三条主线.)
        let aim = || {
            Some(this).filter(|x| {
                short(x, 4, 14)
                    && !x.contains(stops)
                    && ["围绕", "聚焦", "面向", "紧扣", "立足", "着眼"]
                        .iter()
                        .any(|w| x.starts_with(w))
            })
        };
        if let Some(role) = role {
            let measure = if role.ends_with('线') { "条" } else { "个" };
            if let Some(subject) = subject.or_else(aim) {
                return Some(format!("{subject}的{num}{measure}{role}"));
            }
        }
    }
    // X是…的|A、B、C|的一次重大突发公共卫生事件: the items say what one thing is like — the
    // features of the subject the sentence is about (never 三个一次…).
    let one = right.strip_prefix("的一").and_then(|r| {
        let mut cs = r.chars();
        cs.next()
            .filter(|m| "次个场种项支条".contains(*m))
            .map(|_| cs.take_while(|c| !stops.contains(c)).collect::<String>())
    });
    if let Some(thing) = one.filter(|t| t.chars().count() >= 4) {
        // (是 right before the items: the clause's left is the subject.)
        let copula = Some(f.left).filter(|x| f.copula && short(x, 2, 10) && !x.contains(stops));
        let subject = copula.or_else(|| {
            f.left
                .split_once('是')
                .map(|(x, _)| SAID.iter().find_map(|w| x.strip_prefix(w)).unwrap_or(x))
                .filter(|x| short(x, 2, 10) && !x.contains(stops))
        });
        return Some(match subject {
            Some(x) => format!("{x}的{num}个特征"),
            None => format!("{}的{num}个特征", noun_only(&thing)),
        });
    }
    // 以|A、B、C等|为核心的经济发展新优势: the items are the noun's 核心 (its 重点, 主体…).
    let role_at = right.strip_prefix('等').unwrap_or(&right);
    if f.left.ends_with('以') {
        if let Some((role, owner)) = role_at
            .strip_prefix('为')
            .and_then(|r| r.split_once('的'))
            .filter(|(role, _)| short(role, 2, 2))
        {
            let owner: String = owner.chars().take_while(|c| !stops.contains(c)).collect();
            if short(&owner, 2, 12) {
                return Some(format!("{owner}的{num}个{role}"));
            }
        }
        // 以|A、B和C|为主要内容开展X: the role noun, for the action after it.
        if let Some(r) = role_at.strip_prefix('为') {
            let clause: Vec<char> = r.chars().take_while(|c| !stops.contains(c)).collect();
            let named = (2..=5.min(clause.len().saturating_sub(2)))
                .rev()
                .find_map(|k| {
                    let role: String = string_of(&clause[..k]);
                    super::prompt::names_kind(&role).then_some((role, k))
                });
            if let Some((role, k)) = named {
                let owner: String = string_of(&clause[k..]);
                if short(&owner, 2, 12) {
                    return Some(format!("{owner}的{num}项{role}"));
                }
            }
        }
    }
    // 建立|A、B、C|共同参与的X机制: the items are the parties to the joint action (共同参与X机制
    // 的三方).
    // Only parties named by nouns (政府负责、社会协同 are what each party does).
    let parties = || {
        super::cut::segmenter()
            .is_some_and(|sg| f.items.iter().all(|x| sg.is_noun_phrase(&string_of(x))))
    };
    if f.named.is_none() && (right.starts_with("共同") || right.starts_with("协同")) && parties()
    {
        if let Some((action, noun)) = right.split_once('的') {
            let noun: String = noun.chars().take_while(|c| !stops.contains(c)).collect();
            // (The action is one verb phrase: 共同推进党的建设 splits at the wrong 的.)
            if short(action, 2, 4) && short(&noun, 2, 14) {
                return Some(format!("{action}{noun}的{num}方"));
            }
        }
    }
    // 把|A、B、C|落实到…: what is done with the items names them.
    if ["把", "将"].iter().any(|w| f.left.ends_with(w))
        && f.named.is_none()
        && !opens_summary
        && short(&right, 3, 16)
    {
        return Some(format!("{right}的{num}个方面"));
    }
    // 加强对|A、B、C|的监督: the noun after 的 is what is done to the items.
    // (Only a preposition of its own: 面对 is a verb.)
    let to = strip_word(f.left, "对于").or_else(|| strip_word(f.left, "对"));
    if let (Some(noun), Some(verb)) = (f.named, to) {
        // A modal before the verb (要加强对…) is the sentence's, not the name's.
        let verb = verb
            .strip_prefix('要')
            .filter(|v| short(v, 2, 8))
            .unwrap_or(verb);
        if right.starts_with('的') && short(noun, 2, 6) && short(verb, 0, 8) {
            return Some(format!("{verb}{noun}的{}", frame_category(f, n)));
        }
    }
    // |A、B、C|都是X的Y: what the sentence says the items are names them (现代化建设的三个重要
    // 力量), when Y is a noun.
    let said = ["都是", "均是", "是"]
        .iter()
        .find_map(|w| right.strip_prefix(w))
        .filter(|_| f.left.is_empty() && f.named.is_none());
    if let Some((x, y)) = said.and_then(|p| p.rsplit_once('的')) {
        let noun = super::cut::segmenter()
            .is_some_and(|sg| sg.is_noun_phrase(y) || !sg.opens_with_verb(y));
        if short(x, 2, 12) && short(y, 2, 6) && noun && !y.starts_with('一') {
            return Some(format!("{x}的{num}个{y}"));
        }
    }
    // |A、B、C|相互制约的机制: the items are the subject of what follows them.
    if f.left.is_empty() && f.named.is_none() && !opens_summary {
        let pred = right.split('的').next().unwrap_or_default();
        if short(pred, 2, 8) {
            return Some(format!("{pred}的{}", frame_category(f, n)));
        }
    }
    // 与|A、B、C|相融合: what the items are joined with.
    if ["与", "同", "跟"].contains(&f.left) && !opens_summary && short(&right, 2, 6) {
        return Some(format!("与之{right}的{}", frame_category(f, n)));
    }
    // 通过|A、B、C|，推进X: the clause after names the end the items are means to.
    if ["通过", "依靠", "借助"].iter().any(|w| f.left.ends_with(w))
        && right.is_empty()
        && f.after.first() == Some(&'，')
    {
        let purpose: String = f.after[1..]
            .iter()
            .take_while(|c| !stops.contains(c))
            .collect();
        if short(&purpose, 4, 16) {
            return Some(format!("{purpose}的{num}个途径"));
        }
    }
    // X恶化，导致|A、B、C|: the clause before is the cause, the items its results.
    if let Some(verb) = ["导致", "造成"].iter().find(|w| f.left == **w) {
        let cause = clause_before(f.before);
        if short(&cause, 2, 12) {
            return Some(format!("{cause}{verb}的{num}个后果"));
        }
    }
    // X…是|A、B、C|的X: the items say what the noun is like, when it is the one the sentence
    // is about (…的法治体系，必须是…的法治体系); not a need or a purpose (既是A、B的需要).
    if let Some(noun) = f.named.filter(|_| f.copula && right.starts_with('的')) {
        let sentence_start = f
            .before
            .iter()
            .rposition(|c| matches!(c, '。' | '！' | '？'))
            .map_or(0, |i| i + 1);
        let sentence: String = string_of(&f.before[sentence_start..]);
        if short(noun, 2, 8) && sentence.contains(noun) {
            return Some(format!("{noun}的{num}个特征"));
        }
    }
    None
}

/// A series that modifies the noun after it is named by that noun: items sharing an opening
/// word before 的+noun (忠于A、忠于B…的工作队伍 → 工作队伍的四个“忠于”); items sharing a
/// head word before a noun and its predicate (甲精神、乙精神专题教育不少于…学时 → 专题教育的
/// 两个精神); or before a 的-phrase that ends the clause (构建A分配、B分配协调配套的制度安排 →
/// 构建协调配套的制度安排的两个分配). None for a summary noun naming the items' kind (…的方针),
/// which the summary path names.
fn noun_after_series(
    items: &[Vec<char>],
    left: &str,
    right: &[char],
    shared: Option<&str>,
) -> Option<String> {
    let n = cn_numeral(items.len(), true);
    let right_s: String = string_of(right);
    let pre = common_prefix(items);
    if let Some(noun) = right_s.strip_prefix('的') {
        let kind = super::prompt::names_kind(noun);
        if pre >= 2
            && items.iter().all(|x| x.len() > pre && x.len() <= pre + 4)
            && (4..=12).contains(&noun.chars().count())
            && noun_only(noun) == noun
            && !noun.contains('的')
            && !kind
        {
            let opening: String = items[0][..pre].iter().collect();
            // (A short noun before them is whose they are: 邮政快递|无人机、无人车、无人仓的研发.)
            let owner = Some(left)
                .filter(|o| (2..=4).contains(&o.chars().count()))
                .filter(|o| !ADVERBS_OF_MANNER.iter().any(|a| o.starts_with(a)))
                .filter(|o| super::cut::segmenter().is_some_and(|sg| sg.opens_on_noun(o)))
                .unwrap_or_default();
            return Some(format!("{owner}{noun}的{n}个“{opening}”"));
        }
        return None;
    }
    let w = shared?;
    let wl = w.chars().count();
    if right.len() <= 4 || items.iter().any(|x| x.len() < wl + 1) {
        return None;
    }
    if let Some(k) = right_s.rfind('的') {
        let head = &right_s[k + '的'.len_utf8()..];
        if right.len() <= 14 && (2..=8).contains(&head.chars().count()) && !head.contains('等') {
            return Some(format!("{left}{right_s}的{n}个{w}"));
        }
        return None;
    }
    let noun = noun_only(&right_s);
    ((4..=6).contains(&noun.chars().count()) && noun.len() < right_s.len())
        .then(|| format!("{noun}的{n}个{w}"))
}

/// `{verb}的N个“{opening}”` for three or more objects of a verb of two or three characters that
/// is all the clause's left side holds, each a two-character modifier they share and a word of one to four characters (打造|
/// 一流设施、一流技术、一流管理|，): the modifier is no verb, and nothing follows the last item.
fn counted_by_opening(items: &[Vec<char>], left: &str, right: &[char]) -> Option<String> {
    let pre = common_prefix(items);
    if pre != 2 || items.len() < 3 || !right.is_empty() || !(2..=3).contains(&left.chars().count())
    {
        return None;
    }
    if items.iter().any(|x| !(3..=6).contains(&x.len())) {
        return None;
    }
    let opening: String = items[0][..pre].iter().collect();
    let sg = super::cut::segmenter()?;
    // (One word, no verb: 加强|…、加强|… are actions, 新型工业化 a word of its own.)
    let word = super::cut::boundaries(&string_of(&items[0])).contains(&opening.len());
    let verb = governs(left) || sg.opens_with_verb(left);
    (verb && word && !sg.opens_with_verb(&opening))
        .then(|| format!("{left}的{}个“{opening}”", cn_numeral(items.len(), true)))
}

/// `按照|A、B、C|的原则，X` / `聚焦|A、B、C等|环节，X` / `通过|A、B、C等|方式，X`: a series
/// named by a short kind after a preposition or verb of means is for what the next clause does,
/// and that clause owns it (X的四个原则; X要聚焦的六个环节). `after` is the text after the
/// series' clause.
fn for_purpose(left: &str, noun: &str, after: &[char], n: usize) -> Option<String> {
    const PREPS: [&str; 7] = ["按照", "依照", "遵循", "根据", "通过", "依托", "借助"];
    const VERBS: [&str; 3] = ["聚焦", "围绕", "发挥"];
    // (A subject and modal before it are the next clause's: 各地要|按照…的要求，稳步推进….)
    let framing = |t: &str| PREPS.iter().chain(VERBS.iter()).any(|w| t.starts_with(w));
    let left = left
        .char_indices()
        .filter(|(_, c)| matches!(c, '要' | '应' | '须'))
        .map(|(i, c)| &left[i + c.len_utf8()..])
        .find(|rest| framing(rest))
        .unwrap_or(left);
    let prep = PREPS.iter().find(|w| left.starts_with(*w));
    let verb = VERBS.iter().find(|w| left.starts_with(*w));
    if prep.is_none() && verb.is_none() {
        return None;
    }
    // (Only what stands between the word and the items: 聚焦|数据的|标注…; not a clause.)
    if left.chars().count() > 8 || left.contains(['，', '、']) {
        return None;
    }
    if !(2..=4).contains(&noun.chars().count()) || noun.contains('的') {
        return None;
    }
    if after.first() != Some(&'，') {
        return None;
    }
    let end: String = after[1..]
        .iter()
        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '！' | '？'))
        .collect();
    let sg = super::cut::segmenter()?;
    // (What the next clause does: it opens on an action, 提升|…, 持续推进|….)
    // (…and not another frame, 结合|…等要求: the purpose is further on.)
    let framed = [
        "结合", "根据", "按照", "依据", "依托", "通过", "围绕", "聚焦", "在", "对",
    ]
    .iter()
    .any(|w| end.starts_with(w));
    if !(4..=16).contains(&end.chars().count())
        || !sg.opens_with_action(&end)
        || framed
        || end.contains('等')
    {
        return None;
    }
    let measure = if ["方式", "手段", "方法", "途径", "模式", "形式"].contains(&noun) {
        '种'
    } else {
        '个'
    };
    let num = cn_numeral(n, true);
    Some(match prep {
        Some(_) => format!("{end}的{num}{measure}{noun}"),
        None => format!("{end}要{left}的{num}{measure}{noun}").replace("的的", "的"),
    })
}

/// Degree words that open what a clause says of a kind (…的问题|较为突出).
const DEGREES: [&str; 9] = [
    "较为",
    "进一步",
    "更加",
    "日益",
    "十分",
    "尤为",
    "越来越",
    "明显",
    "仍然",
];

/// `(kind, predicate)` when the clause after a series is 的 + the kind + a degree and a
/// predicate (的问题|较为突出, 的支撑作用|进一步凸显); `named` is the kind as the summary
/// read it, which may have taken in part of the predicate.
fn predicate_of_kind<'a>(named: &'a str, clause: &'a str) -> Option<(&'a str, &'a str)> {
    let kind = DEGREES
        .iter()
        .filter_map(|d| named.find(d).map(|i| &named[..i]))
        .min_by_key(|k| k.len())
        .unwrap_or(named);
    let pred = clause.strip_prefix('的')?.strip_prefix(kind)?;
    // (A degree and a predicate, not an activity: …体系|应用 is no quality.)
    ((2..=6).contains(&kind.chars().count())
        && (2..=5).contains(&pred.chars().count())
        && DEGREES.iter().any(|d| pred.starts_with(d)))
    .then_some((kind, pred))
}

/// A noun phrase of a kind and an activity on it (基础设施|规划建设, 高碳项目|投资) as
/// (kind, activity): the activity its last four or two characters, verbs only and ending on
/// an activity head; the kind a noun phrase of four characters or more before it, no 的 and
/// no word of place (not 国内国际|衔接).
fn kind_and_activity(noun: &str) -> Option<(String, String)> {
    let c: Vec<char> = noun.chars().collect();
    let bounds = super::cut::char_boundaries(&c);
    let sg = super::cut::segmenter()?;
    [4, 2].into_iter().find_map(|a| {
        let k = c.len().checked_sub(a)?;
        let (kind, activity) = (string_of(&c[..k]), string_of(&c[k..]));
        (bounds.contains(&k)
            && k >= 4
            && !kind.contains('的')
            && super::prompt::ACTIVITY_HEADS
                .iter()
                .any(|h| activity.ends_with(h))
            && sg.is_noun_phrase(&kind)
            && !sg.has_place_word(&kind)
            && sg.is_activity(&activity))
        .then_some((kind, activity))
    })
}

/// Where the last of short items `mlen` long ends in `after` (what follows 和) when a head
/// noun of two to four characters ends the clause after it: at `mlen`, the item one word
/// (业态和|制度|创新).
fn factored_after_he(after: &[char], mlen: usize) -> Option<usize> {
    if !(2..=4).contains(&mlen) || !(mlen + 2..=mlen + 4).contains(&after.len()) {
        return None;
    }
    let sg = super::cut::segmenter()?;
    // (Each part a word by itself: 制度创新 may be one word of the dictionary.)
    (super::cut::char_boundaries(&after[..mlen]).len() == 2 && {
        // (创新 is tagged a verb; as a head it is what each item's innovation is.)
        let head = string_of(&after[mlen..]);
        // (…or what the items do together: 体制机制|协同创新.)
        is_joint(&after[mlen..])
            || ((sg.opens_on_noun(&head) || head == "创新")
                && super::cut::char_boundaries(&after[mlen..]).len() == 2)
    })
    .then_some(mlen)
}

/// Where the last of items `mlen` long ends in `after` when a word for the whole span they
/// make follows it ([`SPANS`]: 规划、建设、运营和|养护|全过程): at `mlen`, on a word's edge.
fn whole_span_head(after: &[char], mlen: usize) -> Option<usize> {
    let head = after.get(mlen..)?;
    (is_span(head) && super::cut::char_boundaries(after).contains(&mlen)).then_some(mlen)
}

/// Words for the whole span a run of stages or parts makes up (全过程, 各环节).
const SPANS: [&str; 12] = [
    "各个环节",
    "各个领域",
    "各个方面",
    "全过程",
    "全链条",
    "全流程",
    "全周期",
    "全领域",
    "全方位",
    "各环节",
    "各领域",
    "各方面",
];

fn is_span(t: &[char]) -> bool {
    SPANS.iter().any(|w| string_of(t) == *w)
}

/// The score a 、-series needs to become a list: every series of the genre that looks like a
/// list someone is asked to recite, however many a document holds.
const SERIES_MIN_SCORE: i32 = 4;

pub(super) fn implicit_lists(paras: &[P]) -> Vec<FoundList> {
    let mut out = Vec::new();
    let mut series: Vec<(i32, FoundList)> = Vec::new();
    for p in paras {
        out.extend(colon_semicolon(p));
        out.extend(shared_heads(p));
        out.extend(numeric_summaries(p));
        out.extend(label_expansions(p));
        out.extend(sentence_frames(p));
        out.extend(sentence_openings(p));
        out.extend(change_pairs(p));
        out.extend(modal_frames(p));
        out.extend(modal_sentences(p));
        out.extend(stage_sentences(p));
        out.extend(relation_pairs(p));
        out.extend(copula_runs(p));
        series.extend(dun_series(p));
    }
    out.extend(paragraph_openings(paras));
    out.extend(run_in_heads(paras));
    out.extend(stage_paragraphs(paras));
    // Best first; among equals, the earlier (leads and summaries come first).
    // Among the list-like ones, the earliest: leads and summaries come first in this genre.
    series.retain(|(score, _)| *score >= SERIES_MIN_SCORE);
    // The same words listed twice in a document (a risk named where it shows, then where it is
    // dealt with): the place whose sentence is about them keeps them (国有企业、民营企业、外资企业
    // 都是…, not 分别推出支持…), then the better-scored one, then the earlier.
    let same = |a: &FoundList, b: &FoundList| {
        a.items.len() == b.items.len() && a.items.iter().zip(&b.items).all(|(x, y)| x.key == y.key)
    };
    let about = super::opens_its_passage;
    let best: Vec<bool> = series
        .iter()
        .enumerate()
        .map(|(i, (score, l))| {
            !series.iter().enumerate().any(|(j, (other, m))| {
                j != i
                    && same(l, m)
                    && (about(m), *other, std::cmp::Reverse(j))
                        > (about(l), *score, std::cmp::Reverse(i))
            })
        })
        .collect();
    let mut keep = best.into_iter();
    series.retain(|_| keep.next().unwrap_or(true));
    series.sort_by_key(|(_, l)| l.line);
    out.extend(series.into_iter().map(|(_, l)| l));
    out
}

/// Sentences of a paragraph as char ranges (end exclusive, including the stop).
fn sentences<'a>(p: &'a P) -> &'a [(usize, usize)] {
    &p.sents
}

fn implicit(
    p: &P,
    marker: &str,
    lead: &str,
    parts: Vec<(String, u32)>,
    line: u32,
    passage: String,
) -> FoundList {
    let (items, subject) = make_items(parts);
    FoundList {
        prompt: String::new(),
        items,
        heading: vec![],
        lead: lead.to_string(),
        subject,
        para: p.idx,
        marker: marker.to_string(),
        explicit: false,
        ordered: false,
        line,
        passage: if passage.is_empty() {
            p.para.text.clone()
        } else {
            passage
        },
    }
}

/// `…：A；B；C。` — an enumeration after a colon, items split by semicolons; and a sentence of
/// three or more semicolon clauses.
fn colon_semicolon(p: &P) -> Vec<FoundList> {
    let mut out = Vec::new();
    for &(a, b) in sentences(p) {
        if let Some(l) = colon_commas(p, a, b) {
            out.push(l);
        }
        let s = &p.chars[a..b];
        let semis: Vec<usize> = s
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == '；')
            .map(|(i, _)| i)
            .collect();
        if semis.len() < 2 {
            continue;
        }
        let colon = s.iter().position(|c| *c == '：').filter(|c| *c < semis[0]);
        let start = colon.map(|c| c + 1).unwrap_or(0);
        let mut bounds = vec![start];
        bounds.extend(semis.iter().map(|x| x + 1));
        let mut parts = Vec::new();
        for (k, st) in bounds.iter().enumerate() {
            let en = semis.get(k).copied().unwrap_or(s.len());
            let t = p.text(a + st, a + en);
            parts.push((t, p.line(a + st)));
        }
        // The first item starts where its siblings do: 要实现…有效联动，|坚持A；坚持B；坚持C —
        // what stands before the shared head is the lead.
        let mut aligned_lead: Option<String> = None;
        if colon.is_none() {
            let head: String = parts[1].0.chars().take(2).collect();
            let shared = head.chars().count() == 2
                && !head.contains(['，', '、'])
                && parts[1..].iter().all(|(t, _)| t.starts_with(&head));
            let first: Vec<char> = parts[0].0.chars().collect();
            let h: Vec<char> = char_vec(&head);
            let at = (1..first.len().saturating_sub(1))
                .find(|i| first[*i - 1] == '，' && first[*i..].starts_with(&h));
            if let (true, Some(i)) = (shared && !parts[0].0.starts_with(&head), at) {
                aligned_lead = Some(first[..i - 1].iter().collect());
                parts[0] = (first[i..].iter().collect(), p.line(a + start + i));
            }
        }
        // Without a colon the clauses must be short and alike in length.
        let keys: Vec<String> = parts.iter().map(|(t, _)| key_phrase(t)).collect();
        if keys
            .iter()
            .any(|k| k.chars().count() < 2 || k.chars().count() > 40)
        {
            continue;
        }
        // A report of what someone said (总书记指出，…；强调…；…) is quotation, not a list.
        let speech = ["指出", "强调", "表示", "认为"];
        if keys
            .iter()
            .any(|k| speech.iter().any(|v| k.ends_with(v) || k.starts_with(v)))
        {
            continue;
        }
        let lead = match colon {
            Some(c) => {
                let before = p.text(a, a + c);
                if before.chars().count() < 8 {
                    let prev = p.sentences_before(a).into_iter().next().unwrap_or_default();
                    format!("{prev}，{before}")
                } else {
                    before
                }
            }
            None => aligned_lead
                .clone()
                .unwrap_or_else(|| p.sentences_before(a).into_iter().next().unwrap_or_default()),
        };
        let marker = if colon.is_some() { "：；" } else { "；" };
        out.push(implicit(
            p,
            marker,
            &lead,
            parts,
            p.line(a + start),
            p.text(a, b),
        ));
    }
    out
}

/// Verbs of this genre that open parallel clauses (坚持…；坚持…, 着力…，着力…, 事关…，事关…).
const PARALLEL_HEADS: [&str; 48] = [
    "坚持", "着力", "事关", "加快", "推动", "推进", "深化", "完善", "健全", "加强", "提高", "提升",
    "增强", "实现", "促进", "发挥", "强化", "构建", "建设", "培育", "打造", "优化", "扩大", "统筹",
    "发展", "坚定", "敢于", "善于", "必须", "始终", "更加", "努力", "着眼", "聚焦", "围绕", "立足",
    "注重", "突出", "确保", "保持", "守住", "防范", "落实", "贯彻", "弘扬", "树立", "牢记", "支持",
];

/// Whether `w` is one of [`PARALLEL_HEADS`]. Every clause of every sentence is asked: the
/// heads are all two characters (a test checks), so a lookup is a binary search of pairs.
fn is_parallel_head(w: &str) -> bool {
    let mut cs = w.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some(a), Some(b), None) => parallel_heads().binary_search(&[a, b]).is_ok(),
        _ => false,
    }
}

/// Whether `s` opens with one of [`PARALLEL_HEADS`] (all of two characters).
fn opens_with_parallel_head(s: &str) -> bool {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(a), Some(b)) => parallel_heads().binary_search(&[a, b]).is_ok(),
        _ => false,
    }
}

/// The heads as sorted pairs of characters.
fn parallel_heads() -> &'static [[char; 2]] {
    static SET: std::sync::OnceLock<Vec<[char; 2]>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut pairs: Vec<[char; 2]> = PARALLEL_HEADS
            .iter()
            .filter_map(|h| {
                let mut cs = h.chars();
                Some([cs.next()?, cs.next()?])
            })
            .collect();
        pairs.sort_unstable();
        pairs
    })
}

/// Words too common at a clause's end to make clauses parallel.
const WEAK_TAILS: [&str; 12] = [
    "发展", "推进", "加强", "建设", "工作", "提高", "提升", "增强", "完善", "问题", "作用", "水平",
];

/// Clauses of six to twelve characters, within two of each other in length, ending in the
/// same two characters (not a weak ending).
fn shared_tail(clauses: &[String]) -> bool {
    let lens: Vec<usize> = clauses.iter().map(|c| c.chars().count()).collect();
    let (min, max) = (
        lens.iter().min().copied().unwrap_or(0),
        lens.iter().max().copied().unwrap_or(0),
    );
    if min < 6 || max > 12 || max - min > 2 {
        return false;
    }
    let tail: String = {
        let c: Vec<char> = char_vec(&clauses[0]);
        c[c.len() - 2..].iter().collect()
    };
    // 不是…，也不是…，而是… is a contrast, not a list.
    let contrast = clauses.iter().any(|c| {
        ["不", "也", "而", "既", "又", "但"]
            .iter()
            .any(|w| c.starts_with(w))
    });
    !contrast && !WEAK_TAILS.contains(&tail.as_str()) && clauses.iter().all(|c| c.ends_with(&tail))
}

/// `…主要问题是，A，B，C。` / `…：A，B，C。` — short comma clauses after a colon or 是，,
/// running to the end of the sentence.
fn colon_commas(p: &P, a: usize, b: usize) -> Option<FoundList> {
    let s = &p.chars[a..b];
    let open = (1..s.len()).find(|i| s[*i] == '：' || (s[*i] == '，' && s[*i - 1] == '是'))?;
    if s.get(open + 1).is_some_and(|c| matches!(c, '“' | '「')) || s[..open].contains(&'；') {
        return None;
    }
    let body = split_range(s, open + 1, s.len(), &['，', '；']);
    if body.len() < 3 || body.iter().any(|(x, y)| !(4..=16).contains(&(y - x))) {
        return None;
    }
    let parts = body
        .iter()
        .map(|(x, y)| (p.text(a + x, a + y), p.line(a + x)))
        .collect();
    let lead = p.text(a, a + open);
    Some(implicit(
        p,
        "：，",
        &lead,
        parts,
        p.line(a + open),
        p.text(a, b),
    ))
}

/// The number of characters every clause opens with alike, when each clause says more than
/// that opening (two characters or more after it).
fn shared_opening(chars: &[&[char]]) -> usize {
    let n = common_prefix(chars);
    if chars.iter().all(|c| c.len() >= n + 2) && !chars.iter().any(|c| c[..n].contains(&'“')) {
        n
    } else {
        0
    }
}

/// Clauses framed alike at both ends: the same word in the same place near the start (依法|接受,
/// 自觉|接受) and the same ending (…监督), of six to twenty characters.
fn shared_frame(chars: &[&[char]]) -> bool {
    if chars.iter().any(|c| !(6..=20).contains(&c.len())) {
        return false;
    }
    let tail: String = chars[0][chars[0].len() - 2..].iter().collect();
    let same_at = |k: usize| chars.iter().all(|c| c[k] == chars[0][k]);
    common_suffix(chars) >= 2
        && !WEAK_TAILS.contains(&tail.as_str())
        && (same_at(2) && same_at(3))
        && !(same_at(0) && same_at(1))
}

/// The first `n` characters of every clause are the same, and they are a verb that opens
/// parallel clauses in this genre.
fn shared_head(clauses: &[String], n: usize) -> Option<String> {
    let head: String = clauses.first()?.chars().take(n).collect();
    if head.chars().count() < n || !is_parallel_head(&head) {
        return None;
    }
    clauses
        .iter()
        .all(|c| c.starts_with(&head) && c.chars().count() > n + 1)
        .then_some(head)
}

/// A test the run of clauses `i..j` passes or not.
type RunTest<'a> = dyn Fn(usize, usize) -> bool + 'a;

/// Clauses with a shared head: 坚持X；坚持Y；坚持Z / 着力…，着力… / 事关…，事关… / 以X为Y，以…为….
/// Clauses split at ，；； 、 splits only inside one clause (发展为了人民、发展依靠人民…).
fn shared_heads(p: &P) -> Vec<FoundList> {
    let mut out = Vec::new();
    for &(a, b) in sentences(p) {
        for seps in [&['，', '；', '：'][..], &['、'][..]] {
            // Clause boundaries within the sentence.
            let mut clauses: Vec<(usize, usize)> = Vec::new();
            let mut st = a;
            // Both passes cut at ，；： and the stops; the second at 、 too.
            let dun = seps[0] == '、';
            const CUTS: u64 = mask_of(&['，', '；', '：', '。', '！', '？', '、']);
            for (i, c) in (a..).zip(&p.chars[a..b]) {
                if CUTS & char_bit(*c) == 0 {
                    continue;
                }
                if matches!(c, '，' | '；' | '：' | '。' | '！' | '？') || (dun && *c == '、')
                {
                    if i > st {
                        clauses.push((st, i));
                    }
                    st = i + 1;
                }
            }
            if st < b {
                clauses.push((st, b));
            }
            // In a 、 run the first clause carries the verb before it (做到发展为了人民、发展依靠
            // 人民…): start it at the head the next clause opens with.
            if seps[0] == '、' {
                for k in 0..clauses.len().saturating_sub(1) {
                    let next: Vec<char> = p.chars[clauses[k + 1].0..clauses[k + 1].1]
                        .iter()
                        .take(2)
                        .copied()
                        .collect();
                    let (x, y) = clauses[k];
                    if next.len() == 2 && is_parallel_head(&string_of(&next)) {
                        if let Some(off) =
                            (x + 1..y.saturating_sub(1)).find(|i| p.chars[*i..].starts_with(&next))
                        {
                            clauses[k] = (off, y);
                        }
                    }
                }
            }
            let cs: Vec<&[char]> = clauses.iter().map(|(x, y)| &p.chars[*x..*y]).collect();
            // Every test below needs three clauses from `i` that open alike (a head, 以…为) or
            // end alike (a frame, a tail): most sentences have no such run, and are left before
            // their clauses are copied out.
            let may_run = |i: usize| {
                let Some(r) = cs.get(i..i + 3) else {
                    return false;
                };
                let open = r.iter().all(|c| c.len() >= 2 && c[..2] == r[0][..2]);
                let end = r
                    .iter()
                    .all(|c| c.len() >= 2 && c[c.len() - 2..] == r[0][r[0].len() - 2..]);
                open || end || r.iter().all(|c| c.first() == Some(&'以'))
            };
            if !(0..cs.len()).any(may_run) {
                continue;
            }
            let texts: Vec<String> = clauses.iter().map(|(x, y)| p.text(*x, *y)).collect();
            let mut i = 0;
            while i < texts.len() {
                if !may_run(i) {
                    i += 1;
                    continue;
                }
                // The longest run from i with a 2-char head, the 以…为 frame, or (between commas)
                // a shared ending; each test holds for every shorter run too, so grow greedily.
                let kinds: [(&str, &RunTest<'_>); 5] = [
                    ("head", &|i, j| shared_head(&texts[i..j], 2).is_some()),
                    // 更好统筹A，更好统筹B，更好统筹C: an opening of three or more characters
                    // shared by every clause is a frame whatever its words.
                    ("head3", &|i, j| {
                        seps[0] != '、' && shared_opening(&cs[i..j]) >= 3
                    }),
                    // 依法接受…监督，自觉接受…监督，主动接受…监督.
                    ("frame", &|i, j| seps[0] != '、' && shared_frame(&cs[i..j])),
                    ("以为", &|i, j| {
                        texts[i..j].iter().all(|c| {
                            c.starts_with('以') && c.chars().skip(2).take(20).any(|x| x == '为')
                        })
                    }),
                    // 改造提升传统产业，培育壮大新兴产业，布局建设未来产业.
                    ("tail", &|i, j| seps[0] == '，' && shared_tail(&texts[i..j])),
                ];
                let mut best = 0;
                let mut kind = "";
                // Cheap tests on the first clause before the run tests.
                let first = texts[i].as_str();
                let could = |name: &str| match name {
                    "head" => opens_with_parallel_head(first),
                    "head3" | "frame" => seps[0] != '、' && first.chars().count() >= 5,
                    "以为" => first.starts_with('以'),
                    _ => seps[0] == '，' && (6..=12).contains(&first.chars().count()),
                };
                for (name, test) in kinds {
                    let mut j = i + 3;
                    if j > texts.len() || !could(name) || !test(i, j) {
                        continue;
                    }
                    while j < texts.len() && test(i, j + 1) {
                        j += 1;
                    }
                    if j - i > best {
                        best = j - i;
                        kind = name;
                    }
                }
                // A run of shared endings takes one more clause of its length that still
                // names the shared word (…布局建设未来产业，完善现代化产业体系).
                if kind == "tail" && i + best < texts.len() {
                    let tail: String = {
                        let c: Vec<char> = char_vec(&texts[i]);
                        c[c.len().saturating_sub(2)..].iter().collect()
                    };
                    let next = &texts[i + best];
                    let l0 = texts[i].chars().count();
                    if next.contains(&tail) && next.chars().count().abs_diff(l0) <= 2 {
                        best += 1;
                    }
                }
                if best >= 3 {
                    let run = &clauses[i..i + best];
                    let parts: Vec<(String, u32)> = run
                        .iter()
                        .map(|(x, y)| (p.text(*x, *y), p.line(*x)))
                        .collect();
                    if parts.iter().all(|(t, _)| t.chars().count() <= 30) {
                        let lead_text = p.text(a, run[0].0);
                        let mut lead = if lead_text.chars().count() >= 4 {
                            lead_text
                        } else {
                            p.sentences_before(a).into_iter().next().unwrap_or_default()
                        };
                        // Clauses framed alike name their category by the ending they share
                        // (…的监督 ×3 → 几类监督).
                        if kind == "frame" {
                            let tail: String = {
                                let c: Vec<char> = parts[0].0.chars().collect();
                                c[c.len().saturating_sub(2)..].iter().collect()
                            };
                            lead = format!("几类{tail}");
                        }
                        // Clauses that share both their opening and their ending (自觉接受…监督
                        // ×3) are named by both: 自觉接受的几类监督.
                        if kind == "head3" {
                            if let Some(name) = opening_and_ending(&cs[i..i + best]) {
                                lead = name;
                            }
                        }
                        let marker = match kind {
                            "以为" => "以…为",
                            "tail" | "frame" => "，",
                            _ => "坚持",
                        };
                        out.push(implicit(
                            p,
                            marker,
                            &lead,
                            parts,
                            p.line(run[0].0),
                            p.text(a, b),
                        ));
                    }
                    i += best;
                } else {
                    i += 1;
                }
            }
        }
    }
    out
}

/// Verbs that take a run of pairs as their object (处理好A和B、C和D的关系), longest first.
const PAIR_VERBS: [&str; 11] = [
    "处理好",
    "统筹好",
    "把握好",
    "协调好",
    "平衡好",
    "处理",
    "统筹",
    "把握",
    "协调",
    "平衡",
    "兼顾",
];

/// Pairs in a 、-series that closes on 的关系: `正确处理A和B、C和D、E和F的关系` — every chunk is
/// one pair joined by 和 or 与; the first starts after the verb. The pairs are the items (X的三对关系).
fn relation_pairs(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    let tail: Vec<char> = "的关系".chars().collect();
    if !s.windows(3).any(|w| w == tail.as_slice()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (a, b) in split_range(s, 0, s.len(), &['，', '；', '：', '。', '！', '？']) {
        let Some(end) = (a..b.saturating_sub(2)).rfind(|k| s[*k..].starts_with(&tail)) else {
            continue;
        };
        let chunks = split_range(s, a, end, &['、']);
        if chunks.len() < 2 {
            continue;
        }
        // Each chunk holds one 和/与 with words on both sides.
        let joins: Option<Vec<usize>> = chunks
            .iter()
            .map(|(x, y)| {
                let js: Vec<usize> = (*x..*y).filter(|k| matches!(s[*k], '和' | '与')).collect();
                js.first()
                    .copied()
                    .filter(|j| js.len() == 1 && *j + 2 <= *y && *j > *x)
            })
            .collect();
        let Some(joins) = joins else { continue };
        // The first pair starts after its verb.
        let (x0, _) = chunks[0];
        let left: String = p.text(x0, joins[0]);
        let Some((at, verb)) = PAIR_VERBS
            .iter()
            .filter_map(|v| left.rfind(v).map(|i| (i + v.len(), *v)))
            .max_by_key(|(i, _)| *i)
        else {
            continue;
        };
        let start = x0 + left[..at].chars().count();
        if joins[0] < start + 1 {
            continue;
        }
        let mut spans = chunks.clone();
        spans[0].0 = start;
        if spans.iter().any(|(x, y)| y - x > 16) {
            continue;
        }
        let parts: Vec<(String, u32)> = spans
            .iter()
            .map(|(x, y)| (p.text(*x, *y), p.line(*x)))
            .collect();
        // Named by the verb that takes them (正确处理的四对关系); the owner, when the sentence
        // does not give one, is found as for any 、-series.
        let head = p.text(a, start);
        let head = head.strip_prefix("必须").unwrap_or(&head);
        let sent = (sentence_start(s, a), p.sentence_end(a));
        let mut l = implicit(p, "、", head, parts, p.line(start), p.text(sent.0, sent.1));
        let name = format!("{head}的{}对关系", cn_numeral(l.items.len(), true));
        // A verb alone (处理好) needs its owner: the numbered paragraph's own heading.
        let owner = super::structure::heading_of(s, p.idx)
            .filter(|_| head.chars().count() <= verb.chars().count() + 2)
            .map(|h| h.body);
        l.prompt = match owner {
            Some(o) => format!("{o}：{name}"),
            None => name,
        };
        out.push(l);
    }
    out
}

/// Characters before 是 that make it part of another word (但是, 就是, 还是, 不是 …).
const NOT_COPULA: &str = "但就总还于只凡若要可倒算不而即硬正像或";

/// The openers of [`copula_runs`], the category they name, and the words a later clause opens
/// with.
const COPULA_OPENINGS: [(&str, &str, &[&[char]]); 2] = [
    (
        "是",
        "定位",
        &[&['是'], &['也', '是'], &['更', '是'], &['又', '是']],
    ),
    ("作为", "用途", &[&['作', '为']]),
];

/// What a subject is, or serves as, said in parallel clauses: `S，是A的X，是B的Y，是C的Z`
/// (实现碳达峰、碳中和，是…的重大战略决策，是…的必然选择，是…的庄严承诺), `S是A，是B`
/// (共同富裕是社会主义的本质要求，是中国式现代化的重要特征) and `把S作为A，作为B，作为C`.
/// The definitions exams ask: named `S的N个定位` (or `…用途` for 作为).
fn copula_runs(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    if !s.contains(&'是') && !s.windows(2).any(|w| w == ['作', '为']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &(a, b) in sentences(p) {
        let clauses = split_range(s, a, b, &['，', '；']);
        for (opener, category, openings) in COPULA_OPENINGS {
            let oc: Vec<char> = char_vec(opener);
            // A clause that opens on the opener: where its body starts (read off the
            // characters: every clause of every sentence is asked).
            let later = |k: usize| -> Option<usize> {
                let (x, y) = clauses[k];
                let clause = &s[x..y];
                openings
                    .iter()
                    .find(|w| clause.starts_with(w) && clause.get(w.len()) != Some(&'否'))
                    .map(|w| x + w.len())
            };
            let mut k = 0;
            while k < clauses.len() {
                let Some(first_body) = later(k).or_else(|| {
                    // The first clause may hold its subject: 共同富裕是…, 把S作为….
                    let (x, y) = clauses[k];
                    (x + 2..y.saturating_sub(2))
                        .find(|i| s[*i..].starts_with(&oc))
                        .filter(|i| opener != "是" || !NOT_COPULA.contains(s[*i - 1]))
                        .map(|i| i + oc.len())
                }) else {
                    k += 1;
                    continue;
                };
                let mut j = k + 1;
                let mut bodies = vec![(first_body, clauses[k].1)];
                while j < clauses.len() {
                    match later(j) {
                        Some(body) => bodies.push((body, clauses[j].1)),
                        None => break,
                    }
                    j += 1;
                }
                let run = (k, j);
                k = j.max(k + 1);
                if bodies.len() < 2 {
                    continue;
                }
                // The subject: before the opener in the first clause, or the clause before.
                let (x0, _) = clauses[run.0];
                let head_end = bodies[0].0 - oc.len();
                let subject = if head_end > x0 {
                    p.text(x0, head_end)
                } else if run.0 > 0 {
                    // (A clause with a 是 of its own, 改革总是…, is a statement, no subject.)
                    let (px, py) = clauses[run.0 - 1];
                    let before = p.text(px, py);
                    if before.contains('是') {
                        continue;
                    }
                    before
                } else {
                    continue;
                };
                // 必须把S作为…: S is what 把 takes.
                let subject = match subject.rfind(['把', '将']) {
                    Some(at) if opener == "作为" => &subject[at + '把'.len_utf8()..],
                    _ => subject.as_str(),
                };
                let subject = subject
                    .trim_end_matches(['既', '也', '都', '又', '就', '才', '正', '仍', '还'])
                    .trim_end_matches("已经")
                    .trim_end_matches("始终")
                    .to_string();
                // (Not a connective or a time: 同时，作为…; 今年是…的关键一年.)
                let connective = [
                    "同时", "此外", "另外", "其中", "因此", "所以", "为此", "首先",
                ]
                .contains(&subject.as_str());
                if !(2..=16).contains(&subject.chars().count())
                    || connective
                    || subject.ends_with(['年', '月', '日', '的'])
                    || subject.ends_with(|c: char| NOT_COPULA.contains(c))
                    || ["这", "那", "它", "这些", "我们"].contains(&subject.as_str())
                {
                    continue;
                }
                // Each item: the whole body when short (what it serves as, always), else the
                // noun its last 的 leads to (…作出的|重大战略决策).
                let mut keys = Vec::new();
                for (x, y) in &bodies {
                    let body = p.text(*x, *y);
                    let n = body.chars().count();
                    let key = if n <= 12 || (opener == "作为" && n <= 24) {
                        Some(body.clone())
                    } else if opener == "作为" {
                        None
                    } else {
                        body.rsplit_once('的')
                            .map(|(_, t)| t.to_string())
                            .filter(|t| (4..=8).contains(&t.chars().count()))
                            .or_else(|| (n <= 20).then(|| body.clone()))
                    };
                    match key {
                        Some(k) if k.chars().count() >= 2 && !k.ends_with('的') => {
                            keys.push((k, body))
                        }
                        _ => break,
                    }
                }
                if keys.len() != bodies.len() {
                    continue;
                }
                // Two are a list only when each says whose what it is (社会主义的本质要求，
                // 中国式现代化的重要特征): two bare nouns (纲领性文件，行动指南) are a remark.
                if opener == "是"
                    && keys.len() == 2
                    && !keys.iter().all(|(k, b)| k == b && k.contains('的'))
                {
                    continue;
                }
                let parts: Vec<(String, u32)> = bodies
                    .iter()
                    .map(|(x, y)| (p.text(*x, *y), p.line(*x)))
                    .collect();
                let sent = p.text(a, b);
                let mut l = implicit(p, "，", &subject, parts, p.line(bodies[0].0), sent);
                for (item, (key, body)) in l.items.iter_mut().zip(keys) {
                    item.key = key;
                    item.full = body;
                }
                // Nouns of a kind (本质要求, 重大战略决策) place the subject; descriptions
                // (全体人民共同富裕, 物质生活和精神生活都富裕) say what it means.
                let placed = l
                    .items
                    .iter()
                    .all(|i| i.key != i.full || i.key.contains('的'));
                let category = if opener == "是" && !placed {
                    "内涵"
                } else {
                    category
                };
                l.prompt = format!("{subject}的{}个{category}", cn_numeral(l.items.len(), true));
                out.push(l);
            }
        }
    }
    out
}

/// A stage in `a..b`: a time opener of three to twelve characters (到2035年，) and the clause
/// after it, as the span from the opener to that clause's end.
fn stage_span(p: &P, a: usize, b: usize) -> Option<(usize, usize)> {
    let s = &p.chars;
    let comma = (a..b).find(|k| s[*k] == '，')?;
    if !(3..=12).contains(&(comma - a)) || !super::shape::stage_opener(&p.text(a, comma)) {
        return None;
    }
    let end = (comma + 1..b)
        .find(|k| matches!(s[*k], '，' | '；' | '。'))
        .unwrap_or(b);
    (end - comma > 4).then_some((a, end))
}

/// The items of stage spans: the key is what the stage brings; the time stays in the item's
/// full text, the card's context.
fn stage_parts(p: &P, spans: &[(usize, usize)]) -> Vec<(String, u32)> {
    spans
        .iter()
        .map(|(a, e)| {
            let comma = (*a..*e).find(|k| p.chars[*k] == '，').map_or(*a, |k| k + 1);
            (p.text(comma, *e), p.line(*a))
        })
        .collect()
}

/// Stages set out paragraph by paragraph: `到2025年，A…` `到2030年，B…` `到2060年，C…` — two or
/// more paragraphs in a row that open on a time stage. The paragraph before names them.
fn stage_paragraphs(paras: &[P]) -> Vec<FoundList> {
    let span = |q: &P| stage_span(q, 0, q.chars.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        let mut j = i;
        while paras.get(j).and_then(span).is_some() {
            j += 1;
        }
        if j - i >= 2 {
            let mut parts = Vec::new();
            let mut fulls = Vec::new();
            for q in &paras[i..j] {
                if let Some(sp) = span(q) {
                    parts.extend(stage_parts(q, &[sp]));
                    fulls.push(q.text(sp.0, sp.1));
                }
            }
            let mut l = paragraph_list(paras, i, j, parts);
            l.lead = "几个阶段目标".to_string();
            for (item, full) in l.items.iter_mut().zip(fulls) {
                item.full = full;
            }
            l.ordered = true;
            out.push(l);
        }
        i = j.max(i + 1);
    }
    out
}

/// Stages set out sentence by sentence in one paragraph: `分阶段推进X：到2025年，A…。到2035年，
/// B…。到本世纪中叶，C…。` — two or more sentences (the first may follow a colon) that open on a
/// time stage. Each stage with the clause that says what it brings is an item, in order.
fn stage_sentences(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    if !s.iter().any(|c| matches!(c, '到' | '至')) {
        return Vec::new();
    }
    let segments = split_range(s, 0, s.len(), &['。', '！', '？', '：']);
    let stage = |(a, b): (usize, usize)| stage_span(p, a, b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let mut j = i;
        let mut items = Vec::new();
        while let Some(r) = segments.get(j).and_then(|seg| stage(*seg)) {
            items.push(r);
            j += 1;
        }
        if items.len() >= 2 {
            let parts = stage_parts(p, &items);
            let first = items[0].0;
            // What the stages are of: the clause before the colon, or the sentence before.
            let lead = if first > 0 && s[first - 1] == '：' {
                let start = sentence_start(s, first - 1);
                p.text(start, first - 1)
            } else {
                p.sentences_before(first)
                    .into_iter()
                    .next()
                    .unwrap_or_default()
            };
            // The clause nearest the stages names them (…，分阶段促进共同富裕：): its stage goals.
            let near = lead.rsplit('，').next().unwrap_or_default();
            let lead = if near.chars().count() >= 2 {
                format!("{near}的几个阶段目标")
            } else {
                String::new()
            };
            let mut l = implicit(p, "parallel", &lead, parts, p.line(first), String::new());
            for (item, (a, e)) in l.items.iter_mut().zip(&items) {
                item.full = p.text(*a, *e);
            }
            l.ordered = true;
            out.push(l);
        }
        i = j.max(i + 1);
    }
    out
}

/// Modals a numbered point's measures open their sentences with, longest first.
const MEASURE_MODALS: [&str; 3] = ["必须", "应当", "要"];

/// A numbered point whose sentences lay out its measures: `第三，促进X。…。要A，…。要B，…。
/// 要C，…。` — three or more sentences that open on the same modal, each with a short first
/// clause (a verb and its object). Those clauses are the point's measures (X的三项举措). Only
/// when every such sentence opens this way: a point whose 要-sentences open on long or
/// enumerating clauses is prose, not a list of measures.
fn modal_sentences(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    let Some(m) = super::markers::marker_at(s, 0, true) else {
        return Vec::new();
    };
    let Some(head_end) = (m.len..s.len()).find(|k| matches!(s[*k], '。' | '！' | '？')) else {
        return Vec::new();
    };
    if !(m.len + 4..=m.len + 30).contains(&head_end) || s[m.len..head_end].contains(&'：') {
        return Vec::new();
    }
    let sents: Vec<(usize, usize)> = sentences(p)
        .iter()
        .copied()
        .filter(|(a, _)| *a > head_end)
        .collect();
    for modal in MEASURE_MODALS {
        let mw: Vec<char> = char_vec(modal);
        let opening: Vec<(usize, usize)> = sents
            .iter()
            .filter(|(a, b)| s[*a..*b].starts_with(&mw))
            .map(|(a, b)| (a + mw.len(), *b))
            .collect();
        if opening.len() < 3 || opening.len() > 8 {
            continue;
        }
        // Each measure is the first clause: four to twenty characters, not itself a series.
        let clauses: Option<Vec<(usize, usize)>> = opening
            .iter()
            .map(|(a, b)| {
                let e =
                    (*a..*b).find(|k| matches!(s[*k], '，' | '；' | '。' | '！' | '？' | '：'))?;
                let ok = (4..=20).contains(&(e - a)) && !s[*a..e].contains(&'、');
                ok.then_some((*a, e))
            })
            .collect();
        let Some(clauses) = clauses else { continue };
        let parts: Vec<(String, u32)> = clauses
            .iter()
            .map(|(a, e)| (p.text(*a, *e), p.line(*a)))
            .collect();
        // The point's head names them (一是要加快X。 → 加快X的三项举措), even under a heading that
        // announces the points themselves (几个重要着力点).
        let head = p.text(m.len, head_end);
        let head = head.strip_prefix(modal).unwrap_or(&head).to_string();
        let line = p.line(clauses[0].0);
        let mut l = implicit(p, "parallel", &head, parts, line, String::new());
        l.prompt = format!("{head}的{}项举措", cn_numeral(l.items.len(), true));
        return vec![l];
    }
    Vec::new()
}

/// Clauses that say one thing of different subjects: 家庭劳动教育要日常化，学校劳动教育要规范化，
/// 社会劳动教育要多样化 — a subject of their own, one shared middle of three characters or more
/// that ends in a modal or copula (…劳动教育要), and a predicate of their own. The predicates
/// are the items; the subjects and the middle name them (家庭、学校、社会劳动教育的三个要求).
fn modal_frames(p: &P) -> Vec<FoundList> {
    let mut out = Vec::new();
    let s = &p.chars;
    if !s.iter().any(|c| matches!(c, '要' | '应' | '须')) {
        return out;
    }
    for &(a, b) in sentences(p) {
        let clauses = split_range(s, a, b, &['，', '；', '。', '！', '？']);
        let mut i = 0;
        while i + 3 <= clauses.len() {
            let Some(m) = modal_middle(s, &clauses[i..i + 3]) else {
                i += 1;
                continue;
            };
            let mut j = i + 3;
            while j < clauses.len() && modal_middle(s, &clauses[i..j + 1]).as_ref() == Some(&m) {
                j += 1;
            }
            let run = &clauses[i..j];
            let at = |(x, y): (usize, usize)| {
                let c = &s[x..y];
                (0..c.len())
                    .find(|k| c[*k..].starts_with(&m))
                    .map(|k| x + k)
            };
            let mut subjects = Vec::new();
            let mut items = Vec::new();
            for &(x, y) in run {
                let Some(k) = at((x, y)) else { break };
                subjects.push(p.text(x, k));
                items.push(FoundItem {
                    key: p.text(k + m.len(), y),
                    full: p.text(x, y),
                    line: p.line(x),
                });
            }
            if items.len() == run.len() {
                let core: String = string_of(&m[..m.len() - 1]);
                let n = items.len();
                let mut l = implicit(p, "，", "", Vec::new(), p.line(run[0].0), p.text(a, b));
                l.items = items;
                l.prompt = format!(
                    "{}{core}的{}个要求",
                    subjects.join("、"),
                    cn_numeral(n, true)
                );
                out.push(l);
            }
            i = j;
        }
    }
    out
}

/// The middle the clauses share (`劳动教育要`): three to eight characters ending in 要/应/须,
/// with one to four characters of each clause's own before it and two to ten after it.
fn modal_middle(s: &[char], clauses: &[(usize, usize)]) -> Option<Vec<char>> {
    let &(x0, y0) = clauses.first()?;
    let first = &s[x0..y0];
    for end in (0..first.len()).filter(|k| matches!(first[*k], '要' | '应' | '须')) {
        for start in (1..=end.saturating_sub(2)).filter(|st| end + 1 - st <= 8) {
            let m = &first[start..=end];
            let fits = |(x, y): (usize, usize)| {
                let c = &s[x..y];
                (1..=4).any(|k| {
                    c.len() >= k + m.len() + 2
                        && c[k..].starts_with(m)
                        && c.len() - k - m.len() <= 10
                })
            };
            let own = first.len() - end - 1;
            if (2..=10).contains(&own) && start <= 4 && clauses.iter().all(|c| fits(*c)) {
                return Some(m.to_vec());
            }
        }
    }
    None
}

/// `自觉接受的几类监督` for clauses that open with the same words and end with the same noun
/// of two or more characters (自觉接受A的监督，自觉接受B监督…); None when they share no ending
/// or the ending is a particle.
fn opening_and_ending(cs: &[&[char]]) -> Option<String> {
    let first = cs.first()?;
    let (open, end) = (common_prefix(cs), common_suffix(cs));
    // Every clause keeps something of its own between the two.
    if end < 2 || cs.iter().any(|c| c.len() < open + end + 2) {
        return None;
    }
    let ending: String = string_of(&first[first.len() - end..]);
    let ending = ending.trim_start_matches('的');
    if ending.chars().count() < 2 || ending.chars().any(|c| matches!(c, '了' | '着' | '过')) {
        return None;
    }
    let opening: String = string_of(&first[..open]);
    Some(format!("{opening}的几类{ending}"))
}

/// A numeric summary spelled out: `“三步走”战略，即A，B，C` or `A、B这两个基本点`.
fn numeric_summaries(p: &P) -> Vec<FoundList> {
    let mut out = Vec::new();
    let s = &p.chars;
    const NUMERALS: u64 = mask_of(&['两', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    for i in 0..s.len() {
        if NUMERALS & char_bit(s[i]) == 0 && !s[i].is_ascii_digit() {
            continue;
        }
        if !(s[i].is_ascii_digit()
            || matches!(
                s[i],
                '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            ))
        {
            continue;
        }
        // (Nor inside a number: the 6 of 16个.)
        if i > 0 && s[i].is_ascii_digit() && s[i - 1].is_ascii_digit() {
            continue;
        }
        let Some((v, _, len)) = count_at(s, i) else {
            // 三步走 has its classifier inside the term.
            continue;
        };
        let n = usize::try_from(v).unwrap_or(0);
        if !(2..=10).contains(&n) {
            continue;
        }
        // The term: the count and the noun after it, up to a boundary.
        let term_end = (i + len..s.len().min(i + len + 8))
            .find(|k| matches!(s[*k], '，' | '。' | '；' | '：' | '、' | '”'))
            .unwrap_or(i + len);
        let term: String = string_of(&s[i..term_end]);
        // Forward: …，即 A，B，C or …：A、B、C
        // The opener may follow a short noun (“三步走”战略，即…).
        let window: String = string_of(&s[term_end..s.len().min(term_end + 8)]);
        // …有两个阵地，一个是A，一个是B: one clause per item, each opened by 一个是.
        if window.starts_with(['，', '：']) && window[3..].starts_with("一个是") {
            if let Some(l) = one_each(p, i, term_end, n, &term) {
                out.push(l);
                continue;
            }
        }
        // …or spells its label out in brackets right after it (“三农”（农业、农村、农民）).
        let opener = ["，即", "：", "，包括", "，分别是", "，就是", "（"]
            .into_iter()
            .filter_map(|o| window.find(o).map(|b| (window[..b].chars().count(), o)))
            .filter(|(skip, _)| {
                *skip <= 4
                    && !window
                        .chars()
                        .take(*skip)
                        .any(|c| matches!(c, '，' | '。' | '；'))
            })
            .min_by_key(|(skip, _)| *skip);
        if let Some((skip, o)) = opener {
            let k = term_end + skip;
            let st = k + o.chars().count();
            // Brackets close what they spell out.
            let en = if o == "（" {
                match (st..p.sentence_end(st)).find(|j| s[*j] == '）') {
                    Some(j) => j,
                    None => continue,
                }
            } else {
                p.sentence_end(st)
            };
            let body: Vec<(usize, usize)> = split_range(s, st, en, &['，', '、', '；']);
            if body.len() >= n {
                let take: Vec<(usize, usize)> = body[..n].to_vec();
                let heads_ok = body.len() == n || {
                    let t: Vec<String> = take.iter().map(|(x, y)| p.text(*x, *y)).collect();
                    let h: String = t[0].chars().take(1).collect();
                    t.iter().all(|c| c.starts_with(&h))
                        && !p.text(body[n].0, body[n].1).starts_with(&h)
                };
                if heads_ok && take.iter().all(|(x, y)| (2..=30).contains(&(y - x))) {
                    let parts = take
                        .iter()
                        .map(|(x, y)| (p.text(*x, *y), p.line(*x)))
                        .collect();
                    let lead = format!(
                        "{}{}",
                        p.text(i.saturating_sub(12).max(sentence_start(s, i)), i),
                        term
                    );
                    let mut l = implicit(
                        p,
                        "numeric",
                        &lead,
                        parts,
                        p.line(st),
                        p.text(sentence_start(s, i), en),
                    );
                    l.prompt = with_count(&term_clean(&term), n);
                    out.push(l);
                    continue;
                }
            }
        }
        // Backward: A、B这两个基本点 / A、B、C三大…
        // A count that opens a quoted label (坚持和落实“两个毫不动摇”) is a name: what stands
        // before it are the verbs that govern it, never its parts.
        if i > 0 && s[i - 1] == '“' {
            continue;
        }
        let mut b = i;
        if b > 0 && s[b - 1] == '这' {
            b -= 1;
        }
        let st = (0..b)
            .rev()
            .find(|k| matches!(s[*k], '，' | '。' | '；' | '：' | '！' | '？'))
            .map(|k| k + 1)
            .unwrap_or(0);
        // 等 right before the count closes the last item (居家观察等6个…).
        let end = if b > st + 1 && s[b - 1] == '等' {
            b - 1
        } else {
            b
        };
        // The frame 以A、B为 / 把A、B作为 + count (即以陆桥通道、沿长江通道为两条横轴): the
        // items are its objects, without the frame's words and what stands before them.
        let (st, end) = objects_framed(s, st, end).unwrap_or((st, end));
        let mut body = split_range(s, st, end, &['、', '和']);
        // A first part longer than every other carries the clause's subject and verb (国家卫生
        // 健康委发布|通用、旅游…): the item starts after its last verb, and what stands before
        // says whose the items are.
        let mut owner = String::new();
        if body.len() == n && n >= 2 {
            let (x, y) = body[0];
            let longest = body[1..].iter().map(|(x, y)| y - x).max().unwrap_or(0);
            if y - x > longest + 2 {
                let t = p.text(x, y);
                if let Some(cut) = super::cut::segmenter().and_then(|sg| sg.last_verb_end(&t)) {
                    let k = t[..cut].chars().count();
                    if y - x >= k + 2 {
                        body[0].0 = x + k;
                        owner = t[..cut].to_string();
                    }
                }
            }
        }
        if body.len() == n && body.iter().all(|(x, y)| (2..=12).contains(&(y - x))) {
            let parts = body
                .iter()
                .map(|(x, y)| (p.text(*x, *y), p.line(*x)))
                .collect();
            let mut l = implicit(
                p,
                "numeric",
                &term,
                parts,
                p.line(st),
                p.text(sentence_start(s, i), p.sentence_end(i)),
            );
            let named = counted_name(&term, n);
            l.prompt = if owner.chars().count() >= 4 {
                format!("{owner}的{named}")
            } else {
                named
            };
            out.push(l);
        }
    }
    out
}

/// The objects of a frame 以…为 / 把…作为 / 将…作为 that `s[st..end]` closes (城镇化格局以|
/// 沿海通道、沿江通道|为): the range between the frame's words. The opening word stands before
/// the first 、 and is no part of a word (可以, 以及, 以来).
fn objects_framed(s: &[char], st: usize, end: usize) -> Option<(usize, usize)> {
    let t = &s[st..end];
    let close = if t.ends_with(&['作', '为']) {
        2
    } else if t.ends_with(&['为']) {
        1
    } else {
        return None;
    };
    let first_dun = t.iter().position(|c| *c == '、')?;
    let open = (0..first_dun).rev().find(|k| {
        let opener = if close == 2 {
            matches!(t[*k], '把' | '将')
        } else {
            t[*k] == '以'
        };
        opener
            && !(*k > 0 && matches!(t[k - 1], '可' | '所' | '予' | '加' | '难' | '得' | '足'))
            && !matches!(
                t.get(k + 1),
                Some('及' | '来' | '后' | '上' | '下' | '外' | '内' | '便')
            )
    })?;
    let (a, b) = (st + open + 1, end - close);
    (b > a + 2).then_some((a, b))
}

/// `…有两个阵地，一个是A，一个是B`: the `n` clauses after the count at `i` (its term ending at
/// `term_end`), each opened by 一个是 (or 另一个是), are the items; the count's term names them,
/// with what the sentence says has them (抗击疫情有两个阵地 → 抗击疫情的两个阵地).
fn one_each(p: &P, i: usize, term_end: usize, n: usize, term: &str) -> Option<FoundList> {
    let s = &p.chars;
    let en = p.sentence_end(term_end);
    let clauses = split_range(s, term_end + 1, en, &['，', '；']);
    let openers: [&[char]; 3] = [
        &['一', '个', '是'],
        &['另', '一', '个', '是'],
        &['再', '一', '个', '是'],
    ];
    let mut parts = Vec::new();
    for (x, y) in clauses.iter().copied().take(n) {
        let skip = openers
            .iter()
            .find(|o| s[x..y].starts_with(o))
            .map(|o| o.len())?;
        if !(2..=20).contains(&(y - x - skip)) {
            return None;
        }
        parts.push((p.text(x + skip, y), p.line(x)));
    }
    if parts.len() != n {
        return None;
    }
    let st = sentence_start(s, i);
    let clause_start = (st..i)
        .rev()
        .find(|k| matches!(s[*k], '，' | '；' | '：'))
        .map_or(st, |k| k + 1);
    let owner: String = p.text(clause_start, i);
    // (What a speaker says has them: 习近平总书记强调|抗击疫情有….)
    let owner = SAID
        .iter()
        .filter_map(|w| owner.rfind(w).map(|k| &owner[k + w.len()..]))
        .min_by_key(|x| x.len())
        .unwrap_or(&owner);
    let owner = owner.strip_suffix('有').unwrap_or(owner);
    let line = parts[0].1;
    let mut l = implicit(p, "numeric", term, parts, line, p.text(st, en));
    let named = counted_name(term, n);
    l.prompt = if (2..=12).contains(&owner.chars().count()) {
        format!("{owner}的{named}")
    } else {
        named
    };
    Some(l)
}

/// Changes the genre names in pairs and more, each clause 从X向Y转变 (or 由X向Y转变, 从X转向Y)
/// in one sentence: 我国正在从知识产权引进大国向知识产权创造大国转变，知识产权工作正在从追求数量向
/// 提高质量转变 → 两个转变. The 从…转变 runs are the items; what the first clause says before
/// its 从 (我国正在) names them.
fn change_pairs(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    if !s.windows(2).any(|w| w == ['转', '变'] || w == ['转', '向']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &(a, b) in sentences(p) {
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        for (x, y) in split_range(s, a, b, &['，', '；', '：']) {
            let c = &s[x..y];
            let Some(from) = c.iter().position(|ch| matches!(ch, '从' | '由')) else {
                continue;
            };
            let to_end = c.ends_with(&['转', '变']) && c[from..].contains(&'向');
            let turn = c[from..].windows(2).any(|w| w == ['转', '向']);
            if (to_end || turn) && (6..=30).contains(&(y - x - from)) {
                runs.push((x, x + from, y));
            }
        }
        if runs.len() < 2 {
            continue;
        }
        let parts: Vec<(String, u32)> = runs
            .iter()
            .map(|(_, f, y)| (p.text(*f, *y), p.line(*f)))
            .collect();
        let (x, f, _) = runs[0];
        let before = p.text(x, f);
        let n = parts.len();
        let line = parts[0].1;
        let mut l = implicit(p, "parallel", &before, parts, line, p.text(a, b));
        let count = cn_numeral(n, true);
        l.prompt = match before.strip_suffix("正在") {
            Some(o) if o.chars().count() >= 2 => format!("{o}正在发生的{count}个转变"),
            _ if (2..=10).contains(&before.chars().count()) => format!("{before}的{count}个转变"),
            _ => format!("{count}个转变"),
        };
        out.push(l);
    }
    out
}

/// Where the clause that starts at `from` ends, at the first clause stop before `to`.
fn clause_end(s: &[char], from: usize, to: usize) -> Option<usize> {
    (from..to).find(|k| matches!(s[*k], '，' | '；' | '：' | '。' | '！' | '？'))
}

/// Sentences of one paragraph in a row whose first clauses open with the same words, four
/// characters or more ending on a word's edge, and go on each with its own object (排比:
/// 知识产权保护工作关系|国家安全，只有…。知识产权保护工作关系|高质量发展，… ×5). The objects are the
/// items; the opening they share, up to its last word's edge, names them (知识产权保护工作关系的
/// 五个方面). A speaker's frame (…指出) is no opening.
fn sentence_openings(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    let firsts: Vec<(usize, usize)> = sentences(p)
        .iter()
        .filter_map(|&(a, b)| {
            let e = clause_end(s, a, b)?;
            (e > a + 5).then_some((a, e))
        })
        .collect();
    if firsts.len() < 3 {
        return Vec::new();
    }
    let shared = |x: (usize, usize), y: (usize, usize)| {
        s[x.0..x.1]
            .iter()
            .zip(&s[y.0..y.1])
            .take_while(|(c, d)| c == d)
            .count()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < firsts.len() {
        let mut j = i + 1;
        let mut n = usize::MAX;
        while j < firsts.len() {
            let m = n.min(shared(firsts[i], firsts[j]));
            // Sentences follow one another: nothing but the first one's rest between them.
            if m < 4 {
                break;
            }
            n = m;
            j += 1;
        }
        if j - i < 3 {
            i += 1;
            continue;
        }
        let (a, e) = firsts[i];
        let opening = p.text(a, a + n);
        // The opening ends on a word's edge (关系|国家…, not 关|系统).
        let bounds = super::cut::boundaries(&p.text(a, e));
        let edge = bounds
            .iter()
            .map(|b| p.text(a, e)[..*b].chars().count())
            .filter(|c| *c <= n)
            .max()
            .unwrap_or(0);
        let opening: String = opening.chars().take(edge).collect();
        let said = SAID.iter().any(|w| opening.contains(w));
        let parts: Vec<(String, u32)> = firsts[i..j]
            .iter()
            .map(|(x, y)| (p.text(x + edge, *y), p.line(*x)))
            .collect();
        let fits = parts
            .iter()
            .all(|(t, _)| (2..=24).contains(&t.chars().count()));
        if edge >= 4 && !said && fits {
            let line = parts[0].1;
            let count = parts.len();
            let mut l = implicit(p, "parallel", &opening, parts, line, String::new());
            l.prompt = format!("{opening}的{}个方面", cn_numeral(count, true));
            out.push(l);
        }
        i = j;
    }
    out
}

/// Sentences of one paragraph whose short opening clauses share a frame with a slot of two
/// characters or more on each side: 产业升级有新进展，…。创新能力有新提升，… (a shared
/// two-character word at the same distance from the clause's end). The opening clauses are the items; the sentences between them are
/// their detail.
fn sentence_frames(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    let clauses: Vec<(usize, usize)> = sentences(p)
        .iter()
        .filter_map(|&(a, b)| {
            let stop = |from: usize| clause_end(s, from, b);
            let mut a = a;
            let mut e = stop(a)?;
            // A lead-in (主要表现在，…) opens the first item's sentence.
            if s[e] == '，' && e > a && matches!(s[e - 1], '在' | '是') {
                a = e + 1;
                e = stop(a)?;
            }
            // The clause opens a longer sentence (a short sentence of its own is a run-in head,
            // which `run_in_heads` reads by its section).
            ((5..=14).contains(&(e - a)) && s[e] == '，').then_some((a, e))
        })
        .collect();
    if clauses.len() < 3 {
        return Vec::new();
    }
    // A numbered paragraph's run-in head (（二）完善X体系。) may name the frame word too: the
    // count starts after it, never past the first clause.
    let body = run_in_head(p, s)
        .and_then(|_| s.iter().position(|c| *c == '。'))
        .map_or(0, |k| k + 1)
        .min(clauses[0].0);
    let mut best: Option<Vec<usize>> = None;
    for n in [2] {
        for (ci, (a, e)) in clauses.iter().enumerate() {
            for st in a + 2..(e - 2).saturating_sub(n) + 1 {
                let w = &s[st..st + n];
                if w.iter().any(|c| !is_alnum(*c) || c.is_ascii()) {
                    continue;
                }
                let from_end = e - st;
                let hits: Vec<usize> = clauses
                    .iter()
                    .enumerate()
                    .filter(|(_, (x, y))| {
                        (x + 2..(y - 2).saturating_sub(n) + 1)
                            .any(|k| y - k == from_end && s[k..k + n] == *w)
                    })
                    .map(|(k, _)| k)
                    .collect();
                // The frame opens no clause the same way (that is a shared opening), and
                // leaves something different on each side.
                let same_start = hits.windows(2).all(|h| {
                    s[clauses[h[0]].0..clauses[h[0]].0 + 2]
                        == s[clauses[h[1]].0..clauses[h[1]].0 + 2]
                });
                // A frame word, not the paragraph's topic: it occurs nowhere else (counted
                // last, only for a candidate that passes the rest).
                if hits.len() >= 3
                    && hits.first() == Some(&ci)
                    && !same_start
                    && best.as_ref().is_none_or(|b| hits.len() > b.len())
                    && s[body..].windows(n).filter(|x| *x == w).count() == hits.len()
                {
                    best = Some(hits);
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    // …or opening clauses that are actions on one kind of thing, each ending on the same noun
    // (完善依法治理体系，…。完善安全责任体系，…。建立X体系，…).
    let best = best.or_else(|| head_frame(p, &clauses, body));
    let Some(hits) = best.filter(|h| h.len() <= 8) else {
        return Vec::new();
    };
    let parts: Vec<(String, u32)> = hits
        .iter()
        .map(|k| (p.text(clauses[*k].0, clauses[*k].1), p.line(clauses[*k].0)))
        .collect();
    let first = clauses[hits[0]].0;
    let mut before = p.sentences_before(first).into_iter();
    let near = before.next().unwrap_or_default();
    // A lead-in (主要表现在，) says how the items show, not what they show: the sentence
    // before it does (“进”的步伐坚实有力。主要表现在，…).
    let lead = match (near.strip_suffix('，'), before.next()) {
        (Some(lead_in), Some(prev)) if lead_in.chars().count() <= 8 => format!("{prev}，{lead_in}"),
        _ => near,
    };
    let line = p.line(first);
    vec![implicit(p, "parallel", &lead, parts, line, String::new())]
}

/// The clauses among `clauses` (opening clauses of a paragraph's sentences) that end on one
/// head noun of two characters and open on a verb, when three or more do and the noun occurs
/// nowhere else in the paragraph's body (from `body` on): 完善依法治理体系 / 完善安全责任体系 /
/// 建立自然灾害交通防治体系. The head is a noun, no predicate (not …取得新进展).
fn head_frame(p: &P, clauses: &[(usize, usize)], body: usize) -> Option<Vec<usize>> {
    let s = &p.chars;
    let sg = super::cut::segmenter()?;
    let mut best: Option<Vec<usize>> = None;
    for (ci, (_, e)) in clauses.iter().enumerate() {
        let head = &s[e - 2..*e];
        let hits: Vec<usize> = clauses
            .iter()
            .enumerate()
            .filter(|(_, (_, y))| s[y - 2..*y] == *head)
            .map(|(k, _)| k)
            .collect();
        if hits.len() < 3
            || hits.first() != Some(&ci)
            || best.as_ref().is_some_and(|b| b.len() >= hits.len())
        {
            continue;
        }
        let once = s[body..].windows(2).filter(|x| *x == head).count() == hits.len();
        let actions = sg.is_noun_phrase(&string_of(head))
            && hits.iter().all(|k| {
                let (x, y) = clauses[*k];
                let text = p.text(x, y);
                sg.opens_with_verb(&text)
            });
        if once && actions {
            best = Some(hits);
        }
    }
    best
}

/// A predicate of what was done for a series' items, right after the last (发挥了重要作用,
/// 作出了重要贡献; not a bare 发挥作用): the verb without 了 and its object.
fn contribution(right_rest: &[char]) -> Option<(String, String)> {
    let rest = string_of(right_rest);
    [
        "发挥了",
        "发挥",
        "作出了",
        "作出",
        "做出了",
        "做出",
        "起到了",
        "起到",
    ]
    .iter()
    .find_map(|v| {
        let obj = rest.strip_prefix(v)?;
        let ok = (4..=8).contains(&obj.chars().count())
            && ["作用", "贡献"].iter().any(|k| obj.ends_with(k));
        ok.then(|| (v.trim_end_matches('了').to_string(), obj.to_string()))
    })
}

/// Adverbs of manner the genre puts before a series of actions (着力保基本、兜底线、促公平).
/// Words that open a clause and are no verb of it: connectives, examples, the speaker.
const LINKING_WORDS: [&str; 15] = [
    "其中", "同时", "此外", "另外", "以及", "尤其", "特别", "主要", "我国", "我们", "例如", "比如",
    "譬如", "诸如", "包括",
];

/// Verbs of research and building that open a later clause before their objects (突破|燃料
/// 电池、…); jieba tags some of them no verb (研发, 研制).
const DOING_VERBS: [&str; 8] = [
    "研发", "研制", "攻克", "突破", "开展", "培育", "打造", "构建",
];

/// Words of manner that go with the verb after them (综合|运用, 联合|组建), beside
/// [`ADVERBS_OF_MANNER`].
const MANNER_MORE: [&str; 6] = ["综合", "重点", "联合", "统筹", "充分", "广泛"];

const ADVERBS_OF_MANNER: [&str; 10] = [
    "着力",
    "切实",
    "大力",
    "积极",
    "全面",
    "深入",
    "持续",
    "不断",
    "进一步",
    "努力",
];

/// What follows an adverb of manner that is all a name says before its count (着力的三个方面
/// → 三个方面).
fn bare_adverb(prompt: &str) -> Option<&str> {
    ADVERBS_OF_MANNER.iter().find_map(|a| {
        prompt
            .strip_prefix(a)
            .and_then(|r| r.strip_prefix('的'))
            .filter(|r| count_at(&r.chars().collect::<Vec<_>>(), 0).is_some())
    })
}

/// Whether a quoted numeric label (“三农”, “六保”) ends right before position `at`.
fn quoted_numeric_label_before(s: &[char], at: usize) -> bool {
    let Some(close) = at.checked_sub(1).filter(|k| s[*k] == '”') else {
        return false;
    };
    (close.saturating_sub(12)..close)
        .rev()
        .find(|k| s[*k] == '“')
        .is_some_and(|o| label_segments(&s[o + 1..close]).is_some())
}

/// The inside of the first （…） in `s[a..b]` when every 、 of the range stands inside it.
fn bracketed(s: &[char], a: usize, b: usize) -> Option<(usize, usize)> {
    let o = (a..b).find(|k| s[*k] == '（')?;
    let c = (o + 1..b).find(|k| s[*k] == '）')?;
    (a..b)
        .filter(|k| s[*k] == '、')
        .all(|k| o < k && k < c)
        .then_some((o + 1, c))
}

/// A paragraph's first sentence as the head of what follows (推动X治理。…): after its
/// marker, 4–24 characters, one phrase (a numbered heading may join two, …，…).
fn first_sentence_head(p: &P, s: &[char]) -> Option<String> {
    let start = super::markers::marker_at(s, 0, true).map_or(0, |m| m.len);
    let end = s.iter().position(|c| matches!(c, '。' | '！' | '？'))?;
    if !(4..=24).contains(&end.saturating_sub(start)) {
        return None;
    }
    let head = p.text(start, end);
    (!head.contains('、') && (start > 0 || !head.contains('，'))).then_some(head)
}

/// The run-in head of a numbered paragraph (第一，加强X顶层设计。…): [`first_sentence_head`]
/// after an ordinal marker, one phrase.
fn run_in_head(p: &P, s: &[char]) -> Option<String> {
    super::markers::marker_at(s, 0, true)?;
    first_sentence_head(p, s).filter(|h| !h.contains('，'))
}

/// Classifiers a quoted label may put between its count and its word (“四个意识”).
const LABEL_CLASSIFIERS: [char; 6] = ['个', '大', '项', '条', '类', '种'];

/// A quoted numeric label (`六保`, `两不愁三保障`) as its parts: each count with the word it
/// counts (`[(6, 保)]`, `[(2, 不愁), (3, 保障)]`). None when the label is not made of counts.
fn label_segments(label: &[char]) -> Option<Vec<(usize, Vec<char>)>> {
    let mut segs = Vec::new();
    let mut k = 0;
    while k < label.len() {
        let (v, n) = cn_number(&label[k..], true)?;
        let mut w = k + n;
        if label.get(w).is_some_and(|c| LABEL_CLASSIFIERS.contains(c)) && label.len() > w + 1 {
            w += 1;
        }
        let end = (w + 1..label.len())
            .find(|j| cn_number(&label[*j..], true).is_some())
            .unwrap_or(label.len());
        let word = label.get(w..end)?.to_vec();
        if !(2..=10).contains(&v) || !(1..=3).contains(&word.len()) {
            return None;
        }
        segs.push((usize::try_from(v).ok()?, word));
        k = end;
    }
    (!segs.is_empty()).then_some(segs)
}

/// A quoted numeric label spelled out right after it (gold kind `numeric`): “六保”…强化保A、保B…
/// (six parts that open with the label's word), “两不愁三保障”…不愁A、不愁B，C、D、E有保障 (each
/// count with its word, which opens every part or closes the last one). The label names the list.
fn label_expansions(p: &P) -> Vec<FoundList> {
    let s = &p.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] != '“' {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..s.len().min(i + 12)).find(|k| s[*k] == '”') else {
            i += 1;
            continue;
        };
        // The expansion follows within the label's sentence and the next one, or in the
        // brackets right after the label (“三农”（农业、农村、农民）), which close it.
        let bracket = (s.get(close + 1) == Some(&'（'))
            .then(|| (close + 2..p.sentence_end(close)).find(|k| s[*k] == '）'))
            .flatten();
        let end = bracket.unwrap_or_else(|| p.sentence_end(p.sentence_end(close)));
        // (Inside brackets, the parts start after the opening one.)
        let from = close + 1 + usize::from(bracket.is_some());
        let chunks = split_range(s, from, end, &['、', '，', '；', '：']);
        let label_parts = match label_segments(&s[i + 1..close]) {
            Some(segs) => expand_label(s, &chunks, &segs),
            // A label of digits (“全国123出行交通圈”) is spelled out only in its brackets.
            None => bracket.and_then(|_| digit_label_parts(s, &s[i + 1..close], &chunks)),
        };
        if let Some(parts) = label_parts {
            // The label with the short noun it names (“六保”工作, “两不愁三保障”问题).
            let noun = (close + 1..s.len().min(close + 6))
                .find(|k| !is_alnum(s[*k]))
                .unwrap_or(close + 1);
            let noun_len = noun - close - 1;
            let label_end = if (1..=4).contains(&noun_len) {
                noun
            } else {
                close + 1
            };
            let mut label: String = string_of(&s[i..label_end]);
            // After brackets, the noun is the first word past them (“三农”（…）问题).
            if let Some(b) = bracket {
                let after: String = string_of(&s[b + 1..s.len().min(b + 9)]);
                let cuts = super::cut::boundaries(&after);
                if let Some(w) = cuts.get(1).map(|e| &after[..*e]) {
                    if w.chars().count() == 2 && w.chars().all(is_alnum) {
                        label.push_str(w);
                    }
                }
            }
            let parts: Vec<(String, u32)> = parts
                .into_iter()
                .map(|(x, y)| (p.text(x, y), p.line(x)))
                .collect();
            let n = parts.len();
            let line = parts.first().map(|(_, l)| *l).unwrap_or(p.line(i));
            let mut l = implicit(
                p,
                "numeric",
                &label,
                parts,
                line,
                p.text(sentence_start(s, i), end),
            );
            l.prompt = with_count(&label, n);
            out.push(l);
        }
        i = close + 1;
    }
    out
}

/// The parts of a label built on a run of digits (“全国123出行交通圈”（都市区1小时通勤、城市群
/// 2小时通达、全国主要城市3小时覆盖）): one chunk of the brackets for each digit, the j-th holding
/// the j-th digit as a number of its own. None unless the chunks are exactly that.
fn digit_label_parts(
    s: &[char],
    label: &[char],
    chunks: &[(usize, usize)],
) -> Option<Vec<(usize, usize)>> {
    // (Full-width digits count as their ASCII twins: “１２３…” spells 1、2、3.)
    let value = |c: char| match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    };
    let digit = |c: char| value(c).is_some();
    let start = label.iter().position(|c| digit(*c))?;
    let len = label[start..].iter().take_while(|c| digit(**c)).count();
    let digits = &label[start..start + len];
    if !(2..=9).contains(&len) || label[start + len..].iter().any(|c| digit(*c)) {
        return None;
    }
    if chunks.len() != len {
        return None;
    }
    let holds = |(x, y): (usize, usize), d: char| {
        (x..y).any(|k| {
            value(s[k]).is_some_and(|v| Some(v) == value(d))
                && (k == x || !digit(s[k - 1]))
                && s.get(k + 1).is_none_or(|c| !digit(*c))
        })
    };
    let ok = chunks
        .iter()
        .zip(digits)
        .all(|(c, d)| holds(*c, *d) && (2..=16).contains(&(c.1 - c.0)));
    ok.then(|| chunks.to_vec())
}

/// The char ranges of a label's parts among `chunks`, segment after segment, or None when a
/// segment has no run of exactly its count.
fn expand_label(
    s: &[char],
    chunks: &[(usize, usize)],
    segs: &[(usize, Vec<char>)],
) -> Option<Vec<(usize, usize)>> {
    let at = |x: usize, w: &[char]| s.get(x..).is_some_and(|t| t.starts_with(w));
    let mut items = Vec::new();
    let mut cur = 0;
    for (n, w) in segs {
        let n = *n;
        let found = (cur..chunks.len().saturating_sub(n - 1)).find_map(|j| {
            let run = &chunks[j..j + n];
            // The word opens every part; the first part may carry its verb (强化|保…).
            let first = run[0];
            let open = (first.0..first.1.min(first.0 + 7)).find(|x| at(*x, w));
            let prefix = open.is_some()
                && run[1..].iter().all(|(x, _)| at(*x, w))
                && chunks.get(j + n).is_none_or(|(x, _)| !at(*x, w));
            if let (true, Some(o)) = (prefix, open) {
                let mut r = run.to_vec();
                r[0].0 = o;
                return Some((r, j + n));
            }
            // The word closes the last part of a 、-run (C、D、E有保障).
            let chained = run.windows(2).all(|ab| s.get(ab[0].1) == Some(&'、'))
                && first.0.checked_sub(1).and_then(|k| s.get(k)) != Some(&'、')
                && s.get(run[n - 1].1) != Some(&'、');
            let last = run[n - 1];
            let close = (last.0 + 2..last.1).find(|x| at(*x, w))?;
            if !chained || close + w.len() != last.1 {
                return None;
            }
            let cut = if s[close - 1] == '有' {
                close - 1
            } else {
                close
            };
            let mut r = run.to_vec();
            r[n - 1].1 = cut;
            Some((r, j + n))
        })?;
        if found.0.iter().any(|(x, y)| !(2..=16).contains(&(y - x))) {
            return None;
        }
        items.extend(found.0);
        cur = found.1;
    }
    Some(items)
}

/// Verbs that report speech (习近平总书记强调|…): what they open is said, no owner's name.
const SAID: [&str; 5] = ["指出", "强调", "认为", "表示", "提出"];

/// A count's term as a card names it: digits read as words (6个指南 → 六个指南), a vague
/// count made exact.
fn counted_name(term: &str, n: usize) -> String {
    let term = match term.find(|c: char| !c.is_ascii_digit()) {
        Some(k) if k > 0 => format!("{}{}", cn_numeral(n, true), &term[k..]),
        _ => term.to_string(),
    };
    with_count(&term_clean(&term), n)
}

fn term_clean(t: &str) -> String {
    t.trim_matches(|c: char| matches!(c, '“' | '”' | '，' | '。'))
        .to_string()
}

fn sentence_start(s: &[char], i: usize) -> usize {
    (0..i)
        .rev()
        .find(|k| matches!(s[*k], '。' | '！' | '？'))
        .map(|k| k + 1)
        .unwrap_or(0)
}

/// Split `s[a..b]` at any of `seps`, dropping empty parts; ranges are char indices.
fn split_range(s: &[char], a: usize, b: usize, seps: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut st = a;
    let end = b.min(s.len());
    // Most characters are none of the separators: one bit test rules them out (hot: every
    // finder splits clauses this way).
    let mask = seps
        .iter()
        .chain(&['。', '！', '？'])
        .fold(0u64, |m, c| m | char_bit(*c));
    for (i, c) in (a..).zip(s.get(a..end).unwrap_or_default()) {
        if mask & char_bit(*c) == 0 {
            continue;
        }
        if seps.contains(c) || matches!(c, '。' | '！' | '？') {
            if i > st {
                out.push((st, i));
            }
            st = i + 1;
        }
    }
    if b > st {
        out.push((st, end));
    }
    out
}

/// One bit of 64 for a character: a set of characters folded into a `u64` holds the bit of
/// every member, so a character whose bit is clear is in no such set.
const fn char_bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

/// The bits of a set of characters (see [`char_bit`]).
const fn mask_of(cs: &[char]) -> u64 {
    let (mut m, mut k) = (0, 0);
    while k < cs.len() {
        m |= char_bit(cs[k]);
        k += 1;
    }
    m
}

/// The longest run-in head a paragraph opens with (`推动产业链供应链优化升级。保持…`).
const RUN_IN_MAX: usize = 24;

/// Sections whose every paragraph opens with a short run-in head (a sentence of its own,
/// followed by the body): the heads are the section's list, named by its heading
/// (（一）大力推进现代化产业体系建设 › 推动产业链供应链优化升级。… / 积极培育新兴产业和未来产业。…).
fn run_in_heads(paras: &[P]) -> Vec<FoundList> {
    let head_of = |p: &P| -> Option<usize> {
        let end = p
            .chars
            .iter()
            .position(|c| matches!(c, '。' | '！' | '？'))?;
        let ok = (4..=RUN_IN_MAX).contains(&end)
            && p.chars.len() > end + 10
            && !p.chars[..end].contains(&'：')
            && super::markers::marker_at(&p.chars, 0, true).is_none();
        ok.then_some(end)
    };
    let mut out = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        let Some(h) = super::structure::heading_of(&p.chars, i) else {
            continue;
        };
        let body: Vec<&P> = paras[i + 1..]
            .iter()
            .take_while(|q| {
                super::structure::heading_of(&q.chars, q.idx).is_none()
                    && super::markers::marker_at(&q.chars, 0, true).is_none()
            })
            .collect();
        if body.len() < 3 || body.len() > 12 {
            continue;
        }
        // Every paragraph opens on its head, but for one that leads into them and one that
        // closes them (“十三五”时期，我国…。 / 与此同时，…面临…): the heads are the run.
        let heads: Vec<Option<usize>> = body.iter().map(|q| head_of(q)).collect();
        let first = usize::from(heads.first().is_some_and(Option::is_none));
        let last = heads.len() - usize::from(heads.last().is_some_and(Option::is_none));
        let run = &heads[first..last.max(first)];
        if run.len() < 3 || run.iter().any(Option::is_none) {
            continue;
        }
        let body = &body[first..last];
        // (With a paragraph left out, the heads are only heads when none is a clause of a
        // sentence: 过去一年，我国发展历程很不平凡。 opens a paragraph of prose.)
        let trimmed = body.len() < heads.len();
        if trimmed
            && body
                .iter()
                .zip(run)
                .any(|(q, e)| e.is_some_and(|e| q.chars[..e].contains(&'，')))
        {
            continue;
        }
        let parts: Vec<(String, u32)> = body
            .iter()
            .zip(run)
            .filter_map(|(q, e)| e.map(|e| (q.text(0, e), q.line(0))))
            .collect();
        let passage = body
            .iter()
            .map(|q| q.text(0, q.sentence_end(0)))
            .collect::<Vec<_>>()
            .join("\n");
        out.push(implicit(
            body[0],
            "run-in",
            &h.body,
            parts,
            body[0].line(0),
            passage,
        ));
    }
    out
}

/// Paragraphs that open alike: three or more in a row whose opening (up to the first comma,
/// a speaker's 强调/指出 counted as one) is the same, followed by 要 or a statement.
fn paragraph_openings(paras: &[P]) -> Vec<FoundList> {
    let opening = |p: &P| -> Option<(String, usize)> {
        let comma = p.chars.iter().take(12).position(|c| *c == '，')?;
        let mut o: String = p.chars[..comma].iter().collect();
        for v in ["指出", "提出", "认为", "表示"] {
            o = o.replace(v, "强调");
        }
        let mut start = comma + 1;
        // 习近平强调，要X: the 要 belongs to the frame.
        if p.chars.get(start) == Some(&'要') {
            o.push('要');
            start += 1;
        } else if o.ends_with("强调") {
            // A speaker frame with a bare statement is news prose, not parallel structure.
            return None;
        }
        Some((o, start))
    };
    let mut out = shared_openings(paras);
    let mut i = 0;
    while i < paras.len() {
        let Some((o, _)) = opening(&paras[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < paras.len() && opening(&paras[j]).is_some_and(|(x, _)| x == o) {
            j += 1;
        }
        if j - i >= 3 {
            let parts: Vec<(String, u32)> = paras[i..j]
                .iter()
                .filter_map(|p| {
                    opening(p).map(|(_, st)| (p.text(st, p.sentence_end(st)), p.line(st)))
                })
                .collect();
            let mut l = paragraph_list(paras, i, j, parts);
            // 我们深刻认识到，… ×3: the verb of knowing is what the items are (三个深刻认识).
            if let Some((_, cat)) = KNOWING.iter().find(|(v, _)| o.ends_with(v)) {
                l.lead = format!("几个{cat}");
            }
            out.push(l);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Verbs of knowing a run of paragraphs opens with, and the category they make of what
/// follows, longest first.
const KNOWING: [(&str, &str); 6] = [
    ("深刻认识到", "深刻认识"),
    ("深刻体会到", "深刻体会"),
    ("深切体会到", "深切体会"),
    ("认识到", "认识"),
    ("体会到", "体会"),
    ("感悟到", "感悟"),
];

/// The list of paragraphs `i..j` that open alike: the lead is the sentence before them.
fn paragraph_list(paras: &[P], i: usize, j: usize, parts: Vec<(String, u32)>) -> FoundList {
    let lead = match i.checked_sub(1).and_then(|k| paras.get(k)) {
        Some(prev) => prev
            .sentences_before(prev.chars.len())
            .into_iter()
            .next()
            .unwrap_or_default(),
        None => String::new(),
    };
    let passage = paras[i..j]
        .iter()
        .map(|p| p.para.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    implicit(
        &paras[i],
        "parallel",
        &lead,
        parts,
        paras[i].line(0),
        passage,
    )
}

/// Paragraphs in a row that open with the same words and a short first sentence:
/// `中国式现代化是人口规模巨大的现代化。…` ×5, `必须坚持人民至上。…` ×6.
fn shared_openings(paras: &[P]) -> Vec<FoundList> {
    let first_sentence = |p: &P| -> Option<usize> {
        let end = p
            .chars
            .iter()
            .position(|c| matches!(c, '。' | '！' | '？'))?;
        (end <= 40 && super::markers::marker_at(&p.chars, 0, true).is_none()).then_some(end)
    };
    let shared = |a: &P, b: &P| {
        a.chars
            .iter()
            .zip(&b.chars)
            .take_while(|(x, y)| x == y)
            .count()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < paras.len() {
        if first_sentence(&paras[i]).is_none() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut prefix = usize::MAX;
        while j < paras.len() && first_sentence(&paras[j]).is_some() {
            let n = prefix.min(shared(&paras[i], &paras[j]));
            let head: String = paras[i].chars[..n.min(paras[i].chars.len())]
                .iter()
                .collect();
            let strong = n >= 3 || (n == 2 && is_parallel_head(&head));
            if !strong || head.contains(['，', '。']) {
                break;
            }
            prefix = n;
            j += 1;
        }
        if j - i >= 3 {
            let parts: Vec<(String, u32)> = paras[i..j]
                .iter()
                .filter_map(|p| first_sentence(p).map(|e| (p.text(0, e), p.line(0))))
                .collect();
            out.push(paragraph_list(paras, i, j, parts));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The number of characters two strings share at their ends.
pub(super) fn common_suffix<T: AsRef<[char]>>(items: &[T]) -> usize {
    let Some(first) = items.first().map(AsRef::as_ref) else {
        return 0;
    };
    let mut n = first.len();
    for it in items.iter().skip(1) {
        let k = first
            .iter()
            .rev()
            .zip(it.as_ref().iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        n = n.min(k);
    }
    n
}

pub(super) fn common_prefix<T: AsRef<[char]>>(items: &[T]) -> usize {
    let Some(first) = items.first().map(AsRef::as_ref) else {
        return 0;
    };
    let mut n = first.len();
    for it in items.iter().skip(1) {
        let k = first
            .iter()
            .zip(it.as_ref().iter())
            .take_while(|(a, b)| a == b)
            .count();
        n = n.min(k);
    }
    n
}

/// Verbs and prepositions that end the text before a 、-series (the series is their object).
const LEFT_CUTS: [&str; 31] = [
    "坚持", "呈现", "实现", "推动", "推进", "加快", "包括", "贯彻", "完善", "加强", "形成", "建设",
    "提高", "增强", "由", "以", "把", "对", "的", "是", "为", "在", "和", "了", "有", "着力",
    "基于", "根据", "按照", "围绕", "针对",
];

/// Predicates a 、-series shares as a whole (A、B、C有机统一): they close the last item.
const JOINT: [&str; 12] = [
    "有机统一",
    "协同创新",
    "融合发展",
    "相统一",
    "相结合",
    "相协调",
    "共同推进",
    "一体建设",
    "一体推进",
    "同步发展",
    "协调发展",
    "齐头并进",
];

/// Whether `t` is all a [`JOINT`] predicate (A、B、C|有机统一): nothing else follows the items.
fn is_joint(t: &[char]) -> bool {
    JOINT.iter().any(|w| string_of(t) == *w)
}

/// Characters that make a word with the 等 after them (高等, 平等, 同等…): no 等 that closes a
/// series.
const DENG_WORDS: [char; 14] = [
    '高', '平', '均', '对', '同', '相', '初', '中', '上', '次', '特', '头', '优', '等',
];

/// Where 等 closes a series in `t` (two characters or more in, not part of a word like 高等).
fn closing_deng(t: &[char]) -> Option<usize> {
    (2..t.len()).find(|i| t[*i] == '等' && !DENG_WORDS.contains(&t[*i - 1]))
}

/// Whether `item` is the name of a law: it ends on 法 as a word of its own or as the end of
/// a long one (节约能源|法, 循环经济促进法), not on a word like 方法, 立法 or 宪法.
pub(super) fn names_a_law(item: &[char]) -> bool {
    if item.len() < 3 || item.last() != Some(&'法') {
        return false;
    }
    let text: String = item.iter().collect();
    let bounds = super::cut::boundaries(&text);
    let start = bounds
        .iter()
        .rev()
        .find(|b| **b < text.len())
        .copied()
        .unwrap_or(0);
    let last = text[start..].chars().count();
    last == 1 || last >= 3
}

/// Whether `t` opens on a count of things (26部, 三个, 100多家) other than `n`.
fn counts_other_than(t: &[char], n: usize) -> bool {
    let Some((v, len)) = number_at(t, 0) else {
        return false;
    };
    let rest = &t[len..];
    let rest = rest.strip_prefix(&['多'][..]).unwrap_or(rest);
    let measured = rest
        .first()
        .is_some_and(|c| "部个项家种类件所条名位座批套款大方".contains(*c));
    measured && usize::try_from(v).ok() != Some(n)
}

/// Whether `t` opens with a quantity of one kind and no number (多种手段, 各类主体, 多方面):
/// after 等 it counts the run before it as members of that kind.
fn counts_a_kind(t: &[char]) -> bool {
    QUANTITIES
        .iter()
        .chain(["多方面", "多元"].iter())
        .any(|w| starts_with(t, 0, w))
        && t.len() >= 4
}

/// Quantities of one kind with no number, each ending on its measure word (多种, 各类).
const QUANTITIES: [&str; 5] = ["多种", "各种", "各类", "多类", "多个"];

/// The quoted numeric label that opens `rest` when its number is `n` (“四集中”原则 after four
/// items), with the category noun right after it: `“四集中”原则`.
fn label_after(rest: &[char], n: usize) -> Option<String> {
    if rest.first() != Some(&'“') {
        return None;
    }
    let close = rest.iter().position(|c| *c == '”')?;
    let label = &rest[1..close];
    // The count may follow one qualifying character (“新三样”).
    let (v, len) = number_at(label, 0).or_else(|| {
        let (v, len) = number_at(label, 1).filter(|_| label[0] != '第')?;
        Some((v, len + 1))
    })?;
    if usize::try_from(v).ok() != Some(n) || len >= label.len() || label.len() > 6 {
        return None;
    }
    let after: Vec<char> = rest[close + 1..]
        .iter()
        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？'))
        .take(4)
        .copied()
        .collect();
    let noun = (2..=after.len())
        .map(|k| string_of(&after[..k]))
        .find(|w| super::prompt::names_kind(w))
        .unwrap_or_default();
    Some(format!("“{}”{noun}", string_of(label)))
}

/// A summary noun opened by a quantity of one kind (多种手段, 各类主体): its measure word and
/// the kind (种, 手段), so the count can stand in the quantity's place.
pub(super) fn quantified_kind(noun: &str) -> Option<(char, &str)> {
    QUANTITIES.iter().find_map(|q| {
        let kind = noun.strip_prefix(q)?;
        let measure = q.chars().nth(1)?;
        ((2..=4).contains(&kind.chars().count()) && !kind.contains('的')).then_some((measure, kind))
    })
}

/// `A、B和C` with one 、: three items that end alike (差别化电价、分时电价和居民阶梯电价; 法律监督、
/// 监察监督和人民监督) — the shared ending of two characters or more is what makes it a list, or
/// of one that coins a set (电动化、新能源化和清洁化: 化, 性).
/// The owner of a series of examples (…等关键技术) governed by a verb alone (`left`: 突破,
/// 联合组建, 综合运用) in a later clause of its sentence (`later`): the clause the sentence opens
/// with, when the sentence has no subject of its own and `noun` is a short kind.
fn later_clause_owner(l: &FoundList, left: &str, noun: &str, later: bool) -> Option<String> {
    if !later || !(2..=6).contains(&noun.chars().count()) || noun.contains('的') {
        return None;
    }
    // (A kind of things, not an activity, a quality or a measure: 关键技术, 专业服务, not
    // 调节力度, 全流程信息化, 具有.)
    let kind = !noun.ends_with('化')
        && !super::prompt::ACTIVITY_HEADS
            .iter()
            .any(|h| noun.ends_with(h))
        && (noun.ends_with("服务")
            || super::cut::segmenter().is_some_and(|sg| sg.ends_on_noun(noun)));
    if !kind {
        return None;
    }
    if !verb_alone(left) {
        return None;
    }
    first_clause_owner(l)
}

/// Whether `left` is a verb alone, with a manner adverb at most (突破, 综合|运用, 联合|组建):
/// one word of two or three characters that is no linking word, or a governing verb.
fn verb_alone(left: &str) -> bool {
    let adverbed = ADVERBS_OF_MANNER
        .iter()
        .chain(&MANNER_MORE)
        .find_map(|a| left.strip_prefix(a))
        .filter(|v| v.chars().count() >= 2);
    // (After an adverb, a word jieba tags a verb: 统筹|产业 is no verb and its object.)
    if let Some(v) = adverbed {
        return governs(v)
            || MEANS_VERBS.contains(&v)
            || super::cut::segmenter().is_some_and(|sg| sg.opens_with_verb(v));
    }
    let verb = left;
    let lone = (2..=3).contains(&verb.chars().count())
        && super::cut::boundaries(verb).len() == 2
        && !LINKING_WORDS.contains(&verb);
    lone || governs(verb) || MEANS_VERBS.contains(&verb)
}

/// The clause the series' sentence opens with, as its owner, when the sentence has no subject
/// of its own and that clause holds none of the items.
fn first_clause_owner(l: &FoundList) -> Option<String> {
    if super::prompt::sentence_subject(&l.passage).is_some() {
        return None;
    }
    let first = l.items.first()?;
    super::prompt::clause_owner(&l.passage, &first.key)
        .filter(|o| !l.items.iter().any(|i| o.contains(i.key.as_str())))
}

/// Where a 、-series ends at a 的 inside one of its middle chunks, another series following it
/// (A、B、C|的|D、E和F): the 的 stands once in the whole run, before it are words of about
/// one length, after it short ones, at least two of them.
fn series_before_de(s: &[char], chunks: &[(usize, usize)]) -> Option<usize> {
    let n = chunks.len();
    if n < 3 {
        return None;
    }
    let des: Vec<usize> = (chunks[0].0..chunks[n - 1].1)
        .filter(|i| s[*i] == '的')
        .collect();
    let [d] = des[..] else { return None };
    let j = (1..n - 1).find(|j| (chunks[*j].0..chunks[*j].1).contains(&d))?;
    let (x, y) = chunks[j];
    let (before, after) = (d - x, y - d - 1);
    let lens: Vec<usize> = chunks[1..j]
        .iter()
        .map(|(x, y)| y - x)
        .chain([before])
        .collect();
    let (lo, hi) = (lens.iter().min()?, lens.iter().max()?);
    let short_after = (1..=4).contains(&after) && chunks[j + 1..].iter().all(|(x, y)| y - x <= 6);
    (*lo >= 2 && hi - lo <= 2 && *hi <= 8 && short_after).then_some(d)
}

/// `A、B和C` with no ending they share, three items of one length (three to six characters:
/// 跟踪分析、效果评估和监督检查; 技术研发、成果推广与科普宣传|有机结合): each a run of whole
/// words, after a verb, a 的 or nothing, and before a short head, what is done to them
/// together, or — after a 的 — nothing. Names, numbers and items joined inside are left alone.
fn uniform_triple(p: &P, a: usize, chunks: &[(usize, usize)]) -> Option<FoundList> {
    let s = &p.chars;
    let (x0, y0) = chunks[0];
    let (x1, y1) = chunks[1];
    let second = &s[x1..y1];
    let n = (3..=6).find(|k| matches!(second.get(*k), Some('和' | '与' | '及')))?;
    let (b_item, after) = (&second[..n], &second[n + 1..]);
    if y0 - x0 < n || after.len() < n {
        return None;
    }
    let (a_item, c_item, rest) = (&s[y0 - n..y0], &after[..n], &after[n..]);
    let items = [a_item, b_item, c_item];
    let plain = |t: &[char]| {
        t.iter().all(|c| {
            is_alnum(*c)
                && !c.is_ascii_digit()
                && !matches!(c, '和' | '与' | '及' | '的' | '等' | '或')
        })
    };
    if !items.iter().all(|t| plain(t)) {
        return None;
    }
    let left = &s[x0..y0 - n];
    // (Addressees, 向关心…的|A、B和C|表示感谢, are no list; nor is a first item that opens on
    // the verb of the clause, 加强网络、数据安全和个人信息保护.)
    if s[a..y0].first() == Some(&'向')
        || LEFT_CUTS
            .iter()
            .chain(super::shape::GOVERNING.iter())
            .any(|w| w.chars().count() >= 2 && starts_with(a_item, 0, w))
    {
        return None;
    }
    // (After a verb, a 的 or nothing: 加强规划实施的|…, 推动|…; not inside a longer word.)
    let framed = left.is_empty()
        || matches!(left.last(), Some('的' | '对' | '在' | '以'))
        || LEFT_CUTS
            .iter()
            .filter(|w| w.chars().count() >= 2)
            .any(|w| ends_with(left, w));
    // (…before what they do together or a short head ending the clause, or before nothing
    // when a 的 names whose they are: 加强|人才培养、技术研发和市场推广 is three actions.)
    let closed = (rest.is_empty() && left.last() == Some(&'的'))
        || is_joint(rest)
        || ((1..=4).contains(&rest.len()) && !rest.iter().any(|c| matches!(c, '的' | '等' | '和')));
    if !framed || !closed {
        return None;
    }
    let sg = super::cut::segmenter()?;
    let whole = |t: &[char], at: usize| super::cut::char_boundaries(t).contains(&at);
    // (Each item whole words: the chunk's cut and the end of the last fall between words.)
    if !whole(&s[x0..y0], left.len()) || !whole(after, n) || !whole(second, n) {
        return None;
    }
    // (Names of places or people are a roll, not a list.)
    if items
        .iter()
        .any(|t| sg.is_name(&string_of(t)) || sg.has_place_word(&string_of(t)))
    {
        return None;
    }
    let parts: Vec<(String, u32)> = items.iter().map(|it| (string_of(it), p.line(x0))).collect();
    let sent = (sentence_start(s, x0), p.sentence_end(x0));
    let mut l = implicit(p, "、", "", parts, p.line(x0), p.text(sent.0, sent.1));
    let left = string_of(&s[a..y0 - n]);
    let left = left.trim_end_matches('的');
    // (Named by its own clause: a section's run-in heading, （一）重大意义, names the
    // paragraph, not a series deep in it.)
    let three = cn_numeral(3, true);
    if is_joint(rest) {
        l.prompt = format!("{left}{}的{three}个方面", string_of(rest));
    } else if rest.is_empty() && left.chars().count() >= 2 {
        l.prompt = format!("{left}的{three}个方面");
    } else if rest.is_empty() {
        l.lead = format!("{left}几个方面");
    } else {
        l.lead = format!("{left}几个{}", string_of(rest));
    }
    Some(l)
}

fn joined_triple(p: &P, a: usize, chunks: &[(usize, usize)]) -> Option<FoundList> {
    let s = &p.chars;
    let (x0, y0) = chunks[0];
    let (x1, y1) = chunks[1];
    let second = &s[x1..y1];
    let j = (2..second.len()).find(|k| matches!(second[*k], '和' | '与' | '及'))?;
    let b_item = &second[..j];
    let after = &second[j + 1..];
    let first = &s[x0..y0];
    // The longest ending B shares with the text before it, found again in what follows 和.
    // (One character when it coins a set: 电动化、新能源化和清洁化.)
    let coined = matches!(b_item.last(), Some('化' | '性'));
    let (k, pos) = (1..b_item.len())
        .rev()
        .filter(|k| *k >= 2 || coined)
        .filter(|k| first.len() > *k && ends_with(first, &string_of(&b_item[b_item.len() - k..])))
        .find_map(|k| {
            let suf = &b_item[b_item.len() - k..];
            (1..after.len())
                .find(|i| after[*i..].starts_with(suf))
                .map(|i| (k, i))
        })?;
    let suf: String = string_of(&b_item[b_item.len() - k..]);
    if WEAK_TAILS.contains(&suf.as_str()) {
        return None;
    }
    // A: after the last verb before it, else as long as B.
    let cut = (1..first.len().saturating_sub(k))
        .rev()
        .find(|c| {
            LEFT_CUTS
                .iter()
                .filter(|w| w.chars().count() >= 2)
                .any(|w| ends_with(&first[..*c], w))
        })
        .unwrap_or(first.len().saturating_sub(b_item.len()));
    let items = [&first[cut..], b_item, &after[..pos + k]];
    if items.iter().any(|it| !(k + 1..=14).contains(&it.len())) {
        return None;
    }
    let rest: String = string_of(&after[pos + k..]);
    let left: String = string_of(&s[a..x0 + cut]);
    let parts: Vec<(String, u32)> = items
        .iter()
        .map(|it| (it.iter().collect(), p.line(x0)))
        .collect();
    let sent = (sentence_start(s, x0), p.sentence_end(x0));
    let mut l = implicit(p, "、", "", parts, p.line(x0), p.text(sent.0, sent.1));
    let head = if (1..=4).contains(&rest.chars().count()) {
        rest
    } else {
        String::new()
    };
    l.lead = format!("{}几个{suf}{head}", strip_verbs_keep(&left));
    // A one-character ending names the set in quotes (实现电动化、新能源化和清洁化 → 实现的三个
    // “化”), with the clause's verb phrase before it.
    if k == 1 {
        let verb = strip_verbs_keep(&left);
        let verb = verb.rsplit('，').next().unwrap_or(&verb);
        if !verb.is_empty() {
            l.prompt = format!("{verb}的{}个“{suf}”", cn_numeral(items.len(), true));
        }
    }
    Some(l)
}

/// A verb that governs a series from before it (推动|全员、全要素…): never part of an item.
pub(super) fn governs(word: &str) -> bool {
    word.chars().count() >= 2 && (LEFT_CUTS.contains(&word) || is_parallel_head(word))
}

/// The outer edges of a 、-series on word boundaries, before its name is taken from the text
/// around it, so that the items and the name come from one split: the first item starts and
/// the last ends at a word's edge ([`super::shape::mend_edges`]), and a first item that carries
/// words of its left context (抓紧修订|节约能源法、电力法、煤炭法) starts where its length comes
/// nearest its siblings'. `first` and `last` are the first and last chunks of the clause
/// `a..b`; `right_rest` is what follows the last item in its chunk. Only a series with an edge
/// inside text, or a first item longer than any sibling, is segmented (one clause, once).
fn mend_series_edges(
    s: &[char],
    (a, b): (usize, usize),
    (first, last): ((usize, usize), (usize, usize)),
    items: &mut [Vec<char>],
    right_rest: &mut Vec<char>,
) {
    let n = items.len();
    if n < 3 || first.1 < items[0].len() || last.1 < right_rest.len() {
        return;
    }
    let start = first.1 - items[0].len();
    let end = last.1 - right_rest.len();
    let Some(last_start) = end.checked_sub(items[n - 1].len()) else {
        return;
    };
    if s[start..first.1] != items[0][..] || s[last_start..end] != items[n - 1][..] {
        return;
    }
    let others: Vec<usize> = items[1..].iter().map(Vec::len).collect();
    let (min_o, max_o) = (
        others.iter().copied().min().unwrap_or(0),
        others.iter().copied().max().unwrap_or(0),
    );
    let open = |c: usize| c > a && c < b && is_alnum(s[c - 1]) && is_alnum(s[c]);
    // 的 or 等 right after the last item closes the series, however jieba joins it to the item
    // (树德、增智、强体、育美|的: 美的 is a word of its own).
    let open_end = open(end) && !matches!(s.get(end), Some('的' | '等'));
    // A first item that starts right after its governing verb (全面贯彻|劳动者自主就业) starts
    // right, however long.
    // (Not when a preposition follows the verb: 加强|对立法权、执法权… starts after 对.)
    let after_verb = LEFT_CUTS
        .iter()
        .any(|w| w.chars().count() >= 2 && ends_with(&s[..start], w))
        && !LEFT_CUTS
            .iter()
            .any(|w| w.chars().count() == 1 && w.starts_with(s[start]));
    let long_first = items[0].len() > max_o && !after_verb;
    if !open(start) && !open_end && !long_first {
        return;
    }
    // Only the chunk an edge lies in is segmented (its ends are punctuation, word ends anyway).
    let chunk_bounds = |(x, y): (usize, usize)| -> Vec<usize> {
        super::cut::char_boundaries(&s[x..y])
            .into_iter()
            .map(|c| c + x)
            .collect()
    };
    let bounds = if open(start) || long_first {
        chunk_bounds(first)
    } else {
        Vec::new()
    };
    // A last item that ends like its siblings (…体制 ×3, 城乡管理体制|改革) ends right.
    let middle = &items[1..n - 1];
    let suf = common_suffix(middle);
    let ends_alike = suf >= 2 && items[n - 1].ends_with(&middle[0][middle[0].len() - suf..]);
    let tail = if open_end && !ends_alike {
        chunk_bounds(last)
    } else {
        Vec::new()
    };
    let (mut ns, _) =
        super::shape::mend_edges(s, &bounds, (start, first.1), (first.0, b), &governs);
    let (_, ne) = super::shape::mend_edges(s, &tail, (last_start, end), (a, last.1), &governs);
    // Siblings that all open on one negation or affix (不想劳动、不会劳动) say where the first
    // item opens: 出现了|不珍惜劳动成果, not 不珍惜|劳动成果.
    let opener = items[1].first().copied().filter(|c| {
        n >= 3
            && matches!(c, '不' | '无' | '非' | '未' | '没' | '各')
            && items[1..].iter().all(|x| x.first() == Some(c))
    });
    if let Some(c0) = opener.filter(|c| s.get(ns) != Some(c)) {
        if let Some(c) = bounds
            .iter()
            .copied()
            .filter(|c| *c >= first.0 && *c < ns && s[*c] == c0 && first.1 - c <= max_o + 4)
            .max()
        {
            ns = c;
        }
    }
    if opener.is_none() && first.1 - ns > max_o && !after_verb {
        let mean = others.iter().sum::<usize>() as f32 / others.len() as f32;
        let dist = |c: usize| ((first.1 - c) as f32 - mean).abs();
        if let Some(c) = bounds
            .iter()
            .copied()
            .filter(|c| *c > ns && first.1 >= *c + min_o.max(2))
            .min_by(|x, y| dist(*x).total_cmp(&dist(*y)))
            .filter(|c| dist(*c) < dist(ns))
        {
            ns = c;
        }
    }
    // A preposition or 了 that is a word of its own inside the first item (组织专家|从|病情、治疗
    // 转归…等方面; 建立|了|晋绥、晋察冀…) is the series' frame: the item starts after it.
    if let Some(c) = bounds
        .iter()
        .copied()
        .filter(|c| {
            *c > ns
                && first.1 >= *c + 2
                && bounds.binary_search(&(c - 1)).is_ok()
                && matches!(s[c - 1], '从' | '在' | '对' | '向' | '就' | '按' | '于' | '了')
                // (Not a preposition every item has: 中国制造|向|中国创造转变.)
                && !items[1..].iter().any(|x| x.contains(&s[c - 1]))
        })
        .max()
    {
        ns = c;
    }
    items[0] = s[ns..first.1].to_vec();
    items[n - 1] = s[last_start..ne].to_vec();
    *right_rest = s[ne..last.1].to_vec();
}

/// Items a series may be trusted with on less evidence: each a run of whole words of the
/// clause (no 高|校毕业生, 电|动汽车, 初次分配、再分配、三次分|配), none opening with a
/// preposition or holding a stray quote, and of like lengths (not 保障妇女、儿童、老年人、
/// 残疾人合法权益, where the first and last items took in their context).
fn clean_items(
    s: &[char],
    (first, last): ((usize, usize), (usize, usize)),
    k: usize,
    items: &[Vec<char>],
) -> bool {
    let (min, max) = (
        items.iter().map(Vec::len).min().unwrap_or(0),
        items.iter().map(Vec::len).max().unwrap_or(0),
    );
    if min < 2 || max > 8 || max > 2 * min {
        return false;
    }
    if items.iter().any(|x| {
        matches!(
            x[0],
            '对' | '以' | '在' | '把' | '为' | '从' | '向' | '将' | '和' | '与' | '的' | '一'
        ) || matches!(x[x.len() - 1], '和' | '与' | '及' | '的' | '等')
            || x.iter()
                .any(|c| matches!(c, '“' | '”' | '（' | '）' | '《' | '》'))
    }) {
        return false;
    }
    // The middle items are whole chunks between 、: only the first item's start and the
    // items in the last chunk can cut a word. Their chunks are the ones mend_series_edges
    // segmented (the cut cache has them).
    let whole_in = |(x, y): (usize, usize), its: &[Vec<char>], at_end: bool| -> bool {
        let chunk = &s[x..y];
        let bounds = super::cut::char_boundaries(chunk);
        if at_end {
            let Some(it) = its.first() else { return true };
            return chunk.ends_with(it)
                && super::cut::whole(&bounds, chunk.len() - it.len(), chunk.len());
        }
        let mut from = 0;
        its.iter().all(|x| {
            let Some(at) = (from..(chunk.len() + 1).saturating_sub(x.len()))
                .find(|i| chunk[*i..].starts_with(x))
            else {
                return false;
            };
            from = at + x.len();
            super::cut::whole(&bounds, at, at + x.len())
        })
    };
    let tail = items.get(k - 1..).unwrap_or_default();
    whole_in(first, &items[..1], true) && whole_in(last, tail, false)
}

/// The text before a series, trimmed of punctuation.
fn strip_verbs_keep(left: &str) -> String {
    left.trim_matches(|c: char| !is_alnum(c)).to_string()
}

/// 、-series that are the point of their sentence: three or more items alike in length or
/// sharing a frame (…化, 有…需求), named by a summary noun (…等基础制度, …的丝路精神) or
/// standing as the object of their clause.
fn dun_series(p: &P) -> Vec<(i32, FoundList)> {
    let mut out = Vec::new();
    let s = &p.chars;
    // Most paragraphs and clauses have no 、 at all: nothing to split.
    if !s.contains(&'、') {
        return out;
    }
    // Clauses: split at ，；。：！？
    for (a, b) in split_range(s, 0, s.len(), &['，', '；', '：']) {
        if !s[a..b].contains(&'、') {
            continue;
        }
        // A series in brackets (“放管服”（简政放权、放管结合、优化服务）改革) is what they hold.
        // (A numeric label spelled out so, “三农”（农业、农村、农民）, is `label_expansions`'.)
        let inside = bracketed(s, a, b);
        let (a, b) = match inside {
            Some((x, _)) if quoted_numeric_label_before(s, x - 1) => continue,
            Some(inside) => inside,
            None => (a, b),
        };
        let mut chunks = split_range(s, a, b, &['、']);
        // Two series joined by 的 (身份信息、隐私信息、生物特征信息|的|采集、传输和使用): the
        // first ends at the 的, and what follows is what is done to them.
        let b = match series_before_de(s, &chunks) {
            Some(d) => {
                chunks = split_range(s, a, d, &['、']);
                d
            }
            None => b,
        };
        if chunks.len() == 2 {
            if let Some(l) = joined_triple(p, a, &chunks).or_else(|| uniform_triple(p, a, &chunks))
            {
                out.push((SERIES_MIN_SCORE, l));
            }
            continue;
        }
        // Quoted terms (贯彻“A”、“B”、“C”、D的方针) are coined names: the series starts at the
        // first quote, whatever 、 stands before it, and the quotes are not part of the items.
        let whole_quote = |(x, y): (usize, usize)| s[x] == '“' && s[y - 1] == '”';
        let quoted = (0..chunks.len().saturating_sub(1)).find(|k| {
            let (x, y) = chunks[*k];
            s[y - 1] == '”' && s[x..y].contains(&'“') && whole_quote(chunks[k + 1])
        });
        if let Some(q) = quoted {
            chunks.drain(..q);
            let (x, y) = chunks[0];
            if let Some(o) = (x..y).rev().find(|k| s[*k] == '“') {
                chunks[0].0 = o;
            }
        }
        // 等 closes a series: a chunk that holds it (…、活动流程等方面制定安全、科学的规范) is
        // the series' last, and what follows is another clause's.
        if let Some(j) = (1..chunks.len().saturating_sub(1)).find(|j| {
            let (x, y) = chunks[*j];
            closing_deng(&s[x..y]).is_some()
        }) {
            chunks.truncate(j + 1);
        }
        if chunks.len() < 3 {
            continue;
        }
        let unquote = |t: &[char]| -> Vec<char> {
            t.iter()
                .copied()
                .filter(|c| !matches!(c, '“' | '”'))
                .collect()
        };
        let mut parts: Vec<Vec<char>> = chunks
            .iter()
            .map(|(x, y)| {
                if quoted.is_some() {
                    unquote(&s[*x..*y])
                } else {
                    s[*x..*y].to_vec()
                }
            })
            .collect();
        let k = parts.len();
        // The last chunk may join a final item with 和/与/及.
        let last = parts[k - 1].clone();
        let middle: Vec<Vec<char>> = parts[1..k - 1].to_vec();
        let lens: Vec<usize> = middle.iter().map(Vec::len).collect();
        let uniform = lens.iter().all(|l| *l == lens[0]);
        let mlen = lens[0];
        // One middle item shares all of itself with itself: the suffix the series is built on
        // is the one it shares with the first chunk (初次分配、再分配、三次分配).
        let suffix = if middle.len() == 1 {
            common_suffix(&[parts[0].as_slice(), middle[0].as_slice()])
        } else {
            common_suffix(&middle)
        };
        // First item: cut its left context where the item comes closest to the others' length
        // (after a verb or preposition, or — for words of one length — that length).
        let first = parts[0].clone();
        let mean = lens.iter().sum::<usize>() as f32 / lens.len() as f32;
        // A verb or preposition that leaves an item of about the others' length marks the
        // item's start better than the length alone (贯彻|劳动者自主就业、市场调节就业).
        let verb_cut = (uniform && first.len() > mlen + 1)
            .then(|| first.len() - mlen - 1)
            .filter(|c| LEFT_CUTS.iter().any(|w| ends_with(&first[..*c], w)))
            // …or a chunk that is a verb of two characters and one word a little longer than
            // the others (促进|自然资源、环保、财税): the word is whole.
            .or_else(|| {
                // (Not for words coined on one character, 新型|工业化、信息化: the modifier
                // is the whole set's.)
                (uniform
                    && suffix != 1
                    && (mlen + 1..=mlen + 2).contains(&first.len().saturating_sub(2)))
                .then_some(2)
                .filter(|_| {
                    let chunk = string_of(&first);
                    let verb: String = first[..2].iter().collect();
                    super::cut::char_boundaries(&first) == [0, 2, first.len()]
                        && super::cut::segmenter().is_some_and(|sg| {
                            sg.opens_with_verb(&verb) && !sg.opens_with_verb(&chunk[verb.len()..])
                        })
                })
            });
        // An opening the middle items share (忠于国家、忠于人民…) starts the first item too, at
        // its last place in the first chunk (一支|忠于党).
        // (One middle item shares its opening with the last chunk: 挽救了红军、挽救了中国革命.)
        let pre = if middle.len() >= 2 {
            common_prefix(&middle)
        } else {
            // (Three characters at least: 中国速度…、中国产品… share a word, not a verb.)
            Some(common_prefix(&[middle[0].as_slice(), last.as_slice()]))
                .filter(|p| *p >= 3)
                .unwrap_or(0)
        };
        // (An opening of three characters or more that is a verb: 挽救了党、挽救了红军…, not
        // 人民群众获得感、人民群众幸福感….)
        let verb_opening = pre >= 3
            && super::cut::segmenter()
                .is_some_and(|sg| sg.opens_with_verb(&string_of(&middle[0][..pre])));
        let at_opening = (pre >= 2)
            .then(|| {
                (1..first.len())
                    .rev()
                    .find(|i| first[*i..].starts_with(&middle[0][..pre]))
            })
            .flatten()
            .filter(|i| first.len() - i > pre);
        // Pairs (外部安全和内部安全、国土安全和国民安全…): every middle item joins two with 和;
        // the first and last items are pairs too.
        // (和 as a joint, not the first half of 和谐/和睦/和平.)
        let joint = |t: &[char], i: usize| {
            t[i] == '和' && !matches!(t.get(i + 1), Some('谐' | '睦' | '平' | '美' | '顺'))
        };
        let pair_at = |t: &[char]| (2..t.len().saturating_sub(2)).rev().find(|i| joint(t, *i));
        let pairs = middle.iter().all(|m| pair_at(m).is_some());
        let first_item: Vec<char> = if inside.is_some() {
            // The opening bracket starts the first item: nothing before it is left context.
            first.clone()
        } else if let Some(h) = pair_at(&first).filter(|h| pairs && *h >= first.len() - h - 1) {
            first[2 * h + 1 - first.len()..].to_vec()
        } else if let Some(c) = at_opening {
            first[c..].to_vec()
        } else if let (true, Some(c)) = (uniform, verb_cut) {
            first[c..].to_vec()
        } else if uniform && first.len() >= mlen {
            first[first.len() - mlen..].to_vec()
        } else {
            let mut cuts: Vec<usize> = vec![0];
            for w in LEFT_CUTS {
                let w: Vec<char> = char_vec(w);
                for i in 0..first.len().saturating_sub(w.len() + 1) {
                    if first[i..].starts_with(&w) {
                        cuts.push(i + w.len());
                    }
                }
            }
            if suffix > 0 {
                cuts.retain(|c| first.len() - c >= suffix);
            }
            // How far the item a cut leaves is from the nearest of the mean and the other
            // items' own lengths: one long middle item (提振消费以及民营) must not pull the
            // first item's cut leftwards.
            let dist = |c: usize| {
                let l = (first.len() - c) as f32;
                lens.iter()
                    .map(|m| (l - *m as f32).abs())
                    .fold((l - mean).abs(), f32::min)
            };
            let best = cuts
                .into_iter()
                .min_by(|a, b| {
                    dist(*a)
                        .total_cmp(&dist(*b))
                        .then((*a == 0).cmp(&(*b == 0)))
                        .then(a.cmp(b))
                })
                .unwrap_or(0);
            first[best..].to_vec()
        };
        // 在 opening the clause frames the series (在A、B、C等方面): no item starts with it.
        // (…and 的 ends what stands before the first item: 具有国际影响力的|实验室.)
        let first_item = match first_item.split_first() {
            Some(('在' | '的', rest)) if rest.len() >= 2 => rest.to_vec(),
            _ => first_item,
        };
        // Last item(s): split a trailing 和/与/及 join, cut the right context.
        let mut tail_items: Vec<Vec<char>> = Vec::new();
        let take_item = |t: &[char]| -> (Vec<char>, Vec<char>) {
            // A predicate of the items together ends the last one (党的领导、人民当家作主、
            // 依法治国|有机统一).
            if let Some(w) = JOINT.iter().find(|w| ends_with(t, w)) {
                let cut = t.len() - w.chars().count();
                // (A quoted label before it counts them: 内河航运“四网”|融合发展.)
                if cut >= 2 && !t[..cut].contains(&'的') && !t[..cut].contains(&'“') {
                    return (t[..cut].to_vec(), t[cut..].to_vec());
                }
            }
            // …and so does what was done for them (扩大对外开放|发挥了重要作用).
            if let Some(cut) = (2..t.len().saturating_sub(3))
                .find(|k| contribution(&t[*k..]).is_some())
                .filter(|k| !t[..*k].contains(&'等'))
            {
                return (t[..cut].to_vec(), t[cut..].to_vec());
            }
            // `…内河航运“四网”`: a quoted count after the last item closes it.
            // (A count of something else is the item's own term: 做到“两个维护”.)
            if let Some(pos) =
                (2..t.len()).find(|i| t[*i] == '“' && label_after(&t[*i..], k).is_some())
            {
                return (t[..pos].to_vec(), t[pos..].to_vec());
            }
            // `…E等战略任务`: 等 closes the series.
            if let Some(pos) = closing_deng(t) {
                if summary_after(&t[pos..]).is_some() {
                    return (t[..pos].to_vec(), t[pos..].to_vec());
                }
            }
            // 等 closes the item, even where items of one length would run past it (工会、共青团、
            // 妇联|等群团组织).
            if let Some(pos) = closing_deng(t).filter(|pos| !uniform || *pos <= mlen + 2) {
                return (t[..pos].to_vec(), t[pos..].to_vec());
            }
            // A cut that leaves a word's suffix behind (重大生产|力布局) splits a word.
            let splits_word = matches!(
                t.get(mlen),
                Some('力' | '性' | '化' | '者' | '型' | '式' | '度' | '率' | '感' | '们')
            );
            // A 的 inside the uniform length ends the item (…、运行高效、市场化|的…体系).
            if let Some(d) = t
                .iter()
                .take(mlen)
                .position(|c| *c == '的')
                .filter(|d| *d >= 2 && uniform && middle.iter().all(|m| !m.contains(&'的')))
            {
                return (t[..d].to_vec(), t[d..].to_vec());
            }
            // The uniform cut must end where a word can end: at the end, or before 等/的/这….
            // (鼓励创业的方|针 leaves one character: the cut is inside a word).
            let ends_clean = t.len() != mlen + 1;
            // A head of two or more characters every middle item ends with ends this one too,
            // a little past the uniform length (文化体制、社会体制、生态文明体制|和…).
            if suffix >= 2 {
                let suf = &middle[0][middle[0].len() - suffix..];
                if let Some(pos) = (0..t.len())
                    .find(|i| t[*i..].starts_with(suf))
                    .filter(|pos| *pos >= 1 && pos + suffix <= mlen + 4)
                {
                    return (t[..pos + suffix].to_vec(), t[pos + suffix..].to_vec());
                }
            }
            // Items that open alike (挽救了党、挽救了红军、挽救了中国革命) are objects of one verb:
            // the last runs to the clause's end, no head of theirs follows.
            // (Three characters at least: 政治要求、政治规矩、政治纪律|不上心 share a word.)
            if verb_opening
                && t.starts_with(&middle[0][..pre])
                && t.len() <= mlen + 4
                && !t[pre..].contains(&'的')
            {
                return (t.to_vec(), Vec::new());
            }
            // Items on one final character (工业化、信息化、城镇化) end on it, however long the
            // last one is (农业现代化|同步发展).
            if suffix == 1 && uniform && t.len() > mlen {
                let c = middle[0][mlen - 1];
                if let Some(pos) =
                    (mlen.saturating_sub(1)..(mlen + 3).min(t.len())).find(|i| t[*i] == c)
                {
                    return (t[..=pos].to_vec(), t[pos + 1..].to_vec());
                }
            }
            if uniform && t.len() >= mlen && !splits_word && ends_clean {
                // …升级而|催生: the conjunction belongs to what follows.
                let end = if mlen > 2 && t[mlen - 1] == '而' {
                    mlen - 1
                } else {
                    mlen
                };
                return (t[..end].to_vec(), t[end..].to_vec());
            }
            if suffix > 0 {
                let suf = &middle[0][middle[0].len() - suffix..];
                if let Some(pos) = (0..t.len()).find(|i| t[*i..].starts_with(suf)) {
                    return (t[..pos + suffix].to_vec(), t[pos + suffix..].to_vec());
                }
            }
            let stop = (2..t.len())
                .find(|i| matches!(t[*i], '的' | '这' | '及' | '为' | '和' | '与'))
                .into_iter()
                .chain(closing_deng(t))
                .min()
                .unwrap_or(t.len());
            (t[..stop].to_vec(), t[stop..].to_vec())
        };
        // (The last pair's 和 is the first in its chunk: …共同安全的关系和要求.)
        let first_and = (2..last.len().saturating_sub(2)).find(|i| joint(&last, *i));
        let pair_end = first_and.filter(|_| pairs).map(|h| {
            let suf = &middle[0][middle[0].len() - suffix..];
            (h + 1..last.len())
                .find(|i| suffix >= 2 && last[*i..].starts_with(suf))
                .map_or((2 * h + 1).min(last.len()), |i| i + suffix)
        });
        // A quoted last item ends at its closing quote (“一网协同”|等服务管理新模式).
        let (lx, ly) = chunks[k - 1];
        let quote_end = (quoted.is_some() && s[lx] == '“')
            .then(|| (lx + 1..ly).find(|i| s[*i] == '”'))
            .flatten()
            .filter(|q| *q + 1 < ly);
        let (it, mut right_rest) = match (pair_end, quote_end) {
            (Some(e), _) => (last[..e].to_vec(), last[e..].to_vec()),
            (None, Some(q)) => (s[lx + 1..q].to_vec(), s[q + 1..ly].to_vec()),
            // The closing bracket ends the last item: nothing after it inside is shared.
            (None, None) if inside.is_some() => (last.clone(), Vec::new()),
            (None, None) => take_item(&last),
        };
        // `…、C和D等…` with items of one length: the 和 joins the last two (资本和数据等).
        let joined_at = (2..it.len().saturating_sub(2))
            .find(|i| it[*i] == '与' || joint(&it, *i))
            .filter(|_| is_joint(&right_rest));
        if uniform && it.len() == 2 * mlen + 1 && matches!(it.get(mlen), Some('和' | '与' | '及'))
        {
            tail_items.push(it[..mlen].to_vec());
            tail_items.push(it[mlen + 1..].to_vec());
        } else if let Some(j) = joined_at {
            // …、C与D|融合发展: what the items do together joins the last two.
            tail_items.push(it[..j].to_vec());
            tail_items.push(it[j + 1..].to_vec());
        } else {
            tail_items.push(it);
        }
        // `…、C和D的…`: one more item after 和/与 when it fits the pattern.
        if let Some(c0) = right_rest.first().copied() {
            if matches!(c0, '和' | '与') {
                let after = &right_rest[1..];
                // The rest of the clause, when short and not a summary, is the last item
                // whole (…强大科技实力和|全球最大最有潜力的市场).
                // A suffix every item so far shares ends this one too (法治政府、创新政府和
                // 服务型政府|建设): what follows it is the head they share.
                let mut so_far: Vec<Vec<char>> = vec![first_item.clone()];
                so_far.extend(middle.iter().cloned());
                so_far.extend(tail_items.iter().cloned());
                let sp = common_suffix(&so_far);
                let suf: Vec<char> = so_far[0][so_far[0].len() - sp..].to_vec();
                let at_suffix = (sp >= 2)
                    .then(|| (0..after.len()).find(|i| after[*i..].starts_with(&suf)))
                    .flatten()
                    .filter(|pos| pos + sp < after.len());
                let (it2, rest2) = if let Some(pos) = at_suffix {
                    (after[..pos + sp].to_vec(), after[pos + sp..].to_vec())
                } else if let Some(pos) = (2..after.len())
                    .find(|i| after[*i] == '的' && summary_after(&after[*i..]).is_some())
                {
                    // …和D的方针: the noun after 的 names the series, it is no part of D.
                    (after[..pos].to_vec(), after[pos..].to_vec())
                } else if let Some(e) = factored_after_he(after, mlen).filter(|_| uniform) {
                    // …、C和D|创新: a head noun after a last word of the others' length is
                    // theirs (协同推进技术、模式、业态和制度|创新).
                    (after[..e].to_vec(), after[e..].to_vec())
                } else if let Some(e) = whole_span_head(after, mlen).filter(|_| uniform) {
                    // …、C和D|全过程: a span every item belongs to follows the last.
                    (after[..e].to_vec(), after[e..].to_vec())
                } else if after.len() <= 12 && !after.contains(&'等') {
                    (after.to_vec(), Vec::new())
                } else {
                    take_item(after)
                };
                if it2.len() >= 2 && (!uniform || it2.len().abs_diff(mlen) <= 2 || rest2.is_empty())
                {
                    tail_items.push(it2);
                    right_rest = rest2;
                }
            }
        }
        // An item never opens with a pronoun (它由|A、B、C而催生): it and its preposition are
        // the series' frame.
        let first_item = match first_item.first() {
            Some('它' | '其')
                if first_item.len() > 4 || (uniform && first_item.len() == mlen + 1) =>
            {
                let skip = if LEFT_CUTS
                    .iter()
                    .any(|w| w.chars().count() == 1 && w.starts_with(first_item[1]))
                {
                    2
                } else {
                    1
                };
                first_item[skip..].to_vec()
            }
            _ => first_item,
        };
        parts[0] = first_item;
        parts.truncate(k - 1);
        parts.extend(tail_items);
        let items: Vec<Vec<char>> = parts.into_iter().filter(|x| !x.is_empty()).collect();
        if items.len() < 3 || items.iter().any(|x| x.len() < 2 || x.len() > 20) {
            continue;
        }
        // Score: the series must look like a list someone is asked to recite.
        let all_lens: Vec<usize> = items.iter().map(Vec::len).collect();
        let all_uniform = all_lens.iter().all(|l| *l == all_lens[0]);
        let suf_all = common_suffix(&items);
        let pre_all = common_prefix(&items);
        let summary = summary_after(&right_rest);
        let mut score = 0;
        if all_uniform && all_lens[0] >= 3 {
            score += 2;
        } else if all_uniform {
            score += 1;
        }
        // Words of one length built on one character (水资源、水环境、水生态; 获得感、幸福感、
        // 安全感; 医保、医疗、医药) are coined as a set.
        // …or on one character at one place (前瞻性思考、全局性谋划、战略性布局).
        let one_affix = suf_all >= 1
            || pre_all >= 1
            || (all_uniform && (0..all_lens[0]).any(|k| items.iter().all(|x| x[k] == items[0][k])));
        if all_uniform && one_affix {
            score += 1;
            // Short words built on one character (医保、医疗、医药) are coined as a set.
            if all_lens[0] <= 3 {
                score += 1;
            }
        } else if suf_all >= 2 && all_lens.iter().all(|l| *l <= suf_all + 3) && {
            let (lo, hi) = (all_lens.iter().min(), all_lens.iter().max());
            hi.zip(lo).is_some_and(|(h, l)| h - l <= 1)
        } {
            // …and so are short words of about one length on a shared word (初次分配、再分配、
            // 三次分配).
            score += 1;
        }
        // Coined names in quotes.
        if quoted.is_some() {
            score += 1;
        }
        // Items said to be one whole (A、B、C有机统一, …相结合): a set the text names as such.
        if is_joint(&right_rest) {
            score += 1;
        }
        // What something did for the items (对|A、B、C|发挥了重要作用; 为|…|作出了重要贡献): the
        // sentence counts them as the fields of its effect.
        let first_at = chunks[0].1.saturating_sub(items[0].len());
        if first_at > 0
            && matches!(s[first_at - 1], '对' | '为')
            && contribution(&right_rest).is_some()
        {
            score += 1;
        }
        // A quoted label that counts them (…、内河航运“四网”) says the writer listed them.
        if label_after(&right_rest, items.len()).is_some() {
            score += 2;
        }
        if suf_all >= 2 && all_lens.iter().all(|l| *l >= suf_all + 3) {
            // A frame (…需求, …问题, …转变): the items differ inside a shared ending.
            score += 2;
        } else if suf_all >= 2
            || (suf_all >= 1 && items.len() >= 3 && all_lens.iter().all(|l| *l >= 3))
        {
            score += 1;
        }
        if pre_all >= 2 || (pre_all >= 1 && suf_all >= 2) {
            // A shared opening, or a frame closed at both ends (有…需求).
            score += 1;
        }
        if summary.is_some() {
            score += 1;
        }
        // Qualities of the one noun a 的 joins them to (功能完善、运行高效、市场化|的…转化体系;
        // 安全、可靠、互备|的通信链路): the writer describes it point by point.
        // (Not kinds of one thing, 财产安全、公共安全…的产品: no ending they share.)
        let qualities = right_rest.first() == Some(&'的') && suf_all < 2 && {
            let noun: String = right_rest[1..]
                .iter()
                .take_while(|c| is_alnum(**c))
                .take(10)
                .collect();
            noun.chars().count() >= 2
                && super::cut::segmenter().is_some_and(|sg| {
                    !sg.opens_with_verb(&noun)
                        && items
                            .iter()
                            .filter(|x| !sg.describes(&string_of(x)))
                            .nth(usize::from(items.len() >= 3))
                            .is_none()
                })
        };
        if qualities {
            score += 2;
        }
        // 以|A、B、C|为导向 (为重点, 为主线…): the writer names the role the items play together.
        // (The first item may have been cut short of the 以: 以创新|价值、能力、贡献为导向.)
        let item_start = chunks[0].1.saturating_sub(items[0].len());
        let after_yi = (chunks[0].0..item_start)
            .rev()
            .take(5)
            .any(|k| s[k] == '以');
        let role_frame = after_yi && right_rest.first() == Some(&'为') && {
            let role: Vec<char> = right_rest[1..]
                .iter()
                .copied()
                .take_while(|c| is_alnum(*c) && *c != '的')
                .collect();
            (2..=4).contains(&role.len()) && role != ['代', '表']
        };
        if role_frame {
            score += 3;
        }
        // A span they make up ends the clause (规划、建设、运营和养护|全过程; …|各环节): the
        // writer lists the stages of one whole.
        // (…or opens it, and the clause says what happens to them all: …消费|各个环节高效贯通.)
        let spanned = SPANS.iter().any(|w| starts_with(&right_rest, 0, w));
        if spanned {
            score += 2;
        }
        // 等 closes a series (…等行业 / …等领域, or 开展A、B、C、D等，…): the writer marks it
        // as a run of examples of one kind.
        // …and a noun after it that ends the clause names their kind (实验室、试验基地、
        // 技术创新中心|等创新平台): the writer lists members of a class.
        let of_kind = kind_after_deng(&right_rest);
        if right_rest.first() == Some(&'等') {
            score += 1;
            if of_kind {
                score += 2;
            }
        }
        // A head noun right after the last of short words of one length (主权、安全、发展|利益;
        // 铁路、公路、航道、空域|管理体制改革): the items are the kinds of one thing, the head
        // factored out of each.
        // (Whole words at both ends: not 老年|人、儿童、患基|础性疾病; and no part of a run the
        // writer calls some, 一些|领域、行业、地方.)
        let head_part = &right_rest[..right_rest
            .iter()
            .position(|c| *c == '的')
            .unwrap_or(right_rest.len())];
        let factored = all_uniform
            && all_lens[0] <= 4
            && !right_rest.is_empty()
            && !matches!(right_rest[0], '等' | '的' | '和' | '与' | '及' | '为' | '“')
            // (A head that joins another, 重点|工业产品和特种设备安全监管, leaves the last item
            // cut short.)
            && !head_part.iter().any(|c| matches!(c, '和' | '与' | '及'))
            // (…and one that modifies another noun, 文化|发展的具体情况, is no head of theirs;
            // a noun before the 的 is, 国家、部门、地方|重点科技创新平台|的梯次布局.)
            && (head_part.len() == right_rest.len()
                || (head_part.len() >= 2
                    && super::cut::segmenter()
                        .is_some_and(|sg| sg.ends_on_noun(&string_of(head_part)))))
            && {
                let first = &s[chunks[0].0..chunks[0].1];
                let before = &first[..first.len().saturating_sub(items[0].len())];
                let word = |t: &[char]| super::cut::char_boundaries(t).len() == 2;
                !["一些", "部分", "个别", "有的", "少数", "某些"]
                    .iter()
                    .any(|w| ends_with(before, w))
                    && items.first().is_some_and(|x| word(x))
                    && items.last().is_some_and(|x| word(x))
            }
            && super::cut::segmenter().is_some_and(|sg| sg.opens_on_noun(&string_of(&right_rest[..right_rest.len().min(6)])));
        if factored {
            score += 2;
        }
        // Words that differ only in a numeral (二中、三中、四中全会) are an ordinal run.
        let ordinal = all_uniform
            && (0..all_lens[0]).all(|k| {
                items.iter().all(|x| x[k] == items[0][k])
                    || items
                        .iter()
                        .all(|x| cn_number(&x[k..=k], true).is_some() || x[k].is_ascii_digit())
            });
        if ordinal {
            continue;
        }
        // A list of people (…袁家军同志) is a roll call, not a list to learn.
        if right_rest.starts_with(&['同', '志']) {
            continue;
        }
        // …and so is a list that opens on a number of places (31个省、自治区、直辖市); a name
        // with a digit (5G网络) is no count.
        if items[0].first().is_some_and(char::is_ascii_digit) && count_at(&items[0], 0).is_some() {
            continue;
        }
        if items.len() >= 4 {
            score += 1;
        }
        // Two-character words (产业、财政、金融…) make a list only when it is long and named,
        // or when 的 names what they are together (开放、包容、普惠的合作格局: 等 closes a run
        // of examples, 的 a set of qualities)…
        if all_lens.iter().all(|l| *l <= 2)
            && !(summary.is_some() && (items.len() >= 5 || right_rest.first() == Some(&'的')))
            // …a long run closed by 等 (…、环保、监管等政策协同以及…), whatever follows it…
            && !(right_rest.first() == Some(&'等') && items.len() >= 5)
            // …a run closed by 等 and a quantity of one kind (法律、经济、技术、行政等多种手段):
            // the writer counts them as means of one kind…
            && !(right_rest.first() == Some(&'等') && counts_a_kind(&right_rest[1..]))
            // …or a run closed by 等 and the kind they are (财政、税收、金融|等政策)…
            && !of_kind
            // …or a run the writer names as aspects or fields (自然、经济、文化等方面)…
            && !["等方面", "等领域", "等环节"].iter().any(|w| starts_with(&right_rest, 0, w))
            // …or the stages of one whole (生产、分配、流通、消费|各个环节)…
            && !spanned
            // …or the parties to one joint action (政府、学校、家庭、社会共同参与的…机制).
            && !(all_uniform && ["共同", "协同"].iter().any(|w| starts_with(&right_rest, 0, w)))
            // …or a head of two or three characters that ends the clause (蓝天、碧水、净土
            // 保卫战; 机构、职能、权限、程序、责任法定化).
            && !(all_uniform
                && (2..=3).contains(&right_rest.len())
                && !matches!(right_rest[0], '等' | '的' | '和' | '与' | '及'))
            && !(one_affix && all_uniform)
            && !factored
            // …or qualities of one noun (安全、可靠、互备的通信链路), or the role they play
            // together (以A、B、C为导向).
            && !qualities
            && !role_frame
        {
            continue;
        }
        // The series is the point of its clause when little stands before it.
        let left_len = items[0].len().max(1);
        let clause_left = (chunks[0].1 - chunks[0].0).saturating_sub(left_len);
        // …or when a modal opens it right before the items and they end the clause (各部门
        // 要|齐抓共管、压实责任、形成合力): the series is all the clause says.
        let before_items = chunks[0].1.saturating_sub(left_len);
        let after_modal = before_items > chunks[0].0
            && matches!(s[before_items - 1], '要' | '应' | '须')
            && right_rest.is_empty();
        if clause_left <= 6 || after_modal {
            score += 1;
            // …and it fills the clause: nothing after it but a head noun they share
            // (着力保基本、兜底线、促公平; …和服务型政府建设).
            if summary.is_none() && right_rest.len() <= 4 {
                score += 1;
            }
        }
        // A series in brackets of its own spells out what stands before them (“四好农村路”
        // （建好、管好…）): the writer set it apart as a list.
        if inside.is_some() {
            score += 1;
        }
        // Below the bar the series is dropped (`implicit_lists`): no name to build for it.
        // One point short, it stands when its items are cleanly cut ([`clean_items`]).
        if score < SERIES_MIN_SCORE - 1 {
            continue;
        }
        // A list of places (赴北京、成都、广州等地) or people (毛泽东、刘少奇…等老一辈革命家) is a
        // roll, like a list of people named as 同志 above (tagged
        // only for the series that score: tagging is costly).
        if items.iter().all(|x| x.len() <= 4)
            && super::cut::segmenter().is_some_and(|sg| {
                // (In a long roll, one name the tagger does not know, 任弼时, leaves it a
                // roll; a short one is a roll only when every item is a name.)
                let spare = usize::from(items.len() >= 5);
                items
                    .iter()
                    .filter(|x| !sg.is_name(&string_of(x)))
                    .nth(spare)
                    .is_none()
            })
        {
            continue;
        }
        let mut items = items;
        // (Brackets fix both edges: the first item opens at （ and the last closes at ）.)
        if quoted.is_none() && inside.is_none() {
            mend_series_edges(
                s,
                (a, b),
                (chunks[0], chunks[k - 1]),
                &mut items,
                &mut right_rest,
            );
        }
        // Siblings that open alike on two characters (质量工程师、质量技术能手) say where the
        // first item opens (重视|质量经理) — when the opening stands once in each (not 中国速度向
        // 中国质量转变). (After scoring: the cut changes what is kept no more than the others.)
        let p2 = common_prefix(&items[1..]);
        if p2 == 2 {
            let open: Vec<char> = items[1][..2].to_vec();
            let at = |t: &[char]| {
                (0..t.len().saturating_sub(1))
                    .filter(|i| t[*i..].starts_with(&open))
                    .collect::<Vec<_>>()
            };
            if items[1..].iter().all(|x| at(x).len() == 1) {
                if let [i] = at(&items[0])[..] {
                    // (Only after a verb or preposition: 一流|科技人才 keeps its modifier.)
                    let after_verb = i > 0
                        && (LEFT_CUTS.iter().any(|w| ends_with(&items[0][..i], w))
                            || super::cut::segmenter().is_some_and(|sg| {
                                let head = string_of(&items[0][..i]);
                                sg.last_verb_end(&string_of(&items[0])) == Some(head.len())
                            }));
                    if after_verb && items[0].len() - i > 2 {
                        items[0].drain(..i);
                    }
                }
            }
        }
        // A verb of two characters opening the first item governs the series when the other
        // items are no actions (坚持|党的领导、人民当家作主…; not 加快建设…、推进…).
        // (The verb a word of its own, not 发展|规划's first half; what is left more than a
        // word or the head the items share; the item no quoted name.)
        // (A modal before the verb goes with it: 要|讲好|党的故事.)
        // (Whether an item after the first opens on a verb: then all are actions.)
        let others_act = || {
            super::cut::segmenter()
                .is_none_or(|sg| items[1..].iter().any(|x| sg.opens_with_verb(&string_of(x))))
        };
        let strip_verb = items.first().is_some_and(|first| {
            let m = usize::from(matches!(first.first(), Some('要' | '应' | '须')));
            // (…after a manner adverb at most: 联合|组建A、B、C.)
            let lead = &s[a..chunks[0].1.saturating_sub(first.len())];
            let opens_clause = chunks[0].0 == a
                && s[a..chunks[0].1].ends_with(first)
                && (lead.is_empty()
                    || ADVERBS_OF_MANNER
                        .iter()
                        .chain(&MANNER_MORE)
                        .any(|w| string_of(lead) == *w));
            opens_clause
                && first.len() > m + 2
                && (DOING_VERBS.iter().any(|w| starts_with(first, m, w))
                    || super::cut::segmenter()
                        .is_some_and(|sg| sg.opens_with_verb(&string_of(&first[m..]))))
                && !others_act()
        });
        if let Some(first) = items.first_mut() {
            let m = usize::from(matches!(first.first(), Some('要' | '应' | '须')));
            // (…or any verb of two characters that opens its clause, 突破|燃料电池、高效驱动
            // 电机…, when no other item opens on a verb: a later clause starts on its verb. 研发
            // and 研制 are tagged no verb.)
            let governed = LEFT_CUTS
                .iter()
                .chain(super::shape::GOVERNING.iter())
                .any(|w| w.chars().count() == 2 && starts_with(first, m, w))
                || strip_verb;
            // (…or a verb and its result, 讲好|党的故事、革命的故事, when no other item has one:
            // no tagger needed.)
            // (A verb of doing before 好, not 良好; and items on a shared ending.)
            let result = first.get(m + 1) == Some(&'好')
                && matches!(
                    first.get(m),
                    Some('讲' | '用' | '做' | '办' | '管' | '建' | '守' | '走' | '抓' | '干')
                )
                && suffix >= 2
                && middle.iter().all(|x| x.get(1) != Some(&'好'));
            if (governed || result)
                && first.len() >= m + 5
                && first.len() > m + suffix + 2
                && first[m + 2] != '“'
                && super::cut::char_boundaries(first).contains(&(m + 2))
                && (result
                    || super::cut::segmenter()
                        .is_some_and(|sg| !sg.opens_with_verb(&string_of(&middle[0]))))
            {
                first.drain(..m + 2);
            }
        }
        if score < SERIES_MIN_SCORE {
            if quoted.is_some() || !clean_items(s, (chunks[0], chunks[k - 1]), k, &items) {
                continue;
            }
            score = SERIES_MIN_SCORE;
        }
        // A first item never starts inside a quotation (弘扬以“新农人|”精神): it opens at the
        // quote. (After scoring, like the cuts above.)
        let open_quotes = |t: &[char]| {
            t.iter().filter(|c| **c == '“').count() < t.iter().filter(|c| **c == '”').count()
        };
        let head = &s[chunks[0].0..chunks[0].1];
        if open_quotes(&items[0]) && head.ends_with(&items[0]) {
            if let Some(q) = head[..head.len() - items[0].len()]
                .iter()
                .rposition(|c| *c == '“')
            {
                items[0] = head[q..].to_vec();
            }
        }
        // The quote closing a quoted series is no part of what follows it (“A、B、C”的方针).
        if right_rest.first() == Some(&'”') {
            right_rest.remove(0);
        }
        // 以|A、B和C|为…: the frame brackets the items, so the first one starts right after 以
        // (以日常生活劳动、生产劳动…为主要内容), whatever length its siblings have.
        if quoted.is_none()
            && right_rest.first() == Some(&'为')
            && s[..chunks[0].1].ends_with(&items[0])
        {
            let end = chunks[0].1 - items[0].len();
            let lo = end.saturating_sub(3).max(chunks[0].0 + 1);
            if let Some(y) = (lo..end).rev().find(|k| {
                s[*k] == '以' && !matches!(s[*k - 1], '加' | '予' | '难' | '所' | '足' | '得')
            }) {
                let mut whole = s[y + 1..end].to_vec();
                whole.extend_from_slice(&items[0]);
                items[0] = whole;
            }
            // (…and the 以 the first item took in is the frame's: 弘扬|以抗洪精神、….)
            if items[0].len() > 3
                && items[0][0] == '以'
                && items[1..].iter().all(|x| x.first() != Some(&'以'))
            {
                items[0].remove(0);
            }
        }
        // 产品质量法、标准化法、计量法等26部法律法规: examples of a larger whole the text
        // counts, no list to learn whole.
        if right_rest.first() == Some(&'等') && counts_other_than(&right_rest[1..], items.len()) {
            continue;
        }
        let summary = summary_after(&right_rest);
        let lead_left: String = s[a..chunks[0].0].iter().collect::<String>()
            + &s[chunks[0].0..chunks[0].1].iter().collect::<String>();
        let left = if quoted.is_some() {
            s[a..chunks[0].0].iter().collect::<String>()
        } else {
            lead_left
                .chars()
                .take(lead_left.chars().count().saturating_sub(items[0].len()))
                .collect::<String>()
        };
        let parts: Vec<(String, u32)> = items.iter().map(|x| (string_of(x), p.line(a))).collect();
        let sent = (sentence_start(s, a), p.sentence_end(a));
        let mut l = implicit(p, "、", "", parts, p.line(a), p.text(sent.0, sent.1));
        let n = l.items.len();
        let left = left.trim_matches(|c: char| matches!(c, '，' | '。' | '“'));
        // A copula that opens the clause before a preposition (…，是|根据我国发展|阶段、…) links
        // it to the sentence's subject: no part of the series' frame.
        let left = match left.strip_prefix('是') {
            Some(rest)
                if ["根据", "按照", "依据", "为了", "基于"]
                    .iter()
                    .any(|w| rest.starts_with(w)) =>
            {
                rest
            }
            _ => left,
        };
        // What a clause denies (不是要求…搞A、B、C的…) is not a list to learn.
        // A negation right before the series denies it too (结论不|替代A、B、C等的判断).
        if ["不是", "并非", "不要", "不能", "绝不"]
            .iter()
            .any(|w| left.starts_with(w))
            || ["不", "不得", "不能", "不再", "不会"]
                .iter()
                .any(|w| left.ends_with(w))
        {
            continue;
        }
        // 它/其 stands for the subject of the sentence before (…，新质生产力是…。它由…).
        let resolved = left.strip_prefix(['它', '其']).and_then(|rest| {
            let prev = p
                .sentences_before(sentence_start(s, a))
                .into_iter()
                .next()?;
            let head = prev.split('是').next().filter(|h| h.len() < prev.len())?;
            let subject = head.rsplit('，').next()?;
            (2..=8)
                .contains(&subject.chars().count())
                .then(|| format!("{subject}{rest}"))
        });
        // A copula before the series (…必须是|A、B、C|的法治体系): the items describe the noun.
        let copula = left.ends_with('是');
        let left = name_left(resolved.as_deref().unwrap_or(left));
        // The series' own name: what it is the object of, and the noun that sums it up
        // (全球产业体系…呈现|A、B、C、D|的态势 → …呈现的四个态势; 贯彻|A、B、C和D|的方针 with
        // items that share 就业 → 就业方针). With no name, the finishing pass decides.
        let shared = common_suffix(&items);
        let shared: String = items[0][items[0].len() - shared.min(items[0].len())..]
            .iter()
            .collect();
        let shared = (shared.chars().count() >= 2).then_some(shared).or_else(|| {
            // A suffix all items but one share (劳动者自主就业、市场调节就业、政府促进就业和鼓励创业).
            let tails: Vec<String> = items
                .iter()
                .filter(|x| x.len() >= 4)
                .map(|x| x[x.len() - 2..].iter().collect())
                .collect();
            tails
                .iter()
                .find(|t| tails.iter().filter(|u| u == t).count() + 1 >= n && n >= 3)
                .cloned()
        });
        // A quantity they share (国家标准4万多项、行业标准7.8万多项) is no kind of thing.
        let quantity = |w: &String| {
            w.starts_with(['多', '余'])
                || w.chars()
                    .any(|c| c.is_ascii_digit() || matches!(c, '万' | '亿' | '%'))
        };
        let shared = shared
            .filter(|w| !quantity(w))
            .and_then(|w| suffix_at_word(&items[0], w));
        let subject_left = strip_verbs(left);
        let named = summary
            .as_ref()
            .and_then(|(i, _)| summary_name(&right_rest[*i..]));
        // A 等 that closes the series names nothing by itself (…循环经济促进法等，…).
        if named.is_none() && matches!(right_rest[..], ['等'] | ['等', '等']) {
            right_rest.clear();
        }
        // 对|A、B、C|发挥了重要作用: what the sentence's subject (the first noun phrase of four
        // characters or more a clause opens with: 总的看|我国科技事业不断发展 → 我国科技事业) did
        // for them names them.
        if let Some((verb, obj)) = contribution(&right_rest).filter(|_| matches!(left, "对" | "为"))
        {
            let before = p.text(sent.0, a);
            let owner = before.split(['，', '：']).find_map(|c| {
                let k = super::cut::segmenter().map_or(0, |sg| sg.leading_nouns(c));
                let o = c.get(..k)?;
                (o.chars().count() >= 4).then(|| o.to_string())
            });
            l.prompt = format!(
                "{}{verb}{obj}的{}个方面",
                owner.unwrap_or_default(),
                cn_numeral(n, true)
            );
            out.push((score, l));
            continue;
        }
        // Laws named by their …法 (节约能源法、电力法、煤炭法) are counted as the exam books count
        // them: 抓紧修订的五部法律.
        if named.is_none() && !left.is_empty() && items.iter().all(|x| names_a_law(x)) {
            l.prompt = format!("{left}的{}部法律", cn_numeral(n, true));
            out.push((score, l));
            continue;
        }
        // Qualities of one noun (…、市场化|的…转化体系基本建成): its features, however the
        // clause goes on.
        if qualities {
            let rest = string_of(&right_rest[1..]);
            let k = super::cut::segmenter().map_or(0, |sg| sg.noun_before_predicate(&rest));
            let noun = rest.get(..k).unwrap_or_default();
            // (Only before what is said of it, …体系|基本建成: a noun that ends the clause is
            // named below, with what governs it.)
            let said =
                crate::segment::Segmenter::opens_on_degree(rest.get(k..).unwrap_or_default());
            if said && (4..=14).contains(&noun.chars().count()) {
                l.prompt = format!("{noun}的{}个特征", cn_numeral(n, true));
                out.push((score, l));
                continue;
            }
        }
        let frame = Frame {
            left,
            right: &right_rest,
            named: named.as_deref(),
            copula,
            before: &s[..a],
            after: s.get(b..).unwrap_or_default(),
            affix: class_affix(&items),
            items: &items,
        };
        // 以|A、B、C等|为代表的X: the items stand for X, as the text says (以……为代表的X).
        let represented = ["等为代表的", "为代表的"]
            .iter()
            .find_map(|w| string_of(&right_rest).strip_prefix(w).map(noun_only))
            .filter(|x| x.chars().count() >= 2);
        if let Some(x) = represented {
            l.prompt = with_count(&format!("以……为代表的{x}"), n);
            out.push((score, l));
            continue;
        }
        // A quoted label right after the items that counts them (集中患者、…、集中救治“四集中”
        // 原则) is their name, with the kind it names (原则, not a verb such as 联动).
        if let Some(name) = label_after(&right_rest, n) {
            l.prompt = name;
            out.push((score, l));
            continue;
        }
        // A series that opens its clause before the head it factors out (智能、平安、绿色、共享|
        // 交通发展水平明显提高) is named by the rest of the clause: 交通发展水平明显提高的四个方面.
        if factored && left.is_empty() && named.is_none() && (4..=12).contains(&right_rest.len()) {
            l.prompt = format!("{}的{}个方面", string_of(&right_rest), cn_numeral(n, true));
            out.push((score, l));
            continue;
        }
        // …and so is one whose head a 的 joins to another noun (加强|国家、部门、地方|重点科技
        // 创新平台的梯次布局): 重点科技创新平台的梯次布局的三个方面.
        // (A head of a word, 气候、环境、水文、地质|特点的…, is their kind: named below.)
        let de_at = right_rest.iter().position(|c| *c == '的');
        if factored && de_at.is_some_and(|d| d >= 4) && (6..=20).contains(&right_rest.len()) {
            l.prompt = format!("{}的{}个方面", string_of(&right_rest), cn_numeral(n, true));
            out.push((score, l));
            continue;
        }
        // 不同行业、不同区域、不同群体|间数字鸿沟未有效弥合: what stands between the items is
        // what the clause is about (数字鸿沟未有效弥合的三个方面).
        let between = ["之间", "间"]
            .iter()
            .find_map(|w| string_of(&right_rest).strip_prefix(w).map(str::to_string))
            .filter(|r| (4..=12).contains(&r.chars().count()) && !r.contains('的'));
        if let Some(r) = between.filter(|_| named.is_none()) {
            l.prompt = format!("{r}的{}个方面", cn_numeral(n, true));
            out.push((score, l));
            continue;
        }
        if let Some(name) = frame_name(&frame, n) {
            l.prompt = name;
            out.push((score, l));
            continue;
        }
        if let Some(name) = noun_after_series(&items, left, &right_rest, shared.as_deref()) {
            l.prompt = name;
            out.push((score, l));
            continue;
        }
        // Objects of one verb that open on one modifier (打造|一流设施、一流技术、一流管理) are
        // counted by it, as the exam books count them: 打造的三个“一流”.
        if let Some(name) = counted_by_opening(&items, left, &right_rest) {
            l.prompt = name;
            out.push((score, l));
            continue;
        }
        // Items the clause joins (推进|A、B、C|融合发展) are named by what is done to them
        // together: 推进融合发展的三个方面.
        if named.is_none() && !left.is_empty() && is_joint(&right_rest) {
            let joint = string_of(&right_rest);
            l.prompt = format!("{left}{joint}的{}个方面", cn_numeral(n, true));
            out.push((score, l));
            continue;
        }
        // 发挥|A优势、B优势、C优势|，提高X: what the series serves is the next clause's
        // (提高X要发挥的三个优势).
        if let Some(name) = shared
            .as_deref()
            .filter(|_| named.is_none() && right_rest.is_empty())
            .and_then(|w| for_purpose(left, w, s.get(b..).unwrap_or_default(), n))
        {
            l.prompt = name;
            out.push((score, l));
            continue;
        }
        match &named {
            Some(noun) => {
                // 发挥其在|A、B、C等|方面的积极作用: the series is the object of a preposition,
                // and the count stands in its place (发挥其在三个方面的积极作用; 满足人民对六个
                // 方面日益增长的要求).
                let prep = ["在", "对", "与", "同", "向", "从", "于"]
                    .iter()
                    .any(|w| left.ends_with(w))
                    && left.chars().count() >= 3;
                let clause: String = right_rest
                    .iter()
                    .skip_while(|c| **c == '等')
                    .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？'))
                    .collect();
                let in_place = prep
                    && !clause.starts_with('的')
                    && clause.starts_with(noun.as_str())
                    && (3..=12).contains(&clause.chars().count());
                // 素质优良、总量充裕…的|现代化人力资源: what the one noun is like, not kinds
                // of it (never 四个现代化人力资源).
                // Only a noun of four characters or more that ends the clause: a short one
                // (发挥…的作用) or one the clause goes on from (…的督查检查考核减下来) is not
                // what the items describe.
                let describing = right_rest.first() == Some(&'的')
                    && noun.chars().count() >= 4
                    && clause.strip_prefix('的') == Some(noun.as_str())
                    && super::cut::segmenter().is_some_and(|sg| {
                        // (A noun phrase may hold an activity of its own: 全球治理体系.)
                        (sg.is_noun_phrase(noun) || sg.is_compound_noun(noun))
                            && 2 * l.items.iter().filter(|i| sg.describes(&i.key)).count() >= n
                    });
                // 对|A、B、C等|进行综合研判: what is done to the items names them, with the
                // doer before the preposition (辅助招标人综合研判的三个方面).
                let done = ["进行", "开展", "加以", "予以"]
                    .iter()
                    .find_map(|v| clause.strip_prefix(v))
                    .filter(|a| (2..=8).contains(&a.chars().count()));
                let doer = left.char_indices().last().map_or("", |(k, _)| &left[..k]);
                // …A、B、C等|方面的经验做法: the aspects of what the clause names.
                let aspects_of = noun
                    .strip_prefix("方面的")
                    .filter(|x| x.chars().count() >= 2 && !prep);
                // …等多种手段: the quantity says what kind the items are and how they are
                // counted (四种手段); a means verb (综合运用) is for the end its next clause
                // names (综合运用A、B、C等多种手段，加大X力度 → 加大X力度：综合运用的四种手段).
                let counted = quantified_kind(noun);
                let purpose = || {
                    // The means verb with the adverb before it (综合运用), not the clause's
                    // subject or modal (城市治理要|综合运用).
                    let v = ["运用", "采取", "采用", "利用", "借助", "通过"]
                        .iter()
                        .find(|v| left.ends_with(*v));
                    let verb = v.map_or("", |v| {
                        let bare = &left[..left.len() - v.len()];
                        match ["综合", "统筹", "充分", "灵活", "广泛", "有效"]
                            .iter()
                            .find(|a| bare.ends_with(*a))
                        {
                            Some(a) => &left[left.len() - v.len() - a.len()..],
                            None => &left[left.len() - v.len()..],
                        }
                    });
                    let means = !verb.is_empty();
                    let after = s.get(b..).unwrap_or_default();
                    let end: String = after
                        .iter()
                        .skip(1)
                        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | '！' | '？'))
                        .collect();
                    (means
                        && after.first() == Some(&'，')
                        && (4..=16).contains(&end.chars().count()))
                    .then(|| (verb.to_string(), end))
                };
                // 促进|A、B、C等|政策与X政策协同: examples of a kind (等政策) in a clause that
                // goes on to join them with something else are counted as that kind, with what
                // is done with them (促进与X政策协同的三类政策).
                let joined = (right_rest.first() == Some(&'等'))
                    .then(|| clause.strip_prefix(noun.as_str()))
                    .flatten()
                    .filter(|rest| {
                        rest.starts_with(['与', '同'])
                            && (4..=16).contains(&rest.chars().count())
                            && ["协同", "衔接", "配合", "结合", "融合", "联动", "对接"]
                                .iter()
                                .any(|v| rest.ends_with(v))
                    });
                // 统筹|A、B、C等|基础设施规划建设: examples of a kind (基础设施) before an
                // activity on them (规划建设) are counted as that kind, with the activity:
                // 统筹规划建设的三类基础设施.
                let kind_then_activity =
                    (right_rest.first() == Some(&'等') && clause == *noun && !left.is_empty())
                        .then(|| kind_and_activity(noun))
                        .flatten();
                l.prompt = if let Some(rest) = joined.filter(|_| !left.is_empty()) {
                    format!("{left}{rest}的{}类{noun}", cn_numeral(n, true))
                } else if let Some((kind, activity)) = kind_then_activity {
                    format!("{left}{activity}的{}类{kind}", cn_numeral(n, true))
                } else if let Some((measure, kind)) = counted {
                    let num = cn_numeral(n, true);
                    match purpose() {
                        Some((verb, end)) => format!("{end}：{verb}的{num}{measure}{kind}"),
                        None if !left.is_empty() => format!("{left}的{num}{measure}{kind}"),
                        None => format!("{num}{measure}{kind}"),
                    }
                } else if let Some(name) =
                    for_purpose(left, noun, s.get(b..).unwrap_or_default(), n)
                {
                    name
                } else if let Some((noun, pred)) =
                    predicate_of_kind(noun, &clause).filter(|_| !left.is_empty())
                {
                    // …不平衡、不充分、不规范的问题|较为突出: what the clause says of the
                    // kind names it (发展较为突出的三个问题); after a bare preposition the kind
                    // is what is said (对|A、B、C、D|的支撑作用进一步凸显 → 支撑作用进一步凸显的
                    // 四个方面).
                    let num = cn_numeral(n, true);
                    if matches!(left, "对" | "为" | "在" | "从" | "于") {
                        format!("{noun}{pred}的{num}个方面")
                    } else {
                        format!("{left}{pred}的{num}个{noun}")
                    }
                } else if left.ends_with("作为") && left.chars().count() >= 4 {
                    // 质量作为|A、B、C|的关键要素: the items are what the subject is that for.
                    format!("{left}{noun}的{}个方面", cn_numeral(n, true))
                } else if let Some(action) = done.filter(|_| prep) {
                    format!("{doer}{action}的{}个方面", cn_numeral(n, true))
                } else if let Some(x) = aspects_of {
                    format!("{left}{x}的{}个方面", cn_numeral(n, true))
                } else if describing {
                    format!("{noun}的{}个特征", cn_numeral(n, true))
                } else if in_place {
                    format!("{left}{}个{clause}", cn_numeral(n, true))
                } else if !left.is_empty()
                    && noun.chars().count() >= 4
                    && ["作为", "用作", "用于"].iter().any(|v| noun.starts_with(v))
                {
                    // What they serve as (…、草场等|作为学农实践基地) is no kind of theirs.
                    with_count(&format!("{left}……{noun}"), n)
                } else if let Some(o) = (right_rest.first() == Some(&'等') && clause == *noun)
                    .then(|| later_clause_owner(&l, left, noun, sentence_start(s, a) < a))
                    .flatten()
                {
                    // 推动X发展，突破|A、B、C等|关键技术: a later clause opened by its verb names
                    // members of a kind, and the clause the sentence opens with owns them
                    // (推动X发展：突破的三类关键技术).
                    format!("{o}：{left}的{}类{noun}", cn_numeral(n, true))
                } else if subject_left.chars().count() >= 4 {
                    format!("{left}的{}个{noun}", cn_numeral(n, true))
                } else if let Some(w) = shared.as_ref().filter(|w| !noun.contains(w.as_str())) {
                    // (What is done to them, 推动|A战略、B战略等|深度融合, is no noun of theirs:
                    // 推动深度融合的三个战略.)
                    // (The items are kinds of it, not clauses on it: 政府重视质量.)
                    let acted_on = !left.is_empty()
                        && super::cut::segmenter().is_some_and(|sg| {
                            !sg.is_noun_phrase(noun)
                                && l.items.iter().all(|i| !sg.ends_on_object(&i.key))
                        });
                    if acted_on {
                        format!("{left}{noun}的{}个{w}", cn_numeral(n, true))
                    } else {
                        with_count(&format!("{w}{noun}"), n)
                    }
                } else if !left.is_empty() && matches!(noun.as_str(), "发展" | "建设") {
                    // An activity after 等 (推动|A、B、C等|发展) is what is done, no kind of the
                    // items: 推动发展的三个方面.
                    format!("{left}{noun}的{}个方面", cn_numeral(n, true))
                } else if noun.chars().count() <= 3
                    && (governs(left)
                        || left.ends_with('好')
                        // (A verb of putting means or rules in place: 采取|A、B、C等|措施.)
                        || (MEANS_VERBS.contains(&left)
                            && super::cut::segmenter().is_some_and(|sg| sg.is_noun_phrase(noun))))
                {
                    // A short noun after its verb (处理好|A、B、C|的关系 → 处理好的三个关系).
                    format!("{left}的{}个{noun}", cn_numeral(n, true))
                } else {
                    with_count(noun, n)
                };
            }
            None => {
                // A verb with a manner adverb (联合组建|A、B、C等) in a later clause: the clause
                // the sentence opens with owns what it does (looked up once, for the arm below).
                let adverbed_owner = (right_rest.is_empty()
                    && left.chars().count() >= 4
                    && sentence_start(s, a) < a
                    && verb_alone(left))
                .then(|| first_clause_owner(&l))
                .flatten();
                match &shared {
                    // A shared ending is the category (…转变 ×3 → 三个转变).
                    // (An ending that opens on 的 counts without it: 党的故事 ×4.)
                    Some(w)
                        if l.items.iter().all(|i| {
                            i.key.chars().count() >= w.trim_start_matches('的').chars().count() + 2
                        }) =>
                    {
                        // A head they share after the last item stays with them (几个政府|建设).
                        let mut head: String = if (1..=3).contains(&right_rest.len()) {
                            right_rest.iter().collect()
                        } else {
                            String::new()
                        };
                        // …差距、…差距、收入分配|差距: the ending the others share is the last
                        // item's own, cut off by the series' uniform length; it goes back to it.
                        if head == *w {
                            if let Some(last) = l.items.last_mut() {
                                if !last.key.ends_with(w.as_str()) {
                                    last.key.push_str(w);
                                }
                                if !last.full.contains(last.key.as_str()) {
                                    last.full = last.key.clone();
                                }
                            }
                            head.clear();
                        }
                        // A shared ending that opens on 者 (多劳者多得、技高者多得) is a predicate
                        // about people: it is counted by the predicate.
                        let w = match w.strip_prefix('者') {
                            Some(pred) if pred.chars().count() >= 2 => pred.to_string(),
                            _ => w.clone(),
                        };
                        // …的故事 ×4: the noun is the category, its 的 none (四个故事).
                        let w = match w.strip_prefix('的') {
                            Some(noun) if noun.chars().count() >= 2 => noun.to_string(),
                            _ => w,
                        };
                        // A modifier between the verb and the series (支持通用|基础软件、工业软件)
                        // describes every item: it goes with the category, after the count (支持的
                        // 四个通用软件, never 支持通用四个软件).
                        // (Only a verb that is a word of the clause, and only before items that are
                        // nouns: in 坚持法治|为了人民、依靠人民 the words between are a subject.)
                        let nouns = super::cut::segmenter()
                            .is_some_and(|sg| l.items.iter().all(|i| !sg.opens_with_verb(&i.key)));
                        let bounds = if nouns {
                            super::cut::boundaries(left)
                        } else {
                            Vec::new()
                        };
                        let split = super::shape::GOVERNING
                            .iter()
                            .filter_map(|v| left.rfind(v).map(|at| (at, at + v.len())))
                            .filter(|(at, end)| {
                                bounds.binary_search(at).is_ok()
                                    && bounds.binary_search(end).is_ok()
                            })
                            .map(|(_, end)| end)
                            .max()
                            .filter(|end| {
                                let m = &left[*end..];
                                (1..=3).contains(&m.chars().count())
                                    && !m.contains(['的', '地', '和', '与', '同', '及'])
                            });
                        // A verb alone before them in a later clause (加强个人信息保护，规范|身份信息、
                        // 隐私信息、生物特征信息): the clause the sentence opens with owns them, as
                        // it owns the aspects of a verb alone below.
                        // (One word opening a later clause before its objects is their verb,
                        // whatever jieba tags it: 规范 is tagged a noun.)
                        let owner = (head.is_empty()
                            && right_rest.is_empty()
                            && (2..=4).contains(&left.chars().count())
                            && verb_alone(left))
                        .then(|| first_clause_owner(&l))
                        .flatten();
                        match (owner, split) {
                            (Some(o), _) => {
                                l.prompt = format!("{o}：{left}的{}个{w}", cn_numeral(n, true));
                            }
                            (None, Some(end)) => {
                                l.lead = format!("{}的几个{}{w}{head}", &left[..end], &left[end..]);
                            }
                            (None, None) => l.lead = format!("{left}几个{w}{head}"),
                        }
                    }
                    // A head shared after the last item goes into the prompt (推动制造业|高端化、
                    // 智能化、绿色化|发展 → 推动制造业发展的三个方面).
                    _ if left.chars().count() >= 2 && (1..=4).contains(&right_rest.len()) => {
                        let right: String = string_of(&right_rest);
                        l.prompt = format!("{left}{right}的{}个方面", cn_numeral(n, true));
                    }
                    // Items coined on one affix are named by it, as the genre counts them (增强立法
                    // |系统性、整体性、协同性 → 增强立法的三个“性”; 推动|进教材、进课堂、进头脑 →
                    // 推动的三个“进”).
                    // (Not after a modal: 才能|办成事、办好事、办大事 is no 才能的三个“办”.)
                    _ if left.chars().count() >= 2
                        && right_rest.is_empty()
                        && !left.ends_with(['能', '会', '要', '应', '须', '可'])
                        && class_affix(&items).is_some() =>
                    {
                        let c = class_affix(&items).unwrap_or_default();
                        l.prompt = format!("{left}的{}个“{c}”", cn_numeral(n, true));
                    }
                    // 促进|医保、医疗、医药|协同发展和治理: a short verb and what the items do.
                    // A governing verb alone (着力|A、B、C): the finishing pass gives it an owner.
                    _ if governs(left) && right_rest.is_empty() => {
                        l.prompt = format!("{left}的{}个方面", cn_numeral(n, true));
                    }
                    // …and a verb with a manner adverb (联合组建|A、B、C等) in a later clause:
                    // the clause the sentence opens with owns what it does.
                    _ if adverbed_owner.is_some() => {
                        let o = adverbed_owner.as_deref().unwrap_or_default();
                        l.prompt = format!("{o}：{left}的{}个方面", cn_numeral(n, true));
                    }
                    _ if left.chars().count() >= 4
                        || (left.chars().count() >= 2 && (2..=10).contains(&right_rest.len())) =>
                    {
                        l.prompt = with_count(
                            format!("{left}……{}", string_of(&right_rest))
                                .trim_matches(|c: char| matches!(c, '，' | '。')),
                            n,
                        );
                    }
                    // A short verb (始终做|A、B、C) in a later clause: the clause the sentence
                    // opens with owns what it does.
                    _ => {
                        let owner = (!left.is_empty()
                            && !matches!(left, "我们" | "他们" | "大家" | "这些"))
                        .then(|| {
                            l.items
                                .first()
                                .and_then(|i| super::prompt::clause_owner(&l.passage, &i.key))
                        })
                        .flatten();
                        // A bare modal (要|重拳出击、整治到底、震慑到位) says what is required of
                        // the owner: its N点要求 (never 要的三个方面).
                        let modal_only = matches!(left, "要" | "必须" | "都要");
                        // An adverb alone (着力|保基本、兜底线、促公平; 切实|…) says how, not what: the
                        // owner's aspects.
                        let adverb_only = ADVERBS_OF_MANNER.contains(&left);
                        match owner {
                            Some(o) if modal_only => {
                                l.prompt = format!("{o}的{}点要求", cn_numeral(n, false));
                            }
                            Some(o) if adverb_only => {
                                l.prompt = format!("{o}的{}个方面", cn_numeral(n, true));
                            }
                            // A preposition (为|A、B、C|提供有力保障) frames what the clause does
                            // for the items: the gap and the verb after it say it.
                            Some(o)
                                if matches!(left, "为" | "向" | "对" | "给" | "从" | "在")
                                    && (2..=10).contains(&right_rest.len()) =>
                            {
                                l.prompt = format!(
                                    "{o}：{left}……{}的{}个方面",
                                    string_of(&right_rest),
                                    cn_numeral(n, true)
                                );
                            }
                            Some(o) => {
                                l.prompt = format!("{o}：{left}的{}个方面", cn_numeral(n, true))
                            }
                            None => {
                                let prev =
                                    p.sentences_before(a).into_iter().next().unwrap_or_default();
                                // A sentence before that is one more directive with no subject
                                // (要抓紧制定X。要坚持A、B、C) is a sibling, no owner: the paragraph's
                                // run-in head (第一，加强X顶层设计。) is.
                                let sibling =
                                    ["要", "必须", "应当"].iter().any(|m| prev.starts_with(m));
                                // (Only for a verb required of it: 要坚持|A、B、C.)
                                let required = ["要", "必须"].iter().any(|m| {
                                    left.strip_prefix(m).is_some_and(|v| v.chars().count() >= 2)
                                });
                                match run_in_head(p, s).filter(|_| sibling && required) {
                                    Some(h) => {
                                        l.prompt =
                                            format!("{h}{left}的{}个方面", cn_numeral(n, true));
                                    }
                                    None => l.lead = prev,
                                }
                            }
                        }
                    }
                }
            }
        }
        // A series named by its verb alone (统筹|A、B、C|治理) in the sentence right after its
        // paragraph's run-in head (推动X治理。…) belongs to that head, not to the clause its own
        // sentence opens with (the finishing pass's owner for sentences deeper in).
        let sentence_no = s[..sentence_start(s, a)]
            .iter()
            .filter(|c| matches!(c, '。' | '！' | '？'))
            .count();
        // A name of a verb and a short noun (制定|A、B、C|专项措施 → 制定专项措施的三个方面)
        // says too little there to stand without that head.
        let short_name = l.prompt.split_once('的').is_some_and(|(h, t)| {
            h.chars().count() <= 6 && count_at(&t.chars().collect::<Vec<_>>(), 0).is_some()
        });
        if sentence_no == 1
            && (super::prompt::needs_owner(&l.prompt) || short_name)
            && super::prompt::sentence_subject(&l.passage).is_none()
        {
            if let Some(head) = first_sentence_head(p, s) {
                // (The head replaces an owner the clause gave: 全面提升X能力：突破的四个技术.)
                let own = l
                    .prompt
                    .split_once('：')
                    .map_or(l.prompt.as_str(), |(_, r)| r);
                l.prompt = match bare_adverb(own) {
                    Some(rest) => format!("{head}的{rest}"),
                    None => format!("{head}：{own}"),
                };
            }
        }
        // An adverb alone before the count (着力|保基本、兜底线、促公平) names nothing: deeper
        // in, the clause the sentence opens with owns the items.
        // (A sentence with a subject of its own gets it in the finishing pass.)
        if let Some(rest) =
            bare_adverb(&l.prompt).filter(|_| super::prompt::sentence_subject(&l.passage).is_none())
        {
            let owner = l
                .items
                .first()
                .and_then(|i| super::prompt::clause_owner(&l.passage, &i.key));
            if let Some(o) = owner {
                l.prompt = format!("{o}的{rest}");
            }
        }
        out.push((score, l));
    }
    out
}

#[cfg(test)]
mod tests {
    fn run(v: &[&str]) -> Vec<Vec<char>> {
        v.iter().map(|s| s.chars().collect()).collect()
    }

    fn slices(v: &[Vec<char>]) -> Vec<&[char]> {
        v.iter().map(Vec::as_slice).collect()
    }

    fn para(text: &str) -> crate::corpus::Paragraph {
        crate::corpus::Paragraph {
            text: text.to_string(),
            line_map: vec![(0, 1)],
        }
    }

    fn series(text: &str) -> Vec<super::FoundList> {
        let p = para(text);
        let p = super::P::new(0, &p);
        super::dun_series(&p).into_iter().map(|(_, l)| l).collect()
    }

    fn keys(l: &super::FoundList) -> Vec<&str> {
        l.items.iter().map(|i| i.key.as_str()).collect()
    }

    /// The prompt of the series in `text` whose first item is `first`.
    fn prompt(text: &str, first: &str) -> String {
        let ls = series(text);
        ls.iter()
            .find(|l| keys(l).first() == Some(&first))
            .map(|l| l.prompt.clone())
            .unwrap_or_else(|| panic!("{text}: {ls:?}"))
    }

    /// 以|A、B、C|为主线 after a frame clause of aim (围绕X目标，…): the role is the kind, the
    /// aim its owner, and a line is counted by 条. A clause of time is no aim.
    #[test]
    fn a_role_after_a_frame_of_aim() {
        assert_eq!(
            prompt_of("围绕碳达峰碳中和目标，以动力清洁化、结构轻量化、能源管理智能化为主线，推动清洁能源应用。"),
            "围绕碳达峰碳中和目标的三条主线"
        );
        assert_ne!(
            prompt_of(
                "今年以来，以动力清洁化、结构轻量化、能源管理智能化为主线，推动清洁能源应用。"
            ),
            "今年以来的三条主线"
        );
        // A manner adverb before the verb leaves the items whole: 联合|组建A、B、C等.
        let ls = series("支持高校与企业整合优势资源，联合组建全国重点实验室、国家技术创新中心、国家工程研究中心等，解决瓶颈制约。");
        assert!(
            ls.iter()
                .any(|l| keys(l) == ["全国重点实验室", "国家技术创新中心", "国家工程研究中心"]),
            "{ls:?}"
        );
    }

    /// Items that open on one modifier before a 的 and a noun (无人机、无人车、无人仓的研发) are
    /// counted by it, with a short noun before them as whose they are.
    #[test]
    fn a_shared_opening_with_its_owner() {
        let text = "推进通用寄递编码，邮政快递无人机、无人车、无人仓的研发及试点应用。";
        assert_eq!(prompt(text, "无人机"), "邮政快递研发及试点应用的三个“无人”");
    }

    /// A verb that opens a later clause (突破|燃料电池、…) is no part of the first item; when
    /// another item opens on a verb too (赋能…、丰富…、提升…), all are actions and keep theirs.
    #[test]
    fn a_verb_opening_the_clause_governs_the_series() {
        let text = "推动新能源汽车研发，突破燃料电池、高效驱动电机、车路协同无线通信等技术。";
        let ls = series(text);
        assert!(
            ls.iter()
                .any(|l| keys(l) == ["燃料电池", "高效驱动电机", "车路协同无线通信"]),
            "{ls:?}"
        );
        let acts = "以数字变革推动发展，赋能经济发展、丰富人民生活、提升社会治理现代化水平。";
        let ls = series(acts);
        assert!(
            ls.iter().any(|l| keys(l).first() == Some(&"赋能经济发展")),
            "{ls:?}"
        );
    }

    #[test]
    fn deng_closes_a_series_wherever_it_stands() {
        // 等 in a middle chunk ends the series: the 、 after it belongs to another clause.
        let ls = series("在课程设置、教材编写、师资培训、考核评价等方面制定统一、明确的标准。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["课程设置", "教材编写", "师资培训", "考核评价"]);
        // 高等 is a word: its 等 closes nothing.
        assert_eq!(
            super::closing_deng(&"普通高等学校".chars().collect::<Vec<_>>()),
            None
        );
        assert_eq!(
            super::closing_deng(&"工会等组织".chars().collect::<Vec<_>>()),
            Some(2)
        );
    }

    fn copulas(text: &str) -> Vec<super::FoundList> {
        let p = para(text);
        let p = super::P::new(0, &p);
        super::copula_runs(&p)
    }

    #[test]
    fn what_a_subject_is_said_in_parallel_clauses_is_a_list() {
        let ls = copulas("实现碳达峰、碳中和，是党中央统筹国内国际两个大局作出的重大战略决策，是着力解决资源环境约束突出问题的必然选择，是构建人类命运共同体的庄严承诺。");
        let l = ls.first().expect("a run");
        assert_eq!(keys(l), ["重大战略决策", "必然选择", "庄严承诺"]);
        assert_eq!(l.prompt, "实现碳达峰、碳中和的三个定位");
        let ls = copulas("共同富裕是社会主义的本质要求，是中国式现代化的重要特征。");
        assert_eq!(
            ls.first().map(|l| l.prompt.as_str()),
            Some("共同富裕的两个定位")
        );
        let ls = copulas("把劳动素养评价结果作为衡量学生全面发展情况的重要内容，作为评优评先的重要参考和毕业依据，作为高一级学校录取的重要参考或依据。");
        let l = ls.first().expect("a run");
        assert_eq!(l.prompt, "劳动素养评价结果的三个用途");
        assert_eq!(keys(l)[1], "评优评先的重要参考和毕业依据");
        // Two bare nouns are a remark; a time or a connective is no subject; 但是 is no 是.
        assert!(copulas("《建议》是纲领性文件，是行动指南。").is_empty());
        assert!(copulas("今年是中华人民共和国成立75周年，是实现规划目标的关键一年。").is_empty());
        assert!(copulas("改革总是艰难的任务，是长期的过程，是全面的工程。").is_empty());
    }

    #[test]
    fn a_series_describing_one_noun_gives_its_features() {
        let ls = series(
            "要加快塑造素质优良、总量充裕、结构优化、分布合理的现代化人力资源，解决好矛盾。",
        );
        assert_eq!(
            ls.first().map(|l| l.prompt.as_str()),
            Some("现代化人力资源的四个特征")
        );
        // Kinds of things are no features of what follows them.
        let ls = series("要加强重大装备、特种设备、耐用消费品的售后服务能力建设。");
        assert!(
            ls.iter().all(|l| !l.prompt.contains("特征")),
            "{:?}",
            ls.first().map(|l| &l.prompt)
        );
        // Nor of a noun the clause goes on from (…的眼光看问题).
        let ls = series("关键是要用全面、辩证、长远的眼光看问题。");
        assert!(
            ls.iter().all(|l| !l.prompt.contains("特征")),
            "{:?}",
            ls.first().map(|l| &l.prompt)
        );
    }

    #[test]
    fn what_is_done_to_the_items_names_them() {
        let ls = series("辅助招标人对行业趋势、市场供需、资源要素等进行综合研判，提高质量。");
        assert_eq!(
            ls.first().map(|l| l.prompt.as_str()),
            Some("辅助招标人综合研判的三个方面")
        );
        // …等方面的X: the aspects of X.
        let ls = series("形成一批模型训练、场景应用、机制保障等方面的经验做法，促进发展。");
        assert!(
            ls.first()
                .is_some_and(|l| l.prompt.ends_with("经验做法的三个方面")),
            "{:?}",
            ls.first().map(|l| &l.prompt)
        );
        // A denied series is none (结论不替代A、B、C).
        let ls = series("模型生成的结论不替代招标人、招标代理机构、投标人、评标专家等的自主判断。");
        assert!(ls.is_empty(), "{:?}", ls.first().map(|l| &l.prompt));
    }

    #[test]
    fn a_preposition_opens_no_item() {
        let ls = series("基于招标需求、供应链管理、历史交易情况等，结合有关平台数据进行画像。");
        assert_eq!(
            ls.first().map(keys),
            Some(vec!["招标需求", "供应链管理", "历史交易情况"])
        );
    }

    #[test]
    fn laws_are_counted_as_laws() {
        let ls = series(
            "研究制定专项法律，抓紧修订节约能源法、电力法、煤炭法、可再生能源法、循环经济促进法等，增强针对性。",
        );
        assert_eq!(
            ls.first().map(|l| l.prompt.as_str()),
            Some("抓紧修订的五部法律")
        );
        // Methods and law-making are no laws.
        assert!(!super::names_a_law(&"工作方法".chars().collect::<Vec<_>>()));
        assert!(!super::names_a_law(&"科学立法".chars().collect::<Vec<_>>()));
    }

    #[test]
    fn examples_of_a_larger_counted_whole_are_no_list() {
        let ls = series("以产品质量法、标准化法、计量法等26部法律法规为主干的法律体系逐步形成。");
        assert!(ls.is_empty(), "{:?}", ls.first().map(|l| &l.prompt));
        // A count that is the items' own still names them.
        let ls = series("深入实施科教兴国战略、人才强国战略、创新驱动发展战略等三大战略。");
        assert_eq!(ls.first().map(keys).map(|k| k.len()), Some(3));
    }

    #[test]
    fn a_quantity_the_items_share_is_no_category() {
        let ls = series("发布国家标准4万多项、行业标准7.8万多项、地方标准6万多项。");
        assert!(
            ls.iter().all(|l| !l.prompt.contains("万多项")),
            "{:?}",
            ls.first().map(|l| &l.prompt)
        );
    }

    #[test]
    fn a_report_of_speech_in_semicolon_clauses_is_no_list() {
        let p = para("总书记深刻指出，要建设统一大市场；强调要完善市场制度规则；要千方百计把市场主体保护好。");
        let p = super::P::new(0, &p);
        assert!(super::colon_semicolon(&p).is_empty());
        // Clauses of one kind still are.
        let p = para("坚持创新发展，增强动力；坚持协调发展，补齐短板；坚持绿色发展，守住底线。");
        let p = super::P::new(0, &p);
        assert_eq!(super::colon_semicolon(&p).len(), 1);
    }

    #[test]
    fn siblings_that_open_on_a_negation_say_where_the_first_item_opens() {
        let ls = series("一些青少年中出现了不珍惜劳动成果、不想劳动、不会劳动的现象。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["不珍惜劳动成果", "不想劳动", "不会劳动"]);
    }

    #[test]
    fn a_modifier_before_a_series_goes_with_its_category() {
        let ls = series("支持通用基础软件、工业软件、平台软件、应用软件工程化开发。");
        let l = ls.first().expect("a series");
        assert_eq!(l.lead, "支持的几个通用软件");
        // Words before items that are verb phrases are no modifier of theirs.
        let ls = series("坚持法治为了人民、依靠人民、造福人民、保护人民。");
        assert!(
            ls.iter().all(|l| !l.lead.contains("的几个法治")),
            "{:?}",
            ls[0].lead
        );
    }

    #[test]
    fn a_series_after_a_preposition_is_counted_in_its_place() {
        let ls = series("要更好发挥其在促创新、扩消费、稳就业等方面的积极作用。");
        let l = ls.first().expect("a series");
        // (The finishing pass drops the modal 要.)
        assert_eq!(l.prompt, "要更好发挥其在三个方面的积极作用");
        let ls = series("满足人民对民主、法治、公平、正义、安全、环境等方面日益增长的要求。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "满足人民对六个方面日益增长的要求");
        // No count without a noun after it (加大对A、B、C等的支持).
        let ls = series("加大对科技创新、绿色发展、提振消费、小微企业等的支持。");
        assert!(ls.iter().all(|l| !l.prompt.contains("四个的")));
    }

    #[test]
    fn two_character_words_before_a_short_head_that_ends_the_clause_are_a_list() {
        let ls = series("要打好水源、土壤、空气保护战，守住生态底线。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["水源", "土壤", "空气"]);
        // A head that runs on into the sentence is no such head.
        assert!(series("我们支持水源、土壤、空气保护工作全面开展。").is_empty());
        // A long run closed by 等 stands, however long what follows it is.
        let ls = series("加强税收、金融、土地、人才、科技等要素保障并做好与各项改革举措的衔接。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["税收", "金融", "土地", "人才", "科技"]);
    }

    #[test]
    fn two_character_qualities_named_by_de_are_a_list() {
        let ls = series("学校要营造崇德、尚智、健体、向美的校园文化。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["崇德", "尚智", "健体", "向美"]);
        let ls = series("要培养勤劳、节俭、守信、担当的时代新人。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["勤劳", "节俭", "守信", "担当"]);
    }

    #[test]
    fn a_series_is_split_once_for_its_items_and_its_name() {
        // The last item ran on past the others' length into a word (百年奋|斗目标): it ends
        // with the word, and nothing of it is left for the name.
        let ls =
            series("我们要如期建成小康社会、加快推进乡村振兴、实现第一个百年奋斗目标，再出发。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            [
                "如期建成小康社会",
                "加快推进乡村振兴",
                "实现第一个百年奋斗目标"
            ]
        );
        assert!(!l.prompt.contains("斗目标"), "{}", l.prompt);
        // A head every middle item ends with ends the last one too (…体制 ×3, …文明体制|和…).
        let ls = series("各地要深化经济体制、文化体制、社会体制、生态文明体制和城乡管理体制改革。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l)[3..],
            ["生态文明体制", "城乡管理体制"],
            "{:?}",
            keys(l)
        );
    }

    /// The prompt of the first series found in `text`.
    fn prompt_of(text: &str) -> String {
        series(text)
            .first()
            .map(|l| l.prompt.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_series_is_named_by_the_frame_it_sits_in() {
        // 把-object: what is done with the items.
        assert_eq!(
            prompt_of("各地要把保障群众安全、提升服务质量、改善生活环境落实到城市治理各环节。"),
            "落实到城市治理各环节的三个方面"
        );
        // 对…的N: the noun is what is done to them; the affix they share is their kind.
        assert_eq!(
            prompt_of("要加强对采购权、审批权、执法权、分配权的制约。"),
            "加强制约的四个“权”"
        );
        // The items as the subject of what follows them.
        assert_eq!(
            prompt_of("健全部门各负其责，采购权、审批权、执法权、分配权相互制约的机制。"),
            "相互制约的四个“权”"
        );
        // 与…相V: the partners.
        assert_eq!(
            prompt_of("推动文化教育，与传统工艺、现代科技、地方产业相结合，办出特色。"),
            "与之相结合的三个方面"
        );
        // 通过A、B、C，V O: the means of an end.
        assert_eq!(
            prompt_of("关键在于通过改进作风、完善制度、强化监督，提高行政效能。"),
            "提高行政效能的三个途径"
        );
        // X，导致A、B、C: the results of a cause.
        assert_eq!(
            prompt_of("一些地方盲目扩张，债务高企，导致资金短缺、项目停工、群众受损。"),
            "债务高企导致的三个后果"
        );
        // X是A、B、C的X: what the noun is like…
        assert_eq!(
            prompt_of("我们要建的现代城市，必须是宜居宜业、安全韧性、绿色低碳的现代城市。"),
            "现代城市的三个特征"
        );
        // …but a need the items are is none of its features.
        assert_ne!(
            prompt_of("目标定为百分之五，既是稳就业、防风险、惠民生的需要，也有支撑。"),
            "需要的三个特征"
        );
    }

    #[test]
    fn a_summary_noun_keeps_a_noun_ending_in_wei() {
        // 行为 is a noun: its 为 is no copula that ends the summary.
        assert_eq!(super::noun_only("破坏市场秩序行为"), "破坏市场秩序行为");
        assert_eq!(super::noun_only("发展都为人民"), "发展");
    }

    #[test]
    fn a_first_item_sheds_its_context_to_its_siblings_length() {
        let ls = series("抓紧制定住房保障法、社会救助法、慈善法、家庭教育促进法等法律。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l)[0], "住房保障法");
    }

    #[test]
    fn a_series_closed_by_deng_is_a_list_without_a_summary_noun() {
        // Four items of one length and 等: a run of examples of one kind, though no noun
        // follows to name them.
        let ls = series(
            "各校要结合专业特点积极组织参观访问、岗位见习、志愿讲解、社区调研等，提升能力。",
        );
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["参观访问", "岗位见习", "志愿讲解", "社区调研"]);
    }

    #[test]
    fn items_coined_on_one_affix_are_named_by_it() {
        let ls = series("我们要不断增强调控政策的连续性、稳定性、协调性。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["连续性", "稳定性", "协调性"]);
        assert!(l.prompt.ends_with("的三个“性”"), "{}", l.prompt);
        let ls = series("各校要推动劳动教育进家庭、进社区、进企业。");
        let l = ls.first().expect("a series");
        assert!(l.prompt.ends_with("的三个“进”"), "{}", l.prompt);
        // Words that share only a first character are no coined set (重大部署、重要任务).
        assert_eq!(
            super::class_affix(&run(&["重大部署", "重要任务", "重点工作"])),
            None
        );
        // Nor is a noun they share after the last item: it names them.
        let ls = series("要推进管理的规范化、标准化、信息化建设，提高效率。");
        let l = ls.first().expect("a series");
        assert!(!l.prompt.contains("“化”"), "{}", l.prompt);
    }

    #[test]
    fn a_series_one_point_short_stands_on_cleanly_cut_items() {
        // Three idioms and the noun they make up, far into their clause: one point short,
        // kept because each item is whole words of the clause.
        let ls = series("我们各级干部要坚决纠正铺张浪费、弄虚作假、敷衍塞责的不良风气。");
        assert_eq!(
            keys(ls.first().expect("a series")),
            ["铺张浪费", "弄虚作假", "敷衍塞责"]
        );
        // (clause, the number of its chunks, the items)
        let clean = |clause: &str, k: usize, items: &[&str]| {
            let s: Vec<char> = clause.chars().collect();
            let chunks = super::split_range(&s, 0, s.len(), &['、']);
            let ends = (chunks[0], chunks[chunks.len() - 1]);
            super::clean_items(&s, ends, k, &run(items))
        };
        assert!(clean(
            "要加强对教材、课堂、头脑的建设",
            3,
            &["教材", "课堂", "头脑"]
        ));
        // An item cut inside a word, or one that took in its context, is not clean.
        assert!(!clean(
            "支持高校毕业生、退役军人、农民工就业",
            3,
            &["校毕业生", "退役军人", "农民工"]
        ));
        assert!(!clean(
            "支持各地区电动汽车、锂电池、光伏产品出口",
            3,
            &["动汽车", "锂电池", "光伏产品"]
        ));
        assert!(!clean(
            "保障妇女、儿童、老年人、残疾人合法权益",
            4,
            &["保障妇女", "儿童", "老年人", "残疾人合法权益"]
        ));
    }

    #[test]
    fn a_noun_after_the_joined_last_item_names_the_series() {
        // …和D的方针: D ends before 的; and the first item keeps all it has after its verb.
        let ls = series("要全面贯彻企业自主经营、市场公平竞争、政府依法监管和社会协同共治的方针。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            [
                "企业自主经营",
                "市场公平竞争",
                "政府依法监管",
                "社会协同共治"
            ]
        );
        assert!(l.prompt.contains("方针"), "{}", l.prompt);
    }

    #[test]
    fn short_words_on_one_shared_word_are_a_set() {
        // Three chunks: the suffix is what the first shares with the middle (…管理), and the
        // words are of about one length.
        let ls = series("要构建目标管理、过程管理、结果管理相互衔接的考核体系。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["目标管理", "过程管理", "结果管理"]);
        let ls = series("要健全初次审查、再审查、三次审查衔接配套的审查制度。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["初次审查", "再审查", "三次审查"]);
        // A pronoun before a run of one length is no part of its first item.
        let ls = series("我们对其必然性、长期性、复杂性要有清醒认识。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["必然性", "长期性", "复杂性"]);
    }

    #[test]
    fn one_thing_said_of_several_subjects_is_a_list_of_what_is_said() {
        let p = para("要明确责任分工，城市社区治理要精细化，农村社区治理要特色化，园区社区治理要专业化，形成合力。");
        let p = super::P::new(0, &p);
        let ls = super::modal_frames(&p);
        let l = ls.first().expect("a list");
        assert_eq!(keys(l), ["精细化", "特色化", "专业化"]);
        assert_eq!(l.prompt, "城市、农村、园区社区治理的三个要求");
        // Clauses with nothing of their own before the shared words are a shared head's.
        let p = para("要加快发展，要扩大开放，要深化改革。");
        let p = super::P::new(0, &p);
        assert!(super::modal_frames(&p).is_empty());
    }

    #[test]
    fn stages_set_out_paragraph_by_paragraph_are_an_ordered_list() {
        let texts = [
            "二、主要目标",
            "到2027年，城乡统一的要素市场初步形成，差距明显缩小。",
            "到2035年，城乡融合发展的体制机制全面建立，差距基本消除。",
            "三、重点任务",
        ];
        let owned: Vec<crate::corpus::Paragraph> = texts.iter().map(|t| para(t)).collect();
        let paras: Vec<super::P> = owned
            .iter()
            .enumerate()
            .map(|(i, p)| super::P::new(i, p))
            .collect();
        let ls = super::stage_paragraphs(&paras);
        let l = ls.first().expect("a list");
        assert_eq!(
            keys(l),
            [
                "城乡统一的要素市场初步形成",
                "城乡融合发展的体制机制全面建立"
            ]
        );
        assert!(l.ordered);
        assert_eq!(l.items[0].full, "到2027年，城乡统一的要素市场初步形成");
        // One stage paragraph alone is no list.
        assert!(super::stage_paragraphs(&paras[1..2]).is_empty());
    }

    #[test]
    fn pairs_closed_by_de_guanxi_are_the_items() {
        let p = para("（三）基本原则。要统筹兼顾，处理好城市和乡村、中央和地方、当前和长远的关系，稳步推进。");
        let p = super::P::new(0, &p);
        let ls = super::relation_pairs(&p);
        let l = ls.first().expect("a list");
        assert_eq!(keys(l), ["城市和乡村", "中央和地方", "当前和长远"]);
        assert_eq!(l.prompt, "基本原则：处理好的三对关系");
        // A chunk that is no pair makes no run of pairs.
        let p = para("要处理好城市和乡村、中央、地方的关系。");
        let p = super::P::new(0, &p);
        assert!(super::relation_pairs(&p).is_empty());
    }

    #[test]
    fn stages_set_out_sentence_by_sentence_are_an_ordered_list() {
        let p = para(
            "要明确各时期任务，分步建设示范区：到2027年，示范区框架基本形成，制度初步建立。\
             到2035年，示范区全面建成并发挥引领作用。到本世纪中叶，示范区建设经验在全国推广。",
        );
        let p = super::P::new(0, &p);
        let ls = super::stage_sentences(&p);
        let l = ls.first().expect("a list");
        assert_eq!(
            keys(l),
            [
                "示范区框架基本形成",
                "示范区全面建成并发挥引领作用",
                "示范区建设经验在全国推广"
            ]
        );
        assert!(l.ordered);
        assert_eq!(l.items[1].full, "到2035年，示范区全面建成并发挥引领作用");
        assert_eq!(l.lead, "分步建设示范区的几个阶段目标");
        // One year mentioned in passing is no run of stages.
        let p = para("到2035年，示范区全面建成。此后要继续完善制度，巩固成果。");
        let p = super::P::new(0, &p);
        assert!(super::stage_sentences(&p).is_empty());
    }

    #[test]
    fn a_numbered_points_modal_sentences_are_its_measures() {
        let p = para(
            "第二，推动城乡融合发展。城乡差距仍然较大。要健全城乡统一的要素市场，促进要素自由流动。\
             要推进县域公共服务均衡配置，补齐农村短板。要完善农业转移人口市民化机制，稳步提高户籍人口城镇化率。",
        );
        let p = super::P::new(0, &p);
        let ls = super::modal_sentences(&p);
        let l = ls.first().expect("a list");
        assert_eq!(
            keys(l),
            [
                "健全城乡统一的要素市场",
                "推进县域公共服务均衡配置",
                "完善农业转移人口市民化机制"
            ]
        );
        assert_eq!(l.prompt, "推动城乡融合发展的三项举措");
        // One 要-sentence that opens on a long or enumerating clause makes the point prose.
        let p = para(
            "第二，推动城乡融合发展。要健全城乡统一的要素市场，促进要素自由流动。要推进教育、医疗、\
             养老等公共服务均衡配置。要完善农业转移人口市民化机制，提高城镇化率。",
        );
        let p = super::P::new(0, &p);
        assert!(super::modal_sentences(&p).is_empty());
        // Without a numbered point's head the sentences are a speaker's prose.
        let p = para(
            "要健全要素市场，促进流动。要推进服务均衡配置，补齐短板。要完善市民化机制，提高比率。",
        );
        let p = super::P::new(0, &p);
        assert!(super::modal_sentences(&p).is_empty());
    }

    #[test]
    fn a_series_that_is_all_its_clause_says_after_a_modal_is_a_list() {
        let ls = series("这次会议强调，各级机关干部要守纪律、讲规矩、重品行，做到表里如一。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["守纪律", "讲规矩", "重品行"]);
    }

    #[test]
    fn a_first_item_starts_at_the_opening_its_siblings_share() {
        // A first item shorter than the rest, after a verb and a measure word.
        let ls = series("着力建设一支忠于党、忠于事业、忠于职守、忠于法律的干部队伍。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["忠于党", "忠于事业", "忠于职守", "忠于法律"]);
    }

    #[test]
    fn items_a_noun_is_built_on_are_its_core() {
        let ls = series("要加快形成以创新、协调、开放等为核心的竞争新优势。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "竞争新优势的三个核心");
    }

    #[test]
    fn a_bare_modal_before_actions_asks_for_requirements() {
        let l = series(
            "要加强市场监管，对群众反映强烈、社会关注度高的领域，要严查快办、公开曝光、形成震慑。",
        );
        let p: Vec<&str> = l.iter().map(|l| l.prompt.as_str()).collect();
        assert!(p.contains(&"加强市场监管的三点要求"), "{p:?}");
    }

    #[test]
    fn an_adverb_alone_before_the_items_is_no_part_of_the_name() {
        let l = series("要完善社会保障体系，着力扩大覆盖、提高待遇、改进服务。");
        let p: Vec<&str> = l.iter().map(|l| l.prompt.as_str()).collect();
        assert!(p.contains(&"完善社会保障体系的三个方面"), "{p:?}");
    }

    #[test]
    fn a_sibling_directive_before_gives_way_to_the_run_in_head() {
        let l = series(
            "第二，完善科技创新体制机制。要加快制定科技强国行动纲要。要坚持自主可控、开放合作、安全高效，提高创新效能。",
        );
        let p: Vec<&str> = l.iter().map(|l| l.prompt.as_str()).collect();
        assert!(p.contains(&"完善科技创新体制机制要坚持的三个方面"), "{p:?}");
        // A sentence before with a subject of its own is no sibling: it stays the lead.
        let l = series(
            "第二，完善科技创新体制机制。科技部门要加快制定行动纲要。要坚持自主可控、开放合作、安全高效，提高创新效能。",
        );
        assert!(
            l.iter().all(|l| !l.prompt.contains("要坚持的")),
            "{:?}",
            l.iter().map(|l| &l.prompt).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_preposition_before_the_items_keeps_its_verb() {
        let l = series("召开这次会议，为经济发展、社会稳定、民生改善提供有力支撑。");
        let p: Vec<&str> = l.iter().map(|l| l.prompt.as_str()).collect();
        assert!(
            p.contains(&"召开这次会议：为……提供有力支撑的三个方面"),
            "{p:?}"
        );
    }

    #[test]
    fn a_lead_in_takes_the_sentence_before_it() {
        let p = para("开局之年成绩亮眼。具体表现在，农业生产有新台阶，各地纷纷增产。工业制造有新突破，订单增多。对外贸易有新高度，顺差扩大。");
        let p = super::P::new(0, &p);
        let ls = super::sentence_frames(&p);
        let l = ls.first().expect("a list");
        assert_eq!(l.items.len(), 3);
        assert_eq!(l.lead, "开局之年成绩亮眼，具体表现在");
    }

    #[test]
    fn parallel_heads_are_pairs_of_characters() {
        // is_parallel_head and opens_with_parallel_head rely on it.
        assert!(super::PARALLEL_HEADS.iter().all(|h| h.chars().count() == 2));
        assert!(super::is_parallel_head("坚持"));
        assert!(!super::is_parallel_head("坚持住"));
        assert!(super::opens_with_parallel_head("坚持人民至上"));
        assert!(!super::opens_with_parallel_head("坚"));
    }

    #[test]
    fn a_name_keeps_neither_a_conjunction_nor_a_copula() {
        assert_eq!(super::name_left("但改革开放是"), "改革开放");
        assert_eq!(super::name_left("因而发展是"), "发展");
        assert_eq!(super::name_left("推动"), "推动");
    }

    #[test]
    fn a_shared_suffix_starts_at_a_word() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        // 背离|人民: the suffix 离人民 starts inside 背离.
        assert_eq!(
            super::suffix_at_word(&c("背离人民"), "离人民".into()).as_deref(),
            Some("人民")
        );
        assert_eq!(
            super::suffix_at_word(&c("城乡差距"), "差距".into()).as_deref(),
            Some("差距")
        );
    }

    #[test]
    fn a_governing_verb_alone_is_a_frame_for_an_owner() {
        let ls = series("各地要统筹推进，着力稳就业、保民生、促增长。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["稳就业", "保民生", "促增长"]);
        // 着力 alone names nothing: the clause the sentence opens with owns the items.
        assert_eq!(l.prompt, "各地要统筹推进的三个方面");
        // A governing verb that is no adverb stays for the finishing pass to give an owner.
        let ls = series("各地要统筹推进，加快稳就业、保民生、促增长。");
        assert!(ls.iter().all(|l| l.prompt != "各地要统筹推进的三个方面"));
    }

    #[test]
    fn a_summary_noun_is_a_noun() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(
            super::summary_name(&c("青年有更大舞台")).as_deref(),
            Some("青年")
        );
        assert_eq!(
            super::summary_name(&c("基本公共服务")).as_deref(),
            Some("基本公共服务")
        );
        // A verb and its complement sum nothing up.
        assert_eq!(super::summary_name(&c("有机结合起来")), None);
    }

    #[test]
    fn clauses_sharing_opening_and_ending_are_named_by_both() {
        assert_eq!(
            super::opening_and_ending(&slices(&run(&[
                "主动听取市民代表的意见",
                "主动听取行业协会意见",
                "主动听取专家学者意见"
            ])))
            .as_deref(),
            Some("主动听取的几类意见")
        );
        // No shared ending: no name from this rule.
        assert_eq!(
            super::opening_and_ending(&slices(&run(&[
                "更好保障供给",
                "更好稳定价格",
                "更好服务群众"
            ]))),
            None
        );
    }

    #[test]
    fn a_name_with_a_digit_opens_a_series() {
        // 5G is a name, not a count of places (31个省、自治区).
        assert!(!series("加快5G网络、数据中心、工业互联网、人工智能平台建设。").is_empty());
        assert!(series("31个省、自治区、直辖市和新疆生产建设兵团累计报告病例。").is_empty());
    }

    #[test]
    fn means_counted_as_one_kind_are_named_by_their_end() {
        // 等多种手段: the count stands in the quantity's place, for the end the next clause
        // names.
        assert_eq!(
            prompt_of("城市治理要综合运用法律、行政、经济、技术等多种手段，提高精细化管理水平。"),
            "提高精细化管理水平：综合运用的四种手段"
        );
        // The subject before the verb is no adverb of it.
        assert_eq!(
            prompt_of("政府采取法律、行政、经济、技术等多种手段，加大环境治理力度。"),
            "加大环境治理力度：采取的四种手段"
        );
        // With no such end, the verb names them.
        assert_eq!(
            prompt_of("推动建立工会、妇联、共青团等各类组织。"),
            "推动建立的三类组织"
        );
    }

    #[test]
    fn nouns_before_a_joint_action_are_its_parties() {
        assert_eq!(
            prompt_of("构建政府、企业、高校、社会协同推进的人才培养机制。"),
            "协同推进人才培养机制的四方"
        );
        // What each party does (政府负责、社会协同) is no party.
        let p = prompt_of("要健全党委领导、政府负责、社会协同、公众参与共同推进的治理体系。");
        assert!(!p.is_empty() && !p.ends_with('方'), "{p}");
        // The action is one verb phrase, not split at a 的 inside it.
        let p = prompt_of("构建政府、企业、高校、社会共同推进党的建设的长效机制。");
        assert!(!p.contains("党建设"), "{p}");
    }

    #[test]
    fn a_quoted_count_after_the_items_names_them() {
        assert_eq!(
            prompt_of("要按照集中患者、集中专家、集中资源、集中救治“四集中”原则收治病例。"),
            "“四集中”原则"
        );
        assert_eq!(
            prompt_of("推动铁路、公路、航空、内河航运“四网”融合发展。"),
            "“四网”"
        );
        // A label that counts something else is no name of these items.
        let p = prompt_of("要坚持早发现、早报告、早隔离、早治疗“五早”措施。");
        assert!(!p.is_empty() && p != "“五早”措施", "{p}");
    }

    #[test]
    fn a_verb_ending_on_a_preposition_stays_whole() {
        // 面对 is one word: its 对 opens no object of a noun of action.
        let p = prompt_of("面对前所未知、突如其来、来势汹汹的疫情天灾，果断打响阻击战。");
        assert!(!p.is_empty() && !p.starts_with('面'), "{p}");
        // 要素 is a noun, its 要 no modal that ends the summary.
        let p = prompt_of("质量作为繁荣国际贸易、促进产业发展、增进民生福祉的关键要素，日益重要。");
        assert_eq!(p, "质量作为关键要素的三个方面");
    }

    #[test]
    fn what_the_items_all_are_names_them() {
        assert_eq!(
            prompt_of("基础研究、应用研究、试验发展都是科技创新的重要环节。"),
            "科技创新的三个重要环节"
        );
    }

    #[test]
    fn a_series_that_modifies_a_noun_is_named_by_it() {
        // Items sharing an opening word before 的+noun: the noun's N “opening”; the measure
        // word before the series (一批) names nothing.
        assert_eq!(
            prompt_of("要着力培养一批热爱祖国、热爱人民、热爱劳动的青年技术人才队伍。"),
            "青年技术人才队伍的三个“热爱”"
        );
        // Items sharing a head word before a noun and its predicate: that noun.
        assert_eq!(
            prompt_of("各地高校开设课程，其中创新精神、协作精神、奉献精神专题课程不少于八学时。"),
            "专题课程的三个精神"
        );
        // …before a 的-phrase that ends the clause: the phrase with its verb.
        let p = prompt_of("要建立国家调节、市场调节、社会调节协调配套的基础性制度安排。");
        assert!(p.ends_with("协调配套的基础性制度安排的三个调节"), "{p}");
        // A noun naming the items' kind (…的方针) is a summary, not a noun they modify.
        assert_ne!(
            prompt_of("要贯彻热爱祖国、热爱人民、热爱劳动的方针。"),
            "方针的三个“热爱”"
        );
    }

    #[test]
    fn a_series_framed_by_yi_wei_is_named_by_its_role() {
        assert_eq!(
            prompt_of("各校以课堂教学、社会实践、校园文化和志愿服务为主要途径开展思政教育。"),
            "开展思政教育的四项主要途径"
        );
        // The frame brackets the items: the first starts right after 以, whatever its length.
        let ls = series("各地以日常体育锻炼、户外运动、集体游戏和趣味竞赛为主要内容开展体育活动。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            ["日常体育锻炼", "户外运动", "集体游戏", "趣味竞赛"]
        );
        assert_eq!(l.prompt, "开展体育活动的四项主要内容");
    }

    #[test]
    fn a_short_name_right_after_a_run_in_head_takes_the_head() {
        assert_eq!(
            prompt_of("实施节能专项行动。制定降低能耗、提高效率、优化结构专项方案，推动转型。"),
            "实施节能专项行动：制定专项方案的三个方面"
        );
        // Deeper in the paragraph the head no longer owns the sentence.
        assert_eq!(
            prompt_of(
                "实施节能专项行动。各地要摸清底数。制定降低能耗、提高效率、优化结构专项方案，推动转型。"
            ),
            "制定专项方案的三个方面"
        );
    }

    #[test]
    fn a_short_verb_in_a_later_clause_takes_the_first_clause_as_owner() {
        assert_eq!(
            prompt_of(
                "我们要坚定奉行互利共赢的开放战略，始终做全球市场的参与者、公平规则的维护者、共同繁荣的推动者。"
            ),
            "坚定奉行互利共赢的开放战略：始终做的三个方面"
        );
        // Items about people that share a predicate (…者多得) are counted by the predicate.
        let ls = series("要完善收入分配制度，让勤劳者多得、创新者多得、奉献者多得。");
        let l = ls.first().expect("a series");
        assert_eq!(l.lead, "让几个多得");
    }

    fn numeric(text: &str) -> Vec<super::FoundList> {
        let p = para(text);
        let p = super::P::new(0, &p);
        super::numeric_summaries(&p)
    }

    #[test]
    fn what_was_done_for_the_items_names_them() {
        let ls = series("总的看，我国科技事业不断发展，对促进经济增长、改善人民生活、保障国家安全、扩大国际影响发挥了重要作用。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            [
                "促进经济增长",
                "改善人民生活",
                "保障国家安全",
                "扩大国际影响"
            ]
        );
        assert_eq!(l.prompt, "我国科技事业发挥重要作用的四个方面");
        // Items of two lengths: the predicate still closes the last one.
        let ls = series(
            "这些年来，职业教育快速发展，为稳就业、保民生、服务产业升级、助力乡村振兴作出了重要贡献。",
        );
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            ["稳就业", "保民生", "服务产业升级", "助力乡村振兴"]
        );
        assert_eq!(l.prompt, "职业教育作出重要贡献的四个方面");
        // A bare 发挥作用 after 等 is no such predicate: 等 closes the series.
        let ls = series("支持工会、共青团、妇联等群团组织更好发挥作用。");
        assert!(ls
            .iter()
            .all(|l| l.items.last().is_some_and(|i| i.key == "妇联")));
    }

    #[test]
    fn changes_from_one_state_to_another_are_a_list() {
        let p = para(
            "近年来，我国经济正在从要素驱动向创新驱动转变，发展方式正在从粗放增长向集约增长转变。",
        );
        let p = super::P::new(0, &p);
        let ls = super::change_pairs(&p);
        let l = ls.first().expect("a list");
        assert_eq!(
            keys(l),
            ["从要素驱动向创新驱动转变", "从粗放增长向集约增长转变"]
        );
        assert_eq!(l.prompt, "我国经济正在发生的两个转变");
        // One change is no list.
        let p = para("我国经济正在从要素驱动向创新驱动转变，这是一个长期过程。");
        let p = super::P::new(0, &p);
        assert!(super::change_pairs(&p).is_empty());
    }

    #[test]
    fn sentences_opening_alike_are_a_list_of_what_follows_the_opening() {
        let p = para("生态环境保护关系人民福祉，必须久久为功。生态环境保护关系民族未来，不能急功近利。生态环境保护关系国家安全，要守住底线。");
        let p = super::P::new(0, &p);
        let ls = super::sentence_openings(&p);
        let l = ls.first().expect("a list");
        assert_eq!(keys(l), ["人民福祉", "民族未来", "国家安全"]);
        assert_eq!(l.prompt, "生态环境保护关系的三个方面");
        // A speaker's frame is no opening.
        let p = para("习近平总书记指出要加强生态保护，久久为功。习近平总书记指出要推进绿色发展，持之以恒。习近平总书记指出要守住安全底线，毫不松懈。");
        let p = super::P::new(0, &p);
        assert!(super::sentence_openings(&p).is_empty());
        // Two sentences are no run.
        let p = para(
            "生态环境保护关系人民福祉，必须久久为功。生态环境保护关系民族未来，不能急功近利。",
        );
        let p = super::P::new(0, &p);
        assert!(super::sentence_openings(&p).is_empty());
    }

    #[test]
    fn brackets_close_a_series_they_hold() {
        // A quoted numeric label spelled out in brackets: the label and the word after names it.
        let p = para("要始终把解决好“三农”（农业、农村、农民）问题作为全党工作重中之重。");
        let p = super::P::new(0, &p);
        let ls = super::label_expansions(&p);
        let l = ls.first().expect("a label");
        assert_eq!(keys(l), ["农业", "农村", "农民"]);
        assert_eq!(l.prompt, "“三农”问题（三项）");
        // …and the 、-series finder leaves it to that label.
        assert!(
            series("要始终把解决好“三农”（农业、农村、农民）问题作为全党工作重中之重。").is_empty()
        );
        // Any other series in brackets is all they hold, first item and last.
        let ls = series("深化“放管服”（简政放权、放管结合、优化服务）改革，持续优化营商环境。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["简政放权", "放管结合", "优化服务"]);
        let ls = series("加快完善“1+N”政策体系（顶层设计文件、重点领域实施方案、各地区行动方案、保障措施），形成合力。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            [
                "顶层设计文件",
                "重点领域实施方案",
                "各地区行动方案",
                "保障措施"
            ]
        );
    }

    #[test]
    fn what_is_done_to_kinds_that_share_a_head_names_them_by_the_head() {
        let ls = series("推动国土空间规划、交通网络规划、能源设施规划等深度融合，实现一张蓝图。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "推动深度融合的三个规划");
        // Clauses on a shared object (政府重视质量…) are no kinds of it.
        let ls = series("营造政府重视质量、企业追求质量、社会崇尚质量、人人关心质量的良好氛围。");
        assert!(ls.iter().all(|l| !l.prompt.ends_with("个质量")), "{ls:?}");
    }

    #[test]
    fn items_that_stand_for_a_whole_are_named_by_it() {
        let ls =
            series("弘扬以抗洪精神、抗震救灾精神、载人航天精神为代表的伟大精神，凝聚奋进力量。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["抗洪精神", "抗震救灾精神", "载人航天精神"]);
        assert_eq!(l.prompt, "以……为代表的伟大精神（三项）");
        // A quoted first item opens at its quote (not 人”精神).
        let ls = series("弘扬以“新农人”精神、工匠精神、劳模精神为代表的时代精神，凝聚力量。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l)[0], "“新农人”精神");
        // Items that each open on 以 keep it.
        let ls = series("坚持以人为本、以德为先、以法为据为主要原则。");
        assert!(ls.iter().all(|l| keys(l)[0] != "人为本"), "{ls:?}");
    }

    #[test]
    fn opening_actions_on_one_head_noun_are_a_list() {
        let text = "（三）健全基层治理机制。完善议事协商机制，规范村民议事程序。完善矛盾调处机制，及时化解纠纷。建立应急响应机制，提升处置能力。加强队伍建设。";
        let p = para(text);
        let p = super::P::new(0, &p);
        let ls = super::sentence_frames(&p);
        let l = ls.first().expect("a list");
        assert_eq!(
            keys(l),
            ["完善议事协商机制", "完善矛盾调处机制", "建立应急响应机制"]
        );
        // The head noun said again in the body (…机制。健全机制…) is the paragraph's topic, no
        // frame.
        let text = "（三）健全基层治理机制。完善议事协商机制，规范村民议事程序。完善矛盾调处机制，及时化解纠纷。建立应急响应机制，提升处置能力。机制建设要久久为功。";
        let p = para(text);
        let p = super::P::new(0, &p);
        assert!(super::sentence_frames(&p).is_empty());
        // A numbered paragraph with no run-in head counts its first clause like any other.
        let text = "（一）产业升级有新进展，结构持续优化。创新能力有新提升，投入不断加大。开放水平有新突破，合作更加深入。民生有新改善。";
        let p = para(text);
        let p = super::P::new(0, &p);
        assert!(super::sentence_frames(&p).is_empty());
    }

    #[test]
    fn stages_of_a_whole_span_end_before_it() {
        let ls = series("把质量要求贯穿产品设计、制造、检测和售后全过程。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["设计", "制造", "检测", "售后"]);
        // A longer last item with no span after it keeps its length (现代服务业).
        let ls = series("推动工业、农业、建筑和现代服务业协调发展。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l).last(), Some(&"现代服务业"));
        // A predicate of each (各异) is no span.
        assert!(!super::is_span(&"各异".chars().collect::<Vec<_>>()));
    }

    #[test]
    fn items_the_clause_joins_are_named_by_the_joining() {
        let ls = series("推进交通网、能源网、水利网与信息网络融合发展，构建新型基础设施。");
        let l = ls.first().expect("a series");
        // The 与 before what they do together joins the last two.
        assert_eq!(keys(l), ["交通网", "能源网", "水利网", "信息网络"]);
        assert_eq!(l.prompt, "推进融合发展的四个方面");
    }

    #[test]
    fn three_coined_words_on_one_character_joined_by_he_are_a_set() {
        let p = para("推动农业生产全面实现机械化、数字化和绿色化。");
        let p = super::P::new(0, &p);
        let chunks = super::split_range(&p.chars, 0, p.chars.len() - 1, &['、']);
        let l = super::joined_triple(&p, 0, &chunks).expect("a triple");
        assert_eq!(keys(&l), ["机械化", "数字化", "绿色化"]);
        assert_eq!(l.prompt, "推动农业生产全面实现的三个“化”");
        // A character that coins no set (…区) joins nothing.
        let p = para("支持革命老区、民族地区和边疆区发展。");
        let p = super::P::new(0, &p);
        let chunks = super::split_range(&p.chars, 0, p.chars.len() - 1, &['、']);
        assert!(super::joined_triple(&p, 0, &chunks).is_none());
        // Nothing before the set: no name opening on 的.
        let p = para("工业化、信息化和城镇化同步发展。");
        let p = super::P::new(0, &p);
        let chunks = super::split_range(&p.chars, 0, p.chars.len() - 1, &['、']);
        let l = super::joined_triple(&p, 0, &chunks).expect("a triple");
        assert!(!l.prompt.starts_with('的'), "{}", l.prompt);
    }

    #[test]
    fn two_character_examples_closed_by_deng_and_their_kind_are_a_list() {
        let scored = |text: &str| -> Vec<(i32, Vec<String>)> {
            let p = para(text);
            let p = super::P::new(0, &p);
            super::dun_series(&p)
                .into_iter()
                .map(|(s, l)| (s, l.items.iter().map(|i| i.key.clone()).collect()))
                .collect()
        };
        for (text, items) in [
            (
                "要综合运用财政、税收、金融等政策，支持企业创新。",
                ["财政", "税收", "金融"],
            ),
            (
                "加强数学、物理、化学等基础学科建设，夯实根基。",
                ["数学", "物理", "化学"],
            ),
        ] {
            let found = scored(text);
            assert!(
                found
                    .iter()
                    .any(|(s, k)| *s >= super::SERIES_MIN_SCORE && k == &items),
                "{text}: {found:?}"
            );
        }
        // Without 等 and a kind, words of two characters are no list.
        let found = scored("要统筹财政、税收、金融，支持企业创新。");
        assert!(
            found.iter().all(|(s, _)| *s < super::SERIES_MIN_SCORE),
            "{found:?}"
        );
        let kind = |t: &str| super::kind_after_deng(&super::char_vec(t));
        assert!(kind("等创新平台"));
        assert!(kind("等要素保障"));
        // What they do next is no kind of theirs, nor is 等等.
        assert!(!kind("等风险隐患凸显"));
        assert!(!kind("等等方面"));
        assert!(!kind("等同志"));
        assert!(!kind("的创新平台"));
        // What they serve as names no kind: the prompt says so without one.
        let ls = series("农村地区可安排相应土地、山林、草场等作为学农实践基地，丰富实践。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "农村地区可安排相应……作为学农实践基地（三项）");
        // 的 ends what stands before the first item.
        let ls =
            series("建设一批具有国际影响力的实验室、试验基地、技术创新中心等创新平台，加大投入。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["实验室", "试验基地", "技术创新中心"]);
    }

    #[test]
    fn short_words_before_the_head_they_factor_out_are_a_list() {
        let scored = |text: &str| -> Vec<(i32, Vec<String>)> {
            let p = para(text);
            let p = super::P::new(0, &p);
            super::dun_series(&p)
                .into_iter()
                .map(|(s, l)| (s, l.items.iter().map(|i| i.key.clone()).collect()))
                .collect()
        };
        let listed = |text: &str, items: &[&str]| {
            let found = scored(text);
            found
                .iter()
                .any(|(s, k)| *s >= super::SERIES_MIN_SCORE && k == items)
        };
        assert!(listed(
            "面对复杂局面，坚决维护国家主权、安全、发展利益，办好自己的事。",
            &["主权", "安全", "发展"]
        ));
        assert!(listed(
            "深化水运、民航、邮政管理体制改革，提高行业治理效能。",
            &["水运", "民航", "邮政"]
        ));
        // (Words of four characters too.)
        assert!(listed(
            "加快建立健全适应现代农业发展的市场监管、宏观调控、政策法规体系，促进农民增收。",
            &["市场监管", "宏观调控", "政策法规"]
        ));
        // At the head of its clause, the rest of the clause names it.
        let ls = series("到2030年，城市、县域、乡村数字服务水平明显提高，差距逐步缩小。");
        let l = ls
            .iter()
            .find(|l| keys(l) == ["城市", "县域", "乡村"])
            .expect("the series");
        assert_eq!(l.prompt, "数字服务水平明显提高的三个方面");
        // A copula before a preposition is no part of the name.
        let ls = series("这次规划调整，是根据城市发展阶段、环境、条件变化，审慎作出的决策。");
        let l = ls
            .iter()
            .find(|l| keys(l) == ["阶段", "环境", "条件"])
            .expect("the series");
        assert!(!l.prompt.starts_with('是'), "{}", l.prompt);
        // A run the writer calls some (一些…) is no list; nor one cut inside a word
        // (老年人、儿童、孕产妇群体 is not 年人、儿童、孕产).
        assert!(!listed(
            "一些部门、行业、地方形式主义问题依然突出，必须下大力气解决。",
            &["部门", "行业", "地方"]
        ));
        let found = scored("要做好老年人、儿童、孕产妇群体的健康服务，完善保障措施。");
        assert!(
            found
                .iter()
                .all(|(_, k)| k.first().map(String::as_str) != Some("年人")),
            "{found:?}"
        );
        // Stages of one whole the clause names as such (…|各个环节高效衔接).
        assert!(listed(
            "以信息共享促进采购、仓储、配送、销售各个环节高效衔接，降低物流成本。",
            &["采购", "仓储", "配送", "销售"]
        ));
        // What the items do together after the last joined by 和 is no part of it.
        let ls = series(
            "深化科技管理改革，推动人才培养、项目评审、资金管理和成果转化协同创新，释放活力。",
        );
        let l = ls
            .iter()
            .find(|l| keys(l).first() == Some(&"人才培养"))
            .expect("the series");
        assert_eq!(keys(l).last(), Some(&"成果转化"));
        // Without a head after them, short words are no list.
        assert!(!listed(
            "要统筹城市、县域、乡村，推动协调发展和共同繁荣。",
            &["城市", "县域", "乡村"]
        ));
    }

    #[test]
    fn a_kind_after_a_word_of_means_is_for_what_the_next_clause_does() {
        assert_eq!(
            prompt(
                "按照安全、便捷、经济、环保的原则，加快完善城市公共交通网络，方便群众出行。",
                "安全"
            ),
            "加快完善城市公共交通网络的四个原则"
        );
        assert_eq!(
            prompt(
                "通过政府购买、社会捐赠、志愿服务等方式，扩大社区养老服务供给，满足多样需求。",
                "政府购买"
            ),
            "扩大社区养老服务供给的三种方式"
        );
        assert_eq!(
            prompt(
                "聚焦诊断、治疗、康复、护理等环节，提升基层医疗服务能力，方便群众就医。",
                "诊断"
            ),
            "提升基层医疗服务能力要聚焦的四个环节"
        );
        assert_eq!(
            prompt(
                "各地要按照统一规划、分步实施、试点先行的要求，稳步推进改造工作，防止一哄而上。",
                "统一规划"
            ),
            "稳步推进改造工作的三个要求"
        );
        // Another frame in the next clause: the purpose is further on, not there.
        let p = prompt(
            "根据项目的规模、类型、工期等条件，结合远程评审等要求，合理安排评审专家。",
            "规模",
        );
        assert!(!p.starts_with("结合"), "{p}");
    }

    #[test]
    fn what_the_clause_says_of_the_series_names_it() {
        // What the series serves, after a shared ending (发挥…优势，提高X).
        assert_eq!(
            prompt(
                "发挥我国人才资源优势、产业配套优势、市场需求优势，提高装备制造业竞争力。",
                "人才资源优势"
            ),
            "提高装备制造业竞争力要发挥我国的三个优势"
        );
        // A degree and a predicate after the kind (…的矛盾|日益突出).
        assert_eq!(
            prompt(
                "近年来城乡养老服务快速发展，但供给不平衡、不协调、不可持续的问题较为突出，亟待解决。",
                "不平衡"
            ),
            "供给较为突出的三个问题"
        );
        // (…when the summary noun took in part of the predicate, 问题日益, too.)
        assert_eq!(
            prompt(
                "近年来城乡养老服务快速发展，但供给不平衡、不协调、不可持续的问题日益突出，亟待解决。",
                "不平衡"
            ),
            "供给日益突出的三个问题"
        );
        // …and after a bare preposition, the kind with it is what is said.
        assert_eq!(
            prompt(
                "信息网络加快普及，对文化教育、医疗卫生、社会保障的支撑作用进一步凸显。",
                "文化教育"
            ),
            "支撑作用进一步凸显的三个方面"
        );
        // An activity is no predicate of the kind (…管理体系|应用).
        let p = prompt(
            "加快质量管理创新，推动全员、全要素、全过程的新型质量管理体系应用，提高效益。",
            "全员",
        );
        assert!(!p.contains("推动应用的"), "{p}");
        // What stands between the items (…群体|间收入差距…).
        assert_eq!(
            prompt(
                "当前，不同地区、不同行业、不同群体间收入差距仍然较大，需要综合施策。",
                "不同地区"
            ),
            "收入差距仍然较大的三个方面"
        );
    }

    #[test]
    fn de_after_deng_is_no_part_of_the_noun_that_names_them() {
        // (No 以及 here: the run must be found for the test to say anything.)
        let ls = series("加大对科技创新、绿色发展、提振消费、小微企业等的支持。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["科技创新", "绿色发展", "提振消费", "小微企业"]);
        assert!(!l.prompt.starts_with('的'), "{}", l.prompt);
    }

    #[test]
    fn a_short_kind_after_a_verb_of_two_characters_is_what_it_does() {
        let ls = series("优化布局结构，采取合并、合作、托管、集团办学等措施，建设优秀学校。");
        let l = ls.first().expect("a series");
        // (The clause the sentence opens with owns them: 采取 opens a later clause.)
        assert_eq!(l.prompt, "优化布局结构：采取的四类措施");
        // Any other verb is not one of these (例如 is tagged a verb).
        let ls = series("各地探索多种办法，例如合并、合作、托管、集团办学等措施，建设优秀学校。");
        assert!(ls.iter().all(|l| !l.prompt.contains("例如的")), "{ls:?}");
        // A verb after 等 is no kind (避让A、B、C等具有…的空间).
        let ls = series("强化生态保护，避让耕地、林地、湿地等具有重要生态功能的国土空间。");
        assert!(ls.iter().all(|l| !l.prompt.ends_with("个具有")), "{ls:?}");
    }

    #[test]
    fn a_series_listed_twice_is_kept_where_it_scores_better() {
        // Neither sentence is about the series; the one that names their kind (等风险, the
        // clause's end) scores above the one that goes on to say what they do.
        let (a, b) = (
            para(
                "外需不足，一些地方的房地产、地方债务、中小金融机构等风险隐患凸显，部分地区受灾。",
            ),
            para("坚持高质量发展，标本兼治化解房地产、地方债务、中小金融机构等风险，维护稳定。"),
        );
        for (x, y) in [(0, 5), (5, 0)] {
            let (pa, pb) = (super::P::new(x, &a), super::P::new(y, &b));
            let ps = if x < y { [pa, pb] } else { [pb, pa] };
            let ls = super::implicit_lists(&ps);
            let risks: Vec<&super::FoundList> = ls
                .iter()
                .filter(|l| l.items.first().is_some_and(|i| i.key == "房地产"))
                .collect();
            assert_eq!(risks.len(), 1, "{ls:?}");
            assert_eq!(risks[0].para, y);
        }
    }

    #[test]
    fn a_series_listed_twice_is_kept_where_its_sentence_is_about_it() {
        let (a, b) = (
            para("各地分别推出支持国有企业、民营企业、外资企业发展的政策，效果明显。"),
            para("国有企业、民营企业、外资企业都是推进现代化建设的重要力量。"),
        );
        let ps = [super::P::new(0, &a), super::P::new(5, &b)];
        let ls = super::implicit_lists(&ps);
        let firms: Vec<&super::FoundList> = ls
            .iter()
            .filter(|l| l.items.first().is_some_and(|i| i.key == "国有企业"))
            .collect();
        assert_eq!(firms.len(), 1, "{ls:?}");
        assert_eq!(firms[0].para, 5);
    }

    #[test]
    fn examples_of_a_kind_before_an_activity_on_it_are_counted_as_that_kind() {
        let ls = series("统筹水库、堤防、泵站、灌区、水闸等水利设施规划建设，提升防洪能力。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "统筹规划建设的五类水利设施");
        // A noun before the head that is no verb (物流|发展) stays with the kind…
        let ls = series("推进电商物流、冷链物流、危险品物流等专业化物流发展，降低成本。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "推进发展的三类专业化物流");
        // …and a phrase of places (国内国际) is no kind.
        let ls = series("加强质量标准、检验检疫、认证认可等国内国际衔接，便利贸易。");
        assert!(ls.iter().all(|l| !l.prompt.contains("类国内")), "{ls:?}");
    }

    #[test]
    fn examples_of_a_kind_joined_with_something_else_are_counted_as_that_kind() {
        let ls = series("完善公共服务、住房、教育、医疗等政策与人口发展战略相衔接，形成合力。");
        let l = ls.first().expect("a series");
        // The first item is the word after the verb, a little longer than the others.
        assert_eq!(keys(l), ["公共服务", "住房", "教育", "医疗"]);
        assert_eq!(l.prompt, "完善与人口发展战略相衔接的四类政策");
        // What follows the kind must join it with something: 等政策落地见效 does not.
        let ls = series("推动公共服务、住房、教育、医疗等政策落地见效，形成合力。");
        assert!(ls.iter().all(|l| !l.prompt.contains("四类政策")), "{ls:?}");
    }

    #[test]
    fn objects_on_one_modifier_are_counted_by_it() {
        let ls = series("坚持生态优先，推行绿色生产、绿色消费、绿色出行，建设美丽乡村。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "推行的三个“绿色”");
        // Actions on one verb are no modifier's (加强|…), nor is a series with a head after it.
        for text in [
            "坚持加强监测、加强预警、加强处置，守住底线。",
            "推行绿色生产、绿色消费、绿色出行等行动，建设美丽乡村。",
        ] {
            assert!(
                series(text).iter().all(|l| !l.prompt.contains('“')),
                "{text}"
            );
        }
    }

    #[test]
    fn qualities_before_a_compound_noun_are_its_features() {
        // A noun of nine characters that ends the clause is named whole (not 现代化城市供水).
        let ls = series("到2030年，建成安全、便捷、绿色、经济的现代化城市供水体系。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "现代化城市供水体系的四个特征");
        // A compound noun may hold an activity of two characters (数据要素|流通|机制)…
        let ls = series("逐步形成开放、透明、高效的数据要素流通机制。");
        let l = ls.first().expect("a series");
        assert_eq!(l.prompt, "数据要素流通机制的三个特征");
        // …but a verb of one character makes a clause, no noun (眼光|看|问题).
        let ls = series("关键是要用全面、辩证、长远的眼光看问题。");
        assert!(ls.iter().all(|l| !l.prompt.contains("特征")), "{ls:?}");
    }

    #[test]
    fn a_label_of_digits_is_spelled_out_digit_by_digit_in_its_brackets() {
        let p = para("到2030年，城乡基本形成“15分钟生活圈”和“135健康服务圈”（社区1公里可及、街道3公里可达、县城5公里覆盖），群众就医更加方便。");
        let p = super::P::new(0, &p);
        let ls = super::label_expansions(&p);
        assert_eq!(ls.len(), 1, "only the label its brackets spell out");
        assert_eq!(
            keys(&ls[0]),
            ["社区1公里可及", "街道3公里可达", "县城5公里覆盖"]
        );
        assert_eq!(ls[0].prompt, "“135健康服务圈”（三项）");
        // Digits out of step with the label, or one part too few, spell nothing out.
        for text in [
            "基本形成“135健康服务圈”（社区1公里可及、街道5公里可达、县城3公里覆盖）。",
            "基本形成“135健康服务圈”（社区1公里可及、街道3公里可达）。",
            "基本形成“135健康服务圈”（社区10公里可及、街道3公里可达、县城5公里覆盖）。",
        ] {
            let p = para(text);
            let p = super::P::new(0, &p);
            assert!(super::label_expansions(&p).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_frame_of_objects_before_a_count_is_no_part_of_the_items() {
        let ls = numeric("城镇化格局以沿海通道、沿江通道为两条主轴。");
        let l = ls.first().expect("a numeric list");
        assert_eq!(keys(l), ["沿海通道", "沿江通道"]);
        let ls = numeric("要把稳就业、保民生作为两个重点。");
        let l = ls.first().expect("a numeric list");
        assert_eq!(keys(l), ["稳就业", "保民生"]);
    }

    #[test]
    fn a_first_item_sheds_a_preposition_or_particle_of_its_frame() {
        let ls =
            series("武汉市组织专家从病情、治疗转归、流行病学调查、实验室初步检测等方面情况分析。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            ["病情", "治疗转归", "流行病学调查", "实验室初步检测"]
        );
        // …but not one every item has (中国制造|向|中国创造转变).
        let ls =
            series("推动中国制造向中国创造转变、中国速度向中国质量转变、中国产品向中国品牌转变。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l)[0], "中国制造向中国创造转变");
    }

    #[test]
    fn a_first_item_cut_one_character_into_a_long_word_takes_it_back() {
        let ls = series("决定延长春节假期，各地大专院校、中小学、幼儿园推迟开学。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["大专院校", "中小学", "幼儿园"]);
    }

    #[test]
    fn a_count_after_a_run_takes_the_verb_before_it_as_owner() {
        let ls = numeric("国家卫生健康委发布通用、旅游、家庭、公共场所、公共交通工具、居家观察等6个公众预防指南。");
        let l = ls.first().expect("a list");
        assert_eq!(
            l.items.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(),
            [
                "通用",
                "旅游",
                "家庭",
                "公共场所",
                "公共交通工具",
                "居家观察"
            ]
        );
        assert_eq!(l.prompt, "国家卫生健康委发布的六个公众预防指南");
    }

    #[test]
    fn one_clause_per_item_after_a_count_opened_by_yi_ge_shi() {
        let ls = numeric(
            "指出抗击疫情有两个阵地，一个是医院救死扶伤阵地，一个是社区防控阵地，要发挥社区作用。",
        );
        let l = ls.first().expect("a list");
        assert_eq!(
            l.items.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(),
            ["医院救死扶伤阵地", "社区防控阵地"]
        );
        assert_eq!(l.prompt, "抗击疫情的两个阵地");
        // Clauses that are not each opened so are no such list.
        assert!(numeric("抗击疫情有两个阵地，一个是医院阵地，社区也很重要。").is_empty());
    }

    #[test]
    fn qualities_of_one_thing_are_its_features() {
        assert_eq!(
            prompt_of(
                "新冠肺炎疫情是新中国成立以来发生的传播速度最快、感染范围最广、防控难度最大的一次重大突发公共卫生事件。"
            ),
            "新冠肺炎疫情的三个特征"
        );
    }

    #[test]
    fn a_roll_of_people_is_no_list() {
        assert!(
            series("湖南走出了毛泽东、刘少奇、任弼时、彭德怀、贺龙、罗荣桓等老一辈革命家。")
                .is_empty()
        );
        // Three qualities the tagger may read as a name or two are still a list.
        assert!(!series("持续深入打好蓝天、碧水、净土保卫战。").is_empty());
    }

    #[test]
    fn items_said_to_be_one_whole_end_before_the_predicate() {
        let ls = series("必须坚持党的领导、人民当家作主、依法治国有机统一。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["党的领导", "人民当家作主", "依法治国"]);
    }

    #[test]
    fn objects_of_one_repeated_verb_run_to_the_clause_end() {
        let ls = series("遵义会议开启了新阶段，在最危急关头挽救了党、挽救了红军、挽救了中国革命。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["挽救了党", "挽救了红军", "挽救了中国革命"]);
    }

    #[test]
    fn items_on_one_final_character_end_on_it() {
        let ls = series("推动新型工业化、信息化、城镇化、农业现代化同步发展。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["工业化", "信息化", "城镇化", "农业现代化"]);
    }

    #[test]
    fn pairs_joined_by_he_stay_pairs() {
        let ls = series("统筹外部安全和内部安全、国土安全和国民安全、传统安全和非传统安全、自身安全和共同安全，完善体系。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            [
                "外部安全和内部安全",
                "国土安全和国民安全",
                "传统安全和非传统安全",
                "自身安全和共同安全"
            ]
        );
    }

    #[test]
    fn a_quoted_count_after_a_qualifier_names_the_items() {
        assert_eq!(
            prompt_of("电动汽车、锂电池、光伏产品“新三样”出口增长近30%。"),
            "“新三样”"
        );
        // An ordinal (“第二个结合”) counts nothing.
        assert_ne!(
            prompt_of("坚持马克思主义、中国实际、优秀传统文化“第三个结合”。"),
            "“第三个结合”"
        );
    }

    #[test]
    fn siblings_opening_on_ge_say_where_the_first_item_opens() {
        let ls = series("各民主党派、各团体、各民族、各阶层、各界人士要紧密团结在党中央周围。");
        let l = ls.first().expect("a series");
        assert_eq!(
            keys(l),
            ["各民主党派", "各团体", "各民族", "各阶层", "各界人士"]
        );
    }

    #[test]
    fn short_words_the_writer_names_as_aspects_are_a_list() {
        let ls = series("根据学校实际，结合当地在自然、经济、文化等方面条件，充分挖掘资源。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l), ["自然", "经济", "文化"]);
        // …and the fields a noun after 的 is of name it.
        assert_eq!(
            prompt_of("网络安全越来越成为经济、贸易、科技、文化等领域的焦点。"),
            "网络安全越来越成为焦点的四个领域"
        );
        // Short words with no such name are no list.
        assert!(
            series("根据学校实际，结合当地自然、经济、文化发展的具体情况充分挖掘资源。").is_empty()
        );
    }

    #[test]
    fn a_shared_ending_on_de_counts_its_noun() {
        let ls = series(
            "博物馆是红色基因库。要讲好党的故事、革命的故事、根据地的故事、英雄和烈士的故事。",
        );
        let l = ls.last().expect("a series");
        assert_eq!(
            keys(l),
            ["党的故事", "革命的故事", "根据地的故事", "英雄和烈士的故事"]
        );
        assert!(l.lead.contains("几个故事"), "{}", l.lead);
    }

    #[test]
    fn siblings_opening_alike_on_two_characters_say_where_the_first_opens() {
        let ls = series("要健全质量管理制度，重视质量经理、质量工程师、质量技术能手队伍建设。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l)[0], "质量经理");
        // An opening a sibling repeats (中国速度向中国质量转变) says nothing.
        let ls =
            series("推动中国制造向中国创造转变、中国速度向中国质量转变、中国产品向中国品牌转变。");
        let l = ls.first().expect("a series");
        assert_eq!(keys(l)[0], "中国制造向中国创造转变");
    }

    #[test]
    fn what_a_subject_is_built_on_is_named_by_its_role() {
        assert_eq!(
            prompt_of(
                "新质生产力是先进生产力质态。它由技术革命性突破、生产要素创新性配置、产业深度转型升级而催生，\
                 以劳动者、劳动资料、劳动对象及其优化组合的跃升为基本内涵，以全要素生产率大幅提升为核心标志。"
            )
            .as_str(),
            "新质生产力的三个基本内涵"
        );
    }

    #[test]
    fn review_cases_keep_their_modifiers_and_owners() {
        // 良好 is no verb: the item keeps it.
        let ls = series("要打造良好营商环境、一流创新生态、高效政务服务，激发活力。");
        assert!(ls.iter().all(|l| keys(l).first() != Some(&"营商环境")));
        // 一流 is a modifier, not a verb: it stays with the first item.
        let ls = series("要培养一流科技人才、科技领军人才、科技创新团队，建设强国。");
        assert!(ls.iter().all(|l| keys(l).first() != Some(&"科技人才")));
        // A shared noun opening (人民群众…) is no verb: the last item does not run on.
        let ls =
            series("不断增强人民群众获得感、人民群众幸福感、人民群众安全感、人民群众满意度水平。");
        assert!(ls
            .iter()
            .all(|l| keys(l).last() != Some(&"人民群众满意度水平")));
        // A clause of time is no subject for 以…为重点.
        assert_ne!(
            prompt_of("同时，以科技创新、产业升级、绿色转型为重点，推动高质量发展。"),
            "同时的三个重点"
        );
        // The speaker is no owner, and digits read as words.
        let ls = numeric(
            "习近平总书记强调抗击疫情有2个阵地，一个是医院救死扶伤阵地，一个是社区防控阵地。",
        );
        assert_eq!(
            ls.first().map(|l| l.prompt.as_str()),
            Some("抗击疫情的两个阵地")
        );
        // A digit count never starts inside a number (the 6 of 16个).
        let ls =
            numeric("发布通用、旅游、家庭、公共场所、公共交通工具、居家观察等16个公众预防指南。");
        assert!(ls.iter().all(|l| !l.prompt.contains("六个")));
    }
}
