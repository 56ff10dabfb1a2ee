package org.mlmsuite.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code mlm} commands as cached stages: each stage's output folder is named by a hash of
 * its command line (whose inputs are earlier stages' folders, themselves named by hash), so a
 * second run reuses whatever is already built and a changed setting rebuilds only what depends
 * on it. A stage counts as built once its {@value #DONE} marker exists; an interrupted training
 * stage is resumed from its last checkpoint.
 */
public final class DemoStages {
  public static final String DONE = ".done";
  private static final String OUT = "{out}";

  private final Path workDir;
  private final PrintWriter log;
  private final CommandRunner mlm;
  private int stageNumber;
  private final int stageCount;

  public DemoStages(Path workDir, int stageCount, PrintWriter log, CommandRunner mlm) {
    this.workDir = workDir;
    this.mlm = mlm;
    this.stageCount = stageCount;
    this.log = log;
  }

  /**
   * Runs {@code mlm args} unless a stage with the same command already completed; {@code {out}}
   * in the arguments stands for the stage's folder, which is returned.
   */
  public Path run(String name, String what, List<String> args) {
    stageNumber++;
    String key = name + "-" + hash(args);
    Path dir = workDir.resolve(key);
    String header = String.format("[%d/%d] %s", stageNumber, stageCount, what);
    if (Files.exists(dir.resolve(DONE))) {
      log.println(header + ": reusing " + dir);
      log.flush();
      return dir;
    }
    boolean resume = Files.isDirectory(dir) && trains(args);
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
    List<String> resolved = new ArrayList<>();
    for (String a : args) {
      resolved.add(a.replace(OUT, dir.toString()));
    }
    if (resume) {
      resolved.add("--resume"); // not part of the stage's identity: same command, continued
    }
    long start = System.nanoTime();
    int code = mlm.run(resolved.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException("demo stage '" + what + "' failed (exit " + code + "): mlm "
          + String.join(" ", resolved));
    }
    try {
      Files.writeString(dir.resolve(DONE), String.join(" ", resolved) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(DONE), e);
    }
    log.printf("%s: done in %.0f s -> %s%n", header, (System.nanoTime() - start) / 1e9, dir);
    log.flush();
    return dir;
  }

  /**
   * Training commands checkpoint as they go and continue with {@code --resume} to the same result
   * as an uninterrupted run, so an interrupted training stage (hours, in a full benchmark) is
   * continued rather than started over; any other interrupted stage is rebuilt from nothing.
   */
  public static boolean trains(List<String> args) {
    return args.get(0).equals("pretrain")
        || (args.size() > 1 && args.get(1).equals("train") && List.of("classify", "translate", "summarize").contains(args.get(0)));
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
