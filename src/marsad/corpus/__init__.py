"""Corpus stage: entity resolution, copied passages, stories, timelines, claims, summaries."""
