# Turns per DialogSum training dialogue (non-blank lines, the `turns` sentence policy) and the binary cross-entropy
# of a constant guess at the oracle's label rate (2.17 turns per dialogue, from `summarize train`'s first line).
import json, math, os
path = os.path.join(os.environ.get("MLM_DATA_DIR", "../shared/datasets"), "dialogsum", "train.jsonl")
docs = turns = 0
for line in open(path):
    docs += 1
    turns += sum(1 for t in json.loads(line)["dialogue"].split("\n") if t.strip())
p = 2.17 * docs / turns
print(f"dialogues {docs} turns {turns} turns/dialogue {turns / docs:.2f} label rate {p:.4f} "
      f"constant-guess BCE {-(p * math.log(p) + (1 - p) * math.log(1 - p)):.4f}")
