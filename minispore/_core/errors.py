"""Errors shared by the engine and the layers above it."""


class TracerValueError(RuntimeError):
    """A value was needed while tracing a function for jit (the function then runs as written)."""


class MissingRuleError(NotImplementedError):
    """A primitive has no derivative rule for an argument that a gradient has to flow through.

    Distinct from a primitive that is *not differentiable* on purpose (argmax, comparisons), whose
    cotangent is zero by definition."""


class OutOfMemoryError(MemoryError, RuntimeError):
    """An allocation failed; the message names the operation, the shape, the bytes and what is available.
    (MindSpore raises RuntimeError "Allocate memory failed".)"""


class IndexOutOfRangeError(IndexError, RuntimeError):
    """An index tensor holds a value outside the indexed dimension (MindSpore raises RuntimeError)."""


class LabelOutOfRangeError(ValueError, RuntimeError):
    """A class label is neither in [0, num_classes) nor ignore_index (MindSpore raises RuntimeError)."""


class RaggedSequenceError(ValueError, TypeError):
    """Nested lists whose rows have different lengths (MindSpore's Tensor() raises TypeError, its operators
    ValueError)."""


class InputTypeError(TypeError, ValueError):
    """A Tensor made from data of an unsupported kind (None, a str ...): MindSpore raises TypeError."""
