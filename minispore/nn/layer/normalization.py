"""LayerNorm and BatchNorm1d/2d."""
from ... import ops
from ..._core import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ..cell import Cell


class LayerNorm(Cell):
    """Normalise over the axes from ``begin_norm_axis`` on; scale and shift by gamma/beta."""

    def __init__(self, normalized_shape, begin_norm_axis=-1, begin_params_axis=-1, gamma_init='ones',
                 beta_init='zeros', epsilon=1e-7, dtype=mstype.float32):
        super().__init__()
        if not isinstance(normalized_shape, (tuple, list)):
            raise TypeError(f"For 'LayerNorm', 'normalized_shape' must be a tuple or list, but got "
                            f"{type(normalized_shape).__name__}.")
        self.normalized_shape = tuple(normalized_shape)
        self.begin_norm_axis, self.begin_params_axis, self.epsilon = begin_norm_axis, begin_params_axis, epsilon
        self.gamma = Parameter(initializer(gamma_init, self.normalized_shape, dtype), name="gamma")
        self.beta = Parameter(initializer(beta_init, self.normalized_shape, dtype), name="beta")

    def construct(self, x):
        axis = self.begin_norm_axis % x.ndim
        axes = tuple(range(axis, x.ndim))
        mean = ops.mean(x, axes, True)
        centred = x - mean
        var = ops.mean(ops.square(centred), axes, True)
        y = centred * ops.rsqrt(var + self.epsilon)
        return y * self.gamma.astype(x.dtype) + self.beta.astype(x.dtype)

    def extend_repr(self):
        return (f"normalized_shape={self.normalized_shape}, begin_norm_axis={self.begin_norm_axis}, "
                f"begin_params_axis={self.begin_params_axis}, gamma={self.gamma}, beta={self.beta}")


class _BatchNorm(Cell):
    _input_dims = (2, 3)

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init='ones', beta_init='zeros',
                 moving_mean_init='zeros', moving_var_init='ones', use_batch_statistics=None, data_format='NCHW',
                 dtype=mstype.float32):
        super().__init__()
        if num_features < 1:
            raise ValueError(f"For '{type(self).__name__}', 'num_features' must be positive, got {num_features}.")
        if not 0 <= momentum <= 1:
            raise ValueError(f"For '{type(self).__name__}', 'momentum' must be in [0, 1], got {momentum}.")
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.use_batch_statistics = use_batch_statistics
        self.moving_mean = Parameter(initializer(moving_mean_init, num_features, dtype), name="mean",
                                     requires_grad=False)
        self.moving_variance = Parameter(initializer(moving_var_init, num_features, dtype), name="variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, num_features, dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_features, dtype), name="beta", requires_grad=affine)

    def construct(self, x):
        if x.ndim not in self._input_dims:
            raise ValueError(f"For '{type(self).__name__}', the input must have {self._input_dims} dimensions, "
                             f"but got shape {x.shape}.")
        if x.shape[1] != self.num_features:
            raise ValueError(f"For '{type(self).__name__}', the input must have {self.num_features} channels "
                             f"(dimension 1), but got shape {x.shape}.")
        shape = (1, self.num_features) + (1,) * (x.ndim - 2)
        axes = (0,) + tuple(range(2, x.ndim))
        use_batch = self.training if self.use_batch_statistics is None else self.use_batch_statistics
        if use_batch:
            mean = ops.mean(x, axes, True)
            var = ops.mean(ops.square(x - mean), axes, True)
            n = x.size // self.num_features
            m = self.momentum
            new_mean = ops.stop_gradient(mean).reshape(-1).asnumpy()
            new_var = ops.stop_gradient(var).reshape(-1).asnumpy() * (n / max(n - 1, 1))
            self.moving_mean.set_data(self.moving_mean.asnumpy() * m + new_mean * (1 - m))
            self.moving_variance.set_data(self.moving_variance.asnumpy() * m + new_var * (1 - m))
        else:
            mean = ops.reshape(self.moving_mean, shape)
            var = ops.reshape(self.moving_variance, shape)
        y = (x - mean) * ops.rsqrt(var + self.eps)
        return y * ops.reshape(self.gamma, shape) + ops.reshape(self.beta, shape)

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={self.momentum}, "
                f"gamma={self.gamma}, beta={self.beta}, moving_mean={self.moving_mean}, "
                f"moving_variance={self.moving_variance}")


class BatchNorm1d(_BatchNorm):
    _input_dims = (2, 3)


class BatchNorm2d(_BatchNorm):
    _input_dims = (4,)
