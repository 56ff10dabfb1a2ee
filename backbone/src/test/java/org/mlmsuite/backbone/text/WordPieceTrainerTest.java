package org.mlmsuite.backbone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordPieceTrainerTest {
  private static final List<String> SPECIALS = Vocabulary.SPECIAL_TOKENS;

  private static Vocabulary train(String corpus, int size, int minFrequency) {
    WordFrequencies f = new WordFrequencies(true);
    f.add(corpus);
    return new WordPieceTrainer(new WordPieceTrainer.Options(size, minFrequency, 1000)).train(f);
  }

  @Test
  void mergesTheMostFrequentPairUntilMinFrequency() {
    // words ab x3, abc x1: alphabet a b c; continuation symbols ##b ##c;
    // pair (a, ##b) occurs 4 times -> "ab"; (ab, ##c) occurs once < 2 -> stop
    Vocabulary v = train("AB ab ab abc", 100, 2);
    assertEquals(concat(SPECIALS, List.of("a", "b", "c", "##b", "##c", "ab")), v.tokens());
  }

  @Test
  void stopsAtTheRequestedSize() {
    // "low" x5 "lower" x2 "newest" x6 "widest" x3 (the BPE paper's example):
    // most frequent pair is (##e, ##s) 9 times -> "##es", then (##es, ##t) 9 -> "##est"
    String corpus = "low ".repeat(5) + "lower ".repeat(2) + "newest ".repeat(6) + "widest ".repeat(3);
    Vocabulary full = train(corpus, 1000, 2);
    int base = full.tokens().indexOf("##es");
    assertTrue(base > 0, full.tokens().toString());
    assertEquals("##est", full.token(base + 1));
    Vocabulary small = train(corpus, base + 1, 2);
    assertEquals(base + 1, small.size());
    assertEquals("##es", small.token(base));
  }

  @Test
  void specialTokensComeFirstAndTrainingCorpusHasNoUnknowns() {
    List<String> lines = MirrorSamples.lines(150);
    WordFrequencies f = new WordFrequencies(true);
    lines.forEach(f::add);
    Vocabulary v = new WordPieceTrainer(WordPieceTrainer.Options.withVocabSize(2000)).train(f);
    assertEquals(SPECIALS, v.tokens().subList(0, 5));
    assertEquals(2000, v.size());
    WordPieceTokenizer t = new WordPieceTokenizer(v, TokenizerConfig.uncased());
    long tokens = 0;
    long unknown = 0;
    for (String line : lines) {
      for (int id : t.encode(line, null, 0, 0).ids()) {
        tokens++;
        unknown += id == v.unkId() ? 1 : 0;
      }
    }
    // every character is in the alphabet (well under 1000 distinct), so nothing is unknown
    assertEquals(0, unknown, "unknown tokens among " + tokens);
    // the frequent words are whole tokens
    assertEquals(List.of("the"), t.tokenize("the"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
