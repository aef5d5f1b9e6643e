"""Arabic named-entity recognition: CRF features, the shipped tagger and span decoding."""
