package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigTest {
  @TempDir Path tmp;

  @Test
  void roundTripsThroughJson() throws IOException {
    TrainingConfig c = TrainingConfig.bertDefaults(5e-5, 1000, 32).withSeed(7);
    Path f = tmp.resolve("training-config.json");
    c.write(f);
    assertEquals(c, TrainingConfig.read(f));
    assertTrue(Files.readString(f).contains("\"weightDecay\" : 0.01"));
  }

  @Test
  void bertDefaultsAndWarmupRatio() {
    TrainingConfig c = TrainingConfig.bertDefaults(5e-5, 1000, 32);
    assertEquals(0.9, c.beta1());
    assertEquals(0.999, c.beta2());
    assertEquals(1e-6, c.epsilon());
    assertEquals(1.0, c.clipNorm());
    assertEquals(100, c.effectiveWarmupSteps());
  }

  @Test
  void invalidValuesNameTheFieldAndTheFile() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainingConfig(1e-4, 5, 0.1, 100, 0.01, 0.9, 0.999, 1e-6, 1, false, 1, 8, 1, 1, 0, 0, 1));
    assertTrue(e.getMessage().contains("'warmupSteps'"), e.getMessage());
    Path f = tmp.resolve("bad.json");
    TrainingConfig.bertDefaults(5e-5, 10, 8).write(f);
    Files.writeString(f, Files.readString(f).replace("\"batchSize\" : 8", "\"batchSize\" : 0"));
    e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("'batchSize'"), e.getMessage());
  }
}
