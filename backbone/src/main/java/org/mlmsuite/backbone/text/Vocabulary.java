package org.mlmsuite.backbone.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mlmsuite.backbone.train.AtomicFiles;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WordPiece vocabulary: token strings and their ids, as in BERT's {@code vocab.txt} (UTF-8, one
 * token per line, the id is the 0-based line number; {@code ##} marks a word continuation).
 *
 * <p>Vocabularies this project trains put the special tokens first: {@code [PAD]=0, [UNK]=1,
 * [CLS]=2, [SEP]=3, [MASK]=4}. Loaded vocabularies may place them anywhere (Google's BERT
 * vocabularies use 0, 100, 101, 102, 103); the special ids are looked up by name.
 */
public final class Vocabulary {
  public static final String PAD = "[PAD]";
  public static final String UNK = "[UNK]";
  public static final String CLS = "[CLS]";
  public static final String SEP = "[SEP]";
  public static final String MASK = "[MASK]";
  /** The special tokens in the order (and so with the ids 0..4) a trained vocabulary gets them. */
  public static final List<String> SPECIAL_TOKENS = List.of(PAD, UNK, CLS, SEP, MASK);

  public static final String FILE_NAME = "vocab.txt";

  private final List<String> tokens;
  private final Map<String, Integer> ids;
  private final int padId;
  private final int unkId;
  private final int clsId;
  private final int sepId;
  private final int maskId;

  /**
   * Builds a vocabulary from tokens in id order.
   *
   * @throws IllegalArgumentException if a token is empty, contains a line break or repeats, or a
   *     special token is missing
   */
  public Vocabulary(List<String> tokens) {
    this(tokens, "vocabulary");
  }

  private Vocabulary(List<String> tokens, String source) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException(source + ": vocabulary is empty");
    }
    Map<String, Integer> map = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String where = source + ":" + (i + 1) + ": ";
      if (t == null || t.isEmpty()) {
        throw new IllegalArgumentException(where + "empty token");
      }
      if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(where + "token contains a line break");
      }
      Integer previous = map.putIfAbsent(t, i);
      if (previous != null) {
        throw new IllegalArgumentException(
            where + "duplicate token '" + t + "' (first on line " + (previous + 1) + ")");
      }
    }
    this.tokens = List.copyOf(tokens);
    this.ids = map;
    this.padId = required(PAD, source);
    this.unkId = required(UNK, source);
    this.clsId = required(CLS, source);
    this.sepId = required(SEP, source);
    this.maskId = required(MASK, source);
  }

  private int required(String token, String source) {
    Integer id = ids.get(token);
    if (id == null) {
      throw new IllegalArgumentException(source + ": special token " + token + " is missing");
    }
    return id;
  }

  /**
   * Reads a {@code vocab.txt}. Trailing whitespace of each line is ignored (as Hugging Face does).
   *
   * @throws IllegalArgumentException naming the file and line if the file is missing, empty, not
   *     UTF-8, or has an empty or duplicate token
   */
  public static Vocabulary load(Path file) {
    List<String> tokens = new ArrayList<>();
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      for (String line; (line = in.readLine()) != null; ) {
        tokens.add(line.stripTrailing());
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": vocabulary file not found");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ":" + (tokens.size() + 1) + ": not valid UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException(file + ": vocabulary file is empty");
    }
    return new Vocabulary(tokens, file.toString());
  }

  /** Writes {@code vocab.txt} atomically (temp file, then rename). */
  public void save(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = AtomicFiles.tempSibling(file);
      try {
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          for (String t : tokens) {
            out.write(t);
            out.write('\n');
          }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  public int size() {
    return tokens.size();
  }

  /** The token with this id. */
  public String token(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IllegalArgumentException("token id " + id + " is outside the vocabulary [0, " + tokens.size() + ")");
    }
    return tokens.get(id);
  }

  /** The id of this token, or -1 if it is not in the vocabulary. */
  public int id(String token) {
    Integer id = ids.get(token);
    return id == null ? -1 : id;
  }

  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** All tokens in id order (unmodifiable). */
  public List<String> tokens() {
    return Collections.unmodifiableList(tokens);
  }

  public int padId() {
    return padId;
  }

  public int unkId() {
    return unkId;
  }

  public int clsId() {
    return clsId;
  }

  public int sepId() {
    return sepId;
  }

  public int maskId() {
    return maskId;
  }

  /** True for the ids of [PAD], [UNK], [CLS], [SEP] and [MASK]. */
  public boolean isSpecial(int id) {
    return id == padId || id == unkId || id == clsId || id == sepId || id == maskId;
  }
}
