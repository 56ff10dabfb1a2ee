package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.testing.Timings;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Rough forward+backward+Adam step time of the MLM graph. Off by default; run on a quiet machine:
 * {@code mvn -B -q -o -pl backbone -am verify -Dtest=BertForMaskedLmBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true [-Dmlm.benchmark.preset=mini]}.
 * Uses the framework's Adam as a stand-in for the training loop's AdamW. Every timed step is one
 * repetition ({@link Timings#assertValid}), and the steps must train: the loss on the one repeated
 * batch falls.
 */
@EnabledIfSystemProperty(named = "mlm.benchmark", matches = "true")
class BertForMaskedLmBenchmark {
  @Test
  void stepTime() {
    String preset = System.getProperty("mlm.benchmark.preset", "tiny");
    int batch = 32;
    int length = 128;
    int slots = 20;
    int vocab = 8000;
    TransformerConfig config = TransformerConfig.preset(preset, vocab);
    Random random = new Random(1);
    int[][] ids = new int[batch][length];
    int[][] types = new int[batch][length];
    int[][] mask = new int[batch][length];
    int[][] positions = new int[batch][slots];
    int[][] labels = new int[batch][slots];
    float[][] weights = new float[batch][slots];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < length; t++) {
        ids[b][t] = random.nextInt(vocab);
        types[b][t] = t < length / 2 ? 0 : 1;
        mask[b][t] = 1;
      }
      for (int m = 0; m < slots; m++) {
        positions[b][m] = random.nextInt(length);
        labels[b][m] = random.nextInt(vocab);
        weights[b][m] = 1;
      }
    }
    try (Graph g = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(g), config, 1);
      Op train = new Adam(g, 1e-4f).minimize(model.loss());
      try (Session s = new Session(g);
          TInt32 i = TestTensors.ints(ids); TInt32 ty = TestTensors.ints(types);
          TInt32 ma = TestTensors.ints(mask); TInt32 p = TestTensors.ints(positions);
          TInt32 l = TestTensors.ints(labels); TFloat32 w = TestTensors.floats(weights);
          TBool training = TBool.scalarOf(true)) {
        int warmup = 3;
        int steps = 10;
        List<Double> stepMs = new ArrayList<>();
        List<Float> losses = new ArrayList<>();
        for (int step = 0; step < warmup + steps; step++) {
          long start = System.nanoTime();
          try (TInt64 seed = TInt64.vectorOf(1, step);
              Result result = s.runner().feed(model.inputs().inputIds(), i).feed(model.inputs().tokenTypeIds(), ty)
                .feed(model.inputs().attentionMask(), ma).feed(model.maskedPositions(), p)
                .feed(model.maskedLabelIds(), l).feed(model.maskedWeights(), w)
                .feed(model.dropout().training(), training).feed(model.dropout().seed(), seed)
                .addTarget(train).fetch(model.loss()).run()) {
            losses.add(((TFloat32) result.get(0)).getFloat()); // the loss before this step's update
          }
          if (step >= warmup) {
            stepMs.add((System.nanoTime() - start) / 1e6);
          }
        }
        Timings timings = Timings.of(preset + " step", stepMs).assertValid();
        assertTrue(losses.get(losses.size() - 1) < losses.get(0), "the steps train: loss " + losses);
        double ms = timings.median();
        System.out.printf("benchmark %s B%d T%d V%d: %.1f ms/step, %.0f tokens/s (%s)%n",
            preset, batch, length, vocab, ms, batch * length / (ms / 1000), timings);
      }
    }
  }
}
