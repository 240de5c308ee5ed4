"""``mindspore.dataset.text.transforms``: tokenizers and the other string transforms.

Strings travel through a pipeline as NumPy ``str_`` arrays (dtype ``<U..``), as in MindSpore: a tokenizer takes
one 0-d string array (a row of a ``TextFileDataset`` or ``IMDBDataset``) and gives a 1-D array of tokens;
``Lookup`` turns tokens into int32 ids through a :class:`~minispore.dataset.text.Vocab`. These transforms work
one sample at a time (a string's tokens are as many as it holds, so there is no block to vectorise over); with
``with_offsets=True`` a tokenizer gives three columns (tokens, offsets_start, offsets_limit: uint32 byte offsets
into the UTF-8 text), so ``map`` needs three output_columns.

``BasicTokenizer`` follows MindSpore's (BERT's) rules: with ``lower_case`` the text is NFKC-case-folded, NFD
normalised and stripped of combining marks; control and format characters become spaces; the text is split at
whitespace and around every punctuation character and CJK ideograph (each a token of its own); with
``preserve_unused_token`` the words ``[CLS] [SEP] [UNK] [PAD] [MASK] [unusedN]`` stay whole. A text without
tokens gives ``['']``. Deliberate difference: MindSpore 2.10 with ``lower_case=True`` and
``preserve_unused_token=True`` repeats the text before each preserved word and drops the text after the last one
(``"[CLS] x"`` gives ``['[CLS]', '[', 'cls', ']', 'x']``); minispore lower-cases the text around the preserved
words and keeps it once (``['[CLS]', 'x']``).
"""
import re
import unicodedata

import numpy as np

from ..._core import dtype as mstype
from .utils import NormalizeForm, Vectors, Vocab, _type_error

__all__ = ["Lookup", "WhitespaceTokenizer", "BasicTokenizer", "PythonTokenizer", "SlidingWindow", "Ngram",
           "ToNumber", "ToVectors", "CaseFold", "NormalizeUTF8", "UnicodeCharTokenizer", "RegexReplace",
           "RegexTokenizer", "Truncate", "AddToken"]

_INT32_MAX = 2147483647


def _as_array(x, name):
    """The input of a text transform called directly: a str, bytes, or an ndarray (a Tensor's data)."""
    if isinstance(x, (str, bytes)):
        return np.array(x)
    if isinstance(x, np.ndarray):
        return x
    if hasattr(x, "asnumpy"):
        return x.asnumpy()
    if isinstance(x, (list, tuple)):
        return np.array(x)
    if isinstance(x, (int, float, np.generic)):
        return np.array(x)
    raise TypeError(f"{name}: input should be a NumPy array, got {type(x)}.")


def _strings(a, name):
    """``a`` as an array of Python str (bytes are decoded as UTF-8); a RuntimeError for non-string data."""
    if a.dtype.kind == "U":
        return a
    if a.dtype.kind == "S":
        return np.char.decode(a, "utf-8")
    raise RuntimeError(f"{name}: the input should be of type string, but got {a.dtype}.")


def _str_array(items, shape=None):
    """A ``<U..`` array of ``items`` (at least ``<U1``, as MindSpore gives)."""
    out = np.array(items, dtype=str) if items else np.array([], dtype="<U1")
    if out.dtype.itemsize == 0:
        out = out.astype("<U1")
    return out if shape is None else out.reshape(shape)


class TextTensorOperation:
    """Base of the string transforms: called on one sample (a str or an ndarray) at a time."""

    def __call__(self, *input_tensor_list):
        name = type(self).__name__
        if len(input_tensor_list) != 1:
            raise TypeError(f"{name}: expected 1 input array, but got {len(input_tensor_list)}.")
        return self._apply(_as_array(input_tensor_list[0], name))

    def _apply(self, x):  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}()"


# ---------------------------------------------------------------------------------------------- Lookup
class Lookup(TextTensorOperation):
    """Tokens to ids through ``vocab``; a token not in it becomes the id of ``unknown_token`` (a RuntimeError
    when that is None). The ids have type ``data_type`` (int32 by default)."""

    def __init__(self, vocab, unknown_token=None, data_type=mstype.int32):
        if unknown_token is not None and not isinstance(unknown_token, str):
            raise _type_error("unknown_token", unknown_token, [str])
        if not isinstance(vocab, Vocab):
            raise _type_error("vocab is not an instance of text.Vocab.", vocab, [Vocab])
        if not isinstance(data_type, mstype.Type):
            raise _type_error("data_type", data_type, [mstype.Type])
        vocab._check_built()
        if data_type.kind not in "iuf":
            raise TypeError(f"Lookup: data_type must be a numeric type, but got {data_type}.")
        self.vocab, self.unknown_token, self.data_type = vocab, unknown_token, data_type
        self._unk_id = None
        if unknown_token is not None:
            self._unk_id = vocab._ids.get(unknown_token)
            if self._unk_id is None:
                raise RuntimeError(f"Lookup: {unknown_token} doesn't exist in vocab.")

    def _apply(self, x):
        s = _strings(x, "Lookup")
        ids = self.vocab._ids
        out = np.empty(s.shape, self.data_type.np_dtype)
        flat = out.reshape(-1)
        for k, t in enumerate(s.reshape(-1).tolist()):
            i = ids.get(t, self._unk_id)
            if i is None:
                raise RuntimeError(f"Lookup: invalid data, token: \"{t}\" doesn't exist in vocab and no "
                                   f"unknown_token is specified.")
            flat[k] = i
        return out

    def __repr__(self):
        return f"Lookup(unknown_token={self.unknown_token!r}, data_type={self.data_type!r})"


# ---------------------------------------------------------------------------------------------- tokenizers
_SPACE = re.compile(r"\s+")
_UNUSED = re.compile(r"\[CLS\]|\[SEP\]|\[UNK\]|\[PAD\]|\[MASK\]|\[unused\d+\]")
_UNUSED_WORDS = ("[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]")
_CJK = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
        (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def _is_split_char(c):
    """A character BasicTokenizer makes a token of its own: ASCII punctuation and symbols, Unicode punctuation
    (category P*), CJK ideographs."""
    o = ord(c)
    if 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126:
        return True
    if unicodedata.category(c).startswith("P"):
        return True
    return any(lo <= o <= hi for lo, hi in _CJK)


def _with_offsets(tokens, text):
    """(tokens, starts, limits): UTF-8 byte offsets of ``tokens``, given as (start, end) character spans."""
    if not tokens:
        return _str_array([""]), np.zeros(1, np.uint32), np.zeros(1, np.uint32)
    starts, limits, words = [], [], []
    pos_c, pos_b = 0, 0
    for a, b in tokens:
        pos_b += len(text[pos_c:a].encode("utf-8"))
        starts.append(pos_b)
        pos_b += len(text[a:b].encode("utf-8"))
        limits.append(pos_b)
        pos_c = b
        words.append(text[a:b])
    return _str_array(words), np.asarray(starts, np.uint32), np.asarray(limits, np.uint32)


def _scalar_text(x, name):
    s = _strings(x, name)
    if s.ndim != 0:
        raise RuntimeError(f"{name}: the input should be a scalar, but got a tensor with rank: {s.ndim}")
    return str(s)


def _check_bool(value, name):
    if not isinstance(value, bool):
        raise _type_error(name, value, [bool])


class _Tokenizer(TextTensorOperation):
    with_offsets = False

    def _spans(self, text):  # pragma: no cover - abstract
        raise NotImplementedError

    def _apply(self, x):
        name = type(self).__name__
        text = self._prepare(_scalar_text(x, name))
        tokens, starts, limits = _with_offsets(self._spans(text), text)
        return (tokens, starts, limits) if self.with_offsets else tokens

    def _prepare(self, text):
        return text


class WhitespaceTokenizer(_Tokenizer):
    """Split a string at runs of whitespace (``['']`` for a string without other characters)."""

    def __init__(self, with_offsets=False):
        _check_bool(with_offsets, "with_offsets")
        self.with_offsets = with_offsets

    def _spans(self, text):
        out, start = [], 0
        for m in _SPACE.finditer(text):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if start < len(text):
            out.append((start, len(text)))
        return out

    def __repr__(self):
        return f"WhitespaceTokenizer(with_offsets={self.with_offsets})"


def _normalize(text, form):
    if form == NormalizeForm.NONE:
        return text
    return unicodedata.normalize(NormalizeForm(form).name, text)


def _nfkc_casefold(text):
    """ICU's NFKC_Casefold: NFKC, full case folding, default-ignorable characters removed."""
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in s if unicodedata.category(c) != "Cf" and not 0xFE00 <= ord(c) <= 0xFE0F)


def _casefold_keeping_unused(text):
    out, start = [], 0
    for m in re.finditer(r"\[[^\[\]]*\]", text):
        if m.group() in _UNUSED_WORDS:
            out.append(_nfkc_casefold(text[start:m.start()]))
            out.append(m.group())
            start = m.end()
    out.append(_nfkc_casefold(text[start:]))
    return "".join(out)


class BasicTokenizer(_Tokenizer):
    """BERT's basic tokenizer (see the module docstring): whitespace and punctuation splitting, CJK characters
    one a token, optional lower-casing with accents stripped."""

    def __init__(self, lower_case=False, keep_whitespace=False, normalization_form=NormalizeForm.NONE,
                 preserve_unused_token=True, with_offsets=False):
        for name, v in (("lower_case", lower_case), ("keep_whitespace", keep_whitespace),
                        ("preserve_unused_token", preserve_unused_token), ("with_offsets", with_offsets)):
            _check_bool(v, name)
        if not isinstance(normalization_form, NormalizeForm):
            raise _type_error("normalization_form", normalization_form, [NormalizeForm])
        self.lower_case, self.keep_whitespace = lower_case, keep_whitespace
        self.normalization_form = normalization_form
        self.preserve_unused_token, self.with_offsets = preserve_unused_token, with_offsets

    def _prepare(self, text):
        if self.lower_case:
            text = _casefold_keeping_unused(text) if self.preserve_unused_token else _nfkc_casefold(text)
            text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        else:
            text = _normalize(text, self.normalization_form)
        return "".join(" " if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)

    def _spans(self, text):
        out, word, i, n = [], None, 0, len(text)
        while i < n:
            m = _UNUSED.match(text, i) if self.preserve_unused_token and text[i] == "[" else None
            if m is None and text[i].isspace():
                m = _SPACE.match(text, i)
                keep = self.keep_whitespace
            else:
                keep = True
            if m is None and _is_split_char(text[i]):
                end = i + 1
            elif m is not None:
                end = m.end()
            else:
                if word is None:
                    word = i
                i += 1
                continue
            if word is not None:
                out.append((word, i))
                word = None
            if keep:
                out.append((i, end))
            i = end
        if word is not None:
            out.append((word, n))
        return out

    def __repr__(self):
        return (f"BasicTokenizer(lower_case={self.lower_case}, keep_whitespace={self.keep_whitespace}, "
                f"normalization_form={self.normalization_form}, preserve_unused_token={self.preserve_unused_token}, "
                f"with_offsets={self.with_offsets})")


class UnicodeCharTokenizer(_Tokenizer):
    """One token per Unicode character."""

    def __init__(self, with_offsets=False):
        _check_bool(with_offsets, "with_offsets")
        self.with_offsets = with_offsets

    def _spans(self, text):
        return [(i, i + 1) for i in range(len(text))]


class RegexTokenizer(_Tokenizer):
    """Split at matches of ``delim_pattern`` (Python ``re`` syntax); matches of ``keep_delim_pattern`` stay as
    tokens."""

    def __init__(self, delim_pattern, keep_delim_pattern="", with_offsets=False):
        for name, v in (("delim_pattern", delim_pattern), ("keep_delim_pattern", keep_delim_pattern)):
            if not isinstance(v, str):
                raise _type_error(name, v, [str])
        _check_bool(with_offsets, "with_offsets")
        self.delim_pattern, self.keep_delim_pattern, self.with_offsets = delim_pattern, keep_delim_pattern, \
            with_offsets
        self._delim = re.compile(delim_pattern)
        self._keep = re.compile(keep_delim_pattern) if keep_delim_pattern else None

    def _spans(self, text):
        out, start = [], 0
        for m in self._delim.finditer(text):
            if m.start() == m.end():
                continue
            if m.start() > start:
                out.append((start, m.start()))
            if self._keep is not None and self._keep.fullmatch(m.group()):
                out.append((m.start(), m.end()))
            start = m.end()
        if start < len(text):
            out.append((start, len(text)))
        return out


class PythonTokenizer:
    """Tokenize with a Python function from a str to a list of str tokens."""

    def __init__(self, tokenizer):
        if not callable(tokenizer):
            raise TypeError(f"tokenizer is not a callable Python function: {tokenizer!r}")
        self.tokenizer = tokenizer

    def __call__(self, in_array):
        if not isinstance(in_array, np.ndarray):
            raise TypeError(f"input should be a NumPy array. Got {type(in_array)}.")
        if in_array.dtype.type is np.bytes_:
            in_array = np.char.decode(in_array, "utf-8")
        tokens = self.tokenizer(str(in_array) if in_array.ndim == 0 else in_array)
        return _str_array(list(tokens))

    def __repr__(self):
        return f"PythonTokenizer(tokenizer={self.tokenizer!r})"


# ---------------------------------------------------------------------------------------------- string ops
class CaseFold(TextTensorOperation):
    """NFKC case folding of every string."""

    def _apply(self, x):
        s = _strings(x, "CaseFold")
        return _str_array([_nfkc_casefold(t) for t in s.reshape(-1).tolist()], s.shape)


class NormalizeUTF8(TextTensorOperation):
    """Unicode normalisation (``NormalizeForm.NFKC`` by default) of every string."""

    def __init__(self, normalize_form=NormalizeForm.NFKC):
        if not isinstance(normalize_form, NormalizeForm):
            raise _type_error("normalize_form", normalize_form, [NormalizeForm])
        self.normalize_form = normalize_form

    def _apply(self, x):
        s = _strings(x, "NormalizeUTF8")
        return _str_array([_normalize(t, self.normalize_form) for t in s.reshape(-1).tolist()], s.shape)


class RegexReplace(TextTensorOperation):
    """Replace matches of ``pattern`` (Python ``re`` syntax) by ``replace`` (all of them, or the first with
    ``replace_all=False``)."""

    def __init__(self, pattern, replace, replace_all=True):
        for name, v in (("pattern", pattern), ("replace", replace)):
            if not isinstance(v, str):
                raise _type_error(name, v, [str])
        _check_bool(replace_all, "replace_all")
        self.pattern, self.replace, self.replace_all = pattern, replace, replace_all
        self._re = re.compile(pattern)

    def _apply(self, x):
        s = _strings(x, "RegexReplace")
        count = 0 if self.replace_all else 1
        return _str_array([self._re.sub(lambda m: self.replace, t, count=count) for t in s.reshape(-1).tolist()],
                          s.shape)


def _check_int(value, name, lo, hi=_INT32_MAX):
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(name, value, [int])
    if not lo <= value <= hi:
        raise ValueError(f"Input {name} is not within the required interval of [{lo}, {hi}].")
    return value


class SlidingWindow(TextTensorOperation):
    """The windows of ``width`` consecutive elements of a 1-D array: shape ``(len - width + 1, width)``
    (an empty 1-D array when the input is shorter than ``width``)."""

    def __init__(self, width, axis=0):
        _check_int(width, "width", 1)
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise _type_error("axis", axis, [int])
        self.width, self.axis = width, axis

    def _apply(self, x):
        if x.ndim != 1:
            raise RuntimeError(f"SlidingWindow: SlidingWindow supports 1D input only for now, but got "
                               f"{x.ndim}D.")
        if self.axis not in (0, -1):
            raise RuntimeError(f"SlidingWindow: axis {self.axis} is out of range for a 1D input.")
        n, w = x.shape[0], self.width
        if n < w:
            return np.empty((0,), x.dtype)
        idx = np.arange(n - w + 1)[:, None] + np.arange(w)
        return x[idx]

    def __repr__(self):
        return f"SlidingWindow(width={self.width}, axis={self.axis})"


def _check_pad(pad, name):
    if not isinstance(pad, tuple) or len(pad) != 2 or not isinstance(pad[0], str) or \
            isinstance(pad[1], bool) or not isinstance(pad[1], int):
        raise ValueError(f"{name} should be a tuple of length 2, the first element a str (pad token) and the "
                         f"second an int (pad width), but got {pad!r}.")
    if pad[1] < 0:
        raise ValueError(f"padding width need to be positive numbers, but got {name}: {pad!r}.")
    return pad


class Ngram(TextTensorOperation):
    """The n-grams of a 1-D string array for each n in ``n`` (an int or a list), joined by ``separator``; the
    sequence is first padded with ``left_pad[1]`` copies of ``left_pad[0]`` and ``right_pad[1]`` of
    ``right_pad[0]``."""

    def __init__(self, n, left_pad=("", 0), right_pad=("", 0), separator=" "):
        ns = [n] if isinstance(n, int) and not isinstance(n, bool) else n
        if not isinstance(ns, list) or not ns:
            raise TypeError(f"n needs to be a non-empty list of positive integers, but got {n!r}.")
        for k in ns:
            if isinstance(k, bool) or not isinstance(k, int):
                raise ValueError(f"n needs to be a non-empty list of positive integers, but got {n!r}.")
            if k <= 0:
                raise ValueError(f"n in ngram needs to be a positive number, but got {k}.")
        self.n = ns
        self.left_pad = _check_pad(left_pad, "left_pad")
        self.right_pad = _check_pad(right_pad, "right_pad")
        if not isinstance(separator, str):
            raise _type_error("separator", separator, [str])
        self.separator = separator

    def _apply(self, x):
        s = _strings(x, "Ngram")
        if s.ndim != 1:
            raise RuntimeError(f"Ngram: input should be a 1D tensor of strings, but got a {s.ndim}D tensor.")
        toks = [self.left_pad[0]] * self.left_pad[1] + s.tolist() + [self.right_pad[0]] * self.right_pad[1]
        out = []
        for k in self.n:
            out.extend(self.separator.join(toks[i:i + k]) for i in range(len(toks) - k + 1))
        return _str_array(out or [""])

    def __repr__(self):
        return (f"Ngram(n={self.n}, left_pad={self.left_pad}, right_pad={self.right_pad}, "
                f"separator={self.separator!r})")


_INT_RE = re.compile(r"\s*[+-]?\d+")


class ToNumber(TextTensorOperation):
    """Strings to numbers of ``data_type`` (an int, uint or float type); a string that is not a number of that
    type, or out of its range, is a RuntimeError."""

    def __init__(self, data_type):
        if not isinstance(data_type, mstype.Type) or data_type.kind not in "iuf":
            raise TypeError(f"data_type: {data_type} is not numeric data type.")
        self.data_type = data_type

    def _apply(self, x):
        s = _strings(x, "ToNumber") if x.dtype.kind in "US" else None
        if s is None:
            raise RuntimeError("ToNumber: input should be string datatype, but got "
                               f"{x.dtype}.")
        dt = self.data_type.np_dtype
        out = np.empty(s.shape, dt)
        flat = out.reshape(-1)
        for k, t in enumerate(s.reshape(-1).tolist()):
            flat[k] = self._one(t, dt)
        return out

    def _one(self, t, dt):
        name = str(self.data_type)
        if dt.kind in "iu":
            m = _INT_RE.match(t)     # as MindSpore (std::stoll): the integer at the start of the string
            if m is None:
                raise RuntimeError(f"ToNumber: string '{t}' could not be converted to {name}.")
            v = int(m.group())
            info = np.iinfo(dt)
            if not info.min <= v <= info.max:
                raise RuntimeError(f"ToNumber: string input {t} will be out of bounds if cast to {name}. The valid range is: "
                                   f"[{info.min}, {info.max}].")
            return v
        try:
            v = float(t)
        except ValueError:
            raise RuntimeError(f"ToNumber: string '{t}' could not be converted to {name}.") from None
        if np.isfinite(v) and abs(v) > np.finfo(dt).max:
            raise RuntimeError(f"ToNumber: string '{t}' is out of bounds if cast to {name}.")
        return v

    def __repr__(self):
        return f"ToNumber(data_type={self.data_type!r})"


class Truncate(TextTensorOperation):
    """The first ``max_seq_len`` elements of a 1-D array."""

    def __init__(self, max_seq_len):
        _check_int(max_seq_len, "max_seq_len", 1)
        self.max_seq_len = max_seq_len

    def _apply(self, x):
        if x.ndim != 1:
            raise RuntimeError(f"Truncate: the input should be 1D, but got {x.ndim}D.")
        return x[:self.max_seq_len]


class AddToken(TextTensorOperation):
    """``token`` added in front of a 1-D string array (``begin=True``) or at its end."""

    def __init__(self, token, begin=True):
        if not isinstance(token, str):
            raise _type_error("token", token, [str])
        _check_bool(begin, "begin")
        self.token, self.begin = token, begin

    def _apply(self, x):
        s = _strings(x, "AddToken")
        if s.ndim != 1:
            raise RuntimeError(f"AddToken: the input should be 1D, but got {s.ndim}D.")
        toks = s.tolist()
        return _str_array([self.token] + toks if self.begin else toks + [self.token])


class ToVectors(TextTensorOperation):
    """Tokens to their vectors in ``vectors`` (float32, one more axis of the vectors' dimension); a token not
    found (nor, with ``lower_case_backup``, its lower case) gets ``unk_init`` (zeros when None)."""

    def __init__(self, vectors, unk_init=None, lower_case_backup=False):
        if not isinstance(vectors, Vectors):
            raise _type_error("vectors", vectors, [Vectors])
        if unk_init is not None:
            if not isinstance(unk_init, (list, tuple)):
                raise _type_error("unk_init", unk_init, [list, tuple])
            for i, v in enumerate(unk_init):
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    raise _type_error(f"unk_init[{i}]", v, [int, float])
        _check_bool(lower_case_backup, "lower_case_backup")
        self.vectors, self.lower_case_backup = vectors, lower_case_backup
        self.unk_init = None if unk_init is None else list(unk_init)

    def _apply(self, x):
        s = _strings(x, "ToVectors")
        dim = self.vectors.dim
        if self.unk_init is None:
            unk = np.zeros(dim, np.float32)
        else:
            if len(self.unk_init) != dim:
                raise RuntimeError(f"ToVectors: unk_init must be the same length as vectors, but got unk_init: "
                                   f"{len(self.unk_init)} and vectors: {dim}")
            unk = np.asarray(self.unk_init, np.float32)
        return self.vectors._lookup(s, unk, self.lower_case_backup)

    def __repr__(self):
        return f"ToVectors(unk_init={self.unk_init}, lower_case_backup={self.lower_case_backup})"
