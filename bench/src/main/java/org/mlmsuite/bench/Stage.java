package org.mlmsuite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One cached step of the demo or a benchmark: a typed request that a library carries out, and the
 * {@code mlm} command line that does the same work. The command line is the stage's identity: its
 * hash names the stage's folder ({@link DemoStages}), the folder's {@code .done} marker and the
 * reports quote it, and a reader can rerun it by hand.
 */
public interface Stage {
  /** Stands for the stage's own folder in {@link #commandLine()}. */
  String OUT = "{out}";

  /** The {@code mlm} arguments doing this stage's work, {@value #OUT} standing for its folder. */
  List<String> commandLine();

  /** The same stage with every path argument passed through {@code paths} (a plan's {@code {stage:NAME}}). */
  Stage withPaths(UnaryOperator<String> paths);

  /** Does the work into {@code dir}; with {@code resume}, continues an interrupted training run there. */
  void run(Path dir, boolean resume) throws IOException;

  /**
   * Training checkpoints as it goes and continues to the same result as an uninterrupted run, so
   * an interrupted training stage (hours, in a full benchmark) is continued rather than started
   * over; any other interrupted stage is rebuilt from nothing.
   */
  default boolean trains() {
    return false;
  }

  /** A library's progress message, to stderr as its command prints it. */
  static void message(String line) {
    System.err.println(line);
  }

  /** The command line with {@value #OUT} replaced by the stage's folder: what it records and reports. */
  static List<String> resolved(Stage stage, Path dir) {
    return stage.commandLine().stream().map(a -> a.replace(OUT, dir.toString())).toList();
  }

  /** {@code --out {out}/name}: where a stage writes its result inside its folder. */
  static List<String> out(String name) {
    return List.of("--out", OUT + "/" + name);
  }
}
