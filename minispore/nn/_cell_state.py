"""``Cell.state_dict`` / ``Cell.load_state_dict`` with MindSpore 2.10's forms (the PyTorch-like ones): keys are the
attribute paths of the Parameters and persistent buffers (and ``<prefix>_extra_state`` where a class defines
``get_extra_state``), values the Parameters and buffers themselves; the hooks registered with
``register_state_dict_pre_hook`` / ``post_hook`` and ``register_load_state_dict_pre_hook`` / ``post_hook`` run
where MindSpore runs them.
"""
import warnings
from collections import OrderedDict, namedtuple
from collections.abc import Mapping

from .._core.tensor import Tensor

EXTRA_STATE = "_extra_state"


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    """What ``load_state_dict`` returns: the keys the Cell expected and did not get, and those it got and does
    not know."""
    __slots__ = ()

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


def _persistent(cell):
    d = cell.__dict__
    skip = d.get("_non_persistent_buffers_set", ())
    return [(k, v) for k, v in d.get("_buffers", {}).items() if v is not None and k not in skip]


def _defines(cell, name, base):
    return getattr(type(cell), name, None) is not getattr(base, name)


def state_dict(cell, base, args, destination, prefix, keep_vars):
    if args:
        warnings.warn("Positional args are being deprecated, use kwargs instead. Refer to "
                      "https://www.mindspore.cn/docs/zh-CN/master/api_python/nn/mindspore.nn.Cell.html for details.",
                      FutureWarning, stacklevel=3)
        destination = args[0] if destination is None else destination
        if len(args) > 1 and prefix == "":
            prefix = args[1]
        if len(args) > 2 and keep_vars is False:
            keep_vars = args[2]
    if destination is not None and not isinstance(destination, dict):
        raise TypeError(f"The type of destination must be OrderedDict, but got {type(destination)}")
    if not isinstance(prefix, str):
        raise TypeError(f"The type of prefix must be string, but got {type(prefix)}")
    if not isinstance(keep_vars, bool):
        raise TypeError(f"The type of keep_vars must be bool, but got {type(keep_vars)}")
    if destination is None:
        destination = OrderedDict()
        destination._metadata = OrderedDict()
    _collect(cell, base, destination, prefix, keep_vars)
    return destination


def _collect(cell, base, destination, prefix, keep_vars):
    d = cell.__dict__
    local_metadata = {}
    meta = getattr(destination, "_metadata", None)
    if meta is not None:
        meta[prefix[:-1]] = local_metadata
    for hook in list(d.get("_state_dict_pre_hooks", {}).values()):
        hook(cell, prefix, keep_vars)
    for name, p in d["_params"].items():
        if p is not None:
            destination[prefix + name] = p
    for name, b in _persistent(cell):
        destination[prefix + name] = b
    if _defines(cell, "get_extra_state", base):
        destination[prefix + EXTRA_STATE] = cell.get_extra_state()
    for name, child in d["_cells"].items():
        if child is not None:
            _collect(child, base, destination, prefix + name + ".", keep_vars)
    for hook in list(d.get("_state_dict_hooks", {}).values()):
        if hook(cell, destination, prefix, local_metadata) is not None:
            raise RuntimeError("state_dict post-hook must return None")


def load_state_dict(cell, base, sd, strict):
    if not isinstance(sd, Mapping):
        raise TypeError(f"Expected state_dict to be dict-like, got {type(sd)}.")
    metadata = getattr(sd, "_metadata", None)
    sd = OrderedDict(sd)
    missing, unexpected, errors = [], [], []
    _load(cell, base, sd, "", metadata, missing, unexpected, errors)
    if strict:
        if unexpected:
            errors.insert(0, "Unexpected key(s) in state_dict: {}. ".format(", ".join(f'"{k}"' for k in unexpected)))
        if missing:
            errors.insert(0, "Missing key(s) in state_dict: {}. ".format(", ".join(f'"{k}"' for k in missing)))
    if errors:
        raise RuntimeError("Error(s) in loading state_dict for {}:\n\t{}".format(type(cell).__name__,
                                                                                "\n\t".join(errors)))
    return _IncompatibleKeys(missing, unexpected)


def _load(cell, base, sd, prefix, metadata, missing, unexpected, errors):
    d = cell.__dict__
    local_metadata = {} if metadata is None else metadata.get(prefix[:-1], {})
    # (MindSpore 2.10 runs the pre-hooks and collects the missing and unexpected keys with strict=True whatever the
    # caller's strict: strict=False only stops them from raising)
    for hook in list(d.get("_load_state_dict_pre_hooks", {}).values()):
        hook(cell, sd, prefix, local_metadata, True, missing, unexpected, errors)
    local = OrderedDict((k, v) for k, v in d["_params"].items() if v is not None)
    local.update(_persistent(cell))
    for name, target in local.items():
        key = prefix + name
        if key not in sd:
            missing.append(key)
            continue
        value = sd[key]
        if not isinstance(value, Tensor):
            errors.append(f'While copying the parameter named "{key}", expected Tensor or Tensor-like object from '
                          f'checkpoint but received {type(value)}')
            continue
        if value.shape != target.shape:
            errors.append(f"size mismatch for {key}: copying a param with shape {value.shape} from checkpoint, the "
                          f"shape in current model is {target.shape}.")
            continue
        target.assign_value(Tensor(value.asnumpy(), dtype=target.dtype))
    extra = prefix + EXTRA_STATE
    if _defines(cell, "set_extra_state", base):
        if extra in sd:
            cell.set_extra_state(sd[extra])
        else:
            missing.append(extra)
    elif extra in sd:
        unexpected.append(extra)
    cells = d["_cells"]
    for key in sd:
        if key.startswith(prefix) and key != extra:
            head, dot, _ = key[len(prefix):].partition(".")
            if (dot and head not in cells) or (not dot and head not in local):
                unexpected.append(key)
    for name, child in cells.items():
        if child is not None:
            child_prefix = prefix + name + "."
            _load(child, base, {k: v for k, v in sd.items() if k.startswith(child_prefix)}, child_prefix, metadata,
                  missing, unexpected, errors)
    keys = _IncompatibleKeys(missing, unexpected)
    for hook in list(d.get("_load_state_dict_post_hooks", {}).values()):
        if hook(cell, keys) is not None:
            raise RuntimeError("Hooks registered with ``register_load_state_dict_post_hook`` are not expected to "
                               "return new values, if incompatible_keys need to be modified, it should be done "
                               "inplace.")
