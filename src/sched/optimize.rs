//! Fitting FSRS parameters to a user's own review history (`tiankong optimize`).
use fsrs::{FSRSItem, FSRSReview, FSRS};

use super::types::Rating;

/// One card's reviews: `(time ms, rating)` in order, and the local time offset.
#[derive(Debug, Clone, PartialEq)]
pub struct CardHistory {
    pub reviews: Vec<(i64, Rating)>,
}

/// Old and new parameters and how well each predicts the history.
#[derive(Debug, Clone, PartialEq)]
pub struct FitReport {
    pub old_params: Vec<f32>,
    pub new_params: Vec<f32>,
    pub old_log_loss: f32,
    pub new_log_loss: f32,
    pub old_rmse: f32,
    pub new_rmse: f32,
    pub reviews_used: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum OptimizeError {
    #[error("not enough review history to fit parameters: {reviews} reviews that count, {needed} needed (keep studying and try again)")]
    NotEnoughHistory { reviews: usize, needed: usize },
    #[error("the FSRS optimizer failed: {0}")]
    Fsrs(String),
}

/// fsrs needs this many reviews after a first one (on a later day) before fitting.
pub const MIN_REVIEWS: usize = 400;

/// Turn histories into fsrs training items: one item per review after the first, each the
/// card's reviews up to it, with days between reviews by study day (`day_of`).
pub fn items(histories: &[CardHistory], day_of: impl Fn(i64) -> i64) -> Vec<FSRSItem> {
    let mut out = Vec::new();
    for h in histories {
        let mut reviews: Vec<FSRSReview> = Vec::new();
        let mut last_day: Option<i64> = None;
        for (at, r) in &h.reviews {
            let day = day_of(*at);
            let delta = last_day
                .map(|d| u32::try_from((day - d).max(0)).unwrap_or(0))
                .unwrap_or(0);
            reviews.push(FSRSReview {
                rating: u32::from(r.as_u8()),
                delta_t: delta,
            });
            last_day = Some(day);
            if reviews.len() >= 2 {
                let item = FSRSItem {
                    reviews: reviews.clone(),
                };
                if item.long_term_review_cnt() > 0 {
                    out.push(item);
                }
            }
        }
    }
    out
}

/// Fit parameters to the histories; compare with `current` (empty for the defaults).
pub fn fit(
    histories: &[CardHistory],
    current: &[f32],
    day_of: impl Fn(i64) -> i64,
) -> Result<FitReport, OptimizeError> {
    let train = items(histories, day_of);
    if train.len() < MIN_REVIEWS {
        return Err(OptimizeError::NotEnoughHistory {
            reviews: train.len(),
            needed: MIN_REVIEWS,
        });
    }
    let err = |e: fsrs::FSRSError| OptimizeError::Fsrs(format!("{e:?}"));
    let old = FSRS::new(current).map_err(err)?;
    let old_eval = old.evaluate(train.clone(), |_| true).map_err(err)?;
    let new_params = fsrs::compute_parameters(fsrs::ComputeParametersInput {
        train_set: train.clone(),
        ..Default::default()
    })
    .map_err(err)?;
    let new = FSRS::new(&new_params).map_err(err)?;
    let new_eval = new.evaluate(train.clone(), |_| true).map_err(err)?;
    let old_params = if current.is_empty() {
        fsrs::DEFAULT_PARAMETERS.to_vec()
    } else {
        current.to_vec()
    };
    Ok(FitReport {
        old_params,
        new_params,
        old_log_loss: old_eval.log_loss,
        new_log_loss: new_eval.log_loss,
        old_rmse: old_eval.rmse_bins,
        new_rmse: new_eval.rmse_bins,
        reviews_used: train.len(),
    })
}
