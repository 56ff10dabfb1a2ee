package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BenchEnvironmentTest {
  @Test
  void recordsTheCommitOfTheCheckoutItWasBuiltFrom() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve(".git"))) {
      root = root.getParent();
    }
    Assumptions.assumeTrue(root != null, "not built from a git checkout");
    String commit = BenchEnvironment.gitCommit();
    assertTrue(commit.matches("[0-9a-f]{40}(-dirty)?"), commit);
  }
}
