package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlmsuite.testing.DatasetMirror;

/**
 * Reads every catalog entry from the real mirror. Expected counts are those of the mirror README
 * (cross-checked with wc, cut and grep on the files); content checks use the files' own lines.
 */
class DatasetCatalogMirrorTest {
  private static DataDirectory mirror;

  @BeforeAll
  static void findMirror() {
    mirror = DatasetMirror.require();
  }

  private static long rows(String dataset, String split) throws IOException {
    return DatasetCatalog.get(dataset).countRows(mirror, split);
  }

  @Test
  void sst2() throws IOException {
    // train.tsv has 67,350 lines and dev.tsv 873: one header line each.
    assertEquals(67_349, rows("sst2", "train"));
    assertEquals(872, rows("sst2", "dev"));
    try (RecordReader<LabeledText> dev = DatasetCatalog.get("sst2").labeledText(mirror, "dev")) {
      LabeledText first = dev.next();
      assertEquals("it 's a charming and often affecting journey . ", first.text());
      assertEquals("1", first.label());
      assertEquals(2, first.origin().line());
    }
  }

  @Test
  void agnewsCountsLabelsAndDecodedText() throws IOException {
    // No header: train_10k.tsv really holds 10,001 rows (label counts below add up to 10,001).
    assertEquals(7_600, rows("agnews", "test"));
    Map<String, Integer> labels = new TreeMap<>();
    try (RecordReader<LabeledText> train = DatasetCatalog.get("agnews").labeledText(mirror, "train")) {
      for (LabeledText row : train) {
        labels.merge(row.label(), 1, Integer::sum);
        assertFalse(row.text().contains("#39;") || row.text().contains("quot;") || row.text().contains("\\")
            || row.text().contains("&lt;"), row.origin() + ": " + row.text());
      }
    }
    assertEquals(Map.of("Business", 2496, "Sci/Tech", 2538, "Sports", 2458, "World", 2509), labels);
    try (RecordReader<LabeledText> train = DatasetCatalog.get("agnews").labeledText(mirror, "train")) {
      train.next();
      assertEquals("It's over. Our relationship just hasn't been working for a while, and now, this is it. "
          + "I'm leaving you for another browser.", train.next().text());
    }
  }

  @Test
  void imdbSplitsTheFiveThousandReviewsIntoStratifiedTrainAndDev() throws IOException {
    Dataset imdb = DatasetCatalog.get("imdb");
    List<LabeledText> train;
    List<LabeledText> dev;
    try (RecordReader<LabeledText> r = imdb.labeledText(mirror, "train")) {
      train = r.readAll();
    }
    try (RecordReader<LabeledText> r = imdb.labeledText(mirror, "dev")) {
      dev = r.readAll();
    }
    assertEquals(4_000, train.size());
    assertEquals(1_000, dev.size());
    Map<String, Integer> devLabels = new TreeMap<>();
    dev.forEach(t -> devLabels.merge(t.label(), 1, Integer::sum));
    assertEquals(Map.of("negative", 500, "positive", 500), devLabels, "the README: 2,500 of each");
    java.util.Set<String> trainOrigins = new java.util.HashSet<>();
    train.forEach(t -> trainOrigins.add(t.origin().toString()));
    assertTrue(dev.stream().noneMatch(t -> trainOrigins.contains(t.origin().toString())), "disjoint");
    assertTrue(train.stream().noneMatch(t -> t.text().contains("<br")), "line-break tags become spaces");
    // the file's first review (line 2), wherever the split put it
    LabeledText first = (train.get(0).origin().line() == 2 ? train : dev).get(0);
    assertTrue(first.text().startsWith("When you come across a gem of a movie like this"), first.text());
    assertEquals("positive", first.label());
  }

  @Test
  void multi30k() throws IOException {
    assertEquals(29_000, rows("multi30k-en-de", "train"));
    assertEquals(1_014, rows("multi30k-en-de", "val"));
    assertEquals(1_000, rows("multi30k-en-de", "test"));
    try (RecordReader<TranslationPair> train = DatasetCatalog.get("multi30k-en-de").translationPairs(mirror, "train")) {
      TranslationPair first = train.next();
      assertEquals("Two young, White males are outside near many bushes.", first.source());
      assertEquals("Zwei junge weiße Männer sind im Freien in der Nähe vieler Büsche.", first.target());
    }
  }

  @Test
  void multi30kReadsAsRawTextOfBothSidesOneLineEach() throws IOException {
    try (RecordReader<TextDocument> text = TextCorpusSource.of("multi30k-en-de", "train", TextUnit.PARAGRAPH)
        .open(mirror, BadRowPolicy.FAIL)) {
      List<TextDocument> all = text.stream().toList();
      assertEquals(58_000, all.size());
      assertEquals("Two young, White males are outside near many bushes.", all.get(0).text());
      assertEquals("Zwei junge weiße Männer sind im Freien in der Nähe vieler Büsche.", all.get(29_000).text());
    }
  }

  @Test
  void taskSetsReadAsRawTextGiveTheirInputsOnly() throws IOException {
    try (RecordReader<TextDocument> text = TextCorpusSource.of("sst2", "train", TextUnit.PARAGRAPH)
        .open(mirror, BadRowPolicy.FAIL)) {
      List<TextDocument> all = text.stream().toList();
      assertEquals(67_349, all.size());
      assertEquals("when are bears bears and ", all.get(0).text());
      assertEquals(2, all.get(0).origin().line());
    }
    try (RecordReader<TextDocument> text = TextCorpusSource.of("dialogsum", "train", TextUnit.PARAGRAPH)
        .open(mirror, BadRowPolicy.FAIL)) {
      TextDocument first = text.next();
      assertTrue(first.text().startsWith("#Person1#: Hi, Mr. Smith. I'm Doctor Hawkins."), first.text());
      assertFalse(first.text().contains("Hawkins advises him"), "the reference summary is not part of the text");
      assertEquals(12_459, text.count());
    }
    assertEquals("dataset 'conll2003' holds NER sentences, not documents", org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> TextCorpusSource.of("conll2003", "train", TextUnit.LINE)).getMessage());
  }

  @Test
  void dialogsumWithThreeTestReferences() throws IOException {
    assertEquals(12_460, rows("dialogsum", "train"));
    try (RecordReader<SummaryExample> train = DatasetCatalog.get("dialogsum").summaries(mirror, "train")) {
      SummaryExample first = train.next();
      assertEquals("train_0", first.id());
      assertEquals(List.of("Mr. Smith's getting a check-up, and Doctor Hawkins advises him to have one every year. "
          + "Hawkins'll give some information about their classes and medications to help Mr. Smith quit smoking."),
          first.references());
    }
    assertEquals(500, rows("dialogsum", "dev"));
    try (RecordReader<SummaryExample> test = DatasetCatalog.get("dialogsum").summaries(mirror, "test")) {
      List<SummaryExample> all = test.readAll();
      assertEquals(500, all.size());
      assertTrue(all.stream().allMatch(e -> e.references().size() == 3));
      assertEquals("test_0", all.get(0).id());
      assertTrue(all.get(0).document().startsWith("#Person1#: Ms. Dawson, I need you to take a dictation for me.\n"));
    }
  }

  @Test
  void conll2003SentencesAndTokens() throws IOException {
    // Token totals are the published CoNLL-2003 English figures (203,621 / 51,362 / 46,435).
    long[] expected = {14_041, 203_621, 3_250, 51_362, 3_453, 46_435};
    String[] splits = {"train", "valid", "test"};
    for (int i = 0; i < splits.length; i++) {
      long sentences = 0;
      long tokens = 0;
      try (RecordReader<NerSentence> r = DatasetCatalog.get("conll2003").nerSentences(mirror, splits[i])) {
        for (NerSentence s : r) {
          sentences++;
          tokens += s.size();
        }
      }
      assertEquals(expected[2 * i], sentences, splits[i] + " sentences");
      assertEquals(expected[2 * i + 1], tokens, splits[i] + " tokens");
    }
    try (RecordReader<NerSentence> r = DatasetCatalog.get("conll2003").nerSentences(mirror, "train")) {
      NerSentence first = r.next();
      assertEquals(List.of("EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."), first.tokens());
      assertEquals(List.of("B-ORG", "O", "B-MISC", "O", "O", "O", "B-MISC", "O", "O"), first.tags());
    }
  }

  @Test
  void pretrainEnHasTheGutenbergBooksAndTheSpeeches() throws IOException {
    assertEquals(17 + 233, rows("pretrain-en", "train"));
    assertEquals(17, RawTextReader.textFiles(List.of(mirror.resolve("pretrain/gutenberg"))).size());
    assertEquals(233, RawTextReader.textFiles(List.of(mirror.resolve("pretrain/sotu"))).size());
    try (RecordReader<TextDocument> docs = DatasetCatalog.get("pretrain-en")
        .documents(mirror, "train", TextUnit.LINE, BadRowPolicy.FAIL)) {
      assertTrue(docs.next().origin().file().endsWith("pretrain/gutenberg/austen-emma.txt"));
    }
  }

  @Test
  void everyEntryIsPresentInTheMirror() {
    for (Dataset d : DatasetCatalog.all()) {
      assertTrue(d.isPresent(mirror), d.name());
    }
  }
}
