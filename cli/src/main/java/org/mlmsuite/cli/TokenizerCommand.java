package org.mlmsuite.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordFrequencies;
import org.mlmsuite.backbone.text.WordPieceTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlm tokenizer train}: learn a WordPiece vocabulary from raw text. */
@Command(name = "tokenizer", description = "Train a WordPiece vocabulary.",
    mixinStandardHelpOptions = true, subcommands = TokenizerCommand.Train.class)
public final class TokenizerCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Learn a WordPiece vocabulary (Hugging Face's WordPiece trainer algorithm) and write vocab.txt.",
          "Special tokens [PAD] [UNK] [CLS] [SEP] [MASK] get ids 0..4."})
  static final class Train implements Callable<Integer> {
    @Option(names = "--corpus", required = true, arity = "1..*",
        description = "Text file, folder, or dataset name[:split] (e.g. pretrain-en, multi30k-en-de for both sides of its train split); repeatable.")
    List<String> corpus;

    @Option(names = "--vocab-size", required = true, description = "Vocabulary size, special tokens included.")
    int vocabSize;

    @Option(names = "--out", required = true, description = "Where to write vocab.txt.")
    Path out;

    @Option(names = "--min-frequency", defaultValue = "2", description = "Stop merging below this pair count (default ${DEFAULT-VALUE}).")
    int minFrequency;

    @Option(names = "--limit-alphabet", defaultValue = "1000", description = "Keep at most this many characters (default ${DEFAULT-VALUE}).")
    int limitAlphabet;

    @Option(names = "--cased", description = "Keep case and accents (BERT cased); default is uncased.")
    boolean cased;

    @Override
    public Integer call() throws Exception {
      WordPieceTrainer.Options options = new WordPieceTrainer.Options(vocabSize, minFrequency, limitAlphabet);
      List<Path> files = new ArrayList<>();
      for (String c : corpus) {
        files.addAll(CatalogFiles.resolve(c, "train"));
      }
      long totalBytes = 0;
      for (Path f : files) {
        totalBytes += Files.size(f);
      }
      long start = System.nanoTime();
      WordFrequencies freq = new WordFrequencies(!cased);
      long doneBytes = 0;
      for (int i = 0; i < files.size(); i++) {
        freq.addFile(files.get(i));
        doneBytes += Files.size(files.get(i));
        progress("counting words", doneBytes, totalBytes, start, "file " + (i + 1) + "/" + files.size());
      }
      System.err.printf("%ncounted %,d words (%,d distinct) in %d files%n", freq.totalWords(), freq.distinctWords(), files.size());
      long mergeStart = System.nanoTime();
      long[] lastReport = {0};
      Vocabulary vocab = new WordPieceTrainer(options).train(freq, (size, target) -> {
        long now = System.nanoTime();
        if (now - lastReport[0] > 1_000_000_000L || size == target) {
          lastReport[0] = now;
          progress("merging", size, target, mergeStart, size + "/" + target + " tokens");
        }
      });
      vocab.save(out);
      System.err.printf("%nwrote %s: %,d tokens in %.1f s%n", out, vocab.size(), (System.nanoTime() - start) / 1e9);
      return 0;
    }

    private static void progress(String phase, long done, long total, long startNanos, String detail) {
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      double fraction = total == 0 ? 1 : done / (double) total;
      String eta = fraction > 0 && fraction < 1 ? String.format(", ETA %.0f s", elapsed * (1 - fraction) / fraction) : "";
      System.err.printf("\r%s: %3.0f%% (%s), %.0f s%s   ", phase, fraction * 100, detail, elapsed, eta);
    }
  }
}
