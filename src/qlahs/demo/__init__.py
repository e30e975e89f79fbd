"""`make demo`: a year of a regional procuracy on the embedded store, and what it shows."""
