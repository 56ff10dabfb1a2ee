/**
 * Summarization on an mlm-suite backbone, in two modes, with one harness. Each verb of {@code mlm
 * summarize} is here whole, behind a request record whose {@code defaults(...)} are the command
 * line's; the command only parses flags into it and prints the result's {@code text()}.
 *
 * <ul>
 *   <li>{@link org.mlmsuite.summarization.Summarizer}: the library facade; {@code load(dir)} opens an
 *       extractive or an abstractive model; thread-safe, {@code AutoCloseable}.
 *   <li>The verbs: {@link org.mlmsuite.summarization.SummarizerTraining} ({@code train}: reads the data,
 *       picks the mode), {@link org.mlmsuite.summarization.SummaryEvaluation#run} ({@code eval}) and
 *       {@link org.mlmsuite.summarization.SummaryEvaluation#runBaselines} ({@code baseline}), {@link
 *       org.mlmsuite.summarization.JsonLinesSummarizer} ({@code run}: JSON lines in, JSON lines out), with
 *       {@link org.mlmsuite.summarization.SummaryDecoding} (changes to a model's k or decoding options).
 *   <li>Extractive (BertSumExt): {@link org.mlmsuite.summarization.ExtractiveTraining}, oracle labels
 *       ({@link org.mlmsuite.summarization.OracleLabels}), {@link org.mlmsuite.summarization.TrigramBlocking}.
 *   <li>Abstractive: {@link org.mlmsuite.summarization.AbstractiveTraining} over the shared {@code
 *       backbone.seq2seq} encoder-decoder (the one translation uses), decoding with {@link
 *       org.mlmsuite.summarization.SummaryOptions} (beam, length penalty, min/max length, no-repeat n-grams).
 *   <li>Harness: {@link org.mlmsuite.summarization.SummaryEvaluation} (ROUGE-1/2/L/Lsum F1, multi-reference,
 *       bootstrap intervals, a paired permutation test of the model against each other row, report) and
 *       {@link org.mlmsuite.summarization.Baseline} (Lead-N, Longest-N).
 *   <li>Data: {@link org.mlmsuite.summarization.SummaryData} (catalog names or JSONL/CSV with named fields).
 * </ul>
 */
package org.mlmsuite.summarization;
