package org.mlmsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneDescriptionTest {
  @TempDir Path tmp;

  @Test
  void summarizesAPretrainedBackbonesProvenance() throws Exception {
    Files.writeString(tmp.resolve("provenance.json"), """
        {"pretraining": "masked-LM",
         "config": {"corpus": ["pretrain-en", "multi30k-en-de"], "cased": true, "masking": "random", "preset": "tiny",
                    "steps": 12000, "batchSize": 32, "seqLength": 128, "learningRate": 0.001, "seed": 42, "initFrom": null},
         "steps": 12000, "finalHeldOut": {"loss": 4.072585, "accuracy": 0.32656}, "trainingSeconds": 3424.4}
        """);
    assertEquals("Its provenance: preset tiny, cased, random masking, 12,000 steps of 32 sequences x 128 tokens on "
        + "pretrain-en + multi30k-en-de, peak lr 0.001, seed 42; held-out MLM loss 4.073, masked-token accuracy 0.327; "
        + "3,424 s of pretraining.", BackboneDescription.of(tmp));
  }

  @Test
  void saysWhenNothingIsRecorded() throws Exception {
    assertEquals("It keeps no provenance.json, so how it was trained is not recorded.", BackboneDescription.of(tmp));
    Files.writeString(tmp.resolve("provenance.json"), "{\"pretraining\": \"none (random initialisation)\", \"seed\": 42}");
    assertEquals("Its provenance says: pretraining none (random initialisation).", BackboneDescription.of(tmp));
  }
}
