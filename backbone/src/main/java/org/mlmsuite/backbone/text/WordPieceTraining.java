package org.mlmsuite.backbone.text;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.datasets.CatalogFiles;

/**
 * {@code mlm tokenizer train} as a library call: counts the words of a corpus (files, folders or
 * catalog names) and writes the {@link WordPieceTrainer} vocabulary as vocab.txt, with progress.
 */
public final class WordPieceTraining {
  private WordPieceTraining() {}

  /**
   * @param corpus text files, folders, or dataset names {@code name[:split]} (train split by default)
   * @param cased keep case and accents; otherwise lower-case and strip accents (uncased)
   * @param out the vocab.txt to write
   */
  public record Request(List<String> corpus, boolean cased, WordPieceTrainer.Options options, Path out) {
    public Request {
      corpus = List.copyOf(corpus);
    }
  }

  /** Trains and saves the vocabulary; progress lines go to {@code progress} (overwritten in place with \r). */
  public static Vocabulary run(Request request, PrintStream progress) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String c : request.corpus()) {
      files.addAll(CatalogFiles.resolve(c, "train"));
    }
    long totalBytes = 0;
    for (Path f : files) {
      totalBytes += Files.size(f);
    }
    long start = System.nanoTime();
    WordFrequencies freq = new WordFrequencies(!request.cased());
    long doneBytes = 0;
    Throttle counting = new Throttle();
    for (int i = 0; i < files.size(); i++) {
      freq.addFile(files.get(i));
      doneBytes += Files.size(files.get(i));
      if (counting.due(i == files.size() - 1)) {
        progress(progress, "counting words", doneBytes, totalBytes, start, "file " + (i + 1) + "/" + files.size());
      }
    }
    progress.printf("%ncounted %,d words (%,d distinct) in %d files%n", freq.totalWords(), freq.distinctWords(), files.size());
    long mergeStart = System.nanoTime();
    Throttle merging = new Throttle();
    Vocabulary vocab = new WordPieceTrainer(request.options()).train(freq, (size, target) -> {
      if (merging.due(size == target)) {
        progress(progress, "merging", size, target, mergeStart, size + "/" + target + " tokens");
      }
    });
    vocab.save(request.out());
    progress.printf("%nwrote %s: %,d tokens in %.1f s%n", request.out(), vocab.size(), (System.nanoTime() - start) / 1e9);
    return vocab;
  }

  /** The first progress line, then at most one a second, and the last: a log gets a few lines, not one per file. */
  private static final class Throttle {
    private boolean started;
    private long last;

    boolean due(boolean isLast) {
      long now = System.nanoTime();
      if (isLast || !started || now - last >= 1_000_000_000L) {
        started = true;
        last = now;
        return true;
      }
      return false;
    }
  }

  private static void progress(PrintStream out, String phase, long done, long total, long startNanos, String detail) {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double fraction = total == 0 ? 1 : done / (double) total;
    String eta = fraction > 0 && fraction < 1 ? String.format(", ETA %.0f s", elapsed * (1 - fraction) / fraction) : "";
    out.printf("\r%s: %3.0f%% (%s), %.0f s%s   ", phase, fraction * 100, detail, elapsed, eta);
  }
}
