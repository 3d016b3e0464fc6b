#!/usr/bin/env python3
"""Fit the person-name model: the weights of its first stage (gazetteer/person-model.tsv) and the
boosted trees of its second (gazetteer/person-trees.tsv).

Inputs:
  FEATURES.tsv  the features of every person-name candidate of a corpus, from
                `cargo run --release --example person_features -- FOLDER` (FOLDER holds one text file
                per article, as ner_score.py writes them)
  GOLD.jsonl    the span annotations of that corpus (People's Daily 1998-01 development days:
                ../shared/data/pfr1998/dev.entities.jsonl; research-use data, not redistributed —
                only the weights leave this script)
A candidate is positive when its span is exactly a gold PER span. The first stage is L2-regularised
logistic regression (numpy); the trees are fitted on the candidates it gives at least STAGE_TWO_FROM
(6 in 100, and 98 in 100 of the names) and rescore those below STAGE_TWO_TO (the same band as
src/recognize/person.rs) — gradient-boosted regression trees over the same features
(scikit-learn's HistGradientBoostingClassifier; `pip install numpy scikit-learn`), which see how
features combine — a dictionary name with a weak surname, a name alone on the line under a headline.
--holdout K reports precision/recall on the articles of the last K days instead of writing the model.
The `sibling` feature is computed from the first stage (whose weight for it is 0), so the features file
holds values computed with the weights of the binary that wrote it: after a change, dump and fit, rebuild,
then dump and fit again.

--until-day N writes weights fitted on days 1..N only, to score the pipeline end to end on the
days after N (ner_score.py on those days) with a model that never saw them.

usage: scripts/train-person-model.py FEATURES.tsv GOLD.jsonl [--holdout K | --until-day N] [--l2 X]
"""
import argparse, collections, json, os, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "gazetteer", "person-model.tsv")
TREES = os.path.join(os.path.dirname(HERE), "gazetteer", "person-trees.tsv")
# first-stage probability from which the trees rescore a candidate (src/recognize/person.rs)
STAGE_TWO_FROM = 0.05
# and below which (above it, the first stage's probability stands)
STAGE_TWO_TO = 0.99


def gold_spans(path):
    arts = collections.OrderedDict()
    for line in open(path, encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            arts.setdefault("-".join(row["id"].split("-")[:3]), []).append(row)
    spans = set()
    for aid, rows in arts.items():
        off = 0
        for row in rows:
            for e in row["entities"]:
                if e["type"] == "PER":
                    spans.add((aid + ".txt", e["start"] + off, e["end"] + off))
            off += len(row["text"]) + 1
    return spans


def fit(X, y, l2, iters=300):
    w = np.zeros(X.shape[1])
    # Newton's method (IRLS): a few hundred thousand rows, a few dozen features
    for _ in range(iters):
        z = X @ w
        p = 1 / (1 + np.exp(-z))
        g = X.T @ (p - y) + l2 * w
        h = (X * (p * (1 - p))[:, None]).T @ X + l2 * np.eye(X.shape[1])
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("gold")
    ap.add_argument("--holdout", type=int, default=0, help="test on the last K days instead")
    ap.add_argument("--until-day", type=int, default=0, help="fit on days 1..N only")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--dropout", type=float, default=0.5, help="share of dictionary names treated as unknown")
    a = ap.parse_args()
    gold = gold_spans(a.gold)
    rows = [l.rstrip("\n").split("\t") for l in open(a.features, encoding="utf-8")]
    header, rows = rows[0], rows[1:]
    names = header[4:]
    X = np.array([[float(v) for v in r[4:]] for r in rows])
    y = np.array([1.0 if (r[0], int(r[1]), int(r[2])) in gold else 0.0 for r in rows])
    day = np.array([int(r[0][6:8]) for r in rows])
    # Dictionary dropout: jieba's dictionary knows most names of this corpus, as it will not know the
    # names of tomorrow's local news. For half the candidates it knows as names, train as if its HMM
    # had found them instead, so that the other cues (titles, context, statistics) keep their weight.
    rng = np.random.default_rng(1998)
    d, h = names.index("nr_dict"), names.index("nr_hmm")
    drop = (X[:, d] == 1) & (rng.random(len(X)) < a.dropout)
    X[drop, d] = 0
    X[drop, h] = 1
    # (and without the dictionary's count, which would tell the trees it knows the word)
    X[drop, names.index("nr_freq")] = 0
    if a.holdout:
        last = day.max() - a.holdout
        tr, te = day <= last, day > last
        w, trees = fit_both(X[tr], y[tr], a.l2, names)
        for stage, p in (("weights", sigmoid(X[te] @ w)), ("weights + trees", predict(X[te], w, trees))):
            for t in (0.4, 0.5, 0.6):
                pred = p > t
                tp = (pred & (y[te] == 1)).sum()
                print(f"{stage}, threshold {t}: candidate precision {tp / max(1, pred.sum()):.3f} "
                      f"recall {tp / max(1, y[te].sum()):.3f}", file=sys.stderr)
        return
    keep = day <= a.until_day if a.until_day else np.ones(len(y), dtype=bool)
    w, trees = fit_both(X[keep], y[keep], a.l2, names)
    days = f"days 1-{a.until_day}" if a.until_day else "development days"
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Weights of the logistic model that scores person-name candidates (src/recognize/person.rs\n")
        f.write("# lists the features). Fitted by scripts/train-person-model.py on the candidates of the\n")
        f.write(f"# People's Daily 1998-01 {days} ({int(y[keep].sum())} positive of {int(keep.sum())} candidates).\n")
        f.write("feature\tweight\n")
        for n, v in zip(names, w):
            f.write(f"{n}\t{v:.4f}\n")
    rows = export(trees, names)
    with open(TREES, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Second stage of the person-name model: gradient-boosted regression trees over the features of\n")
        f.write("# src/recognize/person.rs, for candidates the weights give at least "
                f"{STAGE_TWO_FROM}. Fitted by scripts/train-person-model.py\n")
        f.write(f"# on the People's Daily 1998-01 {days}. Tree 0 is the base score; an inner node sends a\n")
        f.write("# candidate left when its feature is at most the threshold; the log-odds are the sum of the leaves.\n")
        f.write("tree\tnode\tfeature\tthreshold\tleft\tright\tvalue\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    check(rows, trees, X[keep], names)
    print(f"wrote {OUT} and {TREES} ({len(rows)} nodes)", file=sys.stderr)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def fit_both(X, y, l2, names):
    """The weights, then the trees on the candidates the weights do not rule out."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    # the weights never see `sibling`: it is computed from them (the first-stage probability of the
    # neighbouring items of a list), so its weight stays 0 — and since the features file holds the
    # values computed with the weights of the binary that wrote it, dump and fit twice after a change
    lin = X.copy()
    lin[:, names.index("sibling")] = 0
    w = fit(lin, y, l2)
    keep = sigmoid(X @ w) >= STAGE_TWO_FROM
    trees = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.15, max_leaf_nodes=63,
                                           min_samples_leaf=100, early_stopping=False, random_state=0)
    trees.fit(X[keep], y[keep])
    return w, trees


def predict(X, w, trees):
    p = sigmoid(X @ w)
    k = (p >= STAGE_TWO_FROM) & (p < STAGE_TWO_TO)
    p[k] = trees.predict_proba(X[k])[:, 1]
    return p


def export(trees, names):
    """The rows of person-trees.tsv: the base score as tree 0, then every tree's nodes."""
    rows = [["0", "0", "-", "-", "-", "-", repr(float(np.ravel(trees._baseline_prediction)[0]))]]
    for t, (pred,) in enumerate(trees._predictors, start=1):
        for i, n in enumerate(pred.nodes):
            if n["is_leaf"]:
                rows.append([str(t), str(i), "-", "-", "-", "-", repr(float(n["value"]))])
            else:
                rows.append([str(t), str(i), names[n["feature_idx"]], repr(float(n["num_threshold"])),
                             str(n["left"]), str(n["right"]), "-"])
    return rows


def check(rows, trees, X, names):
    """Walk the written rows as src/gazetteer/trees.rs does and compare with scikit-learn."""
    nodes = {}
    for r in rows:
        nodes.setdefault(int(r[0]), []).append(r)
    sample = X[:: max(1, len(X) // 20000)]
    mine = np.zeros(len(sample))
    for j, x in enumerate(sample):
        for tree in nodes.values():
            i = 0
            while tree[i][2] != "-":
                i = int(tree[i][4]) if x[names.index(tree[i][2])] <= float(tree[i][3]) else int(tree[i][5])
            mine[j] += float(tree[i][6])
    diff = np.abs(mine - trees.decision_function(sample)).max()
    if diff > 1e-9:
        sys.exit(f"exported trees disagree with scikit-learn (max difference {diff})")


if __name__ == "__main__":
    main()
