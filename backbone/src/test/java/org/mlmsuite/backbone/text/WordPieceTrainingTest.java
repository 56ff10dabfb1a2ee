package org.mlmsuite.backbone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceTrainingTest {
  @TempDir Path tmp;

  /** A corpus of many small files read within a second gives two progress lines (first and last), not one per file. */
  @Test
  void progressIsAtMostOneLineASecondPlusTheLast() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    for (int i = 0; i < 200; i++) {
      Files.writeString(corpus.resolve("part-" + i + ".txt"), "the cat sat on the mat number " + i + "\n");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long start = System.nanoTime();
    Vocabulary vocab = WordPieceTraining.run(new WordPieceTraining.Request(List.of(corpus.toString()), false,
        WordPieceTrainer.Options.withVocabSize(60), tmp.resolve("vocab.txt")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    String progress = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(vocab.size() > 0);
    assertTrue(progress.contains("counting words: 100% (file 200/200)"), progress);
    assertTrue(progress.contains("counted 1,600 words"), progress);
    assertTrue(count("counting words:", progress) <= seconds + 2, progress); // the first, one a second, the last
    assertEquals(1, count("merging: 100%", progress), progress);
  }

  private static long count(String what, String text) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    long n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
