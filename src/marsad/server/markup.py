"""Rendering hostile text inert: HTML escaping plus visible bidi controls, and offset highlighting.

Every piece of page text reaches HTML through :func:`inert`: it is escaped (so ``<script>``
and ``onerror=`` stay text) and each bidi embedding, override or isolate character
(U+202A-U+202E, U+2066-U+2069) is replaced by a visible marker, so that a title cannot
reorder the text around it.  :func:`highlight` builds a document's HTML from
character-offset layers: it cuts the text at every layer boundary and wraps each piece
in the tags of the layers covering it (outer layers first), so tags always nest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _mark_control(match: re.Match[str]) -> str:
    return f'<span class="bidi" title="U+{ord(match.group()):04X}">⟦U+{ord(match.group()):04X}⟧</span>'


def inert(text: str) -> Markup:
    """``text`` as HTML that shows it literally: escaped, with bidi controls made visible."""
    return Markup(BIDI_CONTROLS.sub(_mark_control, str(escape(text))))


@dataclass(frozen=True)
class Layer:
    """One highlighted span: its offsets, CSS class, and optional tooltip, link and anchor id."""

    start: int
    end: int
    css: str
    title: str | None = None
    href: str | None = None
    anchor: str | None = None


def _open(layer: Layer, link: bool) -> str:
    attrs = [f'class="{escape(layer.css)}"']
    if layer.title:
        attrs.append(f'title="{inert(layer.title)}"')
    if link and layer.href:
        attrs.append(f'href="{escape(layer.href)}"')
    return f"<{'a' if link else 'span'} {' '.join(attrs)}>"


def highlight(text: str, layers: Iterable[Layer]) -> Markup:
    """``text`` as HTML with every layer wrapped around its span; overlapping layers nest piece by piece.

    Layers outside the text or empty are ignored.  An anchor id is placed once, at the
    layer's first piece.  Only one link is open at a time (HTML forbids nested links).
    """
    spans = sorted(
        (layer for layer in layers if 0 <= layer.start < layer.end <= len(text)),
        key=lambda layer: (layer.start, -layer.end),
    )
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    anchored: set[int] = set()
    active: list[Layer] = []
    nxt = 0
    for lo, hi in pairwise(cuts):
        while nxt < len(spans) and spans[nxt].start <= lo:
            active.append(spans[nxt])
            nxt += 1
        active = [s for s in active if s.end > lo]
        closing: list[str] = []
        linked = False
        for layer in active:
            link = bool(layer.href) and not linked
            linked = linked or link
            if layer.anchor and id(layer) not in anchored:
                anchored.add(id(layer))
                out.append(f'<span id="{escape(layer.anchor)}"></span>')
            out.append(_open(layer, link))
            closing.append("</a>" if link else "</span>")
        out.append(str(inert(text[lo:hi])))
        out.extend(reversed(closing))
    return Markup("".join(out))
