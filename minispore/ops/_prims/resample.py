"""The resampling primitives: interpolation, padding modes, unfold/fold."""
