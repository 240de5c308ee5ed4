"""MindSpore's complex-number, FFT and window Primitive classes (``Complex``, ``Real``, ``Imag``, ``Conj``,
``Angle``, ``ComplexAbs``, ``Polar``, ``ConjugateTranspose``, ``FFTWithSize``, ``HammingWindow``, ``BartlettWindow``,
``BlackmanWindow``), thin wrappers over ``ops/function/complex_func.py`` and ``fft_func.py``.

MindSpore keeps them in ``math_ops`` (the complex and FFT ones), ``array_ops`` (``ConjugateTranspose``,
``HammingWindow``) and ``spectral_ops`` (the Bartlett and Blackman windows); those modules re-export them from here.
Printed forms, recorded in tests/golden/complex.json: ``Prim[FFTWithSize]<signal_ndim=1, inverse=False, real=False,
norm=0, onesided=True, signal_sizes=()>`` (``norm`` as MindSpore's enum), ``Prim[HammingWindow]<..., dtype=0>``
(its dtype as MindSpore's type id), ``Prim[BartlettWindow]<periodic=True, dtype=Float32, max_length=1000000>``.
"""
from ..._core import dtype as mstype
from ..function import complex_func as CF
from ..function import fft_func as FF
from ._base import _MISSING, prim

__all__ = ["Complex", "Real", "Imag", "Conj", "Angle", "ComplexAbs", "Polar", "ConjugateTranspose", "FFTWithSize",
           "HammingWindow", "BartlettWindow", "BlackmanWindow", "STFT"]

_IO = lambda inputs, outputs: (("input_names", list(inputs)), ("output_names", list(outputs)))  # noqa: E731

Complex = prim("Complex", lambda self, real, imag: CF.complex(real, imag))
Real = prim("Real", lambda self, input: CF.real(input))
Imag = prim("Imag", lambda self, input: CF.imag(input), hidden=_IO(["input"], ["output"]))
Conj = prim("Conj", lambda self, input: CF.conj(input))
Angle = prim("Angle", lambda self, input: CF.angle(input))
ComplexAbs = prim("ComplexAbs", lambda self, x: CF.complex_abs(x), hidden=_IO(["x"], ["y"]))
Polar = prim("Polar", lambda self, abs, angle: CF.polar(abs, angle))
ConjugateTranspose = prim("ConjugateTranspose", lambda self, x, perm: CF.conjugate_transpose(x, perm),
                          hidden=_IO(["x", "perm"], ["output"]))

_NORM_ENUM = {"backward": 0, "forward": 1, "ortho": 2}


def _fft_with_size(self, x):
    k = self.signal_ndim
    if not isinstance(k, int) or not 1 <= k <= 3:
        raise ValueError(f"For 'FFTWithSize', 'signal_ndim' must be 1, 2 or 3, but got {k!r}.")
    if self.norm not in _NORM_ENUM:
        raise ValueError(f"For 'FFTWithSize', 'norm' must be one of {list(_NORM_ENUM)}, but got {self.norm!r}.")
    if x.ndim < k:
        raise ValueError(f"For 'FFTWithSize', the input must have at least signal_ndim={k} dimensions, but got "
                         f"shape {list(x.shape)}.")
    dims = tuple(range(x.ndim - k, x.ndim))
    if not self.real:
        return (FF.ifftn if self.inverse else FF.fftn)(x, None, dims, self.norm)
    if not self.inverse:
        return (FF.rfftn if self.onesided else FF.fftn)(x, None, dims, self.norm)
    if not self.onesided:
        return CF.real(FF.ifftn(x, None, dims, self.norm))
    sizes = tuple(self.signal_sizes) if self.signal_sizes else None
    if sizes is not None and len(sizes) != k:
        raise ValueError(f"For 'FFTWithSize', 'signal_sizes' {list(sizes)} must have signal_ndim={k} sizes.")
    return FF.irfftn(x, sizes, dims, self.norm)


FFTWithSize = prim("FFTWithSize", _fft_with_size,
                   [("signal_ndim", _MISSING), ("inverse", _MISSING), ("real", _MISSING), ("norm", "backward"),
                    ("onesided", True), ("signal_sizes", ())],
                   shown={"norm": lambda v: _NORM_ENUM.get(v, v), "signal_sizes": tuple})

_TYPE_ID = {mstype.float16: 1, mstype.float32: 0, mstype.float64: 11}


def _length(length, op, rank):
    """The window length of a Primitive's integer tensor input (HammingWindow: of shape [1])."""
    from ..._core.tensor import Tensor
    if not isinstance(length, Tensor):
        raise TypeError(f"For Primitive[{op}], the type of input argument[window_length] must be Tensor but got "
                        f"{type(length).__name__}.")
    if rank == 1 and length.ndim != 1:
        raise ValueError(f"For primitive[{op}], the length dim must be equal to 1, but got {length.ndim}.")
    return length


HammingWindow = prim("HammingWindow",
                     lambda self, length: FF.hamming_window(int(_length(length, "HammingWindow", 1).asnumpy()[0]),
                                                            self.periodic, self.alpha, self.beta, dtype=self.dtype),
                     [("periodic", True), ("alpha", 0.54), ("beta", 0.46), ("dtype", mstype.float32)],
                     hidden=_IO(["length"], ["y"]), shown={"dtype": lambda t: _TYPE_ID.get(t, t)})
BartlettWindow = prim("BartlettWindow",
                      lambda self, window_length: FF.bartlett_window(_length(window_length, "BartlettWindow", 0),
                                                                     self.periodic, dtype=self.dtype),
                      [("periodic", True), ("dtype", mstype.float32)], hidden=(("max_length", 1000000),))
BlackmanWindow = prim("BlackmanWindow",
                      lambda self, window_length: FF.blackman_window(_length(window_length, "BlackmanWindow", 0),
                                                                     self.periodic, dtype=self.dtype),
                      [("periodic", True), ("dtype", mstype.float32)], hidden=(("max_length", 1000000),))
STFT = prim("STFT", lambda self, x, window: FF.stft(x, self.n_fft, self.hop_length, self.win_length, window,
                                                    center=False, normalized=self.normalized,
                                                    onesided=self.onesided, return_complex=self.return_complex),
            [("n_fft", _MISSING), ("hop_length", _MISSING), ("win_length", _MISSING), ("normalized", _MISSING),
             ("onesided", _MISSING), ("return_complex", _MISSING)])
