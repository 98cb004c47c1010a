//! The command line: clap definitions and dispatch. Each subcommand's work lives in
//! `cmd::<name>::run`; this file only parses and maps errors to exit codes.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// 填空 — study the lists and key sentences of Chinese study texts, scheduled with FSRS.
#[derive(Debug, Parser)]
#[command(name = "tiankong", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options accepted before or after any subcommand.
#[derive(Debug, Clone, Args, Default)]
pub struct Global {
    /// The user's database (default: $XDG_DATA_HOME/tiankong/tiankong.db).
    #[arg(long, global = true, env = "TIANKONG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Deck folders; replaces the search path (env TIANKONG_DECKS, `:`-separated).
    #[arg(long, global = true, value_name = "DIR", value_delimiter = ':')]
    pub decks: Vec<PathBuf>,
    /// Interface language: zh (default) or en (env TIANKONG_LANG).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

impl Global {
    /// The language of this run's messages: `--lang`, else `TIANKONG_LANG`, else Chinese.
    /// (The settings file's language applies to the TUI; see `config`.)
    pub fn lang(&self) -> crate::config::Lang {
        self.lang
            .as_deref()
            .and_then(crate::config::Lang::parse)
            .or_else(|| {
                std::env::var("TIANKONG_LANG")
                    .ok()
                    .and_then(|v| crate::config::Lang::parse(&v))
            })
            .unwrap_or_default()
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the study interface (the default when no command is given).
    Study(StudyArgs),
    /// Turn corpus texts into deck files, one per source document.
    Generate(GenerateArgs),
    /// Check deck files; prints `file:line:col: message`, exits 1 on any error.
    Lint(LintArgs),
    /// List the loaded decks with their card counts.
    Decks(JsonArgs),
    /// Collection statistics.
    Stats(JsonArgs),
    /// Replay a rating sequence with default FSRS parameters, each review when due.
    Sched(SchedArgs),
    /// Fit FSRS parameters to your own review history.
    Optimize(OptimizeArgs),
    /// Check the database: integrity, card state against the review log, orphans.
    Check(CheckArgs),
    /// Print every card of a deck as a student will see it.
    Preview(PreviewArgs),
    /// Export decks for Anki (text import) or as CSV.
    Export(ExportArgs),
    /// Import an Anki cloze text file or CSV into a deck file.
    Import(ImportArgs),
    /// A student's progress report, or the class view with --merge.
    Report(ReportArgs),
    /// A mock exam paper from the decks (single, multi, judge, blank, list, order), or the
    /// mistake book with --mistakes.
    Exam(ExamArgs),
    /// Simulate a student before an exam: fixed retention against the exam-day policy.
    Simulate(SimulateArgs),
}

#[derive(Debug, Clone, Args, Default)]
pub struct StudyArgs {
    /// Start studying this deck at once.
    #[arg(long)]
    pub deck: Option<String>,
    /// Cram: the cards least likely to be recalled now, outside the schedule (nothing is
    /// written).
    #[arg(long)]
    pub cram: bool,
    /// With --cram: how many cards (default: the whole deck).
    #[arg(short = 'n', requires = "cram")]
    pub n: Option<usize>,
    /// Study only the notes with this tag (home, counts and sessions alike).
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ExamArgs {
    /// Ask about this deck only.
    #[arg(long)]
    pub deck: Option<String>,
    /// Ask about notes with this tag only.
    #[arg(long)]
    pub tag: Option<String>,
    /// Number of questions.
    #[arg(short = 'n', default_value_t = 30)]
    pub n: usize,
    /// Time limit in minutes (a clock on screen; the paper is handed in when it runs out).
    #[arg(long)]
    pub minutes: Option<u32>,
    /// Seed: the same seed gives the same paper (default: from the clock).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Print the paper as JSON and exit.
    #[arg(long)]
    pub json: bool,
    /// Open the mistake book (错题本); with --json, print it.
    #[arg(long)]
    pub mistakes: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SimulateArgs {
    /// Cards to learn before the exam.
    #[arg(long, default_value_t = 1000)]
    pub cards: usize,
    /// Days from the first study day to the exam.
    #[arg(long, default_value_t = 30)]
    pub days_to_exam: u32,
    /// Study minutes per day.
    #[arg(long, default_value_t = 20.0)]
    pub minutes_per_day: f64,
    /// Seed of the simulated recalls.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Corpus files or folders of .txt files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Where to write the deck files.
    #[arg(long, value_name = "DIR", required_unless_present = "update")]
    pub out: Option<PathBuf>,
    /// Regenerate into existing decks, keeping hand edits and note ids.
    #[arg(long, value_name = "DECK_DIR", conflicts_with = "out")]
    pub update: Option<PathBuf>,
    /// With --update: remove notes whose list vanished from the corpus.
    #[arg(long, requires = "update")]
    pub prune: bool,
    /// With --out: overwrite deck files that already exist (hand edits are lost).
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct LintArgs {
    /// Deck files or folders (default: the deck search path).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct JsonArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SchedArgs {
    /// Ratings, one digit per review: 1 Again, 2 Hard, 3 Good, 4 Easy.
    #[arg(long)]
    pub ratings: String,
    /// Turn interval fuzz off.
    #[arg(long)]
    pub no_fuzz: bool,
    /// Print JSON lines.
    #[arg(long)]
    pub json: bool,
    /// Desired retention.
    #[arg(long, default_value_t = 0.9)]
    pub retention: f64,
}

#[derive(Debug, Clone, Args)]
pub struct OptimizeArgs {
    /// Compute and print, but do not save the new parameters.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Repair what is safe to repair.
    #[arg(long)]
    pub repair: bool,
}

#[derive(Debug, Clone, Args)]
pub struct PreviewArgs {
    /// A deck id or a deck file.
    pub deck: String,
    /// Only this note.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// anki or csv.
    #[arg(long, value_name = "FORMAT")]
    pub format: String,
    /// Only this deck.
    #[arg(long)]
    pub deck: Option<String>,
    /// Output file.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// An Anki cloze text export or a CSV file.
    pub file: PathBuf,
    /// The id of the deck to write.
    #[arg(long, required_unless_present = "update")]
    pub deck: Option<String>,
    /// Where to write the deck file (default: ./decks).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Merge into this existing deck (a deck file, or a deck id on the deck path) by note id.
    #[arg(long, value_name = "DECK", conflicts_with_all = ["deck", "out"])]
    pub update: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// A name to put in the report.
    #[arg(long)]
    pub name: Option<String>,
    /// Merge students' JSON reports into the class view.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub merge: Vec<PathBuf>,
    /// With --merge: the class list, one name a line; names without a report are `missing`.
    #[arg(long, value_name = "FILE", requires = "merge")]
    pub roster: Option<PathBuf>,
    /// With --merge: one CSV row per student, for a spreadsheet.
    #[arg(long, requires = "merge", conflicts_with = "json")]
    pub csv: bool,
}

/// Parse the command line and run; errors print one line (or a few) on stderr, in the
/// user's language, each cause once, with a hint where one helps.
pub fn main() -> ExitCode {
    let cli = Cli::parse_from(help_args(std::env::args_os()));
    let lang = cli.global.lang();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{}", error_text(&err, lang));
            ExitCode::from(2)
        }
    }
}

/// `println!` panics when stdout is a closed pipe (Rust ignores SIGPIPE); that one panic
/// ends the process quietly with success, as `head` expects. Any other panic goes to the
/// previous hook (the TUI chains its terminal restore onto this one).
fn quiet_pipe() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        previous(info);
    }));
}

/// `tiankong help --help` asks for help about help: clap's `help` subcommand rejects the
/// flag, so it is dropped (`help` alone prints the same text).
fn help_args(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let args: Vec<std::ffi::OsString> = args.collect();
    if args.get(1).is_some_and(|a| a == "help") {
        let mut kept: Vec<std::ffi::OsString> = args
            .iter()
            .filter(|a| *a != "--help" && *a != "-h")
            .cloned()
            .collect();
        if kept.len() < args.len() {
            kept.truncate(2);
        }
        return kept;
    }
    args
}

/// An error and its causes on one line, each cause once (a message that already contains its
/// cause's text does not repeat it), then a hint for the usual fixes.
pub fn error_text(err: &anyhow::Error, lang: crate::config::Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if parts.iter().any(|p| p.contains(&text)) {
            continue;
        }
        parts.push(text);
    }
    let mut out = format!("tiankong: {}", parts.join(": "));
    let denied = err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|e| {
            use std::io::ErrorKind as K;
            matches!(
                e.kind(),
                K::PermissionDenied | K::AlreadyExists | K::NotADirectory | K::ReadOnlyFilesystem
            )
        }) || c.to_string().contains("Permission denied")
            || c.to_string().contains("readonly database")
            || c.to_string().contains("unable to open database")
    });
    if denied {
        out.push('\n');
        out.push_str(crate::i18n::t(
            lang,
            "提示：数据文件夹不可写或打不开：用 --db 路径 或环境变量 TIANKONG_DB 指定可写的数据库。",
            "hint: the data folder cannot be written or opened: give a writable database with --db PATH or TIANKONG_DB.",
        ));
    }
    out
}

/// Dispatch a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut global = cli.global;
    if global.decks.is_empty() {
        if let Some(v) = std::env::var_os("TIANKONG_DECKS") {
            global.decks = std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
        }
    }
    use crate::cmd;
    // A closed pipe (`| head`) ends a command quietly instead of a panic from `println!`.
    quiet_pipe();
    match cli.command {
        None => cmd::study::run(&global, &StudyArgs::default()),
        Some(Command::Study(a)) => cmd::study::run(&global, &a),
        Some(Command::Generate(a)) => cmd::generate::run(&global, &a),
        Some(Command::Lint(a)) => cmd::lint::run(&global, &a),
        Some(Command::Decks(a)) => cmd::decks::run(&global, &a),
        Some(Command::Stats(a)) => cmd::stats::run(&global, &a),
        Some(Command::Sched(a)) => cmd::sched::run(&global, &a),
        Some(Command::Optimize(a)) => cmd::optimize::run(&global, &a),
        Some(Command::Check(a)) => cmd::check::run(&global, &a),
        Some(Command::Preview(a)) => cmd::preview::run(&global, &a),
        Some(Command::Export(a)) => cmd::export::run(&global, &a),
        Some(Command::Import(a)) => cmd::import::run(&global, &a),
        Some(Command::Report(a)) => cmd::report::run(&global, &a),
        Some(Command::Exam(a)) => cmd::exam::run(&global, &a),
        Some(Command::Simulate(a)) => cmd::simulate::run(&global, &a),
    }
}
