"""SQLAlchemy 2 tables, repository functions and Alembic migrations (SQLite or PostgreSQL)."""
