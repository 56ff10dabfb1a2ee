package org.mlmsuite.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Runs a {@link TextTask} over a partition in batches with the JVM's facade for the model, appending
 * the task's column and {@code model_id}; a row whose text is null or blank gets null there.
 */
final class TextPartition extends BatchedPartition {
  private final TextTask task;
  private final ModelLocation model;
  private final int textIndex;

  TextPartition(TextTask task, ModelLocation model, int textIndex, int batchSize, Broadcast<SerializableConfiguration> hadoop) {
    super(batchSize, hadoop);
    this.task = task;
    this.model = model;
    this.textIndex = textIndex;
  }

  @Override
  List<Row> mapBatch(List<Row> batch) {
    AutoCloseable facade = ExecutorModels.getAny(model, task.facade(), null, task::load, hadoop());
    List<Integer> scored = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String text = text(batch.get(i), textIndex);
      if (text != null) {
        scored.add(i);
        texts.add(text);
      }
    }
    Object[] values = new Object[batch.size()];
    List<?> results = texts.isEmpty() ? List.of() : task.run(facade, texts);
    for (int k = 0; k < scored.size(); k++) {
      values[scored.get(k)] = results.get(k);
    }
    List<Row> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      out.add(extend(batch.get(i), values[i], model.modelId()));
    }
    return out;
  }
}
