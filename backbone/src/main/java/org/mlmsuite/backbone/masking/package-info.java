/**
 * Masked-language-model inputs: which tokens to hide and what to put in their place.
 *
 * <p>A {@link org.mlmsuite.backbone.masking.MaskingConfig} (JSON-serialisable, or parsed from
 * {@code random}, {@code whole-word}, {@code span}, {@code entity}, or
 * {@code mixture:random=0.5,span=0.3,entity=0.2}) creates a
 * {@link org.mlmsuite.backbone.masking.MaskingStrategy} for a
 * {@link org.mlmsuite.backbone.masking.MaskingVocabulary}; a
 * {@link org.mlmsuite.backbone.masking.DynamicMasker} applies it with a generator derived from
 * (seed, epoch, sequence index), turning a {@link org.mlmsuite.backbone.masking.MaskingInput}
 * into a {@link org.mlmsuite.backbone.masking.MaskedSequence} (input ids, masked positions,
 * original ids at those positions).
 *
 * <p>Every strategy spends the same budget, round(15%) of the non-special tokens (at least one),
 * and differs only in the units it picks: single tokens (BERT), whole words (BERT whole-word
 * masking), spans of whole words with clipped geometric lengths (SpanBERT), or entities first and
 * then another strategy (ERNIE). Each unit is replaced as a whole: 80% [MASK], 10% random
 * ordinary tokens, 10% unchanged. Units never include [CLS], [SEP], padding or other special
 * tokens, and spans never cross a segment boundary.
 */
package org.mlmsuite.backbone.masking;
