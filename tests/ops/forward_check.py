"""Forward values against an independent reference: a NumPy/SciPy formula written in the test, never minispore.

The gradient checks (``check_grads``) compare an op with its own finite differences, so a wrong forward formula with
a consistent derivative (``log10`` computed as ``log2``, ``frac`` through ``floor``) passes them.  The op tables'
``*_REFERENCE`` dicts give every entry such a formula; ``assert_forward`` compares minispore's output with it.

The reference is evaluated in float64 on the very values minispore got (float32 inputs cast up), so the float32
tolerance only has to absorb float32 rounding inside minispore's computation.
"""
import numpy as np

from minispore import Tensor

# (rtol, atol) of a forward value per input dtype
FORWARD_TOLERANCES = {
    np.dtype(np.float64): (1e-9, 1e-12),
    np.dtype(np.float32): (2e-5, 2e-6),
}

FLOAT_DTYPES = [np.float64, np.float32]


def as_f64(x):
    """The values of an array or Tensor as float64 (what a reference computes with)."""
    return np.asarray(x.asnumpy() if isinstance(x, Tensor) else x, dtype=np.float64)


def assert_forward(out, expected, dtype, out_dtype=None, rtol=None, atol=None, what=""):
    """``out`` (a Tensor) equals ``expected`` (a NumPy array) in shape, in dtype (``out_dtype``, by default the input
    ``dtype``) and in value up to the tolerances of ``dtype``; integer and bool results must be exact."""
    assert isinstance(out, Tensor), f"{what}: expected a Tensor, got {type(out).__name__}"
    got = out.asnumpy()
    expected = np.asarray(expected)
    want_dtype = np.dtype(dtype if out_dtype is None else out_dtype)
    assert got.dtype == want_dtype, f"{what}: output dtype {got.dtype}, expected {want_dtype}"
    assert got.shape == expected.shape, f"{what}: output shape {got.shape}, expected {expected.shape}"
    if want_dtype.kind in "biu":
        np.testing.assert_array_equal(got, expected, err_msg=what)
        return
    d_rtol, d_atol = FORWARD_TOLERANCES[np.dtype(dtype)] if np.dtype(dtype) in FORWARD_TOLERANCES \
        else FORWARD_TOLERANCES[np.dtype(np.float32)]
    np.testing.assert_allclose(got.astype(np.float64), expected.astype(np.float64),
                               rtol=d_rtol if rtol is None else rtol, atol=d_atol if atol is None else atol,
                               equal_nan=True, err_msg=what)
