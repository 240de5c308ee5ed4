"""Embedding: a lookup table of vectors."""
from ... import ops
from ..._core import dtype as mstype
from ..._core.tensor import Tensor
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ..cell import Cell
from ._validation import int_arg, positive_int


class Embedding(Cell):
    def __init__(self, vocab_size, embedding_size, use_one_hot=False, embedding_table='normal',
                 dtype=mstype.float32, padding_idx=None):
        super().__init__()
        vocab_size = positive_int(vocab_size, "vocab_size", "Embedding")
        embedding_size = positive_int(embedding_size, "embedding_size", "Embedding")
        self.vocab_size, self.embedding_size = vocab_size, embedding_size
        self.use_one_hot, self.dtype, self.padding_idx = use_one_hot, dtype, padding_idx
        table = initializer(embedding_table, [vocab_size, embedding_size], mstype.float32)
        if padding_idx is not None:
            int_arg(padding_idx, "padding_idx", "Embedding")
            if not -vocab_size <= padding_idx < vocab_size:
                raise ValueError(f"For 'Embedding', 'padding_idx' must be in [{-vocab_size}, {vocab_size}), "
                                 f"but got {padding_idx}.")
            table = table.asnumpy().copy()
            table[padding_idx] = 0
        self.embedding_table = Parameter(table, name="embedding_table")

    def construct(self, ids):
        if not isinstance(ids, Tensor) or ids.dtype not in (mstype.int32, mstype.int64):
            raise TypeError(f"For 'Embedding', the input ids must be an Int32 or Int64 Tensor, but got "
                            f"{getattr(ids, 'dtype', type(ids).__name__)}.")
        flat = ops.reshape(ids, (-1,))
        out = ops.gather(self.embedding_table, flat, 0)
        return ops.reshape(out, ids.shape + (self.embedding_size,))

    def extend_repr(self):
        return (f"vocab_size={self.vocab_size}, embedding_size={self.embedding_size}, "
                f"use_one_hot={self.use_one_hot}, embedding_table={self.embedding_table}, dtype={self.dtype}, "
                f"padding_idx={self.padding_idx}")
