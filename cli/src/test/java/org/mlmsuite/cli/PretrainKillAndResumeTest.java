package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.train.Checkpoint;
import org.mlmsuite.backbone.train.CheckpointStore;

/**
 * Issue #5 at the pipeline level: a real {@code mlm pretrain} in a child JVM is SIGKILLed after it
 * wrote a checkpoint and before it finished, resumed with {@code --resume}, and must reproduce an
 * uninterrupted run with the same seed bit for bit: the loss of every step, the held-out
 * evaluations, and the exported weights.
 */
class PretrainKillAndResumeTest {
  /** Under 40 steps the pretraining log has a row for every step. */
  private static final int STEPS = 39;
  private static final int CHECKPOINT_EVERY = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private List<String> pretrain(Path out) throws Exception {
    Path corpus = tmp.resolve("corpus.txt");
    if (!Files.exists(corpus)) {
      StringBuilder text = new StringBuilder();
      String[] words = {"the", "cat", "dog", "sat", "ran", "on", "a", "mat", "log", "."};
      Random random = new Random(7);
      for (int p = 0; p < 60; p++) {
        for (int w = 0; w < 12; w++) {
          text.append(words[random.nextInt(words.length)]).append(' ');
        }
        text.append("\n\n");
      }
      Files.writeString(corpus, text);
      Files.writeString(tmp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n" + String.join("\n", words) + "\n");
    }
    return new ArrayList<>(List.of("pretrain", "--corpus", corpus.toString(), "--vocab", tmp.resolve("vocab.txt").toString(),
        "--preset", "micro", "--steps", String.valueOf(STEPS), "--batch-size", "4", "--seq-length", "16",
        "--held-out", "0.1", "--eval-every", "13", "--checkpoint-every", String.valueOf(CHECKPOINT_EVERY),
        "--out", out.toString()));
  }

  @Test
  void sigkilledPretrainResumesToTheSameLossesEvaluationsAndWeights() throws Exception {
    Path reference = tmp.resolve("reference");
    MainTest.Captured uninterrupted = MainTest.Captured.run(pretrain(reference).toArray(String[]::new));
    assertEquals(0, uninterrupted.exitCode(), uninterrupted.stderr());

    Path killed = tmp.resolve("killed");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    // Kill after a random one of the first seven checkpoints (steps 4..28), leaving at least 11 steps.
    long killAfter = CHECKPOINT_EVERY * (1L + random.nextInt(7));
    Process child = start(pretrain(killed), tmp.resolve("child.log"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (latestStep(killed) < killAfter && child.isAlive()) {
      assertTrue(System.nanoTime() < deadline, "the child wrote no checkpoint; see " + tmp.resolve("child.log"));
      Thread.sleep(2);
    }
    // A random extra delay lets the kill land mid-step or mid-checkpoint-write as well.
    Thread.sleep(random.nextInt(30));
    child.destroyForcibly();
    child.waitFor();
    long killedAt = latestStep(killed);
    String context = "seed " + seed + ", waited for step " + killAfter + ", killed with the newest checkpoint at step " + killedAt;
    assertTrue(killedAt >= CHECKPOINT_EVERY && killedAt < STEPS, "the child finished before the kill: " + context);
    assertTrue(Files.notExists(killed.resolve("weights")), "nothing is exported before the end: " + context);
    System.out.println("pretrain kill-and-resume: " + context);

    List<String> resume = pretrain(killed);
    resume.add("--resume");
    MainTest.Captured resumed = MainTest.Captured.run(resume.toArray(String[]::new));
    assertEquals(0, resumed.exitCode(), resumed.stderr());

    List<JsonNode> expected = deterministicFields(reference);
    assertEquals(LongStream.rangeClosed(1, STEPS).boxed().toList(),
        expected.stream().map(n -> n.get("step").asLong()).toList(), "one log row per step");
    assertEquals(3, expected.stream().filter(n -> n.has("eval_loss")).count(), "evaluations at 13, 26, 39");
    assertEquals(expected, deterministicFields(killed), context);
    assertEquals(uninterrupted.stdout().replace(reference.toString(), "OUT"),
        resumed.stdout().replace(killed.toString(), "OUT"), "final held-out loss and accuracy: " + context);
    assertEquals(JSON.readTree(reference.resolve("provenance.json").toFile()).get("finalHeldOut"),
        JSON.readTree(killed.resolve("provenance.json").toFile()).get("finalHeldOut"), context);
    for (String file : List.of("model.data-00000-of-00001", "model.index")) {
      assertArrayEquals(Files.readAllBytes(reference.resolve("weights").resolve(file)),
          Files.readAllBytes(killed.resolve("weights").resolve(file)), file + ": " + context);
    }
  }

  private static long latestStep(Path run) {
    return CheckpointStore.latest(run).map(Checkpoint::step).orElse(-1L);
  }

  /** The log rows without wall-clock fields (elapsed time, throughput), which differ between runs. */
  private static List<JsonNode> deterministicFields(Path run) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("train-log.jsonl"))) {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
      node.remove(List.of("elapsed_s", "throughput", "throughput_unit"));
      node.fieldNames().forEachRemaining(f -> {
        if (f.endsWith("_seconds")) {
          throw new AssertionError("unexpected timing field " + f + " in " + line);
        }
      });
      rows.add(node);
    }
    return rows;
  }

  private static Process start(List<String> args, Path log) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }
}
