package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class WeightLoaderTest {
  private static final int FEATURES = 6;
  @TempDir static Path tmp;
  private static String prefix;
  private static double[] trainedW;
  private static double[] trainedB;

  /** Toy A: linear regression trained for a few steps and checkpointed. */
  @BeforeAll
  static void trainToyA() {
    TrainingConfig config = ToyModels.config(6, 1, 8);
    try (var a = Trainer.builder(config, tmp.resolve("a"), ToyModels.linearRegression(FEATURES),
            new ShuffledBatchSource<>(ToyModels.data(32, FEATURES, 1), 8, 1))
        .progress(TrainingProgress.silent()).build()) {
      a.train();
      trainedW = ToyModels.values(a.session(), "linear.w");
      trainedB = ToyModels.values(a.session(), "linear.b");
      prefix = a.lastCheckpoint().orElseThrow().prefix();
    }
  }

  /** Graph B: A's variables (possibly renamed) plus a new head, all with their own inits. */
  private static void graphB(Ops tf, String wName, int wSize) {
    Ops init = tf.withInitScope();
    VariableNames.checked(tf, wName, init.zeros(init.constant(new int[] {wSize}), TFloat32.class));
    VariableNames.checked(tf, "linear.b", init.constant(-7f));
    VariableNames.checked(tf, "head.w", init.constant(new float[] {1, 2, 3}));
  }

  @Test
  void restoresTheNamedSubsetAndLeavesTheNewHeadAtItsInit() {
    try (Graph g = new Graph()) {
      graphB(Ops.create(g), "linear.w", FEATURES);
      try (Session s = new Session(g)) {
        List<String> restored = WeightLoader.from(prefix).sameNames(List.of("linear.w", "linear.b")).restoreInto(s, g);
        assertEquals(List.of("linear.w", "linear.b"), restored);
        assertArrayEquals(trainedW, ToyModels.values(s, "linear.w"), 0);
        assertArrayEquals(trainedB, ToyModels.values(s, "linear.b"), 0);
        assertArrayEquals(new double[] {1, 2, 3}, ToyModels.values(s, "head.w"), 0);
        assertFalse(Arrays.stream(trainedW).allMatch(v -> v == 0), "A must have trained weights");
      }
    }
  }

  @Test
  void mapsCheckpointNamesToDifferentGraphNames() {
    try (Graph g = new Graph()) {
      graphB(Ops.create(g), "encoder.w", FEATURES);
      try (Session s = new Session(g)) {
        WeightLoader.from(prefix).map("linear.w", "encoder.w").restoreInto(s, g);
        assertArrayEquals(trainedW, ToyModels.values(s, "encoder.w"), 0);
        assertArrayEquals(new double[] {-7}, ToyModels.values(s, "linear.b"), 0);
      }
    }
  }

  @Test
  void listsEveryMissingCheckpointName() {
    try (Graph g = new Graph()) {
      graphB(Ops.create(g), "linear.w", FEATURES);
      try (Session s = new Session(g)) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightLoader.from(prefix)
            .map("linear.w", "linear.w").map("nope.a", "linear.b").map("nope.b", "head.w").restoreInto(s, g));
        assertTrue(e.getMessage().contains("[nope.a, nope.b]"), e.getMessage());
      }
    }
  }

  @Test
  void rejectsShapeMismatchesAndUnknownGraphVariables() {
    try (Graph g = new Graph()) {
      graphB(Ops.create(g), "linear.w", FEATURES + 1);
      try (Session s = new Session(g)) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> WeightLoader.from(prefix).sameNames(List.of("linear.w")).restoreInto(s, g));
        assertTrue(e.getMessage().contains("shape mismatch 'linear.w' [6] -> 'linear.w' [7]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> WeightLoader.from(prefix).map("linear.w", "missing.w").restoreInto(s, g));
        assertTrue(e.getMessage().contains("graph has no variable named [missing.w]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> WeightLoader.from(tmp.resolve("none/variables").toString()).map("linear.w", "linear.w").restoreInto(s, g));
        assertTrue(e.getMessage().contains("no checkpoint at"), e.getMessage());
      }
    }
  }

  @Test
  void warmStartsATrainerButNotItsResume() {
    TrainingConfig config = ToyModels.config(2, 1, 8);
    Path dir = tmp.resolve("b");
    ObjectiveBuilder<List<ToyModels.Example>> withHead = tf -> {
      var objective = ToyModels.linearRegression(FEATURES).build(tf);
      VariableNames.checked(tf, "head.w", tf.withInitScope().constant(new float[] {1, 2, 3}));
      return objective;
    };
    double[] afterB;
    try (var b = Trainer.builder(config, dir, withHead, new ShuffledBatchSource<>(ToyModels.data(32, FEATURES, 1), 8, 1))
        .progress(TrainingProgress.silent())
        .warmStart(WeightLoader.from(prefix).sameNames(List.of("linear.w", "linear.b"))).build()) {
      assertArrayEquals(trainedW, ToyModels.values(b.session(), "linear.w"), 0);
      assertArrayEquals(new double[] {1, 2, 3}, ToyModels.values(b.session(), "head.w"), 0);
      b.trainUntil(1);
      afterB = ToyModels.values(b.session(), "linear.w");
    }
    // On resume the run's own checkpoint wins; a warm start (here: unloadable) is not applied.
    try (var resumed = Trainer.builder(config, dir, withHead, new ShuffledBatchSource<>(ToyModels.data(32, FEATURES, 1), 8, 1))
        .progress(TrainingProgress.silent()).resume(true)
        .warmStart(WeightLoader.from(tmp.resolve("none/variables").toString()).sameNames(List.of("linear.w"))).build()) {
      assertEquals(1, resumed.step());
      assertArrayEquals(afterB, ToyModels.values(resumed.session(), "linear.w"), 0);
    }
  }
}
