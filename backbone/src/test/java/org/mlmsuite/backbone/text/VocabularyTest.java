package org.mlmsuite.backbone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  @TempDir Path tmp;

  private Path write(String name, String content) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void loadsGoogleStyleVocabularyWithSpecialsAnywhere() throws Exception {
    // bert-base-uncased layout: [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103
    StringBuilder sb = new StringBuilder("[PAD]\n");
    for (int i = 1; i < 100; i++) {
      sb.append("[unused").append(i - 1).append("]\n");
    }
    sb.append("[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\n##s  \n");
    Vocabulary v = Vocabulary.load(write("vocab.txt", sb.toString()));
    assertEquals(106, v.size());
    assertEquals(0, v.padId());
    assertEquals(100, v.unkId());
    assertEquals(101, v.clsId());
    assertEquals(102, v.sepId());
    assertEquals(103, v.maskId());
    assertEquals("##s", v.token(105), "trailing whitespace is ignored");
    assertEquals(104, v.id("the"));
    assertEquals(-1, v.id("absent"));
    assertTrue(v.isSpecial(101));
    assertFalse(v.isSpecial(104));
  }

  @Test
  void saveAndLoadRoundTrip() {
    Vocabulary v = new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "ü", "##ß", "中"));
    Path f = tmp.resolve("sub/vocab.txt");
    v.save(f);
    assertEquals(v.tokens(), Vocabulary.load(f).tokens());
  }

  @Test
  void missingFileNamesTheFile() {
    Path f = tmp.resolve("nope.txt");
    var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertEquals(f + ": vocabulary file not found", e.getMessage());
  }

  @Test
  void emptyFileIsRejected() throws Exception {
    Path f = write("empty.txt", "");
    var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertEquals(f + ": vocabulary file is empty", e.getMessage());
  }

  @Test
  void duplicateNamesBothLines() throws Exception {
    Path f = write("dup.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\ncat\nthe\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertEquals(f + ":8: duplicate token 'the' (first on line 6)", e.getMessage());
  }

  @Test
  void blankLineIsRejectedWithItsLineNumber() throws Exception {
    Path f = write("blank.txt", "[PAD]\n[UNK]\n\n[CLS]\n[SEP]\n[MASK]\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertEquals(f + ":3: empty token", e.getMessage());
  }

  @Test
  void missingSpecialTokenIsNamed() throws Exception {
    Path f = write("nomask.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertEquals(f + ": special token [MASK] is missing", e.getMessage());
  }

  @Test
  void invalidUtf8IsReported() throws Exception {
    Path f = tmp.resolve("latin1.txt");
    Files.write(f, new byte[] {'[', 'P', 'A', 'D', ']', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
    assertTrue(e.getMessage().endsWith("not valid UTF-8"), e.getMessage());
  }

  @Test
  void outOfRangeIdIsAUserError() {
    Vocabulary v = new Vocabulary(Vocabulary.SPECIAL_TOKENS);
    assertThrows(IllegalArgumentException.class, () -> v.token(5));
    assertThrows(IllegalArgumentException.class, () -> v.token(-1));
  }
}
