#!/usr/bin/env bash
# Sets up Fieldbus (first run only) and starts it; arguments go to `fieldbus`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-venv.sh"
# A developer machine often has no OS keyring; the app says loudly when this is in use.
export FIELDBUS_ALLOW_INSECURE_KEYRING="${FIELDBUS_ALLOW_INSECURE_KEYRING:-1}"
exec "$here/.venv/bin/fieldbus" "$@"
