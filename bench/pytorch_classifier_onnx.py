#!/usr/bin/python3
"""PyTorch twin of mlm-suite's classifier (ClassifierGraph), loaded with OUR weights, exported to ONNX.

The twin is Hugging Face's BertForSequenceClassification module tree: the BERT of
pytorch_bert_base_speed.py (post-LN, GELU as config.json says), pooler tanh(dense([CLS])), dropout
(off: eval mode), classifier nn.Linear(H, C). Its state-dict keys are the names TF Java wrote into
weights.safetensors, so every parameter is loaded by name (strict): the ONNX file holds exactly the
values TextClassifier serves.

Two exports: --full (what exporting HF's model gives: every layer at every position) and --cls-only
(the last layer's queries and feed-forward on [CLS] alone, keys/values over all positions, as
mlm-suite's serving graph computes it). Inputs input_ids, token_type_ids, attention_mask: int64
[batch, sequence]; output logits: float32 [batch, C]. Opset 14.

Usage: /usr/bin/python3 bench/pytorch_classifier_onnx.py --exchange DIR --full a.onnx --cls-only b.onnx
       (DIR holds config.json and weights.safetensors, written by OnnxRuntimePeerBenchmark)
"""
import argparse
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_bert_base_speed import Bert, Config, read_safetensors  # noqa: E402


class Pooler(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c.hidden, c.hidden)

    def forward(self, first):  # [B, H] -> [B, H]
        return torch.tanh(self.dense(first))


class BertWithPooler(Bert):
    def __init__(self, c):
        super().__init__(c)
        self.pooler = Pooler(c)


class BertForSequenceClassification(nn.Module):
    def __init__(self, c, labels, cls_only):
        super().__init__()
        self.bert = BertWithPooler(c)
        self.classifier = nn.Linear(c.hidden, labels)
        self.cls_only = cls_only
        self.approximate = c.gelu_approximation

    def forward(self, ids, types, attention_mask):  # [B, T] x3 -> logits [B, C]
        mask = ((1.0 - attention_mask.float()) * -10000.0)[:, None, None, :]  # [B, 1, 1, T]
        x = self.bert.embeddings(ids, types)
        layers = self.bert.encoder.layer
        for layer in layers[:-1] if self.cls_only else layers:
            x = layer(x, mask)
        first = self.first_position(layers[-1], x, mask) if self.cls_only else x[:, 0]  # [B, H]
        return self.classifier(self.bert.pooler(first))

    def first_position(self, layer, x, mask):
        """The last layer at position 0 only: x [B, T, H] -> [B, H]."""
        a = layer.attention.self
        q_in = x[:, :1]  # [B, 1, H]
        q, k, v = a.split(a.query(q_in)), a.split(a.key(x)), a.split(a.value(x))  # [B, A, 1|T, D]
        scores = q @ k.transpose(-1, -2) / math.sqrt(a.head_size) + mask  # [B, A, 1, T]
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(q_in.shape)  # [B, 1, H]
        h = layer.attention.output(context, q_in)
        h = layer.output(F.gelu(layer.intermediate.dense(h), approximate=self.approximate), h)
        return h[:, 0]


def export(model, path):
    ids = torch.tensor([[2, 7, 9, 3], [2, 5, 3, 0]])
    types = torch.zeros_like(ids)
    mask = (ids != 0).long()
    names = ["input_ids", "token_type_ids", "attention_mask"]
    torch.onnx.export(model, (ids, types, mask), path, input_names=names, output_names=["logits"],
                      dynamic_axes={**{n: {0: "batch", 1: "sequence"} for n in names}, "logits": {0: "batch"}},
                      opset_version=14, do_constant_folding=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--exchange", required=True)
    p.add_argument("--full", required=True)
    p.add_argument("--cls-only", required=True)
    a = p.parse_args()
    with open(os.path.join(a.exchange, "config.json")) as f:
        config = Config(json.load(f))
    weights = read_safetensors(os.path.join(a.exchange, "weights.safetensors"))
    labels = weights["classifier.weight"].shape[0]
    for path, cls_only in ((a.full, False), (a.cls_only, True)):
        model = BertForSequenceClassification(config, labels, cls_only)
        model.load_state_dict(weights, strict=True)
        model.eval()
        with torch.no_grad():
            export(model, path)
    print(json.dumps({"torch": torch.__version__, "parameters": sum(t.numel() for t in weights.values()),
                      "labels": labels, "full": a.full, "cls_only": a.cls_only}))


if __name__ == "__main__":
    main()
