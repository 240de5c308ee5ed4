"""Reference cases for ``Tensor.register_hook`` (MindSpore 2.10, PyNative): what a hook sees and what its result
does to the gradient, on an input, a Parameter and a value computed inside the differentiated function, and
``remove()``. ``run(ms)`` returns {case: value} on either framework; gen_tensor_hooks.py records MindSpore's into
tensor_hooks.json and tests/test_tensor_hooks.py compares minispore's."""
import numpy as np


def _v(t):
    if isinstance(t, (tuple, list)):
        return [_v(x) for x in t]
    return np.asarray(t.asnumpy()).tolist()


def run(ms):
    out = {}
    seen = []
    x = ms.Tensor(np.array([1.0, 2.0], np.float32))

    def double(g):
        seen.append(_v(g))
        return g * 2
    handle = x.register_hook(double)
    out["input/doubled"] = _v(ms.grad(lambda a: (a * a).sum())(x))
    out["input/seen"] = seen[:]
    handle.remove()
    out["input/removed"] = _v(ms.grad(lambda a: (a * a).sum())(x))

    inner = []

    def f(a):
        y = a * 3
        y.register_hook(lambda g: inner.append(_v(g)))
        return (y * y).sum()
    out["inner/grad"] = _v(ms.grad(f)(x))
    out["inner/seen"] = inner

    def f2(a):
        y = a * 3
        y.register_hook(lambda g: g * 0 + 1)
        return (y * y).sum()
    out["inner/replaced"] = _v(ms.grad(f2)(x))

    p = ms.Parameter(ms.Tensor(np.array([1.0, 2.0], np.float32)), name="w")
    p.register_hook(lambda g: g * 10)
    out["parameter"] = _v(ms.grad(lambda: (p * p).sum(), None, [p])())

    y = x * 1
    y.register_hook(lambda g: g * 100)
    out["unrelated"] = _v(ms.grad(lambda a: (a * a).sum())(x))

    try:
        x.register_hook(1)
        out["not_callable"] = "no error"
    except Exception as e:  # noqa: BLE001 - recording the class and message
        out["not_callable"] = [type(e).__name__, str(e)]
    return out
