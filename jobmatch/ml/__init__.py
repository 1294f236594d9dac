"""Vectorised features and the ranker (scikit-learn conventions)."""
