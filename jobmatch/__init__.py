"""jobmatch: competencies, matching and date-free CVs for exit programmes."""

__version__ = "0.1.0"
