package org.mlmsuite.summarization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.RecordReader;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.datasets.SummarySource;

/**
 * Summary examples read from {@code NAME[:SPLIT]} (e.g. {@code dialogsum:test}) or a JSONL/CSV
 * file whose document and reference fields are named by the caller.
 */
public record SummaryData(String name, String split, String source, List<SummaryExample> examples) {
  /**
   * How to read data named by the user; null fields take the defaults.
   *
   * @param documentField the document field/column of a JSONL/CSV (null: {@code document})
   * @param summaryFields the reference field(s)/column(s) (null or empty: {@code summary})
   * @param dataDir the dataset mirror for catalog names (null: {@code $MLM_DATA_DIR})
   */
  public record ReadOptions(String documentField, List<String> summaryFields, Path dataDir) {
    public static final ReadOptions DEFAULTS = new ReadOptions(null, null, null);

    public SummaryData read(String spec, String defaultSplit) {
      return SummaryData.read(spec, defaultSplit, documentField, summaryFields, dataDir);
    }
  }

  public int size() {
    return examples.size();
  }

  /** The first {@code n} examples (0 or at least the size: all), named so reports say it is a subset. */
  public SummaryData first(int n) {
    if (n <= 0 || n >= size()) {
      return this;
    }
    return new SummaryData(name, split, source + " (first " + n + ")", examples.subList(0, n));
  }

  /** The sentence policy of these documents: {@code turns}, {@code sentences}, or {@code auto} to detect it. */
  public SentencePolicy policy(String policyName) {
    return policyName.equalsIgnoreCase("auto")
        ? SentencePolicy.detect(examples.stream().limit(200).map(SummaryExample::document).toList())
        : SentencePolicy.parse(policyName);
  }

  /**
   * @param spec a file, or {@code NAME[:SPLIT]}; {@code defaultSplit} when the split is omitted
   * @param documentField null for {@code document}
   * @param referenceFields null or empty for {@code summary}
   */
  public static SummaryData read(String spec, String defaultSplit, String documentField, List<String> referenceFields,
      Path dataDir) {
    String name = spec;
    String split = null;
    if (!Files.exists(Path.of(spec))) {
      int colon = spec.lastIndexOf(':');
      name = colon < 0 ? spec : spec.substring(0, colon);
      split = colon < 0 ? defaultSplit : spec.substring(colon + 1);
    }
    SummarySource source = SummarySource.of(name, split, null, documentField, referenceFields);
    List<SummaryExample> examples = new ArrayList<>();
    try (RecordReader<SummaryExample> reader = source.open(dataDir, BadRowPolicy.FAIL)) {
      for (SummaryExample e : reader) {
        examples.add(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source.describe() + ": " + e.getMessage(), e);
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException(source.describe() + ": no examples");
    }
    return new SummaryData(name, split == null ? "file" : split, source.describe(), List.copyOf(examples));
  }
}
