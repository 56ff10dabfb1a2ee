package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/** Crash leftovers: what a SIGKILL at each point of a checkpoint write leaves, and how it resumes. */
class CheckpointStoreTest {
  @TempDir Path tmp;

  private static TrainerState state(long step) {
    return new TrainerState(step, "0:" + step, 1, 0, 0, 0, 0, Double.NaN, EarlyStopping.State.initial(), java.util.Map.of());
  }

  @Test
  void keepsTheNewestKAndSurvivesEveryCrashPoint() throws IOException {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableNames.checked(tf, "v", tf.withInitScope().constant(new float[] {1, 2}));
      try (Session s = new Session(g)) {
        CheckpointStore store = new CheckpointStore(tmp, 2);
        for (long step : new long[] {10, 20, 30}) {
          store.save(s, state(step));
        }
        assertEquals(List.of(20L, 30L), store.list().stream().map(Checkpoint::step).toList());
        assertEquals(30, store.latest().orElseThrow().step());
        assertEquals("0:30", CheckpointStore.readState(store.latest().get()).dataPosition());

        // Killed while writing the temp directory: ignored, then cleaned up.
        Path root = tmp.resolve(CheckpointStore.DIRECTORY);
        Files.createDirectories(root.resolve(".ckpt-000000040.tmp"));
        Files.writeString(root.resolve(".ckpt-000000040.tmp/variables.index"), "torn");
        assertEquals(30, store.latest().orElseThrow().step());
        store.removeIncompleteWrites();
        assertFalse(Files.exists(root.resolve(".ckpt-000000040.tmp")));

        // Killed after the rename, before the pointer update: the newer complete directory wins.
        CheckpointStore.writeAtomically(s, state(40), root, "ckpt-000000040");
        assertEquals("ckpt-000000030", Files.readString(root.resolve("latest")).trim());
        assertEquals(40, store.latest().orElseThrow().step());

        // Pointer to a pruned or missing directory: fall back to the newest complete one.
        Files.writeString(root.resolve("latest"), "ckpt-000000999\n");
        assertEquals(40, store.latest().orElseThrow().step());

        // Killed between moving an old copy aside and moving the new one in: the old one returns.
        Files.move(root.resolve("ckpt-000000040"), root.resolve(".ckpt-000000040.old"));
        store.removeIncompleteWrites();
        assertTrue(Files.isDirectory(root.resolve("ckpt-000000040")));

        // The restored variables are the saved ones.
        try (Graph g2 = new Graph()) {
          Ops tf2 = Ops.create(g2);
          VariableNames.checked(tf2, "v", tf2.withInitScope().constant(new float[] {0, 0}));
          try (Session s2 = new Session(g2)) {
            s2.restore(store.latest().get().prefix());
            assertArrayEquals(new double[] {1, 2}, ToyModels.values(s2, "v"), 0);
          }
        }
      }
    }
  }

  @Test
  void resumedLogDropsLinesAfterTheCheckpointAndATornLastLine() throws IOException {
    Files.writeString(tmp.resolve(TrainingLog.FILE_NAME),
        "{\"step\":1,\"loss\":2.0}\n{\"step\":2,\"loss\":1.5}\n{\"step\":3,\"loss\":1.2}\n{\"step\":4,\"lo");
    try (TrainingLog log = TrainingLog.resume(tmp, 2)) {
      assertEquals(2, log.entries().size());
    }
    assertEquals(List.of("{\"step\":1,\"loss\":2.0}", "{\"step\":2,\"loss\":1.5}"),
        Files.readAllLines(tmp.resolve(TrainingLog.FILE_NAME)));
  }
}
