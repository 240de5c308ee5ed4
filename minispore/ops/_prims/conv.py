"""The convolution primitives."""
