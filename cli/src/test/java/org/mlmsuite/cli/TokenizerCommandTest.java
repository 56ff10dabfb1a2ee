package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerCommandTest {
  @TempDir Path tmp;

  @Test
  void trainsAVocabularyThenTokenizesWithIt() throws Exception {
    Path corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, "low lower lowest\nnewer newest widest\n".repeat(20));
    Path vocab = tmp.resolve("out/vocab.txt");
    MainTest.Captured train = MainTest.Captured.run(
        "tokenizer", "train", "--corpus", corpus.toString(), "--vocab-size", "40", "--out", vocab.toString());
    assertEquals(0, train.exitCode(), train.stderr());
    List<String> tokens = Files.readAllLines(vocab);
    assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), tokens.subList(0, 5));
    assertTrue(tokens.contains("low"), tokens.toString());
    assertTrue(train.stderr().contains("merging"), "progress on stderr");
    try (var files = Files.list(vocab.getParent())) {
      assertEquals(1, files.count(), "no temp file left behind");
    }

    MainTest.Captured out = withStdin("Lowest!\nnewest low\n", () -> MainTest.Captured.run("tokenize", "--vocab", vocab.toString()));
    assertEquals(0, out.exitCode(), out.stderr());
    List<String> lines = out.stdout().lines().toList();
    assertEquals(2, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals("[CLS]", first.get("tokens").get(0).asText());
    assertEquals("[UNK]", first.get("tokens").get(first.get("tokens").size() - 2).asText(), "'!' is not in the corpus");
    assertEquals("lowest", first.get("tokens").get(1).asText(), "lowercased; a frequent word becomes one token");
    assertEquals(first.get("tokens").size(), first.get("ids").size());
    assertEquals(2, first.get("ids").get(0).asInt(), "[CLS] has id 2");

    MainTest.Captured pair = withStdin("low\tnewest\n", () -> MainTest.Captured.run("tokenize", "--vocab", vocab.toString(), "--pair"));
    JsonNode p = new ObjectMapper().readTree(pair.stdout().strip());
    assertEquals(1, p.get("type_ids").get(p.get("type_ids").size() - 1).asInt());
    assertEquals(0, p.get("type_ids").get(0).asInt());
  }

  @Test
  void pairLineWithoutTabIsAUserErrorNamingTheLine() throws Exception {
    Path vocab = tmp.resolve("vocab.txt");
    Files.writeString(vocab, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\na\n");
    MainTest.Captured out = withStdin("a\ta\nno tab here\n", () -> MainTest.Captured.run("tokenize", "--vocab", vocab.toString(), "--pair"));
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode());
    assertEquals("mlm: stdin:2: --pair expects textA<TAB>textB but the line has no tab", out.stderr().strip());
    assertEquals(1, out.stdout().lines().count(), "the good line before it was printed");
  }

  @Test
  void missingCorpusIsOneLine() {
    MainTest.Captured out = MainTest.Captured.run(
        "tokenizer", "train", "--corpus", tmp.resolve("nope").toString(), "--vocab-size", "100", "--out", tmp.resolve("v.txt").toString());
    assertEquals(Main.EXIT_USER_ERROR, out.exitCode());
    assertTrue(out.stderr().startsWith("mlm: no such file or folder: " + tmp.resolve("nope") + " (and not a dataset name: "), out.stderr());
    assertFalse(Files.exists(tmp.resolve("v.txt")));
  }

  private static MainTest.Captured withStdin(String input, java.util.function.Supplier<MainTest.Captured> run) {
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      return run.get();
    } finally {
      System.setIn(old);
    }
  }
}
