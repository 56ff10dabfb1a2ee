package org.mlmsuite.backbone.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A long toy training loop for the native-memory test, run in a JVM with a small, pre-touched heap
 * so that VmRSS growth is native growth. Prints {@code rss <KiB at step 500> <KiB at end>}.
 * Arguments: output directory, steps.
 */
public final class MemoryLoopMain {
  /** 256 x 128 float32 = 128 KiB fed per step. */
  static final int FEATURES = 128;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int steps = Integer.parseInt(args[1]);
    List<ToyModels.Example> data = ToyModels.data(1024, FEATURES, 9);
    TrainingConfig config = ToyModels.config(steps, 1, 256).withCadence(500, 0, 0, 1);
    long[] rss = new long[2];
    try (var t = Trainer.builder(config, dir, ToyModels.linearRegression(FEATURES),
            new ShuffledBatchSource<>(data, 256, 1))
        .progress(TrainingProgress.silent())
        .onStep(m -> {
          if (m.step() == 500 || m.step() == steps) {
            int i = m.step() == 500 ? 0 : 1;
            rss[i] = residentKib();
          }
        }).build()) {
      t.train();
    }
    System.out.println("rss " + rss[0] + " " + rss[1]);
  }

  static long residentKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/self/status", e);
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
