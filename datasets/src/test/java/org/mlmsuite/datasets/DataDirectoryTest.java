package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path tmp;

  /** tmp/work/project (an mlm-suite checkout, working directory in project/cli) beside tmp/work/shared. */
  private Path project() throws IOException {
    Path project = Files.createDirectories(tmp.resolve("work/project/cli"));
    Files.writeString(project.getParent().resolve("pom.xml"), "<project><artifactId>mlm-suite</artifactId></project>");
    Files.writeString(project.resolve("pom.xml"), "<project><parent><artifactId>mlm-suite</artifactId></parent></project>");
    return project;
  }

  @Test
  void flagThenEnvironmentThenDataThenSiblingMirror() throws IOException {
    Path cwd = project();
    Path flag = Files.createDirectories(tmp.resolve("flag"));
    Path env = Files.createDirectories(tmp.resolve("env"));
    Path mirror = Files.createDirectories(tmp.resolve("work/shared/datasets"));
    Map<String, String> environment = Map.of("MLM_DATA_DIR", env.toString());
    assertEquals(flag, DataDirectory.resolve(flag, environment, cwd).root());
    assertEquals(env, DataDirectory.resolve(null, environment, cwd).root());
    assertEquals(mirror, DataDirectory.resolve(null, Map.of(), cwd).root());
    Path data = Files.createDirectories(tmp.resolve("work/project/data"));
    assertEquals(data, DataDirectory.resolve(null, Map.of(), cwd).root());
  }

  @Test
  void nothingFoundNamesEveryPlaceLooked() throws IOException {
    Path cwd = project();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataDirectory.resolve(null, Map.of(), cwd));
    assertEquals("no data directory found; looked at: --data-dir (not given), MLM_DATA_DIR (not set), "
        + tmp.resolve("work/project/data") + " (absent), " + tmp.resolve("work/shared/datasets")
        + " (absent). Pass --data-dir DIR or set MLM_DATA_DIR=DIR", e.getMessage());
  }

  @Test
  void explicitSettingsMustExist() throws IOException {
    Path cwd = project();
    Path missing = tmp.resolve("nope");
    assertEquals("--data-dir names " + missing + ", which is not a directory",
        assertThrows(IllegalArgumentException.class, () -> DataDirectory.resolve(missing, Map.of(), cwd)).getMessage());
    assertEquals("MLM_DATA_DIR names " + missing + ", which is not a directory",
        assertThrows(IllegalArgumentException.class,
            () -> DataDirectory.resolve(null, Map.of("MLM_DATA_DIR", missing.toString()), cwd)).getMessage());
  }
}
