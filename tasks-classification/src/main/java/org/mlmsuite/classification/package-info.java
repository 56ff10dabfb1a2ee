/**
 * Text and text-pair classification on a backbone ({@code mlm classify train|eval|predict}), the
 * task module the others are modelled on.
 *
 * <ul>
 *   <li>{@link org.mlmsuite.classification.TextClassifier}: the library facade; {@code load(dir)},
 *       {@code predict} → {@link org.mlmsuite.classification.Prediction}; thread-safe.
 *   <li>Data: {@link org.mlmsuite.classification.LabeledData} → {@link
 *       org.mlmsuite.classification.LabelSet}, {@link org.mlmsuite.classification.ExampleEncoder} →
 *       {@link org.mlmsuite.classification.LengthBucketedBatchSource}.
 *   <li>Training: {@link org.mlmsuite.classification.ClassifierGraph} (pooled [CLS], linear head),
 *       {@link org.mlmsuite.classification.ClassifierTraining}, {@link
 *       org.mlmsuite.classification.ClassifierInfo} ({@code classifier.json}).
 *   <li>Harness: {@link org.mlmsuite.classification.ClassifierEvaluation} (scores, report) and
 *       {@link org.mlmsuite.classification.DoccatBaseline} (OpenNLP maxent, bag of words + bigrams).
 * </ul>
 */
package org.mlmsuite.classification;
