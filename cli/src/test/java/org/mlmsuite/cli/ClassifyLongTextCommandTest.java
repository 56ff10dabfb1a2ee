package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.classification.LongTextStrategy;
import picocli.CommandLine;

/** {@code --long-text}, {@code --stride} and {@code --pool} on classify train, eval and predict (a few steps: wiring, not quality). */
class ClassifyLongTextCommandTest {
  @TempDir static Path tmp;
  static Path model;
  static Path data;
  static MainTest.Captured trained;

  @BeforeAll
  static void train() throws IOException {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(ClassifyCommandTest.FILLER);
    tokens.addAll(List.of("good", "bad"));
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    UntrainedBackbone.write(tmp.resolve("backbone"), TransformerConfig.micro(tokens.size()), tok, 3);
    StringBuilder tsv = new StringBuilder("text\tlabel\n");
    for (int i = 0; i < 24; i++) {
      tsv.append("the movie was a plot and it was a plot and it ").append(i % 2 == 0 ? "good" : "bad")
          .append('\t').append(i % 2 == 0 ? "pos" : "neg").append('\n');
    }
    data = Files.writeString(tmp.resolve("long.tsv"), tsv.toString());
    model = tmp.resolve("clf");
    trained = MainTest.Captured.run("classify", "train", "--backbone", tmp.resolve("backbone").toString(),
        "--train", data.toString(), "--out", model.toString(), "--steps", "4", "--batch-size", "8",
        "--max-length", "8", "--long-text", "sliding", "--stride", "4", "--pool", "max");
  }

  @Test
  void trainSavesTheStrategyAndSaysHowLongTextsWereRead() throws IOException {
    assertEquals(0, trained.exitCode(), trained.stderr());
    JsonNode info = new ObjectMapper().readTree(model.resolve("classifier.json").toFile());
    assertEquals("{\"kind\":\"sliding\",\"stride\":4,\"pool\":\"max\"}", info.get("longText").toString());
    // 13 pieces, windows of 6 every 4: starts 0, 4, then 7 aligned to the end
    assertTrue(trained.stderr().contains("24 of 24 examples in " + data + " (100.0%) exceed 8 tokens; read as "
        + "sliding windows (stride 4, max of logits): 72 windows in all"), trained.stderr());
  }

  @Test
  void flagsParseIntoTheTrainingConfig() {
    ClassifyCommand.Train train = new ClassifyCommand.Train();
    new CommandLine(train).parseArgs("--backbone", "bb", "--train", "imdb", "--out", "clf", "--max-length", "256",
        "--long-text", "head+tail");
    assertEquals(LongTextStrategy.headTail(null), train.config().longText());
    new CommandLine(train).parseArgs("--backbone", "bb", "--train", "imdb", "--out", "clf", "--long-text", "sliding",
        "--stride", "32", "--pool", "max");
    assertEquals(LongTextStrategy.sliding(32, LongTextStrategy.Pool.MAX), train.config().longText());
  }

  @Test
  void aStrideLongerThanTheWindowIsOneLineNamingTheLimit() {
    MainTest.Captured out = MainTest.Captured.run("classify", "eval", "--model", model.toString(),
        "--test", data.toString(), "--long-text", "sliding", "--stride", "7");
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode(), out.stderr());
    assertEquals("mlm: --stride 7: must be 1..6, the window's content (max length 8 minus [CLS] and [SEP])",
        out.stderr().strip());
    MainTest.Captured train = MainTest.Captured.run("classify", "train", "--backbone", tmp.resolve("backbone").toString(),
        "--train", data.toString(), "--out", tmp.resolve("never").toString(), "--long-text", "sliding", "--stride", "0");
    assertEquals(Main.EXIT_USER_ERROR, train.exitCode(), train.stderr());
    assertEquals("mlm: --stride 0: must be 1..126, the window's content (max length 128 minus [CLS] and [SEP])",
        train.stderr().strip());
    assertFalse(Files.exists(tmp.resolve("never")));
  }

  @Test
  void strideWithoutSlidingAndUnknownKindsAreUserErrors() {
    MainTest.Captured stride = MainTest.Captured.run("classify", "eval", "--model", model.toString(),
        "--test", data.toString(), "--long-text", "truncate", "--stride", "3");
    assertEquals(Main.EXIT_USER_ERROR, stride.exitCode(), stride.stderr());
    assertEquals("mlm: --stride and --pool need --long-text sliding (got truncate)", stride.stderr().strip());
    MainTest.Captured kind = MainTest.Captured.run("classify", "predict", "--model", model.toString(),
        "--long-text", "middle");
    assertEquals(Main.EXIT_USER_ERROR, kind.exitCode(), kind.stderr());
    assertEquals("mlm: --long-text: expected truncate, head+tail or sliding, got 'middle'", kind.stderr().strip());
  }

  @Test
  void strideOrPoolAloneChangeTheSlidingWindowsTheModelWasTrainedWith() throws IOException {
    // the model was trained with sliding windows, stride 4, max pooling
    MainTest.Captured eval = MainTest.Captured.run("classify", "eval", "--model", model.toString(),
        "--test", data.toString(), "--pool", "mean", "--report", tmp.resolve("report-mean").toString());
    assertEquals(0, eval.exitCode(), eval.stderr());
    // the report's model config says how the model read the test set
    String report = Files.readString(tmp.resolve("report-mean").resolve("report.json")).replaceAll("\\s", "");
    assertTrue(report.contains("\"longText\":{\"kind\":\"sliding\",\"stride\":4,\"pool\":\"mean\"}"), report);
  }

  @Test
  void evalAndPredictReadAsTrainedOrAsTold() {
    MainTest.Captured eval = MainTest.Captured.run("classify", "eval", "--model", model.toString(),
        "--test", data.toString(), "--long-text", "head+tail", "--report", tmp.resolve("report").toString());
    assertEquals(0, eval.exitCode(), eval.stderr());
    InputStream oldIn = System.in;
    MainTest.Captured predict;
    try {
      System.setIn(new ByteArrayInputStream("the movie was a plot and it was a plot and it good\n"
          .getBytes(StandardCharsets.UTF_8)));
      predict = MainTest.Captured.run("classify", "predict", "--model", model.toString());
    } finally {
      System.setIn(oldIn);
    }
    assertEquals(0, predict.exitCode(), predict.stderr());
    assertEquals(2, predict.stdout().lines().count(), predict.stdout());
  }
}
