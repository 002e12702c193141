#!/usr/bin/env bash
# Collect the UI's strings into resources/i18n/fieldbus_en.ts, then compile fieldbus_en.qm.
#
#   bash scripts/update-translations.sh
#
# Run it after adding or changing a UI string (tests/ui/test_languages.py fails until the
# .ts holds it). lupdate keeps the translations already written; give each new message
# (type="unfinished" in the .ts) its English with Qt Linguist or a text editor, drop the
# type="unfinished" mark, and run this script again so the .qm matches. It exits 1 and
# lists the messages while some still have no English. lupdate sees only literal text in
# tr()/translate() calls: text kept in a table and translated later is marked with
# QT_TR_NOOP("…") where it is written.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
ts=resources/i18n/fieldbus_en.ts
"$bin/pyside6-lupdate" -source-language ko -target-language en -no-obsolete \
    $(find fieldbus/ui -name "*.py" | sort) -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
if grep -q 'type="unfinished"' "$ts"; then
    echo "Still without English (add it in $ts, then run this script again):" >&2
    grep -B1 'type="unfinished"' "$ts" | sed -n 's|.*<source>\(.*\)</source>.*|  \1|p' >&2
    exit 1
fi
