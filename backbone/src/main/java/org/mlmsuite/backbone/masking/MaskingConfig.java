package org.mlmsuite.backbone.masking;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Which masking strategy to use, as data: saved with every pretrained model (JSON, with a
 * {@code "type"} field) and parsed from the command line by {@link #parse}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MaskingConfig.RandomTokens.class, name = "random"),
    @JsonSubTypes.Type(value = MaskingConfig.WholeWords.class, name = "whole-word"),
    @JsonSubTypes.Type(value = MaskingConfig.Spans.class, name = "span"),
    @JsonSubTypes.Type(value = MaskingConfig.Entities.class, name = "entity"),
    @JsonSubTypes.Type(value = MaskingConfig.Mixture.class, name = "mixture")})
public sealed interface MaskingConfig {

  String SYNTAX = "random, whole-word, span, entity, entity+<random|whole-word|span>, or "
      + "mixture:NAME=WEIGHT,... where a weight may be FROM..TO to change linearly over training "
      + "(e.g. mixture:random=0.5,span=0.3,entity=0.2 or mixture:random=1..0.2,entity=0..0.8)";

  MaskingStrategy create(MaskingVocabulary vocabulary);

  /** BERT: single tokens chosen uniformly. */
  record RandomTokens(MaskingRates rates) implements MaskingConfig {
    public RandomTokens {
      rates = rates == null ? MaskingRates.BERT : rates;
    }

    @Override
    public MaskingStrategy create(MaskingVocabulary vocabulary) {
      return new UnitMasking("random", new RandomTokenChooser(), rates, vocabulary);
    }
  }

  /** BERT whole-word masking: all pieces of the chosen words. */
  record WholeWords(MaskingRates rates) implements MaskingConfig {
    public WholeWords {
      rates = rates == null ? MaskingRates.BERT : rates;
    }

    @Override
    public MaskingStrategy create(MaskingVocabulary vocabulary) {
      return new UnitMasking("whole-word", new WordSpanChooser(SpanLengthSampler.ONE_WORD), rates, vocabulary);
    }
  }

  /**
   * SpanBERT: spans of whole words with geometric lengths.
   *
   * @param geometricP parameter of the length distribution (0 means SpanBERT's 0.2)
   * @param maxSpanWords longest span in words (0 means SpanBERT's 10)
   */
  record Spans(MaskingRates rates, double geometricP, int maxSpanWords) implements MaskingConfig {
    public Spans {
      rates = rates == null ? MaskingRates.BERT : rates;
      geometricP = geometricP == 0 ? 0.2 : geometricP;
      maxSpanWords = maxSpanWords == 0 ? 10 : maxSpanWords;
      new GeometricSpanLength(geometricP, maxSpanWords); // validates
    }

    @Override
    public MaskingStrategy create(MaskingVocabulary vocabulary) {
      return new UnitMasking("span", chooser(), rates, vocabulary);
    }

    UnitChooser chooser() {
      return new WordSpanChooser(new GeometricSpanLength(geometricP, maxSpanWords));
    }
  }

  /**
   * ERNIE: whole entities first, the rest of the budget filled by another strategy (whole-word
   * when null). The budget and replacement rates are this config's; the fill's rates are unused.
   */
  record Entities(MaskingRates rates, MaskingConfig fill) implements MaskingConfig {
    public Entities {
      rates = rates == null ? MaskingRates.BERT : rates;
      fill = fill == null ? new WholeWords(null) : fill;
      if (fill instanceof Entities || fill instanceof Mixture) {
        throw new IllegalArgumentException("entity masking fills with random, whole-word or span, not " + fill);
      }
    }

    @Override
    public MaskingStrategy create(MaskingVocabulary vocabulary) {
      UnitChooser fillChooser;
      if (fill instanceof RandomTokens) {
        fillChooser = new RandomTokenChooser();
      } else if (fill instanceof Spans spans) {
        fillChooser = spans.chooser();
      } else {
        fillChooser = new WordSpanChooser(SpanLengthSampler.ONE_WORD);
      }
      return new UnitMasking("entity", new EntityChooser(fillChooser), rates, vocabulary);
    }
  }

  /** One strategy per sequence, drawn with scheduled weights (one weight per strategy). */
  record Mixture(List<MaskingConfig> strategies, MaskingSchedule schedule) implements MaskingConfig {
    public Mixture {
      strategies = List.copyOf(strategies);
      if (strategies.size() != schedule.components()) {
        throw new IllegalArgumentException("mixture has " + strategies.size() + " strategies but "
            + schedule.components() + " weights");
      }
      for (MaskingConfig s : strategies) {
        if (s instanceof Mixture) {
          throw new IllegalArgumentException("mixtures cannot be nested");
        }
      }
    }

    @Override
    public MaskingStrategy create(MaskingVocabulary vocabulary) {
      return new MixtureMasking(strategies.stream().map(s -> s.create(vocabulary)).toList(), schedule);
    }
  }

  /** Whether sequences need entity spans (from a NER model) for this masking. */
  default boolean usesEntities() {
    return this instanceof Entities
        || (this instanceof Mixture m && m.strategies().stream().anyMatch(MaskingConfig::usesEntities));
  }

  /** Parses a command-line description; see {@link #SYNTAX}. Defaults follow BERT/SpanBERT/ERNIE. */
  static MaskingConfig parse(String spec) {
    String s = spec.strip();
    if (s.startsWith("mixture:")) {
      return parseMixture(spec, s.substring("mixture:".length()));
    }
    MaskingConfig single = parseSingle(s);
    if (single == null) {
      throw new IllegalArgumentException("unknown masking strategy '" + spec + "': expected " + SYNTAX);
    }
    return single;
  }

  private static MaskingConfig parseSingle(String s) {
    return switch (s) {
      case "random" -> new RandomTokens(null);
      case "whole-word" -> new WholeWords(null);
      case "span" -> new Spans(null, 0, 0);
      case "entity", "entity+whole-word" -> new Entities(null, null);
      case "entity+random" -> new Entities(null, new RandomTokens(null));
      case "entity+span" -> new Entities(null, new Spans(null, 0, 0));
      default -> null;
    };
  }

  private static MaskingConfig parseMixture(String spec, String body) {
    List<MaskingConfig> strategies = new ArrayList<>();
    List<Double> from = new ArrayList<>();
    List<Double> to = new ArrayList<>();
    boolean scheduled = false;
    for (String part : body.split(",", -1)) {
      String[] kv = part.strip().split("=", -1);
      MaskingConfig strategy = kv.length == 2 ? parseSingle(kv[0].strip()) : null;
      if (strategy == null) {
        throw new IllegalArgumentException("bad mixture component '" + part.strip() + "' in '" + spec
            + "': expected NAME=WEIGHT with NAME one of random, whole-word, span, entity, entity+<fill>");
      }
      String[] range = kv[1].strip().split("\\.\\.", -1);
      if (range.length > 2) {
        throw new IllegalArgumentException("bad weight '" + kv[1] + "' in '" + spec + "': expected W or FROM..TO");
      }
      strategies.add(strategy);
      from.add(weight(range[0], spec));
      to.add(weight(range[range.length - 1], spec));
      scheduled |= range.length == 2;
    }
    try {
      List<MaskingSchedule.Point> points = new ArrayList<>();
      points.add(new MaskingSchedule.Point(0, from));
      if (scheduled) {
        points.add(new MaskingSchedule.Point(1, to));
      }
      return new Mixture(strategies, new MaskingSchedule(points));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad mixture '" + spec + "': " + e.getMessage(), e);
    }
  }

  private static double weight(String text, String spec) {
    try {
      double w = Double.parseDouble(text.strip());
      if (w >= 0 && !Double.isInfinite(w)) {
        return w;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("bad weight '" + text.strip() + "' in '" + spec
        + "': weights are non-negative numbers");
  }
}
