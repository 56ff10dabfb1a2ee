package org.mlmsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchEnvironmentTest {
  private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";

  /** {@code git rev-parse HEAD} of the checkout this test runs in; skips outside one. */
  private static String checkoutHead() throws Exception {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    Assumptions.assumeTrue(git.waitFor() == 0 && !head.isEmpty(), "not built from a git checkout");
    return head;
  }

  @Test
  void recordsTheCommitOfTheCheckoutItWasBuiltFrom() throws Exception {
    String head = checkoutHead();
    String commit = BenchEnvironment.gitCommit();
    assertTrue(commit.equals(head) || commit.equals(head + "-dirty"), commit + " vs HEAD " + head);
  }

  @Test
  void theBuildIsStampedWithItsCommit() throws Exception {
    String head = checkoutHead();
    String stamped = BenchEnvironment.buildCommit();
    // built before this test ran, so HEAD may have moved on since: the stamp must still be a commit of this checkout
    assertTrue(stamped != null && stamped.strip().matches("[0-9a-f]{40}(-dirty)?"), "stamp: " + stamped);
    Process git = new ProcessBuilder("git", "merge-base", "--is-ancestor", stamped.strip().replace("-dirty", ""), head).start();
    assertEquals(0, git.waitFor(), "stamped " + stamped + " is not an ancestor of HEAD " + head);
  }

  @Test
  void aCopyOfTheBuildOutsideAnyCheckoutReportsItsStamp(@TempDir Path copy) throws IOException {
    Path notACheckout = Files.createDirectories(copy.resolve("frozen-build"));
    assertEquals(HEAD, BenchEnvironment.gitCommit(notACheckout, HEAD + "\n"));
    assertEquals(HEAD + "-dirty", BenchEnvironment.gitCommit(notACheckout, HEAD + "-dirty"));
    assertEquals("unknown", BenchEnvironment.gitCommit(notACheckout, null));
    assertEquals("unknown", BenchEnvironment.gitCommit(notACheckout, "${build.head}"), "a stamp written without git");
  }
}
