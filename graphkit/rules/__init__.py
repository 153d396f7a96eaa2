"""Discourse-level relation rules (documents and their stance, quotes and their speakers)."""
