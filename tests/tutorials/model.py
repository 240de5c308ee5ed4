# MindSpore beginner tutorial page "model": the python cells of tutorials/source_en/beginner/model.md
# (mindspore-ai/docs @ 9e844dc65d, master), in order, unchanged except the lines marked CHANGED/ADDED.
#
# CHANGES
#   - ADDED two lines at the top seeding NumPy and MindSpore, so the recorded output is reproducible.
# Notebook cells that end in a bare expression print nothing when run as a script, as in MindSpore.

import numpy as np; np.random.seed(0)  # ADDED: seeds NumPy, as the golden recording did
import mindspore; mindspore.set_seed(0)  # ADDED: seeds MindSpore's generator, as the golden recording did

# ---- cell 1 ----
import mindspore
from mindspore import nn, ops

# ---- cell 2 ----
class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(
            nn.Dense(28*28, 512, weight_init="normal", bias_init="zeros"),
            nn.ReLU(),
            nn.Dense(512, 512, weight_init="normal", bias_init="zeros"),
            nn.ReLU(),
            nn.Dense(512, 10, weight_init="normal", bias_init="zeros")
        )

    def construct(self, x):
        x = self.flatten(x)
        logits = self.dense_relu_sequential(x)
        return logits

# ---- cell 3 ----
model = Network()
print(model)

# ---- cell 4 ----
X = ops.ones((1, 28, 28), mindspore.float32)
logits = model(X)
# print logits
logits

# ---- cell 5 ----
pred_probab = nn.Softmax(axis=1)(logits)
y_pred = pred_probab.argmax(1)
print(f"Predicted class: {y_pred}")

# ---- cell 6 ----
input_image = ops.ones((3, 28, 28), mindspore.float32)
print(input_image.shape)

# ---- cell 7 ----
flatten = nn.Flatten()
flat_image = flatten(input_image)
print(flat_image.shape)

# ---- cell 8 ----
layer1 = nn.Dense(in_channels=28*28, out_channels=20)
hidden1 = layer1(flat_image)
print(hidden1.shape)

# ---- cell 9 ----
print(f"Before ReLU: {hidden1}\n\n")
hidden1 = nn.ReLU()(hidden1)
print(f"After ReLU: {hidden1}")

# ---- cell 10 ----
seq_modules = nn.SequentialCell(
    flatten,
    layer1,
    nn.ReLU(),
    nn.Dense(20, 10)
)

logits = seq_modules(input_image)
print(logits.shape)

# ---- cell 11 ----
softmax = nn.Softmax(axis=1)
pred_probab = softmax(logits)

# ---- cell 12 ----
print(f"Model structure: {model}\n\n")

for name, param in model.parameters_and_names():
    print(f"Layer: {name}\nSize: {param.shape}\nValues : {param[:2]} \n")
