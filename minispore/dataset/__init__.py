"""``mindspore.dataset`` on NumPy: sources (``MnistDataset``, ``FashionMnistDataset``, ``Cifar10Dataset``,
``Cifar100Dataset``, ``ImageFolderDataset``, ``GeneratorDataset``, ``NumpySlicesDataset``), the lazy pipeline
(``map``, ``batch``, ``shuffle``, ``repeat`` ...) and the transforms in ``vision`` and ``transforms``. Built-in
transforms run vectorised on blocks of thousands of samples.
"""
from . import config, samplers, text, transforms, vision  # noqa: F401
from .cifar import Cifar10Dataset, Cifar100Dataset  # noqa: F401
from .engine import (BatchInfo, Dataset, GeneratorDataset, NumpySlicesDataset)  # noqa: F401
from .dataset_methods import zip  # noqa: F401,A004 (also attaches filter, split ... to Dataset)
from .fashion_mnist import FashionMnistDataset  # noqa: F401
from .image_folder import ImageFolderDataset  # noqa: F401
from .mind_dataset import MindDataset  # noqa: F401
from .mnist import MnistDataset, download_mnist, mnist_sample_dir  # noqa: F401
from .text_sources import CSVDataset, IMDBDataset, Shuffle, TextFileDataset  # noqa: F401
from .more_samplers import PKSampler, WeightedRandomSampler  # noqa: F401
from .more_sources import (EMnistDataset, FakeImageDataset, KMnistDataset, PaddedDataset, QMnistDataset,  # noqa: F401
                           RandomDataset, Schema, SemeionDataset, STL10Dataset, SVHNDataset, USPSDataset)
from .samplers import (DistributedSampler, RandomSampler, Sampler, SequentialSampler,  # noqa: F401
                       SubsetRandomSampler, SubsetSampler)

__all__ = ["Dataset", "GeneratorDataset", "NumpySlicesDataset", "MnistDataset", "FashionMnistDataset",
           "Cifar10Dataset", "Cifar100Dataset", "ImageFolderDataset", "mnist_sample_dir", "download_mnist",
           "config", "transforms", "vision", "DistributedSampler", "RandomSampler", "Sampler", "SequentialSampler",
           "SubsetRandomSampler", "SubsetSampler", "BatchInfo",
           "zip", "text", "TextFileDataset", "CSVDataset", "IMDBDataset", "Shuffle", "MindDataset",
           "EMnistDataset", "FakeImageDataset", "KMnistDataset", "PaddedDataset", "QMnistDataset", "RandomDataset",
           "Schema", "SemeionDataset", "STL10Dataset", "SVHNDataset", "USPSDataset", "PKSampler",
           "WeightedRandomSampler"]
