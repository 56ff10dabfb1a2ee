#!/usr/bin/env bash
# BERT2BERT from multilingual BERT-Base on Multi30k En-De: a few steps, to time one step (issue #17 s1, optional part).
set -uo pipefail
cd /work/runner
export MLM_DATA_DIR=/work/shared/datasets
/usr/bin/time -v -o /work/runs/mt/time.txt ./mlm translate train --backbone /work/runs/bb-multi --train multi30k-en-de \
  --out /work/runs/mt-multi --steps 8 --batch-size 8 --lr 5e-5 --max-source-length 64 --max-target-length 64 \
  --checkpoint-every 0 --seed 42 > /work/runs/mt/output.log 2>&1
echo "rc=$?" >> /work/runs/mt/output.log
