#!/bin/sh
# Start the Accord demo: migrate the embedded database, load the demo data, serve on 127.0.0.1:8000.
set -eu
BIN=.venv/bin
mkdir -p "$ACCORD_DATA_DIR"
$BIN/accord migrate --noinput -v 0
$BIN/accord demo
echo
echo "Accord is starting at http://127.0.0.1:8000/"
echo "Demo logins (user / password):"
$BIN/accord demo --list-users
echo
# Background jobs (newsroom reading, reports, imports, daily reminders): one worker beside the server.
$BIN/accord worker --threads --workers 2 &
WORKER=$!
trap 'kill -INT $WORKER 2>/dev/null || true' EXIT INT TERM
$BIN/accord runserver 127.0.0.1:8000 --noreload
