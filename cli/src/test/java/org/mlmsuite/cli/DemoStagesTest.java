package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStagesTest {
  @TempDir Path tmp;

  /** A cheap real stage: trains a tiny vocabulary into the stage folder. */
  private List<String> vocabStage(Path corpus, int size) {
    return List.of("tokenizer", "train", "--corpus", corpus.toString(), "--vocab-size", String.valueOf(size),
        "--out", "{out}/vocab.txt");
  }

  @Test
  void aCompletedStageIsReusedAndAChangedCommandRebuilds() throws Exception {
    Path corpus = Files.writeString(tmp.resolve("c.txt"), "the cat sat on the mat\nthe dog sat on the log\n");
    StringWriter log = new StringWriter();
    DemoStages stages = new DemoStages(tmp.resolve("work"), 3, new PrintWriter(log));

    Path first = stages.run("vocab", "vocab", vocabStage(corpus, 40));
    assertTrue(Files.isRegularFile(first.resolve("vocab.txt")));
    long built = Files.getLastModifiedTime(first.resolve("vocab.txt")).toMillis();

    Path again = stages.run("vocab", "vocab", vocabStage(corpus, 40));
    assertEquals(first, again);
    assertEquals(built, Files.getLastModifiedTime(again.resolve("vocab.txt")).toMillis());
    assertTrue(log.toString().contains("[2/3] vocab: reusing " + first), log.toString());

    Path changed = stages.run("vocab", "vocab", vocabStage(corpus, 41));
    assertNotEquals(first, changed);
  }

  @Test
  void aFailedStageIsNotMarkedDone() throws Exception {
    StringWriter log = new StringWriter();
    DemoStages stages = new DemoStages(tmp.resolve("work"), 1, new PrintWriter(log));
    var e = assertThrows(IllegalStateException.class,
        () -> stages.run("vocab", "vocab", vocabStage(tmp.resolve("missing.txt"), 40)));
    assertTrue(e.getMessage().startsWith("demo stage 'vocab' failed (exit 2): mlm tokenizer train"), e.getMessage());
    try (var dirs = Files.list(tmp.resolve("work"))) {
      assertFalse(dirs.anyMatch(d -> Files.exists(d.resolve(DemoStages.DONE))));
    }
  }
}
