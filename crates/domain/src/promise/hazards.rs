//! Transit as hazards: the chance of arriving on each delivery day, and stretching a route's
//! shape to fit its own shipments.

/// Weighted counts of one key on one day, per transit day: parcels still travelling at its
/// start, and parcels delivered on it.
#[derive(Debug, Clone)]
pub(super) struct Exposure {
    pub(super) travelling: Vec<f64>,
    pub(super) delivered: Vec<f64>,
}

impl Exposure {
    pub(super) fn hazards(&self) -> Vec<f64> {
        self.travelling
            .iter()
            .zip(&self.delivered)
            .map(|(&travelling, &delivered)| {
                if travelling > 0.0 {
                    delivered / travelling
                } else {
                    1.0
                }
            })
            .collect()
    }
}

/// The log-scale steps tried for a stretch factor: 0.30 to 3.3 times, 5% apart.
const STRETCH_STEPS: i32 = 24;
const STRETCH_STEP: f64 = 0.05;

/// The stretch of `parent` that best explains `own`, held near 1 by a normal prior on its
/// logarithm with spread `spread` (few shipments cannot move it far).
pub(super) fn fit_stretch(parent: &[f64], own: &Exposure, spread: f64) -> f64 {
    let Some(last) = own.travelling.iter().rposition(|&weight| weight > 0.0) else {
        return 1.0;
    };
    let survival = survival(parent);
    let mut best = (f64::NEG_INFINITY, 1.0);
    for step in -STRETCH_STEPS..=STRETCH_STEPS {
        let log_factor = f64::from(step) * STRETCH_STEP;
        let factor = log_factor.exp();
        let mut fit = -log_factor * log_factor / (2.0 * spread * spread);
        let mut before: f64 = 1.0;
        for n in 0..=last {
            let after = survival_at(&survival, (n + 1) as f64 / factor);
            let hazard = (1.0 - after / before.max(1e-300)).clamp(1e-9, 1.0 - 1e-9);
            let delivered = own.delivered[n];
            fit += delivered * hazard.ln() + (own.travelling[n] - delivered) * (1.0 - hazard).ln();
            before = after;
        }
        if fit > best.0 {
            best = (fit, factor);
        }
    }
    best.1
}

/// The hazards of the transit `factor` times as long as the one `hazards` describe.
pub(super) fn stretch(hazards: &[f64], factor: f64) -> Vec<f64> {
    let survival = survival(hazards);
    let mut before = 1.0;
    (0..hazards.len())
        .map(|n| {
            let after = survival_at(&survival, (n + 1) as f64 / factor);
            let hazard = if before > 0.0 {
                (1.0 - after / before).clamp(0.0, 1.0)
            } else {
                1.0
            };
            before = after;
            hazard
        })
        .collect()
}

/// `survival[i]`: the chance of travelling more than `i - 1` delivery days (`survival[0]` is 1).
pub(super) fn survival(hazards: &[f64]) -> Vec<f64> {
    let mut survival = Vec::with_capacity(hazards.len() + 1);
    let mut beyond = 1.0;
    survival.push(beyond);
    for &hazard in hazards {
        beyond *= 1.0 - hazard.clamp(1e-9, 1.0 - 1e-9);
        survival.push(beyond);
    }
    survival
}

/// `survival` read between whole days, straight between neighbours.
fn survival_at(survival: &[f64], position: f64) -> f64 {
    let last = survival.len().saturating_sub(1);
    let position = position.clamp(0.0, last as f64);
    let below = position.floor() as usize;
    let share = position - below as f64;
    let low = survival.get(below).copied().unwrap_or(0.0);
    let high = survival.get(below + 1).copied().unwrap_or(low);
    low + (high - low) * share
}
