package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

  @Test
  void formatsStepLossRateThroughputElapsedAndEta() {
    String line = TrainingProgress.format(250, 1000, 2.34567, 5e-5, 1234.5, "tokens", 75, 225);
    assertEquals("[######------------------] 250/1000 (25.0%) loss 2.3457 lr 5.00e-05 1234.5 tokens/s"
        + " elapsed 1:15 eta 3:45", line);
    assertEquals("1:01:05", TrainingProgress.duration(3665));
  }

  @Test
  void terminalRedrawsInPlaceAndLogsPrintWholeLines() {
    ByteArrayOutputStream tty = new ByteArrayOutputStream();
    TrainingProgress p = new TrainingProgress(new PrintStream(tty, true, StandardCharsets.UTF_8), true, 30);
    p.update(1, 2, 1.0, 0.1, 10, "examples", 1, 1, true);
    p.update(2, 2, 0.5, 0.1, 10, "examples", 2, 0, true);
    String out = tty.toString(StandardCharsets.UTF_8);
    assertEquals(2, out.chars().filter(c -> c == '\r').count());
    assertTrue(out.endsWith("\n"), "the last step ends the line");

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainingProgress q = new TrainingProgress(new PrintStream(log, true, StandardCharsets.UTF_8), false, 3600);
    q.update(1, 100, 1.0, 0.1, 10, "examples", 1, 99, false);
    q.update(2, 100, 1.0, 0.1, 10, "examples", 2, 98, false); // within the interval: skipped
    q.update(100, 100, 1.0, 0.1, 10, "examples", 3, 0, true);
    String lines = log.toString(StandardCharsets.UTF_8);
    assertEquals(2, lines.lines().count());
    assertTrue(!lines.contains("\r"));
  }
}
