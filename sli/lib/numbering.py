"""How numbers are written in letters and plans: "16(ii)", "Improvement Area 3"."""

_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def roman(number):
    """Lower-case Roman numeral, as sub-items are numbered in feedback letters."""
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    letters = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        letters.append(symbol * count)
    return "".join(letters)


def recommendation_label(number, parent_number=None):
    if parent_number is None:
        return str(number)
    return f"{parent_number}({roman(number)})"
