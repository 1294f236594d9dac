"""Data protection below the pages: keys and sealing, audit chain, uploads, log safety.

See docs/security.md for the design. Nothing here imports Flask.
"""
