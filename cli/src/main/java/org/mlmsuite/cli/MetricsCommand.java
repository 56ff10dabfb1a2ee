package org.mlmsuite.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mlm metrics}: scores files of system output against references and prints JSON. Each
 * metric is a subcommand in the list below; subcommands
 * read their files through {@link MetricInputs} and print through {@link #printJson}.
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Score system output against references (one segment per line) and print JSON.",
    subcommands = {
        BleuMetricCommand.class,
        ChrfMetricCommand.class,
        ClassificationMetricCommand.class,
        MetricsRougeCommand.class,
    })
public final class MetricsCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints {@code value} as JSON on stdout, after a {@code "name"} field when given; one line unless {@code pretty}. */
  static void printJson(CommandLine.Model.CommandSpec spec, String name, Object value, boolean pretty) {
    ObjectNode node = JSON.createObjectNode();
    if (name != null) {
      node.put("name", name);
    }
    node.setAll((ObjectNode) JSON.valueToTree(value));
    try {
      String text = pretty ? JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) : JSON.writeValueAsString(node);
      PrintWriter out = spec.commandLine().getOut();
      out.println(text);
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write metric result as JSON", e);
    }
  }
}
