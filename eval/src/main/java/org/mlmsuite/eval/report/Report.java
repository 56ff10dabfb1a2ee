package org.mlmsuite.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one evaluation run: a title, how it was produced, and sections of results.
 * {@link ReportWriter} turns it into report.json, report.md and a self-contained report.html.
 *
 * <pre>{@code
 * Report report = Report.builder("SST-2 fine-tuning")
 *     .provenance(Provenance.builder().command("mlm", args).seed(42).dataset("sst2", "dev", 872, path).build())
 *     .metrics(MetricsTableSection.builder("Dev accuracy", "accuracy", "macro_f1")
 *         .row(SystemRow.system("mlm-small", Map.of("accuracy", 0.87, "macro_f1", 0.86)))
 *         .row(SystemRow.reference("BERT-base (Devlin et al. 2019)", Map.of("accuracy", 0.935), "arXiv:1810.04805"))
 *         .build())
 *     .trainingCurves("Training", logFile)
 *     .build();
 * new ReportWriter().write(report, outputDir);
 * }</pre>
 */
public record Report(String title, Provenance provenance, List<Section> sections) {
  public Report {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a report needs a title");
    }
    sections = List.copyOf(sections);
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Assembles sections in the order they are added. */
  public static final class Builder {
    private final String title;
    private Provenance provenance;
    private final List<Section> sections = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    public Builder provenance(Provenance provenance) {
      this.provenance = provenance;
      return this;
    }

    public Builder section(Section section) {
      sections.add(section);
      return this;
    }

    public Builder metrics(MetricsTableSection table) {
      return section(table);
    }

    public Builder confusionMatrix(String title, List<String> labels, long[][] counts) {
      return section(new ConfusionMatrixSection(title, labels, counts));
    }

    /** Reads a JSON-lines training log now and adds its curves. */
    public Builder trainingCurves(String title, java.nio.file.Path jsonlLog) {
      return section(TrainingLog.read(jsonlLog).toCurves(title));
    }

    public Builder text(String title, String text) {
      return section(new TextSection(title, text));
    }

    public Report build() {
      return new Report(title, provenance == null ? Provenance.builder().build() : provenance, sections);
    }
  }

  /** Convenience for a single-row metrics map, e.g. from an evaluator. */
  public static MetricsTableSection metricsOf(String title, String system, Map<String, Double> values) {
    MetricsTableSection.Builder b = MetricsTableSection.builder(title, values.keySet().toArray(String[]::new));
    return b.row(MetricsTableSection.SystemRow.system(system, values)).build();
  }
}
