"""The pages and actions of the web UI, one router per area."""
