package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelTextReaderTest {
  @TempDir Path dir;

  private List<TranslationPair> read(Path en, Path de, BadRowPolicy policy) throws IOException {
    try (ParallelTextReader pairs = ParallelTextReader.open(en, de, policy)) {
      return pairs.readAll();
    }
  }

  @Test
  void pairsLinesInOrderWithCrLfAndBom() throws IOException {
    Path en = TestFiles.writeWithBom(dir, "a.en", "A dog runs.\r\nTwo cats.\r\n");
    Path de = TestFiles.write(dir, "a.de", "Ein Hund läuft.\nZwei Katzen.\n");
    assertEquals(List.of(new TranslationPair("A dog runs.", "Ein Hund läuft.", new Origin(en, 1)),
        new TranslationPair("Two cats.", "Zwei Katzen.", new Origin(en, 2))), read(en, de, BadRowPolicy.FAIL));
  }

  @Test
  void mismatchedLineCountsNameBothFilesEitherWay() throws IOException {
    Path en = TestFiles.write(dir, "b.en", "one\ntwo\nthree\n");
    Path de = TestFiles.write(dir, "b.de", "eins\nzwei\n");
    BadRecordException e = assertThrows(BadRecordException.class, () -> read(en, de, BadRowPolicy.SKIP));
    assertEquals(en + ":3: line count mismatch: " + de + " has only 2 lines; parallel files must be line-aligned",
        e.getMessage());
    assertFalse(e.skippable());
    BadRecordException reversed = assertThrows(BadRecordException.class, () -> read(de, en, BadRowPolicy.FAIL));
    assertEquals(en + ":3: line count mismatch: " + de + " has only 2 lines; parallel files must be line-aligned",
        reversed.getMessage());
  }

  @Test
  void emptySentenceIsABadRecordThatCanBeSkipped() throws IOException {
    Path en = TestFiles.write(dir, "c.en", "one\n\nthree\n");
    Path de = TestFiles.write(dir, "c.de", "eins\nzwei\ndrei\n");
    assertEquals(en + ":2: source sentence is empty",
        assertThrows(BadRecordException.class, () -> read(en, de, BadRowPolicy.FAIL)).getMessage());
    try (ParallelTextReader pairs = ParallelTextReader.open(en, de, BadRowPolicy.SKIP)) {
      assertEquals(List.of("eins", "drei"), pairs.readAll().stream().map(TranslationPair::target).toList());
      assertEquals(1, pairs.skippedRows());
    }
  }

  @Test
  void truncatedGzipNamesTheFileAndTheLineItStoppedAt() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      text.append("sentence ").append(i).append(" with some words to compress ").append(i * 7919 % 1000).append('\n');
    }
    Path whole = TestFiles.writeGzip(dir, "whole.en.gz", text.toString());
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = TestFiles.writeBytes(dir, "cut.en.gz", java.util.Arrays.copyOf(bytes, bytes.length / 2));
    BadRecordException e = assertThrows(BadRecordException.class, () -> read(cut, whole, BadRowPolicy.SKIP));
    assertTrue(e.getMessage().startsWith(cut + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt or truncated gzip data"), e.getMessage());
  }

  @Test
  void invalidUtf8InTheTargetNamesTheTargetLine() throws IOException {
    Path en = TestFiles.write(dir, "d.en", "one\ntwo\n");
    Path de = TestFiles.writeInvalidUtf8(dir, "d.de", "eins\nzw", "ei\n");
    BadRecordException e = assertThrows(BadRecordException.class, () -> read(en, de, BadRowPolicy.SKIP));
    assertEquals(de + ":2: invalid UTF-8 at byte 3 of the line (0xFF); convert the file to UTF-8, e.g. with iconv",
        e.getMessage());
  }
}
