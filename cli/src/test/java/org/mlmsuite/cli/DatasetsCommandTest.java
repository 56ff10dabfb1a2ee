package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.testing.DatasetMirror;
import picocli.CommandLine;

class DatasetsCommandTest {
  @TempDir Path tmp;

  private static Path mirror() {
    return DatasetMirror.require().root();
  }

  @Test
  void listCountsTheMirrorsRows() {
    Path mirror = mirror();
    MainTest.Captured out = MainTest.Captured.run("datasets", "list", "--data-dir", mirror.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    assertTrue(out.stdout().startsWith("data directory: " + mirror.toAbsolutePath().normalize() + " (--data-dir)"), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("sst2 +labeled text +yes +train 67,349, dev 872")), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("agnews +labeled text +yes +train 10,001, test 7,600")), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("multi30k-en-de +translation pairs +yes +train 29,000, val 1,014, test 1,000")), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("dialogsum +summaries +yes +train 12,460, dev 500, test 500")), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("conll2003 +NER sentences +yes +train 14,041, valid 3,250, test 3,453")), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("pretrain-en +documents +yes +train 250")), out.stdout());
  }

  @Test
  void showPrintsDecodedRecordsAsJsonLines() {
    Path mirror = mirror();
    MainTest.Captured out = MainTest.Captured.run("datasets", "show", "agnews", "train", "-n", "2", "--data-dir", mirror.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    java.util.List<String> lines = out.stdout().lines().toList();
    assertEquals(2, lines.size(), out.stdout());
    assertEquals("{\"text\":\"It's over. Our relationship just hasn't been working for a while, and now, this is it. "
        + "I'm leaving you for another browser.\",\"textPair\":null,\"label\":\"Sci/Tech\",\"origin\":\""
        + mirror.toAbsolutePath().normalize().resolve("agnews/train_10k.tsv") + ":2\"}", lines.get(1));
    MainTest.Captured bad = MainTest.Captured.run("datasets", "show", "sst2", "test", "--data-dir", mirror.toString());
    assertEquals(Main.EXIT_USER_ERROR, bad.exitCode());
    assertEquals("mlm: dataset 'sst2' has no split 'test'; its splits are [train, dev]", bad.stderr().strip());
  }

  @Test
  void listMarksAbsentDatasets() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    MainTest.Captured out = MainTest.Captured.run("datasets", "list", "--data-dir", empty.toString());
    assertEquals(0, out.exitCode(), out.stderr());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("sst2 +labeled text +no +train, dev")), out.stdout());
  }

  @Test
  void unreadableSplitShowsAQuestionMarkAndItsErrorAndExitsTwo() throws IOException {
    Path sst2 = Files.createDirectories(tmp.resolve("data/sst2"));
    Files.writeString(sst2.resolve("train.tsv"), "sentence\tlabel\ngood\t1\nbad\t0\textra\n");
    Files.writeString(sst2.resolve("dev.tsv"), "sentence\tlabel\nfine\t1\n");
    MainTest.Captured out = MainTest.Captured.run("datasets", "list", "--data-dir", tmp.resolve("data").toString());
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("sst2 +labeled text +yes +train \\?, dev 1")), out.stdout());
    assertTrue(out.stdout().lines().anyMatch(l -> l.matches("agnews +labeled text +no +train, test")), out.stdout());
    assertEquals("mlm: sst2 train: " + sst2.resolve("train.tsv") + ":3: expected 2 fields (as in the header), found 3",
        out.stderr().strip());
  }

  @Test
  void missingDataDirFlagIsOneLineAndExitTwo() {
    MainTest.Captured out = MainTest.Captured.run("datasets", "list", "--data-dir", tmp.resolve("nope").toString());
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode());
    assertEquals("mlm: --data-dir names " + tmp.resolve("nope") + ", which is not a directory", out.stderr().strip());
  }

  @Test
  void noDataDirectoryFoundNamesThePlacesLooked() throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("a/b"));
    AtomicReference<Exception> thrown = new AtomicReference<>();
    CommandLine cli = new CommandLine(new DatasetsCommand(Map.of(), cwd));
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      thrown.set(e);
      return Main.EXIT_USER_ERROR;
    });
    assertEquals(Main.EXIT_USER_ERROR, cli.execute("list"));
    String userError = UserError.message(thrown.get());
    assertNotNull(userError, "a user error, printed by Main as one line");
    assertEquals("no data directory found; looked at: --data-dir (not given), MLM_DATA_DIR (not set), "
        + cwd.resolve("data") + " (absent), " + tmp.resolve("a/shared/datasets")
        + " (absent). Pass --data-dir DIR or set MLM_DATA_DIR=DIR", userError);
  }
}
