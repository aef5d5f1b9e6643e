"""Temporal expressions: a grammar of Arabic dates, times and durations normalised to TIMEX3,
and publication dates inferred from them."""

from marsad.extract.time.annotate import annotate, tag_text

__all__ = ["annotate", "tag_text"]
