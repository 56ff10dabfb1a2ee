package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerCommandTest {
  @TempDir Path dir;

  /** 60 sentences alternating two templates, IOB1 tags (I- starts an entity). */
  private Path tinyConll() throws IOException {
    StringBuilder sb = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
    String[] people = {"John Smith", "Mary Jones", "Peter Brown"};
    String[] places = {"Paris", "London", "Berlin"};
    for (int s = 0; s < 60; s++) {
      for (String w : people[s % 3].split(" ")) {
        sb.append(w).append(" NNP I-NP I-PER\n");
      }
      sb.append(s % 2 == 0 ? "visited" : "left").append(" VBD I-VP O\n");
      sb.append(places[(s / 3) % 3]).append(" NNP I-NP I-LOC\n");
      sb.append(". . O O\n\n");
    }
    Path file = dir.resolve("tiny.conll");
    Files.writeString(file, sb);
    return file;
  }

  @Test
  void trainsThenEvaluatesWithPerTypeScores() throws IOException {
    Path data = tinyConll();
    Path model = dir.resolve("ner.bin");
    MainTest.Captured train = MainTest.Captured.run("ner", "train", "--conll", data.toString(),
        "--out", model.toString(), "--iterations", "30", "--cutoff", "1");
    assertEquals(0, train.exitCode(), train.stderr());
    // OpenNLP logs each of the 30 iterations at INFO; quiet unless --verbose (simplelogger.properties)
    assertFalse(train.stderr().contains("Log Likelihood") || train.stdout().contains("Log Likelihood"), train.stderr());
    assertTrue(Files.size(model) > 0);
    assertTrue(Files.readString(dir.resolve("ner.bin.json")).contains("\"iterations\" : 30"));

    MainTest.Captured eval = MainTest.Captured.run("ner", "eval", "--model", model.toString(), "--conll", data.toString());
    assertEquals(0, eval.exitCode(), eval.stderr());
    assertTrue(eval.stdout().contains("60 sentences"), eval.stdout());
    // 60 PER and 60 LOC entities; a model scoring its own tiny training set finds them all
    assertTrue(eval.stdout().matches("(?s).*\\nLOC\\s+100\\.00\\s+100\\.00\\s+100\\.00\\s+60\\s+0\\s+0\\n.*"), eval.stdout());
    assertTrue(eval.stdout().matches("(?s).*\\noverall\\s+100\\.00\\s+100\\.00\\s+100\\.00\\s+120\\s+0\\s+0\\n.*"), eval.stdout());
  }

  @Test
  void malformedInputIsOneLineNamingFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.conll");
    Files.writeString(bad, "EU NNP B-NP B-ORG\nrejects VBZ B-VP Q\n");
    Path model = dir.resolve("never.bin");
    MainTest.Captured run = MainTest.Captured.run("ner", "train", "--conll", bad.toString(), "--out", model.toString());
    assertEquals(Main.EXIT_USER_ERROR, run.exitCode());
    String[] lines = run.stderr().strip().split("\n");
    assertEquals("mlm: " + bad + ":2: NER tag 'Q' is not O, B-TYPE or I-TYPE", lines[lines.length - 1]);
    assertFalse(run.stderr().contains("\tat "), "no stack trace");
    assertFalse(Files.exists(model));
  }

  @Test
  void unknownCatalogNameIsAUserError() {
    MainTest.Captured run = MainTest.Captured.run("ner", "eval", "--model", "x.bin", "--conll", "conll2003:dev");
    assertEquals(Main.EXIT_USER_ERROR, run.exitCode());
    assertTrue(run.stderr().startsWith("mlm: dataset 'conll2003' has no split 'dev'; its splits are [train, valid, test]"), run.stderr());
  }
}
