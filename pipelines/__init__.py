"""Prefect flows and deployments. Each task wraps one service call and passes ids only."""
