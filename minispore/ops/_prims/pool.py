"""The pooling primitives."""
