package org.mlmsuite.translation;

import java.util.List;

/**
 * What {@code translate eval} and {@code translate run} change of a model's saved decoding
 * options; a null (or empty) field keeps the model's.
 *
 * @param beams beam sizes, one system each (1 = greedy); empty: the model's one
 * @param lengthPenalty length penalty alpha
 * @param maxLength maximum generated word pieces
 */
public record TranslationDecoding(List<Integer> beams, Double lengthPenalty, Integer maxLength) {
  public static final TranslationDecoding MODEL_DEFAULTS = new TranslationDecoding(List.of(), null, null);

  public TranslationDecoding {
    beams = beams == null ? List.of() : List.copyOf(beams);
  }

  /** One beam size (null: the model's). */
  public static TranslationDecoding of(Integer beam, Double lengthPenalty, Integer maxLength) {
    return new TranslationDecoding(beam == null ? List.of() : List.of(beam), lengthPenalty, maxLength);
  }

  /** The options to decode with, one per beam size, in order. */
  public List<TranslationOptions> resolve(TranslationOptions model) {
    List<Integer> sizes = beams.isEmpty() ? List.of(model.beamSize()) : beams;
    return sizes.stream().map(beam -> new TranslationOptions(beam,
        lengthPenalty != null ? lengthPenalty : model.lengthPenalty(),
        maxLength != null ? maxLength : model.maxLength())).toList();
  }
}
