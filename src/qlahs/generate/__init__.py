"""`qlahs generate`: realistic synthetic data for one unit, a province or the nation."""
