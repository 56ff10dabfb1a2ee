package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19, defect 3 with real processes: {@code mlm} in a child JVM (the test classpath, {@link
 * Main}) stopped by SIGTERM or SIGINT while predicting or training, and a full disk. A full disk is
 * a real one: a tmpfs of a few hundred KB mounted in a private user and mount namespace ({@code unshare -rm}); the
 * tests that need it are skipped where {@code unshare} is not allowed.
 */
class ChildJvmFaultTest {
  private static final int PREDICT_ROWS = 150_000;
  static TinyModels models;
  static Path bigInput;
  @TempDir Path tmp;

  @BeforeAll
  static void build() throws IOException {
    models = TinyModels.get();
    bigInput = TinyModels.write(models.root.resolve("data/big.csv"), TinyModels.labeledRows(PREDICT_ROWS, 7, ','));
  }

  @Test
  void sigtermDuringPredictLeavesNoTempFileAndNoHalfOutput() throws Exception {
    stopPredictAndCheck("TERM", List.of(), 143);
  }

  /**
   * A shell without job control starts background commands with SIGINT ignored, and the JVM then
   * never installs its handler (Ctrl-C or {@code kill -INT} do nothing); the {@code mlm} launcher
   * resets it with {@code env --default-signal=INT}. This child starts the way that launcher does
   * from such a shell.
   */
  @Test
  void sigintDuringPredictIsHonouredEvenWhenInheritedAsIgnored() throws Exception {
    List<String> ignoredThenReset = List.of("sh", "-c", "trap '' INT; exec env --default-signal=INT \"$@\"", "sh");
    stopPredictAndCheck("INT", ignoredThenReset, 130);
    assertTrue(Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("mlm"))
        .contains("env --default-signal=INT"), "the mlm launcher resets SIGINT");
  }

  private void stopPredictAndCheck(String signal, List<String> prefix, int expectedExit) throws Exception {
    Path outDir = Files.createDirectories(tmp.resolve("out"));
    Path output = outDir.resolve("o.csv");
    Process child = start(prefix, "classify", "predict", "--model", models.classifier.toString(),
        "--input", bigInput.toString(), "--output", output.toString());
    boolean writing = waitFor(() -> names(outDir).stream().anyMatch(n -> n.startsWith(".o.csv.")), child);
    kill(signal, child);
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "still running after SIG" + signal);
    List<String> left = names(outDir);
    if (writing && child.exitValue() != 0) {
      assertEquals(expectedExit, child.exitValue(), stderr());
      assertEquals(List.of(), left, "stopped mid-way: no temp file, no output");
    } else { // finished before the signal landed: then complete
      assertEquals(List.of("o.csv"), left);
      assertEquals(PREDICT_ROWS + 1, Files.readAllLines(output).size());
    }
  }

  @Test
  void sigtermAndSigintDuringTrainingLeaveOnlyTheResumableRunAndResumeCompletes() throws Exception {
    for (String signal : List.of("TERM", "INT")) {
      Path run = tmp.resolve("run-" + signal);
      // As the mlm launcher starts it: a build run from a background job inherits SIGINT ignored.
      Process child = start(List.of("env", "--default-signal=INT"), "classify", "train", "--backbone", models.backbone.toString(),
          "--train", models.classificationTsv.toString(), "--out", run.toString(), "--steps", "100000",
          "--checkpoint-every", "2", "--batch-size", "4", "--max-length", "16");
      assertTrue(waitFor(() -> names(run.resolve("checkpoints")).stream().anyMatch(n -> n.startsWith("ckpt-")), child),
          stderr());
      kill(signal, child);
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "still running after SIG" + signal);
      assertEquals(signal.equals("TERM") ? 143 : 130, child.exitValue(), stderr());
      // the exit waited for the step in flight (ExitGate) instead of tearing TensorFlow down under it
      assertEquals(List.of(), names(tmp).stream().filter(n -> n.startsWith("hs_err")).toList());
      // the resumable run, with its loss curve as of the last checkpoint
      assertEquals(List.of("checkpoints", "loss-curve.svg", "run-inputs.json", "train-log.jsonl",
          "training-config.json"), names(run));
      assertEquals(List.of(), hiddenFilesBelow(run));

      long step = names(run.resolve("checkpoints")).stream().filter(n -> n.startsWith("ckpt-"))
          .mapToLong(n -> Long.parseLong(n.substring(5))).max().orElseThrow();
      MainTest.Captured resumed = MainTest.Captured.run("classify", "train", "--backbone", models.backbone.toString(),
          "--train", models.classificationTsv.toString(), "--out", run.toString(), "--steps", String.valueOf(step + 2),
          "--checkpoint-every", "2", "--batch-size", "4", "--max-length", "16", "--resume");
      assertEquals(0, resumed.exitCode(), resumed.stderr());
      assertTrue(Files.isRegularFile(run.resolve("model.json")));
    }
  }

  @Test
  void aFullDiskDuringPredictAndTrainingIsOneLineAndLeavesNothing() throws Exception {
    assumeTrue(canMountTmpfs(), "unshare -rm (user and mount namespaces) is not allowed here: skipped");
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    Result predict = onSmallDisk(disk, "512k", "classify", "predict", "--model", models.classifier.toString(),
        "--input", bigInput.toString(), "--output", disk.resolve("o.csv").toString());
    assertEquals(Main.EXIT_USER_ERROR, predict.exitCode(), predict.stderr());
    assertEquals("mlm: " + disk.resolve("o.csv") + ": No space left on device", lastLine(predict.stderr()));
    assertFalse(predict.stderr().contains("Exception"), predict.stderr());
    assertEquals("", predict.listing(), "nothing left on the full disk");

    Result train = onSmallDisk(disk, "64k", "classify", "train", "--backbone", models.backbone.toString(),
        "--train", models.classificationTsv.toString(), "--out", disk.resolve("run").toString(), "--steps", "3",
        "--batch-size", "4", "--max-length", "16");
    assertEquals(Main.EXIT_USER_ERROR, train.exitCode(), train.stderr());
    String last = lastLine(train.stderr());
    assertTrue(last.startsWith("mlm: ") && last.contains("No space left on device"), train.stderr());
    assertFalse(train.stderr().contains("Exception") || train.stderr().contains("OOM"), train.stderr());
    assertEquals("", train.listing(), "a run that never checkpointed leaves nothing");
  }

  private static String lastLine(String text) {
    return text.strip().lines().reduce((a, b) -> b).orElse("");
  }

  private record Result(int exitCode, String stderr, String listing) {}

  /** Runs mlm with a tmpfs of {@code size} mounted on {@code disk}; lists the tmpfs (recursively) before it goes. */
  private Result onSmallDisk(Path disk, String size, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c",
        "mount -t tmpfs -o size=" + size + " tmpfs \"$0\" || exit 99; \"$@\"; rc=$?; cd \"$0\" && find . -mindepth 1 > \"$0.listing\"; exit $rc",
        disk.toString()));
    command.addAll(javaCommand(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile())
        .redirectOutput(tmp.resolve("stdout.txt").toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    Process child = pb.start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS));
    Path listing = disk.resolveSibling("disk.listing");
    return new Result(child.exitValue(), stderr(), Files.exists(listing) ? Files.readString(listing).strip() : "?");
  }

  private static boolean canMountTmpfs() throws Exception {
    try {
      Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt")
          .redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException noUnshare) {
      return false;
    }
  }

  private Process start(List<String> prefix, String... args) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(javaCommand(args));
    // in tmp, where a JVM that dies in native code would leave its hs_err_pid*.log
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectError(tmp.resolve("stderr.txt").toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return pb.start();
  }

  private static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private String stderr() throws IOException {
    return Files.readString(tmp.resolve("stderr.txt"));
  }

  private static void kill(String signal, Process child) throws Exception {
    new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start().waitFor();
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  /** Polls until the condition holds (true) or the child ends or a minute passes (false). */
  private static boolean waitFor(Condition condition, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (condition.holds()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> hiddenFilesBelow(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }
}
