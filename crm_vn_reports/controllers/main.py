"""HTTP routes of the Excel exports."""
