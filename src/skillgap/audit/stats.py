"""The statistics of a fairness audit, with no dependency beyond the standard library.

* selection rates and impact ratios are exact fractions of whole counts
  (:func:`impact_ratio`), so a rate or a ratio never depends on floating-point order;
* the confidence interval of an impact ratio is Katz's log interval (:func:`katz_interval`),
  with the normal quantile from :class:`statistics.NormalDist`;
* the test of a difference is Fisher's exact test, two-sided, summed exactly over the
  hypergeometric distribution with :func:`math.comb`-sized integers
  (:func:`fisher_exact`): deterministic on every machine;
* score distributions are count, mean, median and quartiles (:func:`describe`).

scipy is not a dependency: the tests check these against ``scipy.stats``.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

#: Decimal places kept in a confidence bound (exp and log may differ in the last bit
#: between C libraries; six places keep the JSON identical everywhere).
BOUND_PLACES = 6
#: Decimal places kept in score statistics (scores are on 0-100).
SCORE_PLACES = 2


def rate(selected: int, count: int) -> Fraction:
    """The selection rate ``selected / count`` as an exact fraction (0 for no one).

    >>> rate(3, 4), rate(0, 0)
    (Fraction(3, 4), Fraction(0, 1))
    """
    return Fraction(selected, count) if count else Fraction(0)


def impact_ratio(selected: int, count: int, ref_selected: int, ref_count: int) -> Fraction | None:
    """A category's selection rate over the reference category's, exactly; None when the
    reference selects no one (the ratio is undefined).

    >>> impact_ratio(30, 100, 50, 100)
    Fraction(3, 5)
    >>> impact_ratio(0, 10, 0, 10) is None
    True
    """
    reference = rate(ref_selected, ref_count)
    if reference == 0:
        return None
    return rate(selected, count) / reference


def z_value(confidence: float) -> float:
    """The two-sided normal quantile for ``confidence`` (1.959964 for 0.95).

    >>> round(z_value(0.95), 6)
    1.959964
    """
    return statistics.NormalDist().inv_cdf(0.5 + confidence / 2)


def katz_interval(
    selected: int, count: int, ref_selected: int, ref_count: int, *, confidence: float = 0.95
) -> tuple[float, float] | None:
    """Katz's log confidence interval of the ratio of two proportions.

    ``exp(ln(r) ± z * sqrt(1/a - 1/n1 + 1/b - 1/n2))`` where ``r`` is the ratio, ``a`` of
    ``n1`` and ``b`` of ``n2`` the selected counts. Undefined (None) when either count
    selected is zero: the logarithm of the ratio is then infinite.

    >>> katz_interval(30, 100, 50, 100)
    (0.419511, 0.858141)
    >>> katz_interval(0, 100, 50, 100) is None
    True
    """
    if selected == 0 or ref_selected == 0 or count == 0 or ref_count == 0:
        return None
    log_ratio = math.log(selected / count) - math.log(ref_selected / ref_count)
    spread = z_value(confidence) * math.sqrt(
        1 / selected - 1 / count + 1 / ref_selected - 1 / ref_count
    )
    return (
        round(math.exp(log_ratio - spread), BOUND_PLACES),
        round(math.exp(log_ratio + spread), BOUND_PLACES),
    )


def fisher_exact(selected: int, count: int, ref_selected: int, ref_count: int) -> Fraction:
    """The two-sided p-value of Fisher's exact test of the 2×2 table
    ``[[selected, count - selected], [ref_selected, ref_count - ref_selected]]``.

    With the margins fixed, the number selected in the first row follows the
    hypergeometric distribution; the p-value is the total probability of every table at
    most as probable as the one observed. Every probability here is an exact integer
    over ``comb(n, k)``, so ties are found exactly (scipy compares floats with a
    relative tolerance of 1e-7 for the same purpose).

    >>> fisher_exact(1, 4, 3, 4)
    Fraction(17, 35)
    >>> fisher_exact(0, 0, 5, 10)
    Fraction(1, 1)
    """
    if not (0 <= selected <= count and 0 <= ref_selected <= ref_count):
        raise ValueError("selected counts must lie between 0 and their totals")
    total = count + ref_count
    chosen = selected + ref_selected
    low, high = max(0, chosen - ref_count), min(count, chosen)
    # weight(k) = comb(count, k) * comb(ref_count, chosen - k), built up from k = low.
    first = math.comb(count, low)
    second = math.comb(ref_count, chosen - low)
    weights = []
    for k in range(low, high + 1):
        weights.append(first * second)
        if k < high:
            # comb(n, k + 1) = comb(n, k) * (n - k) / (k + 1), exact at every step
            first = first * (count - k) // (k + 1)
            second = second * (chosen - k) // (ref_count - chosen + k + 1)
    observed = weights[selected - low]
    tail = sum(w for w in weights if w <= observed)
    return Fraction(tail, math.comb(total, chosen))


@dataclass(frozen=True)
class Summary:
    """Count, mean, median and quartiles of some scores (None for no scores)."""

    count: int
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None


def describe(values: Sequence[float]) -> Summary:
    """Count, mean, median and quartiles (linear interpolation between the data points,
    as numpy's default: :func:`statistics.quantiles` with ``method="inclusive"``).

    >>> describe([10.0, 20.0, 30.0, 40.0])
    Summary(count=4, mean=25.0, median=25.0, q1=17.5, q3=32.5)
    >>> describe([])
    Summary(count=0, mean=None, median=None, q1=None, q3=None)
    """
    if not values:
        return Summary(0, None, None, None, None)
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = q3 = ordered[0]
    else:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return Summary(
        count=len(ordered),
        mean=round(statistics.fmean(ordered), SCORE_PLACES),
        median=round(statistics.median(ordered), SCORE_PLACES),
        q1=round(q1, SCORE_PLACES),
        q3=round(q3, SCORE_PLACES),
    )


def under_share(count: int, known: int, share: Fraction) -> bool:
    """True when ``count`` is under ``share`` of ``known`` (exactly, no rounding).

    >>> under_share(19, 1000, Fraction(1, 50)), under_share(20, 1000, Fraction(1, 50))
    (True, False)
    """
    return Fraction(count) < share * known


__all__ = [
    "Summary",
    "describe",
    "fisher_exact",
    "impact_ratio",
    "katz_interval",
    "rate",
    "under_share",
    "z_value",
]
