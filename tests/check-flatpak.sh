#!/bin/bash
# tests/check-flatpak.sh
# Checks offline that the Flatpak manifest parses and names the app, its command and every source (TAP).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.sh MANIFEST.json
# No runtime can be downloaded here, so this cannot build the manifest; it
# checks what flatpak-builder and a JSON reader can see without one.

set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 MANIFEST.json" >&2
  exit 2
fi
manifest=$1

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "1..0 # SKIP flatpak-builder missing"
  exit 0
fi

# Debian's python; the python3 on PATH may be another one.
python=/usr/bin/python3
if [ ! -x "$python" ]; then
  echo "1..0 # SKIP $python missing"
  exit 0
fi

echo "1..5"
failed=0

# flatpak-builder leaves a .flatpak-builder state dir where it runs: run it
# in a scratch dir so neither the source tree nor the build tree gets one.
case $manifest in
  /*) manifest_abs=$manifest ;;
  *) manifest_abs=$PWD/$manifest ;;
esac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
errfile=$scratch/stderr

# An unknown key only warns on stderr, so a warning fails the check too.
if (cd "$scratch" && flatpak-builder --show-manifest "$manifest_abs") >/dev/null 2>"$errfile"; then
  echo "ok 1 - flatpak-builder parses $manifest"
else
  echo "not ok 1 - flatpak-builder parses $manifest"
  failed=1
fi
if grep -q "WARNING" "$errfile"; then
  echo "not ok 2 - flatpak-builder prints no warning"
  failed=1
else
  echo "ok 2 - flatpak-builder prints no warning"
fi
sed '/^$/d; s/^/# /' "$errfile"

if ! "$python" - "$manifest" <<'EOF'
import json
import os
import sys

APP_ID = "nl.betrokken.Betrokken"
COMMAND = "betrokken"

path = sys.argv[1]
base = os.path.dirname(os.path.abspath(path))
failed = False


def report(number, ok, what, notes=()):
    global failed
    print("%s %d - %s" % ("ok" if ok else "not ok", number, what))
    for note in notes:
        print("# " + note)
    if not ok:
        failed = True


def load(file_path):
    with open(file_path, encoding="utf-8") as f:
        return json.load(f)


try:
    manifest = load(path)
except (OSError, ValueError) as e:
    for number, what in ((3, "app-id is " + APP_ID),
                         (4, "command is " + COMMAND),
                         (5, "every module has sources with a type and a location")):
        report(number, False, what, ["cannot read %s: %s" % (path, e)])
    sys.exit(1)

app_id = manifest.get("app-id", manifest.get("id"))
report(3, app_id == APP_ID, "app-id is " + APP_ID,
       [] if app_id == APP_ID else ["found %r" % (app_id,)])
command = manifest.get("command")
report(4, command == COMMAND, "command is " + COMMAND,
       [] if command == COMMAND else ["found %r" % (command,)])

# Where each kind of source says what it fetches.
LOCATION_KEYS = {
    "archive": ("url", "path"),
    "file": ("url", "path"),
    "patch": ("url", "path", "paths"),
    "git": ("url", "path"),
    "bzr": ("url",),
    "svn": ("url",),
    "dir": ("path",),
    "extra-data": ("url",),
    "shell": ("commands",),
    "script": ("commands",),
    "inline": ("contents",),
}
DEFAULT_KEYS = ("url", "path")

problems = []


def check_source(source, where, directory):
    if isinstance(source, str):
        # A source list kept in its own JSON file.
        try:
            included = load(os.path.join(directory, source))
        except (OSError, ValueError) as e:
            problems.append("%s: cannot read %s: %s" % (where, source, e))
            return
        items = included if isinstance(included, list) else [included]
        for i, item in enumerate(items):
            check_source(item, "%s (%s #%d)" % (where, source, i + 1), directory)
        return
    if not isinstance(source, dict):
        problems.append("%s: a source is neither an object nor a file name" % where)
        return
    kind = source.get("type")
    if not kind:
        problems.append("%s: a source has no type" % where)
        return
    keys = LOCATION_KEYS.get(kind, DEFAULT_KEYS)
    if not any(source.get(key) for key in keys):
        problems.append("%s: %s source has none of %s" % (where, kind, "/".join(keys)))


def check_module(module, where, directory):
    if isinstance(module, str):
        # A module kept in its own JSON file, relative to the including one.
        file_path = os.path.join(directory, module)
        try:
            module = load(file_path)
        except (OSError, ValueError) as e:
            problems.append("%s: cannot read %s: %s" % (where, file_path, e))
            return
        directory = os.path.dirname(os.path.abspath(file_path))
    if not isinstance(module, dict):
        problems.append("%s: a module is neither an object nor a file name" % where)
        return
    name = module.get("name") or "(unnamed)"
    where = "%s/%s" % (where, name) if where else name
    sources = module.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append("%s: no sources" % where)
    else:
        for source in sources:
            check_source(source, where, directory)
    for child in module.get("modules", []):
        check_module(child, where, directory)


modules = manifest.get("modules")
if not isinstance(modules, list) or not modules:
    problems.append("the manifest has no modules")
else:
    for module in modules:
        check_module(module, "", base)
report(5, not problems, "every module has sources with a type and a location",
       problems)

sys.exit(1 if failed else 0)
EOF
then
  failed=1
fi

exit $failed
