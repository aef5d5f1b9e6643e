#!/usr/bin/env bash
# Set up a virtualenv, install marsad with its dev tools, then lint, type-check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
# Services the tests start themselves need system packages: the PostgreSQL server binaries (a throwaway
# server per test session, tests/conftest.py) and the system Chromium (browser tests). Install the
# missing ones from Debian when we may (root with apt-get); otherwise those tests fail in CI and skip elsewhere.
missing=()
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    missing+=(postgresql)
fi
if [ ! -x /usr/bin/chromium ]; then
    missing+=(chromium)
fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing ${missing[*]} for the tests" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 \
            || echo "WARNING: could not install ${missing[*]}: their tests will fail in CI and skip elsewhere" >&2
    else
        echo "WARNING: ${missing[*]} missing: their tests will fail in CI and skip elsewhere" >&2
    fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/pytest "$@"
