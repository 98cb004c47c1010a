//! End to end in a real terminal: tmux drives the binary (`send-keys`, `capture-pane`) on a
//! temp database (`--db`) and the test decks (`--decks tests/fixtures/study`), and the pane is
//! polled with a deadline instead of fixed sleeps. What was committed is read back with
//! `tiankong stats --json`. Without tmux: a failure, unless TIANKONG_SKIP_TMUX is set (CI never
//! sets it; `.ci/run` installs tmux).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::tmux::{have_tmux, Tmux};

const BIN: &str = env!("CARGO_BIN_EXE_tiankong");

fn decks() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/study")
}

/// A temp folder with the database (and the config folder) of one test.
struct Db {
    dir: tempfile::TempDir,
}

impl Db {
    fn new() -> Db {
        Db {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn path(&self) -> PathBuf {
        self.dir.path().join("t.db")
    }
    /// The command line that opens the TUI on this database and the test decks.
    fn cmd(&self) -> String {
        format!(
            "env XDG_CONFIG_HOME={} {BIN} --db {} --decks {}",
            self.dir.path().join("config").display(),
            self.path().display(),
            decks().display()
        )
    }
    /// `tiankong stats --json` on this database.
    fn stats(&self) -> serde_json::Value {
        let out = Command::new(BIN)
            .args(["stats", "--json", "--db"])
            .arg(self.path())
            .arg("--decks")
            .arg(decks())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    }
    fn reviews_total(&self) -> u64 {
        self.stats()["reviews_total"].as_u64().unwrap()
    }
}

fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses): utime is 14th, stime 15th.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn gone_within(pid: u32, secs: u64) -> bool {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => return true,
            // A zombie has exited; its parent just has not reaped it.
            Ok(s)
                if s.rsplit_once(')')
                    .is_some_and(|(_, r)| r.trim_start().starts_with('Z')) =>
            {
                return true
            }
            Ok(_) => {}
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// The tiankong process of a pane: the pane's own process, or its child when a shell stayed.
fn app_pid(t: &Tmux) -> u32 {
    let pane = t.pid();
    let comm = |pid: u32| std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    if comm(pane).trim() == "tiankong" {
        return pane;
    }
    let out = Command::new("pgrep")
        .args(["-P", &pane.to_string(), "tiankong"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("no tiankong process under pane {pane}"))
}

const HOME: &str = "党的二十大报告";
/// The first card: the first item of 中国式现代化的五个特征, its frame `…的现代化` kept.
const FIRST_FRONT: &str = "1. □□□□□□的现代化";
const FIRST_BACK: &str = "1. 人口规模巨大的现代化";

/// Reveal and rate Good `n` times, each time waiting until the screen shows the answer was
/// taken ("已完成 k ·" appears only after the engine committed it).
fn answer_good(t: &Tmux, from: u32, n: u32) {
    for k in from + 1..=from + n {
        t.keys(&["Space"]);
        t.wait("the rating bar", |s| s.contains("3 良好"));
        t.keys(&["3"]);
        let done = format!("已完成 {k} ·");
        t.wait(&done, |s| s.contains(&done));
    }
}

fn start_study(t: &Tmux) {
    t.wait("home", |s| s.contains(HOME) && s.contains("距考试"));
    t.keys(&["Enter"]);
    t.wait("the first card", |s| s.contains(FIRST_FRONT));
}

#[test]
fn no_terminal_gives_one_clear_line() {
    let db = Db::new();
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db.path())
        .arg("--decks")
        .arg(decks())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "no bytes on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a terminal"), "{err}");
    assert!(!err.contains('\x1b'));
    assert!(!db.path().exists(), "nothing is opened without a terminal");
}

#[test]
fn first_session_three_answers_reach_the_database() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    let t = Tmux::start("first", &db.cmd(), 80, 24);
    // The broken deck file is named on home; the good decks load regardless.
    t.wait("home with the broken file named", |s| {
        s.contains(HOME) && s.contains("新质生产力") && s.contains("broken.toml:9:8")
    });
    start_study(&t);
    t.keys(&["Space"]);
    t.wait("the answer in place and the intervals", |s| {
        s.contains(FIRST_BACK) && s.contains("1 重来 1分") && s.contains("3 良好 10分")
    });
    t.keys(&["3"]);
    // The day's eight new cards are one per note: the answered card is learning now, the
    // other seven wait (both in one wait: a capture can fall between the writes of a frame).
    t.wait("the next card", |s| {
        s.contains("已完成 1 ·") && s.contains("新 7 学习中 1")
    });
    answer_good(&t, 1, 2);
    let pid = app_pid(&t);
    t.keys(&["q"]);
    assert!(gone_within(pid, 5), "q did not quit");
    assert_eq!(db.reviews_total(), 3);
}

#[test]
fn typed_chinese_answer_paste_and_resize() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    let t = Tmux::start("typed", &db.cmd(), 80, 24);
    start_study(&t);
    t.keys(&["t"]);
    t.wait("the form", |s| s.contains("你的答案"));
    t.literal("人口规模");
    // A bracketed paste ending in a newline: it must neither check nor grade.
    t.tmux(&["set-buffer", "-b", "p", "巨大\n"]);
    t.tmux(&["paste-buffer", "-p", "-b", "p", "-t", "t"]);
    let s = t.wait("the pasted text, nothing graded", |s| {
        s.contains("人口规模巨大") && s.contains("你的答案") && s.contains("已完成 0 ·")
    });
    assert!(
        !s.contains("建议评分"),
        "the paste checked the answer:\n{s}"
    );
    // The real cursor sits after the text (the input method's window follows it):
    // "│> " is 3 cells, six CJK characters 12.
    let cur = t.tmux(&["display", "-p", "-t", "t", "#{cursor_x}"]);
    assert_eq!(cur.trim(), "15");
    // Resize mid-card: the layout reflows, the typed text survives.
    t.tmux(&["resize-window", "-t", "t", "-x", "50", "-y", "20"]);
    t.wait("reflow at 50 columns", |s| {
        s.lines()
            .any(|l| l.starts_with('└') && l.chars().count() == 50)
            && s.contains("人口规模巨大")
    });
    t.tmux(&["resize-window", "-t", "t", "-x", "30", "-y", "10"]);
    t.wait("too small", |s| s.contains("终端太小"));
    t.tmux(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    t.wait("back", |s| {
        s.contains("人口规模巨大") && s.contains("你的答案")
    });
    assert_eq!(db.reviews_total(), 0, "nothing graded yet");
    t.keys(&["Enter"]);
    t.wait("the check and a suggested rating", |s| {
        s.contains("建议评分")
    });
    t.keys(&["Enter"]);
    t.wait("the next card", |s| s.contains("已完成 1 ·"));
    let s = db.stats();
    assert_eq!(s["reviews_total"], 1, "{s}");
    // Typed mode stays on for the next card, so `q` would be typed: Ctrl-C quits anywhere.
    let pid = app_pid(&t);
    t.keys(&["C-c"]);
    assert!(gone_within(pid, 5), "Ctrl-C did not quit");
}

#[test]
fn kill_9_mid_session_keeps_every_committed_answer() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    let t = Tmux::start("kill9", &db.cmd(), 80, 24);
    start_study(&t);
    answer_good(&t, 0, 5);
    // One more revealed but not rated: it must not appear.
    t.keys(&["Space"]);
    t.wait("the rating bar", |s| s.contains("3 良好"));
    let pid = app_pid(&t);
    Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(gone_within(pid, 5));
    assert_eq!(db.reviews_total(), 5);
}

#[test]
fn two_sessions_on_one_database_both_count() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    let a = Tmux::start("two-a", &db.cmd(), 80, 24);
    let b = Tmux::start("two-b", &db.cmd(), 80, 24);
    start_study(&a);
    start_study(&b);
    // Both show the same first card; both answers are kept (B's on top of A's).
    answer_good(&a, 0, 2);
    answer_good(&b, 0, 3);
    answer_good(&a, 2, 1);
    let (pa, pb) = (app_pid(&a), app_pid(&b));
    a.keys(&["q"]);
    b.keys(&["q"]);
    assert!(gone_within(pa, 5) && gone_within(pb, 5));
    assert_eq!(db.reviews_total(), 6);
}

#[test]
fn idle_tui_uses_no_cpu() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    let t = Tmux::start("idle", &db.cmd(), 80, 24);
    start_study(&t);
    let pid = app_pid(&t);
    let before = cpu_ticks(pid).unwrap();
    std::thread::sleep(Duration::from_secs(10));
    let after = cpu_ticks(pid).unwrap();
    assert!(
        after - before <= 1,
        "idle TUI used {} ticks in 10 s",
        after - before
    );
}

#[test]
fn closed_terminal_ends_the_process_and_keeps_answers() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    let t = Tmux::start("hup", &db.cmd(), 80, 24);
    start_study(&t);
    answer_good(&t, 0, 2);
    let pid = app_pid(&t);
    t.kill();
    assert!(gone_within(pid, 5), "process {pid} outlived its terminal");
    assert_eq!(db.reviews_total(), 2);
}

#[test]
fn closed_terminal_ends_the_process_with_sighup_ignored() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    let cmd = format!("sh -c \"trap '' HUP; exec {}\"", db.cmd());
    let t = Tmux::start("nohup", &cmd, 80, 24);
    start_study(&t);
    answer_good(&t, 0, 2);
    let pid = app_pid(&t);
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let ign = status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .map(|h| u64::from_str_radix(h.trim(), 16).unwrap())
        .unwrap();
    assert_eq!(ign & 1, 1, "the wrapper should leave SIGHUP ignored");
    t.kill();
    assert!(gone_within(pid, 5), "process {pid} outlived its terminal");
    assert_eq!(db.reviews_total(), 2);
}

#[test]
fn sigterm_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    let db = Db::new();
    // A shell stays in the pane after the program ends, so we can see the screen it left.
    let t = Tmux::start("term", "sh", 80, 24);
    t.literal(&format!("{}; echo EXIT=$?", db.cmd()));
    t.keys(&["Enter"]);
    t.wait("home", |s| s.contains(HOME));
    let pid = app_pid(&t);
    Command::new("kill").arg(pid.to_string()).status().unwrap();
    let s = t.wait("the shell again", |s| s.contains("EXIT=143"));
    assert!(
        !s.contains("新质生产力"),
        "the alternate screen was left:\n{s}"
    );
    // Raw mode is off: a typed line echoes and runs.
    t.literal("echo back-$((1+1))");
    t.keys(&["Enter"]);
    t.wait("cooked mode", |s| s.contains("back-2"));
}
