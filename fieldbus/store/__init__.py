"""The encrypted local store: SQLCipher file, key slots, schema and migrations, the
repositories of each record, search, the outbox and pulled changes, audit, retention.

It knows nothing of training seeds, screens or commands (a store's ``training`` mark is set
by :mod:`fieldbus.services.training`); it imports only ``fieldbus.domain``, itself and the
shared ``sync`` vocabulary. Errors are typed (:mod:`fieldbus.store.errors`), never shown.

Importing this package first registers sqlcipher3 as the driver sqlite-utils uses (see
:mod:`fieldbus.store.sqlcipher`), whichever of its modules is imported first.
"""

from fieldbus.store import sqlcipher as _sqlcipher  # noqa: F401  (must be first)
