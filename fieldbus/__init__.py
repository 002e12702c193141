"""Fieldbus: offline intake, receipts and sync for the outreach complaint bus (이동신문고)."""

__version__ = "0.1.0"
