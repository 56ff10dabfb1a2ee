/**
 * Text and text-pair classification on a backbone ({@code mlm classify train|eval|predict}), the
 * task module the others are modelled on.
 *
 * <ul>
 *   <li>{@link org.mlmsuite.classification.TextClassifier}: the library facade; {@code load(dir)},
 *       {@code predict} → {@link org.mlmsuite.classification.Prediction}; thread-safe.
 *   <li>Data: {@link org.mlmsuite.classification.LabeledData} → {@link
 *       org.mlmsuite.classification.LabelSet}, {@link org.mlmsuite.classification.ExampleEncoder} →
 *       {@link org.mlmsuite.backbone.train.LengthBucketedBatchSource}; texts longer than the window
 *       are cut into windows by {@link org.mlmsuite.classification.LongTextStrategy} (truncate,
 *       head+tail, sliding windows whose logits are pooled per document).
 *   <li>Training: {@link org.mlmsuite.classification.ClassifierGraph} (pooled [CLS], linear head),
 *       {@link org.mlmsuite.classification.ClassifierTraining} (its request read from data names by
 *       {@link org.mlmsuite.classification.ClassifierTrainingData}), {@link
 *       org.mlmsuite.classification.ClassifierInfo} ({@code classifier.json}).
 *   <li>Distillation ({@code mlm distill}): {@link
 *       org.mlmsuite.classification.ClassifierDistillation} trains a small student through the same
 *       run on a teacher's {@link org.mlmsuite.classification.SoftTargetLoss soft targets}, over
 *       {@link org.mlmsuite.classification.TextAugmentation augmented} text whose {@link
 *       org.mlmsuite.classification.TeacherOutputs teacher outputs} are cached.
 *   <li>Harness: {@link org.mlmsuite.classification.ClassifierEvaluation} (scores, report; {@code
 *       run} is all of {@code classify eval}) and {@link org.mlmsuite.classification.DoccatBaseline}
 *       (OpenNLP maxent, bag of words + bigrams).
 *   <li>Output: {@link org.mlmsuite.classification.ClassifierPredictions} (predictions for lines and
 *       CSV/TSV files, {@code classify predict}).
 * </ul>
 *
 * <p>{@code mlm classify} only parses flags into these requests; their defaults are the command's.
 */
package org.mlmsuite.classification;
