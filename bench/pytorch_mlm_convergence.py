#!/usr/bin/python3
"""Convergence twin: trains pytorch_mlm_step.BertMlm on the same word pieces as `mlm pretrain`.

Answers "is our pretraining learning as fast as it should?" independently of our code: the same
architecture, initialisation (truncated normal 0.02), AdamW (weight decay 0.01 on matrices, eps
1e-6), global-norm clipping 1.0, 10% linear warmup then linear decay, batch 32 x 128, 15% random
80/10/10 masking redrawn every batch (at most 20 slots), dropout 0.1. Sequences are cut from the
corpus' token stream (not packed by paragraph as ours are) and 387 of them are held out; the
held-out loss is the mean NLL over the masked slots, as HeldOutEvaluator reports it.

Input: one line of space-separated word-piece ids per text line, without [CLS]/[SEP], e.g.
    find $MLM_DATA_DIR/pretrain -name '*.txt' | sort | xargs cat | grep -v '^\\s*$' \
      | ./mlm tokenize --vocab vocab.txt --max-length 100000 \
      | python3 -c "import sys,json; [print(*json.loads(l)['ids'][1:-1]) for l in sys.stdin]" > ids.txt
Usage: LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 \
    bench/pytorch_mlm_convergence.py --ids ids.txt --steps 2500 --lr 1e-3 --every 250
Prints one JSON line per evaluation: step, train loss, held-out loss, seconds.
"""
import argparse
import json
import random
import time

import torch

import pytorch_mlm_step as twin

CLS, SEP, MASK, FIRST_WORD_PIECE = 2, 3, 4, 5
LENGTH, SLOTS, BATCH, HELD_OUT = 126, 20, 32, 387


def masked_batch(sequences, vocab, rng):
    x = torch.tensor([[CLS] + s + [SEP] for s in sequences])
    b, t = x.shape
    positions = torch.zeros(b, SLOTS, dtype=torch.long)
    labels = torch.zeros(b, SLOTS, dtype=torch.long)
    weights = torch.zeros(b, SLOTS)
    for row in range(b):
        candidates = list(range(1, t - 1))
        rng.shuffle(candidates)
        chosen = sorted(candidates[:max(1, round(0.15 * (t - 2)))])[:SLOTS]
        for j, p in enumerate(chosen):
            positions[row, j], labels[row, j], weights[row, j] = p, x[row, p], 1
            r = rng.random()
            if r < 0.8:
                x[row, p] = MASK
            elif r < 0.9:
                x[row, p] = rng.randrange(FIRST_WORD_PIECE, vocab)
    return x, torch.zeros_like(x), torch.ones_like(x), positions, labels, weights


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ids", required=True)
    ap.add_argument("--steps", type=int, default=2500)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--every", type=int, default=250)
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--vocab-size", type=int, default=8000)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    twin.VOCAB = a.vocab_size
    stream = [int(t) for line in open(a.ids) for t in line.split()]
    sequences = [stream[i:i + LENGTH] for i in range(0, len(stream) - LENGTH, LENGTH)]
    random.Random(42).shuffle(sequences)
    held, train = sequences[:HELD_OUT], sequences[HELD_OUT:]

    layers, h, heads, inner = twin.PRESETS[a.preset]
    torch.manual_seed(42)
    model = twin.BertMlm(layers, h, heads, inner, 0.1)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=a.lr, eps=1e-6)
    warm = max(1, a.steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: s / warm if s < warm else max(0.0, (a.steps - s) / (a.steps - warm)))
    held_rng = random.Random(7)
    held_batches = [masked_batch(held[k:k + BATCH], a.vocab_size, held_rng) for k in range(0, len(held), BATCH)]

    def held_out_loss():
        model.eval()
        total = count = 0.0
        with torch.no_grad():
            for batch in held_batches:
                n = batch[5].sum().item()
                total += model(*batch).item() * n
                count += n
        model.train()
        return total / count

    rng = random.Random(1)
    order, k, start = list(range(len(train))), len(train), time.time()
    for step in range(1, a.steps + 1):
        if k + BATCH > len(order):
            rng.shuffle(order)
            k = 0
        loss = model(*masked_batch([train[j] for j in order[k:k + BATCH]], a.vocab_size, rng))
        k += BATCH
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % a.every == 0:
            print(json.dumps({"step": step, "train_loss": round(loss.item(), 4),
                              "held_out_loss": round(held_out_loss(), 4), "seconds": round(time.time() - start)}),
                  flush=True)


if __name__ == "__main__":
    main()
