"""Gradient checking as in HIPS autograd / JAX (``check_grads``) and dtype checks for ops.

``check_grads(f, args)`` casts the inputs to float64, draws a random tangent ``v`` (one per input) and a random
cotangent ``u`` (one per output) and asserts

    <u, (f(x + eps v) - f(x - eps v)) / 2 eps>  ==  <vjp(u), v>  ==  <u, jvp(v)>

up to tolerances, then recurses on the function ``(x, u) -> vjp(f, x)(u)`` for ``order`` 2 and 3, so the VJP rules
of the VJP rules are checked too. One scalar comparison per check, whatever the sizes.
"""
import numpy as np

import minispore as ms
from minispore import ops
from minispore._core.tensor import Tensor, _wrap

# (eps, atol, rtol) per dtype the check runs in
TOLERANCES = {
    np.dtype(np.float64): (1e-6, 1e-6, 1e-5),
    np.dtype(np.float32): (1e-3, 2e-2, 2e-2),
}


def _flat(out):
    """The Tensors of an output tree, in order."""
    if isinstance(out, Tensor):
        return [out]
    if isinstance(out, (tuple, list)):
        return [t for o in out for t in _flat(o)]
    if isinstance(out, dict):
        return [t for o in out.values() for t in _flat(o)]
    raise TypeError(f"check_grads: the function must return Tensors, got {type(out).__name__}")


def _as_tensor(x, dtype):
    arr = x.asnumpy() if isinstance(x, Tensor) else np.asarray(x)
    return _wrap(np.array(arr, dtype=dtype))


def _rand_like(rng, t):
    return _wrap(rng.standard_normal(t.shape).astype(t.asnumpy().dtype))


def _inner(us, ys):
    return float(sum(np.sum(np.asarray(u.asnumpy(), np.float64) * np.asarray(y.asnumpy(), np.float64))
                     for u, y in zip(us, ys)))


def _close(a, b, atol, rtol, what):
    if not abs(a - b) <= atol + rtol * max(abs(a), abs(b)):
        raise AssertionError(f"{what}: {a!r} != {b!r} (diff {abs(a - b):.3g}, atol {atol}, rtol {rtol})")


def _call(f, xs):
    return _flat(f(*xs))


def check_vjp(f, xs, rng, eps, atol, rtol, tag=""):
    """<u, FD(v)> == <vjp(u), v>. Returns a cotangent u (for recursion)."""
    ys = _call(f, xs)
    vs = [_rand_like(rng, x) for x in xs]
    us = [_rand_like(rng, y) for y in ys]
    plus = _call(f, [_wrap(x.asnumpy() + eps * v.asnumpy()) for x, v in zip(xs, vs)])
    minus = _call(f, [_wrap(x.asnumpy() - eps * v.asnumpy()) for x, v in zip(xs, vs)])
    fd = [_wrap((p.asnumpy() - m.asnumpy()) / (2 * eps)) for p, m in zip(plus, minus)]
    numeric = _inner(us, fd)

    out, pullback = ops.vjp(f, *xs)
    outs = _flat(out)
    assert len(outs) == len(ys)
    for o, y in zip(outs, ys):
        assert o.shape == y.shape, f"{tag}vjp output shape {o.shape} != {y.shape}"
        np.testing.assert_allclose(o.asnumpy(), y.asnumpy(), rtol=1e-12, atol=1e-12)
    cts = pullback(us[0] if isinstance(out, Tensor) else tuple(us))
    assert len(cts) == len(xs)
    for c, x in zip(cts, xs):
        assert c.shape == x.shape, f"{tag}cotangent shape {c.shape} != primal shape {x.shape}"
        assert c.dtype == x.dtype, f"{tag}cotangent dtype {c.dtype} != primal dtype {x.dtype}"
    _close(_inner(cts, vs), numeric, atol, rtol, f"{tag}VJP vs finite differences")
    return us, vs, numeric


def check_jvp(f, xs, vs, us, numeric, atol, rtol, tag=""):
    """<u, jvp(v)> == <u, FD(v)>."""
    out, tangent = ops.jvp(f, tuple(xs), tuple(vs))
    tangents = _flat(tangent)
    for t, o in zip(tangents, _flat(out)):
        assert t.shape == o.shape, f"{tag}JVP shape {t.shape} != output shape {o.shape}"
    _close(_inner(us, tangents), numeric, atol, rtol, f"{tag}JVP vs finite differences")


def check_grads(f, args, order=2, modes=("rev", "fwd"), eps=None, atol=None, rtol=None, dtype=np.float64,
                seed=0):
    """Check the derivatives of ``f`` (Tensors in, a Tensor or tuple of Tensors out) at ``args`` up to
    ``order``, in reverse mode (vs finite differences) and forward mode (vs the same)."""
    dtype = np.dtype(dtype)
    d_eps, d_atol, d_rtol = TOLERANCES[dtype]
    eps = d_eps if eps is None else eps
    atol = d_atol if atol is None else atol
    rtol = d_rtol if rtol is None else rtol
    xs = [_as_tensor(a, dtype) for a in (args if isinstance(args, (tuple, list)) else (args,))]
    rng = np.random.default_rng(seed)
    _check(f, xs, order, modes, eps, atol, rtol, rng)


def _check(f, xs, order, modes, eps, atol, rtol, rng):
    tag = f"[order {order}] "
    us, vs, numeric = check_vjp(f, xs, rng, eps, atol, rtol, tag)
    if "fwd" in modes:
        check_jvp(f, xs, vs, us, numeric, atol, rtol, tag)
    if order > 1:
        n = len(xs)
        single = len(us) == 1 and isinstance(f(*xs), Tensor)

        def vjp_of_f(*xs_and_us):
            _, pullback = ops.vjp(f, *xs_and_us[:n])
            cot = xs_and_us[n:]
            return pullback(cot[0] if single else tuple(cot))

        _check(vjp_of_f, list(xs) + list(us), order - 1, modes, eps, atol, rtol, rng)


def check_dtypes(f, args, dtypes=(np.float32, np.float64)):
    """For each float dtype: output dtype == input dtype and each gradient's dtype == its primal's dtype."""
    for dt in dtypes:
        xs = [_as_tensor(a, dt) for a in (args if isinstance(args, (tuple, list)) else (args,))]
        out = f(*xs)
        for o in _flat(out):
            assert o.asnumpy().dtype == np.dtype(dt), f"output dtype {o.dtype} for {np.dtype(dt)} inputs"
        grads = ops.grad(f, tuple(range(len(xs))))(*xs)
        grads = (grads,) if isinstance(grads, Tensor) else grads
        for g, x in zip(grads, xs):
            assert g.dtype == x.dtype, f"gradient dtype {g.dtype} != primal dtype {x.dtype}"
            assert g.shape == x.shape


def T(x, dtype=np.float64):
    """A float64 Tensor (a test shorthand)."""
    return _wrap(np.array(x, dtype=dtype))


__all__ = ["check_grads", "check_vjp", "check_jvp", "check_dtypes", "T", "TOLERANCES", "ms", "ops"]
