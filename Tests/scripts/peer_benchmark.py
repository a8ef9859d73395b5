#!/usr/bin/env python3
"""Side-by-side benchmark of budget-advisor against pandas, scikit-learn, NumPy and SciPy, in one run.

Usage (it runs `swift build -c release` first unless --bin is given; `bash .ci/setup` installs readline):
  pip install numpy scipy scikit-learn pandas
  python3 Tests/scripts/peer_benchmark.py [--rows 1000000] [--seed 42] [--bin DIR] [--full]

Steps: generate the CSV with our binary; run our bench on it (CSV load, iteration, time to optimum, allocation,
with the 1,000-segment allocation problem exported as JSON); time on the SAME CSV pandas.read_csv, scikit-learn's
lbfgs LogisticRegression on StandardScaler output (C = 1/(lambda N)), one NumPy full-batch iteration of the same
fused loss+gradient, and SciPy SLSQP on the exported allocation problem; check that our `train` and scikit-learn
reach the same optimum (standardized coefficients equal to 1e-6) and that our allocation objective is equal or
better; print the ratios. No timed assertions: timings are reported, correctness failures exit 1.
Our bench's iteration and time-to-optimum figures use in-memory data generated with the same rows and seed,
which are the same numbers as the CSV (it is written exactly).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

LAMBDA = 1e-3  # TrainingOptions' default


def best_of(repeats, body):
    best = float("inf")
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = body()
        best = min(best, time.perf_counter() - start)
    return best, result


def numpy_iteration(csv_path):
    """Run in a child process whose environment lacks OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE."""
    import pandas as pd
    frame = pd.read_csv(csv_path)
    x = frame[["advertising_budget", "user_interest", "purchase_frequency"]].to_numpy()
    y = frame["converted"].to_numpy(dtype=float)
    z_scores = (x - x.mean(axis=0)) / x.std(axis=0)
    n = len(y)
    b, w = -1.2, np.array([1.5, 0.8, 0.6])

    def value_and_gradient():
        z = b + z_scores @ w
        e = np.exp(-np.abs(z))
        loss = np.mean(np.maximum((1 - 2 * y) * z, 0) + np.log1p(e)) + 0.5 * LAMBDA * w @ w
        p = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
        r = p - y
        return loss, r.mean(), z_scores.T @ r / n + LAMBDA * w

    seconds, _ = best_of(9, value_and_gradient)
    kernel = "unknown"
    try:
        from threadpoolctl import threadpool_info
        kernel = ", ".join(f"{i.get('internal_api')}:{i.get('architecture')}" for i in threadpool_info())
    except ImportError:
        pass
    print(json.dumps({"seconds": seconds, "blas": kernel}))


def slsqp(case, limit=60.0):
    from scipy.optimize import minimize
    from scipy.special import expit
    n = np.array(case["customers"]); a = np.array(case["baseLogit"])
    lo = np.array(case["minSpend"]); hi = np.array(case["maxSpend"])
    w = case["w"]; budget = case["budget"]
    scale = hi - lo

    def value(t):
        return float(np.sum(n * expit(a + w * (lo + t * scale))))

    def grad(t):
        s = expit(a + w * (lo + t * scale))
        return -(n * w * s * (1 - s) * scale)

    cons = [{"type": "ineq", "fun": lambda t: budget - float(np.sum(n * (lo + t * scale))), "jac": lambda t: -(n * scale)}]
    # One start: the same share of every segment's range, spending the whole budget.
    t0 = np.full(len(n), (budget - np.sum(n * lo)) / np.sum(n * scale))
    # Each SLSQP step solves a dense 1,000-variable QP, minutes on this machine: stop it after `limit` seconds
    # and report the time and the best feasible plan so far (the ratio is then a lower bound).
    start = time.perf_counter()
    last = {"x": t0, "stopped": False}

    def callback(xk):
        last["x"] = np.array(xk)
        if time.perf_counter() - start > limit:
            last["stopped"] = True
            raise StopIteration

    try:
        res = minimize(lambda t: -value(t), t0, jac=grad, bounds=[(0, 1)] * len(n), constraints=cons, method="SLSQP",
                       options={"maxiter": 500, "ftol": 1e-12}, callback=callback)
        x = res.x if not last["stopped"] else last["x"]
    except StopIteration:
        x = last["x"]
    res = type("R", (), {"x": x})
    t = np.clip(res.x, 0, 1)
    spend = np.sum(n * (lo + t * scale))
    if spend > budget:  # SLSQP tolerates tiny violations: make the plan strictly feasible
        t *= (budget - np.sum(n * lo)) / (spend - np.sum(n * lo)) * (1 - 1e-15)
    return value(t), last["stopped"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--bin", default=None, help="directory of the release binaries")
    parser.add_argument("--full", action="store_true", help="also run our 1e7-row stages (no --quick)")
    parser.add_argument("--numpy-child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.numpy_child:
        numpy_iteration(args.numpy_child)
        return 0

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if args.bin is None:
        # Build (or bring up to date) the release binaries first, so a fresh checkout needs no separate step.
        subprocess.run(["swift", "build", "-c", "release"], cwd=root, check=True, stdout=sys.stderr)
    bin_dir = args.bin or subprocess.check_output(
        ["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, text=True).strip()
    ours = os.path.join(bin_dir, "budget-advisor")
    bench = os.path.join(bin_dir, "budget-advisor-bench")
    work = tempfile.mkdtemp(prefix="peer-bench-")
    csv_path = os.path.join(work, "customers.csv")
    subprocess.run([ours, "generate", "--rows", str(args.rows), "--seed", str(args.seed), "--out", csv_path],
                   check=True, stdout=subprocess.DEVNULL)

    # Ours.
    bench_json = os.path.join(work, "bench.json")
    allocation_json = os.path.join(work, "allocation.json")
    command = [bench, "--csv", csv_path, "--json", bench_json, "--export-allocation", allocation_json]
    if not args.full:
        command.append("--quick")
    print("running:", " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, stdout=sys.stderr)
    mine = json.load(open(bench_json))
    model_path = os.path.join(work, "model.json")
    subprocess.run([ours, "train", "--data", csv_path, "--test-fraction", "0", "--out", model_path],
                   check=True, stdout=subprocess.DEVNULL)
    model = json.load(open(model_path))

    # pandas.read_csv.
    import pandas as pd
    read_seconds, frame = best_of(5, lambda: pd.read_csv(csv_path))
    features = ["advertising_budget", "user_interest", "purchase_frequency"]
    x = frame[features].to_numpy()
    y = frame["converted"].to_numpy()
    n = len(y)

    # scikit-learn lbfgs on StandardScaler output.
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    def fit():
        scaled = StandardScaler().fit_transform(x)
        return LogisticRegression(solver="lbfgs", C=1 / (LAMBDA * n), tol=1e-10, max_iter=10_000).fit(scaled, y)

    fit_seconds, classifier = best_of(2, fit)
    scaler = StandardScaler().fit(x)
    theirs_std = np.concatenate([classifier.intercept_, classifier.coef_[0]])
    sd = np.array([model["standardization"]["standard_deviations"][f] for f in features])
    mean = np.array([model["standardization"]["means"][f] for f in features])
    coef = np.array([model["coefficients"][f] for f in features])
    ours_std = np.concatenate([[model["intercept"] + coef @ mean], coef * sd])
    coefficient_gap = float(np.max(np.abs(ours_std - theirs_std)))
    scaler_gap = float(max(np.max(np.abs(scaler.mean_ - mean)), np.max(np.abs(scaler.scale_ - sd))))

    # NumPy iteration, without the OpenBLAS overrides (in that child process only).
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    child = subprocess.run([sys.executable, os.path.abspath(__file__), "--numpy-child", csv_path], env=env,
                           check=True, capture_output=True, text=True)
    numpy_result = json.loads(child.stdout.strip().splitlines()[-1])

    # SciPy SLSQP on the exported 1,000-segment problem.
    case = json.load(open(allocation_json))
    slsqp_seconds, (slsqp_value, slsqp_stopped) = best_of(1, lambda: slsqp(case))

    rows = [
        ("CSV load, rows/s", mine["csv_rows_per_second"], n / read_seconds, "pandas.read_csv",
         mine["csv_rows_per_second"] / (n / read_seconds), ">= 2x"),
        ("one iteration 1e6 rows, s", mine["iteration_seconds_1e6"], numpy_result["seconds"], "NumPy",
         numpy_result["seconds"] / mine["iteration_seconds_1e6"], ">= 5x faster"),
        ("time to optimum 1e6 rows, s", mine["optimum_seconds_1e6"], fit_seconds, "sklearn lbfgs",
         mine["optimum_seconds_1e6"] / fit_seconds, "<= 0.25x"),
        ("allocation 1,000 segments, s", mine["allocation_seconds_1000"], slsqp_seconds, "SciPy SLSQP",
         slsqp_seconds / mine["allocation_seconds_1000"], ">= 100x faster"),
    ]
    print(f"rows={n} seed={args.seed} threads={mine.get('threads')} numpy BLAS: {numpy_result['blas']}")
    print(f"{'measure':32} {'ours':>11} {'peer':>11}  {'peer name':16} {'ratio':>9}  target")
    for name, a, b, peer, ratio, target in rows:
        print(f"{name:32} {a:11.4g} {b:11.4g}  {peer:16} {ratio:9.3g}  {target}")
    if "optimum_bb_seconds_1e6" in mine:
        print(f"time to optimum, barzilai-borwein (not the default): {mine['optimum_bb_seconds_1e6']:.4g} s, "
              f"{int(mine['optimum_bb_iterations_1e6'])} evaluations vs {int(mine['optimum_iterations_1e6'])} accelerated; "
              f"ratio to sklearn {mine['optimum_bb_seconds_1e6'] / fit_seconds:.3g}")
    print(f"allocation 100,000 segments: {mine['allocation_seconds_100000']:.4g} s (target < 1 s), "
          f"certified {mine['allocation_certified_100000']}")
    print(f"allocation 1,000 objective: ours {case['value']:.9f} (bound {case['upperBound']:.9f}), SLSQP {slsqp_value:.9f}"
          + (" (SLSQP stopped at the 60 s limit: its ratio is a lower bound)" if slsqp_stopped else ""))
    print(f"standardized coefficients, ours vs sklearn: max |diff| {coefficient_gap:.2e} (scaler diff {scaler_gap:.1e})")
    if "train_peak_rss_ratio_1e7" in mine:
        print(f"1e7-row training peak RSS growth / bytes of the numbers: {mine['train_peak_rss_ratio_1e7']:.3g}x")
    if "csv_train_peak_rss_ratio_1e7" in mine:
        print(f"1e7-row CSV load + training peak RSS growth / bytes of the numbers: "
              f"{mine['csv_train_peak_rss_ratio_1e7']:.3g}x ({mine['csv_train_seconds_1e7']:.3g} s)")

    failures = []
    if coefficient_gap > 1e-6:
        failures.append(f"coefficients differ by {coefficient_gap:.2e} > 1e-6")
    if case["value"] < slsqp_value - 1e-9 * max(1.0, abs(slsqp_value)):
        failures.append("our allocation objective is below SLSQP's")
    for failure in failures:
        print("FAIL:", failure)
    print("peer checks: " + ("ok" if not failures else f"{len(failures)} failed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
