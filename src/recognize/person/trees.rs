//! `person-trees.tsv`: the second stage of the person-name model, an ensemble of regression trees
//! (gradient boosting, fitted by `scripts/train-person-model.py`). Tree 0 is a single leaf that
//! holds the base score; the model's log-odds are the sum of the leaves the features reach.
//!
//! One row per node: `tree  node  feature  threshold  left  right  value`. An inner node sends a
//! candidate left when its feature is at most the threshold; a leaf (`feature` is `-`) holds a
//! value. Nodes are numbered from 0 (the root) within their tree.

use crate::error::GazetteerError;
use crate::gazetteer::rows;

const FILE: &str = "person-trees.tsv";

/// A node, in 16 bytes so that the whole model stays in cache: a split sends a candidate to
/// `left` when feature `feature` is at most `value`, else to `right` (both counted from the
/// tree's root); a leaf (`feature == LEAF`) adds `value` to the score.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    value: f64,
    feature: u16,
    left: u16,
    right: u16,
}

const LEAF: u16 = u16::MAX;

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
        let mut lines = Vec::new();
        for row in rows(FILE, text) {
            let (line, f) = row?;
            let (tree, node): (usize, usize) = match (f[0].parse(), f[1].parse()) {
                (Ok(t), Ok(n)) => (t, n),
                _ => return Err(err(line, "tree and node must be numbers".into())),
            };
            let first = current.map_or(0, |c| c + 1);
            if (tree, node) == (first, 0) {
                let start = u32::try_from(trees.nodes.len()).map_err(|_| err(line, "too many nodes".into()))?;
                trees.roots.push(start);
                current = Some(tree);
            } else if Some(tree) != current || node != next {
                let (t, n) = current.map_or((0, 0), |c| (c, next));
                return Err(err(line, format!("expected tree {t} node {n} or tree {first} node 0")));
            }
            next = node + 1;
            let n = if f[2] == "-" {
                Node {
                    value: num(line, f[6])?,
                    feature: LEAF,
                    left: 0,
                    right: 0,
                }
            } else {
                let feature = features
                    .iter()
                    .position(|x| *x == f[2])
                    .and_then(|k| u16::try_from(k).ok())
                    .ok_or_else(|| err(line, format!("unknown feature `{}`", f[2])))?;
                // a child is a later node of the same tree (no cycles; checked when the tree ends)
                let child = |field: &str| -> Result<u16, GazetteerError> {
                    field
                        .parse::<u16>()
                        .ok()
                        .filter(|&k| usize::from(k) > node && k < LEAF)
                        .ok_or_else(|| err(line, format!("child `{field}` is not a later node of this tree")))
                };
                Node {
                    value: num(line, f[3])?,
                    feature,
                    left: child(f[4])?,
                    right: child(f[5])?,
                }
            };
            trees.nodes.push(n);
            lines.push(line);
        }
        // every child is a node of its own tree
        for (t, &root) in trees.roots.iter().enumerate() {
            let start = root as usize;
            let end = trees.roots.get(t + 1).map_or(trees.nodes.len(), |&r| r as usize);
            for (n, &line) in trees.nodes[start..end].iter().zip(&lines[start..end]) {
                let last = n.left.max(n.right);
                if n.feature != LEAF && start + usize::from(last) >= end {
                    return Err(err(line, format!("child {last} is not a node of this tree")));
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
            let tree = &self.nodes[root as usize..];
            let mut n = tree[0];
            while n.feature != LEAF {
                let k = if f[usize::from(n.feature)] <= n.value {
                    n.left
                } else {
                    n.right
                };
                n = tree[usize::from(k)];
            }
            sum += n.value;
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
