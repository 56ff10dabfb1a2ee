#!/usr/bin/python3
"""PyTorch twin of PretrainThroughputBenchmark: the same BERT MLM training step, timed the same way.

Model: BERT post-LN encoder (GELU erf), word+position+type embeddings, MLM head (dense, GELU, LN,
output projection tied to the word embeddings + bias) applied only at the masked positions, loss
log-softmax + NLL, dropout 0.1 (hidden and attention), AdamW (weight decay 0.01 on non-bias/LN
weights) with global-norm clipping 1.0 -- what mlm-suite's Trainer runs. No pooler (BertForMaskedLm
has none). Batch 32 x 128, 20 masked positions per sequence, vocab 8000.

Usage: /usr/bin/python3 bench/pytorch_mlm_step.py --presets tiny,mini --threads 2 --interop 1 \
           --warmup 5 --repeats 5 --steps 10 --out file.json
"""
import argparse
import json
import math
import platform
import resource
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {"tiny": (2, 128, 2, 512), "mini": (4, 256, 4, 1024)}  # L, H, A, I
BATCH, LENGTH, SLOTS, VOCAB, MAX_POS, TYPES = 32, 128, 20, 8000, 512, 2


class Layer(nn.Module):
    def __init__(self, h, a, i, p):
        super().__init__()
        self.a, self.d = a, h // a
        self.q, self.k, self.v, self.o = (nn.Linear(h, h) for _ in range(4))
        self.ln1, self.ln2 = nn.LayerNorm(h, eps=1e-12), nn.LayerNorm(h, eps=1e-12)
        self.up, self.down = nn.Linear(h, i), nn.Linear(i, h)
        self.drop = nn.Dropout(p)

    def heads(self, x):  # [B, T, H] -> [B, A, T, D]
        b, t, _ = x.shape
        return x.view(b, t, self.a, self.d).transpose(1, 2)

    def forward(self, x, bias):
        q, k, v = self.heads(self.q(x)), self.heads(self.k(x)), self.heads(self.v(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.d) + bias  # [B, A, T, T]
        ctx = self.drop(scores.softmax(-1)) @ v  # [B, A, T, D]
        ctx = ctx.transpose(1, 2).reshape(x.shape)
        x = self.ln1(x + self.drop(self.o(ctx)))
        return self.ln2(x + self.drop(self.down(F.gelu(self.up(x)))))


class BertMlm(nn.Module):
    def __init__(self, layers, h, a, i, p=0.1):
        super().__init__()
        self.words = nn.Embedding(VOCAB, h)
        self.positions = nn.Embedding(MAX_POS, h)
        self.types = nn.Embedding(TYPES, h)
        self.ln = nn.LayerNorm(h, eps=1e-12)
        self.drop = nn.Dropout(p)
        self.layers = nn.ModuleList(Layer(h, a, i, p) for _ in range(layers))
        self.transform = nn.Linear(h, h)
        self.head_ln = nn.LayerNorm(h, eps=1e-12)
        self.out_bias = nn.Parameter(torch.zeros(VOCAB))
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.trunc_normal_(m.weight, std=0.02, a=-0.04, b=0.04)
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)

    def forward(self, ids, types, mask, positions, labels, weights):
        b, t = ids.shape
        x = self.words(ids) + self.positions.weight[:t] + self.types(types)
        x = self.drop(self.ln(x))
        bias = ((1.0 - mask.float()) * -10000.0)[:, None, None, :]  # [B, 1, 1, T]
        for layer in self.layers:
            x = layer(x, bias)
        rows = (positions + torch.arange(b)[:, None] * t).reshape(-1)  # [B*M]
        picked = x.reshape(b * t, -1).index_select(0, rows)  # [B*M, H]
        y = self.head_ln(F.gelu(self.transform(picked)))
        logits = y @ self.words.weight.t() + self.out_bias  # tied projection, [B*M, V]
        nll = -logits.log_softmax(-1).gather(1, labels.reshape(-1, 1)).squeeze(1)
        w = weights.reshape(-1)
        return (nll * w).sum() / w.sum()


def batch(seed):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(5, VOCAB, (BATCH, LENGTH), generator=g)
    types = (torch.arange(LENGTH) >= LENGTH // 2).long().expand(BATCH, LENGTH).contiguous()
    mask = torch.ones(BATCH, LENGTH, dtype=torch.long)
    positions = torch.stack([torch.randperm(LENGTH, generator=g)[:SLOTS].sort().values for _ in range(BATCH)])
    labels = ids.gather(1, positions)
    return ids, types, mask, positions, labels, torch.ones(BATCH, SLOTS)


def timed_run(preset, warmup, repeats, steps, dropout, forward_only):
    layers, h, a, i = PRESETS[preset]
    torch.manual_seed(42)
    model = BertMlm(layers, h, a, i, 0.1 if dropout else 0.0)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                             {"params": no_decay, "weight_decay": 0.0}], lr=1e-4, eps=1e-6)
    batches = [batch(s + 1) for s in range(4)]
    step_ms = []
    for s in range(warmup + repeats * steps):
        t0 = time.perf_counter()
        b = batches[s % len(batches)]
        if forward_only:
            model.eval()
            with torch.no_grad():
                model(*b).item()
        else:
            model.train()
            loss = model(*b)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            loss.item()
        step_ms.append((time.perf_counter() - t0) * 1000)
    rep = [statistics.fmean(step_ms[warmup + r * steps: warmup + (r + 1) * steps]) for r in range(repeats)]
    med = statistics.median(rep)
    mode = "forward_only" if forward_only else ("train_step" if dropout else "train_step_no_dropout")
    return {"preset": preset, "mode": mode, "parameters": sum(p.numel() for p in model.parameters()),
            "step_ms": step_ms, "repeat_mean_ms": rep, "median_ms_per_step": med,
            "min_ms_per_step": min(rep), "max_ms_per_step": max(rep),
            "tokens_per_s": BATCH * LENGTH / (med / 1000)}


def matmul2048():
    a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)
    ms = []
    for k in range(13):
        t0 = time.perf_counter()
        (a @ b).sum().item()
        if k >= 3:
            ms.append((time.perf_counter() - t0) * 1000)
    med = statistics.median(ms)
    return {"ms": ms, "median_ms": med, "gflops": 2 * 2048 ** 3 / (med / 1000) / 1e9}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--presets", default="tiny,mini")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--interop", type=int, default=1)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--ablations", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.interop)
    out = {"framework": "pytorch " + torch.__version__ + " (eager)", "python": platform.python_version(),
           "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads(),
           "mkldnn": torch.backends.mkldnn.is_available(), "batch": BATCH, "seq_len": LENGTH,
           "masked_per_seq": SLOTS, "vocab": VOCAB, "warmup_steps": args.warmup, "repeats": args.repeats,
           "steps_per_repeat": args.steps, "matmul_2048": matmul2048(), "runs": []}
    for preset in args.presets.split(","):
        out["runs"].append(timed_run(preset, args.warmup, args.repeats, args.steps, True, False))
        if args.ablations:
            out["runs"].append(timed_run(preset, args.warmup, args.repeats, args.steps, False, False))
            out["runs"].append(timed_run(preset, args.warmup, args.repeats, args.steps, False, True))
        r = out["runs"][-1 if not args.ablations else -3]
        print(f"{preset} threads={args.threads}/{args.interop}: {r['median_ms_per_step']:.1f} ms/step, "
              f"{r['tokens_per_s']:.0f} tokens/s", flush=True, file=__import__("sys").stderr)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = json.dumps(out, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
