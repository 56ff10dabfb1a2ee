package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryExampleReaderTest {
  private static final SummaryFields ONE_REF = new SummaryFields("id", "doc", List.of("sum"));

  @TempDir Path dir;

  private List<SummaryExample> read(Path file, SummaryFields fields, BadRowPolicy policy) throws IOException {
    try (RecordReader<SummaryExample> rows = SummaryExampleReader.open(file, fields, policy)) {
      return rows.readAll();
    }
  }

  @Test
  void readsOneOrSeveralReferencesAndIgnoresBlankLines() throws IOException {
    Path file = TestFiles.write(dir, "s.jsonl",
        "{\"id\": \"a\", \"doc\": \"Line one.\\nLine two.\", \"r1\": \"One.\", \"r2\": \"Two.\", \"extra\": 3}\n\n"
            + "{\"id\": \"b\", \"doc\": \"Text\", \"r1\": \"x\", \"r2\": \"y\"}\n");
    List<SummaryExample> rows = read(file, new SummaryFields("id", "doc", List.of("r1", "r2")), BadRowPolicy.FAIL);
    assertEquals(2, rows.size());
    assertEquals(new SummaryExample("a", "Line one.\nLine two.", List.of("One.", "Two."), new Origin(file, 1)), rows.get(0));
    assertEquals(3, rows.get(1).origin().line());
  }

  @Test
  void truncatedJsonLineNamesFileAndLine() throws IOException {
    Path file = TestFiles.write(dir, "s.jsonl", "{\"id\": \"a\", \"doc\": \"d\", \"sum\": \"s\"}\n{\"id\": \"b\", \"doc\": \"d\n");
    BadRecordException e = assertThrows(BadRecordException.class, () -> read(file, ONE_REF, BadRowPolicy.FAIL));
    assertTrue(e.getMessage().startsWith(file + ":2: invalid JSON: "), e.getMessage());
  }

  @Test
  void missingOrEmptyFieldNamesTheField() throws IOException {
    Path missing = TestFiles.write(dir, "m.jsonl", "{\"id\": \"a\", \"doc\": \"d\"}\n");
    assertEquals(missing + ":1: field 'sum' is missing (fields: id, doc)",
        assertThrows(BadRecordException.class, () -> read(missing, ONE_REF, BadRowPolicy.FAIL)).getMessage());
    Path empty = TestFiles.write(dir, "e.jsonl", "{\"id\": \"a\", \"doc\": \" \", \"sum\": \"s\"}\n");
    assertEquals(empty + ":1: field 'doc' is empty",
        assertThrows(BadRecordException.class, () -> read(empty, ONE_REF, BadRowPolicy.FAIL)).getMessage());
  }

  @Test
  void skipPolicyCountsTruncatedAndIncompleteLines() throws IOException {
    Path file = TestFiles.write(dir, "s.jsonl", "{\"id\": \"a\", \"doc\": \"d\", \"sum\": \"s\"}\n"
        + "{\"id\": \"b\", \"doc\": \n"
        + "[1, 2]\n"
        + "{\"id\": \"c\", \"doc\": \"d\"}\n"
        + "{\"id\": \"d\", \"doc\": \"d\", \"sum\": \"s\"}\n");
    try (RecordReader<SummaryExample> rows = SummaryExampleReader.open(file, ONE_REF, BadRowPolicy.SKIP)) {
      assertEquals(List.of("a", "d"), rows.readAll().stream().map(SummaryExample::id).toList());
      assertEquals(3, rows.skippedRows());
      assertEquals(3, rows.skipReasons().size());
      assertTrue(rows.skipReasons().get(1).equals(file + ":3: expected a JSON object, found ARRAY"), rows.skipReasons().toString());
    }
  }

  @Test
  void withoutAnIdFieldTheOriginIsTheId() throws IOException {
    Path file = TestFiles.writeGzip(dir, "s.jsonl.gz", "{\"doc\": \"d\", \"sum\": \"s\"}\n");
    assertEquals(file + ":1", read(file, new SummaryFields(null, "doc", List.of("sum")), BadRowPolicy.FAIL).get(0).id());
  }
}
