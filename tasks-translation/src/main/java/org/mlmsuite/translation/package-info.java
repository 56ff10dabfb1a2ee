/**
 * Translation on a backbone ({@code mlm translate train|eval|run}): a thin task layer over the
 * shared {@code backbone.seq2seq} encoder-decoder (BERT2BERT). Each verb is here whole, behind a
 * request record whose {@code defaults(...)} are the command line's.
 *
 * <p>Reading order: {@link org.mlmsuite.translation.Translator} (the library facade over {@code
 * Seq2SeqModel}; thread-safe, {@code AutoCloseable}; {@code translateLines} is {@code run}) with {@link
 * org.mlmsuite.translation.TranslationOptions} (beam size, length penalty, maximum length) and {@link
 * org.mlmsuite.translation.TranslationDecoding} (changes to a model's saved options) → {@link
 * org.mlmsuite.translation.ParallelData} (catalog name, two line-aligned files, or a CSV/TSV, as
 * {@code ParallelData.Input}) → {@link org.mlmsuite.translation.TranslationTraining} ({@code train}:
 * hands the pairs to {@code Seq2SeqTraining} and adds {@link org.mlmsuite.translation.TranslationInfo},
 * {@code translation.json}) → {@link org.mlmsuite.translation.TranslationEvaluation} ({@code eval}:
 * sacreBLEU BLEU and chrF2, the copy-the-source baseline, the report).
 */
package org.mlmsuite.translation;
