"""SLA placeholder."""
