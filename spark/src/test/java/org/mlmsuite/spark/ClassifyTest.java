package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;

/** {@link MlmSpark#classify} on {@code local[2]} against the single-machine {@link TextClassifier}. */
class ClassifyTest {
  private static final StructType REVIEWS = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("review", DataTypes.StringType, true);

  @TempDir static Path tmp;
  static Path model;
  static SparkSession spark;
  static List<String> texts;
  /** Single-machine answers, by row id. */
  static List<Prediction> expected;

  @BeforeAll
  static void trainAndPredictOnOneMachine() {
    model = TinyModels.classifier();
    texts = TinyModels.reviews(90, 7).stream().map(r -> r[0]).toList();
    try (TextClassifier classifier = TextClassifier.load(model)) {
      expected = classifier.predictBatch(texts);
    }
    spark = LocalSpark.session();
  }

  static Dataset<Row> reviews(int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create(i, texts.get(i)));
    }
    return spark.createDataFrame(rows, REVIEWS).repartition(partitions);
  }

  @ParameterizedTest(name = "{0} partitions, batch {1}")
  @CsvSource({"1, 32", "3, 1", "3, 7", "5, 64"})
  void sameLabelsAndProbabilitiesAsTextClassifier(int partitions, int batch) {
    Dataset<Row> scored = MlmSpark.classify(reviews(partitions), model.toString(), "review",
        ClassifyOptions.defaults().withBatchSize(batch));
    List<Row> rows = scored.collectAsList();
    assertEquals(texts.size(), rows.size());
    List<String> labels = List.of(TinyModels.NEGATIVE, TinyModels.POSITIVE);
    for (Row row : rows) {
      Prediction want = expected.get(row.getInt(0));
      assertEquals(texts.get(row.getInt(0)), row.getString(1), "input columns pass through");
      assertEquals(want.label(), row.getAs(MlmSpark.PREDICTED_LABEL), "row " + row.getInt(0));
      for (String label : labels) {
        double got = row.getAs(MlmSpark.PROBABILITY_PREFIX + label);
        assertEquals(want.probabilities().get(label), got, 1e-5, "row " + row.getInt(0) + " " + label);
      }
      assertTrue(row.<String>getAs(MlmSpark.MODEL_ID).matches("clf@[0-9a-f]{12}"), row.<String>getAs(MlmSpark.MODEL_ID));
    }
  }

  @Test
  void theSchemaAppendsLabelProbabilitiesInModelOrderAndModelId() {
    Dataset<Row> scored = MlmSpark.classify(reviews(1), model.toString(), "review");
    assertEquals(List.of("id", "review", "predicted_label", "probability_not good", "probability_très bien", "model_id"),
        List.of(scored.schema().fieldNames()));
  }

  @Test
  void nullAndBlankTextsKeepTheirRowWithNullPredictions() {
    List<Row> rows = List.of(RowFactory.create(0, texts.get(0)), RowFactory.create(1, null), RowFactory.create(2, "  "));
    Map<Integer, Row> byId = new HashMap<>();
    for (Row r : MlmSpark.classify(spark.createDataFrame(rows, REVIEWS), model.toString(), "review").collectAsList()) {
      byId.put(r.getInt(0), r);
    }
    assertEquals(expected.get(0).label(), byId.get(0).getAs(MlmSpark.PREDICTED_LABEL));
    for (int id : List.of(1, 2)) {
      assertNull(byId.get(id).getAs(MlmSpark.PREDICTED_LABEL));
      assertNull(byId.get(id).getAs(MlmSpark.PROBABILITY_PREFIX + TinyModels.POSITIVE));
      assertNotNull(byId.get(id).getAs(MlmSpark.MODEL_ID));
    }
  }

  @Test
  void eachJvmLoadsTheModelOnceAcrossPartitionsAndTasks() {
    ExecutorModels.closeAll();
    int before = ExecutorModels.loads();
    // 6 partitions on 2 task threads, then a second job: one load in this (the only) JVM
    assertEquals(texts.size(), MlmSpark.classify(reviews(6), model.toString(), "review",
        ClassifyOptions.defaults().withBatchSize(4)).count());
    assertEquals(texts.size(), MlmSpark.classify(reviews(3), model.toString(), "review").collectAsList().size());
    assertEquals(1, ExecutorModels.loads() - before);
  }

  @Test
  void badColumnsAreOneLineErrorsNamingTheColumn() {
    Dataset<Row> df = reviews(1);
    String missing = assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.classify(df, model.toString(), "text")).getMessage();
    assertEquals("text column 'text' not found; the table has [id, review]", missing);
    String notText = assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.classify(df, model.toString(), "id")).getMessage();
    assertEquals("text column 'id' is int, expected string", notText);
    String pair = assertThrows(IllegalArgumentException.class, () -> MlmSpark.classify(df, model.toString(), "review",
        ClassifyOptions.defaults().withTextPairColumn("review"))).getMessage();
    assertTrue(pair.endsWith("was trained on single texts, but text pair column 'review' was given"), pair);
    String taken = assertThrows(IllegalArgumentException.class, () -> MlmSpark.classify(
        df.withColumnRenamed("id", "model_id"), model.toString(), "review")).getMessage();
    assertTrue(taken.startsWith("the input already has a column 'model_id'"), taken);
    String noModel = assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.classify(df, tmp.resolve("nothing").toString(), "review")).getMessage();
    assertTrue(noModel.endsWith("nothing does not exist"), noModel);
  }
}
