"""Upsample, ResizeBilinear, PixelShuffle/PixelUnshuffle and Unfold."""

__all__ = []
