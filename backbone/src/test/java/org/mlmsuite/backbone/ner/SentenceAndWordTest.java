package org.mlmsuite.backbone.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SentenceAndWordTest {
  private final SentenceSplitter sentences = SentenceSplitter.english();
  private final WordTokenizer words = WordTokenizer.english();

  @Test
  void splitsSentencesWithOffsets() {
    String text = "The weather was bad. We stayed at home!  Did you?";
    List<String> split = sentences.split(text).stream().map(s -> s.coveredText(text)).toList();
    assertEquals(List.of("The weather was bad.", "We stayed at home!", "Did you?"), split);
  }

  @Test
  void tokenizesWordsAndPunctuationWithOffsetsIntoTheWholeText() {
    String text = "Intro. Hello, world!";
    CharSpan second = sentences.split(text).get(1);
    List<CharSpan> tokens = words.tokenize(text, second);
    assertEquals(List.of("Hello", ",", "world", "!"), tokens.stream().map(t -> t.coveredText(text)).toList());
    assertEquals(7, tokens.get(0).start());
  }

  @Test
  void isSafeToShareAcrossThreads() {
    List<String> texts = IntStream.range(0, 300)
        .mapToObj(i -> "Sentence number " + i + " ends here. Another one, with commas, follows (" + i + ").").toList();
    List<List<CharSpan>> sequential = texts.stream().map(words::tokenize).toList();
    List<List<CharSpan>> parallel = texts.parallelStream().map(words::tokenize).toList();
    assertEquals(sequential, parallel);
    List<List<CharSpan>> sequentialSentences = texts.stream().map(sentences::split).toList();
    assertEquals(sequentialSentences, texts.parallelStream().map(sentences::split).toList());
    assertEquals(2, sequentialSentences.get(0).size());
  }
}
