//! Interval fuzz as Anki does it with FSRS: a per-card factor in [0, 1) picks a day within a
//! range that widens with the interval (none below 2.5 days). The factor comes from a small
//! deterministic PRNG seeded by (card seed, reps), so an answer can be replayed exactly.

/// Anki's fuzz ranges: (from, to, factor) — each day of the interval within [from, to) widens
/// the range by `factor` days on each side, on top of one day.
const FUZZ_RANGES: [(f32, f32, f32); 3] =
    [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f32::MAX, 0.05)];

/// splitmix64: tiny, well mixed, and ours (no global RNG).
pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The fuzz factor in [0, 1) for a card's `reps`-th answer.
pub fn fuzz_factor(seed: u64, reps: u32) -> f32 {
    let bits = splitmix64(splitmix64(seed) ^ u64::from(reps));
    // 24 bits fit an f32 mantissa exactly, so the result is < 1.0.
    (bits >> 40) as f32 / (1u64 << 24) as f32
}

fn fuzz_delta(interval: f32) -> f32 {
    if interval < 2.5 {
        return 0.0;
    }
    FUZZ_RANGES
        .iter()
        .fold(1.0, |delta, &(start, end, factor)| {
            delta + factor * (interval.min(end) - start).max(0.0)
        })
}

/// The fuzz range for `interval`, kept within [minimum, maximum].
pub fn fuzz_bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    let interval = interval.clamp(minimum as f32, maximum as f32);
    let delta = fuzz_delta(interval);
    let mut lower = ((interval - delta).round() as u32).clamp(minimum, maximum);
    let mut upper = ((interval + delta).round() as u32).clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    lower = lower.min(upper);
    (lower, upper)
}

/// A review interval in whole days within [minimum, maximum] (minimum gives way to maximum),
/// fuzzed when a factor is given.
pub fn constrain_interval(interval: f32, minimum: u32, maximum: u32, fuzz: Option<f32>) -> u32 {
    let interval = if interval.is_finite() {
        interval
    } else {
        maximum as f32
    };
    match fuzz {
        Some(factor) => {
            let (lower, upper) = fuzz_bounds(interval, minimum, maximum);
            let picked = lower as f32 + factor * (1 + upper - lower) as f32;
            (picked.floor() as u32).clamp(lower, upper)
        }
        None => (interval.round().max(0.0) as u32).clamp(minimum.min(maximum), maximum),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn ranges_match_anki() {
        // delta(10) = 1 + 0.15*4.5 + 0.1*3 = 1.975 -> [8, 12]
        assert_eq!(fuzz_bounds(10.0, 1, 36500), (8, 12));
        // below 2.5 days no fuzz; a single-day range is widened by one day
        assert_eq!(fuzz_bounds(2.0, 1, 36500), (2, 2));
        assert_eq!(fuzz_bounds(100.0, 1, 36500), (93, 107));
        // the interval is first moved into [minimum, maximum], then the range is cut to it:
        // delta(11) = 2.075 -> [8.9, 13.1] -> [11, 13]; delta(9) = 1.875 -> [7.1, 10.9] -> [7, 9]
        assert_eq!(fuzz_bounds(10.0, 11, 36500), (11, 13));
        assert_eq!(fuzz_bounds(10.0, 1, 9), (7, 9));
    }

    #[test]
    fn factor_is_reproducible_and_spread() {
        assert_eq!(fuzz_factor(42, 3), fuzz_factor(42, 3));
        assert_ne!(fuzz_factor(42, 3), fuzz_factor(42, 4));
        let mut buckets = [0u32; 10];
        for seed in 0..10_000u64 {
            let f = fuzz_factor(seed, 1);
            assert!((0.0..1.0).contains(&f));
            buckets[(f * 10.0) as usize] += 1;
        }
        // Each tenth holds about 1000; a broken mixer piles them up.
        assert!(
            buckets.iter().all(|&b| (850..1150).contains(&b)),
            "{buckets:?}"
        );
    }

    #[test]
    fn constrain_respects_bounds() {
        assert_eq!(constrain_interval(0.2, 1, 100, None), 1);
        assert_eq!(constrain_interval(498.4, 1, 36500, None), 498);
        assert_eq!(constrain_interval(5.0, 1, 3, Some(0.99)), 3);
        assert_eq!(constrain_interval(10.0, 1, 36500, Some(0.0)), 8);
        assert_eq!(constrain_interval(10.0, 1, 36500, Some(0.999)), 12);
    }
}
