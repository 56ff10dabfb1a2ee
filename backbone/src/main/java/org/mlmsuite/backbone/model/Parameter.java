package org.mlmsuite.backbone.model;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One trainable variable. {@code name} is the graph op name and the checkpoint key, spelled like
 * the Hugging Face BERT state-dict key. {@code weightDecay} is false for biases and LayerNorm
 * parameters (HF's no-decay rule).
 */
public record Parameter(
    String name, Variable<TFloat32> variable, Shape shape, boolean weightDecay,
    Initializer initializer) {}
