"""Text layer: normalisation keys with offset maps, tokens, sentences."""
