package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The graph against {@link ReferenceBert} (double precision) on random weights. */
class BertForMaskedLmNumericsTest {
  // L2 so layer stacking is covered; 16 positions keep the tables small.
  private static final TransformerConfig CONFIG =
      new TransformerConfig(50, 32, 2, 2, 64, 16, 2, 0.1, 0.1, 1e-12, 0.02);

  private static final int[][] IDS = {{2, 17, 5, 33, 8, 41, 3}, {2, 9, 9, 48, 3, 0, 0}};
  private static final int[][] TYPES = {{0, 0, 0, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 0}};
  private static final int[][] MASK = {{1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 0, 0}};
  private static final int[][] POSITIONS = {{1, 4, 6}, {2, 3, 0}};
  private static final int[][] LABELS = {{12, 8, 30}, {9, 1, 0}};
  private static final float[][] WEIGHTS = {{1, 1, 1}, {1, 1, 0}};

  private Graph graph;
  private BertForMaskedLm model;
  private Session session;

  @BeforeEach
  void build() {
    graph = new Graph();
    Ops tf = Ops.create(graph);
    model = BertForMaskedLm.build(tf, CONFIG, 7);
    session = new Session(graph);
  }

  @AfterEach
  void close() {
    session.close();
    graph.close();
  }

  @Test
  void lossAtInitIsCloseToLogVocab() {
    // std-0.02 weights give near-uniform predictions: -log(1/V) = ln 50 = 3.912
    try (Result r = feeds(session.runner()).fetch(model.loss()).run()) {
      assertEquals(Math.log(50), ((TFloat32) r.get(0)).getFloat(), 0.05);
    }
  }

  @Test
  void forwardMatchesDoublePrecisionReference() {
    ReferenceBert reference = new ReferenceBert(CONFIG, randomizeWeights(11));
    float[] sequence;
    float[] logProbs;
    float loss;
    float accuracy;
    try (Result r = feeds(session.runner()).fetch(model.sequenceOutput())
        .fetch(model.maskedLogProbs()).fetch(model.loss()).fetch(model.accuracy()).run()) {
      sequence = TestTensors.values(r.get(0));
      logProbs = TestTensors.values(r.get(1));
      loss = ((TFloat32) r.get(2)).getFloat();
      accuracy = ((TFloat32) r.get(3)).getFloat();
    }
    int t = IDS[0].length;
    int h = CONFIG.hiddenSize();
    int v = CONFIG.vocabSize();
    double maxDiff = 0;
    double correct = 0;
    double total = 0;
    for (int b = 0; b < IDS.length; b++) {
      double[][] expected = reference.encode(IDS[b], TYPES[b], MASK[b]);
      for (int i = 0; i < t; i++) {
        if (MASK[b][i] == 0) {
          continue; // padded rows are not used downstream; HF leaves them arbitrary too
        }
        for (int j = 0; j < h; j++) {
          maxDiff = Math.max(maxDiff, Math.abs(expected[i][j] - sequence[(b * t + i) * h + j]));
        }
      }
      for (int m = 0; m < POSITIONS[b].length; m++) {
        double[] lp = reference.mlmLogProbs(expected[POSITIONS[b][m]]);
        int argMax = 0;
        for (int k = 0; k < v; k++) {
          maxDiff = Math.max(maxDiff, Math.abs(lp[k] - logProbs[(b * POSITIONS[b].length + m) * v + k]));
          argMax = lp[k] > lp[argMax] ? k : argMax;
        }
        correct += WEIGHTS[b][m] * (argMax == LABELS[b][m] ? 1 : 0);
        total += WEIGHTS[b][m];
      }
    }
    assertTrue(maxDiff < 1e-4, "max |graph - reference| = " + maxDiff);
    System.out.printf("forward check: max |graph - reference| = %.2e%n", maxDiff);
    double expectedLoss = reference.loss(IDS, TYPES, MASK, POSITIONS, LABELS, WEIGHTS);
    assertEquals(expectedLoss, loss, 1e-4);
    assertTrue(expectedLoss > 1, "random weights should give a non-trivial loss: " + expectedLoss);
    assertEquals(correct / total, accuracy, 1e-6);
  }

  /**
   * TF's analytic gradients against central differences of the double-precision reference loss
   * (eps 1e-4: truncation error ~eps^2 |f'''| ~ 1e-8, rounding ~1e-16/eps, both far below float32
   * gradient noise). The graph computes in float32, whose relative rounding (~1e-7) is amplified
   * through ~20 ops and reductions of ~50 terms: we allow 2% relative plus 2e-4 absolute.
   */
  @Test
  void gradientsMatchFiniteDifferencesOfReference() {
    Map<String, double[]> weights = randomizeWeights(13);
    ReferenceBert reference = new ReferenceBert(CONFIG, weights);
    List<Parameter> params = model.parameters();
    List<Operand<?>> variables = new ArrayList<>();
    params.forEach(p -> variables.add(p.variable()));
    Gradients gradients = model.context().tf().gradients(model.loss(), variables);
    Session.Runner runner = feeds(session.runner());
    for (int i = 0; i < params.size(); i++) {
      runner.fetch(gradients.dy(i));
    }
    Random random = new Random(5);
    int checked = 0;
    double worst = 0;
    try (Result r = runner.run()) {
      for (int i = 0; i < params.size(); i++) {
        Parameter p = params.get(i);
        float[] analytic = TestTensors.values(r.get(i));
        double[] w = reference.weights.get(p.name());
        for (int sample = 0; sample < 3; sample++) {
          int k = random.nextInt(w.length);
          double eps = 1e-4;
          double saved = w[k];
          w[k] = saved + eps;
          double up = reference.loss(IDS, TYPES, MASK, POSITIONS, LABELS, WEIGHTS);
          w[k] = saved - eps;
          double down = reference.loss(IDS, TYPES, MASK, POSITIONS, LABELS, WEIGHTS);
          w[k] = saved;
          double numeric = (up - down) / (2 * eps);
          double diff = Math.abs(numeric - analytic[k]);
          worst = Math.max(worst, diff / (Math.abs(numeric) + 1e-2));
          assertTrue(diff <= 2e-2 * Math.abs(numeric) + 2e-4,
              p.name() + "[" + k + "]: analytic " + analytic[k] + " vs numeric " + numeric);
          checked++;
        }
      }
    }
    assertEquals(3 * params.size(), checked);
    System.out.printf("gradient check: %d elements, worst relative diff %.2e%n", checked, worst);
  }

  /**
   * Central differences on the float32 graph itself, by feeding perturbed variable values. eps
   * 1e-2 against weights of scale 0.3: the loss (~4) rounds at ~1e-6, i.e. ~5e-5 in the
   * difference quotient, and the truncation error eps^2 |f'''| / 6 is ~1e-4; we allow 5% + 1e-3.
   */
  @Test
  void gradientsMatchFiniteDifferencesOfTheGraph() {
    Map<String, double[]> weights = randomizeWeights(17);
    List<Parameter> params = model.parameters();
    List<Operand<?>> variables = new ArrayList<>();
    params.forEach(p -> variables.add(p.variable()));
    Gradients gradients = model.context().tf().gradients(model.loss(), variables);
    Random random = new Random(8);
    for (String name : List.of("bert.encoder.layer.1.attention.self.key.weight",
        "bert.embeddings.word_embeddings.weight", "bert.encoder.layer.0.output.LayerNorm.weight",
        "cls.predictions.transform.dense.bias")) {
      int index = params.indexOf(model.context().params().get(name));
      Parameter p = params.get(index);
      float[] analytic;
      try (Result r = feeds(session.runner()).fetch(gradients.dy(index)).run()) {
        analytic = TestTensors.values(r.get(0));
      }
      double[] base = weights.get(name);
      for (int sample = 0; sample < 3; sample++) {
        int k = random.nextInt(base.length);
        double eps = 1e-2;
        double numeric = (graphLoss(p, base, k, eps) - graphLoss(p, base, k, -eps)) / (2 * eps);
        assertTrue(Math.abs(numeric - analytic[k]) <= 5e-2 * Math.abs(numeric) + 1e-3,
            name + "[" + k + "]: analytic " + analytic[k] + " vs numeric " + numeric);
      }
    }
  }

  private double graphLoss(Parameter p, double[] base, int k, double delta) {
    float[] value = new float[base.length];
    for (int i = 0; i < base.length; i++) {
      value[i] = (float) base[i];
    }
    value[k] = (float) (base[k] + delta);
    try (TFloat32 perturbed = TestTensors.floats(p.shape(), value);
        Result r = feeds(session.runner()).feed(p.variable(), perturbed).fetch(model.loss()).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  private Session.Runner feeds(Session.Runner runner) {
    EncoderInputs in = model.inputs();
    return runner.feed(in.inputIds(), keep(TestTensors.ints(IDS)))
        .feed(in.tokenTypeIds(), keep(TestTensors.ints(TYPES)))
        .feed(in.attentionMask(), keep(TestTensors.ints(MASK)))
        .feed(model.maskedPositions(), keep(TestTensors.ints(POSITIONS)))
        .feed(model.maskedLabelIds(), keep(TestTensors.ints(LABELS)))
        .feed(model.maskedWeights(), keep(TestTensors.floats(WEIGHTS)));
  }

  private final List<Tensor> fedTensors = new ArrayList<>();

  private <T extends Tensor> T keep(T tensor) {
    fedTensors.add(tensor);
    return tensor;
  }

  @AfterEach
  void closeFeeds() {
    fedTensors.forEach(Tensor::close);
  }

  /**
   * Assigns random values to every variable (weights N(0, 0.3) so attention is far from uniform;
   * LayerNorm gamma 1 + N(0, 0.2); biases N(0, 0.2)), then reads them back from the session.
   */
  private Map<String, double[]> randomizeWeights(long seed) {
    Ops tf = model.context().tf();
    Random random = new Random(seed);
    List<Tensor> values = new ArrayList<>();
    Session.Runner assign = session.runner();
    for (Parameter p : model.parameters()) {
      float[] value = new float[(int) p.shape().size()];
      for (int i = 0; i < value.length; i++) {
        double g = random.nextGaussian();
        value[i] = (float) (p.initializer() instanceof Initializer.Ones ? 1 + 0.2 * g
            : p.initializer() instanceof Initializer.Zeros ? 0.2 * g : 0.3 * g);
      }
      Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class);
      TFloat32 tensor = TestTensors.floats(p.shape(), value);
      values.add(tensor);
      assign.feed(feed, tensor).addTarget(tf.assign(p.variable(), feed));
    }
    assign.run();
    values.forEach(Tensor::close);
    Map<String, double[]> readBack = new HashMap<>();
    for (Parameter p : model.parameters()) {
      try (Result r = session.runner().fetch(p.variable()).run()) {
        readBack.put(p.name(), TestTensors.doubles(r.get(0)));
      }
    }
    return readBack;
  }
}
