//! The exam screens (work in progress).
use std::process::ExitCode;

use crate::cli::{ExamArgs, Global};
use crate::exam::Paper;

pub fn run_paper(_global: &Global, _args: &ExamArgs, _paper: Paper) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the Exam screen is not built yet; use --json")
}

pub fn run_mistakes(_global: &Global, _args: &ExamArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the mistake book is not built yet")
}
