package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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

  @Test
  void everyCommandsHelpRendersWithoutPicocliWarnings() {
    // A bare '%' in a description makes picocli print a warning and show the raw text.
    List<String> paths = new ArrayList<>();
    collect(new CommandLine(new MlmCommand()), new ArrayList<>(), paths);
    assertTrue(paths.size() > 20, paths.toString());
    for (String path : paths) {
      Captured out = Captured.run((path + " --help").strip().split(" "));
      assertEquals(0, out.exitCode, path);
      assertFalse(out.stderr.contains("picocli WARN"), path + ": " + out.stderr);
    }
  }

  @Test
  void everyCommandListShowsACompleteSentencePerSubcommand() {
    // picocli lists a subcommand by its header, else the first description line: a sentence cut
    // mid-way there ("... on the dataset") reads as a bug in the first screen a user sees.
    List<String> paths = new ArrayList<>();
    collect(new CommandLine(new MlmCommand()), new ArrayList<>(), paths);
    CommandLine root = new CommandLine(new MlmCommand());
    for (String path : paths) {
      if (path.isEmpty() || path.endsWith("help")) {
        continue;
      }
      CommandLine cmd = root;
      for (String name : path.split(" ")) {
        cmd = cmd.getSubcommands().get(name);
      }
      CommandLine.Model.UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
      String listed = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
      assertTrue(listed.endsWith(".") || listed.endsWith(".)"), path + ": '" + listed + "'");
    }
  }

  private static void collect(CommandLine cmd, List<String> prefix, List<String> paths) {
    paths.add(String.join(" ", prefix));
    cmd.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandName().equals(name)) { // skip aliases
        List<String> next = new ArrayList<>(prefix);
        next.add(name);
        collect(sub, next, paths);
      }
    });
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
