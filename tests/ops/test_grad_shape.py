"""Gradients of shape manipulation: reshape, transpose, squeeze, concat, split, pad, tril... (order 2)."""
import numpy as np
import pytest

from minispore import ops
from util import check_dtypes, check_grads

X = np.random.default_rng(0).standard_normal((2, 3, 4))
M = np.random.default_rng(1).standard_normal((4, 4))
Y1 = np.random.default_rng(2).standard_normal((2, 1, 4))

SHAPE_OPS = {
    "reshape": (lambda x: ops.reshape(x, (4, -1)), X),
    "reshape_method": (lambda x: x.reshape(6, 4), X),
    "view": (lambda x: x.view((3, 8)), X),
    "transpose": (lambda x: ops.transpose(x, (2, 0, 1)), X),
    "transpose_neg": (lambda x: ops.transpose(x, (-1, 1, 0)), X),
    "permute": (lambda x: ops.permute(x, (1, 2, 0)), X),
    "T": (lambda x: x.T, X),
    "swapaxes": (lambda x: ops.swapaxes(x, 0, -1), X),
    "t": (lambda x: ops.t(x), M),
    "moveaxis": (lambda x: ops.moveaxis(x, 0, -1), X),
    "squeeze_all": (lambda x: ops.squeeze(x), Y1),
    "squeeze_axis": (lambda x: ops.squeeze(x, 1), Y1),
    "squeeze_neg": (lambda x: ops.squeeze(x, -2), Y1),
    "expand_dims": (lambda x: ops.expand_dims(x, 1), X),
    "expand_dims_neg": (lambda x: ops.expand_dims(x, -1), X),
    "unsqueeze": (lambda x: ops.unsqueeze(x, 0), X),
    "flatten": (lambda x: ops.flatten(x), X),
    "flatten_range": (lambda x: ops.flatten(x, start_dim=0, end_dim=1), X),
    "ravel": (lambda x: ops.ravel(x), X),
    "broadcast_to": (lambda x: ops.broadcast_to(x, (3, 2, 3, 4)), Y1),
    "broadcast_to_neg1": (lambda x: ops.broadcast_to(x, (2, 5, -1)), Y1),
    "expand_as": (lambda x: ops.expand_as(x, ops.zeros((2, 3, 4))), Y1),
    "tile": (lambda x: ops.tile(x, (2, 1, 3)), X),
    "tile_more_dims": (lambda x: ops.tile(x, (2, 1, 1, 2)), X),
    "tile_fewer_dims": (lambda x: ops.tile(x, (2,)), X),
    "flip": (lambda x: ops.flip(x, (0, 2)), X),
    "flip_neg": (lambda x: ops.flip(x, -1), X),
    "roll": (lambda x: ops.roll(x, 2, 1), X),
    "roll_multi": (lambda x: ops.roll(x, (1, -3), (0, 2)), X),
    "roll_flat": (lambda x: ops.roll(x, 5), X),
    "pad": (lambda x: ops.pad(x, (1, 2)), X),
    "pad_value": (lambda x: ops.pad(x, (1, 0, 0, 2), value=1.5), X),
    "pad_negative": (lambda x: ops.pad(x, (-1, 2, 1, -1)), X),
    "pad_reflect": (lambda x: ops.pad(x, (2, 1), mode="reflect"), X),
    "pad_replicate": (lambda x: ops.pad(x, (2, 3, 1, 1), mode="replicate"), X),
    "pad_circular": (lambda x: ops.pad(x, (1, 2), mode="circular"), X),
    "tril": (lambda x: ops.tril(x), M),
    "tril_k": (lambda x: ops.tril(x, -1), X),
    "triu": (lambda x: ops.triu(x), M),
    "triu_k": (lambda x: ops.triu(x, 2), X),
    "narrow": (lambda x: ops.narrow(x, 2, 1, 2), X),
    "narrow_neg": (lambda x: ops.narrow(x, -2, 0, 2), X),
    "repeat_interleave": (lambda x: ops.repeat_interleave(x, 2, 1), X),
    "repeat_interleave_list": (lambda x: ops.repeat_interleave(x, [1, 0, 3], 1), X),
    "repeat_interleave_flat": (lambda x: ops.repeat_interleave(x, 2), X),
    "diag": (lambda x: ops.diag(x), X[0, 0]),
    "identity": (lambda x: ops.identity(x), X),
    "copy": (lambda x: x.copy(), X),
    "split_int": (lambda x: ops.split(x, 3, -1), X),
    "split_sections": (lambda x: ops.split(x, [1, 2], 1), X),
    "chunk": (lambda x: ops.chunk(x, 2, 2), X),
    "chunk_uneven": (lambda x: ops.chunk(x, 2, 1), X),
    "unbind": (lambda x: ops.unbind(x, 1), X),
    "unbind_neg": (lambda x: ops.unbind(x, -1), X),
}


@pytest.mark.parametrize("name", sorted(SHAPE_OPS))
def test_shape_op(name):
    fn, x = SHAPE_OPS[name]
    check_grads(fn, [x], order=2)


@pytest.mark.parametrize("name", sorted(SHAPE_OPS))
def test_shape_op_dtypes(name):
    fn, x = SHAPE_OPS[name]
    check_dtypes(fn, [x])


A = np.random.default_rng(3).standard_normal((2, 3))
B = np.random.default_rng(4).standard_normal((2, 5))
C = np.random.default_rng(5).standard_normal((2, 3))

MULTI = {
    "cat0": (lambda a, c: ops.cat((a, c)), (A, C)),
    "cat1": (lambda a, b: ops.cat([a, b], 1), (A, B)),
    "cat_neg": (lambda a, b, c: ops.concat((a, b, c), -1), (A, B, C)),
    "cat_same_twice": (lambda a: ops.cat((a, a * 2, a), 0), (A,)),
    "stack0": (lambda a, c: ops.stack((a, c)), (A, C)),
    "stack_last": (lambda a, c: ops.stack([a, c, a], -1), (A, C)),
    "stack1": (lambda a, c: ops.stack([a, c], 1), (A, C)),
    "where_shapes": (lambda a, b: ops.where(ops.greater(a[:, :1], 0), a[:, :1], b), (A, B)),
}


@pytest.mark.parametrize("name", sorted(MULTI))
def test_multi_input(name):
    fn, xs = MULTI[name]
    check_grads(fn, list(xs), order=2)


def test_pad_values():
    x = ops.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(ops.pad(x, (-1, 1)).asnumpy(), [[1, 2, 0], [4, 5, 0]])
    np.testing.assert_array_equal(ops.pad(x, (2, 0), mode="reflect").asnumpy(),
                                  np.pad(x.asnumpy(), ((0, 0), (2, 0)), mode="reflect"))
