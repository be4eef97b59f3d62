"""Delegation formation: the optimiser against a greedy cut and a size-constrained k-means.

    .venv/bin/python bench/bench_delegations.py [--sizes 300 3000] [--seconds 5] [--seed 165]

Synthetic pools on plain data (no database): courses of 150 approved nominees each, five
position levels weighted towards the middle, twelve fields, ~60 top-level agencies (40 % central).
Prints, per size, the optimiser's objective, proven bound, gap and time, and in the same run the
objective of the greedy baseline (sort by level and field, cut into groups) and of
k-means-constrained on (level, field one-hot), both scored with the same cost, as ratios to the
optimiser's. The baselines do not respect the per-agency limit; the number of delegations where
they break it is printed too.
"""

import argparse
import random
import time
from collections import defaultdict

import numpy as np
from _common import setup_django

PER_COURSE = 150
FIELDS = [f"F{i:02d}" for i in range(12)]


def make_pool(size: int, seed: int):
    from apps.delegations.optimiser import Nominee

    rng = random.Random(seed)
    agencies = [(a, rng.random() < 0.4) for a in range(1, 61)]
    pool = []
    for i in range(size):
        agency, central = rng.choice(agencies)
        pool.append(
            Nominee(
                id=i,
                cadre_id=i,
                level=rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 5, 4, 1])[0],
                field=rng.choice(FIELDS),
                top_agency=agency,
                central=central,
                course=i // PER_COURSE,
            )
        )
    return pool


def greedy(members, k):
    ordered = sorted(members, key=lambda m: (m.level, m.field))
    size, extra = divmod(len(ordered), k)
    groups, pos = [], 0
    for d in range(k):
        take = size + (d < extra)
        groups.append(ordered[pos : pos + take])
        pos += take
    return groups


def kmeans(members, k, rules, seed):
    from k_means_constrained import KMeansConstrained

    features = np.array(
        [[m.level * 2.0] + [1.0 if m.field == f else 0.0 for f in FIELDS] for m in members]
    )
    model = KMeansConstrained(
        n_clusters=k, size_min=rules.min_size, size_max=rules.max_size, random_state=seed
    )
    labels = model.fit_predict(features)
    groups = defaultdict(list)
    for member, label in zip(members, labels, strict=True):
        groups[label].append(member)
    return list(groups.values())


def score(groups_by_course, rules):
    from apps.delegations.optimiser import group_cost, violations

    total, broken = 0, 0
    for members, groups in groups_by_course:
        mixed = len({m.central for m in members}) == 2
        total += sum(group_cost(g, mixed_pool=mixed) for g in groups)
        broken += sum(1 for g in groups if violations(g, rules))
    return total, broken


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--seconds", type=float, default=5.0, help="time limit per course")
    parser.add_argument("--seed", type=int, default=165)
    parser.add_argument("--workers", type=int, default=2, help="courses solved side by side")
    args = parser.parse_args()
    setup_django()
    from apps.delegations.optimiser import Rules, form

    rules = Rules()
    for size in args.sizes:
        pool = make_pool(size, args.seed)
        result = form(
            pool, rules, seed=args.seed, seconds_per_course=args.seconds, workers=args.workers
        )
        by_course = defaultdict(list)
        for m in pool:
            by_course[m.course].append(m)
        courses = list(by_course.values())
        started = time.perf_counter()
        greedy_obj, greedy_bad = score(
            [(c, greedy(c, -(-len(c) // rules.max_size))) for c in courses], rules
        )
        greedy_s = time.perf_counter() - started
        started = time.perf_counter()
        km_obj, km_bad = score(
            [(c, kmeans(c, -(-len(c) // rules.max_size), rules, args.seed)) for c in courses],
            rules,
        )
        km_s = time.perf_counter() - started
        print(
            f"n={size} courses={len(courses)} delegations={len(result.groups)} "
            f"objective={result.objective} bound={result.bound} "
            f"gap={result.gap_percent:.1f}% time={result.seconds:.1f}s optimal={result.optimal}"
        )
        print(
            f"  greedy objective={greedy_obj} ratio={greedy_obj / max(result.objective, 1):.2f} "
            f"rule-breaking delegations={greedy_bad} time={greedy_s:.2f}s"
        )
        print(
            f"  k-means-constrained objective={km_obj} "
            f"ratio={km_obj / max(result.objective, 1):.2f}"
            f" rule-breaking delegations={km_bad} time={km_s:.1f}s"
        )


if __name__ == "__main__":
    main()
