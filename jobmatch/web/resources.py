"""Expensive shared resources (the spaCy pipeline, fitted models), built once per process.

Reserved for the NLP pipeline: areas add cached factories here, e.g.

    @lru_cache(maxsize=1)
    def pipeline() -> Language: ...

Never build them at import time or per request.
"""

from __future__ import annotations
