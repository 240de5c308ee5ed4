"""Image resampling and rearrangement: interpolate, pixel shuffle, unfold/fold, padding modes."""


__all__ = [_n for _n, _v in list(globals().items())
           if not _n.startswith("_") and callable(_v) and getattr(_v, "__module__", None) == __name__]
