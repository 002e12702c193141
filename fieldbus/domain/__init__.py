"""Records and rules: what a complaint, a counsel session and a visit are, and the rules
they follow (intake validation, deadlines, receipt numbers, phones, masking, ids).

Pure Python, no Qt and no I/O beyond reading packaged rule tables through
:mod:`sync.resources` (the files an intake names are read by
:mod:`fieldbus.services.intake`). Imports nothing of ``fieldbus`` but the domain, and
from ``sync`` only the vocabulary it shares with the hub (receipt check, RRN masking,
control characters, protocol constants).
"""
