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
import org.mlmsuite.classification.ClassifierDistillation;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import picocli.CommandLine;

/** classify train (the teacher) -> distill -> classify eval/predict on the student, through the CLI. */
class DistillCommandTest {
  @TempDir static Path tmp;
  static final List<String> FILLER = List.of("the", "movie", "was", "a", "plot", "and", "it");
  static Path teacher;
  static Path train;
  static Path dev;
  static Path unlabeled;
  static Path student;
  static MainTest.Captured distilled;

  static String rows(int n, long seed, boolean labels) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(labels ? "review\tsentiment\n" : "");
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      for (int k = 0; k < 3 + r.nextInt(5); k++) {
        words.add(FILLER.get(r.nextInt(FILLER.size())));
      }
      words.add(r.nextInt(words.size()), i % 2 == 0 ? "good" : "bad");
      sb.append(String.join(" ", words)).append(labels ? (i % 2 == 0 ? "\tpos\n" : "\tneg\n") : "\n");
    }
    return sb.toString();
  }

  @BeforeAll
  static void teacherAndStudent() throws IOException {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(FILLER);
    tokens.addAll(List.of("good", "bad"));
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    UntrainedBackbone.write(tmp.resolve("backbone"), TransformerConfig.micro(tokens.size()), tok, 3);
    train = Files.writeString(tmp.resolve("train.tsv"), rows(200, 1, true));
    dev = Files.writeString(tmp.resolve("dev.tsv"), rows(40, 2, true));
    unlabeled = Files.writeString(tmp.resolve("unlabeled.txt"), rows(100, 3, false));
    teacher = tmp.resolve("teacher");
    MainTest.Captured t = MainTest.Captured.run("classify", "train", "--backbone", tmp.resolve("backbone").toString(),
        "--train", train.toString(), "--text-column", "review", "--label-column", "sentiment",
        "--out", teacher.toString(), "--steps", "60", "--batch-size", "16", "--lr", "2e-3", "--max-length", "16");
    assertEquals(0, t.exitCode(), t.stderr());
    student = tmp.resolve("student");
    distilled = distill(student, "--augment-copies", "3");
  }

  static MainTest.Captured distill(Path out, String... more) {
    return distill(out, 40, more);
  }

  static MainTest.Captured distill(Path out, int steps, String... more) {
    List<String> args = new ArrayList<>(List.of("distill", "--teacher", teacher.toString(), "--train", train.toString(),
        "--dev", dev.toString(), "--unlabeled", unlabeled.toString(), "--text-column", "review",
        "--label-column", "sentiment", "--out", out.toString(), "--student-preset", "micro", "--steps", Integer.toString(steps),
        "--batch-size", "16", "--lr", "2e-3", "--max-length", "16"));
    args.addAll(List.of(more));
    return MainTest.Captured.run(args.toArray(String[]::new));
  }

  @Test
  void distillWritesAStudentThatClassifyEvalAndPredictUse() throws IOException {
    assertEquals(0, distilled.exitCode(), distilled.stderr());
    assertTrue(distilled.stdout().contains("wrote " + student), distilled.stdout());
    assertTrue(distilled.stdout().matches("(?s)teacher: \\d+ transfer texts \\(\\d+ augmented\\), \\d+ batches run.*"),
        distilled.stdout());
    assertTrue(distilled.stderr().contains("distill: 200 labeled + "), distilled.stderr());
    JsonNode info = new ObjectMapper().readTree(student.resolve("classifier.json").toFile());
    assertEquals("[\"neg\",\"pos\"]", info.get("labels").toString());
    assertEquals(2.0, info.at("/provenance/settings/distillation/temperature").asDouble(), 0);
    assertEquals(300, info.at("/provenance/taskDetails/transferTexts").asInt()
        - info.at("/provenance/taskDetails/augmentedTexts").asInt());

    MainTest.Captured eval = MainTest.Captured.run("classify", "eval", "--model", student.toString(),
        "--test", dev.toString(), "--report", tmp.resolve("report").toString());
    assertEquals(0, eval.exitCode(), eval.stderr());
    assertTrue(Files.isRegularFile(tmp.resolve("report/report.json")));
    // the table's first row is the model: "<name> <accuracy> ..."
    String row = eval.stdout().lines().filter(l -> l.startsWith("student ")).findFirst().orElseThrow();
    assertTrue(Double.parseDouble(row.trim().split("\\s+")[1]) >= 0.9, eval.stdout());

    Path predictions = tmp.resolve("predictions.csv");
    MainTest.Captured predict = MainTest.Captured.run("classify", "predict", "--model", student.toString(),
        "--input", dev.toString(), "--text-column", "review", "--output", predictions.toString());
    assertEquals(0, predict.exitCode(), predict.stderr());
    assertEquals(41, Files.readAllLines(predictions).size());
  }

  @Test
  void aRerunReadsTheTeachersOutputsFromTheCache() {
    Path out = tmp.resolve("rerun");
    MainTest.Captured first = distill(out, 2, "--augment-copies", "3");
    assertEquals(0, first.exitCode(), first.stderr());
    assertTrue(first.stdout().contains(" batches run, cached in " + out + ".distill"), first.stdout());
    MainTest.Captured again = distill(out, 2, "--augment-copies", "3", "--overwrite", "--temperature", "3");
    assertEquals(0, again.exitCode(), again.stderr());
    assertTrue(again.stdout().contains("transfer texts") && again.stdout().contains(", read from "), again.stdout());
  }

  @Test
  void maskedLmAugmentationUsesTheTeachersBackbone() {
    Path out = tmp.resolve("mlm-student");
    MainTest.Captured run = distill(out, 2, "--augment-with", "mlm", "--augment-copies", "2");
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(Files.isRegularFile(out.resolve("classifier.json")));
  }

  @Test
  void badSettingsAreOneLineExitTwoAndWriteNothing() {
    for (String[] bad : List.of(new String[] {"--alpha", "1.5"}, new String[] {"--student-preset", "huge"},
        new String[] {"--augment-with", "glove"}, new String[] {"--temperature", "0"})) {
      Path out = tmp.resolve("bad");
      MainTest.Captured run = distill(out, bad);
      assertEquals(Main.EXIT_USER_ERROR, run.exitCode(), String.join(" ", bad) + ": " + run.stderr());
      assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
      assertTrue(run.stderr().contains(bad[0]), run.stderr());
      assertFalse(Files.exists(out), String.join(" ", bad));
    }
  }

  @Test
  void defaultsAreTheLibrarys() {
    DistillCommand command = new DistillCommand();
    new CommandLine(command).parseArgs("--teacher", "t", "--train", "sst2", "--out", "s");
    assertEquals(ClassifierTrainingConfig.defaults(), command.training.config());
    assertEquals(ClassifierDistillation.Settings.defaults(42), command.settings());
    assertEquals(ClassifierDistillation.Student.preset("tiny"), command.student());
  }
}
