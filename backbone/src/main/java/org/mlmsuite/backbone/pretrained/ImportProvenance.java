package org.mlmsuite.backbone.pretrained;

import java.util.Map;

/**
 * {@code provenance.json} of an imported backbone: where the weights came from, exactly which
 * bytes, under which licences, and how the import read them.
 *
 * @param pretraining one phrase for reports ("Google's BERT ..., imported")
 * @param source what was asked for: a short name, a Maven coordinate or a path
 * @param mavenCoordinate the artifact resolved, or null for a local source
 * @param sha256 SHA-256 of each source file read, by absolute path
 * @param weightsLicence licence of the weights, or "not recorded by the source"
 * @param packagingLicence licence of the packaging (the jar), or null
 * @param sourceActivation how the source graph computes GELU
 * @param hiddenAct the activation this backbone's config uses
 * @param lowercase whether the tokenizer lower-cases and strips accents (BERT "uncased")
 * @param importedAt ISO-8601 instant
 */
public record ImportProvenance(String pretraining, String source, String mavenCoordinate,
    Map<String, String> sha256, String weightsLicence, String packagingLicence, String sourceActivation,
    String hiddenAct, boolean lowercase, String importedAt) {}
