"""Every differentiable primitive, bound directly (not through an ops function): its forward value against a NumPy
formula, and its derivatives in float64 against central differences, to second order.

The op tables elsewhere test the ops functions; several primitives are only reached through a rule (the
companion ``*Grad`` kernels, ``Slice``, ``Outer``, ``SpreadLoss``, ``AddN``) or a fused path, so this table names
each primitive once and a meta-test makes a new differentiable primitive without an entry fail.
"""
import importlib
import importlib.util
import math
import pathlib

import numpy as np
import pytest

from minispore import ops  # noqa: F401  (registers the primitives)
from minispore._core.primitive import NONDIFF, Primitive, bind
from minispore._core.tensor import _wrap
from util import check_grads

import numpy_reference as ref

rng = np.random.default_rng(20261201)


def _u(*shape, low=-1.0, high=1.0):
    return rng.uniform(low, high, shape)


def _pos(*shape):
    return rng.uniform(0.5, 2.0, shape)


def _away(*shape):
    """Values away from 0 and from each other (kinks, ties)."""
    return (rng.permutation(np.prod(shape)).reshape(shape) + 1.0) * rng.choice([-1.0, 1.0], shape) / 3.0


def _int(values):
    return _wrap(np.asarray(values))


def _p(name):
    return Primitive.registry[name]


def _unary(name, np_fn, domain=_u):
    return name, dict(args=[domain(2, 3)], ref=np_fn)


def _binary(name, np_fn, dx=_u, dy=_u):
    return name, dict(args=[dx(2, 3), dy(2, 3)], ref=np_fn)


def _sigmoid(x):
    return ref.expit(x)


def _softplus(x):
    return np.logaddexp(0.0, x)


def _bce(x, y, w, pw):
    return -w * (pw * y * ref.log_expit(x) + (1 - y) * ref.log_expit(-x))


def _bce_dx(dout, x, y, w, pw):
    return dout * w * ((1 + (pw - 1) * y) * ref.expit(x) - pw * y)


def _softmax_ce(x, target, reduction):
    loss = -ref.log_softmax(x, 1)[np.arange(len(target)), target]
    return {"none": loss, "sum": loss.sum(), "mean": loss.mean()}[reduction]


def _softmax_ce_grad(dout, x, target):
    e = ref.softmax(x, 1)
    e[np.arange(len(target)), target] -= 1
    return e * dout[:, None]


def _index_add(dout, index, shape):
    out = np.zeros(shape)
    np.add.at(out, index, dout)
    return out


IDX = np.array([2, 0, 2])
ALONG = np.array([[1, 0, 1], [0, 0, 1]])
TARGET = np.array([1, 0, 2])
GETITEM = (slice(None), np.array([0, 2, 2]))

CASES = dict([
    _unary("Neg", np.negative),
    _unary("Exp", np.exp),
    _unary("Log", np.log, _pos),
    _unary("Log1p", np.log1p, _pos),
    _unary("Expm1", np.expm1),
    _unary("Sqrt", np.sqrt, _pos),
    _unary("Rsqrt", lambda x: 1 / np.sqrt(x), _pos),
    _unary("Reciprocal", lambda x: 1 / x, _pos),
    _unary("Square", np.square),
    _unary("Abs", np.abs, _away),
    _unary("Sin", np.sin),
    _unary("Cos", np.cos),
    _unary("Tan", np.tan),
    _unary("Asin", np.arcsin, lambda *s: _u(*s, low=-0.8, high=0.8)),
    _unary("ACos", np.arccos, lambda *s: _u(*s, low=-0.8, high=0.8)),
    _unary("Atan", np.arctan),
    _unary("Sinh", np.sinh),
    _unary("Cosh", np.cosh),
    _unary("Tanh", np.tanh),
    _unary("Asinh", np.arcsinh),
    _unary("Acosh", np.arccosh, lambda *s: _u(*s, low=1.3, high=3.0)),
    _unary("Atanh", np.arctanh, lambda *s: _u(*s, low=-0.8, high=0.8)),
    _unary("Erf", ref.erf),
    _unary("Erfinv", lambda x: np.vectorize(_erfinv)(x), lambda *s: _u(*s, low=-0.8, high=0.8)),
    _unary("Sigmoid", _sigmoid),
    _unary("Softplus", _softplus),
    _unary("ReLU", lambda x: np.maximum(x, 0), _away),
    _unary("Identity", lambda x: x),
    _binary("Add", np.add),
    _binary("AddN", np.add),
    _binary("Sub", np.subtract),
    _binary("Mul", np.multiply),
    _binary("RealDiv", np.divide, dy=_pos),
    _binary("Pow", np.power, dx=_pos),
    _binary("Maximum", np.maximum, dx=_away),      # (continuous y: no ties with x)
    _binary("Minimum", np.minimum, dx=_away),
    _binary("Atan2", np.arctan2, dx=_pos, dy=_pos),
    _binary("FloorMod", np.remainder, dx=lambda *s: _u(*s, low=0.1, high=0.9), dy=lambda *s: _u(*s, low=1.5, high=2)),
    ("ReluGrad", dict(args=[_u(2, 3), _away(2, 3)], ref=lambda d, x: d * (x > 0))),
    ("Cast", dict(args=[_u(2, 3)], params=dict(dtype=np.dtype(np.float64)), ref=lambda x: x)),
    ("Select", dict(args=[_u(2, 3), _u(2, 3)], fixed=[_int([[True, False, True], [False, False, True]])],
                    fixed_first=True, ref=lambda c, x, y: np.where(c, x, y))),
    ("ReduceSum", dict(args=[_u(2, 3, 4)], params=dict(axis=(0, 2), keepdims=False), ref=lambda x: x.sum((0, 2)))),
    ("ReduceMean", dict(args=[_u(2, 3, 4)], params=dict(axis=(1,), keepdims=True),
                        ref=lambda x: x.mean(1, keepdims=True))),
    ("ReduceMax", dict(args=[_away(2, 3)], params=dict(axis=(1,), keepdims=False), ref=lambda x: x.max(1))),
    ("ReduceMin", dict(args=[_away(2, 3)], params=dict(axis=None, keepdims=False), ref=lambda x: x.min())),
    ("ReduceProd", dict(args=[_pos(2, 3)], params=dict(axis=(0,), keepdims=False), ref=lambda x: x.prod(0))),
    ("ExpandBack", dict(args=[_u(3)], params=dict(shape=(2, 3), axis=(0,), keepdims=False, average=True),
                        ref=lambda d: np.broadcast_to(d / 2, (2, 3)))),
    ("CumSum", dict(args=[_u(2, 3)], params=dict(axis=1, exclusive=False, reverse=True),
                    ref=lambda x: np.cumsum(x[:, ::-1], 1)[:, ::-1])),
    ("CumProd", dict(args=[_pos(2, 3)], params=dict(axis=1, exclusive=True, reverse=False),
                     ref=lambda x: np.concatenate([np.ones((2, 1)), np.cumprod(x, 1)[:, :-1]], 1))),
    ("Reshape", dict(args=[_u(2, 3)], params=dict(shape=(3, 2)), ref=lambda x: x.reshape(3, 2))),
    ("Transpose", dict(args=[_u(2, 3, 4)], params=dict(perm=(2, 0, 1)), ref=lambda x: x.transpose(2, 0, 1))),
    ("BroadcastTo", dict(args=[_u(1, 3)], params=dict(shape=(2, 3)), ref=lambda x: np.broadcast_to(x, (2, 3)))),
    ("SumTo", dict(args=[_u(2, 3)], params=dict(shape=(1, 3)), ref=lambda x: x.sum(0, keepdims=True))),
    ("Slice", dict(args=[_u(3, 4)], params=dict(starts=(1, 0), stops=(3, 3)), ref=lambda x: x[1:3, 0:3])),
    ("Pad", dict(args=[_u(2, 3)], params=dict(pad_width=((1, 0), (0, 2)), value=0.5),
                 ref=lambda x: np.pad(x, ((1, 0), (0, 2)), constant_values=0.5))),
    ("Concat", dict(args=[_u(2, 3), _u(1, 3)], params=dict(axis=0), ref=lambda a, b: np.concatenate([a, b], 0))),
    ("ReverseV2", dict(args=[_u(2, 3)], params=dict(axis=(1,)), ref=lambda x: x[:, ::-1])),
    ("Tril", dict(args=[_u(3, 3)], params=dict(diagonal=0), ref=np.tril)),
    ("Triu", dict(args=[_u(3, 3)], params=dict(diagonal=1), ref=lambda x: np.triu(x, 1))),
    ("Getitem", dict(args=[_u(2, 3)], params=dict(index=GETITEM), ref=lambda x: x[GETITEM])),
    ("GetitemGrad", dict(args=[_u(2, 3)], params=dict(index=GETITEM, shape=(2, 3)),
                         ref=lambda d: _index_add(d, GETITEM, (2, 3)))),
    ("TensorScatterUpdate", dict(args=[_u(2, 3), _u(2)], params=dict(index=(slice(None), 1)),
                                 ref=lambda x, v: np.where(np.arange(3) == 1, v[:, None], x))),
    ("Gather", dict(args=[_u(3, 2)], fixed=[_int(IDX)], params=dict(axis=0), ref=lambda x, i: x[i])),
    ("GatherGrad", dict(args=[_u(3, 2)], fixed=[_int(IDX)], params=dict(axis=0, shape=(3, 2)),
                        ref=lambda d, i: _index_add(d, i, (3, 2)))),
    ("GatherD", dict(args=[_u(2, 3)], fixed=[_int(ALONG)], params=dict(axis=1),
                     ref=lambda x, i: np.take_along_axis(x, i, 1))),
    ("GatherDGrad", dict(args=[_u(2, 3)], fixed=[_int(ALONG)], params=dict(axis=1, shape=(2, 3)),
                         ref=lambda d, i: _index_add(d, (np.arange(2)[:, None], i), (2, 3)))),
    ("MatMul", dict(args=[_u(2, 4), _u(4, 3)], ref=np.matmul)),
    ("Outer", dict(args=[_u(4), _u(3)], ref=np.outer)),
    ("Dense", dict(args=[_u(2, 4), _u(3, 4), _u(3)], ref=lambda x, w, b: x @ w.T + b)),
    ("Softmax", dict(args=[_u(2, 3)], params=dict(axis=1), ref=lambda x: ref.softmax(x, 1))),
    ("LogSoftmax", dict(args=[_u(2, 3)], params=dict(axis=0), ref=lambda x: ref.log_softmax(x, 0))),
    # (the weights have no derivative on purpose, as in MindSpore: held fixed)
    ("BCEWithLogits", dict(args=[_u(2, 3), rng.uniform(0, 1, (2, 3))], fixed=[_wrap(_pos(2, 3)), _wrap(_pos(2, 3))],
                           params=dict(reduction="mean"), ref=lambda *a: _bce(*a).mean())),
    ("BCEWithLogitsGrad", dict(args=[_u(2, 3), _u(2, 3), rng.uniform(0, 1, (2, 3)), _pos(2, 3), _pos(2, 3)],
                               params=dict(reduction="none"), ref=_bce_dx)),
    ("SpreadLoss", dict(args=[_u()], params=dict(shape=(2, 3), reduction="mean"),
                        ref=lambda d: np.full((2, 3), d / 6))),
    ("BinaryCrossEntropy", dict(args=[rng.uniform(0.1, 0.9, (2, 3)), rng.uniform(0, 1, (2, 3))],
                                fixed=[_wrap(_pos(2, 3))],
                                ref=lambda x, y, w: -w * (y * np.log(x) + (1 - y) * np.log(1 - x)))),
    ("SparseSoftmaxCrossEntropy", dict(args=[_u(3, 4)], fixed=[_int(TARGET)],
                                       params=dict(ignore_index=-100, reduction="sum"),
                                       ref=lambda x, t: _softmax_ce(x, t, "sum"))),
    ("SparseSoftmaxCrossEntropyGrad", dict(args=[_u(3), _u(3, 4)], fixed=[_int(TARGET)],
                                           params=dict(ignore_index=-100, reduction="none"),
                                           ref=_softmax_ce_grad)),
])

# the families with a case file of their own (tests/ops/prim_cases_*.py, each a CASES dict of the same form)
for _path in sorted(pathlib.Path(__file__).parent.glob("prim_cases_*.py")):
    _module = importlib.import_module(_path.stem)
    _overlap = set(CASES) & set(_module.CASES)
    assert not _overlap, f"{_path.name} repeats the cases {sorted(_overlap)}"
    CASES.update(_module.CASES)

# effects: differentiable in form only (their outputs are a token or the written Parameter)
# rules that raise (no derivative): EigPart (tests/test_golden_linalg.py), ParameterWritten (tests/test_golden_scatter.py)
NOT_IN_TABLE = {"OptimizerStep", "EigPart", "ParameterWritten"}


def _erfinv(y):
    lo, hi = -6.0, 6.0
    for _ in range(200):             # bisection on math.erf: independent of the kernel's formula
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if math.erf(mid) < y else (lo, mid)
    return (lo + hi) / 2


def _call(name, case):
    prim = _p(name)
    fixed = case.get("fixed", [])
    params = case.get("params", {})

    wrap = case.get("wrap")     # wrap(call, *inputs): real arrays in and out around a complex primitive

    def f(*xs):
        inputs = (list(fixed) + list(xs)) if case.get("fixed_first") else (list(xs) + list(fixed))
        if wrap is not None:
            return wrap(lambda *ins: bind(prim, *ins, **params), *inputs)
        return bind(prim, *inputs, **params)
    return f


def test_every_differentiable_primitive_has_a_case():
    differentiable = {p.name for p in Primitive.registry.values() if p.vjps is not None and p.arity != 0
                      and any(r is not NONDIFF for r in (p.vjps if isinstance(p.vjps, tuple) else [p.vjps[0]]))}
    differentiable -= {p.name for p in Primitive.registry.values() if p.name.startswith("Test")}
    assert sorted(differentiable - set(CASES) - NOT_IN_TABLE) == []


def _case(name):
    """The case of ``name``; skipped, with the reason shown, when it needs an optional extra that is absent."""
    case = CASES[name]
    need = case.get("needs")
    if need and importlib.util.find_spec(need) is None:
        pytest.skip(f"{name} computes with {need}: pip install minispore[{need}]")
    return case


@pytest.mark.parametrize("name", sorted(CASES))
def test_forward_value_against_numpy(name):
    case = _case(name)
    out = _call(name, case)(*[_wrap(np.asarray(a, np.float64)) for a in case["args"]])
    fixed = [t.asnumpy() for t in case.get("fixed", [])]
    args = [np.asarray(a, np.float64) for a in case["args"]]
    expected = case["ref"](*((fixed + args) if case.get("fixed_first") else (args + fixed)))
    rtol, atol = case.get("tol", (1e-10, 1e-12))
    np.testing.assert_allclose(out.asnumpy(), expected, rtol=rtol, atol=atol)
    assert out.asnumpy().dtype == np.float64


@pytest.mark.parametrize("name", sorted(CASES))
def test_derivatives_against_central_differences(name):
    case = _case(name)
    check_grads(_call(name, case), case["args"], order=2)
