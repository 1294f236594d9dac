"""Dutch text processing: a blank spaCy pipeline with lookup lemmas, sections and extraction."""
