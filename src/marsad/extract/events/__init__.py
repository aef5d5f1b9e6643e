"""Events per document: CAMEO-typed triggers with their clause, actors, place and governing date."""

from marsad.extract.events.annotate import annotate, relink

__all__ = ["annotate", "relink"]
