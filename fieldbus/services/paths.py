"""Where the laptop's store lives: the one data-folder rule the command line and the app share.

Why here and not in the CLI: the window needs the same folder as ``fieldbus`` when it is
started without ``--data-dir``, and the UI must not import the command line (that made an
import circle). Plain arguments, no ``argparse``: each caller passes what it was given.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def data_dir(explicit: str | Path | None, *, training: bool = False,
             environ: Mapping[str, str] = os.environ) -> Path:
    """The store folder: ``explicit`` (``--data-dir``), else ``FIELDBUS_DATA_DIR``, else the
    user data folder (platformdirs); with ``training``, the training store beside it.

    An empty ``explicit`` or ``FIELDBUS_DATA_DIR`` counts as not given. platformdirs and the
    training module (which loads the store) are imported only when needed, so a command
    that never opens a store starts light."""
    if explicit:
        found = Path(explicit).expanduser()
    elif environ.get("FIELDBUS_DATA_DIR"):
        found = Path(environ["FIELDBUS_DATA_DIR"]).expanduser()
    else:
        import platformdirs

        found = Path(platformdirs.user_data_dir("fieldbus", appauthor=False))
    if training:
        from fieldbus.services.training import training_dir

        return training_dir(found)
    return found
