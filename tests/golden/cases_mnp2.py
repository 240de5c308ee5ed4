"""Reference ("golden") cases for more of ``mindspore.numpy`` in MindSpore 2.10 (minispore/numpy/more_math.py,
more_array.py, stats.py): the same table form as cases_mnp.py, ``(case name, args, kwargs)`` with the function
named before the ``/``; NumPy arrays become Tensors, ``D("int32")`` a MindSpore dtype, ``T(...)`` a list of
Tensors, other Python data stays. ``CALLS`` are the cases that need code (callables, indexing objects, random
draws described by shape and dtype). ``gen_mnp2.py`` records ``mnp2.json``; tests/test_golden_mnp2.py runs the
rows on ``minispore.numpy``.
"""
import numpy as np

import cases_mnp
from cases_methods import D, f32
from cases_methods import L as T  # (a list of Tensors)

X23 = f32(21, (2, 3))
Y23 = f32(22, (2, 3))
P23 = (np.random.default_rng(23).random((2, 3)) + 0.5).astype(np.float32)
U23 = (np.random.default_rng(24).random((2, 3)) * 0.8 - 0.4).astype(np.float32)
I23 = np.array([[1, 6, 2], [4, 0, 3]], np.int32)
J23 = np.array([[3, 4, 5], [2, 7, 9]], np.int32)
X34 = f32(25, (3, 4))
X234 = f32(26, (2, 3, 4))
V3 = np.array([1., 2., 3.], np.float32)
W3 = np.array([4., -5., 6.], np.float32)
V4 = np.array([0.5, 1.5, -2., 3.], np.float32)
NANS = np.array([[1., np.nan, 2.], [np.nan, 3., 4.]], np.float32)
INFS = np.array([-np.inf, -1., 0., 2., np.inf, np.nan], np.float32)
SORTED = np.array([1., 3., 5., 7., 9.], np.float32)
HIST = np.array([0.1, 0.4, 0.45, 1.2, 2.5, 2.6, 3.9, 1.1], np.float32)
PHASE = np.array([0., 1., 3.5, 6.8, 7.0, 2.0], np.float32)


ROWS = [
    # ---- elementwise math
    ("arccosh/f", (P23 + 1,), {}), ("arcsinh/f", (X23,), {}), ("arctanh/f", (U23,), {}), ("cbrt/f", (X23,), {}),
    ("cbrt/int", (I23,), {}), ("copysign/f", (X23, Y23), {}), ("copysign/scalar", (P23, -1.0), {}),
    ("deg2rad/f", (X23 * 90,), {}), ("deg2rad/int", (I23,), {}), ("rad2deg/f", (X23,), {}),
    ("radians/f", (X23 * 90,), {}), ("exp2/f", (X23,), {}), ("exp2/int", (I23,), {}), ("fabs/f", (X23,), {}),
    ("fabs/int", (-I23,), {}), ("fix/f", (X23 * 3,), {}), ("fix/int", (I23,), {}),
    ("float_power/f", (P23, Y23), {}), ("float_power/int", (I23, J23), {}), ("fmod/f", (X23 * 3, P23), {}),
    ("fmod/int", (I23 - 3, 4), {}), ("gcd/int", (I23, J23), {}), ("lcm/int", (I23, J23), {}),
    ("heaviside/f", (np.array([-1., 0., 2.], np.float32), 0.5), {}), ("hypot/f", (X23, Y23), {}),
    ("hypot/int", (I23, J23), {}), ("logaddexp/f", (X23, Y23), {}), ("logaddexp2/f", (X23, Y23), {}),
    ("signbit/f", (X23,), {}), ("signbit/int", (I23 - 2,), {}), ("divmod/f", (X23 * 3, P23), {}),
    ("divmod/int", (I23, 4), {}), ("bitwise_and/int", (I23, J23), {}), ("bitwise_or/int", (I23, J23), {}),
    ("bitwise_xor/int", (I23, J23), {}), ("bitwise_not/int", (I23,), {}), ("invert/int", (I23,), {}),
    ("bitwise_and/bool", (I23 > 2, J23 > 3), {}), ("isneginf/f", (INFS,), {}), ("isposinf/f", (INFS,), {}),
    # ---- reductions
    ("nansum/all", (NANS,), {}), ("nansum/axis", (NANS, 0), {}), ("nanmean/all", (NANS,), {}),
    ("nanmean/axis_keep", (NANS, 1), {"keepdims": True}), ("nanmax/all", (NANS,), {}), ("nanmax/axis", (NANS, 0), {}),
    ("nanmin/axis", (NANS, 1), {}), ("nanstd/all", (NANS,), {}), ("nanstd/ddof", (NANS, 1), {"ddof": 1}),
    ("nanvar/axis", (NANS, 0), {}), ("nancumsum/flat", (NANS,), {}), ("nancumsum/axis", (NANS, 1), {}),
    ("count_nonzero/all", (I23,), {}), ("count_nonzero/axis", (I23, 1), {}), ("max/all", (X23,), {}),
    ("max/axis", (X23, 0), {}), ("min/axis_keep", (X23, 1), {"keepdims": True}), ("sometrue/all", (I23 > 5,), {}),
    ("sometrue/axis", (I23 > 3, 0), {}),
    # ---- linear algebra
    ("kron/2d", (X23, I23.astype(np.float32)), {}), ("kron/1d", (V3, W3), {}), ("tensordot/int", (X234, X34.T.copy().reshape(4, 3)[:, :3].reshape(4, 3)), {"axes": 1}),
    ("tensordot/pairs", (X234, X34), {"axes": ((1, 2), (0, 1))}), ("tensordot/default", (X234, X34), {}),
    ("multi_dot/three", (T(X23, X34, f32(27, (4, 2))),), {}), ("multi_dot/vec_ends", (T(V3[:2], X23, V3),), {}),
    ("norm/vec", (V4,), {}), ("norm/fro", (X34,), {}), ("norm/ord1_vec", (V4, 1), {}), ("norm/inf_vec", (V4, np.inf), {}),
    ("norm/axis", (X34,), {"axis": 1}), ("norm/nuc", (X34, "nuc"), {}), ("norm/ord1_mat", (X34, 1), {}),
    ("norm/keep", (X234,), {"axis": (1, 2), "keepdims": True}),
    ("cross/3", (V3, W3), {}), ("cross/batch", (X23, Y23), {}),
    # ---- statistics
    ("cov/rows", (X34,), {}), ("cov/cols_bias", (X34,), {"rowvar": False, "bias": True}),
    ("cov/y", (V4, V4[::-1].copy()), {}), ("cov/ddof", (X34,), {"ddof": 0}),
    ("cov/fweights", (X34,), {"fweights": np.array([1, 2, 1, 3], np.int32)}),
    ("corrcoef/rows", (X34,), {}), ("corrcoef/y", (V4, V4 ** 2), {}),
    ("diff/default", (X34,), {}), ("diff/n2_axis0", (X34,), {"n": 2, "axis": 0}), ("diff/int", (I23,), {}),
    ("diff/prepend", (V4,), {"prepend": 1.0}), ("ediff1d/f", (X23,), {}),
    ("ediff1d/ends", (V4,), {"to_begin": 9.0, "to_end": np.array([7., 8.], np.float32)}),
    ("gradient/1d", (V4,), {}), ("gradient/spacing", (V4, 2.0), {}), ("gradient/2d", (X34,), {}),
    ("gradient/axis_edge2", (X34,), {"axis": 1, "edge_order": 2}), ("trapz/default", (X34,), {}),
    ("trapz/x", (V4, SORTED[:4]), {}), ("trapz/dx_axis", (X34,), {"dx": 0.5, "axis": 0}),
    ("histogram/default", (HIST,), {}), ("histogram/bins_range", (HIST, 4), {"range": (0., 4.)}),
    ("histogram/weights_density", (HIST, 3), {"weights": np.arange(8).astype(np.float32), "density": True}),
    ("histogram/edges", (HIST, np.array([0., 1., 2.5, 4.], np.float32)), {}),
    ("histogram_bin_edges/f", (HIST, 5), {}), ("histogram2d/f", (HIST, HIST[::-1].copy(), 3), {}),
    ("histogramdd/f", (np.stack([HIST, HIST[::-1]], 1),), {"bins": 2}),
    ("bincount/int", (np.array([0, 1, 1, 3, 2, 1, 7], np.int32),), {}),
    ("bincount/weights", (np.array([0, 1, 1, 3], np.int32),), {"weights": V4, "minlength": 6}),
    ("digitize/f", (HIST, np.array([0., 1., 2., 3.], np.float32)), {}),
    ("digitize/right", (HIST, np.array([0., 1.1, 2.5, 3.], np.float32)), {"right": True}),
    ("digitize/decreasing", (HIST, np.array([3., 2., 1., 0.], np.float32)), {}),
    ("interp/f", (np.array([0., 1.5, 2.72, 3.14, 10.], np.float32), np.array([1., 2., 3.], np.float32),
                  np.array([3., 2., 0.], np.float32)), {}),
    ("interp/left_right", (np.array([-1., 1.5, 5.], np.float32), SORTED[:3], W3), {"left": -9.0, "right": 9.0}),
    ("convolve/full", (V4, V3), {}), ("convolve/same", (V4, V3), {"mode": "same"}),
    ("convolve/valid", (V4, V3), {"mode": "valid"}), ("correlate/valid", (V4, V3), {}),
    ("correlate/full", (V4, V3), {"mode": "full"}), ("correlate/same", (V4, V3[:2]), {"mode": "same"}),
    # ---- polynomials
    ("polyadd/f", (V3, V4), {}), ("polysub/f", (V3, V4), {}), ("polymul/f", (V3, V4), {}),
    ("polyval/f", (V3, V4), {}), ("polyval/scalar", (V3, 2.0), {}), ("polyder/f", (V4,), {}),
    ("polyder/m2", (V4, 2), {}), ("polyint/f", (V3,), {}), ("polyint/m2_k", (V3, 2, 1.5), {}),
    # ---- creation
    ("geomspace/default", (1, 1000, 4), {}), ("geomspace/no_endpoint", (2.0, 32.0, 4), {"endpoint": False}),
    ("bartlett/5", (5,), {}), ("blackman/5", (5,), {}), ("hamming/6", (6,), {}), ("hanning/5", (5,), {}),
    ("vander/default", (V3,), {}), ("vander/N_increasing", (V3, 4), {"increasing": True}),
    ("vander/int", (np.array([1, 2, 3], np.int32),), {}),
    ("diagflat/1d", (V3,), {}), ("diagflat/2d_k", (I23, 1), {}), ("indices/2d", ((2, 3),), {}),
    ("indices/sparse", ((2, 3),), {"sparse": True}), ("diag_indices/3", (3,), {}), ("diag_indices/ndim3", (2, 3), {}),
    ("tril_indices/3", (3,), {}), ("tril_indices/k_m", (3, 1, 4), {}), ("triu_indices/3", (3,), {}),
    ("triu_indices/k", (3, 1), {}), ("tril_indices_from/f", (X34,), {}), ("triu_indices_from/k", (X34, -1), {}),
    # ---- manipulation and indexing
    ("argwhere/int", (I23,), {}), ("broadcast_arrays/two", (V3, X23[:, :1].copy()), {}),
    ("choose/clip", (np.array([0, 2, 1, 3], np.int32), T(V4, V4 * 2, V4 * 3)), {}),
    ("choose/wrap", (np.array([[0, 1, 2, 1]], np.int32), T(V4, V4 * 2, V4 * 3)), {"mode": "wrap"}),
    ("rot90/default", (X23,), {}), ("rot90/k2", (X234, 2), {}), ("rot90/axes", (X234, -1, (1, 2)), {}),
    ("select/f", (T(V4 > 1, V4 < 0), T(V4, V4 * 10)), {}), ("select/default", (T(V4 > 1,), T(V4,)), {"default": -1}),
    ("take_along_axis/axis1", (X23, np.array([[2, 0], [1, 1]], np.int32), 1), {}),
    ("take_along_axis/none", (X23, np.array([5, 0, 3], np.int32), None), {}),
    ("unravel_index/int", (np.array([22, 41, 37], np.int32), (7, 6)), {}), ("unravel_index/scalar", (5, (2, 3)), {}),
    ("ravel_multi_index/f", ((np.array([3, 6, 6], np.int32), np.array([4, 5, 1], np.int32)), (7, 6)), {}),
    ("ravel_multi_index/wrap", ((np.array([3, 8], np.int32), np.array([4, 7], np.int32)), (7, 6)), {"mode": "wrap"}),
    ("searchsorted/left", (SORTED, np.array([0., 3., 6., 10.], np.float32)), {}),
    ("searchsorted/right", (SORTED, np.array([3., 6.], np.float32)), {"side": "right"}),
    ("searchsorted/sorter", (SORTED[::-1].copy(), np.array([3., 6.], np.float32)),
     {"sorter": np.array([4, 3, 2, 1, 0], np.int32)}),
    ("pad/constant", (X23, 1), {}), ("pad/widths", (X23, ((1, 0), (0, 2))), {"constant_values": 5}),
    ("pad/edge", (X23, 1), {"mode": "edge"}), ("pad/reflect", (V4, 2), {"mode": "reflect"}),
    ("pad/symmetric", (V4, 2), {"mode": "symmetric"}), ("pad/wrap", (V4, (1, 2)), {"mode": "wrap"}),
    ("pad/maximum", (V4, 1), {"mode": "maximum"}), ("pad/mean", (X23, 1), {"mode": "mean"}),
    ("pad/linear_ramp", (V4, 2), {"mode": "linear_ramp", "end_values": 1}),
    ("pad/float_value", (X23, 1), {"constant_values": 5.0}),
    ("unwrap/f", (PHASE,), {}), ("unwrap/discont", (PHASE, 4.0), {}),
    # ---- logic and sets
    ("array_equiv/bcast", (X23[0], np.stack([X23[0], X23[0]])), {}), ("array_equiv/diff", (X23, Y23), {}),
    ("array_equiv/shape", (V3, V4), {}),
    ("in1d/f", (I23, np.array([1, 3, 9], np.int32)), {}), ("in1d/invert", (I23, np.array([1, 3], np.int32)), {"invert": True}),
    ("isin/f", (I23, np.array([1, 3, 9], np.int32)), {}), ("isin/invert", (I23, np.array([0, 6], np.int32)), {"invert": True}),
    ("intersect1d/f", (I23, J23), {}), ("setdiff1d/f", (I23, J23), {}),
    ("isscalar/int", (3,), {}), ("isscalar/list", ([3],), {}), ("isscalar/tensor", (V3,), {}),
    ("promote_types/int_float", (D("int32"), D("float16")), {}), ("promote_types/f", (D("float16"), D("float32")), {}),
    ("result_type/mix", (I23, V3), {}), ("result_type/dtypes", (D("int8"), D("uint8")), {}),
    ("array_str/f", (np.array([1.5, 2., 3.], np.float32),), {}),
    # ---- dtype rules for integer input
    ("nanmean/int", (I23,), {}), ("nansum/int", (I23,), {}), ("nanmax/int", (I23,), {}), ("kron/int", (I23, I23), {}),
    ("cov/int", (I23,), {}), ("trapz/int", (I23,), {}), ("histogram/int", (I23,), {}),
    ("digitize/int", (I23, np.array([1, 3], np.int32)), {}),
    ("interp/int", (np.array([1, 2], np.int32), np.array([0, 3], np.int32), np.array([0, 6], np.int32)), {}),
    ("convolve/int", (np.array([1, 2, 3], np.int32), np.array([1, 1], np.int32)), {}),
    ("polyval/int", (np.array([1, 2], np.int32), 3), {}), ("polyder/int", (np.array([1, 2, 3], np.int32),), {}),
    ("polyadd/int", (np.array([1, 2], np.int32), np.array([1], np.int32)), {}), ("norm/int", (I23,), {}),
    ("count_nonzero/f", (X23,), {}), ("fmod/scalar", (X23, 2), {}), ("hypot/scalar", (X23, 2), {}),
    ("copysign/int", (I23, -1), {}), ("heaviside/int", (I23 - 2, I23), {}), ("exp2/dtype", (I23,), {"dtype": D("float32")}),
    ("arccosh/int", (I23 + 1,), {}), ("corrcoef/1d", (X23[0],), {}), ("cov/1d", (X23[0],), {}),
    ("in1d/float", (X23, X23[0]), {}), ("intersect1d/float", (X23, X23[0]), {}), ("setdiff1d/int", (I23, I23[0]), {}),
    ("divmod/scalar", (X23, 2), {}), ("signbit/bool", (I23 > 2,), {}), ("nancumsum/int", (I23,), {}),
    ("nanstd/int", (I23,), {}), ("sometrue/f", (X23,), {}), ("promote_types/str", ("int8", "float32"), {}),
    ("result_type/python", (I23, 1.0), {}), ("isscalar/npscalar", (np.float32(1),), {}), ("array_str/int", (I23,), {}),
    ("indices/dtype", ((2,),), {"dtype": D("float32")}), ("tril_indices/k_neg", (3, -1), {}),
    ("histogram2d/bins_list", (X23[0], X23[1]), {"bins": [2, 3]}), ("diagflat/k_neg", (np.array([1, 2], np.int32), -1), {}),
    # ---- errors
    ("gcd/float", (X23, X23), {}), ("bitwise_and/float", (X23, X23), {}), ("tensordot/axes_too_big", (X23, X23, 3), {}),
    ("diff/0d", (np.float32(1.0),), {}), ("bincount/float", (X23[0],), {}), ("bincount/2d", (I23,), {}),
    ("convolve/bad_mode", (X23[0], X23[0], "x"), {}), ("vander/2d", (X23,), {}), ("rot90/1d", (X23[0],), {}),
    ("select/lengths", (T(X23 > 0), T(X23, X23)), {}), ("take_along_axis/ndim", (X23, np.array([0], np.int32), 1), {}),
    ("unravel_index/out_of_bounds", (np.array([100], np.int32), (2, 3)), {}), ("pad/bad_mode", (X23, 1), {"mode": "foo"}),
    ("pad/negative", (X23, -1), {}), ("cross/bad_dims", (X23[:, :2].reshape(1, 4), X23), {}),
    ("multi_dot/one", (T(X23),), {}), ("logaddexp/int", (I23, I23), {}), ("gradient/too_small", (X23[:, :1],), {"axis": 1}),
    ("histogram/bad_range", (X23,), {"range": (1.0, 0.0)}), ("geomspace/zero", (0, 1, 3), {}),
    ("searchsorted/2d", (X23, X23), {}), ("searchsorted/bad_side", (X23[0], X23[0]), {"side": "x"}),
    ("broadcast_arrays/bad", (X23, X23[0, :2]), {}),
]

DELIBERATE = {
    "cbrt/int": "MindSpore 2.10's mnp.cbrt takes the sign as |x|/x, so cbrt(0) is NaN; minispore gives 0",
    "pad/float_value": "MindSpore 2.10's mnp.pad refuses a float constant_values (TypeError: 'should only be int, "
                       "list, tuple or tensor'); minispore pads with it, as NumPy does",
    "gcd/float": "MindSpore 2.10's mnp.gcd gives |x| for float inputs; minispore refuses them (TypeError), as NumPy "
                 "does",
    "unravel_index/out_of_bounds": "MindSpore 2.10's mnp.unravel_index wraps an out-of-bounds index silently; "
                                   "minispore raises ValueError, as NumPy does",
    "pad/negative": "MindSpore 2.10's mnp.pad returns the array unchanged for a negative width; minispore raises "
                    "ValueError, as NumPy does",
    "logaddexp/int": "MindSpore 2.10's mnp.logaddexp refuses Int32 input (its Exp kernel lacks Int32); minispore "
                     "computes it in Float32, as NumPy computes it in float",
    "geomspace/zero": "MindSpore 2.10's mnp.geomspace gives [0, nan, nan] for a zero end; minispore raises "
                      "ValueError, as NumPy does",
}
INSTEAD = {
    "cbrt/int": {"tensor": "Float32", "shape": [2, 3], "value": np.cbrt(I23.astype(np.float32)).tolist()},
    "pad/float_value": {"tensor": "Float32", "shape": [4, 5], "value": np.pad(X23, 1, constant_values=5.0).tolist()},
    "gcd/float": {"error": "TypeError", "keywords": ["gcd", "integer"]},
    "unravel_index/out_of_bounds": {"error": "ValueError", "keywords": ["unravel_index", "out of bounds"]},
    "pad/negative": {"error": "ValueError", "keywords": ["pad", "non-negative"]},
    "logaddexp/int": {"tensor": "Float32", "shape": [2, 3],
                      "value": np.logaddexp(I23.astype(np.float32), I23.astype(np.float32)).tolist()},
    "geomspace/zero": {"error": "ValueError", "keywords": ["geomspace", "zero"]},
}
KEYWORDS = {"bitwise_and/float": ["bitwise_and"], "tensordot/axes_too_big": ["axes"], "bincount/float": ["ints"],
            "bincount/2d": ["one-dimensional"], "convolve/bad_mode": ["mode"], "vander/2d": ["1-D"],
            "select/lengths": ["same length"], "take_along_axis/ndim": ["same number of dimensions"],
            "cross/bad_dims": ["incompatible dimensions"], "gradient/too_small": ["too small"],
            "histogram/bad_range": ["max must be larger than min"], "searchsorted/2d": ["1-D"],
            "searchsorted/bad_side": ["side"], "broadcast_arrays/bad": ["could not be broadcast"]}
UNSTABLE = {}
NOTES = {}


def tolerance(name):
    return 1e-5, 1e-5


def _convert(ms, v):
    """cases_mnp's conversion, and ``T(...)``: a list of Tensors."""
    if isinstance(v, T):
        return [ms.Tensor(a) for a in v.arrays]
    if isinstance(v, tuple) and any(isinstance(a, np.ndarray) for a in v):
        return tuple(_convert(ms, a) for a in v)
    return cases_mnp._convert(ms, v)


def _drawn(t):
    """A random draw by its shape, dtype and range."""
    a = t.asnumpy()
    return (tuple(int(s) for s in t.shape), str(t.dtype), bool((a >= -10).all() and (a < 10).all()))


def _calls(ms, mnp):
    tn = ms.Tensor
    return {
        "piecewise/lambdas": lambda: mnp.piecewise(tn(V4), [tn(V4 < 0), tn(V4 >= 0)], [lambda x: -x, lambda x: x * 2]),
        "apply_along_axis/sum": lambda: mnp.apply_along_axis(lambda r: (r * r).sum(), 1, tn(X23)),
        "apply_along_axis/vector": lambda: mnp.apply_along_axis(lambda r: r[::-1], 0, tn(X23)),
        "apply_along_axis/matrix": lambda: mnp.apply_along_axis(lambda r: mnp.stack([r, r]), 1, tn(X23)),
        "apply_over_axes/sum": lambda: mnp.apply_over_axes(mnp.sum, tn(X234), [0, 2]),
        "mgrid/2d": lambda: mnp.mgrid[0:2, 0:3], "mgrid/1d_step": lambda: mnp.mgrid[1:5:2],
        "mgrid/float_num": lambda: mnp.mgrid[0:1:3j], "ogrid/2d": lambda: tuple(mnp.ogrid[0:2, 0:3]),
        "ix_/two": lambda: mnp.ix_(tn(np.array([0, 1], np.int32)), tn(np.array([2, 4], np.int32))),
        "rand/shape": lambda: _drawn(mnp.rand(2, 3)), "rand/tuple_dtype": lambda: _drawn(mnp.rand((3, 2), dtype=ms.float64)),
        "randn/shape": lambda: _drawn(mnp.randn(2, 3)),
        "randint/range": lambda: _drawn(mnp.randint(1, 5, (2, 2))), "randint/max": lambda: _drawn(mnp.randint(3)),
    }


def cases(ms, jit=False):
    mnp = ms.numpy
    out = []
    for name, args, kwargs in ROWS:
        fn = name.split("/")[0]

        def thunk(fn=fn, args=args, kwargs=kwargs):
            res = getattr(mnp, fn)(*[_convert(ms, a) for a in args], **{k: _convert(ms, v) for k, v in kwargs.items()})
            return tuple(res) if isinstance(res, list) else res
        out.append((name, thunk))
    out.extend(_calls(ms, mnp).items())
    return out
