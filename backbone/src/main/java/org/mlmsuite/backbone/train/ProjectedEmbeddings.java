package org.mlmsuite.backbone.train;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.SelfAdjointEig;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;

/**
 * Starts a narrow model's embeddings from a wide one's over the same vocabulary: the wide word,
 * position and token-type tables projected onto the top {@code H_small} principal directions of
 * the wide word table (PCA), then scaled so the word table's root mean square is the small
 * model's {@code initializer_range}. Nine tenths of a tiny student's parameters are its word
 * embeddings; random ones know nothing of the words a small labeled set never shows, projected
 * teacher ones keep what the teacher's pretraining put in them.
 *
 * <p>One projection for all three tables, uncentered, so the projected sum word + position + type
 * (what the embedding LayerNorm sees) is the projection of the wide model's sum. The rest of the
 * small model keeps its random initialisation.
 */
public final class ProjectedEmbeddings implements WarmStart {
  private static final String PREFIX = "bert.embeddings.";
  private static final List<String> TABLES =
      List.of("word_embeddings.weight", "position_embeddings.weight", "token_type_embeddings.weight");

  private final String sourceWeights;
  private final TransformerConfig source;
  private final TransformerConfig target;

  private ProjectedEmbeddings(String sourceWeights, TransformerConfig source, TransformerConfig target) {
    this.sourceWeights = sourceWeights;
    this.source = source;
    this.target = target;
  }

  /**
   * Projects the embeddings of the backbone whose checkpoint is {@code sourceWeights} (config
   * {@code source}) into a model of config {@code target}: same vocabulary, no wider, no more
   * positions or token types.
   */
  public static ProjectedEmbeddings of(String sourceWeights, TransformerConfig source, TransformerConfig target) {
    if (source.vocabSize() != target.vocabSize()) {
      throw new IllegalArgumentException("projected embeddings: the vocabularies differ (" + source.vocabSize()
          + " and " + target.vocabSize() + " pieces)");
    }
    if (!fits(source, target)) {
      throw new IllegalArgumentException("projected embeddings: a model of hidden size " + target.hiddenSize()
          + ", " + target.maxPositions() + " positions and " + target.typeVocabSize() + " token types cannot start"
          + " from one of " + source.hiddenSize() + ", " + source.maxPositions() + " and " + source.typeVocabSize());
    }
    return new ProjectedEmbeddings(sourceWeights, source, target);
  }

  /** Whether a model of config {@code target} can start from {@code source}'s embeddings: no wider, no more positions or types. */
  public static boolean fits(TransformerConfig source, TransformerConfig target) {
    return target.vocabSize() == source.vocabSize() && target.hiddenSize() <= source.hiddenSize()
        && target.maxPositions() <= source.maxPositions() && target.typeVocabSize() <= source.typeVocabSize();
  }

  /** What the provenance says of the small model's start. */
  public String description() {
    return "embeddings: the " + source.hiddenSize() + "-wide tables projected on the top " + target.hiddenSize()
        + " principal directions of the word table (PCA), RMS " + target.initializerRange() + "; the rest random";
  }

  @Override
  public void apply(Session session, Graph graph) {
    Ops tf = Ops.create(graph).withSubScope("projected_embeddings");
    Restore wide = tf.train.restore(tf.constant(sourceWeights),
        tf.constant(StandardCharsets.UTF_8, TABLES.stream().map(t -> PREFIX + t).toArray(String[]::new)),
        tf.constant(StandardCharsets.UTF_8, new String[] {"", "", ""}),
        List.of(TFloat32.class, TFloat32.class, TFloat32.class));
    Operand<TFloat32> words = wide.tensors().get(0).expect(TFloat32.class);     // [V, Hw]
    Operand<TFloat32> positions = wide.tensors().get(1).expect(TFloat32.class); // [Pw, Hw]
    Operand<TFloat32> types = wide.tensors().get(2).expect(TFloat32.class);     // [Tw, Hw]

    Operand<TFloat32> directions = topPrincipalDirections(tf, words);           // [Hw, H]
    Operand<TFloat32> projectedWords = tf.linalg.matMul(words, directions);     // [V, H]
    Operand<TFloat32> rms = tf.math.sqrt(tf.math.mean(tf.math.square(projectedWords), tf.constant(new int[] {0, 1})));
    Operand<TFloat32> scale = tf.math.div(tf.constant((float) target.initializerRange()), rms);

    Operand<TFloat32> firstPositions = firstRows(tf, positions, target.maxPositions()); // [P, Hw]
    Operand<TFloat32> firstTypes = firstRows(tf, types, target.typeVocabSize());         // [T, Hw]
    List<Operand<TFloat32>> projected = List.of(
        tf.math.mul(projectedWords, scale),
        tf.math.mul(tf.linalg.matMul(firstPositions, directions), scale),
        tf.math.mul(tf.linalg.matMul(firstTypes, directions), scale));

    Session.Runner runner = session.runner();
    for (int i = 0; i < TABLES.size(); i++) {
      runner.addTarget(tf.assign(variable(graph, PREFIX + TABLES.get(i)), projected.get(i)));
    }
    try (Result ignored = ExitGate.run(runner)) {
      // assigned
    }
  }

  /** words [V, Hw] -> the eigenvectors of its covariance with the H largest eigenvalues, largest first: [Hw, H]. */
  private Operand<TFloat32> topPrincipalDirections(Ops tf, Operand<TFloat32> words) {
    int wide = source.hiddenSize();
    int narrow = target.hiddenSize();
    Operand<TFloat32> centered = tf.math.sub(words, tf.math.mean(words, tf.constant(0), Mean.keepDims(true)));
    Operand<TFloat32> covariance = tf.math.div(                                  // [Hw, Hw]
        tf.linalg.matMul(centered, centered, MatMul.transposeA(true)),
        tf.constant((float) source.vocabSize()));
    SelfAdjointEig<TFloat32> eig = tf.linalg.selfAdjointEig(covariance, SelfAdjointEig.computeV(true));
    // eigenvalues ascend: the last H columns, reversed
    Operand<TFloat32> top = tf.slice(eig.v(), tf.constant(new int[] {0, wide - narrow}),
        tf.constant(new int[] {wide, narrow}));
    return tf.reverse(top, tf.constant(new int[] {1}));
  }

  private static Operand<TFloat32> firstRows(Ops tf, Operand<TFloat32> table, int rows) {
    return tf.slice(table, tf.constant(new int[] {0, 0}), tf.constant(new int[] {rows, -1}));
  }

  private static Operand<TFloat32> variable(Graph graph, String name) {
    var op = graph.operation(name);
    if (op == null || !op.type().startsWith("Variable")) {
      throw new IllegalArgumentException("projected embeddings: the model has no variable " + name);
    }
    return op.output(0).expect(TFloat32.class);
  }
}
