"""``ckpt_to_safetensors`` / ``safetensors_to_ckpt``: convert checkpoint files between MindSpore's two formats,
and ``merge_sliced_parameter`` (the slices of one parameter, joined along axis 0); with MindSpore 2.10's rules: ``file_path`` is one file (written next to it, or into the directory ``save_path``)
or a directory whose ``rank*`` subdirectories hold the files (each converted into the same subdirectory, under
``save_path`` when given); ``name_map`` renames parameters; ``file_name_regex`` selects files. ``processes_num`` is
accepted; the conversion runs in this process."""
import os
import re

__all__ = ["ckpt_to_safetensors", "safetensors_to_ckpt", "merge_sliced_parameter"]


def _load(path, name_map, fmt):
    from .serialization import load_checkpoint
    params = load_checkpoint(path, format=fmt)
    if name_map is None:
        return params
    return {name_map.get(k, k): v for k, v in params.items()}


def _convert(file_path, save_path, name_map, file_name_regex, processes_num, dst):
    from .serialization import save_checkpoint
    src = "safetensors" if dst == "ckpt" else "ckpt"
    src_suffix, dst_suffix = "." + src, "." + dst
    func = "ckpt_to_safetensors" if dst == "safetensors" else "safetensors_to_ckpt"
    if not isinstance(file_path, str) or not (os.path.isdir(file_path) or os.path.isfile(file_path)):
        raise ValueError(f"For {func}, the input path must be a valid path or file, but got {file_path}")
    if save_path and os.path.splitext(save_path)[1]:
        raise ValueError(f"For {func}, the save_path must be a directory, but got '{save_path}'")
    if name_map is not None and not isinstance(name_map, dict):
        raise ValueError(f"For {func}, the type of 'name_map' must be a dict, but got '{type(name_map)}'")
    if isinstance(processes_num, bool) or not isinstance(processes_num, int) or processes_num < 1:
        raise ValueError(f"For {func}, 'processes_num' must be a positive int, but got {processes_num!r}")
    if os.path.isfile(file_path):
        if not file_path.endswith(src_suffix):
            raise ValueError(f"For {func}, the input file must be a {src_suffix} file, but got {file_path}")
        if file_name_regex is not None and not re.findall(file_name_regex, file_path):
            raise ValueError(f"For {func}, the input file does not match the regular expression.")
        if save_path:
            os.makedirs(save_path, exist_ok=True)
        name = os.path.basename(file_path).replace(src_suffix, dst_suffix)
        target = os.path.join(save_path if save_path else os.path.dirname(file_path), name)
        save_checkpoint(_load(file_path, name_map, src), target, format=dst)
        return
    rank_dirs = sorted(d for d in os.listdir(file_path)
                       if d.startswith("rank") and os.path.isdir(os.path.join(file_path, d)))
    if not rank_dirs:
        raise ValueError(f"For '{func}', no directories starting with 'rank' found in {file_path}.")
    for rank_dir in rank_dirs:
        src_dir = os.path.join(file_path, rank_dir)
        dst_dir = os.path.join(save_path, rank_dir) if save_path is not None else src_dir
        os.makedirs(dst_dir, exist_ok=True)
        for name in sorted(os.listdir(src_dir)):
            if name.endswith(src_suffix) and (file_name_regex is None or re.search(file_name_regex, name)):
                save_checkpoint(_load(os.path.join(src_dir, name), name_map, src),
                                os.path.join(dst_dir, name.replace(src_suffix, dst_suffix)), format=dst)


def ckpt_to_safetensors(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Convert ``.ckpt`` files into ``.safetensors`` files."""
    _convert(file_path, save_path, name_map, file_name_regex, processes_num, "safetensors")


def safetensors_to_ckpt(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Convert ``.safetensors`` files into ``.ckpt`` files."""
    _convert(file_path, save_path, name_map, file_name_regex, processes_num, "ckpt")


def merge_sliced_parameter(sliced_parameters, strategy=None):
    """One Parameter from its slices (a list of Parameters with one name, equal shapes but for axis 0), joined
    along axis 0; the name and ``requires_grad`` are the first slice's. A ``strategy`` (the parallel layout of
    the slices) is not supported: minispore trains on one device, so its checkpoints are never sliced."""
    import numpy as np
    from .._core.tensor import Tensor
    from ..common.parameter import Parameter
    fn = "For 'merge_sliced_parameter'"
    if not isinstance(sliced_parameters, list):
        raise TypeError(f"{fn}, the argument 'sliced_parameters' should be list, but got {type(sliced_parameters)}.")
    if not sliced_parameters:
        raise ValueError(f"{fn}, the argument 'sliced_parameters' should not be empty.")
    if strategy and not isinstance(strategy, dict):
        raise TypeError(f"{fn}, the argument 'strategy' should be dict, but got {type(strategy)}.")
    for index, p in enumerate(sliced_parameters):
        if not isinstance(p, Parameter):
            raise TypeError(f"{fn}, the element in 'sliced_parameters' should be 'Parameter', but got {type(p)} "
                            f"at index {index}.")
    first = sliced_parameters[0]
    for p in sliced_parameters[1:]:
        if p.name != first.name or len(p.shape) != len(first.shape) or tuple(p.shape[1:]) != tuple(first.shape[1:]):
            raise ValueError(f"{fn}, please make sure that the elements in 'slice_parameters' have the same name, "
                             f"dimension length and shape except 0 axis. The name, dimension length, shape except "
                             f"0 axis should be {first.name}, {len(first.shape)}, {tuple(first.shape[1:])}, but got "
                             f"{p.name}, {len(p.shape)}, {tuple(p.shape[1:])}.")
    if strategy and first.name in strategy:
        raise ValueError(f"{fn}, a 'strategy' (a parallel layout) is not supported by minispore, which trains on "
                         f"one device; merge slices along axis 0 with strategy=None.")
    merged = np.concatenate([p.asnumpy() for p in sliced_parameters], axis=0)
    return Parameter(Tensor(merged), name=first.name, requires_grad=first.requires_grad)
