package org.mlmsuite.backbone.pretrain;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.masking.DynamicMasker;
import org.mlmsuite.backbone.masking.MaskedSequence;
import org.mlmsuite.backbone.masking.MaskingInput;
import org.mlmsuite.backbone.train.BatchSource;

/**
 * Endless masked-LM batches: each epoch visits the sequences in a new seeded order and masks them
 * afresh (dynamic masking, deterministic in seed, epoch and sequence index), so the position
 * {@code epoch:offset:batches} is all that resuming needs. A last partial batch of an epoch is
 * dropped.
 */
final class MlmBatchSource implements BatchSource<MlmBatch> {
  private final List<MaskingInput> sequences;
  private final int batchSize;
  private final DynamicMasker masker;
  private final long seed;
  private final long totalSteps;
  private final int padId;
  private long epoch;
  private int offset;
  private long batches;
  private int[] order;

  MlmBatchSource(List<MaskingInput> sequences, int batchSize, DynamicMasker masker, long seed, long totalSteps, int padId) {
    this.sequences = sequences;
    this.batchSize = Math.min(batchSize, sequences.size());
    this.masker = masker;
    this.seed = seed;
    this.totalSteps = Math.max(1, totalSteps);
    this.padId = padId;
    this.order = PretrainingCorpus.shuffled(sequences.size(), seed + epoch);
  }

  @Override
  public MlmBatch next() {
    if (offset + batchSize > sequences.size()) {
      epoch++;
      offset = 0;
      order = PretrainingCorpus.shuffled(sequences.size(), seed + epoch);
    }
    double progress = Math.min(1.0, (double) batches / totalSteps);
    List<MaskedSequence> masked = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      int index = order[offset + i];
      masked.add(masker.mask(sequences.get(index), epoch, index, progress));
    }
    offset += batchSize;
    batches++;
    return MlmBatch.of(masked, padId);
  }

  @Override
  public String position() {
    return epoch + ":" + offset + ":" + batches;
  }

  @Override
  public void seek(String position) {
    String[] parts = position.split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException("bad masked-LM data position '" + position + "' (expected epoch:offset:batches)");
    }
    epoch = Long.parseLong(parts[0]);
    offset = Integer.parseInt(parts[1]);
    batches = Long.parseLong(parts[2]);
    order = PretrainingCorpus.shuffled(sequences.size(), seed + epoch);
  }
}
