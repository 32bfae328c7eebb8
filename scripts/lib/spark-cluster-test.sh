#!/usr/bin/env bash
# The Spark engine on a real standalone cluster (scripts/test runs this after the Maven build):
# a master and two 1-core workers on 127.0.0.1 from the Maven jars, a sweep against
# spark://127.0.0.1:PORT whose rows must equal the in-process engine's, with one worker killed
# (SIGKILL, with its executor) while it runs tasks of the job: the job must still complete. Then a
# walk-forward on the surviving worker, whose files must equal the in-process engine's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=spark-cluster.sh
source "$ROOT/scripts/lib/spark-cluster.sh"
DIR="$ROOT/.volvault/spark-cluster-test"
trap spark_cluster_stop EXIT
spark_cluster_prepare "$DIR"
GRID=(--prices "$ROOT/src/data/btc_usd_daily.csv" --iv "$ROOT/src/data/dvol/btc_dvol.csv" --from 2019-01-01
  --target-vols 0.3,0.4,0.5 --estimators ewma,yang-zhang --windows 20,30 --deltas 0.1,0.2 --tenors 7,30
  --resamples 200)

fail() { echo "spark cluster test FAILED: $*" >&2; exit 1; }

"$ROOT/scripts/volvault" sweep "${GRID[@]}" --out "$DIR/threads.csv"

spark_master_start
spark_worker_start 1
spark_worker_start 1
echo "master $SPARK_MASTER_PID at $SPARK_MASTER_URL, workers ${SPARK_WORKER_PIDS[*]}"

"$ROOT/scripts/volvault" sweep --engine spark --master "$SPARK_MASTER_URL" --partitions 24 "${GRID[@]}" \
  --out "$DIR/spark.csv" >"$DIR/driver.out" 2>"$DIR/driver.err" &
DRIVER=$!
# Stage 0 warms the executors up; kill worker 1 once its executor runs a task of the sweep (stage 1).
VICTIM="${SPARK_WORKER_PIDS[1]}"
waited=0
until grep -qs "Running task .* in stage 1\.0" "$DIR"/work-1/app-*/*/stderr; do
  kill -0 "$DRIVER" 2>/dev/null || { cat "$DIR/driver.err" >&2; fail "the sweep ended before worker 1 ran a task"; }
  [ "$waited" -lt 1200 ] || fail "worker 1 ran no task of the sweep within 120 s"
  sleep 0.1
  waited=$((waited + 1))
done
spark_worker_kill "$VICTIM"
echo "killed worker $VICTIM and its executor while it ran sweep tasks"
wait "$DRIVER" || { cat "$DIR/driver.err" >&2; fail "the sweep failed after a worker was killed"; }
cat "$DIR/driver.out"
grep -q "Lost executor\|ExecutorLostFailure\|Lost task" "$DIR/driver.err" \
  || fail "the driver's log shows no lost executor or task: the kill did not hit the job"
if [ -e "$DIR/spark.csv.partial" ] || [ -e "$DIR/spark.parquet.partial" ] || [ -e "$DIR/spark-report.partial" ]; then
  fail "a .partial file was left"
fi
[ -s "$DIR/spark.parquet" ] || fail "no Parquet output"
# Rows equal to the in-process engine's, every column (flags and error too) but the engine's name,
# the second-to-last field (an error message may hold commas, so no cut by position).
engineless() { sed -E 's/,(threads|spark),([0-9a-f]{16})$/,\2/' "$1"; }
diff <(engineless "$DIR/threads.csv") <(engineless "$DIR/spark.csv") \
  || fail "the cluster's rows differ from the in-process engine's"
# The report's summary.json too, but for the engine's name.
diff <(grep -v '"engine"' "$DIR/threads-report/summary.json") <(grep -v '"engine"' "$DIR/spark-report/summary.json") \
  || fail "the cluster's summary.json differs from the in-process engine's"
# Walk-forward on the surviving worker: the same files as the in-process engine writes.
WF=(--prices "$ROOT/src/data/btc_usd_daily.csv" --iv "$ROOT/src/data/dvol/btc_dvol.csv" --from 2022-01-01
  --target-vols 0.3,0.5 --estimators ewma --windows 20 --deltas 0.1,0.2 --tenors 7 --train-days 180 --test-days 90
  --resamples 200 --cscv-splits 4)
"$ROOT/scripts/volvault" walkforward "${WF[@]}" --out "$DIR/wf-threads" >/dev/null
"$ROOT/scripts/volvault" walkforward --engine spark --master "$SPARK_MASTER_URL" "${WF[@]}" --out "$DIR/wf-spark" \
  >/dev/null 2>"$DIR/wf-driver.err" || { cat "$DIR/wf-driver.err" >&2; fail "walkforward on the cluster failed"; }
for f in folds.csv equity.csv paths.csv summary.json; do
  cmp -s "$DIR/wf-threads/$f" "$DIR/wf-spark/$f" || fail "walkforward's $f differs between the engines"
done
echo "walkforward on the cluster wrote the in-process engine's folds.csv, equity.csv, paths.csv and summary.json"

# Everything started here stops by PID: the master, the workers and their executors.
PIDS="$SPARK_MASTER_PID ${SPARK_WORKER_PIDS[*]} $(for w in "${SPARK_WORKER_PIDS[@]}"; do spark_executor_pids "$w"; done)"
spark_cluster_stop
for pid in $PIDS; do
  if kill -0 "$pid" 2>/dev/null; then fail "process $pid is still running after the cluster stopped"; fi
done
echo "spark cluster test passed: $(($(wc -l <"$DIR/spark.csv") - 1)) rows equal to the in-process engine's, one worker killed mid-job"
