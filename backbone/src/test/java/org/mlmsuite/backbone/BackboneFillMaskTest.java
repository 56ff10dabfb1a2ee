package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/** {@link Backbone#fillMask(List, int)}: one batched run gives each text what it gets alone. */
class BackboneFillMaskTest {
  static final List<String> WORDS = List.of("the", "cat", "sat", "on", "a", "mat", "dog", "ran", "un", "##believ", "##able");
  static final WordPieceTokenizer TOKENIZER;

  static {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(WORDS);
    TOKENIZER = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
  }

  @TempDir static Path tmp;
  static Path dir;

  @BeforeAll
  static void backbone() {
    // tiny, not micro: 128 hidden units give the top-k clearly separated probabilities
    dir = UntrainedBackbone.write(tmp.resolve("b"), TransformerConfig.tiny(TOKENIZER.vocabulary().size()),
        TOKENIZER, 3).path();
  }

  /**
   * Each text's candidates in the batch equal its one-text call's: same tokens, probabilities
   * within 1e-5; a text without [MASK] gets an empty list.
   */
  static void assertSameAsAlone(Backbone backbone, List<String> texts, int topK) {
    List<List<List<Backbone.Candidate>>> batch = backbone.fillMask(texts, topK);
    assertEquals(texts.size(), batch.size());
    for (int i = 0; i < texts.size(); i++) {
      if (!texts.get(i).contains("[MASK]")) {
        assertEquals(List.of(), batch.get(i), texts.get(i));
        continue;
      }
      List<List<Backbone.Candidate>> alone = backbone.fillMask(texts.get(i), topK);
      assertEquals(alone.size(), batch.get(i).size(), texts.get(i));
      for (int slot = 0; slot < alone.size(); slot++) {
        List<Backbone.Candidate> a = alone.get(slot);
        List<Backbone.Candidate> b = batch.get(i).get(slot);
        assertEquals(Math.min(topK, TOKENIZER.vocabulary().size()), b.size());
        for (int r = 0; r < a.size(); r++) {
          String where = texts.get(i) + " mask " + slot + " rank " + r;
          assertEquals(a.get(r).token(), b.get(r).token(), where);
          assertEquals(a.get(r).id(), b.get(r).id(), where);
          assertEquals(a.get(r).probability(), b.get(r).probability(), 1e-5, where);
        }
      }
    }
  }

  @Test
  void aBatchOfTextsOfDifferentLengthsAndMaskCountsEqualsTheOneTextCalls() {
    List<String> texts = List.of(
        "the [MASK] sat on a mat",
        "[MASK]",
        "unbelievable [MASK] dog", // un ##believ ##able next to the mask
        "the cat [MASK] on [MASK] mat and the dog [MASK] [MASK] a unbelievable mat",
        "a [MASK] [MASK]unbelievable",
        "the dog ran",
        "the [MASK] sat on a mat"); // a repeat runs once and gets the same lists
    try (Backbone backbone = Backbone.open(dir)) {
      assertSameAsAlone(backbone, texts, 5);
      List<List<List<Backbone.Candidate>>> batch = backbone.fillMask(texts, 5);
      assertEquals(List.of(1, 1, 1, 4, 2, 0, 1), batch.stream().map(List::size).toList(), "one list per [MASK], in order");
      assertEquals(batch.get(0), batch.get(6));
      assertTrue(batch.get(3).get(0).get(0).probability() >= batch.get(3).get(0).get(4).probability(), "best first");
      assertTrue(!batch.get(0).get(0).equals(batch.get(3).get(0)), "different contexts, different candidates");
      assertThrows(IllegalArgumentException.class, () -> backbone.fillMask("the dog ran", 5), "one text keeps its error");
      assertEquals(List.of(), backbone.fillMask(List.of(), 5));
    }
  }

  @Test
  void aPaddingHeavyBatchAndBatchesSplitBySizeAndMaskSlotsEqualTheOneTextCalls() {
    Random random = new Random(5);
    List<String> texts = new ArrayList<>();
    // one 200-piece text among short ones: most of its batch is padding
    texts.add("the " + "cat dog ".repeat(100) + "[MASK]");
    for (int i = 0; i < 70; i++) {
      List<String> words = new ArrayList<>();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        words.add(WORDS.get(random.nextInt(9)));
      }
      // mask counts 1 to 3, and 24 in 35 texts: 840 slots, more than one run's 512, so that group splits by slots
      for (int m = i % 2 == 0 ? 24 : 1 + random.nextInt(3); m > 0; m--) {
        words.add(random.nextInt(words.size() + 1), "[MASK]");
      }
      texts.add(String.join(" ", words));
    }
    texts.add(3, "unbelievable");
    try (Backbone backbone = Backbone.open(dir)) {
      assertSameAsAlone(backbone, texts, 4);
    }
  }
}
