package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/** train -> eval (with the doccat baseline) -> predict through the CLI, on a cue-word task. */
class ClassifyCommandTest {
  @TempDir static Path tmp;
  static Path model;
  static MainTest.Captured trained;
  static final List<String> FILLER = List.of("the", "movie", "was", "a", "plot", "and", "it");

  static Path tsv(String name, int n, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("review\tsentiment\n");
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      for (int k = 0; k < 3 + r.nextInt(5); k++) {
        words.add(FILLER.get(r.nextInt(FILLER.size())));
      }
      words.add(r.nextInt(words.size()), i % 2 == 0 ? "good" : "bad");
      sb.append(String.join(" ", words)).append('\t').append(i % 2 == 0 ? "pos itive" : "négatif").append('\n');
    }
    Path file = tmp.resolve(name);
    Files.writeString(file, sb.toString());
    return file;
  }

  @BeforeAll
  static void train() throws IOException {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(FILLER);
    tokens.addAll(List.of("good", "bad"));
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    UntrainedBackbone.write(tmp.resolve("backbone"), TransformerConfig.micro(tokens.size()), tok, 3);
    Path train = tsv("train.tsv", 200, 1);
    Path dev = tsv("dev.tsv", 40, 2);
    model = tmp.resolve("clf");
    trained = MainTest.Captured.run("classify", "train", "--backbone", tmp.resolve("backbone").toString(),
        "--train", train.toString(), "--dev", dev.toString(), "--text-column", "review", "--label-column", "sentiment",
        "--out", model.toString(), "--steps", "60", "--batch-size", "16", "--lr", "2e-3", "--max-length", "16",
        "--eval-every", "20");
  }

  @Test
  void trainWritesAClassifierThatLearnedTheTask() throws IOException {
    assertEquals(0, trained.exitCode(), trained.stderr());
    assertTrue(trained.stdout().contains("wrote " + model), trained.stdout());
    JsonNode info = new ObjectMapper().readTree(model.resolve("classifier.json").toFile());
    assertEquals("[\"négatif\",\"pos itive\"]", info.get("labels").toString());
    assertEquals("review", info.get("textColumn").asText());
  }

  @Test
  void evalPrintsTheTableAndWritesTheReportWithTheDoccatBaseline() throws IOException {
    Path test = tsv("test.tsv", 60, 3);
    MainTest.Captured out = MainTest.Captured.run("classify", "eval", "--model", model.toString(),
        "--test", test.toString(), "--baseline", "doccat", "--report", tmp.resolve("report").toString());
    assertEquals(0, out.exitCode(), out.stderr());
    assertTrue(out.stdout().contains("baseline: OpenNLP doccat"), out.stdout());
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("report/report.json").toFile());
    String json = report.toString();
    assertTrue(json.contains("\"accuracy\""), json);
    assertTrue(json.contains("exact McNemar") && json.contains("\"p_value\""), json);
    assertTrue(out.stdout().lines().anyMatch(l -> l.startsWith("vs OpenNLP doccat") && l.contains("exact McNemar p = ")),
        out.stdout());
    assertTrue(Files.isRegularFile(tmp.resolve("report/report.html")));
    assertTrue(Files.isRegularFile(tmp.resolve("report/report.md")));
    String accuracyLine = out.stdout().lines().filter(l -> l.startsWith("clf ")).findFirst().orElseThrow();
    double accuracy = Double.parseDouble(accuracyLine.trim().split("\\s+")[1]);
    assertTrue(accuracy >= 0.9, out.stdout());
  }

  @Test
  void unknownLabelIsOneLineNamingFileLineAndLabels() throws IOException {
    Path test = tmp.resolve("bad.tsv");
    Files.writeString(test, "review\tsentiment\ngood movie\tpos itive\nbad plot\tneutral\n");
    MainTest.Captured out = MainTest.Captured.run("classify", "eval", "--model", model.toString(), "--test", test.toString());
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode());
    assertEquals("mlm: " + test + ":3: unknown label 'neutral'; the model knows 2 labels [négatif, pos itive]",
        out.stderr().strip());
  }

  @Test
  void emptyTextInTrainingDataNamesFileAndLine() throws IOException {
    Path train = tmp.resolve("empty.tsv");
    Files.writeString(train, "review\tsentiment\ngood movie\tpos itive\n\tnégatif\n");
    MainTest.Captured out = MainTest.Captured.run("classify", "train", "--backbone", tmp.resolve("backbone").toString(),
        "--train", train.toString(), "--text-column", "review", "--label-column", "sentiment",
        "--out", tmp.resolve("never").toString(), "--steps", "2");
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode(), out.stderr());
    assertTrue(out.stderr().startsWith("mlm: " + train + ":3: "), out.stderr());
    assertTrue(out.stderr().contains("'review'"), out.stderr());
    assertFalse(Files.exists(tmp.resolve("never").resolve("model.json")));
  }

  @Test
  void missingColumnIsAUserError() {
    MainTest.Captured out = MainTest.Captured.run("classify", "eval", "--model", model.toString(),
        "--test", tmp.resolve("train.tsv").toString(), "--text-column", "body");
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode());
    assertTrue(out.stderr().contains("'body'"), out.stderr());
    assertEquals(1, out.stderr().strip().lines().count(), out.stderr());
  }

  @Test
  void predictReadsLinesFromStdin() {
    java.io.InputStream oldIn = System.in;
    MainTest.Captured out;
    try {
      System.setIn(new java.io.ByteArrayInputStream("the movie was good\nbad bad plot\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      out = MainTest.Captured.run("classify", "predict", "--model", model.toString());
    } finally {
      System.setIn(oldIn);
    }
    assertEquals(0, out.exitCode(), out.stderr());
    List<String> lines = out.stdout().lines().toList();
    assertEquals(List.of("label\tp(négatif)\tp(pos itive)"), lines.subList(0, 1));
    assertTrue(lines.get(1).startsWith("pos itive\t"), lines.get(1));
    assertTrue(lines.get(2).startsWith("négatif\t"), lines.get(2));
    assertEquals(3, lines.size());
  }

  @Test
  void predictWritesEveryRowWithLabelAndProbabilities() throws IOException {
    Path in = tmp.resolve("in.csv");
    Files.writeString(in, "id,review\n1,\"good, good movie\"\n2,bad plot\n");
    Path outFile = tmp.resolve("preds.csv");
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", model.toString(),
        "--input", in.toString(), "--output", outFile.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    List<String> lines = Files.readAllLines(outFile);
    assertEquals("id,review,predicted_label,p:négatif,p:pos itive", lines.get(0));
    assertTrue(lines.get(1).startsWith("1,\"good, good movie\",pos itive,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("2,bad plot,négatif,"), lines.get(2));
    String[] p = lines.get(1).split(",");
    assertEquals(1.0, Double.parseDouble(p[p.length - 2]) + Double.parseDouble(p[p.length - 1]), 1e-5);
    try (var files = Files.list(tmp)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temp file left behind");
    }
  }

  @Test
  void predictFailingOnABadRowLeavesTheEarlierOutputUntouched() throws IOException {
    Path in = tmp.resolve("bad-row.csv");
    Files.writeString(in, "id,review\n1,good movie\n2,\n");
    Path outFile = tmp.resolve("earlier-preds.csv");
    Files.writeString(outFile, "earlier results\n");
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", model.toString(),
        "--input", in.toString(), "--output", outFile.toString());
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode(), out.stderr());
    assertTrue(out.stderr().startsWith("mlm: " + in + ":3: "), out.stderr());
    assertEquals("earlier results\n", Files.readString(outFile));
    try (var files = Files.list(tmp)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temp file left behind");
    }
  }

  @Test
  void predictOnAHeaderOnlyInputWritesTheHeader() throws IOException {
    Path in = Files.writeString(tmp.resolve("empty.csv"), "id,review\n");
    Path outFile = tmp.resolve("empty-preds.csv");
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", model.toString(),
        "--input", in.toString(), "--output", outFile.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    assertEquals(List.of("id,review,predicted_label,p:négatif,p:pos itive"), Files.readAllLines(outFile));
  }

  @Test
  void predictRefusesAnInputThatAlreadyHasAPredictionColumn() throws IOException {
    Path in = Files.writeString(tmp.resolve("again.csv"), "review,predicted_label\ngood movie,pos itive\n");
    Path outFile = tmp.resolve("again-preds.csv");
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", model.toString(),
        "--input", in.toString(), "--output", outFile.toString());
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode(), out.stderr());
    assertEquals("mlm: " + in + ": already has a column 'predicted_label', which the predictions would add again;"
        + " remove it or rename it", out.stderr().strip());
    assertFalse(Files.exists(outFile));
  }
}
