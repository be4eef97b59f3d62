#!/usr/bin/env bash
# Serve the app and run the background-task worker beside it; stop both together.
set -euo pipefail
PY=${PY:-.venv/bin/python}
PORT=${PORT:-8000}
"$PY" manage.py db_worker --queue-name default >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Background worker started (pid $worker, log var/worker.log)."
echo "Serving on http://127.0.0.1:$PORT — press Ctrl+C to stop."
"$PY" manage.py runserver "127.0.0.1:$PORT" --noreload --insecure  # static files with DEBUG off
