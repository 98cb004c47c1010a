//! `tiankong report`.
use std::process::ExitCode;

use crate::cli::{ReportArgs, Global};

pub fn run(_global: &Global, _args: &ReportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`report` is not built yet")
}
