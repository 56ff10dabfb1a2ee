package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawTextReaderTest {
  @TempDir Path dir;

  private List<TextDocument> read(Path root, TextUnit unit) throws IOException {
    try (RawTextReader reader = RawTextReader.open(root, unit, BadRowPolicy.FAIL)) {
      return reader.readAll();
    }
  }

  private Path corpus() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("corpus"));
    TestFiles.write(folder, "b.txt", "Second book, first line.\nStill paragraph one.\n\n\nParagraph two.\n");
    TestFiles.write(folder, "a.txt", "First book.\n");
    TestFiles.write(folder, "notes.md", "not text\n");
    Path sub = Files.createDirectory(folder.resolve("sub"));
    TestFiles.writeGzip(sub, "c.txt.gz", "Zipped.\n");
    return folder;
  }

  @Test
  void documentsAreFilesInNameOrderRecursivelyIncludingGzip() throws IOException {
    Path folder = corpus();
    List<TextDocument> docs = read(folder, TextUnit.DOCUMENT);
    assertEquals(List.of(folder.resolve("a.txt"), folder.resolve("b.txt"), folder.resolve("sub/c.txt.gz")),
        docs.stream().map(d -> d.origin().file()).toList());
    assertEquals("Second book, first line.\nStill paragraph one.\n\n\nParagraph two.\n", docs.get(1).text());
  }

  @Test
  void paragraphsAndLinesSkipBlankLinesAndKeepStartLines() throws IOException {
    Path folder = corpus();
    List<TextDocument> paragraphs = read(folder.resolve("b.txt"), TextUnit.PARAGRAPH);
    assertEquals(List.of("Second book, first line.\nStill paragraph one.", "Paragraph two."),
        paragraphs.stream().map(TextDocument::text).toList());
    assertEquals(5, paragraphs.get(1).origin().line());
    List<TextDocument> lines = read(folder, TextUnit.LINE);
    assertEquals(List.of("First book.", "Second book, first line.", "Still paragraph one.", "Paragraph two.", "Zipped."),
        lines.stream().map(TextDocument::text).toList());
  }

  @Test
  void emptyFileIsCountedWhenSkippingAndFolderWithoutTextIsAnError() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("f"));
    TestFiles.write(folder, "a.txt", "\n\n");
    TestFiles.write(folder, "b.txt", "text\n");
    try (RawTextReader reader = RawTextReader.open(folder, TextUnit.DOCUMENT, BadRowPolicy.SKIP)) {
      assertEquals(1, reader.readAll().size());
      assertEquals(List.of(folder.resolve("a.txt") + ":1: file has no text"), reader.skipReasons());
    }
    Path empty = Files.createDirectory(dir.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RawTextReader.open(empty, TextUnit.LINE, BadRowPolicy.FAIL));
    assertEquals(empty + ": no .txt or .txt.gz files in this folder", e.getMessage());
  }
}
