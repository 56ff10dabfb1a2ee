package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli prints each element of a description array on its own line and wraps it again at the
 * terminal width, so a description hard-wrapped in the source reads "... or a\ncatalog\ndataset".
 * Every element must be a paragraph (or a deliberate line: a list item, an example).
 */
class HelpTextTest {
  @Test
  void noHeaderOrDescriptionInTheCommandTreeIsHardWrapped() {
    List<String> wrapped = new ArrayList<>();
    visit(new CommandLine(new MlmCommand()), "mlm", wrapped);
    assertTrue(wrapped.isEmpty(), "hard-wrapped help text (join each element into its paragraph):\n"
        + String.join("\n", wrapped));
  }

  @Test
  void detectorFlagsAWrappedLineAndAcceptsParagraphsAndLists() {
    assertEquals(List.of(0), wrappedElements(new String[] {"on any CSV/TSV or a catalog", "dataset (sst2)."}));
    assertEquals(List.of(), wrappedElements(new String[] {"Predict labels.", "without --input: stdin."}));
    assertEquals(List.of(), wrappedElements(new String[] {"Suites:", "  quick: minutes", "  full: hours"}));
    assertEquals(List.of(), wrappedElements(new String[] {"Examples (pick one)", "  mlm demo"}));
  }

  @Test
  void rootFooterWalksFromImportToPredictWithCommandLinesThatParse() {
    UsageMessageSpec usage = new CommandLine(new MlmCommand()).getCommandSpec().usageMessage();
    String footer = String.join("\n", usage.footer());
    List<String> commandLines = Arrays.stream(usage.footer()).map(String::strip)
        .filter(line -> line.startsWith("mlm ")).toList();
    for (String step : List.of("mlm backbone import ", "mlm classify train ", "mlm distill ", "mlm classify predict ")) {
      assertTrue(commandLines.stream().anyMatch(line -> line.startsWith(step)), step + " missing from:\n" + footer);
    }
    assertTrue(footer.contains("TextClassifier.load"), footer);
    assertTrue(footer.contains("Run 'mlm COMMAND --help'"), footer);

    // Each line parses with the real CLI (not executed), and reads only folders an earlier line wrote.
    Set<String> written = new HashSet<>();
    for (String line : commandLines) {
      CommandLine.ParseResult leaf;
      try {
        leaf = new CommandLine(new MlmCommand()).parseArgs(line.substring("mlm ".length()).split("\\s+"));
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError("footer line does not parse: '" + line + "': " + e.getMessage(), e);
      }
      while (leaf.hasSubcommand()) {
        leaf = leaf.subcommand();
      }
      for (String input : List.of("--backbone", "--teacher", "--model")) {
        if (leaf.hasMatchedOption(input)) {
          String folder = leaf.matchedOption(input).stringValues().get(0);
          assertTrue(written.contains(folder), "'" + line + "' reads " + folder + ", which no earlier line writes");
        }
      }
      if (leaf.hasMatchedOption("--out")) {
        written.add(leaf.matchedOption("--out").stringValues().get(0));
      }
    }
  }

  @Test
  void rootHelpShowsTheFooter() {
    MainTest.Captured help = MainTest.Captured.run("--help");
    assertEquals(0, help.exitCode(), help.stderr());
    String text = help.stdout().replaceAll("\\s+", " ");
    assertTrue(text.contains("mlm distill --teacher clf"), help.stdout());
    assertTrue(text.contains("Run 'mlm COMMAND --help'"), help.stdout());
  }

  private static void visit(CommandLine cmd, String path, List<String> wrapped) {
    CommandSpec spec = cmd.getCommandSpec();
    UsageMessageSpec usage = spec.usageMessage();
    check(path + " header", usage.header(), wrapped);
    check(path + " description", usage.description(), wrapped);
    check(path + " footer", usage.footer(), wrapped);
    for (OptionSpec option : spec.options()) {
      check(path + " " + option.longestName(), option.description(), wrapped);
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      check(path + " " + positional.paramLabel(), positional.description(), wrapped);
    }
    cmd.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandName().equals(name)) { // skip aliases
        visit(sub, path + " " + name, wrapped);
      }
    });
  }

  private static void check(String where, String[] elements, List<String> wrapped) {
    for (int i : wrappedElements(elements)) {
      wrapped.add(where + ": \"" + elements[i] + "\" / \"" + elements[i + 1] + "\"");
    }
  }

  /**
   * Indexes of elements that are cut mid-sentence: followed by another element, ending without
   * sentence-ending punctuation or a closing bracket or quote, and the next starts in lower case.
   */
  static List<Integer> wrappedElements(String[] elements) {
    List<Integer> wrapped = new ArrayList<>();
    for (int i = 0; i + 1 < elements.length; i++) {
      String line = elements[i].strip();
      String next = elements[i + 1];
      boolean ended = line.isEmpty() || ".:;!?)\"'".indexOf(line.charAt(line.length() - 1)) >= 0
          || line.endsWith("%n");
      if (!ended && !next.isEmpty() && Character.isLowerCase(next.charAt(0))) {
        wrapped.add(i);
      }
    }
    return wrapped;
  }
}
