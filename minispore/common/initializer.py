"""Initializers (``mindspore.common.initializer``): classes, MindSpore's case-insensitive string aliases, and
``initializer(init, shape, dtype)``. Random ones draw from the framework generator (``mindspore.set_seed``)."""
import math
import numbers

import numpy as np

from .._core import backend
from .._core import dtype as mstype
from .._core import tensor as _tensor_module
from .._core.tensor import Tensor, _wrap
from . import seed as _seed


def _fans(shape):
    """fan_in = shape[1] * receptive field, fan_out = shape[0] * receptive field (MindSpore's rule)."""
    if len(shape) < 2:
        raise ValueError(f"Fan in and fan out can not be computed for a tensor with fewer than 2 dimensions, "
                         f"but got shape {tuple(shape)}.")
    receptive = int(np.prod(shape[2:])) if len(shape) > 2 else 1
    return shape[1] * receptive, shape[0] * receptive


def _gain(nonlinearity, param=None):
    linear = ('linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d',
              'conv_transpose3d', 'sigmoid')
    if nonlinearity in linear:
        return 1.0
    if nonlinearity == 'tanh':
        return 5.0 / 3
    if nonlinearity == 'relu':
        return math.sqrt(2.0)
    if nonlinearity == 'leaky_relu':
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == 'selu':
        return 3.0 / 4
    raise ValueError(f"For 'Initializer', unsupported nonlinearity {nonlinearity!r}.")


class Initializer:
    """Base class: ``init(shape)`` returns a NumPy array of float64 values (cast later to the dtype)."""

    def __init__(self, **kwargs):
        self._kwargs = kwargs

    def _generate(self, shape, rng):
        raise NotImplementedError

    def __call__(self, arr):
        arr[...] = self._generate(arr.shape, _seed.rng())

    def __repr__(self):
        args = ", ".join(f"{k}={v}" for k, v in self._kwargs.items())
        return f"{type(self).__name__}({args})"


class Zero(Initializer):
    def _generate(self, shape, rng):
        return np.zeros(shape)


class One(Initializer):
    def _generate(self, shape, rng):
        return np.ones(shape)


class Constant(Initializer):
    def __init__(self, value):
        super().__init__(value=value)
        self.value = value

    def _generate(self, shape, rng):
        return np.full(shape, self.value)


class Normal(Initializer):
    def __init__(self, sigma=0.01, mean=0.0):
        super().__init__(sigma=sigma, mean=mean)
        self.sigma, self.mean = sigma, mean

    def _generate(self, shape, rng):
        return rng.normal(self.mean, self.sigma, shape)


class Uniform(Initializer):
    def __init__(self, scale=0.07):
        super().__init__(scale=scale)
        self.scale = scale

    def _generate(self, shape, rng):
        return rng.uniform(-self.scale, self.scale, shape)


class TruncatedNormal(Initializer):
    """Normal(mean, sigma) truncated to the absolute interval [a, b] (resampled outside it)."""

    def __init__(self, sigma=0.01, mean=0.0, a=-2.0, b=2.0):
        super().__init__(sigma=sigma, mean=mean, a=a, b=b)
        self.sigma, self.mean, self.a, self.b = sigma, mean, a, b

    def _generate(self, shape, rng):
        out = rng.normal(self.mean, self.sigma, shape)
        bad = (out < self.a) | (out > self.b)
        while bad.any():
            out[bad] = rng.normal(self.mean, self.sigma, int(bad.sum()))
            bad = (out < self.a) | (out > self.b)
        return out


class XavierUniform(Initializer):
    def __init__(self, gain=1):
        super().__init__(gain=gain)
        self.gain = gain

    def _generate(self, shape, rng):
        fan_in, fan_out = _fans(shape)
        bound = self.gain * math.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-bound, bound, shape)


class XavierNormal(Initializer):
    def __init__(self, gain=1):
        super().__init__(gain=gain)
        self.gain = gain

    def _generate(self, shape, rng):
        fan_in, fan_out = _fans(shape)
        return rng.normal(0.0, self.gain * math.sqrt(2.0 / (fan_in + fan_out)), shape)


class HeUniform(Initializer):
    def __init__(self, negative_slope=0, mode='fan_in', nonlinearity='leaky_relu'):
        super().__init__(negative_slope=negative_slope, mode=mode, nonlinearity=nonlinearity)
        self.negative_slope, self.mode, self.nonlinearity = negative_slope, mode, nonlinearity

    def _generate(self, shape, rng):
        fan_in, fan_out = _fans(shape)
        fan = fan_in if self.mode == 'fan_in' else fan_out
        bound = _gain(self.nonlinearity, self.negative_slope) * math.sqrt(3.0 / fan)
        return rng.uniform(-bound, bound, shape)


class HeNormal(Initializer):
    def __init__(self, negative_slope=0, mode='fan_in', nonlinearity='leaky_relu'):
        super().__init__(negative_slope=negative_slope, mode=mode, nonlinearity=nonlinearity)
        self.negative_slope, self.mode, self.nonlinearity = negative_slope, mode, nonlinearity

    def _generate(self, shape, rng):
        fan_in, fan_out = _fans(shape)
        fan = fan_in if self.mode == 'fan_in' else fan_out
        return rng.normal(0.0, _gain(self.nonlinearity, self.negative_slope) / math.sqrt(fan), shape)


class Orthogonal(Initializer):
    def __init__(self, gain=1.):
        super().__init__(gain=gain)
        self.gain = gain

    def _generate(self, shape, rng):
        if len(shape) < 2:
            raise ValueError(f"For 'Orthogonal', the shape must have at least 2 dimensions, got {shape}.")
        rows, cols = shape[0], int(np.prod(shape[1:]))
        flat = rng.normal(0.0, 1.0, (max(rows, cols), min(rows, cols)))
        q, r = np.linalg.qr(flat)
        q *= np.sign(np.diag(r))
        if rows < cols:
            q = q.T
        return self.gain * q[:rows, :cols].reshape(shape)


class Identity(Initializer):
    def _generate(self, shape, rng):
        if len(shape) != 2:
            raise ValueError(f"For 'Identity', the shape must be 2-D, but got {tuple(shape)}.")
        return np.eye(shape[0], shape[1])


class Dirac(Initializer):
    def __init__(self, groups=1):
        super().__init__(groups=groups)
        self.groups = groups

    def _generate(self, shape, rng):
        out = np.zeros(shape)
        per_group = shape[0] // self.groups
        for g in range(self.groups):
            for i in range(min(per_group, shape[1])):
                centre = tuple(d // 2 for d in shape[2:])
                out[(g * per_group + i, i) + centre] = 1
        return out


class VarianceScaling(Initializer):
    def __init__(self, scale=1.0, mode='fan_in', distribution='truncated_normal'):
        super().__init__(scale=scale, mode=mode, distribution=distribution)
        self.scale, self.mode, self.distribution = scale, mode, distribution

    def _generate(self, shape, rng):
        fan_in, fan_out = _fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        scale = self.scale / max(1.0, n)
        if self.distribution == 'uniform':
            limit = math.sqrt(3.0 * scale)
            return rng.uniform(-limit, limit, shape)
        std = math.sqrt(scale)
        if self.distribution in ('truncated_normal', 'normal'):
            if self.distribution == 'truncated_normal':
                std /= .87962566103423978
                return TruncatedNormal(std, 0.0, -2 * std, 2 * std)._generate(shape, rng)
            return rng.normal(0.0, std, shape)
        raise ValueError(f"For 'VarianceScaling', unknown distribution {self.distribution!r}.")


class Sparse(Initializer):
    def __init__(self, sparsity, sigma=0.01):
        super().__init__(sparsity=sparsity, sigma=sigma)
        self.sparsity, self.sigma = sparsity, sigma

    def _generate(self, shape, rng):
        if len(shape) != 2:
            raise ValueError(f"For 'Sparse', the shape must be 2-D, but got {tuple(shape)}.")
        out = rng.normal(0.0, self.sigma, shape)
        zeros = int(math.ceil(self.sparsity * shape[0]))
        for col in range(shape[1]):
            out[rng.permutation(shape[0])[:zeros], col] = 0
        return out


_ALIAS = {
    "zeros": Zero, "zero": Zero, "ones": One, "one": One, "normal": Normal, "uniform": Uniform,
    "truncatednormal": TruncatedNormal, "xavier_uniform": XavierUniform, "xavieruniform": XavierUniform,
    "xavier_normal": XavierNormal, "xaviernormal": XavierNormal, "he_uniform": HeUniform,
    "heuniform": HeUniform, "he_normal": HeNormal, "henormal": HeNormal, "identity": Identity,
    "orthogonal": Orthogonal, "sparse": Sparse, "dirac": Dirac, "variancescaling": VarianceScaling,
}


def numpy_global_uniform(bound, shape, dtype=mstype.float32):
    """A Tensor of ``shape`` drawn from NumPy's global generator, uniform in [-bound, bound), as the layers of
    MindSpore that call ``np.random.uniform`` at construction draw it (the recurrent layers): a script that seeds
    NumPy gets MindSpore's weights."""
    return Tensor(np.random.uniform(-bound, bound, tuple(shape)).astype(np.float32), dtype=dtype)


def _shape_of(shape):
    if isinstance(shape, numbers.Integral):
        return (int(shape),)
    if isinstance(shape, (list, tuple)):
        return tuple(int(d) for d in shape)
    raise TypeError(f"For 'initializer', the shape must be an int, list or tuple, but got {shape!r}.")


def initializer(init, shape=None, dtype=mstype.float32):
    """A Tensor of ``shape`` and ``dtype`` filled by ``init``: an Initializer, its string alias, a number
    (constant) or a Tensor (returned as-is after a shape check)."""
    dtype = mstype.canonical(dtype)
    if isinstance(init, Tensor):
        if shape is not None and tuple(init.shape) != _shape_of(shape):
            raise ValueError(f"For 'initializer', the shape of the init Tensor {init.shape} is not equal to the "
                             f"shape {_shape_of(shape)}.")
        return init
    shape = _shape_of(shape) if shape is not None else ()
    if any(d < 0 for d in shape):
        raise ValueError(f"For 'initializer', the shape {shape} has a negative dimension.")
    if isinstance(init, str):
        cls = _ALIAS.get(init.lower())
        if cls is None:
            raise ValueError(f"For 'initializer', the initializer '{init}' is not found; use one of "
                             f"{sorted(_ALIAS)}.")
        init = cls()
    elif isinstance(init, bool) or not isinstance(init, (Initializer, numbers.Number)):
        raise TypeError(f"For 'initializer', 'init' must be a Tensor, str, number or Initializer, but got "
                        f"{type(init).__name__}.")
    if isinstance(init, numbers.Number):
        init = Constant(init)
    values = init._generate(shape, _seed.rng())       # drawn on the host, then moved to the backend's device
    return _wrap(backend.asarray(np.asarray(values).astype(dtype.np_dtype)))


_tensor_module._initialize = initializer      # Tensor(shape=..., init=...) fills through it
