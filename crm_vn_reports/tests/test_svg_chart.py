"""The SVG bar chart of the PDF reports, without database (``tools/svg_chart.py``)."""

from xml.etree import ElementTree

from markupsafe import Markup

from odoo.tests import BaseCase, tagged

from ..tools.svg_chart import bar_chart

NS = {"svg": "http://www.w3.org/2000/svg"}


def _parse(svg):
    return ElementTree.fromstring(str(svg))


def _bars(root):
    return [rect for rect in root.iterfind("svg:rect", NS) if rect.get("class") == "bar"]


def _texts(root, css_class):
    return [text.text for text in root.iterfind("svg:text", NS) if text.get("class") == css_class]


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestSvgChart(BaseCase):
    def test_bars_heights_and_labels(self):
        # width 216, height 120, font 8: plot from y=16 to y=100 (84 px high), 200 px wide.
        cases = [
            # name, labels, values, bar heights, value labels
            ("one bar fills the plot", ["T1"], [5], [84.0], ["5"]),
            ("proportional", ["A", "B", "C"], [10, 5, 2.5], [84.0, 42.0, 21.0], ["10", "5", "2.5"]),
            ("all zero", ["A", "B"], [0, 0], [0.0, 0.0], ["0", "0"]),
            ("negative drawn empty", ["A", "B"], [-4, 8], [0.0, 84.0], ["-4", "8"]),
            ("None counts as zero", ["A", "B"], [None, 2], [0.0, 84.0], ["0", "2"]),
        ]
        for name, labels, values, heights, shown in cases:
            with self.subTest(name):
                svg = bar_chart(labels, values, width=216, height=120, font_size=8)
                self.assertIsInstance(svg, Markup)
                root = _parse(svg)
                self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg")
                bars = _bars(root)
                self.assertEqual(len(bars), len(values))
                self.assertEqual([float(bar.get("height")) for bar in bars], heights)
                # Every bar stands on the axis (y + height = 100).
                for bar in bars:
                    self.assertAlmostEqual(float(bar.get("y")) + float(bar.get("height")), 100.0)
                self.assertEqual(_texts(root, "value"), shown)
                self.assertEqual(_texts(root, "label"), labels)
                self.assertEqual(len(root.findall("svg:line", NS)), 2, "two axes")

    def test_value_format(self):
        svg = bar_chart(["Tháng 1", "Tháng 2"], [1250000, 0], value_format=lambda v: f"{v:,.0f} ₫".replace(",", "."))
        self.assertEqual(_texts(_parse(svg), "value"), ["1.250.000 ₫", "0 ₫"])

    def test_escaping(self):
        cases = [
            # label, title: both must come back unchanged after parsing, and be escaped in the markup
            ("Công ty <TNHH> & Đối tác", "Doanh thu <tháng>"),
            ('Nguyễn "Bích" Ngọc', "Bà Trưng & Hai Bà"),
            ("</svg><script>alert(1)</script>", "x\" onload=\"alert('1')"),
        ]
        for label, title in cases:
            with self.subTest(label=label):
                svg = bar_chart([label], [3], width=2000, title=title)
                self.assertNotIn("<script>", svg)
                root = _parse(svg)
                self.assertEqual(_texts(root, "label"), [label])
                self.assertEqual(root.get("aria-label"), title)
                self.assertEqual(root.find("svg:title", NS).text, title)
                self.assertIsNone(root.get("onload"))
                self.assertEqual(_bars(root)[0].find("svg:title", NS).text, f"{label}: 3")

    def test_empty(self):
        svg = bar_chart([], [], empty_text="Chưa có dữ liệu")
        root = _parse(svg)
        self.assertEqual(_bars(root), [])
        self.assertEqual(_texts(root, "empty"), ["Chưa có dữ liệu"])
        self.assertEqual(len(root.findall("svg:line", NS)), 2)

    def test_long_labels_shortened(self):
        # 12 slots of 52 px at font 9: labels of 9 characters at most.
        svg = bar_chart(["Nguyễn Thị Minh Khai"] * 12, [1] * 12, width=640)
        root = _parse(svg)
        self.assertEqual(set(_texts(root, "label")), {"Nguyễn T…"})
        self.assertEqual(_bars(root)[0].find("svg:title", NS).text, "Nguyễn Thị Minh Khai: 1")

    def test_bar_width(self):
        cases = [
            # width, number of bars, max_bar_width, bar width: 60% of the slot (width - 16) / bars, capped
            (216, 4, 60, 30.0),
            (216, 1, 60, 60.0),
            (216, 1, 200, 120.0),
        ]
        for width, count, max_bar_width, expected in cases:
            with self.subTest(width=width, count=count, max_bar_width=max_bar_width):
                svg = bar_chart(["A"] * count, [1] * count, width=width, max_bar_width=max_bar_width)
                self.assertEqual({float(bar.get("width")) for bar in _bars(_parse(svg))}, {expected})

    def test_mismatched_lengths(self):
        with self.assertRaises(ValueError):
            bar_chart(["A", "B"], [1])
