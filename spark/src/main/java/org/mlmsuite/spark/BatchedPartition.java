package org.mlmsuite.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A partition function that reads its rows {@code batchSize} at a time and maps each batch with one
 * model call, lazily: a partition is never held in memory, only the batch in hand. Subclasses
 * carry only serializable values (a {@link ModelLocation}, column indices, options) and fetch
 * their model from {@link ExecutorModels} inside {@link #mapBatch}.
 */
abstract class BatchedPartition implements MapPartitionsFunction<Row, Row> {
  private final int batchSize;
  /** Null for a local model path, which needs no Hadoop file system on executors. */
  private final Broadcast<SerializableConfiguration> hadoop;

  BatchedPartition(int batchSize, Broadcast<SerializableConfiguration> hadoop) {
    this.batchSize = batchSize;
    this.hadoop = hadoop;
  }

  /** Output rows for {@code batch}, one per input row, in order. */
  abstract List<Row> mapBatch(List<Row> batch);

  Configuration hadoop() {
    return hadoop == null ? null : hadoop.value().value();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    return new Iterator<>() {
      private Iterator<Row> mapped = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!mapped.hasNext() && input.hasNext()) {
          List<Row> batch = new ArrayList<>(batchSize);
          while (batch.size() < batchSize && input.hasNext()) {
            batch.add(input.next());
          }
          mapped = mapBatch(batch).iterator();
        }
        return mapped.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return mapped.next();
      }
    };
  }

  /** The input row's values followed by {@code appended}. */
  static Row extend(Row row, Object... appended) {
    Object[] values = new Object[row.length() + appended.length];
    for (int i = 0; i < row.length(); i++) {
      values[i] = row.get(i);
    }
    System.arraycopy(appended, 0, values, row.length(), appended.length);
    return org.apache.spark.sql.RowFactory.create(values);
  }

  /** The text in column {@code index}, or null when the cell is null or blank (then the row is not scored). */
  static String text(Row row, int index) {
    if (index < 0 || row.isNullAt(index)) {
      return null;
    }
    String s = row.getString(index);
    return s.isBlank() ? null : s;
  }
}
