"""Checkpoints: ``save_checkpoint``, ``load_checkpoint`` and ``load_param_into_net`` as in MindSpore 2.10.

Files are interchangeable with MindSpore's, byte for byte:

* ``.ckpt`` is protobuf (``_checkpoint_proto``): one serialized ``Checkpoint`` message per parameter (or per
  512 MiB chunk of one), concatenated; on load, consecutive values with the same tag are joined again.
  ``crc_check=True`` appends ``b'crc_num'`` and a 10-byte big-endian CRC32 of everything before it.
* ``format='safetensors'`` writes a standard safetensors file with ``{"__metadata__": {"format": "ms"}}``.

Unlike MindSpore, which deletes the old file before writing, a checkpoint is written to an unnamed (or
temporary) file in the same directory, fsync'd, and only then renamed over the target, so a crash while saving
leaves the previous checkpoint intact and, even under ``kill -9``, no temporary file behind (see
``minispore/_fileio.py``). A full disk raises an OSError that names the file and the bytes it needs. The result
is made read-only (0o400) as MindSpore does; saving over a read-only checkpoint works. Loading refuses a FIFO,
socket or device at once, and a hand-made or damaged record raises ValueError, never a NumPy or protobuf
error.

protobuf and safetensors are imported only when a checkpoint is saved or loaded.
"""
import binascii
import io
import json
import logging
import math
import os
import stat
from collections import OrderedDict

import numpy as np

from .._core import dtype as mstype, memory
from .._core.tensor import Tensor, _wrap
from .._fileio import atomic_write, not_regular, open_regular
from ..common.parameter import Parameter
from ..nn import Cell

__all__ = ["save_checkpoint", "load_checkpoint", "load_param_into_net"]

logger = logging.getLogger(__name__)

SLICE_SIZE = 512 * 1024                 # KB, as in MindSpore: one protobuf message holds at most 512 MiB
_CHUNK_BYTES = 1024 * SLICE_SIZE
_CRC_MARK = b"crc_num"
_TRAILER_LEN = len(_CRC_MARK) + 10
_FORMATS = ("ckpt", "safetensors")


def _proto():
    from . import _checkpoint_proto
    return _checkpoint_proto


def _is_cell(obj):
    return isinstance(obj, Cell)


# ====================================================================================================== saving
def _check_bool(name, value, fn="save_checkpoint"):
    if not isinstance(value, bool):
        raise TypeError(f"For '{fn}', the argument '{name}' must be bool, but got {type(value).__name__}.")
    return value


def _check_save_file_name(save_obj, ckpt_file_name, format):
    if format not in _FORMATS:
        raise ValueError(f"For 'save_checkpoint', the format must be 'safetensors' or 'ckpt', but got {format}.")
    if not (isinstance(save_obj, (list, dict)) or _is_cell(save_obj)):
        raise TypeError("For 'save_checkpoint', the parameter 'save_obj' must be nn.Cell, list or dict, "
                        f"but got {type(save_obj)}.")
    if isinstance(ckpt_file_name, os.PathLike):
        ckpt_file_name = os.fspath(ckpt_file_name)
    if not isinstance(ckpt_file_name, str):
        raise TypeError(f"For 'save_checkpoint', the parameter {ckpt_file_name} for checkpoint file name is invalid,"
                        f"'ckpt_file_name' must be string, but got {type(ckpt_file_name)}.")
    ckpt_file_name = os.path.realpath(ckpt_file_name)
    if os.path.isdir(ckpt_file_name):
        raise IsADirectoryError(f"For 'save_checkpoint', the parameter `ckpt_file_name`: {ckpt_file_name} is a "
                                "directory, it must be a file name.")
    if not ckpt_file_name.endswith(format):          # MindSpore's rule: 'x.foo' -> 'x.foo.ckpt'
        ckpt_file_name += "." + format
    return ckpt_file_name


def _check_append_dict(append_dict):
    if append_dict is None:
        return None
    if not isinstance(append_dict, dict):
        raise TypeError(f"For 'save_checkpoint', the argument 'append_dict' must be dict, but got {type(append_dict)}.")
    for key, value in append_dict.items():
        if not isinstance(key, str) or not isinstance(value, (int, float, bool, str, Tensor)):
            raise TypeError("For 'save_checkpoint', the type of dict 'append_info' must be key: string, value: int, "
                            f"float, bool, str, Parameter or Tensor, but got key: {type(key)}, value: {type(value)}")
    return append_dict


def _named_items(save_obj, choice_func):
    """(name, value) pairs of what to save; value is a Tensor (Parameter included), ndarray or str."""
    items = []
    if isinstance(save_obj, list):
        if save_obj and isinstance(save_obj[0], dict):
            for entry in save_obj:
                if not (isinstance(entry, dict) and "name" in entry and "data" in entry):
                    raise TypeError("For save_checkpoint, save_obj should be a list of dict items, and the dict should "
                                    f"have key values 'name' and 'data', but got {type(entry)} and {entry}.")
                if not isinstance(entry["name"], str):
                    raise TypeError("For save_checkpoint, when save_obj is a list of dict items, the name in dict "
                                    f"should be string, but got {type(entry['name'])}.")
                if not isinstance(entry["data"], Tensor):
                    raise TypeError("For save_checkpoint, when save_obj is a list of dict items, the data in dict "
                                    f"should be parameter, but got {type(entry['data'])}.")
                if choice_func is None or choice_func(entry["name"]):
                    items.append((entry["name"], entry["data"]))
        else:
            for p in save_obj:
                if not isinstance(p, Parameter):
                    raise TypeError("For save_checkpoint, when save_obj is made up by list of Parameter,"
                                    f"the param should be parameter, but got {type(p)}")
                if choice_func is None or choice_func(p.name):
                    items.append((p.name, p))
    elif isinstance(save_obj, dict):
        for key, value in save_obj.items():
            if not isinstance(key, str) or not isinstance(value, (Tensor, np.ndarray, str)):
                raise TypeError("For save_checkpoint, when save_obj is made up by dict, the key should be str and "
                                "value should be Parameter, Tensor, numpy.ndarray or str, but got the type of key "
                                f"is {type(key)} and the type of value is {type(value)}")
            if choice_func is None or choice_func(key):
                items.append((key, value))
    else:   # a Cell: keyed by param.name, in parameters_and_names order
        for _, p in save_obj.parameters_and_names():
            if choice_func is None or choice_func(p.name):
                items.append((p.name, p))
    return items


def _le_array(value, name):
    """The value as a C-contiguous little-endian ndarray of a MindSpore dtype, and its tensor_type string."""
    arr = value._data if isinstance(value, Tensor) else np.asarray(value)
    try:
        t = mstype.from_numpy(arr.dtype.newbyteorder("="))
    except TypeError:
        raise TypeError(f"For 'save_checkpoint', the data of '{name}' has NumPy dtype {arr.dtype}, which is not a "
                        "MindSpore tensor type.") from None
    arr = np.asarray(arr, dtype=arr.dtype.newbyteorder("<"), order="C")   # (ascontiguousarray makes 0-d 1-d)
    return arr, str(t)


def _entries(save_obj, choice_func, append_dict):
    """OrderedDict name -> (dims, tensor_type, ndarray); a later duplicate name replaces the data in place."""
    items = _named_items(save_obj, choice_func)
    if append_dict:
        for key, value in append_dict.items():
            items.append((key, value if isinstance(value, (str, Tensor)) else Tensor(value)))
    out = OrderedDict()
    for name, value in items:
        if isinstance(value, str):
            out[name] = ([0], "str", np.array(value, dtype="<U%d" % max(len(value), 1)))
        else:
            arr, ttype = _le_array(value, name)
            out[name] = (list(arr.shape), ttype, arr)
    return out


def _ckpt_records(entries, Checkpoint):
    """Serialized Checkpoint messages, one per parameter (per 512 MiB chunk), in MindSpore's order."""
    for name, (dims, ttype, arr) in entries.items():
        if ttype == "str":
            chunks = [arr.tobytes()]
        else:
            flat = arr.reshape(-1).view(np.uint8)
            # MindSpore writes nothing at all for a tensor without elements
            chunks = (flat[i:i + _CHUNK_BYTES].tobytes() for i in range(0, flat.size, _CHUNK_BYTES))
        for content in chunks:
            msg = Checkpoint()
            value = msg.value.add()
            value.tag = name
            value.tensor.dims.extend(dims)
            value.tensor.tensor_type = ttype
            value.tensor.tensor_content = content
            yield msg.SerializeToString()


def _write_ckpt(f, entries, crc_check):
    Checkpoint = _proto().Checkpoint
    crc = 0
    for record in _ckpt_records(entries, Checkpoint):
        if crc_check:
            crc = binascii.crc32(record, crc)
        f.write(record)
    if crc_check:
        f.write(_CRC_MARK + crc.to_bytes(10, byteorder="big"))


def _safetensors_bytes(entries, crc_check, remove_redundancy):
    from safetensors.numpy import save
    tensors = {}
    metadata = {"format": "ms"}
    if isinstance(remove_redundancy, bool):
        metadata["remove_redundancy"] = str(remove_redundancy)
    crc = 0
    for name in sorted(entries):
        dims, ttype, arr = entries[name]
        if ttype == "str":
            raise TypeError(f"For 'save_checkpoint', '{name}' is a str, which the safetensors format cannot store; "
                            "use format='ckpt'.")
        tensors[name] = arr
        if crc_check:
            crc = binascii.crc32(name.encode("utf-8"), crc)
            crc = binascii.crc32(arr.tobytes(), crc)
    if crc_check:
        metadata["crc_num"] = str(crc)
    return save(tensors, metadata=metadata) if tensors else save(tensors)


def _atomic_write(path, write):
    """Write the checkpoint via ``write(f)`` so that a crash keeps the old file and leaves nothing behind
    (``_fileio.atomic_write``); the result is read-only (0o400), as MindSpore makes it."""
    try:
        atomic_write(path, write, "save_checkpoint", mode=stat.S_IRUSR)
    except BaseException:
        logger.critical("Failed to save the checkpoint file %s. Maybe don't have the permission to write files, "
                        "or the disk space is insufficient and so on.", path)
        raise


def save_checkpoint(save_obj, ckpt_file_name, integrated_save=True, async_save=False, append_dict=None,
                    enc_key=None, enc_mode="AES-GCM", choice_func=None, crc_check=False, format="ckpt", **kwargs):
    """Save parameters to a checkpoint file that MindSpore can read (and that matches its bytes).

    Args:
        save_obj (Union[Cell, list, dict]): a Cell (saved under each ``param.name``, in ``parameters_and_names``
            order), a list of Parameters, a list of ``{"name": str, "data": Tensor}``, or a dict of
            name -> Parameter / Tensor / numpy.ndarray / str (e.g. what :func:`load_checkpoint` returned).
        ckpt_file_name (str): the file; ``.ckpt`` (or ``.safetensors``) is appended when the name does not end
            with the format. An existing file is replaced (even a read-only one).
        integrated_save (bool): accepted for compatibility (model parallelism only).
        async_save (Union[bool, str]): accepted (``True``, ``'thread'``, ``'process'``); the file is written
            synchronously, so it is complete when this returns.
        append_dict (dict): extra entries saved after the parameters: int -> Int64, float -> Float32,
            bool -> Bool, Tensor as is, str as a string entry.
        enc_key, enc_mode: encryption is not supported; a key raises ValueError.
        choice_func (callable): ``choice_func(name) -> bool`` selects the parameters to save.
        crc_check (bool): append a CRC32 of the content (checked by ``load_checkpoint(..., crc_check=True)``).
        format (str): ``'ckpt'`` or ``'safetensors'``.
    """
    ckpt_file_name = _check_save_file_name(save_obj, ckpt_file_name, format)
    _check_bool("integrated_save", integrated_save)
    if not isinstance(async_save, (bool, str)):
        raise TypeError(f"For 'save_checkpoint', the parameter 'async_save' must be bool or str, "
                        f"but got {type(async_save)}.")
    if isinstance(async_save, str) and async_save not in ("process", "thread"):
        raise ValueError("For 'save_checkpoint', the argument 'async_save' can only be 'process' or 'thread',"
                         f"but got {async_save}.")
    append_dict = _check_append_dict(append_dict)
    if enc_key is not None and not isinstance(enc_key, bytes):
        raise TypeError(f"For 'save_checkpoint', the argument 'enc_key' must be None or bytes, but got "
                        f"{type(enc_key).__name__}.")
    if not isinstance(enc_mode, str):
        raise TypeError(f"For 'save_checkpoint', the argument 'enc_mode' must be str, "
                        f"but got {type(enc_mode).__name__}.")
    _check_bool("crc_check", crc_check)
    remove_redundancy = kwargs.get("remove_redundancy", None)
    if remove_redundancy is not None and not isinstance(remove_redundancy, bool):
        raise TypeError("For 'save_checkpoint', the argument 'remove_redundancy' must be bool or None, "
                        f"but got {type(remove_redundancy).__name__}.")
    if enc_key is not None:
        raise ValueError("For 'save_checkpoint', encrypted checkpoints (enc_key) are not supported by minispore; "
                         "save without 'enc_key'.")
    if choice_func is not None and not callable(choice_func):
        raise TypeError(f"For 'save_checkpoint', 'choice_func' must be callable, but got {type(choice_func).__name__}.")

    entries = _entries(save_obj, choice_func, append_dict)
    if format == "ckpt":
        _atomic_write(ckpt_file_name, lambda f: _write_ckpt(f, entries, crc_check))
    else:
        data = _safetensors_bytes(entries, crc_check, remove_redundancy)
        _atomic_write(ckpt_file_name, lambda f: f.write(data))


# ===================================================================================================== loading
def _check_prefix(prefix):
    if prefix is None:
        return None
    if not isinstance(prefix, (str, list, tuple)):
        raise TypeError("For 'load_checkpoint', the type of 'specify_prefix' or 'filter_prefix' must be string, "
                        f"list[string] or tuple[string], but got {type(prefix)}.")
    if isinstance(prefix, str):
        prefix = (prefix,)
    if not prefix:
        raise ValueError("For 'load_checkpoint', the argument 'specify_prefix' or 'filter_prefix' can't be empty when"
                         " 'specify_prefix' or 'filter_prefix' is list or tuple.")
    for index, pre in enumerate(prefix):
        if not isinstance(pre, str):
            raise TypeError("For 'load_checkpoint', when 'specify_prefix' or 'filter_prefix' is list or tuple, "
                            f"the element in it must be string, but got {type(pre)} at index {index}.")
        if pre == "":
            raise ValueError("For 'load_checkpoint', the value of 'specify_prefix' or 'filter_prefix' "
                             "can't include ''.")
    return tuple(prefix)


def _whether_load_param(specify_prefix, filter_prefix, name):
    load = True
    if specify_prefix:
        load = any(name.startswith(p) for p in specify_prefix)
    if filter_prefix and any(name.startswith(p) for p in filter_prefix):
        load = False
    return load


def _check_file(file, fmt):
    if fmt not in _FORMATS:
        raise ValueError("For 'load_checkpoint', the checkpoint file should end with '.ckpt' or '.safetensors', please "
                         "input the correct 'format'.")
    if isinstance(file, (io.BytesIO, bytes, bytearray)):
        if fmt == "ckpt":
            raise TypeError("ckpt don't support BytesIO as input type, please change to safetensors.")
        return file
    if isinstance(file, os.PathLike):
        file = os.fspath(file)
    if not isinstance(file, str):
        raise TypeError(f"For 'load_checkpoint', the argument 'ckpt_file_name' must be string, but got {type(file)}.")
    if not file.endswith(fmt):
        raise ValueError(f"For 'load_checkpoint', the checkpoint file format must same with 'format', but got "
                         f"file_name:'{file}', format:'{fmt}'")
    file = os.path.realpath(file)
    try:
        mode = os.stat(file).st_mode
    except FileNotFoundError:
        raise ValueError(f"For 'load_checkpoint', the checkpoint file: {file} does not exist, please check "
                         "whether the 'ckpt_file_name' is correct.") from None
    except OSError:
        return file         # e.g. no permission: reading it says so
    if stat.S_ISDIR(mode):
        raise ValueError(f"For 'load_checkpoint', the checkpoint file: {file} is a directory, not a file.")
    if not stat.S_ISREG(mode):      # reading a FIFO would block forever
        raise not_regular("load_checkpoint", file, mode)
    return file


def _read_varint(data, pos, end):
    result = shift = 0
    while True:
        if pos >= end:
            return None, pos
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            return None, pos


def _looks_like_safetensors(content):
    if len(content) < 10:
        return False
    n = int.from_bytes(content[:8], "little")
    return 0 < n <= len(content) - 8 and content[8:9] == b"{"


def _check_framing(content, file):
    """A .ckpt file is a sequence of ``0a <varint length> <Checkpoint.Value>`` records; say clearly if not."""
    pos, end = 0, len(content)
    while pos < end:
        start = pos
        if content[pos] != 0x0A:
            if start == 0 and _looks_like_safetensors(content):
                raise ValueError(f"Failed to read the checkpoint file {file}. It is a safetensors file, not a "
                                 "MindSpore .ckpt file: load it with format='safetensors' (and a '.safetensors' "
                                 "file name).")
            raise ValueError(f"Failed to read the checkpoint file {file}. The file may be corrupted, and the content "
                             "cannot be parsed: it is not a MindSpore checkpoint "
                             f"(unexpected byte 0x{content[pos]:02x} at offset {pos}).")
        length, pos = _read_varint(content, pos + 1, end)
        if length is None or pos + length > end:
            need = "" if length is None else f" of {length} bytes"
            raise ValueError(f"Failed to read the checkpoint file {file}. The file is truncated or corrupted: the "
                             f"record{need} at offset {start} runs past the end of the file ({end} bytes).")
        pos += length


def _parse_ckpt_proto(file, crc_check):
    try:
        with open_regular(file, "load_checkpoint") as f:      # also refuses a FIFO swapped in since _check_file
            content = f.read()
    except OSError as e:
        raise ValueError(f"Failed to read the checkpoint file {file}. May not have permission to read it, please "
                         f"check the correct of the file. ({e})") from e
    if crc_check and content[-_TRAILER_LEN:-10] != _CRC_MARK:
        logger.warning("For 'load_checkpoint', the ckpt file do not contain the crc code, please check the file.")
    if content[-_TRAILER_LEN:-10] == _CRC_MARK:
        crc_bytes = content[-10:]
        content = content[:-_TRAILER_LEN]
        if crc_check and binascii.crc32(content, 0) != int.from_bytes(crc_bytes, byteorder="big"):
            raise ValueError("For 'load_checkpoint', the crc check is failed, please check whether the ckpt file "
                             f"is damaged: {file}.")
    _check_framing(content, file)
    proto = _proto()
    msg = proto.Checkpoint()
    try:
        msg.ParseFromString(content)
    except (proto.DecodeError, ValueError) as e:   # (pure-Python protobuf: UnicodeDecodeError for non-UTF-8 text)
        raise ValueError(f"Failed to read the checkpoint file {file}. The file may be corrupted, and the content "
                         f"cannot be parsed. ({e})") from e
    return msg


_NP_BY_TYPE = {t.name: t.np_dtype.newbyteorder("<") for t in mstype.all_types if t is not mstype.bfloat16}


def _make_param(arr, name=None):
    """A Parameter holding ``arr`` itself (no extra copy of a large tensor)."""
    p = Parameter(np.zeros((), arr.dtype), name=name)
    p._data = memory.track(arr)
    return p


def _corrupt(file, what):
    return ValueError(f"corrupt checkpoint {file}: {what}")


_MAX_NDIM = 32      # NumPy 1.x's limit (2.x allows 64); MindSpore's tensors have at most 8


def _decode_tensor(tag, ttype, dims, data, file):
    if not isinstance(ttype, str):      # protobuf hands back bytes for text that is not UTF-8
        raise _corrupt(file, f"parameter '{tag}' has a tensor type that is not UTF-8: {ttype!r}.")
    if ttype == "str":
        # NumPy '<U' bytes: UTF-32-LE, NUL-padded (NumPy strips trailing NULs; so does this)
        if len(data) % 4:
            raise _corrupt(file, f"the string entry '{tag}' has {len(data)} bytes, not a whole number of 4-byte "
                                 "characters (truncated?).")
        try:
            return data.decode("utf-32-le", "surrogatepass").rstrip("\0")
        except UnicodeDecodeError as e:
            raise _corrupt(file, f"the string entry '{tag}' is not UTF-32 text ({e}).") from None
    if dims == [0]:
        dims = []
    if len(dims) > _MAX_NDIM:
        raise _corrupt(file, f"parameter '{tag}' has {len(dims)} dimensions, more than the {_MAX_NDIM} supported.")
    if any(d < 0 for d in dims):
        raise _corrupt(file, f"parameter '{tag}' has a negative dimension in its shape {tuple(dims)}.")
    # Python ints: a product of dims like 2**32 * 2**32 must not wrap around (NumPy's int64 would, to 0), and
    # the length check below then refuses it before anything of that size is allocated
    count = math.prod(dims)
    if ttype == "BFloat16":     # no bfloat16 in NumPy: widen to Float32 (the upper half of a float32's bits)
        if len(data) != 2 * count:
            raise _corrupt(file, f"parameter '{tag}' of shape {tuple(dims)} and type BFloat16 needs {2 * count} "
                                 f"bytes but has {len(data)}.")
        logger.warning("For 'load_checkpoint', parameter '%s' is BFloat16, which minispore loads as Float32.", tag)
        bits = np.frombuffer(data, "<u2").astype(np.uint32) << 16
        return _make_param(bits.view(np.float32).reshape(dims), tag)
    np_type = _NP_BY_TYPE.get(ttype)
    if np_type is None:
        raise ValueError(f"Failed to load the checkpoint file {file}: parameter '{tag}' has tensor type '{ttype}', "
                         "which minispore does not support (or the file is corrupted).")
    if len(data) != count * np_type.itemsize:
        raise _corrupt(file, f"parameter '{tag}' of shape {tuple(dims)} and type {ttype} needs "
                             f"{count * np_type.itemsize} bytes but has {len(data)}.")
    arr = np.frombuffer(data, np_type).reshape(dims)
    if not np_type.isnative:
        arr = arr.astype(np_type.newbyteorder("="))
    elif not arr.flags.writeable:      # over the (immutable) protobuf bytes
        arr = arr.copy()
    return _make_param(arr, tag)


def _load_ckpt(file, parameter_dict, specify_prefix, filter_prefix, choice_func, crc_check):
    checkpoint = _parse_ckpt_proto(file, crc_check)
    if specify_prefix:
        logger.warning("For load_checkpoint, this parameter `specity_prefix` will be deprecated, "
                       "please use `choice_func` instead.")
    if filter_prefix:
        logger.warning("For load_checkpoint, this parameter `filter_prefix` will be deprecated, "
                       "please use `choice_func` instead.")
    use_choice_func = specify_prefix is None and filter_prefix is None and choice_func is not None
    values = checkpoint.value
    n = len(values)
    pending = []
    for i, element in enumerate(values):
        tag = element.tag
        if not isinstance(tag, str):    # protobuf hands back bytes for text that is not UTF-8
            raise _corrupt(file, f"the name of entry {i} is not UTF-8: {tag!r}.")
        if not _whether_load_param(specify_prefix, filter_prefix, tag):
            continue
        if use_choice_func and not choice_func(tag):
            continue
        if not element.HasField("tensor"):
            what = "a MapParameter (maptensor)" if element.HasField("maptensor") else "no tensor"
            raise ValueError(f"Failed to load the checkpoint file {file}: entry '{tag}' holds {what}, which minispore "
                             "does not support.")
        pending.append(element.tensor.tensor_content)
        if i == n - 1 or tag != values[i + 1].tag:
            data = pending[0] if len(pending) == 1 else bytearray().join(pending)
            pending = []
            tensor = element.tensor
            parameter_dict[tag] = _decode_tensor(tag, tensor.tensor_type, list(tensor.dims), data, file)
    return n


def _load_safetensors(file, parameter_dict, choice_func, crc_check, remove_redundancy):
    from safetensors import SafetensorError
    name = "<BytesIO>" if not isinstance(file, str) else file
    try:
        if isinstance(file, str):
            from safetensors import safe_open
            with open_regular(file, "load_checkpoint") as held:
                # safe_open takes a name: on Linux, that of the file just checked to be regular, so that a FIFO
                # swapped in since _check_file cannot be opened (and block)
                proc = f"/proc/self/fd/{held.fileno()}"
                with safe_open(proc if os.path.exists(proc) else file, framework="np") as f:
                    metadata = f.metadata()
                    tensors = {k: f.get_tensor(k) for k in f.keys()}
        else:
            from safetensors.numpy import load
            data = file.getvalue() if isinstance(file, io.BytesIO) else bytes(file)
            tensors = load(data)
            header_len = int.from_bytes(data[:8], "little")
            metadata = json.loads(data[8:8 + header_len]).get("__metadata__")
    except (SafetensorError, ValueError, TypeError, OSError) as e:
        raise ValueError(f"Failed to read the safetensors file {name}. The file may be corrupted, or not a "
                         f"safetensors file. ({type(e).__name__}: {e})") from e
    crc = 0
    for k in sorted(tensors):
        value = tensors[k]
        if crc_check:
            crc = binascii.crc32(k.encode("utf-8"), crc)
            crc = binascii.crc32(value.tobytes(), crc)
        if choice_func is not None and not choice_func(k):
            continue
        if value.dtype.newbyteorder("=") not in mstype._BY_NUMPY:
            raise ValueError(f"Failed to load the safetensors file {name}: tensor '{k}' has dtype {value.dtype}, "
                             "which minispore does not support.")
        arr = value if value.flags.writeable else value.copy()
        if not arr.dtype.isnative:
            arr = arr.astype(arr.dtype.newbyteorder("="))
        # MindSpore 2.10 quirk kept: Parameters loaded from safetensors get generated names ('Parameter#N')
        parameter_dict[k] = _make_param(arr)
    if metadata is not None and "remove_redundancy" in metadata:
        flag = metadata["remove_redundancy"]
        if flag == "True" and not remove_redundancy:
            logger.warning("For 'load_checkpoint', the safetensors file is deduplicated, "
                           "but remove_redundancy is set to False.")
            remove_redundancy = True
        elif flag == "False" and remove_redundancy:
            logger.warning("For 'load_checkpoint', the safetensors file is non-deduplicated, "
                           "but remove_redundancy is set to True.")
            remove_redundancy = False
    if crc_check:
        if metadata is None or metadata.get("crc_num") is None:
            logger.warning("For 'load_checkpoint', the safetensors file do not contain the crc code, "
                           "please check the file.")
        elif int(metadata["crc_num"]) != crc:
            raise ValueError("For 'load_checkpoint', the crc check has failed. Please check whether the ckpt file "
                             f"is damaged: {name}.")
    return remove_redundancy


def load_checkpoint(ckpt_file_name, net=None, strict_load=False, filter_prefix=None, dec_key=None,
                    dec_mode="AES-GCM", specify_prefix=None, choice_func=None, crc_check=False,
                    remove_redundancy=False, format="ckpt"):
    """Load a checkpoint file (written by MindSpore or minispore) into ``{name: Parameter}``.

    String entries (from ``append_dict``) come back as Python ``str``. With ``net``, the parameters are also
    loaded into it (:func:`load_param_into_net`). ``specify_prefix`` / ``filter_prefix`` (str or list of str) keep
    / drop names by prefix and, when given, override ``choice_func(name) -> bool``. ``crc_check=True`` verifies the
    CRC written by ``save_checkpoint(..., crc_check=True)`` (a file without one only logs a warning).

    Raises:
        ValueError: the file is missing, does not match ``format``, is truncated or corrupted, fails the CRC
            check, or nothing was loaded.
    """
    specify_prefix = _check_prefix(specify_prefix)
    filter_prefix = _check_prefix(filter_prefix)
    if dec_key is not None and not isinstance(dec_key, bytes):
        raise TypeError(f"For 'load_checkpoint', the argument 'dec_key' must be None or bytes, but got "
                        f"{type(dec_key).__name__}.")
    if not isinstance(dec_mode, str):
        raise TypeError(f"For 'load_checkpoint', the argument 'dec_mode' must be str, "
                        f"but got {type(dec_mode).__name__}.")
    _check_bool("crc_check", crc_check, "load_checkpoint")
    _check_bool("remove_redundancy", remove_redundancy, "load_checkpoint")
    if format == "safetensors" and (dec_key is not None or dec_mode != "AES-GCM"):
        bad = "dec_key" if dec_key is not None else "dec_mode"
        default = None if bad == "dec_key" else "AES-GCM"
        raise ValueError(f"For 'load_checkpoint', when format is 'safetensors', the parameter '{bad}' must be set to "
                         f"default value '{default}', but got '{dec_key if bad == 'dec_key' else dec_mode}'.")
    if dec_key is not None:
        raise ValueError("For 'load_checkpoint', encrypted checkpoints (dec_key) are not supported by minispore.")
    if choice_func is not None and not callable(choice_func):
        raise TypeError(f"For 'load_checkpoint', 'choice_func' must be callable, but got {type(choice_func).__name__}.")

    file = _check_file(ckpt_file_name, format)
    parameter_dict = {}
    if format == "safetensors":
        remove_redundancy = _load_safetensors(file, parameter_dict, choice_func, crc_check, remove_redundancy)
        n_records = len(parameter_dict)
    else:
        n_records = _load_ckpt(file, parameter_dict, specify_prefix, filter_prefix, choice_func, crc_check)
    if not parameter_dict:
        if n_records == 0:
            raise ValueError(f"For 'load_checkpoint', the checkpoint file {file} holds no parameters.")
        raise ValueError("The loaded parameter dict is empty after filter or specify, please check whether "
                         "'filter_prefix' or 'specify_prefix' are set correctly.")
    if net is not None:
        load_param_into_net(net, parameter_dict, strict_load, remove_redundancy)
    return parameter_dict


# ========================================================================================= load_param_into_net
_FLOAT_TYPES = (mstype.float16, mstype.float32, mstype.float64)
_INT_TYPES = (mstype.int8, mstype.int16, mstype.int32, mstype.int64)


def _special_process_par(param, new_param):
    """(12, 2048, 1, 1) -> (12, 2048): extra trailing dims of size 1 in the checkpoint are squeezed."""
    shape, new_shape = param.shape, new_param.shape
    if len(new_shape) <= len(shape) or any(d != 1 for d in new_shape[len(shape):]):
        return False
    param.set_data(_wrap(new_param._data.reshape(shape)))
    return True


def _update_param(param, new_param, strict_load):
    if param.shape != new_param.shape and not _special_process_par(param, new_param):
        logger.critical("Failed to combine the net and the parameters for param %s.", param.name)
        raise RuntimeError(
            f"For 'load_param_into_net', {param.name} in the argument 'net' should have the same shape "
            f"as {param.name} in the argument 'parameter_dict'. But got its shape {param.shape} in"
            f" the argument 'net' and shape {new_param.shape} in the argument 'parameter_dict'."
            f"May you need to check whether the checkpoint you loaded is correct or the batch size and "
            f"so on in the 'net' and 'parameter_dict' are same.")
    if param.shape != new_param.shape:
        return          # reshaped by _special_process_par
    if param.dtype != new_param.dtype:
        pair = {param.dtype, new_param.dtype}
        if not strict_load and (pair.issubset(_FLOAT_TYPES) or pair.issubset(_INT_TYPES)):
            logger.warning(f"The type of {new_param.name}:{new_param.dtype} in 'parameter_dict' is different from "
                           f"the type of it in 'net':{param.dtype}, then the type convert from "
                           f"{new_param.dtype} to {param.dtype} in the network. May consume additional memory "
                           f"and time")
        else:
            logger.critical("Failed to combine the net and the parameters for param %s.", param.name)
            raise RuntimeError(
                f"For 'load_param_into_net', {param.name} in the argument 'net' should have the same type as "
                f"{param.name} in the argument 'parameter_dict'. but got its type {param.dtype} in the "
                f"argument 'net' and type {new_param.dtype} in the argument 'parameter_dict'."
                f"May you need to check whether the checkpoint you loaded is correct.")
    param.set_data(new_param)       # set_data keeps the Parameter's own dtype


def _load_dismatch_prefix_params(net, parameter_dict, param_not_load, strict_load):
    """MindSpore's retry: find a prefix P with P + net_name in the dict and load those (modifies param_not_load)."""
    prefix_name = ""
    longest_name = param_not_load[0]
    while prefix_name != longest_name and param_not_load:
        prefix_name = longest_name
        for net_param_name in param_not_load:
            for dict_name in parameter_dict:
                if dict_name.endswith(net_param_name):
                    prefix_name = dict_name[:-len(net_param_name)]
                    break
            if prefix_name != longest_name:
                break
        if prefix_name != longest_name:
            logger.warning(f"For 'load_param_into_net', remove parameter prefix name: {prefix_name},"
                           f" continue to load.")
            for _, param in net.parameters_and_names():
                new_param_name = prefix_name + param.name
                if param.name in param_not_load and new_param_name in parameter_dict:
                    _update_param(param, parameter_dict[new_param_name], strict_load)
                    param_not_load.remove(param.name)


def load_param_into_net(net, parameter_dict, strict_load=False, remove_redundancy=False):
    """Load ``parameter_dict`` (name -> Parameter) into ``net``'s parameters, matched by ``param.name``.

    With ``strict_load=False``, float<->float and int<->int dtype differences are cast to the net's dtype, and
    net parameters still missing are retried with a common prefix stripped from the dict's names
    (``backbone.weight`` -> ``weight``). A shape mismatch raises RuntimeError.

    Returns:
        (param_not_load, ckpt_not_load): names of net parameters that got no value, and dict keys that were not
        loaded by exact name (as in MindSpore, entries loaded by prefix stripping stay in this list).
    """
    if not _is_cell(net):
        logger.critical("Failed to combine the net and the parameters.")
        raise TypeError(f"For 'load_param_into_net', the argument 'net' should be a Cell, but got {type(net)}.")
    if not isinstance(parameter_dict, dict):
        logger.critical("Failed to combine the net and the parameters.")
        raise TypeError("For 'load_param_into_net', the argument 'parameter_dict' should be a dict, "
                        f"but got {type(parameter_dict)}.")
    for key, value in parameter_dict.items():
        if not isinstance(key, str) or not isinstance(value, (Parameter, str, list)):
            logger.critical("Load parameters into net failed.")
            raise TypeError("For 'parameter_dict', the element in the argument 'parameter_dict' should be a "
                            f"'str' and 'Parameter' , but got {type(key)} and {type(value)}.")
    _check_bool("strict_load", strict_load, "load_param_into_net")
    _check_bool("remove_redundancy", remove_redundancy, "load_param_into_net")

    param_not_load = []
    ckpt_not_load = list(parameter_dict.keys())
    for _, param in net.parameters_and_names():
        if param.name in parameter_dict:
            new_param = parameter_dict[param.name]
            if not isinstance(new_param, Parameter):     # str / list entries are not parameter values
                continue
            _update_param(param, new_param, strict_load)
            ckpt_not_load.remove(param.name)
        elif not param.name.startswith("accu_grads"):
            param_not_load.append(param.name)

    if param_not_load and not strict_load:
        _load_dismatch_prefix_params(net, parameter_dict, param_not_load, strict_load)

    if remove_redundancy:
        raise TypeError("The deduplication feature for loading checkpoint can only be used "
                        "in parallel scenarios, but got stand_alone.")
    if param_not_load:
        logger.warning("For 'load_param_into_net', %d parameters in the 'net' are not loaded, because they are not "
                       "in the 'parameter_dict', please check whether the network structure is consistent when "
                       "training and loading checkpoint.", len(param_not_load))
        logger.warning("%s are not loaded.", param_not_load)
    return param_not_load, ckpt_not_load
