//! The person-name model: logistic weights (`gazetteer/person-model.tsv`) rule out most
//! candidates; boosted regression trees (`gazetteer/person-trees.tsv`) rescore those the weights
//! leave open, seeing how the features combine. Both files are fitted by
//! `scripts/train-person-model.py`; the model loads them itself, naming the file and line of a bad
//! row.

use super::features::{FEATURES, Features};
use super::trees::Trees;
use crate::error::GazetteerError;
use crate::gazetteer::rows;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Candidates the weights give less than this are not rescored by the trees: 94 in 100 candidates
/// of People's Daily, and 2 in 100 of its names (`STAGE_TWO_FROM` of
/// `scripts/train-person-model.py`; a lower bound rescored more of both and scored no better).
pub const STAGE_TWO_FROM: f64 = 0.05;

/// Nor are those it gives at least this: the trees turned none of them down on People's Daily, and
/// a name after its title (the bulk of local news) is one (`STAGE_TWO_TO` of the script).
pub const STAGE_TWO_TO: f64 = 0.99;

const WEIGHTS: &str = include_str!("../../../gazetteer/person-model.tsv");
const TREES: &str = include_str!("../../../gazetteer/person-trees.tsv");

static EMBEDDED: LazyLock<Result<PersonModel, GazetteerError>> =
    LazyLock::new(|| PersonModel::from_tsv(WEIGHTS, TREES));

/// Both stages of the model.
#[derive(Debug)]
pub struct PersonModel {
    /// A weight per feature, in the order of [`FEATURES`].
    pub weights: Vec<f64>,
    pub trees: Trees,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl PersonModel {
    /// The model compiled into the binary, parsed once per process.
    pub fn embedded() -> Result<&'static PersonModel, &'static GazetteerError> {
        EMBEDDED.as_ref()
    }

    /// Parse the weights (`feature  weight`, one row per feature of [`FEATURES`]) and the trees.
    pub fn from_tsv(weights: &str, trees: &str) -> Result<Self, GazetteerError> {
        const FILE: &str = "person-model.tsv";
        let mut by_name: HashMap<String, f64> = HashMap::new();
        for row in rows(FILE, weights) {
            let (line, f) = row?;
            let w: f64 = f[1].parse().map_err(|_| GazetteerError {
                file: FILE.into(),
                line,
                reason: format!("`{}` is not a number", f[1]),
            })?;
            by_name.insert(f[0].to_owned(), w);
        }
        let weights = FEATURES
            .iter()
            .map(|name| {
                by_name.get(*name).copied().ok_or_else(|| GazetteerError {
                    file: FILE.into(),
                    line: 0,
                    reason: format!("no weight for feature `{name}`"),
                })
            })
            .collect::<Result<Vec<f64>, _>>()?;
        Ok(PersonModel {
            weights,
            trees: Trees::parse(trees, &FEATURES)?,
        })
    }

    /// Probability that a candidate is a person's name under the first stage: a weight for each
    /// feature.
    pub fn linear_probability(&self, f: &Features) -> f64 {
        sigmoid(self.weights.iter().zip(f.iter()).map(|(w, x)| w * x).sum())
    }

    /// Probability that a candidate is a person's name: the weights, then — for the candidates they
    /// do not rule out — the trees, which see how the features combine (a dictionary name with a
    /// weak surname, a whole-line name under a headline).
    pub fn probability(&self, f: &Features) -> f64 {
        let p = self.linear_probability(f);
        if !(STAGE_TWO_FROM..STAGE_TWO_TO).contains(&p) || self.trees.is_empty() {
            p
        } else {
            sigmoid(self.trees.score(f))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_weight_names_the_file_and_the_feature() {
        let err = PersonModel::from_tsv("feature\tweight\nbias\t1.0\n", "").expect_err("missing weights");
        assert!(err.to_string().contains("person-model.tsv"), "{err}");
        assert!(err.to_string().contains("no weight for feature `foreign`"), "{err}");
    }

    #[test]
    fn a_bad_weight_names_its_line() {
        let err = PersonModel::from_tsv("feature\tweight\nbias\tx\n", "").expect_err("bad weight");
        assert_eq!(err.to_string(), "gazetteer/person-model.tsv:2: `x` is not a number");
    }
}
