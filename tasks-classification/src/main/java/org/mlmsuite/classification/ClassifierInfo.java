package org.mlmsuite.classification;

import java.util.List;
import org.mlmsuite.backbone.TrainingProvenance;

/**
 * {@code classifier.json}: what a classifier directory needs besides the Transformer to be used
 * (labels in output order, max length, which columns held the text) and how it was trained.
 *
 * @param labels label strings, index = output unit
 * @param textColumn column of the first text in the training file (null for a catalog dataset)
 * @param textPairColumn column of the second text, or null for single-text tasks
 * @param labelColumn column of the label (null for a catalog dataset)
 * @param provenance how the model was trained: backbone, data, seed, steps, exported step, settings,
 *     class weights (in {@code taskDetails})
 */
public record ClassifierInfo(
    List<String> labels,
    int maxLength,
    boolean pairs,
    String textColumn,
    String textPairColumn,
    String labelColumn,
    TrainingProvenance provenance) {
  public static final String FILE_NAME = "classifier.json";
  public static final String KIND = "classifier";

  public ClassifierInfo {
    labels = List.copyOf(labels);
    provenance = provenance == null ? TrainingProvenance.unrecorded() : provenance;
  }

  public LabelSet labelSet() {
    return new LabelSet(labels);
  }
}
