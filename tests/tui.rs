//! The TUI's pure core: `TestBackend` snapshots of every screen and state at 80x24, 100x30
//! and 50x20 (Chinese cards, a long unbroken line, NO_COLOR, ASCII borders, English), and
//! key scripts on `update` ("state, keys, expected state") against the fake engine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::CellWidth;
use ratatui::style::Color;
use ratatui::Terminal;

use tiankong::config::{Config, Lang};
use tiankong::sched::Rating;
use tiankong::tui::app::{Screen, Stage};
use tiankong::tui::data::{CardRef, StateFilter};
mod common;
use common::fake::FakeEngine;
use common::fixtures;
use tiankong::tui::keymap::map_key;
use tiankong::tui::msg::{Effect, Key, Msg};
use tiankong::tui::{views, App, Runner};

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (50, 20)];

/// The screen as text: one line per row (trailing spaces cut, wide chars once), then where
/// the cursor is when it is shown.
fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| views::draw(f, app)).unwrap();
    let backend = term.backend_mut();
    let buf = backend.buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0u16;
        for x in 0..w {
            let c = &buf[(x, y)];
            if skip == 0 {
                line.push_str(c.symbol());
            }
            skip = skip.max(c.cell_width()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if backend.cursor_visible() {
        let p = backend.get_cursor_position().unwrap();
        out.push_str(&format!("[cursor at {},{}]\n", p.x, p.y));
    }
    out
}

/// A session: the app, the fake engine, and a way to press keys through the real keymap.
struct Session {
    app: App,
    engine: FakeEngine,
}

impl Session {
    fn new(config: Config) -> Session {
        let mut s = Session {
            app: App::new(config),
            engine: fixtures::engine(),
        };
        s.run(Effect::LoadHome);
        s
    }
    fn zh() -> Session {
        Session::new(Config::default())
    }
    fn run(&mut self, eff: Effect) {
        let mut runner = Runner::new(&mut self.engine, None);
        let msg = runner.perform(eff);
        tiankong::tui::dispatch(&mut self.app, msg, &mut runner);
    }
    fn send(&mut self, msg: Msg) {
        let mut runner = Runner::new(&mut self.engine, None);
        tiankong::tui::dispatch(&mut self.app, msg, &mut runner);
    }
    fn key(&mut self, k: Key) -> &mut Self {
        if let Some(m) = map_key(&self.app, k) {
            self.send(m);
        }
        self
    }
    fn keys(&mut self, ks: &str) -> &mut Self {
        for c in ks.chars() {
            let k = match c {
                '\n' => Key::Enter,
                '\x1b' => Key::Esc,
                '\t' => Key::Tab,
                c => Key::Char(c),
            };
            self.key(k);
        }
        self
    }
    fn study(&self) -> &tiankong::tui::app::StudyScreen {
        match &self.app.screen {
            Screen::Study(s) => s,
            other => panic!("not studying: {other:?}"),
        }
    }
    fn card(&self) -> CardRef {
        self.study().current.as_ref().unwrap().card.card
    }
    fn snap(&self, name: &str) {
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}@{w}x{h}"), render(&self.app, w, h));
        }
    }
}

fn no_color() -> Config {
    let mut c = Config::default();
    c.ui.no_color = true;
    c
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snap_home() {
    let mut s = Session::zh();
    // The fixture home has a warning line too.
    s.send(Msg::Loaded(tiankong::tui::msg::Loaded::Home(
        fixtures::home(),
    )));
    s.keys("j");
    s.snap("home");
}

#[test]
fn snap_home_english_ascii() {
    let mut c = Config::default();
    c.ui.lang = Lang::En;
    c.ui.ascii_borders = true;
    let s = Session::new(c);
    s.snap("home_en_ascii");
}

#[test]
fn snap_study_item_front_and_revealed() {
    let mut s = Session::zh();
    s.keys("\n");
    s.snap("study_item_front");
    s.keys(" ");
    s.snap("study_item_revealed");
}

#[test]
fn snap_study_no_color_marks_answers_with_brackets() {
    let mut s = Session::new(no_color());
    s.keys("\n ");
    let screen = render(&s.app, 80, 24);
    assert!(screen.contains("【全体人民共同富裕】的现代化"), "{screen}");
    s.snap("study_item_revealed_nocolor");
}

#[test]
fn snap_study_whole_list_typed() {
    let mut s = Session::zh();
    s.keys("\n 3"); // first card answered; the whole-list card is next
    assert_eq!(s.card(), CardRef(2));
    s.keys("t");
    for item in [
        "加快科技自立自强",
        "加快培育完整内需体系",
        "推动产业链供应链优化",
    ] {
        s.keys(item);
        s.keys("\n");
    }
    s.keys("推进农业");
    s.snap("study_whole_typing");
    s.keys("\n提高人民生活品质\n牢牢守住安全发展底线\n");
    assert_eq!(s.study().current.as_ref().unwrap().stage, Stage::Revealed);
    s.snap("study_whole_checked");
}

#[test]
fn snap_study_cloze_and_long_line() {
    let mut s = Session::zh();
    s.keys("\n 3 3"); // item, whole → cloze
    assert_eq!(s.card(), CardRef(3));
    s.snap("study_cloze_front");
    s.keys(" 3"); // → the long card
    assert_eq!(s.card(), CardRef(4));
    let screen = render(&s.app, 80, 24);
    assert!(
        !screen.contains('\x1b') && !screen.contains('\x07'),
        "{screen:?}"
    );
    s.snap("study_long_front");
}

#[test]
fn snap_study_source_help_summary() {
    let mut s = Session::zh();
    s.keys("\no");
    s.snap("study_source");
    s.keys("\x1b?");
    s.snap("study_help");
    s.keys("\x1b\x1b");
    s.snap("study_summary");
}

#[test]
fn snap_browse_and_detail() {
    let mut s = Session::zh();
    s.keys("b");
    s.snap("browse");
    s.keys("j\n");
    s.snap("browse_detail");
}

#[test]
fn snap_stats() {
    let mut s = Session::zh();
    s.keys("s");
    s.snap("stats");
    let mut c = no_color();
    c.ui.ascii_borders = true;
    let mut s = Session::new(c);
    s.keys("s");
    s.snap("stats_ascii_nocolor");
}

#[test]
fn snap_settings() {
    let mut s = Session::zh();
    s.keys("cjjj\n2025-12-2");
    s.snap("settings_editing_date");
}

#[test]
fn snap_too_small() {
    let s = Session::zh();
    insta::assert_snapshot!("too_small", render(&s.app, 30, 10));
}

// ---------------------------------------------------------------- styles

#[test]
fn blanks_and_answers_have_colour_unless_no_color() {
    let mut s = Session::zh();
    s.keys("\n");
    let find = |app: &App, sym: &str| {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| views::draw(f, app)).unwrap();
        let buf = term.backend().buffer().clone();
        buf.content.iter().find(|c| c.symbol() == sym).cloned()
    };
    assert_eq!(find(&s.app, "□").unwrap().fg, Color::Yellow);
    s.keys(" ");
    assert_eq!(find(&s.app, "富").unwrap().fg, Color::Green);
    let mut s = Session::new(no_color());
    s.keys("\n ");
    let c = find(&s.app, "富").unwrap();
    assert_eq!((c.fg, c.modifier), (Color::Reset, Default::default()));
}

// ---------------------------------------------------------------- key scripts

#[test]
fn first_session_reveal_and_rate_three_times() {
    let mut s = Session::zh();
    s.keys("\n");
    assert_eq!(s.study().current.as_ref().unwrap().stage, Stage::Front);
    s.keys("3"); // rating before reveal does nothing
    assert!(s.engine.log.is_empty());
    s.keys(" 3 2  "); // reveal+Good, reveal+Hard, Space Space = Good
    let ratings: Vec<Rating> = s.engine.log.iter().map(|l| l.1).collect();
    assert_eq!(ratings, vec![Rating::Good, Rating::Hard, Rating::Good]);
    assert_eq!(s.study().progress.done, 3);
    assert_eq!(s.card(), CardRef(4));
    s.keys("q");
    assert!(s.app.quit);
}

#[test]
fn undo_brings_the_card_back() {
    let mut s = Session::zh();
    s.keys("\n 1");
    assert_eq!(s.engine.log.len(), 1);
    assert_eq!(s.card(), CardRef(2));
    s.keys("u");
    assert!(s.engine.log.is_empty());
    assert_eq!(s.card(), CardRef(1));
    let screen = render(&s.app, 80, 24);
    assert!(screen.contains("已撤销"), "{screen}");
}

#[test]
fn suspend_and_bury_move_on_and_say_so() {
    let mut s = Session::zh();
    s.keys("\ns");
    assert_eq!(s.engine.suspended, vec![CardRef(1)]);
    assert_eq!(s.card(), CardRef(2));
    assert!(render(&s.app, 80, 24).contains("已暂停此卡"));
    s.keys("b");
    assert_eq!(s.card(), CardRef(3));
    assert!(
        s.engine.log.is_empty(),
        "neither suspend nor bury is an answer"
    );
}

#[test]
fn typed_answer_checks_and_suggests() {
    let mut s = Session::zh();
    s.keys("\nt");
    assert!(s.app.text_focus());
    s.keys("全体人民共同福裕\n");
    let cur = s.study().current.as_ref().unwrap();
    assert_eq!(cur.stage, Stage::Revealed);
    assert_eq!(cur.check.as_ref().unwrap().suggested, Rating::Hard);
    let screen = render(&s.app, 80, 24);
    assert!(screen.contains("[2 困难 2天]"), "{screen}");
    // The per-character marker shows without colour: a caret under 福.
    assert!(
        screen.contains("\n x 全体人民共同福裕\n               ^^\n → 全体人民共同【富】裕\n"),
        "{screen}"
    );
    s.keys("\n"); // Enter accepts the suggestion
    assert_eq!(s.engine.log[0].1, Rating::Hard);
    // Typed mode stays on for the next card.
    assert!(s.app.text_focus());
}

#[test]
fn user_can_override_the_suggested_rating() {
    let mut s = Session::zh();
    s.keys("\nt全体\n4");
    assert_eq!(s.engine.log[0].1, Rating::Easy);
}

#[test]
fn typing_q_is_text_not_quit() {
    let mut s = Session::zh();
    s.keys("\ntq?");
    assert!(!s.app.quit && !s.app.help);
    let f = s.study().current.as_ref().unwrap().form.as_ref().unwrap();
    assert_eq!(f.lines[0].text, "q?");
    s.keys("\x1b"); // leave typing; keys are keys again
    assert!(!s.app.text_focus());
    s.keys("q");
    assert!(s.app.quit);
}

#[test]
fn paste_never_grades_a_card() {
    let mut s = Session::zh();
    s.keys("\nt");
    s.send(Msg::Paste("全体人民共同富裕\n".into()));
    let cur = s.study().current.as_ref().unwrap();
    assert_eq!(cur.stage, Stage::Front, "a pasted newline must not check");
    assert_eq!(cur.form.as_ref().unwrap().lines[0].text, "全体人民共同富裕");
    assert!(s.engine.log.is_empty());
    // Not typing: a paste of "3\n" is ignored entirely.
    s.keys("\x1b ");
    s.send(Msg::Paste("3\n".into()));
    assert!(s.engine.log.is_empty());
    assert_eq!(s.study().current.as_ref().unwrap().stage, Stage::Revealed);
}

#[test]
fn hint_reveals_one_character_and_lowers_the_suggestion() {
    let mut s = Session::zh();
    s.keys("\nt\t\t");
    let f = s.study().current.as_ref().unwrap().form.as_ref().unwrap();
    assert_eq!(f.lines[0].text, "全体");
    assert_eq!(f.hints, 2);
    s.keys("人民共同富裕\n");
    let cur = s.study().current.as_ref().unwrap();
    assert!(cur.check.as_ref().unwrap().items[0].exact);
    assert_eq!(cur.check.as_ref().unwrap().suggested, Rating::Hard);
}

#[test]
fn cursor_sits_at_the_insertion_point() {
    let mut s = Session::zh();
    s.keys("\nt共同");
    let screen = render(&s.app, 80, 24);
    // The form is "│> 共同" on its row: x = 1 (border) + 2 ("> ") + 4 (two CJK chars).
    let row = screen.lines().position(|l| l.contains("> 共同")).unwrap();
    assert!(
        screen.ends_with(&format!("[cursor at 7,{row}]\n")),
        "{screen}"
    );
    s.key(Key::Left);
    assert!(render(&s.app, 80, 24).ends_with(&format!("[cursor at 5,{row}]\n")));
}

#[test]
fn help_swallows_rating_keys() {
    let mut s = Session::zh();
    s.keys("\n ?3");
    assert!(s.app.help);
    assert!(s.engine.log.is_empty());
    s.keys("\x1b3");
    assert!(!s.app.help);
    assert_eq!(s.engine.log.len(), 1);
}

#[test]
fn esc_ends_the_session_with_a_summary_then_goes_home() {
    let mut s = Session::zh();
    s.keys("\n 3\x1b");
    let sum = s.study().summary.clone().unwrap();
    assert_eq!((sum.answered, sum.correct), (1, 1));
    s.keys("\n");
    assert!(matches!(s.app.screen, Screen::Home(ref h) if h.data.is_some()));
}

#[test]
fn browse_search_filter_detail_and_suspend() {
    let mut s = Session::zh();
    s.keys("b/本质");
    let Screen::Browse(b) = &s.app.screen else {
        panic!()
    };
    assert_eq!(b.data.rows.len(), 1);
    assert_eq!(b.data.rows[0].card, CardRef(3));
    s.keys("\n"); // close search
    s.keys("\ns"); // detail, suspend
    assert_eq!(s.engine.suspended, vec![CardRef(3)]);
    let Screen::Browse(b) = &s.app.screen else {
        panic!()
    };
    assert!(b.detail.as_ref().unwrap().row.suspended);
    s.keys("s");
    assert!(s.engine.suspended.is_empty());
    s.keys("\x1b/");
    s.key(Key::Backspace).key(Key::Backspace);
    s.keys("\nf");
    assert_eq!(
        s.engine.last_query.as_ref().unwrap().state,
        StateFilter::New
    );
    assert_eq!(s.engine.last_query.as_ref().unwrap().text, "");
    s.keys("\x1b");
    assert!(matches!(s.app.screen, Screen::Home(_)));
}

#[test]
fn settings_change_and_save() {
    let mut s = Session::zh();
    s.keys("cl");
    assert_eq!(
        s.engine.saved.as_ref().unwrap().study.desired_retention,
        0.91
    );
    s.keys("jjjj\n"); // typed answers on
    assert!(s.app.config.study.typed_answers);
    s.keys("j\n"); // language → English, at once
    assert_eq!(s.app.config.ui.lang, Lang::En);
    assert!(render(&s.app, 80, 24).contains("Language"));
    s.keys("kk\nsoon\n");
    let Screen::Settings(st) = &s.app.screen else {
        panic!()
    };
    assert_eq!(st.invalid.as_deref(), Some("soon"), "a bad date is refused");
    s.keys("\x1b\x1b\n");
    // Typed answers are now the default for a new session.
    assert!(s.app.text_focus());
}

#[test]
fn settings_write_config_toml() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiankong/config.toml");
    let mut app = App::new(Config::default());
    let mut engine = fixtures::engine();
    let mut runner = Runner::new(&mut engine, Some(path.clone()));
    for k in "c\x1b".chars().take(1) {
        let m = map_key(&app, Key::Char(k)).unwrap();
        tiankong::tui::dispatch(&mut app, m, &mut runner);
    }
    let m = map_key(&app, Key::Right).unwrap();
    tiankong::tui::dispatch(&mut app, m, &mut runner);
    let saved = Config::load(&path).unwrap();
    assert_eq!(saved.study.desired_retention, 0.91);
}

#[test]
fn done_session_shows_summary() {
    let mut s = Session::zh();
    s.keys("a 3 3 3 3");
    let st = s.study();
    assert!(st.current.is_none());
    assert_eq!(st.summary.as_ref().unwrap().answered, 4);
    let screen = render(&s.app, 80, 24);
    assert!(
        screen.contains("本次学习结束") && screen.contains("100%"),
        "{screen}"
    );
}

#[test]
fn resize_redraws_without_state_change() {
    let mut s = Session::zh();
    s.keys("\n");
    let before = s.app.clone();
    s.send(Msg::Resize(50, 20));
    assert_eq!(s.app, before);
    assert!(render(&s.app, 50, 20).contains("□□□□□□□□"));
}

#[test]
fn opening_the_source_before_the_reveal_is_a_peek() {
    let mut s = Session::new(no_color());
    s.keys("\n");
    let first = s.card();
    // The source before the reveal: the passage, the hidden part not marked out.
    s.keys("o");
    let before = render(&s.app, 80, 24);
    assert!(before.contains("原文"), "{before}");
    s.keys("\x1b");
    // Typing the answer just read is not recall: the suggestion is 重来, saying why.
    s.keys("t全体人民共同富裕\n");
    let cur = s.study().current.as_ref().unwrap();
    assert!(cur.peeked);
    assert_eq!(cur.check.as_ref().unwrap().suggested, Rating::Good);
    assert_eq!(cur.suggested(), Some(Rating::Again));
    let screen = render(&s.app, 80, 24);
    assert!(screen.contains("[1 重来"), "{screen}");
    assert!(screen.contains("看过原文"), "{screen}");
    // After the reveal the source marks the answer.
    s.keys("o");
    let after = render(&s.app, 80, 24);
    assert_ne!(
        before, after,
        "the answer is highlighted only after the reveal"
    );
    s.keys("\x1b\n");
    assert_eq!(s.engine.log[0], (first, Rating::Again, s.engine.log[0].2));
    assert_eq!(
        s.engine.peeked,
        vec![first],
        "the answer is logged as peeked"
    );
    // The next card starts unpeeked. (Esc first leaves typing, which stays on.)
    let second = s.card();
    assert!(!s.study().current.as_ref().unwrap().peeked);
    s.keys("\x1b  ");
    assert_eq!(s.engine.log[1], (second, Rating::Good, s.engine.log[1].2));
    assert_eq!(s.engine.peeked, vec![first]);
}

#[test]
fn at_60x20_every_screen_keeps_its_last_key_and_the_stats_boxes_say_something() {
    // (screen keys, the key bar's last key)
    let cases: [(&str, &str); 6] = [
        ("", "q 退出"),
        ("\n", "? 帮助"),
        ("\n ", "? 帮助"),
        ("b", "Esc 返回"),
        ("s", "q 退出"),
        ("c", "Esc 返回"),
    ];
    for (keys, last) in cases {
        let mut s = Session::zh();
        s.keys(keys);
        let screen = render(&s.app, 60, 20);
        let bar = screen.lines().last().unwrap_or("");
        assert!(
            bar.trim_end().ends_with(last),
            "{keys:?}: {bar:?}\n{screen}"
        );
    }
    let mut s = Session::zh();
    s.keys("s");
    let screen = render(&s.app, 60, 20);
    for part in [
        "过去一年的复习",
        "未来30天到期",
        "每周真实保持率",
        "卡片状态",
        "新 ",
        "今天",
    ] {
        assert!(screen.contains(part), "{part}:\n{screen}");
    }
    // The forecast's axis: its scale and its dates.
    assert!(
        screen
            .lines()
            .any(|l| l.contains("今天") && l.contains("12-")),
        "{screen}"
    );
}

#[test]
fn after_the_last_answer_header_and_summary_agree() {
    let mut s = Session::zh();
    s.keys("\n");
    let mut n = 0;
    while s.study().summary.is_none() && n < 50 {
        s.keys("  ");
        n += 1;
    }
    let sum = s.study().summary.clone().unwrap();
    let screen = render(&s.app, 80, 24);
    let header = screen.lines().next().unwrap_or("");
    assert!(
        header.contains(&format!("已完成 {} · 剩余 0 张", sum.answered)),
        "{header}\n{screen}"
    );
    assert!(
        screen.contains(&format!("回答  {}", sum.answered)),
        "{screen}"
    );
}
