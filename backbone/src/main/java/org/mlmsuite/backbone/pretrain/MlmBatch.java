package org.mlmsuite.backbone.pretrain;

import java.util.Arrays;
import java.util.List;
import org.mlmsuite.backbone.masking.MaskedSequence;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.train.Feeds;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A masked-LM batch, row-major: inputs padded to the batch's longest sequence [B, T], masked
 * slots padded to the batch's largest mask count [B, M] with weight 0 on empty slots.
 */
record MlmBatch(int size, int length, int slots, int[] inputIds, int[] attentionMask, int[] maskedPositions,
    int[] maskedLabelIds, float[] maskedWeights, long tokens) {

  static MlmBatch of(List<MaskedSequence> sequences, int padId) {
    int b = sequences.size();
    int t = sequences.stream().mapToInt(s -> s.inputIds().length).max().orElse(0);
    int m = Math.max(1, sequences.stream().mapToInt(s -> s.maskedPositions().length).max().orElse(0));
    int[] ids = new int[b * t];
    int[] attention = new int[b * t];
    int[] positions = new int[b * m];
    int[] labels = new int[b * m];
    float[] weights = new float[b * m];
    Arrays.fill(ids, padId);
    long tokens = 0;
    for (int i = 0; i < b; i++) {
      MaskedSequence s = sequences.get(i);
      int n = s.inputIds().length;
      System.arraycopy(s.inputIds(), 0, ids, i * t, n);
      Arrays.fill(attention, i * t, i * t + n, 1);
      tokens += n;
      int k = s.maskedPositions().length;
      System.arraycopy(s.maskedPositions(), 0, positions, i * m, k);
      System.arraycopy(s.maskedLabelIds(), 0, labels, i * m, k);
      Arrays.fill(weights, i * m, i * m + k, 1f);
    }
    return new MlmBatch(b, t, m, ids, attention, positions, labels, weights, tokens);
  }

  /** Feeds the model's inputs (token types are all 0: one segment per sequence). */
  void feed(BertForMaskedLm model, Feeds feeds) {
    Shape tokensShape = Shape.of(size, length);
    Shape slotsShape = Shape.of(size, slots);
    feeds.put(model.inputs().inputIds(), TInt32.tensorOf(tokensShape, DataBuffers.of(inputIds, true, false)));
    feeds.put(model.inputs().tokenTypeIds(), TInt32.tensorOf(tokensShape, DataBuffers.of(new int[size * length], true, false)));
    feeds.put(model.inputs().attentionMask(), TInt32.tensorOf(tokensShape, DataBuffers.of(attentionMask, true, false)));
    feeds.put(model.maskedPositions(), TInt32.tensorOf(slotsShape, DataBuffers.of(maskedPositions, true, false)));
    feeds.put(model.maskedLabelIds(), TInt32.tensorOf(slotsShape, DataBuffers.of(maskedLabelIds, true, false)));
    feeds.put(model.maskedWeights(), TFloat32.tensorOf(slotsShape, DataBuffers.of(maskedWeights, true, false)));
  }

  float maskedCount() {
    float sum = 0;
    for (float w : maskedWeights) {
      sum += w;
    }
    return sum;
  }
}
