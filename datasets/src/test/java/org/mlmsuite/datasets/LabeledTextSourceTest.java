package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledTextSourceTest {
  @TempDir Path dir;

  @Test
  void ownFileWithDefaultAndChosenColumns() throws IOException {
    Path file = TestFiles.write(dir, "mine.csv", "label,text\nspam,Buy now\n");
    LabeledTextSource source = LabeledTextSource.of(file.toString(), null, null, null, null, null);
    try (RecordReader<LabeledText> rows = source.open((Path) null, BadRowPolicy.FAIL)) {
      assertEquals(List.of(new LabeledText("Buy now", "spam", new Origin(file, 2))), rows.readAll());
    }
    Path tsv = TestFiles.write(dir, "mine.tsv", "Buy now\tx\tspam\n");
    LabeledTextSource chosen = LabeledTextSource.of(tsv.toString(), null, "0", null, "2", false);
    assertEquals(tsv + " (text #0, label #2)", chosen.describe());
    try (RecordReader<LabeledText> rows = chosen.open((Path) null, BadRowPolicy.FAIL)) {
      assertEquals("spam", rows.next().label());
    }
  }

  @Test
  void catalogNameNeedsASplitAndTakesNoColumnOptions() {
    assertEquals("sst2/dev", LabeledTextSource.of("sst2", "dev", null, null, null, null).describe());
    assertEquals("dataset 'sst2' needs a split: one of [train, dev]",
        assertThrows(IllegalArgumentException.class, () -> LabeledTextSource.of("sst2", null, null, null, null, null))
            .getMessage());
    assertEquals("dataset 'sst2' has no split 'test'; its splits are [train, dev]",
        assertThrows(IllegalArgumentException.class, () -> LabeledTextSource.of("sst2", "test", null, null, null, null))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> LabeledTextSource.of("sst2", "dev", "text", null, null, null));
    assertEquals("dataset 'dialogsum' holds summaries, not labeled text",
        assertThrows(IllegalArgumentException.class, () -> LabeledTextSource.dataset("dialogsum", "dev")).getMessage());
  }

  @Test
  void neitherFileNorDatasetIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LabeledTextSource.of(dir.resolve("typo.csv").toString(), null, null, null, null, null));
    assertEquals("'" + dir.resolve("typo.csv") + "' is neither an existing file nor a catalog dataset "
        + DatasetCatalog.names(), e.getMessage());
  }

  @Test
  void catalogSourceOpensUnderTheGivenDirectory() throws IOException {
    Path sst2 = Files.createDirectories(dir.resolve("sst2"));
    TestFiles.write(sst2, "dev.tsv", "sentence\tlabel\ngood .\t1\n");
    TestFiles.write(sst2, "train.tsv", "sentence\tlabel\n");
    try (RecordReader<LabeledText> rows = LabeledTextSource.dataset("sst2", "dev").open(dir, BadRowPolicy.FAIL)) {
      assertEquals("good .", rows.next().text());
    }
    assertEquals(1, DatasetCatalog.get("sst2").countRows(new DataDirectory(dir, "test"), "dev"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> DatasetCatalog.get("agnews").countRows(new DataDirectory(dir, "test"), "test"));
    assertEquals("dataset 'agnews' split 'test': missing " + dir.resolve("agnews/test.tsv") + " (data directory "
        + dir + " (test))", missing.getMessage());
  }
}
