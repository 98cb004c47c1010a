//! Fitting FSRS parameters to the user's own history: review logs -> `FSRSItem`s by study day ->
//! `fsrs::compute_parameters`, and both the old and the new parameters scored with
//! `FSRS::evaluate` on the same items. Pure: the caller loads the history.
use fsrs::{ComputeParametersInput, FSRSItem, FSRSReview, FSRS};

use super::day::day_index;
use super::types::Rating;

/// Training items needed for a real fit. `fsrs::compute_parameters` returns the defaults below
/// 8 items and fits only the four initial stabilities below 64 (fsrs 6.6 `training.rs`); an
/// item is one review made on a later study day than the card's previous review.
pub const MIN_TRAINING_ITEMS: usize = 64;

/// One answer from the review log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HistoryReview {
    pub at_ms: i64,
    pub rating: Rating,
    /// The local UTC offset when the answer was given.
    pub utc_offset_secs: i32,
}

/// One card's answers, oldest first (they are sorted again anyway).
#[derive(Debug, Clone, PartialEq)]
pub struct CardHistory {
    pub card_id: i64,
    pub reviews: Vec<HistoryReview>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FitOptions {
    /// The parameters in use now (empty for the defaults); scored as "old".
    pub current_params: Vec<f32>,
    pub rollover_hour: u32,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            current_params: fsrs::DEFAULT_PARAMETERS.to_vec(),
            rollover_hour: super::ROLLOVER_HOUR,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FitReport {
    pub old_params: Vec<f32>,
    pub new_params: Vec<f32>,
    pub old_log_loss: f32,
    pub new_log_loss: f32,
    pub old_rmse: f32,
    pub new_rmse: f32,
    /// Training items (reviews on a later day than the card's previous one) used.
    pub reviews_used: usize,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OptimizeError {
    #[error(
        "not enough review history to fit parameters: {reviews} reviews on a later day than the \
         card's previous review, {needed} needed; keep the current parameters and study on"
    )]
    NotEnoughHistory { reviews: usize, needed: usize },
    #[error("the current FSRS parameters are invalid ({0} values)")]
    InvalidParameters(usize),
    #[error("FSRS {stage} failed: {message}")]
    Fsrs {
        stage: &'static str,
        message: String,
    },
}

/// Fit with default options (current parameters = FSRS-6 defaults, day roll-over 4 a.m.).
pub fn fit(history: &[CardHistory]) -> Result<FitReport, OptimizeError> {
    fit_with(history, &FitOptions::default())
}

pub fn fit_with(history: &[CardHistory], opts: &FitOptions) -> Result<FitReport, OptimizeError> {
    let (items, card_ids) = training_items(history, opts.rollover_hour);
    if items.len() < MIN_TRAINING_ITEMS {
        return Err(OptimizeError::NotEnoughHistory {
            reviews: items.len(),
            needed: MIN_TRAINING_ITEMS,
        });
    }
    let old_params = fsrs::check_and_fill_parameters(&opts.current_params)
        .map_err(|_| OptimizeError::InvalidParameters(opts.current_params.len()))?;
    let new_params = fsrs::compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(card_ids),
        ..ComputeParametersInput::default()
    })
    .map_err(|e| fsrs_error("training", e))?;
    let (old_log_loss, old_rmse) = score(&old_params, &items)?;
    let (new_log_loss, new_rmse) = score(&new_params, &items)?;
    Ok(FitReport {
        old_params,
        new_params,
        old_log_loss,
        new_log_loss,
        old_rmse,
        new_rmse,
        reviews_used: items.len(),
    })
}

fn fsrs_error(stage: &'static str, e: fsrs::FSRSError) -> OptimizeError {
    OptimizeError::Fsrs {
        stage,
        message: format!("{e:?}"),
    }
}

fn score(params: &[f32], items: &[FSRSItem]) -> Result<(f32, f32), OptimizeError> {
    let model = FSRS::new(params).map_err(|e| fsrs_error("model", e))?;
    let eval = model
        .evaluate(items.to_vec(), |_| true)
        .map_err(|e| fsrs_error("evaluation", e))?;
    Ok((eval.log_loss, eval.rmse_bins))
}

/// Anki's conversion: for every answer after a card's first, the history up to it with each
/// `delta_t` in study days; kept only when it falls on a later day than the previous answer.
/// Items are sorted by the time of their last answer (fsrs weights recent items more).
pub fn training_items(history: &[CardHistory], rollover_hour: u32) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut timed: Vec<(i64, i64, FSRSItem)> = Vec::new();
    for card in history {
        let mut reviews = card.reviews.clone();
        reviews.sort_by_key(|r| r.at_ms);
        let mut so_far: Vec<FSRSReview> = Vec::with_capacity(reviews.len());
        let mut prev_day: Option<i64> = None;
        for r in &reviews {
            let day = day_index(r.at_ms, r.utc_offset_secs, rollover_hour);
            let delta_t = prev_day.map_or(0, |p| u32::try_from((day - p).max(0)).unwrap_or(0));
            prev_day = Some(day);
            so_far.push(FSRSReview {
                rating: u32::from(r.rating.as_u8()),
                delta_t,
            });
            if so_far.len() > 1 && delta_t > 0 {
                timed.push((
                    r.at_ms,
                    card.card_id,
                    FSRSItem {
                        reviews: so_far.clone(),
                    },
                ));
            }
        }
    }
    timed.sort_by_key(|(at, card, _)| (*at, *card));
    timed
        .into_iter()
        .map(|(_, card, item)| (item, card))
        .unzip()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn review(day: i64, rating: Rating) -> HistoryReview {
        HistoryReview {
            at_ms: day * 86_400_000 + 12 * 3_600_000,
            rating,
            utc_offset_secs: 0,
        }
    }

    #[test]
    fn items_are_cut_by_day() {
        let h = CardHistory {
            card_id: 7,
            reviews: vec![
                review(0, Rating::Again),
                review(0, Rating::Good),
                review(1, Rating::Good),
                review(4, Rating::Hard),
            ],
        };
        let (items, ids) = training_items(&[h], crate::sched::ROLLOVER_HOUR);
        assert_eq!(ids, vec![7, 7]);
        let deltas: Vec<Vec<(u32, u32)>> = items
            .iter()
            .map(|i| i.reviews.iter().map(|r| (r.rating, r.delta_t)).collect())
            .collect();
        assert_eq!(
            deltas,
            vec![
                vec![(1, 0), (3, 0), (3, 1)],
                vec![(1, 0), (3, 0), (3, 1), (2, 3)]
            ]
        );
    }

    #[test]
    fn too_little_history_is_said_plainly() {
        let h = CardHistory {
            card_id: 1,
            reviews: vec![review(0, Rating::Good), review(2, Rating::Good)],
        };
        let err = fit(&[h]).unwrap_err();
        assert_eq!(
            err,
            OptimizeError::NotEnoughHistory {
                reviews: 1,
                needed: 64
            }
        );
        assert!(err.to_string().contains("1 reviews"));
    }
}
