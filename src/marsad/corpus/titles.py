"""A story's title: the most representative neutral headline among its members'.

Headlines that tease (شاهد..، فيديو، بالصور, a bare #hashtag) or that head opinion
pieces (رأي، مقال) are set aside (``lexicons/story_title_skip.txt``) unless nothing else is left.  Among the
rest, the headline sharing most content terms with the other outlets' headlines wins
(the one most outlets share or paraphrase), its overlap divided by the square root of its
own length so that a long headline with an editorial tail does not win by length alone;
ties go to the member nearest the story's centroid.
"""

from __future__ import annotations

import math
from functools import cache

from marsad.corpus.story_index import Member, StoryState
from marsad.corpus.terms import jaccard, span_terms
from marsad.lexicons import load
from marsad.text.clitics import strip_clitics
from marsad.text.normalize import norm_key
from marsad.text.tokens import tokenize


@cache
def _skip() -> tuple[frozenset[str], frozenset[str]]:
    first: set[str] = set()
    anywhere: set[str] = set()
    for line in load("story_title_skip.txt"):
        (anywhere if line.startswith("+") else first).add(norm_key(line.lstrip("+")))
    return frozenset(first), frozenset(anywhere)


def is_teaser(title: str) -> bool:
    """Whether a headline is a teaser, a video or photo gallery or an opinion piece."""
    first, anywhere = _skip()
    words = [t for t in tokenize(title) if t.is_word]
    if not words or title.lstrip().startswith("#"):
        return True
    keys = [t.key for t in words]
    if keys[0] in first or strip_clitics(keys[0])[1] in first:
        return True
    return any(k in anywhere for k in keys)


def choose_title(state: StoryState) -> str:
    """The story's title (see the module docstring)."""
    central = state.central()
    titled = [m for m in state.members if m.titled and m.title.strip()]
    if not titled:
        return central.title
    neutral = [m for m in titled if not is_teaser(m.title)] or titled
    terms = {id(m): span_terms(m.title, 0, len(m.title)) for m in neutral}

    def shared(m: Member) -> float:
        total = sum(jaccard(terms[id(m)], terms[id(o)]) for o in neutral if o is not m and o.outlet != m.outlet)
        return total / math.sqrt(max(1, len(terms[id(m)])))

    return max(neutral, key=lambda m: (round(shared(m), 6), m is central)).title
