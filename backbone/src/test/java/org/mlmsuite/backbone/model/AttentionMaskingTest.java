package org.mlmsuite.backbone.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Who may see whom: padding, causal and cross-attention masks, checked by perturbing inputs. */
class AttentionMaskingTest {
  // std 0.2 so every token visibly moves the outputs it is allowed to reach
  private static final TransformerConfig CONFIG =
      new TransformerConfig(30, 32, 2, 2, 64, 16, 2, 0.1, 0.1, 1e-12, 0.2);
  private static final int H = 32;

  private Graph graph;
  private Session session;
  private Placeholder<TInt32> sourceIds;
  private Placeholder<TInt32> sourceMask;
  private Placeholder<TInt32> targetIds;
  private Placeholder<TInt32> targetMask;
  private Operand<TFloat32> encoded;
  private Operand<TFloat32> decoded;

  @BeforeEach
  void build() {
    graph = new Graph();
    Ops tf = Ops.create(graph);
    BlockContext root = BlockContext.create(tf, CONFIG, 9);
    BertModel bert = new BertModel(root);
    Embeddings targetEmbeddings = new Embeddings(root.child("decoder").child("embeddings"),
        bert.embeddings().wordEmbeddings());
    Decoder decoder = new Decoder(root.child("decoder"));
    sourceIds = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
    sourceMask = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
    targetIds = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
    targetMask = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
    encoded = bert.encode(sourceIds, null, sourceMask);
    decoded = decoder.apply(targetEmbeddings.apply(targetIds, null), targetMask, encoded, sourceMask);
    session = new Session(graph);
  }

  @AfterEach
  void close() {
    session.close();
    graph.close();
  }

  @Test
  void paddedTokenNeverChangesRealPositions() {
    int[] mask = {1, 1, 1, 1, 0, 0};
    float[] before = encode(new int[] {2, 5, 7, 9, 11, 12}, mask);
    float[] after = encode(new int[] {2, 5, 7, 9, 21, 12}, mask);
    assertTrue(maxDiff(before, after, 0, 4) < 1e-6, "real positions changed");
    assertTrue(maxDiff(before, after, 4, 5) > 1e-2, "the changed token itself must move");
    // control: unmasked, the same change reaches position 0
    int[] full = {1, 1, 1, 1, 1, 1};
    assertTrue(maxDiff(encode(new int[] {2, 5, 7, 9, 11, 12}, full),
        encode(new int[] {2, 5, 7, 9, 21, 12}, full), 0, 1) > 1e-2);
  }

  @Test
  void laterTargetTokenNeverChangesEarlierDecoderPositions() {
    int[] source = {3, 4, 5, 6};
    float[] before = decode(source, new int[] {1, 2, 3, 4, 5});
    float[] after = decode(source, new int[] {1, 2, 3, 25, 5});
    assertTrue(maxDiff(before, after, 0, 3) < 1e-6, "positions 0..2 saw position 3");
    assertTrue(maxDiff(before, after, 3, 4) > 1e-2);
    assertTrue(maxDiff(before, after, 4, 5) > 1e-2, "position 4 must see position 3");
  }

  @Test
  void decoderDependsOnEncoderOutputButNotOnPaddedSource() {
    int[] target = {1, 2, 3};
    float[] base = decode(new int[] {3, 4, 5, 6}, target, new int[] {1, 1, 1, 0});
    float[] realChanged = decode(new int[] {3, 14, 5, 6}, target, new int[] {1, 1, 1, 0});
    float[] padChanged = decode(new int[] {3, 4, 5, 16}, target, new int[] {1, 1, 1, 0});
    assertTrue(maxDiff(base, realChanged, 0, 3) > 1e-2, "cross-attention ignored the source");
    assertTrue(maxDiff(base, padChanged, 0, 3) < 1e-6, "padded source token leaked");
  }

  private float[] encode(int[] ids, int[] mask) {
    try (TInt32 i = TestTensors.ints(new int[][] {ids});
        TInt32 m = TestTensors.ints(new int[][] {mask});
        Result r = session.runner().feed(sourceIds, i).feed(sourceMask, m).fetch(encoded).run()) {
      return TestTensors.values(r.get(0));
    }
  }

  private float[] decode(int[] source, int[] target) {
    return decode(source, target, ones(source.length));
  }

  private float[] decode(int[] source, int[] target, int[] mask) {
    try (TInt32 s = TestTensors.ints(new int[][] {source});
        TInt32 sm = TestTensors.ints(new int[][] {mask});
        TInt32 t = TestTensors.ints(new int[][] {target});
        TInt32 tm = TestTensors.ints(new int[][] {ones(target.length)});
        Result r = session.runner().feed(sourceIds, s).feed(sourceMask, sm)
            .feed(targetIds, t).feed(targetMask, tm).fetch(decoded).run()) {
      return TestTensors.values(r.get(0));
    }
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  /** max |a - b| over positions [from, to) of a [1, T, H] output. */
  private static double maxDiff(float[] a, float[] b, int from, int to) {
    double max = 0;
    for (int i = from * H; i < to * H; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
