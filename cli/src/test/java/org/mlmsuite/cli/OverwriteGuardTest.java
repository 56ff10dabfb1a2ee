package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19, defects 2 and 5 through the {@code mlm} entry point: a model is never written into a
 * folder that holds something else (exit 2, one line naming the folder and what is in it, not a
 * byte changed), {@code --overwrite} replaces a finished model of the same kind, never the backbone
 * the run reads, and {@code --resume} refuses data other than the run started on.
 */
class OverwriteGuardTest {
  @TempDir static Path tmp;
  static Path vocab;
  static Path backbone;
  static Path train;
  static Path classifier;

  @BeforeAll
  static void backboneAndClassifier() throws IOException {
    vocab = tmp.resolve("vocab.txt");
    Files.writeString(vocab, String.join("\n", List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "the", "movie", "was", "good", "bad", "plot", ".")) + "\n");
    backbone = tmp.resolve("backbone");
    assertOk(MainTest.Captured.run("backbone", "init", "--vocab", vocab.toString(), "--preset", "micro",
        "--out", backbone.toString()));
    train = reviews("train.tsv", 0);
    classifier = tmp.resolve("classifier");
    assertOk(classify(train, classifier));
  }

  static Path reviews(String name, int variant) throws IOException {
    StringBuilder sb = new StringBuilder("text\tlabel\n");
    for (int i = 0; i < 24; i++) {
      sb.append(i % 2 == 0 ? "the movie was good" : "the plot was bad").append(i % (3 + variant) == 0 ? " ." : "")
          .append('\t').append(i % 2 == 0 ? "pos" : "neg").append('\n');
    }
    Path file = tmp.resolve(name);
    Files.writeString(file, sb.toString());
    return file;
  }

  static MainTest.Captured classify(Path data, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("classify", "train", "--backbone", backbone.toString(),
        "--train", data.toString(), "--out", out.toString(), "--batch-size", "8", "--max-length", "12"));
    args.addAll(Arrays.asList(extra));
    if (!args.contains("--steps")) {
      args.addAll(List.of("--steps", "4"));
    }
    return MainTest.Captured.run(args.toArray(String[]::new));
  }

  static void assertOk(MainTest.Captured run) {
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
  }

  /** Exit 2, one error line naming the folder, and every file of the folder as it was. */
  static void assertRefused(MainTest.Captured run, Path folder, Map<String, String> before, String... words)
      throws IOException {
    assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
    List<String> errors = run.stderr().lines().filter(line -> line.startsWith("mlm: ")).toList();
    assertEquals(1, errors.size(), run.stderr());
    String error = errors.get(0);
    assertTrue(error.contains(folder.toString()), error);
    for (String word : words) {
      assertTrue(error.contains(word), error);
    }
    assertEquals(before, listing(folder), "the folder is unchanged");
  }

  /** Every file under {@code dir} (hidden ones included) with its size and modification time. */
  static Map<String, String> listing(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
            : Files.size(p) + " bytes, " + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  @Test
  void classifyTrainIntoItsOwnBackboneIsRefusedEvenWithOverwrite() throws IOException {
    Map<String, String> before = listing(backbone);
    assertRefused(classify(train, backbone), backbone, before, "backbone");
    assertRefused(classify(train, backbone, "--overwrite"), backbone, before, "backbone");
    assertRefused(classify(train, backbone.resolve("inside"), "--overwrite"), backbone, before, "backbone");
  }

  @Test
  void backboneInitOverATrainedClassifierIsRefused() throws IOException {
    Map<String, String> before = listing(classifier);
    assertRefused(MainTest.Captured.run("backbone", "init", "--vocab", vocab.toString(), "--preset", "micro",
        "--out", classifier.toString()), classifier, before, "classifier");
    assertRefused(MainTest.Captured.run("backbone", "init", "--vocab", vocab.toString(), "--preset", "micro",
        "--out", classifier.toString(), "--overwrite"), classifier, before, "classifier");
  }

  @Test
  void classifyTrainAndPretrainIntoAFolderOfTheUsersOwnFilesAreRefused() throws IOException {
    Path own = tmp.resolve("own");
    Files.createDirectories(own);
    Files.writeString(own.resolve("config.json"), "{\"mine\": true}\n");
    Files.copy(vocab, own.resolve("vocab.txt"));
    Map<String, String> before = listing(own);
    assertRefused(classify(train, own), own, before, "config.json", "vocab.txt");
    assertRefused(classify(train, own, "--overwrite"), own, before, "config.json");
    assertRefused(MainTest.Captured.run("pretrain", "--corpus", train.toString(), "--vocab", vocab.toString(),
        "--preset", "micro", "--steps", "2", "--batch-size", "2", "--seq-length", "8", "--out", own.toString()),
        own, before, "config.json", "vocab.txt");
  }

  @Test
  void backboneImportIntoANonEmptyFolderIsRefused() throws IOException {
    Map<String, String> before = listing(classifier);
    assertRefused(MainTest.Captured.run("backbone", "import", "--from", backbone.toString(),
        "--out", classifier.toString()), classifier, before, "classifier");
  }

  @Test
  void overwriteReplacesAFinishedModelOfTheSameKind() throws IOException {
    Path replaced = tmp.resolve("replaced");
    assertOk(classify(train, replaced));
    Map<String, String> first = listing(replaced);
    assertRefused(classify(train, replaced), replaced, first, "classifier", "--overwrite");

    assertOk(classify(reviews("other.tsv", 1), replaced, "--overwrite"));
    assertTrue(Files.readString(replaced.resolve("classifier.json")).contains("other.tsv"),
        "the new model's provenance names its data");
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith(".replaced")),
          "no staging folder left beside the model");
    }
    assertOk(MainTest.Captured.run("classify", "predict", "--model", replaced.toString(), "--input", train.toString(),
        "--output", tmp.resolve("predicted.tsv").toString()));
  }

  @Test
  void resumeWithAnotherTrainingFileIsRefusedAndWithTheSameDataContinues() throws IOException {
    Path run = tmp.resolve("resumed");
    assertOk(classify(train, run));
    Path other = reviews("changed.tsv", 2);
    Map<String, String> before = listing(run);
    MainTest.Captured changed = classify(other, run, "--resume", "--steps", "6");
    assertRefused(changed, run, before, "train.tsv", "changed.tsv");

    Files.writeString(train, Files.readString(train).replace("the plot was bad\tneg\n", "the plot was good\tneg\n"));
    try {
      assertRefused(classify(train, run, "--resume", "--steps", "6"), run, before, "sha256");
    } finally {
      reviews("train.tsv", 0);
    }
    assertRefused(classify(train, run, "--resume", "--steps", "6", "--class-weights", "balanced"), run, before,
        "settings classWeights");
    Path otherBackbone = tmp.resolve("other-backbone");
    assertOk(MainTest.Captured.run("backbone", "init", "--vocab", vocab.toString(), "--preset", "micro",
        "--seed", "7", "--out", otherBackbone.toString()));
    List<String> withOtherBackbone = new ArrayList<>(List.of("classify", "train", "--backbone", otherBackbone.toString(),
        "--train", train.toString(), "--out", run.toString(), "--batch-size", "8", "--max-length", "12",
        "--steps", "6", "--resume"));
    assertRefused(MainTest.Captured.run(withOtherBackbone.toArray(String[]::new)), run, before,
        "starting model " + backbone, "now " + otherBackbone);

    assertOk(classify(train, run, "--resume", "--steps", "6"));
    assertTrue(Files.readString(run.resolve("classifier.json")).contains("\"steps\" : 6"));
  }
}
