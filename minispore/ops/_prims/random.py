"""Random draws from the framework's generator (``mindspore.set_seed``). Each is a primitive flagged ``random``:
a compiled graph draws new numbers at every call instead of freezing the first ones."""
from ..._core import backend
from ...common import seed as _seed
from ._base import NONDIFF, Primitive, bind


def _draw(kind, shape, dtype, seed, args):
    g = _seed.generator(seed)
    if kind == "uniform":
        low, high = args
        host = g.uniform(low, high, shape)
    elif kind == "normal":
        host = g.standard_normal(shape)
    elif kind == "integers":
        low, high = args
        host = g.integers(low, high, shape)
    elif kind == "permutation":
        host = g.permutation(args[0])
    else:
        raise ValueError(f"unknown random draw {kind!r}")
    return backend.asarray(host.astype(dtype, copy=False))


def _draw_abstract(kind, shape, dtype, seed, args):
    return tuple(shape), dtype


draw_p = Primitive("RandomDraw", _draw, 0, _draw_abstract, random=True)
draw_p.def_vjp()


def draw(kind, shape, dtype, seed=None, args=()):
    """``kind``: 'uniform' (args low, high), 'normal' (standard), 'integers' (args low, high), 'permutation'
    (args n; shape (n,))."""
    return bind(draw_p, kind=kind, shape=tuple(shape), dtype=dtype, seed=seed, args=tuple(args))


def _dropout_mask_impl(x, p, seed):
    keep = _seed.generator(seed).random(x.shape) >= p
    return backend.asarray((keep / (1.0 - p)).astype(x.dtype))


dropout_mask_p = Primitive("DropoutMask", _dropout_mask_impl, 1, lambda x, p, seed: (x.shape, x.dtype), random=True)
dropout_mask_p.def_vjp(NONDIFF)


def dropout_mask(x, p, seed=None):
    """Keep-mask of ``x``'s shape scaled by 1 / (1 - p), drawn when the primitive runs."""
    return bind(dropout_mask_p, x, p=p, seed=seed)


def _bernoulli_impl(probs, seed, dtype):
    return backend.asarray(_seed.generator(seed).random(probs.shape) < backend.to_numpy(probs)).astype(dtype)


bernoulli_p = Primitive("Bernoulli", _bernoulli_impl, 1, lambda probs, seed, dtype: (probs.shape, dtype), random=True)
bernoulli_p.def_vjp(NONDIFF)


def bernoulli(probs, dtype, seed=None):
    return bind(bernoulli_p, probs, seed=seed, dtype=dtype)


def _multinomial_impl(probs, num_samples, replacement, seed):
    host = backend.to_numpy(probs).astype("float64")
    g = _seed.generator(seed)
    rows = host.reshape(-1, host.shape[-1])
    out = [g.choice(rows.shape[1], num_samples, replace=replacement, p=r / r.sum()) for r in rows]
    return backend.asarray(backend.host_index(out).reshape(host.shape[:-1] + (num_samples,)).astype("int64"))


multinomial_p = Primitive("Multinomial", _multinomial_impl, 1,
                          lambda probs, num_samples, replacement, seed: (tuple(probs.shape[:-1]) + (num_samples,),
                                                                         backend.xp.dtype("int64")), random=True)
multinomial_p.def_vjp(NONDIFF)


def multinomial(probs, num_samples, replacement, seed=None):
    return bind(multinomial_p, probs, num_samples=num_samples, replacement=replacement, seed=seed)


def _shuffle_impl(x, seed):
    return backend.asarray(_seed.generator(seed).permutation(backend.to_numpy(x)))


shuffle_p = Primitive("RandomShuffle", _shuffle_impl, 1, lambda x, seed: (x.shape, x.dtype), random=True)
shuffle_p.def_vjp(NONDIFF)


def shuffle(x, seed=None):
    return bind(shuffle_p, x, seed=seed)
