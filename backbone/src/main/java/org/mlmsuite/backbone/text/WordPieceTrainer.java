package org.mlmsuite.backbone.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Learns a WordPiece vocabulary the way Hugging Face's WordPieceTrainer does: BPE-style merges of
 * the most frequent adjacent pair over a word-frequency table, where a symbol that does not start
 * a word carries the {@code ##} continuation prefix and a merged token is {@code a + b} without
 * b's prefix. The vocabulary is the special tokens ({@code [PAD] [UNK] [CLS] [SEP] [MASK]}, ids
 * 0..4), then the alphabet (the {@code limitAlphabet} most frequent characters, in code point
 * order), their {@code ##} forms as they occur, then merged tokens in merge order.
 *
 * <p>Pair counts are kept incrementally: each merge only revisits the words that contain the
 * merged pair, and a max-priority queue with lazy re-scoring picks the next pair (ties go to
 * the pair of smaller ids, as in Hugging Face). Unlike Hugging Face, which can split one merge
 * across several steps when a pair gains words, every merge here covers all its words at once.
 */
public final class WordPieceTrainer {
  /** Receives progress of the merge phase. */
  public interface Progress {
    void merged(int vocabularySize, int targetSize);
  }

  /**
   * @param vocabSize stop when the vocabulary has this many tokens (specials included)
   * @param minFrequency stop when the best pair occurs fewer times than this
   * @param limitAlphabet keep at most this many distinct characters (the most frequent); the
   *     rest are left out and so become [UNK]
   */
  public record Options(int vocabSize, int minFrequency, int limitAlphabet) {
    public Options {
      if (vocabSize < Vocabulary.SPECIAL_TOKENS.size() + 1) {
        throw new IllegalArgumentException("vocabSize must exceed the " + Vocabulary.SPECIAL_TOKENS.size() + " special tokens, got " + vocabSize);
      }
      if (minFrequency < 0 || limitAlphabet < 1) {
        throw new IllegalArgumentException("minFrequency must be >= 0 and limitAlphabet >= 1");
      }
    }

    /** Hugging Face's BertWordPieceTokenizer defaults: min frequency 2, alphabet limit 1000. */
    public static Options withVocabSize(int vocabSize) {
      return new Options(vocabSize, 2, 1000);
    }
  }

  private static final String PREFIX = "##";

  private final Options options;

  public WordPieceTrainer(Options options) {
    this.options = options;
  }

  public Vocabulary train(WordFrequencies frequencies) {
    return train(frequencies, (size, target) -> { });
  }

  public Vocabulary train(WordFrequencies frequencies, Progress progress) {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      ids.put(tokens.get(i), i);
    }
    Map<String, long[]> counts = frequencies.counts();
    for (int cp : alphabet(counts)) {
      String s = new String(Character.toChars(cp));
      if (!ids.containsKey(s)) {
        ids.put(s, tokens.size());
        tokens.add(s);
      }
    }

    // words as symbol-id arrays; characters outside the alphabet are dropped, as in Hugging Face
    int n = counts.size();
    int[][] symbols = new int[n][];
    int[] lengths = new int[n];
    long[] wordCounts = new long[n];
    // most frequent words first (ties by text), so the same corpus always gives the same vocabulary
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((x, y) -> x.getValue()[0] != y.getValue()[0]
        ? Long.compare(y.getValue()[0], x.getValue()[0]) : x.getKey().compareTo(y.getKey()));
    int w = 0;
    for (Map.Entry<String, long[]> e : entries) {
      String word = e.getKey();
      int[] syms = new int[word.codePointCount(0, word.length())];
      int len = 0;
      boolean first = true;
      for (int i = 0; i < word.length(); ) {
        int cp = word.codePointAt(i);
        String c = new String(Character.toChars(cp));
        i += c.length();
        if (ids.containsKey(c)) {
          String symbol = first ? c : PREFIX + c;
          Integer id = ids.get(symbol);
          if (id == null) {
            id = tokens.size();
            ids.put(symbol, id);
            tokens.add(symbol);
          }
          syms[len++] = id;
        }
        first = false;
      }
      symbols[w] = syms;
      lengths[w] = len;
      wordCounts[w] = e.getValue()[0];
      w++;
    }

    PairTable pairs = new PairTable();
    for (w = 0; w < n; w++) {
      for (int i = 0; i + 1 < lengths[w]; i++) {
        pairs.add(pair(symbols[w][i], symbols[w][i + 1]), wordCounts[w], w);
      }
    }
    PriorityQueue<long[]> queue = new PriorityQueue<>(WordPieceTrainer::compareCandidates);
    pairs.entries.forEach((p, e) -> queue.add(new long[] {e.count, p}));

    int[] visited = new int[n];
    int step = 0;
    List<Long> touched = new ArrayList<>();
    while (tokens.size() < options.vocabSize() && !queue.isEmpty()) {
      long[] top = queue.poll();
      long p = top[1];
      long actual = pairs.count(p);
      if (actual != top[0]) {
        if (actual > 0) {
          queue.add(new long[] {actual, p});
        }
        continue;
      }
      if (actual < 1 || actual < options.minFrequency()) {
        break;
      }
      int a = (int) (p >>> 32);
      int b = (int) p;
      String partB = tokens.get(b);
      String merged = tokens.get(a) + (partB.startsWith(PREFIX) ? partB.substring(PREFIX.length()) : partB);
      Integer newId = ids.get(merged);
      if (newId == null) {
        newId = tokens.size();
        ids.put(merged, newId);
        tokens.add(merged);
      }
      step++;
      touched.clear();
      PairTable.Entry entry = pairs.entry(p);
      int[] where = entry.words;
      int whereSize = entry.size;
      for (int k = 0; k < whereSize; k++) {
        int word = where[k];
        if (visited[word] == step) {
          continue;
        }
        visited[word] = step;
        lengths[word] = merge(symbols[word], lengths[word], a, b, newId, wordCounts[word], word, pairs, touched);
      }
      pairs.remove(p);
      for (long t : touched) {
        long c = pairs.count(t);
        if (c > 0) {
          queue.add(new long[] {c, t});
        }
      }
      progress.merged(tokens.size(), options.vocabSize());
    }
    return new Vocabulary(tokens);
  }

  /** Characters by frequency: the {@code limitAlphabet} most frequent, in code point order. */
  private int[] alphabet(Map<String, long[]> counts) {
    Map<Integer, Long> chars = new HashMap<>();
    counts.forEach((word, c) -> word.codePoints().forEach(cp -> chars.merge(cp, c[0], Long::sum)));
    List<Map.Entry<Integer, Long>> kept = new ArrayList<>(chars.entrySet());
    if (kept.size() > options.limitAlphabet()) {
      kept.sort(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      kept = kept.subList(0, options.limitAlphabet());
    }
    return kept.stream().mapToInt(Map.Entry::getKey).sorted().toArray();
  }

  /** Replaces each {@code a b} in a word by {@code merged}, updating the pair counts; returns the new length. */
  private static int merge(int[] s, int len, int a, int b, int merged, long count, int word,
      PairTable pairs, List<Long> touched) {
    int out = 0;
    int r = 0;
    while (r < len) {
      if (r + 1 < len && s[r] == a && s[r + 1] == b) {
        if (out > 0) {
          int prev = s[out - 1];
          pairs.add(pair(prev, a), -count, -1);
          long gained = pair(prev, merged);
          pairs.add(gained, count, word);
          touched.add(gained);
        }
        if (r + 2 < len) {
          int next = s[r + 2];
          pairs.add(pair(b, next), -count, -1);
          long gained = pair(merged, next);
          pairs.add(gained, count, word);
          touched.add(gained);
        }
        s[out++] = merged;
        r += 2;
      } else {
        s[out++] = s[r++];
      }
    }
    return out;
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  /** Higher count first; on equal counts the smaller (a, b) pair first. */
  private static int compareCandidates(long[] x, long[] y) {
    if (x[0] != y[0]) {
      return Long.compare(y[0], x[0]);
    }
    return Long.compare(x[1], y[1]);
  }

  /** Pair -> total count and the words it occurs in (may list a word twice or stale words). */
  private static final class PairTable {
    static final class Entry {
      long count;
      int[] words = new int[2];
      int size;
    }

    final Map<Long, Entry> entries = new HashMap<>();

    void add(long p, long delta, int word) {
      Entry e = entries.get(p);
      if (e == null) {
        e = new Entry();
        entries.put(p, e);
      }
      e.count += delta;
      if (word >= 0) {
        if (e.size == e.words.length) {
          e.words = Arrays.copyOf(e.words, e.size * 2);
        }
        e.words[e.size++] = word;
      }
    }

    long count(long p) {
      Entry e = entries.get(p);
      return e == null ? 0 : e.count;
    }

    Entry entry(long p) {
      return entries.get(p);
    }

    void remove(long p) {
      entries.remove(p);
    }
  }
}
