package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Collections;
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

/** train (TSV) -> eval (line-aligned files, greedy and beam) -> run (stdin) through the CLI. */
class TranslateCommandTest {
  static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g", "h");
  @TempDir static Path tmp;
  static Path model;
  static MainTest.Captured trained;

  /** Letter sequences and their reversal, as a TSV with header and as two line-aligned files. */
  static Path data(String name, int n, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder tsv = new StringBuilder("en\tde\n");
    StringBuilder src = new StringBuilder();
    StringBuilder tgt = new StringBuilder();
    for (int i = 0; i < n; i++) {
      List<String> letters = new ArrayList<>();
      for (int k = 0; k < 2 + r.nextInt(3); k++) {
        letters.add(LETTERS.get(r.nextInt(LETTERS.size())));
      }
      String s = String.join(" ", letters);
      Collections.reverse(letters);
      String t = String.join(" ", letters);
      tsv.append(s).append('\t').append(t).append('\n');
      src.append(s).append('\n');
      tgt.append(t).append('\n');
    }
    Files.writeString(tmp.resolve(name + ".src"), src);
    Files.writeString(tmp.resolve(name + ".tgt"), tgt);
    Path file = tmp.resolve(name + ".tsv");
    Files.writeString(file, tsv);
    return file;
  }

  @BeforeAll
  static void train() throws IOException {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(LETTERS);
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    UntrainedBackbone.write(tmp.resolve("backbone"), TransformerConfig.micro(tokens.size()).withMaxPositions(32), tok, 3);
    Path train = data("train", 2000, 1);
    data("test", 60, 2);
    model = tmp.resolve("mt");
    trained = MainTest.Captured.run("translate", "train", "--backbone", tmp.resolve("backbone").toString(),
        "--train", train.toString(), "--source-column", "en", "--target-column", "de",
        "--dev-source-file", tmp.resolve("test.src").toString(), "--dev-target-file", tmp.resolve("test.tgt").toString(),
        "--out", model.toString(), "--steps", "300", "--batch-size", "32", "--lr", "3e-3",
        "--max-source-length", "12", "--max-target-length", "12", "--beam", "2");
  }

  @Test
  void trainWritesASeq2SeqModelWithItsSettings() throws IOException {
    assertEquals(0, trained.exitCode(), trained.stderr());
    assertTrue(trained.stdout().contains("wrote " + model), trained.stdout());
    assertTrue(trained.stdout().contains("dev: loss"), trained.stdout());
    ObjectMapper json = new ObjectMapper();
    assertEquals("seq2seq", json.readTree(model.resolve("model.json").toFile()).get("kind").asText());
    JsonNode settings = json.readTree(model.resolve("seq2seq.json").toFile());
    assertEquals(12, settings.get("maxTargetLength").asInt());
    assertEquals(2, settings.get("generation").get("beamSize").asInt());
    assertTrue(json.readTree(model.resolve("translation.json").toFile()).get("train").asText().endsWith("train.tsv"));
  }

  @Test
  void evalScoresGreedyAndBeamAgainstTheCopyBaselineAndWritesTheReport() throws IOException {
    Path hyp = tmp.resolve("out/hyp.txt");
    MainTest.Captured out = MainTest.Captured.run("translate", "eval", "--model", model.toString(),
        "--source-file", tmp.resolve("test.src").toString(), "--target-file", tmp.resolve("test.tgt").toString(),
        "--beam", "1,3", "--hypotheses", hyp.toString(), "--report", tmp.resolve("report").toString());
    assertEquals(0, out.exitCode(), out.stderr());
    assertTrue(out.stdout().contains("greedy, max 12"), out.stdout());
    assertTrue(out.stdout().contains("beam 3, length penalty 1.0, max 12"), out.stdout());
    assertTrue(out.stdout().contains("baseline: copy source"), out.stdout());
    assertTrue(out.stdout().contains("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp"), out.stdout());
    assertEquals(60, Files.readAllLines(hyp).size());
    String report = Files.readString(tmp.resolve("report/report.json"));
    assertTrue(report.contains("BLEU") && report.contains("chrF2") && report.contains("Casing"), report);
  }

  @Test
  void runTranslatesStdinLineByLineKeepingBlankLines() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("a b c\n\nh g\n".getBytes(StandardCharsets.UTF_8)));
      MainTest.Captured out = MainTest.Captured.run("translate", "run", "--model", model.toString(), "--beam", "1");
      assertEquals(0, out.exitCode(), out.stderr());
      String[] lines = out.stdout().split("\n", -1);
      assertEquals(4, lines.length, out.stdout()); // three lines and the final newline
      assertEquals("", lines[1]);
      assertTrue(!lines[0].isBlank() && !lines[2].isBlank(), out.stdout());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void missingDataIsAOneLineUserError() {
    MainTest.Captured out = MainTest.Captured.run("translate", "eval", "--model", model.toString(),
        "--source-file", tmp.resolve("test.src").toString());
    assertEquals(2, out.exitCode());
    assertTrue(out.stderr().contains("give --test (dataset[:split] or CSV/TSV) or both --source-file and --target-file"),
        out.stderr());
  }
}
