package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {
  @TempDir Path tmp;

  @Test
  void baselinesOnOwnJsonLinesFile() throws Exception {
    Path data = tmp.resolve("d.jsonl");
    // lead-1 picks "the cat sat on the mat" (= reference, ROUGE-1 100); longest-1 picks the other line
    Files.writeString(data, "{\"text\": \"The cat sat on the mat.\\nA much longer line about something else entirely.\", "
        + "\"gold\": \"the cat sat on the mat\"}\n");
    MainTest.Captured out = MainTest.Captured.run("summarize", "baseline", "--test", data.toString(),
        "--document-field", "text", "--summary-field", "gold", "--split-policy", "turns",
        "--baseline", "lead-1,longest-1", "--report", tmp.resolve("r").toString());
    assertEquals(0, out.exitCode(), out.stderr());
    assertTrue(out.stdout().contains("lead-1 *                   100.00   100.00   100.00    100.00"), out.stdout());
    assertTrue(out.stdout().contains("longest-1 *                  0.00     0.00     0.00      0.00"), out.stdout());
    assertTrue(Files.isRegularFile(tmp.resolve("r/report.json")));
  }

  @Test
  void unknownModeIsAClearUserError() {
    MainTest.Captured out = MainTest.Captured.run("summarize", "train", "--backbone", tmp.toString(),
        "--train", "dialogsum", "--mode", "abstract", "--out", tmp.resolve("o").toString());
    assertEquals(2, out.exitCode());
    assertTrue(out.stderr().contains("--mode: unknown mode 'abstract' (use extractive or abstractive)"), out.stderr());
  }
}
