package org.mlmsuite.spark;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.mlmsuite.eval.classification.ClassificationReport;

/**
 * Scores a classifier over a labeled table on the cluster: every partition is classified, the
 * (gold, predicted) pairs are counted by one {@code groupBy}, and only the k x k counts reach the
 * driver, where {@link ConfusionCounts} gives the single-machine numbers.
 */
final class ClassifierEvaluationJob {
  private ClassifierEvaluationJob() {}

  static ClassificationReport run(Dataset<Row> df, String modelPath, String textColumn, String labelColumn,
      ClassifyOptions options) {
    ResultSchema.column(df.schema(), labelColumn, "label");
    Dataset<Row> labeled = df.withColumn(labelColumn, col(labelColumn).cast(DataTypes.StringType));
    List<String> labels = MlmSpark.classifierInfo(df, modelPath).labels();
    Dataset<Row> scored = MlmSpark.classify(labeled, modelPath, textColumn, options);
    List<Row> pairs = scored.groupBy(col(labelColumn), col(MlmSpark.PREDICTED_LABEL)).count().collectAsList();
    rejectBadRows(pairs, labels, textColumn, labelColumn);
    int k = labels.size();
    long[][] counts = new long[k][k];
    for (Row pair : pairs) {
      counts[labels.indexOf(pair.getString(0))][labels.indexOf(pair.getString(1))] += pair.getLong(2);
    }
    return new ConfusionCounts(labels, counts).report();
  }

  /** Groups (gold, predicted, count) with no prediction (blank text), no gold label or an unknown one: one-line errors. */
  private static void rejectBadRows(List<Row> pairs, List<String> labels, String textColumn, String labelColumn) {
    long blankTexts = 0;
    long missingLabels = 0;
    Map<String, Long> unknownLabels = new TreeMap<>();
    for (Row pair : pairs) {
      long count = pair.getLong(2);
      if (pair.isNullAt(1)) {
        blankTexts += count;
      } else if (pair.isNullAt(0)) {
        missingLabels += count;
      } else if (!labels.contains(pair.getString(0))) {
        unknownLabels.merge(pair.getString(0), count, Long::sum);
      }
    }
    if (blankTexts > 0) {
      throw new IllegalArgumentException("text column '" + textColumn + "': " + blankTexts
          + " rows are null or blank; the single-machine evaluation rejects them too, filter them first");
    }
    if (missingLabels > 0) {
      throw new IllegalArgumentException("label column '" + labelColumn + "': " + missingLabels + " rows have no label");
    }
    for (Map.Entry<String, Long> unknown : unknownLabels.entrySet()) {
      throw new IllegalArgumentException("label column '" + labelColumn + "': '" + unknown.getKey() + "' ("
          + unknown.getValue() + " rows) is not one of the model's labels " + labels);
    }
  }
}
