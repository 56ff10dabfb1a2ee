package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: reads every catalog split a few times and prints records/s and MB/s, for a quiet
 * machine. Run from the project root after {@code mvn -q -o -pl datasets -am test-compile}:
 * <pre>
 * java -cp "datasets/target/classes:datasets/target/test-classes:$(cd datasets &amp;&amp; mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *   org.mlmsuite.datasets.ReaderThroughputBenchmark /work/shared/datasets 3
 * </pre>
 */
public final class ReaderThroughputBenchmark {
  private ReaderThroughputBenchmark() {}

  public static void main(String[] args) throws IOException {
    DataDirectory dir = DataDirectory.resolve(args.length > 0 ? Path.of(args[0]) : null);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (Dataset d : DatasetCatalog.all()) {
      for (DatasetSplit split : d.splits()) {
        long bytes = 0;
        for (Path f : RawTextReader.textFiles(d.files(dir, split.name()))) {
          bytes += Files.size(f);
        }
        for (int r = 0; r < repeats; r++) {
          long start = System.nanoTime();
          long rows;
          try (RecordReader<?> reader = d.kind() == DatasetKind.RAW_TEXT
              ? d.documents(dir, split.name(), TextUnit.LINE, BadRowPolicy.FAIL)
              : d.open(dir, split.name(), BadRowPolicy.FAIL)) {
            rows = reader.count();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf("%-16s %-6s run %d: %,10d records %7.3f s %10.0f records/s %7.1f MB/s%n", d.name(),
              split.name(), r + 1, rows, seconds, rows / seconds, bytes / 1e6 / seconds);
        }
      }
    }
  }
}
