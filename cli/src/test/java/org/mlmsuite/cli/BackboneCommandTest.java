package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;

class BackboneCommandTest {
  @TempDir Path tmp;

  @Test
  void initWritesAnOpenableBackbone() throws Exception {
    Path vocab = Files.writeString(tmp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\ncat\n##s\n");
    MainTest.Captured run = MainTest.Captured.run("backbone", "init", "--vocab", vocab.toString(), "--preset", "micro",
        "--out", tmp.resolve("bb").toString());
    assertEquals(0, run.exitCode(), run.stderr());
    ModelDirectory dir = ModelDirectory.open(tmp.resolve("bb"), "backbone");
    assertEquals(8, dir.config().vocabSize());
    assertEquals(32, dir.config().hiddenSize());
  }

  @Test
  void unknownPresetIsOneLine() throws Exception {
    Path vocab = Files.writeString(tmp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
    MainTest.Captured run = MainTest.Captured.run("backbone", "init", "--vocab", vocab.toString(), "--preset", "huge",
        "--out", tmp.resolve("bb").toString());
    assertEquals(Main.EXIT_USER_ERROR, run.exitCode());
    assertTrue(run.stderr().startsWith("mlm: unknown model preset 'huge'"), run.stderr());
  }
}
