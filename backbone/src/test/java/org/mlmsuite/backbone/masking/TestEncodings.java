package org.mlmsuite.backbone.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlmsuite.backbone.text.Encoding;

/**
 * Builds Encodings by hand for tests, without the WordPiece tokenizer: words are separated by
 * spaces and a word's pieces by '|' ("Ber|lin" gives the tokens "Ber", "##lin"). Layout is
 * BERT's: [CLS] first [SEP] (second [SEP]) [PAD]...; offsets refer to each segment's text with
 * the '|' removed.
 */
public final class TestEncodings {
  public static final int PAD = 0;
  public static final int UNK = 1;
  public static final int CLS = 2;
  public static final int SEP = 3;
  public static final int MASK = 4;
  public static final int VOCAB_SIZE = 1000;

  private TestEncodings() {}

  public static MaskingVocabulary vocabulary() {
    return new MaskingVocabulary(VOCAB_SIZE, MASK, new int[] {PAD, UNK, CLS, SEP});
  }

  /** The segment's text as the tokenizer would have seen it. */
  public static String text(String segment) {
    return segment.replace("|", "");
  }

  /** Encodes one or two segments, padded to {@code length} (0: no padding). */
  public static Encoding encode(int length, String... segments) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(special("[CLS]", CLS, 0));
    int word = 0;
    for (int s = 0; s < segments.length; s++) {
      int offset = 0;
      for (String w : segments[s].split(" ")) {
        String[] pieces = w.split("\\|");
        for (int p = 0; p < pieces.length; p++) {
          String token = p == 0 ? pieces[p] : "##" + pieces[p];
          rows.add(new Object[] {idOf(token), token, s, word, offset, offset + pieces[p].length(), false, 1});
          offset += pieces[p].length();
        }
        offset++; // the space
        word++;
      }
      rows.add(special("[SEP]", SEP, s));
    }
    while (rows.size() < length) {
      rows.add(new Object[] {PAD, "[PAD]", 0, -1, -1, -1, true, 0});
    }
    int n = rows.size();
    int[] ids = new int[n];
    String[] tokens = new String[n];
    int[] typeIds = new int[n];
    int[] wordIds = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    boolean[] special = new boolean[n];
    int[] attention = new int[n];
    for (int i = 0; i < n; i++) {
      Object[] r = rows.get(i);
      ids[i] = (int) r[0];
      tokens[i] = (String) r[1];
      typeIds[i] = (int) r[2];
      wordIds[i] = (int) r[3];
      starts[i] = (int) r[4];
      ends[i] = (int) r[5];
      special[i] = (boolean) r[6];
      attention[i] = (int) r[7];
    }
    return new Encoding(ids, tokens, typeIds, wordIds, starts, ends, special, attention);
  }

  /**
   * A random segment of {@code words} words; each word has 1 piece (70%), 2 (20%) or 3 (10%),
   * so whole-word and span masking meet multi-piece words.
   */
  public static String randomSegment(SplittableRandom random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        sb.append(' ');
      }
      double u = random.nextDouble();
      int pieces = u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
      sb.append("w").append(random.nextInt(500));
      for (int p = 1; p < pieces; p++) {
        sb.append("|p").append(random.nextInt(50));
      }
    }
    return sb.toString();
  }

  /** A random single- or two-segment encoding, padded half of the time. */
  public static Encoding randomEncoding(SplittableRandom random) {
    String first = randomSegment(random, 3 + random.nextInt(40));
    String[] segments = random.nextBoolean()
        ? new String[] {first}
        : new String[] {first, randomSegment(random, 3 + random.nextInt(40))};
    int padTo = random.nextBoolean() ? 0 : 200;
    return encode(padTo, segments);
  }

  private static Object[] special(String token, int id, int segment) {
    return new Object[] {id, token, segment, -1, -1, -1, true, 1};
  }

  private static int idOf(String token) {
    return 5 + Math.floorMod(token.hashCode(), VOCAB_SIZE - 5);
  }
}
