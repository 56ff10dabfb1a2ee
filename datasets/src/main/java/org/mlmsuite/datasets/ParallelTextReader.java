package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams two line-aligned files (line N of one translates line N of the other). Files of
 * different lengths are an error that names both files and where the shorter one ended; a blank
 * line on either side is a bad record.
 */
public final class ParallelTextReader extends AbstractRecordReader<TranslationPair> {
  private final Utf8LineReader source;
  private final Utf8LineReader target;

  private ParallelTextReader(Utf8LineReader source, Utf8LineReader target, BadRowPolicy policy) {
    super(policy);
    this.source = source;
    this.target = target;
  }

  public static ParallelTextReader open(Path sourceFile, Path targetFile, BadRowPolicy policy) throws IOException {
    Utf8LineReader source = Utf8LineReader.open(sourceFile);
    try {
      return new ParallelTextReader(source, Utf8LineReader.open(targetFile), policy);
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  @Override
  TranslationPair readRecord() throws IOException {
    String s = source.readLine();
    String t = target.readLine();
    if (s == null && t == null) {
      return null;
    }
    if (s == null || t == null) {
      Utf8LineReader longer = s == null ? target : source;
      Utf8LineReader shorter = s == null ? source : target;
      throw BadRecordException.fatal(new Origin(longer.file(), longer.lineNumber()),
          "line count mismatch: " + shorter.file() + " has only " + shorter.lineNumber()
              + " lines; parallel files must be line-aligned");
    }
    Origin origin = new Origin(source.file(), source.lineNumber());
    if (s.isBlank()) {
      throw BadRecordException.of(origin, "source sentence is empty");
    }
    if (t.isBlank()) {
      throw BadRecordException.of(new Origin(target.file(), target.lineNumber()), "target sentence is empty");
    }
    return new TranslationPair(s, t, origin);
  }

  @Override
  void closeInput() throws IOException {
    try {
      source.close();
    } finally {
      target.close();
    }
  }
}
