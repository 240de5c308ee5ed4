"""LayerNorm, BatchNorm1d/2d/3d, GroupNorm and InstanceNorm1d/2d/3d."""
from ... import ops
from ...ops import _prims
from ..._core import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ..cell import Cell
from ._validation import flag, float_input, int_arg, int_tuple, number, positive_int


class LayerNorm(Cell):
    """Normalise over the axes from ``begin_norm_axis`` on; scale and shift by gamma/beta."""

    def __init__(self, normalized_shape, begin_norm_axis=-1, begin_params_axis=-1, gamma_init='ones',
                 beta_init='zeros', epsilon=1e-7, dtype=mstype.float32):
        super().__init__()
        if not isinstance(normalized_shape, (tuple, list)):
            raise TypeError(f"For 'LayerNorm', 'normalized_shape' must be a tuple or list, but got "
                            f"{type(normalized_shape).__name__}.")
        self.normalized_shape = int_tuple(normalized_shape, "normalized_shape", "LayerNorm")
        if any(d < 1 for d in self.normalized_shape):
            raise ValueError(f"For 'LayerNorm', the 'normalized_shape' must hold positive sizes, but got "
                             f"{self.normalized_shape}.")
        # (the axes are checked against the input's rank at the call, as in MindSpore; their type here)
        self.begin_norm_axis = int_arg(begin_norm_axis, "begin_norm_axis", "LayerNorm")
        self.begin_params_axis = int_arg(begin_params_axis, "begin_params_axis", "LayerNorm")
        self.epsilon = number(epsilon, "epsilon", "LayerNorm")
        self.gamma = Parameter(initializer(gamma_init, self.normalized_shape, dtype), name="gamma")
        self.beta = Parameter(initializer(beta_init, self.normalized_shape, dtype), name="beta")

    def construct(self, x):
        float_input(x, "LayerNorm")
        for name, axis in (("begin_norm_axis", self.begin_norm_axis), ("begin_params_axis", self.begin_params_axis)):
            if not -x.ndim <= axis < x.ndim:
                raise _LayerNormError(f"For 'LayerNorm', the input's rank is {x.ndim}, while the '{name}' value "
                                      f"should be in the range [{-x.ndim}, {x.ndim}), but got {axis}.")
        axis = self.begin_norm_axis % x.ndim
        axes = tuple(range(axis, x.ndim))
        shape = self.normalized_shape
        if len(shape) > x.ndim or any(g not in (1, d) for g, d in zip(shape[::-1], x.shape[::-1])):
            raise ValueError(f"For 'LayerNorm', the input of shape {x.shape} does not end with the normalized_shape "
                             f"{shape} of gamma and beta.")
        gamma, beta = self.gamma.astype(x.dtype), self.beta.astype(x.dtype)
        if tuple(x.shape[axis:]) == shape and x.dtype in (mstype.float32, mstype.float64):   # the fused kernel
            return _prims.layer_norm(x, gamma, beta, self.epsilon, axis)
        mean = ops.mean(x, axes, True)
        centred = x - mean
        var = ops.mean(ops.square(centred), axes, True)
        y = centred * ops.rsqrt(var + self.epsilon)
        return y * gamma + beta

    def extend_repr(self):
        return (f"normalized_shape={self.normalized_shape}, begin_norm_axis={self.begin_norm_axis}, "
                f"begin_params_axis={self.begin_params_axis}, gamma={self.gamma}, beta={self.beta}")


class _LayerNormError(ValueError, RuntimeError):
    """LayerNorm's axes do not fit its input (MindSpore raises RuntimeError when the cell is called)."""


class _BatchNorm(Cell):
    _input_dims = (2, 3)

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init='ones', beta_init='zeros',
                 moving_mean_init='zeros', moving_var_init='ones', use_batch_statistics=None, data_format='NCHW',
                 dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        num_features = positive_int(num_features, "num_features", name)
        number(momentum, "momentum", name, low=0, high=1)
        # (MindSpore stores any eps; a negative one gives NaN for a small variance)
        number(eps, "eps", name, positive=True)
        flag(affine, "affine", name)
        if use_batch_statistics is not None:
            flag(use_batch_statistics, "use_batch_statistics", name)
        if data_format != "NCHW":
            # ('NHWC' is MindSpore's other layout; minispore normalises dimension 1 only, so it refuses NHWC rather
            # than normalise the wrong dimension)
            raise ValueError(f"For '{name}', the 'data_format' must be 'NCHW' (minispore has no 'NHWC' layout), but "
                             f"got {data_format!r}.")
        # (MindSpore keeps 1 - momentum in the attribute, the weight of the batch statistics; the repr shows the
        # argument)
        self.num_features, self.eps, self.momentum = num_features, eps, 1.0 - momentum
        self.use_batch_statistics = use_batch_statistics
        self.moving_mean = Parameter(initializer(moving_mean_init, num_features, dtype), name="mean",
                                     requires_grad=False)
        self.moving_variance = Parameter(initializer(moving_var_init, num_features, dtype), name="variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, num_features, dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_features, dtype), name="beta", requires_grad=affine)

    def construct(self, x):
        float_input(x, type(self).__name__)
        if x.dtype not in (mstype.float16, mstype.float32, mstype.bfloat16):     # bfloat16: Ascend's kernel has it
            raise TypeError(f"For '{type(self).__name__}', the input must be Float16, BFloat16 or Float32 "
                            f"(MindSpore's BatchNorm kernel), but got {x.dtype}.")
        if x.ndim not in self._input_dims:
            dims = " or ".join(map(str, self._input_dims))
            raise ValueError(f"For '{type(self).__name__}', the input must have {dims} dims, but got {x.ndim} dims "
                             f"(shape {x.shape}).")
        if x.shape[1] != self.num_features:
            raise ValueError(f"For '{type(self).__name__}', the input must have {self.num_features} channels "
                             f"(dimension 1), but got shape {x.shape}.")
        shape = (1, self.num_features) + (1,) * (x.ndim - 2)
        use_batch = self.training if self.use_batch_statistics is None else self.use_batch_statistics
        gamma, beta = self.gamma, self.beta
        if gamma.dtype != x.dtype:
            gamma, beta = ops.cast(gamma, x.dtype), ops.cast(beta, x.dtype)
        if use_batch:
            # one fused kernel each way (ops/_prims/norm.py); the moving statistics are updated whenever batch
            # statistics are used (use_batch_statistics=True updates them in evaluation too, as MindSpore's
            # kernel does), with the unbiased batch variance, as assignments, so that a compiled train step
            # updates them at every call
            stats = _prims.batch_norm_stats(x)
            n = x.size // self.num_features
            m = self.momentum       # the weight of the batch statistics
            batch_mean = ops.cast(stats[0], self.moving_mean.dtype)
            batch_var = ops.cast(stats[1], self.moving_mean.dtype) * (n / max(n - 1, 1))
            ops.assign(self.moving_mean, self.moving_mean * (1 - m) + batch_mean * m)
            ops.assign(self.moving_variance, self.moving_variance * (1 - m) + batch_var * m)
            return _prims.batch_norm_train(x, gamma, beta, self.eps)
        scale = ops.rsqrt(ops.cast(self.moving_variance, x.dtype) + self.eps) * gamma
        shift = beta - ops.cast(self.moving_mean, x.dtype) * scale
        return x * ops.reshape(scale, shape) + ops.reshape(shift, shape)

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={1.0 - self.momentum:g}, "
                f"gamma={self.gamma}, beta={self.beta}, moving_mean={self.moving_mean}, "
                f"moving_variance={self.moving_variance}")


class BatchNorm1d(_BatchNorm):
    _input_dims = (2, 3)


class BatchNorm2d(_BatchNorm):
    _input_dims = (4,)


class BatchNorm3d(Cell):
    """Batch normalisation of (N, C, D, H, W): MindSpore's is a BatchNorm2d on (N, C, D * H, W), held as the
    sub-cell ``bn2d`` (so its parameters are named ``bn2d.moving_mean``, ...)."""

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init='ones', beta_init='zeros',
                 moving_mean_init='zeros', moving_var_init='ones', use_batch_statistics=None, dtype=mstype.float32):
        super().__init__()
        self.bn2d = BatchNorm2d(num_features, eps, momentum, affine, gamma_init, beta_init, moving_mean_init,
                                moving_var_init, use_batch_statistics, dtype=dtype)

    def construct(self, x):
        float_input(x, "BatchNorm3d")
        if x.ndim != 5:
            raise ValueError(f"For 'BatchNorm3d', the input must be 5-D (N, C, D, H, W), but got shape {x.shape}.")
        n, c, d, h, w = x.shape
        y = self.bn2d(ops.reshape(x, (n, c, d * h, w)))
        return ops.reshape(y, (n, c, d, h, w))


class GroupNorm(Cell):
    """Normalise each sample over groups of ``num_channels / num_groups`` channels (and all other axes)."""

    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, gamma_init='ones', beta_init='zeros',
                 dtype=mstype.float32):
        super().__init__()
        self.num_groups = positive_int(num_groups, "num_groups", "GroupNorm")
        self.num_channels = positive_int(num_channels, "num_channels", "GroupNorm")
        if num_channels % num_groups:
            raise ValueError(f"For 'GroupNorm', the 'num_channels' must be divided by 'num_groups', but got "
                             f"'num_channels': {num_channels}, 'num_groups': {num_groups}.")
        self.eps = number(eps, "eps", "GroupNorm", positive=True)
        self.affine = flag(affine, "affine", "GroupNorm")
        self.gamma = Parameter(initializer(gamma_init, num_channels, dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_channels, dtype), name="beta", requires_grad=affine)

    def construct(self, x):
        float_input(x, "GroupNorm")
        if x.ndim < 2 or x.shape[1] != self.num_channels:
            raise ValueError(f"For 'GroupNorm', the input must be (N, {self.num_channels}, ...), but got shape "
                             f"{x.shape}.")
        return ops.group_norm(x, self.num_groups, self.gamma, self.beta, self.eps)

    def extend_repr(self):
        return f"num_groups={self.num_groups}, num_channels={self.num_channels}"


class _InstanceNorm(Cell):
    """Normalise each sample's channels over their own spatial axes, in training and in evaluation (MindSpore's
    InstanceNorm, which its CPU build lacks: minispore computes what its documentation says). In training the
    moving statistics follow ``moving = (1 - momentum) * moving + momentum * batch`` (the batch average of the
    instance statistics, the variance unbiased), as the InstanceNorm primitive documents."""
    _dims = 4

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, gamma_init='ones', beta_init='zeros',
                 dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        self.num_features = positive_int(num_features, "num_features", name)
        if not isinstance(eps, float):
            raise TypeError(f"For '{name}', the type of 'eps' should be 'float', but got type '{type(eps).__name__}'.")
        self.eps = number(eps, "eps", name, positive=True)
        self.momentum = number(momentum, "momentum", name, low=0, high=1)
        self.affine = flag(affine, "affine", name)
        self.moving_mean = Parameter(initializer('zeros', num_features, dtype), name="mean", requires_grad=False)
        self.moving_variance = Parameter(initializer('ones', num_features, dtype), name="variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, num_features, dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_features, dtype), name="beta", requires_grad=affine)

    def construct(self, x):
        name = type(self).__name__
        float_input(x, name)
        if x.ndim != self._dims or x.shape[1] != self.num_features:
            raise ValueError(f"For '{name}', the input must be {self._dims}-D with {self.num_features} channels "
                             f"(dimension 1), but got shape {x.shape}.")
        axes = tuple(range(2, x.ndim))
        mean = ops.mean(x, axes, True)
        var = ops.mean(ops.square(x - mean), axes, True)
        if self.training:
            n = x.size // (x.shape[0] * x.shape[1])
            m = self.momentum
            batch_mean = ops.mean(ops.reshape(ops.stop_gradient(mean), x.shape[:2]), 0)
            batch_var = ops.mean(ops.reshape(ops.stop_gradient(var), x.shape[:2]), 0) * (n / max(n - 1, 1))
            ops.assign(self.moving_mean, self.moving_mean * (1 - m) + batch_mean * m)
            ops.assign(self.moving_variance, self.moving_variance * (1 - m) + batch_var * m)
        shape = (1, self.num_features) + (1,) * (x.ndim - 2)
        y = (x - mean) * ops.rsqrt(var + self.eps)
        return y * ops.reshape(self.gamma, shape) + ops.reshape(self.beta, shape)

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={self.momentum}, gamma={self.gamma}, "
                f"beta={self.beta}, moving_mean={self.moving_mean}, moving_variance={self.moving_variance}")


class InstanceNorm1d(_InstanceNorm):
    _dims = 3


class InstanceNorm2d(_InstanceNorm):
    _dims = 4


class InstanceNorm3d(_InstanceNorm):
    _dims = 5
