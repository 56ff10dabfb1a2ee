package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

class ModelDirectoryTest {
  record Labels(List<String> labels) {}

  private static WordPieceTokenizer tokenizer() {
    Vocabulary vocab = new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "##b"));
    return new WordPieceTokenizer(vocab, TokenizerConfig.uncased());
  }

  private static ModelDirectory writeFake(Path dir) {
    return writeFake(dir, "fake");
  }

  /** A model folder whose weights are one file, {@code weights/model.index}, holding {@code weights}. */
  private static ModelDirectory writeFake(Path dir, String weights) {
    return ModelDirectory.write(dir, "classifier", TransformerConfig.micro(8), tokenizer(),
        prefix -> {
          try {
            Files.writeString(Path.of(prefix + ".index"), weights);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        },
        Map.of("labels.json", new Labels(List.of("neg", "pos"))));
  }

  @Test
  void writtenDirectoryReopensWithItsParts(@TempDir Path tmp) {
    Path dir = tmp.resolve("clf");
    writeFake(dir);
    ModelDirectory model = ModelDirectory.open(dir, "classifier");
    assertEquals("classifier", model.kind());
    assertEquals(TransformerConfig.micro(8), model.config());
    assertEquals(List.of("neg", "pos"), model.read("labels.json", Labels.class).labels());
    assertArrayEquals(tokenizer().encode("a bb").ids(), model.tokenizer().encode("a bb").ids());
    assertTrue(model.weightsPrefix().endsWith("weights/model"));
  }

  @Test
  void rewritingReplacesWeightsAndLeavesNoStagingFolders(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("clf");
    writeFake(dir, "first weights");
    Files.writeString(dir.resolve("weights/stale.data"), "a file the first weights had and the second do not");
    writeFake(dir, "second weights");
    Path weights = Path.of(ModelDirectory.open(dir, "classifier").weightsPrefix() + ".index");
    assertEquals("second weights", Files.readString(weights));
    try (var files = Files.list(weights.getParent())) {
      assertEquals(List.of(weights.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList(),
          "the weights folder holds only the new weights");
    }
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".weights")));
    }
  }

  @Test
  void errorsNameTheFolderAndWhatIsWrong(@TempDir Path tmp) throws Exception {
    var missing = assertThrows(IllegalArgumentException.class, () -> ModelDirectory.open(tmp.resolve("nope"), null));
    assertTrue(missing.getMessage().contains("nope") && missing.getMessage().contains("no such folder"), missing.getMessage());

    var noManifest = assertThrows(IllegalArgumentException.class, () -> ModelDirectory.open(tmp, null));
    assertTrue(noManifest.getMessage().contains("no model.json"), noManifest.getMessage());

    Path dir = tmp.resolve("clf");
    writeFake(dir);
    var wrongKind = assertThrows(IllegalArgumentException.class, () -> ModelDirectory.open(dir, "backbone"));
    assertTrue(wrongKind.getMessage().contains("holds a 'classifier' model, expected a 'backbone'"), wrongKind.getMessage());

    Files.delete(dir.resolve("vocab.txt"));
    var noVocab = assertThrows(IllegalArgumentException.class, () -> ModelDirectory.open(dir, "classifier"));
    assertTrue(noVocab.getMessage().endsWith("is missing vocab.txt"), noVocab.getMessage());

    writeFake(dir);
    Files.writeString(dir.resolve("model.json"), "{\n \"format\": \"mlm-suite-model\",\n \"formatVersion\": \"x\"}");
    var badField = assertThrows(IllegalArgumentException.class, () -> ModelDirectory.open(dir, null));
    assertTrue(badField.getMessage().contains("model.json:3 field 'formatVersion'"), badField.getMessage());
  }
}
