package org.mlmsuite.backbone.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.mlmsuite.backbone.train.AtomicFiles;

/**
 * {@code mlm ner train} as a library call: trains the name finder on a CoNLL file, saves it, and
 * records data, config and timing beside it ({@code <out>.json}).
 */
public final class NameFinderTraining {
  private NameFinderTraining() {}

  /** @param conll the CoNLL-2003 style training file; @param out the model file, e.g. ner-en.bin */
  public record Request(Path conll, NameFinderTrainingConfig config, Path out) {}

  /** Trains and writes the model and its provenance; returns the training time. */
  public static Duration run(Request request, Consumer<String> messages) throws IOException {
    NameFinderTrainingConfig config = request.config();
    messages.accept("ner: training on " + request.conll() + " (" + config.iterations() + " iterations, cutoff "
        + config.cutoff() + ")");
    Instant start = Instant.now();
    TokenNameFinderModel model = NameFinderTrainer.train(request.conll(), config);
    Duration took = Duration.between(start, Instant.now());
    NameFinderTrainer.save(model, request.out());
    writeProvenance(request, took);
    return took;
  }

  /** What CoNLL-2003's terms ask of anyone holding a model trained on it. */
  public static final String TERMS_NOTICE =
      "ner: a model trained on CoNLL-2003 is for research use only; do not redistribute it";

  private static void writeProvenance(Request request, Duration took) throws IOException {
    Path out = request.out();
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("model", out.getFileName().toString());
    provenance.put("trainer", "OpenNLP NameFinderME maxent, default feature generators, BIO codec");
    provenance.put("data", request.conll().toAbsolutePath().toString());
    provenance.put("config", request.config());
    provenance.put("trainingSeconds", took.toMillis() / 1000.0);
    provenance.put("createdAt", Instant.now().toString());
    provenance.put("terms", "If trained on CoNLL-2003 (Reuters): research use only, do not redistribute.");
    Path json = out.resolveSibling(out.getFileName() + ".json");
    Path tmp = AtomicFiles.tempSibling(json);
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), provenance);
      Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
