"""Embedding and EmbeddingLookup: lookup tables of vectors."""
from ... import ops
from ..._core import dtype as mstype
from ..._core.errors import IndexOutOfRangeError
from ..._core.tensor import Tensor
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ..cell import Cell
from ._validation import flag, int_arg, number, positive_int


def _check_ids(ids, cell):
    if not isinstance(ids, Tensor) or ids.dtype not in (mstype.int32, mstype.int64):
        raise TypeError(f"For '{cell}', the input ids must be an Int32 or Int64 Tensor, but got "
                        f"{getattr(ids, 'dtype', type(ids).__name__)}.")


class Embedding(Cell):
    """A table of ``vocab_size`` vectors looked up by integer ids: ``(*ids.shape, embedding_size)``.

    ``padding_idx``: that row of the table starts at zero (as in MindSpore 2.10, whose gradient still reaches the row,
    so training may move it). ``use_one_hot``: the lookup is a product with one-hot rows, so an id outside
    [0, vocab_size) gives zeros; otherwise such an id raises (RuntimeError, as MindSpore's Gather)."""

    def __init__(self, vocab_size, embedding_size, use_one_hot=False, embedding_table='normal',
                 dtype=mstype.float32, padding_idx=None):
        super().__init__()
        vocab_size = positive_int(vocab_size, "vocab_size", "Embedding")
        embedding_size = positive_int(embedding_size, "embedding_size", "Embedding")
        self.vocab_size, self.embedding_size = vocab_size, embedding_size
        self.use_one_hot = flag(use_one_hot, "use_one_hot", "Embedding")
        self.dtype, self.padding_idx = dtype, padding_idx
        table = initializer(embedding_table, [vocab_size, embedding_size], mstype.float32)
        if padding_idx is not None:
            int_arg(padding_idx, "padding_idx", "Embedding")
            if not 0 <= padding_idx < vocab_size:
                raise ValueError(f"For 'Embedding', the 'padding_idx' must be in range of [0, {vocab_size}), but got "
                                 f"{padding_idx}.")
            table = table.asnumpy().copy()
            table[padding_idx] = 0
        self.embedding_table = Parameter(table, name="embedding_table")

    def construct(self, ids):
        _check_ids(ids, "Embedding")
        flat = ops.reshape(ids, (-1,))
        if self.use_one_hot:
            hot = ops.one_hot(flat, self.vocab_size, 1.0, 0.0)
            out = ops.matmul(ops.cast(hot, self.embedding_table.dtype), self.embedding_table)
        else:
            try:
                out = ops.gather(self.embedding_table, flat, 0)
            except IndexOutOfRangeError as e:     # (eager: name the layer; a compiled graph names its Gather)
                raise IndexOutOfRangeError(f"For 'Embedding', every id must be in [{-self.vocab_size}, "
                                           f"{self.vocab_size}) (vocab_size={self.vocab_size}), but the ids of "
                                           f"shape {ids.shape} hold {str(e).rsplit('got ', 1)[-1].rstrip('.')}.") \
                    from None
        return ops.reshape(out, ids.shape + (self.embedding_size,))

    def extend_repr(self):
        return (f"vocab_size={self.vocab_size}, embedding_size={self.embedding_size}, "
                f"use_one_hot={self.use_one_hot}, embedding_table={self.embedding_table}, dtype={self.dtype}, "
                f"padding_idx={self.padding_idx}")


class EmbeddingLookup(Cell):
    """MindSpore's EmbeddingLookup with its CPU target's semantics: an id outside [0, vocab_size) looks up a row of
    zeros (and sends no gradient anywhere); ``max_norm`` clips each looked-up vector to that L2 norm.

    The gradient of the table is dense (MindSpore's CPU build gives the sparse rows, one per id); ``slice_mode``
    and ``manual_shapes`` only matter for model parallelism, which minispore does not do, and are accepted."""

    def __init__(self, vocab_size, embedding_size, param_init='normal', target='CPU', slice_mode='batch_slice',
                 manual_shapes=None, max_norm=None, sparse=True, dtype=mstype.float32):
        super().__init__()
        self.sparse = flag(sparse, "sparse", "EmbeddingLookup")
        if isinstance(vocab_size, bool) or not isinstance(vocab_size, int) or vocab_size <= 0:
            raise ValueError(f"The 'vocab_size' must be int and must > 0, but got {vocab_size!r} with type "
                             f"'{type(vocab_size).__name__}'.")
        self.vocab_size = vocab_size
        if target not in ("CPU", "DEVICE"):
            raise ValueError(f"For 'EmbeddingLookup', the 'target' must be str and must be in '['CPU', 'DEVICE']', "
                             f"but got {target!r}.")
        if not sparse and target == "CPU":
            raise ValueError(f"For 'EmbeddingLookup', 'sparse' must be True when 'target' is \"CPU\", but got "
                             f"'sparse': {sparse} and 'target': {target}")
        self.target = target
        self.embedding_size = positive_int(embedding_size, "embedding_size", "EmbeddingLookup")
        self.slice_mode, self.manual_shapes = slice_mode, manual_shapes
        self.max_norm = None if max_norm is None else number(max_norm, "max_norm", "EmbeddingLookup", positive=True)
        self.embedding_table = Parameter(initializer(param_init, [self.vocab_size, self.embedding_size], dtype=dtype),
                                         name="embedding_table")

    def construct(self, indices):
        _check_ids(indices, "EmbeddingLookup")
        valid = ops.logical_and(indices >= 0, indices < self.vocab_size)
        safe = ops.where(valid, indices, ops.zeros_like(indices))
        flat = ops.gather(self.embedding_table, ops.reshape(safe, (-1,)), 0)
        out = ops.reshape(flat, indices.shape + (self.embedding_size,))
        out = out * ops.cast(ops.expand_dims(valid, -1), out.dtype)
        if self.max_norm is not None:
            square = ops.sum(out * out, -1, keepdim=True)
            over = square > self.max_norm * self.max_norm
            # (the square root only where it divides: a zero vector's norm has no derivative)
            norm = ops.sqrt(ops.where(over, square, ops.ones_like(square)))
            out = out * ops.where(over, self.max_norm / norm, ops.ones_like(norm))
        return out
