"""Bar charts as inline SVG for the PDF reports.

wkhtmltopdf runs no JavaScript charting library reliably, but it draws inline
SVG; these functions build that SVG from plain lists, without ``env``. Every
piece of text goes through ``markupsafe`` escaping, so customer or
salesperson names such as ``Công ty <A&B>`` cannot break the markup. Callers
format the values (``value_format``) and translate ``title``/``empty_text``.
"""

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"
# Fonts with the Vietnamese glyphs (fonts-noto-core, fonts-dejavu on Debian/Ubuntu).
FONT_FAMILY = "'Noto Sans', 'DejaVu Sans', sans-serif"
BAR_COLOR = "#714B67"
AXIS_COLOR = "#495057"
TEXT_COLOR = "#212529"


def _num(value):
    """Coordinate as short text: two decimals at most, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _shorten(label, max_chars):
    """``label`` cut to ``max_chars`` characters, with an ellipsis when cut."""
    if len(label) <= max_chars:
        return label
    return label[: max(max_chars - 1, 1)] + "\N{HORIZONTAL ELLIPSIS}"


def _default_format(value):
    return f"{value:g}"


def bar_chart(
    labels,
    values,
    *,
    width=640,
    height=240,
    value_format=None,
    title="",
    empty_text="",
    color=BAR_COLOR,
    font_size=9,
    max_bar_width=60,
):
    """Vertical bar chart of ``values`` (numbers) under ``labels`` (texts), as an ``<svg>`` Markup.

    Bars start at zero and the highest value fills the plot height; negative
    values get an empty bar but keep their value label. ``value_format`` turns
    a value into the text written above its bar (``str``-like, default
    ``{:g}``). Bars take 60% of their slot, ``max_bar_width`` at most.
    Without values, the chart shows its axes and ``empty_text``.
    Long labels are shortened to the width of their slot; the full label stays
    in the bar's tooltip (``<title>``).
    """
    labels = [str(label) for label in labels]
    values = [float(value or 0.0) for value in values]
    if len(labels) != len(values):
        raise ValueError(f"bar_chart: {len(labels)} labels for {len(values)} values")
    value_format = value_format or _default_format

    # Plot area: room above the bars for their values, below for the labels.
    left, right = 8.0, 8.0
    top = font_size * 2.0
    bottom = font_size * 2.5
    x0, x1 = left, width - right
    y0, y1 = top, height - bottom
    plot_height = y1 - y0

    parts = [
        Markup(
            '<svg xmlns="%s" class="o_crm_vn_bar_chart" width="%s" height="%s" viewBox="0 0 %s %s" '
            'role="img" aria-label="%s" font-family="%s" font-size="%s" fill="%s">'
        )
        % (SVG_NS, _num(width), _num(height), _num(width), _num(height), title, FONT_FAMILY, font_size, TEXT_COLOR)
    ]
    if title:
        parts.append(Markup("<title>%s</title>") % title)
    parts.append(
        Markup('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>')
        % (_num(x0), _num(y0), _num(x0), _num(y1), AXIS_COLOR)
    )
    parts.append(
        Markup('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>')
        % (_num(x0), _num(y1), _num(x1), _num(y1), AXIS_COLOR)
    )

    if not values:
        parts.append(
            Markup('<text class="empty" x="%s" y="%s" text-anchor="middle">%s</text>')
            % (_num(width / 2), _num(y0 + plot_height / 2), empty_text)
        )
        parts.append(Markup("</svg>"))
        return Markup("").join(parts)

    highest = max(*values, 0.0)
    slot = (x1 - x0) / len(values)
    bar_width = min(slot * 0.6, max_bar_width)
    max_chars = max(int(slot / (font_size * 0.6)), 3)
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_height = plot_height * value / highest if highest > 0 and value > 0 else 0.0
        center = x0 + slot * index + slot / 2
        shown = value_format(value)
        parts.append(
            Markup('<rect class="bar" x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s: %s</title></rect>')
            % (
                _num(center - bar_width / 2),
                _num(y1 - bar_height),
                _num(bar_width),
                _num(bar_height),
                color,
                label,
                shown,
            )
        )
        parts.append(
            Markup('<text class="value" x="%s" y="%s" text-anchor="middle">%s</text>')
            % (_num(center), _num(y1 - bar_height - 3), shown)
        )
        parts.append(
            Markup('<text class="label" x="%s" y="%s" text-anchor="middle">%s</text>')
            % (_num(center), _num(y1 + font_size + 3), _shorten(label, max_chars))
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
