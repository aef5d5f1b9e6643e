"""Report: the JSON contract (marsad.report/1) and its schema."""
