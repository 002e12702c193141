"""What every start checks before any work: the rule tables the law's periods come from.

A malformed table (an unknown key, a missing basis or quote, an unparseable date) must
stop the start with one line naming the file and the entry, never let a period fall back
to a silently wrong value. The CLI's ``main`` calls :func:`check_rule_tables` before every
command, so the window (``fieldbus`` with no command) is covered too. It lives here, above
the domain, because the appeal table's loader (:mod:`fieldbus.domain.appeal`) itself uses
:mod:`sync.rule_tables`.
"""

from __future__ import annotations

from functools import cache

from fieldbus.domain import appeal, receipt_content
from sync import resources, rule_tables


@cache
def check_rule_tables() -> None:
    """Read and check every rule table once (cached); raises ``RuleTableError``. A frozen
    build first checks that each of its resource files is there, whole
    (``InstallationDamaged``): a missing font or schema is named at the start too."""
    resources.check_installation()
    rule_tables.check_all()
    appeal.counsel_rules()
    receipt_content.table()
    receipt_content.notices()
