package org.mlmsuite.backbone.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Writes a small CoNLL-2003 style file (IOB2) of templated sentences with known entities. */
final class SyntheticConll {
  static final List<String> FIRST = List.of("John", "Mary", "Peter", "Anna", "David", "Laura", "Karl", "Sofia");
  static final List<String> LAST = List.of("Smith", "Jones", "Miller", "Brown", "Weber", "Rossi", "Novak", "Dubois");
  static final List<String> PLACES = List.of("Paris", "London", "Berlin", "Madrid", "Tokyo", "Chicago", "Nairobi", "Oslo");
  static final List<String> ORGS = List.of("Acme Corp", "Globex Inc", "Initech Ltd", "Umbrella Group", "Stark Industries");

  private SyntheticConll() {}

  static Path write(Path dir, int sentences, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
    for (int s = 0; s < sentences; s++) {
      String person = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
      String place = PLACES.get(random.nextInt(PLACES.size()));
      String org = ORGS.get(random.nextInt(ORGS.size()));
      switch (random.nextInt(3)) {
        case 0 -> {
          entity(sb, person, "PER");
          plain(sb, "visited");
          entity(sb, place, "LOC");
        }
        case 1 -> {
          entity(sb, org, "ORG");
          plain(sb, "hired");
          entity(sb, person, "PER");
          plain(sb, "in");
          entity(sb, place, "LOC");
        }
        default -> {
          plain(sb, "The");
          plain(sb, "office");
          plain(sb, "of");
          entity(sb, org, "ORG");
          plain(sb, "is");
          plain(sb, "near");
          entity(sb, place, "LOC");
        }
      }
      plain(sb, ".");
      sb.append('\n');
      if (s % 20 == 19) {
        sb.append("-DOCSTART- -X- -X- O\n\n");
      }
    }
    Path file = dir.resolve("synthetic.conll");
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }

  private static void entity(StringBuilder sb, String words, String type) {
    String[] parts = words.split(" ");
    for (int i = 0; i < parts.length; i++) {
      sb.append(parts[i]).append(" NNP B-NP ").append(i == 0 ? "B-" : "I-").append(type).append('\n');
    }
  }

  private static void plain(StringBuilder sb, String word) {
    sb.append(word).append(" XX O O\n");
  }
}
