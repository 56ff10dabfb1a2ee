package org.mlmsuite.backbone.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BERT's WordPiece tokenizer, token for token the same as Hugging Face's fast BertTokenizer
 * (BertNormalizer, BertPreTokenizer, WordPiece with {@code ##} and max 100 characters per word,
 * [CLS]/[SEP] template, special tokens written in the text matched before normalization, and
 * the WordPiece decoder). Immutable and safe to share between threads.
 *
 * <p>Offsets in the {@link Encoding}s are UTF-16 indices into the original text (into the second
 * text for tokens with type id 1); word ids count words over both texts.
 */
public final class WordPieceTokenizer {
  /** Words longer than this many code points become a single [UNK], as in BERT. */
  public static final int MAX_INPUT_CHARS_PER_WORD = 100;

  private final Vocabulary vocab;
  private final TokenizerConfig config;
  private final BertWordSplitter splitter;
  private final CodePointTrie wordStarts = new CodePointTrie(1 << 16);
  private final CodePointTrie continuations = new CodePointTrie(1 << 16);
  private final String[] specialTexts;
  private final int[] specialIds;

  public WordPieceTokenizer(Vocabulary vocab, TokenizerConfig config) {
    this.vocab = vocab;
    this.config = config;
    this.splitter = new BertWordSplitter(config.lowercase());
    List<String> tokens = vocab.tokens();
    for (int id = 0; id < tokens.size(); id++) {
      String t = tokens.get(id);
      wordStarts.insert(t, 0, id);
      if (t.startsWith("##")) {
        continuations.insert(t, 2, id);
      }
    }
    specialTexts = Vocabulary.SPECIAL_TOKENS.toArray(String[]::new);
    specialIds = Vocabulary.SPECIAL_TOKENS.stream().mapToInt(vocab::id).toArray();
  }

  /** A tokenizer for {@code vocab.txt} with the given config. */
  public static WordPieceTokenizer load(Path vocabTxt, TokenizerConfig config) {
    return new WordPieceTokenizer(Vocabulary.load(vocabTxt), config);
  }

  /** Loads {@value Vocabulary#FILE_NAME} and {@value TokenizerConfig#FILE_NAME} from a model directory. */
  public static WordPieceTokenizer fromDirectory(Path dir) {
    return load(dir.resolve(Vocabulary.FILE_NAME), TokenizerConfig.load(dir));
  }

  /** Saves {@value Vocabulary#FILE_NAME} and {@value TokenizerConfig#FILE_NAME} into a model directory. */
  public void saveTo(Path dir) {
    vocab.save(dir.resolve(Vocabulary.FILE_NAME));
    config.save(dir);
  }

  public Vocabulary vocabulary() {
    return vocab;
  }

  public TokenizerConfig config() {
    return config;
  }

  /** {@code [CLS] text [SEP]}, truncated to the config's max length, not padded. */
  public Encoding encode(String text) {
    return encode(text, null, config.maxLength(), 0);
  }

  /** {@code [CLS] a [SEP] b [SEP]}, truncated longest-first to the config's max length, not padded. */
  public Encoding encodePair(String a, String b) {
    return encode(a, b, config.maxLength(), 0);
  }

  /**
   * Encodes one text or a pair.
   *
   * @param a the first text
   * @param b the second text, or null for a single text
   * @param maxLength truncate (longest-first, as Hugging Face) so the result, special tokens
   *     included, has at most this many tokens; 0 or less: no truncation
   * @param padToLength append [PAD]s until the encoding has this length (no-op if already longer)
   */
  public Encoding encode(String a, String b, int maxLength, int padToLength) {
    Pieces first = pieces(a);
    Pieces second = b == null ? null : pieces(b);
    if (maxLength > 0) {
      truncate(first, second, maxLength);
    }
    int real = first.size + 2 + (second == null ? 0 : second.size + 1);
    int n = Math.max(real, padToLength);
    int[] ids = new int[n];
    String[] tokens = new String[n];
    int[] typeIds = new int[n];
    int[] wordIds = new int[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    boolean[] special = new boolean[n];
    int[] attention = new int[n];
    Arrays.fill(wordIds, -1);
    Arrays.fill(starts, -1);
    Arrays.fill(ends, -1);
    int p = 0;
    p = putSpecial(vocab.clsId(), 0, p, ids, typeIds, special, attention);
    p = putPieces(first, 0, 0, p, ids, typeIds, wordIds, starts, ends, special, attention);
    p = putSpecial(vocab.sepId(), 0, p, ids, typeIds, special, attention);
    if (second != null) {
      int wordOffset = first.size == 0 ? 0 : first.wordIds[first.size - 1] + 1;
      p = putPieces(second, 1, wordOffset, p, ids, typeIds, wordIds, starts, ends, special, attention);
      p = putSpecial(vocab.sepId(), 1, p, ids, typeIds, special, attention);
    }
    for (; p < n; p++) {
      ids[p] = vocab.padId();
      special[p] = true;
    }
    for (int i = 0; i < n; i++) {
      tokens[i] = vocab.token(ids[i]);
    }
    return new Encoding(ids, tokens, typeIds, wordIds, starts, ends, special, attention);
  }

  /** Encodes each text (truncated to the config's max length) and pads all to the longest. */
  public List<Encoding> encodeBatch(List<String> texts) {
    return padToLongest(texts.stream().map(this::encode).toList());
  }

  /** Encodes each pair {@code (a[i], b[i])} and pads all to the longest. */
  public List<Encoding> encodePairBatch(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("pair batch has " + a.size() + " first texts but " + b.size() + " second texts");
    }
    List<Encoding> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(encodePair(a.get(i), b.get(i)));
    }
    return padToLongest(out);
  }

  private List<Encoding> padToLongest(List<Encoding> encodings) {
    int longest = encodings.stream().mapToInt(Encoding::length).max().orElse(0);
    return encodings.stream().map(e -> e.length() == longest ? e : pad(e, longest)).toList();
  }

  private Encoding pad(Encoding e, int length) {
    int n = e.length();
    int[] ids = Arrays.copyOf(e.ids(), length);
    String[] tokens = Arrays.copyOf(e.tokens(), length);
    int[] wordIds = Arrays.copyOf(e.wordIds(), length);
    int[] starts = Arrays.copyOf(e.startOffsets(), length);
    int[] ends = Arrays.copyOf(e.endOffsets(), length);
    boolean[] special = Arrays.copyOf(e.specialMask(), length);
    Arrays.fill(ids, n, length, vocab.padId());
    Arrays.fill(tokens, n, length, Vocabulary.PAD);
    Arrays.fill(wordIds, n, length, -1);
    Arrays.fill(starts, n, length, -1);
    Arrays.fill(ends, n, length, -1);
    Arrays.fill(special, n, length, true);
    return new Encoding(ids, tokens, Arrays.copyOf(e.typeIds(), length), wordIds, starts, ends,
        special, Arrays.copyOf(e.attentionMask(), length));
  }

  /** The word pieces of a text, without [CLS]/[SEP] and without truncation. */
  public List<String> tokenize(String text) {
    Pieces p = pieces(text);
    List<String> out = new ArrayList<>(p.size);
    for (int i = 0; i < p.size; i++) {
      out.add(vocab.token(p.ids[i]));
    }
    return out;
  }

  /** Text from ids, leaving out special tokens (including [UNK]), as Hugging Face's decode does. */
  public String decode(int[] ids) {
    return decode(ids, true);
  }

  /**
   * Text from ids with Hugging Face's WordPiece decoder: pieces joined with spaces, {@code ##}
   * continuations glued on, and no space before {@code . ? ! ,}.
   *
   * @throws IllegalArgumentException for an id outside the vocabulary
   */
  public String decode(int[] ids, boolean skipSpecialTokens) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (int id : ids) {
      if (skipSpecialTokens && vocab.isSpecial(id)) {
        continue;
      }
      String token = vocab.token(id);
      String piece;
      if (first) {
        piece = token;
      } else if (token.startsWith("##")) {
        piece = token.substring(2);
      } else {
        piece = " " + token;
      }
      first = false;
      out.append(cleanUp(piece));
    }
    return out.toString();
  }

  /** Hugging Face's decoder cleanup, applied (as there) to each piece on its own. */
  private static String cleanUp(String piece) {
    if (piece.indexOf(' ') < 0) {
      return piece;
    }
    return piece.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
        .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" do not", " don't")
        .replace(" 's", "'s").replace(" 've", "'ve").replace(" 're", "'re");
  }

  // ---- tokenizing one text into pieces -------------------------------------------------------

  /** The pieces of one text: parallel arrays, {@code size} used. */
  private static final class Pieces implements BertWordSplitter.WordSink {
    int[] ids = new int[32];
    int[] wordIds = new int[32];
    int[] starts = new int[32];
    int[] ends = new int[32];
    boolean[] literalSpecial = new boolean[32];
    int size;
    int words;
    WordPieceTokenizer owner;

    void add(int id, int word, int start, int end, boolean isSpecial) {
      if (size == ids.length) {
        int n = size * 2;
        ids = Arrays.copyOf(ids, n);
        wordIds = Arrays.copyOf(wordIds, n);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        literalSpecial = Arrays.copyOf(literalSpecial, n);
      }
      ids[size] = id;
      wordIds[size] = word;
      starts[size] = start;
      ends[size] = end;
      literalSpecial[size] = isSpecial;
      size++;
    }

    @Override
    public void word(int[] codePoints, int[] wordStarts, int[] wordEnds, int length) {
      owner.wordPieces(codePoints, wordStarts, wordEnds, length, this);
      words++;
    }
  }

  private Pieces pieces(String text) {
    Pieces out = new Pieces();
    out.owner = this;
    BertWordSplitter.WordBuffer buffer = new BertWordSplitter.WordBuffer();
    int pos = 0;
    int len = text.length();
    while (pos < len) {
      int specialAt = -1;
      int special = -1;
      for (int bracket = text.indexOf('[', pos); bracket >= 0; bracket = text.indexOf('[', bracket + 1)) {
        special = specialAt(text, bracket);
        if (special >= 0) {
          specialAt = bracket;
          break;
        }
      }
      int plainEnd = specialAt < 0 ? len : specialAt;
      splitter.split(text, pos, plainEnd, buffer, out);
      if (specialAt < 0) {
        break;
      }
      int end = specialAt + specialTexts[special].length();
      out.add(specialIds[special], out.words++, specialAt, end, true);
      pos = end;
    }
    return out;
  }

  /** Which special token (index into {@link #specialTexts}) starts at {@code at}, longest first; -1 if none. */
  private int specialAt(String text, int at) {
    int best = -1;
    for (int s = 0; s < specialTexts.length; s++) {
      if (text.startsWith(specialTexts[s], at)
          && (best < 0 || specialTexts[s].length() > specialTexts[best].length())) {
        best = s;
      }
    }
    return best;
  }

  /** Greedy longest-match-first WordPiece of one word; the whole word is [UNK] if any part fails. */
  private void wordPieces(int[] cps, int[] starts, int[] ends, int n, Pieces out) {
    int word = out.words;
    if (n > MAX_INPUT_CHARS_PER_WORD) {
      out.add(vocab.unkId(), word, starts[0], ends[n - 1], false);
      return;
    }
    int mark = out.size;
    int start = 0;
    while (start < n) {
      CodePointTrie trie = start == 0 ? wordStarts : continuations;
      int node = 0;
      int bestId = -1;
      int bestEnd = -1;
      for (int j = start; j < n; j++) {
        node = trie.child(node, cps[j]);
        if (node < 0) {
          break;
        }
        int id = trie.tokenId(node);
        if (id >= 0) {
          bestId = id;
          bestEnd = j + 1;
        }
      }
      if (bestId < 0) {
        out.size = mark;
        out.add(vocab.unkId(), word, starts[0], ends[n - 1], false);
        return;
      }
      out.add(bestId, word, starts[start], ends[bestEnd - 1], false);
      start = bestEnd;
    }
  }

  // ---- truncation and assembly ---------------------------------------------------------------

  /** Hugging Face's LongestFirst truncation, with room kept for the special tokens. */
  private static void truncate(Pieces a, Pieces b, int maxLength) {
    int added = b == null ? 2 : 3;
    int budget = maxLength - added;
    if (budget < 0) {
      throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for the " + added + " special tokens");
    }
    int total = a.size + (b == null ? 0 : b.size);
    if (total <= budget) {
      return;
    }
    if (b == null) {
      a.size = budget;
      return;
    }
    int n1 = a.size;
    int n2 = b.size;
    boolean swap = n1 > n2;
    if (swap) {
      int t = n1;
      n1 = n2;
      n2 = t;
    }
    n2 = n1 > budget ? n1 : Math.max(n1, budget - n1);
    if (n1 + n2 > budget) {
      n1 = budget / 2;
      n2 = n1 + budget % 2;
    }
    if (swap) {
      int t = n1;
      n1 = n2;
      n2 = t;
    }
    a.size = Math.min(a.size, n1);
    b.size = Math.min(b.size, n2);
  }

  private static int putSpecial(int id, int type, int p, int[] ids, int[] typeIds, boolean[] special, int[] attention) {
    ids[p] = id;
    typeIds[p] = type;
    special[p] = true;
    attention[p] = 1;
    return p + 1;
  }

  private static int putPieces(Pieces pieces, int type, int wordOffset, int p, int[] ids, int[] typeIds,
      int[] wordIds, int[] starts, int[] ends, boolean[] special, int[] attention) {
    for (int i = 0; i < pieces.size; i++, p++) {
      ids[p] = pieces.ids[i];
      typeIds[p] = type;
      wordIds[p] = pieces.wordIds[i] + wordOffset;
      starts[p] = pieces.starts[i];
      ends[p] = pieces.ends[i];
      special[p] = pieces.literalSpecial[i];
      attention[p] = 1;
    }
    return p;
  }
}
