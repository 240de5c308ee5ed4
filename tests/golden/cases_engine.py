"""Reference ("golden") cases for engine edge cases of MindSpore 2.10: argument validation, error classes,
integer division by zero, numerics at the edges (empty reductions, +-inf, float16), gradients at kinks,
out-of-range indices, dynamic-shape declarations and in-place operators.

The same code runs under real MindSpore (``gen_engine.py`` records ``engine.json``) and under minispore
(``tests/test_golden_engine.py`` checks against the recording).  Every case is a ``(name, thunk)`` pair built by
``cases(ms)``; the thunk uses only the framework module ``ms`` it was given, and inputs are literals or come from
``np.random.default_rng(seed)``, never from the framework's RNG.  Results are encoded with ``describe.py``.

A thunk may carry ``thunk.keywords``: words (case-insensitive) that must appear in the message of the exception it
is expected to raise -- typically the operation and the offending value, not MindSpore's exact wording -- and
``thunk.note``: an observation shown when the case fails.

Three tables qualify the recording:

* ``DELIBERATE`` -- MindSpore 2.10's behaviour is a bug or silently wrong (garbage values, a crash inside the
  framework, an inaccurate kernel).  It is recorded as it is, but minispore is expected to differ: the test checks
  minispore against ``INSTEAD[name]`` (what it should do) and, where that is not given, only that it differs.
* ``INSTEAD`` -- for DELIBERATE cases: a ``describe.py`` description of the result minispore should give, or
  ``{"error": ClassName, "keywords": [...]}`` for the exception it should raise.
* ``UNSTABLE`` -- MindSpore's value changes from run to run (it reads uninitialised memory), so
  ``gen_engine.py --check`` compares only structure, dtype and shape for these.
"""
import inspect

import numpy as np

INT32_MAX, INT32_MIN = 2 ** 31 - 1, -2 ** 31
INT64_MAX, INT64_MIN = 2 ** 63 - 1, -2 ** 63


def _t(dtype, shape, value):
    """A describe.py description of a Tensor."""
    return {"tensor": dtype, "shape": list(shape), "value": value}


def _err(cls, *keywords):
    return {"error": cls, "keywords": list(keywords)}


# ---------------------------------------------------------------------------------------------------------------
# where minispore should not copy MindSpore 2.10
# ---------------------------------------------------------------------------------------------------------------
DELIBERATE = {
    "silent/model_loss_fn_str":
        "Model(net, loss_fn='x') crashes inside Model with AttributeError ('str' object has no attribute "
        "'get_inputs'); minispore should reject the argument itself: TypeError naming loss_fn",
    # integer division by zero: floor_divide / '//' / remainder follow one convention (x // 0 saturates to
    # INT_MAX / INT_MIN / 0 by the sign of x, and x % 0 == x so that x == (x // 0) * 0 + x % 0 holds); the cases
    # below break it with values from x86's float->int overflow (INT_MIN for everything) or a kernel failure.
    "intdiv/int32/mod_op_scalar0": "'%' by 0 gives INT_MIN for every element (garbage); should be x, like "
                                   "ops.remainder",
    "intdiv/int32/mod_op_tensor0": "same '%' garbage with a Tensor of zeros",
    "intdiv/int64/mod_op_scalar0": "same '%' garbage for int64",
    "intdiv/int64/mod_op_tensor0": "same '%' garbage for int64",
    "intdiv/int32/div_trunc_scalar0": "div(rounding_mode='trunc') by 0 gives INT_MIN for every element "
                                      "(even 5/0 and 0/0); should saturate like floor_divide",
    "intdiv/int32/div_trunc_tensor0": "same trunc garbage with a Tensor of zeros",
    "intdiv/int64/div_trunc_scalar0": "same trunc garbage for int64",
    "intdiv/int64/div_trunc_tensor0": "same trunc garbage for int64",
    "intdiv/int32/div_floor_scalar0": "div(int32 tensor, 0, rounding_mode='floor') fails with RuntimeError "
                                      "'KernelMod Init Failed: FloorDiv' (Int32 tensor with an Int64 scalar); "
                                      "should give the floor_divide result",
    # numerics
    "num/logsumexp_all_neginf": "logsumexp([-inf, -inf]) is nan in MindSpore; log(0) = -inf",
    "num/logsumexp_posinf": "logsumexp([inf, 1]) is nan in MindSpore; it is inf",
    "num/logsumexp_2d_neginf_row": "a row of -inf gives nan in MindSpore; it should be -inf",
    "num/mean_empty_axis0": "mean over an empty axis returns uninitialised memory (+-inf, nan, varying); "
                            "should be nan (0/0), like NumPy",
    "num/mean_empty_full": "mean of a (0,) tensor returns uninitialised memory (varying); should be nan",
    "num/sum_empty_full": "sum of a (0,) tensor returns uninitialised memory (varying); should be 0",
    "grad/norm_at_zero": "grad of ops.norm at the zero vector is nan; 0 (the minimal subgradient, as PyTorch) "
                         "is expected",
    "grad/var_constant": "grad of ops.var of a constant vector is nan; it is 2*(x-mean)/N = 0",
    "grad/std_constant": "grad of ops.std at a constant vector is nan (sqrt'(0) * 0); minispore gives 0, the "
                         "subgradient PyTorch gives, so that a kink never sends NaN into training (issue 8)",
    "dyn/jit_input_signature_wrong_dim": "MindSpore 2.10 ignores jit(input_signature=...) (deprecated, logged); "
                                         "minispore honours the declaration, as MindSpore 2.2 did, so one graph "
                                         "serves every batch size and an input that does not fit is an error",
    "grad/pow_exp0_at0_scalar": "grad of x**0 at x=0 is nan (0 * 0**-1); x**0 is constant, so 0 (as PyTorch)",
    "grad/pow_exp0_at0_both": "grad of x**e w.r.t. x at x=0, e=0 is nan; should be 0 (the exponent grad, 0, "
                              "is right)",
    # out-of-range class labels: -1 is silently taken as the last class
    "range/cross_entropy_label_neg1": "label -1 (not ignore_index) silently means class 4 of 5; should raise "
                                      "the same error as label 7",
    "range/cross_entropy_label_neg1_none": "same, reduction='none'",
    "range/nll_loss_label_neg1": "same silent wrap-around in nll_loss",
    "range/nll_loss_label_neg1_none": "same, reduction='none'",
    # dynamic shape
    "dyn/decl_str": "str() of a dynamic-shape Tensor leaks NumPy's 'negative dimensions are not allowed' while "
                    "repr() works; str should give the repr text",
    # accuracy
    "misc/erfinv_float32": "MindSpore's erfinv(0.99) is 1.8213637 (true value 1.8213864, rel. error 1.2e-5); "
                           "minispore should be accurate",
    "misc/erfinv_float64": "MindSpore's float64 erfinv uses a single-precision approximation: erfinv(0.99) = "
                           "1.82136391 vs 1.82138637",
}

INSTEAD = {
    "silent/model_loss_fn_str": _err("TypeError", "loss_fn"),
    "intdiv/int32/mod_op_scalar0": _t("Int32", [3], [5, -5, 0]),
    "intdiv/int32/mod_op_tensor0": _t("Int32", [3], [5, -5, 0]),
    "intdiv/int64/mod_op_scalar0": _t("Int64", [3], [5, -5, 0]),
    "intdiv/int64/mod_op_tensor0": _t("Int64", [3], [5, -5, 0]),
    "intdiv/int32/div_trunc_scalar0": _t("Int32", [3], [INT32_MAX, INT32_MIN, 0]),
    "intdiv/int32/div_trunc_tensor0": _t("Int32", [3], [INT32_MAX, INT32_MIN, 0]),
    "intdiv/int64/div_trunc_scalar0": _t("Int64", [3], [INT64_MAX, INT64_MIN, 0]),
    "intdiv/int64/div_trunc_tensor0": _t("Int64", [3], [INT64_MAX, INT64_MIN, 0]),
    "intdiv/int32/div_floor_scalar0": _t("Int32", [3], [INT32_MAX, INT32_MIN, 0]),
    "num/logsumexp_all_neginf": _t("Float32", [], "-inf"),
    "num/logsumexp_posinf": _t("Float32", [], "inf"),
    "num/logsumexp_2d_neginf_row": _t("Float32", [2], ["-inf", 1.3132616875182228]),
    "num/mean_empty_axis0": _t("Float32", [3], ["nan", "nan", "nan"]),
    "num/mean_empty_full": _t("Float32", [], "nan"),
    "num/sum_empty_full": _t("Float32", [], 0.0),
    "grad/norm_at_zero": _t("Float32", [3], [0.0, 0.0, 0.0]),
    "grad/var_constant": _t("Float32", [3], [0.0, 0.0, 0.0]),
    "grad/std_constant": _t("Float32", [3], [0.0, 0.0, 0.0]),
    "dyn/jit_input_signature_wrong_dim": {"error": "ValueError", "keywords": ["input_signature", "5"]},
    "grad/pow_exp0_at0_scalar": _t("Float32", [1], [0.0]),
    "grad/pow_exp0_at0_both": {"tuple": [_t("Float32", [1], [0.0]), _t("Float32", [1], [0.0])]},
    "range/cross_entropy_label_neg1": _err("RuntimeError", "-1"),
    "range/cross_entropy_label_neg1_none": _err("RuntimeError", "-1"),
    "range/nll_loss_label_neg1": _err("RuntimeError", "-1"),
    "range/nll_loss_label_neg1_none": _err("RuntimeError", "-1"),
    "dyn/decl_str": "Tensor(shape=[-1, 784], dtype=Float32, value=\n)",
    # scipy.special.erfinv (float64), and the same rounded through float32
    "misc/erfinv_float32": _t("Float32", [5], [-1.1630871295928955, -0.4769362807273865, 0.0,
                                               0.27246272563934326, 1.8213865756988525]),
    "misc/erfinv_float64": _t("Float64", [5], [-1.1630871536766743, -0.4769362762044699, 0.0,
                                               0.2724627147267544, 1.8213863677184496]),
}

UNSTABLE = {
    "num/mean_empty_axis0": "uninitialised memory: [inf, nan, inf], [-inf, nan, inf], ... from run to run",
    "num/mean_empty_full": "uninitialised memory: inf or -inf",
    "num/sum_empty_full": "uninitialised memory: 1.68e37, -3.8e8, 3.1e-11, ...",
}

# Observations that are MindSpore's real behaviour (minispore should match them) but worth knowing.
NOTES = {
    "errmsg/ops_add_list": "ops.add rejects any Python list (even a rectangular one) with TypeError; "
                           "only the operator x + list converts it",
    "errmsg/std_0d_axis0": "ops.std(input, axis=None, ddof=0, keepdims=False); axis 0 of a 0-d tensor is out of "
                           "range ('[-0, 0)')",
    "silent/layernorm_construct": "nn.LayerNorm((3,), begin_norm_axis=5) is accepted at construction; the error "
                                  "only comes at the first call",
    "silent/split_negative_section": "a negative section is a TypeError (not ValueError) in MindSpore",
    "silent/generator_dataset_workers0": "the message gives the bounds [1, cpu_count] but not the value 0",
    "intdiv/int32/floor_divide_tensor0": "x // 0 saturates: INT_MAX for x>0, INT_MIN for x<0, 0 for 0",
    "intdiv/int32/remainder_tensor0": "ops.remainder(x, 0) == x (x - floor_div(x, 0) * 0)",
    "num/cross_entropy_all_ignored_mean": "all targets == ignore_index: mean is 0/0 = nan, its gradient 0",
    "grad/std_constant": "MindSpore gives nan (sqrt'(0) * 0); PyTorch gives 0",
    "grad/sqrt_at0": "inf at 0, like PyTorch",
    "grad/cosine_similarity_zero_vector": "grad w.r.t. the zero vector is x1 / eps = 1e8 * x1",
    "range/one_hot_out_of_range": "ids outside [0, depth) give an all-off_value row (no error)",
    "range/gather_neg1": "-1 wraps to the last row",
    "dyn/jit_input_signature": "2.10's jit has no input_signature parameter: it lands in **options, is logged "
                               "as deprecated ('use dynamic') and ignored",
    "dyn/jit_input_signature_wrong_dim": "the ignored input_signature checks nothing",
    "misc/inplace_add": "x += 1 rebinds x to a new Tensor; y (the old object) is unchanged",
    "misc/inplace_param_add": "on a Parameter, x += 1 gives a plain Tensor and leaves the Parameter unchanged",
}

# tolerances (rtol, atol) by case-name prefix; the default is describe.compare's 1e-5 / 1e-6
_TOLERANCE = {"num/f16_": (1e-3, 1e-3)}


def tolerance(name):
    for prefix, tol in _TOLERANCE.items():
        if name.startswith(prefix):
            return tol
    return 1e-5, 1e-6


def _signature(fn):
    """A signature as [name, kind, default] rows (annotations left out); '<required>' for no default."""
    rows = []
    for p in inspect.signature(fn).parameters.values():
        default = "<required>" if p.default is inspect.Parameter.empty else p.default
        rows.append([p.name, p.kind.name, default])
    return rows


def _memory_capped(fn, headroom=4 << 30):
    """Run fn with the address space limited to its current size plus `headroom`, so that a framework that really
    tries to allocate tens of GB fails fast instead of swapping or being killed (on any machine)."""
    try:
        import resource
        with open("/proc/self/status") as fh:
            vm = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
    except (ImportError, OSError, StopIteration):
        return fn()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = vm + headroom
    for limit in (soft, hard):
        if limit != resource.RLIM_INFINITY:
            cap = min(cap, limit)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        return fn()
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def f32(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def cases(ms):
    """Return the list of ``(name, thunk)`` pairs, built on the framework module ``ms``."""
    ops = ms.ops
    nn = ms.nn
    Tensor = ms.Tensor
    out = []
    names = set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        if name in NOTES:
            thunk.note = NOTES[name]
        elif name in DELIBERATE:
            thunk.note = DELIBERATE[name]
        out.append((name, thunk))

    def T(a, np_dtype=np.float32):
        return Tensor(np.asarray(a, dtype=np_dtype))

    # ==========================================================================================================
    # 1. argument errors that minispore lets through silently today
    # ==========================================================================================================
    add("silent/reshape_str", lambda: ops.reshape(T(np.arange(32)), "32"), ["reshape", "str"])

    def setitem_none():
        x = T(np.arange(6).reshape(2, 3))
        x[0] = None
        return x
    add("silent/setitem_none", setitem_none, ["None"])

    # MindSpore accepts begin_norm_axis=5 at construction and fails at the call
    add("silent/layernorm_construct", lambda: (nn.LayerNorm((3,), begin_norm_axis=5), "constructed")[1])
    add("silent/layernorm_call",
        lambda: nn.LayerNorm((3,), begin_norm_axis=5)(T(np.ones((2, 3)))), ["begin_norm_axis", "5"])

    def one_hot(depth):
        return lambda: ops.one_hot(T([0, 1, 2], np.int32), depth, T(1.0), T(0.0))
    add("silent/one_hot_depth_neg1", one_hot(-1), ["depth", "-1"])
    add("silent/one_hot_depth_float", one_hot(2.5), ["depth", "float"])
    add("silent/split_negative_section", lambda: ops.split(T(np.arange(4)), [5, -1]),
        ["split_size_or_sections", "-1"])
    add("silent/pad_negative_beyond_size", lambda: ops.pad(T(np.arange(3)), (-5, 0)), ["pad", "-5"])
    add("silent/tile_float_multiple", lambda: ops.tile(T(np.arange(6).reshape(2, 3)), (1.5, 2)), ["tile", "float"])
    add("silent/model_loss_fn_str", lambda: (ms.train.Model(nn.Dense(2, 2), loss_fn="x"), "constructed")[1],
        ["str"])

    def generator_dataset_workers0():
        def gen():
            for k in range(3):
                yield (np.array([k], dtype=np.int32),)
        return (ms.dataset.GeneratorDataset(gen, ["a"], num_parallel_workers=0), "constructed")[1]
    add("silent/generator_dataset_workers0", generator_dataset_workers0, ["num_parallel_workers"])

    # ==========================================================================================================
    # 2. errors whose message is unclear in minispore today
    # ==========================================================================================================
    add("errmsg/ops_add_ragged_list", lambda: ops.add(T(np.ones((2, 2))), [[1, 2], [3]]), ["add", "list"])
    add("errmsg/ops_add_list", lambda: ops.add(T(np.ones((2, 2))), [[1, 2], [3, 4]]), ["add", "list"])
    add("errmsg/operator_add_ragged_list", lambda: T(np.ones((2, 2))) + [[1.0], [2.0, 3.0]], ["shape"])
    add("errmsg/operator_add_list", lambda: T(np.ones((2, 2))) + [[1.0, 2.0], [3.0, 4.0]])
    add("errmsg/cast_none", lambda: ops.cast(T(np.ones(2)), None), ["cast", "dtype", "None"])
    add("errmsg/reshape_none", lambda: ops.reshape(T(np.ones(4)), None), ["reshape", "None"])
    add("errmsg/dropout_p_str", lambda: (nn.Dropout(p="a"), "constructed")[1], ["dropout", "str"])
    add("errmsg/std_0d_axis0", lambda: ops.std(Tensor(2.), 0), ["axis", "0"])
    add("errmsg/std_0d", lambda: ops.std(Tensor(2.)))
    add("errmsg/std_signature", lambda: _signature(ops.std))
    add("errmsg/where_not_broadcastable",
        lambda: ops.where(T([True, False, True], np.bool_), T(np.ones(2)), T(np.zeros(4))), ["broadcast"])
    # MindSpore really tries (40 GB / 80 GB) and its allocator fails; capped so that no machine is exhausted
    add("errmsg/zeros_huge", lambda: _memory_capped(lambda: ops.zeros((100000, 100000)).shape), ["memory"])
    add("errmsg/ones_huge_float64",
        lambda: _memory_capped(lambda: ops.ones((100000, 100000), ms.float64).shape), ["memory"])

    # ---- integer division by zero --------------------------------------------------------------------------
    for dt_name in ("int32", "int64"):
        dt = getattr(ms, dt_name)
        np_dt = getattr(np, dt_name)

        def num(dt=dt, np_dt=np_dt):
            return Tensor(np.array([5, -5, 0], dtype=np_dt), dt)

        def zeros(dt=dt, np_dt=np_dt):
            return Tensor(np.array([0, 0, 0], dtype=np_dt), dt)

        p = f"intdiv/{dt_name}/"
        add(p + "floor_divide_tensor0", lambda num=num, zeros=zeros: ops.floor_divide(num(), zeros()))
        add(p + "floordiv_op_scalar0",
            lambda dt=dt, np_dt=np_dt: Tensor(np.array([5], dtype=np_dt), dt) // 0)
        add(p + "floordiv_op_tensor0", lambda num=num, zeros=zeros: num() // zeros())
        add(p + "remainder_tensor0", lambda num=num, zeros=zeros: ops.remainder(num(), zeros()))
        add(p + "remainder_scalar0", lambda num=num: ops.remainder(num(), 0))
        add(p + "mod_op_scalar0", lambda num=num: num() % 0)
        add(p + "mod_op_tensor0", lambda num=num, zeros=zeros: num() % zeros())
        add(p + "div_trunc_scalar0", lambda num=num: ops.div(num(), 0, rounding_mode="trunc"))
        add(p + "div_trunc_tensor0", lambda num=num, zeros=zeros: ops.div(num(), zeros(), rounding_mode="trunc"))
        add(p + "div_floor_scalar0", lambda num=num: ops.div(num(), 0, rounding_mode="floor"))
        add(p + "div_floor_tensor0", lambda num=num, zeros=zeros: ops.div(num(), zeros(), rounding_mode="floor"))
        add(p + "truediv_op_scalar0", lambda num=num: num() / 0)
        add(p + "truediv_op_tensor0", lambda num=num, zeros=zeros: num() / zeros())
        add(p + "div_tensor0", lambda num=num, zeros=zeros: ops.div(num(), zeros()))

    # ==========================================================================================================
    # 3. numerics
    # ==========================================================================================================
    inf = np.inf
    add("num/logsumexp_all_neginf", lambda: ops.logsumexp(T([-inf, -inf]), 0))
    add("num/logsumexp_posinf", lambda: ops.logsumexp(T([inf, 1.0]), 0))
    add("num/logsumexp_2d_neginf_row", lambda: ops.logsumexp(T([[-inf, -inf], [0.0, 1.0]]), 1))
    add("num/logsumexp_finite", lambda: ops.logsumexp(T([[1.0, 2.0], [0.0, 1.0]]), 1))
    add("num/mean_empty_axis0", lambda: ops.mean(T(np.zeros((0, 3))), 0))
    add("num/mean_empty_axis1", lambda: ops.mean(T(np.zeros((3, 0))), 1))
    add("num/mean_empty_full", lambda: ops.mean(T(np.zeros((0,)))))
    add("num/sum_empty_axis0", lambda: ops.sum(T(np.zeros((0, 3))), 0))
    add("num/sum_empty_axis1", lambda: ops.sum(T(np.zeros((3, 0))), 1))
    add("num/sum_empty_full", lambda: ops.sum(T(np.zeros((0,)))))

    # ---- cross_entropy / nll_loss when every target is ignore_index (-100) -----------------------------------
    def logits():
        return T(f32(0, (3, 4)))

    def ignored():
        return T([-100, -100, -100], np.int32)

    for red in ("mean", "sum", "none"):
        add(f"num/cross_entropy_all_ignored_{red}",
            lambda red=red: ops.cross_entropy(logits(), ignored(), reduction=red))
        add(f"num/cross_entropy_all_ignored_{red}_grad",
            lambda red=red: ms.grad(lambda l: ops.cross_entropy(l, ignored(), reduction=red))(logits()))
        add(f"num/nll_loss_all_ignored_{red}",
            lambda red=red: ops.nll_loss(ops.log_softmax(logits(), 1), ignored(), reduction=red))
        add(f"num/nll_loss_all_ignored_{red}_grad",
            lambda red=red: ms.grad(lambda lp: ops.nll_loss(lp, ignored(), reduction=red))(
                ops.log_softmax(logits(), 1)))
    add("num/cross_entropy_some_ignored",
        lambda: ops.cross_entropy(logits(), T([-100, 1, -100], np.int32)))
    add("num/cross_entropy_some_ignored_grad",
        lambda: ms.grad(lambda l: ops.cross_entropy(l, T([-100, 1, -100], np.int32)))(logits()))

    # ---- float16 overflow ------------------------------------------------------------------------------------
    def h():
        return Tensor(np.array([6e4, 6e4], dtype=np.float16))
    add("num/f16_mean", lambda: ops.mean(h()))
    add("num/f16_sum", lambda: ops.sum(h()))
    add("num/f16_norm", lambda: ops.norm(h()))
    add("num/f16_sum_dtype_float32", lambda: ops.sum(h(), dtype=ms.float32))

    # ---- gradients at kinks ----------------------------------------------------------------------------------
    add("grad/norm_at_zero", lambda: ms.grad(lambda x: ops.norm(x))(T([0.0, 0.0, 0.0])))
    add("grad/norm_value_at_zero", lambda: ops.norm(T([0.0, 0.0, 0.0])))
    add("grad/std_constant_value", lambda: ops.std(T([2.0, 2.0, 2.0])))
    add("grad/std_constant", lambda: ms.grad(lambda x: ops.std(x))(T([2.0, 2.0, 2.0])))
    add("grad/var_constant_value", lambda: ops.var(T([2.0, 2.0, 2.0])))
    add("grad/var_constant", lambda: ms.grad(lambda x: ops.var(x))(T([2.0, 2.0, 2.0])))
    add("grad/pow_exp0_at0_value", lambda: ops.pow(T([0.0]), 0))
    add("grad/pow_exp0_at0_scalar", lambda: ms.grad(lambda x: ops.pow(x, 0))(T([0.0])))
    add("grad/pow_exp0_at0_both",
        lambda: ms.grad(lambda x, e: ops.pow(x, e), grad_position=(0, 1))(T([0.0]), T([0.0])))
    add("grad/cosine_similarity_zero_vector_value", lambda: ops.cosine_similarity(T([[1.0, 2.0, 3.0]]),
                                                                                  T([[0.0, 0.0, 0.0]])))
    add("grad/cosine_similarity_zero_vector",
        lambda: ms.grad(lambda a, b: ops.cosine_similarity(a, b), grad_position=(0, 1))(
            T([[1.0, 2.0, 3.0]]), T([[0.0, 0.0, 0.0]])))
    add("grad/cosine_similarity_both_zero",
        lambda: ms.grad(lambda a, b: ops.cosine_similarity(a, b), grad_position=(0, 1))(
            T([[0.0, 0.0, 0.0]]), T([[0.0, 0.0, 0.0]])))
    add("grad/sqrt_at0", lambda: ms.grad(lambda x: ops.sqrt(x))(T([0.0, 4.0])))

    # ==========================================================================================================
    # 4. out-of-range values
    # ==========================================================================================================
    def logits5():
        return T(f32(1, (2, 5)))

    for lab, tag in ((-1, "neg1"), (7, "7")):
        def target(lab=lab):
            return T([lab, 0], np.int32)
        kw = None if lab < 0 else ["7"]
        add(f"range/cross_entropy_label_{tag}", lambda target=target: ops.cross_entropy(logits5(), target()), kw)
        add(f"range/cross_entropy_label_{tag}_none",
            lambda target=target: ops.cross_entropy(logits5(), target(), reduction="none"), kw)
        add(f"range/nll_loss_label_{tag}",
            lambda target=target: ops.nll_loss(ops.log_softmax(logits5(), 1), target()), kw)
        add(f"range/nll_loss_label_{tag}_none",
            lambda target=target: ops.nll_loss(ops.log_softmax(logits5(), 1), target(), reduction="none"), kw)
    add("range/cross_entropy_label_4_none",  # what label -1 silently computes
        lambda: ops.cross_entropy(logits5(), T([4, 0], np.int32), reduction="none"))
    add("range/one_hot_out_of_range", lambda: ops.one_hot(T([-1, 1, 7], np.int32), 5, T(1.0), T(0.0)))

    def x32():
        return T(np.arange(6).reshape(3, 2))
    add("range/gather_5", lambda: ops.gather(x32(), T([5], np.int32), 0), ["gather", "5"])
    add("range/gather_5_int64", lambda: ops.gather(x32(), T([5], np.int64), 0), ["gather", "5"])
    add("range/gather_neg1", lambda: ops.gather(x32(), T([-1], np.int32), 0))
    add("range/getitem_tensor_5", lambda: T([0.0, 1.0, 2.0])[T([5], np.int64)], ["5"])
    add("range/getitem_tensor_neg1", lambda: T([0.0, 1.0, 2.0])[T([-1], np.int64)])
    add("range/getitem_int_5", lambda: T([0.0, 1.0, 2.0])[5], ["5"])

    # ==========================================================================================================
    # 5. dynamic-shape declarations
    # ==========================================================================================================
    def decl():
        return Tensor(shape=[None, 784], dtype=ms.float32)
    add("dyn/decl_shape", lambda: decl().shape)
    add("dyn/decl_dtype", lambda: decl().dtype)
    add("dyn/decl_repr", lambda: repr(decl()))
    add("dyn/decl_str", lambda: str(decl()))
    add("dyn/decl_asnumpy", lambda: decl().asnumpy(), ["dimension"])
    add("dyn/decl_no_dtype", lambda: Tensor(shape=[None, 3]), ["dtype"])
    add("dyn/jit_signature", lambda: _signature(ms.jit))

    def net_class(jit_construct):
        class Net(nn.Cell):
            def __init__(self):
                super().__init__()
                self.w = ms.Parameter(Tensor(np.arange(8, dtype=np.float32).reshape(4, 2) / 10), name="w")

            def construct(self, x):
                return ops.matmul(x, self.w) * 2 + 1

        if jit_construct:
            class JitNet(Net):
                @ms.jit
                def construct(self, x):
                    return ops.matmul(x, self.w) * 2 + 1
            return JitNet
        return Net

    def batch(seed, n, features=4, np_dtype=np.float32):
        return Tensor(np.random.default_rng(seed).standard_normal((n, features)).astype(np_dtype))

    def dyn_run(how, inputs):
        def thunk():
            if how == "graph":
                ms.set_context(mode=ms.GRAPH_MODE)
            try:
                net = net_class(how == "jit")()
                net.set_inputs(Tensor(shape=[None, 4], dtype=ms.float32))
                return tuple(net(x) for x in inputs())
            finally:
                if how == "graph":
                    ms.set_context(mode=ms.PYNATIVE_MODE)
        return thunk

    for how in ("graph", "jit"):
        add(f"dyn/set_inputs_{how}_batch2_batch5", dyn_run(how, lambda: (batch(2, 2), batch(5, 5))))
        add(f"dyn/set_inputs_{how}_wrong_rank",
            dyn_run(how, lambda: (batch(2, 2), Tensor(np.ones((2, 2, 4), np.float32)))), ["set_inputs", "3"])
        add(f"dyn/set_inputs_{how}_wrong_fixed_dim", dyn_run(how, lambda: (batch(2, 2), batch(3, 3, 5))),
            ["set_inputs", "5"])
        add(f"dyn/set_inputs_{how}_wrong_dtype",
            dyn_run(how, lambda: (batch(2, 2), batch(3, 3, np_dtype=np.float64))), ["set_inputs", "Float64"])

    def fn(x):
        return x * 2 + 1

    def jit_sig():
        return ms.jit(fn, input_signature=(Tensor(shape=[None, 4], dtype=ms.float32),))
    add("dyn/jit_input_signature", lambda: tuple(jit_sig()(x) for x in (batch(2, 2), batch(5, 5))))
    add("dyn/jit_input_signature_wrong_dim", lambda: jit_sig()(batch(3, 3, 5)))
    add("dyn/jit_dynamic1", lambda: tuple(ms.jit(fn, dynamic=1)(x) for x in (batch(2, 2), batch(5, 5))))

    # ==========================================================================================================
    # 6. misc
    # ==========================================================================================================
    erfinv_in = [-0.9, -0.5, 0.0, 0.3, 0.99]
    add("misc/erfinv_float32", lambda: T(erfinv_in).erfinv())
    add("misc/erfinv_float64", lambda: T(erfinv_in, np.float64).erfinv())
    add("misc/erfinv_edges", lambda: T([-1.0, 1.0, 1.5]).erfinv())

    def inplace(op, param=False, np_dtype=np.float32):
        def thunk():
            x = T([1.0, 2.0], np_dtype)
            if param:
                x = ms.Parameter(x, name="p")
            y = x
            if op == "add":
                x += 1
            elif op == "sub":
                x -= 1
            elif op == "mul":
                x *= 3
            elif op == "div":
                x /= 2
            return x is y, y, x, type(x).__name__
        return thunk

    for op in ("add", "sub", "mul", "div"):
        add(f"misc/inplace_{op}", inplace(op))
        add(f"misc/inplace_param_{op}", inplace(op, param=True))
    add("misc/inplace_div_int32", inplace("div", np_dtype=np.int32))

    return out
