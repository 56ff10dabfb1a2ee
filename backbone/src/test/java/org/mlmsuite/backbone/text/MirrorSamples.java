package org.mlmsuite.backbone.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mlmsuite.testing.DatasetMirror;

/** Evenly spaced real lines from every data set of the mirror, for parity tests. */
final class MirrorSamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MirrorSamples() {}

  /** About {@code perSource} lines from each data set (sst2, agnews, multi30k en+de, dialogsum, conll2003, pretrain). */
  static List<String> lines(int perSource) {
    Path d = DatasetMirror.require("sst2", "agnews", "multi30k", "dialogsum", "conll2003", "pretrain").root();
    List<String> out = new ArrayList<>();
    out.addAll(every(tsvColumn(d.resolve("sst2/train.tsv"), true), perSource));
    out.addAll(every(tsvColumn(d.resolve("agnews/train_10k.tsv"), false), perSource));
    out.addAll(every(read(d.resolve("multi30k/train.en")), perSource));
    out.addAll(every(read(d.resolve("multi30k/train.de")), perSource));
    out.addAll(every(dialogsum(d.resolve("dialogsum/train.jsonl")), perSource));
    out.addAll(every(conllSentences(d.resolve("conll2003/train.txt")), perSource));
    out.addAll(every(pretrain(d.resolve("pretrain")), perSource));
    return out;
  }

  private static List<String> every(List<String> all, int count) {
    List<String> out = new ArrayList<>();
    double step = Math.max(1.0, all.size() / (double) count);
    for (double i = 0; i < all.size() && out.size() < count; i += step) {
      out.add(all.get((int) i));
    }
    return out;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> tsvColumn(Path file, boolean header) {
    List<String> lines = read(file);
    return lines.subList(header ? 1 : 0, lines.size()).stream().map(l -> l.split("\t", -1)[0]).toList();
  }

  /** Dialogues (with their real line breaks) and summaries, alternately. */
  private static List<String> dialogsum(Path file) {
    List<String> out = new ArrayList<>();
    for (String line : read(file)) {
      try {
        JsonNode n = JSON.readTree(line);
        out.add(n.get("dialogue").asText());
        out.add(n.get("summary").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<String> conllSentences(Path file) {
    List<String> out = new ArrayList<>();
    StringBuilder sentence = new StringBuilder();
    for (String line : read(file)) {
      if (line.isBlank() || line.startsWith("-DOCSTART-")) {
        if (sentence.length() > 0) {
          out.add(sentence.toString());
          sentence.setLength(0);
        }
      } else {
        if (sentence.length() > 0) {
          sentence.append(' ');
        }
        sentence.append(line.split(" ")[0]);
      }
    }
    return out;
  }

  private static List<String> pretrain(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        for (String line : read(f)) {
          if (!line.isBlank()) {
            out.add(line);
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
