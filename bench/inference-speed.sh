#!/usr/bin/env bash
# Classifier inference speed: TF Java (TextClassifier and variants of its graph) beside ONNX Runtime
# for Java running the PyTorch twin exported with torch.onnx.export, same weights, same sentences,
# one JVM (OnnxRuntimePeerBenchmark). Writes docs/benchmarks/inference/<backbone>.json.
# Usage: bench/inference-speed.sh       (from the project root; MLM_DATA_DIR defaults to /work/shared/datasets)
# Knobs: BACKBONE=tiny|base (random-weight stand-in: tiny preset, or BERT-Base's shape; never trained)
#        MODEL=DIR (a classifier directory instead of a stand-in) DATA=sst2:dev LIMIT=N (first N texts)
#        PASSES=3 SINGLES=500
#        TF_THREADS=1:1,2:1 (extra intra:inter settings of the serving graph; empty: none) ORT_THREADS=0,1 (ORT intra-op threads; 0 = ORT default)
#        TOLERANCE=1e-4 (max abs logit difference TF vs ORT) OUT=file.json
set -euo pipefail
cd "$(dirname "$0")/.."
BACKBONE=${BACKBONE:-tiny}
DATA=${DATA:-sst2:dev}; LIMIT=${LIMIT:-2147483647}; PASSES=${PASSES:-3}; SINGLES=${SINGLES:-500}
TF_THREADS=${TF_THREADS-1:1,2:1}; ORT_THREADS=${ORT_THREADS:-0,1}; TOLERANCE=${TOLERANCE:-1e-4}
OUT=${OUT:-docs/benchmarks/inference/$BACKBONE.json}
export MLM_DATA_DIR=${MLM_DATA_DIR:-/work/shared/datasets}
export TF_CPP_MIN_LOG_LEVEL=2
source bench/pytorch-env.sh   # PY (Debian's python3-torch, which does the ONNX export)
mkdir -p "$(dirname "$OUT")"
LOG=$(mktemp); trap 'rm -f "$LOG"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
mvn -B -q -o -pl tasks-classification -am verify -Dtest=OnnxRuntimePeerBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true -Dmlm.benchmark.backbone="$BACKBONE" \
  ${MODEL:+-Dmlm.benchmark.model="$(realpath "$MODEL")"} -Dmlm.benchmark.data="$DATA" -Dmlm.benchmark.limit="$LIMIT" \
  -Dmlm.benchmark.passes="$PASSES" -Dmlm.benchmark.singles="$SINGLES" -Dmlm.benchmark.tfThreads="$TF_THREADS" \
  -Dmlm.benchmark.ortThreads="$ORT_THREADS" -Dmlm.benchmark.tolerance="$TOLERANCE" \
  -Dmlm.benchmark.python="$PY" -Dmlm.benchmark.out="$(realpath -m "$OUT")" >"$LOG" 2>&1 \
  || { cat "$LOG" >&2; exit 1; }
echo "raw figures: $OUT" >&2
$PY - "$OUT" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{r['model']}, {r['texts']} texts of {r['data']}, load after {r['load_average_after']}")
print("| runner | batched sentences/s | whole list sentences/s | single p50 ms | single p99 ms |\n|---|---|---|---|---|")
for name, v in r["results"].items():
    print(f"| {name} | {v['batched_sentences_per_s']:,.0f} | {v['whole_list_sentences_per_s']:,.0f} | "
          f"{v['single_p50_ms']:.2f} | {v['single_p99_ms']:.2f} |")
PYEOF
