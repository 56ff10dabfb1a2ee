package org.mlmsuite.summarization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mlmsuite.backbone.ner.CharSpan;
import org.mlmsuite.backbone.ner.SentenceSplitter;

/**
 * How a document is cut into the units an extractive summary picks from. Saved with a model so
 * that inference cuts documents exactly as training did.
 */
public enum SentencePolicy {
  /** DialogSum style: one unit per non-blank line, each a {@code #Person1#: ...} speaker turn. */
  TURNS("turns"),
  /** The backbone's OpenNLP English sentence splitter. */
  SENTENCES("sentences");

  private static final Pattern TURN = Pattern.compile("^\\s*#[^#\\s]+#\\s*:.*");

  private final String cliName;

  SentencePolicy(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** {@code turns}, {@code sentences}; {@code auto} is resolved by {@link #detect}. */
  public static SentencePolicy parse(String name) {
    for (SentencePolicy p : values()) {
      if (p.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown sentence policy '" + name + "' (use turns or sentences)");
  }

  /** TURNS when most documents consist of speaker-turn lines, else SENTENCES. */
  public static SentencePolicy detect(List<String> documents) {
    int dialogues = 0;
    for (String d : documents) {
      List<String> lines = d.lines().filter(l -> !l.isBlank()).toList();
      if (!lines.isEmpty() && lines.stream().allMatch(l -> TURN.matcher(l).matches())) {
        dialogues++;
      }
    }
    return !documents.isEmpty() && dialogues * 2 > documents.size() ? TURNS : SENTENCES;
  }

  public List<String> split(String document) {
    if (this == TURNS) {
      return document.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
    List<String> out = new ArrayList<>();
    for (CharSpan span : Splitter.INSTANCE.split(document)) {
      String s = document.substring(span.start(), span.end()).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Loaded on first use: OpenNLP's model load is not free. */
  private static final class Splitter {
    static final SentenceSplitter INSTANCE = SentenceSplitter.english();
  }
}
