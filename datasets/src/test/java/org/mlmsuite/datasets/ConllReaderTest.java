package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllReaderTest {
  @TempDir Path dir;

  private static final String TWO_DOCUMENTS = """
      -DOCSTART- -X- -X- O

      EU NNP B-NP B-ORG
      rejects VBZ B-VP O
      German JJ B-NP B-MISC

      Peter NNP B-NP B-PER
      Blackburn NNP I-NP I-PER


      -DOCSTART- -X- -X- O
      BRUSSELS NNP B-NP B-LOC
      -DOCSTART- -X- -X- O

      Rain NN B-NP O
      """;

  @Test
  void sentencesSplitOnBlankLinesAndDocumentStarts() throws IOException {
    Path file = TestFiles.write(dir, "t.txt", TWO_DOCUMENTS);
    List<NerSentence> sentences;
    try (ConllReader reader = ConllReader.open(file, BadRowPolicy.FAIL)) {
      sentences = reader.readAll();
    }
    assertEquals(4, sentences.size());
    NerSentence first = sentences.get(0);
    assertEquals(List.of("EU", "rejects", "German"), first.tokens());
    assertEquals(List.of("B-ORG", "O", "B-MISC"), first.tags());
    assertEquals(List.of("NNP", "VBZ", "JJ"), first.column(1));
    assertEquals(4, first.columns().size());
    assertEquals(new Origin(file, 3), first.origin());
    assertEquals(List.of("I-PER"), sentences.get(1).tags().subList(1, 2));
    assertEquals(List.of("BRUSSELS"), sentences.get(2).tokens());
    assertEquals(12, sentences.get(2).origin().line());
    assertEquals(List.of("Rain"), sentences.get(3).tokens());
    assertEquals(List.of(true, false, true, true), sentences.stream().map(NerSentence::documentStart).toList());
  }

  @Test
  void raggedTokenLineFailsOrSkipsTheWholeSentence() throws IOException {
    Path file = TestFiles.write(dir, "r.txt", "EU NNP B-NP B-ORG\nrejects VBZ O\ncalls NN O O\n\nPeter NNP B-NP B-PER\n");
    BadRecordException e = assertThrows(BadRecordException.class, () -> {
      try (ConllReader reader = ConllReader.open(file, BadRowPolicy.FAIL)) {
        reader.readAll();
      }
    });
    assertEquals(file + ":2: expected 4 columns (as on the file's first token line), found 3: 'rejects VBZ O'",
        e.getMessage());
    try (ConllReader reader = ConllReader.open(file, BadRowPolicy.SKIP)) {
      List<NerSentence> kept = reader.readAll();
      assertEquals(1, kept.size());
      assertEquals(List.of("Peter"), kept.get(0).tokens());
      assertEquals(1, reader.skippedRows());
    }
  }

  @Test
  void tabSeparatedTwoColumnFilesWork() throws IOException {
    Path file = TestFiles.writeGzip(dir, "t.conll.gz", "Paris\tB-LOC\nis\tO\n");
    try (ConllReader reader = ConllReader.open(file, BadRowPolicy.FAIL)) {
      NerSentence s = reader.next();
      assertEquals(List.of("Paris", "is"), s.tokens());
      assertEquals(List.of("B-LOC", "O"), s.tags());
    }
  }
}
