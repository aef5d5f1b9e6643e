"""Model files shipped with marsad (see NER_MODEL_CARD.md)."""
