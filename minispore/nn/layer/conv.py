"""Conv1d/2d/3d and Conv1dTranspose/2dTranspose/3dTranspose."""

__all__ = []
