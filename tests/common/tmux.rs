//! tmux for the end-to-end tests: one session on its own server socket (killed on drop), keys,
//! the screen, and waiting for it. Without tmux the tests fail, unless the skip is asked for by
//! name (CI never sets it): a test that passes without running says nothing.
use std::process::Command;
use std::time::{Duration, Instant};

pub fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    // Without tmux the tests fail, unless the skip is asked for by name (CI never sets it):
    // a test that passes without running says nothing.
    if !ok {
        if std::env::var_os("TIANKONG_SKIP_TMUX").is_some() {
            eprintln!("NOTICE: tmux not installed and TIANKONG_SKIP_TMUX set: skipping");
            return false;
        }
        panic!("tmux is not installed (set TIANKONG_SKIP_TMUX=1 to skip these tests)");
    }
    ok
}

/// One tmux session on its own server socket, killed on drop.
pub struct Tmux {
    socket: String,
    name: String,
    _cfg: tempfile::TempDir,
}

impl Tmux {
    pub fn start(tag: &str, shell_cmd: &str, w: u16, h: u16) -> Tmux {
        let cfg = tempfile::tempdir().unwrap();
        let socket = format!("tk-e2e-{}-{tag}", std::process::id());
        let name = "t".to_string();
        let full = format!("env XDG_CONFIG_HOME={} {shell_cmd}", cfg.path().display());
        let st = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                &name,
            ])
            .args(["-x", &w.to_string(), "-y", &h.to_string(), &full])
            .status()
            .unwrap();
        assert!(st.success());
        Tmux {
            socket,
            name,
            _cfg: cfg,
        }
    }
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", &self.name, k]);
        }
    }
    pub fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", &self.name])
    }
    /// Poll the pane until `pred` holds, or fail with the last screen after 15 s.
    pub fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    pub fn pid(&self) -> u32 {
        // The pane's process (exec'd by the shell wrapper when there is one).
        self.tmux(&["display", "-p", "-t", &self.name, "#{pane_pid}"])
            .trim()
            .parse()
            .unwrap()
    }
    pub fn kill(&self) {
        self.tmux(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill();
    }
}
