package org.mlmsuite.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/**
 * A model folder gets the permissions the process umask gives any new file or folder, as every
 * other tool's output does: it used to be owner-only (0600 files, 0700 weights/), so a model
 * trained by one user could not be served by another.
 */
class ModelFilePermissionsTest {
  @TempDir Path tmp;

  @Test
  void everyFileAndFolderOfAModelHasTheUmasksPermissions() throws IOException {
    Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe.txt")));
    Set<PosixFilePermission> folder = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe")));
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(
        new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b")), TokenizerConfig.uncased());
    Path model = UntrainedBackbone.write(tmp.resolve("bb"), TransformerConfig.micro(7), tokenizer, 1).path();
    try (Stream<Path> all = Files.walk(model)) {
      for (Path p : all.toList()) {
        assertEquals(Files.isDirectory(p) ? folder : file, Files.getPosixFilePermissions(p), model.relativize(p).toString());
      }
    }
  }
}
