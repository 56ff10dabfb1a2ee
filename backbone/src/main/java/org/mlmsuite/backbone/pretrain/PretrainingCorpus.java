package org.mlmsuite.backbone.pretrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.mlmsuite.backbone.masking.MaskingInput;
import org.mlmsuite.backbone.ner.CharSpan;
import org.mlmsuite.backbone.ner.EntityFinder;
import org.mlmsuite.backbone.ner.SentenceSplitter;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.TextDocument;

/**
 * Raw text packed into pretraining sequences, RoBERTa's FULL-SENTENCES style without crossing
 * documents: consecutive paragraphs of one file fill a {@code [CLS] ... [SEP]} sequence up to the
 * maximum length; a paragraph longer than that is cut at sentence boundaries (OpenNLP sentence
 * detector), and a single over-long sentence is truncated (counted). Entity spans are found once
 * here, when the masking needs them, since they do not change between epochs.
 */
public record PretrainingCorpus(List<MaskingInput> train, List<MaskingInput> heldOut, long tokens, int truncatedSentences) {

  /** Builds the corpus from paragraphs in file order; {@code entities} may be null. */
  public static PretrainingCorpus build(Iterable<TextDocument> paragraphs, WordPieceTokenizer tokenizer, int maxLength,
      EntityFinder entities, double heldOutFraction, long seed, Consumer<String> progress) {
    Packer packer = new Packer(tokenizer, maxLength, entities);
    long started = System.nanoTime();
    long lastReport = started;
    Object currentFile = null;
    for (TextDocument paragraph : paragraphs) {
      Object file = paragraph.origin() == null ? null : paragraph.origin().file();
      if (!Objects.equals(file, currentFile)) {
        packer.flush(); // never pack across documents
        currentFile = file;
      }
      packer.add(paragraph.text().strip());
      long now = System.nanoTime();
      if (now - lastReport > 5_000_000_000L) {
        progress.accept(String.format("pretrain: packed %,d sequences (%,d tokens) in %.0f s, reading %s",
            packer.sequences.size(), packer.tokens, (now - started) / 1e9, origin(paragraph.origin())));
        lastReport = now;
      }
    }
    packer.flush();
    List<MaskingInput> all = packer.sequences;
    if (all.size() < 2) {
      throw new IllegalArgumentException("the corpus gives " + all.size()
          + " sequence(s); pretraining needs at least 2 (one is held out for evaluation)");
    }
    // A seeded shuffle of indices picks the held-out slice: the same seed holds out the same sequences.
    int heldOutCount = (int) Math.max(1, Math.min(all.size() / 2, Math.round(all.size() * heldOutFraction)));
    int[] order = shuffled(all.size(), seed);
    boolean[] held = new boolean[all.size()];
    for (int i = 0; i < heldOutCount; i++) {
      held[order[i]] = true;
    }
    List<MaskingInput> train = new ArrayList<>();
    List<MaskingInput> heldOut = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      (held[i] ? heldOut : train).add(all.get(i));
    }
    progress.accept(String.format("pretrain: %,d train and %,d held-out sequences, %,d tokens, %d over-long sentences truncated (%.0f s)",
        train.size(), heldOut.size(), packer.tokens, packer.truncated, (System.nanoTime() - started) / 1e9));
    return new PretrainingCorpus(List.copyOf(train), List.copyOf(heldOut), packer.tokens, packer.truncated);
  }

  static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static String origin(Origin o) {
    return o == null ? "?" : o.file().getFileName().toString();
  }

  /** Accumulates text pieces into sequences of at most {@code maxLength - 2} word pieces. */
  private static final class Packer {
    private final WordPieceTokenizer tokenizer;
    private final int maxLength;
    private final int budget;
    private final EntityFinder entities;
    private SentenceSplitter sentences;
    private final List<MaskingInput> sequences = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private int pendingTokens;
    private long tokens;
    private int truncated;

    Packer(WordPieceTokenizer tokenizer, int maxLength, EntityFinder entities) {
      this.tokenizer = tokenizer;
      this.maxLength = maxLength;
      this.budget = maxLength - 2;
      this.entities = entities;
    }

    void add(String text) {
      if (text.isEmpty()) {
        return;
      }
      int n = tokenizer.tokenize(text).size();
      if (n > budget) {
        if (sentences == null) {
          sentences = SentenceSplitter.english();
        }
        List<CharSpan> spans = sentences.split(text);
        if (spans.size() <= 1) {
          flush();
          truncated++;
          append(text, budget);
          flush();
          return;
        }
        for (CharSpan s : spans) {
          add(text.substring(s.start(), s.end()));
        }
        return;
      }
      if (pendingTokens + n > budget) {
        flush();
      }
      append(text, n);
    }

    private void append(String text, int n) {
      if (pending.length() > 0) {
        pending.append('\n');
      }
      pending.append(text);
      pendingTokens += n;
    }

    void flush() {
      if (pending.length() == 0) {
        return;
      }
      String text = pending.toString();
      Encoding encoding = tokenizer.encode(text, null, maxLength, 0);
      sequences.add(entities == null ? MaskingInput.of(encoding) : entities.maskingInput(encoding, text));
      tokens += encoding.length();
      pending.setLength(0);
      pendingTokens = 0;
    }
  }
}
