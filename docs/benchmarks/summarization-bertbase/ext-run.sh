#!/usr/bin/env bash
# Issue #17: extractive DialogSum (BertSumExt) from imported BERT-Base, after the SST-2 chain; resumable.
set -uo pipefail
cd /work/runner2
export MLM_DATA_DIR=/work/shared/datasets
R=/work/runs
log() { echo "[$(date +%T)] $*" >> $R/dialogsum/chain.log; }

for n in 1 2 3 4 5; do
  [[ -f $R/dialogsum-ext-bertbase/summarizer.json ]] && break
  resume=""; [[ -d $R/dialogsum-ext-bertbase ]] && resume="--resume"
  log "train attempt $n $resume"
  /usr/bin/time -v -o $R/dialogsum/train-time-$(date +%H%M%S).txt ./mlm summarize train --backbone $R/bb-base \
    --train dialogsum --mode extractive --steps 800 --batch-size 8 --lr 5e-5 --max-length 512 --checkpoint-every 100 \
    --seed 42 --out $R/dialogsum-ext-bertbase $resume >> $R/dialogsum/train-output.log 2>&1 && break
  sleep 5
done
[[ -f $R/dialogsum-ext-bertbase/summarizer.json ]] || { log "no model"; exit 1; }
log "trained"
/usr/bin/time -v -o $R/dialogsum/eval-time.txt ./mlm summarize eval --model $R/dialogsum-ext-bertbase \
  --test dialogsum:test \
  --report $R/dialogsum-ext-bertbase-eval > $R/dialogsum/eval.txt 2>&1
log "eval rc $?"
