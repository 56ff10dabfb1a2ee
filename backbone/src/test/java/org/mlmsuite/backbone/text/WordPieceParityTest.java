package org.mlmsuite.backbone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our tokenizer against Hugging Face's native one (via DJL) on real lines of every mirror data
 * set and on hard hand-written cases: ids, tokens, type ids, word ids, offsets, masks and decoded
 * text must be identical.
 */
class WordPieceParityTest {
  static final List<String> HARD_CASES = List.of(
      "", " ", "   \t\n  ",
      "Héllo Wörld! Ça va? naïve café résumé",
      "ÜNÏCÖDÉ ÀÉÎÕÜ Straße ǅ ﬁne Ω K İstanbul ΣΑΣ",
      "中文字符测试 mixed 日本語テキスト and 한국어 텍스트",
      "𠀀𠀁 ext-B 𫠠𫠡 gap 𫤠 ext-E 豈 compatibility 丽",
      "emoji 😀👍🏽 family 👨‍👩‍👧 flags 🇩🇪 newer 🥲 🫠",
      "zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFbom",
      "non\u00A0breaking\u202Fnarrow\u3000ideographic\u2009thin\u1680ogham",
      "tab\tnew\nline\rcr\u000Bvt\u000Cff\u0085nel\u2028ls\u2029ps",
      "control\u0001\u0002\u007F\u009F chars \u0000null\uFFFDreplacement",
      "private\uE000use unassigned\u0378 soft\u00ADhyphen",
      "a".repeat(101) + " " + "b".repeat(100) + " " + "é".repeat(101),
      "supercalifragilisticexpialidocious antidisestablishmentarianism",
      "[MASK] is [SEP] [CLS][PAD][UNK] literal [mask] [MASK [MASK]] x[MASK]y",
      "abc[MASK]def [[SEP]] [UNK]",
      "don't can't it's we're I'm you've . , ! ? ' \" - -- ... (a) [b] {c} <d>",
      "e\u0301 combining a\u0308 o\u0302\u0323 \u0301alone",
      "Ｆｕｌｌｗｉｄｔｈ　ＡＢＣ１２３ ㎏ ①",
      "£100 €50 ¥30 $5 — “quotes” ‘single’ «guillemets» … §¶ † ‰ ¿¡",
      "math ∑∫√ ≤ ≥ ± × ÷ ∞ °C ½",
      "Greek Αθήνα άέήίόύώ, Cyrillic Москва Ёлка",
      "Arabic مرحبا بالعالم Hebrew שָׁלוֹם",
      "Thai ภาษาไทย Devanagari हिन्दी Tamil தமிழ்",
      "http://example.com/path?q=1&r=2 user@example.org #hashtag @mention",
      "3.14159 1,000,000 2024-01-01 12:30:45 +49 (0)30 1234",
      "ALL CAPS SENTENCE AND MiXeD cAsE",
      "   leading and trailing spaces   ",
      "[CLS] already [SEP] marked [SEP]");

  /** Lines sampled from each of the mirror's data sets (sst2, agnews, multi30k en and de, dialogsum, conll2003, pretrain). */
  private static final int MIRROR_SOURCES = 7;
  private static final int LINES_PER_SOURCE = 500;

  @TempDir static Path tmp;
  static Vocabulary uncasedVocab;
  static Vocabulary casedVocab;
  static List<String> lines;
  static final Map<String, HuggingFaceTokenizer> references = new HashMap<>();

  /**
   * Loaded on first use rather than in {@code @BeforeAll}, so that the hand-written cases, which
   * need no mirror, run (and can fail) without it.
   */
  private static void readMirror() {
    if (lines != null) {
      return;
    }
    lines = MirrorSamples.lines(LINES_PER_SOURCE);
    assertEquals(MIRROR_SOURCES * LINES_PER_SOURCE, lines.size(), "mirror lines sampled");
    // uncased: small vocabulary and alphabet, so many words split and some characters are unknown;
    // cased: a larger vocabulary with the full default alphabet, so long matches are exercised
    uncasedVocab = train(lines, true, new WordPieceTrainer.Options(3000, 2, 300));
    casedVocab = train(lines, false, new WordPieceTrainer.Options(12000, 2, 1000));
  }

  private static Vocabulary train(List<String> corpus, boolean lowercase, WordPieceTrainer.Options options) {
    WordFrequencies freq = new WordFrequencies(lowercase);
    corpus.forEach(freq::add);
    HARD_CASES.forEach(freq::add);
    return new WordPieceTrainer(options).train(freq);
  }

  @AfterAll
  static void close() {
    references.values().forEach(HuggingFaceTokenizer::close);
  }

  private static HuggingFaceTokenizer reference(Vocabulary vocab, boolean lowercase, int maxLength, boolean pad) throws Exception {
    String key = lowercase + "/" + maxLength + "/" + pad;
    HuggingFaceTokenizer t = references.get(key);
    if (t == null) {
      t = HuggingFaceReference.open(vocab, lowercase, maxLength, pad, tmp);
      references.put(key, t);
    }
    return t;
  }

  @Test
  void hardCasesMatchHuggingFaceWithoutTheMirror() throws Exception {
    // vocabularies learnt from the hard cases alone: small, so most words split or are unknown
    for (boolean lowercase : new boolean[] {true, false}) {
      Vocabulary vocab = train(List.of(), lowercase, new WordPieceTrainer.Options(400, 1, 200));
      WordPieceTokenizer ours = new WordPieceTokenizer(vocab, new TokenizerConfig(lowercase, 100_000));
      List<String> failures = new ArrayList<>();
      int compared = 0;
      try (HuggingFaceTokenizer hf = HuggingFaceReference.open(vocab, lowercase, 0, false, tmp);
          HuggingFaceTokenizer truncating = HuggingFaceReference.open(vocab, lowercase, 16, true, tmp)) {
        for (int i = 0; i < HARD_CASES.size(); i++) {
          String a = HARD_CASES.get(i);
          String b = HARD_CASES.get((i + 1) % HARD_CASES.size());
          compare(a, null, ours.encode(a, null, 0, 0), hf.encode(a), ours, hf, vocab, failures);
          compare(a, b, ours.encode(a, b, 16, 16), truncating.encode(a, b), ours, truncating, vocab, failures);
          compared += 2;
        }
      }
      report(failures, compared, 2 * HARD_CASES.size());
    }
  }

  @Test
  void singleTextsMatchHuggingFaceUncased() throws Exception {
    readMirror();
    assertSingles(uncasedVocab, true);
  }

  @Test
  void singleTextsMatchHuggingFaceCased() throws Exception {
    readMirror();
    assertSingles(casedVocab, false);
  }

  private void assertSingles(Vocabulary vocab, boolean lowercase) throws Exception {
    WordPieceTokenizer ours = new WordPieceTokenizer(vocab, new TokenizerConfig(lowercase, 100_000));
    HuggingFaceTokenizer hf = reference(vocab, lowercase, 0, false);
    List<String> texts = new ArrayList<>(lines);
    texts.addAll(HARD_CASES);
    List<String> failures = new ArrayList<>();
    for (String text : texts) {
      compare(text, null, ours.encode(text, null, 0, 0), hf.encode(text), ours, hf, vocab, failures);
    }
    report(failures, texts.size(), lines.size() + HARD_CASES.size());
    System.out.println("parity vocabulary: " + vocab.size() + " tokens, lowercase=" + lowercase);
  }

  @Test
  void specialTokensAnywhereInTheVocabularyAreFoundByName() throws Exception {
    readMirror();
    // Google's BERT vocabularies do not start with the special tokens; move them to the end
    List<String> reordered = new ArrayList<>(uncasedVocab.tokens());
    reordered.removeAll(Vocabulary.SPECIAL_TOKENS);
    reordered.addAll(List.of(Vocabulary.MASK, Vocabulary.SEP, Vocabulary.CLS, Vocabulary.UNK, Vocabulary.PAD));
    Vocabulary vocab = new Vocabulary(reordered);
    WordPieceTokenizer ours = new WordPieceTokenizer(vocab, TokenizerConfig.uncased());
    try (HuggingFaceTokenizer hf = HuggingFaceReference.open(vocab, true, 0, false, tmp)) {
      List<String> texts = new ArrayList<>(lines.subList(0, 300));
      texts.addAll(HARD_CASES);
      List<String> failures = new ArrayList<>();
      for (String text : texts) {
        compare(text, null, ours.encode(text, null, 0, 0), hf.encode(text), ours, hf, vocab, failures);
      }
      report(failures, texts.size(), 300 + HARD_CASES.size());
    }
  }

  @Test
  void pairsWithTruncationAndPaddingMatchHuggingFace() throws Exception {
    readMirror();
    WordPieceTokenizer ours = new WordPieceTokenizer(uncasedVocab, TokenizerConfig.uncased());
    int[] maxLengths = {0, 9, 16, 33, 64};
    List<String> texts = new ArrayList<>(lines);
    texts.addAll(HARD_CASES);
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i + 1 < texts.size(); i += 2) {
      int maxLength = maxLengths[(i / 2) % maxLengths.length];
      boolean pad = maxLength > 0 && (i / 2) % 4 == 1;
      // capped: Hugging Face builds every overflow window when truncating, quadratic on long texts
      String a = cap(texts.get(i));
      String b = cap(texts.get(i + 1));
      HuggingFaceTokenizer hf = reference(uncasedVocab, true, maxLength, pad);
      compare(a, b, ours.encode(a, b, maxLength, pad ? maxLength : 0), hf.encode(a, b), ours, hf, uncasedVocab, failures);
      // and the same single text truncated
      compare(a, null, ours.encode(a, null, maxLength, pad ? maxLength : 0), hf.encode(a), ours, hf, uncasedVocab, failures);
      compared += 2;
    }
    // every text once as the first of a pair and once alone
    report(failures, compared, lines.size() + HARD_CASES.size() - 1);
  }

  @Test
  void batchesArePaddedToTheLongestAsHuggingFaceDoes() throws Exception {
    readMirror();
    WordPieceTokenizer ours = new WordPieceTokenizer(uncasedVocab, TokenizerConfig.uncased().withMaxLength(48));
    HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder()
        .optTokenizerPath(writeJson(uncasedVocab)).optAddSpecialTokens(true)
        .optTruncation(true).optMaxLength(48).optPadding(true).build();
    references.put("batch", hf);
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i + 16 <= lines.size(); i += 160) {
      List<String> batch = lines.subList(i, i + 16);
      List<Encoding> mine = ours.encodeBatch(batch);
      ai.djl.huggingface.tokenizers.Encoding[] theirs = hf.batchEncode(batch);
      for (int k = 0; k < batch.size(); k++) {
        compare(batch.get(k), null, mine.get(k), theirs[k], ours, hf, uncasedVocab, failures);
        compared++;
      }
    }
    // a batch of 16 every 160 lines
    report(failures, compared, lines.size() / 160 * 16);
  }

  private static Path writeJson(Vocabulary vocab) throws Exception {
    Path file = tmp.resolve("batch-tokenizer.json");
    java.nio.file.Files.writeString(file, HuggingFaceReference.tokenizerJson(vocab, true));
    return file;
  }

  private static void compare(String a, String b, Encoding mine, ai.djl.huggingface.tokenizers.Encoding theirs,
      WordPieceTokenizer ours, HuggingFaceTokenizer hf, Vocabulary vocab, List<String> failures) {
    String what = "text " + quote(a) + (b == null ? "" : " / " + quote(b));
    try {
      int[] hfIds = Arrays.stream(theirs.getIds()).mapToInt(x -> (int) x).toArray();
      assertEquals(Arrays.toString(theirs.getTokens()), Arrays.toString(mine.tokens()), "tokens");
      assertEquals(Arrays.toString(hfIds), Arrays.toString(mine.ids()), "ids");
      assertEquals(Arrays.toString(theirs.getTypeIds()), Arrays.toString(mine.typeIds()), "type ids");
      assertEquals(Arrays.toString(theirs.getAttentionMask()), Arrays.toString(mine.attentionMask()), "attention");
      long[] hfWords = theirs.getWordIds();
      long[] typeIds = theirs.getTypeIds();
      // Hugging Face restarts word ids in the second text; ours continue after the first text's last word
      long offset = 0;
      for (int i = 0; i < hfWords.length; i++) {
        if (typeIds[i] == 0 && hfWords[i] >= 0) {
          offset = hfWords[i] + 1;
        }
      }
      long[] expectedWords = new long[hfWords.length];
      for (int i = 0; i < hfWords.length; i++) {
        expectedWords[i] = hfWords[i] < 0 ? -1 : hfWords[i] + (typeIds[i] == 1 ? offset : 0);
      }
      assertEquals(Arrays.toString(expectedWords), Arrays.toString(mine.wordIds()), "word ids");
      CharSpan[] spans = theirs.getCharTokenSpans();
      long[] hfSpecial = theirs.getSpecialTokenMask();
      for (int i = 0; i < spans.length; i++) {
        String text = mine.typeIds()[i] == 1 ? b : a;
        boolean addedByTemplate = hfSpecial[i] == 1;
        if (addedByTemplate) {
          assertEquals(-1, mine.startOffsets()[i], "start offset of special token " + i);
          assertEquals(-1, mine.endOffsets()[i], "end offset of special token " + i);
        } else {
          // Hugging Face counts code points; ours are UTF-16 indices
          int start = text.codePointCount(0, mine.startOffsets()[i]);
          int end = text.codePointCount(0, mine.endOffsets()[i]);
          assertEquals(spans[i].getStart() + "-" + spans[i].getEnd(), start + "-" + end, "offsets of token " + i + " " + mine.tokens()[i]);
        }
        // ours also marks special tokens written in the text (Hugging Face marks only template ones)
        boolean literalSpecial = !addedByTemplate && vocab.isSpecial(mine.ids()[i])
            && text.substring(mine.startOffsets()[i], mine.endOffsets()[i]).equals(mine.tokens()[i]);
        assertEquals(addedByTemplate || literalSpecial, mine.specialMask()[i], "special mask at " + i);
      }
      long[] longIds = theirs.getIds();
      assertEquals(hf.decode(longIds, true), ours.decode(mine.ids(), true), "decode skipping specials");
      assertEquals(hf.decode(longIds, false), ours.decode(mine.ids(), false), "decode with specials");
    } catch (AssertionError e) {
      failures.add(what + ": " + e.getMessage().replaceAll("[\\x00-\\x1F\\uD800-\\uDFFF]", "?"));
    }
  }

  /** Fails on any difference, and when fewer than {@code minimum} encodings were compared (empty input passes nothing). */
  private static void report(List<String> failures, int compared, int minimum) {
    assertTrue(compared >= minimum, "compared only " + compared + " encodings, expected at least " + minimum);
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + compared + " encodings differ from Hugging Face; first ones:\n"
          + String.join("\n", failures.subList(0, Math.min(8, failures.size()))));
    }
    System.out.println("parity: " + compared + " encodings identical to Hugging Face");
  }

  private static String cap(String s) {
    int limit = 200;
    if (s.length() <= limit) {
      return s;
    }
    return s.substring(0, Character.isHighSurrogate(s.charAt(limit - 1)) ? limit - 1 : limit);
  }

  private static String quote(String s) {
    String q = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    StringBuilder out = new StringBuilder("\"");
    for (char c : q.toCharArray()) {
      if (c < 0x20 || Character.isSurrogate(c) || c == 0x7F) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
