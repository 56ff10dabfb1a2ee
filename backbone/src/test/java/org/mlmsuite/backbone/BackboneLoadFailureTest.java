package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.DamagedWeightsException;

/**
 * A backbone whose files are damaged fails fast with one line naming what is wrong. It used to
 * hang: the constructor closed the graph while its session was still open, and {@code Graph.close}
 * waits for every session on it.
 */
class BackboneLoadFailureTest {
  private static final Duration NO_HANG = Duration.ofSeconds(60);
  private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(
      new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "c", "##b")),
      TokenizerConfig.uncased());

  @TempDir Path tmp;

  private Path backbone() {
    return UntrainedBackbone.write(tmp.resolve("bb"), TransformerConfig.micro(9), TOKENIZER, 1).path();
  }

  @Test
  void truncatedWeightsDataSaysDamagedInsteadOfHanging() throws IOException {
    Path dir = backbone();
    Path data = Files.list(dir.resolve(ModelDirectory.WEIGHTS_DIR))
        .filter(p -> p.getFileName().toString().contains(".data-")).findFirst().orElseThrow();
    Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 100));
    var e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(DamagedWeightsException.class, () -> Backbone.open(dir)));
    assertTrue(e.getMessage().contains("weights are damaged or truncated"), e.getMessage());
    assertTrue(e.getMessage().startsWith(dir.resolve("weights").toString()), e.getMessage());
  }

  @Test
  void truncatedWeightsIndexSaysDamaged() throws IOException {
    Path dir = backbone();
    Path index = dir.resolve("weights/model.index");
    Files.write(index, Arrays.copyOf(Files.readAllBytes(index), 100));
    var e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(DamagedWeightsException.class, () -> Backbone.open(dir)));
    assertTrue(e.getMessage().contains("weights are damaged or truncated"), e.getMessage());
  }

  @Test
  void aConfigThatDoesNotMatchTheWeightsFailsFast() throws IOException {
    Path dir = backbone();
    TransformerConfig.micro(9).withMaxPositions(64).write(dir.resolve(ModelDirectory.CONFIG));
    var e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(IllegalArgumentException.class, () -> Backbone.open(dir)));
    assertTrue(e.getMessage().contains("shape mismatch"), e.getMessage());
  }

  @Test
  void aVocabularyOfAnotherSizeThanTheConfigIsNamed() throws IOException {
    Path dir = backbone();
    Files.write(dir.resolve("vocab.txt"), TOKENIZER.vocabulary().tokens().subList(0, 8));
    var e = assertThrows(IllegalArgumentException.class, () -> Backbone.open(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("vocab.txt") + ": 8 pieces, but config.json says vocab_size 9"),
        e.getMessage());
  }
}
