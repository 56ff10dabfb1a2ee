package org.mlmsuite.eval.report;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One block of a {@link Report}; rendered in order into report.json, report.md and report.html. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MetricsTableSection.class, name = "metrics"),
    @JsonSubTypes.Type(value = ConfusionMatrixSection.class, name = "confusion_matrix"),
    @JsonSubTypes.Type(value = CurvesSection.class, name = "curves"),
    @JsonSubTypes.Type(value = TextSection.class, name = "text"),
})
public sealed interface Section
    permits MetricsTableSection, ConfusionMatrixSection, CurvesSection, TextSection {
  String title();
}
