package org.mlmsuite.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.mlmsuite.classification.LongTextStrategy;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;

/**
 * Classifies a partition in batches with the JVM's {@link TextClassifier} for the model and long-text
 * strategy (one instance per strategy and JVM). Appends
 * {@code predicted_label}, one probability per class (model label order) and {@code model_id}; a
 * row whose text (or text pair) is null or blank gets nulls there.
 */
final class ClassifyPartition extends BatchedPartition {
  private final ModelLocation model;
  private final int textIndex;
  /** -1 for single-text models. */
  private final int pairIndex;
  private final int classes;
  /** Resolved for the model's window (stride and head length written out), so equal strategies share a load. */
  private final LongTextStrategy longText;

  ClassifyPartition(ModelLocation model, int textIndex, int pairIndex, int classes, LongTextStrategy longText,
      int batchSize, Broadcast<SerializableConfiguration> hadoop) {
    super(batchSize, hadoop);
    this.model = model;
    this.longText = longText;
    this.textIndex = textIndex;
    this.pairIndex = pairIndex;
    this.classes = classes;
  }

  @Override
  List<Row> mapBatch(List<Row> batch) {
    TextClassifier classifier = ExecutorModels.get(model, TextClassifier.class, longText,
        dir -> TextClassifier.load(dir, longText), hadoop());
    List<Integer> scored = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String text = text(batch.get(i), textIndex);
      String pair = text(batch.get(i), pairIndex);
      if (text != null && (pairIndex < 0 || pair != null)) {
        scored.add(i);
        texts.add(text);
        pairs.add(pair);
      }
    }
    List<Prediction> predictions = pairIndex < 0 ? classifier.predictBatch(texts) : classifier.predictPairs(texts, pairs);
    Object[][] appended = new Object[batch.size()][];
    for (int k = 0; k < scored.size(); k++) {
      appended[scored.get(k)] = columns(predictions.get(k));
    }
    List<Row> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      out.add(extend(batch.get(i), appended[i] != null ? appended[i] : unscored()));
    }
    return out;
  }

  private Object[] columns(Prediction p) {
    Object[] values = new Object[classes + 2];
    values[0] = p.label();
    int c = 1;
    for (double probability : p.probabilities().values()) {
      values[c++] = probability;
    }
    values[classes + 1] = model.modelId();
    return values;
  }

  private Object[] unscored() {
    Object[] values = new Object[classes + 2];
    values[classes + 1] = model.modelId();
    return values;
  }
}
