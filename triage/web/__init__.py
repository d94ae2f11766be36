"""The HTTP face of triage: a FastAPI app built by ``create_app``; it calls services only."""
