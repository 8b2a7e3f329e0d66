"""Charts drawn as SVG by our templates: well-formed, honest about their numbers, readable
without the drawing or its colours, and safe with any label."""

import re
import xml.etree.ElementTree as ET

from django.template import Context, Template
from django.test import SimpleTestCase

from sli.lib.charts import STYLES, WIDTH, bar_chart, line_chart, percent, stacked_bar

SVG = "{http://www.w3.org/2000/svg}"
RAG = [("Red", 12, "red"), ("Amber", 5, "amber"), ("Green", 30, "green")]
STATUSES = [
    ("Completed", 12, "green"),
    ("On track", 20, "blue"),
    ("At risk", 3, "amber"),
    ("Off track", 2, "red"),
    ("Not started", 16, "grey"),
]


def parse(chart, **kwargs):
    """The whole figure as XML: every tag is closed, so the parser checks it all."""
    html = chart.render(**kwargs)
    return html, ET.fromstring(html.strip())


def svg_of(figure):
    return figure.find(f"{SVG}svg")


def table_rows(figure):
    return [
        ["".join(cell.itertext()).strip() for cell in row]
        for row in figure.iter("tr")
        if row.find("td") is not None
    ]


def summary(figure):
    return "".join(figure.find("figcaption").itertext())


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    high, low = sorted([luminance(one), luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


class BarChartTests(SimpleTestCase):
    def setUp(self):
        self.chart = bar_chart("Actions by RAG", RAG, share=True, value_header="Actions")
        self.html, self.figure = parse(self.chart)
        self.svg = svg_of(self.figure)

    def test_figure_and_svg_are_well_formed_xml(self):
        self.assertEqual(self.figure.tag, "figure")
        self.assertEqual(self.svg.get("role"), "img")
        self.assertEqual(self.svg.find(f"{SVG}title").text, "Actions by RAG")

    def test_svg_is_labelled_by_its_title_and_the_summary(self):
        ids = {element.get("id") for element in self.figure.iter() if element.get("id")}
        labelled_by = self.svg.get("aria-labelledby").split()
        self.assertEqual(len(labelled_by), 2)
        self.assertTrue(set(labelled_by) <= ids)

    def test_summary_and_table_carry_the_input_numbers(self):
        total = sum(value for _, value, _ in RAG)
        expected = [[label, str(value), f"{percent(value, total)}%"] for label, value, _ in RAG]
        self.assertEqual(table_rows(self.figure), expected)
        for label, value, _ in RAG:
            self.assertIn(f"{label}: {value} ({percent(value, total)}%)", summary(self.figure))

    def test_bars_are_proportional_to_the_values(self):
        widths = [float(rect.get("width")) for rect in self.svg.iter(f"{SVG}rect")]
        values = [value for _, value, _ in RAG]
        for width, value in zip(widths, values, strict=True):
            self.assertAlmostEqual(width / widths[-1], value / values[-1], places=2)

    def test_colours_are_attributes_and_meaning_does_not_rely_on_them(self):
        fills = [rect.get("fill") for rect in self.svg.iter(f"{SVG}rect")]
        self.assertEqual(fills, [STYLES[kind].fill for _, _, kind in RAG])
        texts = [text.text for text in self.svg.iter(f"{SVG}text")]
        for word in ("✕ Red", "! Amber", "✓ Green"):
            self.assertIn(word, texts)

    def test_no_inline_styles_and_no_script(self):
        self.assertNotIn("style=", self.html)
        self.assertNotIn("<script", self.html)

    def test_figures_in_a_details_element_by_default_and_visible_when_asked(self):
        self.assertIsNotNone(self.figure.find("details"))
        _, shown = parse(self.chart, figures_visible=True)
        self.assertIsNone(shown.find("details"))
        self.assertIsNotNone(shown.find("table"))
        self.assertIn("govuk-table", shown.find("table").get("class"))

    def test_renders_in_a_template_with_double_braces(self):
        html = Template("<main>{{ chart }}</main>").render(Context({"chart": self.chart}))
        self.assertIn('<figure class="sli-chart" id="chart-actions-by-rag">', html)
        self.assertNotIn("&lt;figure", html)

    def test_zero_values_draw_no_bar_but_keep_their_row(self):
        _, figure = parse(bar_chart("Owners", [("A", 3, "blue"), ("B", 0, "blue")]))
        self.assertEqual(len(list(svg_of(figure).iter(f"{SVG}rect"))), 1)
        self.assertEqual(table_rows(figure), [["A", "3"], ["B", "0"]])

    def test_unit_is_written_with_the_value(self):
        _, figure = parse(bar_chart("Spend", [("Care", 1200, "blue")], unit="£"))
        self.assertEqual(table_rows(figure), [["Care", "£1,200"]])

    def test_an_unknown_kind_is_refused(self):
        with self.assertRaises(ValueError):
            bar_chart("Bad", [("X", 1, "pink")])


class EmptyChartTests(SimpleTestCase):
    def test_no_items_or_only_zeros_render_an_empty_state_sentence(self):
        for chart in (
            bar_chart("Nothing", []),
            bar_chart("Zeros", [("A", 0, "red"), ("B", 0, "green")]),
            stacked_bar("Nothing", [("A", 0, "red")]),
            line_chart("Nothing", []),
        ):
            with self.subTest(chart=chart.title):
                html, figure = parse(chart)
                self.assertIsNone(svg_of(figure))
                self.assertIsNone(figure.find(".//table"))
                self.assertIn("There are no figures to show yet.", summary(figure))

    def test_empty_text_can_be_given(self):
        _, figure = parse(bar_chart("Nothing", [], empty_text="The plan has no actions yet."))
        self.assertIn("The plan has no actions yet.", summary(figure))


class EscapingTests(SimpleTestCase):
    def test_labels_and_titles_are_escaped(self):
        script = "<script>alert(1)</script>"
        for chart in (
            bar_chart(f"Title {script}", [(script, 2, "red")]),
            stacked_bar(f"Title {script}", [(script, 2, "red"), ("B & C", 1, "blue")]),
            line_chart(f"Title {script}", [(script, 10), ("May", 20)]),
        ):
            with self.subTest(chart=chart.type):
                html, figure = parse(chart)
                self.assertNotIn("<script", html)
                self.assertIn("&lt;script&gt;", html)
                texts = "".join(svg_of(figure).itertext())
                self.assertIn("<script>", texts)  # the parsed text is the label as given
                self.assertEqual(table_rows(figure)[0][0], script)


class StackedBarTests(SimpleTestCase):
    def setUp(self):
        self.chart = stacked_bar(
            "Actions by status", STATUSES, total_label="actions", value_header="Actions"
        )
        self.html, self.figure = parse(self.chart)
        self.svg = svg_of(self.figure)

    def parts(self):
        return [
            rect for rect in self.svg.iter(f"{SVG}rect") if rect.get("height") != "16"
        ]  # the legend's swatches are 16 high

    def test_parts_fill_the_bar_in_proportion(self):
        parts = self.parts()
        total = sum(value for _, value, _ in STATUSES)
        length = sum(float(rect.get("width")) for rect in parts)
        self.assertAlmostEqual(length, WIDTH - 16, delta=0.5)
        for rect, (_, value, _) in zip(parts, STATUSES, strict=True):
            self.assertAlmostEqual(float(rect.get("width")) / length, value / total, places=2)

    def test_parts_touch_end_to_end(self):
        parts = self.parts()
        for before, after in zip(parts, parts[1:], strict=False):
            end = float(before.get("x")) + float(before.get("width"))
            self.assertAlmostEqual(end, float(after.get("x")), delta=0.11)

    def test_summary_legend_and_table_agree_with_the_input(self):
        total = sum(value for _, value, _ in STATUSES)
        self.assertTrue(summary(self.figure).strip().endswith("."))
        self.assertIn(f"{total} actions.", summary(self.figure))
        legend = [text.text for text in self.svg.iter(f"{SVG}text")]
        rows = table_rows(self.figure)
        for label, value, _ in STATUSES:
            share = f"{percent(value, total)}%"
            self.assertIn(f"{label}: {value} ({share})", summary(self.figure))
            self.assertIn([label, str(value), share], rows)
            self.assertTrue(any(f"{label}: {value} ({share})" in text for text in legend))
        self.assertEqual(rows[-1], ["Total", str(total), "100%"])

    def test_narrow_parts_carry_no_text_inside_but_keep_their_legend(self):
        _, figure = parse(stacked_bar("Tiny", [("Big", 1000, "blue"), ("Small", 1, "red")]))
        inside = [text for text in svg_of(figure).iter(f"{SVG}text") if text.get("text-anchor")]
        self.assertEqual([text.text for text in inside], ["1,000"])
        self.assertIn("✕ Small: 1 (0%)", "".join(svg_of(figure).itertext()))


class LineChartTests(SimpleTestCase):
    POINTS = [("Jan 2024", 0), ("Feb 2024", 25), ("Mar 2024", 50), ("Apr 2024", 100)]

    def setUp(self):
        self.chart = line_chart("Share of actions completed", self.POINTS)
        self.html, self.figure = parse(self.chart)
        self.svg = svg_of(self.figure)

    def test_points_are_placed_by_value_on_a_0_to_100_axis(self):
        circles = list(self.svg.iter(f"{SVG}circle"))
        self.assertEqual(len(circles), len(self.POINTS))
        bottom, top = float(circles[0].get("cy")), float(circles[-1].get("cy"))
        for circle, (_, value) in zip(circles, self.POINTS, strict=True):
            expected = bottom - (bottom - top) * value / 100
            self.assertAlmostEqual(float(circle.get("cy")), expected, delta=0.11)
        xs = [float(circle.get("cx")) for circle in circles]
        gaps = {round(b - a, 1) for a, b in zip(xs, xs[1:], strict=False)}
        self.assertEqual(len(gaps), 1)

    def test_summary_and_table_carry_the_numbers(self):
        self.assertIn("From 0% in Jan 2024 to 100% in Apr 2024.", summary(self.figure))
        self.assertEqual(table_rows(self.figure), [[label, f"{v}%"] for label, v in self.POINTS])

    def test_highest_point_is_named_when_the_line_falls_back(self):
        chart = line_chart("Share", [("Jan", 10), ("Feb", 60), ("Mar", 40)])
        self.assertEqual(chart.summary, "From 10% in Jan to 40% in Mar; highest 60% in Feb.")

    def test_x_labels_never_overlap_and_the_last_is_always_shown(self):
        points = [(f"Month {n} of the year", n) for n in range(60)]
        chart = line_chart("Many", points)
        self.assertEqual(chart.x_labels[-1]["text"], "Month 59 of the year")
        for before, after in zip(chart.x_labels, chart.x_labels[1:], strict=False):
            width = 0.58 * 14 * len(after["text"])
            left = float(after["x"]) - (width if after["anchor"] == "end" else width / 2)
            self.assertLess(before["right"], left)
        ET.fromstring(chart.render().strip())

    def test_values_above_the_axis_are_drawn_at_its_top(self):
        chart = line_chart("Over", [("A", 50), ("B", 150)], y_max=100)
        self.assertEqual(chart.marks[1].y, "16")
        self.assertEqual(chart.rows[1], ["B", "150%"])


class PaletteTests(SimpleTestCase):
    def test_every_fill_has_3_to_1_contrast_with_white(self):
        for kind, look in STYLES.items():
            with self.subTest(kind=kind):
                self.assertGreaterEqual(contrast(look.fill, "#ffffff"), 3)

    def test_text_drawn_on_a_fill_has_4_5_to_1_contrast(self):
        for kind, look in STYLES.items():
            with self.subTest(kind=kind):
                self.assertGreaterEqual(contrast(look.fill, look.text_fill), 4.5)

    def test_rag_kinds_have_symbols(self):
        self.assertEqual([STYLES[k].symbol for k in ("red", "amber", "green")], ["✕", "!", "✓"])


class ChartIdTests(SimpleTestCase):
    def test_ids_come_from_the_title_or_are_given(self):
        self.assertEqual(bar_chart("Actions by owner", []).id, "chart-actions-by-owner")
        self.assertEqual(bar_chart("X", [], id="chart-x-1").id, "chart-x-1")

    def test_ids_are_valid_and_unique_within_the_figure(self):
        _, figure = parse(bar_chart("Actions by RAG", RAG))
        ids = [element.get("id") for element in figure.iter() if element.get("id")]
        self.assertEqual(len(ids), len(set(ids)))
        for value in ids:
            self.assertRegex(value, re.compile(r"^[a-z][a-z0-9-]*$"))
