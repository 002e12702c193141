"""``fieldbus-hub recovery-key generate`` and ``serve --recovery-public-key``: the centre's
recovery key pair, of which the hub holds and hands out only the public half
(docs/security.md §2)."""

from __future__ import annotations

import stat

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key, load_pem_public_key

from tests.hub.fixtures import hub_cli


def test_generate_writes_the_pair_private_0600_and_never_over_a_file(tmp_path, hub_db_url):
    private, public = tmp_path / "private.pem", tmp_path / "public.pem"
    made = hub_cli(hub_db_url, "recovery-key", "generate", "--out", str(private),
                   "--public-out", str(public))
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    key = load_pem_private_key(private.read_bytes(), password=None)
    assert isinstance(key, X25519PrivateKey)
    assert isinstance(load_pem_public_key(public.read_bytes()), X25519PublicKey)
    assert "PRIVATE" not in public.read_text() and "keep it offline" in made.stderr
    kept = private.read_bytes()
    again = hub_cli(hub_db_url, "recovery-key", "generate", "--out", str(private),
                    "--public-out", str(tmp_path / "other.pem"))
    assert again.returncode == 2 and "not overwritten" in again.stderr
    assert private.read_bytes() == kept


def test_serve_refuses_a_file_that_is_not_a_recovery_public_key(tmp_path, hub_db_url):
    private, public = tmp_path / "private.pem", tmp_path / "public.pem"
    assert hub_cli(hub_db_url, "recovery-key", "generate", "--out", str(private),
                   "--public-out", str(public)).returncode == 0
    refused = hub_cli(hub_db_url, "serve", "--recovery-public-key", str(private))
    assert refused.returncode == 2, refused.stderr
    assert "not an X25519 public key" in refused.stderr and "Traceback" not in refused.stderr
