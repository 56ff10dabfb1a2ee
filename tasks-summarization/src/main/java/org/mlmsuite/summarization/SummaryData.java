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
  public int size() {
    return examples.size();
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
