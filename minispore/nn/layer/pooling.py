"""Max, average and adaptive pooling in 1, 2 and 3 dimensions."""

__all__ = []
