package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random byte mutations of valid files of every format the readers take (a seeded corpus of
 * {@value #MUTANTS} per format): each mutant either reads, or fails with a {@link
 * BadRecordException} whose one-line message starts with the file and line. Any other exception,
 * a message over several lines or a read that does not finish is a reader bug.
 */
class ReaderFuzzTest {
  private static final int MUTANTS = 300;
  private static final byte[] NASTY = "\"\t,\n\r{}[]:\\ ".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path tmp;

  /** A valid file of each format, and how the matching reader reads it to the end. */
  enum Format {
    CSV("data.csv", """
        id,text,label
        1,"a film, with ""quotes""
        and a second line",positive
        2,plain text,negative
        3,é ü 😀,positive
        """),
    TSV("data.tsv", "text\tlabel\nfirst text\tpositive\nsecond \"text\"\tnegative\nthird\tpositive\n"),
    JSON_LINES("data.jsonl", """
        {"id": "a", "doc": "#Person1#: hello\\n#Person2#: hi", "sum": "greeting"}
        {"id": "b", "doc": "one. two. three.", "sum": "numbers"}
        {"id": "c", "doc": "😀 text", "sum": "emoji"}
        """),
    PARALLEL("data.src", "a dog runs .\ntwo cats sleep .\nthe sun is hot .\n"),
    CONLL("data.conll", """
        -DOCSTART- -X- -X- O

        EU NNP B-NP B-ORG
        rejects VBZ B-VP O
        German JJ B-NP B-MISC

        Peter NNP B-NP B-PER
        Blackburn NNP I-NP I-PER
        """),
    RAW_TEXT("data.txt", "First paragraph, line one.\nLine two.\n\nSecond paragraph.\n");

    final String fileName;
    final String content;

    Format(String fileName, String content) {
      this.fileName = fileName;
      this.content = content;
    }

    void readAll(Path file, BadRowPolicy policy) throws IOException {
      switch (this) {
        case CSV, TSV -> {
          try (RecordReader<LabeledText> r = LabeledTextSource.of(file.toString(), null, "text", null, "label", null)
              .open((Path) null, policy)) {
            r.readAll();
          }
        }
        case JSON_LINES -> {
          try (RecordReader<SummaryExample> r = SummaryExampleReader.open(file,
              new SummaryFields("id", "doc", List.of("sum")), policy)) {
            r.readAll();
          }
        }
        case PARALLEL -> {
          Path target = file.resolveSibling("data.tgt");
          Files.writeString(target, "ein hund rennt .\nzwei katzen schlafen .\ndie sonne ist heiß .\n");
          try (ParallelTextReader r = ParallelTextReader.open(file, target, policy)) {
            r.readAll();
          }
        }
        case CONLL -> {
          try (ConllReader r = ConllReader.open(file, policy)) {
            r.readAll();
          }
        }
        case RAW_TEXT -> {
          try (RawTextReader r = RawTextReader.open(file, TextUnit.PARAGRAPH, policy)) {
            r.readAll();
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyMutantReadsOrFailsWithOneLineNamingFileAndLine(Format format) throws IOException {
    Path valid = tmp.resolve(format.fileName);
    Files.writeString(valid, format.content);
    format.readAll(valid, BadRowPolicy.FAIL); // the seed itself is valid

    byte[] seed = format.content.getBytes(StandardCharsets.UTF_8);
    Random random = new Random(format.ordinal());
    for (int m = 0; m < MUTANTS; m++) {
      byte[] mutant = mutate(seed, random);
      Path file = tmp.resolve("m" + m + "-" + format.fileName);
      Files.write(file, mutant);
      BadRowPolicy policy = m % 2 == 0 ? BadRowPolicy.FAIL : BadRowPolicy.SKIP;
      String what = format + " mutant " + m + " (" + policy + "): " + printable(mutant);
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        try {
          format.readAll(file, policy);
        } catch (BadRecordException e) {
          // a parallel pair's error may name either file
          assertTrue(e.getMessage().startsWith(file + ":") || e.getMessage().startsWith(file.resolveSibling("data.tgt") + ":"),
              what + "\n-> " + e.getMessage());
          assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), what + "\n-> " + e.getMessage());
        } catch (RuntimeException e) {
          fail(what + "\n-> not a BadRecordException", e);
        }
      }, what);
    }
  }

  /** One to three edits: flip a byte, insert a delimiter/quote/newline/0xFF/0x00, delete, truncate, repeat a span. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] out = seed;
    for (int edits = 1 + random.nextInt(3); edits > 0 && out.length > 0; edits--) {
      int at = random.nextInt(out.length);
      out = switch (random.nextInt(6)) {
        case 0 -> {
          byte[] copy = out.clone();
          copy[at] = (byte) random.nextInt(256);
          yield copy;
        }
        case 1 -> insert(out, at, new byte[] {NASTY[random.nextInt(NASTY.length)]});
        case 2 -> insert(out, at, new byte[] {(byte) (random.nextBoolean() ? 0xFF : 0x00)});
        case 3 -> concat(slice(out, 0, at), slice(out, Math.min(out.length, at + 1 + random.nextInt(8)), out.length));
        case 4 -> slice(out, 0, Math.max(1, at));
        default -> insert(out, at, slice(out, at, Math.min(out.length, at + 1 + random.nextInt(20))));
      };
    }
    return out;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    return concat(concat(slice(bytes, 0, at), inserted), slice(bytes, at, bytes.length));
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String printable(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return sb.toString();
  }
}
