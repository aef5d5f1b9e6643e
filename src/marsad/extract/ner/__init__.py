"""Arabic named-entity recognition: the BiLSTM-CRF tagger, its lexicons and span decoding."""
