//! `tiankong preview`.
use std::process::ExitCode;

use crate::cli::{PreviewArgs, Global};

pub fn run(_global: &Global, _args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`preview` is not built yet")
}
