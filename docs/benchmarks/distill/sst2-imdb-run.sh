#!/usr/bin/env bash
# Issue #17: SST-2 tiny student distilled from BERT-Base over the training sentences plus 60,529 unlabeled IMDB
# sentences (in-domain, whole sentences like SST-2 dev), beside its no-teacher twin. Waits for the SST-2 chain.
set -u
export MLM_DATA_DIR=/work/shared/datasets
M=/work/runner/mlm
cd /work/runs/distill-imdb
while [[ ! -f /work/runs/sst2/chain.done ]]; do sleep 30; done
T=/work/runs/sst2/sst2-bertbase
if [[ ! -f student.done ]]; then
  resume=""; [[ -d sst2-tiny-imdb ]] && resume="--resume"
  /usr/bin/time -v -o distill-time-$(date +%s).txt $M distill --teacher $T --train sst2 --dev sst2:dev \
    --unlabeled imdb-sentences.txt --out sst2-tiny-imdb --student-preset tiny --temperature 2 --alpha 0.9 \
    --augment-copies 0 --steps 10000 --lr 5e-4 --batch-size 64 --max-length 66 --eval-every 1000 \
    --checkpoint-every 1000 --seed 42 $resume >> distill.txt 2>> distill.log && touch student.done
fi
[[ -f student.done ]] || exit 1
if [[ ! -f twin.done ]]; then
  rm -rf sst2-tiny-alone
  /usr/bin/time -v -o twin-time.txt $M classify train --backbone sst2-tiny-imdb.distill/student-tiny-seed42 \
    --train sst2 --dev sst2:dev --out sst2-tiny-alone --steps 10000 --lr 5e-4 --batch-size 64 --max-length 66 \
    --eval-every 1000 --checkpoint-every 1000 --seed 42 > twin.txt 2> twin.log && touch twin.done
fi
/usr/bin/time -v -o eval-time.txt $M classify eval --model sst2-tiny-imdb --test sst2:dev --baseline doccat \
  --baseline-model sst2-tiny-alone --baseline-model $T --report sst2-tiny-imdb-eval > eval.txt 2> eval.log
echo done > chain.done
