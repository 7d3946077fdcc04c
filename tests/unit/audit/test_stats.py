"""The audit's statistics (skillgap.audit.stats), standard library only, checked against
scipy's: Fisher's exact test, Katz's interval of a ratio of proportions, quartiles."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest

from skillgap.audit import stats

#: Tables (selected, count, reference selected, reference count), small and large, with
#: zeros and with everyone selected.
TABLES = [
    (1, 4, 3, 4),
    (30, 100, 50, 100),
    (0, 10, 5, 10),
    (10, 10, 10, 10),
    (0, 5, 0, 5),
    (3, 3, 0, 7),
    (138, 460, 175, 500),
    (5, 15, 180, 500),
    (1, 1, 499, 999),
]
_rng = random.Random(15)
TABLES += [
    (a, n1, b, n2)
    for n1, n2 in ((_rng.randint(1, 300), _rng.randint(1, 300)) for _ in range(40))
    for a, b in [(_rng.randint(0, n1), _rng.randint(0, n2))]
]


@pytest.mark.parametrize("table", TABLES)
def test_fisher_exact_agrees_with_scipy(table: tuple[int, int, int, int]) -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    a, n1, b, n2 = table
    ours = stats.fisher_exact(a, n1, b, n2)
    theirs = scipy_stats.fisher_exact([[a, n1 - a], [b, n2 - b]]).pvalue
    assert 0 <= ours <= 1
    assert float(ours) == pytest.approx(float(theirs), rel=1e-9, abs=1e-300)


@pytest.mark.parametrize("table", TABLES)
def test_katz_interval_agrees_with_scipy(table: tuple[int, int, int, int]) -> None:
    contingency = pytest.importorskip("scipy.stats.contingency")
    a, n1, b, n2 = table
    ours = stats.katz_interval(a, n1, b, n2)
    if a == 0 or b == 0:
        assert ours is None  # scipy gives 0, inf or nan: no interval to report
        return
    theirs = contingency.relative_risk(a, n1, b, n2).confidence_interval(0.95)
    assert ours is not None
    assert ours[0] == pytest.approx(theirs.low, abs=1e-6)
    assert ours[1] == pytest.approx(theirs.high, abs=1e-6)
    ratio = stats.impact_ratio(a, n1, b, n2)
    assert ratio is not None and ours[0] <= float(ratio) <= ours[1]


def test_fisher_exact_is_exact_and_symmetric() -> None:
    """Summed in whole numbers: the same table either way round gives the same fraction."""
    assert stats.fisher_exact(1, 4, 3, 4) == Fraction(17, 35)
    assert stats.fisher_exact(3, 4, 1, 4) == Fraction(17, 35)
    assert stats.fisher_exact(138, 460, 175, 500) == stats.fisher_exact(175, 500, 138, 460)
    assert stats.fisher_exact(5, 10, 5, 10) == 1


def test_fisher_exact_refuses_impossible_tables() -> None:
    with pytest.raises(ValueError, match="between 0"):
        stats.fisher_exact(5, 4, 1, 4)


def test_fisher_exact_on_a_large_sample_is_quick() -> None:
    """20,000 candidates: exact integers still take a fraction of a second."""
    p = stats.fisher_exact(3000, 10_000, 3300, 10_000)
    assert 0 < p < 1e-5


def test_the_normal_quantile_is_the_usual_one() -> None:
    assert stats.z_value(0.95) == pytest.approx(1.959963984540054)
    assert stats.z_value(0.99) == pytest.approx(2.5758293035489)


@pytest.mark.parametrize(
    ("selected", "count", "ref_selected", "ref_count", "expected"),
    [
        (30, 100, 50, 100, Fraction(3, 5)),
        (0, 100, 50, 100, Fraction(0)),
        (0, 0, 5, 10, Fraction(0)),
        (5, 10, 0, 10, None),
        (0, 10, 0, 10, None),
    ],
)
def test_impact_ratio_handles_zero_counts(
    selected: int, count: int, ref_selected: int, ref_count: int, expected: Fraction | None
) -> None:
    assert stats.impact_ratio(selected, count, ref_selected, ref_count) == expected


def test_describe_matches_numpy_quartiles() -> None:
    numpy = pytest.importorskip("numpy")
    values = [random.Random(3).uniform(0, 100) for _ in range(37)]
    summary = stats.describe(values)
    q1, median, q3 = numpy.percentile(values, [25, 50, 75])
    assert summary.count == 37
    assert summary.q1 == round(q1, 2) and summary.q3 == round(q3, 2)
    assert summary.median == round(median, 2)
    assert summary.mean == round(math.fsum(values) / 37, 2)


def test_describe_a_single_score() -> None:
    assert stats.describe([42.0]) == stats.Summary(1, 42.0, 42.0, 42.0, 42.0)


def test_under_share_is_exact() -> None:
    share = Fraction(1, 50)
    assert stats.under_share(19, 975, share)  # 1.95%
    assert not stats.under_share(20, 1000, share)  # exactly 2% is not under
    assert not stats.under_share(0, 0, share)
