"""The supervisor's workspace: the review queue fed by the hub, a case's whole record and
history, the review steps, the dashboard and exports (issue 13 §3)."""
