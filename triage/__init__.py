"""triage: make a team answer every message from civil society, in time, fairly."""

__version__ = "0.1.0"
