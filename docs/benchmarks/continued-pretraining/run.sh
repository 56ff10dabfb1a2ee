#!/usr/bin/env bash
# Issue #17: continued pretraining from BERT-Base, entity vs random masking at the same budget, each fine-tuned on AG News.
set -u
export MLM_DATA_DIR=/work/shared/datasets
M=/work/runner/mlm
cd /work/runs/cpt
[[ -f ner-en.bin ]] || /usr/bin/time -v -o ner-time.txt $M ner train --conll conll2003 --out ner-en.bin > ner.txt 2>&1
for masking in entity random; do
  ner=""; [[ $masking == entity ]] && ner="--ner ner-en.bin"
  if [[ ! -f bb-$masking.done ]]; then
    resume=""; [[ -d bb-$masking ]] && resume="--resume"
    /usr/bin/time -v -o pretrain-$masking-time.txt $M pretrain --init-from /work/runs/bb-base --corpus pretrain-en \
      --corpus agnews --corpus sst2 --masking $masking $ner --steps 100 --batch-size 32 --seq-length 128 \
      --checkpoint-every 25 --eval-every 50 --seed 42 --out bb-$masking $resume > pretrain-$masking.txt 2>&1 && touch bb-$masking.done
  fi
  if [[ ! -f agnews-$masking.done ]]; then
    resume=""; [[ -d agnews-$masking ]] && resume="--resume"
    /usr/bin/time -v -o agnews-$masking-time.txt $M classify train --backbone bb-$masking --train agnews \
      --out agnews-$masking --steps 625 --lr 2e-5 --batch-size 32 --max-length 128 --checkpoint-every 50 --seed 42 \
      $resume > agnews-$masking-train.txt 2>&1 && touch agnews-$masking.done
  fi
done
/usr/bin/time -v -o eval-time.txt $M classify eval --model agnews-entity --test agnews:test --baseline doccat \
  --baseline-model agnews-random --report agnews-entity-eval > eval.txt 2> eval.log
echo done > chain.done
