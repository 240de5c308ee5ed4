"""``FashionMnistDataset``: Zalando's Fashion-MNIST, in the same IDX files (and names) as MNIST, read by the MNIST
reader (``mnist.py``), raw or gzipped, with the same checks and in-memory cache."""
from .mnist import _IdxDataset

__all__ = ["FashionMnistDataset"]


class FashionMnistDataset(_IdxDataset):
    """Fashion-MNIST from ``dataset_dir``: columns ``image`` ((28, 28, 1) uint8) and ``label`` (0-d uint32, 10
    classes), from ``train-images-idx3-ubyte`` / ``train-labels-idx1-ubyte`` and the ``t10k-`` pair.

    ``usage``: ``'train'`` (60000), ``'test'`` (10000) or ``'all'``/None (both, test first). Shuffled by default;
    ``num_samples``, ``sampler`` and ``num_shards``/``shard_id`` as in MindSpore. ``num_parallel_workers`` and
    ``cache`` are accepted and ignored.
    """
    _OP = "FashionMnistDataset"
