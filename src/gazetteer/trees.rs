//! `person-trees.tsv`: the second stage of the person-name model, an ensemble of regression trees
//! (gradient boosting, fitted by `scripts/train-person-model.py`). Tree 0 is a single leaf that
//! holds the base score; the model's log-odds are the sum of the leaves the features reach.
//!
//! One row per node: `tree  node  feature  threshold  left  right  value`. An inner node sends a
//! candidate left when its feature is at most the threshold; a leaf (`feature` is `-`) holds a
//! value. Nodes are numbered from 0 (the root) within their tree.

use super::rows;
use crate::error::GazetteerError;

const FILE: &str = "person-trees.tsv";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Node {
    Split {
        feature: usize,
        threshold: f64,
        left: u32,
        right: u32,
    },
    Leaf(f64),
}

/// Regression trees over a fixed feature vector.
#[derive(Debug, Default)]
pub struct Trees {
    nodes: Vec<Node>,
    /// index of each tree's root in `nodes`
    roots: Vec<u32>,
}

impl Trees {
    /// Parse the file; `features` names the feature vector's entries, in order.
    pub fn parse(text: &str, features: &[&str]) -> Result<Self, GazetteerError> {
        let err = |line: usize, reason: String| GazetteerError {
            file: FILE.into(),
            line,
            reason,
        };
        let num = |line: usize, field: &str| -> Result<f64, GazetteerError> {
            field
                .parse()
                .map_err(|_| err(line, format!("`{field}` is not a number")))
        };
        let mut trees = Trees::default();
        // the tree being read and the number its next node must have
        let mut current: Option<usize> = None;
        let mut next = 0usize;
        let mut tree_start = 0usize;
        let mut lines = Vec::new();
        for row in rows(FILE, text) {
            let (line, f) = row?;
            let (tree, node): (usize, usize) = match (f[0].parse(), f[1].parse()) {
                (Ok(t), Ok(n)) => (t, n),
                _ => return Err(err(line, "tree and node must be numbers".into())),
            };
            let first = current.map_or(0, |c| c + 1);
            if (tree, node) == (first, 0) {
                tree_start = trees.nodes.len();
                trees
                    .roots
                    .push(u32::try_from(tree_start).map_err(|_| err(line, "too many nodes".into()))?);
                current = Some(tree);
            } else if Some(tree) != current || node != next {
                let (t, n) = current.map_or((0, 0), |c| (c, next));
                return Err(err(line, format!("expected tree {t} node {n} or tree {first} node 0")));
            }
            next = node + 1;
            let n = if f[2] == "-" {
                Node::Leaf(num(line, f[6])?)
            } else {
                let feature = features
                    .iter()
                    .position(|x| *x == f[2])
                    .ok_or_else(|| err(line, format!("unknown feature `{}`", f[2])))?;
                let child = |field: &str| -> Result<u32, GazetteerError> {
                    let k: usize = field
                        .parse()
                        .map_err(|_| err(line, format!("`{field}` is not a node")))?;
                    u32::try_from(tree_start + k).map_err(|_| err(line, "too many nodes".into()))
                };
                Node::Split {
                    feature,
                    threshold: num(line, f[3])?,
                    left: child(f[4])?,
                    right: child(f[5])?,
                }
            };
            trees.nodes.push(n);
            lines.push((line, tree_start));
        }
        // every child must be a node of its own tree, after its parent (no cycles)
        for (i, n) in trees.nodes.iter().enumerate() {
            if let Node::Split { left, right, .. } = n {
                let (line, start) = lines[i];
                let end = trees
                    .roots
                    .iter()
                    .map(|&r| r as usize)
                    .find(|&r| r > start)
                    .unwrap_or(trees.nodes.len());
                for c in [*left as usize, *right as usize] {
                    if c <= i || c >= end {
                        return Err(err(
                            line,
                            format!("child {} is not a later node of this tree", c - start),
                        ));
                    }
                }
            }
        }
        Ok(trees)
    }

    pub fn is_empty(&self) -> bool {
        self.roots.is_empty()
    }

    /// The sum of the leaves the features reach: the model's log-odds.
    pub fn score(&self, f: &[f64]) -> f64 {
        let mut sum = 0.0;
        for &root in &self.roots {
            let mut i = root as usize;
            loop {
                match self.nodes[i] {
                    Node::Leaf(v) => {
                        sum += v;
                        break;
                    }
                    Node::Split {
                        feature,
                        threshold,
                        left,
                        right,
                    } => i = if f[feature] <= threshold { left } else { right } as usize,
                }
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "tree\tnode\tfeature\tthreshold\tleft\tright\tvalue\n";

    #[test]
    fn leaves_reached_are_summed() {
        let text = format!(
            "{HEAD}0\t0\t-\t-\t-\t-\t-1.5\n\
             1\t0\ta\t0.5\t1\t2\t-\n1\t1\t-\t-\t-\t-\t1.0\n1\t2\tb\t2\t3\t4\t-\n1\t3\t-\t-\t-\t-\t2.0\n1\t4\t-\t-\t-\t-\t3.0\n\
             2\t0\t-\t-\t-\t-\t0.25\n"
        );
        let t = Trees::parse(&text, &["a", "b"]).expect("a valid file");
        // a <= 0.5 (equal goes left): 1.0
        assert_eq!(t.score(&[0.5, 9.0]), -1.5 + 1.0 + 0.25);
        // a > 0.5, b <= 2: 2.0; b > 2: 3.0
        assert_eq!(t.score(&[0.6, 2.0]), -1.5 + 2.0 + 0.25);
        assert_eq!(t.score(&[0.6, 2.1]), -1.5 + 3.0 + 0.25);
    }

    #[test]
    fn bad_files_name_the_line() {
        let unknown = format!("{HEAD}0\t0\tc\t1\t1\t2\t-\n");
        let e = Trees::parse(&unknown, &["a"]).expect_err("an invalid file");
        assert_eq!((e.line, e.reason.as_str()), (2, "unknown feature `c`"));
        let cycle = format!("{HEAD}0\t0\ta\t1\t0\t1\t-\n0\t1\t-\t-\t-\t-\t1\n");
        assert!(
            Trees::parse(&cycle, &["a"])
                .expect_err("an invalid file")
                .reason
                .contains("not a later node")
        );
        let outside = format!("{HEAD}0\t0\ta\t1\t1\t2\t-\n0\t1\t-\t-\t-\t-\t1\n1\t0\t-\t-\t-\t-\t1\n");
        assert!(Trees::parse(&outside, &["a"]).is_err());
        let skipped = format!("{HEAD}0\t0\t-\t-\t-\t-\t1\n0\t2\t-\t-\t-\t-\t1\n");
        assert!(
            Trees::parse(&skipped, &["a"])
                .expect_err("an invalid file")
                .reason
                .contains("expected tree 0 node 1 or tree 1 node 0")
        );
    }
}
