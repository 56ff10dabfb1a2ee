package org.mlmsuite.backbone.pretrained;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A progress line every few seconds while Maven downloads a jar: Maven writes it into the
 * artifact's folder of the local repository under a temporary name, so the largest file there is
 * what has arrived so far. (Maven's own progress bar needs a terminal; {@code mvn -B} has none.)
 */
final class DownloadProgress implements AutoCloseable {
  private static final long EVERY_SECONDS = 10;

  private final ScheduledExecutorService timer;
  private final long start = System.nanoTime();

  /** Starts reporting {@code folder}'s arrivals to {@code progress}; {@link #close()} stops it. */
  DownloadProgress(Path folder, Consumer<String> progress) {
    timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "download-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> progress.accept(line(bytesArrived(folder), elapsed())),
        EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** {@code downloading: 123.4 MB so far, 5.1 MB/s, 0:24 elapsed} (MB = 10^6 bytes, as Maven Central counts). */
  static String line(long bytes, Duration elapsed) {
    if (bytes == 0) { // a fresh local repository: Maven first fetches its dependency plugin (about a minute)
      return "downloading: nothing yet, Maven is fetching its own plugin first, " + clock(elapsed) + " elapsed";
    }
    return String.format(Locale.ROOT, "downloading: %.1f MB so far, %.1f MB/s, %s elapsed", bytes / 1e6,
        rate(bytes, elapsed), clock(elapsed));
  }

  /** {@code downloaded 408.2 MB in 1:23 (4.9 MB/s)}: the line once the jar is in place. */
  static String done(long bytes, Duration elapsed) {
    return String.format(Locale.ROOT, "downloaded %.1f MB in %s (%.1f MB/s)", bytes / 1e6, clock(elapsed),
        rate(bytes, elapsed));
  }

  private static double rate(long bytes, Duration elapsed) {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1e3;
    return bytes / 1e6 / seconds;
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
  static String clock(Duration elapsed) {
    long s = elapsed.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** The size of the largest file in {@code folder} (0 before Maven has created it). */
  static long bytesArrived(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.mapToLong(DownloadProgress::sizeOrZero).max().orElse(0);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** A temporary file can be renamed away between listing and reading its size. */
  private static long sizeOrZero(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
