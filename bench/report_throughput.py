#!/usr/bin/python3
"""Merges the Java and PyTorch benchmark JSON with hardware facts and analytic FLOPs; prints a table.

Usage: report_throughput.py JAVA_JSON TORCH_JSON ENV_JSON OUT_JSON
"""
import json
import re
import sys

PRESETS = {"tiny": (2, 128, 2, 512), "mini": (4, 256, 4, 1024)}  # L, H, A, I


def flops_per_token(preset, t, m, v):
    """Training FLOPs per input token (embedding lookups, softmax, LN, GELU, optimizer excluded).

    forward = 2 * L * (4H^2 + 2HI)          encoder matmuls (Q, K, V, O, up, down)
            + L * 4 * T * H                 attention scores QK^T and context AV
            + (M / T) * 2 * (H^2 + H V)     MLM head (transform + tied projection), masked rows only
    training = 3 * forward                  (backward = 2x forward)
    """
    layers, h, _, i = PRESETS[preset]
    fwd = 2 * layers * (4 * h * h + 2 * h * i) + layers * 4 * t * h + (m / t) * 2 * (h * h + h * v)
    return 3 * fwd


def main():
    java, torch, env = (json.load(open(p)) for p in sys.argv[1:4])
    t, m, v = java["seq_len"], java["masked_per_seq"], java["vocab"]
    peak = env["fp32_peak_gflops_nominal"]
    rows = []
    for jr in java["runs"]:
        if jr["mode"] != "train_step" or jr["threads_intra_inter"] != java["runs"][0]["threads_intra_inter"]:
            continue
        tr = next(r for r in torch["runs"] if r["preset"] == jr["preset"] and r["mode"] == "train_step")
        f = flops_per_token(jr["preset"], t, m, v)
        for r in (jr, tr):
            r["flops_per_token"] = f
            r["achieved_gflops"] = f * r["tokens_per_s"] / 1e9
            r["fraction_of_nominal_peak"] = r["achieved_gflops"] / peak
        rows.append((jr, tr))
    out = {"command": "bench/pretrain-throughput.sh", "environment": env,
           "flops_formula": flops_per_token.__doc__.strip(), "tensorflow_java": java, "pytorch": torch}
    with open(sys.argv[4], "w") as fh:
        json.dump(out, fh, indent=2)

    def spread(r):
        return f"{r['min_ms_per_step']:.0f}-{r['max_ms_per_step']:.0f}"

    print("| preset | framework | ms/step (median) | spread | tokens/s | GFLOP/s | % nominal peak | ratio TF Java / PyTorch |")
    print("|---|---|---|---|---|---|---|---|")
    for jr, tr in rows:
        ratio = jr["tokens_per_s"] / tr["tokens_per_s"]
        for name, r, rt in (("TF Java (Trainer)", jr, f"**{ratio:.2f}**"), ("PyTorch " + torch["framework"].split()[1], tr, "")):
            print(f"| {jr['preset']} | {name} | {r['median_ms_per_step']:.1f} | {spread(r)} | {r['tokens_per_s']:,.0f} "
                  f"| {r['achieved_gflops']:.0f} | {100 * r['fraction_of_nominal_peak']:.0f}% | {rt} |")
    print()
    print("| variant | preset | TF Java ms/step | PyTorch ms/step |")
    print("|---|---|---|---|")
    for jr in java["runs"]:
        label = f"{jr['mode']} intra:inter={jr['threads_intra_inter']}"
        tr = next((r for r in torch["runs"] if r["preset"] == jr["preset"] and r["mode"] == jr["mode"]), None)
        same = jr["threads_intra_inter"] == java["runs"][0]["threads_intra_inter"]
        print(f"| {label} | {jr['preset']} | {jr['median_ms_per_step']:.1f} | "
              f"{tr['median_ms_per_step']:.1f} |" if tr and same else
              f"| {label} | {jr['preset']} | {jr['median_ms_per_step']:.1f} | |")
        if "forward_only" in jr:
            tf = next((r for r in torch["runs"] if r["preset"] == jr["preset"] and r["mode"] == "forward_only"), None)
            print(f"| forward_only | {jr['preset']} | {jr['forward_only']['median_ms']:.1f} | "
                  f"{tf['median_ms_per_step']:.1f} |" if tf else f"| forward_only | {jr['preset']} | {jr['forward_only']['median_ms']:.1f} | |")
    print()
    print(f"2048x2048 matmul: TF Java {java['matmul_2048']['gflops']:.0f} GFLOP/s, PyTorch "
          f"{torch['matmul_2048']['gflops']:.0f} GFLOP/s; nominal fp32 peak {peak:.0f} GFLOP/s "
          f"({env['peak_derivation']})")
    print(f"peak RSS: TF Java JVM {java['peak_rss_mb']:.0f} MiB, PyTorch {torch['peak_rss_mb']:.0f} MiB; "
          f"load average before {env['load_before']} after {env['load_after']}")


if __name__ == "__main__":
    main()
