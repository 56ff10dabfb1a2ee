package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainCommandTest {
  @TempDir Path tmp;

  private Path vocab() throws Exception {
    return Files.writeString(tmp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\ncat\nsat\n.\n");
  }

  @Test
  void pretrainsAMicroBackboneAndFillsMasks() throws Exception {
    Path corpus = Files.writeString(tmp.resolve("c.txt"), "the cat sat .\n\n".repeat(40));
    MainTest.Captured run = MainTest.Captured.run("pretrain", "--corpus", corpus.toString(), "--vocab", vocab().toString(),
        "--preset", "micro", "--steps", "20", "--batch-size", "4", "--seq-length", "16", "--held-out", "0.1",
        "--out", tmp.resolve("bb").toString());
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().startsWith("held-out masked-LM loss "), run.stdout());
    MainTest.Captured fill = MainTest.Captured.run("fill-mask", "--model", tmp.resolve("bb").toString(), "--top-k", "2",
        "the [MASK] sat .");
    assertEquals(0, fill.exitCode(), fill.stderr());
    assertTrue(fill.stdout().lines().anyMatch(l -> l.matches("  \\[MASK\\] 1: \\S+ \\(0\\.\\d{3}\\) \\S+ \\(0\\.\\d{3}\\)")), fill.stdout());
  }

  @Test
  void userErrorsAreOneLine() throws Exception {
    MainTest.Captured missing = MainTest.Captured.run("pretrain", "--corpus", tmp.resolve("nope.txt").toString(),
        "--vocab", vocab().toString(), "--steps", "5", "--out", tmp.resolve("bb").toString());
    assertEquals(Main.EXIT_USER_ERROR, missing.exitCode());
    assertEquals(1, missing.stderr().strip().lines().count(), missing.stderr());

    MainTest.Captured entity = MainTest.Captured.run("pretrain", "--corpus", tmp.toString(), "--vocab", vocab().toString(),
        "--masking", "entity", "--steps", "5", "--out", tmp.resolve("bb").toString());
    assertEquals(Main.EXIT_USER_ERROR, entity.exitCode());
    assertTrue(entity.stderr().startsWith("mlm: masking 'entity' needs entities"), entity.stderr());

    MainTest.Captured notModel = MainTest.Captured.run("fill-mask", "--model", tmp.toString(), "a [MASK]");
    assertEquals(Main.EXIT_USER_ERROR, notModel.exitCode());
    assertTrue(notModel.stderr().startsWith("mlm: not a model directory: " + tmp), notModel.stderr());
  }
}
