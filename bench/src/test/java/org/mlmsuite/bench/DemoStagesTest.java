package org.mlmsuite.bench;

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
  private Stage vocabStage(Path corpus, int size) {
    return new VocabularyStage(List.of(corpus.toString()), size, false, "vocab.txt");
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

  @Test
  void anInterruptedTrainingStageContinuesFromItsCheckpointsInsteadOfStartingOver() throws Exception {
    Path corpus = Files.writeString(tmp.resolve("c.txt"), String.join("\n\n", "the cat sat on the mat.",
        "the dog sat on the log.", "a cat and a dog.", "the mat and the log.", "the cat and the dog sat.") + "\n");
    StringWriter log = new StringWriter();
    DemoStages stages = new DemoStages(tmp.resolve("work"), 4, new PrintWriter(log));
    Path vocab = stages.run("vocab", "vocab", vocabStage(corpus, 40));
    // mlm pretrain --corpus c.txt --vocab V --preset micro --steps 6 --batch-size 2 --seq-length 8 --checkpoint-every 3
    Stage pretrain = new PretrainingStage(List.of(corpus.toString()), vocab.resolve("vocab.txt").toString(), false, null,
        "random", "micro", 6, 2, 8, 5e-4, null, 100, 3, "model");
    Path built = stages.run("backbone", "pretrain", pretrain);
    Path trainLog = built.resolve("model").resolve("train-log.jsonl");
    assertTrue(Files.exists(built.resolve("model").resolve("loss-curve.svg")), "drawn as mlm pretrain draws it");
    String firstRun = Files.readString(trainLog);

    // Killed after training, before the stage was marked done: its checkpoints are still there.
    Files.delete(built.resolve(DemoStages.DONE));
    Path resumed = stages.run("backbone", "pretrain", pretrain);
    assertEquals(built, resumed);
    assertTrue(log.toString().contains("[3/4] pretrain: resuming the interrupted run in " + built), log.toString());
    assertEquals(firstRun, Files.readString(trainLog), "resumed at its last step: nothing retrained, log untouched");
    assertTrue(Files.exists(resumed.resolve(DemoStages.DONE)));

    // Stages that do not train are rebuilt from nothing.
    Files.delete(vocab.resolve(DemoStages.DONE));
    Files.writeString(vocab.resolve("debris"), "from the interrupted run");
    stages.run("vocab", "vocab", vocabStage(corpus, 40));
    assertFalse(Files.exists(vocab.resolve("debris")));
    assertTrue(pretrain.trains());
    assertFalse(vocabStage(corpus, 40).trains());
    assertTrue(new SummarizerTrainingStage("abstractive", "bb", "dialogsum", 0, 1, 1, 1e-4, null, null, null, null, false,
        "model").trains());
    assertFalse(new ClassifierEvaluationStage("model", "sst2:dev", List.of(), null, List.of(), "report").trains());
  }
}
