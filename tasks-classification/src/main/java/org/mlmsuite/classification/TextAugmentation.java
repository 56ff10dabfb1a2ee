package org.mlmsuite.classification;

import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Deterministic: copy {@code c} of the text at index {@code i} has its own random stream,
 * seeded by (seed, i, c), so the copies depend only on those, the text and the replacement source,
 * not on how texts are grouped into calls or fill-mask batches.
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
    return copiesOf(List.of(text), index).get(0);
  }

  /**
   * The distinct augmented copies of each text, {@code texts.get(i)} being the text at index
   * {@code firstIndex + i}, in input order. With {@link Replacement#MLM} every copy's words are
   * masked first and all copies go through one batched {@link Backbone#fillMask(List, int)}, so
   * pass many texts at once (a few hundred); the result is the same however the texts are grouped.
   */
  public List<List<String>> copiesOf(List<String> texts, long firstIndex) {
    List<Draft> drafts = new ArrayList<>(texts.size() * settings.copies());
    for (int i = 0; i < texts.size(); i++) {
      List<String> words = List.of(texts.get(i).trim().split("\\s+"));
      long stream = SeedMixer.mix(settings.seed(), firstIndex + i);
      for (int c = 0; c < settings.copies(); c++) {
        drafts.add(mask(words, new Random(SeedMixer.mix(stream, c))));
      }
    }
    if (maskedLm != null) {
      fillFromMaskedLm(drafts);
    }
    List<List<String>> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Set<String> copies = new LinkedHashSet<>();
      for (Draft d : drafts.subList(i * settings.copies(), (i + 1) * settings.copies())) {
        String copy = String.join(" ", ngram(d.words(), d.random()));
        if (!copy.equals(texts.get(i)) && !copy.isBlank()) {
          copies.add(copy);
        }
      }
      out.add(new ArrayList<>(copies));
    }
    return out;
  }

  /**
   * One copy in the making: its words (masked ones are {@code [MASK]}), the indexes of the masked
   * words, and the copy's own random stream (seeded by seed, text index and copy number), which
   * draws the masked words, then the masked LM's picks, then the n-gram.
   */
  private record Draft(List<String> words, List<Integer> replaced, Random random) {}

  private Draft mask(List<String> words, Random random) {
    List<String> out = new ArrayList<>(words);
    List<Integer> replaced = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      if (random.nextDouble() < settings.maskProbability()) {
        out.set(i, Vocabulary.MASK);
        replaced.add(i);
      }
    }
    return new Draft(out, replaced, random);
  }

  /** Replaces each draft's [MASK]s by whole words drawn from the masked LM's top-k, one batched fill-mask for all. */
  private void fillFromMaskedLm(List<Draft> drafts) {
    List<Draft> masked = drafts.stream().filter(d -> !d.replaced().isEmpty()).toList();
    List<List<List<Backbone.Candidate>>> candidates = maskedLm.fillMask(
        masked.stream().map(d -> String.join(" ", d.words())).toList(), settings.topK());
    for (int i = 0; i < masked.size(); i++) {
      Draft d = masked.get(i);
      // A word may be cut into pieces, but each [MASK] stays one token: one candidate list per
      // replaced word (fewer if the text was cut to the tokenizer's maximum length). The pick is
      // uniform, so the candidates go in id order: it then depends on the top-k set only, not on
      // the ranks of near-tied candidates, which float rounding in another batch could swap.
      for (int k = 0; k < d.replaced().size() && k < candidates.get(i).size(); k++) {
        List<String> whole = candidates.get(i).get(k).stream()
            .sorted(Comparator.comparingInt(Backbone.Candidate::id)).map(Backbone.Candidate::token)
            .filter(t -> !t.startsWith("##") && !(t.startsWith("[") && t.endsWith("]"))).toList();
        if (!whole.isEmpty()) {
          d.words().set(d.replaced().get(k), whole.get(d.random().nextInt(whole.size())));
        }
      }
    }
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
