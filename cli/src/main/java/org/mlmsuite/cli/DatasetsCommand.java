package org.mlmsuite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.DataDirectory;
import org.mlmsuite.datasets.Dataset;
import org.mlmsuite.datasets.DatasetCatalog;
import org.mlmsuite.datasets.DatasetKind;
import org.mlmsuite.datasets.DatasetSplit;
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.RecordReader;
import org.mlmsuite.datasets.TextUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlm datasets list}: the catalog's datasets, their splits, row counts and presence;
 * {@code mlm datasets show NAME SPLIT}: the first records of a split.
 */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "The named datasets of the data directory (--data-dir, else MLM_DATA_DIR, else data/, else ../shared/datasets).")
public final class DatasetsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;
  private final Path workingDirectory;

  public DatasetsCommand() {
    this(System.getenv(), Path.of("").toAbsolutePath());
  }

  /** With an explicit environment and working directory, for tests. */
  DatasetsCommand(Map<String, String> environment, Path workingDirectory) {
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Show each dataset with its splits, row counts (counted now, nothing cached) and whether it is present."
          + " A split that cannot be read shows '?' and its error goes to stderr (exit code 2).")
  int list(@Option(names = "--data-dir", paramLabel = "DIR", description = "Folder holding the datasets.") Path dataDir)
      throws IOException {
    DataDirectory dir = DataDirectory.resolve(dataDir, environment, workingDirectory);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("data directory: " + dir);
    out.printf("%-16s %-18s %-8s %s%n", "DATASET", "ROWS ARE", "PRESENT", "SPLITS (rows)");
    int unreadable = 0;
    for (Dataset d : DatasetCatalog.all()) {
      boolean present = d.isPresent(dir);
      List<String> splits = new ArrayList<>();
      for (DatasetSplit s : d.splits()) {
        if (!present) {
          splits.add(s.name());
          continue;
        }
        try {
          splits.add(s.name() + " " + String.format("%,d", d.countRows(dir, s.name())));
        } catch (IllegalArgumentException | UncheckedIOException e) {
          splits.add(s.name() + " ?");
          err.println("mlm: " + d.name() + " " + s.name() + ": " + e.getMessage());
          unreadable++;
        }
      }
      out.printf("%-16s %-18s %-8s %s%n", d.name(), d.kind().rowsAre(), present ? "yes" : "no", String.join(", ", splits));
    }
    out.flush();
    err.flush();
    return unreadable == 0 ? 0 : Main.EXIT_USER_ERROR;
  }

  @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Print the first records of a split as JSON lines, exactly as tasks will see them"
          + " (e.g. agnews text after HTML decoding).")
  int show(
      @CommandLine.Parameters(index = "0", paramLabel = "DATASET") String name,
      @CommandLine.Parameters(index = "1", paramLabel = "SPLIT") String split,
      @Option(names = {"-n", "--limit"}, defaultValue = "5", description = "How many records (default ${DEFAULT-VALUE}).") int limit,
      @Option(names = "--unit", defaultValue = "PARAGRAPH",
          description = "For raw text: DOCUMENT, PARAGRAPH or LINE (default ${DEFAULT-VALUE}).") TextUnit unit,
      @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder holding the datasets.") Path dataDir)
      throws IOException {
    Dataset dataset = DatasetCatalog.get(name);
    dataset.split(split);
    DataDirectory dir = DataDirectory.resolve(dataDir, environment, workingDirectory);
    ObjectMapper json = new ObjectMapper()
        .registerModule(new SimpleModule().addSerializer(Origin.class, ToStringSerializer.instance));
    PrintWriter out = spec.commandLine().getOut();
    try (RecordReader<?> records = dataset.kind() == DatasetKind.RAW_TEXT
        ? dataset.documents(dir, split, unit, BadRowPolicy.FAIL)
        : dataset.open(dir, split, BadRowPolicy.FAIL)) {
      for (int i = 0; i < limit && records.hasNext(); i++) {
        out.println(json.writeValueAsString(records.next()));
      }
    }
    out.flush();
    return 0;
  }
}
