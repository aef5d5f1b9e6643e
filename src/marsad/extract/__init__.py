"""Extract stage: entities, temporal expressions, quotes and events within one document."""
