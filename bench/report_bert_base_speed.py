#!/usr/bin/python3
"""Merges BertBaseSpeedBenchmark's and the PyTorch twin's JSON with the machine facts and analytic
FLOPs into one raw file, and prints the markdown table for docs/benchmarks.md. Every number the
table and notes show is also stored, rounded as shown, under "printed" in the raw file.

Utilisation is given against two matmul ceilings: the 2048x2048 matmul measured in this run by each
framework, and the one measured on a quiet machine by bench/pretrain-throughput.sh (read from
QUIET_CEILING_JSON), since a run on contended cores also measures a contended ceiling.

Usage: report_bert_base_speed.py JAVA_JSON TORCH_JSON ENV_JSON OUT_JSON
"""
import json
import sys

QUIET_CEILING_JSON = "docs/benchmarks/pretrain-throughput.json"


def forward_flops_per_token(c, t):
    """Forward FLOPs per token of the encoder at sequence length t (lookups, softmax, LN, GELU excluded).

    forward(t) = 2·L·(4H² + 2HI)      Q, K, V, O, up and down projections
               + 4·L·t·H              attention scores QKᵀ and context AV
    """
    layers, h, i = c["num_hidden_layers"], c["hidden_size"], c["intermediate_size"]
    return 2 * layers * (4 * h * h + 2 * h * i) + 4 * layers * t * h


def train_flops_per_token(c, t, m):
    """Training FLOPs per input token: 3 x (forward(t) + (M/T)·2·(H² + H·V)), the MLM head on the
    M masked rows of each sequence (transform + tied projection); backward = 2 x forward."""
    h, v = c["hidden_size"], c["vocab_size"]
    return 3 * (forward_flops_per_token(c, t) + m / t * 2 * (h * h + h * v))


def main():
    java, torch, env = (json.load(open(p)) for p in sys.argv[1:4])
    quiet_run = json.load(open(QUIET_CEILING_JSON))
    quiet = {"source": f"{QUIET_CEILING_JSON} (load before {quiet_run['environment']['load_before']})",
             "tf_java_gflops": quiet_run["tensorflow_java"]["matmul_2048"]["gflops"],
             "pytorch_gflops": quiet_run["pytorch"]["matmul_2048"]["gflops"]}
    c, t, m = java["config"], java["seq_len"], java["masked_per_seq"]
    n = len(java["sentence_ids"])
    flops = {"forward": forward_flops_per_token(c, t), "latency": forward_flops_per_token(c, n),
             "train_step": train_flops_per_token(c, t, m)}
    for r, quiet_ceiling in ((java, quiet["tf_java_gflops"]), (torch, quiet["pytorch_gflops"])):
        for timed, f in flops.items():
            tokens_per_s = r[timed]["tokens_per_call"] / (r[timed]["p50_ms" if timed == "latency" else "median_ms"] / 1000)
            r[timed]["flops_per_token"] = f
            r[timed]["gflops"] = f * tokens_per_s / 1e9
            r[timed]["fraction_of_matmul_ceiling"] = r[timed]["gflops"] / r["matmul_2048"]["gflops"]
            r[timed]["fraction_of_quiet_matmul_ceiling"] = r[timed]["gflops"] / quiet_ceiling

    def speed(timed):  # > 1: TF Java is faster
        return torch[timed]["median_ms"] / java[timed]["median_ms"]

    def spread(r):
        return f"{r['min_ms']:.1f} to {r['max_ms']:.1f}"

    fw, lat, tr = "forward", "latency", "train_step"
    rows = [
        (f"forward {java['batch']} x {t}, tokens/s (median of {java[fw]['timed_calls']} calls)",
         f"{java[fw]['tokens_per_s']:.0f}", f"{torch[fw]['tokens_per_s']:.0f}", f"**{speed(fw):.2f}**"),
        ("forward, ms per call: median (min to max)",
         f"{java[fw]['median_ms']:.1f} ({spread(java[fw])})", f"{torch[fw]['median_ms']:.1f} ({spread(torch[fw])})", ""),
        (f"sentence of {n} tokens, batch 1: p50 ms ({java[lat]['timed_calls']} calls)",
         f"{java[lat]['p50_ms']:.1f}", f"{torch[lat]['p50_ms']:.1f}",
         f"**{torch[lat]['p50_ms'] / java[lat]['p50_ms']:.2f}**"),
        ("sentence: p95 ms", f"{java[lat]['p95_ms']:.1f}", f"{torch[lat]['p95_ms']:.1f}",
         f"{torch[lat]['p95_ms'] / java[lat]['p95_ms']:.2f}"),
        (f"training step {java['batch']} x {t}, tokens/s (median of {java[tr]['timed_calls']} steps)",
         f"{java[tr]['tokens_per_s']:.0f}", f"{torch[tr]['tokens_per_s']:.0f}", f"**{speed(tr):.2f}**"),
        ("training step, ms: median (min to max)",
         f"{java[tr]['median_ms']:.1f} ({spread(java[tr])})", f"{torch[tr]['median_ms']:.1f} ({spread(torch[tr])})", ""),
        ("peak RSS MiB: after inference / after training",
         f"{java['peak_rss_mb_inference']:.0f} / {java['peak_rss_mb']:.0f}",
         f"{torch['peak_rss_mb_inference']:.0f} / {torch['peak_rss_mb']:.0f}", ""),
        ("2048x2048 matmul GFLOP/s, the ceiling: this run / quiet machine",
         f"{java['matmul_2048']['gflops']:.0f} / {quiet['tf_java_gflops']:.0f}",
         f"{torch['matmul_2048']['gflops']:.0f} / {quiet['pytorch_gflops']:.0f}",
         f"{java['matmul_2048']['gflops'] / torch['matmul_2048']['gflops']:.2f}"),
    ]
    for timed, label in ((fw, "forward"), (lat, "sentence (at p50)"), (tr, "training step")):
        rows.append((f"{label}: GFLOP/s (% of own ceiling: this run / quiet)",
                     *(f"{r[timed]['gflops']:.0f} ({100 * r[timed]['fraction_of_matmul_ceiling']:.0f}% / "
                       f"{100 * r[timed]['fraction_of_quiet_matmul_ceiling']:.0f}%)" for r in (java, torch)),
                     ""))
    header = ["measure", "TF Java", "PyTorch " + torch["framework"].split()[1], "speed TF Java / PyTorch"]
    table = ["| " + " | ".join(header) + " |", "|---|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in rows]

    ck = torch["check"]
    notes = [
        f"MFLOP per token: forward {flops['forward'] / 1e6:.1f}, sentence {flops['latency'] / 1e6:.1f}, "
        f"training step {flops['train_step'] / 1e6:.1f}",
        f"check: max abs difference of the sequence output {ck['batch_max_abs_diff']:.1e} (batch), "
        f"{ck['sentence_max_abs_diff']:.1e} (sentence); MLM loss {ck['mlm_loss_tf_java']:.4f} (TF Java) vs "
        f"{ck['mlm_loss_pytorch']:.4f} (PyTorch); tolerance {ck['tolerance']}",
        f"load average (1 min): TF Java {env['load_tf_java_before']} before, {env['load_tf_java_after']} after; "
        f"PyTorch {env['load_pytorch_before']} before, {env['load_pytorch_after']} after",
        f"weights: {java['weights']}; {java['parameters']} parameters; hidden_act {java['hidden_act']}",
        "spread (max - min) / median, bound " + str(java["max_spread"]) + ": " + "; ".join(
            f"{name} {timed} {r[timed]['spread']:.2f}" + ("" if r[timed]["spread"] <= r["max_spread"] else " OVER THE BOUND")
            for name, r in (("TF Java", java), ("PyTorch", torch)) for timed in (fw, tr)),
    ]
    out = {"command": "bench/bert-base-speed.sh", "environment": env,
           "flops_formula": {"forward": forward_flops_per_token.__doc__.strip(),
                             "train_step": train_flops_per_token.__doc__.strip()},
           "flops_per_token": flops, "quiet_matmul_ceiling": quiet, "check": ck, "tensorflow_java": java, "pytorch": torch,
           "printed": table + [""] + notes}
    with open(sys.argv[4], "w") as fh:
        json.dump(out, fh, indent=2)
    print("\n".join(out["printed"]))


if __name__ == "__main__":
    main()
