/**
 * Named entities for entity masking, with Apache OpenNLP.
 *
 * <ul>
 *   <li>{@link org.mlmsuite.backbone.ner.SentenceSplitter} and
 *       {@link org.mlmsuite.backbone.ner.WordTokenizer}: the English UD-EWT models from the
 *       {@code opennlp-models-*-en} jars, loaded from the classpath.
 *   <li>{@link org.mlmsuite.backbone.ner.NameFinderTrainer}: no English NER model is published as
 *       a package, so users train OpenNLP's maxent name finder on CoNLL-2003
 *       ({@code mlm ner train --conll conll2003 --out ner-en.bin}, about 80 F1 on the test split)
 *       and score it with {@link org.mlmsuite.backbone.ner.NerEvaluator} ({@code mlm ner eval}).
 *       CoNLL-2003 is Reuters data for research use only: a model trained on it must never be
 *       redistributed or committed.
 *   <li>{@link org.mlmsuite.backbone.ner.EntityFinder}: raw text to typed character spans;
 *       {@link org.mlmsuite.backbone.ner.EntityAligner}: character spans to the token spans of an
 *       Encoding, which {@link org.mlmsuite.backbone.masking.MaskingInput} takes.
 * </ul>
 *
 * <p>All public classes are thread-safe: OpenNLP's {@code *ME} classes are not, so each wrapper
 * keeps one per thread over the shared, immutable model.
 */
package org.mlmsuite.backbone.ner;
