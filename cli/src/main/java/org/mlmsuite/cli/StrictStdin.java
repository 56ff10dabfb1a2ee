package org.mlmsuite.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Standard input as text, held to the rule files are (datasets' {@code Utf8LineReader}): invalid
 * UTF-8 stops with {@code stdin:N: invalid UTF-8 ...} rather than turning into U+FFFD. Each line is
 * decoded on its own (a {@code \n} byte never occurs inside a multi-byte sequence), which is what
 * lets the error name its line.
 */
final class StrictStdin extends Reader {
  private final InputStream in;
  private final String name;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
  private CharBuffer line = CharBuffer.allocate(0);
  private long lineNumber;

  private StrictStdin(InputStream in, String name) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.name = name;
  }

  /** {@code System.in}, strictly decoded, named {@code stdin} in errors. */
  static BufferedReader open() {
    return open(System.in, "stdin");
  }

  static BufferedReader open(InputStream in, String name) {
    return new BufferedReader(new StrictStdin(in, name));
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!line.hasRemaining()) {
      if (!decodeNextLine()) {
        return -1;
      }
    }
    int n = Math.min(len, line.remaining());
    line.get(cbuf, off, n);
    return n;
  }

  /** Reads the bytes of the next line (with its {@code \n}) and decodes them; false at the end. */
  private boolean decodeNextLine() throws IOException {
    lineBytes.reset();
    for (int b; (b = in.read()) != -1; ) {
      lineBytes.write(b);
      if (b == '\n') {
        break;
      }
    }
    if (lineBytes.size() == 0) {
      return false;
    }
    lineNumber++;
    byte[] bytes = lineBytes.toByteArray();
    try {
      line = decoder.reset().decode(ByteBuffer.wrap(bytes));
    } catch (MalformedInputException e) {
      throw invalid(bytes, e);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + ":" + lineNumber + ": invalid UTF-8; convert the input to UTF-8, e.g. with iconv");
    }
    return true;
  }

  private IllegalArgumentException invalid(byte[] bytes, MalformedInputException e) {
    int at = firstBadByte(bytes);
    StringBuilder shown = new StringBuilder();
    for (int i = at; i < Math.min(bytes.length, at + e.getInputLength()); i++) {
      shown.append(String.format(" 0x%02X", bytes[i] & 0xff));
    }
    return new IllegalArgumentException(name + ":" + lineNumber + ": invalid UTF-8 at byte " + (at + 1)
        + " of the line (" + shown.toString().strip() + "); convert the input to UTF-8, e.g. with iconv");
  }

  // MalformedInputException does not say where; decode again up to the first error to find it.
  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    probe.decode(in, CharBuffer.allocate(bytes.length), true);
    return in.position();
  }

  /** Leaves {@code System.in} open: the process owns it, not this reader. */
  @Override
  public void close() {}
}
