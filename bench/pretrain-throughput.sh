#!/usr/bin/env bash
# Pretraining step throughput, TF Java (mlm-suite Trainer) vs PyTorch, one after the other on this
# machine. Writes docs/benchmarks/pretrain-throughput.json and prints a markdown table.
# Usage: bench/pretrain-throughput.sh            (from the project root; needs sudo/root for apt only
#        when python3-torch or OpenBLAS is missing)
# Knobs: PRESETS=tiny,mini WARMUP=5 REPEATS=5 STEPS=10 JAVA_THREADS=0:0,2:1,1:1 TORCH_INTEROP=1 OUT=file.json
set -euo pipefail
cd "$(dirname "$0")/.."
PRESETS=${PRESETS:-tiny,mini}
WARMUP=${WARMUP:-5}; REPEATS=${REPEATS:-5}; STEPS=${STEPS:-10}
JAVA_THREADS=${JAVA_THREADS:-0:0,2:1,1:1}
TORCH_INTEROP=${TORCH_INTEROP:-1}
OUT=${OUT:-docs/benchmarks/pretrain-throughput.json}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
export TF_CPP_MIN_LOG_LEVEL=2
source bench/pytorch-env.sh   # PY, OPENBLAS, openblas_core

load() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE=$(load)
echo "load average before: $LOAD_BEFORE" >&2

echo "== TF Java (builds the reactor, then runs PretrainThroughputBenchmark) ==" >&2
mvn -B -q -o -pl backbone -am verify -Dtest=PretrainThroughputBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.bench=true -Dmlm.bench.presets="$PRESETS" \
  -Dmlm.bench.threads="$JAVA_THREADS" -Dmlm.bench.warmup="$WARMUP" -Dmlm.bench.repeats="$REPEATS" \
  -Dmlm.bench.steps="$STEPS" -Dmlm.bench.out="$TMP/java.json" >"$TMP/java.log" 2>&1 \
  || { cat "$TMP/java.log" >&2; exit 1; }
grep -E "threads=" "$TMP/java.log" >&2 || true

echo "== PyTorch ==" >&2
LD_LIBRARY_PATH=$OPENBLAS $PY bench/pytorch_mlm_step.py --presets "$PRESETS" --threads 2 \
  --interop "$TORCH_INTEROP" --warmup "$WARMUP" --repeats "$REPEATS" --steps "$STEPS" --ablations \
  --out "$TMP/torch.json"
LOAD_AFTER=$(load)

CORES=$(nproc)
MHZ=$(awk -F: '/^cpu MHz/ {print $2; exit}' /proc/cpuinfo | tr -d ' ')
MODEL=$(awk -F: '/^model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//')
FAMILY=$(awk -F: '/^cpu family/ {print $2; exit}' /proc/cpuinfo | tr -d ' ')
if grep -qw avx512f /proc/cpuinfo; then LANES=16; else LANES=8; fi
BLAS_CORE=$(openblas_core)
$PY - "$TMP/env.json" <<PYEOF
import json, sys, platform
cores, mhz, lanes = $CORES, float("$MHZ"), $LANES
flops_per_cycle = lanes * 2 * 2  # lanes x 2 (FMA = mul + add) x 2 FMA pipes per core
peak = cores * mhz / 1000 * flops_per_cycle
env = {
  "cpu_model": "$MODEL", "cpu_family": int("$FAMILY"), "cores": cores, "cpu_mhz_reported": mhz,
  "simd": "AVX-512 (16 fp32 lanes)" if lanes == 16 else "AVX2 (8 fp32 lanes)",
  "flops_per_cycle_per_core": flops_per_cycle, "fp32_peak_gflops_nominal": peak,
  "peak_derivation": f"{cores} cores x {mhz/1000:.3f} GHz (reported, no boost) x {flops_per_cycle} FLOP/cycle "
      f"({lanes} fp32 lanes x 2 for FMA x 2 FMA pipes, Zen 4/5-style)",
  "java": "$(java -version 2>&1 | head -1 | tr -d '"')", "maven": "$(mvn -v 2>/dev/null | head -1)",
  "kernel": platform.release(), "pytorch_blas": "OpenBLAS (openmp) core $BLAS_CORE via LD_LIBRARY_PATH",
  "load_before": "$LOAD_BEFORE", "load_after": "$LOAD_AFTER",
}
json.dump(env, open(sys.argv[1], "w"), indent=2)
PYEOF
mkdir -p docs/benchmarks
$PY bench/report_throughput.py "$TMP/java.json" "$TMP/torch.json" "$TMP/env.json" "$OUT"
echo "raw figures: $OUT" >&2
