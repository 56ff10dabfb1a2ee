package org.mlmsuite.datasets;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a text file line by line as strict UTF-8: gzip is detected from the magic bytes (so
 * {@code .gz} works whatever the name), a leading byte-order mark is dropped, and invalid UTF-8
 * throws with the exact line and byte rather than turning into U+FFFD.
 *
 * <p>Lines are split on the byte {@code \n} before decoding (it never occurs inside a UTF-8
 * multi-byte sequence), which is what lets an encoding error name its line exactly.
 */
final class Utf8LineReader implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private boolean endOfInput;
  private byte[] line = new byte[256];
  private int lineLength;
  private long lineNumber;
  // (character offset, line number, 1 if empty) of lines served through asReader() and not yet passed.
  private final ArrayDeque<long[]> lineStarts = new ArrayDeque<>();
  private long charactersServed;

  private Utf8LineReader(Path file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  static Utf8LineReader open(Path file) throws IOException {
    if (Files.isDirectory(file)) { // opens without error on Linux, then fails at the first read naming no file
      throw new java.nio.file.FileSystemException(file.toString(), null, "is a directory, not a file");
    }
    BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    try {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      boolean gzip = b0 == 0x1f && b1 == 0x8b;
      return new Utf8LineReader(file, gzip ? new GZIPInputStream(raw, BUFFER) : raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  /** 1-based number of the line last returned (0 before the first). */
  long lineNumber() {
    return lineNumber;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  String readLine() throws IOException {
    if (!readLineBytes()) {
      return null;
    }
    int end = lineLength;
    if (end > 0 && line[end - 1] == '\n') {
      end--;
      if (end > 0 && line[end - 1] == '\r') {
        end--;
      }
    }
    return decode(end);
  }

  /** The next line with its terminator, or null at the end. */
  String readLineWithTerminator() throws IOException {
    return readLineBytes() ? decode(lineLength) : null;
  }

  /**
   * This file as a character stream (for parsers such as Commons CSV), still strict. Call
   * {@link #lineAtCharacter} with non-decreasing character positions to map a parser's position
   * back to a line number.
   */
  Reader asReader() {
    return new Reader() {
      private String current = "";
      private int offset;

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (offset == current.length()) {
          current = readLineWithTerminator();
          offset = 0;
          if (current == null) {
            current = "";
            return -1;
          }
          lineStarts.addLast(new long[] {charactersServed, lineNumber, isLineBreakOnly(current) ? 1 : 0});
          charactersServed += current.length();
        }
        int n = Math.min(len, current.length() - offset);
        current.getChars(offset, offset + n, cbuf, off);
        offset += n;
        return n;
      }

      @Override
      public void close() throws IOException {
        Utf8LineReader.this.close();
      }
    };
  }

  /**
   * The line holding character {@code position} of {@link #asReader()}, skipping empty lines
   * (a parser that ignores empty lines reports the record's position before them). Positions
   * must not decrease.
   */
  long lineAtCharacter(long position) {
    while (lineStarts.size() > 1) {
      long[] first = lineStarts.pollFirst();
      if (lineStarts.peekFirst()[0] > position && first[2] == 0) {
        lineStarts.addFirst(first);
        break;
      }
    }
    return lineStarts.isEmpty() ? lineNumber : lineStarts.peekFirst()[1];
  }

  private static boolean isLineBreakOnly(String line) {
    return line.chars().allMatch(c -> c == '\n' || c == '\r');
  }

  private boolean readLineBytes() throws IOException {
    lineLength = 0;
    while (true) {
      if (position == limit) {
        if (endOfInput || !fill()) {
          if (lineLength == 0) {
            return false;
          }
          break;
        }
      }
      int newline = -1;
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline < 0 ? limit : newline + 1;
      append(position, end - position);
      position = end;
      if (newline >= 0) {
        break;
      }
    }
    lineNumber++;
    return true;
  }

  private boolean fill() throws IOException {
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (EOFException | ZipException e) {
      throw BadRecordException.fatal(new Origin(file, lineNumber + 1),
          "corrupt or truncated gzip data (" + e.getMessage() + ")");
    }
    if (n <= 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private void append(int from, int count) {
    if (lineLength + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
    }
    System.arraycopy(buffer, from, line, lineLength, count);
    lineLength += count;
  }

  private String decode(int end) {
    int start = 0;
    if (lineNumber == 1 && end >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
      start = 3;
    }
    if (isAscii(start, end)) {
      return new String(line, start, end - start, StandardCharsets.ISO_8859_1); // same chars, no decoder needed
    }
    ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
    CharBuffer chars = CharBuffer.allocate(end - start);
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      int at = bytes.position();
      StringBuilder shown = new StringBuilder();
      for (int i = at; i < Math.min(end, at + result.length()); i++) {
        shown.append(String.format(" 0x%02X", line[i] & 0xff));
      }
      throw BadRecordException.fatal(new Origin(file, lineNumber),
          "invalid UTF-8 at byte " + (at - start + 1) + " of the line (" + shown.toString().strip()
              + "); convert the file to UTF-8, e.g. with iconv");
    }
    chars.flip();
    return chars.toString();
  }

  private boolean isAscii(int start, int end) {
    for (int i = start; i < end; i++) {
      if (line[i] < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
