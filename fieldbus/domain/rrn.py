"""Finding and masking resident registration numbers in free text.

The rules and the one implementation live in :mod:`sync.rrn`, because the hub must mask
what devices push exactly as the laptop masks what it keeps (and ``sync`` never imports
``fieldbus``). Free text is passed through :func:`mask_rrns` before it is stored, and the
form warns the officer when :func:`contains_rrn` is true.
"""

from __future__ import annotations

from sync.rrn import contains_rrn, mask_rrns

__all__ = ["contains_rrn", "mask_rrns"]
