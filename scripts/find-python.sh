#!/usr/bin/env bash
# Print a command that runs Python >= 3.12, preferring 3.12 (the target): python3.12 on PATH,
# pyenv's 3.12.x, then any newer python3.x on PATH or in pyenv.
set -euo pipefail
ok() { "$@" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
if ok python3.12; then echo "python3.12"; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.12(\.|$)' | sort -rV); do
    if PYENV_VERSION="$v" ok python3; then echo "env PYENV_VERSION=$v python3"; exit 0; fi
  done
fi
for c in python3.13 python3.14 python3; do
  if ok "$c"; then echo "$c"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[3-9])' | sort -rV); do
    if PYENV_VERSION="$v" ok python3; then echo "env PYENV_VERSION=$v python3"; exit 0; fi
  done
fi
echo "deid needs Python >= 3.12 (python3.12 not found)" >&2
exit 1
