package org.mlmsuite.spark;

import java.io.Serializable;
import org.mlmsuite.classification.LongTextStrategy;

/**
 * How {@link MlmSpark#classify} runs.
 *
 * @param batchSize rows per forward pass inside a partition (the model also sorts each batch by
 *     length, so larger batches waste less padding but hold more rows in memory)
 * @param textPairColumn the column of the second text for a model trained on pairs, or null
 * @param longText how texts longer than the model's window are read (truncate, head+tail, sliding
 *     windows pooled), as {@code TextClassifier.load(dir, longText)}; null: as the model was trained
 */
public record ClassifyOptions(int batchSize, String textPairColumn, LongTextStrategy longText) implements Serializable {
  public static final int DEFAULT_BATCH_SIZE = 32;

  public ClassifyOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
  }

  public static ClassifyOptions defaults() {
    return new ClassifyOptions(DEFAULT_BATCH_SIZE, null, null);
  }

  public ClassifyOptions withBatchSize(int size) {
    return new ClassifyOptions(size, textPairColumn, longText);
  }

  public ClassifyOptions withTextPairColumn(String column) {
    return new ClassifyOptions(batchSize, column, longText);
  }

  /** Reads long texts with {@code strategy} instead of the model's saved one; null: the saved one. */
  public ClassifyOptions withLongText(LongTextStrategy strategy) {
    return new ClassifyOptions(batchSize, textPairColumn, strategy);
  }
}
