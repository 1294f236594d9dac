"""Rendering composed Documents to DOCX and PDF, sanitising them and reading them back."""
