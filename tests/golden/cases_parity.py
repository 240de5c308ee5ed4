"""Reference ("golden") cases for MindSpore 2.10's module paths and the names programs reach first: the graph-level
helpers of ``ops.functional`` (``F.tuple_getitem``, ``F.scalar_*``, ``F.reduce_*``, ``F.tensor_*``), ``ops.composite``
(``HyperMap``, ``Map``, ``MultitypeFuncGraph``, ``zip_operation``), ``ops.primitive`` (``prim_attr_register``,
``constexpr``), ``common.api`` (``jit``, ``jit_class``), ``nn.grad`` (``Jvp``, ``Vjp``), ``mindspore.log``, the
metric aliases of ``nn`` and the callbacks at the top level, ``mindspore.tensor``, ``ops.inv``/``shape``/``unstack``,
``dataset.config`` (defaults and the errors of bad settings), ``int()``/``float()`` of one-element Tensors, and
the known differences of issue 9 (``topk(sorted=False)``, ``Tensor.max(axis)`` under jit, ``cross_entropy`` of a
NumPy target).

Laid out as tests/golden/cases_seq_ops.py: ``cases(ms)`` builds ``(name, thunk)`` pairs on the framework module
``ms``; ``gen_parity.py`` records ``parity.json`` with MindSpore; tests/test_golden_parity.py runs them on
minispore. One row per name.
"""
import numpy as np

DELIBERATE = {
    "topk_unsorted": "with sorted=False MindSpore 2.10's CPU kernel returns the k largest in the order "
                     "std::nth_element leaves them (libstdc++'s introselect: unspecified, and MindSpore's docs warn it "
                     "differs between platforms); minispore returns the same values and Int32 indices, sorted",
    "jit_input_signature_mismatch": "MindSpore 2.10 runs a jit function on an input whose static dimension differs "
                                    "from its input_signature; minispore raises a ValueError naming the dimension",
    "Tensor_init_by_name": "MindSpore 2.10 fails with \"'str' object is not callable\" for init='zeros'; minispore "
                           "takes the initializer's name as mindspore.common.initializer.initializer does",
}
INSTEAD = {
    "topk_unsorted": {"tuple": [{"tensor": "Float32", "shape": [2, 3], "value": [[5.0, 4.0, 3.0], [9.0, 8.0, 7.0]]},
                                {"tensor": "Int32", "shape": [2, 3], "value": [[1, 3, 2], [0, 2, 1]]}]},
}
NOTES = {}
UNSTABLE = {}
TOLERANCE = {}
KEYWORDS = {}


def cases(ms, jit=False):
    ops = ms.ops
    nn = ms.nn
    Tensor = ms.Tensor
    from importlib import import_module
    F = import_module(ms.__name__ + ".ops.functional")
    C = import_module(ms.__name__ + ".ops.composite")
    PR = import_module(ms.__name__ + ".ops.primitive")
    api = import_module(ms.__name__ + ".common.api")
    ngrad = import_module(ms.__name__ + ".nn.grad")
    log = import_module(ms.__name__ + ".log")
    ds = import_module(ms.__name__ + ".dataset")
    out = []
    names = set()

    def add(name, thunk, keywords=None):
        assert name not in names, name
        names.add(name)
        if keywords:
            thunk.keywords = list(keywords)
        out.append((name, thunk))

    def T(a, np_dtype=np.float32):
        return Tensor(np.asarray(a, dtype=np_dtype))

    x23 = lambda: T([[3., -1., 2.], [1., 5., 0.5]])     # noqa: E731

    # ------------------------------------------------------------ ops.functional: sequences and scalars
    add("F.tuple_getitem", lambda: F.tuple_getitem((1, 2, 3), 1))
    add("F.tuple_len", lambda: F.tuple_len((1, 2, 3)))
    add("F.make_tuple", lambda: F.make_tuple(1, 2.5, 3))
    add("F.shape_mul", lambda: F.shape_mul((2, 3, 4)))
    add("F.scalar_add", lambda: F.scalar_add(1, 2))
    add("F.scalar_add_float", lambda: F.scalar_add(1, 2.5))
    add("F.scalar_sub", lambda: F.scalar_sub(1, 3))
    add("F.scalar_mul", lambda: F.scalar_mul(4, 3))
    add("F.scalar_div", lambda: F.scalar_div(3, 2))
    add("F.scalar_floordiv", lambda: F.scalar_floordiv(7, 2))
    add("F.scalar_mod", lambda: F.scalar_mod(7, 3))
    add("F.scalar_pow", lambda: F.scalar_pow(2, 5))
    add("F.scalar_eq", lambda: F.scalar_eq(2, 2))
    add("F.scalar_lt", lambda: F.scalar_lt(2, 1))
    add("F.scalar_usub", lambda: F.scalar_usub(4))
    def in_graph(fn, *args):
        """MindSpore's graph-level helpers run in a compiled graph (several have no PyNative kernel)."""
        def thunk():
            def f(x):
                return x, fn(*args)
            return ms.jit(f)(T([1.]))[1]
        return thunk
    add("F.bool_and", in_graph(F.bool_and, True, False))
    add("F.bool_not", in_graph(F.bool_not, False))
    add("F.is_", lambda: F.is_(None, None))
    add("F.in_dict", lambda: F.in_dict("a", {"a": 1}))
    add("F.string_concat", in_graph(F.string_concat, "ab", "cd"))
    add("F.string_eq", in_graph(F.string_eq, "ab", "ab"))

    # ------------------------------------------------------------ ops.functional: Tensors
    add("F.dtype", lambda: F.dtype(x23()))
    add("F.reduce_sum", lambda: F.reduce_sum(x23(), 1))
    add("F.reduce_mean", lambda: F.reduce_mean(x23(), 0))
    add("F.reduce_max", lambda: F.reduce_max(x23()))
    add("F.reduce_min", lambda: F.reduce_min(x23(), (0, 1)))
    add("F.tensor_add", lambda: F.tensor_add(x23(), x23()))
    add("F.tensor_mod", lambda: F.tensor_mod(x23(), 2.0))
    add("F.tensor_pow", lambda: F.tensor_pow(x23(), 2))
    add("F.tensor_gt", lambda: F.tensor_gt(x23(), 1.0))
    add("F.inv", lambda: F.inv(T([2., 4., -0.5])))
    add("F.mixed_precision_cast", lambda: F.mixed_precision_cast(ms.float16, (x23(), T([1, 2], np.int32))))
    add("F.partial", lambda: F.partial(ops.add, x23())(x23()))
    add("F.relu", lambda: F.relu(x23()))
    add("F.shape", lambda: F.shape(x23()))

    # ------------------------------------------------------------ ops: names programs reach first
    add("ops.inv", lambda: ops.inv(T([2., 4., -0.5])))
    add("ops.inv_int", lambda: ops.inv(T([2, 4], np.int32)))
    add("ops.shape", lambda: ops.shape(x23()))
    add("ops.unstack", lambda: ops.unstack(x23(), 1))
    add("ops.scalar_add", lambda: ops.scalar_add(2, 3))
    add("ops.tuple_getitem", lambda: ops.tuple_getitem((4, 5), 0))

    # ------------------------------------------------------------ ops.composite
    def hypermap():
        hm = C.HyperMap()
        return hm(F.partial(lambda s, a, b: a * s + b, 2.0), (x23(), (x23(), x23())), (x23(), (x23(), x23())))
    add("C.HyperMap_nested", hypermap)
    def hypermap_op():
        scale = C.MultitypeFuncGraph("scale")

        @scale.register("Tensor", "Number")
        def _scale(a, s):
            return a * s
        return C.HyperMap(scale)((x23(), x23()), (2.0, -1.0))
    add("C.HyperMap_op", hypermap_op)
    add("C.Map", lambda: C.Map()(lambda a, b: a - b, (x23(), x23()), (x23(), x23())))
    add("C.zip_operation", in_graph(C.zip_operation, (1, 2), (3, 4)))

    def multitype(*args):
        def thunk():
            add_ = C.MultitypeFuncGraph("add_")

            @add_.register("Number", "Number")
            def _add_scalar(a, b):
                return F.scalar_add(a, b)

            @add_.register("Tensor", "Tensor")
            def _add_tensor(a, b):
                return ops.add(a, b)

            @add_.register("Tensor", "Number")
            def _add_tensor_number(a, b):
                return ops.mul(a, b)
            return add_(*[a() if callable(a) else a for a in args])
        return thunk
    add("C.MultitypeFuncGraph_number", multitype(1, 2))
    add("C.MultitypeFuncGraph_tensor", multitype(x23, x23))
    add("C.MultitypeFuncGraph_mixed", multitype(x23, 3))
    add("C.GradOperation", lambda: C.GradOperation(get_all=True)(lambda a, b: ops.sum(a * b))(x23(), x23()))

    # ------------------------------------------------------------ ops.primitive
    def registered():
        class MyOp(PR.PrimitiveWithInfer):
            @PR.prim_attr_register
            def __init__(self, axis=0, keep_dims=True):
                self.init_prim_io_names(inputs=["x"], outputs=["y"])
        op = MyOp(axis=1)
        return (str(op), op.axis, op.keep_dims, op.name)
    add("primitive.prim_attr_register", registered)

    def const():
        @PR.constexpr
        def double(n):
            return n * 2

        def f(x):
            return ops.reshape(x, (double(3),))
        return f(x23())
    add("primitive.constexpr", const)

    # ------------------------------------------------------------ common.api
    def jit_class():
        @api.jit_class
        class Scale:
            def __init__(self):
                self.k = 3.0

            def apply(self, x):
                return x * self.k
        s = Scale()

        def f(x):
            return s.apply(x)
        return api.jit(f)(x23())
    add("api.jit_class", jit_class)
    add("api.jit_class_not_a_class", lambda: api.jit_class(lambda x: x), keywords=["jit_class"])

    # ------------------------------------------------------------ nn.grad
    v = lambda: T([[1., 0.5, 2.], [0., 1., -1.]])      # noqa: E731

    def cube(a):
        return a * a * a

    def prod_plus(a, b):
        return a * b + a
    add("nn.grad.Vjp_single", lambda: ngrad.Vjp(cube)(x23(), v()))
    add("nn.grad.Vjp_two", lambda: ngrad.Vjp(prod_plus)(x23(), v(), v()))
    add("nn.grad.Jvp_single", lambda: ngrad.Jvp(cube)(x23(), v()))
    add("nn.grad.Jvp_two", lambda: ngrad.Jvp(prod_plus)(x23(), v(), (v(), x23())))

    # ------------------------------------------------------------ top level and nn aliases
    for name in ("Accuracy", "Loss", "MAE", "MSE", "Metric", "Precision", "Recall", "F1",
                 "Top1CategoricalAccuracy", "TopKCategoricalAccuracy"):
        add(f"nn.{name}_is_train", lambda name=name: getattr(nn, name) is getattr(ms.train, name))
    for name in ("CheckpointConfig", "LossMonitor", "ModelCheckpoint", "TimeMonitor", "Callback", "RunContext",
                 "Accuracy", "EarlyStopping"):
        add(f"ms.{name}_is_train", lambda name=name: getattr(ms, name) is getattr(ms.train, name))

    def accuracy():
        m = nn.Accuracy("classification")
        m.clear()
        m.update(T([[0.2, 0.8], [0.9, 0.1], [0.4, 0.6]]), T([1, 1, 1], np.int32))
        return m.eval()
    add("nn.Accuracy_eval", accuracy)

    def loss_metric():
        m = nn.Loss()
        m.clear()
        m.update(T(0.5))
        m.update(T(1.5))
        return m.eval()
    add("nn.Loss_eval", loss_metric)
    add("nn.Pad", lambda: nn.Pad(paddings=((0, 0), (1, 2)))(x23()))
    add("ms.tensor", lambda: ms.tensor([1, 2, 3]))
    add("ms.tensor_dtype", lambda: ms.tensor([1, 2, 3], ms.float32))
    add("log.get_level", lambda: log.get_level())

    # ------------------------------------------------------------ dataset.config
    cfg = ds.config
    for name in ("numa_enable", "callback_timeout", "monitor_sampling_interval", "auto_num_workers",
                 "enable_shared_mem", "auto_offload", "enable_autotune", "autotune_interval", "enable_watchdog",
                 "multiprocessing_timeout_interval", "debug_mode", "fast_recovery", "iterator_mode",
                 "multiprocessing_start_method", "prefetch_size"):
        add(f"config.get_{name}", lambda name=name: getattr(cfg, "get_" + name)())
    add("config.error_samples_mode", lambda: str(cfg.get_error_samples_mode()))
    for call, arg in (("set_numa_enable", 1), ("set_callback_timeout", 0), ("set_callback_timeout", 1.5),
                      ("set_monitor_sampling_interval", 0), ("set_auto_num_workers", 1),
                      ("set_enable_shared_mem", 1), ("set_auto_offload", 1), ("set_enable_autotune", 1),
                      ("set_autotune_interval", -1), ("set_enable_watchdog", 1),
                      ("set_multiprocessing_timeout_interval", 0), ("set_error_samples_mode", 1),
                      ("set_debug_mode", 1), ("set_fast_recovery", 1), ("set_iterator_mode", 1),
                      ("set_multiprocessing_start_method", "x"), ("set_sending_batches", 1.0)):
        add(f"config.{call}({arg!r})", lambda call=call, arg=arg: getattr(cfg, call)(arg))

    def numa_roundtrip():
        cfg.set_numa_enable(True)
        try:
            return cfg.get_numa_enable()
        finally:
            cfg.set_numa_enable(False)
    add("config.set_numa_enable_roundtrip", numa_roundtrip)

    # ------------------------------------------------------------ int()/float() of one-element Tensors
    add("int_rank0", lambda: int(T(3.7)))
    add("int_rank1", lambda: int(T([3.7])))
    add("int_rank3", lambda: int(T([[[-2.5]]])))
    add("float_rank2", lambda: float(T([[2.5]])))
    add("float_int_rank2", lambda: float(T([[7]], np.int32)))
    add("int_two_elements", lambda: int(T([1., 2.])))

    # ------------------------------------------------------------ known differences (issue 9, item 6)
    tk = lambda: T([[1., 5., 3., 4., 2.], [9., 7., 8., 6., 0.]])       # noqa: E731
    add("topk_sorted", lambda: ops.topk(tk(), 3))
    add("topk_unsorted", lambda: ops.topk(tk(), 3, sorted=False))
    add("topk_int32", lambda: ops.topk(T([[1, 5, 3, 4, 2]], np.int32), 2))

    def max_axis_graph():
        ms.set_context(mode=ms.GRAPH_MODE)
        try:
            def f(x):
                return x.max(axis=1)
            return ms.jit(f)(x23())
        finally:
            ms.set_context(mode=ms.PYNATIVE_MODE)
    add("Tensor.max_axis_jit", max_axis_graph)
    add("Tensor.max_axis", lambda: x23().max(axis=1))
    add("Tensor.max_axis_return_indices", lambda: x23().max(axis=1, return_indices=True))
    add("cross_entropy_numpy_target",
        lambda: ops.cross_entropy(x23(), np.array([0, 2], np.int32)))
    add("cross_entropy_tensor_target", lambda: ops.cross_entropy(x23(), T([0, 2], np.int32)))

    # ------------------------------------------------------------ dynamic-shape placeholders (item 4)
    init = import_module(ms.__name__ + ".common.initializer")
    add("Tensor_placeholder_shape", lambda: (Tensor(shape=[None, 3], dtype=ms.float32).shape,
                                             Tensor(dtype=ms.float32, shape=[2, None]).shape))
    add("Tensor_init_One", lambda: Tensor(shape=(2, 3), dtype=ms.float32, init=init.One()))
    add("Tensor_init_by_name", lambda: Tensor(shape=(2,), dtype=ms.float32, init="zeros"))

    def set_inputs():
        net = nn.Dense(3, 2)
        net.set_inputs(Tensor(shape=[None, 3], dtype=ms.float32))
        return net(T(np.ones((4, 3)))).shape
    add("Cell.set_inputs_dynamic", set_inputs)

    def signature(shape):
        def double(x):
            return x * 2
        return lambda: ms.jit(double, input_signature=Tensor(shape=[None, 2], dtype=ms.float32))(T(np.ones(shape)))
    add("jit_input_signature", signature((5, 2)))
    add("jit_input_signature_mismatch", signature((5, 3)))

    def rows(*values):
        def source():
            for v in values:
                yield (np.array(v),)
        return source

    def pipeline(make):
        return lambda: [r[0] for r in make().create_tuple_iterator(output_numpy=True)]
    add("batch_mixed_int_float",
        pipeline(lambda: ds.GeneratorDataset(rows(1, 2.5), ["a"], shuffle=False).batch(2)),
        keywords=["batch", "types"])
    add("batch_same_type", pipeline(lambda: ds.GeneratorDataset(rows(1.5, 2.5), ["a"], shuffle=False).batch(2)))
    add("concat_different_dtypes",
        pipeline(lambda: ds.GeneratorDataset(rows(np.int32(1)), ["a"], shuffle=False)
                 + ds.GeneratorDataset(rows(np.float32(2)), ["a"], shuffle=False)),
        keywords=["Concat", "int32", "float32"])
    add("concat_same_dtypes",
        pipeline(lambda: ds.GeneratorDataset(rows(np.int32(1)), ["a"], shuffle=False)
                 .concat(ds.GeneratorDataset(rows(np.int32(2), np.int32(3)), ["a"], shuffle=False))))
    return out
