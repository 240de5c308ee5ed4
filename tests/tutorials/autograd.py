# MindSpore beginner tutorial page "autograd": the python cells of tutorials/source_en/beginner/autograd.md
# (mindspore-ai/docs @ 9e844dc65d, master), in order, unchanged except the lines marked CHANGED/ADDED.
#
# CHANGES
#   - nothing: the page runs exactly as published.

# ---- cell 1 ----
import numpy as np
import mindspore
from mindspore import ops, nn, Tensor, Parameter

# ---- cell 2 ----
np.random.seed(42)
x = ops.ones(5, mindspore.float32)  # input tensor
y = ops.zeros(3, mindspore.float32)  # expected output
w = Parameter(Tensor(np.random.randn(5, 3), mindspore.float32), name='w') # weight
b = Parameter(Tensor(np.random.randn(3,), mindspore.float32), name='b') # bias

# ---- cell 3 ----
def function(x, y, w, b):
    z = ops.matmul(x, w) + b
    loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))
    return loss

# ---- cell 4 ----
loss = function(x, y, w, b)
print(loss)

# ---- cell 5 ----
grad_fn = mindspore.grad(function, (2, 3))

# ---- cell 6 ----
grads = grad_fn(x, y, w, b)
print(grads)

# ---- cell 7 ----
def function_with_logits(x, y, w, b):
    z = ops.matmul(x, w) + b
    loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))
    return loss, z

# ---- cell 8 ----
grad_fn = mindspore.grad(function_with_logits, (2, 3))
grads = grad_fn(x, y, w, b)
print(grads)

# ---- cell 9 ----
def function_stop_gradient(x, y, w, b):
    z = ops.matmul(x, w) + b
    loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z), ops.ones_like(z))
    return loss, ops.stop_gradient(z)

# ---- cell 10 ----
grad_fn = mindspore.grad(function_stop_gradient, (2, 3))
grads = grad_fn(x, y, w, b)
print(grads)

# ---- cell 11 ----
grad_fn = mindspore.grad(function_with_logits, (2, 3), has_aux=True)

# ---- cell 12 ----
grads, (z,) = grad_fn(x, y, w, b)
print(grads, z)

# ---- cell 13 ----
# Define model
class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = w
        self.b = b

    def construct(self, x):
        z = ops.matmul(x, self.w) + self.b
        return z

# ---- cell 14 ----
# Instantiate model
model = Network()
# Instantiate loss function
loss_fn = nn.BCEWithLogitsLoss()

# ---- cell 15 ----
# Define forward function
def forward_fn(x, y):
    z = model(x)
    loss = loss_fn(z, y)
    return loss

# ---- cell 16 ----
grad_fn = mindspore.value_and_grad(forward_fn, None, weights=model.trainable_params())

# ---- cell 17 ----
loss, grads = grad_fn(x, y)
print(grads)
