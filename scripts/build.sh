#!/usr/bin/env bash
# Builds the laptop app: the PyInstaller folder dist/fieldbus/ (build.spec), then the
# Debian package dist/fieldbus_<version>_amd64.deb made from it (packaging/linux/).
#   bash scripts/build.sh            the folder and the .deb
#   bash scripts/build.sh --folder   the folder only (any Linux; the Windows build: docs/deploy.md)
# The build venv .venv-build holds requirements/build.txt exactly: the laptop's locked tree
# and PyInstaller, nothing of the hub or the tests, so nothing else can slip in.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
folder_only=false
[ "${1:-}" = --folder ] && folder_only=true
"$here/scripts/setup-venv.sh" build .venv-build
start=$SECONDS
.venv-build/bin/pyinstaller --noconfirm --clean --log-level ERROR build.spec
echo "built dist/fieldbus in $((SECONDS - start)) s: $(du -sh dist/fieldbus | cut -f1)" >&2
dist/fieldbus/fieldbus --version
$folder_only && exit 0

command -v dpkg-deb >/dev/null || { echo "dpkg-deb is missing: the .deb needs Debian's dpkg" \
  "(or use --folder)" >&2; exit 1; }
version="$(.venv-build/bin/python -c 'import fieldbus; print(fieldbus.__version__)')"
app_id="$(.venv-build/bin/python -c 'import fieldbus; print(fieldbus.APP_ID)')"
root="build/deb/root"
rm -rf build/deb && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" \
  "$root/usr/share/applications" "$root/usr/share/icons/hicolor/scalable/apps" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/doc/fieldbus"
cp -a dist/fieldbus "$root/opt/fieldbus"
ln -s /opt/fieldbus/fieldbus "$root/usr/bin/fieldbus"
install -m 644 "packaging/linux/$app_id.desktop" "$root/usr/share/applications/"
install -m 644 resources/icons/fieldbus.svg "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
# The menu's 256 px icon is drawn from the same SVG by the frozen app's own Qt.
QT_QPA_PLATFORM=offscreen .venv-build/bin/python - "$root/usr/share/icons/hicolor/256x256/apps/$app_id.png" <<'PY'
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication(sys.argv[:1])
image = QImage(256, 256, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
QSvgRenderer("resources/icons/fieldbus.svg").render(painter)
painter.end()
sys.exit(0 if image.save(sys.argv[1]) else 1)
PY
{ echo "Fieldbus $version: MIT licence. Bundled fonts: SIL Open Font License 1.1."
  echo "Exact versions of everything inside: /opt/fieldbus/_internal/fieldbus-build.json"
  cat resources/fonts/OFL-NanumGothic.txt; } | gzip -9n > "$root/usr/share/doc/fieldbus/copyright.gz"
# The oldest glibc the bundled programs accept (from their versioned symbols) is the
# package's libc6 dependency: the .deb refuses to install where it could not start.
glibc="$(find "$root/opt/fieldbus" -type f \( -name '*.so*' -o -name fieldbus \) -print0 |
  xargs -0 readelf -V 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' |
  sort -Vu | tail -1)"
size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" \
    -e "s/libc6 (>= [0-9.]*)/libc6 (>= $glibc)/" packaging/linux/control.in > "$root/DEBIAN/control"
deb="dist/fieldbus_${version}_amd64.deb"
start=$SECONDS
# gzip rather than xz: 11 s and 118 MB on a 2-core build machine, xz 50 s and 92 MB.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
echo "built $deb in $((SECONDS - start)) s: $(du -h "$deb" | cut -f1), needs glibc $glibc" >&2
