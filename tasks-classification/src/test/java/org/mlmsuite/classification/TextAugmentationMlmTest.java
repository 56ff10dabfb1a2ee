package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.SeedMixer;

/**
 * {@link TextAugmentation} with {@link TextAugmentation.Replacement#MLM}: all copies of many texts
 * through one batched fill-mask give what one fill-mask call per copy gives, however the texts are
 * grouped.
 */
class TextAugmentationMlmTest {
  static final List<String> WORDS = List.of("the", "movie", "film", "was", "a", "plot", "good", "bad", "dull", "fun",
      "witty", "and", "it", "really", "act", "play");
  static final WordPieceTokenizer TOKENIZER;

  static {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(WORDS);
    tokens.addAll(List.of("##s", "##ing", "##ed", "##ly")); // pieces the augmenter must not pick
    TOKENIZER = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
  }

  @TempDir static Path tmp;
  static Path maskedLm;

  @BeforeAll
  static void backbone() {
    maskedLm = UntrainedBackbone.write(tmp.resolve("lm"), TransformerConfig.tiny(TOKENIZER.vocabulary().size()),
        TOKENIZER, 9).path();
  }

  /** 30 texts of 2 to 14 words, some with a word cut into pieces ("acting", "plays"). */
  static List<String> texts() {
    Random random = new Random(4);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      List<String> words = new ArrayList<>();
      for (int n = 2 + random.nextInt(13); n > 0; n--) {
        words.add(WORDS.get(random.nextInt(WORDS.size())));
      }
      if (i % 3 == 0) {
        words.add(random.nextInt(words.size()), i % 2 == 0 ? "acting" : "plays");
      }
      out.add(String.join(" ", words));
    }
    return out;
  }

  static TextAugmentation.Settings settings(long seed) {
    // 6 copies, a word in four masked, n-grams kept in one copy in four, top-8 candidates
    return new TextAugmentation.Settings(6, 0.25, 0.25, 5, TextAugmentation.Replacement.MLM, 8, seed);
  }

  /**
   * The documented recipe, one copy and one one-text fill-mask at a time: copy c of text i draws
   * from Random(mix(mix(seed, i), c)) its masked words, then a whole-word candidate per mask
   * (uniformly among the top-k's whole words in id order), then the n-gram.
   */
  static List<String> oneCopyAtATime(String text, long index, TextAugmentation.Settings s, Backbone lm) {
    Set<String> copies = new LinkedHashSet<>();
    List<String> original = List.of(text.trim().split("\\s+"));
    for (int c = 0; c < s.copies(); c++) {
      Random random = new Random(SeedMixer.mix(SeedMixer.mix(s.seed(), index), c));
      List<String> words = new ArrayList<>(original);
      List<Integer> masked = new ArrayList<>();
      for (int w = 0; w < words.size(); w++) {
        if (random.nextDouble() < s.maskProbability()) {
          words.set(w, Vocabulary.MASK);
          masked.add(w);
        }
      }
      if (!masked.isEmpty()) {
        List<List<Backbone.Candidate>> candidates = lm.fillMask(String.join(" ", words), s.topK());
        for (int k = 0; k < masked.size(); k++) {
          List<String> whole = candidates.get(k).stream()
              .sorted(java.util.Comparator.comparingInt(Backbone.Candidate::id)).map(Backbone.Candidate::token)
              .filter(t -> !t.startsWith("##") && !t.startsWith("[")).toList();
          words.set(masked.get(k), whole.get(random.nextInt(whole.size())));
        }
      }
      if (random.nextDouble() < s.ngramProbability()) {
        int n = Math.min(words.size(), 1 + random.nextInt(s.maxNgram()));
        int start = random.nextInt(words.size() - n + 1);
        words = words.subList(start, start + n);
      }
      String copy = String.join(" ", words);
      if (!copy.equals(text)) {
        copies.add(copy);
      }
    }
    return new ArrayList<>(copies);
  }

  @Test
  void theBatchedCopiesEqualOneCopyAtATimeAndDoNotDependOnTheGrouping() {
    List<String> texts = texts();
    try (Backbone lm = Backbone.open(maskedLm)) {
      TextAugmentation augmentation = new TextAugmentation(settings(21), lm);
      List<List<String>> batched = augmentation.copiesOf(texts, 100);
      assertEquals(texts.size(), batched.size());
      List<List<String>> grouped = new ArrayList<>();
      for (int from = 0; from < texts.size(); from += 7) {
        grouped.addAll(augmentation.copiesOf(texts.subList(from, Math.min(texts.size(), from + 7)), 100 + from));
      }
      assertEquals(batched, grouped, "groups of 7 texts");
      int replacedWords = 0;
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(oneCopyAtATime(texts.get(i), 100 + i, settings(21), lm), batched.get(i), texts.get(i));
        assertEquals(augmentation.copiesOf(texts.get(i), 100 + i), batched.get(i), "one text per call");
        List<String> original = List.of(texts.get(i).split(" "));
        for (String copy : batched.get(i)) {
          for (String w : copy.split(" ")) {
            assertTrue(!w.startsWith("##") && !w.startsWith("["), "whole words only: " + copy);
            replacedWords += original.contains(w) ? 0 : 1;
          }
        }
      }
      assertTrue(replacedWords > 30, "the masked LM's words appear: " + replacedWords);
      assertNotEquals(batched, new TextAugmentation(settings(22), lm).copiesOf(texts, 100), "another seed");
    }
  }
}
