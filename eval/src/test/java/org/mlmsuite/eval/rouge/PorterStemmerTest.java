package org.mlmsuite.eval.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PorterStemmerTest {
  private record Row(String word, String original, String nltk) {}

  private static List<Row> reference() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        PorterStemmerTest.class.getResourceAsStream("porter-nltk-reference.tsv"), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.split("\t");
          rows.add(new Row(f[0], f[1], f[2]));
        }
      }
    }
    return rows;
  }

  /** Every word of the NLTK-generated vocabulary stems exactly as NLTK does, in both modes. */
  @Test
  void matchesNltkOnReferenceVocabulary() throws IOException {
    List<Row> rows = reference();
    assertTrue(rows.size() > 3000, "reference vocabulary loaded");
    PorterStemmer original = new PorterStemmer(PorterStemmer.Mode.ORIGINAL_ALGORITHM);
    PorterStemmer nltk = new PorterStemmer(PorterStemmer.Mode.NLTK_EXTENSIONS);
    List<String> mismatches = new ArrayList<>();
    for (Row row : rows) {
      String o = original.stem(row.word());
      String n = nltk.stem(row.word());
      if (!o.equals(row.original())) {
        mismatches.add("ORIGINAL " + row.word() + " -> " + o + " (NLTK: " + row.original() + ")");
      }
      if (!n.equals(row.nltk())) {
        mismatches.add("NLTK " + row.word() + " -> " + n + " (NLTK: " + row.nltk() + ")");
      }
    }
    assertEquals(List.of(), mismatches);
  }

  /** Examples printed in Porter (1980), "An algorithm for suffix stripping". */
  @Test
  void paperExamplesInOriginalMode() {
    PorterStemmer s = new PorterStemmer(PorterStemmer.Mode.ORIGINAL_ALGORITHM);
    String[][] cases = {
        {"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"}, {"cats", "cat"},
        {"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"},
        {"motoring", "motor"}, {"sing", "sing"}, {"hopping", "hop"}, {"falling", "fall"},
        {"hissing", "hiss"}, {"filing", "file"}, {"happy", "happi"}, {"sky", "sky"},
        {"relational", "relat"}, {"conditional", "condit"}, {"rational", "ration"},
        {"generalization", "gener"}, {"oscillators", "oscil"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], s.stem(c[0]), c[0]);
    }
  }

  /** Where NLTK's default mode (used by rouge-score) departs from the paper. */
  @Test
  void nltkExtensionsDepartures() {
    PorterStemmer original = new PorterStemmer(PorterStemmer.Mode.ORIGINAL_ALGORITHM);
    PorterStemmer nltk = PorterStemmer.forRouge();
    assertEquals("ti", original.stem("ties"));
    assertEquals("tie", nltk.stem("ties"));
    assertEquals("die", nltk.stem("dying"));
    assertEquals("sky", nltk.stem("skies"));
    assertEquals("enjoy", nltk.stem("enjoy"));
    assertEquals("enjoi", original.stem("enjoy"));
    assertEquals("spi", nltk.stem("spied"));
  }

  @Test
  void longRunOfYNeitherOverflowsNorSlowsDown() {
    String ys = "y".repeat(20_000);
    long start = System.nanoTime();
    PorterStemmer.forRouge().stem(ys);
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "linear-ish time on yyyy...");
  }
}
