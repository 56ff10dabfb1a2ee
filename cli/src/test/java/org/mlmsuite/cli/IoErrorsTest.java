package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19, defect 4 and the stdin weak spot: a folder given for a file, an unreadable or
 * unwritable path, and invalid UTF-8 on stdin each give one line naming the path (or stdin:N) and
 * the cause, exit 2, never a stack trace. (A full disk is in {@code ChildJvmFaultTest}: it needs
 * a filesystem of its own.)
 */
class IoErrorsTest {
  static TinyModels models;
  @TempDir Path tmp;

  @BeforeAll
  static void build() throws IOException {
    models = TinyModels.get();
  }

  @Test
  void aFolderAsPredictInputIsOneLine() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("in"));
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", models.classifier.toString(),
        "--input", folder.toString(), "--output", tmp.resolve("o.csv").toString());
    assertOneLineError(out, folder + ": is a directory, not a file");
  }

  @Test
  void aFolderAsPredictOutputFailsBeforeTheInputIsRead() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("out"));
    // an input without the text column: had it been read, that would be the error
    Path input = TinyModels.write(tmp.resolve("no-text.csv"), "words,label\nthe movie,good\n");
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", models.classifier.toString(),
        "--input", input.toString(), "--output", folder.toString());
    assertOneLineError(out, folder + ": is a directory, not a file");
    assertEquals(0, Files.list(folder).count());
  }

  @Test
  void anOutputInsideAFileIsOneLine() throws IOException {
    Path file = TinyModels.write(tmp.resolve("plain.txt"), "x");
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", models.classifier.toString(),
        "--input", models.classificationCsv.toString(), "--output", file.resolve("o.csv").toString());
    assertOneLineError(out, file + ": is a file, not a directory");
  }

  @Test
  void unreadableInputAndUnwritableOutputFolderAreOneLine() throws IOException {
    Path input = Files.copy(models.classificationCsv, tmp.resolve("locked.csv"));
    Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("---------"));
    // root reads and writes whatever the permissions say, so there is nothing to test as root
    assumeFalse(Files.isReadable(input), "running as root: chmod 000 does not block reads; skipped");
    MainTest.Captured out = MainTest.Captured.run("classify", "predict", "--model", models.classifier.toString(),
        "--input", input.toString(), "--output", tmp.resolve("o.csv").toString());
    assertOneLineError(out, input + ": permission denied");

    Path readOnly = Files.createDirectories(tmp.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    out = MainTest.Captured.run("classify", "predict", "--model", models.classifier.toString(),
        "--input", models.classificationCsv.toString(), "--output", readOnly.resolve("o.csv").toString());
    assertOneLineError(out, "permission denied");
  }

  @Test
  void reportTrainingOutputAndHypothesesPointingAtTheWrongKindOfPathAreOneLine() throws IOException {
    Path file = TinyModels.write(tmp.resolve("taken.txt"), "mine");
    MainTest.Captured out = MainTest.Captured.run("classify", "eval", "--model", models.classifier.toString(),
        "--test", models.classificationTsv.toString(), "--report", file.toString());
    assertOneLineError(out, file.toString());

    out = MainTest.Captured.run("classify", "train", "--backbone", models.backbone.toString(),
        "--train", models.classificationTsv.toString(), "--out", file.toString(), "--steps", "1", "--max-length", "16");
    assertOneLineError(out, file.toString());
    assertEquals("mine", Files.readString(file));

    Path folder = Files.createDirectories(tmp.resolve("hyp"));
    out = MainTest.Captured.run("translate", "eval", "--model", models.translator.toString(),
        "--test", models.translationTsv.toString(), "--hypotheses", folder.toString());
    assertOneLineError(out, folder + ": is a directory, not a file");

    out = MainTest.Captured.run("summarize", "eval", "--model", models.summarizer.toString(),
        "--test", models.summariesJsonl.toString(), "--summaries", folder.toString(), "--report",
        tmp.resolve("r").toString());
    assertOneLineError(out, folder + ": is a directory, not a file");
  }

  @Test
  void invalidUtf8OnStdinIsOneLineNamingTheLine() {
    byte[] latin1 = "the movie\nthe caf\u00e9 was good\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    String[][] commands = {
        {"classify", "predict", "--model", models.classifier.toString()},
        {"translate", "run", "--model", models.translator.toString()},
        {"summarize", "run", "--model", models.summarizer.toString()},
        {"tokenize", "--vocab", models.backbone.resolve("vocab.txt").toString()},
    };
    byte[] jsonLatin1 = "{\"document\": \"the cat sat .\"}\n{\"document\": \"caf\u00e9 .\"}\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (String[] command : commands) {
      MainTest.Captured out = withStdin(command[0].equals("summarize") ? jsonLatin1 : latin1, command);
      assertOneLineError(out, "stdin:2: invalid UTF-8 at byte");
    }
  }

  static MainTest.Captured withStdin(byte[] input, String... args) {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(input));
      return MainTest.Captured.run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** Exit 2 and one {@code mlm:} line, the last on stderr (training progress may come before). */
  static void assertOneLineError(MainTest.Captured out, String expected) {
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode(), out.stderr());
    String err = out.stderr().strip();
    assertEquals(1, err.lines().filter(l -> l.startsWith("mlm: ")).count(), err);
    String last = err.lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("mlm: ") && last.contains(expected), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
  }
}
