"""Every conversion factor claimdiff ships agrees with pint, a maintained unit library.

pint is not used at run time: importing it and building its registry costs about
0.8 s on the first call, against the goal of a sub-second comparison. The shipped
table is checked against pint here instead, so a wrong factor cannot ship.
"""

from __future__ import annotations

import pytest

from claimdiff.extract.units import UNITS, base_unit

pint = pytest.importorskip("pint")
ureg = pint.UnitRegistry()

# Our symbol -> pint's name where they differ.
PINT_NAMES = {
    "nmi": "nautical_mile",
    "t": "metric_ton",
    "ton": "short_ton",
    "km2": "km**2",
    "mi2": "mile**2",
    "m2": "m**2",
    "acre": "acre",
    "ha": "hectare",
    "kn": "knot",
    "mo": "month",
    "yr": "year",
    "wk": "week",
    "decade": "10 * year",
    "bbl": "oil_barrel",
    "gal": "gallon",
    "L": "liter",
    "mach": None,  # speed of sound varies; the table uses sea level and says so
}
PINT_BASE = {"m": "m", "kg": "kg", "s": "s", "m/s": "m/s", "m2": "m**2", "W": "W", "m3": "m**3"}


@pytest.mark.parametrize("form", sorted(f for f, u in UNITS.items() if base_unit(u) in PINT_BASE))
def test_factor_matches_pint(form: str) -> None:
    unit = UNITS[form]
    name = PINT_NAMES.get(unit.symbol, unit.symbol)
    if name is None:
        pytest.skip(f"{unit.symbol} has no fixed factor in pint")
    expected = ureg(f"1 * {name}").to(PINT_BASE[base_unit(unit)]).magnitude
    assert unit.factor == pytest.approx(expected, rel=1e-6), (form, unit)
