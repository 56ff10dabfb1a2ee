package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The folder the {@link DatasetCatalog} resolves file names under, and how it was found. In order:
 * <ol>
 *   <li>the {@code --data-dir} flag (must exist if given);</li>
 *   <li>the {@code MLM_DATA_DIR} environment variable (must exist if set);</li>
 *   <li>{@code data/} under the project root, if present;</li>
 *   <li>the sibling mirror {@code ../shared/datasets} relative to the project root, if present.</li>
 * </ol>
 * The project root is the nearest folder, from the working directory up, holding the mlm-suite
 * {@code pom.xml}; outside a checkout it is the working directory. When nothing is found the
 * error lists every place looked at.
 */
public record DataDirectory(Path root, String foundBy) {
  public static final String ENVIRONMENT_VARIABLE = "MLM_DATA_DIR";

  /** Resolves with this process's environment and working directory; {@code flag} may be null. */
  public static DataDirectory resolve(Path flag) {
    return resolve(flag, System.getenv(), Path.of("").toAbsolutePath());
  }

  /** Resolves with an explicit environment and working directory (for tests and embedding). */
  public static DataDirectory resolve(Path flag, Map<String, String> environment, Path workingDirectory) {
    if (flag != null) {
      return existing(workingDirectory.resolve(flag), "--data-dir");
    }
    String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return existing(workingDirectory.resolve(fromEnvironment), ENVIRONMENT_VARIABLE);
    }
    Path projectRoot = projectRoot(workingDirectory.toAbsolutePath().normalize());
    List<String> looked = new ArrayList<>(List.of("--data-dir (not given)", ENVIRONMENT_VARIABLE + " (not set)"));
    Path local = projectRoot.resolve("data");
    if (Files.isDirectory(local)) {
      return new DataDirectory(local, "data/ under the project root");
    }
    looked.add(local + " (absent)");
    Path mirror = projectRoot.resolve("../shared/datasets").normalize();
    if (Files.isDirectory(mirror)) {
      return new DataDirectory(mirror, "the sibling mirror ../shared/datasets");
    }
    looked.add(mirror + " (absent)");
    throw new IllegalArgumentException("no data directory found; looked at: " + String.join(", ", looked)
        + ". Pass --data-dir DIR or set " + ENVIRONMENT_VARIABLE + "=DIR");
  }

  /** {@code relative} resolved under this directory. */
  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  private static DataDirectory existing(Path dir, String foundBy) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(foundBy + " names " + dir.toAbsolutePath() + ", which is not a directory");
    }
    return new DataDirectory(dir.toAbsolutePath().normalize(), foundBy);
  }

  static Path projectRoot(Path workingDirectory) {
    for (Path p = workingDirectory; p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      if (Files.isRegularFile(pom) && isProjectPom(pom)) {
        return p;
      }
    }
    return workingDirectory;
  }

  private static boolean isProjectPom(Path pom) {
    try {
      String text = Files.readString(pom);
      return text.contains("<artifactId>mlm-suite</artifactId>") && !text.contains("<parent>");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return root + " (" + foundBy + ")";
  }
}
