package org.mlmsuite.backbone.masking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much to mask and how to corrupt what is chosen (BERT: 15%, then 80% [MASK], 10% random
 * token, 10% unchanged).
 *
 * @param maskRate share of maskable (non-special, non-padding) tokens to choose
 * @param maskTokenShare share of chosen units replaced by [MASK]
 * @param randomTokenShare share of chosen units replaced by random tokens (the rest stay unchanged)
 * @param maxPredictions cap on chosen tokens per sequence (BERT's max_predictions_per_seq); 0 for none
 */
public record MaskingRates(double maskRate, double maskTokenShare, double randomTokenShare, int maxPredictions) {
  public static final MaskingRates BERT = new MaskingRates(0.15, 0.8, 0.1, 0);

  public MaskingRates {
    if (!(maskRate > 0 && maskRate < 1)) {
      throw new IllegalArgumentException("maskRate must be in (0, 1), got " + maskRate);
    }
    if (maskTokenShare < 0 || randomTokenShare < 0 || maskTokenShare + randomTokenShare > 1) {
      throw new IllegalArgumentException("maskTokenShare and randomTokenShare must be non-negative and sum to at most 1, got "
          + maskTokenShare + " and " + randomTokenShare);
    }
    if (maxPredictions < 0) {
      throw new IllegalArgumentException("maxPredictions must not be negative, got " + maxPredictions);
    }
  }

  /** Reads JSON where any missing field takes BERT's value (so {"maskRate": 0.2} keeps 80/10/10). */
  @JsonCreator
  static MaskingRates fromJson(
      @JsonProperty("maskRate") Double maskRate,
      @JsonProperty("maskTokenShare") Double maskTokenShare,
      @JsonProperty("randomTokenShare") Double randomTokenShare,
      @JsonProperty("maxPredictions") Integer maxPredictions) {
    return new MaskingRates(
        maskRate == null ? BERT.maskRate : maskRate,
        maskTokenShare == null ? BERT.maskTokenShare : maskTokenShare,
        randomTokenShare == null ? BERT.randomTokenShare : randomTokenShare,
        maxPredictions == null ? BERT.maxPredictions : maxPredictions);
  }

  /**
   * Tokens to choose among {@code maskable}: round(maskable * maskRate), at least 1 when there is
   * anything to mask, capped by maxPredictions (as in BERT's create_pretraining_data).
   */
  public int budget(int maskable) {
    if (maskable == 0) {
      return 0;
    }
    int budget = Math.max(1, (int) Math.round(maskable * maskRate));
    return maxPredictions > 0 ? Math.min(budget, maxPredictions) : budget;
  }
}
