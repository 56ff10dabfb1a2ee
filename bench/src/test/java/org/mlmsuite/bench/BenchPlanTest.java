package org.mlmsuite.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlanTest {
  @TempDir Path tmp;

  @Test
  void aFailingRequiredStageStopsWithOneLineNamingIt() throws Exception {
    BenchPlan plan = new BenchPlan();
    plan.add("broken", "vocabulary from a missing file",
        new VocabularyStage(List.of(tmp.resolve("missing.txt").toString()), 40, false, "vocab.txt"), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> plan.run(tmp.resolve("plan-required"), new PrintWriter(new StringWriter())));
    assertTrue(e.getMessage().startsWith("bench stopped: stage 'vocabulary from a missing file' failed (see the error above): "
        + "mlm tokenizer train --corpus " + tmp.resolve("missing.txt")), e.getMessage());
  }
}
