"""Pure domain layer: standard library only (DESIGN.md §2)."""
