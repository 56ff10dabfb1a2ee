package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.train.RunInputs;

/** The one rule for {@code --out}, on folders made by hand (no TensorFlow). */
class OutputFolderTest {
  @TempDir Path tmp;

  private static String refusal(Path out, String kind, boolean resume, boolean overwrite, Path reads) {
    return assertThrows(IllegalArgumentException.class,
        () -> OutputFolder.claim(out, kind, resume, overwrite, reads)).getMessage();
  }

  private Path model(String name, String kind) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    ModelDirectory.writeJson(dir.resolve(ModelDirectory.MANIFEST), new ModelDirectory.Manifest("mlm-suite-model", 1, kind));
    Files.writeString(dir.resolve(ModelDirectory.CONFIG), "{}");
    return dir;
  }

  @Test
  void aNewOrEmptyFolderOrTheBookkeepingOfARunWithoutCheckpointIsWrittenInPlace() throws IOException {
    assertFalse(OutputFolder.claim(tmp.resolve("new"), "classifier", false, false, null).replacing());
    Path debris = Files.createDirectories(tmp.resolve("debris"));
    Files.writeString(debris.resolve("train-log.jsonl"), "");
    Files.writeString(debris.resolve(".training.lock"), "process 1");
    Files.createDirectories(debris.resolve("checkpoints"));
    OutputFolder claimed = OutputFolder.claim(debris, "classifier", true, false, null);
    assertEquals(debris, claimed.path());
    assertFalse(claimed.resume(), "no checkpoint: nothing to resume, a fresh start");
  }

  @Test
  void aFolderOfOtherFilesIsRefusedNamingThem() throws IOException {
    Path own = Files.createDirectories(tmp.resolve("own"));
    Files.writeString(own.resolve("notes.txt"), "mine");
    String error = refusal(own, "backbone", false, true, null);
    assertTrue(error.startsWith(own + " is not empty (notes.txt)"), error);
    assertTrue(refusal(own.resolve("notes.txt"), "backbone", false, false, null).contains("is a file"));
  }

  @Test
  void overwriteReplacesOnlyAFinishedModelOfTheSameKindThroughAStagingFolder() throws IOException {
    Path classifier = model("clf", "classifier");
    assertTrue(refusal(classifier, "backbone", false, true, null).contains("holds a 'classifier' model"));
    assertTrue(refusal(classifier, "classifier", false, false, null).contains("give --overwrite to replace it"));

    OutputFolder replacing = OutputFolder.claim(classifier, "classifier", false, true, null);
    assertTrue(replacing.replacing());
    Files.writeString(replacing.begin().resolve("model.json"), "new");
    assertEquals("{}", Files.readString(classifier.resolve(ModelDirectory.CONFIG)), "the old model is intact until commit");
    replacing.commit();
    assertEquals("new", Files.readString(classifier.resolve("model.json")));
    assertFalse(Files.exists(classifier.resolve(ModelDirectory.CONFIG)), "nothing of the old model is left");
    assertFalse(Files.exists(replacing.path()));
  }

  @Test
  void theBackboneTheRunReadsIsNeverTheOutputNorInsideItNorHoldingIt() throws IOException {
    Path backbone = model("bb", "backbone");
    assertTrue(refusal(backbone, "backbone", false, true, backbone).contains("is the backbone the run reads"));
    assertTrue(refusal(backbone.resolve("x/.."), "backbone", false, true, backbone).contains("is the backbone"));
    assertTrue(refusal(backbone.resolve("clf"), "classifier", false, true, backbone).contains("is inside"));
    assertTrue(refusal(tmp, "classifier", false, true, backbone).contains("holds the backbone"));
  }

  @Test
  void resumeAndOverwriteTogetherAreRefused() {
    assertTrue(refusal(tmp.resolve("x"), "classifier", true, true, null).contains("give one of them"));
  }

  @Test
  void moreStepsOrAnotherOrderOfTheDataPartsAreTheSameInputs() {
    record Recipe(long steps, double learningRate, int maxLength) {}
    RunInputs saved = RunInputs.of("classifier", Map.of("train", "a.csv (sha256 1)", "dev", RunInputs.NONE), "bb",
        new Recipe(10, 1e-4, 64));
    assertEquals(saved, RunInputs.of("classifier", Map.of("dev", RunInputs.NONE, "train", "a.csv (sha256 1)"), "bb",
        new Recipe(20, 1e-4, 64)), "more steps extend the run");
  }
}
