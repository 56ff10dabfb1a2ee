package org.mlmsuite.classification;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param longText how texts longer than {@code maxLength} are read, with its stride or head length
 *     written out; absent (truncate) in folders written before it existed and for truncate
 */
public record ClassifierInfo(
    List<String> labels,
    int maxLength,
    boolean pairs,
    String textColumn,
    String textPairColumn,
    String labelColumn,
    TrainingProvenance provenance,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = LongTextStrategy.OmitTruncate.class)
    LongTextStrategy longText) {
  public static final String FILE_NAME = "classifier.json";
  public static final String KIND = "classifier";

  public ClassifierInfo {
    labels = List.copyOf(labels);
    provenance = provenance == null ? TrainingProvenance.unrecorded() : provenance;
    longText = longText == null ? LongTextStrategy.TRUNCATE : longText;
  }

  /** A truncating classifier. */
  public ClassifierInfo(List<String> labels, int maxLength, boolean pairs, String textColumn, String textPairColumn,
      String labelColumn, TrainingProvenance provenance) {
    this(labels, maxLength, pairs, textColumn, textPairColumn, labelColumn, provenance, LongTextStrategy.TRUNCATE);
  }

  /** The same classifier read with another long-text strategy. */
  public ClassifierInfo withLongText(LongTextStrategy strategy) {
    return new ClassifierInfo(labels, maxLength, pairs, textColumn, textPairColumn, labelColumn, provenance, strategy);
  }

  public LabelSet labelSet() {
    return new LabelSet(labels);
  }
}
