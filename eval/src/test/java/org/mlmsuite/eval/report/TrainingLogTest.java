package org.mlmsuite.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogTest {
  @TempDir Path dir;

  @Test
  void rowsWithoutStepUseTheirRowNumberAndNonNumbersAreIgnored() throws IOException {
    Path log = dir.resolve("log.jsonl");
    Files.writeString(log, """
        {"loss": 3.0, "note": "start"}
        {"loss": 2.5, "lr": 0.001, "nested": {"a": 1}}

        {"step": 7, "loss": 2.0, "eval_loss": null, "grad_norm": 1.5}
        """);
    TrainingLog t = TrainingLog.read(log);
    assertEquals(List.of("loss", "lr", "grad_norm"), List.copyOf(t.fields()));
    assertEquals(List.of(new CurvesSection.Point(1, 3.0), new CurvesSection.Point(2, 2.5), new CurvesSection.Point(7, 2.0)),
        t.series("loss").points());
    CurvesSection curves = t.toCurves("Training");
    assertEquals(List.of("Loss", "Learning rate", "grad_norm"), curves.panels().stream().map(CurvesSection.Panel::title).toList());
  }

  @Test
  void aLineThatIsNotAnObjectIsAnError() throws IOException {
    Path log = dir.resolve("log.jsonl");
    Files.writeString(log, "{\"loss\": 1}\n[1, 2]\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingLog.read(log));
    assertTrue(e.getMessage().startsWith(log + ":2: expected a JSON object"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrainingLog.read(dir.resolve("missing.jsonl")));
  }
}
