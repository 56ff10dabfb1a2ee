package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.model.BertModel;
import org.mlmsuite.backbone.model.BlockContext;
import org.mlmsuite.backbone.model.Dense;
import org.mlmsuite.backbone.model.EncoderInputs;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The serving graph ({@link ClassifierGraph#forInference}) draws no random numbers, and gives the
 * probabilities of the plain computation (full encoder, pooled [CLS], classifier) on the same weights.
 */
class InferenceGraphTest {
  // L2/H32/A4 with BERT's dropout rates; wide init so the probabilities move away from uniform
  private static final TransformerConfig CONFIG =
      new TransformerConfig(40, 32, 2, 4, 64, 16, 2, 0.1, 0.1, 1e-12, 0.5);
  private static final int LABELS = 3;
  private static final int PAD = 0;

  @TempDir Path tmp;

  @Test
  void theInferenceGraphHasNoRandomOpsButATrainingGraphHas() {
    try (Graph inference = new Graph(); Graph training = new Graph()) {
      ClassifierGraph.forInference(Ops.create(inference), CONFIG, LABELS);
      ClassifierGraph.build(Ops.create(training), CONFIG, LABELS, new float[] {1, 1, 1}, 3);
      assertEquals(List.of(), randomOps(inference));
      // 2 layers x 3 sites + embeddings + classifier head = 8 dropout sites, each one random op
      assertEquals(8, randomOps(training).size(), randomOps(training).toString());
    }
  }

  @Test
  void servingGivesTheProbabilitiesOfTheFullComputationWithoutDropout() {
    List<EncodedExample> examples = List.of(
        new EncodedExample(new int[] {2, 11, 17, 23, 5, 3, 29, 3}, new int[] {0, 0, 0, 0, 0, 0, 1, 1}, -1),
        new EncodedExample(new int[] {2, 31, 7, 3}, new int[4], -1),
        new EncodedExample(new int[] {2, 13, 3}, new int[3], -1));
    Path weights = tmp.resolve("weights");
    float[][] served;
    try (Graph graph = new Graph()) {
      ClassifierGraph g = ClassifierGraph.forInference(Ops.create(graph), CONFIG, LABELS);
      try (Session session = new Session(graph)) {
        session.save(weights.toString());
        served = new ProbabilityRunner(g, PAD, 2).probabilities(session, examples);
      }
    }
    float[][] expected = fullComputation(weights, examples);
    double furthestFromUniform = 0;
    for (int i = 0; i < examples.size(); i++) {
      for (int c = 0; c < LABELS; c++) {
        assertEquals(expected[i][c], served[i][c], 1e-6, "example " + i + " label " + c);
        furthestFromUniform = Math.max(furthestFromUniform, Math.abs(served[i][c] - 1.0 / LABELS));
      }
    }
    assertTrue(furthestFromUniform > 0.05, "probabilities all near uniform: " + furthestFromUniform);
  }

  /** softmax(classifier(pooler(encode(x)))) over the whole sequence, dropout fed nothing (off), from {@code weights}. */
  private static float[][] fullComputation(Path weights, List<EncodedExample> examples) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      BlockContext root = BlockContext.create(tf, CONFIG, 99);
      BertModel bert = new BertModel(root);
      EncoderInputs inputs = EncoderInputs.create(tf);
      Operand<TFloat32> logits = new Dense(root.child("classifier"), CONFIG.hiddenSize(), LABELS)
          .apply(bert.pooled(bert.encode(inputs))); // [B, C]
      Operand<TFloat32> probabilities = tf.nn.softmax(logits);
      try (Session session = new Session(graph); Feeds feeds = new Feeds()) {
        session.restore(weights.toString());
        BatchTensors.feedInputs(examples, inputs, PAD, feeds);
        try (Result r = feeds.applyTo(session.runner()).fetch(probabilities).run()) {
          TFloat32 p = (TFloat32) r.get(0);
          float[][] out = new float[examples.size()][LABELS];
          for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < LABELS; c++) {
              out[i][c] = p.getFloat(i, c);
            }
          }
          return out;
        }
      }
    }
  }

  private static List<String> randomOps(Graph graph) {
    List<String> found = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().contains("Random") && !op.name().contains("Initializer") && !op.name().contains("init")) {
        found.add(op.name() + " (" + op.type() + ")");
      }
    }
    return found;
  }
}
