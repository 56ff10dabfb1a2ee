package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mlmsuite.classification.LabeledData;
import org.mlmsuite.classification.TextClassifier;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.datasets.LabeledText;

/**
 * Rows per second of {@link MlmSpark#classify} on {@code local[2]} against the single-JVM loop over
 * {@link TextClassifier#predictBatch} on the same 2 cores, per batch size: the cost of Spark
 * (row conversion, partitioning, scheduling) next to the model's own. Each figure is the median of
 * three timed passes after one warm-up pass; the Spark pass writes to the {@code noop} sink, so
 * every row is classified and nothing is stored. Off by default; run on a quiet machine:
 * {@code mvn -B -o -pl spark -am verify -Dtest=SparkClassifyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true -Dmlm.benchmark.model=DIR
 * [-Dmlm.benchmark.data=sst2:dev] [-Dmlm.benchmark.batches=8,32,128] [-Dmlm.benchmark.repeat=4]}
 * (MLM_DATA_DIR set for catalog data).
 */
@EnabledIfSystemProperty(named = "mlm.benchmark", matches = "true")
class SparkClassifyBenchmark {
  @Test
  void sparkLocal2AgainstTheSingleJvmLoop() {
    Path model = Path.of(System.getProperty("mlm.benchmark.model"));
    String data = System.getProperty("mlm.benchmark.data", "sst2:dev");
    int repeat = Integer.getInteger("mlm.benchmark.repeat", 4);
    List<String> once = LabeledData.read(data, "test", TextColumns.catalog(), null, null).examples().stream()
        .map(LabeledText::text).toList();
    List<String> texts = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      texts.addAll(once);
    }
    SparkSession spark = LocalSpark.session();
    Dataset<Row> table = table(spark, texts).repartition(2).cache();
    assertEquals(texts.size(), table.count());
    System.out.printf(Locale.ROOT, "%s, %d rows (%s x %d), model %s%n", "batch | single JVM rows/s | Spark local[2] rows/s | ratio",
        texts.size(), data, repeat, model);
    for (String batch : System.getProperty("mlm.benchmark.batches", "8,32,128").split(",")) {
      int size = Integer.parseInt(batch.trim());
      double single = texts.size() / medianSeconds(() -> singleJvm(model, texts, size));
      double distributed = texts.size() / medianSeconds(() -> MlmSpark.classify(table, model.toString(), "text",
          ClassifyOptions.defaults().withBatchSize(size)).write().format("noop").mode("overwrite").save());
      System.out.printf(Locale.ROOT, "%d | %.0f | %.0f | %.2f%n", size, single, distributed, distributed / single);
    }
  }

  private static Dataset<Row> table(SparkSession spark, List<String> texts) {
    List<Row> rows = new ArrayList<>(texts.size());
    for (String t : texts) {
      rows.add(RowFactory.create(t));
    }
    return spark.createDataFrame(rows, new StructType().add("text", DataTypes.StringType));
  }

  /** One classifier per JVM, as Spark's executor cache holds it: loading is not timed. */
  private static TextClassifier loaded;

  private static void singleJvm(Path model, List<String> texts, int batch) {
    if (loaded == null) {
      loaded = TextClassifier.load(model);
    }
    for (int from = 0; from < texts.size(); from += batch) {
      loaded.predictBatch(texts.subList(from, Math.min(texts.size(), from + batch)));
    }
  }

  private static double medianSeconds(Runnable pass) {
    pass.run();
    double[] seconds = new double[3];
    for (int r = 0; r < seconds.length; r++) {
      long start = System.nanoTime();
      pass.run();
      seconds[r] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[1];
  }
}
