"""Page stage: segmentation of a page into main/appended/related/caption/boilerplate, and metadata."""
