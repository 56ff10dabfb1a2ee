package org.mlmsuite.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point: usage errors, bad input and I/O failures ({@link UserError}: a missing or
 * unreadable path, a folder given for a file, a full disk) print one line and exit 2, never a stack
 * trace. Exit 1 with a stack trace is left for bugs.
 */
public final class Main {
  public static final int EXIT_USER_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code mlm} with the given arguments and returns the exit code (used by tests). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new MlmCommand());
    // Wrap help at the terminal's width when there is one (else picocli's 80 columns); set on the
    // root, it reaches every subcommand.
    cli.setUsageHelpAutoWidth(true);
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(Main::executionError);
    return cli.execute(args);
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("mlm: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandName() + " --help')");
    err.flush();
    return EXIT_USER_ERROR;
  }

  private static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    String userError = UserError.message(e);
    if (userError == null) {
      throw new RuntimeException(e);
    }
    PrintWriter err = cmd.getErr();
    err.println("mlm: " + userError);
    err.flush();
    return EXIT_USER_ERROR;
  }
}
