#!/usr/bin/python3
"""PyTorch twin of BertBaseSpeedBenchmark: the same BERT, the same weights, the same inputs, timed
the same way.

The model mirrors Hugging Face's BertForMaskedLM module tree (post-LN encoder; GELU as config.json's
hidden_act says, "gelu" = erf by default or "gelu_tanh"; MLM head tied to the word embeddings; no
pooler), so its state-dict keys are the names TF Java wrote into weights.safetensors and every
parameter is loaded by name (strict). Validity: the sequence output
of the timed [32, 128] batch and of the sentence must match TF Java's within --tolerance (max
abs), and the masked-LM loss too; the differences go into the JSON.

Timed: (1) forward, eval mode, no_grad, [32, 128] batch, inputs made once; (2) the sentence at
batch 1, input tensors made in each call, p50/p95; (3) one training step, dropout 0.1, AdamW
(weight decay 0.01 except biases and LayerNorm, eps 1e-6), global-norm clipping 1.0, MLM loss at
the 20 masked positions per sequence, on the reference batch.

Usage: /usr/bin/python3 bench/pytorch_bert_base_speed.py --exchange DIR \
           --threads 2 --interop 1 --out file.json
"""
import argparse
import json
import math
import platform
import resource
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from pytorch_mlm_step import matmul2048


class Config:
    def __init__(self, c):  # HF config.json keys, as TransformerConfig writes them
        self.vocab, self.hidden, self.layers = c["vocab_size"], c["hidden_size"], c["num_hidden_layers"]
        self.heads, self.intermediate = c["num_attention_heads"], c["intermediate_size"]
        self.positions, self.types, self.eps = c["max_position_embeddings"], c["type_vocab_size"], c["layer_norm_eps"]
        self.hidden_dropout, self.attention_dropout = c["hidden_dropout_prob"], c["attention_probs_dropout_prob"]
        self.gelu_approximation = {"gelu": "none", "gelu_tanh": "tanh"}[c.get("hidden_act", "gelu")]


class Embeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.word_embeddings = nn.Embedding(c.vocab, c.hidden)
        self.position_embeddings = nn.Embedding(c.positions, c.hidden)
        self.token_type_embeddings = nn.Embedding(c.types, c.hidden)
        self.LayerNorm = nn.LayerNorm(c.hidden, eps=c.eps)
        self.dropout = nn.Dropout(c.hidden_dropout)

    def forward(self, ids, types):  # [B, T] -> [B, T, H]
        x = self.word_embeddings(ids) + self.position_embeddings.weight[:ids.shape[1]] + self.token_type_embeddings(types)
        return self.dropout(self.LayerNorm(x))


class SelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.heads, self.head_size = c.heads, c.hidden // c.heads
        self.query, self.key, self.value = (nn.Linear(c.hidden, c.hidden) for _ in range(3))
        self.dropout = nn.Dropout(c.attention_dropout)

    def split(self, x):  # [B, T, H] -> [B, A, T, D]
        b, t, _ = x.shape
        return x.view(b, t, self.heads, self.head_size).transpose(1, 2)

    def forward(self, x, mask):  # mask [B, 1, 1, T] additive
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.head_size) + mask  # [B, A, T, T]
        context = self.dropout(scores.softmax(-1)) @ v  # [B, A, T, D]
        return context.transpose(1, 2).reshape(x.shape)  # [B, T, H]


class DenseNorm(nn.Module):
    """HF's BertSelfOutput / BertOutput: LayerNorm(residual + dropout(dense(x)))."""

    def __init__(self, c, inputs):
        super().__init__()
        self.dense = nn.Linear(inputs, c.hidden)
        self.LayerNorm = nn.LayerNorm(c.hidden, eps=c.eps)
        self.dropout = nn.Dropout(c.hidden_dropout)

    def forward(self, x, residual):
        return self.LayerNorm(residual + self.dropout(self.dense(x)))


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self = SelfAttention(c)
        self.output = DenseNorm(c, c.hidden)

    def forward(self, x, mask):
        return self.output(self.self(x, mask), x)


class Intermediate(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c.hidden, c.intermediate)
        self.approximate = c.gelu_approximation

    def forward(self, x):  # [B, T, H] -> [B, T, I]
        return F.gelu(self.dense(x), approximate=self.approximate)


class Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attention = Attention(c)
        self.intermediate = Intermediate(c)
        self.output = DenseNorm(c, c.intermediate)

    def forward(self, x, mask):
        x = self.attention(x, mask)
        return self.output(self.intermediate(x), x)


class Encoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.layer = nn.ModuleList(Layer(c) for _ in range(c.layers))

    def forward(self, x, mask):
        for layer in self.layer:
            x = layer(x, mask)
        return x


class Bert(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embeddings = Embeddings(c)
        self.encoder = Encoder(c)

    def forward(self, ids, types, attention_mask):  # [B, T] x3 -> [B, T, H]
        mask = ((1.0 - attention_mask.float()) * -10000.0)[:, None, None, :]  # [B, 1, 1, T]
        return self.encoder(self.embeddings(ids, types), mask)


class Transform(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c.hidden, c.hidden)
        self.LayerNorm = nn.LayerNorm(c.hidden, eps=c.eps)
        self.approximate = c.gelu_approximation

    def forward(self, x):
        return self.LayerNorm(F.gelu(self.dense(x), approximate=self.approximate))


class Predictions(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.transform = Transform(c)
        self.bias = nn.Parameter(torch.zeros(c.vocab))


class Cls(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.predictions = Predictions(c)


class BertForMaskedLm(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.bert = Bert(c)
        self.cls = Cls(c)

    def loss(self, ids, types, attention_mask, positions, labels, weights):
        """Weighted mean of -log p(label) at the masked positions [B, M] (head on those rows only)."""
        x = self.bert(ids, types, attention_mask)
        b, t, h = x.shape
        rows = (positions + torch.arange(b)[:, None] * t).reshape(-1)  # [B*M]
        y = self.cls.predictions.transform(x.reshape(b * t, h).index_select(0, rows))  # [B*M, H]
        words = self.bert.embeddings.word_embeddings.weight  # tied output projection [V, H]
        logits = y @ words.t() + self.cls.predictions.bias  # [B*M, V]
        nll = -logits.log_softmax(-1).gather(1, labels.reshape(-1, 1)).squeeze(1)
        w = weights.reshape(-1)
        return (nll * w).sum() / w.sum()


def read_safetensors(path):
    """{name: tensor} from the layout SafetensorsWriter writes (F32 / I32, little-endian)."""
    dtypes = {"F32": torch.float32, "I32": torch.int32}
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(n))
        tensors = {}
        for name, spec in header.items():
            begin, end = spec["data_offsets"]
            f.seek(8 + n + begin)
            data = bytearray(f.read(end - begin))
            tensors[name] = torch.frombuffer(data, dtype=dtypes[spec["dtype"]]).reshape(spec["shape"])
        return tensors


def timings(ms, warmup, tokens_per_call):
    """The same fields as BertBaseSpeedBenchmark.timings."""
    median = statistics.median(ms)
    return {"warmup_calls": warmup, "timed_calls": len(ms), "tokens_per_call": tokens_per_call, "ms": ms,
            "median_ms": median, "min_ms": min(ms), "max_ms": max(ms),
            "spread": (max(ms) - min(ms)) / median, "tokens_per_s": tokens_per_call / (median / 1000)}


def nearest_rank(sorted_ms, p):
    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


def timed_calls(fn, warmup, calls):
    ms = []
    for i in range(warmup + calls):
        t0 = time.perf_counter()
        fn()
        if i >= warmup:
            ms.append((time.perf_counter() - t0) * 1000)
    return ms


def reference_batch(ref):
    """The [32, 128] batch TF Java ran: encoder inputs (ids, types, mask) and MLM targets (positions, labels, weights)."""
    return ([ref[k].long() for k in ("input_ids", "token_type_ids", "attention_mask")],
            [ref["masked_positions"].long(), ref["masked_label_ids"].long(), ref["masked_weights"]])


def sentence_inputs(ids):
    """One unpadded row: ids, type 0, mask 1, each [1, n]."""
    n = len(ids)
    return torch.tensor([ids]), torch.zeros(1, n, dtype=torch.long), torch.ones(1, n, dtype=torch.long)


def compare_with_tf_java(model, ref, tolerance):
    """Max abs difference of the sequence outputs and of the MLM loss (dropout off); asserts <= tolerance."""
    batch, masked = reference_batch(ref)
    with torch.no_grad():
        check = {"batch_max_abs_diff": (model.bert(*batch) - ref["sequence_output"]).abs().max().item(),
                 "sentence_max_abs_diff": (model.bert(*sentence_inputs(ref["sentence_ids"][0].tolist()))
                                           - ref["sentence_output"]).abs().max().item(),
                 "mlm_loss_tf_java": ref["mlm_loss"].item(), "mlm_loss_pytorch": model.loss(*batch, *masked).item(),
                 "tolerance": tolerance}
    check["mlm_loss_abs_diff"] = abs(check["mlm_loss_tf_java"] - check["mlm_loss_pytorch"])
    print("check against TF Java:", json.dumps(check), file=sys.stderr, flush=True)
    for name in ("batch_max_abs_diff", "sentence_max_abs_diff", "mlm_loss_abs_diff"):
        assert check[name] <= tolerance, f"{name} = {check[name]:.3g} > {tolerance}: not the same model"
    return check


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exchange", required=True,
                    help="the folder TF Java wrote config.json, weights.safetensors and reference.safetensors into")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--interop", type=int, default=1)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--latency-warmup", type=int, default=10)
    ap.add_argument("--latency-calls", type=int, default=100)
    ap.add_argument("--train-warmup", type=int, default=2)
    ap.add_argument("--train-steps", type=int, default=5)
    ap.add_argument("--tolerance", type=float, default=1e-3)
    ap.add_argument("--max-spread", type=float, default=0.3)
    ap.add_argument("--out")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.interop)
    config = Config(json.load(open(f"{args.exchange}/config.json")))
    out = {"framework": "pytorch " + torch.__version__ + " (eager)", "python": platform.python_version(),
           "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads(),
           "matmul_2048": matmul2048()}

    model = BertForMaskedLm(config)
    weights = read_safetensors(f"{args.exchange}/weights.safetensors")
    model.load_state_dict(weights, strict=True)  # every parameter, by HF name
    del weights
    out["parameters"] = sum(p.numel() for p in model.parameters())
    ref = read_safetensors(f"{args.exchange}/reference.safetensors")
    batch, masked = reference_batch(ref)
    sentence = ref["sentence_ids"][0].tolist()

    model.eval()
    out["check"] = compare_with_tf_java(model, ref, args.tolerance)

    def forward():
        with torch.no_grad():
            model.bert(*batch)

    def sentence_call():  # input tensors made per call, as TF Java does
        with torch.no_grad():
            model.bert(*sentence_inputs(sentence))

    tokens = batch[0].numel()
    out["forward"] = timings(timed_calls(forward, args.warmup, args.repeats), args.warmup, tokens)
    lat = timed_calls(sentence_call, args.latency_warmup, args.latency_calls)
    out["latency"] = timings(lat, args.latency_warmup, len(sentence))
    out["latency"]["p50_ms"], out["latency"]["p95_ms"] = nearest_rank(sorted(lat), 50), nearest_rank(sorted(lat), 95)
    out["peak_rss_mb_inference"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    model.train()
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    optimizer = {"lr": 1e-4, "weight_decay": 0.01, "eps": 1e-6, "betas": [0.9, 0.999], "clip_norm": 1.0}
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": optimizer["weight_decay"]},
                             {"params": no_decay, "weight_decay": 0.0}],
                            lr=optimizer["lr"], eps=optimizer["eps"], betas=optimizer["betas"])

    def train_step():
        loss = model.loss(*batch, *masked)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), optimizer["clip_norm"])
        opt.step()
        loss.item()

    out["train_step"] = timings(timed_calls(train_step, args.train_warmup, args.train_steps), args.train_warmup, tokens)
    out["train_step"]["optimizer"] = optimizer
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["max_spread"] = args.max_spread
    text = json.dumps(out, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        print(text)
    for timed in ("forward", "train_step"):
        spread = out[timed]["spread"]
        assert spread <= args.max_spread, f"{timed}: (max - min) / median = {spread:.3f} > {args.max_spread}; rerun"


if __name__ == "__main__":
    main()
