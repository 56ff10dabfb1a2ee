package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training JVM is killed with SIGKILL at random moments (checkpointing every step, so kills land
 * inside checkpoint writes too), resumed, and must reproduce the loss log of an uninterrupted run.
 * While it is alive, a second run into its folder is refused; once killed, its lock is gone.
 */
class KillAndResumeTest {
  private static final long STEPS = 60;
  /** Kill rounds; each costs a JVM start (~2.5 s on an idle machine). */
  private static final int ROUNDS = 1;

  @TempDir Path tmp;

  @Test
  void sigkilledRunResumesToTheSameLossCurve() throws Exception {
    Path reference = tmp.resolve("reference");
    try (var t = ToyTrainingMain.trainer(reference, ToyTrainingMain.config(STEPS, 0)).build()) {
      t.train();
    }
    long t0 = System.nanoTime();
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path killed = tmp.resolve("killed");
    List<String> killedAt = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Process child = startChild(killed, tmp.resolve("child-" + round + ".log"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (CheckpointStore.latest(killed).map(c -> c.step()).orElse(-1L) <= 2 + round * 20L && child.isAlive()) {
        assertTrue(System.nanoTime() < deadline, "child made no progress; see " + tmp);
        Thread.sleep(5);
      }
      if (round == 0) {
        assertTrue(child.isAlive(), "the child finished before the checks (seed " + seed + ")");
        // A second run into the live run's folder is refused before it touches anything.
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ToyTrainingMain.trainer(killed, ToyTrainingMain.config(STEPS, 0)).build());
        assertTrue(e.getMessage().contains("another training run is writing here (process " + child.pid() + ")"),
            e.getMessage());
      }
      Thread.sleep(random.nextInt(100));
      child.destroyForcibly();
      child.waitFor();
      long at = CheckpointStore.latest(killed).map(Checkpoint::step).orElse(-1L);
      boolean midWrite;
      try (var leftovers = Files.list(killed.resolve(CheckpointStore.DIRECTORY))) {
        midWrite = leftovers.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
      }
      killedAt.add("round " + round + ": latest checkpoint " + at + (midWrite ? ", killed mid-write" : ""));
      assertTrue(at < STEPS, "the child finished before the kill (seed " + seed + ")");
    }
    try (var t = ToyTrainingMain.trainer(killed, ToyTrainingMain.config(STEPS, 0)).build()) {
      assertTrue(t.step() > 0 && t.step() < STEPS);
      t.train();
    }
    String context = "seed " + seed + ", " + killedAt;
    System.out.println("kill-and-resume: " + context + ", " + (System.nanoTime() - t0) / 1_000_000 + " ms after reference");
    assertEquals(TrainerTest.lossColumn(reference), TrainerTest.lossColumn(killed), context);
    assertEquals(STEPS, TrainerTest.lossColumn(killed).size(), context);
    assertTrue(Files.readAllLines(tmp.resolve("child-0.log")).contains("started at step 0"));
  }

  private static Process startChild(Path dir, Path log) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ToyTrainingMain.class.getName(), dir.toString(), Long.toString(STEPS));
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }
}
