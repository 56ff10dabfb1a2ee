package org.mlmsuite.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real dataset mirror for tests: MLM_DATA_DIR, else ../shared/datasets beside the project root. */
final class Mirror {
  private Mirror() {}

  static DataDirectory directory() {
    String env = System.getenv(DataDirectory.ENVIRONMENT_VARIABLE);
    if (env != null && !env.isBlank()) {
      return DataDirectory.resolve(Path.of(env), java.util.Map.of(), Path.of(""));
    }
    Path sibling = DataDirectory.projectRoot(Path.of("").toAbsolutePath()).resolve("../shared/datasets").normalize();
    Assumptions.assumeTrue(Files.isDirectory(sibling), "no dataset mirror: MLM_DATA_DIR unset and " + sibling + " absent");
    return new DataDirectory(sibling, "test");
  }
}
