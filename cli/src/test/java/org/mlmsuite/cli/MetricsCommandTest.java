package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlm metrics} run in-process on sacreBLEU's README example (two references), with
 * expected figures from sacreBLEU 2.6.0 (its test suite's 48.530827 and values it printed) and
 * scikit-learn's documented example.
 */
class MetricsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path hyp;
  private Path ref1;
  private Path ref2;

  @BeforeEach
  void writeReadmeExample() throws IOException {
    hyp = write("hyp.txt", "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n");
    ref1 = write("ref1.txt", "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n");
    // CRLF line ends and trailing blanks are cleaned as sacreBLEU's command line cleans them
    ref2 = write("ref2.txt", "The dog had bit the man.  \r\nNo one was surprised.\r\nThe man had bitten the dog.");
  }

  @Test
  void corpusBleuWithTwoReferences() throws IOException {
    MainTest.Captured out = MainTest.Captured.run("metrics", "bleu", "--hyp", hyp.toString(), "--ref", ref1.toString(), "--ref", ref2.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    JsonNode json = JSON.readTree(out.stdout());
    assertEquals("BLEU", json.get("name").asText());
    assertEquals(48.530827, json.get("score").asDouble(), 1e-6);
    assertEquals("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", json.get("signature").asText());
    assertEquals(4, json.get("counts").size());
    assertTrue(json.has("sysLen") && json.has("refLen") && json.has("totals") && json.has("bp"), out.stdout());
  }

  @Test
  void bleuOptionsMirrorSacreBleu() throws IOException {
    MainTest.Captured out = MainTest.Captured.run("metrics", "bleu", "--hyp", hyp.toString(), "--ref", ref1.toString(),
        "--ref", ref2.toString(), "--tokenize", "intl", "--lowercase", "--smooth-method", "floor", "--smooth-value", "0.2");
    assertEquals(0, out.exitCode(), out.stderr());
    JsonNode json = JSON.readTree(out.stdout());
    assertEquals(43.91623493336995, json.get("score").asDouble(), 1e-12);
    assertEquals("[14,7,5,3]", json.get("counts").toString());
    assertEquals("nrefs:2|case:lc|eff:no|tok:intl|smooth:floor[0.20]|version:2.6.0", json.get("signature").asText());
  }

  @Test
  void sentenceBleuPrintsOneJsonLinePerSegment() throws IOException {
    MainTest.Captured out = MainTest.Captured.run("metrics", "bleu", "--sentence", "--hyp", hyp.toString(),
        "--ref", ref1.toString(), "--ref", ref2.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    List<String> lines = out.stdout().strip().lines().toList();
    assertEquals(3, lines.size(), out.stdout());
    double[] expected = {100.00000000000004, 14.794015674776452, 29.071536848410968};
    for (int i = 0; i < 3; i++) {
      JsonNode json = JSON.readTree(lines.get(i));
      assertEquals(expected[i], json.get("score").asDouble(), 1e-12, lines.get(i));
      assertEquals("nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0", json.get("signature").asText());
    }
  }

  @Test
  void chrfPlusPlus() throws IOException {
    MainTest.Captured out = MainTest.Captured.run("metrics", "chrf", "--word-order", "2", "--hyp", hyp.toString(),
        "--ref", ref1.toString(), "--ref", ref2.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    JsonNode json = JSON.readTree(out.stdout());
    assertEquals("chrF2++", json.get("name").asText());
    assertEquals(59.15310444399262, json.get("score").asDouble(), 1e-12);
    assertEquals("nrefs:2|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0", json.get("signature").asText());
    assertEquals(8, json.get("statistics").size());
  }

  @Test
  void classificationReport() throws IOException {
    // scikit-learn's documented example: cat/dog/pig
    Path gold = write("gold.txt", "cat\ndog\npig\ncat\ndog\npig\n");
    Path pred = write("pred.txt", "cat\npig\ndog\ncat\ncat\ndog\n");
    MainTest.Captured out = MainTest.Captured.run("metrics", "classification", "--hyp", pred.toString(), "--ref", gold.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    JsonNode json = JSON.readTree(out.stdout());
    assertEquals("[\"cat\",\"dog\",\"pig\"]", json.get("labels").toString());
    assertEquals(2.0 / 6, json.get("accuracy").asDouble(), 1e-15);
    assertEquals(0.8 / 3, json.get("macro").get("f1").asDouble(), 1e-15);
    assertEquals("[[2,0,0],[1,0,1],[0,2,0]]", json.get("confusionMatrix").get("counts").toString());
  }

  @Test
  void mismatchedLineCountsNameBothFiles() throws IOException {
    Path shortRef = write("short.txt", "one line\n");
    MainTest.Captured out = MainTest.Captured.run("metrics", "bleu", "--hyp", hyp.toString(), "--ref", shortRef.toString());
    assertUserError(out, hyp + " has 3 lines but " + shortRef + " has 1 lines");
  }

  @Test
  void emptyMissingAndUndecodableFilesAreOneLineErrors() throws IOException {
    Path empty = write("empty.txt", "");
    assertUserError(MainTest.Captured.run("metrics", "chrf", "--hyp", empty.toString(), "--ref", ref1.toString()), empty + " is empty");
    Path missing = dir.resolve("missing.txt");
    assertUserError(MainTest.Captured.run("metrics", "bleu", "--hyp", hyp.toString(), "--ref", missing.toString()),
        "no such file: " + missing);
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertUserError(MainTest.Captured.run("metrics", "bleu", "--hyp", latin1.toString(), "--ref", ref1.toString()),
        latin1 + ":2: not valid UTF-8 text");
  }

  @Test
  void badOptionValuesAreOneLineErrors() {
    assertUserError(MainTest.Captured.run("metrics", "bleu", "--tokenize", "moses", "--hyp", hyp.toString(), "--ref", ref1.toString()),
        "unknown BLEU tokenizer 'moses' (expected one of 13a, intl, char, none)");
    assertUserError(MainTest.Captured.run("metrics", "bleu", "--smooth-value", "0.5", "--hyp", hyp.toString(), "--ref", ref1.toString()),
        "--smooth-value only applies to --smooth-method floor or add-k, not exp");
    assertUserError(MainTest.Captured.run("metrics", "classification", "--hyp", hyp.toString(), "--ref", ref1.toString(),
        "--ref", ref2.toString()), "classification takes one --ref file of gold labels, got 2");
  }

  private static void assertUserError(MainTest.Captured out, String message) {
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode(), out.stdout());
    assertEquals("mlm: " + message, out.stderr().strip());
    assertEquals("", out.stdout());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
