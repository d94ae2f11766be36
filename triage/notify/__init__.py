"""Mail triage sends: escalation notices and acknowledgements, through an outbox."""
