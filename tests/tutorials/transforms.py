# MindSpore beginner tutorial page "transforms": the python cells of tutorials/source_en/beginner/transforms.md
# (mindspore-ai/docs @ 2d34446423, the last version before the page was folded into dataset.md (6328082156)), in order, unchanged except the lines marked CHANGED/ADDED.
#
# CHANGES
#   - `from download import download` / `download(url, "./", kind="zip", replace=True)` are unchanged and find
#     tests/tutorials/download.py (nothing outside can be reached from the test machines): it writes
#     MNIST_Data/train and MNIST_Data/test, unpacked IDX files as the page expects, from the shared MNIST copy,
#     limited to the first 6,400 training and 1,280 test images so the page runs in seconds.
#   - ADDED two lines at the top seeding NumPy and MindSpore, so the recorded output is reproducible.

import numpy as np; np.random.seed(0)  # ADDED: seeds NumPy, as the golden recording did
import mindspore; mindspore.set_seed(0)  # ADDED: seeds MindSpore's generator, as the golden recording did

# ---- cell 1 ----
import numpy as np
from PIL import Image
from download import download
from mindspore.dataset import transforms, vision, text
from mindspore.dataset import GeneratorDataset, MnistDataset

# ---- cell 2 ----
# Download data from open datasets

url = "https://mindspore-website.obs.cn-north-4.myhuaweicloud.com/" \
      "notebook/datasets/MNIST_Data.zip"
path = download(url, "./", kind="zip", replace=True)

train_dataset = MnistDataset('MNIST_Data/train')

# ---- cell 3 ----
image, label = next(train_dataset.create_tuple_iterator())
print(image.shape)

# ---- cell 4 ----
composed = transforms.Compose(
    [
        vision.Rescale(1.0 / 255.0, 0),
        vision.Normalize(mean=(0.1307,), std=(0.3081,)),
        vision.HWC2CHW()
    ]
)

# ---- cell 5 ----
train_dataset = train_dataset.map(composed, 'image')
image, label = next(train_dataset.create_tuple_iterator())
print(image.shape)

# ---- cell 6 ----
random_np = np.random.randint(0, 255, (48, 48), np.uint8)
random_image = Image.fromarray(random_np)
print(random_np)

# ---- cell 7 ----
rescale = vision.Rescale(1.0 / 255.0, 0)
rescaled_image = rescale(random_image)
print(rescaled_image)

# ---- cell 8 ----
normalize = vision.Normalize(mean=(0.1307,), std=(0.3081,))
normalized_image = normalize(rescaled_image)
print(normalized_image)

# ---- cell 9 ----
hwc_image = np.expand_dims(normalized_image, -1)
hwc2chw = vision.HWC2CHW()
chw_image = hwc2chw(hwc_image)
print(hwc_image.shape, chw_image.shape)

# ---- cell 10 ----
texts = ['Welcome to Beijing']

# ---- cell 11 ----
test_dataset = GeneratorDataset(texts, 'text')

# ---- cell 12 ----
def my_tokenizer(content):
    return content.split()

test_dataset = test_dataset.map(text.PythonTokenizer(my_tokenizer))
print(next(test_dataset.create_tuple_iterator()))

# ---- cell 13 ----
vocab = text.Vocab.from_dataset(test_dataset)

# ---- cell 14 ----
print(vocab.vocab())

# ---- cell 15 ----
test_dataset = test_dataset.map(text.Lookup(vocab))
print(next(test_dataset.create_tuple_iterator()))

# ---- cell 16 ----
test_dataset = GeneratorDataset([1, 2, 3], 'data', shuffle=False)
test_dataset = test_dataset.map(lambda x: x * 2)
print(list(test_dataset.create_tuple_iterator()))

# ---- cell 17 ----
def func(x):
    return x * x + 2

test_dataset = test_dataset.map(lambda x: func(x))

# ---- cell 18 ----
print(list(test_dataset.create_tuple_iterator()))
