//! `tiankong sched`.
use std::process::ExitCode;

use crate::cli::{SchedArgs, Global};

pub fn run(_global: &Global, _args: &SchedArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sched` is not built yet")
}
