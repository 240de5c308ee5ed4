"""Printing and the MindSpore-2.10 rules fixed with it (each expectation was checked against MindSpore 2.10)."""
import numpy as np
import pytest

import minispore as ms
from minispore import Tensor


@pytest.mark.parametrize("n, dtype, per_row", [(12, np.float32, 12), (25, np.int8, 24), (13, np.bool_, 12),
                                               (48, np.uint8, 24), (24, np.float16, 12)])
def test_repr_wraps_long_1d(n, dtype, per_row):
    a = (np.arange(n) % 3 == 0) if dtype is np.bool_ else np.arange(n).astype(dtype)
    text = repr(Tensor(a))
    rows = text.split("\n")
    assert len(rows) == n // per_row + 1
    # after every full row: ", \n " when more follow, "\n ]" at the end
    assert text.endswith("\n ])") == (n % per_row == 0)


def test_repr_summarised_and_empty():
    assert repr(Tensor(np.arange(1001).astype(np.int32))) == \
        "Tensor(shape=[1001], dtype=Int32, value= [   0,    1,    2 ...  998,  999, 1000])"
    assert repr(Tensor(np.zeros(0, np.float32))) == "Tensor(shape=[0], dtype=Float32, value= )"


@pytest.mark.parametrize("value, dtype, text", [
    (123456789.0, np.float32, "123456790.0"), (1e15, np.float32, "1000000000000000.0"),
    (1e16, np.float32, "1e+16"), (1e-5, np.float32, "1e-05"), (1e-4, np.float64, "0.0001"),
    (0.1, np.float16, "0.1"), (65504.0, np.float16, "65500.0"), (-0.0, np.float32, "-0.0"),
    (float("nan"), np.float32, "nan"), (12345678.0, np.float32, "12345678.0")])
def test_str_scalar_is_numpy_1x(value, dtype, text):
    assert str(Tensor(dtype(value))) == text


def test_str_array_is_numpy_1x():
    assert str(Tensor(np.array([3455842.0, 8216181.5], np.float32))) == "[3455842.  8216181.5]"


def test_generic_types():
    assert (str(ms.float_), repr(ms.int_)) == ("Float", "mindspore.int")
    assert ms.float_ != ms.float32 and ms.int_ != ms.int32
    assert ms.ops.cast(Tensor([1.5]), ms.float_).dtype == ms.float32
    assert ms.ops.zeros((2,), ms.int_).dtype == ms.int32
    with pytest.raises(TypeError):
        Tensor([1.0], ms.float_)
    with pytest.raises(TypeError):
        ms.ops.full((2,), 1.0, dtype=ms.float_)


def test_tensor_method_overloads():
    r = Tensor(np.array([[1., 5.], [7., 0.]], np.float32))
    assert isinstance(r.max(1), tuple) and isinstance(r.min(dim=0, keepdim=True), tuple)
    assert not isinstance(r.max(axis=1, keepdims=True), tuple)
    assert r.max(1, keepdims=True).shape == (2, 1)
    assert r.argmin().dtype == ms.int32 and r.argmax().dtype == ms.int64
    assert r.sum(dim=0, keepdim=True).shape == (1, 2)
    with pytest.raises(TypeError):
        r.mean(0, keepdims=True)
    assert Tensor(np.zeros((2, 3, 4))).transpose(0, 2).shape == (4, 3, 2)


def test_int_scalar_wraps():
    t = Tensor(np.array([1, 2, 3], np.int32))
    assert (t + 2 ** 40).asnumpy().tolist() == [1, 2, 3] and (t + 2 ** 40).dtype == ms.int32
