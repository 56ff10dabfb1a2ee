package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.AtomicFiles;

/**
 * Micro models of every task (a few optimizer steps each: they need to load and run, not to be
 * good), built once per test JVM for the reliability tests, with one valid input file per command.
 * They live in a temp folder removed when the JVM exits.
 */
final class TinyModels {
  static final List<String> WORDS = List.of("the", "movie", "was", "a", "plot", "and", "it", "good", "bad",
      "cat", "sat", "on", "mat", "dog", "ran", ".");
  private static TinyModels built;

  final Path root;
  final Path backbone;
  final Path classifier;
  final Path translator;
  final Path summarizer;
  final Path classificationCsv;
  final Path classificationTsv;
  final Path translationTsv;
  final Path summariesJsonl;

  private TinyModels(Path root) throws IOException {
    this.root = root;
    Path data = Files.createDirectories(root.resolve("data"));
    classificationCsv = write(data.resolve("reviews.csv"), labeledRows(40, 1, ','));
    classificationTsv = write(data.resolve("reviews.tsv"), labeledRows(40, 2, '\t'));
    translationTsv = write(data.resolve("pairs.tsv"), pairRows(40, 3));
    summariesJsonl = write(data.resolve("docs.jsonl"), documents(12, 4));
    backbone = root.resolve("backbone");
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(WORDS);
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    UntrainedBackbone.write(backbone, TransformerConfig.micro(tokens.size()).withMaxPositions(64), tok, 3);
    classifier = train("clf", "classify", "train", "--train", classificationTsv.toString(), "--batch-size", "8",
        "--max-length", "16");
    translator = train("mt", "translate", "train", "--train", translationTsv.toString(), "--batch-size", "8",
        "--max-source-length", "12", "--max-target-length", "12", "--beam", "1");
    summarizer = train("sum", "summarize", "train", "--train", summariesJsonl.toString(), "--batch-size", "4",
        "--max-length", "48");
  }

  /** The models, built at the first call (about 20 s on 2 cores). */
  static synchronized TinyModels get() throws IOException {
    if (built == null) {
      Path root = Files.createTempDirectory("mlm-tiny-models");
      AtomicFiles.deleteOnExit(root);
      built = new TinyModels(root);
    }
    return built;
  }

  private Path train(String name, String... command) {
    Path out = root.resolve(name);
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--backbone", backbone.toString(), "--out", out.toString(), "--steps", "3"));
    MainTest.Captured trained = MainTest.Captured.run(args.toArray(String[]::new));
    assertEquals(0, trained.exitCode(), String.join(" ", command) + ": " + trained.stderr());
    return out;
  }

  static String sentence(Random r) {
    List<String> words = new ArrayList<>();
    for (int k = 0; k < 3 + r.nextInt(5); k++) {
      words.add(WORDS.get(r.nextInt(WORDS.size() - 1)));
    }
    return String.join(" ", words);
  }

  /** {@code text,label} rows (header first): label good or bad. */
  static String labeledRows(int n, long seed, char delimiter) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("text" + delimiter + "label\n");
    for (int i = 0; i < n; i++) {
      sb.append(sentence(r)).append(delimiter).append(i % 2 == 0 ? "good" : "bad").append('\n');
    }
    return sb.toString();
  }

  private static String pairRows(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("source\ttarget\n");
    for (int i = 0; i < n; i++) {
      sb.append(sentence(r)).append('\t').append(sentence(r)).append('\n');
    }
    return sb.toString();
  }

  /** JSON lines with {@code document} (sentences separated by " . ") and {@code summary}. */
  static String documents(int n, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String first = sentence(r);
      sb.append("{\"id\": \"d").append(i).append("\", \"document\": \"").append(first).append(" . ")
          .append(sentence(r)).append(" . ").append(sentence(r)).append(" .\", \"summary\": \"")
          .append(first).append(" .\"}\n");
    }
    return sb.toString();
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
