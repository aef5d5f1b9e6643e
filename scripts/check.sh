#!/usr/bin/env bash
# Set up a virtualenv, install marsad with its dev tools, then lint, type-check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
# The end-to-end tests drive the system Chromium; install it only when it is missing (needs root and apt).
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing chromium for the browser tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 \
        || echo "chromium could not be installed: the browser tests will fail in CI and skip elsewhere" >&2
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/pytest "$@"
