"""Reference ("golden") cases for MindSpore 2.10's complex dtypes, complex functions and FFTs (minispore's
``_core/dtype.py`` complex types, ``ops/function/complex_func.py``, ``ops/function/fft_func.py`` and
``ops/operations/spectral_ops.py``).

Tables:
* ``PRINT_ROWS``: ``repr`` and ``str`` of complex tensors (MindSpore's printer).
* ``ROWS``: ``(case, function, inputs, kwargs, with gradient)``: an ``ops`` function's output; with gradient also
  ``<case>/grad``: ``ms.grad`` of a real loss (the output, or for a complex output its real and imaginary parts,
  times fixed seeded weights, summed) with respect to every float32 / complex64 array input.
* ``PRIM_ROWS``: ``(class, constructor args, constructor kwargs, inputs, with gradient)``: the printed Primitive,
  its ``name`` and its output (and gradient, as above).
* ``ERROR_ROWS``: ``(case, function, inputs, kwargs)``: calls MindSpore refuses (the error class).

``gen_complex.py`` records ``complex.json`` with MindSpore; tests/test_golden_complex.py runs the same rows on
minispore. Inputs: NumPy arrays (made into Tensors), Python values, ``"dt:complex64"`` dtype names, ``("T", v,
"int32")`` a Tensor of a Python value.
"""
import numpy as np

import rows


_r = rows.uniform


def _c(seed, shape, dtype=np.complex64):
    g = np.random.default_rng(seed)
    return (g.uniform(-1, 1, shape) + 1j * g.uniform(-1, 1, shape)).astype(dtype)


C3 = _c(1, (3,))
C23 = _c(2, (2, 3))
D23 = _c(3, (2, 3))
C128 = _c(4, (2, 3), np.complex128)
C34 = _c(5, (3, 4))
A23 = _r(6, (2, 3))
B23 = _r(7, (2, 3), 0.2, 2.0)
F8 = _r(8, (8,))
F34 = _r(9, (3, 4))
F64 = _r(10, (6,), dtype=np.float64)
I8 = np.arange(8, dtype=np.int32)
C5 = _c(11, (5,))
ZEROISH = np.array([1e10 + 1e-7j, np.nan + 1j, complex(np.inf, -np.inf), -0.0 - 0.0j], np.complex64)

# (case, what, array): repr and str
PRINT_ROWS = [
    ("print/c23", C23),
    ("print/c128", C128),
    ("print/special", ZEROISH),
    ("print/long", np.arange(14).astype(np.complex64) * (1 - 0.5j)),
    ("print/summarised", np.arange(64).reshape(8, 8).astype(np.complex64) + 1j),
    ("print/scalar", np.complex64(1.5 - 2j)),
    ("print/empty", np.zeros((0,), np.complex64)),
    ("print/big", np.array([123456.789 + 0.000123j], np.complex64)),
]

ROWS = [
    # elementwise arithmetic on complex tensors
    ("add", "add", [C23, D23], {}, False),
    ("add/float32", "add", [C23, A23], {}, False),
    ("add/float64", "add", [C23, A23.astype(np.float64)], {}, False),
    ("add/int32", "add", [C23, np.arange(6, dtype=np.int32).reshape(2, 3)], {}, False),
    ("add/c128", "add", [C23, C128], {}, False),
    ("add/scalar_int", "add", [C23, 2], {}, False),
    ("mul/scalar_float", "mul", [C23, 2.5], {}, False),
    ("sub", "sub", [C23, D23], {}, False),
    ("mul", "mul", [C23, D23], {}, False),
    # div, exp, log, sqrt, sin, cos, tanh, reciprocal of complex tensors: tests/_core/test_complex.py (they need
    # ops/function/math_func.py to let complex inputs through its float-only cast)
    ("neg", "neg", [C23], {}, False),
    ("square", "square", [C23], {}, False),
    ("abs", "abs", [C23], {}, False),
    ("equal", "equal", [C23, C23 * np.array([1, 2, 1], np.complex64)], {}, False),
    ("not_equal", "not_equal", [C23, C23 * np.array([1, 2, 1], np.complex64)], {}, False),
    ("matmul", "matmul", [C23, C34], {}, False),
    ("cast/float32", "cast", [C23, "dt:float32"], {}, False),
    ("cast/int32", "cast", [C3 * 3, "dt:int32"], {}, False),
    ("cast/complex128", "cast", [C23, "dt:complex128"], {}, False),
    ("cast/from_float32", "cast", [A23, "dt:complex64"], {}, False),
    ("cast/bool", "cast", [np.array([0j, 1j, 0.5, 0], np.complex64), "dt:bool_"], {}, False),
    ("sum", "sum", [C23], {}, False),
    # the complex functions
    ("real", "real", [C23], {}, True),
    ("real/c128", "real", [C128], {}, False),
    ("real/float", "real", [A23], {}, False),
    ("imag", "imag", [C23], {}, True),
    ("imag/float", "imag", [A23], {}, False),
    ("conj", "conj", [C23], {}, False),
    ("conj/float", "conj", [A23], {}, False),
    ("angle", "angle", [C23], {}, True),
    ("angle/c128", "angle", [C128], {}, False),
    ("polar", "polar", [B23, A23], {}, True),
    ("polar/float64", "polar", [B23.astype(np.float64), A23.astype(np.float64)], {}, False),
    ("view_as_real", "view_as_real", [C23], {}, True),
    # FFTs
    ("fft", "fft", [F8], {}, True),
    ("fft/complex", "fft", [C5], {}, True),
    ("fft/n_pad", "fft", [F8], {"n": 11}, True),
    ("fft/n_crop", "fft", [F8], {"n": 5}, True),
    ("fft/ortho", "fft", [C34], {"dim": 0, "norm": "ortho"}, True),
    ("fft/forward", "fft", [F8], {"norm": "forward"}, True),
    ("fft/int", "fft", [I8], {}, False),
    ("fft/float64", "fft", [F64], {}, False),
    ("ifft", "ifft", [C5], {}, True),
    ("ifft/n", "ifft", [C34], {"n": 6, "norm": "ortho"}, True),
    ("fft2", "fft2", [C34], {}, True),
    ("fft2/s", "fft2", [F34], {"s": (2, 6)}, True),
    ("ifft2", "ifft2", [C34], {"norm": "forward"}, True),
    ("fftn", "fftn", [C34], {}, True),
    ("fftn/dim", "fftn", [F34], {"dim": (0,)}, True),
    ("ifftn", "ifftn", [C34], {"s": (4, 3)}, True),
    ("rfft", "rfft", [F8], {}, True),
    ("rfft/n", "rfft", [F8], {"n": 7}, True),
    ("rfft/complex", "rfft", [C5], {}, False),
    ("rfft/float64", "rfft", [F64], {}, False),
    ("irfft", "irfft", [C5], {}, True),
    ("irfft/n", "irfft", [C5], {"n": 7}, True),
    ("irfft/ortho", "irfft", [C34], {"dim": 0, "norm": "ortho"}, True),
    ("irfft/float", "irfft", [F8], {}, True),
    ("rfft2", "rfft2", [F34], {}, True),
    ("irfft2", "irfft2", [C34], {}, True),
    ("irfft2/s", "irfft2", [C34], {"s": (3, 5)}, True),
    ("rfftn", "rfftn", [F34], {"norm": "ortho"}, True),
    ("irfftn", "irfftn", [C34], {}, True),
    ("hfft", "hfft", [C5], {}, True),
    ("hfft/n", "hfft", [C5], {"n": 9, "norm": "ortho"}, True),
    ("ihfft", "ihfft", [F8], {}, True),
    ("ihfft/forward", "ihfft", [F8], {"norm": "forward"}, True),
    ("hfft2", "hfft2", [C34], {}, True),
    ("ihfft2", "ihfft2", [F34], {}, True),
    ("hfftn", "hfftn", [C34], {"s": (3, 4)}, False),
    ("ihfftn", "ihfftn", [F34], {}, True),
    ("fftshift", "fftshift", [F34], {}, False),
    ("fftshift/dim", "fftshift", [C34], {"dim": 1}, False),
    ("fftshift/int", "fftshift", [np.arange(5)], {}, False),
    ("ifftshift", "ifftshift", [F34], {}, False),
    ("ifftshift/dim", "ifftshift", [F34], {"dim": (0,)}, False),
    ("fftfreq", "fftfreq", [5], {}, False),
    ("fftfreq/d", "fftfreq", [4, 0.5, "dt:float64"], {}, False),
    ("rfftfreq", "rfftfreq", [5], {}, False),
    ("rfftfreq/d", "rfftfreq", [8, 0.1], {}, False),
    # windows
    ("hann_window", "hann_window", [5], {}, False),
    ("hann_window/symmetric", "hann_window", [5, False], {}, False),
    ("hann_window/float32", "hann_window", [6], {"dtype": "dt:float32"}, False),
    ("hann_window/one", "hann_window", [1], {}, False),
    ("hamming_window", "hamming_window", [5], {}, False),
    ("hamming_window/float64", "hamming_window", [4, False], {"dtype": "dt:float64"}, False),
    ("hamming_window/alpha", "hamming_window", [6, True, 0.5, 0.5], {}, False),
    ("kaiser_window", "kaiser_window", [5], {}, False),
    ("kaiser_window/beta", "kaiser_window", [6, False, 5.0], {}, False),
    ("bartlett_window", "bartlett_window", [("T", 5, "int32")], {}, False),
    ("bartlett_window/symmetric", "bartlett_window", [("T", 6, "int64"), False], {}, False),
    ("blackman_window", "blackman_window", [("T", 5, "int32")], {}, False),
    ("stft", "stft", [_r(12, (16,))], {"n_fft": 4, "return_complex": True}, True),
    ("stft/batch_window", "stft", [_r(13, (2, 20))], {"n_fft": 8, "hop_length": 3, "win_length": 6,
                                                      "window": _r(14, (6,), 0.1, 1.0), "normalized": True,
                                                      "return_complex": False}, True),
    ("stft/constant_twosided", "stft", [_r(15, (12,))], {"n_fft": 4, "hop_length": 2, "pad_mode": "CONSTANT",
                                                          "onesided": False, "return_complex": True}, False),
    ("stft/no_center", "stft", [_r(16, (12,))], {"n_fft": 4, "center": False, "return_complex": True}, False),
    ("blackman_window/symmetric", "blackman_window", [("T", 7, "int32"), False], {"dtype": "dt:float64"}, False),
]

# (class, constructor args, constructor kwargs, inputs, with gradient)
PRIM_ROWS = [
    ("Complex", (), {}, [A23, B23], True),
    ("Real", (), {}, [C23], True),
    ("Imag", (), {}, [C23], True),
    ("Conj", (), {}, [C23], False),
    ("Angle", (), {}, [C23], True),
    ("ComplexAbs", (), {}, [C23], True),
    ("Polar", (), {}, [B23, A23], True),
    ("ConjugateTranspose", (), {}, [C23, (1, 0)], False),
    ("BartlettWindow", (), {}, [("T", 5, "int32")], False),
    ("BlackmanWindow", (False,), {"dtype": "dt:float64"}, [("T", 6, "int64")], False),
    ("HammingWindow", (), {}, [("T", [5], "int64")], False),
    ("STFT", (4, 2, 4, False, True, True), {}, [_r(17, (1, 12)), _r(18, (4,), 0.1, 1.0)], False),
    ("FFTWithSize", (1, False, False), {}, [C5], False),
    ("FFTWithSize", (1, False, True), {}, [F8], False, "FFTWithSize/rfft"),
    ("FFTWithSize", (1, True, True), {"signal_sizes": (8,)}, [C5], False, "FFTWithSize/irfft"),
    ("FFTWithSize", (2, True, False), {"norm": "ortho"}, [C34], False, "FFTWithSize/ifft2"),
]

ERROR_ROWS = [
    ("err/fft_norm", "fft", [F8], {"norm": "xx"}),
    ("err/fft_dim", "fft", [F8], {"dim": 3}),
    ("err/fft_n0", "fft", [F8], {"n": 0}),
    ("err/fft_bool", "fft", [np.ones(4, np.bool_)], {}),
    ("err/fft2_s_dim", "fft2", [F34], {"s": (3,)}),
    ("err/hann_negative", "hann_window", [-1], {}),
    ("err/bartlett_int", "bartlett_window", [5], {}),
    ("err/blackman_int", "blackman_window", [5], {}),
    ("err/view_as_real_float", "view_as_real", [A23], {}),
    ("err/polar_int", "polar", [np.ones(3, np.int32), np.ones(3, np.int32)], {}),
    ("err/add_complex_scalar", "add", [C23, 1 + 2j], {}),
]

_MIRRORED = ("MindSpore 2.10's ihfft gradient is mirrored (element k holds the gradient of element N - k); float64 "
             "central differences of the same loss agree with minispore (tests/_core/test_complex.py)")
_STFT_GRAD = ("MindSpore 2.10 cannot differentiate STFT ('bprop not defined'); minispore's stft is a composition of "
              "differentiable ops (its gradient checked by central differences in tests/_core/test_complex.py)")
DELIBERATE = {
    "stft/grad": _STFT_GRAD, "stft/batch_window/grad": _STFT_GRAD,
    "ihfft/grad": _MIRRORED, "ihfft/forward/grad": _MIRRORED, "ihfft2/grad": _MIRRORED, "ihfftn/grad": _MIRRORED,
    # MindSpore's ops.mul makes the float a Float32 tensor and its CPU Mul has no Complex64 x Float32 kernel, while
    # its own operator (Tensor * 2.5) gives the product: minispore gives the product both ways
    "mul/scalar_float": "MindSpore's ops.mul(complex tensor, float) fails to find a kernel; c * 2.5 works there",
}
TOLERANCE = {}


def _weights(shape):
    return np.random.default_rng(99).uniform(-1, 1, shape).astype(np.float32)


def cases(ms):
    ops = ms.ops
    out = []

    R = rows.Rows(ms, forms=("dt", "T"), wrt=rows.differentiated((np.float32, np.complex64)))
    arg = R.arg

    def loss(r):
        r = rows.first(r)
        w = ms.Tensor(_weights(tuple(r.shape)))
        if r.dtype in (ms.complex64, ms.complex128):
            return ops.sum(ops.real(r) * w) + ops.sum(ops.imag(r) * (w * 2 - 0.5))
        return ops.sum(r * w)

    def grad_thunk(call, inputs):
        return R.grad_of(call, inputs, loss=loss)

    for case, a in PRINT_ROWS:
        out.append((case, lambda a=a: (repr(ms.Tensor(a)), str(ms.Tensor(a)), str(ms.Tensor(a).dtype))))

    for case, fname, inputs, kw, with_grad in ROWS:
        def thunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **{k: arg(v) for k, v in kw.items()})
        out.append((case, thunk))
        if with_grad:
            def gthunk(fname=fname, inputs=inputs, kw=kw):
                call = lambda *full: getattr(ops, fname)(*full, **{k: arg(v) for k, v in kw.items()})  # noqa: E731
                return grad_thunk(call, inputs)
            out.append((case + "/grad", gthunk))

    for row in PRIM_ROWS:
        name, a, kw, inputs, with_grad = row[:5]
        case = row[5] if len(row) > 5 else name

        def pthunk(name=name, a=a, kw=kw, inputs=inputs):
            p = getattr(ops, name)(*a, **{k: arg(v) for k, v in kw.items()})
            return str(p), p.name, p(*[arg(v) for v in inputs])
        out.append((case, pthunk))
        if with_grad:
            def pgthunk(name=name, a=a, kw=kw, inputs=inputs):
                p = getattr(ops, name)(*a, **{k: arg(v) for k, v in kw.items()})
                return grad_thunk(p, inputs)
            out.append((case + "/grad", pgthunk))

    for case, fname, inputs, kw in ERROR_ROWS:
        def ethunk(fname=fname, inputs=inputs, kw=kw):
            return getattr(ops, fname)(*[arg(v) for v in inputs], **{k: arg(v) for k, v in kw.items()})
        out.append((case, ethunk))
    return out
