package org.mlmsuite.backbone.text;

import java.text.Normalizer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Normalizes text and splits it into words exactly as Hugging Face's BertNormalizer
 * (clean_text, handle_chinese_chars, strip_accents = lowercase, lowercase) followed by
 * BertPreTokenizer do, in one pass over the code points, keeping for every normalized code point
 * the span of the original character it came from.
 *
 * <p>Per original character, in Hugging Face's order: NUL, U+FFFD and controls (category C*
 * except tab/CR/LF) are dropped, whitespace becomes a space; a CJK ideograph becomes a word of its
 * own; if uncased, NFD decomposition with non-spacing marks (Mn) dropped, then lowercasing. The
 * result is split on whitespace (removed) and punctuation (each its own word).
 */
final class BertWordSplitter {
  /** Receives each word; the arrays are reused, valid only during the call. */
  interface WordSink {
    /**
     * @param codePoints normalized code points of the word, {@code [0, length)}
     * @param starts UTF-16 offset in the original text where the character of each code point starts
     * @param ends UTF-16 offset where it ends (exclusive)
     */
    void word(int[] codePoints, int[] starts, int[] ends, int length);
  }

  private static final int[] DROPPED = new int[0];
  private static final int[] SPACE = {' '};

  private final boolean uncased;
  /** Normalized form of each BMP character, filled lazily; release/acquire so threads may share it. */
  private final AtomicReferenceArray<int[]> bmp = new AtomicReferenceArray<>(0x10000);
  private final ConcurrentHashMap<Integer, int[]> astral = new ConcurrentHashMap<>();

  BertWordSplitter(boolean uncased) {
    this.uncased = uncased;
  }

  /** A reusable per-call buffer for the word being built. */
  static final class WordBuffer {
    int[] codePoints = new int[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    int length;

    void add(int cp, int start, int end) {
      if (length == codePoints.length) {
        int n = length * 2;
        codePoints = java.util.Arrays.copyOf(codePoints, n);
        starts = java.util.Arrays.copyOf(starts, n);
        ends = java.util.Arrays.copyOf(ends, n);
      }
      codePoints[length] = cp;
      starts[length] = start;
      ends[length] = end;
      length++;
    }

    void flush(WordSink sink) {
      if (length > 0) {
        sink.word(codePoints, starts, ends, length);
        length = 0;
      }
    }
  }

  /** Splits {@code text[from, to)} into words, passing each to {@code sink}. */
  void split(String text, int from, int to, WordBuffer word, WordSink sink) {
    for (int i = from; i < to; ) {
      int cp = text.charAt(i);
      int width = 1;
      if (Character.isHighSurrogate((char) cp) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = Character.toCodePoint((char) cp, text.charAt(i + 1));
        width = 2;
      }
      int end = i + width;
      if (cp < 0x80) {
        // ASCII fast path: only letters may change (lowercasing), the rest is classified as is
        if (cp >= 'A' && cp <= 'Z') {
          word.add(uncased ? cp + 32 : cp, i, end);
        } else if (cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9') {
          word.add(cp, i, end);
        } else {
          classify(cp, i, end, word, sink);
        }
      } else {
        boolean cjk = BertCharacters.isCjkIdeograph(cp);
        if (cjk) {
          word.flush(sink);
        }
        for (int c : normalized(cp)) {
          classify(c, i, end, word, sink);
        }
        if (cjk) {
          word.flush(sink);
        }
      }
      i = end;
    }
    word.flush(sink);
  }

  private static void classify(int c, int start, int end, WordBuffer word, WordSink sink) {
    if (c == 0 || c == 0xFFFD || BertCharacters.isControl(c)) {
      return; // cleaned away before whitespace is looked at, so VT and FF vanish rather than split
    }
    if (BertCharacters.isWhitespace(c)) {
      word.flush(sink);
    } else if (BertCharacters.isPunctuation(c)) {
      word.flush(sink);
      word.add(c, start, end);
      word.flush(sink);
    } else {
      word.add(c, start, end);
    }
  }

  /** The code points one original character turns into (before splitting). */
  int[] normalized(int cp) {
    if (cp < 0x10000) {
      int[] cached = bmp.getAcquire(cp);
      if (cached == null) {
        cached = computeNormalized(cp);
        bmp.setRelease(cp, cached);
      }
      return cached;
    }
    return astral.computeIfAbsent(cp, this::computeNormalized);
  }

  private int[] computeNormalized(int cp) {
    if (cp == 0 || cp == 0xFFFD || BertCharacters.isControl(cp)) {
      return DROPPED;
    }
    if (BertCharacters.isWhitespace(cp)) {
      return SPACE;
    }
    if (!uncased) {
      return new int[] {cp};
    }
    String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(c -> {
          if (c == 0x130) {
            out.append("i\u0307"); // the one unconditional multi-char lowercase mapping (Rust's to_lowercase)
          } else {
            out.appendCodePoint(Character.toLowerCase(c));
          }
        });
    return out.codePoints().toArray();
  }
}
