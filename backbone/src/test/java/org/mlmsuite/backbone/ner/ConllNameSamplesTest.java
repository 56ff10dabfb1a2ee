package org.mlmsuite.backbone.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllNameSamplesTest {
  @TempDir Path dir;

  private static List<String> spans(String... tags) {
    return ConllNameSamples.spansFromIob(List.of(tags)).stream()
        .map(s -> s.getType() + "[" + s.getStart() + "," + s.getEnd() + ")").toList();
  }

  @Test
  void iob1InsideStartsAnEntityUnlessThePreviousTagHasTheSameType() {
    assertEquals(List.of("PER[0,2)"), spans("I-PER", "I-PER"));
    assertEquals(List.of("PER[1,2)", "LOC[2,3)"), spans("O", "I-PER", "I-LOC"));
    assertEquals(List.of("ORG[0,1)", "ORG[2,3)"), spans("I-ORG", "O", "I-ORG"));
  }

  @Test
  void iob1BeginSeparatesAdjacentEntitiesOfTheSameType() {
    assertEquals(List.of("PER[0,2)", "PER[2,3)"), spans("I-PER", "I-PER", "B-PER"));
    assertEquals(List.of("LOC[0,1)", "LOC[1,3)"), spans("I-LOC", "B-LOC", "I-LOC"));
  }

  @Test
  void iob2BeginStartsEveryEntity() {
    assertEquals(List.of("ORG[0,2)", "ORG[2,3)", "MISC[4,5)"), spans("B-ORG", "I-ORG", "B-ORG", "O", "B-MISC"));
    assertEquals(List.of("PER[0,1)", "LOC[1,2)"), spans("B-PER", "B-LOC"));
    assertEquals(List.of("LOC[2,4)"), spans("O", "O", "B-LOC", "I-LOC"));
  }

  @Test
  void readsSentencesAndDocumentsFromTheRealLayout() throws IOException {
    Path file = dir.resolve("tiny.txt");
    Files.writeString(file, """
        -DOCSTART- -X- -X- O

        EU NNP B-NP B-ORG
        rejects VBZ B-VP O
        German JJ B-NP B-MISC
        call NN I-NP O

        Peter NNP B-NP B-PER
        Blackburn NNP I-NP I-PER

        -DOCSTART- -X- -X- O

        BRUSSELS NNP B-NP B-LOC
        """);
    List<NameSample> samples = ConllNameSamples.read(file);
    assertEquals(3, samples.size());
    assertArrayEquals(new String[] {"EU", "rejects", "German", "call"}, samples.get(0).getSentence());
    assertArrayEquals(new Span[] {new Span(0, 1, "ORG"), new Span(2, 3, "MISC")}, samples.get(0).getNames());
    assertArrayEquals(new Span[] {new Span(0, 2, "PER")}, samples.get(1).getNames());
    assertTrue(samples.get(0).isClearAdaptiveDataSet(), "first sentence of a document");
    assertFalse(samples.get(1).isClearAdaptiveDataSet());
    assertTrue(samples.get(2).isClearAdaptiveDataSet(), "after -DOCSTART-");
  }

  @Test
  void malformedLinesNameFileAndLine() throws IOException {
    Path oneColumn = dir.resolve("one.txt");
    Files.writeString(oneColumn, "EU NNP B-NP B-ORG\nrejects\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConllNameSamples.read(oneColumn));
    assertEquals(oneColumn + ":2: expected 4 columns (as on the file's first token line), found 1: 'rejects'", e.getMessage());

    Path badTag = dir.resolve("tag.txt");
    Files.writeString(badTag, "\nEU NNP B-NP B-ORG\nrejects VBZ B-VP X-PER\n");
    e = assertThrows(IllegalArgumentException.class, () -> ConllNameSamples.read(badTag));
    assertEquals(badTag + ":3: NER tag 'X-PER' is not O, B-TYPE or I-TYPE", e.getMessage());

    Path emptyType = dir.resolve("empty.txt");
    Files.writeString(emptyType, "EU B-\n");
    e = assertThrows(IllegalArgumentException.class, () -> ConllNameSamples.read(emptyType));
    assertTrue(e.getMessage().startsWith(emptyType + ":1: NER tag 'B-'"), e.getMessage());
  }
}
