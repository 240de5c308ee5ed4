"""Automatic mixed precision (MindSpore 2.10's ``mindspore.train.amp``): ``auto_mixed_precision``,
``custom_mixed_precision``, ``build_train_network`` and MindSpore's white and black lists.

Levels, as MindSpore 2.10 builds them in PyNative mode:
- ``O0``: the network as it is.
- ``O1``: the white list (convolutions, ``Dense``, the recurrent cells, and the ``MatMul`` / ``BatchMatMul`` /
  ``ReLU`` operators a cell holds) computes in the low dtype: its float inputs and weights are cast down and
  its float outputs back to float32, so everything between computes in float32. MindSpore does this by
  rewriting ``construct``'s source (its classes come back renamed ``NetOpt``, ``DenseOpt``...); here the cells are
  marked in place and keep their classes. ``nn.ReLU`` counts as white (MindSpore's holds an ``ops.ReLU``).
- ``O2``: ``network.to_float(dtype)``, the black list (``BatchNorm1d/2d/3d``, ``LayerNorm``) wrapped as
  ``_OutputTo16(cell.to_float(float32))`` and the whole network as ``_OutputTo32`` (float outputs in float32).
- ``O3``: ``network.to_float(dtype)`` wrapped as ``_OutputTo32``.
- ``auto``: MindSpore decides per operator in its C++ dispatcher (white operators in the low dtype, black ones in
  float32, the rest in the widest input type). minispore decides per cell: the white list as in ``O1`` and the
  normalisation, softmax and loss cells in float32; a function (not a Cell) is refused.

Parameters are never converted: they stay float32 masters and each cell casts them when it runs (see
``Cell.to_float``), so optimizers update float32 weights.
"""
import inspect

from .. import _checkparam as validator
from .. import nn
from .. import ops
from .._core import dtype as mstype
from .._core.tensor import Tensor
from ..ops import operations as P
from .loss_scale_manager import DynamicLossScaleManager, LossScaleManager

__all__ = ["auto_mixed_precision", "custom_mixed_precision", "build_train_network", "get_white_list",
           "get_black_list", "AMP_WHITE_LIST", "AMP_BLACK_LIST"]

# MindSpore 2.10's lists (the operator classes minispore has; Conv2D, PReLU, Ger... are not minispore operators)
AMP_WHITE_LIST = [nn.Conv1d, nn.Conv2d, nn.Conv3d, nn.Conv1dTranspose, nn.Conv2dTranspose, nn.Conv3dTranspose,
                  nn.Dense, nn.LSTMCell, nn.RNNCell, nn.GRUCell, P.MatMul, P.BatchMatMul, P.ReLU]
AMP_BLACK_LIST = [nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.LayerNorm]
# cells whose MindSpore construct calls a white-list operator held as an attribute
_WHITE_BY_OPERATOR = (nn.ReLU,)
# 'auto' (per cell here): what MindSpore's operator black list computes in float32
_AUTO_FP32_CELLS = tuple(c for c in (getattr(nn, n, None) for n in (
    "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm", "GroupNorm", "Softmax", "LogSoftmax", "Softplus",
    "KLDivLoss", "SmoothL1Loss", "BCEWithLogitsLoss", "L1Loss", "MSELoss", "NLLLoss", "SoftMarginLoss",
    "MultiMarginLoss", "TripletMarginLoss", "MultilabelMarginLoss", "CrossEntropyLoss",
    "SoftmaxCrossEntropyWithLogits")) if c is not None)


def _cast_floats(value, dtype):
    """MindSpore's ``mixed_precision_cast``: every float Tensor in ``value`` (nested tuples/lists too) in
    ``dtype``."""
    if isinstance(value, Tensor):
        return ops.cast(value, dtype) if value.dtype.is_float and value.dtype is not dtype else value
    if isinstance(value, (tuple, list)):
        return type(value)(_cast_floats(v, dtype) for v in value)
    return value


def _get_attr_from_cell(wrapper, network):
    amp_level = getattr(network, "_amp_level", None)
    if amp_level is not None:
        wrapper._amp_level = amp_level


class _OutputTo16(nn.Cell):
    """Runs ``backbone`` and casts its output to ``dtype`` (float16 by default)."""

    def __init__(self, backbone, dtype=mstype.float16):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self.dtype = dtype
        _get_attr_from_cell(self, backbone)

    def construct(self, *args, **kwargs):
        return _cast_floats(self._backbone(*args, **kwargs), self.dtype)


class _OutputTo32(nn.Cell):
    """Runs ``backbone`` and casts its float outputs to float32."""

    def __init__(self, backbone):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        _get_attr_from_cell(self, backbone)

    def construct(self, *args, **kwargs):
        return _cast_floats(self._backbone(*args, **kwargs), mstype.float32)


class _CastOperator:
    """A white-list operator held by a cell, under O1: float inputs in ``dtype``, float outputs in float32."""

    def __init__(self, op, dtype):
        self._op = op
        self._dtype = dtype

    def __call__(self, *args):
        return _cast_floats(self._op(*[_cast_floats(a, self._dtype) for a in args]), mstype.float32)

    def __getattr__(self, name):
        return getattr(self._op, name)

    def __repr__(self):
        return repr(self._op)


def _precision_set_by_user(cell):
    return any(getattr(cell, flag, False) for flag in ("fp32", "fp16", "bf16"))


def _mark_low(cell, dtype, output_fp32):
    """``cell`` and everything below it compute in ``dtype`` (inputs and weights cast when each runs), without
    MindSpore's user flags; with ``output_fp32`` its float outputs come back in float32."""
    for _, c in cell.cells_and_names():
        c.__dict__["_cast_type"] = dtype
    cell.__dict__["_amp_output_fp32"] = output_fp32


def _white_list_pass(cell, dtype, white_cells, white_ops, output_fp32=True, fp32_cells=()):
    """O1 (and custom white lists): mark the white cells below ``cell``, wrap its white operators."""
    for name, value in list(cell.__dict__.items()):
        if white_ops and isinstance(value, white_ops):
            object.__setattr__(cell, name, _CastOperator(value, dtype))
    for name, sub in cell.name_cells().items():
        if _precision_set_by_user(sub):
            continue
        if white_cells and isinstance(sub, white_cells):
            _mark_low(sub, dtype, output_fp32)
        elif fp32_cells and isinstance(sub, fp32_cells):
            for _, c in sub.cells_and_names():
                c.__dict__["_cast_type"] = mstype.float32
        else:
            _white_list_pass(sub, dtype, white_cells, white_ops, output_fp32, fp32_cells)


def _auto_black_list(network, black_list, dtype):
    """O2: the network in ``dtype``, each black-list cell in float32 with its output cast back to ``dtype``."""
    network.to_float(dtype)
    black = tuple(black_list)
    for name, sub in network.name_cells().items():
        if sub is network:
            continue
        if black and isinstance(sub, black):
            network._cells[name] = _OutputTo16(sub.to_float(mstype.float32), dtype)
        else:
            _auto_black_list(sub, black_list, dtype)
    return network


def _split_white_list(white_list):
    cells = tuple(c for c in white_list if isinstance(c, type) and issubclass(c, nn.Cell))
    operators = tuple(c for c in white_list if isinstance(c, type) and not issubclass(c, nn.Cell))
    return cells, operators


def _check_dtype(dtype):
    if dtype not in (mstype.float16, mstype.bfloat16):
        raise ValueError(f"The dtype should be one of (mstype.float16, mstype.bfloat16), but got {dtype}.")


def auto_mixed_precision(network, amp_level="O0", dtype=mstype.float16):
    """Return ``network`` set up for mixed precision at ``amp_level`` ('O0', 'O1', 'O2', 'O3' or 'auto') with
    ``dtype`` (float16 or bfloat16) as the low precision. See the module's text for each level."""
    if not isinstance(network, nn.Cell):
        if amp_level == "auto":
            if not inspect.isfunction(network) and not inspect.ismethod(network):
                raise TypeError("For amp_level 'auto', the network type should be Cell or function.")
            raise NotImplementedError(
                "For amp_level 'auto', minispore decides the precision per Cell, so it needs a Cell; MindSpore "
                "also takes a function (it casts per operator). Wrap the function in an nn.Cell.")
        raise TypeError(f"For amp_level '{amp_level}', the network type should be Cell.")
    _check_dtype(dtype)
    if amp_level == "O0":
        return network
    if amp_level == "O1":
        white_cells, white_ops = _split_white_list(AMP_WHITE_LIST)
        _white_list_pass(network, dtype, white_cells + _WHITE_BY_OPERATOR, white_ops)
    elif amp_level == "O2":
        network = _OutputTo32(_auto_black_list(network, AMP_BLACK_LIST, dtype))
    elif amp_level == "O3":
        network.to_float(dtype)
        network = _OutputTo32(network)
    elif amp_level == "auto":
        white_cells, white_ops = _split_white_list(AMP_WHITE_LIST)
        _white_list_pass(network, dtype, white_cells + _WHITE_BY_OPERATOR, white_ops, True, _AUTO_FP32_CELLS)
    else:
        raise ValueError(f"The amp level {amp_level} is not supported")
    network._amp_level = amp_level
    return network


def _list_check(custom_list, list_name):
    if not isinstance(custom_list, list):
        raise TypeError(f"The type of {list_name} should be list, but got {type(custom_list)}")
    for elem in custom_list:
        if not isinstance(elem, type):
            raise TypeError(f"The element in {list_name} should be a class, but got {elem}")
        if list_name == "white_list" and not issubclass(elem, (nn.Cell, P.PrimitiveOp)):
            raise TypeError(f"The subclass of element in {list_name} should be one of 'Cell' and 'Primitive', "
                            f"but got {elem}")
        if list_name == "black_list" and not issubclass(elem, nn.Cell):
            raise TypeError(f"The subclass of element in {list_name} should be one of 'Cell', but got {elem}")


def custom_mixed_precision(network, *, white_list=None, black_list=None, dtype=mstype.float16):
    """Mixed precision with your own list: ``white_list`` (Cells and operator classes computed in ``dtype``,
    the rest in float32, as ``O1``) or ``black_list`` (Cells kept in float32, the rest in ``dtype``, as
    ``O2``), not both."""
    if not isinstance(network, nn.Cell):
        raise TypeError("The network type should be Cell.")
    if white_list is None and black_list is None:
        raise ValueError("For custom_mixed_precision, one of white_list and black_list must be provided.")
    if white_list is not None and black_list is not None:
        raise ValueError("For custom_mixed_precision, the white_list or black_list cannot be provided "
                         "at the same time, please provide one or the other.")
    _check_dtype(dtype)
    if white_list is not None:
        _list_check(white_list, "white_list")
        white_cells, white_ops = _split_white_list(white_list)
        _white_list_pass(network, dtype, white_cells, white_ops)
        return network
    _list_check(black_list, "black_list")
    return _OutputTo32(_auto_black_list(network, black_list, dtype))


def get_white_list():
    """A copy of the O1 white list."""
    return AMP_WHITE_LIST.copy()


def get_black_list():
    """A copy of the O2 black list."""
    return AMP_BLACK_LIST.copy()


# ---------------------------------------------------------------------------------------- build_train_network
_config_level = {
    "O0": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float32, "loss_scale_manager": None},
    "O1": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float32, "loss_scale_manager": None},
    "O2": {"keep_batchnorm_fp32": True, "cast_model_type": mstype.float16, "loss_scale_manager": "dynamic"},
    "O3": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float16, "loss_scale_manager": None},
    "auto": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float32, "loss_scale_manager": None}}


def _level_config(level, kwargs):
    config = dict(_config_level[level])
    if config["loss_scale_manager"] == "dynamic":
        config["loss_scale_manager"] = DynamicLossScaleManager()
    config.update(kwargs)
    return config


def _check_kwargs(key_words):
    for arg in key_words:
        if arg not in ['cast_model_type', 'keep_batchnorm_fp32', 'loss_scale_manager']:
            raise ValueError(f"Unsupported arg '{arg}'")
    if 'cast_model_type' in key_words:
        if key_words['cast_model_type'] not in (mstype.float16, mstype.float32):
            raise TypeError(f"The type of 'cast_model_type' must be in ['Float16', 'Float32'], but got "
                            f"{key_words['cast_model_type']}.")
    if 'keep_batchnorm_fp32' in key_words:
        validator.check_value_type('keep_batchnorm_fp32', key_words['keep_batchnorm_fp32'], bool)
    if key_words.get('loss_scale_manager'):
        validator.check_value_type('loss_scale_manager', key_words['loss_scale_manager'], [LossScaleManager])


def _check_level(level, boost_level):
    if not isinstance(level, str):
        raise TypeError(f"The argument `level` must be a string in ['O0', 'O1', 'O2', 'O3', 'auto'],"
                        f"but got type {type(level)}.")
    if level not in ('O0', 'O1', 'O2', 'O3', 'auto'):
        raise ValueError(f"The `level` must be in ['O0', 'O1', 'O2', 'O3', 'auto'], but got {level!r}.")
    if boost_level not in ('O0', 'O1', 'O2'):
        raise ValueError(f"The `boost_level` must be in ['O0', 'O1', 'O2'], but got {boost_level!r}.")
    return level


def _do_keep_batchnorm_fp32(network):
    for name, sub in network.name_cells().items():
        if sub is network:
            continue
        if isinstance(sub, tuple(AMP_BLACK_LIST)):
            network._cells[name] = _OutputTo16(sub.to_float(mstype.float32))
        else:
            _do_keep_batchnorm_fp32(sub)


def _auto_mixed_precision_process(network, config, level):
    if config["cast_model_type"] == mstype.float16:
        network.to_float(mstype.float16)
        if config["keep_batchnorm_fp32"]:
            _do_keep_batchnorm_fp32(network)
    elif not config["keep_batchnorm_fp32"] and level == "O2":
        network.to_float(mstype.float16)
    elif config["cast_model_type"] == mstype.float32 and level in ("O2", "O3"):
        pass
    else:
        network = auto_mixed_precision(network, level)
    return network


class _AmpWithLossCell(nn.Cell):
    """The backbone and the loss, the backbone's output and the label cast to float32 before the loss."""

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn
        _get_attr_from_cell(self, backbone)

    def construct(self, data, label):
        out = self._backbone(data)
        return self._loss_fn(_cast_floats(out, mstype.float32), _cast_floats(label, mstype.float32))


_AmpWithLossCell.__name__ = "WithLossCell"


def _add_loss_network(network, loss_fn, cast_model_type):
    validator.check_value_type('loss_fn', loss_fn, nn.Cell)
    if cast_model_type in (mstype.float16, mstype.bfloat16) or \
            getattr(network, "_amp_level", None) in ("O2", "O3", "auto"):
        return _AmpWithLossCell(network, loss_fn)
    return nn.WithLossCell(network, loss_fn)


def build_train_network(network, optimizer, loss_fn=None, level='O0', boost_level='O0', **kwargs):
    """The train network of ``network`` at mixed-precision ``level``: ``TrainOneStepCell``, or
    ``TrainOneStepWithLossScaleCell`` when the level's (or the given) ``loss_scale_manager`` has an update cell.

    kwargs: ``cast_model_type`` (float16/float32), ``keep_batchnorm_fp32`` (bool), ``loss_scale_manager``.
    Level defaults: O2 casts the model to float16, keeps BatchNorm in float32 and uses
    ``DynamicLossScaleManager()``; O3 casts it to float16 without loss scaling.

    Difference from MindSpore: MindSpore's CPU build refuses a loss scale manager with an update cell
    (``DynamicLossScaleManager``, ``FixedLossScaleManager(drop_overflow_update=True)``, so also level O2's
    default); minispore trains with it on every device. ``boost_level`` is checked and otherwise ignored.
    """
    validator.check_value_type('optimizer', optimizer, nn.Optimizer)
    level = _check_level(level, boost_level)
    _check_kwargs(kwargs)
    config = _level_config(level, kwargs)
    network = _auto_mixed_precision_process(network, config, level)
    if loss_fn:
        network = _add_loss_network(network, loss_fn, config["cast_model_type"])
    loss_scale = None
    manager = config["loss_scale_manager"]
    if manager is not None:
        loss_scale = manager.get_loss_scale()
        update_cell = manager.get_update_cell()
        if update_cell is not None:
            return nn.TrainOneStepWithLossScaleCell(network, optimizer, scale_sense=update_cell).set_train()
    return nn.TrainOneStepCell(network, optimizer, loss_scale).set_train()
