#!/usr/bin/env bash
# AG News fine-tuned from imported BERT-Base (issue #17 section 1), from the fixed build in /work/runner.
set -euo pipefail
cd /work/runner
export MLM_DATA_DIR=/work/shared/datasets
resume=""
[[ -d /work/runs/agnews-bertbase ]] && resume="--resume"
/usr/bin/time -v -o /work/runs/agnews/train-time.txt nice -n 15 ./mlm classify train --backbone /work/runs/bb-base \
  --train agnews --out /work/runs/agnews-bertbase --steps 625 --lr 2e-5 --batch-size 32 --max-length 128 \
  --checkpoint-every 50 --seed 42 $resume
