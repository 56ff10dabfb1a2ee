package org.mlmsuite.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small input files for reader tests. */
final class TestFiles {
  private TestFiles() {}

  static Path write(Path dir, String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeBytes(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  static Path writeWithBom(Path dir, String name, String content) throws IOException {
    byte[] text = content.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    return writeBytes(dir, name, bytes);
  }

  static Path writeGzip(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** {@code before}, then the invalid UTF-8 byte 0xFF, then {@code after}. */
  static Path writeInvalidUtf8(Path dir, String name, String before, String after) throws IOException {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] b = after.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, bytes, 0, a.length);
    bytes[a.length] = (byte) 0xFF;
    System.arraycopy(b, 0, bytes, a.length + 1, b.length);
    return writeBytes(dir, name, bytes);
  }
}
