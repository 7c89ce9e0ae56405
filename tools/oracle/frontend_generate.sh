#!/bin/sh
# Regenerates python-frontend/src/test/resources/corpus/expected/ with the real CPython 3.11, 3.12, 3.13.
set -e
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/../../python-frontend/src/test/resources/corpus"
for v in 3.11.7 3.12.1 3.13.0; do
  PYENV_VERSION=$v python3 "$here/frontend_corpus.py" "$corpus"
done
