"""Session-wide checks that every test exercises for free.

Every primitive's shape rule is checked against its impl: while the suite runs, each impl call also evaluates the
primitive's ``abstract`` rule on the same inputs and fails the test when the (shape, dtype) differ. jit traces with
those rules alone, so a wrong rule would make a compiled graph disagree with eager execution.
"""
import functools

import pytest

from minispore import ops  # noqa: F401  (registers every primitive)
from minispore._core.errors import TracerValueError
from minispore._core.primitive import Primitive


class ShapeRuleMismatch(AssertionError):
    pass


def _checked(prim, impl):
    @functools.wraps(impl)
    def run(*arrays, **params):
        out = impl(*arrays, **params)
        try:
            shape, dtype = prim.abstract(*arrays, **params)
        except TracerValueError:
            return out       # an output shape that depends on values (nonzero, unique): no rule to check
        if tuple(out.shape) != tuple(shape) or out.dtype != dtype:
            raise ShapeRuleMismatch(f"shape rule of '{prim.name}' gives {tuple(shape)} {dtype} but the impl gives "
                                    f"{tuple(out.shape)} {out.dtype} for inputs "
                                    f"{[(tuple(a.shape), str(a.dtype)) for a in arrays]} and {params}")
        return out
    run.unchecked = impl
    return run


@pytest.fixture(autouse=True, scope="session")
def check_shape_rules():
    originals = {}
    for prim in Primitive.registry.values():
        originals[prim] = prim.impl
        prim.impl = _checked(prim, prim.impl)
    yield
    for prim, impl in originals.items():
        prim.impl = impl
