#!/usr/bin/env bash
# Run a web server and the background worker(s) beside it (django-tasks'
# database worker, which reads the photographed letters); stop them all
# together: Ctrl+C, a TERM, or either side ending stops the other.
#   scripts/with-worker.sh SERVER_COMMAND [ARGS...]
# READING_WORKERS (default 1): how many `manage.py db_worker` processes.
set -uo pipefail

python=${PYTHON:-.venv/bin/python}
workers=${READING_WORKERS:-1}
pids=()

stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for ((i = 0; i < workers; i++)); do
  "$python" manage.py db_worker --no-reload --interval 1 &
  pids+=($!)
done
"$@" &
pids+=($!)
wait -n
