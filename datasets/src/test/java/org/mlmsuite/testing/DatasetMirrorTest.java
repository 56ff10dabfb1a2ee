package org.mlmsuite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DatasetMirrorTest {
  @TempDir Path tmp;

  /** A working directory with no mlm-suite checkout around it, so no data/ and no sibling mirror. */
  private Path nowhere() throws IOException {
    return Files.createDirectories(tmp.resolve("a/b"));
  }

  @Test
  void aMissingMirrorFailsWhereItIsPromised() throws IOException {
    Path missing = tmp.resolve("missing");
    AssertionFailedError viaVariable = assertThrows(AssertionFailedError.class,
        () -> DatasetMirror.require(Map.of("MLM_DATA_DIR", missing.toString()), nowhere()));
    assertTrue(viaVariable.getMessage().contains(missing.toString()), viaVariable.getMessage());
    assertThrows(AssertionFailedError.class, () -> DatasetMirror.require(Map.of("CI", "true"), nowhere()));
  }

  @Test
  void aMissingDatasetFailsWhereTheMirrorIsPromised() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror/sst2"));
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> DatasetMirror.require(Map.of("MLM_DATA_DIR", mirror.getParent().toString()), nowhere(), "sst2", "conll2003"));
    assertTrue(e.getMessage().contains(mirror.resolveSibling("conll2003").toString()), e.getMessage());
  }

  @Test
  void aMissingMirrorSkipsOnlyWhereNothingPromisesIt() throws IOException {
    assertThrows(TestAbortedException.class, () -> DatasetMirror.require(Map.of(), nowhere()));
    assertThrows(TestAbortedException.class, () -> DatasetMirror.require(Map.of("CI", "false"), nowhere()));
  }

  @Test
  void aPresentMirrorIsReturned() throws IOException {
    Path mirror = Files.createDirectories(tmp.resolve("mirror/sst2")).getParent();
    assertEquals(mirror, DatasetMirror.require(Map.of("CI", "true", "MLM_DATA_DIR", mirror.toString()), nowhere(), "sst2").root());
  }
}
