"""A tiny synthetic MNIST stand-in for the tutorial script (``net.py`` reads ``$DATA_PATH`` with
``ds.MnistDataset``): 640 28x28 uint8 images in the ``train-images-idx3-ubyte`` / ``train-labels-idx1-ubyte``
files MnistDataset reads, each a noisy copy of one of ten fixed class patterns, so the loss falls as on MNIST.
Deterministic (seeded NumPy), so real MindSpore's recording and minispore's run see the same bytes."""
import os
import struct
import sys

import numpy as np

N_IMAGES = 640


def write_mnist(directory, n=N_IMAGES, seed=0):
    rng = np.random.RandomState(seed)
    patterns = rng.randint(0, 256, size=(10, 28, 28))
    labels = (np.arange(n) % 10).astype(np.uint8)
    rng.shuffle(labels)
    noise = rng.randint(-60, 61, size=(n, 28, 28))
    images = np.clip(patterns[labels] + noise, 0, 255).astype(np.uint8)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "train-images-idx3-ubyte"), "wb") as f:
        f.write(struct.pack(">IIII", 2051, n, 28, 28))
        f.write(images.tobytes())
    with open(os.path.join(directory, "train-labels-idx1-ubyte"), "wb") as f:
        f.write(struct.pack(">II", 2049, n))
        f.write(labels.tobytes())
    return directory


if __name__ == "__main__":
    write_mnist(sys.argv[1])
