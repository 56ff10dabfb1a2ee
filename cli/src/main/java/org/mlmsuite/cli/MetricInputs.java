package org.mlmsuite.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --hyp FILE --ref FILE [--ref FILE ...]} inputs every {@code mlm metrics} subcommand
 * takes (use as a picocli {@code @Mixin}): UTF-8 text, one segment per line, all files with the
 * same number of lines. Unreadable, empty or misaligned files are user errors naming the file.
 */
public final class MetricInputs {
  @Option(names = "--hyp", required = true, paramLabel = "FILE", description = "System output, one segment per line (UTF-8).")
  Path hypothesisFile;

  @Option(names = "--ref", required = true, paramLabel = "FILE",
      description = "Reference file, one segment per line (UTF-8); repeat for several references.")
  List<Path> referenceFiles;

  /** Hypothesis and reference lines, read and checked. */
  public record Segments(List<String> hypotheses, List<List<String>> referenceStreams) {}

  /** Reads every file, checking that all have as many lines as the hypothesis file. */
  public Segments read() {
    List<String> hyps = readLines(hypothesisFile);
    List<List<String>> streams = new ArrayList<>(referenceFiles.size());
    for (Path ref : referenceFiles) {
      List<String> lines = readLines(ref);
      checkSameLength(hyps, lines, ref);
      streams.add(lines);
    }
    return new Segments(hyps, streams);
  }

  /** The hypothesis file, for messages. */
  public Path hypothesisFile() {
    return hypothesisFile;
  }

  /** The reference files, for messages and to enforce a single reference. */
  public List<Path> referenceFiles() {
    return List.copyOf(referenceFiles);
  }

  private void checkSameLength(List<String> hyps, List<String> refs, Path ref) {
    if (hyps.size() != refs.size()) {
      throw new IllegalArgumentException(hypothesisFile + " has " + hyps.size() + " lines but " + ref + " has "
          + refs.size() + " lines");
    }
  }

  /** All lines of a UTF-8 file (newline \n, \r\n or \r), rejecting malformed UTF-8 and empty files. */
  static List<String> readLines(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = utf8.decode(in, out, true);
    if (!result.isError()) {
      result = utf8.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new IllegalArgumentException(file + ":" + line + ": not valid UTF-8 text");
    }
    List<String> lines = out.flip().toString().lines().toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + " is empty");
    }
    return lines;
  }
}
