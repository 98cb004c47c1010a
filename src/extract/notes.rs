//! Found lists (and key sentences) to deck notes: stable ids, prompts, sources. Pure.
use crate::corpus::Document;
use crate::deck::{Deck, DeckId, DeckMeta, ListNote, Note, NoteBody, NoteId, SourceRef};

use super::FoundList;

/// FNV-1a 64: stable across runs, platforms and versions (ids must never depend on a
/// process's hash seed).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn short_hash(s: &str) -> String {
    format!("{:06x}", fnv1a64(s.as_bytes()) & 0xff_ffff)
}

/// A deck id for a document: its date and a hash of its title (`2024-05-27-3fa9c1`), so the
/// id stays when documents are added to or reordered in the corpus.
pub fn deck_id(doc: &Document) -> DeckId {
    let date: String = doc
        .date
        .as_deref()
        .unwrap_or("doc")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    DeckId(format!("{}-{}", date, short_hash(&doc.title)))
}

/// Speaker frames that open a title before its topic (`习近平在…时强调 `, `习近平：`).
const TITLE_FRAMES: [&str; 4] = ["强调：", "强调 ", "：", " "];

/// Modifiers that open a topic but are not part of its name (`加快构建新发展格局`).
const TOPIC_LEADS: [&str; 7] = [
    "加快发展",
    "加快",
    "坚定不移",
    "积极",
    "扎实推进",
    "大力",
    "着力",
];

/// A sentence by which a document introduces its own parts (现提出如下意见, 现就X提出以下意见,
/// 制定本纲要): it names the document, not a list in it.
pub fn frames_document(sentence: &str) -> bool {
    // (…of whatever kind: 现提出如下实施意见, 提出以下指导意见.)
    let kinds = ["意见", "实施意见", "指导意见", "若干措施"];
    let proposes = ["提出如下", "提出以下"].iter().any(|p| {
        sentence
            .split(p)
            .skip(1)
            .any(|rest| kinds.iter().any(|k| rest.starts_with(k)))
    });
    proposes
        || ["制定本纲要", "制定本规划", "制定本方案", "编制本规划"]
            .iter()
            .any(|f| sentence.contains(f))
}

/// The piece a title reports as published (《学习时报》刊发X署名文章：TITLE → TITLE): the
/// paper, the author and the verb are no part of its name.
fn published_piece(title: &str) -> &str {
    match title.split_once('：') {
        Some((frame, piece))
            if piece.chars().count() >= 6
                && ["刊发", "刊登", "发表", "署名文章"]
                    .iter()
                    .any(|v| frame.contains(v)) =>
        {
            piece.trim()
        }
        _ => title,
    }
}

/// How an exam names a document whose parts are asked: its name in 《》 (《质量强国建设纲要》,
/// 《关于X的意见》), with the year of a yearly report (2024年《政府工作报告》); never the
/// issuer, the occasion or the date.
pub fn document_name(title: &str) -> String {
    let t = published_piece(title.trim());
    if let (Some(a), Some(b)) = (t.find('《'), t.find('》')) {
        if a < b {
            return t[a..b + '》'.len_utf8()].to_string();
        }
    }
    // 中共中央 国务院关于X的意见: 《关于X的意见》.
    if let Some(k) = t.find("关于") {
        return format!("《{}》", &t[k..]);
    }
    // 政府工作报告——2024年3月5日在…会议上: the year scopes the report.
    if let Some((name, occasion)) = t.split_once("——") {
        let digits: String = occasion.chars().take_while(char::is_ascii_digit).collect();
        let year = if digits.len() == 4 && occasion[digits.len()..].starts_with('年') {
            format!("{digits}年")
        } else {
            String::new()
        };
        return format!("{year}《{}》", name.trim());
    }
    format!("《{t}》")
}

/// A short deck title: the topic of a document (`构建新发展格局`, `新质生产力`,
/// `质量强国建设纲要`), not the speaker, occasion and date of its full title.
pub fn short_title(title: &str) -> String {
    let t = published_piece(title.trim());
    // A document named in 《》: its name, without 关于…的意见's frame.
    let unframe = |name: &str| -> String {
        let name = name.strip_prefix("关于").unwrap_or(name);
        let name = ["的几点意见", "的若干意见", "的意见", "的通知", "的决定"]
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .unwrap_or(name);
        name.to_string()
    };
    if let (Some(a), Some(b)) = (t.find('《'), t.find('》')) {
        if a < b {
            let name = unframe(&t[a + '《'.len_utf8()..b]);
            if name.chars().count() >= 4 {
                return name;
            }
        }
    }
    // 中共中央 国务院关于X的意见: X.
    if let Some(k) = t.find("关于") {
        let name = unframe(&t[k..]);
        if name.chars().count() >= 4 {
            return name;
        }
    }
    let mut rest = t;
    if rest.starts_with("习近平") {
        // The topic follows the speaker frame: 习近平在…时强调 X / 习近平：X.
        let cut = TITLE_FRAMES
            .iter()
            .filter_map(|f| rest.find(f).map(|i| i + f.len()))
            .min();
        match cut {
            Some(i) if rest[i..].chars().count() >= 4 => rest = &rest[i..],
            _ => {
                rest = rest.trim_start_matches("习近平在");
                rest = rest.trim_end_matches("（节选）");
            }
        }
    }
    // 政府工作报告——2024年3月5日在…会议上: the occasion after the dash is not the topic.
    if let Some((name, _)) = rest.split_once("——") {
        if name.chars().count() >= 4 {
            rest = name;
        }
    }
    let topic = rest
        .split([' ', '，', '　'])
        .map(str::trim)
        .find(|s| s.chars().count() >= 4)
        .unwrap_or(rest);
    let mut topic = topic.trim_end_matches("（节选）");
    for lead in TOPIC_LEADS {
        if let Some(x) = topic.strip_prefix(lead) {
            if x.chars().count() >= 4 {
                topic = x;
            }
            break;
        }
    }
    topic.to_string()
}

/// A cloze note to add (from the key-sentence pass).
#[derive(Debug, Clone, PartialEq)]
pub struct ClozeNote {
    pub text: String,
    pub line: u32,
    pub passage: String,
}

/// Build the deck of one document from its lists and cloze notes. Note ids come from the
/// content (the list's first items, the sentence), so they do not depend on run order or on
/// lines moving; a repeated id gets `-2`, `-3`.
pub fn build_deck(doc: &Document, id: DeckId, lists: &[FoundList], clozes: &[ClozeNote]) -> Deck {
    let topic = short_title(&doc.title);
    let mut notes: Vec<Note> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut unique = |base: String| -> NoteId {
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.push(id.clone());
        NoteId(id)
    };
    let source = |line: u32| SourceRef {
        file: Some(doc.file.clone()),
        line: Some(line),
        doc: Some(doc.title.clone()),
        date: doc.date.clone(),
    };
    for l in lists {
        let items: Vec<String> = l.items.iter().map(|i| i.key.clone()).collect();
        let basis = format!(
            "{}|{}",
            l.marker,
            items.iter().take(2).cloned().collect::<Vec<_>>().join("|")
        );
        let list = ListNote {
            prompt: l.prompt.clone(),
            items,
            ordered: l.ordered,
            context: l.items.iter().map(|i| i.full.clone()).collect(),
            item_lines: l.items.iter().map(|i| i.line).collect(),
        };
        let generated = generated_hash(&NoteBody::List(list.clone()));
        notes.push(Note {
            id: unique(format!("list-{}", short_hash(&basis))),
            body: NoteBody::List(list),
            source: Some(source(l.line)),
            passage: Some(l.passage.clone()),
            tags: vec![format!("marker:{}", l.marker)],
            generated: Some(generated),
            heading: std::iter::once(topic.clone())
                .chain(l.heading.iter().cloned())
                .collect(),
            priority: None,
        });
    }
    for c in clozes {
        let body = NoteBody::Cloze {
            text: c.text.clone(),
        };
        let generated = generated_hash(&body);
        notes.push(Note {
            id: unique(format!("key-{}", short_hash(&c.text))),
            body,
            source: Some(source(c.line)),
            passage: Some(c.passage.clone()),
            tags: vec!["key-sentence".to_string()],
            generated: Some(generated),
            heading: vec![],
            priority: None,
        });
    }
    Deck {
        meta: DeckMeta {
            id,
            title: topic.clone(),
            version: Some(1),
            source: Some(doc.file.clone()),
            date: doc.date.clone(),
            exam: None,
            full_title: (topic != doc.title).then(|| doc.title.clone()),
            new_order: None,
            removed: vec![],
        },
        notes,
    }
}

/// The hash of a note's generated content; `generate --update` compares it with the note as it
/// is now to tell a hand edit from an untouched note.
pub fn generated_hash(body: &NoteBody) -> String {
    let text = match body {
        NoteBody::List(l) => format!(
            "list\u{1f}{}\u{1f}{}\u{1f}{}",
            l.prompt,
            l.items.join("\u{1e}"),
            l.ordered
        ),
        NoteBody::Cloze { text } => format!("cloze\u{1f}{text}"),
    };
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::{document_name, frames_document, short_title};

    #[test]
    fn documents_are_named_as_exams_name_them() {
        assert_eq!(
            document_name("中共中央国务院印发《质量强国建设纲要》"),
            "《质量强国建设纲要》"
        );
        assert_eq!(
            document_name("中共中央 国务院关于全面加强新时代大中小学劳动教育的意见"),
            "《关于全面加强新时代大中小学劳动教育的意见》"
        );
        assert_eq!(
            document_name("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上"),
            "2024年《政府工作报告》"
        );
        assert_eq!(
            document_name("《学习时报》刊发罗文署名文章：我国市场监管事业取得历史性成就"),
            "《我国市场监管事业取得历史性成就》"
        );
        // No year right after the dash: no scope.
        assert_eq!(document_name("工作报告——在全省大会上"), "《工作报告》");
        assert_eq!(document_name("扎实推动共同富裕"), "《扎实推动共同富裕》");
    }

    #[test]
    fn a_sentence_introducing_the_document_is_no_lead() {
        assert!(frames_document(
            "为做好碳达峰、碳中和工作，现提出如下意见。"
        ));
        assert!(frames_document(
            "现就加强新时代大中小学劳动教育提出如下意见"
        ));
        assert!(!frames_document("要着力抓好以下几方面工作"));
        // …of whatever kind it is; not a list of proposals it goes on to give.
        assert!(frames_document("结合本市实际，现提出如下实施意见。"));
        assert!(frames_document("现就完善科技评价提出以下指导意见"));
        assert!(!frames_document("会议提出以下三点要求"));
    }

    #[test]
    fn short_titles_name_the_topic() {
        // A paper that published the piece is not its topic.
        assert_eq!(
            short_title(
                "《学习时报》刊发罗文署名文章：我国市场监管事业取得历史性成就发生历史性变革"
            ),
            "我国市场监管事业取得历史性成就发生历史性变革"
        );
        assert_eq!(
            short_title("习近平：加快构建新发展格局，把握未来发展主动权"),
            "构建新发展格局"
        );
        assert_eq!(
            short_title("习近平在中共中央政治局第十一次集体学习时强调：加快发展新质生产力 扎实推进高质量发展"),
            "新质生产力"
        );
        assert_eq!(
            short_title("中共中央国务院印发《质量强国建设纲要》"),
            "质量强国建设纲要"
        );
        assert_eq!(
            short_title("中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见"),
            "完整准确全面贯彻新发展理念做好碳达峰碳中和工作"
        );
        // No topic after the speaker: the occasion, without 习近平在 and （节选）.
        assert_eq!(
            short_title("习近平在参加十四届全国人大一次会议江苏代表团审议时的讲话（节选）"),
            "参加十四届全国人大一次会议江苏代表团审议时的讲话"
        );
        assert_eq!(short_title("政府工作报告"), "政府工作报告");
        assert_eq!(
            short_title("某某工作报告——2030年3月5日在某次会议上"),
            "某某工作报告"
        );
    }
}
