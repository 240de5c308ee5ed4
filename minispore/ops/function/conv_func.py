"""Convolution and pooling in the functional API: conv1d/2d/3d, transposed convolution, max/avg/adaptive pooling."""


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
