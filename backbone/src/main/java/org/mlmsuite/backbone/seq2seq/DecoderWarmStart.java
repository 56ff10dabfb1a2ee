package org.mlmsuite.backbone.seq2seq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BERT2BERT warm start (Rothe et al. 2020): the decoder's self-attention, feed-forward and
 * LayerNorm weights of layer {@code i} start from backbone encoder layer {@code i}, and its
 * embeddings from the backbone embeddings. Cross-attention ({@code crossattention.*}) has no
 * backbone counterpart and keeps its fresh initialisation.
 */
public final class DecoderWarmStart {

  private static final Pattern ENCODER_LAYER =
      Pattern.compile("bert\\.encoder\\.layer\\.(\\d+)\\.(.+)");
  private static final String EMBEDDINGS = "bert.embeddings.";

  private DecoderWarmStart() {}

  /**
   * Checkpoint name -> decoder graph name for every backbone variable that has a counterpart among
   * {@code decoderNames} (the decoder's variable names, e.g. {@code decoder.layer.0.attention.self.query.weight}).
   */
  public static Map<String, String> mapping(List<String> backboneNames, List<String> decoderNames) {
    Map<String, String> map = new LinkedHashMap<>();
    java.util.Set<String> targets = new java.util.HashSet<>(decoderNames);
    for (String name : backboneNames) {
      String target = decoderName(name);
      if (target != null && targets.contains(target)) {
        map.put(name, target);
      }
    }
    return map;
  }

  /** The decoder name a backbone variable warm-starts, or null when it has none. */
  static String decoderName(String backboneName) {
    Matcher m = ENCODER_LAYER.matcher(backboneName);
    if (m.matches()) {
      return "decoder.layer." + m.group(1) + "." + m.group(2);
    }
    if (backboneName.startsWith(EMBEDDINGS)) {
      return "decoder.embeddings." + backboneName.substring(EMBEDDINGS.length());
    }
    return null;
  }
}
