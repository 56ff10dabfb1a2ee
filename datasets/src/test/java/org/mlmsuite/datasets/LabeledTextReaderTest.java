package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledTextReaderTest {
  private static final LabeledTextColumns BY_NAME = LabeledTextColumns.of(Column.named("review"), Column.named("stars"));

  @TempDir Path dir;

  private List<LabeledText> readAll(Path file, DelimitedFormat format, LabeledTextColumns columns) throws IOException {
    try (RecordReader<LabeledText> rows = LabeledTextReader.open(file, format, columns, BadRowPolicy.FAIL)) {
      return rows.readAll();
    }
  }

  private BadRecordException failure(Path file, DelimitedFormat format, LabeledTextColumns columns) {
    return assertThrows(BadRecordException.class, () -> readAll(file, format, columns));
  }

  @Test
  void csvWithHeaderByNameKeepsOriginLines() throws IOException {
    Path file = TestFiles.write(dir, "r.csv", "id, review, stars\n1,Great film,5\n2,Dull,1\n");
    List<LabeledText> rows = readAll(file, DelimitedFormat.csv(), BY_NAME);
    assertEquals(2, rows.size());
    assertEquals(new LabeledText("Great film", "5", new Origin(file, 2)), rows.get(0));
    assertEquals(new LabeledText("Dull", "1", new Origin(file, 3)), rows.get(1));
  }

  @Test
  void tsvWithoutHeaderByIndex() throws IOException {
    Path file = TestFiles.write(dir, "r.tsv", "Great film\tpos\nDull\tneg\n");
    List<LabeledText> rows = readAll(file, DelimitedFormat.tsv().withHeader(false),
        LabeledTextColumns.of(Column.at(0), Column.at(1)));
    assertEquals(List.of("Great film", "Dull"), rows.stream().map(LabeledText::text).toList());
    assertEquals(List.of("pos", "neg"), rows.stream().map(LabeledText::label).toList());
    assertEquals(1, rows.get(0).origin().line());
  }

  @Test
  void indexColumnsAlsoWorkWithAHeaderAndPairsAreRead() throws IOException {
    Path file = TestFiles.write(dir, "nli.tsv", "premise\thypothesis\tlabel\nA man sleeps.\tA person rests.\tentailment\n");
    List<LabeledText> rows = readAll(file, DelimitedFormat.tsv(), LabeledTextColumns.parse("0", "hypothesis", "2"));
    assertEquals(new LabeledText("A man sleeps.", "A person rests.", "entailment", new Origin(file, 2)), rows.get(0));
    assertTrue(rows.get(0).isPair());
  }

  @Test
  void rfc4180QuotingWithMultiLineFieldsAndDoubledQuotes() throws IOException {
    Path file = TestFiles.write(dir, "q.csv",
        "review,stars\r\n\"He said \"\"wow\"\",\nthen left\",4\r\n\"a, b\",2\r\n");
    List<LabeledText> rows = readAll(file, DelimitedFormat.csv(), BY_NAME);
    assertEquals("He said \"wow\",\nthen left", rows.get(0).text());
    assertEquals("4", rows.get(0).label());
    assertEquals(2, rows.get(0).origin().line());
    assertEquals("a, b", rows.get(1).text());
    assertEquals(4, rows.get(1).origin().line(), "the second record starts after the two-line field");
  }

  @Test
  void byteOrderMarkIsDroppedSoTheFirstHeaderNameMatches() throws IOException {
    Path file = TestFiles.writeWithBom(dir, "bom.csv", "review,stars\nOK,3\n");
    assertEquals("OK", readAll(file, DelimitedFormat.csv(), BY_NAME).get(0).text());
  }

  @Test
  void gzipIsReadTransparently() throws IOException {
    Path file = TestFiles.writeGzip(dir, "r.tsv.gz", "review\tstars\nNice\t5\nBad\t1\n");
    List<LabeledText> rows = readAll(file, DelimitedFormat.forFile(file), BY_NAME);
    assertEquals(List.of("Nice", "Bad"), rows.stream().map(LabeledText::text).toList());
    assertEquals('\t', DelimitedFormat.forFile(file).delimiter());
  }

  @Test
  void raggedRowNamesFileLineAndCounts() throws IOException {
    Path file = TestFiles.write(dir, "r.csv", "review,stars\nGood,5\nBad,1,extra\nOk,3\n");
    BadRecordException e = failure(file, DelimitedFormat.csv(), BY_NAME);
    assertEquals(file + ":3: expected 2 fields (as in the header), found 3", e.getMessage());
  }

  @Test
  void skipPolicyCountsBadRowsWithReasons() throws IOException {
    Path file = TestFiles.write(dir, "r.csv", "review,stars\nGood,5\nBad,1,extra\n,2\nOk,3\n");
    try (RecordReader<LabeledText> rows = LabeledTextReader.open(file, DelimitedFormat.csv(), BY_NAME, BadRowPolicy.SKIP)) {
      assertEquals(List.of("Good", "Ok"), rows.readAll().stream().map(LabeledText::text).toList());
      assertEquals(2, rows.skippedRows());
      assertEquals(List.of(file + ":3: expected 2 fields (as in the header), found 3",
          file + ":4: column 'review' is empty"), rows.skipReasons());
      assertEquals("skipped 2 bad record(s):\n  " + file + ":3: expected 2 fields (as in the header), found 3\n  "
          + file + ":4: column 'review' is empty", rows.skipReport());
    }
  }

  @Test
  void missingNamedColumnFailsAtOpenListingTheHeader() {
    Path[] file = new Path[1];
    BadRecordException e = assertThrows(BadRecordException.class, () -> {
      file[0] = TestFiles.write(dir, "r.csv", "text,label\nGood,5\n");
      LabeledTextReader.open(file[0], DelimitedFormat.csv(), BY_NAME, BadRowPolicy.FAIL);
    });
    assertEquals(file[0] + ":1: no column 'review' in header [text, label]", e.getMessage());
  }

  @Test
  void columnNameWithoutHeaderAndIndexOutOfRangeAreErrors() throws IOException {
    Path noHeader = TestFiles.write(dir, "n.tsv", "Good\t5\n");
    BadRecordException byName = assertThrows(BadRecordException.class, () -> LabeledTextReader.open(noHeader,
        DelimitedFormat.tsv().withHeader(false), BY_NAME, BadRowPolicy.FAIL));
    assertTrue(byName.getMessage().contains("without a header"), byName.getMessage());
    BadRecordException byIndex = failure(noHeader, DelimitedFormat.tsv().withHeader(false),
        LabeledTextColumns.of(Column.at(0), Column.at(2)));
    assertEquals(noHeader + ":1: no column #2 (row has 2 fields)", byIndex.getMessage());
  }

  @Test
  void emptyTextAndEmptyLabelNameTheColumn() throws IOException {
    Path file = TestFiles.write(dir, "r.csv", "review,stars\nGood,5\n   ,4\n");
    assertEquals(file + ":3: column 'review' is empty", failure(file, DelimitedFormat.csv(), BY_NAME).getMessage());
    Path noLabel = TestFiles.write(dir, "l.tsv", "Good\t\n");
    assertEquals(noLabel + ":1: column #1 is empty", failure(noLabel, DelimitedFormat.tsv().withHeader(false),
        LabeledTextColumns.of(Column.at(0), Column.at(1))).getMessage());
  }

  @Test
  void invalidUtf8NamesTheExactLineEvenFarIntoTheFile() throws IOException {
    StringBuilder before = new StringBuilder("review,stars\n");
    for (int i = 0; i < 5000; i++) {
      before.append("row number ").append(i).append(" is fine,1\n"); // > 64 KiB, past the first buffer
    }
    before.append("caf");
    Path file = TestFiles.writeInvalidUtf8(dir, "bad.csv", before.toString(), " au lait,2\nlast,3\n");
    BadRecordException e = failure(file, DelimitedFormat.csv(), BY_NAME);
    assertTrue(e.getMessage().startsWith(file + ":5002: invalid UTF-8 at byte 4 of the line (0xFF)"), e.getMessage());
    assertFalse(e.skippable());
  }

  @Test
  void invalidUtf8IsNotSkippedEvenUnderSkipPolicy() throws IOException {
    Path file = TestFiles.writeInvalidUtf8(dir, "bad.tsv", "review\tstars\nok\t1\nx", "\t2\n");
    try (RecordReader<LabeledText> rows = LabeledTextReader.open(file, DelimitedFormat.tsv(), BY_NAME, BadRowPolicy.SKIP)) {
      BadRecordException e = assertThrows(BadRecordException.class, rows::readAll);
      assertTrue(e.getMessage().startsWith(file + ":3: invalid UTF-8"), e.getMessage());
    }
  }

  @Test
  void unterminatedQuoteIsAnError() throws IOException {
    Path file = TestFiles.write(dir, "q.csv", "review,stars\n\"never closed,5\nnext,1\n");
    BadRecordException e = failure(file, DelimitedFormat.csv(), BY_NAME);
    assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
  }

  @Test
  void blankLinesBetweenRowsAreIgnoredAndOriginsStayExact() throws IOException {
    Path file = TestFiles.write(dir, "b.csv", "review,stars\n\nGood,5\n\n\r\nBad,1\n\n");
    List<LabeledText> rows = readAll(file, DelimitedFormat.csv(), BY_NAME);
    assertEquals(List.of(3L, 6L), rows.stream().map(r -> r.origin().line()).toList());
  }

  @Test
  void leadingQuoteInAnUnquotedTsvGetsAHintAndReadsWithQuotingOff() throws IOException {
    Path file = TestFiles.write(dir, "u.tsv", "review\tstars\n\"Great\" movie\t5\n");
    BadRecordException e = failure(file, DelimitedFormat.tsv(), BY_NAME);
    assertTrue(e.getMessage().startsWith(file + ":2: malformed TSV: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(if fields are not quoted RFC 4180 style, read the file with quoting off)"),
        e.getMessage());
    assertEquals("\"Great\" movie", readAll(file, DelimitedFormat.tsv().withQuoting(false), BY_NAME).get(0).text());
  }

  @Test
  void emptyFileWithExpectedHeaderIsAnError() throws IOException {
    Path file = TestFiles.write(dir, "e.csv", "");
    BadRecordException e = assertThrows(BadRecordException.class,
        () -> LabeledTextReader.open(file, DelimitedFormat.csv(), BY_NAME, BadRowPolicy.FAIL));
    assertEquals(file + ":1: empty file, expected a header row", e.getMessage());
  }

  @Test
  void streamClosesTheReaderAndTheRawRowKeepsOtherColumns() throws IOException {
    Path file = TestFiles.write(dir, "r.csv", "id,review,stars\n7,Fine,4\n");
    try (DelimitedReader rows = DelimitedReader.open(file, DelimitedFormat.csv(), BadRowPolicy.FAIL)) {
      DelimitedRow row = rows.next();
      assertEquals("7", row.get(Column.named("id")));
      assertEquals("Fine", row.get(Column.at(1)));
      assertFalse(rows.hasNext());
    }
    assertEquals(Column.named("label"), Column.parse("label"));
    assertEquals(Column.at(12), Column.parse("12"));
  }
}
