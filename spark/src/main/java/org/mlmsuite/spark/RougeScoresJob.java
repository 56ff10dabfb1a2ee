package org.mlmsuite.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.mlmsuite.eval.rouge.BootstrapAggregator;
import org.mlmsuite.eval.rouge.RougeEvaluator;
import org.mlmsuite.eval.rouge.RougeScorer;
import org.mlmsuite.eval.rouge.RougeType;
import org.mlmsuite.eval.rouge.Score;
import org.mlmsuite.eval.rouge.SentenceSplit;
import org.mlmsuite.summarization.SummaryEvaluation;
import scala.Tuple2;

/**
 * ROUGE over a table on the cluster: executors score each row (the costly part: tokenizing,
 * stemming, LCS), the driver gets one small array of numbers per row, puts them back in table
 * order and aggregates them with eval's bootstrap, whose resampling depends on that order. The
 * settings are {@code mlm summarize eval}'s ({@link SummaryEvaluation#evaluator}): its four
 * types, Porter stemming, sentences split at punctuation.
 */
final class RougeScoresJob {
  /** One scorer per JVM: built on first use by a task, never serialized. */
  private static RougeScorer scorer;

  private RougeScoresJob() {}

  static RougeEvaluator.Result run(Dataset<Row> df, String summaryColumn, String referenceColumn) {
    ResultSchema.stringColumn(df.schema(), summaryColumn, "summary");
    int referenceIndex = ResultSchema.column(df.schema(), referenceColumn, "reference");
    var referenceType = df.schema().fields()[referenceIndex].dataType();
    if (!referenceType.equals(DataTypes.StringType)
        && !(referenceType instanceof ArrayType array && array.elementType().equals(DataTypes.StringType))) {
      throw new IllegalArgumentException("reference column '" + referenceColumn + "' is "
          + referenceType.simpleString() + ", expected string or array<string>");
    }
    JavaRDD<Row> pairs = df.select(summaryColumn, referenceColumn).toJavaRDD();
    // [row index, then precision, recall, F per type in the scorer's order]
    List<double[]> scored;
    try {
      scored = new ArrayList<>(pairs.zipWithIndex().map(RougeScoresJob::score).collect());
    } catch (Exception e) { // a SparkException, which Scala throws without declaring it
      throw badRowOr(e);
    }
    scored.sort(Comparator.comparingDouble(s -> s[0]));
    List<RougeType> types = scorer().orderedTypes();
    BootstrapAggregator aggregator = new BootstrapAggregator();
    List<Map<RougeType, Score>> perExample = new ArrayList<>(scored.size());
    for (double[] s : scored) {
      Map<RougeType, Score> scores = new LinkedHashMap<>();
      for (int t = 0; t < types.size(); t++) {
        scores.put(types.get(t), new Score(s[1 + 3 * t], s[2 + 3 * t], s[3 + 3 * t]));
      }
      perExample.add(scores);
      aggregator.add(scores);
    }
    if (perExample.isEmpty()) {
      throw new IllegalArgumentException("no rows to score");
    }
    return new RougeEvaluator.Result(List.copyOf(perExample), aggregator.aggregate());
  }

  /** The one-line error of a bad row when a task failed on one, else the job's own failure. */
  private static RuntimeException badRowOr(Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException bad) {
        return new IllegalArgumentException(bad.getMessage(), failure);
      }
    }
    return new IllegalStateException(failure.getMessage(), failure);
  }

  private static double[] score(Tuple2<Row, Long> indexed) {
    Row row = indexed._1();
    long index = indexed._2();
    List<String> references = row.isNullAt(1) ? List.of()
        : row.get(1) instanceof String s ? List.of(s) : row.getList(1);
    if (row.isNullAt(0) || references.isEmpty() || references.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("row " + (index + 1) + ": no summary or no reference");
    }
    Map<RougeType, Score> scores = scorer().scoreMulti(
        references.stream().map(SentenceSplit.PUNCTUATION::apply).toList(), SentenceSplit.PUNCTUATION.apply(row.getString(0)));
    List<RougeType> types = scorer().orderedTypes();
    double[] out = new double[1 + 3 * types.size()];
    out[0] = index;
    for (int t = 0; t < types.size(); t++) {
      Score s = scores.get(types.get(t));
      out[1 + 3 * t] = s.precision();
      out[2 + 3 * t] = s.recall();
      out[3 + 3 * t] = s.fmeasure();
    }
    return out;
  }

  private static synchronized RougeScorer scorer() {
    if (scorer == null) {
      scorer = new RougeScorer(Set.copyOf(SummaryEvaluation.TYPES), true);
    }
    return scorer;
  }
}
