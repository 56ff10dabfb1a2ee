package org.mlmsuite.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/** Where a subcommand's lines go: progress to stderr, results to stdout, each flushed at once. */
final class CommandOutput {
  private CommandOutput() {}

  /** Progress lines for a task module's {@code Consumer<String> messages}. */
  static Consumer<String> progress(CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    return m -> {
      err.println(m);
      err.flush();
    };
  }

  /** A result's text, as the task module formats it. */
  static void print(CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
  }
}
