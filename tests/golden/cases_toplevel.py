"""Reference ("golden") cases for more of MindSpore 2.10's top-level names (minispore/common/_toplevel_more.py,
common/random_state.py, train/_ckpt_convert.py, train/callback/_lr_scheduler.py): tensors from NumPy arrays and
buffers, type queries and dtype objects, the generator API, the graph-compiler switches, ``swap_tensors``,
``run_check``, ``LearningRateScheduler``, ``ckpt_to_safetensors`` / ``safetensors_to_ckpt`` and
``build_train_network``.

``cases(ms)`` gives ``(case, thunk)`` pairs; a thunk returns what describe.py records (types as ``repr``/``str``
strings). ``gen_toplevel.py`` records ``toplevel.json`` with MindSpore; tests/test_golden_toplevel.py runs the same
cases on minispore. ``NAMES`` maps each top-level name added to the cases that exercise it.
"""
import contextlib
import io
import os
import shutil
import tempfile

import numpy as np

DTYPE_ALIASES = ("byte", "ubyte", "intp", "uintp", "cfloat", "cdouble", "number", "list_", "tuple_", "type_none",
                 "tensor_type")

_ERR_CLASS = ("MindSpore raises RuntimeError for a bad argument of this call; minispore raises the ValueError / "
              "TypeError that names the argument")
_RNG = ("MindSpore's generator is Philox with a 16-byte state (seed, offset); minispore's is NumPy's PCG64, whose "
        "state Tensor is 48 bytes (seed, state, increment, buffered word)")
DELIBERATE = {
    "frombuffer/bad_length": _ERR_CLASS, "frombuffer/not_buffer": _ERR_CLASS, "set_rng_state/bad": _ERR_CLASS,
    "get_rng_state/layout": _RNG, "generator/state_layout": _RNG,
}
INSTEAD = {
    "frombuffer/bad_length": {"error": "ValueError", "keywords": ["frombuffer", "multiple of the element size"]},
    "frombuffer/not_buffer": {"error": "TypeError", "keywords": ["frombuffer", "buffer protocol"]},
    "set_rng_state/bad": {"error": "TypeError", "keywords": ["set_state", "uint8"]},
    "get_rng_state/layout": {"tuple": ["UInt8", {"list": [{"int": 48}]}, {"int": 5}]},
    "generator/state_layout": {"tuple": ["UInt8", {"list": [{"int": 48}]}, {"int": 3}]},
}
KEYWORDS = {
    "from_numpy/list": ["numpy array"], "manual_seed/float": ["integer"], "set_deterministic/int": ["deterministic"],
    "set_recursion_limit/negative": ["must > 0"], "mutable/str": ["mutable", "input_data"],
    "mutable/ndarray": ["mutable", "input_data"], "Int/7": ["8bits, 16bits, 32bits and 64bits"],
    "lazy_inline/function": ["__init__"], "get_py_obj_dtype/ndarray": ["cannot be converted"],
    "get_py_obj_dtype/dict": ["cannot be converted"], "ckpt_to_safetensors/bad_path": ["valid path"],
    "safetensors_to_ckpt/wrong_suffix": [".safetensors"], "JitConfig/bad_level": ["jit_level"],
    "JitConfig/bad_exc_mode": ["exc_mode"], "BackupAndRestore/save_freq_0": ["must > 0"],
    "BackupAndRestore/delete_int": ["bool"], "merge_sliced_parameter/names": ["same name"],
    "merge_sliced_parameter/shapes": ["same name"], "merge_sliced_parameter/empty": ["should not be empty"],
    "merge_sliced_parameter/not_list": ["should be list"], "merge_sliced_parameter/tensor": ["at index 1"],
}

# each added top-level name -> a case prefix that exercises it (test_every_added_name_has_a_row reads it)
NAMES = {
    "from_numpy": "from_numpy/", "frombuffer": "frombuffer/", "is_tensor": "is_tensor/",
    "dtype_to_pytype": "dtype_to_pytype/", "get_py_obj_dtype": "get_py_obj_dtype/", "TensorType": "TensorType/",
    "Int": "Int/", "manual_seed": "manual_seed/", "initial_seed": "initial_seed/", "seed": "seed/",
    "get_rng_state": "get_rng_state/", "set_rng_state": "set_rng_state/", "Generator": "generator/",
    "default_generator": "manual_seed/returns", "set_deterministic": "set_deterministic/",
    "set_recursion_limit": "set_recursion_limit/", "mutable": "mutable/", "lazy_inline": "lazy_inline/",
    "no_inline": "no_inline/", "swap_tensors": "swap_tensors/", "run_check": "run_check/",
    "LearningRateScheduler": "LearningRateScheduler/", "ckpt_to_safetensors": "ckpt_to_safetensors/",
    "safetensors_to_ckpt": "safetensors_to_ckpt/", "build_train_network": "build_train_network/",
    "JitConfig": "JitConfig/", "BackupAndRestore": "BackupAndRestore/",
    "merge_sliced_parameter": "merge_sliced_parameter/",
}
NAMES.update({n: "alias/" + n for n in DTYPE_ALIASES})

A = np.random.default_rng(1).uniform(-1, 1, (2, 3)).astype(np.float32)
W = np.random.default_rng(2).uniform(-1, 1, (1, 3)).astype(np.float32)
B = np.array([0.25], np.float32)
X = np.random.default_rng(3).uniform(-1, 1, (8, 3)).astype(np.float32)
Y = np.random.default_rng(4).uniform(-1, 1, (8, 1)).astype(np.float32)


def _types(*ts):
    return tuple(s for t in ts for s in (repr(t), str(t)))


@contextlib.contextmanager
def _folder():
    root = tempfile.mkdtemp(prefix="golden_toplevel_")
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _params(ckpt):
    """Names and values (a Parameter loaded from safetensors has a generated name, 'Parameter#N', in both)."""
    return {k: v.asnumpy() for k, v in sorted(ckpt.items())}


def cases(ms):
    out = []

    def add(name):
        def deco(fn):
            out.append((name, fn))
            return fn
        return deco

    # --- tensors from arrays and buffers
    add("from_numpy/float32")(lambda: ms.from_numpy(A))
    add("from_numpy/int64")(lambda: ms.from_numpy(np.arange(3, dtype=np.int64)))
    add("from_numpy/transposed")(lambda: ms.from_numpy(np.arange(6.).reshape(2, 3).T))

    @add("from_numpy/shares_memory")
    def _():
        a = A.copy()
        t = ms.from_numpy(a)
        a[0, 0] = 9.0
        return float(t.asnumpy()[0, 0])

    add("from_numpy/list")(lambda: ms.from_numpy([1, 2]))
    add("frombuffer/int16")(lambda: ms.frombuffer(b"\x01\x02\x03\x04", ms.int16))
    add("frombuffer/count_offset")(lambda: ms.frombuffer(
        bytearray(np.arange(4, dtype=np.float32).tobytes()), ms.float32, count=2, offset=4))
    add("frombuffer/offset_rest")(lambda: ms.frombuffer(b"\x01\x02\x03\x04", ms.int8, count=-1, offset=1))
    add("frombuffer/bad_length")(lambda: ms.frombuffer(b"\x01\x02\x03", ms.int16))
    add("frombuffer/not_buffer")(lambda: ms.frombuffer([1, 2], ms.int8))

    # --- type queries and dtype objects
    add("is_tensor/tensor")(lambda: ms.is_tensor(ms.Tensor(A)))
    add("is_tensor/parameter")(lambda: ms.is_tensor(ms.Parameter(ms.Tensor(A), name="p")))
    add("is_tensor/ndarray")(lambda: ms.is_tensor(A))
    for d in ("float32", "float16", "bfloat16", "int8", "int64", "uint8", "bool_", "complex64", "string", "list_",
              "tuple_", "type_none", "int_"):
        add("dtype_to_pytype/" + d)(lambda d=d: ms.dtype_to_pytype(getattr(ms, d)).__name__)
    add("dtype_to_pytype/number")(lambda: ms.dtype_to_pytype(ms.number))
    add("dtype_to_pytype/tensor")(lambda: ms.dtype_to_pytype(ms.TensorType(ms.float32)))
    add("dtype_to_pytype/int")(lambda: ms.dtype_to_pytype(3))
    for label, obj in (("int", 1), ("float", 1.0), ("bool", True), ("complex", 1j), ("list", [1]),
                       ("tuple", (1,)), ("none", None), ("np_float32", np.float32(1)), ("np_int8", np.int8(1)),
                       ("int_type", int), ("float_type", float)):
        add("get_py_obj_dtype/" + label)(lambda obj=obj: _types(ms.get_py_obj_dtype(obj)))
    # str only: minispore's mstype.string prints its repr as 'mindspore.string', MindSpore's as 'mindspore.string_'
    add("get_py_obj_dtype/str")(lambda: str(ms.get_py_obj_dtype("s")))
    add("get_py_obj_dtype/tensor")(lambda: _types(ms.get_py_obj_dtype(ms.Tensor(A))))
    add("get_py_obj_dtype/parameter")(lambda: _types(ms.get_py_obj_dtype(
        ms.Parameter(ms.Tensor(np.ones(1), ms.float16), name="p"))))
    add("get_py_obj_dtype/dtype")(lambda: _types(ms.get_py_obj_dtype(ms.float32)))
    add("get_py_obj_dtype/ndarray")(lambda: ms.get_py_obj_dtype(A))
    add("get_py_obj_dtype/dict")(lambda: ms.get_py_obj_dtype({}))
    for n in DTYPE_ALIASES:
        add("alias/" + n)(lambda n=n: _types(getattr(ms, n)))
    add("alias/equality")(lambda: (ms.number == ms.number, ms.list_ == ms.tuple_, ms.byte == ms.int8,
                                   ms.cdouble == ms.complex128))
    add("TensorType/float32")(lambda: _types(ms.TensorType(ms.float32), ms.TensorType(ms.float32).element_type()))
    add("TensorType/empty")(lambda: _types(ms.TensorType()))
    add("TensorType/compare")(lambda: (ms.TensorType(ms.float32) == ms.TensorType(ms.float32),
                                       ms.TensorType(ms.float32) == ms.TensorType(ms.int32),
                                       isinstance(ms.tensor_type, ms.TensorType)))
    add("Int/widths")(lambda: _types(ms.Int(8), ms.Int(64), ms.Int()))
    add("Int/compare")(lambda: (ms.Int(8) == ms.int8, isinstance(ms.int8, ms.Int), isinstance(ms.float32, ms.Int)))
    add("Int/7")(lambda: ms.Int(7))

    # --- the generator API (the numbers drawn differ: Philox vs PCG64; the behaviour is compared)
    @add("manual_seed/returns")
    def _():
        before = ms.get_seed()
        g = ms.manual_seed(5)
        return g is ms.default_generator, ms.initial_seed(), ms.get_seed() == before   # get_seed is set_seed's

    @add("initial_seed/after_set_seed")
    def _():
        ms.manual_seed(5)
        ms.set_seed(7)          # MindSpore: set_seed does not change the generator's initial seed
        value = ms.initial_seed()
        ms.manual_seed(11)
        return value, ms.initial_seed(), ms.get_seed()

    @add("get_rng_state/replays")
    def _():
        # randperm draws from the default generator in MindSpore 2.10 (its ops.rand does not: see random_state.py)
        ms.manual_seed(7)
        ms.ops.randperm(6)
        state = ms.get_rng_state()
        b = ms.ops.randperm(6).asnumpy()
        ms.set_rng_state(state)
        c = ms.ops.randperm(6).asnumpy()
        return bool(np.array_equal(b, c)), sorted(c.tolist())

    @add("manual_seed/reseeds_randperm")
    def _():
        ms.manual_seed(3)
        a = ms.ops.randperm(8).asnumpy()
        ms.manual_seed(3)
        b = ms.ops.randperm(8).asnumpy()
        return bool(np.array_equal(a, b))

    @add("get_rng_state/layout")
    def _():
        ms.manual_seed(5)
        s = ms.get_rng_state()
        return str(s.dtype), list(s.shape), int(s.asnumpy()[0])

    add("set_rng_state/bad")(lambda: ms.set_rng_state(5))
    add("manual_seed/float")(lambda: ms.manual_seed(1.5))

    @add("seed/returns_the_seed")
    def _():
        s = ms.seed()
        return type(s).__name__, ms.initial_seed() == s

    @add("generator/new")
    def _():
        g = ms.Generator()
        return g.initial_seed(), g.manual_seed(3) is g, g.initial_seed(), ms.default_generator is not g

    @add("generator/state_layout")
    def _():
        g = ms.Generator().manual_seed(3)
        s = g.get_state()
        return str(s.dtype), list(s.shape), int(s.asnumpy()[0])

    @add("generator/set_state")
    def _():
        g = ms.Generator().manual_seed(3)
        s = g.get_state()
        h = ms.Generator()
        h.set_state(s)
        return h.initial_seed(), sorted(m for m in dir(g) if not m.startswith("_"))

    # --- graph-compiler switches
    add("set_deterministic/true")(lambda: ms.set_deterministic(True))
    add("set_deterministic/int")(lambda: ms.set_deterministic(1))
    add("set_recursion_limit/500")(lambda: ms.set_recursion_limit(500))
    add("set_recursion_limit/negative")(lambda: ms.set_recursion_limit(-1))
    add("mutable/tensor")(lambda: ms.mutable(ms.Tensor(A)))
    add("mutable/tuple")(lambda: tuple(ms.mutable((ms.Tensor(A), ms.Tensor(B)))))
    add("mutable/int")(lambda: int(ms.mutable(2)))
    add("mutable/list_dynamic")(lambda: list(ms.mutable([1, 2], True)))
    add("mutable/str")(lambda: ms.mutable("s"))
    add("mutable/ndarray")(lambda: ms.mutable(np.ones(2)))

    @add("lazy_inline/cell")
    def _():
        class Net(ms.nn.Cell):
            @ms.lazy_inline
            def __init__(self, k):
                super().__init__()
                self.k = k

            def construct(self, x):
                return x * self.k
        return Net(3)(ms.Tensor(A))

    @add("lazy_inline/function")
    def _():
        @ms.lazy_inline
        def f(x):
            return x
        return f(1)

    add("no_inline/call")(lambda: ms.no_inline(lambda x: x + 1)(ms.Tensor(A)))

    @add("swap_tensors/swaps")
    def _():
        t1, t2 = ms.Tensor(np.array([1.0, 2.0], np.float32)), ms.Tensor(np.array([3, 4, 5], np.int64))
        r = ms.swap_tensors(t1, t2)
        return r, t1, t2, t1 + 1

    add("swap_tensors/not_tensor")(lambda: ms.swap_tensors(ms.Tensor(A), 1))

    @add("run_check/prints")
    def _():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            ms.run_check()
        lines = buf.getvalue().splitlines()
        return lines[0].split(":")[0], lines[-1]

    # --- training
    def dense():
        net = ms.nn.Dense(3, 1)
        net.weight.set_data(ms.Tensor(W))
        net.bias.set_data(ms.Tensor(B))
        return net

    @add("LearningRateScheduler/halves")
    def _():
        net = dense()
        opt = ms.nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
        model = ms.Model(net, ms.nn.MSELoss(), opt)
        seen = []

        def schedule(lr, step):
            seen.append((round(lr, 6), step))
            return lr * 0.5 if step % 2 == 0 else lr
        data = ms.dataset.NumpySlicesDataset({"x": X, "y": Y}, shuffle=False).batch(2)
        model.train(2, data, callbacks=[ms.LearningRateScheduler(schedule)], dataset_sink_mode=False)
        return seen, opt.learning_rate, net.weight

    @add("build_train_network/step")
    def _():
        net = dense()
        opt = ms.nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
        train = ms.build_train_network(net, opt, ms.nn.MSELoss(), level="O0")
        losses = [train(ms.Tensor(X), ms.Tensor(Y)) for _ in range(2)]
        return losses, net.weight, ms.build_train_network is ms.train.amp.build_train_network

    add("JitConfig/default")(lambda: ms.JitConfig().jit_config_dict)
    add("JitConfig/O1")(lambda: ms.JitConfig(jit_level="O1").jit_config_dict)
    add("JitConfig/O2_kwargs")(lambda: ms.JitConfig(jit_level="O2", jit_syntax_level="LAX", extra=1).jit_config_dict)
    add("JitConfig/bad_level")(lambda: ms.JitConfig(jit_level="O5"))
    add("JitConfig/bad_exc_mode")(lambda: ms.JitConfig(exc_mode="fast"))

    def fit(net, epochs, cb):
        opt = ms.nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
        data = ms.dataset.NumpySlicesDataset({"x": X, "y": Y}, shuffle=False).batch(4)
        ms.Model(net, ms.nn.MSELoss(), opt).train(epochs, data, callbacks=[cb], dataset_sink_mode=False)

    @add("BackupAndRestore/keeps_backup")
    def _():
        with _folder() as root:
            net = dense()
            fit(net, 3, ms.BackupAndRestore(os.path.join(root, "bk"), save_freq=2, delete_checkpoint=False))
            saved = _params(ms.load_checkpoint(os.path.join(root, "bk", "backup.ckpt")))
            return os.listdir(os.path.join(root, "bk")), saved, net.weight

    @add("BackupAndRestore/resumes_and_deletes")
    def _():
        with _folder() as root:
            fit(dense(), 1, ms.BackupAndRestore(os.path.join(root, "bk"), delete_checkpoint=False))
            net = dense()            # fresh weights: the backup of the first run is loaded when training begins
            fit(net, 1, ms.BackupAndRestore(os.path.join(root, "bk")))
            return os.listdir(os.path.join(root, "bk")), net.weight, net.bias

    add("BackupAndRestore/save_freq_0")(lambda: ms.BackupAndRestore(tempfile.gettempdir(), save_freq=0))
    add("BackupAndRestore/delete_int")(lambda: ms.BackupAndRestore(tempfile.gettempdir(), delete_checkpoint=1))

    def sliced(name, arr, **kw):
        return ms.Parameter(ms.Tensor(arr), name=name, **kw)
    S1, S2 = A, np.random.default_rng(5).uniform(-1, 1, (1, 3)).astype(np.float32)
    add("merge_sliced_parameter/two")(lambda: ms.merge_sliced_parameter([sliced("w", S1), sliced("w", S2)]))
    add("merge_sliced_parameter/promotes")(lambda: ms.merge_sliced_parameter(
        [sliced("w", S1), sliced("w", S2.astype(np.float16))]))
    add("merge_sliced_parameter/frozen")(lambda: ms.merge_sliced_parameter(
        [sliced("c", B, requires_grad=False)] * 2))
    add("merge_sliced_parameter/names")(lambda: ms.merge_sliced_parameter([sliced("w", S1), sliced("v", S1)]))
    add("merge_sliced_parameter/shapes")(lambda: ms.merge_sliced_parameter([sliced("w", S1), sliced("w", A[:, :2])]))
    add("merge_sliced_parameter/empty")(lambda: ms.merge_sliced_parameter([]))
    add("merge_sliced_parameter/not_list")(lambda: ms.merge_sliced_parameter(sliced("w", S1)))
    add("merge_sliced_parameter/tensor")(lambda: ms.merge_sliced_parameter([sliced("w", S1), ms.Tensor(S1)]))

    # --- checkpoint conversion (each framework converts the files it wrote; the loaded values are compared)
    @add("ckpt_to_safetensors/file")
    def _():
        with _folder() as root:
            ms.save_checkpoint(dense(), os.path.join(root, "net.ckpt"))
            ms.ckpt_to_safetensors(os.path.join(root, "net.ckpt"), os.path.join(root, "out"),
                                   name_map={"weight": "w"})
            return sorted(os.listdir(os.path.join(root, "out"))), _params(ms.load_checkpoint(
                os.path.join(root, "out", "net.safetensors"), format="safetensors"))

    @add("ckpt_to_safetensors/rank_dirs")
    def _():
        with _folder() as root:
            for r in ("rank_0", "rank_1"):
                os.makedirs(os.path.join(root, "src", r))
                ms.save_checkpoint(dense(), os.path.join(root, "src", r, "net_%s.ckpt" % r[-1]))
                ms.save_checkpoint(dense(), os.path.join(root, "src", r, "skip.ckpt"))
            ms.ckpt_to_safetensors(os.path.join(root, "src"), os.path.join(root, "dst"), file_name_regex="net")
            return sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(os.path.join(root, "dst"))
                          for f in fs)

    add("ckpt_to_safetensors/bad_path")(lambda: ms.ckpt_to_safetensors("/nonexistent/dir/x.ckpt"))

    @add("safetensors_to_ckpt/file")
    def _():
        with _folder() as root:
            ms.save_checkpoint(dense(), os.path.join(root, "net.safetensors"), format="safetensors")
            ms.safetensors_to_ckpt(os.path.join(root, "net.safetensors"))
            return sorted(os.listdir(root)), _params(ms.load_checkpoint(os.path.join(root, "net.ckpt")))

    @add("safetensors_to_ckpt/wrong_suffix")
    def _():
        with _folder() as root:
            ms.save_checkpoint(dense(), os.path.join(root, "net.ckpt"))
            return ms.safetensors_to_ckpt(os.path.join(root, "net.ckpt"))
    return out
