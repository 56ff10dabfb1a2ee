package org.mlmsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSuiteTest {
  @Test
  void builtInSuitesAndReferencesParse() {
    BenchSuite full = BenchSuite.load("full");
    assertEquals("tiny", full.backbone().preset());
    assertTrue(full.backbone().cased());
    assertEquals(List.of("pretrain-en", "multi30k-en-de"), full.backbone().corpus());
    BenchSuite.TaskRun abstractive = full.tasks().stream().filter(t -> t.mode().equals("abstractive")).findFirst().orElseThrow();
    assertEquals(12000, full.backbone().steps(), "the benchmark backbone of docs/benchmarks.md");
    assertEquals("dialogsum", abstractive.train());
    assertEquals(List.of(1, 4), full.only(List.of("translation")).tasks().get(0).beams());
    BenchSuite quickSuite = BenchSuite.load("quick");
    assertEquals(List.of("sst2", "agnews"), quickSuite.only(List.of("classification")).tasks().stream().map(BenchSuite.TaskRun::name).toList());
    ReferenceNumbers refs = ReferenceNumbers.load();
    assertEquals(3, refs.forKey("sst2").size());
    refs.references().forEach(r -> assertFalse(r.source().isBlank(), r.toString()));
  }
}
