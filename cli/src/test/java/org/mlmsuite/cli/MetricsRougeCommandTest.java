package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MetricsRougeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  private String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new MetricsRougeCommand());
    cli.setOut(new PrintWriter(out));
    int code = cli.execute(args);
    assertEquals(0, code, "exit code; output: " + out);
    return out.toString();
  }

  @Test
  void corpusScoresUseTheBestReferencePerSegment() throws IOException {
    Path hyp = write("hyp.txt", "the cat sat", "one two");
    Path ref1 = write("ref1.txt", "the cat sat", "three four");
    Path ref2 = write("ref2.txt", "a dog", "one five");
    JsonNode root = JSON.readTree(run("--hyp", hyp.toString(), "--ref", ref1.toString(), "--ref", ref2.toString(),
        "--types", "rouge1,rouge2"));
    assertEquals(2, root.get("segments").asInt());
    // Segment 1: F = 1 (ref1). Segment 2: ref2 shares "one": P = R = F = 1/2. Mean F = 3/4.
    JsonNode r1 = root.at("/scores/rouge1/fmeasure");
    assertEquals(0.75, r1.get("mean").asDouble(), 1e-12);
    assertTrue(r1.get("low").asDouble() >= 0.5 - 1e-12 && r1.get("high").asDouble() <= 1 + 1e-12, r1.toString());
    // rouge2: segment 1 has 2 of 2 bigrams, segment 2 none.
    assertEquals(0.5, root.at("/scores/rouge2/fmeasure/mean").asDouble(), 1e-12);
    assertTrue(root.at("/scores/rougeL").isMissingNode());
  }

  @Test
  void reportOptionWritesAllThreeFiles() throws IOException {
    Path hyp = write("hyp.txt", "the cat sat", "one two");
    Path ref = write("ref.txt", "the cat sat", "one five");
    Path out = dir.resolve("report");
    run("--hyp", hyp.toString(), "--ref", ref.toString(), "--types", "rouge1", "--report", out.toString());
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile()).get("report");
    assertEquals(0.75, report.at("/sections/0/rows/0/values/rouge1").asDouble(), 1e-12);
    assertTrue(report.at("/provenance/command").asText().startsWith("mlm metrics rouge --hyp "), report.at("/provenance/command").asText());
    assertTrue(report.at("/provenance/command").asText().contains("--types rouge1"));
    assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
    assertTrue(Files.exists(out.resolve("report.md")));
  }

  @Test
  void rougeLsumReadsLiteralNewlineEscapesAsSentenceBreaks() throws IOException {
    // rouge-score's testRougeLsum example, with the sentence break written as the two characters \n.
    Path hyp = write("hyp.txt", "w1 w2 w6 w7 w8\\nw1 w3 w8 w9 w5");
    Path ref = write("ref.txt", "w1 w2 w3 w4 w5");
    JsonNode root = JSON.readTree(run("--hyp", hyp.toString(), "--ref", ref.toString(), "--types", "rougeLsum"));
    assertEquals(0.4, root.at("/scores/rougeLsum/precision/mean").asDouble(), 1e-12);
    assertEquals(0.8, root.at("/scores/rougeLsum/recall/mean").asDouble(), 1e-12);
  }

  @Test
  void sentenceModePrintsOneJsonLinePerSegment() throws IOException {
    Path hyp = write("hyp.txt", "testing", "testing one");
    Path ref = write("ref.txt", "testing one two", "testing one two");
    String[] lines = run("--hyp", hyp.toString(), "--ref", ref.toString(), "--sentence", "--stemmer").strip().split("\n");
    assertEquals(2, lines.length);
    JsonNode first = JSON.readTree(lines[0]);
    assertEquals(1, first.get("segment").asInt());
    assertEquals(1.0 / 3, first.at("/rouge1/recall").asDouble(), 1e-12);
    assertEquals(0.8, JSON.readTree(lines[1]).at("/rougeL/fmeasure").asDouble(), 1e-12);
  }

  private IllegalArgumentException failure(String... args) {
    MetricsRougeCommand cmd = new MetricsRougeCommand();
    new CommandLine(cmd).parseArgs(args);
    return assertThrows(IllegalArgumentException.class, cmd::call);
  }

  @Test
  void mismatchedLineCountsNameBothFilesAndCounts() throws IOException {
    Path hyp = write("hyp.txt", "a", "b", "c");
    Path ref = write("ref.txt", "a", "b");
    String msg = failure("--hyp", hyp.toString(), "--ref", ref.toString()).getMessage();
    assertTrue(msg.contains("ref.txt has 2 lines") && msg.contains("hyp.txt has 3"), msg);
  }

  @Test
  void emptyAndMissingFilesAreNamed() throws IOException {
    Path empty = write("empty.txt");
    Path ref = write("ref.txt", "a");
    String msg = failure("--hyp", empty.toString(), "--ref", ref.toString()).getMessage();
    assertTrue(msg.contains("empty.txt") && msg.contains("empty"), msg);
    String missing = failure("--hyp", dir.resolve("nope.txt").toString(), "--ref", ref.toString()).getMessage();
    assertTrue(missing.contains("nope.txt") && missing.contains("no such file"), missing);
  }

  @Test
  void badTypeAndSplitAreUserErrors() throws IOException {
    Path f = write("f.txt", "a");
    assertTrue(failure("--hyp", f.toString(), "--ref", f.toString(), "--types", "rouge10")
        .getMessage().contains("rouge10"));
    assertTrue(failure("--hyp", f.toString(), "--ref", f.toString(), "--sentence-split", "nltk")
        .getMessage().contains("nltk"));
  }
}
