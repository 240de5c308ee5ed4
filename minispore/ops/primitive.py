"""``mindspore.ops.primitive``: the base classes of operators (``Primitive``, ``PrimitiveWithInfer``,
``PrimitiveWithCheck``) and the decorators user-defined ones are written with (``prim_attr_register``,
``constexpr``).

A user-defined Primitive in MindSpore declares its attributes with ``@prim_attr_register`` on ``__init__``, its
output shape and dtype in ``infer_shape``/``infer_dtype`` (or ``__infer__``) and gets its kernel from C++; minispore
has no C++ kernels, so such a Primitive computes what its ``__call__`` (written in Python with ``ops``) computes,
and a Primitive without one raises a TypeError naming it.
"""
import functools
import inspect

from .operations._base import Primitive

__all__ = ["Primitive", "PrimitiveWithInfer", "PrimitiveWithCheck", "prim_attr_register", "prim_arg_register",
           "constexpr"]


def _no_kernel(self, *args, **kwargs):
    raise TypeError(f"For '{self.name}', this user-defined Primitive has no kernel in minispore: define its "
                    f"__call__ with minispore's ops (MindSpore runs it with a C++ kernel).")


class PrimitiveWithInfer(Primitive):
    """A Primitive that infers its output with Python methods (``infer_shape``, ``infer_dtype``,
    ``infer_value``)."""

    def __init__(self, name=None):
        Primitive.__init__(self, name)

    __call__ = _no_kernel

    def infer_shape(self, *args):
        return None

    def infer_dtype(self, *args):
        return None

    def infer_value(self, *args):
        return None


class PrimitiveWithCheck(Primitive):
    """A Primitive that checks its inputs with Python methods (``check_shape``, ``check_dtype``)."""

    def __init__(self, name=None):
        Primitive.__init__(self, name)

    __call__ = _no_kernel

    def check_shape(self, *args):
        return None

    def check_dtype(self, *args):
        return None


def prim_attr_register(fn):
    """Decorate a Primitive's ``__init__``: the Primitive is initialised with its class name, and each argument
    (defaults included) becomes an attribute of it and an entry of ``attrs`` before ``__init__`` runs."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def deco(self, *args, **kwargs):
        Primitive.__init__(self, type(self).__name__)
        try:
            bound = signature.bind(self, *args, **kwargs)
        except TypeError as e:
            raise TypeError(f"For '{type(self).__name__}', {e}.") from None
        bound.apply_defaults()
        self.init_attrs = {}
        for name, value in list(bound.arguments.items())[1:]:
            kind = signature.parameters[name].kind
            if kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                continue
            setattr(self, name, value)
            self.add_prim_attr(name, value)
            self.init_attrs[name] = value
        fn(self, *args, **kwargs)

    deco.decorated_func = fn
    return deco


prim_arg_register = prim_attr_register


def constexpr(fn=None, get_instance=True, name=None, reuse_result=True, check=True):
    """Mark a function of constants (shapes, dtypes, Python values) evaluated when the graph is built; here it
    is called as it is, at trace time under ``jit`` and at once in PyNative mode."""
    def deco(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            return f(*args, **kwargs)
        wrapper.fn = f
        return wrapper

    if fn is not None and callable(fn):
        return deco(fn)
    return deco
