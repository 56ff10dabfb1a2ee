package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeded stratified split behind {@code imdb:train} / {@code imdb:dev}, on rows made here. */
class StratifiedSplitTest {
  @TempDir Path tmp;

  /** Row i: "row i", label a for i % 10 < 7, else b (70 / 30). */
  static List<String[]> rows(int n) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new String[] {"row " + i, i % 10 < 7 ? "a" : "b"});
    }
    return out;
  }

  static final Function<String[], String> LABEL = r -> r[1];

  static Map<String, Long> counts(List<String[]> rows) {
    return rows.stream().collect(Collectors.groupingBy(LABEL, TreeMap::new, Collectors.counting()));
  }

  @Test
  void sizesAreExactAndEachLabelKeepsItsShare() {
    List<String[]> all = rows(100);
    StratifiedSplit split = new StratifiedSplit(0.2, 2019);
    List<String[]> dev = split.part(all, LABEL, true);
    List<String[]> train = split.part(all, LABEL, false);
    assertEquals(20, dev.size());
    assertEquals(80, train.size());
    assertEquals(Map.of("a", 14L, "b", 6L), counts(dev));
    assertEquals(Map.of("a", 56L, "b", 24L), counts(train));
  }

  @Test
  void leftoverRowsGoToTheLargestRemainders() {
    // 11 rows (8 a, 3 b), 3 held out: exact shares 2.18 and 0.82, so a gets 2 and b 1
    List<String[]> all = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      all.add(new String[] {"r" + i, i < 8 ? "a" : "b"});
    }
    List<String[]> dev = new StratifiedSplit(3 / 11.0, 1).part(all, LABEL, true);
    assertEquals(Map.of("a", 2L, "b", 1L), counts(dev));
  }

  @Test
  void partsAreDisjointCoverEverythingAndKeepFileOrder() {
    List<String[]> all = rows(100);
    StratifiedSplit split = new StratifiedSplit(0.2, 2019);
    List<String> dev = split.part(all, LABEL, true).stream().map(r -> r[0]).toList();
    List<String> train = split.part(all, LABEL, false).stream().map(r -> r[0]).toList();
    Set<String> union = new HashSet<>(dev);
    union.addAll(train);
    assertEquals(100, union.size());
    assertTrue(dev.stream().noneMatch(train::contains));
    assertEquals(dev.stream().sorted((x, y) -> Integer.compare(index(x), index(y))).toList(), dev);
    assertEquals(train.stream().sorted((x, y) -> Integer.compare(index(x), index(y))).toList(), train);
  }

  private static int index(String row) {
    return Integer.parseInt(row.substring(4));
  }

  @Test
  void deterministicForASeedAndDifferentForAnother() {
    List<String[]> all = rows(100);
    List<String> once = new StratifiedSplit(0.2, 2019).part(all, LABEL, true).stream().map(r -> r[0]).toList();
    List<String> again = new StratifiedSplit(0.2, 2019).part(rows(100), LABEL, true).stream().map(r -> r[0]).toList();
    List<String> other = new StratifiedSplit(0.2, 7).part(all, LABEL, true).stream().map(r -> r[0]).toList();
    assertEquals(once, again);
    assertNotEquals(once, other);
    // not simply the first rows of each label
    assertFalse(once.contains("row 0") && once.contains("row 1") && once.contains("row 2"), once.toString());
  }

  @Test
  void theImdbCatalogEntryReadsTheGzipCsvSplitsItAndDropsLineBreakTags() throws IOException {
    StringBuilder csv = new StringBuilder("review,sentiment\n");
    for (int i = 0; i < 50; i++) {
      csv.append("\"Review ").append(i).append(", \"\"quoted\"\"<br /><br />second line\",")
          .append(i % 2 == 0 ? "positive" : "negative").append('\n');
    }
    java.nio.file.Files.createDirectories(tmp.resolve("imdb"));
    TestFiles.writeGzip(tmp.resolve("imdb"), "train_5k.csv.gz", csv.toString());
    DataDirectory dir = new DataDirectory(tmp, "test");
    Dataset imdb = DatasetCatalog.get("imdb");
    List<LabeledText> train;
    List<LabeledText> dev;
    try (RecordReader<LabeledText> r = imdb.labeledText(dir, "train")) {
      train = r.readAll();
    }
    try (RecordReader<LabeledText> r = imdb.labeledText(dir, "dev")) {
      dev = r.readAll();
    }
    assertEquals(40, train.size());
    assertEquals(10, dev.size());
    assertEquals(5, dev.stream().filter(t -> t.label().equals("positive")).count());
    assertTrue(dev.stream().noneMatch(train::contains));
    LabeledText first = train.get(0).origin().line() == 2 ? train.get(0) : dev.get(0);
    assertEquals("Review 0, \"quoted\"  second line", first.text());
    assertEquals(2, first.origin().line());
    assertEquals(10, imdb.countRows(dir, "dev"));
  }
}
