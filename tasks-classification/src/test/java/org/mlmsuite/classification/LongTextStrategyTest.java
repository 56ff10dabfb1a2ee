package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.classification.LongTextStrategy.Pool;

/**
 * Window arithmetic and pooling of {@link LongTextStrategy}, by hand: windows of max length 10
 * (8 word pieces of content), pieces numbered 100, 101, ..., [CLS] = 1, [SEP] = 2.
 */
class LongTextStrategyTest {
  static final int MAX = 10;
  static final int CLS = 1;
  static final int SEP = 2;
  static final ObjectMapper JSON = new ObjectMapper();

  static int[] pieces(int n) {
    return IntStream.range(100, 100 + n).toArray();
  }

  /** {@code [CLS] from..to-1 [SEP]} in piece numbers (100 + index). */
  static int[] window(int from, int to) {
    int[] ids = new int[to - from + 2];
    ids[0] = CLS;
    for (int i = from; i < to; i++) {
      ids[i - from + 1] = 100 + i;
    }
    ids[ids.length - 1] = SEP;
    return ids;
  }

  static List<int[]> windows(LongTextStrategy s, int n) {
    return s.windows(pieces(n), MAX, CLS, SEP);
  }

  static void assertWindows(List<int[]> expected, List<int[]> actual) {
    assertEquals(expected.size(), actual.size(), "window count");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "window " + i);
    }
  }

  static final List<LongTextStrategy> ALL = List.of(LongTextStrategy.TRUNCATE, LongTextStrategy.headTail(null),
      LongTextStrategy.sliding(null, null), LongTextStrategy.sliding(1, Pool.MAX), LongTextStrategy.sliding(8, null));

  @Test
  void aTextShorterThanOneWindowIsOneWindowUnderEveryStrategy() {
    for (LongTextStrategy s : ALL) {
      assertWindows(List.of(window(0, 5)), windows(s, 5));
      assertWindows(List.of(window(0, 0)), windows(s, 0));
    }
  }

  @Test
  void aTextOfExactlyOneWindowIsOneWindow() {
    for (LongTextStrategy s : ALL) {
      assertWindows(List.of(window(0, 8)), windows(s, 8));
      assertEquals(MAX, windows(s, 8).get(0).length);
    }
  }

  @Test
  void onePieceOver() {
    assertWindows(List.of(window(0, 8)), windows(LongTextStrategy.TRUNCATE, 9));
    // stride 4 (half of 8): the second start, 4, would run past the end, so the last window is aligned to it
    assertWindows(List.of(window(0, 8), window(1, 9)), windows(LongTextStrategy.sliding(null, null), 9));
    // head 2 (128/510 of 8 = 2.0), tail 6: pieces 0-1 and 3-8, piece 2 dropped
    assertArrayEquals(new int[] {CLS, 100, 101, 103, 104, 105, 106, 107, 108, SEP},
        windows(LongTextStrategy.headTail(null), 9).get(0));
  }

  @Test
  void strideOneStartsAWindowAtEveryPiece() {
    assertWindows(List.of(window(0, 8), window(1, 9), window(2, 10), window(3, 11)),
        windows(LongTextStrategy.sliding(1, null), 11));
  }

  @Test
  void strideOfAWholeWindowTilesAndTheLastWindowIsAlignedToTheEnd() {
    // 20 pieces: 0-7, 8-15, then 12-19 (not 16-23, which would run past the end)
    assertWindows(List.of(window(0, 8), window(8, 16), window(12, 20)), windows(LongTextStrategy.sliding(8, null), 20));
    // 16 pieces: two tiles exactly, no repeated window
    assertWindows(List.of(window(0, 8), window(8, 16)), windows(LongTextStrategy.sliding(8, null), 16));
  }

  @Test
  void slidingWindowsCoverEveryPieceAreFullAndCountAsComputed() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 9 + random.nextInt(60);
      int stride = 1 + random.nextInt(8);
      List<int[]> ws = windows(LongTextStrategy.sliding(stride, null), n);
      assertEquals((n - 8 + stride - 1) / stride + 1, ws.size(), "n " + n + ", stride " + stride);
      boolean[] seen = new boolean[n];
      int previousStart = -1;
      for (int[] w : ws) {
        assertEquals(MAX, w.length);
        assertEquals(CLS, w[0]);
        assertEquals(SEP, w[MAX - 1]);
        int start = w[1] - 100;
        assertTrue(start > previousStart && start - Math.max(previousStart, 0) <= stride, "starts advance by <= stride");
        previousStart = start;
        for (int k = 1; k < MAX - 1; k++) {
          assertEquals(100 + start + k - 1, w[k], "contiguous");
          seen[w[k] - 100] = true;
        }
      }
      assertEquals(100 + n - 1, ws.get(ws.size() - 1)[MAX - 2], "the last window ends at the text's end");
      for (int i = 0; i < n; i++) {
        assertTrue(seen[i], "piece " + i + " of " + n + " read, stride " + stride);
      }
    }
  }

  @Test
  void headTailLengthsFollowSunEtAlScaledToTheWindow() {
    assertEquals(128, LongTextStrategy.headTail(null).headLength(512), "Sun et al.: 128 of 510");
    assertEquals(32, LongTextStrategy.headTail(null).headLength(128), "128 * 126 / 510 = 31.6");
    assertEquals(63, LongTextStrategy.sliding(null, null).stride(128), "half the window's 126 pieces");
    int[] text = pieces(1000);
    int[] w = LongTextStrategy.headTail(null).windows(text, 512, CLS, SEP).get(0);
    assertEquals(512, w.length);
    assertArrayEquals(java.util.Arrays.copyOfRange(text, 0, 128), java.util.Arrays.copyOfRange(w, 1, 129));
    assertArrayEquals(java.util.Arrays.copyOfRange(text, 1000 - 382, 1000), java.util.Arrays.copyOfRange(w, 129, 511));
    // an explicit head of 0 keeps the tail only
    assertWindows(List.of(window(12, 20)), windows(LongTextStrategy.headTail(0), 20));
  }

  @Test
  void strideMustFitTheWindow() {
    for (int bad : new int[] {0, -3, 9}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> windows(LongTextStrategy.sliding(bad, null), 30));
      assertEquals("--stride " + bad + ": must be 1..8, the window's content (max length 10 minus [CLS] and [SEP])",
          e.getMessage());
    }
    IllegalArgumentException config = assertThrows(IllegalArgumentException.class,
        () -> ClassifierTrainingConfig.defaults().withBatch(32, 16).withLongText(LongTextStrategy.sliding(15, null)));
    assertTrue(config.getMessage().startsWith("--stride 15: must be 1..14"), config.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LongTextStrategy.headTail(9).requireFits(MAX));
  }

  @Test
  void flagsParseAndBadOnesSayWhich() {
    assertEquals(LongTextStrategy.TRUNCATE, LongTextStrategy.of(null, null, null));
    assertEquals(LongTextStrategy.TRUNCATE, LongTextStrategy.of("truncate", null, null));
    assertEquals(new LongTextStrategy(LongTextStrategy.Kind.SLIDING, 5, Pool.MAX, null),
        LongTextStrategy.of("sliding", 5, "max"));
    assertEquals(Pool.MEAN, LongTextStrategy.of("sliding", null, null).pool());
    assertEquals(LongTextStrategy.Kind.HEAD_TAIL, LongTextStrategy.of("head+tail", null, null).kind());
    assertEquals("--long-text: expected truncate, head+tail or sliding, got 'middle'",
        assertThrows(IllegalArgumentException.class, () -> LongTextStrategy.of("middle", null, null)).getMessage());
    assertEquals("--pool: expected mean or max, got 'median'",
        assertThrows(IllegalArgumentException.class, () -> LongTextStrategy.of("sliding", 4, "median")).getMessage());
    assertEquals("--stride and --pool need --long-text sliding (got truncate)",
        assertThrows(IllegalArgumentException.class, () -> LongTextStrategy.of(null, 4, null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> LongTextStrategy.of("head+tail", null, "max"));
  }

  @Test
  void meanAndMaxPoolingOfLogitsByHand() {
    float[][] logits = {{1f, 3f}, {3f, -1f}, {2f, 1f}};
    // mean: (1+3+2)/3 = 2, (3-1+1)/3 = 1; max: 3, 3
    assertArrayEquals(new float[] {2f, 1f}, LongTextStrategy.sliding(null, Pool.MEAN).pool(logits), 1e-6f);
    assertArrayEquals(new float[] {3f, 3f}, LongTextStrategy.sliding(null, Pool.MAX).pool(logits), 1e-6f);
    // softmax(2, 1) = (e / (e + 1), 1 / (e + 1))
    double e = Math.E;
    assertArrayEquals(new float[] {(float) (e / (e + 1)), (float) (1 / (e + 1))},
        LongTextStrategy.sliding(null, Pool.MEAN).probabilities(logits), 1e-6f);
    assertArrayEquals(new float[] {0.5f, 0.5f}, LongTextStrategy.sliding(null, Pool.MAX).probabilities(logits), 1e-6f);
    // one window: its own logits, whatever the pooling
    assertArrayEquals(new float[] {-4f, 0.5f, 7f},
        LongTextStrategy.sliding(null, Pool.MAX).pool(new float[][] {{-4f, 0.5f, 7f}}), 0f);
    // three classes, max per class across different windows
    assertArrayEquals(new float[] {5f, 2f, 0f}, LongTextStrategy.sliding(null, Pool.MAX)
        .pool(new float[][] {{5f, -2f, -1f}, {-3f, 2f, 0f}}), 0f);
  }

  @Test
  void truncateIsLeftOutOfJsonSoOldFilesAndRunsReadTheSame() throws Exception {
    ClassifierInfo truncating = new ClassifierInfo(List.of("a", "b"), 128, false, "text", null, "label",
        TrainingProvenance.unrecorded());
    JsonNode tree = JSON.valueToTree(truncating);
    assertFalse(tree.has("longText"), tree.toString());
    assertEquals(LongTextStrategy.TRUNCATE, JSON.treeToValue(tree, ClassifierInfo.class).longText());

    ClassifierInfo sliding = truncating.withLongText(LongTextStrategy.sliding(null, Pool.MAX).resolvedFor(128));
    JsonNode saved = JSON.valueToTree(sliding);
    assertEquals("{\"kind\":\"sliding\",\"stride\":63,\"pool\":\"max\"}", saved.get("longText").toString());
    assertEquals(sliding, JSON.treeToValue(saved, ClassifierInfo.class));
    ClassifierInfo headTail = truncating.withLongText(LongTextStrategy.headTail(null).resolvedFor(128));
    assertEquals("{\"kind\":\"head+tail\",\"headLength\":32}", JSON.valueToTree(headTail).get("longText").toString());

    // The training settings (the recipe a resumed run must match) of a truncating run are those before long texts.
    List<String> fields = new ArrayList<>();
    JSON.valueToTree(ClassifierTrainingConfig.defaults()).fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("learningRate", "steps", "batchSize", "maxLength", "seed", "freezeBackbone", "noPretraining",
        "classWeights", "evalEvery", "patience", "metric", "windowBatches", "checkpointEvery"), fields);
    ClassifierTrainingConfig slidingRun = ClassifierTrainingConfig.defaults().withLongText(LongTextStrategy.sliding(32, null));
    JsonNode run = JSON.valueToTree(slidingRun);
    assertEquals("{\"kind\":\"sliding\",\"stride\":32,\"pool\":\"mean\"}", run.get("longText").toString());
    assertEquals(slidingRun, JSON.treeToValue(run, ClassifierTrainingConfig.class));
  }

  @Test
  void printsAsItsFlags() {
    assertEquals("--long-text sliding --stride 8 --pool max",
        LongTextStrategy.sliding(8, LongTextStrategy.Pool.MAX).toString());
    assertEquals("--long-text sliding --pool mean", LongTextStrategy.sliding(null, null).toString());
    assertEquals("--long-text truncate", LongTextStrategy.of(null, null, null).toString());
    assertEquals("--long-text head+tail", LongTextStrategy.headTail(null).toString());
  }
}
