#!/usr/bin/env bash
# Print a command that runs Python >= 3.12: python3.12/3.13 on PATH, or pyenv's 3.12.x.
set -euo pipefail
ok() { "$@" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for c in python3.12 python3.13 python3; do
  if command -v "$c" >/dev/null 2>&1 && ok "$c"; then echo "$c"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])' | sort -rV); do
    if PYENV_VERSION="$v" ok python3; then echo "env PYENV_VERSION=$v python3"; exit 0; fi
  done
fi
echo "deid needs Python >= 3.12 (python3.12 not found)" >&2
exit 1
