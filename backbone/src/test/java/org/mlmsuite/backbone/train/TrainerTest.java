package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  private static final List<ToyModels.Example> TRAIN = ToyModels.data(96, 6, 1);
  private static final List<ToyModels.Example> DEV = ToyModels.data(64, 6, 2);

  @TempDir Path tmp;

  private Trainer.Builder<List<ToyModels.Example>> mlp(TrainingConfig config, Path dir, List<Double> losses) {
    return Trainer.builder(config, dir, ToyModels.mlpClassifier(6, 8, DEV),
            new ShuffledBatchSource<>(TRAIN, config.batchSize(), config.seed()))
        .progress(TrainingProgress.silent())
        .onStep(m -> losses.add(m.loss()));
  }

  @Test
  void resumedRunReproducesTheUninterruptedLossCurveBitForBit() throws IOException {
    TrainingConfig config = ToyModels.config(14, 2, 8).withCadence(1, 4, 3, 2);
    List<Double> uninterrupted = new ArrayList<>();
    try (var t = mlp(config, tmp.resolve("a"), uninterrupted).build()) {
      t.train();
    }
    List<Double> resumed = new ArrayList<>();
    try (var t = mlp(config, tmp.resolve("b"), resumed).build()) {
      t.trainUntil(5); // not a multiple of checkpointEvery: the stop itself checkpoints
    }
    try (var t = mlp(config, tmp.resolve("b"), resumed).resume(true).build()) {
      assertEquals(5, t.step());
      t.train();
    }
    assertEquals(14, uninterrupted.size());
    assertEquals(uninterrupted, resumed); // exact double equality: same float32 results
    assertEquals(lossColumn(tmp.resolve("a")), lossColumn(tmp.resolve("b")));
    assertEquals(evalColumn(tmp.resolve("a")), evalColumn(tmp.resolve("b")));
    assertTrue(uninterrupted.get(13) < uninterrupted.get(0), "loss should fall: " + uninterrupted);
  }

  @Test
  void trainingWritesConfigLogCurveAndKeepsTheLastCheckpoints() throws IOException {
    TrainingConfig config = ToyModels.config(40, 1, 16).withCadence(5, 0, 10, 2);
    Path dir = tmp.resolve("run");
    List<Double> losses = new ArrayList<>();
    try (var t = Trainer.builder(config, dir, ToyModels.linearRegression(6),
            new ShuffledBatchSource<>(TRAIN, 16, 3))
        .progress(TrainingProgress.silent()).onStep(m -> losses.add(m.loss())).build()) {
      TrainingSummary s = t.train();
      assertEquals(40, s.step());
    }
    assertEquals(config, TrainingConfig.read(dir.resolve(TrainingConfig.FILE_NAME)));
    List<JsonNode> log = logLines(dir);
    assertEquals(List.of(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L), log.stream().map(n -> n.get("step").asLong()).toList());
    // Each line's loss is the mean of the per-step losses since the previous line.
    double mean = losses.subList(5, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertEquals(mean, log.get(1).get("loss").asDouble(), 1e-12);
    // Linear warmup to step 4 then linear decay: lr at update 10 (step index 9) = 0.05 * 31/36.
    assertEquals(0.05 * 31 / 36, log.get(1).get("lr").asDouble(), 1e-12);
    assertTrue(log.get(1).has("grad_norm") && log.get(1).has("throughput") && log.get(1).has("elapsed_s"));
    assertEquals(List.of("ckpt-000000030", "ckpt-000000040"), new CheckpointStore(dir, 2).list().stream()
        .map(c -> c.directory().getFileName().toString()).toList());
    assertEquals("ckpt-000000040", Files.readString(dir.resolve("checkpoints/latest")).trim());
    assertTrue(losses.get(39) < 0.3 * losses.get(0), "regression should fit: " + losses);
  }

  @Test
  void theProgressHookSeesEveryCheckpointWithItsLogLinesAndAFailingHookStopsNothing() throws IOException {
    TrainingConfig config = ToyModels.config(25, 1, 16).withCadence(5, 0, 10, 2);
    Path dir = tmp.resolve("hooked");
    List<Long> loggedStepsAtCheckpoints = new ArrayList<>();
    java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
    TrainingProgress progress = new TrainingProgress(new java.io.PrintStream(messages, true), false, 1e9)
        .afterEachCheckpoint(run -> {
          try {
            List<JsonNode> lines = logLines(run);
            loggedStepsAtCheckpoints.add(lines.get(lines.size() - 1).get("step").asLong());
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          if (loggedStepsAtCheckpoints.size() == 2) {
            throw new IllegalStateException("cannot draw");
          }
        });
    try (var t = Trainer.builder(config, dir, ToyModels.linearRegression(6), new ShuffledBatchSource<>(TRAIN, 16, 3))
        .progress(progress).build()) {
      assertEquals(25, t.train().step());
    }
    // checkpoints at 10 and 20, and the last step; each sees the log written up to its step
    assertEquals(List.of(10L, 20L, 25L), loggedStepsAtCheckpoints);
    assertTrue(messages.toString().contains("after the checkpoint, cannot draw (training goes on)"), messages.toString());
  }

  @Test
  void earlyStoppingStopsAfterPatienceAndKeepsTheBestCheckpoint() throws IOException {
    // A learning rate this large makes the dev loss climb after a few evaluations.
    TrainingConfig config = new TrainingConfig(3.0, 0, 0, 200, 0, 0.9, 0.999, 1e-6, 0, false,
        1, 8, 5, 1, 2, 0, 1);
    Path dir = tmp.resolve("es");
    List<Double> losses = new ArrayList<>();
    TrainingSummary s;
    double[] bestKernel;
    try (var t = mlp(config, dir, losses).earlyStopping(EarlyStopping.minimize("loss", 3)).build()) {
      s = t.train();
    }
    assertTrue(s.stoppedEarly());
    assertTrue(s.step() < 200);
    List<JsonNode> evals = logLines(dir).stream().filter(n -> n.has("eval_loss")).toList();
    double best = evals.stream().mapToDouble(n -> n.get("eval_loss").asDouble()).min().orElseThrow();
    int bestIndex = -1;
    for (int i = 0; i < evals.size(); i++) {
      if (evals.get(i).get("eval_loss").asDouble() == best) {
        bestIndex = i;
      }
    }
    assertEquals(evals.size() - 4, bestIndex, "stops after exactly 3 evaluations without improvement");
    assertEquals(evals.get(bestIndex).get("step").asLong(), s.bestCheckpoint().orElseThrow().step());
    assertEquals(best, CheckpointStore.readState(s.bestCheckpoint().get()).earlyStopping().best(), 0);
    // Resuming a run that stopped early does not train further.
    try (var t = mlp(config, dir, losses).earlyStopping(EarlyStopping.minimize("loss", 3)).resume(true).build()) {
      TrainingSummary again = t.train();
      assertTrue(again.stoppedEarly());
      assertEquals(s.step(), again.step());
    }
  }

  @Test
  void refusesToOverwriteARunUnlessResuming() {
    TrainingConfig config = ToyModels.config(3, 1, 8);
    Path dir = tmp.resolve("r");
    try (var t = mlp(config, dir, new ArrayList<>()).build()) {
      t.train();
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mlp(config, dir, new ArrayList<>()).build());
    assertTrue(e.getMessage().contains("already holds a training run"), e.getMessage());
    TrainingConfig otherLr = new TrainingConfig(0.1, 0, 0.1, 3, 0.01, 0.9, 0.999, 1e-6, 1.0, false, 1, 8, 11, 1, 0, 0, 2);
    e = assertThrows(IllegalArgumentException.class,
        () -> mlp(otherLr, dir, new ArrayList<>()).resume(true).build());
    assertTrue(e.getMessage().contains("different optimizer config"), e.getMessage());
    // A graph with other variables than the checkpoint's cannot resume it.
    e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(config, dir,
            ToyModels.mlpClassifier(6, 9, DEV), new ShuffledBatchSource<>(TRAIN, 8, 11))
        .progress(TrainingProgress.silent()).resume(true).build());
    assertTrue(e.getMessage().contains("does not match the graph"), e.getMessage());
  }

  @Test
  void refusesASecondRunIntoTheFolderOfAnOpenOneAndFreesItOnClose() {
    TrainingConfig config = ToyModels.config(3, 1, 8);
    Path dir = tmp.resolve("locked");
    try (var first = mlp(config, dir, new ArrayList<>()).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> mlp(config, dir, new ArrayList<>()).resume(true).build());
      assertTrue(e.getMessage().contains("another training run is writing here"), e.getMessage());
      first.train();
    }
    try (var again = mlp(config, dir, new ArrayList<>()).resume(true).build()) {
      assertEquals(3, again.step());
    }
  }

  @Test
  void aRunThatFailsAtStartLeavesNoFolderItCreatedAndNothingInOneTheUserMade() throws IOException {
    TrainingConfig config = ToyModels.config(3, 1, 8);
    WarmStart damagedBackbone = (session, graph) -> {
      throw new IllegalArgumentException("bb: the weights file is damaged");
    };
    Path created = tmp.resolve("new");
    assertThrows(IllegalArgumentException.class,
        () -> mlp(config, created, new ArrayList<>()).warmStart(damagedBackbone).build());
    assertFalse(Files.exists(created), "the run created it, so the failed run removes it");

    Path userMade = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(userMade.resolve("notes.txt"), "mine");
    assertThrows(IllegalArgumentException.class,
        () -> mlp(config, userMade, new ArrayList<>()).warmStart(damagedBackbone).build());
    assertEquals(List.of("notes.txt"), fileNames(userMade));
  }

  @Test
  void aRunThatFailsBeforeItsFirstCheckpointLeavesNothingAndOneAfterItIsResumable() throws IOException {
    TrainingConfig config = ToyModels.config(6, 1, 8).withCadence(1, 0, 3, 2);
    Path early = tmp.resolve("early");
    try (var t = mlp(config, early, new ArrayList<>()).onStep(diskFullAtStep(2)).build()) {
      assertThrows(java.io.UncheckedIOException.class, t::train);
    }
    assertFalse(Files.exists(early), "nothing to resume, so nothing left");

    Path late = tmp.resolve("late");
    try (var t = mlp(config, late, new ArrayList<>()).onStep(diskFullAtStep(5)).build()) {
      assertThrows(java.io.UncheckedIOException.class, t::train);
    }
    assertEquals(List.of(CheckpointStore.DIRECTORY, TrainingLog.FILE_NAME, TrainingConfig.FILE_NAME),
        fileNames(late), "the resumable run, without lock or temp files");
    try (var t = mlp(config, late, new ArrayList<>()).resume(true).build()) {
      assertEquals(3, t.step());
      t.train();
    }
  }

  /** A stub of a full disk: at {@code step} the step listener throws what a failing write throws. */
  private static java.util.function.Consumer<StepMetrics> diskFullAtStep(long step) {
    return m -> {
      if (m.step() == step) {
        throw new java.io.UncheckedIOException(new IOException("No space left on device"));
      }
    };
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static List<JsonNode> logLines(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(TrainingLog.FILE_NAME))) {
      out.add(json.readTree(line));
    }
    return out;
  }

  static List<Double> lossColumn(Path dir) throws IOException {
    return logLines(dir).stream().map(n -> n.get("loss").asDouble()).toList();
  }

  private static List<Double> evalColumn(Path dir) throws IOException {
    return logLines(dir).stream().filter(n -> n.has("eval_loss")).map(n -> n.get("eval_loss").asDouble()).toList();
  }
}
