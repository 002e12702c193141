"""The centre's recovery key: the key pair IT makes, and the public half the hub hands out.

Every laptop seals its store's data key to this public key (a recovery slot, see the
laptop's ``fieldbus.store.keyslots``), so IT can open a store whose every PIN is lost
(``fieldbus recover``, docs/security.md §2). The private key is written once, by
:func:`generate`, to a file IT keeps offline; the hub holds only the public key (the file
given to ``fieldbus-hub serve --recovery-public-key``) and sends it in every enrolment
answer. X25519, so that the laptop can seal with an ephemeral key and HKDF + AES-GCM.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ENV = "FIELDBUS_HUB_RECOVERY_KEY"  # the public key file, when --recovery-public-key is not given


class RecoveryKeyError(ValueError):
    """The file is not an X25519 public key in PEM form."""


def fingerprint(public_key) -> str:
    """The name laptops record for the key (SHA-256 of its raw bytes, first 32 hex)."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return hashlib.sha256(public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)).hexdigest()[:32]


def generate(private_out: Path, public_out: Path) -> str:
    """Write a new key pair (the private key 0600, never overwriting a file); its
    fingerprint."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    key = X25519PrivateKey.generate()
    private_pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    public_pem = key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    fd = os.open(private_out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
        handle.flush()
        os.fsync(handle.fileno())
    fd = os.open(public_out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(public_pem)
    return fingerprint(key.public_key())


def load_public(path: str | os.PathLike[str]) -> str:
    """The PEM text of the public key in ``path``, checked; RecoveryKeyError otherwise."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        pem = Path(path).read_bytes()
        key = load_pem_public_key(pem)
    except OSError as exc:
        raise RecoveryKeyError(f"{path}: cannot read: {exc.strerror}") from None
    except ValueError:
        key = None
    if not isinstance(key, X25519PublicKey):
        raise RecoveryKeyError(f"{path}: not an X25519 public key in PEM form (make one with "
                               "`fieldbus-hub recovery-key generate`)")
    return pem.decode("ascii")
