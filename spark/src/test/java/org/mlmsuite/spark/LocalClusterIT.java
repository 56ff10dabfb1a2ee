package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.classification.TextClassifier;

/**
 * The shaded application jar through {@code SparkSubmit} on {@code local-cluster[2,1,1024]}: a
 * driver and two executor JVMs started by a worker, the jar shipped by the driver, as on a real
 * cluster. Runs in {@code mvn -P spark verify} after the jar is built (it is skipped without it).
 * Needs no Spark distribution: SPARK_HOME is a folder with an empty {@code jars/}, and the
 * executors get Spark from an absolute {@code spark.executor.extraClassPath}.
 */
class LocalClusterIT {
  @TempDir Path tmp;

  @Test
  void shadedJarClassifiesACsvOnTwoExecutorJvmsLoadingTheModelOncePerJvm() throws Exception {
    String jar = System.getProperty("mlm.spark.jar");
    Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no shaded jar: run mvn -P spark verify");
    String sparkClassPath = Files.readString(Path.of(System.getProperty("mlm.spark.classPath"))).trim();
    Path model = TinyModels.classifier();
    List<String[]> reviews = TinyModels.reviews(400, 31);
    StringBuilder csv = new StringBuilder("id,review\n");
    for (int i = 0; i < reviews.size(); i++) {
      csv.append(i).append(",\"").append(reviews.get(i)[0]).append("\"\n");
    }
    csv.append("400,\n");
    Path input = Files.writeString(tmp.resolve("reviews.csv"), csv);
    Path sparkHome = Files.createDirectories(tmp.resolve("spark-home/jars")).getParent();
    Path output = tmp.resolve("scored");

    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", sparkClassPath, "org.apache.spark.deploy.SparkSubmit",
        "--master", "local-cluster[2,1,1024]",
        "--conf", "spark.executor.extraClassPath=" + sparkClassPath,
        "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir="
            + Path.of(System.getProperty("user.home"), ".javacpp", "cache"),
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false",
        "--class", "org.mlmsuite.spark.MlmSparkJob", jar,
        "classify", "--model", model.toString(), "--input", input.toString(), "--text-column", "review",
        "--output", output.toString(), "--partitions", "8", "--batch-size", "16"));
    ProcessBuilder submit = new ProcessBuilder(command).redirectOutput(tmp.resolve("stdout").toFile())
        .redirectError(tmp.resolve("stderr").toFile()).directory(tmp.toFile());
    submit.environment().put("SPARK_HOME", sparkHome.toString());
    submit.environment().put("SPARK_SCALA_VERSION", "2.13");
    Process process = submit.start();
    assertTrue(process.waitFor(8, TimeUnit.MINUTES), "spark-submit did not finish in 8 minutes");
    String stdout = Files.readString(tmp.resolve("stdout"));
    System.out.println(stdout);
    assertEquals(0, process.exitValue(), stdout + "\n" + tail(Files.readString(tmp.resolve("stderr"))));
    assertTrue(stdout.contains("rows read: 401\nrows written: 400"), stdout);
    assertTrue(stdout.contains("bad rows: 1"), stdout);

    List<Integer> loadsPerExecutor = loadsPerExecutor(sparkHome.resolve("work"));
    assertEquals(List.of(1, 1), loadsPerExecutor, "model loads in each executor JVM's stderr");
    assertEqualsTextClassifier(model, output, reviews);
  }

  /** Lines "mlm-spark: loaded" in each executor's stderr under the worker's work folder. */
  private static List<Integer> loadsPerExecutor(Path work) throws IOException {
    List<Integer> loads = new ArrayList<>();
    try (Stream<Path> files = Files.walk(work)) {
      for (Path stderr : files.filter(f -> f.getFileName().toString().equals("stderr")).sorted().toList()) {
        loads.add((int) Files.readAllLines(stderr).stream().filter(l -> l.startsWith("mlm-spark: loaded")).count());
      }
    }
    return loads;
  }

  private static void assertEqualsTextClassifier(Path model, Path output, List<String[]> reviews) {
    Map<Integer, String> labels = new TreeMap<>();
    for (Row row : LocalSpark.session().read().parquet(output.toString()).collectAsList()) {
      labels.put(Integer.parseInt(row.getAs("id")), row.getAs(MlmSpark.PREDICTED_LABEL));
    }
    try (TextClassifier classifier = TextClassifier.load(model)) {
      List<String> expected = classifier.predictBatch(reviews.stream().map(r -> r[0]).toList()).stream()
          .map(p -> p.label()).toList();
      assertEquals(expected, List.copyOf(labels.values()));
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }
}
