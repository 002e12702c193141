"""The Fieldbus hub: the central server the bus laptops sync with (``fieldbus-hub``)."""

__version__ = "0.1.0"
