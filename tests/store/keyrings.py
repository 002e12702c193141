"""Keyrings for the store tests: an in-memory stand-in for a secure OS keyring."""

from __future__ import annotations

import keyring.core
import pytest


class FakeSecureKeyring:
    """In-memory stand-in for an OS keyring (nothing in CI offers one).

    It claims the Secret Service module name, which is how the store recognises a backend
    that keeps secrets encrypted by the operating system.
    """

    __module__ = "keyring.backends.SecretService"

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        del self.secrets[(service, username)]


@pytest.fixture
def secure_keyring(monkeypatch):
    backend = FakeSecureKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend
