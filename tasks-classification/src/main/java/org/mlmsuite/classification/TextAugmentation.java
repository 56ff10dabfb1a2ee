package org.mlmsuite.classification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.train.SeedMixer;

/**
 * The data augmentation of Tang et al. 2019 ("Distilling task-specific knowledge from BERT into
 * simple neural networks", section 3.3), which makes a transfer set for the teacher to label:
 * for each copy of a text, each whitespace-separated word is replaced with probability {@code
 * maskProbability} (by {@code [MASK]}, or by a word the teacher's masked LM proposes among its
 * top {@code topK}, as TinyBERT does); then, with probability {@code ngramProbability}, only a
 * random n-gram of the result is kept (n uniform in 1..{@code maxNgram}). {@code copies} attempts
 * are made per text; copies equal to the text or to an earlier copy are dropped.
 *
 * <p>Deterministic: the copies of the text at index {@code i} depend only on (seed, i), the text
 * and the replacement source.
 */
public final class TextAugmentation {
  /** Where replaced words come from. */
  public enum Replacement {
    /** The literal {@code [MASK]} token. */
    MASK,
    /** A word sampled from the teacher backbone's masked-LM top-k at that position. */
    MLM;

    /** Parses {@code mask} or {@code mlm}. */
    public static Replacement parse(String value) {
      return switch (value) {
        case "mask" -> MASK;
        case "mlm" -> MLM;
        default -> throw new IllegalArgumentException("--augment-with: expected mask or mlm, got '" + value + "'");
      };
    }
  }

  /**
   * Tang et al.'s settings; {@code copies} 0 turns augmentation off.
   *
   * @param topK how many masked-LM candidates a replacement is drawn from (MLM only)
   */
  public record Settings(int copies, double maskProbability, double ngramProbability, int maxNgram,
      Replacement replacement, int topK, long seed) {
    public Settings {
      if (copies < 0) {
        throw new IllegalArgumentException("--augment-copies must be >= 0, got " + copies);
      }
      if (!(maskProbability >= 0 && maskProbability <= 1) || !(ngramProbability >= 0 && ngramProbability <= 1)) {
        throw new IllegalArgumentException("augmentation probabilities must be in [0, 1]");
      }
      if (maxNgram < 1 || topK < 1) {
        throw new IllegalArgumentException("the longest n-gram and top-k must be >= 1");
      }
    }

    /** Tang et al.: p_mask 0.1, p_ng 0.25, n-grams up to 5, N = 20; masked-LM top-15 as in TinyBERT. */
    public static Settings defaults(long seed) {
      return new Settings(20, 0.1, 0.25, 5, Replacement.MASK, 15, seed);
    }

    public Settings withCopies(int n) {
      return new Settings(n, maskProbability, ngramProbability, maxNgram, replacement, topK, seed);
    }

    public Settings withReplacement(Replacement r) {
      return new Settings(copies, maskProbability, ngramProbability, maxNgram, r, topK, seed);
    }
  }

  private final Settings settings;
  /** The masked LM for {@link Replacement#MLM}, else null. */
  private final Backbone maskedLm;

  /** {@code maskedLm} is required for {@link Replacement#MLM} and ignored otherwise. */
  public TextAugmentation(Settings settings, Backbone maskedLm) {
    if (settings.replacement() == Replacement.MLM && maskedLm == null) {
      throw new IllegalArgumentException("--augment-with mlm needs a backbone with a masked-LM head");
    }
    this.settings = settings;
    this.maskedLm = settings.replacement() == Replacement.MLM ? maskedLm : null;
  }

  public Settings settings() {
    return settings;
  }

  /** The distinct augmented copies of the text at {@code index}, none equal to the text itself. */
  public List<String> copiesOf(String text, long index) {
    Random random = new Random(SeedMixer.mix(settings.seed(), index));
    List<String> words = List.of(text.trim().split("\\s+"));
    Set<String> copies = new LinkedHashSet<>();
    for (int c = 0; c < settings.copies(); c++) {
      String copy = String.join(" ", ngram(replaceWords(words, random), random));
      if (!copy.equals(text) && !copy.isBlank()) {
        copies.add(copy);
      }
    }
    return new ArrayList<>(copies);
  }

  private List<String> replaceWords(List<String> words, Random random) {
    List<String> out = new ArrayList<>(words);
    List<Integer> replaced = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (random.nextDouble() < settings.maskProbability()) {
        out.set(i, Vocabulary.MASK);
        replaced.add(i);
      }
    }
    if (maskedLm != null && !replaced.isEmpty()) {
      List<List<Backbone.Candidate>> candidates = maskedLm.fillMask(String.join(" ", out), settings.topK());
      // A word may be cut into pieces, but each [MASK] stays one token: one candidate list per replaced word.
      for (int k = 0; k < replaced.size() && k < candidates.size(); k++) {
        List<String> whole = candidates.get(k).stream().map(Backbone.Candidate::token)
            .filter(t -> !t.startsWith("##") && !(t.startsWith("[") && t.endsWith("]"))).toList();
        if (!whole.isEmpty()) {
          out.set(replaced.get(k), whole.get(random.nextInt(whole.size())));
        }
      }
    }
    return out;
  }

  private List<String> ngram(List<String> words, Random random) {
    if (random.nextDouble() >= settings.ngramProbability()) {
      return words;
    }
    int n = Math.min(words.size(), 1 + random.nextInt(settings.maxNgram()));
    int start = random.nextInt(words.size() - n + 1);
    return words.subList(start, start + n);
  }
}
