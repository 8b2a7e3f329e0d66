"""Charts as SVG drawn by our own templates: the same markup in a page and in a WeasyPrint PDF.

Each builder returns a ``Chart``: a one-line summary in words, the drawing (``<svg role="img">``
with a ``<title>``) and the figures as a GOV.UK table, so nothing depends on seeing the
drawing or telling colours apart. Colours are SVG presentation attributes (``fill="..."``),
not CSS, so a strict ``style-src 'self'`` policy is kept; no JavaScript.

Put one on a page with ``{{ chart }}`` (the table sits in a "Show the figures" details
element) or ``{% include "includes/charts/chart.html" with chart=chart figures_visible=True %}``
(the table shown below the drawing, as in the PDF report).

    bar_chart("Actions by RAG", [("Red", 12, "red"), ("Amber", 5, "amber"), ("Green", 30, "green")])
    stacked_bar("Actions by status", [("Completed", 12, "green"), ("On track", 20, "blue")])
    line_chart("Share of actions completed", [("Apr 2024", 10), ("May 2024", 25)])
"""

import math
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.text import slugify

# Drawn at the width of half the page's column, so that text shows at its own size there.
WIDTH = 460
FONT_SIZE = 14
TEXT_COLOUR = "#0b0c0c"
GRID_COLOUR = "#b1b4b6"
AXIS_COLOUR = "#505a5f"
LINE_COLOUR = "#1d70b8"
EMPTY_TEXT = "There are no figures to show yet."


@dataclass(frozen=True)
class Style:
    """How a kind of bar looks: a fill with at least 3:1 contrast against white, the colour of
    text drawn on that fill (4.5:1 against it), and a symbol so the meaning survives without
    colour."""

    fill: str
    text_fill: str
    symbol: str = ""


STYLES = {
    "red": Style("#d4351c", "#ffffff", "✕"),  # 4.9:1 on white
    "amber": Style("#cf6000", TEXT_COLOUR, "!"),  # 3.9:1 (GOV.UK's #f47738 is only 2.8:1)
    "green": Style("#00703c", "#ffffff", "✓"),  # 6.2:1
    "blue": Style("#1d70b8", "#ffffff"),  # 5.2:1
    "grey": Style("#505a5f", "#ffffff"),  # 7.1:1
    "purple": Style("#912b88", "#ffffff"),  # 7.2:1
    "dark-blue": Style("#003078", "#ffffff"),  # 12.4:1
    "turquoise": Style("#28a197", TEXT_COLOUR),  # 3.2:1
}


def style(kind):
    try:
        return STYLES[kind]
    except KeyError:
        raise ValueError(f"Unknown chart kind {kind!r}; use one of {sorted(STYLES)}") from None


def number(value):
    """A figure as people read it: whole numbers without decimals, others to one place."""
    if isinstance(value, float):
        if value.is_integer():
            value = int(value)
        else:
            return f"{value:,.1f}"
    return f"{value:,}"


def with_unit(value, unit):
    """ "45%", "£1,200", "12" or "3 days"."""
    text = number(value)
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    if unit == "£":
        return f"£{text}"
    return f"{text} {unit}"


def percent(part, whole):
    """A whole percentage, rounded half up (23.5 → 24), 0 when there is no whole."""
    return math.floor(100 * part / whole + 0.5) if whole else 0


def _xy(value):
    """A coordinate for an SVG attribute: never localised, at most one decimal place."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _shorten(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class Mark:
    """One drawn item: a bar, a part of a stacked bar or a point of a line."""

    label: str
    value: object
    kind: str = ""
    value_text: str = ""
    share_text: str = ""
    fill: str = LINE_COLOUR
    text_fill: str = TEXT_COLOUR
    symbol: str = ""
    x: str = "0"
    y: str = "0"
    width: str = "0"
    height: str = "0"
    text_x: str = "0"
    text_y: str = "0"
    label_y: str = "0"
    drawn_text: str = ""
    show_text: bool = True
    legend_x: str = "0"
    legend_text_x: str = "0"
    legend_text_y: str = "0"

    @property
    def label_with_symbol(self):
        return f"{self.symbol} {self.label}" if self.symbol else self.label

    @property
    def short_label(self):
        """The label drawn beside a bar: cut short to fit (the table has it in full)."""
        return _shorten(self.label_with_symbol, 80)

    @property
    def short_legend(self):
        return _shorten(self.label_with_symbol, 24)

    @property
    def css_class(self):
        return f"sli-chart__mark--{self.kind}" if self.kind else ""


@dataclass
class Chart:
    """What a chart template draws; build one with ``bar_chart``, ``stacked_bar`` or
    ``line_chart``. Render it with ``{{ chart }}`` or include ``includes/charts/chart.html``."""

    type: str
    id: str
    title: str
    summary: str
    headers: list
    rows: list
    marks: list = field(default_factory=list)
    width: int = WIDTH
    height: int = 0
    empty: bool = False
    unit: str = ""
    ticks: list = field(default_factory=list)
    x_labels: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    polyline: str = ""
    plot: dict = field(default_factory=dict)
    last_label: dict = field(default_factory=dict)
    template = "includes/charts/chart.html"

    def render(self, *, figures_visible=False):
        return render_to_string(self.template, {"chart": self, "figures_visible": figures_visible})

    def __html__(self):
        return self.render()

    def __str__(self):
        return self.render()


def _text_width(text):
    """Roughly how wide ``text`` is drawn at FONT_SIZE in Helvetica or Arial."""
    return 0.58 * FONT_SIZE * len(text)


def _place_label(placed, x, text, *, last):
    """Add an x-axis label unless it would touch the one before; the last label is right
    aligned to its point and always shown (it pushes out the one before if they touch)."""
    width = _text_width(text)
    left, right = (x - width, x) if last else (x - width / 2, x + width / 2)
    if placed and left < placed[-1]["right"] + 12:
        if not last:
            return
        placed.pop()
    placed.append(
        {"x": _xy(x), "text": text, "anchor": "end" if last else "middle", "right": right}
    )


def _chart_id(title, id):
    return id or f"chart-{slugify(title)[:60] or 'figures'}"


def _table_rows(marks, *, share):
    return [
        [mark.label, mark.value_text, mark.share_text] if share else [mark.label, mark.value_text]
        for mark in marks
    ]


def _listing(marks, *, share):
    return "; ".join(
        f"{mark.label}: {mark.value_text}" + (f" ({mark.share_text})" if share else "")
        for mark in marks
    )


def _empty(type, title, id, empty_text, headers):
    return Chart(
        type=type,
        id=_chart_id(title, id),
        title=title,
        summary=empty_text,
        headers=headers,
        rows=[],
        empty=True,
    )


def bar_chart(
    title,
    items,
    unit="",
    *,
    summary=None,
    share=False,
    label_header="Category",
    value_header="Number",
    empty_text=EMPTY_TEXT,
    id=None,
):
    """Horizontal bars, one per ``(label, value, kind)``; ``kind`` is a key of ``STYLES``
    ("red", "amber", "green", ...) and brings a colour and, for red, amber and green, a symbol
    (✕ ! ✓) shown beside the label. Bar lengths are proportional to the values. With
    ``share=True`` each value also shows its share of the total."""
    headers = [label_header, value_header] + (["Share"] if share else [])
    values = [value for _, value, _ in items]
    total = sum(values)
    if not items or not any(values):
        return _empty("bar", title, id, empty_text, headers)
    longest = max(values)
    room = WIDTH - 8 - 110  # space left for the value written after the bar
    row_height, bar_height = 50, 22
    marks = []
    for index, (label, value, kind) in enumerate(items):
        look = style(kind)
        top = 6 + index * row_height
        width = room * value / longest if longest > 0 else 0
        marks.append(
            Mark(
                label=str(label),
                value=value,
                kind=kind,
                value_text=with_unit(value, unit),
                share_text=f"{percent(value, total)}%",
                fill=look.fill,
                text_fill=look.text_fill,
                symbol=look.symbol,
                x="0",
                y=_xy(top + 20),
                width=_xy(max(width, 0)),
                height=str(bar_height),
                label_y=_xy(top + 14),
                text_x=_xy(max(width, 0) + 6),
                text_y=_xy(top + 20 + 16),
            )
        )
        mark = marks[-1]
        mark.drawn_text = f"{mark.value_text} ({mark.share_text})" if share else mark.value_text
    return Chart(
        type="bar",
        id=_chart_id(title, id),
        title=title,
        summary=summary or f"{_listing(marks, share=share)}.",
        headers=headers,
        rows=_table_rows(marks, share=share),
        marks=marks,
        height=12 + len(marks) * row_height,
        unit=unit,
    )


def stacked_bar(
    title,
    parts,
    unit="",
    *,
    summary=None,
    total_label="in all",
    label_header="Category",
    value_header="Number",
    empty_text=EMPTY_TEXT,
    id=None,
):
    """One bar split into ``(label, value, kind)`` parts in the order given (e.g. actions by
    status), each part's length proportional to its share of the total; a legend names every
    part with its symbol, value and share, and wide parts carry their value."""
    headers = [label_header, value_header, "Share"]
    total = sum(value for _, value, _ in parts)
    if not parts or total <= 0:
        return _empty("stacked", title, id, empty_text, headers)
    bar_top, bar_height, left, length = 8, 40, 8, WIDTH - 16
    legend_top, legend_row = bar_top + bar_height + 16, 26
    marks, running = [], 0
    for index, (label, value, kind) in enumerate(parts):
        look = style(kind)
        start = left + length * running / total
        running += value
        end = left + length * running / total
        width = end - start
        column, row = index % 2, index // 2
        value_text = with_unit(value, unit)
        drawn = f"{look.symbol} {value_text}" if look.symbol else value_text
        marks.append(
            Mark(
                label=str(label),
                value=value,
                kind=kind,
                value_text=value_text,
                share_text=f"{percent(value, total)}%",
                fill=look.fill,
                text_fill=look.text_fill,
                symbol=look.symbol,
                x=_xy(start),
                y=str(bar_top),
                width=_xy(width),
                height=str(bar_height),
                text_x=_xy(start + width / 2),
                text_y=_xy(bar_top + bar_height / 2 + 5),
                drawn_text=drawn,
                show_text=width >= 9 * len(drawn) + 8,
                # The legend: a swatch and words, in two columns.
                label_y=_xy(legend_top + row * legend_row),
                legend_x=_xy(left + column * (WIDTH / 2)),
                legend_text_x=_xy(left + column * (WIDTH / 2) + 24),
                legend_text_y=_xy(legend_top + row * legend_row + 13),
            )
        )
    rows_of_legend = (len(marks) + 1) // 2
    listing = _listing(marks, share=True)
    return Chart(
        type="stacked",
        id=_chart_id(title, id),
        title=title,
        summary=summary or f"{with_unit(total, unit)} {total_label}. {listing}.",
        headers=headers,
        rows=_table_rows(marks, share=True) + [["Total", with_unit(total, unit), "100%"]],
        marks=marks,
        height=legend_top + rows_of_legend * legend_row + 4,
        unit=unit,
    )


def line_chart(
    title,
    points,
    unit="%",
    y_max=100,
    *,
    summary=None,
    label_header="Period",
    value_header="Value",
    empty_text=EMPTY_TEXT,
    id=None,
    max_x_labels=8,
):
    """A line through ``(label, value)`` points in order (e.g. the share of actions completed
    at the end of each month) on an axis from 0 to ``y_max``."""
    headers = [label_header, value_header]
    if not points:
        return _empty("line", title, id, empty_text, headers)
    top, bottom, left, right = 16, 44, 56, 32
    plot_width, plot_height = WIDTH - left - right, 200
    height = top + plot_height + bottom
    # Without a fixed top (a count, not a share), the axis ends at a round number that the
    # four ticks divide into whole numbers.
    y_max = y_max or _round_top(max(value for _, value in points))
    count = len(points)
    step = plot_width / (count - 1) if count > 1 else 0
    label_every = max(1, math.ceil(count / max_x_labels))
    marks, x_labels = [], []
    for index, (label, value) in enumerate(points):
        x = left + (index * step if count > 1 else plot_width / 2)
        clamped = max(0, min(value, y_max))
        y = top + plot_height * (1 - clamped / y_max)
        marks.append(
            Mark(
                label=str(label),
                value=value,
                value_text=with_unit(value, unit),
                x=_xy(x),
                y=_xy(y),
            )
        )
        if index % label_every == 0 or index == count - 1:
            _place_label(x_labels, x, str(label), last=index == count - 1)
    ticks = [
        {
            "y": _xy(top + plot_height * (1 - fraction)),
            "text_y": _xy(top + plot_height * (1 - fraction) + 5),
            "text": with_unit(y_max * fraction, unit),
        }
        for fraction in (0, 0.25, 0.5, 0.75, 1)
    ]
    first, last = marks[0], marks[-1]
    if count == 1:
        default_summary = f"{first.value_text} in {first.label}."
    else:
        highest = max(marks, key=lambda mark: mark.value)
        default_summary = (
            f"From {first.value_text} in {first.label} to {last.value_text} in {last.label}"
        )
        if highest.value > last.value:
            default_summary += f"; highest {highest.value_text} in {highest.label}"
        default_summary += "."
    return Chart(
        type="line",
        id=_chart_id(title, id),
        title=title,
        summary=summary or default_summary,
        headers=headers,
        rows=[[mark.label, mark.value_text] for mark in marks],
        marks=marks,
        height=height,
        unit=unit,
        ticks=ticks,
        x_labels=x_labels,
        polyline=" ".join(f"{mark.x},{mark.y}" for mark in marks),
        plot={
            "left": str(left),
            "right": str(WIDTH - right),
            "top": str(top),
            "bottom": str(top + plot_height),
            "label_y": str(top + plot_height + 22),
            "tick_x": str(left - 8),
        },
        last_label={"x": last.x, "y": _xy(float(last.y) - 10), "text": last.value_text},
    )


def _round_top(highest):
    """Four equal steps of 1, 2 or 5 times a power of ten, reaching at least ``highest``:
    the top of an axis whose ticks are round numbers."""
    step = 1
    while step * 4 < highest:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50 …
    return step * 4
