#!/usr/bin/env python3
"""Cross-check budget-advisor's training against scikit-learn on the same CSV and the same objective.

budget-advisor minimizes mean log loss + (lambda/2)|w|^2 on z-scored features (intercept unpenalized), which is
scikit-learn's LogisticRegression(C = 1/(lambda*N)) on StandardScaler output. Both models are mapped to the
original feature scale and compared; they must agree to 1e-5 relative (plus 1e-9 absolute for tiny terms).

usage: python3 Tests/scripts/crosscheck_sklearn.py [--binary PATH] [--rows N] [--lambda L] [--csv FILE]
"""
import argparse, json, os, subprocess, sys, tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/budget-advisor")
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lambda", dest="lam", type=float, default=1e-3)
    parser.add_argument("--csv", help="use this CSV (default columns) instead of generating one")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="crosscheck-")
    csv = args.csv or os.path.join(work, "data.csv")
    if not args.csv:
        subprocess.run([args.binary, "generate", "--rows", str(args.rows), "--seed", str(args.seed), "--out", csv],
                       check=True, stdout=subprocess.DEVNULL)
    model_path = os.path.join(work, "model.json")
    subprocess.run([args.binary, "train", "--data", csv, "--lambda", repr(args.lam), "--test-fraction", "0",
                    "--out", model_path], check=True, stdout=subprocess.DEVNULL)
    ours = json.load(open(model_path))

    data = np.genfromtxt(csv, delimiter=",", names=True)
    features = ours["features"]
    X = np.column_stack([data[name] for name in features])
    y = data["converted"]
    n = len(y)
    scaler = StandardScaler().fit(X)  # population standard deviation, as budget-advisor
    clf = LogisticRegression(C=1.0 / (args.lam * n) if args.lam > 0 else np.inf, solver="lbfgs", tol=1e-12,
                             max_iter=10000)
    clf.fit(scaler.transform(X), y)
    coef = clf.coef_[0] / scaler.scale_
    intercept = clf.intercept_[0] - np.sum(coef * scaler.mean_)

    theirs = [intercept] + list(coef)
    mine = [ours["intercept"]] + [ours["coefficients"][name] for name in features]
    names = ["intercept"] + features
    worst = 0.0
    print(f"{'term':<22}{'budget-advisor':>22}{'scikit-learn':>22}{'relative diff':>16}")
    for name, a, b in zip(names, mine, theirs):
        rel = abs(a - b) / max(abs(b), 1e-12)
        worst = max(worst, rel if abs(a - b) > 1e-9 else 0.0)
        print(f"{name:<22}{a:>22.12g}{b:>22.12g}{rel:>16.2e}")
    print(f"rows {n}, lambda {args.lam}: worst relative difference {worst:.2e} (tolerance 1e-5)")
    if worst > 1e-5:
        print("FAIL: coefficients differ", file=sys.stderr)
        return 1
    print("OK: coefficients agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
