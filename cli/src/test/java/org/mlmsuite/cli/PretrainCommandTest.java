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
    assertTrue(Files.readString(tmp.resolve("bb").resolve("loss-curve.svg")).contains("data-series=\"eval_loss\""),
        "training and held-out loss drawn beside train-log.jsonl");
    MainTest.Captured fill = MainTest.Captured.run("fill-mask", "--model", tmp.resolve("bb").toString(), "--top-k", "2",
        "the [MASK] sat .");
    assertEquals(0, fill.exitCode(), fill.stderr());
    assertTrue(fill.stdout().lines().anyMatch(l -> l.equals("  [MASK] 1:")), fill.stdout());
    assertEquals(2, fill.stdout().lines().filter(l -> l.matches("    [12]\\. \\S+ +id \\d+ +p 0\\.\\d{4}")).count(), fill.stdout());
  }

  @Test
  void initFromContinuesABackboneAndRefusesSettingsThatComeFromIt() throws Exception {
    Path corpus = Files.writeString(tmp.resolve("c.txt"), "the cat sat .\n\n".repeat(40));
    MainTest.Captured first = MainTest.Captured.run("pretrain", "--corpus", corpus.toString(), "--vocab", vocab().toString(),
        "--preset", "micro", "--steps", "4", "--batch-size", "4", "--seq-length", "16", "--held-out", "0.1",
        "--out", tmp.resolve("bb").toString());
    assertEquals(0, first.exitCode(), first.stderr());
    MainTest.Captured continued = MainTest.Captured.run("pretrain", "--corpus", corpus.toString(),
        "--init-from", tmp.resolve("bb").toString(), "--steps", "4", "--batch-size", "4", "--seq-length", "16",
        "--held-out", "0.1", "--out", tmp.resolve("bb2").toString());
    assertEquals(0, continued.exitCode(), continued.stderr());
    assertTrue(continued.stderr().contains("pretrain: continuing from " + tmp.resolve("bb")), continued.stderr());
    assertTrue(Files.isRegularFile(tmp.resolve("bb2").resolve("model.json")));
    // a pretrained backbone continues at 5e-5 unless --lr says otherwise (5e-4 wrecks BERT-Base in 2 steps)
    assertEquals(5e-4, learningRate(tmp.resolve("bb")));
    assertEquals(5e-5, learningRate(tmp.resolve("bb2")));

    MainTest.Captured clash = MainTest.Captured.run("pretrain", "--corpus", corpus.toString(),
        "--init-from", tmp.resolve("bb").toString(), "--preset", "tiny", "--steps", "4", "--out", tmp.resolve("bb3").toString());
    assertEquals(Main.EXIT_USER_ERROR, clash.exitCode());
    assertEquals("mlm: --preset comes from the --init-from backbone; leave it out", clash.stderr().strip());
    MainTest.Captured neither = MainTest.Captured.run("pretrain", "--corpus", corpus.toString(), "--steps", "4",
        "--out", tmp.resolve("bb3").toString());
    assertEquals(Main.EXIT_USER_ERROR, neither.exitCode());
    assertTrue(neither.stderr().startsWith("mlm: give --vocab"), neither.stderr());
    assertTrue(Files.notExists(tmp.resolve("bb3")));
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

  private static double learningRate(Path backbone) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(backbone.resolve("provenance.json").toFile())
        .path("config").path("learningRate").asDouble(Double.NaN);
  }
}
