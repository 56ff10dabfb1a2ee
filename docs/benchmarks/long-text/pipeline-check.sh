#!/usr/bin/env bash
# Pipeline check of the three long-text strategies on IMDB with a tiny random-init backbone
# (NOT a quality benchmark): an 8,000-piece vocabulary from pretrain-en (`tokenizer train` reads
# catalog files raw and cannot read the gzip CSV), `backbone init --preset tiny`, then the
# same training budget (steps x batch) for each strategy, dev = imdb:dev (1,000 reviews).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mlm="$here/../../../mlm"
work="${WORK:-/tmp/long-text-check}"
export MLM_DATA_DIR="${MLM_DATA_DIR:-../shared/datasets}"
mkdir -p "$work"
[[ -f "$work/vocab.txt" ]] || "$mlm" tokenizer train --corpus pretrain-en --vocab-size 8000 --out "$work/vocab.txt"
[[ -f "$work/backbone/model.json" ]] || "$mlm" backbone init --preset tiny --vocab "$work/vocab.txt" --out "$work/backbone"
for strategy in truncate head+tail sliding; do
  name="${strategy/+/-}"
  [[ -f "$work/$name/classifier.json" ]] && continue  # trained already
  /usr/bin/time -v "$mlm" classify train --backbone "$work/backbone" --train imdb --dev imdb:dev \
    --steps 1000 --batch-size 32 --lr 5e-4 --max-length 128 --long-text "$strategy" \
    --out "$work/$name" --overwrite > "$here/$name-train.txt" 2> "$here/$name-train.log"
  cp "$work/$name/classifier.json" "$here/$name-classifier.json"
done
# The three models on imdb:dev in one report (exact McNemar tests between them), beside doccat;
# then the head+tail model's weights reading only the first window.
"$mlm" classify eval --model "$work/sliding" --test imdb:dev --baseline doccat --baseline-model "$work/head-tail" \
  --baseline-model "$work/truncate" --report "$work/eval" > "$here/eval.txt" 2> "$here/eval.log"
cp "$work/eval/report.json" "$here/eval-report.json"
"$mlm" classify eval --model "$work/head-tail" --test imdb:dev --long-text truncate --report "$work/eval-head-tail-read-truncated" \
  > "$here/eval-head-tail-read-truncated.txt" 2>&1
