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
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/**
 * {@code mlm summarize train --mode abstractive} -> eval -> run on a tiny JSONL of dialogues (the
 * reference is the first turn's words; a short run, so this checks the plumbing, not quality).
 */
class SummarizeAbstractiveCommandTest {
  static final List<String> WORDS = List.of("apple", "river", "stone", "cloud", "table", "green", "music", "paper");
  @TempDir static Path tmp;
  static Path model;
  static MainTest.Captured trained;

  static Path data(String name, int n, long seed) throws IOException {
    Random r = new Random(seed);
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      StringBuilder doc = new StringBuilder();
      String first = null;
      int turns = i % 10 == 0 ? 6 : 2; // every tenth dialogue is longer than the 32 positions
      for (int t = 0; t < turns; t++) {
        String words = WORDS.get(r.nextInt(WORDS.size())) + " " + WORDS.get(r.nextInt(WORDS.size())) + " "
            + WORDS.get(r.nextInt(WORDS.size()));
        first = first == null ? words : first;
        doc.append("#Person").append(t % 2 + 1).append("#: ").append(words).append('\n');
      }
      var node = json.createObjectNode();
      
      node.put("dialogue", doc.toString());
      node.put("gold", first);
      out.append(json.writeValueAsString(node)).append('\n');
    }
    Path file = tmp.resolve(name + ".jsonl");
    Files.writeString(file, out);
    return file;
  }

  @BeforeAll
  static void train() throws IOException {
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(Stream.of(Vocabulary.SPECIAL_TOKENS, WORDS,
        List.of("#", ":", "person", "##1", "##2")).flatMap(List::stream).toList()), TokenizerConfig.uncased());
    UntrainedBackbone.write(tmp.resolve("backbone"), TransformerConfig.micro(tok.vocabulary().size()).withMaxPositions(32),
        tok, 3);
    Path train = data("train", 200, 1);
    Path dev = data("dev", 20, 2);
    data("test", 20, 3);
    model = tmp.resolve("sum");
    trained = MainTest.Captured.run("summarize", "train", "--mode", "abstractive", "--backbone",
        tmp.resolve("backbone").toString(), "--train", train.toString(), "--dev", dev.toString(),
        "--document-field", "dialogue", "--summary-field", "gold", "--out", model.toString(), "--steps", "40",
        "--batch-size", "16", "--lr", "3e-3", "--max-target-length", "10", "--eval-every", "20");
  }

  @Test
  void trainWritesAnAbstractiveSummarizerWithItsDecodingDefaults() throws IOException {
    assertEquals(0, trained.exitCode(), trained.stderr());
    // 20 of the 200 training dialogues have 6 turns = 50 word pieces > 32 positions
    assertTrue(trained.stdout().contains("20 of 200 documents truncated to 32 word pieces"), trained.stdout());
    assertTrue(trained.stdout().contains("dev: loss"), trained.stdout());
    ObjectMapper json = new ObjectMapper();
    assertEquals("abstractive", json.readTree(model.resolve("summarizer.json").toFile()).get("mode").asText());
    JsonNode generation = json.readTree(model.resolve("seq2seq.json").toFile()).get("generation");
    assertEquals(4, generation.get("beamSize").asInt());
    assertEquals(1.0, generation.get("lengthPenalty").asDouble());
    assertEquals(3, generation.get("minLength").asInt(), "5th percentile of 3-word references");
    assertEquals(10, generation.get("maxLength").asInt());
    assertEquals(3, generation.get("noRepeatNgramSize").asInt());
  }

  @Test
  void evalScoresTheModelBesideLeadAndLongestBaselines() throws IOException {
    Path summaries = tmp.resolve("out/summaries.jsonl");
    MainTest.Captured out = MainTest.Captured.run("summarize", "eval", "--model", model.toString(), "--test",
        tmp.resolve("test.jsonl").toString(), "--document-field", "dialogue", "--summary-field", "gold",
        "--beam", "2", "--summaries", summaries.toString(), "--report", tmp.resolve("report").toString(),
        "--baseline-model", model.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    // the same folder again as a baseline model, decoded with its saved beam of 4, and paired with the beam-2 run
    String name = model.getFileName().toString();
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("vs " + name + ": rouge1 [+-]\\d+\\.\\d\\d \\(p .*\\) "
        + "rouge2 .* rougeL .* rougeLsum .*")), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.startsWith("vs lead-3: rouge1 ")), out.stdout());
    assertTrue(out.stdout().contains("20 examples (2 truncated)"), out.stdout());
    assertTrue(out.stdout().contains("lead-3 *"), out.stdout());
    assertTrue(out.stdout().contains("longest-3 *"), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.startsWith("sum ")), out.stdout());
    assertTrue(out.stderr().contains("beam 2, length penalty 1.0, min length 3, max length 10, no-repeat 3-grams"),
        out.stderr());
    assertTrue(Files.isRegularFile(tmp.resolve("report/report.json")));
    List<String> lines = Files.readAllLines(summaries);
    assertEquals(20, lines.size());
    // file examples are identified by file:line
    assertTrue(new ObjectMapper().readTree(lines.get(0)).get("id").asText().endsWith("test.jsonl:1"), lines.get(0));
  }

  @Test
  void runSummarizesJsonLinesFromStdinInOrder() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(("{\"id\": 7, \"document\": \"#Person1#: apple river stone\\n#Person2#: "
          + "music paper green\"}\n\n{\"document\": \"#Person1#: cloud table green\"}\n").getBytes(StandardCharsets.UTF_8)));
      MainTest.Captured out = MainTest.Captured.run("summarize", "run", "--model", model.toString(), "--beam", "1",
          "--max-length", "6");
      assertEquals(0, out.exitCode(), out.stderr());
      List<String> lines = out.stdout().lines().toList();
      // line-aligned with the input: the blank line between the two documents stays blank
      assertEquals(3, lines.size(), out.stdout());
      assertTrue(lines.get(0).startsWith("{\"id\":7,\"summary\":\""), lines.get(0));
      assertEquals("", lines.get(1));
      assertTrue(lines.get(2).startsWith("{\"summary\":\""), lines.get(2));
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void flagsOfTheOtherModeAndBadInputAreOneLineErrors() {
    MainTest.Captured k = MainTest.Captured.run("summarize", "train", "--mode", "abstractive", "--backbone",
        tmp.resolve("backbone").toString(), "--train", tmp.resolve("train.jsonl").toString(), "--k", "2",
        "--out", tmp.resolve("x").toString());
    assertEquals(2, k.exitCode());
    assertTrue(k.stderr().contains("--k does not apply to abstractive summarization"), k.stderr());
    assertFalse(Files.exists(tmp.resolve("x")));

    MainTest.Captured dev = MainTest.Captured.run("summarize", "train", "--backbone", tmp.resolve("backbone").toString(),
        "--train", tmp.resolve("train.jsonl").toString(), "--dev", "dialogsum:dev", "--out", tmp.resolve("y").toString());
    assertEquals(2, dev.exitCode());
    assertTrue(dev.stderr().contains("--dev does not apply to extractive summarization"), dev.stderr());

    MainTest.Captured min = MainTest.Captured.run("summarize", "eval", "--model", model.toString(), "--test",
        tmp.resolve("test.jsonl").toString(), "--document-field", "dialogue", "--summary-field", "gold",
        "--min-length", "12");
    assertEquals(2, min.exitCode());
    assertTrue(min.stderr().contains("minLength must be >= 0 and below maxLength 10, got 12"), min.stderr());

    MainTest.Captured evalK = MainTest.Captured.run("summarize", "eval", "--model", model.toString(), "--test",
        tmp.resolve("test.jsonl").toString(), "--document-field", "dialogue", "--summary-field", "gold", "--k", "2");
    assertEquals(2, evalK.exitCode());
    assertTrue(evalK.stderr().contains("--k does not apply to abstractive summarization"), evalK.stderr());

    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("{\"document\": \"apple\"}\n{\"text\": 1}\n".getBytes(StandardCharsets.UTF_8)));
      MainTest.Captured run = MainTest.Captured.run("summarize", "run", "--model", model.toString());
      assertEquals(2, run.exitCode());
      assertTrue(run.stderr().contains("stdin:2: field 'document' is missing, empty or not a string"), run.stderr());
    } finally {
      System.setIn(saved);
    }
    try {
      // DialogSum-style records name the document 'dialogue'
      System.setIn(new ByteArrayInputStream("{\"dialogue\": \"#Person1#: apple river\"}\n".getBytes(StandardCharsets.UTF_8)));
      MainTest.Captured dialogue = MainTest.Captured.run("summarize", "run", "--model", model.toString(),
          "--document-field", "dialogue", "--beam", "1", "--max-length", "6");
      assertEquals(0, dialogue.exitCode(), dialogue.stderr());
      assertTrue(dialogue.stdout().startsWith("{\"summary\":\""), dialogue.stdout());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void helpDescribesBothModes() {
    MainTest.Captured train = MainTest.Captured.run("summarize", "train", "--help");
    assertEquals(0, train.exitCode(), train.stderr());
    assertTrue(oneLine(train).contains("--mode abstractive: a BERT2BERT encoder-decoder"), train.stdout());
    assertTrue(oneLine(train).contains("--no-repeat-ngram"), train.stdout());
    assertTrue(oneLine(train).contains("10% warmup"), train.stdout());
    MainTest.Captured eval = MainTest.Captured.run("summarize", "eval", "--help");
    assertEquals(0, eval.exitCode(), eval.stderr());
    assertTrue(oneLine(eval).contains("95% bootstrap"), eval.stdout());
    assertTrue(oneLine(eval).contains("--min-length"), eval.stdout());
    MainTest.Captured run = MainTest.Captured.run("summarize", "run", "--help");
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(oneLine(run).contains("--beam"), run.stdout());
  }

  /** The help text with line breaks and wrap indents as single spaces: it wraps at the terminal's width. */
  private static String oneLine(MainTest.Captured help) {
    return help.stdout().replaceAll("\\s+", " ");
  }
}
