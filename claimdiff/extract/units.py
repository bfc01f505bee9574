"""Units of measure as news prose writes them, with factors to a base unit.

The factors are pint's (tests/test_units.py checks every one against pint); pint
itself is not imported at run time because building its registry costs ~0.8 s.

Each surface form maps to (symbol, dimension, factor): value * factor is the
value in the dimension's base unit (m, kg, s, m/s, m2, %, or the currency itself).
"""

from __future__ import annotations

from typing import NamedTuple


class Unit(NamedTuple):
    symbol: str
    dimension: str
    factor: float


_LENGTH = {
    ("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"): ("km", 1000.0),
    ("mi", "mile", "miles"): ("mi", 1609.344),
    ("nautical mile", "nautical miles", "nmi"): ("nmi", 1852.0),
    ("m", "metre", "metres", "meter", "meters"): ("m", 1.0),
    ("cm", "centimetre", "centimetres", "centimeter", "centimeters"): ("cm", 0.01),
    ("mm", "millimetre", "millimetres", "millimeter", "millimeters"): ("mm", 0.001),
    ("ft", "foot", "feet"): ("ft", 0.3048),
    ("in", "inch", "inches"): ("in", 0.0254),
    ("yd", "yard", "yards"): ("yd", 0.9144),
}
_MASS = {
    ("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"): ("kg", 1.0),
    ("g", "gram", "grams", "gramme", "grammes"): ("g", 0.001),
    ("t", "tonne", "tonnes", "metric ton", "metric tons"): ("t", 1000.0),
    ("ton", "tons"): ("ton", 907.18474),
    ("lb", "lbs", "pound", "pounds"): ("lb", 0.45359237),
    ("oz", "ounce", "ounces"): ("oz", 0.028349523125),
}
_AREA = {
    ("sq km", "square kilometres", "square kilometers", "km2", "km²"): ("km2", 1e6),
    ("sq mi", "square miles", "square mile"): ("mi2", 2589988.110336),
    ("hectare", "hectares", "ha"): ("ha", 1e4),
    ("acre", "acres"): ("acre", 4046.8726098742513),
    ("square metres", "square meters", "sq m", "m2", "m²"): ("m2", 1.0),
}
_SPEED = {
    ("km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour"): ("km/h", 1 / 3.6),
    ("mph", "miles per hour"): ("mph", 0.44704),
    ("knot", "knots", "kn"): ("kn", 0.514444),
    ("m/s", "metres per second", "meters per second"): ("m/s", 1.0),
    ("mach",): ("mach", 343.0),
}
_TIME = {
    ("second", "seconds", "sec", "secs"): ("s", 1.0),
    ("minute", "minutes", "min", "mins"): ("min", 60.0),
    ("hour", "hours", "hr", "hrs"): ("h", 3600.0),
    ("day", "days"): ("d", 86400.0),
    ("week", "weeks"): ("wk", 604800.0),
    ("month", "months"): ("mo", 2629800.0),
    ("year", "years", "yr", "yrs"): ("yr", 31557600.0),
    ("decade", "decades"): ("decade", 315576000.0),
}
_OTHER = {
    ("%", "percent", "per cent", "pc"): ("%", "percent", 1.0),
    ("°c", "degrees celsius", "celsius", "degrees c", "c"): ("°C", "temperature_c", 1.0),
    ("°f", "degrees fahrenheit", "fahrenheit", "degrees f", "f"): ("°F", "temperature_f", 1.0),
    ("mw", "megawatt", "megawatts"): ("MW", "power", 1e6),
    ("gw", "gigawatt", "gigawatts"): ("GW", "power", 1e9),
    ("kw", "kilowatt", "kilowatts"): ("kW", "power", 1e3),
    ("barrel", "barrels", "bbl"): ("bbl", "volume", 0.158987294928),
    ("litre", "litres", "liter", "liters", "l"): ("L", "volume", 0.001),
    ("gallon", "gallons"): ("gal", "volume", 0.003785411784),
    ("kt", "kiloton", "kilotons", "kilotonne", "kilotonnes"): ("kt", "yield", 1.0),
    ("megaton", "megatons", "megatonne", "megatonnes"): ("Mt", "yield", 1000.0),
    ("magnitude",): ("M", "magnitude", 1.0),
}
# Currency words after a number; symbols before a number are in CURRENCY_PREFIXES.
_CURRENCY = {
    ("dollar", "dollars", "usd", "us dollars"): "USD",
    ("euro", "euros", "eur"): "EUR",
    ("sterling", "gbp"): "GBP",
    ("yen", "jpy"): "JPY",
    ("yuan", "renminbi", "cny", "rmb"): "CNY",
    ("rouble", "roubles", "ruble", "rubles", "rub"): "RUB",
    ("rupee", "rupees", "inr"): "INR",
    ("franc", "francs", "chf"): "CHF",
    ("won", "krw"): "KRW",
    ("real", "reais", "brl"): "BRL",
    ("peso", "pesos"): "MXN",
    ("lira", "lire", "try"): "TRY",
    ("hryvnia", "hryvnias", "uah"): "UAH",
}
CURRENCY_PREFIXES = {
    "US$": "USD",
    "$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
}

UNITS: dict[str, Unit] = {}
for table, dim in (
    (_LENGTH, "length"),
    (_MASS, "mass"),
    (_AREA, "area"),
    (_SPEED, "speed"),
    (_TIME, "time"),
):
    for forms, (symbol, factor) in table.items():
        for form in forms:
            UNITS[form] = Unit(symbol, dim, factor)
for forms, (symbol, dim, factor) in _OTHER.items():
    for form in forms:
        UNITS[form] = Unit(symbol, dim, factor)
for forms, code in _CURRENCY.items():
    for form in forms:
        UNITS[form] = Unit(code, "currency:" + code, 1.0)
for code in set(CURRENCY_PREFIXES.values()):
    UNITS.setdefault(code.lower(), Unit(code, "currency:" + code, 1.0))

# Forms too ambiguous to read as a unit unless glued to the number ("300km", "5m").
GLUED_ONLY = frozenset(
    {"m", "g", "t", "in", "l", "pc", "kn", "min", "ha", "kt", "won", "real", "try", "rub", "mach"}
    | {"c", "f"}
)

BASE_UNIT = {
    "length": "m",
    "mass": "kg",
    "area": "m2",
    "speed": "m/s",
    "time": "s",
    "percent": "%",
    "power": "W",
    "volume": "m3",
    "yield": "kt",
    "magnitude": "M",
    "temperature_c": "°C",
    "temperature_f": "°F",
}

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tr": 1e12,
}
# Scales that only count as scales straight after a currency amount ("$2m", "£5bn").
MONEY_ONLY_SCALES = frozenset({"m", "b", "k", "tr"})


def base_unit(unit: Unit) -> str:
    if unit.dimension.startswith("currency:"):
        return unit.symbol
    return BASE_UNIT.get(unit.dimension, unit.symbol)
