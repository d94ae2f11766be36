"""Charts as inline SVG, built by hand on the server: no script, no CDN, prints as it shows.

Two kinds are enough for the report and the dashboard: step curves (Kaplan–Meier, the share
still waiting over time) and grouped bars (a figure per group, e.g. per week, South beside
North). Every label is escaped; missing values (suppressed or undefined) draw nothing and are
said in the caption instead of being drawn as zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 28, 56
COLOURS = ("#1b6ca8", "#d95f02", "#7570b3", "#1b9e77")


def _frame(title: str, y_label: str, body: list[str], legend: Sequence[str]) -> str:
    items = []
    for i, name in enumerate(legend):
        x = LEFT + i * 150
        items.append(
            f'<rect x="{x}" y="{HEIGHT - 18}" width="12" height="12" fill="{COLOURS[i % 4]}"/>'
            f'<text x="{x + 16}" y="{HEIGHT - 8}">{escape(name)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" font-size="11">'
        f"<title>{escape(title)}</title>"
        f'<text x="{LEFT}" y="14" font-size="13" font-weight="bold">{escape(title)}</text>'
        f'<text x="12" y="{TOP + (HEIGHT - TOP - BOTTOM) / 2}" transform="rotate(-90 12 '
        f'{TOP + (HEIGHT - TOP - BOTTOM) / 2})" text-anchor="middle">{escape(y_label)}</text>'
        + "".join(body) + "".join(items) + "</svg>"
    )  # fmt: skip


def _axes(y_max: float, y_format: str, ticks: int = 4) -> list[str]:
    out = []
    plot_h = HEIGHT - TOP - BOTTOM
    for i in range(ticks + 1):
        value = y_max * i / ticks
        y = TOP + plot_h * (1 - i / ticks)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="#ddd"/><text x="{LEFT - 4}" y="{y + 4:.1f}" '
                   f'text-anchor="end">{escape(format(value, y_format))}</text>')  # fmt: skip
    return out


def step_curves(
    curves: Mapping[str, tuple[Sequence[float], Sequence[float]]],
    *,
    title: str,
    x_max: float,
    x_label: str = "days since the message arrived",
) -> str:
    """Survival steps per series: (times, S after each time), S = 1 before the first."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    x_max = x_max if x_max > 0 else 1.0

    def x(t: float) -> float:
        return LEFT + plot_w * min(t, x_max) / x_max

    def y(s: float) -> float:
        return TOP + plot_h * (1 - s)

    body = _axes(1.0, ".0%")
    for i in range(5):
        t = x_max * i / 4
        body.append(f'<text x="{x(t):.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">'
                    f"{t:.0f}</text>")  # fmt: skip
    body.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - BOTTOM + 28}" '
                f'text-anchor="middle">{escape(x_label)}</text>')  # fmt: skip
    for i, (times, survival) in enumerate(curves.values()):
        points = [(x(0), y(1.0))]
        level = 1.0
        for t, s in zip(times, survival, strict=True):
            if t > x_max:
                break
            points += [(x(t), y(level)), (x(t), y(s))]
            level = s
        points.append((x(x_max), y(level)))
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        body.append(f'<polyline fill="none" stroke="{COLOURS[i % 4]}" stroke-width="2" '
                    f'points="{path}"/>')  # fmt: skip
    return _frame(title, "share still waiting", body, list(curves))


def grouped_bars(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    title: str,
    y_label: str,
    y_format: str = ".0%",
    y_max: float | None = None,
) -> str:
    """One cluster per category, one bar per series; None (suppressed/undefined) is a gap."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    values = [v for vs in series.values() for v in vs if v is not None and math.isfinite(v)]
    top = y_max if y_max is not None else (max(values) * 1.1 if values else 1.0) or 1.0
    body = _axes(top, y_format)
    n = max(len(categories), 1)
    slot = plot_w / n
    bar = slot * 0.8 / max(len(series), 1)
    for j, category in enumerate(categories):
        cx = LEFT + slot * j
        label_every = max(1, n // 12)
        if j % label_every == 0:
            body.append(f'<text x="{cx + slot / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" '
                        f'text-anchor="middle">{escape(str(category))}</text>')  # fmt: skip
        for i, vs in enumerate(series.values()):
            value = vs[j]
            if value is None or not math.isfinite(value):
                continue
            h = plot_h * min(value, top) / top
            body.append(f'<rect x="{cx + slot * 0.1 + bar * i:.1f}" y="{TOP + plot_h - h:.1f}" '
                        f'width="{bar:.1f}" height="{h:.1f}" fill="{COLOURS[i % 4]}">'
                        f"<title>{escape(str(category))}: {escape(format(value, y_format))}"
                        "</title></rect>")  # fmt: skip
    return _frame(title, y_label, body, list(series))
