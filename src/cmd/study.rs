//! `tiankong study`.
use std::process::ExitCode;

use crate::cli::{Global, StudyArgs};

pub fn run(_global: &Global, _args: &StudyArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`study` is not built yet")
}
