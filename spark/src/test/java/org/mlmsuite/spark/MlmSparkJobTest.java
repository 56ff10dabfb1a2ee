package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;

/** {@link MlmSparkJob}, the spark-submit entry, on {@code local[2]}: formats, bad rows set aside, counts. */
class MlmSparkJobTest {
  @TempDir Path tmp;
  static SparkSession spark;
  static Path model;

  @BeforeAll
  static void start() {
    model = TinyModels.classifier();
    spark = LocalSpark.session();
  }

  static JobArguments args(String... args) {
    return JobArguments.parse(args);
  }

  @Test
  void csvInParquetOutEmptyTextsSetAsideAndCounted() throws IOException {
    List<String[]> reviews = TinyModels.reviews(30, 21);
    StringBuilder csv = new StringBuilder("id,review\n");
    for (int i = 0; i < reviews.size(); i++) {
      // every fifth review spans two lines inside quotes, with a doubled quote
      String text = i % 5 == 0 ? reviews.get(i)[0].replaceFirst(" ", "\n") + " \"\"ok\"\"" : reviews.get(i)[0];
      csv.append(i).append(",\"").append(text).append("\"\n");
    }
    csv.append("30,\n31,\"   \"\n");
    Path input = Files.writeString(tmp.resolve("reviews.csv"), csv);
    String output = tmp.resolve("scored").toString();
    MlmSparkJob.Report report = MlmSparkJob.run(spark, args("classify", "--model", model.toString(), "--input",
        input.toString(), "--text-column", "review", "--output", output, "--batch-size", "8"));
    assertEquals(32, report.rowsRead());
    assertEquals(30, report.rowsWritten());
    assertEquals(2, report.badRows());
    Map<Integer, String> written = new TreeMap<>();
    for (Row row : spark.read().parquet(output).collectAsList()) {
      written.put(Integer.parseInt(row.getAs("id")), row.getAs("review") + "\t" + row.getAs(MlmSpark.PREDICTED_LABEL));
    }
    try (TextClassifier classifier = TextClassifier.load(model)) {
      for (int i = 0; i < reviews.size(); i++) {
        String text = written.get(i).split("\t")[0];
        Prediction expected = classifier.predict(text);
        assertEquals(text + "\t" + expected.label(), written.get(i), "row " + i);
      }
    }
    assertTrue(written.get(0).contains("\n") && written.get(0).contains("\"ok\""), written.get(0));
    List<Row> bad = spark.read().json(report.badRowsPath()).collectAsList();
    assertEquals(2, bad.size());
    assertEquals("empty text column 'review'", bad.get(0).getAs(MlmSparkJob.REASON));
    assertTrue(report.lines().startsWith("rows read: 32\nrows written: 30"), report.lines());
  }

  @Test
  void jsonLinesInCsvOutAMalformedLineIsABadRow() throws IOException {
    Path input = Files.writeString(tmp.resolve("docs.jsonl"),
        "{\"id\": 1, \"text\": \"the good film\"}\n{\"id\": 2, \"text\": \"a bad plot\"\n{\"id\": 3, \"text\": \"it was great\"}\n");
    String output = tmp.resolve("vectors").toString();
    MlmSparkJob.Report report = MlmSparkJob.run(spark, args("embed", "--model", model.toString(), "--input",
        input.toString(), "--text-column", "text", "--output", output, "--output-format", "csv"));
    assertEquals(List.of(3L, 2L, 1L), List.of(report.rowsRead(), report.rowsWritten(), report.badRows()));
    Row bad = spark.read().json(report.badRowsPath()).collectAsList().get(0);
    assertEquals("malformed json record", bad.getAs(MlmSparkJob.REASON));
    Row first = spark.read().option("header", true).csv(output).orderBy("id").first();
    assertEquals(TinyModels.micro().hiddenSize(), first.<String>getAs("embedding").split(",").length,
        "embeddings are JSON arrays in CSV");
  }

  @Test
  void evaluateClassifierWritesTheReportOfMlmSparkEvaluateClassifier() throws IOException {
    List<String[]> reviews = TinyModels.reviews(40, 23);
    StringBuilder tsv = new StringBuilder("review\tsentiment\n");
    reviews.forEach(r -> tsv.append(r[0]).append('\t').append(r[1]).append('\n'));
    Path input = Files.writeString(tmp.resolve("labeled.tsv"), tsv);
    String output = tmp.resolve("eval").toString();
    String headline = MlmSparkJob.evaluate(spark, args("evaluate-classifier", "--model", model.toString(),
        "--input", input.toString(), "--text-column", "review", "--label-column", "sentiment", "--output", output));
    var expected = MlmSpark.evaluateClassifier(MlmSparkJob.read(spark, args("evaluate-classifier", "--model",
        model.toString(), "--input", input.toString(), "--text-column", "review", "--label-column", "sentiment",
        "--output", "unused")).drop(MlmSparkJob.CORRUPT_RECORD), model.toString(), "review", "sentiment");
    assertTrue(headline.startsWith(String.format(java.util.Locale.ROOT, "samples: 40%naccuracy: %.4f%n",
        expected.accuracy())), headline);
    var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(output, "report.json").toFile());
    assertEquals(expected.macro().f1(), written.get("macro").get("f1").asDouble());
    assertEquals(40, written.get("samples").asLong());
  }

  @Test
  void evaluateTranslatorPrintsAndWritesTheScoresOfMlmSparkEvaluateTranslation() throws IOException {
    Path translator = TinyModels.translator();
    StringBuilder tsv = new StringBuilder("source\treference\n");
    for (String[] row : TinyModels.reviews(24, 31)) {
      List<String> reversed = new java.util.ArrayList<>(List.of(row[0].split(" ")));
      java.util.Collections.reverse(reversed);
      tsv.append(row[0]).append('\t').append(String.join(" ", reversed)).append('\n');
    }
    Path input = Files.writeString(tmp.resolve("pairs.tsv"), tsv);
    String[] job = {"evaluate-translator", "--model", translator.toString(), "--input", input.toString(),
        "--text-column", "source", "--reference-column", "reference", "--output", tmp.resolve("mt").toString(),
        "--partitions", "3"};
    String headline = MlmSparkJob.evaluate(spark, args(job));
    TranslationScores expected = MlmSpark.evaluateTranslation(MlmSparkJob.read(spark, args(job))
        .drop(MlmSparkJob.CORRUPT_RECORD), translator.toString(), "source", "reference", ClassifyOptions.DEFAULT_BATCH_SIZE);
    assertTrue(headline.startsWith(String.format(java.util.Locale.ROOT, "segments: 24%nBLEU: %.2f%nchrF2: %.2f%n",
        expected.bleu().score(), expected.chrf().score())), headline);
    var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("mt/report.json").toFile());
    assertEquals(expected.bleu().score(), written.get("bleu").get("score").asDouble());
    assertEquals(expected.chrf().score(), written.get("chrf").get("score").asDouble());
  }

  @Test
  void evaluateSummarizerScoresEveryReferenceOfAJsonArray() throws IOException {
    Path summarizer = TinyModels.summarizer();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder lines = new StringBuilder();
    List<String> documents = TinyModels.documents(12, 41);
    for (String document : documents) {
      List<String> references = document.lines().limit(2).toList();
      lines.append(json.writeValueAsString(Map.of("dialogue", document, "summaries", references))).append('\n');
    }
    Path input = Files.writeString(tmp.resolve("dialogues.jsonl"), lines);
    String[] job = {"evaluate-summarizer", "--model", summarizer.toString(), "--input", input.toString(),
        "--text-column", "dialogue", "--reference-column", "summaries", "--output", tmp.resolve("sum").toString()};
    String headline = MlmSparkJob.evaluate(spark, args(job));
    var expected = MlmSpark.evaluateSummarizer(MlmSparkJob.read(spark, args(job)), summarizer.toString(), "dialogue",
        "summaries", ClassifyOptions.DEFAULT_BATCH_SIZE).corpus().get(org.mlmsuite.eval.rouge.RougeType.ROUGE_1);
    assertTrue(headline.startsWith(String.format(java.util.Locale.ROOT, "documents: 12%nrouge1: %.2f (95%% CI %.2f-%.2f)",
        100 * expected.mean().fmeasure(), 100 * expected.low().fmeasure(), 100 * expected.high().fmeasure())), headline);
    assertTrue(expected.mean().fmeasure() > 0, "a first-line summarizer overlaps its two-line references");
    var written = json.readTree(tmp.resolve("sum/report.json").toFile());
    assertEquals(expected.mean().fmeasure(), written.get("corpus").get("rouge1").get("mean").get("fmeasure").asDouble());
  }

  @Test
  void argumentAndPathErrorsAreOneLine() throws IOException {
    assertEquals("unknown task 'score'; expected one of [classify, embed, summarize, translate, evaluate-classifier,"
        + " evaluate-translator, evaluate-summarizer]",
        assertThrows(IllegalArgumentException.class, () -> args("score")).getMessage());
    assertEquals("--model is required", assertThrows(IllegalArgumentException.class,
        () -> args("classify", "--input", "a.csv", "--text-column", "t", "--output", "o")).getMessage());
    assertEquals("--input-format: 'unknown (give --input-format)' is not one of [csv, tsv, json, parquet]",
        assertThrows(IllegalArgumentException.class, () -> args("classify", "--model", "m", "--input", "a.txt",
            "--text-column", "t", "--output", "o")).getMessage());
    assertEquals("--reference-column is required", assertThrows(IllegalArgumentException.class, () -> args(
        "evaluate-translator", "--model", "m", "--input", "a.csv", "--text-column", "t", "--output", "o")).getMessage());
    assertEquals("--label-column is for evaluate-classifier only", assertThrows(IllegalArgumentException.class,
        () -> args("evaluate-summarizer", "--model", "m", "--input", "a.csv", "--text-column", "t",
            "--reference-column", "r", "--label-column", "l", "--output", "o")).getMessage());
    assertEquals("--label-column is required", assertThrows(IllegalArgumentException.class, () -> args(
        "evaluate-classifier", "--model", "m", "--input", "a.csv", "--text-column", "t", "--output", "o")).getMessage());
    Path existing = Files.createDirectories(tmp.resolve("exists"));
    assertEquals("--output " + existing + " already exists; give a new path or delete it",
        assertThrows(IllegalArgumentException.class, () -> MlmSparkJob.run(spark, args("classify", "--model",
            model.toString(), "--input", "x.csv", "--text-column", "t", "--output", existing.toString()))).getMessage());
  }
}
