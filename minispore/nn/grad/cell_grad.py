"""``nn.Jvp`` and ``nn.Vjp`` (deprecated in MindSpore since 1.9 for ``ops.jvp``/``ops.vjp``, still imported by
older code): Cells whose ``construct(*inputs, v)`` returns ``(fn(*inputs), derivative)``."""
from ..cell import Cell
from ..._core.autodiff import GradOperation, jvp


def _check_args(name, args):
    if len(args) < 2:
        raise TypeError(f"For '{name}', the inputs must be the inputs of the function followed by the vector 'v', "
                        f"but got {len(args)} input(s).")


class Jvp(Cell):
    """The Jacobian-vector product of ``fn``: ``Jvp(fn)(*inputs, v)`` gives ``(fn(*inputs), J v)``, ``v`` one
    tangent per input (a tuple of them for several inputs)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def construct(self, *args):
        _check_args("Jvp", args)
        inputs, v = args[:-1], args[-1]
        if len(inputs) == 1:
            return jvp(self.fn, inputs[0], v)
        return jvp(self.fn, tuple(inputs), tuple(v) if isinstance(v, (tuple, list)) else v)


class Vjp(Cell):
    """The vector-Jacobian product of ``fn``: ``Vjp(fn)(*inputs, v)`` gives ``(fn(*inputs), v^T J)``, the
    gradient of one input as a Tensor, of several as a tuple."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn
        self.grad = GradOperation(get_all=True, sens_param=True)
        self.grad_single_value = GradOperation(sens_param=True)

    def construct(self, *args):
        _check_args("Vjp", args)
        inputs = args[:-1]
        output = self.fn(*inputs)
        grad = self.grad_single_value if len(inputs) == 1 else self.grad
        return output, grad(self.fn)(*args)
