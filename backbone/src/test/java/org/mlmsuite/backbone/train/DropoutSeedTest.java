package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The trainer feeds seed {@code [config seed, step * accumulation + micro-step]}. */
class DropoutSeedTest {
  @TempDir Path tmp;

  /** loss = mean(uniform([8], seed)) + 0 * w: the loss reveals the fed seed. */
  private static final ObjectiveBuilder<Integer> SEED_PROBE = tf -> {
    Placeholder<TInt64> seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    Variable<TFloat32> w = VariableNames.checked(tf, "w", tf.withInitScope().constant(1f));
    Operand<TFloat32> noise = tf.random.statelessRandomUniform(tf.constant(new int[] {8}), seed, TFloat32.class);
    Operand<TFloat32> loss = tf.math.add(tf.math.mean(noise, tf.constant(0)), tf.math.mul(w, tf.constant(0f)));
    return TrainingObjective.of(loss, List.of(TrainableVariable.decayed(w)), (Integer batch, Feeds f) -> 1L)
        .withDropoutSeed(seed);
  };

  private static final BatchSource<Integer> NOTHING = new BatchSource<>() {
    public Integer next() {
      return 0;
    }

    public String position() {
      return "";
    }

    public void seek(String p) {}
  };

  @Test
  void feedsSeedDerivedFromConfigSeedStepAndMicroStep() {
    TrainingConfig config = ToyModels.config(3, 2, 1).withSeed(77);
    List<Double> losses = new ArrayList<>();
    try (var t = Trainer.builder(config, tmp, SEED_PROBE, NOTHING).progress(TrainingProgress.silent())
        .onStep(m -> losses.add(m.loss())).build()) {
      t.train();
    }
    for (int step = 0; step < 3; step++) {
      double expected = (meanUniform(77, 2L * step) + meanUniform(77, 2L * step + 1)) / 2;
      assertEquals(expected, losses.get(step), 0, "step " + step);
    }
    assertNotEquals(losses.get(0), losses.get(1));
  }

  private static double meanUniform(long s0, long s1) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var mean = tf.math.mean(tf.random.statelessRandomUniform(tf.constant(new int[] {8}),
          tf.constant(new long[] {s0, s1}), TFloat32.class), tf.constant(0));
      try (Session s = new Session(g); Result r = s.runner().fetch(mean).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }
  }

  @Test
  void variableNamesAreCheckedForSlashesAndSilentRenames() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableNames.checked(tf, "enc.w", tf.withInitScope().constant(1f));
      IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
          () -> VariableNames.checked(tf, "enc.w", tf.withInitScope().constant(2f)));
      assertTrue(dup.getMessage().contains("already used in this graph (TF renamed it to 'enc.w_"), dup.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> VariableNames.checked(tf, "enc/w", tf.withInitScope().constant(1f)));
    }
  }
}
