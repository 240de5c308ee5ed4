"""bfloat16 everywhere: printed as MindSpore 2.10 prints it (tests/golden/bf16_print.json, made by
tests/golden/gen_bf16_print.py), a float to every op that takes floats (``dtype.kind_of``: NumPy calls ml_dtypes'
bfloat16 kind 'V'), values against NumPy formulas in float32, and auto_mixed_precision O2/O3 in bfloat16 against
the float32 network."""
import json
import os
import sys

import numpy as np
import pytest

import minispore as ms
from minispore import Tensor, nn, ops
from minispore._core import dtype as mstype

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
sys.path.insert(0, GOLDEN)
import gen_bf16_print  # noqa: E402

with open(os.path.join(GOLDEN, "bf16_print.json")) as _f:
    PRINTED = json.load(_f)["cases"]

BF16 = mstype.bfloat16.np_dtype


@pytest.mark.parametrize("name", sorted(gen_bf16_print.CASES))
def test_prints_as_mindspore(name):
    t = Tensor(np.asarray(gen_bf16_print.CASES[name], np.float32), ms.bfloat16)
    assert repr(t) == PRINTED[name]["repr"]
    assert str(t) == PRINTED[name]["str"]


def test_every_print_case_is_recorded():
    assert sorted(PRINTED) == sorted(gen_bf16_print.CASES)


def test_kind_of():
    assert mstype.kind_of(np.dtype(BF16)) == "f"
    assert np.dtype(BF16).kind == "V"          # why the helper exists
    for name, kind in (("float16", "f"), ("float32", "f"), ("int32", "i"), ("uint8", "u"), ("bool", "b")):
        assert mstype.kind_of(np.dtype(name)) == kind
    assert Tensor(np.ones(2, np.float32), ms.bfloat16).is_floating_point()


def _x(shape=(2, 3, 4, 4), seed=0):
    x = np.random.default_rng(seed).standard_normal(shape).astype(np.float32)
    return x.astype(BF16).astype(np.float32)        # exactly representable: the reference sees the same input


def _softmax(a, axis):
    e = np.exp(a - a.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


# op on a bfloat16 Tensor -> its float32 NumPy formula
FORMULAS = {
    "relu": (lambda t: ops.relu(t), lambda a: np.maximum(a, 0)),
    "sigmoid": (lambda t: ops.sigmoid(t), lambda a: 1 / (1 + np.exp(-a))),
    "tanh": (lambda t: ops.tanh(t), np.tanh),
    "softmax": (lambda t: ops.softmax(t, -1), lambda a: _softmax(a, -1)),
    "log_softmax": (lambda t: ops.log_softmax(t, 1), lambda a: np.log(_softmax(a, 1))),
    "leaky_relu": (lambda t: ops.leaky_relu(t, 0.2), lambda a: np.where(a > 0, a, 0.2 * a)),
    "floor": (lambda t: ops.floor(t), np.floor),
    "max_pool2d": (lambda t: ops.max_pool2d(t, 2, 2), lambda a: a.reshape(2, 3, 2, 2, 2, 2).max((3, 5))),
    "avg_pool2d": (lambda t: ops.avg_pool2d(t, 2, 2), lambda a: a.reshape(2, 3, 2, 2, 2, 2).mean((3, 5))),
    "mse_loss": (lambda t: ops.mse_loss(t, t * 0.5), lambda a: np.mean((a * 0.5) ** 2)),
    "maximum": (lambda t: ops.maximum(t, 0.1), lambda a: np.maximum(a, 0.1)),
    "clamp": (lambda t: ops.clamp(t, -0.5, 0.5), lambda a: np.clip(a, -0.5, 0.5)),
    "mean": (lambda t: t.mean(), np.mean),
    "layer_norm": (lambda t: ops.layer_norm(t, (4,), Tensor(np.ones(4, np.float32), ms.bfloat16),
                                            Tensor(np.zeros(4, np.float32), ms.bfloat16)),
                   lambda a: (a - a.mean(-1, keepdims=True)) / np.sqrt(a.var(-1, keepdims=True) + 1e-7)),
    # kernel 3 on 4x4, every weight 0.25: each output is a quarter of its 3x3x3 window's sum, for both channels
    "conv2d": (lambda t: ops.conv2d(t, Tensor(np.full((2, 3, 3, 3), 0.25, np.float32), ms.bfloat16)),
               lambda a: np.repeat(np.array([[[[a[n, :, i:i + 3, j:j + 3].sum() * 0.25 for j in range(2)]
                                              for i in range(2)]] for n in range(2)]), 2, axis=1)),
}


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_float_ops_take_bfloat16(name):
    op, formula = FORMULAS[name]
    a = _x()
    out = op(Tensor(a, ms.bfloat16))
    assert out.dtype == ms.bfloat16, (name, out.dtype)
    want = formula(a)
    got = out.asnumpy().astype(np.float32)
    np.testing.assert_allclose(got, want, rtol=2e-2, atol=2e-2)


def test_bfloat16_keeps_its_type_through_layers_and_grad():
    x = Tensor(_x(), ms.bfloat16)
    assert nn.BatchNorm2d(3).set_train(False)(x).dtype == ms.bfloat16
    assert nn.Conv2d(3, 2, 3).to_float(ms.bfloat16)(x).dtype == ms.bfloat16
    assert ops.interpolate(x, size=(8, 8), mode="bilinear").dtype == ms.bfloat16
    g = ms.grad(lambda t: ops.relu(t).sum())(x)
    assert g.dtype == ms.bfloat16
    np.testing.assert_array_equal(g.asnumpy().astype(np.float32), (_x() > 0).astype(np.float32))
    assert ms.jit(lambda t: ops.softmax(ops.relu(t), -1))(x).dtype == ms.bfloat16


@pytest.mark.parametrize("level", ["O2", "O3"])
def test_auto_mixed_precision_bfloat16_matches_float32(level):
    """MindSpore's CPU build refuses these (no bfloat16 MatMul/ReLU kernels; tests/golden/amp.json records its
    error); minispore runs them, within bfloat16's precision of the float32 network."""
    import cases_amp
    x = Tensor(cases_amp.X)
    want = cases_amp._net(ms)(x).asnumpy()
    net = ms.amp.auto_mixed_precision(cases_amp._net(ms), level, dtype=ms.bfloat16)
    out = net(x)
    low = ms.amp.auto_mixed_precision(cases_amp._net(ms), level, dtype=ms.float16)(x)
    assert out.dtype == low.dtype           # the float16 network's output type (O2 casts back to float32)
    np.testing.assert_allclose(out.asnumpy().astype(np.float32), want, rtol=5e-2, atol=5e-2)
    assert not np.allclose(out.asnumpy().astype(np.float32), want, rtol=0, atol=1e-7)  # it did run in bfloat16


def test_import_minispore_leaves_ml_dtypes_until_bfloat16_is_used():
    """ml_dtypes' extension takes ~0.5 s to import: `import minispore` must not pay it; the first bfloat16 use
    does, and arrays a user made with ml_dtypes are bfloat16 Tensors either way."""
    import subprocess
    import sys
    code = ("import sys, minispore as ms; assert 'ml_dtypes' not in sys.modules, 'imported at start-up'; "
            "print(ms.bfloat16); t = ms.Tensor([1.5, 2.0], ms.bfloat16); assert 'ml_dtypes' in sys.modules; "
            "assert (t * 2).dtype == ms.bfloat16")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip() == "BFloat16"
