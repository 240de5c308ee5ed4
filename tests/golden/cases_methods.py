"""Reference ("golden") cases for the Tensor methods of MindSpore 2.10 that minispore adds over its ops (issue 9,
item 3): one table row per method call, ``(case name, self, args, kwargs)``; the method is the name before the
``/``. ``self`` and every NumPy array among the arguments become Tensors (``D("float16")`` a MindSpore dtype,
``L(...)`` a list of Tensors); an in-place method's case gives ``(returned, self afterwards, returned is self)``.
Random methods (``SUMMARY``) are recorded by shape, dtype and a property of the values (range, 0/1), not values.

``gen_methods.py`` records ``methods.json`` with MindSpore; tests/test_golden_methods.py runs the same rows on
minispore. DELIBERATE lists where minispore differs on purpose, with INSTEAD (NumPy-computed here) what it gives.

Surprises in MindSpore 2.10.0's CPU build (evidence: the recorded case)
----------------------------------------------------------------------
see DELIBERATE and NOTES.
"""
import numpy as np


def f32(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def pos32(seed, shape):
    return (np.random.default_rng(seed).random(shape) + 0.5).astype(np.float32)


class D:
    """A MindSpore dtype, by name."""
    def __init__(self, name):
        self.name = name


class L:
    """A list of Tensors."""
    def __init__(self, *arrays):
        self.arrays = arrays


class Raw:
    """An argument passed as it is (a NumPy array that must stay one)."""
    def __init__(self, v):
        self.v = v


X23 = f32(1, (2, 3))
Y23 = f32(2, (2, 3))
P23 = pos32(3, (2, 3))
X33 = f32(4, (3, 3))
X234 = f32(5, (2, 3, 4))
V3 = np.array([1., -2., 3.], np.float32)
W3 = np.array([0.5, 4., -1.], np.float32)
I23 = np.array([[6, -4, 9], [0, 15, 7]], np.int32)
J23 = np.array([[4, 6, 3], [5, 10, 2]], np.int32)
U01 = np.array([[0.1, 0.5, 0.9], [0.3, 0.7, 0.2]], np.float32)
NAN23 = np.array([[1., np.nan, 3.], [np.nan, np.nan, np.nan]], np.float32)
INF4 = np.array([np.inf, -np.inf, 1., np.nan], np.float32)
B23 = np.array([[True, False, True], [False, False, True]])
MAT = np.array([[2., 1.], [0., 3.]], np.float32)

ROWS = [
    # ---- forwarded elementwise
    ("acosh/f32", P23 + 1, (), {}), ("arccos/f32", U01, (), {}), ("arccosh/f32", P23 + 1, (), {}),
    ("arcsin/f32", U01, (), {}), ("arcsinh/f32", X23, (), {}), ("arctan/f32", X23, (), {}),
    ("arctanh/f32", U01, (), {}), ("asinh/f32", X23, (), {}), ("atanh/f32", U01, (), {}),
    ("arctan2/f32", X23, (Y23,), {}), ("bitwise_not/int32", I23, (), {}), ("invert/int32", I23, (), {}),
    ("eq/f32", X23, (X23 * B23,), {}), ("ge/f32", X23, (Y23,), {}), ("gt/scalar", X23, (0.0,), {}),
    ("le/f32", X23, (Y23,), {}), ("lt/int", I23, (J23,), {}), ("ne/f32", X23, (X23 * B23,), {}),
    ("hypot/f32", X23, (Y23,), {}), ("logical_xor/bool", B23, (B23[::-1].copy(),), {}),
    ("xlogy/f32", X23, (P23,), {}), ("xdivy/f32", X23 * B23, (P23,), {}), ("frac/f32", X23 * 3, (), {}),
    ("erfc/f32", X23, (), {}), ("positive/f32", X23, (), {}), ("positive/err_bool", B23, (), {}),
    ("sgn/f32", X23, (), {}), ("deg2rad/f32", X23 * 90, (), {}), ("deg2rad/err_int", I23, (), {}),
    ("rad2deg/f32", X23, (), {}), ("sinc/f32", np.array([0., 0.5, -1.25], np.float32), (), {}),
    ("logaddexp/f32", X23, (Y23,), {}), ("logaddexp2/f32", X23, (Y23,), {}),
    ("float_power/f32", P23, (Y23,), {}), ("float_power/scalar", I23, (2,), {}),
    ("fmod/f32", X23 * 5, (np.float32(1.5),), {}), ("fmod/int", I23, (J23,), {}),
    ("copysign/f32", X23, (Y23,), {}), ("signbit/f32", X23, (), {}),
    ("heaviside/f32", X23 * B23, (np.array([0.5], np.float32),), {}),
    ("fmax/nan", NAN23, (X23,), {}), ("fmin/nan", NAN23, (X23,), {}),
    ("isposinf/f32", INF4, (), {}), ("isneginf/f32", INF4, (), {}), ("isreal/f32", X23, (), {}),
    ("is_complex/f32", X23, (), {}), ("is_signed/f32", X23, (), {}), ("is_signed/uint8", I23.astype(np.uint8), (), {}),
    ("real/f32", X23, (), {}), ("conj/f32", X23, (), {}), ("imag/f32", X23, (), {}), ("angle/f32", X23, (), {}),
    ("adjoint/f32", X234, (), {}), ("gcd/int", I23, (J23,), {}), ("gcd/err_float", X23, (Y23,), {}),
    ("lcm/int", I23, (J23,), {}), ("ldexp/f32", X23, (J23,), {}),
    ("bitwise_left_shift/int", J23, (np.array([1, 2, 0], np.int32),), {}),
    ("bitwise_right_shift/int", np.abs(I23), (np.array([1, 2, 0], np.int32),), {}),
    ("inv/f32", P23, (), {}), ("hardshrink/f32", X23, (), {"lambd": 0.6}),
    ("soft_shrink/f32", X23, (0.4,), {}), ("approximate_equal/f32", X23, ((X23 + 1e-6 * B23).astype(np.float32),), {}),
    ("allclose/f32", X23, (X23 + 1e-7,), {}),
    # ---- products, sums
    ("add/alpha", X23, (Y23,), {"alpha": 2}), ("sub/alpha", X23, (Y23,), {"alpha": 3}),
    ("dot/1d", V3, (W3,), {}), ("mm/2d", X23, (X234[0].T.copy()[:3],), {}), ("outer/1d", V3, (W3,), {}),
    ("ger/1d", V3, (W3,), {}), ("inner/2d", X23, (Y23,), {}), ("lerp/f32", X23, (Y23, 0.25), {}),
    ("addbmm/f32", f32(6, (2, 4)), (f32(7, (3, 2, 5)), f32(8, (3, 5, 4))), {"beta": 0.5, "alpha": 2}),
    ("addmv/f32", V3[:2], (X23, W3), {"beta": 2, "alpha": 0.5}),
    ("addr/f32", X23, (V3[:2], W3), {"beta": 0.5, "alpha": 2}),
    ("addcmul/f32", X23, (Y23, P23), {"value": 0.5}), ("addcdiv/f32", X23, (Y23, P23), {"value": 2}),
    ("trace/2d", X33, (), {}), ("trace/offset", X23, (), {"offset": 1}),
    ("diagonal/2d", X33, (), {}), ("diagonal/offset_3d", X234, (), {"offset": 1, "axis1": 1, "axis2": 2}),
    ("diagflat/1d", V3, (), {}), ("diagflat/offset", V3[:2], (1,), {}),
    ("diff/1d", np.array([1., 4., 9., 16.], np.float32), (), {}), ("diff/n2_axis0", X33, (2, 0), {}),
    ("diff/prepend", V3, (), {"prepend": np.array([0.], np.float32)}),
    ("logcumsumexp/f32", X23, (1,), {}), ("cross/f32", X23, (Y23,), {"dim": 1}),
    ("cov/f32", X23, (), {}), ("cov/correction0", X234[0], (), {"correction": 0}),
    ("renorm/f32", X23, (2, 0, 1.0), {}), ("nansum/nan", NAN23, (), {"axis": 1}),
    ("nanmean/nan", np.array([[1., np.nan, 3.], [np.nan, 2., 4.]], np.float32), (), {"axis": 1}),
    ("ptp/f32", X23, (), {"axis": 1}), ("aminmax/f32", X23, (), {"axis": 1}),
    ("argmax_with_value/f32", X23, (), {"axis": 1}), ("argmin_with_value/f32", X23, (1, True), {}),
    ("argwhere/f32", X23 * B23, (), {}), ("msort/f32", X23, (), {}), ("kthvalue/f32", X23, (2,), {"dim": 1}),
    ("top_k/f32", V3, (2,), {}), ("searchsorted/f32", np.array([1., 3., 5., 7.], np.float32),
                                 (np.array([3., 6., 9.], np.float32),), {}),
    ("searchsorted/right", np.array([1., 3., 5., 7.], np.float32), (np.array([3., 0.], np.float32),),
     {"side": "right"}),
    ("bincount/int", np.array([0, 1, 1, 3], np.int32), (), {}),
    ("bincount/minlength", np.array([0, 1, 1, 3], np.int32), (), {"minlength": 6}),
    ("histc/f32", np.array([1., 2., 1., 4.], np.float32), (), {"bins": 4, "min": 0, "max": 4}),
    ("quantile/f32", X23, (0.25,), {"axis": 1}), ("quantile/all", X23, (0.5,), {}),
    ("nanquantile/nan", np.array([[1., np.nan, 3.], [2., 4., 8.]], np.float32), (0.5,), {"axis": 1}),
    ("nanmedian/nan", np.array([[1., np.nan, 3.], [2., 4., 8.]], np.float32), (), {"axis": 1}),
    ("matrix_power/f32", MAT, (3,), {}),
    # ---- shapes and selection
    ("expand/f32", V3, (2, 3), {}), ("fliplr/f32", X23, (), {}), ("flipud/f32", X23, (), {}),
    ("reverse/f32", X23, ([1],), {}), ("rot90/f32", X23, (1, [0, 1]), {}), ("rot90/k3", X23, (3, [0, 1]), {}),
    ("movedim/f32", X234, (0, 2), {}), ("ndimension/f32", X234, (), {}),
    ("tensor_split/int", np.arange(7, dtype=np.float32), (3,), {}),
    ("tensor_split/indices", np.arange(7, dtype=np.float32), ([2, 5],), {}),
    ("hsplit/f32", X234, (3,), {}), ("vsplit/f32", X234, (2,), {}), ("dsplit/f32", X234, ([1, 3],), {}),
    ("take/flat", X23, (np.array([0, 4, 5], np.int32),), {}),
    ("take/axis_clip", X23, (np.array([0, 7], np.int32),), {"axis": 1}),
    ("choose/int", np.array([0, 1, 2, 1], np.int32),
     (L(np.array([1, 2, 3, 4], np.int32), np.array([10, 20, 30, 40], np.int32),
        np.array([100, 200, 300, 400], np.int32)),), {}),
    ("select/f32", X234, (1, 2), {}),
    ("index_fill/f32", X23, (1, np.array([0, 2], np.int32), 7.0), {}),
    ("masked_scatter/f32", X23, (B23, np.arange(6, dtype=np.float32)), {}),
    ("index_put/f32", X23, ((np.array([0, 1], np.int32), np.array([2, 0], np.int32)),
                            np.array([9., 8.], np.float32)), {}),
    ("index_put/accumulate", X23, ((np.array([0, 0], np.int32), np.array([1, 2], np.int32)),
                                   np.array([1., 2.], np.float32)), {"accumulate": True}),
    ("slice_scatter/f32", np.zeros((4, 3), np.float32), (np.ones((2, 3), np.float32),), {"start": 1, "end": 3}),
    ("select_scatter/f32", np.zeros((2, 3), np.float32), (np.ones((2,), np.float32), 1, 0), {}),
    ("diagonal_scatter/f32", np.zeros((3, 3), np.float32), (np.array([1., 2.], np.float32),), {"offset": 1}),
    ("fill_diagonal/f32", np.zeros((3, 4), np.float32), (5.0,), {}),
    ("scatter_add/f32", np.zeros((2, 3), np.float32), (1, np.array([[0, 0, 2], [1, 1, 1]], np.int64), X23), {}),
    ("scatter_sub/f32", X23, (np.array([[0], [1]], np.int32), np.ones((2, 3), np.float32)), {}),
    ("scatter_mul/f32", X23, (np.array([[1]], np.int32), np.full((1, 3), 2, np.float32)), {}),
    ("scatter_div/f32", X23, (np.array([[0]], np.int32), np.full((1, 3), 2, np.float32)), {}),
    ("scatter_max/f32", X23, (np.array([[0]], np.int32), np.zeros((1, 3), np.float32)), {}),
    ("scatter_min/f32", X23, (np.array([[1]], np.int32), np.zeros((1, 3), np.float32)), {}),
    ("unsorted_segment_max/f32", X23, (np.array([1, 0], np.int32), 3), {}),
    ("unsorted_segment_min/f32", X23.T.copy(), (np.array([0, 1, 0], np.int32), 2), {}),
    ("unsorted_segment_prod/f32", X23.T.copy(), (np.array([0, 1, 0], np.int32), 2), {}),
    ("sum_to_size/f32", X234, (3, 1), {}), ("inplace_update/f32", X23, (np.ones((1, 3), np.float32), 1), {}),
    ("unique_consecutive/f32", np.array([1., 1., 2., 2., 3., 1.], np.float32), (), {"return_counts": True}),
    ("unique_consecutive/inverse", np.array([1, 1, 2, 3, 3], np.int32), (True,), {}),
    ("unique/sorted", np.array([3, 1, 3, 2], np.int32), (), {"return_inverse": True, "return_counts": True}),
    ("unique_with_pad/int", np.array([3, 1, 3, 2], np.int32), (0,), {}),
    ("nonzero/as_tuple", X23 * B23, (), {"as_tuple": True}),
    ("reverse_sequence/f32", X234[0], (np.array([1, 2, 3], np.int32),), {"seq_dim": 1, "batch_dim": 0}),
    ("col2im/f32", f32(9, (1, 2, 4, 4)), (np.array([3, 3], np.int32), np.array([2, 2], np.int32),
                                          np.array([1, 1], np.int32), np.array([0, 0], np.int32),
                                          np.array([1, 1], np.int32)), {}),
    # ---- conversion and bookkeeping
    ("type_as/int", X23, (I23,), {}), ("type_as/err_not_tensor", X23, (3,), {}), ("type/none", X23, (), {}),
    ("type/cast", X23, (D("float16"),), {}), ("to/dtype", X23, (D("int32"),), {}), ("to/cpu", X23, ("cpu",), {}), ("to/err_device", X23, ("x",), {}), ("byte/f32", X23 * 3, (), {}),
    ("short/f32", X23 * 3, (), {}), ("new_full/f32", X23, ((2, 2), 3.5), {}),
    ("new_full/dtype", X23, ((2,), 1), {"dtype": D("int32")}), ("new_zeros/f32", I23, ((1, 2),), {}),
    ("new_ones/f32", X23, ((3,),), {"dtype": D("float16")}), ("fill/f32", X23, (2.5,), {}),
    ("fills/f32", X23, (1.0,), {}), ("value/f32", X23, (), {}), ("stride/f32", X234, (), {}),
    ("stride/dim", X234, (1,), {}), ("storage_offset/f32", X23, (), {}), ("has_init/f32", X23, (), {}),
    ("is_init/f32", X23, (), {}), ("resize/grow", X23, (2, 4), {}), ("resize/shrink", X23, (4,), {}),
    ("itemset/flat", X23, (1, 9.0), {}), ("is_contiguous/f32", X23, (), {}),
    ("nbytes/f32", X23, None, None), ("itemsize/f32", X23, None, None), ("H/2d", X23, None, None),
    ("mH/3d", X234, None, None), ("data/f32", X23, None, None), ("const_arg/f32", X23, None, None),
    ("init/f32", X23, None, None), ("move_to/cpu", X23, ("CPU",), {}), ("pin_memory/f32", X23, (), {}),
    ("is_pinned/f32", X23, (), {}), ("is_shared/f32", X23, (), {}),
    # ---- in place
    ("add_/alpha", X23, (Y23,), {"alpha": 2}), ("sub_/f32", X23, (Y23,), {}), ("mul_/f32", X23, (Y23,), {}),
    ("div_/f32", X23, (P23,), {}), ("div_/floor", X23, (P23,), {"rounding_mode": "floor"}),
    ("floor_divide_/f32", X23, (P23,), {}), ("remainder_/f32", X23, (P23,), {}),
    ("exp_/f32", X23, (), {}), ("log_/f32", P23, (), {}), ("floor_/f32", X23, (), {}), ("sigmoid_/f32", X23, (), {}),
    ("sign_/f32", X23, (), {}), ("tanh_/f32", X23, (), {}), ("erfinv_/f32", U01, (), {}),
    ("clamp_/f32", X23, (-0.5, 0.5), {}), ("copy_/f32", X23, (Y23,), {}), ("copy_/broadcast", X23, (V3,), {}),
    ("fill_/f32", X23, (3.0,), {}), ("zero_/f32", X23, (), {}),
    ("addmm_/f32", X33, (X33, X33), {"beta": 0.5, "alpha": 2}),
    ("masked_fill_/f32", X23, (B23, -1.0), {}),
    ("index_fill_/f32", X23, (1, np.array([1], np.int64), 0.0), {}),
    ("masked_scatter_/f32", X23, (B23, np.arange(6, dtype=np.float32)), {}),
    ("scatter_/src", np.zeros((2, 3), np.float32), (1, np.array([[2], [0]], np.int64),
                                                    np.array([[5.], [6.]], np.float32)), {}),
    ("scatter_/value", np.zeros((2, 3), np.float32), (1, np.array([[2], [0]], np.int64)), {"value": 4.0}),
    ("scatter_/reduce_add", np.ones((2, 3), np.float32), (1, np.array([[2, 2], [0, 1]], np.int64),
                                                          np.array([[5., 1.], [6., 2.]], np.float32)),
     {"reduce": "add"}),
    ("scatter_add_/f32", np.zeros((2, 3), np.float32), (1, np.array([[0, 0, 2], [1, 1, 1]], np.int64), X23), {}),
    ("index_add_/f32", X23, (1, np.array([0, 2], np.int32), np.ones((2, 2), np.float32)), {"alpha": 3}),
    ("index_copy_/f32", X23, (1, np.array([2, 0], np.int64), np.ones((2, 2), np.float32)), {}),
    ("index_put_/f32", X23, ((np.array([1], np.int32), np.array([1], np.int32)), np.array([7.], np.float32)), {}),
    ("put_/f32", X23, (np.array([0, 5], np.int64), np.array([9., 8.], np.float32)), {}),
    ("fill_diagonal_/f32", np.zeros((3, 3), np.float32), (2.0,), {}),
    ("requires_grad_/f32", X23, (), {}),
    # ---- random: recorded as (shape, dtype, property)
    ("uniform_/range", np.zeros((50,), np.float32), (-2, 3), {}), ("normal_/shape", np.zeros((4, 5), np.float32), (), {}),
    ("random_/range", np.zeros((50,), np.float32), (0, 5), {}), ("exponential_/pos", np.zeros((50,), np.float32), (), {}),
    ("bernoulli_/01", np.zeros((50,), np.float32), (0.5,), {}), ("bernoulli/01", np.full((50,), 0.5, np.float32), (), {}),
    ("cauchy/shape", np.zeros((4, 5), np.float32), (), {}), ("log_normal/pos", np.zeros((50,), np.float32), (), {}),
    ("uniform/range", np.zeros((50,), np.float32), (), {}),
    ("multinomial/range", np.array([0.2, 0.3, 0.5], np.float32), (6,), {}),
    ("random_categorical/range", np.log(np.array([[0.2, 0.3, 0.5]], np.float32)), (6,), {}),
]

SUMMARY = {"uniform_", "normal_", "random_", "exponential_", "bernoulli_", "bernoulli", "cauchy", "log_normal",
           "uniform", "multinomial", "random_categorical"}

def _t(arr, dtype="Float32"):
    arr = np.asarray(arr)
    value = arr.astype(np.float64).tolist() if dtype.startswith("Float") else arr.tolist()
    return {"tensor": dtype, "shape": list(arr.shape), "value": value}


def _inplace(arr, dtype="Float32"):
    return {"tuple": [_t(arr, dtype), _t(arr, dtype), {"bool": True}]}


def _sigmoid(x):
    return 1 / (1 + np.exp(-x.astype(np.float64)))


def _scatter_add(base, index, src, axis):
    out = base.astype(np.float64).copy()
    for i in np.ndindex(index.shape):
        j = list(i)
        j[axis] = index[i]
        out[tuple(j)] += src[i]
    return out


def _erfinv(y):
    import math
    def one(v):                                   # Newton on erf
        x = 0.0
        for _ in range(60):
            x -= (math.erf(x) - v) / (2 / math.sqrt(math.pi) * math.exp(-x * x))
        return x
    return np.vectorize(one)(y.astype(np.float64))


_IDX = np.array([[0, 0, 2], [1, 1, 1]])
_NQ = np.array([[1., np.nan, 3.], [2., 4., 8.]])
_BAD_INPLACE = "MindSpore 2.10's CPU build returns a new tensor and leaves self unchanged"
_NO_KERNEL = "MindSpore 2.10's CPU build has no kernel for it (RuntimeError); minispore computes it"
_RANDOM = "MindSpore 2.10's CPU build has no kernel for the in-place draw; minispore draws (shape, dtype, range)"

DELIBERATE = {
    "bitwise_not/int32": _NO_KERNEL, "fmin/nan": _NO_KERNEL, "angle/f32": _NO_KERNEL + " (real input: 0 or pi)",
    "addcdiv/f32": _NO_KERNEL, "diff/n2_axis0": "MindSpore 2.10 accepts only n=1; minispore takes differences n times",
    "kthvalue/f32": "MindSpore 2.10 raises 'should not come here' on CPU; minispore gives the k-th smallest",
    "quantile/f32": _NO_KERNEL, "quantile/all": _NO_KERNEL, "nanquantile/nan": _NO_KERNEL,
    "scatter_add/f32": _NO_KERNEL, "unique/sorted": _NO_KERNEL, "nonzero/as_tuple": _NO_KERNEL,
    "new_full/f32": "MindSpore 2.10 supports new_full on Ascend only; minispore fills",
    "new_full/dtype": "MindSpore 2.10 supports new_full on Ascend only; minispore fills",
    "fills/f32": _NO_KERNEL, "pin_memory/f32": "MindSpore 2.10 needs an Ascend device; minispore returns a copy",
    "type_as/err_not_tensor": "MindSpore raises AttributeError; minispore a TypeError that names the argument",
    "put_/f32": "MindSpore 2.10 raises 'no branch to go function tensor_put_' on CPU; minispore writes",
    "fill_diagonal_/f32": "MindSpore 2.10 raises 'should not come here' on CPU; minispore fills the diagonal",
}
for _n in ("add_/alpha", "sub_/f32", "mul_/f32", "div_/f32", "div_/floor", "floor_divide_/f32", "remainder_/f32",
           "exp_/f32", "copy_/f32", "copy_/broadcast"):
    DELIBERATE[_n] = _BAD_INPLACE + " (copy_: writes, but returns another object); minispore writes into self"
for _n in ("log_/f32", "floor_/f32", "sigmoid_/f32", "sign_/f32", "tanh_/f32", "erfinv_/f32", "clamp_/f32",
           "fill_/f32", "zero_/f32", "addmm_/f32", "masked_fill_/f32", "index_fill_/f32", "masked_scatter_/f32",
           "scatter_/src", "scatter_/value", "scatter_/reduce_add", "scatter_add_/f32", "index_add_/f32",
           "index_copy_/f32", "index_put_/f32"):
    DELIBERATE[_n] = _NO_KERNEL
for _n in ("uniform_/range", "normal_/shape", "random_/range", "exponential_/pos", "bernoulli_/01", "bernoulli/01",
           "uniform/range"):
    DELIBERATE[_n] = _RANDOM


def _summary_instead(shape):
    return {"tuple": [{"list": [{"int": d} for d in shape]}, {"dtype": "Float32"}, {"bool": True}]}


def _kth():
    s = np.sort(X23, 1)
    return {"tuple": [_t(s[:, 1]), _t(np.argsort(X23, 1)[:, 1], "Int64")]}


_MSC = X23.copy()
_MSC[B23] = np.arange(6, dtype=np.float32)[:B23.sum()]
_MF = np.where(B23, -1.0, X23)
_IF = X23.copy()
_IF[:, 1] = 0
_IA = X23.copy()
_IA[:, [0, 2]] += 3
_IC = X23.copy()
_IC[:, [2, 0]] = 1
_IP = X23.copy()
_IP[1, 1] = 7
_PUT = X23.copy().reshape(-1)
_PUT[[0, 5]] = [9, 8]
_U = np.array([3, 1, 3, 2])

INSTEAD = {
    "bitwise_not/int32": _t(~I23, "Int32"), "fmin/nan": _t(np.fmin(NAN23, X23)),
    "angle/f32": _t(np.angle(X23)), "addcdiv/f32": _t(X23 + 2 * Y23.astype(np.float64) / P23),
    "diff/n2_axis0": _t(np.diff(X33.astype(np.float64), 2, 0)), "kthvalue/f32": _kth(),
    "quantile/f32": _t(np.quantile(X23.astype(np.float64), 0.25, 1)),
    "quantile/all": _t(np.quantile(X23.astype(np.float64), 0.5)),
    "nanquantile/nan": _t(np.nanquantile(_NQ, 0.5, 1)),
    "scatter_add/f32": _t(_scatter_add(np.zeros((2, 3)), _IDX, X23, 1)),
    "unique/sorted": {"tuple": [_t(np.unique(_U), "Int32"), _t(np.unique(_U, return_inverse=True)[1], "Int64"),
                                _t(np.unique(_U, return_counts=True)[1], "Int64")]},
    "nonzero/as_tuple": {"tuple": [_t(a, "Int64") for a in np.nonzero(X23 * B23)]},
    "new_full/f32": _t(np.full((2, 2), 3.5)), "new_full/dtype": _t(np.full((2,), 1), "Int32"),
    "fills/f32": _t(np.ones((2, 3))), "pin_memory/f32": _t(X23),
    "type_as/err_not_tensor": {"error": "TypeError", "keywords": ["type_as", "int"]},
    "put_/f32": _inplace(_PUT.reshape(2, 3)), "fill_diagonal_/f32": _inplace(np.eye(3) * 2),
    "add_/alpha": _inplace(X23 + 2 * Y23), "sub_/f32": _inplace(X23 - Y23), "mul_/f32": _inplace(X23 * Y23),
    "div_/f32": _inplace(X23 / P23), "div_/floor": _inplace(np.floor(X23 / P23)),
    "floor_divide_/f32": _inplace(np.floor(X23 / P23)), "remainder_/f32": _inplace(np.mod(X23, P23)),
    "exp_/f32": _inplace(np.exp(X23.astype(np.float64))), "copy_/f32": _inplace(Y23),
    "copy_/broadcast": _inplace(np.broadcast_to(V3, (2, 3))), "log_/f32": _inplace(np.log(P23.astype(np.float64))),
    "floor_/f32": _inplace(np.floor(X23)), "sigmoid_/f32": _inplace(_sigmoid(X23)), "sign_/f32": _inplace(np.sign(X23)),
    "tanh_/f32": _inplace(np.tanh(X23.astype(np.float64))), "erfinv_/f32": _inplace(_erfinv(U01)),
    "clamp_/f32": _inplace(np.clip(X23, -0.5, 0.5)), "fill_/f32": _inplace(np.full((2, 3), 3.0)),
    "zero_/f32": _inplace(np.zeros((2, 3))),
    "addmm_/f32": _inplace(0.5 * X33.astype(np.float64) + 2 * (X33.astype(np.float64) @ X33)),
    "masked_fill_/f32": _inplace(_MF), "index_fill_/f32": _inplace(_IF), "masked_scatter_/f32": _inplace(_MSC),
    "scatter_/src": _inplace(np.array([[0, 0, 5.], [6., 0, 0]])),
    "scatter_/value": _inplace(np.array([[0, 0, 4.], [4., 0, 0]])),
    "scatter_/reduce_add": _inplace(np.array([[1, 1, 7.], [7., 3., 1]])),
    "scatter_add_/f32": _inplace(_scatter_add(np.zeros((2, 3)), _IDX, X23, 1)),
    "index_add_/f32": _inplace(_IA), "index_copy_/f32": _inplace(_IC), "index_put_/f32": _inplace(_IP),
    "uniform_/range": _summary_instead([50]), "normal_/shape": _summary_instead([4, 5]),
    "random_/range": _summary_instead([50]), "exponential_/pos": _summary_instead([50]),
    "bernoulli_/01": _summary_instead([50]), "bernoulli/01": _summary_instead([50]),
    "uniform/range": _summary_instead([50]),
}
UNSTABLE = {}
NOTES = {}


def tolerance(name):
    return 1e-5, 1e-5


def _convert(ms, v):
    if isinstance(v, np.ndarray):
        return ms.Tensor(v)
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, D):
        return getattr(ms, v.name)
    if isinstance(v, L):
        return [ms.Tensor(a) for a in v.arrays]
    if isinstance(v, Raw):
        return v.v
    if isinstance(v, tuple):
        return tuple(_convert(ms, a) for a in v)
    return v


def _summary(ms, method, t):
    a = t.asnumpy()
    if method in ("uniform_",):
        prop = bool(((a >= -2) & (a < 3)).all())
    elif method in ("uniform",):
        prop = bool(((a >= 0) & (a < 1)).all())
    elif method in ("random_",):
        prop = bool(((a >= 0) & (a < 5)).all() and (a == np.round(a)).all())
    elif method in ("exponential_", "log_normal"):
        prop = bool((a >= 0).all())
    elif method in ("bernoulli_", "bernoulli"):
        prop = bool(np.isin(a, [0, 1]).all())
    elif method in ("multinomial", "random_categorical"):
        prop = bool(((a >= 0) & (a < 3)).all())
    else:
        prop = bool(np.isfinite(a).all())
    return (list(t.shape), t.dtype, prop)


def cases(ms, jit=False):
    out = []
    for name, x, args, kwargs in ROWS:
        method = name.split("/")[0]

        def thunk(x=x, args=args, kwargs=kwargs, method=method):
            t = ms.Tensor(x)
            if args is None:                            # a property
                return getattr(t, method)
            res = getattr(t, method)(*_convert(ms, args), **{k: _convert(ms, v) for k, v in kwargs.items()})
            if method in SUMMARY:
                r = res[0] if isinstance(res, tuple) else res
                return _summary(ms, method, r)
            if method.endswith("_") and method not in ("requires_grad_",):
                return res, t, res is t
            return res
        if name in NOTES:
            thunk.note = NOTES[name]
        out.append((name, thunk))
    return out
