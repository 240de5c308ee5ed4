"""Reference ("golden") cases for more of MindSpore 2.10's ``mindspore.ops`` functions (minispore's
``ops/function/more_func.py``): other names of existing ops (``arctan2``, ``floor_div``, ``truncate_mod``...), the
functional forms of Tensor methods (``ops.fmod``, ``ops.diagonal``, ``ops.nansum``...) and short compositions
(``hstack``, ``logsigmoid``, ``margin_ranking_loss``...).

One row per case: ``(case, function name, inputs, keyword arguments, with gradient)``. A case gives the function's
output (values and dtypes); with gradient also ``<case>/grad``, the gradient (``ms.grad``) of the sum of the first
output with respect to the float32 array inputs. ``ERROR_ROWS`` are calls MindSpore refuses: the error class.
``gen_more_ops.py`` records ``more_ops.json`` with MindSpore; tests/test_golden_more_ops.py runs the same rows on
minispore. Inputs are literals or ``np.random.default_rng(seed)``: NumPy arrays (made into Tensors), Python values
(passed as they are), ``("list", ...)`` (a list of Tensors) or dtype names ``"dt:int32"``.
"""
import numpy as np

import rows


_r = rows.uniform
_i = rows.integers


A = _r(1, (2, 3))
B = _r(2, (2, 3))
P = _r(3, (2, 3), 0.2, 2.0)
A3 = _r(4, (2, 3, 4)) * 3
SQ = _r(5, (3, 3))
V3 = _r(6, (3,))
V2 = _r(7, (2,))
I23 = _i(8, (2, 3), -7, 8)
J23 = _i(9, (2, 3), 1, 5)
NANS = np.array([[1., np.nan, 2.], [np.nan, 3., 4.]], np.float32)
INFS = np.array([-np.inf, -1., 0., -0., 2., np.inf, np.nan], np.float32)
T_PM = np.array([1., -1.], np.float32)
SORTED = np.array([1., 3., 5., 7., 9.], np.float32)
LAB01 = np.array([[0., 1., 1.], [1., 0., 0.]], np.float32)
TPM23 = np.array([[1., -1., 1.], [-1., 1., -1.]], np.float32)

# (case, function, inputs, kwargs, with gradient)
ROWS = [
    # other names of existing ops
    ("arctan2", "arctan2", [A, B], {}, True),
    ("floor_div", "floor_div", [A * 3, P], {}, False),
    ("floor_div/int", "floor_div", [I23, J23], {}, False),
    ("floordiv", "floordiv", [I23, J23], {}, False),
    ("floor_mod", "floor_mod", [I23, J23], {}, False),
    ("floor_mod/float", "floor_mod", [A * 3, P], {}, False),
    ("floormod", "floormod", [A * 3, P], {}, False),
    ("truncate_div", "truncate_div", [I23, J23], {}, False),
    ("truncate_mod", "truncate_mod", [I23, J23], {}, False),
    ("truncate_mod/float", "truncate_mod", [A * 3, P], {}, False),
    ("tensor_muls", "tensor_muls", [A, 2.5], {}, True),
    ("addn", "addn", [("list", A, B, P)], {}, False),
    # functional forms of the Tensor methods
    ("fmod", "fmod", [A * 3, P], {}, True),
    ("fmod/int", "fmod", [I23, J23], {}, False),
    ("copysign", "copysign", [A, B], {}, True),
    ("heaviside", "heaviside", [np.array([-1., 0., 2.], np.float32), np.array([0.5, 0.5, 0.5], np.float32)], {},
     False),
    ("logaddexp", "logaddexp", [A, B], {}, True),
    ("logaddexp2", "logaddexp2", [A, B], {}, True),
    ("float_power", "float_power", [P, B], {}, False),
    ("fmax", "fmax", [NANS, A], {}, False),
    ("xdivy", "xdivy", [A, P], {}, True),
    ("ldexp", "ldexp", [A, J23], {}, False),
    ("gcd", "gcd", [I23, J23], {}, False),
    ("lcm", "lcm", [I23, J23], {}, False),
    ("deg2rad", "deg2rad", [A * 180], {}, True),
    ("rad2deg", "rad2deg", [A], {}, True),
    ("sinc", "sinc", [np.array([0., 0.5, -1.5, 2.25], np.float32)], {}, True),
    ("erfc", "erfc", [A], {}, True),
    ("sgn", "sgn", [A], {}, False),
    ("signbit", "signbit", [INFS], {}, False),
    ("isposinf", "isposinf", [INFS], {}, False),
    ("isneginf", "isneginf", [INFS], {}, False),
    ("isreal", "isreal", [A], {}, False),
    ("positive", "positive", [A], {}, False),
    ("invert", "invert", [I23.astype(np.int16)], {}, False),
    ("bitwise_left_shift", "bitwise_left_shift", [I23 % 4, J23], {}, False),
    ("bitwise_right_shift", "bitwise_right_shift", [I23 * 8, J23], {}, False),
    ("approximate_equal", "approximate_equal", [A, A + np.float32(1e-6)], {}, False),
    ("addcdiv", "addcdiv", [A, B, P], {"value": 0.5}, True),
    ("addcmul", "addcmul", [A, B, P], {"value": 2}, True),
    ("addmv", "addmv", [V2, A, V3], {"beta": 0.5, "alpha": 2}, True),
    ("addr", "addr", [A, V2, V3], {"beta": 2, "alpha": 0.5}, True),
    ("addbmm", "addbmm", [_r(10, (3, 5)), _r(11, (2, 3, 4)), _r(12, (2, 4, 5))], {}, True),
    ("ger", "ger", [V2, V3], {}, True),
    ("hardshrink", "hardshrink", [A], {"lambd": 0.4}, True),
    ("soft_shrink", "soft_shrink", [A], {"lambd": 0.4}, True),
    ("softshrink", "softshrink", [A], {}, True),
    ("nansum", "nansum", [NANS], {"axis": 1}, False),
    ("nansum/all", "nansum", [NANS], {}, False),
    ("nanmean", "nanmean", [NANS], {"axis": 0, "keepdims": True}, False),
    ("aminmax", "aminmax", [A3], {"axis": 1}, False),
    ("msort", "msort", [A], {}, False),
    ("argwhere", "argwhere", [I23], {}, False),
    ("diagonal", "diagonal", [A3], {"offset": 1, "dim1": 1, "dim2": 2}, True),
    ("trace", "trace", [SQ], {}, True),
    ("diagflat", "diagflat", [V3], {"offset": 1}, True),
    ("diff", "diff", [A3], {"n": 1, "axis": 2}, True),
    ("movedim", "movedim", [A3, 0, 2], {}, True),
    ("expand", "expand", [_r(15, (3, 1)), np.array([2, 3, 4], np.int32)], {}, True),
    ("view_as", "view_as", [A, _r(16, (3, 2))], {}, True),
    ("fliplr", "fliplr", [A], {}, True),
    ("flipud", "flipud", [A], {}, True),
    ("rot90", "rot90", [A3, 1, (1, 2)], {}, True),
    ("reverse", "reverse", [A3, (0, 2)], {}, True),
    ("tensor_split", "tensor_split", [A3, 3], {"axis": 2}, False),
    ("tensor_split/idx", "tensor_split", [A3, (1, 3)], {"axis": 2}, False),
    ("hsplit", "hsplit", [A3, 3], {}, False),
    ("vsplit", "vsplit", [A3, 2], {}, False),
    ("dsplit", "dsplit", [A3, 2], {}, False),
    ("logcumsumexp", "logcumsumexp", [A3, 1], {}, True),
    ("is_floating_point", "is_floating_point", [A], {}, False),
    ("is_floating_point/int", "is_floating_point", [I23], {}, False),
    ("is_complex", "is_complex", [A], {}, False),
    ("numel", "numel", [A3], {}, False),
    ("top_k", "top_k", [A3, 2], {}, False),
    ("searchsorted", "searchsorted", [SORTED, np.array([0., 3., 6., 10.], np.float32)], {}, False),
    ("searchsorted/right", "searchsorted", [SORTED, np.array([3., 6.], np.float32)], {"right": True}, False),
    # compositions
    ("hstack", "hstack", [("list", A, B)], {}, False),
    ("vstack", "vstack", [("list", A, B)], {}, False),
    ("dstack", "dstack", [("list", A, B)], {}, False),
    ("column_stack", "column_stack", [("list", V2, A)], {}, False),
    ("row_stack", "row_stack", [("list", V3, A)], {}, False),
    ("logsigmoid", "logsigmoid", [A * 5], {}, True),
    ("margin_ranking_loss", "margin_ranking_loss", [A, B, TPM23], {"margin": 0.1}, True),
    ("margin_ranking_loss/none", "margin_ranking_loss", [A, B, TPM23], {"reduction": "none"}, False),
    ("hinge_embedding_loss", "hinge_embedding_loss", [A, TPM23], {"margin": 0.5}, False),
    ("cosine_embedding_loss", "cosine_embedding_loss", [A, B, T_PM], {"margin": 0.1}, True),
    ("gaussian_nll_loss", "gaussian_nll_loss", [A, B, P], {}, True),
    ("gaussian_nll_loss/full", "gaussian_nll_loss", [A, B, P], {"full": True, "reduction": "sum"}, False),
    # round 2: more functional forms and compositions
    ("atleast_1d", "atleast_1d", [("list", np.float32(2.0), V3, A)], {}, False),
    ("atleast_2d", "atleast_2d", [("list", np.float32(2.0), V3, A)], {}, False),
    ("atleast_3d", "atleast_3d", [("list", np.float32(2.0), V3, A)], {}, False),
    ("atleast_2d/one", "atleast_2d", [V3], {}, False),
    ("is_tensor", "is_tensor", [A], {}, False),
    ("is_tensor/list", "is_tensor", [[1, 2]], {}, False),
    ("mv", "mv", [A, V3], {}, True),
    ("kron", "kron", [A, _r(19, (2, 2))], {}, True),
    ("tensor_dot", "tensor_dot", [A3, _r(20, (3, 4, 2)), ((1, 2), (0, 1))], {}, True),
    ("batch_dot", "batch_dot", [_r(21, (2, 3)), _r(22, (2, 3))], {}, True),
    ("dist", "dist", [A, B], {}, True),
    ("dist/p1", "dist", [A, B], {"p": 1}, False),
    ("cov", "cov", [A3[0]], {}, True),
    ("cov/correction0", "cov", [A3[0]], {"correction": 0}, False),
    ("histc", "histc", [A], {"bins": 4, "min": -1.0, "max": 1.0}, False),
    ("bincount", "bincount", [np.array([0, 1, 1, 3, 2, 1], np.int32)], {}, False),
    ("bincount/weights", "bincount", [np.array([0, 1, 1, 3], np.int32), np.array([.5, 1., 2., 3.], np.float32)],
     {"minlength": 6}, False),
    ("index_fill", "index_fill", [A3, 1, np.array([0, 2], np.int32), -1.0], {}, False),
    ("diagonal_scatter", "diagonal_scatter", [SQ, V3], {}, False),
    ("select_scatter", "select_scatter", [A3, _r(23, (2, 4)), 1, 0], {}, False),
    ("slice_scatter", "slice_scatter", [A3, _r(24, (2, 3, 2)), 2, 0, 4, 2], {}, False),
    ("renorm", "renorm", [A3, 2, 1, 1.0], {}, False),
    ("nanmedian", "nanmedian", [NANS], {"axis": 1}, False),
    ("reverse_sequence", "reverse_sequence", [A3, np.array([2, 4], np.int32), 2, 0], {}, False),
    ("unique_consecutive", "unique_consecutive", [np.array([1, 1, 2, 2, 3, 1, 1], np.int32)],
     {"return_inverse": True, "return_counts": True}, False),
    ("clip_by_value", "clip_by_value", [A, -0.3, 0.5], {}, True),
    ("clip_by_value/list", "clip_by_value", [("list", A, B), -0.3, 0.5], {}, False),
    ("prelu", "prelu", [A, np.array([0.25, 0.5, 0.1], np.float32)], {}, True),
    ("repeat_elements", "repeat_elements", [A, 2], {"axis": 1}, True),
    ("sequence_mask", "sequence_mask", [np.array([1, 3, 2], np.int32), 4], {}, False),
    ("tril_indices", "tril_indices", [3, 4, 1], {}, False),
    ("triu_indices", "triu_indices", [3, 4, -1], {"dtype": "dt:int32"}, False),
    ("block_diag", "block_diag", [A, V3, _r(26, (2, 2))], {}, False),
    ("cartesian_prod", "cartesian_prod", [V2, V3], {}, False),
    ("diag_embed", "diag_embed", [A], {"offset": 1}, True),
    ("vander", "vander", [V3], {"N": 4}, False),
    ("cdist", "cdist", [A3[0], _r(27, (2, 4))], {}, True),
    ("pdist", "pdist", [A3[0]], {}, True),
    ("multilabel_soft_margin_loss", "multilabel_soft_margin_loss", [A, LAB01], {}, True),
    ("trapz", "trapz", [A], {}, True),
    ("trapz/x", "trapz", [A, np.array([0., 1., 3.], np.float32)], {}, False),
    ("matrix_band_part", "matrix_band_part", [A3, 1, 0], {}, False),
    # round 3
    ("unsorted_segment_sum", "unsorted_segment_sum", [A3, np.array([1, 0], np.int32), 3], {}, True),
    ("unsorted_segment_sum/2d_ids", "unsorted_segment_sum", [A, np.array([[0, 1, 0], [2, 2, 1]], np.int32), 4], {},
     True),
    ("unsorted_segment_max", "unsorted_segment_max", [A, np.array([1, 1], np.int32), 2], {}, False),
    ("unsorted_segment_min", "unsorted_segment_min", [A3, np.array([0, 0], np.int32), 1], {}, False),
    ("unsorted_segment_prod", "unsorted_segment_prod", [A, np.array([0, 2], np.int32), 3], {}, False),
    ("inplace_update", "inplace_update", [A3, _r(29, (1, 3, 4)), (1,)], {}, False),
    ("inplace_add", "inplace_add", [A, _r(30, (2, 3)), (1, 0)], {}, False),
    ("inplace_add/int", "inplace_add", [A, _r(31, (1, 3)), 1], {}, False),
    ("inplace_sub", "inplace_sub", [A, _r(32, (2, 3)), (0, 1)], {}, False),
    ("scalar_to_tensor", "scalar_to_tensor", [3], {}, False),
    ("scalar_to_tensor/int32", "scalar_to_tensor", [2.7], {"dtype": "dt:int32"}, False),
    ("is_nonzero", "is_nonzero", [np.array([0.5], np.float32)], {}, False),
    ("is_nonzero/zero", "is_nonzero", [np.array([[0]], np.int32)], {}, False),
    ("tensor_scatter_sub", "tensor_scatter_sub", [A, np.array([[0, 1], [1, 2], [0, 1]], np.int32),
                                                  np.array([1., 2., 3.], np.float32)], {}, True),
    ("combinations", "combinations", [_r(33, (4,))], {}, False),
    ("combinations/r3", "combinations", [_r(34, (4,))], {"r": 3, "with_replacement": True}, False),
    # round 4
    ("range", "range", [1, 10, 3], {}, False),
    ("range/float", "range", [0.5, 2.0, 0.5], {}, False),
    ("tensor_range", "tensor_range", [np.array(1, np.int32), np.array(8, np.int32), np.array(2, np.int32)], {},
     False),
    ("tensor_range/float", "tensor_range", [np.array(0.5, np.float32), np.array(2., np.float32),
                                            np.array(0.5, np.float32)], {}, False),
    ("multi_margin_loss/p2", "multi_margin_loss", [A, np.array([1, 1], np.int64)],
     {"p": 2, "margin": 2, "weight": np.array([0.5, 1., 2.], np.float32), "reduction": "sum"}, False),
    ("adjoint", "adjoint", [A3], {}, True),
    ("clip_by_norm", "clip_by_norm", [A, 0.5], {}, True),
    ("clip_by_norm/list", "clip_by_norm", [("list", A, B), 1.0], {}, False),
    ("multi_margin_loss", "multi_margin_loss", [A, np.array([2, 0], np.int64)], {}, True),
]

# (case, function, inputs, kwargs): MindSpore raises
ERROR_ROWS = [
    ("err/diagonal_same_dims", "diagonal", [A3], {"dim1": 1, "dim2": 1}),
    ("err/margin_ranking_loss_reduction", "margin_ranking_loss", [A, B, TPM23], {"reduction": "avg"}),
    ("err/hstack_not_list", "hstack", [A], {}),
    ("err/logsigmoid_int", "logsigmoid", [I23], {}),
    ("err/mv_shapes", "mv", [A, V2], {}),
    ("err/trace_3d", "trace", [A3], {}),
    ("err/tril_indices_dtype", "tril_indices", [3, 3], {"dtype": "dt:float32"}),
    ("err/vander_2d", "vander", [A], {}),
    ("err/block_diag_3d", "block_diag", [A3], {}),
    ("err/cartesian_prod_2d", "cartesian_prod", [A, V3], {}),
    ("err/gaussian_nll_loss_eps", "gaussian_nll_loss", [A, B, P], {"eps": 0}),
    ("err/cosine_embedding_loss_margin", "cosine_embedding_loss", [A, B, T_PM], {"margin": 2.0}),
    ("err/hinge_embedding_loss_reduction", "hinge_embedding_loss", [A, TPM23], {"reduction": "avg"}),
    ("err/tensor_muls_tensor", "tensor_muls", [A, B], {}),
    ("err/addn_not_list", "addn", [A], {}),
    ("err/sequence_mask_maxlen", "sequence_mask", [np.array([1, 3], np.int32), 0], {}),
    ("err/repeat_elements_rep", "repeat_elements", [A, 0], {}),
    ("err/cdist_rank", "cdist", [A3, A], {}),
    ("err/pdist_3d", "pdist", [A3], {}),
    ("err/is_nonzero_many", "is_nonzero", [A], {}),
    ("err/combinations_2d", "combinations", [A], {}),
    ("err/range_step0", "range", [1, 5, 0], {}),
    ("err/clip_by_norm_nonfinite", "clip_by_norm", [NANS, 1.0], {"error_if_nonfinite": True}),
    ("err/multi_margin_loss_margin", "multi_margin_loss", [A, np.array([2, 0], np.int64)], {"margin": 1.5}),
    ("err/batch_dot_batch", "batch_dot", [A, _r(28, (3, 3))], {}),
]

DELIBERATE = {}
TOLERANCE = {}


def cases(ms):
    ops = ms.ops
    out = []

    R = rows.Rows(ms, forms=("dt", "list"))
    arg = R.arg

    for case, fname, inputs, kw, with_grad in ROWS:
        def thunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **{k: arg(v) for k, v in kw.items()})
        out.append((case, thunk))
        if with_grad:
            def gthunk(fname=fname, inputs=inputs, kw=kw):
                return R.grad_of(lambda *full: getattr(ops, fname)(*full, **R.kwargs(kw)), inputs)
            out.append((case + "/grad", gthunk))

    for case, fname, inputs, kw in ERROR_ROWS:
        def ethunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **{k: arg(v) for k, v in kw.items()})
        out.append((case, ethunk))
    return out
