"""The encrypted local store.

Importing this package first registers sqlcipher3 as the driver sqlite-utils uses (see
:mod:`fieldbus.store.sqlcipher`), whichever of its modules is imported first.
"""

from fieldbus.store import sqlcipher as _sqlcipher  # noqa: F401  (must be first)
