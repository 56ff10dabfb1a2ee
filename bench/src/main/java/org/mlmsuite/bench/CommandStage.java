package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A stage still run as its {@code mlm} command line, through the CLI's entry point. */
record CommandStage(List<String> commandLine, CommandRunner mlm) implements Stage {
  CommandStage {
    commandLine = List.copyOf(commandLine);
  }

  @Override
  public Stage withPaths(UnaryOperator<String> paths) {
    return new CommandStage(commandLine.stream().map(paths).toList(), mlm);
  }

  @Override
  public void run(Path dir, boolean resume) {
    List<String> resolved = new ArrayList<>();
    for (String a : commandLine) {
      resolved.add(a.replace(OUT, dir.toString()));
    }
    if (resume) {
      resolved.add("--resume");
    }
    int code = mlm.run(resolved.toArray(String[]::new));
    if (code != 0) {
      throw new CommandFailed(code);
    }
  }

  @Override
  public boolean trains() {
    return commandLine.size() > 1 && commandLine.get(1).equals("train")
        && List.of("classify", "translate", "summarize").contains(commandLine.get(0));
  }

  /** The command printed its error and exited with {@code code}. */
  static final class CommandFailed extends RuntimeException {
    final int code;

    CommandFailed(int code) {
      super("exit " + code);
      this.code = code;
    }
  }
}
