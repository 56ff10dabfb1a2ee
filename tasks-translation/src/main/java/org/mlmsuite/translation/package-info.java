/**
 * Translation on a backbone ({@code mlm translate train|eval|run}): a thin task layer over the
 * shared {@code backbone.seq2seq} encoder-decoder (BERT2BERT).
 *
 * <p>Reading order: {@link org.mlmsuite.translation.Translator} (the library facade over {@code
 * Seq2SeqModel}; thread-safe, {@code AutoCloseable}) with {@link
 * org.mlmsuite.translation.TranslationOptions} (beam size, length penalty, maximum length) → {@link
 * org.mlmsuite.translation.ParallelData} (catalog name, two line-aligned files, or a CSV/TSV) →
 * {@link org.mlmsuite.translation.TranslationTraining} (hands the pairs to {@code Seq2SeqTraining}
 * and adds {@link org.mlmsuite.translation.TranslationInfo}, {@code translation.json}) → {@link
 * org.mlmsuite.translation.TranslationEvaluation} (sacreBLEU BLEU and chrF2, the copy-the-source
 * baseline, the report).
 */
package org.mlmsuite.translation;
