"""Versioned data files (taxonomy, routing rules, sources), loaded and validated at start-up."""
