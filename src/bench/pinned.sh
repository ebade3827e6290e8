#!/usr/bin/env bash
# Runs a command pinned to the given CPU list (taskset), e.g. `pinned.sh 1 java ...`.
# "none" (or a machine without taskset) runs it unpinned, with a warning.
cpus="$1"; shift
if [ "$cpus" != "none" ] && command -v taskset >/dev/null 2>&1; then
  exec taskset -c "$cpus" "$@"
fi
echo "pinned.sh: running unpinned ($cpus)" >&2
exec "$@"
