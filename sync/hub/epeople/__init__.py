"""The hand-off to e-People (국민신문고), the national complaint system (issue 13 §2).

e-People has no public write API: the hub is the one place cases leave for it. A forwarded
case is queued (:mod:`.queue`); a connector (:mod:`.connector`) registers it — the export
batch an operator registers by hand (:mod:`.export`) or the API client for when an API is
granted (:mod:`.api`) — and the 신청번호 comes back to the case, its laptop and the
citizen's status page. One case, one 신청번호, whatever the retries.
"""
