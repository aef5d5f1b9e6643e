#!/usr/bin/env bash
# Set up a virtualenv, install marsad with its dev tools, then lint, type-check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
# Services the tests start themselves: a throwaway PostgreSQL server (tests/conftest.py) needs the
# server binaries; install Debian's package when they are missing and we may (root with apt-get).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing PostgreSQL (Debian's postgresql) for the store tests" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        echo "WARNING: PostgreSQL server binaries are missing; the PostgreSQL tests will fail in CI and skip elsewhere" >&2
    fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/pytest "$@"
