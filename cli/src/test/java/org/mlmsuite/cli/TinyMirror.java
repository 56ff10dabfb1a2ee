package org.mlmsuite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset mirror in the layout of /work/shared/datasets with a few hand-written lines per
 * dataset the demo reads: enough for every stage to run, far too little to learn anything.
 */
final class TinyMirror {
  private static final String[] NAMES = {"John", "Mary", "Paris", "London", "Smith", "Berlin"};
  private static final String[] EN = {
      "A man rides a red bicycle down the street .", "Two dogs play in the green grass .",
      "A woman reads a book in the park .", "Children are playing with a ball .",
      "A man in a blue shirt is cooking .", "A girl walks her dog on the beach ."};
  private static final String[] DE = {
      "Ein Mann fährt mit einem roten Fahrrad die Straße hinunter .", "Zwei Hunde spielen im grünen Gras .",
      "Eine Frau liest ein Buch im Park .", "Kinder spielen mit einem Ball .",
      "Ein Mann in einem blauen Hemd kocht .", "Ein Mädchen geht mit ihrem Hund am Strand spazieren ."};

  private TinyMirror() {}

  static Path write(Path root) throws IOException {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      paragraphs.add(NAMES[i % NAMES.length] + " went to " + NAMES[(i + 2) % NAMES.length] + " on the train . "
          + EN[i % EN.length] + " The weather was fine and the people were happy .\n");
    }
    write(root.resolve("pretrain/gutenberg/book.txt"), String.join("\n", paragraphs));
    write(root.resolve("pretrain/sotu/speech.txt"), String.join("\n", paragraphs.subList(0, 10)));

    StringBuilder conll = new StringBuilder("-DOCSTART- -X- -X- O\n\n");
    for (int i = 0; i < 20; i++) {
      conll.append(NAMES[i % NAMES.length]).append(" NNP B-NP B-").append(i % 2 == 0 ? "PER" : "LOC").append('\n')
          .append("went VBD B-VP O\nhome NN B-NP O\n. . O O\n\n");
    }
    write(root.resolve("conll2003/train.txt"), conll.toString());

    StringBuilder sst2 = new StringBuilder("sentence\tlabel\n");
    for (int i = 0; i < 40; i++) {
      sst2.append(i % 2 == 0 ? "a wonderful and moving film " : "a dull and tedious mess ").append(EN[i % EN.length])
          .append('\t').append(i % 2 == 0 ? 1 : 0).append('\n');
    }
    write(root.resolve("sst2/train.tsv"), sst2.toString());
    write(root.resolve("sst2/dev.tsv"), sst2.toString());

    List<String> en = new ArrayList<>();
    List<String> de = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      en.add(EN[i % EN.length]);
      de.add(DE[i % DE.length]);
    }
    for (String split : List.of("train", "val", "test_2016_flickr")) {
      write(root.resolve("multi30k/" + split + ".en"), String.join("\n", en) + "\n");
      write(root.resolve("multi30k/" + split + ".de"), String.join("\n", de) + "\n");
    }

    List<String> train = new ArrayList<>();
    List<String> test = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String dialogue = "#Person1#: Hello , how was the weekend trip to " + NAMES[i % NAMES.length] + " ?\\n"
          + "#Person2#: It was great , we saw the old town .\\n#Person1#: Did you take the train ?\\n"
          + "#Person2#: Yes , and it was fast .\\n#Person1#: I want to go there too .";
      String summary = "Person1 asks Person2 about the weekend trip .";
      train.add("{\"fname\": \"train_" + i + "\", \"dialogue\": \"" + dialogue + "\", \"summary\": \"" + summary
          + "\", \"topic\": \"travel\"}");
      test.add("{\"fname\": \"test_" + i + "\", \"dialogue\": \"" + dialogue + "\", \"summary1\": \"" + summary
          + "\", \"summary2\": \"They talk about a trip .\", \"summary3\": \"Person2 enjoyed the trip .\", "
          + "\"topic1\": \"travel\", \"topic2\": \"travel\", \"topic3\": \"trip\"}");
    }
    write(root.resolve("dialogsum/train.jsonl"), String.join("\n", train) + "\n");
    write(root.resolve("dialogsum/dev.jsonl"), String.join("\n", train) + "\n");
    write(root.resolve("dialogsum/test.jsonl"), String.join("\n", test) + "\n");
    return root;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
