"""Charts drawn on the server as inline SVG (no script, no external asset, no inline style).

The mentions-over-time chart is a bar chart: one bar per period (day, or month when the
days span more than :data:`MONTHS_AFTER_DAYS`), its height proportional to the count,
with the count above it and the period below.  Labels pass through :func:`inert`.
"""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from marsad.server.markup import inert

MONTHS_AFTER_DAYS = 60
WIDTH = 640
HEIGHT = 220
MARGIN = 28


def periods(dated: Counter[str]) -> Counter[str]:
    """Sum counts keyed by ISO date into days, or into months when there are more distinct days than fit."""
    by_month = len({d[:10] for d in dated if len(d) >= 10}) > MONTHS_AFTER_DAYS
    out: Counter[str] = Counter()
    for value, count in dated.items():
        out[value[:7] if by_month else value[:10]] += count
    return out


def bar_chart(counts: Counter[str], caption: str) -> Markup:
    """An SVG bar chart of ``counts`` in key order (oldest period on the left, as time axes read)."""
    keys = sorted(counts)
    if not keys:
        return Markup("")
    top = max(counts.values())
    slot = (WIDTH - 2 * MARGIN) / len(keys)
    bar = max(2.0, min(48.0, slot * 0.7))
    plot = HEIGHT - 2 * MARGIN
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" xmlns="http://www.w3.org/2000/svg" '
        f'direction="ltr"><title>{inert(caption)}</title>',
        f'<line x1="{MARGIN}" y1="{HEIGHT - MARGIN}" x2="{WIDTH - MARGIN}" y2="{HEIGHT - MARGIN}" '
        'stroke="#8a94a6" stroke-width="1"/>',
    ]
    label_every = max(1, len(keys) // 12)
    for i, key in enumerate(keys):
        height = plot * counts[key] / top
        x = MARGIN + i * slot + (slot - bar) / 2
        y = HEIGHT - MARGIN - height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" fill="#2b6cb0" rx="2">'
            f"<title>{inert(key)}: {counts[key]}</title></rect>"
        )
        cx = x + bar / 2
        parts.append(f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11">{counts[key]}</text>')
        if i % label_every == 0:
            parts.append(
                f'<text x="{cx:.1f}" y="{HEIGHT - MARGIN + 14}" text-anchor="middle" font-size="10" '
                f'fill="#4a5568">{inert(key)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
