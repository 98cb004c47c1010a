//! The card browser's search and rows: a search (text with an optional `#tag`, deck, state,
//! sort) read from the store, each card with its question and answer as the study screen
//! words them (the one mask, `cloze::render`) and its due day counted from today.
use super::{Collection, Result, Today};
use crate::cloze::{self, Slot};
use crate::deck::DeckId;
use crate::sched::{day_index, Phase};
use crate::store::{BrowseFilter, BrowseSort, BrowseState, CardRow};

/// What the browser asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// Words to find; the first `#word` is a tag (see [`split_tag`]).
    pub text: String,
    pub deck: Option<DeckId>,
    pub state: BrowseState,
    pub sort: BrowseSort,
    /// At most this many cards (0 = no limit).
    pub limit: usize,
}

/// One card as the browser lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct BrowseItem {
    /// The card's front on one line, blanks masked (a whole-note card: the prompt).
    pub question: String,
    /// The answers, joined by `；`.
    pub answer: String,
    /// Study days until due (negative: overdue); None for a new card.
    pub due_in_days: Option<i64>,
    /// FSRS difficulty; 0 for a new card.
    pub difficulty: f64,
}

impl Collection {
    /// The cards matching `search` on the study day `t`.
    pub fn browse(&self, search: &Search, t: &Today) -> Result<Vec<CardRow>> {
        let (text, tag) = split_tag(&search.text);
        let filter = BrowseFilter {
            text,
            tag,
            deck: search.deck.clone(),
            state: search.state,
            sort: search.sort,
            day_end_ms: t.day.end_ms,
            limit: search.limit,
        };
        Ok(self.store.browse(&filter)?)
    }

    /// How the browser shows card `c` on the study day `t`. A store error reading the note is
    /// an error, not a blank row.
    pub fn browse_item(&mut self, c: &CardRow, t: &Today) -> Result<BrowseItem> {
        let note = self.note(&c.deck, &c.note)?;
        let view = note.as_ref().and_then(|n| cloze::render(n, &c.slot));
        let (question, answer) = match &view {
            Some(v) => {
                let q: String = if matches!(c.slot, Slot::Whole) {
                    v.prompt.clone()
                } else {
                    crate::cloze::plain_text(&v.front, false).replace('\n', " ")
                };
                (q, v.answers.join("；"))
            }
            None => (c.anchor.clone(), c.anchor.clone()),
        };
        let new = c.state.phase == Phase::New;
        Ok(BrowseItem {
            question,
            answer,
            due_in_days: (!new).then(|| {
                day_index(c.state.due, t.utc_offset_secs, super::day::ROLLOVER_HOUR) - t.index
            }),
            difficulty: if new { 0.0 } else { c.state.difficulty },
        })
    }
}

/// A browse search with `#tag` in it: the tag filter and the rest of the text
/// (`#重点 发展` → tag 重点, text 发展). The first `#word` is the tag.
pub fn split_tag(query: &str) -> (String, Option<String>) {
    let mut tag = None;
    let mut rest = Vec::new();
    for word in query.split_whitespace() {
        match word.strip_prefix('#').or_else(|| word.strip_prefix('＃')) {
            Some(t) if !t.is_empty() && tag.is_none() => tag = Some(t.to_string()),
            _ => rest.push(word),
        }
    }
    (rest.join(" "), tag)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_word_in_the_search_is_the_tag() {
        assert_eq!(
            split_tag("#重点 发展"),
            ("发展".into(), Some("重点".into()))
        );
        assert_eq!(
            split_tag("发展 ＃二十大"),
            ("发展".into(), Some("二十大".into()))
        );
        assert_eq!(split_tag("发展"), ("发展".into(), None));
        assert_eq!(split_tag("# 发展"), ("# 发展".into(), None));
    }
}
