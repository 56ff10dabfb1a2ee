package org.mlmsuite.bench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@link Stage}s cached: each stage's output folder is named by a hash of its {@code mlm}
 * command line (whose inputs are earlier stages' folders, themselves named by hash), so a
 * second run reuses whatever is already built and a changed setting rebuilds only what depends
 * on it. A stage counts as built once its {@value #DONE} marker exists; an interrupted training
 * stage is resumed from its last checkpoint.
 */
final class DemoStages {
  static final String DONE = ".done";

  private final Path workDir;
  private final PrintWriter log;
  private int stageNumber;
  private final int stageCount;

  DemoStages(Path workDir, int stageCount, PrintWriter log) {
    this.workDir = workDir;
    this.stageCount = stageCount;
    this.log = log;
  }

  /**
   * Runs the stage unless a stage with the same command line already completed; returns its folder
   * (the command line's {@value Stage#OUT}).
   */
  Path run(String name, String what, Stage stage) {
    stageNumber++;
    String key = name + "-" + hash(stage.commandLine());
    Path dir = workDir.resolve(key);
    String header = String.format("[%d/%d] %s", stageNumber, stageCount, what);
    if (Files.exists(dir.resolve(DONE))) {
      log.println(header + ": reusing " + dir);
      log.flush();
      return dir;
    }
    boolean resume = Files.isDirectory(dir) && stage.trains();
    if (resume) {
      log.println(header + ": resuming the interrupted run in " + dir + " ...");
    } else {
      log.println(header + " ...");
      deleteTree(dir);
    }
    log.flush();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    List<String> command = new ArrayList<>();
    for (String a : stage.commandLine()) {
      command.add(a.replace(Stage.OUT, dir.toString()));
    }
    if (resume) {
      command.add("--resume"); // not part of the stage's identity: same command, continued
    }
    long start = System.nanoTime();
    build(stage, dir, resume, "demo stage '" + what + "' failed (exit %d): mlm " + String.join(" ", command));
    try {
      Files.writeString(dir.resolve(DONE), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(DONE), e);
    }
    log.printf("%s: done in %.0f s -> %s%n", header, (System.nanoTime() - start) / 1e9, dir);
    log.flush();
    return dir;
  }

  /**
   * Runs the stage; a failure the user can fix is reported as its command reports it, one line
   * {@code mlm: ...} (exit code 2 for the command), and named in {@code failure}.
   */
  private static void build(Stage stage, Path dir, boolean resume, String failure) {
    try {
      stage.run(dir, resume);
    } catch (IOException | RuntimeException e) {
      String userError = userError(e);
      if (userError == null) {
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
      System.err.println("mlm: " + userError);
      throw new IllegalStateException(String.format(failure, USER_ERROR_EXIT), e);
    }
  }

  /** The CLI's exit code for an error the user can fix. */
  private static final int USER_ERROR_EXIT = 2;

  /** The message of an error the user can fix (bad input, a missing file), or null for anything else. */
  private static String userError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof FileNotFoundException) {
        return t.getMessage();
      }
      if (t instanceof NoSuchFileException missing) {
        return "no such file: " + missing.getFile();
      }
    }
    return null;
  }

  /** Starts a stage that the caller carries out itself (nothing cached). */
  void announce(String what) {
    stageNumber++;
    log.printf("[%d/%d] %s%n", stageNumber, stageCount, what);
    log.flush();
  }

  private static String hash(List<String> args) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String version = String.valueOf(DemoStages.class.getPackage().getImplementationVersion());
      sha.update(version.getBytes(StandardCharsets.UTF_8));
      for (String a : args) {
        sha.update((byte) 0);
        sha.update(a.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
