#!/usr/bin/env bash
# BERT-Base speed, TF Java (BertBaseSpeedBenchmark) vs PyTorch eager (bench/pytorch_bert_base_speed.py),
# one after the other on this machine, same weights and inputs: forward 32 x 128, single-sentence
# latency, one AdamW training step. TF Java writes the weights it ran with; the PyTorch twin loads
# them and asserts it reproduces TF Java's outputs. Writes docs/benchmarks/bert-base-speed.json and
# prints a markdown table.
# Usage: bench/bert-base-speed.sh                 (from the project root; random BERT-Base weights)
#        MODEL=/tmp/bb-base bench/bert-base-speed.sh   (a model directory's config and weights)
# Knobs: WARMUP=2 REPEATS=5 LATENCY_WARMUP=10 LATENCY_CALLS=100 TRAIN_WARMUP=2 TRAIN_STEPS=5
#        MAX_SPREAD=0.3 (bound on (max - min) / median of the forward and training timings; a run
#        over the bound still writes the report, marked, and the script exits 1)
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${MODEL:-}
WARMUP=${WARMUP:-2}; REPEATS=${REPEATS:-5}
LATENCY_WARMUP=${LATENCY_WARMUP:-10}; LATENCY_CALLS=${LATENCY_CALLS:-100}
TRAIN_WARMUP=${TRAIN_WARMUP:-2}; TRAIN_STEPS=${TRAIN_STEPS:-5}
MAX_SPREAD=${MAX_SPREAD:-0.3}
OUT=docs/benchmarks/bert-base-speed.json
TMP=$(mktemp -d); trap 'rm -f "$TMP"/*.safetensors' EXIT   # the ~440 MB weights go; logs and JSON stay
echo "logs and per-framework JSON: $TMP" >&2
export TF_CPP_MIN_LOG_LEVEL=2
source bench/pytorch-env.sh   # PY, OPENBLAS, openblas_core

load() { cut -d' ' -f1 /proc/loadavg; }
STATUS=0

echo "== TF Java (builds the reactor, then runs BertBaseSpeedBenchmark) ==" >&2
LOAD_TF_BEFORE=$(load)
mvn -B -q -o -pl backbone -am verify -Dtest=BertBaseSpeedBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.bench=true -Dmlm.bench.model="$MODEL" \
  -Dmlm.bench.exchange="$TMP" -Dmlm.bench.out="$TMP/java.json" \
  -Dmlm.bench.warmup="$WARMUP" -Dmlm.bench.repeats="$REPEATS" \
  -Dmlm.bench.latency-warmup="$LATENCY_WARMUP" -Dmlm.bench.latency-calls="$LATENCY_CALLS" \
  -Dmlm.bench.train-warmup="$TRAIN_WARMUP" -Dmlm.bench.train-steps="$TRAIN_STEPS" \
  -Dmlm.bench.max-spread="$MAX_SPREAD" >"$TMP/java.log" 2>&1 \
  || { STATUS=1; grep -E "AssertionFailedError" "$TMP/java.log" | head -1 >&2 || true; }
# java.json is written after the timings, before the spread assertion: without it the run is void
[ -s "$TMP/java.json" ] || { cat "$TMP/java.log" >&2; exit 1; }
LOAD_TF_AFTER=$(load)

echo "== PyTorch ==" >&2
LOAD_PT_BEFORE=$(load)
LD_LIBRARY_PATH=$OPENBLAS $PY bench/pytorch_bert_base_speed.py --exchange "$TMP" --threads 2 --interop 1 \
  --warmup "$WARMUP" --repeats "$REPEATS" --latency-warmup "$LATENCY_WARMUP" \
  --latency-calls "$LATENCY_CALLS" --train-warmup "$TRAIN_WARMUP" --train-steps "$TRAIN_STEPS" \
  --max-spread "$MAX_SPREAD" --out "$TMP/torch.json" || STATUS=1
[ -s "$TMP/torch.json" ] || exit 1   # the correctness check failed: nothing was timed
LOAD_PT_AFTER=$(load)

$PY - "$TMP/env.json" <<PYEOF
import json, sys, platform
json.dump({
  "cpu_model": "$(awk -F: '/^model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//')",
  "cores": $(nproc), "kernel": platform.release(),
  "java": "$(java -version 2>&1 | head -1 | tr -d '"')", "maven": "$(mvn -v 2>/dev/null | head -1)",
  "pytorch_blas": "OpenBLAS (openmp) core $(openblas_core) via LD_LIBRARY_PATH",
  "measured_utc": "$(date -u '+%Y-%m-%d %H:%M')",
  "load_tf_java_before": $LOAD_TF_BEFORE, "load_tf_java_after": $LOAD_TF_AFTER,
  "load_pytorch_before": $LOAD_PT_BEFORE, "load_pytorch_after": $LOAD_PT_AFTER,
}, open(sys.argv[1], "w"), indent=2)
PYEOF
mkdir -p docs/benchmarks
$PY bench/report_bert_base_speed.py "$TMP/java.json" "$TMP/torch.json" "$TMP/env.json" "$OUT"
echo "raw figures: $OUT" >&2
exit $STATUS
