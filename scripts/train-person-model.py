#!/usr/bin/env python3
"""Fit the weights of the person-name model (gazetteer/person-model.tsv).

Inputs:
  FEATURES.tsv  the features of every person-name candidate of a corpus, from
                `cargo run --release --example person_features -- FOLDER` (FOLDER holds one text file
                per article, as ner_score.py writes them)
  GOLD.jsonl    the span annotations of that corpus (People's Daily 1998-01 development days:
                ../shared/data/pfr1998/dev.entities.jsonl; research-use data, not redistributed —
                only the weights leave this script)
A candidate is positive when its span is exactly a gold PER span. The model is L2-regularised
logistic regression (numpy; `pip install numpy`); --holdout K reports precision/recall on the
articles of the last K days instead of writing the weights.

--until-day N writes weights fitted on days 1..N only, to score the pipeline end to end on the
days after N (ner_score.py on those days) with a model that never saw them.

usage: scripts/train-person-model.py FEATURES.tsv GOLD.jsonl [--holdout K | --until-day N] [--l2 X]
"""
import argparse, collections, json, os, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "gazetteer", "person-model.tsv")


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
    if a.holdout:
        last = day.max() - a.holdout
        tr, te = day <= last, day > last
        w = fit(X[tr], y[tr], a.l2)
        p = 1 / (1 + np.exp(-(X[te] @ w)))
        for t in (0.3, 0.4, 0.5, 0.6, 0.7):
            pred = p > t
            tp = (pred & (y[te] == 1)).sum()
            print(f"threshold {t}: candidate precision {tp / max(1, pred.sum()):.3f} "
                  f"recall {tp / max(1, y[te].sum()):.3f}", file=sys.stderr)
        for n, v in zip(names, w):
            print(f"{n}\t{v:.3f}", file=sys.stderr)
        return
    keep = day <= a.until_day if a.until_day else np.ones(len(y), dtype=bool)
    w = fit(X[keep], y[keep], a.l2)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Weights of the logistic model that scores person-name candidates (src/recognize/person.rs\n")
        f.write("# lists the features). Fitted by scripts/train-person-model.py on the candidates of the\n")
        days = f"days 1-{a.until_day}" if a.until_day else "development days"
        f.write(f"# People's Daily 1998-01 {days} ({int(y[keep].sum())} positive of {int(keep.sum())} candidates).\n")
        f.write("feature\tweight\n")
        for n, v in zip(names, w):
            f.write(f"{n}\t{v:.4f}\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
