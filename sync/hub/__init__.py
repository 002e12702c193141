"""The Fieldbus hub: the central server the bus laptops sync with (``fieldbus-hub``).

Its database and schema (``db``, ``migrations``), sign-in and devices (``auth``,
``signin``), push, pull feed and blobs, supervisors' review of cases, retention, sealing,
visits and audit heads, the public status page, and the admin command line (``cli``).
May import ``sync.protocol`` and the rest of ``sync``; never ``fieldbus``.
"""

__version__ = "0.1.0"
