//! `tiankong optimize`.
use std::process::ExitCode;

use crate::cli::{OptimizeArgs, Global};

pub fn run(_global: &Global, _args: &OptimizeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`optimize` is not built yet")
}
