package org.mlmsuite.backbone.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-worked cases with a tiny vocabulary (the parity test covers real data against Hugging Face). */
class WordPieceTokenizerTest {
  // ids:                                    0        1        2        3        4         5     6       7        8      9       10    11   12   13     14       15
  static final List<String> TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "the", "cafe", ",", ".", "!", "hello", "##s", "中");
  static final Vocabulary VOCAB = new Vocabulary(TOKENS);

  @TempDir Path tmp;

  private static WordPieceTokenizer uncased() {
    return new WordPieceTokenizer(VOCAB, TokenizerConfig.uncased());
  }

  @Test
  void bertsClassicExample() {
    Encoding e = uncased().encode("UNAFFABLE");
    assertArrayEquals(new String[] {"[CLS]", "un", "##aff", "##able", "[SEP]"}, e.tokens());
    assertArrayEquals(new int[] {2, 5, 6, 7, 3}, e.ids());
    assertArrayEquals(new int[] {-1, 0, 2, 5, -1}, e.startOffsets());
    assertArrayEquals(new int[] {-1, 2, 5, 9, -1}, e.endOffsets());
    assertArrayEquals(new int[] {-1, 0, 0, 0, -1}, e.wordIds());
    assertArrayEquals(new boolean[] {true, false, false, false, true}, e.specialMask());
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, e.attentionMask());
  }

  @Test
  void accentsAreStrippedButOffsetsPointAtTheOriginalCharacters() {
    // "Ca" + "f" + "e\u0301" (combining acute): 5 UTF-16 chars; the mark is dropped, its span folds into "cafe"
    String text = "  Cafe\u0301, hellos!";
    Encoding e = uncased().encode(text);
    assertArrayEquals(new String[] {"[CLS]", "cafe", ",", "hello", "##s", "!", "[SEP]"}, e.tokens());
    assertEquals("Cafe", text.substring(e.startOffsets()[1], e.endOffsets()[1]));
    assertEquals(",", text.substring(e.startOffsets()[2], e.endOffsets()[2]));
    assertEquals("s", text.substring(e.startOffsets()[4], e.endOffsets()[4]));
    assertArrayEquals(new int[] {-1, 0, 1, 2, 2, 3, -1}, e.wordIds());
  }

  @Test
  void casedKeepsCaseSoUnknownWordsBecomeUnk() {
    WordPieceTokenizer cased = new WordPieceTokenizer(VOCAB, TokenizerConfig.cased());
    assertEquals(List.of("[UNK]", "the"), cased.tokenize("The the"));
    assertEquals(List.of("[UNK]"), cased.tokenize("café"), "no accent stripping when cased");
  }

  @Test
  void wordThatCannotBeCoveredIsOneUnkSpanningTheWord() {
    Encoding e = uncased().encode("unaffablex the");
    assertArrayEquals(new String[] {"[CLS]", "[UNK]", "the", "[SEP]"}, e.tokens());
    assertEquals(0, e.startOffsets()[1]);
    assertEquals(10, e.endOffsets()[1]);
  }

  @Test
  void wordsLongerThan100CharactersAreUnk() {
    Vocabulary as = new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "##a", "\uD835\uDC00", "##\uD835\uDC00"));
    WordPieceTokenizer t = new WordPieceTokenizer(as, TokenizerConfig.uncased());
    assertEquals(100, t.tokenize("a".repeat(100)).size());
    assertEquals(List.of("[UNK]"), t.tokenize("a".repeat(101)));
    // U+1D400 is two UTF-16 units: 60 of them are 120 units but 60 code points, under the limit
    assertEquals(60, t.tokenize("\uD835\uDC00".repeat(60)).size(), "counted in code points, not UTF-16 units");
  }

  @Test
  void cjkIdeographsAreSingleWordsAndControlsVanish() {
    assertEquals(List.of("the", "中", "the"), uncased().tokenize("the中the"));
    assertEquals(List.of("hello"), uncased().tokenize("hel\u200Blo"), "zero-width space is a format char, removed");
    assertEquals(List.of("the", "the"), uncased().tokenize("the\u00A0the"), "no-break space splits");
  }

  @Test
  void loneSurrogatesAreDroppedLikeOtherCategoryCCharacters() {
    // not comparable with Hugging Face through DJL: JNI turns a lone surrogate into three U+FFFD
    String text = "the\uD800cafe \uDC00the";
    Encoding e = uncased().encode(text);
    assertArrayEquals(new String[] {"[CLS]", "[UNK]", "the", "[SEP]"}, e.tokens(), "thecafe is one word");
    assertEquals(0, e.startOffsets()[1]);
    assertEquals(8, e.endOffsets()[1]);
    assertEquals(10, e.startOffsets()[2]);
  }

  @Test
  void literalSpecialTokensAreMatchedBeforeLowercasing() {
    Encoding e = uncased().encode("the[MASK] [mask]");
    assertArrayEquals(new String[] {"[CLS]", "the", "[MASK]", "[UNK]", "[UNK]", "[UNK]", "[SEP]"}, e.tokens());
    assertArrayEquals(new boolean[] {true, false, true, false, false, false, true}, e.specialMask());
    assertEquals(3, e.startOffsets()[2]);
    assertEquals(9, e.endOffsets()[2]);
  }

  @Test
  void pairHasSegmentsAndContinuedWordIds() {
    Encoding e = uncased().encodePair("the cafe", "hellos");
    assertArrayEquals(new String[] {"[CLS]", "the", "cafe", "[SEP]", "hello", "##s", "[SEP]"}, e.tokens());
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1}, e.typeIds());
    assertArrayEquals(new int[] {-1, 0, 1, -1, 2, 2, -1}, e.wordIds());
    assertArrayEquals(new int[] {-1, 0, 4, -1, 0, 5, -1}, e.startOffsets(), "second text's offsets are into the second text");
  }

  @Test
  void longestFirstTruncationAndPadding() {
    // a: 4 tokens, b: 1 token, max 7 -> budget 4: b keeps 1, a keeps 3
    Encoding e = uncased().encode("the the the the", "cafe", 7, 9);
    assertArrayEquals(new String[] {"[CLS]", "the", "the", "the", "[SEP]", "cafe", "[SEP]", "[PAD]", "[PAD]"}, e.tokens());
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 0, 0}, e.attentionMask());
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 0, 0}, e.typeIds());
    // both long: budget 5 split 2 / 3, the longer (first) gets the extra one
    Encoding f = uncased().encode("the the the the the the", "cafe cafe cafe cafe", 8, 0);
    assertArrayEquals(new String[] {"[CLS]", "the", "the", "the", "[SEP]", "cafe", "cafe", "[SEP]"}, f.tokens());
    assertThrows(IllegalArgumentException.class, () -> uncased().encode("the", "the", 2, 0));
  }

  @Test
  void batchIsPaddedToTheLongest() {
    List<Encoding> batch = uncased().encodeBatch(List.of("the", "the cafe the", ""));
    assertEquals(List.of(5, 5, 5), batch.stream().map(Encoding::length).toList());
    assertArrayEquals(new String[] {"[CLS]", "[SEP]", "[PAD]", "[PAD]", "[PAD]"}, batch.get(2).tokens());
    assertArrayEquals(new int[] {2, 3, 0, 0, 0}, batch.get(2).ids());
    assertArrayEquals(new int[] {1, 1, 0, 0, 0}, batch.get(2).attentionMask());
  }

  @Test
  void decodeJoinsPiecesAndCleansSpaceBeforePunctuation() {
    WordPieceTokenizer t = uncased();
    int[] ids = t.encode("Unaffable, the cafe!").ids();
    assertEquals("unaffable, the cafe!", t.decode(ids));
    assertEquals("[CLS] unaffable, the cafe! [SEP]", t.decode(ids, false));
    assertThrows(IllegalArgumentException.class, () -> t.decode(new int[] {99}));
  }

  @Test
  void savesAndLoadsFromAModelDirectory() {
    WordPieceTokenizer t = new WordPieceTokenizer(VOCAB, new TokenizerConfig(false, 64));
    t.saveTo(tmp);
    WordPieceTokenizer back = WordPieceTokenizer.fromDirectory(tmp);
    assertEquals(new TokenizerConfig(false, 64), back.config());
    assertEquals(VOCAB.tokens(), back.vocabulary().tokens());
    assertEquals(List.of("[UNK]", "the"), back.tokenize("The the"), "the cased flag came back");
  }
}
