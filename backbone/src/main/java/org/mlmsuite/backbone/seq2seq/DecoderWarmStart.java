package org.mlmsuite.backbone.seq2seq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmsuite.backbone.train.WeightLoader;

/**
 * BERT2BERT warm start (Rothe et al. 2020): the decoder's self-attention, feed-forward and
 * LayerNorm weights of layer {@code i} start from backbone encoder layer {@code i}, its embeddings
 * from the backbone embeddings, and its output head ({@code decoder.cls.predictions.*}: transform
 * and bias; the projection is tied to the word embeddings) from the backbone's masked-LM head.
 * Cross-attention ({@code crossattention.*}) has no backbone counterpart and keeps its fresh
 * initialisation. The encoder ({@code bert.*}) loads under its own names.
 */
public final class DecoderWarmStart {

  private static final Pattern ENCODER_LAYER =
      Pattern.compile("bert\\.encoder\\.layer\\.(\\d+)\\.(.+)");
  private static final Pattern DECODER_LAYER =
      Pattern.compile("decoder\\.layer\\.(\\d+)\\.(.+)");
  private static final String EMBEDDINGS = "bert.embeddings.";
  private static final String HEAD = "cls.predictions.";
  private static final String DECODER_EMBEDDINGS = "decoder.embeddings.";
  private static final String DECODER_HEAD = "decoder.cls.predictions.";

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
      return DECODER_EMBEDDINGS + backboneName.substring(EMBEDDINGS.length());
    }
    if (backboneName.startsWith(HEAD)) {
      return DECODER_HEAD + backboneName.substring(HEAD.length());
    }
    return null;
  }

  /**
   * The backbone checkpoint name a seq2seq graph variable starts from: itself for the encoder
   * ({@code bert.*}), the mapped encoder/embedding/head name for the decoder, or null for
   * cross-attention (fresh).
   */
  public static String backboneName(String graphName) {
    if (graphName.startsWith("bert.")) {
      return graphName;
    }
    Matcher m = DECODER_LAYER.matcher(graphName);
    if (m.matches()) {
      return m.group(2).startsWith("crossattention.") ? null
          : "bert.encoder.layer." + m.group(1) + "." + m.group(2);
    }
    if (graphName.startsWith(DECODER_EMBEDDINGS)) {
      return EMBEDDINGS + graphName.substring(DECODER_EMBEDDINGS.length());
    }
    if (graphName.startsWith(DECODER_HEAD)) {
      return HEAD + graphName.substring(DECODER_HEAD.length());
    }
    return null;
  }

  /**
   * A loader that warm-starts every variable of {@code graphNames} that has a backbone
   * counterpart from the backbone checkpoint at {@code backbonePrefix}.
   */
  public static WeightLoader loader(String backbonePrefix, List<String> graphNames) {
    WeightLoader loader = WeightLoader.from(backbonePrefix);
    for (String name : graphNames) {
      String from = backboneName(name);
      if (from != null) {
        loader.map(from, name);
      }
    }
    return loader;
  }
}
