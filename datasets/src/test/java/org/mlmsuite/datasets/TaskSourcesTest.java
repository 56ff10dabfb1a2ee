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

/** The catalog-or-own-file choice for translation, summarisation and pretraining. */
class TaskSourcesTest {
  @TempDir Path dir;

  @Test
  void translationFromParallelFilesOrColumns() throws IOException {
    Path en = TestFiles.write(dir, "x.en", "Hello\n");
    Path de = TestFiles.write(dir, "x.de", "Hallo\n");
    try (RecordReader<TranslationPair> pairs = TranslationSource.of(en.toString(), null, de.toString(), null, null, null)
        .open((Path) null, BadRowPolicy.FAIL)) {
      assertEquals(List.of(new TranslationPair("Hello", "Hallo", new Origin(en, 1))), pairs.readAll());
    }
    Path tsv = TestFiles.write(dir, "x.tsv", "de\ten\nHallo\tHello\n");
    TranslationSource byColumns = TranslationSource.of(tsv.toString(), null, null, "en", "de", null);
    assertFalse(byColumns.isCatalogDataset());
    try (RecordReader<TranslationPair> pairs = byColumns.open((Path) null, BadRowPolicy.FAIL)) {
      assertEquals(new TranslationPair("Hello", "Hallo", new Origin(tsv, 2)), pairs.next());
    }
    BadRecordException missing = assertThrows(BadRecordException.class,
        () -> TranslationSource.of(tsv.toString(), null, null, null, null, null).open((Path) null, BadRowPolicy.FAIL));
    assertEquals(tsv + ":1: no column 'source' in header [de, en]", missing.getMessage());
    assertTrue(TranslationSource.of("multi30k-en-de", "val", null, null, null, null).isCatalogDataset());
    assertEquals("dataset 'sst2' holds labeled text, not translation pairs", assertThrows(IllegalArgumentException.class,
        () -> TranslationSource.of("sst2", "dev", null, null, null, null)).getMessage());
  }

  @Test
  void summariesFromJsonLinesOrCsv() throws IOException {
    Path jsonl = TestFiles.write(dir, "s.jsonl", "{\"document\": \"Long text.\", \"summary\": \"Short.\"}\n");
    try (RecordReader<SummaryExample> rows = SummarySource.of(jsonl.toString(), null, null, null, null)
        .open((Path) null, BadRowPolicy.FAIL)) {
      assertEquals(new SummaryExample(jsonl + ":1", "Long text.", List.of("Short."), new Origin(jsonl, 1)), rows.next());
    }
    Path csv = TestFiles.write(dir, "s.csv", "id,article,ref_a,ref_b\n7,\"Long,\ntext.\",A.,B.\n");
    try (RecordReader<SummaryExample> rows = SummarySource.of(csv.toString(), null, "id", "article", List.of("ref_a", "ref_b"))
        .open((Path) null, BadRowPolicy.FAIL)) {
      assertEquals(new SummaryExample("7", "Long,\ntext.", List.of("A.", "B."), new Origin(csv, 2)), rows.next());
    }
    assertEquals("dialogsum/test", SummarySource.of("dialogsum", "test", null, null, null).describe());
  }

  @Test
  void corpusFromAFolderOrTheCatalog() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("books"));
    TestFiles.write(folder, "one.txt", "A line.\n\nAnother paragraph.\n");
    try (RecordReader<TextDocument> paragraphs = TextCorpusSource.of(folder.toString(), null, TextUnit.PARAGRAPH)
        .open((Path) null, BadRowPolicy.FAIL)) {
      assertEquals(2, paragraphs.count());
    }
    assertEquals("pretrain-en/train", TextCorpusSource.of("pretrain-en", null, TextUnit.LINE).describe());
    assertEquals("'no-such-corpus' is neither an existing file nor a catalog dataset " + DatasetCatalog.names(),
        assertThrows(IllegalArgumentException.class, () -> TextCorpusSource.of("no-such-corpus", null, TextUnit.LINE))
            .getMessage());
  }
}
