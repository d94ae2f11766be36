"""Pure values and functions: no I/O, no clock (``now`` is always passed in)."""
