package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutScoresTest {
  /** provenance.json as {@code mlm pretrain} wrote it when it was a string-keyed map (micro, 4 steps). */
  @Test
  void readsTheLastHeldOutScoresOfAPretrainedBackbone() throws Exception {
    Path backbone = Path.of(getClass().getResource("backbone-with-map-provenance").toURI());
    assertEquals(Map.of("loss", 2.6001272201538086, "accuracy", 0.25), HeldOutScores.read(backbone));
  }

  @Test
  void aBackboneWithoutHeldOutScoresIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("provenance.json"), "{\"pretraining\": \"none (random initialisation)\", \"seed\": 42}");
    var e = assertThrows(IllegalStateException.class, () -> HeldOutScores.read(tmp));
    assertEquals(tmp.resolve("provenance.json") + ": no finalHeldOut.loss", e.getMessage());
  }
}
