#!/usr/bin/env bash
# Issue #17: extractive DialogSum from BERT-Base, one full epoch at PreSumm's peak learning rate 2e-5 (the 5e-5 epoch
# in ../dsum ended below Lead-3 on dev), then k chosen on dev and the test run. Resumable: run it again after a stop.
# The k rule, fixed before any of its dev runs: the highest mean of ROUGE-1, ROUGE-2 and ROUGE-L F1 on dev.
set -u
export MLM_DATA_DIR=/work/shared/datasets
M=/work/runner/mlm
cd /work/runs/dsum2
while [[ ! -f /work/runs/dsum/chain2.done ]]; do sleep 30; done
if [[ ! -f ext.done ]]; then
  resume=""; [[ -d dialogsum-ext-lr2e-5 ]] && resume="--resume"
  /usr/bin/time -v -o ext-train-time-$(date +%s).txt $M summarize train --backbone /work/runs/bb-base --train dialogsum \
    --mode extractive --steps 1558 --batch-size 8 --lr 2e-5 --max-length 512 --checkpoint-every 50 --seed 42 \
    --out dialogsum-ext-lr2e-5 $resume >> ext-train.txt 2>> ext-train.log && touch ext.done
fi
[[ -f ext.done ]] || exit 1
for k in 2 3 4; do
  [[ -f dev-k$k.done ]] && continue
  /usr/bin/time -v -o dev-k$k-time.txt $M summarize eval --model dialogsum-ext-lr2e-5 --test dialogsum:dev --k $k \
    --baselines lead-$k,lead-3 --report dev-k$k > dev-k$k.txt 2> dev-k$k.log && touch dev-k$k.done
done
best=$(for k in 2 3 4; do
  awk -v k=$k '$1 == "dialogsum-ext-lr2e-5" { printf "%s %.4f\n", k, ($2 + $3 + $4) / 3 }' dev-k$k.txt
done | sort -k2,2nr | head -1 | cut -d' ' -f1)
echo "k chosen on dev: $best" | tee k-chosen.txt
baselines=lead-3,longest-3; [[ $best != 3 ]] && baselines=lead-3,lead-$best,longest-3
/usr/bin/time -v -o test-k$best-time.txt $M summarize eval --model dialogsum-ext-lr2e-5 --test dialogsum:test \
  --k $best --baselines $baselines --report test-k$best > test-k$best.txt 2> test-k$best.log && touch test.done
echo done > chain.done
