"""Sharing a pool of places in proportion to weights, in whole places (largest remainder)."""

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction


def allocate(pool: int, weights: Mapping[int, Decimal], caps: Mapping[int, int]) -> dict[int, int]:
    """Whole places per key, proportional to ``weights`` and never above ``caps``.

    The result sums to ``min(pool, sum(caps))``: nobody gets more than it asked for, and the
    pool is used up as far as the requests go. Keys with zero weight still take what is left
    once the weighted keys are full. Exact arithmetic (fractions) so the result never depends on
    rounding; ties go to the larger weight, then to the smaller key, so it is reproducible.
    """
    if pool < 0:
        raise ValueError("pool must not be negative")
    result = dict.fromkeys(caps, 0)
    remaining = min(pool, sum(max(cap, 0) for cap in caps.values()))
    while remaining > 0:
        open_keys = [k for k in caps if result[k] < caps[k]]
        total = sum(Fraction(weights.get(k) or 0) for k in open_keys)
        if total == 0:
            shares = {k: Fraction(remaining, len(open_keys)) for k in open_keys}
        else:
            shares = {k: remaining * Fraction(weights.get(k) or 0) / total for k in open_keys}
        given = 0
        for key in open_keys:
            add = min(int(shares[key]), caps[key] - result[key])
            result[key] += add
            given += add
        left = remaining - given
        if left > 0:
            order = sorted(
                (k for k in open_keys if result[k] < caps[k]),
                key=lambda k: (-(shares[k] - int(shares[k])), -(weights.get(k) or 0), k),
            )
            for key in order[:left]:
                result[key] += 1
                given += 1
        remaining -= given
    return result
