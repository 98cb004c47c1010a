//! The real terminal: the no-terminal check, raw mode + alternate screen + bracketed paste
//! (mouse capture stays off so students can select text), restoring on every exit path (drop
//! guard, panic hook, SIGTERM/SIGINT/SIGHUP), and the watcher that ends the process when the
//! terminal goes away even if SIGHUP is ignored (crossterm 0.29 then spins in `read`, see
//! crossterm-rs/crossterm#793). The event loop blocks in `event::read`: no tick.
use std::io::{IsTerminal, Write};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use super::app::App;
use super::keymap::map_key;
use super::msg::{Effect, Key, Msg};
use super::runner::{dispatch, Runner};
use super::views;
use super::TuiError;

/// Held while an effect runs (an answer being committed). Signal and watcher threads take it
/// before exiting, so the process never ends in the middle of writing an answer.
static WORK: Mutex<()> = Mutex::new(());

fn work_lock() -> MutexGuard<'static, ()> {
    WORK.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Refuse to start without a terminal: one line on stderr, no escape bytes.
pub fn require_terminal() -> Result<(), TuiError> {
    if !std::io::stdin().is_terminal() {
        return Err(TuiError::NoTerminal("stdin"));
    }
    if !std::io::stdout().is_terminal() {
        return Err(TuiError::NoTerminal("stdout"));
    }
    Ok(())
}

/// Put the terminal back: leave the alternate screen, bracketed paste off, cursor on, raw
/// mode off. Safe to call twice and on a dead terminal (errors are ignored: nothing to do).
pub fn restore() {
    let mut out = std::io::stdout();
    let _ = crossterm::execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped (normal return and `?` errors).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// True when the parent set SIGHUP to "ignore" (`nohup`, `trap '' HUP`). We then leave it
/// ignored and rely on the terminal watcher. Read from /proc: no unsafe code needed.
fn sighup_ignored() -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigIgn:"))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
        .is_some_and(|mask| mask & 1 != 0) // SIGHUP is signal 1: bit 0.
}

/// SIGTERM, SIGINT and (unless ignored) SIGHUP: wait for in-flight work, restore, exit.
fn install_signal_thread() -> Result<(), TuiError> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut sigs = vec![SIGTERM, SIGINT];
    if !sighup_ignored() {
        sigs.push(SIGHUP);
    }
    let mut signals =
        signal_hook::iterator::Signals::new(&sigs).map_err(|e| TuiError::Io(e.to_string()))?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _held = work_lock();
                restore();
                std::process::exit(128 + sig);
            }
        })
        .map_err(|e| TuiError::Io(e.to_string()))?;
    Ok(())
}

/// Whether this process still has its controlling terminal. After a hangup the kernel
/// detaches the session from the terminal, so opening /dev/tty fails (ENXIO).
pub fn terminal_alive() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_ok()
}

/// Every second: if the terminal is gone, wait for in-flight work and exit. Sleeping,
/// not spinning: a few microseconds of CPU per check.
fn install_tty_watcher() -> Result<(), TuiError> {
    if !terminal_alive() {
        // No controlling terminal to watch (stdin/stdout are ttys without one, e.g. setsid).
        return Ok(());
    }
    std::thread::Builder::new()
        .name("tty-watch".into())
        .spawn(|| loop {
            std::thread::sleep(Duration::from_secs(1));
            if !terminal_alive() {
                let _held = work_lock();
                // Nothing to restore: the terminal is gone.
                std::process::exit(129);
            }
        })
        .map_err(|e| TuiError::Io(e.to_string()))?;
    Ok(())
}

/// Terminal-independent key, or None for keys we do not use.
pub fn to_key(k: KeyEvent) -> Option<Key> {
    if !matches!(k.kind, KeyEventKind::Press | KeyEventKind::Repeat) {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char('c') if ctrl => Key::CtrlC,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        _ => return None,
    })
}

/// The real terminal set up for a screen loop (raw mode, alternate screen, bracketed paste,
/// signals, the tty watcher); restored when dropped.
pub struct Screen {
    pub term: Terminal<CrosstermBackend<std::io::Stdout>>,
    _guard: Guard,
}

/// Set up the terminal for a screen loop (the study interface, the exam screens).
pub fn enter() -> Result<Screen, TuiError> {
    require_terminal()?;
    install_panic_hook();
    install_signal_thread()?;
    install_tty_watcher()?;
    terminal::enable_raw_mode().map_err(|e| TuiError::Io(e.to_string()))?;
    let guard = Guard;
    let mut out = std::io::stdout();
    crossterm::execute!(out, EnterAlternateScreen, EnableBracketedPaste)
        .map_err(|e| TuiError::Io(e.to_string()))?;
    let term =
        Terminal::new(CrosstermBackend::new(out)).map_err(|e| TuiError::Io(e.to_string()))?;
    Ok(Screen {
        term,
        _guard: guard,
    })
}

/// Hold while writing to the database from a screen loop (see [`WORK`]).
pub fn hold_work() -> MutexGuard<'static, ()> {
    work_lock()
}

/// Run the TUI until quit. `first` is the effect to start with (home, or a deck's session).
/// `idle` runs once, after the first frame is on screen, while the loop waits for the first
/// key: work that must not delay that frame (the day's backup) starts there.
pub fn run(
    mut app: App,
    runner: &mut Runner,
    first: Effect,
    idle: impl FnOnce(),
) -> Result<(), TuiError> {
    let mut idle = Some(idle);
    let mut screen = enter()?;
    let term = &mut screen.term;
    {
        let _held = work_lock();
        let msg = runner.perform(first);
        dispatch(&mut app, msg, runner);
    }
    let mut dirty = true;
    loop {
        if dirty {
            term.draw(|f| views::draw(f, &app))
                .map_err(|e| TuiError::Io(e.to_string()))?;
        }
        if let Some(f) = idle.take() {
            f();
        }
        // Blocks until input: no tick, no CPU while idle. An error (terminal gone) quits.
        let ev = match event::read() {
            Ok(ev) => ev,
            Err(_) => break,
        };
        let msg = match ev {
            Event::Key(k) => to_key(k).and_then(|k| map_key(&app, k)),
            Event::Paste(s) => Some(Msg::Paste(s)),
            Event::Resize(w, h) => Some(Msg::Resize(w, h)),
            _ => None,
        };
        dirty = match msg {
            Some(m) => {
                let _held = work_lock();
                dispatch(&mut app, m, runner)
            }
            None => false,
        };
        if app.quit {
            break;
        }
    }
    Ok(())
}
