"""``mindspore.dataset.text.utils``: :class:`Vocab`, the pretrained-vector tables (:class:`Vectors`,
:class:`GloVe`), :class:`NormalizeForm` and ``to_str``/``to_bytes``.

A Vocab is a ``{token: id}`` table. ``Vocab.from_dataset`` counts the tokens of a pipeline's string columns and
numbers them by falling frequency, ties in code-point order, as MindSpore's BuildVocab does; special tokens go first
(or last) with ``special_first``.
"""
import collections
import enum
import os

import numpy as np

__all__ = ["Vocab", "Vectors", "GloVe", "NormalizeForm", "to_str", "to_bytes"]

_INT32_MAX = 2147483647


class NormalizeForm(enum.IntEnum):
    """Unicode normalisation forms (``NormalizeUTF8``, ``BasicTokenizer``)."""
    NONE = 0
    NFC = 1
    NFKC = 2
    NFD = 3
    NFKD = 4


def _type_error(name, value, types):
    return TypeError(f"Argument {name} with value {value!r} is not of type {types}, but got {type(value)}.")


def _check_words(words, name):
    if not isinstance(words, list):
        raise _type_error(name, words, [list])
    seen = set()
    for i, w in enumerate(words):
        if not isinstance(w, str):
            raise _type_error(f"{name}[{i}]", w, [str])
        if w in seen:
            raise ValueError(f"{name} contains duplicate word: {w}.")
        seen.add(w)
    return seen


def _check_bool(value, name):
    if not isinstance(value, bool):
        raise _type_error(name, value, [bool])


class Vocab:
    """The mapping between tokens and their ids. Build it with :meth:`from_list`, :meth:`from_dict`,
    :meth:`from_file` or :meth:`from_dataset`."""

    def __init__(self):
        self._ids = None          # {token: id}, None until built
        self._tokens = None       # {id: token}

    @classmethod
    def _of(cls, mapping):
        v = cls()
        v._ids = dict(mapping)
        v._tokens = {i: w for w, i in v._ids.items()}
        return v

    @classmethod
    def _numbered(cls, words, special_tokens, special_first):
        special = list(special_tokens or [])
        words = [w for w in words if w not in set(special)]
        order = special + words if special_first else words + special
        return cls._of({w: i for i, w in enumerate(order)})

    @classmethod
    def from_list(cls, word_list, special_tokens=None, special_first=True):
        """Ids in list order; ``special_tokens`` before the words (``special_first``) or after them."""
        words = _check_words(word_list, "word_list")
        if special_tokens is not None:
            both = words & _check_words(special_tokens, "special_tokens")
            if both:
                raise ValueError(f"special_tokens and word_list contain duplicate word :{both}.")
        _check_bool(special_first, "special_first")
        return cls._numbered(word_list, special_tokens, special_first)

    @classmethod
    def from_dict(cls, word_dict):
        """A Vocab of ``{token: id}`` as given (ids need not be contiguous)."""
        if not isinstance(word_dict, dict):
            raise _type_error("word_dict", word_dict, [dict])
        for w, i in word_dict.items():
            if not isinstance(w, str):
                raise _type_error("word", w, [str])
            if isinstance(i, bool) or not isinstance(i, int):
                raise _type_error("word_id", i, [int])
            if not 0 <= i <= _INT32_MAX:
                raise ValueError(f"Input word_id is not within the required interval of [0, {_INT32_MAX}].")
        return cls._of(word_dict)

    @classmethod
    def from_file(cls, file_path, delimiter="", vocab_size=None, special_tokens=None, special_first=True):
        """One token per line (the text before ``delimiter`` when it is not empty); the first ``vocab_size``
        lines (None: all)."""
        if special_tokens is not None:
            _check_words(special_tokens, "special_tokens")
        for name, v in (("file_path", file_path), ("delimiter", delimiter)):
            if not isinstance(v, str):
                raise _type_error(name, v, [str])
        if vocab_size is not None:
            if isinstance(vocab_size, bool) or not isinstance(vocab_size, int):
                raise _type_error("vocab_size", vocab_size, [int])
            if vocab_size <= 0:
                raise ValueError(f"Input vocab_size must be greater than 0, but got {vocab_size}.")
        _check_bool(special_first, "special_first")
        if not os.path.isfile(file_path):
            raise RuntimeError(f"Vocab.from_file: get real path failed, path={file_path}: the file does not exist.")
        words, seen = [], set(special_tokens or [])
        with open(file_path, encoding="utf-8") as f:
            for line in f:
                if vocab_size is not None and len(words) >= vocab_size:
                    break
                line = line.rstrip("\n").rstrip("\r")
                word = line.split(delimiter, 1)[0] if delimiter else line
                if word in seen:
                    what = "special_tokens and vocab file" if word in set(special_tokens or []) else "vocab file"
                    raise RuntimeError(f"Vocab.from_file: duplicate word '{word}' in the {what} {file_path}.")
                seen.add(word)
                words.append(word)
        return cls._numbered(words, special_tokens, special_first)

    @classmethod
    def from_dataset(cls, dataset, columns=None, freq_range=None, top_k=None, special_tokens=None,
                     special_first=True):
        """Count the tokens of ``columns`` (None: all) over one pass of ``dataset``; keep those whose count is in
        ``freq_range`` (inclusive; None ends are open), then the ``top_k`` most frequent; number them by falling
        count, ties in code-point order."""
        from ..engine import Dataset
        if columns is not None:
            columns = columns if isinstance(columns, list) else [columns]
            for c in columns:
                if not isinstance(c, str):
                    raise _type_error("col", c, [str])
        if freq_range is not None:
            if not isinstance(freq_range, tuple):
                raise _type_error("freq_range", freq_range, [tuple])
            if len(freq_range) != 2:
                raise ValueError("freq_range needs to be a tuple of 2 element.")
            for num in freq_range:
                if num is not None and (isinstance(num, bool) or not isinstance(num, int)):
                    raise ValueError("freq_range needs to be either None or a tuple of 2 integers or an int and a "
                                     "None.")
            lo, hi = freq_range
            if lo is not None and hi is not None and (lo > hi or lo < 0):
                raise ValueError("frequency range [a,b] should be 0 <= a <= b (a,b are inclusive).")
        if top_k is not None:
            if isinstance(top_k, bool) or not isinstance(top_k, int):
                raise _type_error("top_k", top_k, [int, type(None)])
            if top_k <= 0:
                raise ValueError(f"Input top_k must be greater than 0, but got {top_k}.")
        _check_bool(special_first, "special_first")
        if special_tokens is not None:
            _check_words(special_tokens, "special_tokens")
        if not isinstance(dataset, Dataset):
            raise TypeError(f"Vocab.from_dataset: dataset must be a minispore.dataset.Dataset, but got "
                            f"{type(dataset).__name__}.")
        names = dataset.get_col_names()
        cols = names if columns is None else columns
        missing = [c for c in cols if c not in names]
        if missing:
            raise RuntimeError(f"Vocab.from_dataset: column '{missing[0]}' does not exist in the dataset columns "
                               f"{names}.")
        counts = collections.Counter()
        for row in dataset.create_dict_iterator(num_epochs=1, output_numpy=True):
            for c in cols:
                a = row[c]
                if a.dtype.kind not in "US":
                    raise RuntimeError(f"Vocab.from_dataset: column '{c}' must hold strings, but it holds "
                                       f"{a.dtype}.")
                counts.update(str(w) if a.dtype.kind == "U" else w.decode("utf-8") for w in a.reshape(-1).tolist())
        lo = hi = None
        if freq_range is not None:
            lo, hi = freq_range
        kept = [(w, n) for w, n in counts.items() if (lo is None or n >= lo) and (hi is None or n <= hi)]
        kept.sort(key=lambda wn: (-wn[1], wn[0].encode("utf-8")))
        if top_k is not None:
            kept = kept[:top_k]
        return cls._numbered([w for w, _ in kept], special_tokens, special_first)

    def _check_built(self):
        if self._ids is None:
            raise RuntimeError(f"The Vocab has not built yet, got type {type(None)}. Use Vocab.from_dataset(), "
                               f"Vocab.from_list(), Vocab.from_file() or Vocab.from_dict() to build a Vocab.")

    def vocab(self):
        """``{token: id}``."""
        self._check_built()
        return dict(self._ids)

    def tokens_to_ids(self, tokens):
        """The id of a token (-1 when it is not in the Vocab), or a list of ids for a list/array of tokens."""
        if not isinstance(tokens, (str, list, np.ndarray)):
            raise _type_error("tokens", tokens, [str, list, np.ndarray])
        if isinstance(tokens, list):
            for i, t in enumerate(tokens):
                if not isinstance(t, (str, np.str_)):
                    raise _type_error(f"tokens[{i}]", t, [str, np.str_])
        self._check_built()
        if isinstance(tokens, np.ndarray):
            tokens = tokens.tolist()
        if isinstance(tokens, str):
            return self._ids.get(tokens, -1)
        return [self._ids.get(str(t), -1) for t in tokens]

    def ids_to_tokens(self, ids):
        """The token of an id ('' when no token has it), or a list of tokens for a list/array of ids."""
        if isinstance(ids, bool) or not isinstance(ids, (int, list, np.ndarray)):
            raise _type_error("ids", ids, [int, list, np.ndarray])
        vals = [ids] if isinstance(ids, int) else (ids.tolist() if isinstance(ids, np.ndarray) else ids)
        if isinstance(ids, (int, list)):
            for k, i in enumerate(vals):
                name = "ids" if isinstance(ids, int) else f"ids[{k}]"
                if isinstance(i, bool) or not isinstance(i, (int, np.integer)):
                    raise _type_error(name, i, [int, np.int_])
                if not 0 <= i <= _INT32_MAX:
                    raise ValueError(f"Input {name} is not within the required interval of [0, {_INT32_MAX}].")
        self._check_built()
        if isinstance(ids, int):
            return self._tokens.get(ids, "")
        return [self._tokens.get(int(i), "") for i in np.ravel(vals).tolist()]

    def __len__(self):
        self._check_built()
        return len(self._ids)

    def __repr__(self):
        return f"Vocab(size={len(self._ids) if self._ids is not None else 'not built'})"


class Vectors:
    """Pretrained word vectors read from a text file: one token a line, followed by its numbers, separated by
    spaces. A first line of exactly two fields (``count dim``, the word2vec header) is skipped. ``max_vectors``
    keeps the first vectors of the file (None or 0: all)."""

    def __init__(self):
        self._index = None
        self._vectors = None
        self._dim = 0

    @classmethod
    def from_file(cls, file_path, max_vectors=None):
        if not isinstance(file_path, str):
            raise _type_error("file_path", file_path, [str])
        if not os.path.isfile(file_path):
            raise RuntimeError(f"{cls.__name__}: get real path failed, path: {file_path}")
        if max_vectors is not None:
            if isinstance(max_vectors, bool) or not isinstance(max_vectors, int):
                raise _type_error("max_vectors", max_vectors, [int])
            if not 0 <= max_vectors <= _INT32_MAX:
                raise ValueError(f"Input max_vectors is not within the required interval of [0, {_INT32_MAX}].")
        return cls._load(file_path, max_vectors or 0)

    @classmethod
    def _load(cls, path, limit):
        name = cls.__name__
        index, rows, dim = {}, [], None
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                fields = line.rstrip("\n").rstrip("\r").split(" ")
                while fields and fields[-1] == "":
                    fields.pop()
                if not fields:
                    continue
                if lineno == 1 and len(fields) == 2:
                    continue                       # "count dim" header
                if limit and len(rows) >= limit:
                    break
                if dim is None:
                    dim = len(fields) - 1
                    if dim < 1:
                        raise RuntimeError(f"{name}: the first line of {path} holds no vector: {line.strip()!r}.")
                elif len(fields) - 1 != dim:
                    raise RuntimeError(f"{name}: line {lineno} of {path} has a vector of dimension "
                                       f"{len(fields) - 1}, but the file's vectors have dimension {dim}.")
                try:
                    vec = [float(x) for x in fields[1:]]
                except ValueError:
                    raise RuntimeError(f"{name}: line {lineno} of {path} holds a value that is not a number: "
                                       f"{line.strip()[:80]!r}.") from None
                if fields[0] in index:
                    continue
                index[fields[0]] = len(rows)
                rows.append(vec)
        if dim is None:
            raise RuntimeError(f"{name}: {path} holds no vectors.")
        v = cls()
        v._index = index
        v._vectors = np.asarray(rows, dtype=np.float32).reshape(len(rows), dim)
        v._dim = dim
        return v

    @property
    def dim(self):
        return self._dim

    def _lookup(self, tokens, unk, lower_case_backup):
        """Vectors of the tokens (an array of str) as float32 of shape ``tokens.shape + (dim,)``."""
        out = np.empty(tokens.shape + (self._dim,), np.float32)
        flat = out.reshape(-1, self._dim)
        for k, t in enumerate(tokens.reshape(-1).tolist()):
            i = self._index.get(t)
            if i is None and lower_case_backup:     # (MindSpore 2.10 looks up only the lower case: a bug)
                i = self._index.get(t.lower())
            flat[k] = self._vectors[i] if i is not None else unk
        return out

    def __repr__(self):
        return f"{type(self).__name__}(vectors={len(self._index)}, dim={self._dim})"


class GloVe(Vectors):
    """GloVe vectors (``glove.6B.50d.txt`` ...): the same text format as :class:`Vectors`. As in MindSpore, the
    file name must look like ``glove.6B.*.txt``."""

    @classmethod
    def from_file(cls, file_path, max_vectors=None):
        if isinstance(file_path, str):
            base = os.path.basename(file_path)
            if not (base.startswith("glove.6B.") and base.endswith(".txt")):
                raise RuntimeError(f"GloVe: invalid file, can not find file 'glove.6B.*.txt', but got: "
                                   f"{file_path}")
        return super().from_file(file_path, max_vectors)


def to_str(array, encoding="utf8"):
    """An array of ``bytes`` decoded to ``str``."""
    if not isinstance(array, np.ndarray):
        raise TypeError(f"input should be a NumPy array, got {type(array)}.")
    return np.char.decode(array, encoding)


def to_bytes(array, encoding="utf8"):
    """An array of ``str`` encoded to ``bytes``."""
    if not isinstance(array, np.ndarray):
        raise TypeError(f"input should be a NumPy array, got {type(array)}.")
    return np.char.encode(array, encoding)
