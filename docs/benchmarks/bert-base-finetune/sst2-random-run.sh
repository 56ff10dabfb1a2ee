#!/usr/bin/env bash
# Issue #17: SST-2 from BERT-Base beside its random-init twin (same settings), paired McNemar on the dev set.
set -u
export MLM_DATA_DIR=/work/shared/datasets
M=/work/runner/mlm
cd /work/runs/sst2
for arm in bertbase random; do
  init=""; [[ $arm == random ]] && init="--no-pretraining"
  if [[ ! -f sst2-$arm.done ]]; then
    resume=""; [[ -d sst2-$arm ]] && resume="--resume"
    /usr/bin/time -v -o sst2-$arm-train-time.txt $M classify train --backbone /work/runs/bb-base --train sst2 \
      --dev sst2:dev --out sst2-$arm --steps 2100 --lr 2e-5 --batch-size 32 --max-length 66 --eval-every 700 \
      --checkpoint-every 100 --seed 42 $init $resume > sst2-$arm-train.txt 2> sst2-$arm-train.log && touch sst2-$arm.done
  fi
done
/usr/bin/time -v -o eval-time.txt $M classify eval --model sst2-bertbase --test sst2:dev --baseline doccat \
  --baseline-model sst2-random --report sst2-bertbase-random-eval > eval.txt 2> eval.log
echo done > chain.done
