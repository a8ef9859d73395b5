#!/usr/bin/env python3
"""Peer check of the certified allocator against SciPy SLSQP (multi-start local optimization).

Usage:
  ALLOCATOR_PEER_EXPORT=/tmp/allocation_cases.json swift test --filter AllocatorPeerExport
  python3 Tests/scripts/allocation_peer.py /tmp/allocation_cases.json

For every case: the best SLSQP value (50 random starts) must not exceed the allocator's proven
upper bound, and the allocator's value must be >= the SLSQP best minus 1e-6 relative.
"""
import json
import sys

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit


def solve_slsqp(case, starts=50, seed=0):
    n = np.array(case["customers"]); a = np.array(case["baseLogit"])
    lo = np.array(case["minSpend"]); hi = np.array(case["maxSpend"])
    w = case["w"]; budget = case["budget"]
    scale = hi - lo
    # Optimize t in [0, 1]^S with b = lo + t * scale (better conditioning).
    def value(t):
        return float(np.sum(n * expit(a + w * (lo + t * scale))))
    def neg(t):
        return -value(t)
    def grad(t):
        s = expit(a + w * (lo + t * scale))
        return -(n * w * s * (1 - s) * scale)
    cons = [{"type": "ineq", "fun": lambda t: budget - float(np.sum(n * (lo + t * scale))),
             "jac": lambda t: -(n * scale)}]
    rng = np.random.default_rng(seed)
    best = -np.inf
    for _ in range(starts):
        t0 = rng.uniform(0, 1, size=len(n))
        spend = np.sum(n * (lo + t0 * scale))
        if spend > budget:  # shrink toward the minimums until feasible
            t0 *= (budget - np.sum(n * lo)) / (spend - np.sum(n * lo))
        res = minimize(neg, t0, jac=grad, bounds=[(0, 1)] * len(n), constraints=cons, method="SLSQP",
                       options={"maxiter": 500, "ftol": 1e-12})
        t = np.clip(res.x, 0, 1)
        spend = np.sum(n * (lo + t * scale))
        if spend > budget:  # SLSQP tolerates tiny violations: make the plan strictly feasible
            t *= (budget - np.sum(n * lo)) / (spend - np.sum(n * lo)) * (1 - 1e-15)
        if np.sum(n * (lo + t * scale)) <= budget:
            best = max(best, value(t))
    return best


def main():
    cases = json.load(open(sys.argv[1]))
    failures = 0
    for i, case in enumerate(cases):
        peer = solve_slsqp(case)
        tol = 1e-6 * max(1.0, case["upperBound"])
        ok = peer <= case["upperBound"] and case["value"] >= peer - tol
        failures += not ok
        print(f"case {i:2d} S={len(case['customers']):3d} allocator={case['value']:.6f} "
              f"bound={case['upperBound']:.6f} slsqp={peer:.6f} {'ok' if ok else 'FAIL'}")
    print("all ok" if failures == 0 else f"{failures} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
