"""Sources that yield raw items, and parsing/normalising them into Messages."""
