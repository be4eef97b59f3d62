#!/usr/bin/env bash
# Run every benchmark on PostgreSQL in throw-away databases; prints each script's figures.
#   PGURL=postgres://postgres@127.0.0.1:5432 bash bench/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PGURL=${PGURL:-postgres://postgres@127.0.0.1:5432}
fresh() {  # fresh DB name → prints its URL
  dropdb -h 127.0.0.1 -U postgres --if-exists "$1" >/dev/null
  createdb -h 127.0.0.1 -U postgres "$1"
  echo "$PGURL/$1"
}

echo "== demo data generation"; DATABASE_URL=$PGURL/postgres "$PY" bench/bench_generate.py
echo "== cadre import"; DATABASE_URL=$PGURL/postgres "$PY" bench/bench_import.py

url=$(fresh de165_bench_registry)
DATABASE_URL=$url "$PY" manage.py migrate -v0
DATABASE_URL=$url "$PY" manage.py generate_demo_data --cadres 100000 --seed 165
echo "== cadre list and export"; DATABASE_URL=$url "$PY" bench/bench_cadre_list.py
echo "== eligibility"; DATABASE_URL=$url "$PY" bench/bench_eligibility.py

url=$(fresh de165_bench_planning)
DATABASE_URL=$url "$PY" manage.py migrate -v0
DATABASE_URL=$url "$PY" manage.py seed_reference_data
echo "== consolidation"; DATABASE_URL=$url "$PY" bench/bench_consolidation.py
