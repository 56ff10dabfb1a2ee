package org.mlmsuite.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.mlmsuite.datasets.DataDirectory;

/**
 * The real dataset mirror, for every test of every module that reads it (shipped in the datasets
 * test-jar). It is found as the {@code mlm} command finds its data ({@link DataDirectory}).
 *
 * <p>Whether a missing mirror skips or fails is decided here, once: where the mirror is promised
 * ({@code CI=true}, or {@code MLM_DATA_DIR} set) a missing mirror or data set fails the test, so a
 * broken mirror path cannot turn CI green with the data checks silently gone. Only on a developer
 * machine with neither set does a missing mirror skip.
 */
public final class DatasetMirror {
  private DatasetMirror() {}

  /** The mirror, holding each of {@code entries} (data set folders or files, relative to it). */
  public static DataDirectory require(String... entries) {
    return require(System.getenv(), Path.of("").toAbsolutePath(), entries);
  }

  static DataDirectory require(Map<String, String> environment, Path workingDirectory, String... entries) {
    boolean promised = "true".equalsIgnoreCase(environment.get("CI"))
        || !environment.getOrDefault(DataDirectory.ENVIRONMENT_VARIABLE, "").isBlank();
    DataDirectory mirror;
    try {
      mirror = DataDirectory.resolve(null, environment, workingDirectory);
    } catch (IllegalArgumentException notFound) {
      return missing(promised, "no dataset mirror: " + notFound.getMessage());
    }
    for (String entry : entries) {
      Path path = mirror.resolve(entry);
      if (!Files.exists(path)) {
        return missing(promised, "the dataset mirror " + mirror + " has no " + path);
      }
    }
    return mirror;
  }

  private static DataDirectory missing(boolean promised, String message) {
    if (promised) {
      fail(message + " (CI=true or MLM_DATA_DIR set: the mirror is required)");
    }
    Assumptions.abort(message + " (set MLM_DATA_DIR to run this test)");
    return null;
  }
}
