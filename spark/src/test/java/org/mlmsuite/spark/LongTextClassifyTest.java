package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmsuite.classification.LongTextStrategy;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;

/**
 * Long-text strategies on Spark: texts of 31-44 words through a classifier with windows of 16
 * tokens (14 words) that was trained to read them with sliding windows (stride 7, mean), on
 * {@code local[2]} against the single-machine {@link TextClassifier} loaded with the same strategy.
 */
class LongTextClassifyTest {
  private static final StructType REVIEWS = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("review", DataTypes.StringType, true);
  private static final LongTextStrategy SLIDING_MAX = LongTextStrategy.sliding(8, LongTextStrategy.Pool.MAX);
  private static final List<String> LABELS = List.of(TinyModels.NEGATIVE, TinyModels.POSITIVE);

  @TempDir Path tmp;
  static Path model;
  static SparkSession spark;
  static List<String> texts;

  @BeforeAll
  static void start() {
    model = TinyModels.slidingClassifier();
    texts = TinyModels.longReviews(24, 5);
    spark = LocalSpark.session();
  }

  /** Single-machine predictions of {@link #texts} with {@code strategy} (null: the saved one). */
  static List<Prediction> onOneMachine(LongTextStrategy strategy) {
    try (TextClassifier classifier = TextClassifier.load(model, strategy)) {
      return classifier.predictBatch(texts);
    }
  }

  static Dataset<Row> reviews(int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create(i, texts.get(i)));
    }
    return spark.createDataFrame(rows, REVIEWS).repartition(partitions);
  }

  /** The output rows by id. */
  static Map<Integer, Row> classify(int partitions, ClassifyOptions options) {
    Map<Integer, Row> byId = new TreeMap<>();
    for (Row row : MlmSpark.classify(reviews(partitions), model.toString(), "review", options).collectAsList()) {
      byId.put(row.getInt(0), row);
    }
    return byId;
  }

  /** Same labels and probabilities within 1e-5 as {@code expected} (by text index) for every row (by id). */
  static void assertSamePredictions(List<Prediction> expected, Map<Integer, Row> rows) {
    assertEquals(expected.size(), rows.size());
    for (Map.Entry<Integer, Row> row : rows.entrySet()) {
      Prediction want = expected.get(row.getKey());
      assertEquals(want.label(), row.getValue().getAs(MlmSpark.PREDICTED_LABEL), "row " + row.getKey());
      for (String label : LABELS) {
        double got = row.getValue().getAs(MlmSpark.PROBABILITY_PREFIX + label);
        assertEquals(want.probabilities().get(label), got, 1e-5, "row " + row.getKey() + " " + label);
      }
    }
  }

  /** Whether some text's probabilities differ by more than 1e-3 between the two. */
  static boolean differ(List<Prediction> a, List<Prediction> b) {
    return IntStream.range(0, a.size()).anyMatch(i -> Math.abs(a.get(i).probabilities().get(TinyModels.POSITIVE)
        - b.get(i).probabilities().get(TinyModels.POSITIVE)) > 1e-3);
  }

  @Test
  void theTextsAreLongerThanOneWindowAndTheModelSavedSlidingWindows() {
    assertTrue(texts.stream().allMatch(t -> t.split(" ").length > LongTextStrategy.contentLength(TinyModels.MAX_LENGTH)));
    try (TextClassifier classifier = TextClassifier.load(model)) {
      assertEquals(LongTextStrategy.sliding(7, LongTextStrategy.Pool.MEAN), classifier.longText());
    }
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3})
  void defaultOptionsReadLongTextsAsTheModelWasTrained(int partitions) {
    List<Prediction> saved = onOneMachine(null);
    assertTrue(differ(saved, onOneMachine(LongTextStrategy.TRUNCATE)), "the saved strategy is not truncation");
    assertSamePredictions(saved, classify(partitions, ClassifyOptions.defaults().withBatchSize(5)));
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3})
  void withLongTextReadsThemAsTextClassifierLoadedWithThatStrategy(int partitions) {
    List<Prediction> slidingMax = onOneMachine(SLIDING_MAX);
    List<Prediction> truncate = onOneMachine(LongTextStrategy.TRUNCATE);
    assertTrue(differ(slidingMax, truncate), "sliding max and truncate give other probabilities for some text");
    assertSamePredictions(slidingMax, classify(partitions, ClassifyOptions.defaults().withLongText(SLIDING_MAX)));
    assertSamePredictions(truncate, classify(partitions,
        ClassifyOptions.defaults().withBatchSize(7).withLongText(LongTextStrategy.TRUNCATE)));
  }

  @Test
  void eachJvmLoadsTheModelOncePerStrategy() {
    ExecutorModels.closeAll();
    int before = ExecutorModels.loads();
    // 6 partitions on 2 task threads per strategy, then each again; sliding(null, null) is the saved
    // strategy spelled otherwise (stride and pool to their defaults): two loads in this (the only) JVM
    ClassifyOptions small = ClassifyOptions.defaults().withBatchSize(3);
    assertEquals(texts.size(), classify(6, small).size());
    assertEquals(texts.size(), classify(6, small.withLongText(SLIDING_MAX)).size());
    assertEquals(texts.size(), classify(3, small.withLongText(LongTextStrategy.sliding(null, null))).size());
    assertEquals(texts.size(), classify(3, small.withLongText(SLIDING_MAX)).size());
    assertEquals(2, ExecutorModels.loads() - before);
  }

  @Test
  void aStrideLargerThanTheWindowIsAOneLineErrorOnTheDriver() {
    String message = assertThrows(IllegalArgumentException.class, () -> MlmSpark.classify(reviews(1),
        model.toString(), "review", ClassifyOptions.defaults().withLongText(LongTextStrategy.sliding(15, null))))
        .getMessage();
    assertEquals("--stride 15: must be 1..14, the window's content (max length 16 minus [CLS] and [SEP])", message);
  }

  @Test
  void theJobsLongTextFlagsReachTheExecutors() throws IOException {
    StringBuilder csv = new StringBuilder("id,review\n");
    for (int i = 0; i < texts.size(); i++) {
      csv.append(i).append(",\"").append(texts.get(i)).append("\"\n");
    }
    Path input = Files.writeString(tmp.resolve("long.csv"), csv);
    String output = tmp.resolve("scored").toString();
    MlmSparkJob.Report report = MlmSparkJob.run(spark, JobArguments.parse(new String[] {"classify", "--model",
        model.toString(), "--input", input.toString(), "--text-column", "review", "--output", output,
        "--partitions", "3", "--long-text", "sliding", "--stride", "8", "--pool", "max"}));
    assertEquals(texts.size(), report.rowsWritten());
    Map<Integer, Row> written = new TreeMap<>();
    for (Row row : spark.read().parquet(output).collectAsList()) {
      written.put(Integer.parseInt(row.getAs("id")), row);
    }
    assertSamePredictions(onOneMachine(SLIDING_MAX), written);
  }

  @Test
  void evaluateClassifierTakesTheFlagsToo() throws IOException {
    List<Prediction> slidingMax = onOneMachine(SLIDING_MAX);
    StringBuilder tsv = new StringBuilder("review\tsentiment\n");
    for (int i = 0; i < texts.size(); i++) {
      // gold: alternating labels, so the accuracy is that of slidingMax's labels against them
      tsv.append(texts.get(i)).append('\t').append(LABELS.get(i % 2)).append('\n');
    }
    Path input = Files.writeString(tmp.resolve("labeled.tsv"), tsv);
    String headline = MlmSparkJob.evaluate(spark, JobArguments.parse(new String[] {"evaluate-classifier", "--model",
        model.toString(), "--input", input.toString(), "--text-column", "review", "--label-column", "sentiment",
        "--output", tmp.resolve("eval").toString(), "--long-text", "sliding", "--stride", "8", "--pool", "max"}));
    long right = IntStream.range(0, texts.size()).filter(i -> slidingMax.get(i).label().equals(LABELS.get(i % 2))).count();
    assertTrue(headline.startsWith(String.format(java.util.Locale.ROOT, "samples: %d%naccuracy: %.4f%n", texts.size(),
        (double) right / texts.size())), headline);
  }

  @Test
  void badLongTextFlagsAreOneLineErrorsNamingTheFlag() {
    String[] base = {"classify", "--model", "m", "--input", "a.csv", "--text-column", "t", "--output", "o"};
    Map<String, List<String>> cases = Map.of(
        "--stride and --pool need --long-text sliding (got truncate)", List.of("--pool", "max"),
        "--long-text: expected truncate, head+tail or sliding, got 'middle'", List.of("--long-text", "middle"),
        "--pool: expected mean or max, got 'median'", List.of("--long-text", "sliding", "--pool", "median"),
        "--stride: expected a whole number >= 1, got '0'", List.of("--long-text", "sliding", "--stride", "0"),
        "--stride and --pool need --long-text sliding (got head+tail)", List.of("--long-text", "head+tail", "--stride", "4"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      List<String> args = new ArrayList<>(List.of(base));
      args.addAll(c.getValue());
      String message = assertThrows(IllegalArgumentException.class,
          () -> JobArguments.parse(args.toArray(String[]::new))).getMessage();
      assertEquals(c.getKey(), message, c.getValue().toString());
      assertFalse(message.contains("\n"));
    }
    assertEquals("--long-text, --stride, --pool are for classify and evaluate-classifier only",
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(new String[] {"embed", "--model", "m",
            "--input", "a.csv", "--text-column", "t", "--output", "o", "--long-text", "sliding"})).getMessage());
    assertEquals(null, JobArguments.parse(base).longText(), "no flag: as the model was trained");
    assertEquals(LongTextStrategy.headTail(null), JobArguments.parse(java.util.stream.Stream.concat(
        java.util.Arrays.stream(base), java.util.stream.Stream.of("--long-text", "head+tail")).toArray(String[]::new))
        .longText());
  }
}
