package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.DelimitedFormat;
import org.mlmsuite.datasets.DelimitedReader;
import org.mlmsuite.datasets.DelimitedRow;

/**
 * What {@code mlm classify} does, called as a library: training from data named as on the command
 * line, evaluation against a baseline model and doccat with its report, prediction files and lines.
 */
class ClassifierLibraryApiTest {
  static final String NL = "\r\n".equals(System.lineSeparator()) ? "\r\n" : "\n";
  @TempDir static Path tmp;
  static Path train;
  static Path model;
  static Path other;
  static TextClassifier classifier;

  @BeforeAll
  static void fineTune() throws IOException {
    Path backbone = tmp.resolve("backbone");
    SyntheticReviews.backbone(backbone);
    train = SyntheticReviews.csv(tmp.resolve("train.csv"), SyntheticReviews.rows(256, 1));
    Path dev = SyntheticReviews.csv(tmp.resolve("dev.csv"), SyntheticReviews.rows(64, 2));
    LabeledData.Options columns = LabeledData.Options.defaults().withColumns(new TextColumns("review", null, "sentiment"));
    ClassifierTraining training = new ClassifierTraining(m -> {}, TrainingProgress.silent());
    model = tmp.resolve("clf");
    training.run(new ClassifierTrainingData(train.toString(), dev.toString(), 0, columns).request(backbone,
        ClassifierTrainingConfig.defaults(80).withLearningRate(2e-3).withBatch(16, 16).withEvaluation(40, 0, "accuracy"),
        model, false, false));
    other = tmp.resolve("other");
    training.run(new ClassifierTrainingData(train.toString(), null, 200, columns).request(backbone,
        ClassifierTrainingConfig.defaults(2).withBatch(16, 16), other, false, false));
    classifier = TextClassifier.load(model);
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  @Test
  void trainingDataIsReadAndSampledAsTheCommandLineNamesIt() {
    try (TextClassifier sampled = TextClassifier.load(other)) {
      TrainingProvenance provenance = sampled.info().provenance();
      assertEquals(200, provenance.trainExamples());
      assertEquals(train.toAbsolutePath().normalize().toString(), provenance.trainSource());
      assertEquals(train.toAbsolutePath().normalize() + " (random 200 of 256, seed 42)", provenance.train());
      assertEquals(42, provenance.seed());
      assertEquals("review", sampled.info().textColumn());
    }
  }

  @Test
  void evaluationScoresTheModelAgainstABaselineModelAndDoccatAndWritesTheReport() throws IOException {
    Path test = SyntheticReviews.csv(tmp.resolve("test.csv"), SyntheticReviews.rows(60, 3));
    List<String> messages = new ArrayList<>();
    ClassifierEvaluation.Result result = ClassifierEvaluation.run(ClassifierEvaluation.Request.of(model, test.toString())
        .withBaselineModels(List.of(other)).withBaselines(List.of("doccat"), null)
        .withCommandLine(List.of("mlm", "classify", "eval", "--test", "a b")), messages::add);

    assertEquals("clf", result.system().system());
    assertTrue(result.system().report().accuracy() >= 0.9, "accuracy " + result.system().report().accuracy());
    assertEquals(List.of("other", DoccatBaseline.NAME), result.baselines().stream().map(ClassifierEvaluation.Scored::system).toList());
    assertTrue(result.baselines().stream().allMatch(ClassifierEvaluation.Scored::baseline));
    assertEquals(60, result.test().size());
    // without --baseline-train, doccat learns from the model's whole training file, not its sample
    assertEquals(List.of("classify: training the doccat baseline on " + train.toAbsolutePath().normalize() + " (256 examples)"),
        messages);

    assertEquals(model.resolve("eval"), result.reportDir());
    String json = Files.readString(model.resolve("eval/report.json"));
    assertTrue(json.contains("mlm classify eval --test 'a b'"), json);
    assertTrue(json.contains("exact McNemar") && json.contains("\"p_value\""), json);
    assertTrue(json.contains("\"seed\" : 42") || json.contains("\"seed\":42"), json);
    assertTrue(Files.isRegularFile(model.resolve("eval/report.md")));
    assertTrue(Files.isRegularFile(model.resolve("eval/report.html")));
  }

  @Test
  void anUnknownBaselineIsRefusedByName() throws IOException {
    Path test = SyntheticReviews.csv(tmp.resolve("test-unknown.csv"), SyntheticReviews.rows(10, 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifierEvaluation.run(
        ClassifierEvaluation.Request.of(model, test.toString()).withBaselines(List.of("maxent"), null)
            .withReportDir(tmp.resolve("never")), m -> {}));
    assertEquals("--baseline: unknown baseline 'maxent' (known: doccat)", e.getMessage());
  }

  @Test
  void aWrongBaselineIsRefusedBeforeTheModelReadsTheTestSet() {
    // the test file does not exist: an error about it would mean the baselines were checked after the model's pass
    String missingTest = tmp.resolve("no-such-test.csv").toString();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifierEvaluation.run(
        ClassifierEvaluation.Request.of(model, missingTest).withBaselineModels(List.of(tmp))
            .withReportDir(tmp.resolve("never")), m -> {}));
    assertTrue(e.getMessage().startsWith("not a model directory: " + tmp), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClassifierEvaluation.run(
        ClassifierEvaluation.Request.of(model, missingTest).withBaselines(List.of("maxent"), null), m -> {}));
    assertEquals("--baseline: unknown baseline 'maxent' (known: doccat)", e.getMessage());
    assertTrue(!Files.exists(tmp.resolve("never")));
  }

  @Test
  void aPredictionFileKeepsEveryFieldIntactAndAddsLabelAndProbabilities() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.csv"),
        "id,review\n1,\"good, \"\"good\"\"\nmovie\"\n,bad plot\n3, awful film \n");
    Path out = tmp.resolve("preds.csv");
    ClassifierPredictions.writeFile(classifier, in, out, ClassifierPredictions.Columns.defaults());

    List<DelimitedRow> rows = readAll(out, DelimitedFormat.csv());
    assertEquals(List.of("1", "good, \"good\"\nmovie"), rows.get(0).fields().subList(0, 2));
    assertEquals(SyntheticReviews.POSITIVE, rows.get(0).fields().get(2));
    assertEquals(List.of("", "bad plot", SyntheticReviews.NEGATIVE), rows.get(1).fields().subList(0, 3));
    assertEquals(List.of("3", " awful film ", SyntheticReviews.NEGATIVE), rows.get(2).fields().subList(0, 3));
    for (DelimitedRow row : rows) {
      double sum = Double.parseDouble(row.fields().get(3)) + Double.parseDouble(row.fields().get(4));
      assertEquals(1.0, sum, 1e-5);
    }
    // the bytes: Commons CSV's minimal quoting
    String text = Files.readString(out);
    assertTrue(text.startsWith("id,review,predicted_label,p:not good at all,p:très bien 😀" + NL
        + "1,\"good, \"\"good\"\"\nmovie\"," + SyntheticReviews.POSITIVE + ","), text);
    assertTrue(text.contains(NL + "\"\",bad plot," + SyntheticReviews.NEGATIVE + ","), text);
    assertTrue(text.contains(NL + "3,\" awful film \"," + SyntheticReviews.NEGATIVE + ","), text);
    assertTrue(text.endsWith(NL), text);
    assertEquals(5, text.split(NL, -1).length - 1, text); // header, 3 rows, the line break in a quoted field
  }

  @Test
  void aTsvPredictionFileQuotesFieldsWithATab() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.tsv"), "review\tnote\ngreat film\t\"a\tb\"\n");
    Path out = tmp.resolve("preds.tsv");
    ClassifierPredictions.writeFile(classifier, in, out, ClassifierPredictions.Columns.defaults());
    String text = Files.readString(out);
    assertTrue(text.startsWith("review\tnote\tpredicted_label\tp:not good at all\tp:très bien 😀" + NL
        + "great film\t\"a\tb\"\t" + SyntheticReviews.POSITIVE + "\t"), text);
    assertEquals(List.of("great film", "a\tb"), readAll(out, DelimitedFormat.tsv()).get(0).fields().subList(0, 2));
  }

  @Test
  void aHeaderOnlyInputGivesAHeaderOnlyOutput() throws IOException {
    Path in = Files.writeString(tmp.resolve("empty.csv"), "id,review\n");
    Path out = tmp.resolve("empty-preds.csv");
    ClassifierPredictions.writeFile(classifier, in, out, ClassifierPredictions.Columns.defaults());
    assertEquals("id,review,predicted_label,p:not good at all,p:très bien 😀" + NL, Files.readString(out));
  }

  @Test
  void anInputThatAlreadyHasAProbabilityColumnIsRefusedAndNothingIsWritten() throws IOException {
    Path in = Files.writeString(tmp.resolve("again.csv"), "review,p:not good at all\ngood movie,0.1\n");
    Path out = tmp.resolve("again-preds.csv");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassifierPredictions.writeFile(classifier, in, out, ClassifierPredictions.Columns.defaults()));
    assertEquals(in + ": already has a column 'p:not good at all', which the predictions would add again;"
        + " remove it or rename it", e.getMessage());
    assertFalse(Files.exists(out));
    try (var files = Files.list(tmp)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temp file left behind");
    }
  }

  @Test
  void linesGetAHeaderAndOneTabSeparatedPredictionEach() throws IOException {
    StringWriter out = new StringWriter();
    ClassifierPredictions.writeLines(classifier, new BufferedReader(new StringReader("a great film\nbad plot\n")),
        "stdin", new PrintWriter(out));
    List<String> lines = out.toString().lines().toList();
    assertEquals("label\tp(not good at all)\tp(très bien 😀)", lines.get(0));
    assertTrue(lines.get(1).matches(SyntheticReviews.POSITIVE + "\t0\\.\\d{6}\t[01]\\.\\d{6}"), lines.get(1));
    assertTrue(lines.get(2).startsWith(SyntheticReviews.NEGATIVE + "\t"), lines.get(2));
    assertEquals(3, lines.size());
  }

  @Test
  void anEmptyLineIsAnErrorNamingTheInputAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassifierPredictions.writeLines(
        classifier, new BufferedReader(new StringReader("good film\n \n")), "stdin", new PrintWriter(new StringWriter())));
    assertEquals("stdin:2: empty text", e.getMessage());
  }

  static List<DelimitedRow> readAll(Path file, DelimitedFormat format) throws IOException {
    try (DelimitedReader reader = DelimitedReader.open(file, format, BadRowPolicy.FAIL)) {
      return reader.readAll();
    }
  }
}
