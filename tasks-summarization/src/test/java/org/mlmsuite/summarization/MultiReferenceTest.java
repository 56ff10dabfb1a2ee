package org.mlmsuite.summarization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.SummaryExample;

class MultiReferenceTest {
  @Test
  void bestReferencePerExampleCounts() {
    Origin o = new Origin(java.nio.file.Path.of("t.jsonl"), 1);
    SummaryExample a = new SummaryExample("a", "x", List.of("dogs bark", "the cat sat"), o);
    SummaryExample b = new SummaryExample("b", "x", List.of("birds sing"), o);
    SummaryEvaluation.Scored s = SummaryEvaluation.score("sys", false, List.of(a, b), List.of("the cat sat", "fish swim"));
    // example a matches its second reference exactly (F=1), example b shares nothing (F=0)
    assertEquals(1.0, s.result().perExample().get(0).get(org.mlmsuite.eval.rouge.RougeType.ROUGE_1).fmeasure(), 1e-12);
    Map<String, Double> h = s.headline();
    assertEquals(50.0, h.get("rouge1"), 1e-9);
    assertEquals(50.0, h.get("rougeLsum"), 1e-9);
    // Porter stemmer on: "singing" and "sing" are the same token
    SummaryEvaluation.Scored stem = SummaryEvaluation.score("s", false, List.of(b), List.of("birds singing"));
    assertEquals(100.0, stem.headline().get("rouge1"), 1e-9);
    String table = SummaryEvaluation.table(List.of(s));
    assertEquals(true, table.contains("50.00"));
  }
}
