package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpExitsZeroAndNamesTheCommand() {
    Captured out = Captured.run("--help");
    assertEquals(0, out.exitCode);
    assertTrue(out.stdout.contains("Usage: mlm"), out.stdout);
  }

  @Test
  void unknownFlagIsOneLineAndExitTwo() {
    Captured out = Captured.run("--no-such-flag");
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode);
    assertTrue(out.stderr.startsWith("mlm: Unknown option: '--no-such-flag'"), out.stderr);
    assertEquals(1, out.stderr.strip().lines().count(), out.stderr);
  }

  /** Runs {@link Main#run} with stdout and stderr captured. */
  record Captured(int exitCode, String stdout, String stderr) {
    static Captured run(String... args) {
      PrintStream oldOut = System.out;
      PrintStream oldErr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = Main.run(args);
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
    }
  }
}
