"""The pyplot calls of the tutorial pages, checked and not drawn (see __init__.py)."""
import numpy as np

images = []      # what imshow received, for a test to look at


class _Figure:
    def add_subplot(self, *args, **kwargs):
        if len(args) == 3 and not all(isinstance(a, int) for a in args):
            raise TypeError(f"add_subplot(rows, cols, index) takes ints, got {args!r}")
        return None


def figure(figsize=None, **kwargs):
    return _Figure()


def subplots_adjust(**kwargs):
    return None


def title(label, **kwargs):
    str(label)


def axis(arg=None, **kwargs):
    return None


def imshow(x, cmap=None, **kwargs):
    if not isinstance(x, np.ndarray) or x.ndim not in (2, 3):
        raise TypeError(f"imshow needs a 2-D or 3-D NumPy array, got {type(x).__name__} "
                        f"{getattr(x, 'shape', '')}")
    images.append(x)


def show(*args, **kwargs):
    return None
