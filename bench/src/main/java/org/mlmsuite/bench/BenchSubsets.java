package org.mlmsuite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mlmsuite.backbone.train.AtomicFiles;
import org.mlmsuite.classification.LabeledData;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.datasets.TranslationPair;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.translation.ParallelData;

/**
 * Subsets of mirror splits written as plain files, so that every system of a task run (ours,
 * no pretraining, doccat) reads exactly the same examples through the ordinary commands. Files are
 * named by dataset, size and seed and reused when present; each is written to a temporary file
 * and renamed into place.
 */
final class BenchSubsets {
  private final Path dir;
  private final Path dataDir;

  BenchSubsets(Path dir, Path dataDir) {
    this.dir = dir;
    this.dataDir = dataDir;
  }

  /** A seeded random sample of {@code n} labeled examples as a CSV with columns text,label. */
  Path labeled(String spec, String defaultSplit, int n, long seed) {
    Path file = dir.resolve(safe(spec) + "-sample" + n + "-seed" + seed + ".csv");
    if (Files.exists(file)) {
      return file;
    }
    LabeledData data = LabeledData.read(spec, defaultSplit, new TextColumns(null, null, null), null, dataDir).sample(n, seed);
    try {
      AtomicFiles.writeText(file, w -> {
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        csv.printRecord("text", "label");
        for (LabeledText t : data.examples()) {
          csv.printRecord(t.text(), t.label());
        }
        csv.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** The first {@code n} pairs as two line-aligned files; returns the source file (target: same name, .tgt). */
  Path parallelFirst(String spec, int n) {
    Path source = dir.resolve(safe(spec) + "-first" + n + ".src");
    Path target = targetOf(source);
    if (Files.exists(source) && Files.exists(target)) {
      return source;
    }
    List<TranslationPair> pairs = ParallelData.read(ParallelData.Location.of(spec), "test", dataDir).pairs();
    List<TranslationPair> first = pairs.subList(0, Math.min(n, pairs.size()));
    StringBuilder src = new StringBuilder();
    StringBuilder tgt = new StringBuilder();
    for (TranslationPair p : first) {
      src.append(oneLine(p.source())).append('\n');
      tgt.append(oneLine(p.target())).append('\n');
    }
    write(target, tgt.toString());
    write(source, src.toString());
    return source;
  }

  static Path targetOf(Path sourceFile) {
    String name = sourceFile.getFileName().toString();
    return sourceFile.resolveSibling(name.substring(0, name.length() - ".src".length()) + ".tgt");
  }

  /**
   * The first {@code n} documents as JSON lines with fields document, summary1..summaryK; returns
   * the file and the reference field names.
   */
  SummaryFile summaryFirst(String spec, int n) {
    SummaryData data = SummaryData.read(spec, "test", null, null, dataDir);
    List<SummaryExample> first = data.examples().subList(0, Math.min(n, data.size()));
    int refs = first.get(0).references().size();
    List<String> fields = java.util.stream.IntStream.rangeClosed(1, refs).mapToObj(i -> "summary" + i).toList();
    Path file = dir.resolve(safe(spec) + "-first" + n + ".jsonl");
    if (Files.exists(file)) {
      return new SummaryFile(file, fields);
    }
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    for (SummaryExample e : first) {
      if (e.references().size() != refs) {
        throw new IllegalArgumentException(data.source() + ": document " + e.id() + " has " + e.references().size()
            + " references, the first has " + refs + "; cannot subset with a fixed set of reference fields");
      }
      ObjectNode node = json.createObjectNode();
      node.put("id", e.id());
      node.put("document", e.document());
      for (int i = 0; i < refs; i++) {
        node.put(fields.get(i), e.references().get(i));
      }
      out.append(node).append('\n');
    }
    write(file, out.toString());
    return new SummaryFile(file, fields);
  }

  record SummaryFile(Path file, List<String> referenceFields) {}

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  private static String safe(String spec) {
    return spec.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** A subset file is whole or absent (written beside its place, then renamed). */
  private static void write(Path file, String text) {
    try {
      AtomicFiles.writeText(file, w -> w.write(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
