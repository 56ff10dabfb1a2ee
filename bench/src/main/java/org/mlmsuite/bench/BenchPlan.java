package org.mlmsuite.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ordered stages of a benchmark, planned before anything runs (so progress can say "stage 3 of
 * 17" and give an ETA), then run cached by {@link DemoStages}. A path argument may name an earlier
 * stage's folder as {@code {stage:NAME}}. A failing stage stops the benchmark; the
 * stages before it stay cached.
 */
final class BenchPlan {
  static final String TIME_FILE = "bench-stage-seconds.txt";
  private static final Pattern REF = Pattern.compile("\\{stage:([^}]+)}");

  /** @param weight relative cost, for the ETA (e.g. optimizer steps x batch) */
  record Planned(String name, String what, Stage stage, double weight) {}

  /**
   * A completed stage: its folder, the exact command, and the wall time and software/hardware of
   * the run that built it (NaN and null when built by something that kept no record, e.g. the demo).
   */
  record Done(Path dir, String command, double seconds, String environment, boolean reused) {}

  private final List<Planned> stages = new ArrayList<>();
  private final Map<String, Done> done = new LinkedHashMap<>();

  void add(String name, String what, Stage stage, double weight) {
    for (Planned s : stages) {
      if (s.name().equals(name)) {
        throw new IllegalStateException("stage " + name + " planned twice");
      }
    }
    stages.add(new Planned(name, what, stage, weight));
  }

  boolean has(String name) {
    return stages.stream().anyMatch(s -> s.name().equals(name));
  }

  int size() {
    return stages.size();
  }

  /** Runs every stage in order under {@code workDir}, printing progress and an ETA to {@code log}. */
  void run(Path workDir, PrintWriter log) {
    DemoStages runner = new DemoStages(workDir, stages.size(), log);
    double totalWeight = stages.stream().mapToDouble(Planned::weight).sum();
    double doneWeight = 0;
    long start = System.nanoTime();
    for (Planned planned : stages) {
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (doneWeight > 0 && elapsed > 5) {
        double eta = elapsed / doneWeight * (totalWeight - doneWeight);
        log.printf(Locale.ROOT, "bench: %s elapsed, about %s to go%n", clock(elapsed), clock(eta));
      }
      doneWeight += planned.weight();
      Stage stage = resolve(planned);
      long t0 = System.nanoTime();
      long startedAt = System.currentTimeMillis() - 1000;
      Path dir;
      try {
        dir = runner.run(planned.name(), planned.what(), stage);
      } catch (IllegalStateException e) {
        if (String.valueOf(e.getMessage()).contains("(exit 2)")) {
          // the command already printed its one-line user error; stop without a stack trace
          throw new IllegalArgumentException("bench stopped: stage '" + planned.what() + "' failed (see the error above): mlm "
              + String.join(" ", stage.commandLine()), e);
        }
        throw e;
      }
      done.put(planned.name(), record(dir, (System.nanoTime() - t0) / 1e9, startedAt));
    }
    log.printf(Locale.ROOT, "bench: all %d stages finished in %s%n", stages.size(), clock((System.nanoTime() - start) / 1e9));
    log.flush();
  }

  /** Prints the planned commands, {@code {stage:NAME}} standing for earlier stages' folders. */
  void print(PrintWriter out) {
    int i = 0;
    for (Planned s : stages) {
      i++;
      out.printf(Locale.ROOT, "[%d/%d] %s%n    mlm %s%n", i, stages.size(), s.what(), String.join(" ", s.stage().commandLine()));
    }
    out.flush();
  }

  /**
   * Wall time of every finished stage as it was built: a reused stage counts the run that built
   * it, so a report rewritten from cached stages still says what the results cost.
   */
  double builtSeconds() {
    return done.values().stream().mapToDouble(Done::seconds).sum();
  }

  /** The finished stage, or null if it was not planned or has not run. */
  Done result(String name) {
    return done.get(name);
  }

  /** The stage with each {@code {stage:NAME}} replaced by that finished stage's folder. */
  private Stage resolve(Planned planned) {
    return planned.stage().withPaths(a -> {
      Matcher m = REF.matcher(a);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        Done d = done.get(m.group(1));
        if (d == null) {
          throw new IllegalStateException("stage " + planned.name() + " needs stage " + m.group(1) + ", which has not run");
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(d.dir().toString()));
      }
      m.appendTail(sb);
      return sb.toString();
    });
  }

  /** Keeps the wall time of the run that built a stage beside it, so a reused stage still reports it. */
  private static Done record(Path dir, double seconds, long startedAtMillis) {
    Path timeFile = dir.resolve(TIME_FILE);
    try {
      Path marker = dir.resolve(DemoStages.DONE);
      String command = Files.readString(marker, StandardCharsets.UTF_8).strip();
      if (Files.exists(timeFile)) {
        List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
        return new Done(dir, "mlm " + command, Double.parseDouble(lines.get(0).strip()),
            lines.size() > 1 ? lines.get(1) : null, true);
      }
      if (Files.getLastModifiedTime(marker).toMillis() < startedAtMillis) {
        // built earlier by something that kept no record (e.g. the demo)
        return new Done(dir, "mlm " + command, Double.NaN, null, true);
      }
      String environment = BenchEnvironment.summary();
      Files.writeString(timeFile, String.format(Locale.ROOT, "%.3f%n%s%n", seconds, environment), StandardCharsets.UTF_8);
      return new Done(dir, "mlm " + command, seconds, environment, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stage record in " + dir, e);
    }
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
