"""Use cases over ids: each a plain function the CLI, the web app and Prefect tasks call."""
