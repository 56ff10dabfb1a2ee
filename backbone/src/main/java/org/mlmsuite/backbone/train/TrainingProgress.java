package org.mlmsuite.backbone.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The console progress line on stderr: step/total, smoothed loss, learning rate, throughput,
 * elapsed and ETA. On a terminal it redraws one line with {@code \r} (at most 5 times a second);
 * otherwise (logs, CI) it prints a full line every {@code lineIntervalSeconds}.
 */
public final class TrainingProgress {
  private static final int BAR_WIDTH = 24;

  private final PrintStream out;
  private final boolean terminal;
  private final double lineIntervalSeconds;
  private final Consumer<Path> afterCheckpoint;
  private long lastPrintNanos;
  private boolean dirty;

  public TrainingProgress(PrintStream out, boolean terminal, double lineIntervalSeconds) {
    this(out, terminal, lineIntervalSeconds, null);
  }

  private TrainingProgress(PrintStream out, boolean terminal, double lineIntervalSeconds,
      Consumer<Path> afterCheckpoint) {
    this.out = out;
    this.terminal = terminal;
    this.lineIntervalSeconds = lineIntervalSeconds;
    this.afterCheckpoint = afterCheckpoint;
  }

  /**
   * The same display that also hands the run's folder to {@code hook} after each checkpoint (the
   * tasks redraw {@code loss-curve.svg} there, so an hour-long run can be watched). The hook runs on
   * the training thread; if it throws, training goes on and the failure is one message.
   */
  public TrainingProgress afterEachCheckpoint(Consumer<Path> hook) {
    return new TrainingProgress(out, terminal, lineIntervalSeconds, hook);
  }

  /** Progress on {@code System.err}; redraws in place when the JVM has a console. */
  public static TrainingProgress toStderr() {
    String term = System.getenv("TERM");
    boolean tty = System.console() != null && term != null && !term.equals("dumb");
    return new TrainingProgress(System.err, tty, 30);
  }

  /** A progress that prints nothing (tests, library callers with their own display). */
  public static TrainingProgress silent() {
    return new TrainingProgress(null, false, Double.POSITIVE_INFINITY);
  }

  /**
   * @param etaSeconds remaining time estimated from this session's speed (NaN if unknown)
   * @param force print now regardless of the rate limit (last step)
   */
  void update(long step, long total, double smoothedLoss, double lr, double throughput,
      String unit, double elapsedSeconds, double etaSeconds, boolean force) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    double sinceLast = (now - lastPrintNanos) / 1e9;
    double interval = terminal ? 0.2 : lineIntervalSeconds;
    if (!force && lastPrintNanos != 0 && sinceLast < interval) {
      return;
    }
    lastPrintNanos = now;
    String line = format(step, total, smoothedLoss, lr, throughput, unit, elapsedSeconds, etaSeconds);
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
      dirty = true;
      if (step >= total) {
        finish();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Called by the {@link Trainer} when a checkpoint of the run in {@code runDirectory} is written. */
  void checkpointed(Path runDirectory) {
    if (afterCheckpoint == null) {
      return;
    }
    try {
      afterCheckpoint.accept(runDirectory);
    } catch (RuntimeException e) {
      message("after the checkpoint, " + e.getMessage() + " (training goes on)");
    }
  }

  /** Prints a message on its own line without garbling the progress line. */
  void message(String text) {
    if (out == null) {
      return;
    }
    finish();
    out.println(text);
    out.flush();
  }

  void finish() {
    if (out != null && dirty) {
      out.println();
      dirty = false;
    }
  }

  static String format(long step, long total, double loss, double lr, double throughput,
      String unit, double elapsedSeconds, double etaSeconds) {
    int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * step / Math.max(1, total));
    String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    return String.format(Locale.ROOT,
        "[%s] %d/%d (%.1f%%) loss %.4f lr %.3g %.1f %s/s elapsed %s eta %s",
        bar, step, total, 100.0 * step / Math.max(1, total), loss, lr, throughput, unit,
        duration(elapsedSeconds), Double.isFinite(etaSeconds) ? duration(etaSeconds) : "?");
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
